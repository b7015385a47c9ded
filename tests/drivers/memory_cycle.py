"""Issue 12: visitors one after another in a fresh kiosk process, counting what is alive after
each idle reset (tests/memory_probe.py). Each visitor (with a desk's edits) touches everything
that rebuilds widgets or scenes: every screen, the session details, three languages, larger
text, programme edits shown on Changes, a clock step, the map's zoom, the exhibitor search, the
PIN pad and the staff desks — then the idle reset.

    python tests/drivers/memory_cycle.py --visitors 5 [--loop exec|process-events]

Prints one JSON line per visitor: the counts (widgets, top-level widgets, scenes, QGraphicsItems,
the window's QObjects, Python objects) and the per-type growth since the first measured visitor.

Its own process, because counting Python objects in a process that ran other tests counts their
leftovers too (a stopped test's timers, the log records pytest keeps). The turns between steps
run a real event loop (``--loop exec``: a QEventLoop, as the kiosk runs in ``app.exec()``), where
``deleteLater()`` deletes; ``--loop process-events`` is the old monkey's way (``processEvents()``
from outside any loop), kept to show what it did.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SESSIONS = ["d1-opening", "d1-keynote", "d1-roundtable", "d1-masterclass2", "d2-forum1", "d2-gala", "d3-tour"]
PIN = "246813"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--visitors", type=int, default=5)
    ap.add_argument("--warm", type=int, default=2, help="visitors before the first count (screens built once)")
    ap.add_argument("--loop", choices=("exec", "process-events"), default="exec")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QGraphicsView, QLineEdit

    from kiosk.models.loader import build_database
    from tests.memory_probe import counts
    from tests.xdriver import build_kiosk

    tmp = Path(tempfile.mkdtemp(prefix="memory-cycle-"))
    build_database(tmp / "event.db", ROOT / "data")
    app, db, window = build_kiosk(tmp / "event.db", now="2023-06-14T16:30")
    db.pins.set_pin("staff", PIN, window.ui.now())
    from tests.conftest import kst

    def turn() -> None:
        if args.loop == "exec":
            loop = QEventLoop()
            QTimer.singleShot(1, loop.quit)
            loop.exec()
        else:
            QApplication.processEvents()

    def visit(k: int) -> None:
        for view in ("home", "agenda", "exhibitors", "changes", "my-day", "board"):
            window.show_view(view)
            turn()
        for session_id in SESSIONS:
            window.open_session(session_id)
            turn()
        for lang in ("ko", "zh-Hant", "en"):
            window.ui.set_language(lang)
            turn()
        window.access_button.setChecked(True)          # larger text: every screen re-lays out
        turn()
        window.show_view("changes")
        by = {"by": "memory test", "role": "volunteer"}
        window.ops.edit_session("d1-keynote", start=kst("06-14 15:50") + timedelta(minutes=10 * (k % 2)), **by)
        turn()
        window.ops.edit_session("d1-roundtable", room=sorted(window.repo.rooms())[k % 4], **by)
        turn()
        window.ops.undo_edit(**by)
        turn()
        window.access_button.setChecked(False)
        clock = window.ui.clock
        clock.set(clock.now() + timedelta(minutes=45))    # sessions end and start under the visitor
        window.ui.tick()
        turn()
        window.show_view("exhibitors")
        turn()
        for view in window.exhibitors.findChildren(QGraphicsView):
            if view.isVisible():
                QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center())
                turn()
        edits = [e for e in window.exhibitors.findChildren(QLineEdit) if e.isVisible()]
        QTest.mouseClick(edits[0], Qt.MouseButton.LeftButton)
        QTest.keyClicks(edits[0], "bio")
        turn()
        clock.set(clock.now() - timedelta(minutes=45))    # each visitor finds the same programme
        window.ui.tick()
        turn()
        window.open_staff()
        for key in PIN:
            window.pin_pad.press(key)
        window.pin_pad.press("OK")
        deadline = time.monotonic() + 10
        while window.staff_role is None and time.monotonic() < deadline:   # the PIN check's thread
            turn()
            time.sleep(0.005)
        if window.staff_role is None:
            raise SystemExit("the staff PIN did not unlock the desks")
        window.stack.setCurrentWidget(window.editor)
        turn()
        window.open_meeting_desk()
        turn()
        window.reset_for_next_visitor()
        turn()

    first = None
    for k in range(args.warm + args.visitors):
        visit(k)
        if k < args.warm:
            continue
        c = counts(window)
        widget_types, py_types = c.pop("_widget_types"), c.pop("_py_types")
        # weak references come and go with signal connections (PySide keeps them in batches)
        py_types = Counter({t: n for t, n in py_types.items() if t != "ReferenceType"})
        c["py_objects_no_weakrefs"] = sum(py_types.values())
        if first is None:
            first = widget_types, py_types
        c["visitor"] = k
        c["widgets_grown"] = dict((widget_types - first[0]).most_common(8))
        c["py_grown"] = dict((py_types - first[1]).most_common(8))
        print(json.dumps(c), flush=True)
    sys.stdout.flush()
    os._exit(0)      # (Qt's teardown order is not what is measured here)


if __name__ == "__main__":
    sys.exit(main())
