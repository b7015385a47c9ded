"""Devices on a LAN with strangers on it: mutual TLS with enrolled certificates, hostile peers,
relays, oversize messages — and three real daemon processes that still converge."""

import asyncio
import json
import os
import signal
import socket
import sqlite3
import ssl
import struct
import subprocess
import sys
import time
from datetime import datetime

import pytest

from kiosk.models.database import open_event_db
from kiosk.sync import net
from kiosk.models.errors import KioskError
from kiosk.sync.engine import export_file, import_file
from tests.conftest import ROOT

from .conftest import CLOCK, KST, at
from .test_files import offline_work, state
from .test_poison import forge, poison_entries


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemons:
    def __init__(self, fleet):
        self.fleet = fleet
        self.ports = {name: free_port() for name in fleet.paths}
        self.procs = {}

    def start(self, name, peers=None):
        peers = [n for n in sorted(self.fleet.paths) if n != name] if peers is None else peers
        args = [sys.executable, str(ROOT / "main.py"), "sync", "serve", "--db", str(self.fleet.paths[name]),
                "--identity", str(self.fleet.identities[name]), "--host", "127.0.0.1",
                "--port", str(self.ports[name]), "--now", "2023-06-14T18:00"]
        for p in peers:
            args += ["--peer", f"127.0.0.1:{self.ports[p]}"]
        self.procs[name] = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kill(self, name, sig=signal.SIGTERM):
        proc = self.procs.pop(name)
        os.kill(proc.pid, sig)
        proc.wait(10)

    def stop_all(self):
        for name in list(self.procs):
            self.kill(name)


def wait_converged(paths, scans, timeout=40):
    deadline = time.monotonic() + timeout
    states = []
    while time.monotonic() < deadline:
        try:
            states = [state(p) for p in paths.values()]
            if all(s == states[0] for s in states) and len(states[0]["scans"]) == scans:
                return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"devices did not converge: {[len(s['scans']) for s in states]}")


def test_three_daemons_converge_after_hostile_input_partition_and_kill_9(fleet):
    offline_work(fleet)                       # apart from the start: the network is down
    conn = open_event_db(fleet.paths["a"])
    conn.checkins.check_in(payload="manual", manual_attendee="A0100", list_id="entry", device_id="a",
                                scan_id="real-1", now=at(10, 0))
    conn.schedule.edit("d1-reception", room="205", by="Mina", role="volunteer", device_id="a", now=at(11, 0))
    real_key = conn.execute("SELECT edit_key FROM session_edit WHERE session_id = 'd1-reception'").fetchone()[0]
    conn.close()
    # hostile input first: a stolen, enrolled device's poison reaches a, and a forged file is tried on b
    devices = dict(fleet.paths)
    fleet.add("evil")
    poison = list(poison_entries("evil", real_key).values())
    assert fleet.engine("a").receive(forge(fleet, "evil", poison), source="stolen").refused == []
    forged = bytearray(export_file(fleet.engine("evil")))
    forged[-30] ^= 1
    with pytest.raises(KioskError):
        import_file(fleet.engine("b"), bytes(forged), "forged.sync")
    daemons = Daemons(fleet)
    try:
        for name in devices:
            daemons.start(name, peers=[n for n in devices if n != name])
        wait_converged(devices, 64)
        for name in devices:
            listed = fleet.engine(name).quarantined()
            assert len(listed) == len(poison) and {q["device"] for q in listed} == {"evil"}
        assert state(devices["b"])["checkins"].count(("entry", "A0100", "real-1", "a")) == 1
        fleet.paths = devices
        # partition: c goes away; both sides keep working
        daemons.kill("c")
        open_event_db(fleet.paths["a"]).checkins.check_in(
            payload="manual", manual_attendee="A0200", list_id="gala", device_id="a", scan_id="a-late",
            now=datetime(2023, 6, 15, 18, 0, tzinfo=KST))
        open_event_db(fleet.paths["c"]).schedule.edit("d2-lunch", room="300B", by="c", role="volunteer",
                                                       device_id="c", now=at(11, 0))
        daemons.start("c")                    # heal
        wait_converged(fleet.paths, 65)
        assert dict((s[0], s[1]) for s in state(fleet.paths["a"])["sessions"])["d2-lunch"] == "300B"
        # kill -9 in the middle of a burst, then restart: nothing lost, nothing broken
        conn = open_event_db(fleet.paths["b"])
        store = conn.checkins
        for n in range(200):
            store.check_in(payload="manual", manual_attendee=f"A{100 + n % 150:04d}", list_id="reception",
                           device_id="b", scan_id=f"b-burst-{n}", now=at(18, 30, n % 60))
        time.sleep(0.3)
        daemons.kill("b", signal.SIGKILL)
        daemons.start("b")
        wait_converged(fleet.paths, 265)
        assert all(state(p)["integrity"] == "ok" for p in fleet.paths.values())
        status = json.loads(subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", "status", "--db",
                                            str(fleet.paths["a"])], capture_output=True, text=True).stdout)
        assert status["device"] == "a" and len(status["duplicates"]) >= 2
        assert len(status["quarantined"]) == len(poison) and status["enrolled"]["evil"]["revoked_after"] is None
    finally:
        daemons.stop_all()


