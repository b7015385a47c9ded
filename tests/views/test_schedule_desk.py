"""Volunteers change the schedule on a kiosk; everyone sees it; the Changes screen explains it."""


import pytest
from PySide6.QtCore import Qt

from kiosk.models.database import open_event_db
from kiosk.views.session_card import change_badges
from kiosk.views.session_models import SessionsRole
from tests.conftest import kst


@pytest.fixture
def window(make_kiosk, db, clock):
    db.pins.set_pin("volunteer", "135791", kst("06-13 12:00"))
    clock.set(kst("06-14 16:30"))
    return make_kiosk()


def open_editor(qtbot, window):
    qtbot.mouseClick(window.home.staff, Qt.MouseButton.LeftButton)
    for d in ["1", "3", "5", "7", "9", "1", "OK"]:
        qtbot.mouseClick(window.pin_pad.keys[d], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_view() == "editor", timeout=5000)   # checked off the UI thread
    assert window.staff_role == "volunteer"
    return window.editor


def agenda_item(window, session_id):
    for r in range(window.agenda.model.rowCount()):
        for item in window.agenda.model.index(r, 0).data(SessionsRole):
            if item.session.id == session_id:
                return item
    return None


def test_a_volunteer_moves_a_session_and_the_agenda_shows_it_at_once(qtbot, window):
    editor = open_editor(qtbot, window)
    editor.select("d1-masterclass2")
    qtbot.mouseClick(editor.room_buttons["204"], Qt.MouseButton.LeftButton)
    editor.by.setText("Mina")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in editor.result.text()
    qtbot.waitUntil(lambda: "Moved: 101 → 204" in [l for l, _ in change_badges(agenda_item(window, "d1-masterclass2"))],
                    timeout=1000)
    [row] = window.repo.db.schedule.audit("d1-masterclass2")
    assert (row["by"], row["role"], row["device_id"]) == ("Mina", "volunteer", "kiosk")


def test_a_taken_room_asks_again_before_saving(qtbot, window):
    editor = open_editor(qtbot, window)
    editor.select("d1-masterclass2")
    qtbot.mouseClick(editor.room_buttons["203"], Qt.MouseButton.LeftButton)   # the IIC meeting is there
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "taken" in editor.warnings.text() and editor.save_button.text() == "Save anyway"
    assert window.repo.session("d1-masterclass2").room_id == "101"             # nothing saved yet
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.repo.session("d1-masterclass2").room_id == "203"


def test_late_start_notice_and_undo(qtbot, window):
    editor = open_editor(qtbot, window)
    editor.select("d1-masterclass2")
    editor._shift("start", 10)
    qtbot.mouseClick(editor.preset_buttons["preset:late10"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    s = window.repo.session("d1-masterclass2")
    assert (s.start, s.end, s.notice) == (kst("06-14 17:30"), kst("06-14 18:30"), "preset:late10")
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    s = window.repo.session("d1-masterclass2")
    assert (s.start, s.notice) == (kst("06-14 17:20"), "")


def test_a_change_from_a_second_process_reaches_the_open_agenda_and_changes_screen(qtbot, window, db_path):
    window.show_view("agenda")
    other = open_event_db(db_path)   # a second connection: another process's view of the file
    other.schedule.edit("d1-reception", cancel=True, by="Joon", role="volunteer", device_id="laptop-2",
                         now=kst("06-14 16:31"))
    other.close()
    qtbot.waitUntil(lambda: agenda_item(window, "d1-reception").session.cancelled, timeout=1000)
    window.show_view("changes")
    card = window.changes.cards[0]
    assert card.title.text() == "Welcome dinner" and card.line_texts() == ["Cancelled"]
    assert "(1)" in window.home.changes_button.text()


def test_changes_screen_shows_moves_as_moves_newest_first(qtbot, window):
    from kiosk import operations

    store = window.repo.db
    for session_id, change, at in (("d1-masterclass2", {"room": "204"}, "06-14 16:00"),
                                   ("d2-lunch", {"start": kst("06-15 13:15")}, "06-14 16:10")):
        done = operations.edit_session(store, session_id, by="", role="volunteer", device_id="k", now=kst(at),
                                       **change)
        window.watcher.publish(done.change)
    window.show_view("changes")
    first, second = window.changes.cards[:2]
    assert first.title.text() == "Lunch" and first.line_texts() == ["Starts 13:15 (15 min late)"]
    assert second.line_texts() == ["Moved to Room 204 (was Room 101)"]



@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_notice_field_being_typed_in_stays_in_view_above_the_keyboard(qtbot, make_kiosk, size):
    """Stranger r4 #5: Korean, larger text, the notice field tapped, the on-screen keyboard up: the
    form showed Start/End and half-cut presets, the field itself was off-screen under the keyboard."""
    from PySide6.QtCore import QPoint

    window = make_kiosk(size=size, language="ko")
    window.ui.set_accessible(True)
    window.enter_staff_mode("volunteer")
    editor = window.editor
    editor.select("d1-roundtable")
    qtbot.wait(50)
    field = editor.notice_text
    editor.form.ensureWidgetVisible(field)
    qtbot.wait(20)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)          # the tap that brings the keyboard up
    assert field.hasFocus()
    covered = 520
    window.keyboard_reserve.setFixedHeight(covered)            # what the keyboard's reserve does
    window.keyboard_reserve.coveredChanged.emit(covered)

    def in_view() -> bool:
        bottom = field.mapTo(window, QPoint(0, field.height())).y()
        return field.visibleRegion().boundingRect() == field.rect() and bottom <= window.height() - covered

    qtbot.waitUntil(in_view, timeout=1500)
    window.keyboard_reserve.setFixedHeight(0)
    window.keyboard_reserve.coveredChanged.emit(0)
    assert all(b.isVisibleTo(editor) for b in editor.day_buttons)


def test_one_notice_on_screen_and_it_is_the_one_saved(qtbot, make_kiosk):
    """Stranger r4 #4: the typed notice "늦음" and a lit "만석" (Room full) preset showed together,
    and Save kept the typed text. A preset empties the typed field; typing lights no preset."""
    window = make_kiosk(language="ko")
    window.ui.set_accessible(True)
    window.enter_staff_mode("volunteer")
    editor = window.editor
    editor.select("d1-roundtable")
    qtbot.wait(50)
    button = editor.preset_buttons["preset:full"]
    editor.form.ensureWidgetVisible(button)
    qtbot.wait(20)
    editor.notice_text.setText("늦음")
    editor.notice_text.textEdited.emit("늦음")
    assert editor.pending["notice"] == "늦음"
    assert all("border" not in b.styleSheet() for b in editor.preset_buttons.values())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.pending["notice"] == "preset:full" and editor.notice_text.text() == ""
    assert "border" in button.styleSheet()
    assert all("border" not in b.styleSheet() for k, b in editor.preset_buttons.items() if k != "preset:full")
    editor.select("d1-masterclass1")                        # another session: its own notice, not this one's
    assert editor.notice_text.text() == (editor._state()["notice"] if editor._state()["notice"] not in
                                         editor.preset_buttons else "")
