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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--changes", type=int, default=20)
    ap.add_argument("--idle-seconds", type=float, default=30)
    args = ap.parse_args()
    print(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                      "cpus": os.cpu_count()}), file=sys.stderr)
    from kiosk.models.loader import build_database

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_database(db, ROOT / "data")
        first_frames(db, args.runs)
        change_latency(db, args.changes)
        idle_and_memory(db, args.idle_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
