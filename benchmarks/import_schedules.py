#!/usr/bin/env python3
"""Schedule import benchmarks (issue 14). Prints one JSON object per line: {"name", "value", "unit"}.

    .venv/bin/python benchmarks/import_schedules.py [--runs 5] [--events 20000]

- 36C3 (../shared/real-schedules/36c3_merged.xml, 1,351 events): the import in-process
  (Importer.run: read, check, write) and the whole `main.py import` command (process start
  included), median of --runs, each into a fresh empty event (`init-db --venue-only`).
- A generated frab schedule.xml with --events events (5 days, 100 rooms, 1–3 speakers from a pool
  of 4,000, Korean/Chinese in a quarter of the titles, 300-character abstracts): `main.py import
  --progress` as a child process; its wall time, its peak RSS (ru_maxrss of the child), and that
  the progress bar reached the end.

Record the results with the machine in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REAL = ROOT.parent / "shared" / "real-schedules"


def emit(name: str, value: float, unit: str) -> None:
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit}), flush=True)


def venue_only(path: Path) -> None:
    from kiosk.models.loader import build_database

    build_database(path, ROOT / "data", venue_only=True)


def in_process(source: Path, tmp: Path, runs: int, timezone: str | None = None) -> list[float]:
    from kiosk.exchange.importer import Importer
    from kiosk.models.database import open_event_db

    times = []
    for i in range(runs):
        db = tmp / f"inproc-{source.stem}-{i}.db"
        venue_only(db)
        store = open_event_db(db)
        t0 = time.perf_counter()
        report = Importer(store, timezone=timezone).run(source, "agenda")
        times.append(time.perf_counter() - t0)
        assert report.ok, report.problems[:3]
        store.close()
    return times


def command(source: Path, db: Path, *extra: str) -> tuple[float, int, str]:
    """Wall time, peak RSS (bytes) and stderr of one `main.py import` child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(source), "--kind", "agenda",
                           "--db", str(db), *extra], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"import failed: {proc.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far (KiB on Linux): only meaningful
    # when this child is the largest, which the order of the runs below ensures
    return elapsed, max(peak, before) * 1024, proc.stderr


def generate(path: Path, events: int, seed: int = 14) -> None:
    rnd = random.Random(seed)
    days, rooms = 5, 100
    per_room_day = -(-events // (days * rooms))
    first = date(2027, 6, 14)
    names = [f"Speaker {i:04d}" if i % 5 else f"김연사 {i:04d}" for i in range(4000)]
    words = "schedule kiosk hall science park innovation robot battery sensor data city energy".split()
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<schedule>", "  <version>bench</version>", "  <conference>",
           "    <acronym>bench2027</acronym>", "    <title>Generated Benchmark Fair 2027</title>",
           f"    <start>{first}</start>", f"    <end>{first + timedelta(days=days - 1)}</end>",
           f"    <days>{days}</days>", "    <timeslot_duration>00:05</timeslot_duration>",
           "    <time_zone_name>Asia/Seoul</time_zone_name>", "  </conference>"]
    n = 0
    for d in range(days):
        day = first + timedelta(days=d)
        out.append(f'  <day index="{d + 1}" date="{day}" start="{day}T06:00:00+09:00" '
                   f'end="{day + timedelta(days=1)}T05:59:59+09:00">')
        for r in range(rooms):
            out.append(f'    <room name="Room {r:03d}">')
            for k in range(per_room_day):
                if n >= events:
                    break
                n += 1
                start = datetime(day.year, day.month, day.day, 8, 0) + timedelta(minutes=10 * k)
                title = " ".join(rnd.choice(words) for _ in range(5)).title()
                if n % 4 == 0:
                    title += " · 과학 기술 · 科學園區"
                people = "".join(f"<person>{escape(rnd.choice(names))}</person>" for _ in range(rnd.randint(1, 3)))
                abstract = escape(" ".join(rnd.choice(words) for _ in range(45)))[:300]
                out.append(
                    f'      <event id="{n}" guid="00000000-0000-4000-8000-{n:012d}"><date>{start:%Y-%m-%dT%H:%M}:00+09:00'
                    f"</date><start>{start:%H:%M}</start><duration>00:10</duration><room>Room {r:03d}</room>"
                    f"<slug>bench2027-{n}-talk</slug><title>{escape(title)}</title><subtitle/>"
                    f"<track>Track {r % 12}</track><type>lecture</type><language>en</language>"
                    f"<abstract>{abstract}</abstract><description/><persons>{people}</persons></event>")
            out.append("    </room>")
        out.append("  </day>")
    out.append("</schedule>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--events", type=int, default=20_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as name:
        tmp = Path(name)
        c3 = REAL / "36c3_merged.xml"
        if c3.exists():
            times = in_process(c3, tmp, args.runs)
            emit("36c3 import in-process (1,351 events), median", statistics.median(times), "s")
            emit("36c3 import in-process, max", max(times), "s")
            walls = []
            for i in range(args.runs):
                db = tmp / f"cmd-36c3-{i}.db"
                venue_only(db)
                walls.append(command(c3, db)[0])
            emit("36c3 `main.py import` command incl. process start, median", statistics.median(walls), "s")
        else:
            print(json.dumps({"skipped": f"{c3} is absent"}), flush=True)
        big = tmp / "generated.xml"
        t0 = time.perf_counter()
        generate(big, args.events)
        emit(f"generating the {args.events}-event schedule.xml ({big.stat().st_size / 1e6:.1f} MB)",
             time.perf_counter() - t0, "s")
        db = tmp / "big.db"
        venue_only(db)
        wall, peak, err = command(big, db, "--progress")
        emit(f"{args.events}-event schedule: `main.py import --progress` wall time", wall, "s")
        emit(f"{args.events}-event schedule: peak RSS of the import process", peak / 2**20, "MiB")
        final = f"{args.events}/{args.events}"
        bar_ok = "checking" in err and "importing" in err and final in err
        emit("progress bar shown for checking and importing, reaching the end (1 = yes)", float(bar_ok), "")
        import sqlite3

        count = sqlite3.connect(db).execute("SELECT count(*) FROM session").fetchone()[0]
        emit(f"{args.events}-event schedule: sessions in the database afterwards", count, "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
