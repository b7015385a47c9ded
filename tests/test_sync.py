"""Several devices apart and together: USB files and three sync daemons on 127.0.0.1 — offline
check-ins, conflicting room edits, partition and heal, kill -9 mid-sync — all converge."""

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.models.database import open_event_db
from kiosk.models.errors import KioskError
from kiosk.models.loader import build_database
from kiosk.sync.engine import SyncEngine, export_file, import_file
from tests.conftest import ROOT

KST = ZoneInfo("Asia/Seoul")


def at(h, m, s=0):
    return datetime(2023, 6, 14, h, m, s, tzinfo=KST)


@pytest.fixture
def devices(built_db, tmp_path):
    paths = {}
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.db"
        path.write_bytes(built_db.read_bytes())
        paths[name] = path
    return paths


def offline_work(paths):
    """Each device, alone: its own check-ins, the same badge on two devices, and a clash of room edits."""
    for i, (name, path) in enumerate(sorted(paths.items())):
        conn = open_event_db(path)
        store = conn.checkins
        for n in range(20):
            store.check_in(payload="manual", manual_attendee=f"A{10 + i * 20 + n:04d}", list_id="entry",
                           device_id=name, scan_id=f"{name}-{n}", now=at(9, n))
        store.check_in(payload="manual", manual_attendee="A0001", list_id="entry", device_id=name,
                       scan_id=f"{name}-dup", now=at(9, 30 + i))        # the same person on every device
        conn.schedule.edit("d1-masterclass2", room=["204", "205", "206"][i], by=name, role="volunteer",
                            device_id=name, now=at(10, i))
        conn.close()


def state(path):
    conn = sqlite3.connect(path)
    out = {
        "checkins": sorted(conn.execute("SELECT list_id, attendee_id, scan_id, device_id FROM checkin").fetchall()),
        "scans": sorted(r[0] for r in conn.execute("SELECT scan_id FROM scan")),
        "sessions": sorted(conn.execute('SELECT id, room_id, start, "end", status, notice FROM session').fetchall()),
        "duplicates": sorted(conn.execute("SELECT * FROM sync_duplicate").fetchall()),
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
    }
    conn.close()
    return out


def assert_converged(paths, scans=63):
    states = {name: state(p) for name, p in paths.items()}
    first = states["a"]
    for name, s in states.items():
        assert s == first, f"{name} differs from a"
    assert first["integrity"] == "ok" and len(first["scans"]) == scans
    assert ("entry", "A0001", "a-dup", "a") in first["checkins"]          # the earliest wins everywhere
    assert len(first["duplicates"]) == 2                                    # the other two, flagged
    room = dict((s[0], s[1]) for s in first["sessions"])["d1-masterclass2"]
    assert room == "206"                                                    # latest edit (c, 10:02) wins


def test_usb_files_converge_in_any_order_any_number_of_times(devices):
    offline_work(devices)
    files = {}
    for name, path in devices.items():
        files[name] = export_file(SyncEngine(open_event_db(path), name))
    order = [(dst, src) for dst in devices for src in devices if dst != src] * 2
    random.Random(7).shuffle(order)
    for dst, src in order:
        import_file(SyncEngine(open_event_db(devices[dst]), dst), files[src], f"{src}.sync")
    # a, having everything now, is carried to b and c once more (the way a USB stick circulates)
    full = export_file(SyncEngine(open_event_db(devices["a"]), "a"))
    for name in ("b", "c"):
        import_file(SyncEngine(open_event_db(devices[name]), name), full, "a.sync")
    assert_converged(devices)
    engine = SyncEngine(open_event_db(devices["b"]), "b")
    dups = engine.duplicates()
    assert {(d["first_device"], d["again_device"]) for d in dups} == {("a", "b"), ("a", "c")}
    assert len(engine.overridden_edits()) == 2


