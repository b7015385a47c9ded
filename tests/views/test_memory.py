"""Issue 12: the lobby kiosk runs 09:00–19:00 for three days; what one visitor used must come
back at the idle reset. Counts, not bytes (bytes are the allocator's high-water mark and noisy):
live widgets, top-level widgets, QGraphicsItems in every scene, the window's QObjects, Python
objects by type — the same after every visitor (every screen, session details, three languages,
larger text, programme edits on Changes, a clock step, the map, the search, the staff desks).

The visitors run in a fresh process (tests/drivers/memory_cycle.py) with a real event loop
between steps, as the kiosk runs in ``app.exec()``: there a widget a screen replaced with
``deleteLater()`` is gone at the next turn. A driver that only calls ``processEvents()`` from
outside any loop never runs those deletions (Qt says so in ``processEvents``' documentation) —
that is what made the monkey's RSS climb 112 → 575 MB (``tests/xdriver.pump``; the figures are
in docs/BENCHMARKS.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[2]
EXACT = ("widgets", "top_level", "scenes", "graphics_items", "window_objects")


def run_visitors(visitors: int) -> list[dict]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "drivers" / "memory_cycle.py"),
                           "--visitors", str(visitors)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def test_what_a_visitor_used_comes_back_at_the_idle_reset():
    rows = run_visitors(4)
    assert len(rows) == 4
    first = rows[0]
    assert first["widgets"] > 300 and first["graphics_items"] > 100      # the screens really are built
    for row in rows[1:]:
        for key in EXACT:
            assert row[key] == first[key], (
                f"visitor {row['visitor']}: {key} {first[key]} → {row[key]}; widgets grown {row['widgets_grown']}")
        # (the probe's own few objects aside) the Python objects stay put too
        extra = row["py_objects_no_weakrefs"] - first["py_objects_no_weakrefs"]
        assert extra <= 40, f"visitor {row['visitor']}: +{extra} Python objects {row['py_grown']}"


def test_the_driver_runs_the_deletions_deleteLater_queued(qtbot):
    """The harness fix itself: what a screen handed to deleteLater() is gone after one pump()."""
    from PySide6.QtWidgets import QApplication

    from tests.xdriver import pump

    parent = QWidget()
    qtbot.addWidget(parent)
    for _ in range(5):
        QWidget(parent).deleteLater()        # posted from outside any event loop, as a driver does
    pump(QApplication.instance())
    assert parent.findChildren(QWidget) == []
