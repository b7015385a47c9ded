"""A desk whose host clock is wrong (it says 2026 during a 2023 event) on a database that syncs:
each scan is refused at the desk with a clear message — nothing written — instead of being
recorded here and quarantined by every other device, and staff see the problem from the start
(found by the attack on issue 13)."""

import sqlite3
from datetime import datetime

import pytest

from kiosk.models import badges
from tests.conftest import KST, kst


def _payload(conn):
    pem, _ = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    store = conn.checkins
    store.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    return badges.sign(key, store.prefix, conn.badges.current_badge("A0001", reissue=False, now=kst("06-13 12:00")))


def _syncs(conn):
    """The database met its sync authority (what `sync ca` or a device's first start records)."""
    conn.execute("INSERT INTO sync_authority (id, public_key, cert, pinned_at) VALUES (1, ?, '', ?)",
                 ("00" * 32, kst("06-13 12:00").isoformat()))


def _count(db_path, sql="SELECT count(*) FROM scan"):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


WRONG = datetime(2026, 11, 29, 10, 0, tzinfo=KST)


@pytest.mark.parametrize("language, banner, refused", [
    ("en", "This device's clock says 2026-11-29 10:00", "This device's clock says 2026-11-29; ask the organiser."),
    ("ko", "2026-11-29 10:00", "2026-11-29"),
])
def test_a_wrong_clock_is_shown_at_start_and_every_scan_is_refused(make_kiosk, qtbot, db, db_path, clock, language,
                                                                  banner, refused):
    payload = _payload(db)
    _syncs(db)
    clock.set(WRONG)
    window = make_kiosk(language=language)
    kiosk_health = window.health
    assert kiosk_health.clock_problem == WRONG                 # known from the start, before any scan
    window.enter_staff_mode("staff")
    window.desk.choose_list("entry")
    assert window.desk.banner.isVisible() and banner in window.desk.banner.text()
    before = _count(db_path)
    window.desk.scan(payload)
    qtbot.waitUntil(lambda: not window.desk.saving, timeout=3000)
    assert refused in window.desk.name.text()
    assert window.desk.word.text() != "OK — welcome"
    if language == "en":
        assert window.desk.word.text() == "NOT RECORDED"
        assert "Nothing was written" in window.desk.who.text()
    else:
        assert "NOT RECORDED" not in window.desk.word.text()      # translated
        assert "ask the organiser" not in window.desk.name.text()
    window.desk.manual("A0002")                                  # a look-up check-in: the same
    qtbot.waitUntil(lambda: not window.desk.saving, timeout=3000)
    window.desk.undo()
    assert "2026-11-29" in window.desk.status.text()
    assert _count(db_path) == before and _count(db_path, "SELECT count(*) FROM undone_checkin") == 0
    # the organiser sets the clock: the banner goes when the desk is next opened, and scans count
    clock.set(kst("06-14 10:00"))
    window.lock_staff_mode()
    window.enter_staff_mode("staff")
    window.desk.choose_list("entry")
    assert not window.desk.banner.isVisible()
    window.desk.scan(payload)
    qtbot.waitUntil(lambda: not window.desk.saving, timeout=3000)
    assert _count(db_path, "SELECT count(*) FROM scan WHERE code = 'OK'") == 1


def test_a_database_that_does_not_sync_is_not_limited(make_kiosk, qtbot, db, db_path, clock):
    """A demo or a laptop preparing data: nothing it records travels, so the clock is not policed."""
    payload = _payload(db)
    clock.set(WRONG)
    window = make_kiosk()
    assert window.health.clock_problem is None
    window.enter_staff_mode("staff")
    window.desk.choose_list("entry")
    window.desk.scan(payload)
    qtbot.waitUntil(lambda: not window.desk.saving, timeout=3000)
    assert _count(db_path) == 1                 # recorded (the list is closed in 2026: OUTSIDE_WINDOW)


@pytest.mark.parametrize("language, refused", [
    ("en", "Not saved: this device's clock says 2026-11-29; ask the organiser."),
    ("ko", "2026-11-29"),
])
def test_the_schedule_desk_says_a_wrong_clock_in_the_volunteers_language(make_kiosk, qtbot, db, clock, language,
                                                                        refused):
    """An edit refused for the device's clock said so in English on every screen language (the
    model's message); it now says it in the desk's language, and nothing is saved."""
    from PySide6.QtCore import Qt

    _syncs(db)
    db.pins.set_pin("volunteer", "135791", kst("06-13 12:00"))
    clock.set(WRONG)
    window = make_kiosk(language=language)
    qtbot.mouseClick(window.home.staff, Qt.MouseButton.LeftButton)
    for d in ["1", "3", "5", "7", "9", "1", "OK"]:
        qtbot.mouseClick(window.pin_pad.keys[d], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_view() == "editor", timeout=5000)
    editor = window.editor
    editor.select("d1-masterclass2")
    qtbot.mouseClick(editor.room_buttons["204"], Qt.MouseButton.LeftButton)
    editor.by.setText("Mina")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    text = editor.result.text()
    assert refused in text
    if language == "ko":
        assert "clock says" not in text and "outside the event" not in text
    assert window.repo.db.schedule.audit("d1-masterclass2") == []
