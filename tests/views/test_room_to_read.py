"""Room to read (issue 12): at every language × orientation × larger text, the exhibitor list
shows several rows beside its chips, a session's route keeps a usable floor plan and its whole
list of steps, and no place name or booth number sits under the map's zoom buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.views.session_detail import PLAN_MIN

LANGS = ("en", "ko", "zh-Hant")
SIZES = ((1920, 1080), (1080, 1920))
#: Rows of the exhibitor list a visitor sees at once (whole rows), at the least.
MIN_ROWS = 4


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def _every_setting(window, qtbot):
    for accessible in (False, True):
        window.access_button.setChecked(accessible)
        for lang in LANGS:
            window.ui.set_language(lang)
            _settle(qtbot)
            yield f"{lang}{' larger' if accessible else ''}"


def whole_rows(screen) -> int:
    view = screen.list.viewport().rect()
    return sum(1 for row in range(screen.model.rowCount())
               if view.contains(screen.list.visualRect(screen.model.index(row, 0))))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_exhibitor_list_shows_several_rows_beside_the_chips(make_kiosk, qtbot, size):
    window = make_kiosk(size=size)
    window.show_view("exhibitors")
    screen = window.exhibitors
    short = []
    for setting in _every_setting(window, qtbot):
        rows = whole_rows(screen)
        if rows < MIN_ROWS:
            short.append(f"[{setting}] {rows} rows")
    assert not short, f"{size}: the list shows fewer than {MIN_ROWS} whole rows: {short}"
    for setting in _every_setting(window, qtbot):
        # every chip shows its count and stays reachable: its strip scrolls as far as the last chip
        for strip in (screen.category_strip, screen.country_strip):
            assert strip.isVisible(), setting
            last = strip.chips[-1]
            reach = strip.horizontalScrollBar().maximum() + strip.viewport().width()
            assert last.geometry().right() <= reach + 2, setting
        for key, chip in screen.category_chips.items():
            assert chip.text().rsplit("  ", 1)[-1].isdigit(), (setting, key, chip.text())
            assert chip.height() >= 72 and chip.width() >= 72, (setting, key, chip.size())


def test_a_chip_scrolled_out_of_sight_is_reached_with_a_finger(make_kiosk, qtbot):
    """Drag the strip sideways with real mouse events (as a finger would), then tap the last
    category at the place it now shows on the screen."""
    window = make_kiosk(size=(1080, 1920), language="ko")
    window.access_button.setChecked(True)
    window.show_view("exhibitors")
    _settle(qtbot)
    screen = window.exhibitors
    strip = screen.category_strip
    last_key = list(screen.category_chips)[-1]
    last = screen.category_chips[last_key]
    view = strip.viewport()

    def shown() -> bool:
        at = last.mapTo(view, QPoint(0, 0))
        return view.rect().contains(QRect(at, last.size()))

    assert not shown(), "this test needs a strip that overflows"
    for _ in range(6):
        if shown():
            break
        y = view.height() // 2
        start = QPoint(view.width() - 20, y)
        QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for step in range(1, 11):
            QTest.mouseMove(view, QPoint(start.x() - step * (view.width() - 60) // 10, y), 15)
        QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           QPoint(40, y), 15)
        qtbot.wait(600)     # the flick settles
    assert shown(), "a drag did not bring the last chip into sight"
    assert not screen.chosen
    centre = last.mapTo(view, last.rect().center())
    QTest.mouseClick(view.childAt(centre) or view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     (view.childAt(centre) or view).mapFrom(view, centre))
    assert screen.chosen == {last_key}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("session", ["d2-forum1", "d2-masterclass3"])
def test_a_session_route_keeps_its_plan_and_every_step_in_sight(make_kiosk, qtbot, size, session):
    window = make_kiosk(size=size, kiosk_id="K1")
    window.open_session(session)
    detail = window.detail
    assert detail.steps, "the session needs a walk from the kiosk"
    bad = []
    for setting in _every_setting(window, qtbot):
        plan = detail.plan
        seen = QRect(plan.mapTo(window, QPoint(0, 0)), plan.size())
        if not plan.isVisible() or plan.height() < PLAN_MIN or not window.rect().contains(seen):
            bad.append(f"[{setting}] plan {plan.size().toTuple()} at {seen.getRect()}")
        steps = detail.steps_label
        shown = steps.visibleRegion().boundingRect()
        if not steps.isVisible() or shown != steps.rect():
            bad.append(f"[{setting}] steps cut: {shown.height()} of {steps.height()} px in sight")
    assert not bad, f"{session} {size}:\n" + "\n".join(bad)


def _label_rects(view):
    """Where every place name, booth number and "You are here" lands in the map widget's
    coordinates (the part inside the viewport: what the visitor could see)."""
    scene = view.scene()
    items = [*scene.label_items, *scene.booth_items.values(), *scene.here_items]
    port = view.viewport()
    visible = port.rect()
    out = []
    for item in items:
        if not item.isVisible():
            continue
        box = view.mapFromScene(item.sceneBoundingRect()).boundingRect().intersected(visible)
        if box.isEmpty():
            continue
        text = getattr(item, "booth_id", None) or (item.toPlainText() if hasattr(item, "toPlainText") else "")
        out.append((text or type(item).__name__, box.translated(port.pos())))
    return out


def _under_buttons(view) -> list[str]:
    hits = []
    for button in view.map_buttons():
        for text, box in _label_rects(view):
            if box.intersects(button.geometry()):
                hits.append(f"{text!r} under {button.text()}")
    return hits


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_label_sits_under_the_zoom_buttons(make_kiosk, qtbot, size):
    window = make_kiosk(size=size, kiosk_id="K1")
    window.show_view("exhibitors")
    hits = []
    for setting in _every_setting(window, qtbot):
        window.exhibitors.map.reset_view()
        _settle(qtbot)
        hits += [f"[exhibitors {setting}] {h}" for h in _under_buttons(window.exhibitors.map)]
    window.open_session("d2-forum1")
    for setting in _every_setting(window, qtbot):
        for floor in ("1F", "3F"):
            window.detail.show_floor(floor)
            _settle(qtbot)
            hits += [f"[detail {floor} {setting}] {h}" for h in _under_buttons(window.detail.plan)]
    assert not hits, "\n".join(dict.fromkeys(hits))


def test_the_label_check_sees_a_label_under_a_button(make_kiosk, qtbot):
    """The measuring can fail: with the rail taken away, the whole-hall view puts labels under
    the buttons (as it did before the rail)."""
    window = make_kiosk(size=(1080, 1920), kiosk_id="K1")
    window.show_view("exhibitors")
    view = window.exhibitors.map
    _settle(qtbot)
    assert not _under_buttons(view)

    def over_the_map() -> None:        # the buttons' old place: over the map's top-right corner
        view.setViewportMargins(0, 0, 0, 0)
        for i, button in enumerate(view.map_buttons()):
            button.move(view.width() - 72 - 12, 12 + i * 80)

    view._place_buttons = over_the_map
    over_the_map()
    view.reset_view()
    _settle(qtbot)
    assert _under_buttons(view)
