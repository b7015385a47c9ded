#!/usr/bin/env python3
"""Sync benchmarks (issue 13): signed logs over mutual TLS. One JSON object per line.

    .venv/bin/python benchmarks/sync_trust.py [--scans 10000] [--devices 20] [--per-device 100]

1. Three device processes with ``--scans`` offline scans each (already signed into their logs,
   as they are on the day) start syncing at one instant (a "go" file: Python start-up is not
   counted); the figure is the time until every one holds all 3 x scans entries, verified and
   applied, with identical check-in tables.
2. ``--devices`` devices with ``--per-device`` scans each, in one process and one event loop (so
   the CPU they share is one core), each dialling three others over TLS: time until all hold
   everything, and the bytes each received against the bytes of entries it had to receive.
3. The server CPU an unauthenticated connection attempt costs (a TLS client with no certificate,
   one with a certificate from another authority, and plain TCP garbage), read from the server
   process's /proc/PID/stat.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KST = ZoneInfo("Asia/Seoul")
EVENT_NOW = datetime(2023, 6, 14, 18, 0, tzinfo=KST)


def emit(name: str, value: float, unit: str, **extra) -> None:
    print(json.dumps({"name": name, "value": round(value, 4), "unit": unit, **extra}), flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Fleet:
    def __init__(self, tmp: Path, base: Path) -> None:
        from kiosk.sync.identity import make_authority

        self.tmp, self.base = tmp, base
        self.authority = make_authority(tmp / "ca", event_id="innofair2023", now=datetime.now(timezone.utc))
        self.paths: dict[str, Path] = {}
        self.ids: dict[str, Path] = {}

    def add(self, name: str, scans: int) -> None:
        from kiosk.models.database import open_event_db
        from kiosk.sync.engine import SyncEngine, pin_authority
        from kiosk.sync.identity import enrol, load_identity

        path = self.tmp / f"{name}.db"
        shutil.copy(self.base, path)
        store = open_event_db(path)
        pin_authority(store, self.authority.cert_pem, EVENT_NOW)
        self.ids[name] = enrol(self.authority, name, role="kiosk", event_id="innofair2023", out=self.tmp / "ids",
                               now=datetime.now(timezone.utc))
        offline_scans(store, name, scans)
        SyncEngine(store, load_identity(self.ids[name]), clock=lambda: EVENT_NOW).collect_local()   # signed on the day
        store.close()
        self.paths[name] = path


def offline_scans(store, device: str, n: int) -> None:
    """``n`` scans by ``device`` over the day: the first of a person on a list OK, later ones ALREADY."""
    lists = ["entry", "reception", "gala", "tour"]
    # each list's scans within its opening window and of people it admits: every device re-checks
    # a synced OK scan against both (kinds.recheck_scan), as a real door's scans would pass
    opens = {"entry": datetime(2023, 6, 14, 9, 0, tzinfo=KST), "reception": datetime(2023, 6, 14, 18, 0, tzinfo=KST),
             "gala": datetime(2023, 6, 15, 17, 30, tzinfo=KST), "tour": datetime(2023, 6, 16, 8, 0, tzinfo=KST)}
    types = dict(store.execute("SELECT id, types FROM checkin_list"))
    admitted = {lst: [a for a, t in store.execute("SELECT id, type FROM attendee") if t in types[lst].split(",")]
                for lst in lists}
    seen = set()
    rows = []
    for i in range(n):
        lst = lists[i % 4]
        who = admitted[lst][(i * 7) % len(admitted[lst])]
        code = "ALREADY" if (who, lst) in seen else "OK"
        seen.add((who, lst))
        rows.append((f"{device}-{i}", lst, device, (opens[lst] + timedelta(seconds=(i // 4) * 2)).isoformat(),
                     "manual", None, who, code, '{"reason": ""}'))
    with store.atomic():
        store.executemany("INSERT INTO scan (scan_id, list_id, device_id, scanned_at, payload, serial, attendee_id, "
                          "code, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        for who, lst in seen:
            first = next(r for r in rows if r[6] == who and r[1] == lst and r[7] == "OK")
            store.execute("INSERT OR IGNORE INTO checkin (list_id, attendee_id, scan_id, device_id, checked_in_at) "
                          "VALUES (?, ?, ?, ?, ?)", (lst, who, first[0], device, first[3]))


# ---------------------------------------------------------------- 1. three processes
def worker(args) -> int:
    """One device: wait for the go file, sync, and write when it holds ``target`` entries."""
    from kiosk.models.database import open_event_db
    from kiosk.sync.identity import load_identity
    from kiosk.sync.net import SyncNode

    store = open_event_db(args.db)
    node = SyncNode(store, load_identity(Path(args.identity)), clock=lambda: EVENT_NOW, peers=args.peer, port=args.port,
                    host="127.0.0.1", status=False)
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = usage.ru_utime + usage.ru_stime
    Path(args.out + ".ready").write_text("ready")
    while not os.path.exists(args.go):
        time.sleep(0.001)

    async def main():
        task = asyncio.create_task(node.run())
        own = store.execute("SELECT count(*) FROM sync_log").fetchone()[0]
        first = None                        # when the first of the others' entries was merged here
        while (count := store.execute("SELECT count(*) FROM sync_log").fetchone()[0]) < args.target:
            if first is None and count > own:
                first = time.time()
            await asyncio.sleep(0.005)
        done = time.time()
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        Path(args.out).write_text(json.dumps({"done": done, "first": first or done, "traffic": node.traffic,
                                              "cpu": usage.ru_utime + usage.ru_stime - cpu0}))
        await asyncio.sleep(1.0)           # keep serving the others until they are done too
        node.stop()
        await task

    asyncio.run(main())
    return 0


def three_processes(tmp: Path, base: Path, scans: int, runs: int = 3) -> None:
    """``runs`` runs, each on fresh copies of the three databases; each run's figures, then the
    median run's. Wall clock depends on what else the machine runs (the load is printed with each
    run); the CPU each device spent does much less."""
    fleet = Fleet(tmp / "three", base)
    for name in ("a", "b", "c"):
        fleet.add(name, scans)
    walls, cpus = [], []
    for run in range(1, runs + 1):
        folder = tmp / "three" / f"run{run}"
        folder.mkdir()
        paths = {n: folder / p.name for n, p in fleet.paths.items()}
        for n, p in fleet.paths.items():
            shutil.copy(p, paths[n])
        wall, cpu = _three_once(fleet, paths, folder, scans, run)
        walls.append(wall)
        cpus.append(cpu)
    walls.sort()
    emit(f"sync_3_processes_{scans}_signed_scans_each_converge_median", walls[len(walls) // 2], "s",
         runs=len(walls), all=[round(w, 3) for w in walls], cpu_max_each_run=[round(c, 3) for c in cpus],
         note="wall clock from go until every device holds all entries; 3 processes on "
              f"{os.cpu_count()} CPUs, so it is at least 3 x the CPU per device / the CPUs, plus what others run")


def _three_once(fleet: "Fleet", paths: dict[str, Path], folder: Path, scans: int, run: int) -> tuple[float, float]:
    ports = {n: free_port() for n in paths}
    go = folder / "go"
    procs = []
    for name in paths:
        cmd = [sys.executable, __file__, "worker", "--db", str(paths[name]), "--identity", str(fleet.ids[name]),
               "--port", str(ports[name]), "--target", str(3 * scans), "--go", str(go),
               "--out", str(folder / f"{name}.done")]
        for other in paths:
            if other != name:
                cmd += ["--peer", f"127.0.0.1:{ports[other]}"]
        procs.append(subprocess.Popen(cmd, cwd=ROOT))
    while not all((folder / f"{n}.done.ready").exists() for n in paths):
        time.sleep(0.05)
    time.sleep(0.5)
    load = os.getloadavg()[0]
    t0 = time.time()
    go.write_text("go")
    for p in procs:
        p.wait(120)
    done = {n: json.loads((folder / f"{n}.done").read_text()) for n in paths}
    wall = max(d["done"] for d in done.values()) - t0
    cpu = {n: round(d["cpu"], 3) for n, d in done.items()}
    emit(f"sync_3_processes_{scans}_signed_scans_each_converge", wall, "s", run=run,
         each={n: round(d["done"] - t0, 3) for n, d in done.items()},
         first_entries_merged_each={n: round(d["first"] - t0, 3) for n, d in done.items()},
         load_before=round(load, 2), load_after=round(os.getloadavg()[0], 2), cpus=os.cpu_count())
    tables = {tuple(sqlite3.connect(p).execute("SELECT list_id, attendee_id, scan_id FROM checkin ORDER BY 1, 2"
                                               ).fetchall()) for p in paths.values()}
    statuses = {tuple(sqlite3.connect(p).execute("SELECT status, count(*) FROM sync_log GROUP BY status").fetchall())
                for p in paths.values()}
    emit("sync_3_processes_identical_checkins", 1.0 if len(tables) == 1 else 0.0, "bool", run=run,
         log_status=[list(s) for s in statuses])
    emit("sync_3_processes_cpu_seconds_each", max(cpu.values()), "s", run=run, each=cpu,
         note="CPU each device spent from go to holding everything (sending its log to two peers, "
              "verifying and merging 20,000 entries): much less dependent on other load than the wall clock")
    received = {n: d["traffic"]["received"] for n, d in done.items()}
    emit("sync_3_processes_bytes_received_each", max(received.values()) / 1e6, "MB", run=run, each=received)
    return wall, max(cpu.values())


# ---------------------------------------------------------------- 2. many devices, one loop
def many_devices(tmp: Path, base: Path, devices: int, per_device: int) -> None:
    from kiosk.models.database import open_event_db
    from kiosk.sync.identity import load_identity
    from kiosk.sync.net import SyncNode

    fleet = Fleet(tmp / "many", base)
    names = [f"d{i:02d}" for i in range(devices)]
    for name in names:
        fleet.add(name, per_device)
    sizes = {}
    for name in names:
        conn = sqlite3.connect(fleet.paths[name])
        sizes[name] = conn.execute("SELECT sum(length(entry) + length(sig) + 8) FROM sync_log WHERE device = ?",
                                   (name,)).fetchone()[0]
        conn.close()
    ports = {n: free_port() for n in names}
    rng = random.Random(20)
    peers = {n: [] for n in names}
    for i, n in enumerate(names):                 # a ring (connected) plus two random chords each
        peers[n].append(names[(i + 1) % devices])
        peers[n] += rng.sample([m for m in names if m != n and m not in peers[n]], 2)
    stores = {n: open_event_db(fleet.paths[n]) for n in names}
    nodes = {n: SyncNode(stores[n], load_identity(fleet.ids[n]), clock=lambda: EVENT_NOW,
                         peers=[f"127.0.0.1:{ports[p]}" for p in peers[n]], port=ports[n], host="127.0.0.1",
                         status=False) for n in names}
    total = devices * per_device

    import resource

    async def main():
        t0 = time.perf_counter()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu0[0] = usage.ru_utime + usage.ru_stime
        tasks = [asyncio.create_task(node.run()) for node in nodes.values()]
        while True:
            counts = [stores[n].execute("SELECT count(*) FROM sync_log").fetchone()[0] for n in names]
            if all(c == total for c in counts):
                break
            if time.perf_counter() - t0 > 120:
                raise RuntimeError(f"no convergence: {counts}")
            await asyncio.sleep(0.02)
        elapsed = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu0[0] = usage.ru_utime + usage.ru_stime - cpu0[0]
        for node in nodes.values():
            node.stop()
        await asyncio.gather(*tasks)
        return elapsed

    cpu0 = [0.0]
    elapsed = asyncio.run(main())
    emit(f"sync_{devices}_devices_{per_device}_scans_each_converge", elapsed, "s")
    emit(f"sync_{devices}_devices_cpu_seconds", cpu0[0], "s",
         note="CPU of the one process running all the devices until they converged: what the wall clock "
              "would be on an idle core")
    ratios = {}
    for n in names:
        must = sum(v for k, v in sizes.items() if k != n)
        ratios[n] = nodes[n].traffic["received"] / must
    emit(f"sync_{devices}_devices_bytes_received_over_bytes_needed_max", max(ratios.values()), "ratio",
         mean=round(sum(ratios.values()) / len(ratios), 3),
         needed_each_kb=round(sum(sizes.values()) * (devices - 1) / devices / 1024, 1))
    emit(f"sync_{devices}_devices_bytes_total", sum(node.traffic["received"] for node in nodes.values()) / 1e6, "MB")


# ---------------------------------------------------------------- 3. strangers
def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def strangers(tmp: Path, base: Path, attempts: int) -> None:
    fleet = Fleet(tmp / "strangers", base)
    fleet.add("a", 10)
    rogue = Fleet(tmp / "rogue", base)
    rogue.add("a", 0)
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "sync", "serve", "--db", str(fleet.paths["a"]),
                             "--identity", str(fleet.ids["a"]), "--host", "127.0.0.1", "--port", str(port),
                             "--now", "2023-06-14T18:00"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        time.sleep(1.0)
        from kiosk.sync.identity import load_identity
        from kiosk.sync.net import client_context

        no_cert = ssl.create_default_context()
        no_cert.check_hostname, no_cert.verify_mode = False, ssl.CERT_NONE
        other = client_context(load_identity(rogue.ids["a"]))
        other.verify_mode = ssl.CERT_NONE

        def tls(ctx):
            try:
                with socket.create_connection(("127.0.0.1", port), 5) as raw:
                    with ctx.wrap_socket(raw) as s:
                        s.sendall(b"\0\0\0\2{}")
                        s.recv(100)
            except (ssl.SSLError, OSError):
                pass

        def garbage(_ctx):
            with socket.create_connection(("127.0.0.1", port), 5) as s:
                s.sendall(os.urandom(512))
                try:
                    s.recv(100)
                except OSError:
                    pass

        for label, attempt, ctx in (("no_certificate", tls, no_cert), ("other_authority", tls, other),
                                    ("tcp_garbage", garbage, None)):
            idle0 = cpu_seconds(proc.pid)
            time.sleep(1.0)
            idle = cpu_seconds(proc.pid) - idle0          # the daemon's own polling, per second
            before, t0 = cpu_seconds(proc.pid), time.perf_counter()
            for _ in range(attempts):
                attempt(ctx)
            wall = time.perf_counter() - t0
            used = cpu_seconds(proc.pid) - before - idle * wall
            emit(f"sync_unauthenticated_{label}_server_cpu_per_attempt", 1000 * used / attempts, "ms",
                 attempts=attempts, wall_ms_per_attempt=round(1000 * wall / attempts, 2))
        alive = proc.poll() is None
        emit("sync_server_still_serving_after_strangers", 1.0 if alive else 0.0, "bool")
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        ap = argparse.ArgumentParser()
        ap.add_argument("worker")
        for a in ("--db", "--identity", "--go", "--out"):
            ap.add_argument(a, required=True)
        ap.add_argument("--port", type=int, required=True)
        ap.add_argument("--target", type=int, required=True)
        ap.add_argument("--peer", action="append", default=[])
        return worker(ap.parse_args())
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=int, default=10_000)
    ap.add_argument("--devices", type=int, default=20)
    ap.add_argument("--per-device", type=int, default=100)
    ap.add_argument("--attempts", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3, help="runs of the three-process figure (fresh databases each)")
    ap.add_argument("--only", choices=["three", "many", "strangers"])
    args = ap.parse_args()
    import platform

    cpu_model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    print(json.dumps({"name": "sync_machine", "machine": platform.platform(), "cpu": cpu_model,
                      "cpus": os.cpu_count(), "python": platform.python_version(),
                      "sqlite": sqlite3.sqlite_version, "load": [round(x, 2) for x in os.getloadavg()]}), flush=True)
    from kiosk.models.loader import build_database

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "base.db"
        build_database(base, ROOT / "data")
        for sub in ("three", "many", "strangers", "rogue"):
            (tmp / sub).mkdir()
        if args.only in (None, "three"):
            three_processes(tmp, base, args.scans, args.runs)
        if args.only in (None, "many"):
            many_devices(tmp, base, args.devices, args.per_device)
        if args.only in (None, "strangers"):
            strangers(tmp, base, args.attempts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
