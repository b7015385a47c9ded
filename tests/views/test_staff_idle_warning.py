"""Staff mode's idle lock (issue 12): one value in code, comment and README (two minutes, longer
than a visitor's 60 s reset), and a volunteer with an unsaved change on the schedule desk gets a
countdown before the lock discards it; a touch keeps the desk open. Real taps."""

from PySide6.QtCore import Qt

from kiosk.views.main_window import STAFF_IDLE_SECONDS, STAFF_IDLE_WARNING
from tests.conftest import ROOT
from tests.views.test_schedule_desk import open_editor, window  # noqa: F401  (fixture)


def test_the_staff_idle_lock_is_one_value_everywhere(make_kiosk):
    assert STAFF_IDLE_SECONDS == 120 and STAFF_IDLE_WARNING == 15
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "locks itself after 2 minutes untouched" in readme
    assert make_kiosk().staff_idle_seconds == STAFF_IDLE_SECONDS


def test_an_unsaved_change_gets_a_countdown_and_a_touch_keeps_the_desk(qtbot, window):
    window.staff_idle_seconds = 2.5
    window.staff.idle_warning = 1.5
    editor = open_editor(qtbot, window)
    editor.select("d1-masterclass2")
    qtbot.mouseClick(editor.room_buttons["204"], Qt.MouseButton.LeftButton)
    assert editor.pending and not editor.idle_banner.isVisible()
    qtbot.waitUntil(editor.idle_banner.isVisible, timeout=2500)
    assert "Not saved" in editor.idle_banner.text() and "s" in editor.idle_banner.text()
    assert window.staff_role == "volunteer"
    qtbot.mouseClick(editor.heading, Qt.MouseButton.LeftButton)     # a touch: still open, no banner
    assert not editor.idle_banner.isVisible() and window.staff_role == "volunteer"
    qtbot.waitUntil(lambda: window.staff_role is None, timeout=4000)   # untouched: it locks after all
    assert window.current_view() == "home"
    # the change is gone, as the banner said: not staged for whoever unlocks next
    assert editor.pending == {} and editor.session_id is None
    assert window.repo.session("d1-masterclass2").room_id != "204"


def test_no_countdown_without_an_unsaved_change(qtbot, window):
    window.staff_idle_seconds = 2.0
    window.staff.idle_warning = 1.0
    editor = open_editor(qtbot, window)
    seen = []
    window.idle.warning.connect(lambda s: seen.append(editor.idle_banner.isVisible()))
    qtbot.waitUntil(lambda: window.staff_role is None, timeout=4000)
    assert seen == [False]