# ---------------------------------------------------------------- hostile peers, in one event loop
def node(fleet, name, peers=(), port=0):
    from kiosk.sync.net import SyncNode

    return SyncNode(open_event_db(fleet.paths[name]), fleet.identity(name), clock=CLOCK.now, peers=list(peers),
                    port=port, host="127.0.0.1", status=False)


async def started(n):
    task = asyncio.create_task(n.run())
    for _ in range(100):
        if n.bound_port:
            return task
        await asyncio.sleep(0.02)
    raise AssertionError("node did not start")


async def until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return False


async def tls_attempt(port, ctx):
    """Open a TLS connection and try to read the server's hello; return what happened."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port, ssl=ctx), 5)
    except (ssl.SSLError, OSError, asyncio.TimeoutError) as exc:
        return f"handshake refused: {type(exc).__name__}"
    try:
        writer.write(struct.pack(">I", 2) + b"{}")
        await writer.drain()
        data = await asyncio.wait_for(reader.read(65536), 5)
        return "hello" if b'"hello"' in data else f"closed ({len(data)} bytes)"
    except (ssl.SSLError, OSError, asyncio.TimeoutError, ConnectionError) as exc:
        return f"refused: {type(exc).__name__}"
    finally:
        writer.close()


def test_strangers_without_an_enrolled_certificate_get_nothing(fleet, tmp_path, built_db):
    from tests.sync.conftest import Fleet

    rogue = Fleet(built_db, tmp_path / "rogue")
    rogue.add("b")                                         # its own authority, its own "b"
    open_event_db(fleet.paths["a"]).checkins.check_in(payload="manual", manual_attendee="A0005",
                                                           list_id="entry", device_id="a", scan_id="secret",
                                                           now=at(9, 0))

    async def main():
        a = node(fleet, "a")
        task = await started(a)
        plain = ssl.create_default_context()
        plain.check_hostname, plain.verify_mode = False, ssl.CERT_NONE          # no client certificate
        other_ca = net.client_context(rogue.identity("b"))                     # a certificate of another CA
        other_ca.verify_mode = ssl.CERT_NONE
        results = [await tls_attempt(a.bound_port, plain), await tls_attempt(a.bound_port, other_ca)]
        # plain TCP, garbage, and the old protocol's hello on the TLS port
        for junk in (b'{"challenge": "00", "device": "x"}', b"\x16\x03\x01" + os.urandom(300), b"GET / HTTP/1.0\r\n\r\n"):
            r, w = await asyncio.open_connection("127.0.0.1", a.bound_port)
            w.write(struct.pack(">I", len(junk)) + junk)
            await w.drain()
            data = await asyncio.wait_for(r.read(65536), 6)
            results.append("plain: got " + ("hello" if b"hello" in data else f"{len(data)} bytes of TLS alert"))
            w.close()
        # the rogue b dialling a with its own authority's certificate
        rb = node(rogue, "b", peers=[f"127.0.0.1:{a.bound_port}"])
        rtask = await started(rb)
        await asyncio.sleep(1.5)
        online = dict(a.online)
        a.stop(), rb.stop()
        await asyncio.gather(task, rtask)
        return results, online

    results, online = asyncio.run(main())
    assert all("hello" not in r for r in results), results
    assert online == {}
    assert state(rogue.paths["b"])["scans"] == []               # the secret scan never left a


def test_reflection_and_relay_get_nothing(fleet):
    """A host that a device dials (as anyone can make it, through mDNS) either reflects the
    connection back to the device itself or relays it to another device. TLS binds both ends'
    keys to the session, so the reflection meets itself (refused) and the relay only forwards
    ciphertext: a flipped byte kills the connection and nothing it injects is read."""
    offline_work(fleet)

    async def pipe(r, w, seen, flip_after=None):
        total = 0
        try:
            while data := await r.read(65536):
                seen.append(data)
                if flip_after is not None and total + len(data) > flip_after:
                    data = bytearray(data)
                    data[-1] ^= 0x20
                    data = bytes(data)
                total += len(data)
                w.write(data)
                await w.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            w.close()

    async def relay_server(target_port, seen, flip_after=None):
        async def handle(r, w):
            tr, tw = await asyncio.open_connection("127.0.0.1", target_port)
            await asyncio.gather(pipe(r, tw, seen, flip_after), pipe(tr, w, seen, flip_after))
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        return server, server.sockets[0].getsockname()[1]

    async def main():
        a = node(fleet, "a")
        atask = await started(a)
        # 1. reflection: a dials the attacker, who connects back to a itself
        seen = []
        server, port = await relay_server(a.bound_port, seen)
        a.peers.append(f"127.0.0.1:{port}")
        reflect = asyncio.create_task(a._dial(f"127.0.0.1:{port}"))
        await asyncio.sleep(1.5)
        reflected = (dict(a.online), a.message)
        reflect.cancel()
        server.close()
        # 2. tampering relay between b and a: a byte flipped after the handshake
        b = node(fleet, "b")
        btask = await started(b)
        seen_t = []
        server, port = await relay_server(a.bound_port, seen_t, flip_after=3000)
        tamper = asyncio.create_task(b._dial(f"127.0.0.1:{port}"))
        await asyncio.sleep(2)
        tamper.cancel()
        server.close()
        b_after_tamper = state(fleet.paths["b"])["scans"]
        # 3. a transparent relay: the devices sync end to end; the relay sees only ciphertext
        seen_r = []
        server, port = await relay_server(a.bound_port, seen_r)
        relayed = asyncio.create_task(b._dial(f"127.0.0.1:{port}"))
        ok = await until(lambda: len(state(fleet.paths["b"])["scans"]) == 42)
        relayed.cancel()
        server.close()
        a.stop(), b.stop()
        await asyncio.gather(atask, btask)
        return reflected, b_after_tamper, ok, b"".join(seen_r)

    (reflected, message), b_after_tamper, ok, wire = asyncio.run(main())
    assert reflected == {} and "itself" in message
    assert all(not s.startswith("a-") for s in b_after_tamper)      # nothing of a's arrived through the tamperer
    assert ok, "b did not get a's entries through the transparent relay"
    assert b'"hello"' not in wire and b"a-1" not in wire and b"entry" not in wire     # ciphertext only


def test_oversize_messages_and_connection_floods_are_cut_off(fleet):
    async def main():
        a = node(fleet, "a")
        atask = await started(a)
        ctx = net.client_context(fleet.identity("b"))
        reader, writer = await asyncio.open_connection("127.0.0.1", a.bound_port, ssl=ctx)
        hello, _ = await net.recv_frame(reader)
        assert hello["t"] == "hello"
        writer.write(struct.pack(">I", 2 ** 31))            # "2 GiB follow"
        writer.write(b"x" * 65536)
        await writer.drain()
        closed = await asyncio.wait_for(reader.read(), 5) == b""
        writer.close()
        # more connections than the limit: the extra ones are closed, the server stays up
        socks = []
        for _ in range(net.MAX_CONNECTIONS + 10):
            r, w = await asyncio.open_connection("127.0.0.1", a.bound_port)
            socks.append(w)
        await asyncio.sleep(0.3)
        still = await tls_attempt(a.bound_port, net.client_context(fleet.identity("c")))
        for w in socks:
            w.close()
        a.stop()
        await atask
        return closed, still

    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    closed, still = asyncio.run(main())
    assert closed
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 64 * 1024      # KiB: no 2 GiB buffer
    assert still in ("hello", "closed (0 bytes)") or still.startswith("refused")


def test_mdns_announces_a_lan_address_not_loopback(monkeypatch):
    import ifaddr

    class Ip:
        def __init__(self, ip):
            self.ip = ip

    class Adapter:
        def __init__(self, *ips):
            self.ips = [Ip(i) for i in ips]

    monkeypatch.setattr(ifaddr, "get_adapters", lambda: [Adapter("127.0.0.1"), Adapter("192.168.20.31", ("fe80::1", 0, 2))])
    assert net.lan_addresses("0.0.0.0") == ["192.168.20.31"]
    assert net.lan_addresses("10.0.0.5") == ["10.0.0.5"]
    # with no LAN address at all (a kiosk alone) it falls back to loopback rather than nothing
    monkeypatch.setattr(ifaddr, "get_adapters", lambda: [Adapter("127.0.0.1")])
    assert net.lan_addresses("0.0.0.0") == ["127.0.0.1"]



def test_a_want_being_answered_does_not_stop_the_session_reading(fleet):
    """Answering a peer's want (sending it megabytes) happens beside the session's reading, not in
    it: two devices that asked each other for their logs on one connection each sat in their
    send, neither reading, until the kernel's buffers had taken everything (seconds)."""
    offline_work(fleet)

    async def main():
        b = node(fleet, "b")
        task_b = await started(b)

        async def never(peer, msg):          # b's answer never gets out (a peer that reads nothing)
            await asyncio.Event().wait()

        b._serve_want = never
        a = node(fleet, "a", peers=[f"127.0.0.1:{b.bound_port}"])
        task_a = await started(a)
        mine = a.store.execute("SELECT count(*) FROM sync_log").fetchone()[0]
        got = await until(lambda: b.store.execute("SELECT count(*) FROM sync_log WHERE device = 'a'").fetchone()[0]
                          == mine)
        a.stop()
        b.stop()
        await asyncio.gather(task_a, task_b)
        return got

    assert asyncio.run(main())

