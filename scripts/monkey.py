#!/usr/bin/env python3
"""A seeded monkey: random taps, double-taps, drags and typing over every screen of the kiosk
(home, agenda, session detail, exhibitors and map, changes, the staff PIN pad and desks), through
language switches, larger text and idle resets. On a real X server the input is real (xdotool,
XTEST); offscreen it goes through QTest. Every Python exception and Qt critical message counts
as a failure; a crash is the process dying (exit 139/134).

    .venv/bin/python scripts/monkey.py --events 5000 --seed 7                 # offscreen
    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python scripts/monkey.py --x --events 3000
    .venv/bin/python scripts/monkey.py --events 3000 --seed 42 --sample 250 2> samples.jsonl   # memory

Prints one JSON line: events, seconds, by kind, errors. With ``--sample N`` it also prints, every N
events and after an idle reset, one JSON line on stderr (``"sample"``): RSS, live widgets, top-level
widgets, QGraphicsItems per scene, the main window's QObject descendants and the most numerous
Python object types — the figures issue 12's memory hunt reads (``--tracemalloc`` adds the top
allocation sites grown since the sample before).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PIN = "246813"
SESSIONS = ["d1-opening", "d1-keynote", "d1-roundtable", "d1-masterclass2", "d1-reception", "d2-forum1",
            "d2-gala", "d2-masterclass3", "d3-tour"]
WORDS = ["han", "Kim", "bio", "a0", "twist", "12", "zz", "Lee", "C0", "x"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--x", action="store_true", help="real input through xdotool (needs DISPLAY)")
    ap.add_argument("--idle-seconds", type=float, default=1.5)
    ap.add_argument("--trace", action="store_true", help="one line per event on stderr (kind, screen, ms)")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="every N events (and right after an idle reset at that point) print a memory sample "
                         "(RSS, widget/item/object counts) as JSON on stderr")
    ap.add_argument("--tracemalloc", action="store_true", help="with --sample: diff tracemalloc snapshots")
    ap.add_argument("--no-deferred-delete", action="store_true",
                    help="the old harness: never run deleteLater()'s deletions (to reproduce its figures)")
    ap.add_argument("--only", default="",
                    help="comma-separated event kinds to run (the others are skipped): bisecting a growth")
    ap.add_argument("--now", default="2023-06-14T16:30",
                    help="the kiosk's (fixed) clock at the start; 'clock' events move it on (default: five "
                         "sessions on at once)")
    args = ap.parse_args()
    if not args.x:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QGraphicsView, QLineEdit, QPushButton

    from kiosk.models.loader import build_database
    from tests.xdriver import Driver, ErrorRecorder, build_kiosk, pump, report

    tmp = Path(tempfile.mkdtemp(prefix="monkey-"))
    db_path = tmp / "event.db"
    build_database(db_path, ROOT / "data")
    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, idle_seconds=args.idle_seconds, now=args.now)
    db.pins.set_pin("staff", PIN, window.ui.now())
    db.pins.set_pin("volunteer", "135790", window.ui.now())
    if args.no_deferred_delete:
        def pump(app):
            app.processEvents()
    driver = Driver(app, pump=pump)
    rng = random.Random(args.seed)
    driver.wait(300)
    counts: dict[str, int] = {}
    real = args.x

    def targets():
        screen = window.stack.currentWidget()
        out = []
        for w in screen.findChildren(QPushButton) + screen.findChildren(QLineEdit):
            if w.isVisible() and w.isEnabled() and w is not getattr(screen, "export_button", None):
                out.append(w)
        for w in screen.findChildren(QAbstractScrollArea):
            if w.isVisible() and w.viewport().width() > 20:
                out.append(w.viewport())
        out += list(window.lang_buttons.values()) + [window.access_button, window.home_button]
        return out

    def point_in(w):
        r = w.rect()
        return QPoint(rng.randrange(max(1, r.width())), rng.randrange(max(1, r.height())))

    def tap(w, double=False):
        p = point_in(w)
        if real:
            driver.tap(w, p, double=double)
        elif double:
            QTest.mouseDClick(w, Qt.MouseButton.LeftButton, pos=p)
        else:
            QTest.mouseClick(w, Qt.MouseButton.LeftButton, pos=p)

    def drag(w):
        a, b = point_in(w), point_in(w)
        if real:
            g0, g1 = w.mapToGlobal(a), w.mapToGlobal(b)
            driver.drag(g0.x(), g0.y(), g1.x(), g1.y())
        else:
            QTest.mousePress(w, Qt.MouseButton.LeftButton, pos=a)
            for i in range(1, 5):
                QTest.mouseMove(w, a + (b - a) * i / 4)
            QTest.mouseRelease(w, Qt.MouseButton.LeftButton, pos=b)

    def type_text():
        text = rng.choice(WORDS)
        focus = QApplication.focusWidget()
        if real:
            driver.type(text, rng.choice([30, 120]))
        elif focus is not None:
            # one key at a time to whatever has focus *now*: QTest.keyClicks keeps a raw pointer
            # to its widget while it waits between keys, and a screen may replace the widget
            for ch in text:
                focus = QApplication.focusWidget()
                if focus is None:
                    break
                QTest.keyClick(focus, ch)
                if rng.random() < 0.5:
                    driver.wait(20)
        if rng.random() < 0.3:
            if real:
                driver.key("BackSpace")
            elif QApplication.focusWidget() is not None:
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)

    from kiosk.models.errors import KioskError

    rooms = sorted(window.repo.rooms())
    first_instant = window.ui.now().replace(hour=9, minute=0)
    last_instant = first_instant + timedelta(days=2, hours=10)

    def edit_programme():
        session_id = rng.choice(SESSIONS)
        session = window.repo.session(session_id)
        what = rng.random()
        by = {"by": "monkey", "role": "volunteer"}
        if what < 0.15:
            window.ops.undo_edit(**by)
        elif what < 0.35:
            window.ops.edit_session(session_id, room=rng.choice(rooms), **by)
        elif what < 0.55:
            window.ops.edit_session(session_id, start=session.start + timedelta(minutes=rng.choice([-15, 10, 20])), **by)
        elif what < 0.7:
            window.ops.edit_session(session_id, notice=rng.choice(["preset:late10", "preset:full", ""]), **by)
        elif what < 0.85:
            window.ops.edit_session(session_id, cancel=True, **by)
        else:
            window.ops.edit_session(session_id, revert=True, **by)

    from tests.memory_probe import MemoryProbe

    probe = MemoryProbe(window, tracemalloc=args.tracemalloc) if args.sample else None
    only = {k for k in args.only.split(",") if k}
    samples = []

    def sample(i, label="") -> None:
        s = probe.sample(i, label)
        samples.append(s)
        print(json.dumps({"sample": s}), file=sys.stderr, flush=True)

    if probe is not None:
        # every screen built once first (they are built on first use), so what the samples
        # after an idle reset show is what a visitor leaves behind, not a screen's first opening
        for name in ("home", "agenda", "exhibitors", "changes", "my-day", "board", "pin", "checkin", "editor",
                     "meetings"):
            window.screen(name)
        window.open_session(SESSIONS[0])
        # QtMultimedia (and the QtNetwork types it brings) is imported on first use too — the
        # desk's first verdict sound, the camera check: ~3,000 Python objects that would read as
        # growth when the monkey's first scan or wrong PIN comes after the first sample
        from kiosk.views.feedback import camera_available

        window.screen("checkin").sounds.preload()
        camera_available()
        pump(app)
        window.reset_for_next_visitor()
        pump(app)
        sample(0, "start")

    def kind_of(r, view):
        if view == "pin" and r < 0.5:
            return "pin"
        for limit, name in ((0.015, "idle_reset"), (0.06, "navigate"), (0.08, "session"), (0.16, "double_tap"),
                            (0.26, "drag"), (0.36, "type"), (0.375, "edit"), (0.39, "clock")):
            if r < limit:
                return name
        return "tap"

    t0 = time.perf_counter()
    for i in range(args.events):
        t_event = time.perf_counter()
        r = rng.random()
        view = window.current_view()
        if args.trace:
            print(i, "start", round(r, 3), view, file=sys.stderr, flush=True)
        if only and kind_of(r, view) not in only:
            kind = "skipped"
        elif view == "pin" and r < 0.5:
            kind = "pin"
            for d in (PIN if rng.random() < 0.7 else "135790") + "K":
                w = window.pin_pad.keys["OK" if d == "K" else d]
                (driver.tap(w) if real else QTest.mouseClick(w, Qt.MouseButton.LeftButton))
        elif r < 0.015:
            kind = "idle_reset"
            if rng.random() < 0.3:
                driver.wait(args.idle_seconds * 1000 + 300)      # the real idle timer
            else:
                window.reset_for_next_visitor()
        elif r < 0.06:
            kind = "navigate"
            window.show_view(rng.choice(["home", "agenda", "exhibitors", "changes"]))
        elif r < 0.08:
            kind = "session"
            window.open_session(rng.choice(SESSIONS))
        elif r < 0.16:
            kind = "double_tap"
            maps = [w for w in window.stack.currentWidget().findChildren(QGraphicsView) if w.isVisible()]
            tap((rng.choice(maps).viewport() if maps else rng.choice(targets())), double=True)
        elif r < 0.26:
            kind = "drag"
            areas = [w.viewport() for w in window.stack.currentWidget().findChildren(QAbstractScrollArea)
                     if w.isVisible()]
            if areas:
                drag(rng.choice(areas))
        elif r < 0.36:
            kind = "type"
            edits = [w for w in window.stack.currentWidget().findChildren(QLineEdit) if w.isVisible()]
            if edits and not isinstance(QApplication.focusWidget(), QLineEdit):
                tap(edits[0])
            type_text()
        elif r < 0.375:
            # another desk edits the programme: every screen showing it rebuilds under the taps
            kind = "edit"
            try:
                edit_programme()
            except KioskError:
                kind = "edit_refused"          # a clear refusal (a clash, an end before start) is fine
        elif r < 0.39:
            # time passes: sessions start and end under the visitor (cards move, walks go)
            kind = "clock"
            clock = window.ui.clock
            later = clock.now() + timedelta(minutes=rng.choice([1, 5, 20, 45, 90]))
            if later > last_instant:
                later = first_instant + timedelta(minutes=rng.randrange(0, 60 * 10))
            clock.set(later)
            window.ui.tick()
        else:
            kind = "tap"
            tap(rng.choice(targets()))
        counts[kind] = counts.get(kind, 0) + 1
        if args.trace:
            print(i, kind, view, window.ui.language, round((time.perf_counter() - t_event) * 1000), file=sys.stderr,
                  flush=True)
        if real or i % 5 == 0:
            pump(app)
        if probe is not None and (i + 1) % args.sample == 0:
            sample(i + 1)
            window.reset_for_next_visitor()       # what the idle reset gives back is the figure that matters
            pump(app)
            sample(i + 1, "after idle reset")
        if len(recorder.errors) > 20:
            break
    seconds = time.perf_counter() - t0
    out = {"events": sum(counts.values()), "seconds": round(seconds, 1), "by_kind": counts, "seed": args.seed,
           "platform": app.platformName(), "errors": recorder.errors}
    if samples:
        out["memory"] = [{k: s[k] for k in ("event", "label", "rss_mb", "widgets", "graphics_items", "py_objects")}
                         for s in samples]
    report(out)
    sys.stdout.flush()
    shutil.rmtree(tmp, ignore_errors=True)
    os._exit(1 if recorder.errors else 0)      # Qt's teardown aborts after the on-screen keyboard


if __name__ == "__main__":
    sys.exit(main())
