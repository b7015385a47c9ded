"""Issue 12: the lobby kiosk runs 09:00–19:00 for three days; what one visitor used must come
back at the idle reset. Counts, not bytes (bytes are the allocator's high-water mark and noisy):
live widgets, top-level widgets, QGraphicsItems in every scene, the window's QObjects, Python
objects by type — the same after every cycle of every screen, languages, larger text, programme
edits, clock steps, the map, the staff desks and an idle reset.

The cycle runs in a real event loop (``qtbot.wait`` turns a QEventLoop), as the kiosk runs in
``app.exec()``: a widget a screen replaced with ``deleteLater()`` is gone at the next turn.
A driver that only calls ``processEvents()`` from outside any loop never runs those deletions
(Qt says so in ``processEvents``' documentation) — that is what made the monkey's RSS climb
112 → 575 MB (tests/xdriver.py ``pump``; the figures are in docs/BENCHMARKS.md).
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsView, QLineEdit, QWidget

from tests.conftest import kst
from tests.memory_probe import counts

SESSIONS = ["d1-opening", "d1-keynote", "d1-roundtable", "d1-masterclass2", "d2-forum1", "d2-gala", "d3-tour"]
PIN = "246813"
EXACT = ("widgets", "top_level", "scenes", "graphics_items", "window_objects")


def turn(qtbot) -> None:
    qtbot.wait(1)          # one real event-loop turn: timers, paints, deleteLater


def visit(window, qtbot, k: int) -> None:
    """One visitor (and one desk edit) touching everything that rebuilds widgets or scenes."""
    for view in ("home", "agenda", "exhibitors", "changes", "my-day", "board"):
        window.show_view(view)
        turn(qtbot)
    for session_id in SESSIONS:
        window.open_session(session_id)
        turn(qtbot)
    for lang in ("ko", "zh-Hant", "en"):
        window.ui.set_language(lang)
        turn(qtbot)
    window.access_button.setChecked(True)          # larger text: every screen re-lays out
    turn(qtbot)
    window.show_view("changes")
    by = {"by": "memory test", "role": "volunteer"}
    window.ops.edit_session("d1-keynote", start=kst("06-14 15:50") + timedelta(minutes=10 * (k % 2)), **by)
    turn(qtbot)
    window.ops.edit_session("d1-roundtable", room=sorted(window.repo.rooms())[k % 4], **by)
    turn(qtbot)
    window.ops.undo_edit(**by)
    turn(qtbot)
    window.access_button.setChecked(False)
    clock = window.ui.clock
    clock.set(clock.now() + timedelta(minutes=45))    # sessions end and start under the visitor
    window.ui.tick()
    turn(qtbot)
    window.show_view("exhibitors")
    turn(qtbot)
    for view in window.exhibitors.findChildren(QGraphicsView):
        if view.isVisible():
            QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center())
            turn(qtbot)
    edits = [e for e in window.exhibitors.findChildren(QLineEdit) if e.isVisible()]
    QTest.mouseClick(edits[0], Qt.MouseButton.LeftButton)
    QTest.keyClicks(edits[0], "bio")
    turn(qtbot)
    clock.set(clock.now() - timedelta(minutes=45))    # (each visitor finds the same programme)
    window.ui.tick()
    turn(qtbot)
    window.open_staff()
    for key in PIN + "K":
        window.pin_pad.press("OK" if key == "K" else key)
    qtbot.waitUntil(lambda: window.staff_role is not None, timeout=10_000)
    window.stack.setCurrentWidget(window.editor)
    turn(qtbot)
    window.open_meeting_desk()
    turn(qtbot)
    window.reset_for_next_visitor()
    turn(qtbot)


def settled(window) -> dict:
    c = counts(window)
    c["_py_types"] = Counter({t: n for t, n in c["_py_types"].items() if t != "ReferenceType"})
    return c


def grown(before: Counter, after: Counter) -> dict:
    return dict((after - before).most_common(8))


def test_what_a_visitor_used_comes_back_at_the_idle_reset(make_kiosk, qtbot, db, clock):
    db.pins.set_pin("staff", PIN, kst("06-13 12:00"))
    window = make_kiosk()
    for k in range(2):                 # every screen built once, every cache filled once
        visit(window, qtbot, k)
    base = settled(window)
    assert base["widgets"] > 300 and base["graphics_items"] > 100      # the screens really are built
    for k in range(2, 5):
        visit(window, qtbot, k)
        now = settled(window)
        for key in EXACT:
            assert now[key] == base[key], (
                f"visitor {k}: {key} {base[key]} → {now[key]}; widgets grown "
                f"{grown(base['_widget_types'], now['_widget_types'])}")
        # Python objects: weak references come and go with signal connections; the rest stay put
        extra = sum((now["_py_types"] - base["_py_types"]).values())
        assert extra <= 40, f"visitor {k}: +{extra} Python objects {grown(base['_py_types'], now['_py_types'])}"


def test_the_driver_runs_the_deletions_deleteLater_queued(qtbot):
    """The harness fix itself: what a screen handed to deleteLater() is gone after one pump()."""
    from PySide6.QtWidgets import QApplication

    from tests.xdriver import pump

    parent = QWidget()
    qtbot.addWidget(parent)
    children = [QWidget(parent) for _ in range(5)]
    for child in children:
        child.deleteLater()                  # posted from outside any event loop, as a driver does
    pump(QApplication.instance())
    assert parent.findChildren(QWidget) == []
