"""The exhibitors' map fits its frame whole, with the on-screen keyboard up and after it closes
(kb-ko.png: the map filled only the right part of its frame and was cut at right and bottom)."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

KEYBOARD = 400


def keyboard(window, covered: int) -> None:
    window.keyboard_reserve.setFixedHeight(covered)            # what the keyboard's reserve does
    window.keyboard_reserve.coveredChanged.emit(covered)


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def home_in_viewport(view) -> tuple[QRectF, QRectF]:
    """The home area with "You are here" (drawn in pixels) as it lands in the viewport."""
    shown = QRectF(view.mapFromScene(view.home_rect).boundingRect())
    here = view.here_rect()
    return (shown.united(here) if here is not None else shown), QRectF(view.viewport().rect())


def describe(window, view):
    home, port = home_in_viewport(view)
    return (f"home {home.getRect()} in viewport {port.getRect()}, map {view.geometry().getRect()}, "
            f"scale {view.transform().m11():.3f}")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("lang", ["en", "ko", "zh-Hant"])
def test_the_home_view_fills_its_frame_with_and_without_the_keyboard(make_kiosk, qtbot, size, lang):
    window = make_kiosk(size=size, language=lang)
    window.show_view("exhibitors")
    screen = window.exhibitors
    view = screen.map
    for accessible in (False, True):
        window.access_button.setChecked(accessible)
        for covered in (0, KEYBOARD, 0):
            screen.search.setFocus()
            keyboard(window, covered)
            settle(qtbot)
            home, port = home_in_viewport(view)
            what = f"{lang} {'larger ' if accessible else ''}keyboard {covered}: {describe(window, view)}"
            print(what)
            # the home area is whole in the view, and fills it one way or the other
            assert port.adjusted(-2, -2, 2, 2).contains(home), what
            assert home.width() >= 0.9 * port.width() or home.height() >= 0.9 * port.height(), what
