"""Every screen × language × orientation × larger text: no text is clipped, no widget leaves
the window, and the language buttons stay where they are when the language changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from tests.views.layout_fit import button_problem, label_problem, problems

LANGS = ("en", "ko", "zh-Hant")
SIZES = ((1920, 1080), (1080, 1920))
SCREENS = ("home", "agenda", "exhibitors", "changes", "detail", "my-day", "my-day-person", "board", "pin", "pin-locked",
           "checkin", "checkin-cancelled", "editor", "editor-empty", "meetings", "exhibitors-keyboard", "exhibitors-keyboard-matches",
           "my-day-number", "my-day-number-wrong")

#: the on-screen keyboard's height as the window's reserve takes it (keyboard.MAX_HEIGHT): on
#: screens typed into, what shows above it must fit too
KEYBOARD = 400


def _keyboard_up(window) -> None:
    """What the real keyboard's rectangle does to the window (keyboard.KeyboardReserve.refit):
    offscreen there is no keyboard plugin, so its reserve is set to the keyboard's height."""
    window.keyboard_reserve.setFixedHeight(KEYBOARD)
    window.keyboard_reserve.coveredChanged.emit(KEYBOARD)


def _open(window, screen: str) -> None:
    if screen == "changes":
        # the cards, not only the "no changes" line: a move with a new start, a cancellation,
        # an earlier start, a new end, a notice
        from tests.conftest import kst

        for session_id, change in (("d1-masterclass2", {"room": "204", "start": kst("06-14 17:30"),
                                                        "notice": "preset:late10"}),
                                   ("d1-reception", {"cancel": True}), ("d2-forum1", {"start": kst("06-15 09:50")}),
                                   ("d2-forum2", {"end": kst("06-15 13:30")}), ("d1-roundtable", {"notice": "preset:full"})):
            window.ops.edit_session(session_id, by="Mina", role="volunteer", **change)
    if screen == "detail":
        window.open_session("d1-roundtable")   # on now at 16:30: the walk and its steps show (d1-keynote has ended)
    elif screen == "pin":
        window.open_staff()
    elif screen == "pin-locked":
        # five wrong PINs: the lock-out banner in the space kept for it above the keys
        from kiosk import operations

        operations.set_pin(window.ops.store, role="staff", pin="246813", now=window.ui.now())
        for _ in range(5):
            window.ops.try_pin("111111")
        window.open_staff()
        assert window.ops.pin_lock_state().locked_for > 0
    elif screen == "checkin":
        window.enter_staff_mode("staff")
    elif screen in ("exhibitors-keyboard", "exhibitors-keyboard-matches"):
        # typing a search with two categories and a country chosen: the chips step aside and the
        # filters line ("Filters: …  ✕") shows above the keyboard (with nothing matching, and
        # with the list of matches)
        window.show_view("exhibitors")
        ex = window.screen("exhibitors")
        ex.set_categories(set(list(ex.category_chips)[:2]))
        ex.set_country(ex.countries[-1] if screen == "exhibitors-keyboard" else "KR")
        ex.search.setFocus()
        _keyboard_up(window)
    elif screen in ("my-day-number", "my-day-number-wrong"):
        # a name picked: the badge-number step, the number field focused, the keyboard up
        window.show_view("my-day")
        my_day = window.screen("my-day")
        my_day.pick("A0176")
        _keyboard_up(window)
        if screen == "my-day-number-wrong":
            my_day.number.setText("A0176-9")
            my_day.number_ok.click()
    elif screen == "checkin-cancelled":
        # a cancelled dinner's list: the tab's warning line and the amber ready panel's words
        window.ops.edit_session("d1-reception", by="Joon", role="staff", cancel=True)
        window.enter_staff_mode("staff")
        window.desk.choose_list("reception")
    elif screen == "meetings":
        window.enter_staff_mode("staff")
        window.open_meeting_desk()
    elif screen == "my-day-person":
        window.show_view("my-day")
        # a buyer's representative with meetings, sessions and lists (the longest day in the data)
        window.screen("my-day").show_attendee("A0176")
    elif screen == "editor-empty":
        window.enter_staff_mode("volunteer")     # no session picked yet (rows of room buttons overlapped)
    elif screen == "editor":
        window.enter_staff_mode("volunteer")
        window.editor.show_day(window.repo.session("d1-keynote").start.date())
        window.editor.select("d1-keynote")
    else:
        window.show_view(screen)


def _name_of(w) -> str:
    text = w.text() if hasattr(w, "text") and callable(w.text) else ""
    return f"{type(w).__name__}{'(' + repr(text[:30]) + ')' if text else ''}"


def _widest(window, n: int = 6):
    shown = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
    return sorted(shown, key=lambda w: -w.minimumSizeHint().width())[:n]


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_every_text_fits_and_nothing_leaves_the_window(make_kiosk, qtbot, screen, size):
    window = make_kiosk(size=size)
    _open(window, screen)
    found = []

    def check(lang, accessible):
        _settle(qtbot)
        assert window.size().toTuple() == size, (
            f"[{lang}{' larger' if accessible else ''}] the window grew past the screen: its layout needs "
            f"{window.minimumSizeHint().toTuple()} px; widest parts: "
            + ", ".join(f"{_name_of(w)} {w.minimumSizeHint().width()}" for w in _widest(window)))
        found.extend(f"[{lang}{' larger' if accessible else ''}] {p}" for p in problems(window))

    # both orders: language switched under larger text, and larger text switched in a language
    for accessible in (False, True):
        window.access_button.setChecked(accessible)
        for lang in LANGS:
            window.ui.set_language(lang)
            check(lang, accessible)
    for lang in LANGS:
        window.ui.set_language(lang)
        for accessible in (False, True):
            window.access_button.setChecked(accessible)
            check(lang, accessible)
    found = list(dict.fromkeys(found))
    assert not found, f"{screen} {size[0]}x{size[1]}:\n" + "\n".join(found)


def test_the_checker_finds_a_clipped_label_and_a_clipped_button(qtbot):
    """The measuring itself can fail: a label and a button too small for their text."""
    box = QWidget()
    qtbot.addWidget(box)
    lab = QLabel("Exhibitors & floor map", box)
    lab.setGeometry(0, 0, 60, 40)
    button = QPushButton("What changed", box)
    button.setGeometry(0, 50, 50, 80)
    wide = QLabel("Hi", box)
    wide.setGeometry(0, 100, 200, 60)
    outside = QLabel("x", box)
    outside.setGeometry(250, 150, 200, 60)
    box.resize(300, 200)
    box.show()
    qtbot.waitExposed(box)
    assert label_problem(lab)
    assert button_problem(button)
    assert label_problem(wide) is None
    assert any("leaves the window" in p for p in problems(box))
    outside.hide()
    assert not any("leaves the window" in p for p in problems(box))
    lab.setProperty("elides", True)
    assert label_problem(lab) is None


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_language_buttons_do_not_move_when_the_language_changes(make_kiosk, qtbot, size):
    window = make_kiosk(size=size)
    for accessible in (False, True):
        window.access_button.setChecked(accessible)
        places = {}
        for lang in LANGS * 2:
            qtbot.mouseClick(window.lang_buttons[lang], Qt.MouseButton.LeftButton)
            _settle(qtbot)
            now = tuple(b.geometry().getRect() for b in window.lang_buttons.values())
            places.setdefault(now, []).append(lang)
        assert len(places) == 1, f"language buttons moved: {places}"