def test_a_node_stopped_with_peers_connected_ends_quietly(fleet, caplog):
    """Stopping a node while its peers are connected (both its accepted and its dialled sessions
    open) ends every session before run() returns, and nothing lands in the error log: asyncio
    printed "Exception in callback … CancelledError" from the accepted connections' tasks at
    teardown (seen in the benchmark)."""
    offline_work(fleet)
    errors = []

    def handler(loop, context):
        errors.append(context.get("message", ""))
        loop.default_exception_handler(context)

    async def main():
        asyncio.get_running_loop().set_exception_handler(handler)
        a = node(fleet, "a")
        task_a = await started(a)
        b = node(fleet, "b", peers=[f"127.0.0.1:{a.bound_port}"])
        task_b = await started(b)
        a.peers.append(f"127.0.0.1:{b.bound_port}")
        a_dials = asyncio.create_task(a._dial(a.peers[-1]))
        assert await until(lambda: len(a._sessions.get("b", [])) == 2 and len(b._sessions.get("a", [])) == 2)
        count = lambda n: n.store.execute("SELECT count(*) FROM sync_log").fetchone()[0]  # noqa: E731
        assert await until(lambda: count(a) == count(b) == 2 * 22)
        a_dials.cancel()
        a.stop()
        b.stop()
        await asyncio.gather(task_a, task_b)
        # a stopped node has ended its sessions itself: none is left for the loop's teardown to
        # cancel (the old code left both accepted sessions pending, and their cancellation was
        # what printed the traceback)
        left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        assert left == [], left

    with caplog.at_level("DEBUG", logger="asyncio"):
        asyncio.run(main())
    assert errors == [] and not [r for r in caplog.records if r.levelname == "ERROR"], (errors, caplog.text)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_daemon_stopped_mid_session_closes_quietly(fleet, sig):
    """``sync serve`` stopped the normal way (Ctrl-C, or ``systemctl stop``'s SIGTERM) while peers
    are connected to it and it to them: it ends with status 0 and no traceback in its log (found
    by the benchmark: asyncio printed a CancelledError from the accepted connections at teardown)."""
    offline_work(fleet)
    daemons = Daemons(fleet)
    names = ["a", "b"]
    procs = {}
    log_file = ROOT / "logs" / "kiosk.log"          # where `sync serve` logs (main.setup_logging)
    log_start = log_file.stat().st_size if log_file.exists() else 0
    try:
        for name in names:
            peers = [n for n in names if n != name]
            args = [sys.executable, str(ROOT / "main.py"), "sync", "serve", "--db", str(fleet.paths[name]),
                    "--identity", str(fleet.identities[name]), "--host", "127.0.0.1",
                    "--port", str(daemons.ports[name]), "--now", "2023-06-14T18:00"]
            for p in peers:
                args += ["--peer", f"127.0.0.1:{daemons.ports[p]}"]
            procs[name] = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_converged({n: fleet.paths[n] for n in names}, 2 * 21)     # (offline_work: 21 scans each)
        time.sleep(0.5)                 # both connections (each dialled the other) up and idle
        procs["a"].send_signal(sig)     # a: both its accepted and its dialled sessions are open
        out, err = procs["a"].communicate(timeout=10)
        assert procs["a"].returncode == 0, err
        assert "Traceback" not in err and "Exception in callback" not in err and "CancelledError" not in err, err
        assert "stopped" in out
        procs["b"].send_signal(sig)     # b: its peer is gone (it keeps dialling); a stop now is quiet too
        out, err = procs["b"].communicate(timeout=10)
        assert procs["b"].returncode == 0 and "Traceback" not in err, err
        if log_file.exists():
            with open(log_file, encoding="utf-8", errors="replace") as f:
                f.seek(log_start if log_file.stat().st_size >= log_start else 0)
                logged = f.read()
            assert "Traceback" not in logged and "Exception in callback" not in logged, logged[-3000:]
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
