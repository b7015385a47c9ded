#!/usr/bin/env python3
"""Soak: thousands of taps across every screen, language switches and idle resets, in one
kiosk process. Prints JSON lines: RSS growth, widget and timer counts before and after.

    .venv/bin/python benchmarks/soak.py [--taps 10000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def emit(name, value, unit):
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit}), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--taps", type=int, default=10_000)
    args = ap.parse_args()
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPushButton

    from kiosk.builder import build_kiosk
    from kiosk.clock import parse_instant
    from kiosk.models.loader import build_database
    from kiosk.models.store import EventStore

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    db_path = tmp / "soak.db"
    build_database(db_path, ROOT / "data")
    conn = EventStore.open(db_path)
    kiosk = build_kiosk(conn, now=parse_instant("2023-06-14T16:30", conn.tz), idle_seconds=3600)
    window, repo, ui = kiosk.window, kiosk.repo, kiosk.ui
    window.resize(1920, 1080)
    window.show()
    rng = random.Random(10_000)

    def visitor_buttons():
        screen = window.stack.currentWidget()
        buttons = [b for b in screen.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
        buttons += [b for b in window.lang_buttons.values()] + [window.access_button, window.home_button]
        # visitors never reach staff functions: the PIN pad cancels, the staff entry is skipped
        return [b for b in buttons if b is not window.home.staff]

    def tap(i: int) -> None:
        r = rng.random()
        if r < 0.02:
            window.reset_for_next_visitor()                      # an idle reset
        elif r < 0.10:
            window.show_view(rng.choice(["home", "agenda", "exhibitors", "changes"]))
        elif r < 0.16 and window.current_view() == "agenda":     # tap a card
            view = window.agenda.list
            if window.agenda.model.rowCount():
                rect = view.visualRect(window.agenda.model.index(rng.randrange(window.agenda.model.rowCount()), 0))
                QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        elif r < 0.24 and window.current_view() == "exhibitors":  # tap a booth or a row
            screen = window.exhibitors
            if rng.random() < 0.5 and screen.model.rowCount():
                screen.select_exhibitor(rng.choice(screen.model.ids()))
            else:
                screen.set_search(rng.choice(["", "han", "한빛", "系統", "bio", "a0"]))
        else:
            buttons = visitor_buttons()
            if buttons:
                QTest.mouseClick(rng.choice(buttons), Qt.MouseButton.LeftButton)
        if window.current_view() == "pin":
            window.pin_pad.close_pad()
        if i % 10 == 0:
            app.processEvents()

    def census():
        from PySide6.QtCore import QCoreApplication, QEvent

        gc.collect()
        app.processEvents()
        # what the event loop does between taps in a real run: deleteLater'd objects go
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        widgets = len(QApplication.allWidgets())
        timers = len(window.findChildren(QTimer))
        return widgets, timers

    t0 = time.perf_counter()
    # warm up: every screen in every language and theme once (Qt keeps glyphs per font and size,
    # a bounded cache that fills the first time each combination is drawn), then random taps
    for accessible in (False, True):
        window.access_button.setChecked(accessible)
        for lang in ("en", "ko", "zh-Hant"):
            ui.set_language(lang)
            for view in ("home", "agenda", "exhibitors", "changes"):
                window.show_view(view)
                window.grab()
            window.exhibitors.select_exhibitor(window.exhibitors.exhibitors[0].id)
            window.grab()
            window.open_session("d1-roundtable")
            window.grab()
    for i in range(1000):
        tap(i)
        if os.environ.get("SOAK_TRACE") and i % 100 == 0:
            print("warm", i, round(rss_mb()), window.current_view(), ui.language, ui.theme.high_contrast, file=sys.stderr)
    window.reset_for_next_visitor()
    w0, tm0 = census()
    r0 = rss_mb()
    samples = []
    for i in range(args.taps):
        tap(i)
        if (i + 1) % 2000 == 0:            # the curve, sampled after an idle reset
            window.reset_for_next_visitor()
            census()
            samples.append(round(rss_mb()))
    window.reset_for_next_visitor()
    w1, tm1 = census()
    r1 = rss_mb()
    emit("soak_taps", args.taps, "taps")
    emit("soak_seconds", time.perf_counter() - t0, "s")
    emit("soak_rss_start", r0, "MB")
    emit("soak_rss_end", r1, "MB")
    emit("soak_rss_growth", r1 - r0, "MB")
    print(json.dumps({"name": "soak_rss_every_2000_taps", "value": samples, "unit": "MB"}), flush=True)
    if len(samples) >= 3:
        # the trend: caches swing RSS by tens of MB between any two samples, so the growth that
        # matters all day is the least-squares slope through all of them
        xs = [2000 * (k + 1) for k in range(len(samples))]
        mx, my = sum(xs) / len(xs), sum(samples) / len(samples)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, samples)) / sum((x - mx) ** 2 for x in xs)
        emit("soak_rss_trend_per_10000_taps", slope * 10_000, "MB")
    emit("soak_widgets_start", w0, "widgets")
    emit("soak_widgets_end", w1, "widgets")
    emit("soak_timers_start", tm0, "timers")
    emit("soak_timers_end", tm1, "timers")
    kiosk.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
