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


@pytest.mark.parametrize("language, revoked, mismatch", [
    ("en", "This device (desk-1) has been revoked by the organiser", "The event data differs between this device and b"),
    ("ko", "desk-1", "b"),
    ("zh-Hant", "desk-1", "b"),
])
def test_the_daemons_own_messages_are_in_the_desks_language(make_kiosk, db, language, revoked, mismatch):
    """Issue 13: the sync daemon's messages (a revoked device, another event's data) were English
    on a Korean or Chinese desk. It stores a code with its English text; the desk says it."""
    from kiosk.models.sync_state import encode_message

    window = make_kiosk(language=language)
    shown = {}
    for code, args, english in (
            ("sync_revoked_self", {"device": "desk-1"}, "desk-1 has been revoked by the organiser; it no longer syncs."),
            ("sync_reference_mismatch", {"device": "b", "differences": "attendees: 300 here, 301 there"},
             "The event data differs between this device and device b (attendees: 300 here, 301 there). Load the "
             "same data on both (init-db or import) before syncing; nothing was exchanged."),
            ("sync_revoked", {"device": "k9"}, "k9 has been revoked"),
            ("sync_unauthenticated", {"device": "stranger"}, "'stranger' is not enrolled"),
            ("sync_self", {"device": ""}, "a connection to itself (a reflection?)"),
            ("sync_other_event", {"device": "x", "event": "other2024"}, "device x belongs to another event")):
        operations.write_sync_status(db, device_id="desk-1", peers=[], last_sync=None, waiting=0,
                                     message=encode_message(english, code, args), now=kst("06-14 10:00"))
        window.desk.refresh_sync()
        shown[code] = window.desk.sync_line.text().split("\n", 1)[1]
        assert english not in shown[code] or language == "en", (code, shown[code])
        assert all(v in shown[code] for v in args.values()), (code, shown[code])
    assert revoked in shown["sync_revoked_self"] and mismatch in shown["sync_reference_mismatch"]
    if language != "en":
        assert not any("revoked" in t or "enrolled" in t or "event data" in t for t in shown.values()), shown
    # a plain message from an older daemon is shown as it is
    operations.write_sync_status(db, device_id="desk-1", peers=[], last_sync=None, waiting=0,
                                 message="plain words", now=kst("06-14 10:00"))
    window.desk.refresh_sync()
    assert window.desk.sync_line.text().endswith("plain words")
