#!/usr/bin/env python3
"""Kiosk benchmarks. Prints one JSON object per line: {"name", "value", "unit"}.

    .venv/bin/python benchmarks/run.py [--runs 7] [--idle-seconds 30] [--changes 20]

Figures (issue 2): start to first painted agenda frame, and a bare PySide6 window's in the
same run; time from a change written by another process to the agenda showing it; peak RSS
and idle CPU of a running kiosk. Everything runs offscreen (QT_QPA_PLATFORM=offscreen).
Record the results with the machine in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def emit(name: str, value: float, unit: str) -> None:
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit}), flush=True)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_to_first_frame(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV, cwd=ROOT)
    for line in proc.stdout:
        if line.strip() == "first-frame":
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"{cmd} never painted")
    proc.wait(timeout=30)
    return elapsed * 1000


def first_frames(db: Path, runs: int) -> None:
    kiosk = [sys.executable, "main.py", "--db", str(db), "--view", "agenda", "--now", "2023-06-14T16:30",
             "--exit-after-first-frame"]
    bare = [sys.executable, "benchmarks/bare_window.py"]
    time_to_first_frame(kiosk), time_to_first_frame(bare)  # warm the file cache
    k, b = [], []
    for _ in range(runs):  # interleaved, so both see the same machine state
        k.append(time_to_first_frame(kiosk))
        b.append(time_to_first_frame(bare))
    emit("first_frame_agenda_median", statistics.median(k), "ms")
    emit("first_frame_bare_window_median", statistics.median(b), "ms")
    emit("first_frame_ratio_agenda_to_bare", statistics.median(k) / statistics.median(b), "x")


def change_latency(db: Path, changes: int) -> None:
    """An open agenda; another connection moves a session; how long until the model shows it."""
    from PySide6.QtWidgets import QApplication

    from kiosk.clock import RunningClock, parse_instant
    from kiosk.models.database import open_event_db
    from kiosk.models.repository import Repository
    from kiosk.views.live import ChangeWatcher
    from kiosk.views.main_window import KioskWindow
    from kiosk.views.state import UiState

    app = QApplication.instance() or QApplication([])
    conn = open_event_db(db)
    repo = Repository(conn)
    ui = UiState(RunningClock(repo.tz, parse_instant("2023-06-14T16:30", repo.tz)))
    window = KioskWindow(ui, repo, ChangeWatcher(conn))
    window.resize(1920, 1080)
    window.show()
    window.show_view("agenda")
    app.processEvents()
    other = sqlite3.connect(db)
    rooms = ["203", "204", "101"]

    def shown_room() -> str | None:
        for row in window.agenda.model._rows:
            for item in row:
                if item.session.id == "d1-masterclass2":
                    return item.session.room_id
        return None

    samples = []
    for i in range(changes):
        room = rooms[i % len(rooms)]
        if shown_room() == room:
            room = "202"
        time.sleep(0.05 + (i % 5) * 0.037)  # land at different points of the poll cycle
        t0 = time.perf_counter()
        with other:
            other.execute("UPDATE session SET room_id = ? WHERE id = 'd1-masterclass2'", (room,))
        while shown_room() != room:
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - t0 > 5:
                raise RuntimeError("change never showed")
        app.processEvents()  # the repaint
        samples.append((time.perf_counter() - t0) * 1000)
    emit("external_change_to_agenda_median", statistics.median(samples), "ms")
    emit("external_change_to_agenda_p95", p95(samples), "ms")
    window.close()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def idle_and_memory(db: Path, idle_seconds: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db), "--view", "agenda", "--now", "2023-06-14T16:30", "--windowed"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=ROOT)
    try:
        time.sleep(5)  # start-up done, first frames painted
        c0, t0 = _cpu_seconds(proc.pid), time.perf_counter()
        time.sleep(idle_seconds)
        c1, t1 = _cpu_seconds(proc.pid), time.perf_counter()
        status = Path(f"/proc/{proc.pid}/status").read_text()
        hwm_kb = int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    emit("idle_cpu_percent", 100 * (c1 - c0) / (t1 - t0), "%")
    emit("idle_seconds_measured", t1 - t0, "s")
    emit("peak_rss", hwm_kb / 1024, "MB")


def _big_event(db: Path, booths: int) -> None:
    """Replace the bundled hall with a generated one of ``booths`` booths, each let to an
    exhibitor, straight in SQL (the benchmark's own harness, not the app's import path)."""
    import random

    from scripts.demo_venue import generated

    data = generated(booths)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        for table in ("exhibitor_booth", "exhibitor", "booth", "kiosk"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM map_feature WHERE floor_id = '1F'")
        x, y, w, h = data["hall"]
        conn.execute("UPDATE room SET plan_x = ?, plan_y = ?, plan_w = ?, plan_h = ? WHERE id = 'EXH'", (x, y, w, h))
        conn.execute("UPDATE floor SET plan_width = ?, plan_depth = ? WHERE id = '1F'", (w + 10, h + 10))
        cats = [r[0] for r in conn.execute("SELECT id FROM category")]
        rng = random.Random(5000)
        words = ["Hanbit", "Daeseong", "Gumi", "Silla", "Palgong", "Apsan", "Geumo", "Cheomseong", "Bomun", "Hwarang"]
        kinds = ["Axle", "Bio", "Data", "Foods", "Robotics", "Steel", "Skin Lab", "Cloud", "Valve", "Sensor"]
        n = 0
        for f in data["features"]:
            p = f["properties"]
            if p["feature_type"] == "booth":
                ring = f["geometry"]["coordinates"][0]
                bx, by = ring[0]
                conn.execute("INSERT INTO booth (id, room_id, plan_x, plan_y, plan_w, plan_h, door_x, door_y) "
                             "VALUES (?, 'EXH', ?, ?, 3, 3, ?, ?)", (f["id"], bx, by, *p["door"]))
                n += 1
                name = f"{rng.choice(words)} {rng.choice(kinds)} {n}"
                conn.execute("INSERT INTO exhibitor (id, name_en, name_ko, country, category_id) VALUES (?, ?, ?, ?, ?)",
                             (f"x{n}", name, f"한빛 {n}", "KR", rng.choice(cats)))
                conn.execute("INSERT INTO exhibitor_booth VALUES (?, ?)", (f"x{n}", f["id"]))
            elif p["feature_type"] == "walkway":
                conn.execute("INSERT INTO map_feature (id, floor_id, feature_type, geometry) VALUES (?, '1F', 'walkway', ?)",
                             (f["id"], json.dumps(f["geometry"])))
            elif p["feature_type"] == "kiosk":
                kx, ky = f["geometry"]["coordinates"]
                conn.execute("INSERT INTO kiosk (id, floor_id, name_en, x, y) VALUES ('K1', '1F', 'Kiosk', ?, ?)", (kx, ky))
    conn.close()


def exhibitor_screen(db: Path, label: str, samples: int) -> None:
    """Category taps and search keystrokes until list and map have repainted; routes."""
    import random

    from PySide6.QtWidgets import QApplication

    from kiosk.clock import RunningClock, parse_instant
    from kiosk.models.database import open_event_db
    from kiosk.models.repository import Repository
    from kiosk.views.live import ChangeWatcher
    from kiosk.views.main_window import KioskWindow
    from kiosk.views.state import UiState

    app = QApplication.instance() or QApplication([])
    conn = open_event_db(db)
    repo = Repository(conn)
    ui = UiState(RunningClock(repo.tz, parse_instant("2023-06-14T11:00", repo.tz)))
    window = KioskWindow(ui, repo, ChangeWatcher(conn))
    window.resize(1920, 1080)
    window.show()
    window.show_view("exhibitors")
    screen = window.exhibitors
    app.processEvents()

    def repaint() -> None:
        screen.list.viewport().repaint()
        screen.map.viewport().repaint()

    keys = list(screen.category_chips)
    taps = []
    for i in range(samples):
        chip = screen.category_chips[keys[i % len(keys)]]
        t0 = time.perf_counter()
        chip.click()
        repaint()
        taps.append((time.perf_counter() - t0) * 1000)
    screen.set_categories(set())
    emit(f"exhibitors_{label}_category_tap_p95", p95(taps), "ms")
    emit(f"exhibitors_{label}_category_tap_median", statistics.median(taps), "ms")
    strokes = []
    for word in ["Hanbit", "Silla C", "Gumi Ro", "한빛", "Palgong S"] * max(1, samples // 30):
        screen.set_search("")
        for k in range(1, len(word) + 1):
            t0 = time.perf_counter()
            screen.search.setText(word[:k])  # what a key on the on-screen keyboard does
            repaint()
            strokes.append((time.perf_counter() - t0) * 1000)
    screen.set_search("")
    emit(f"exhibitors_{label}_search_keystroke_p95", p95(strokes), "ms")
    emit(f"exhibitors_{label}_search_keystroke_median", statistics.median(strokes), "ms")
    graph = window.venue.graph
    booths = list(window.venue.booths)
    rng = random.Random(1)
    routes = []
    for b in rng.sample(booths, min(200, len(booths))):
        t0 = time.perf_counter()
        graph.route("kiosk:K1", b)
        routes.append((time.perf_counter() - t0) * 1000)
    emit(f"route_{label}_p95", p95(routes), "ms")
    window.close()
    window.deleteLater()
    app.processEvents()
    conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--changes", type=int, default=20)
    ap.add_argument("--idle-seconds", type=float, default=30)
    ap.add_argument("--samples", type=int, default=60, help="category taps per hall size")
    ap.add_argument("--only", choices=["shell", "exhibitors"], help="run one group of figures")
    args = ap.parse_args()
    print(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                      "cpus": os.cpu_count()}), file=sys.stderr)
    from kiosk.models.loader import build_database

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_database(db, ROOT / "data")
        if args.only in (None, "shell"):
            first_frames(db, args.runs)
            change_latency(db, args.changes)
            idle_and_memory(db, args.idle_seconds)
        if args.only in (None, "exhibitors"):
            exhibitor_screen(db, "69", args.samples)
            big = Path(tmp) / "big.db"
            build_database(big, ROOT / "data")
            _big_event(big, 5000)
            exhibitor_screen(big, "5000", args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
