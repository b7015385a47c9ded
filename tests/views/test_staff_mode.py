"""Staff mode: PIN pad, the check-in desk with a wedge scanner, verdicts, undo, locks."""

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.models import badges
from kiosk.views.staff import COLOURS
from tests.conftest import kst


@pytest.fixture
def key():
    pem, _ = badges.generate_key_pair()
    return badges.load_private_key(pem)


@pytest.fixture
def kiosk(make_kiosk, db, key, clock):
    db.pins.set_pin("staff", "246813", kst("06-13 12:00"))
    clock.set(kst("06-15 18:05"))
    window = make_kiosk(idle_seconds=60)
    window.checkins.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    return window


def badge(window, key, attendee_id):
    store = window.checkins
    return badges.sign(key, store.prefix, store.current_badge(attendee_id, reissue=False, now=kst("06-13 12:00")))


def type_pin(qtbot, window, digits):
    for d in digits + ["OK"]:
        qtbot.mouseClick(window.pin_pad.keys[d], Qt.MouseButton.LeftButton)
    # the scrypt check runs on a worker thread; its answer comes back through the event loop
    qtbot.waitUntil(lambda: not window.pin_pad.checking, timeout=5000)


def unlock(qtbot, window):
    qtbot.mouseClick(window.home.staff, Qt.MouseButton.LeftButton)
    assert window.current_view() == "pin"
    type_pin(qtbot, window, list("246813"))
    # the scrypt check runs on a worker thread: the desk opens when its answer is back
    qtbot.waitUntil(lambda: window.current_view() == "checkin", timeout=5000)
    assert window.staff_role == "staff"
    qtbot.mouseClick(window.desk.list_buttons["gala"], Qt.MouseButton.LeftButton)


def scanner_types(window, text, *, enter=True):
    """A USB wedge scanner: a fast burst of key presses into whatever has focus."""
    target = window.focusWidget() or window
    QTest.keyClicks(target, text, delay=1)
    if enter:
        QTest.keyClick(target, Qt.Key.Key_Return)


def test_wrong_pin_keeps_the_desk_closed(qtbot, kiosk):
    qtbot.mouseClick(kiosk.home.staff, Qt.MouseButton.LeftButton)
    type_pin(qtbot, kiosk, list("111111"))
    assert kiosk.current_view() == "pin" and kiosk.staff_role is None
    assert "4" in kiosk.pin_pad.message.text()
    assert "1111" not in kiosk.pin_pad.dots.text()


def test_scanner_burst_gives_a_green_verdict_with_the_name(qtbot, kiosk, key):
    unlock(qtbot, kiosk)
    scanner_types(kiosk, badge(kiosk, key, "A0171"))
    desk = kiosk.desk
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=1000)
    assert desk.last_verdict.code == "OK"
    assert "OK" in desk.word.text() and "Liu Chun-Hung" in desk.name.text() and "劉俊宏" in desk.name.text()
    assert "#0a7d32" in desk.panel.styleSheet()
    assert "1 / " in desk.list_buttons["gala"].text()


def test_scanner_without_enter_and_doubled_output(qtbot, kiosk, key):
    unlock(qtbot, kiosk)
    payload = badge(kiosk, key, "A0003")
    scanner_types(kiosk, payload, enter=False)
    qtbot.waitUntil(lambda: kiosk.desk.last_verdict is not None, timeout=1000)
    assert kiosk.desk.last_verdict.code == "OK"
    scanner_types(kiosk, payload)                       # the scanner repeats itself at once
    qtbot.wait(300)
    assert kiosk.checkins.store.execute("SELECT count(*) FROM scan").fetchone()[0] == 1


def test_scanning_works_whatever_has_focus(qtbot, kiosk, key):
    unlock(qtbot, kiosk)
    kiosk.desk.search.setFocus()
    scanner_types(kiosk, badge(kiosk, key, "A0175"))
    qtbot.waitUntil(lambda: kiosk.desk.last_verdict is not None, timeout=1000)
    assert kiosk.desk.last_verdict.code == "OK"
    assert kiosk.desk.search.text() == ""                # the code did not land in the field


def test_already_is_amber_with_first_time_and_device(qtbot, kiosk, key):
    unlock(qtbot, kiosk)
    payload = badge(kiosk, key, "A0171")
    kiosk.desk.scan(payload)
    kiosk.desk.scan(payload)
    assert kiosk.desk.last_verdict.code == "ALREADY"
    assert COLOURS["amber"] in kiosk.desk.panel.styleSheet()
    assert "18:05" in kiosk.desk.reason.text() and "kiosk" in kiosk.desk.reason.text()


def test_forged_badge_is_red_with_a_reason(qtbot, kiosk, key):
    unlock(qtbot, kiosk)
    kiosk.desk.scan(badge(kiosk, key, "A0180")[:-6] + "AAAAAA")
    assert kiosk.desk.last_verdict.code == "INVALID"
    assert "#b00020" in kiosk.desk.panel.styleSheet() and "signature" in kiosk.desk.reason.text()
    assert kiosk.desk.name.text() == ""


