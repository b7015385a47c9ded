"""Staff can type while the badge-wedge reader listens (issue 12, item 2), with real key events.

Three sources reach a focused text field, told apart as ../shared/virtual-keyboard-notes.md found
them under xcb: a scanner's burst and a person's keyboard (spontaneous QKeyEvents — QTest's are
spontaneous too), and the on-screen keyboard (non-spontaneous QKeyEvents for Latin letters,
QInputMethodEvent commits for Hangul and Zhuyin). The same paths through a real X server and
xdotool are in test_on_xvfb.py.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.models import badges
from kiosk.models.pins import PinStore
from tests.conftest import kst


@pytest.fixture
def key():
    pem, _ = badges.generate_key_pair()
    return badges.load_private_key(pem)


@pytest.fixture
def desk_kiosk(make_kiosk, db, key, clock, qtbot):
    PinStore(db).set_pin("staff", "246813", kst("06-13 12:00"))
    clock.set(kst("06-15 18:05"))
    window = make_kiosk(idle_seconds=60)
    window.checkins.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    activate(qtbot, window)
    qtbot.mouseClick(window.home.staff, Qt.MouseButton.LeftButton)
    for d in "246813":
        qtbot.mouseClick(window.pin_pad.keys[d], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pin_pad.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_view() == "checkin", timeout=5000)   # checked off the UI thread
    assert window.desk.wedge.active
    qtbot.mouseClick(window.desk.list_buttons["gala"], Qt.MouseButton.LeftButton)
    return window


def badge(window, key, attendee_id):
    store = window.checkins
    return badges.sign(key, store.prefix, store.current_badge(attendee_id, reissue=False, now=kst("06-13 12:00")))


def scan_count(window):
    return window.checkins.store.execute("SELECT count(*) FROM scan").fetchone()[0]


def person_types(qtbot, widget, text, gap_ms=110):
    """A person on a keyboard: one key every ~110 ms (fast typists manage 80 ms)."""
    for ch in text:
        QTest.keyClick(widget, ch)
        qtbot.wait(gap_ms)


def activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def focus(qtbot, field):
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is field


def vkb_key(widget, text, key=None):
    """The on-screen keyboard's Latin keys: a non-spontaneous press and release (sendEvent)."""
    key = key if key is not None else Qt.Key(ord(text.upper())) if text.isalpha() else Qt.Key.Key_Space
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def vkb_commit(widget, text, replace_previous=False):
    """The on-screen keyboard's Hangul: each jamo re-commits the syllable, replacing the one before."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text, -1 if replace_previous else 0, 1 if replace_previous else 0)
    QApplication.sendEvent(widget, event)


def test_slow_typing_reaches_the_desk_look_up_and_is_never_a_scan(qtbot, desk_kiosk):
    desk = desk_kiosk.desk
    focus(qtbot, desk.search)
    person_types(qtbot, desk.search, "Chun-Hung")
    qtbot.waitUntil(lambda: desk.search.text() == "Chun-Hung", timeout=1000)
    found = [desk.results.item(i).text() for i in range(desk.results.count())]
    assert any("Liu Chun-Hung" in text for text in found)
    assert scan_count(desk_kiosk) == 0 and desk.last_verdict is None


def test_backspace_and_enter_keep_their_order_after_held_keys(qtbot, desk_kiosk):
    desk = desk_kiosk.desk
    focus(qtbot, desk.search)
    person_types(qtbot, desk.search, "Liux", gap_ms=100)
    QTest.keyClick(desk.search, Qt.Key.Key_Backspace)         # at once: the "x" must arrive first
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.wait(150)
    assert desk.search.text() == "Liu" and scan_count(desk_kiosk) == 0


def test_a_scan_in_the_middle_of_typing_is_scanned_and_leaves_the_text_alone(qtbot, desk_kiosk, key):
    desk = desk_kiosk.desk
    focus(qtbot, desk.search)
    person_types(qtbot, desk.search, "Li")
    QTest.keyClicks(desk.search, badge(desk_kiosk, key, "A0171"))    # the scanner's burst
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=1000)
    person_types(qtbot, desk.search, "u")
    qtbot.waitUntil(lambda: desk.search.text() == "Liu", timeout=1000)
    assert desk.last_verdict.code == "OK" and scan_count(desk_kiosk) == 1
    assert "IF23" not in desk.search.text()


def test_the_on_screen_keyboard_types_latin_and_korean_into_the_look_up(qtbot, desk_kiosk):
    desk = desk_kiosk.desk
    focus(qtbot, desk.search)
    for ch in "Kim":
        vkb_key(desk.search, ch)
    assert desk.search.text() == "Kim"                         # at once: its keys are never held
    vkb_key(desk.search, "\x08", Qt.Key.Key_Backspace)
    vkb_key(desk.search, "\x08", Qt.Key.Key_Backspace)
    vkb_key(desk.search, "\x08", Qt.Key.Key_Backspace)
    assert desk.search.text() == ""
    # 2-set Hangul as the keyboard sends it: ㄱ, 기, 김 — each replacing the syllable before it
    vkb_commit(desk.search, "ㄱ")
    vkb_commit(desk.search, "기", replace_previous=True)
    vkb_commit(desk.search, "김", replace_previous=True)
    assert desk.search.text() == "김"
    assert desk.results.count() >= 1 and all("김" in desk.results.item(i).text() for i in range(desk.results.count()))
    assert scan_count(desk_kiosk) == 0


def test_a_scan_while_the_on_screen_keyboard_is_typing(qtbot, desk_kiosk, key):
    desk = desk_kiosk.desk
    focus(qtbot, desk.search)
    vkb_key(desk.search, "a")
    QTest.keyClicks(desk.search, badge(desk_kiosk, key, "A0003"))
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    vkb_key(desk.search, "n")
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=1000)
    assert desk.last_verdict.code == "OK" and desk.search.text() == "an"


def test_scanner_without_enter_is_still_a_scan_and_a_quick_short_burst_is_typed(qtbot, desk_kiosk, key):
    desk = desk_kiosk.desk
    focus(qtbot, desk.search)
    QTest.keyClicks(desk.search, badge(desk_kiosk, key, "A0003"))
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=1000)
    QTest.keyClicks(desk.search, "Lee", delay=20)              # a quick typist: fast but short
    qtbot.waitUntil(lambda: desk.search.text() == "Lee", timeout=1000)
    assert scan_count(desk_kiosk) == 1


def test_the_exhibitor_search_types_with_the_wedge_listening(qtbot, make_kiosk):
    """A kiosk could keep the wedge on on every screen: the search must still take a person's keys."""
    from kiosk.views.wedge import WedgeInput

    window = make_kiosk()
    activate(qtbot, window)
    window.show_view("exhibitors")
    screen = window.exhibitors
    wedge = WedgeInput(window)
    scans = []
    wedge.scanned.connect(scans.append)
    wedge.set_active(True)
    focus(qtbot, screen.search)
    person_types(qtbot, screen.search, "twist")
    qtbot.waitUntil(lambda: screen.search.text() == "twist", timeout=1000)
    assert screen.model.ids() == ["twistcode"]
    vkb_commit(screen.search, "")                              # flushes nothing, breaks nothing
    screen.search.clear()
    vkb_commit(screen.search, "한빛")
    assert screen.model.ids() == ["kr-hanbit-axle"]
    QTest.keyClicks(screen.search, "IF23:1:A0001-1:ABCDEF")
    QTest.keyClick(screen.search, Qt.Key.Key_Return)
    assert scans == ["IF23:1:A0001-1:ABCDEF"] and screen.search.text() == "한빛"
    wedge.set_active(False)


def test_leaving_the_desk_delivers_a_held_key(qtbot, desk_kiosk):
    desk = desk_kiosk.desk
    focus(qtbot, desk.search)
    QTest.keyClick(desk.search, "Z")
    assert desk.wedge.decoder.pending
    desk.wedge.set_active(False)
    assert desk.search.text() == "Z" and not desk.wedge.decoder.pending
