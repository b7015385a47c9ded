"""The schedule desk before a session is picked and with a change staged (issue 12, s40/s47/s85):
no empty form (its rows of room buttons overlapped, Save had no words), a prompt that names no
side (the list is above in portrait), and a staged cancel says it is not saved and what Save does."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.views.test_schedule_desk import open_editor, window  # noqa: F401  (fixture)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_before_a_session_is_picked_only_the_prompt(qtbot, make_kiosk, clock, db, size):
    from tests.conftest import kst

    db.pins.set_pin("volunteer", "135791", kst("06-13 12:00"))
    clock.set(kst("06-14 10:48"))
    window = make_kiosk(size=size)
    editor = open_editor(qtbot, window)
    assert editor.prompt.isVisible() and "list" in editor.prompt.text()
    assert "left" not in editor.prompt.text()
    assert not editor.form.isVisible() and not editor.save_button.isVisible()
    blank = [b for b in editor.findChildren(QPushButton) if b.isVisible() and not b.text().strip()]
    assert blank == []


def test_a_staged_cancel_says_it_is_not_saved_and_what_save_does(qtbot, window):
    editor = open_editor(qtbot, window)
    editor.select("d1-reception")
    assert editor.form.isVisible() and not editor.prompt.isVisible()
    assert not editor.unsaved.isVisible()
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert editor.cancel_button.text() == "Reinstate"
    assert editor.unsaved.isVisible()
    assert "Not saved yet" in editor.unsaved.text() and "cancels this session" in editor.unsaved.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    if editor.confirming:                                   # warnings first: a second tap saves anyway
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.repo.session("d1-reception").status.value == "cancelled"
    assert not editor.unsaved.isVisible()


def test_the_list_says_what_changed_in_words(qtbot, window):
    """"[101→204 ±17:20]" was a riddle."""
    editor = open_editor(qtbot, window)
    window.ops.edit_session("d1-masterclass2", by="Mina", role="volunteer", room="204",
                            start=window.repo.session("d1-masterclass2").start.replace(minute=30))
    editor.show_day(window.repo.session("d1-masterclass2").start.date())
    row = next(editor.sessions.item(i).text() for i in range(editor.sessions.count())
               if editor.sessions.item(i).data(Qt.ItemDataRole.UserRole) == "d1-masterclass2")
    assert "moved from 101" in row and "was 17:20" in row, row
    assert "→" not in row and "±" not in row