def test_verdict_returns_to_ready(qtbot, kiosk, key, monkeypatch):
    unlock(qtbot, kiosk)
    kiosk.desk._hold.setInterval(100)
    kiosk.desk.scan(badge(kiosk, key, "A0171"))
    qtbot.waitUntil(lambda: kiosk.desk.word.text() == "Ready", timeout=1000)


def test_manual_lookup_undo_and_export(qtbot, kiosk, key, tmp_path, monkeypatch):
    kiosk.ops.export_dir = tmp_path
    unlock(qtbot, kiosk)
    desk = kiosk.desk
    desk.search.setText("Chun-Hung")
    assert desk.results.count() >= 1
    item = desk.results.item(0)
    qtbot.mouseClick(desk.results.viewport(), Qt.MouseButton.LeftButton, pos=desk.results.visualItemRect(item).center())
    assert desk.last_verdict is None                     # a tap selects; the big button checks in
    qtbot.mouseClick(desk.confirm_button, Qt.MouseButton.LeftButton)
    assert desk.last_verdict.code == "OK"
    path = desk.export()
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name"] for r in rows] == [desk.last_verdict.attendee.name]
    qtbot.mouseClick(desk.undo_button, Qt.MouseButton.LeftButton)
    assert "undone" in desk.status.text()
    assert kiosk.checkins.counts()["gala"].checked_in == 0


def test_staff_mode_locks_after_idle_and_attendee_screens_show_no_attendees(qtbot, make_kiosk, db, key, clock):
    db.pins.set_pin("staff", "246813", kst("06-13 12:00"))
    window = make_kiosk(idle_seconds=60)
    window.staff_idle_seconds = 0.3
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.current_view() == "home", timeout=2000)
    assert window.staff_role is None
    from PySide6.QtWidgets import QLabel

    names = {a.name for a in window.checkins.attendees()}
    shown = " ".join(w.text() for w in window.home.findChildren(QLabel))
    assert not any(n in shown for n in names)


