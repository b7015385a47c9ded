"""The desk's sync line says how many sync entries were quarantined, in the desk's language."""

import pytest

from kiosk import operations
from tests.conftest import kst


@pytest.mark.parametrize("language, words", [("en", "2 sync entries quarantined"),
                                             ("ko", "격리된 동기화 항목 2건"),
                                             ("zh-Hant", "2 筆同步項目已隔離")])
def test_the_quarantine_count_is_in_the_desks_language(make_kiosk, db, language, words):
    for n in (1, 2):
        db.execute("INSERT INTO sync_log (device, n, entry, sig, link, kind, key, status, reason) "
                   "VALUES ('stolen', ?, '{}', '', '', 'scan', NULL, 'quarantined', 'unknown list')", (n,))
    operations.write_sync_status(db, device_id="desk-1", peers=[], last_sync=None, waiting=0, message="",
                                 now=kst("06-14 10:00"))
    window = make_kiosk(language=language)
    window.desk.refresh_sync()
    text = window.desk.sync_line.text()
    assert words in text
    assert "quarantined" not in text or language == "en"