def test_a_device_with_other_event_data_is_refused(devices):
    conn = sqlite3.connect(devices["c"])
    conn.execute("UPDATE attendee SET name = 'Someone else' WHERE id = 'A0001'")
    conn.commit()
    conn.close()
    blob = export_file(SyncEngine(open_event_db(devices["a"]), "a"))
    with pytest.raises(KioskError) as err:
        import_file(SyncEngine(open_event_db(devices["c"]), "c"), blob, "a.sync")
    assert err.value.code == "sync_reference_mismatch"
    assert "nothing was exchanged" in err.value.message
    assert state(devices["c"])["scans"] == []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemons:
    def __init__(self, paths, token="venue-token", transport="websocket"):
        self.paths = paths
        self.ports = {name: free_port() for name in paths}
        self.procs = {}
        self.token = token
        self.transport = transport

    def start(self, name):
        names = sorted(self.paths)
        peers = [f"127.0.0.1:{self.ports[n]}" for n in names if n != name]
        args = [sys.executable, str(ROOT / "main.py"), "sync", "serve", "--db", str(self.paths[name]),
                "--device", name, "--host", "127.0.0.1", "--port", str(self.ports[name]), "--token", self.token,
                "--transport", self.transport]
        for p in peers:
            args += ["--peer", p]
        self.procs[name] = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kill(self, name, sig=signal.SIGTERM):
        proc = self.procs.pop(name)
        os.kill(proc.pid, sig)
        proc.wait(10)

    def stop_all(self):
        for name in list(self.procs):
            self.kill(name)


def wait_converged(paths, scans, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            states = [state(p) for p in paths.values()]
            if all(s == states[0] for s in states) and len(states[0]["scans"]) == scans:
                return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.3)
    raise AssertionError("devices did not converge")


@pytest.mark.parametrize("transport", ["websocket", "tcp"])
def test_three_daemons_converge_after_partition_heal_and_kill_9(devices, transport):
    offline_work(devices)                      # apart from the start: the network is down
    daemons = Daemons(devices, transport=transport)
    try:
        for name in devices:
            daemons.start(name)
        wait_converged(devices, 63)
        assert_converged(devices)
        # partition: c goes away; both sides keep working
        daemons.kill("c")
        open_event_db(devices["a"]).checkins.check_in(payload="manual", manual_attendee="A0200",
                                                           list_id="gala", device_id="a", scan_id="a-late",
                                                           now=datetime(2023, 6, 15, 18, 0, tzinfo=KST))
        open_event_db(devices["c"]).schedule.edit("d2-lunch", room="300B", by="c", role="volunteer",
                                                   device_id="c", now=at(11, 0))
        daemons.start("c")                      # heal
        wait_converged(devices, 64)
        assert dict((s[0], s[1]) for s in state(devices["a"])["sessions"])["d2-lunch"] == "300B"
        # kill -9 in the middle of syncing a burst, then restart: nothing lost, nothing broken
        conn = open_event_db(devices["b"])
        store = conn.checkins
        for n in range(200):
            store.check_in(payload="manual", manual_attendee=f"A{100 + n % 150:04d}", list_id="reception",
                           device_id="b", scan_id=f"b-burst-{n}", now=at(18, 30, n % 60))
        time.sleep(0.3)
        daemons.kill("b", signal.SIGKILL)
        daemons.start("b")
        wait_converged(devices, 264)
        assert all(state(p)["integrity"] == "ok" for p in devices.values())
        status = json.loads(subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", "status", "--db",
                                            str(devices["a"])], capture_output=True, text=True).stdout)
        assert status["device"] == "a" and len(status["duplicates"]) >= 2
    finally:
        daemons.stop_all()


def test_a_wrong_token_is_refused(devices):
    good = Daemons({"a": devices["a"]})
    bad = Daemons({"b": devices["b"]}, token="guess")
    bad.ports["a"] = good.ports["a"]
    bad.paths["a"] = devices["a"]
    try:
        good.start("a")
        bad.procs["b"] = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "sync", "serve", "--db", str(devices["b"]), "--device", "b",
             "--host", "127.0.0.1", "--port", str(free_port()), "--token", "guess", "--peer",
             f"127.0.0.1:{good.ports['a']}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        open_event_db(devices["a"]).checkins.check_in(payload="manual", manual_attendee="A0005",
                                                           list_id="entry", device_id="a", scan_id="secret",
                                                           now=at(9, 0))
        time.sleep(3)
        assert state(devices["b"])["scans"] == []
        msg = sqlite3.connect(devices["b"]).execute("SELECT message FROM sync_status").fetchone()
        assert msg and "token" in msg[0]
    finally:
        good.stop_all()
        bad.stop_all()