def test_home_button_locks_staff_mode(qtbot, kiosk):
    unlock(qtbot, kiosk)
    qtbot.mouseClick(kiosk.home_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_view() == "home" and kiosk.staff_role is None


def test_wrong_pin_stays_in_the_error_colour_until_the_next_key(qtbot, kiosk):
    """The lock-out countdown ticks every second; it must not wipe "Wrong PIN" away."""
    qtbot.mouseClick(kiosk.home.staff, Qt.MouseButton.LeftButton)
    type_pin(qtbot, kiosk, list("111111"))
    pad = kiosk.pin_pad
    assert pad.message.text().startswith("Wrong PIN")
    qtbot.wait(2300)                                   # two ticks of the countdown
    assert pad.message.text().startswith("Wrong PIN")
    assert "#b00020" in pad.message.styleSheet()      # the error red, white text
    qtbot.mouseClick(pad.keys["4"], Qt.MouseButton.LeftButton)
    assert not pad.message.text().startswith("Wrong PIN")
    assert "#b00020" not in pad.message.styleSheet()


def test_the_pin_pad_countdown_stops_when_the_pad_is_hidden(qtbot, kiosk):
    qtbot.mouseClick(kiosk.home.staff, Qt.MouseButton.LeftButton)
    assert kiosk.pin_pad._lock_timer.isActive()
    qtbot.mouseClick(kiosk.pin_pad.cancel, Qt.MouseButton.LeftButton)
    assert not kiosk.pin_pad._lock_timer.isActive()


def test_last_scans_in_words_and_list_tabs_say_when_they_open(qtbot, kiosk, key, clock):
    """18:05 on 15 June: entry is closed for the day... the tour bus list opens on the 16th."""
    kiosk.enter_staff_mode("staff")
    desk = kiosk.desk
    texts = {lid: b.text() for lid, b in desk.list_buttons.items()}
    assert any("opens" in t for t in texts.values()) or any("closed" in t for t in texts.values()), texts
    desk.choose_list(next(lid for lid, t in texts.items() if "opens" in t or "closed" in t))
    desk.scan(badge(kiosk, key, "A0001"))
    line = desk.recent.item(0).text()
    assert "OUTSIDE_WINDOW" not in line and ("LIST NOT OPEN NOW" in line or "NOT ON THIS LIST" in line), line
    kiosk.ui.set_language("ko")
    assert "목록" in desk.recent.item(0).text() or "명단" in desk.recent.item(0).text() or \
        any("\uac00" <= ch <= "\ud7a3" for ch in desk.recent.item(0).text().split("  ")[1])


def test_already_from_another_day_says_the_day(qtbot):
    """Seen on a kiosk: "First checked in at 10:46" on 15 June read as today; it was 14 June."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.models.checkin import Verdict
    from kiosk.views.staff import verdict_reason

    kst = ZoneInfo("Asia/Seoul")
    first = datetime(2023, 6, 14, 10, 46, tzinfo=kst)
    today = Verdict("ALREADY", "s", "entry", "gate", datetime(2023, 6, 14, 15, 0, tzinfo=kst),
                    first_at=first, first_device="gate-1")
    later = Verdict("ALREADY", "s", "entry", "gate", datetime(2023, 6, 15, 9, 0, tzinfo=kst),
                    first_at=first, first_device="gate-1")
    from kiosk.views.phrases import day_label

    day = day_label(first.date())              # in whatever language an earlier test left the kiosk in
    assert "10:46" in verdict_reason(today) and day not in verdict_reason(today)
    assert f"{day} 10:46" in verdict_reason(later) and "gate-1" in verdict_reason(later)


def test_unlocking_after_a_lock_gives_a_fresh_desk(qtbot, kiosk):
    """Stranger r4 #3: after Lock (and after the idle lock) the next person found the last one's
    look-up text and people, the list they chose, the selected session, the scrolled form and an
    old status line."""
    unlock(qtbot, kiosk)                                   # chooses the gala list
    desk = kiosk.desk
    desk.search.setText("Chun-Hung")
    assert desk.results.count() >= 1
    desk.status.setText("Check-in of someone undone.")
    qtbot.mouseClick(desk.editor_button, Qt.MouseButton.LeftButton)
    editor = kiosk.editor
    editor.select("d1-roundtable")
    editor.form.verticalScrollBar().setValue(editor.form.verticalScrollBar().maximum())
    editor.result.setText("Undone: Leaders' Roundtable")
    qtbot.mouseClick(editor.lock_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_view() == "home" and kiosk.staff_role is None
    unlock_plain(qtbot, kiosk)
    assert desk.search.text() == "" and desk.results.count() == 0 and desk.status.text() == ""
    assert desk.list_id == "entry" and desk.list_buttons["entry"].isChecked()
    assert editor.session_id is None and editor.pending == {} and editor.result.text() == ""
    assert editor.form.verticalScrollBar().value() == 0 and editor.prompt.isVisibleTo(editor)
    # the idle lock too
    desk.search.setText("Chun-Hung")
    qtbot.mouseClick(desk.list_buttons["gala"], Qt.MouseButton.LeftButton)
    kiosk.staff_idle_seconds = 0.2
    kiosk.staff.enter("staff")
    qtbot.waitUntil(lambda: kiosk.staff_role is None, timeout=3000)
    kiosk.staff_idle_seconds = 120
    unlock_plain(qtbot, kiosk)
    assert desk.search.text() == "" and desk.results.count() == 0 and desk.list_id == "entry"


def unlock_plain(qtbot, window):
    qtbot.mouseClick(window.home.staff, Qt.MouseButton.LeftButton)
    type_pin(qtbot, window, list("246813"))
    qtbot.waitUntil(lambda: window.current_view() == "checkin", timeout=5000)


def test_a_language_switch_leaves_no_desk_text_in_the_old_language(qtbot, kiosk):
    """Stranger r4 #7: look-up results kept "참가자 / 참가기업" after ko→en; status lines stayed in
    the language they were written in; "Undone: d1-roundtable" named the internal id."""
    unlock(qtbot, kiosk)
    desk = kiosk.desk
    kiosk.ui.set_language("ko")
    desk.search.setText("Chun-Hung")
    korean = desk.results.item(0).text()
    desk.status.setText("한국어 상태")
    kiosk.ui.set_language("en")
    english = desk.results.item(0).text()
    assert korean != english and desk.results.count() >= 1
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in english)
    assert desk.status.text() == ""
    qtbot.mouseClick(desk.editor_button, Qt.MouseButton.LeftButton)
    editor = kiosk.editor
    editor.select("d1-roundtable")
    qtbot.mouseClick(editor.preset_buttons[next(k for k in editor.preset_buttons if k)], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    if editor.confirming:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result.text().startswith("Saved")
    kiosk.ui.set_language("ko")
    assert editor.result.text() == ""
    kiosk.ui.set_language("en")
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert editor.result.text() == "Undone: Leaders' Roundtable"


def test_last_scans_say_an_invalid_scan_read_no_badge_number(qtbot, kiosk):
    """Stranger r4 #10: an invalid scan read "INVALID BADGE — · badge ? · lobby-1"."""
    unlock(qtbot, kiosk)
    scanner_types(kiosk, "HELLO-NOT-A-BADGE")
    qtbot.waitUntil(lambda: kiosk.desk.recent.count() > 0, timeout=2000)
    line = kiosk.desk.recent.item(0).text()
    assert "badge ?" not in line and "—" not in line and "no badge number read" in line
