"""Devices talking over the LAN: mutual TLS 1.3 with certificates from the event's authority,
then signed-log exchange in length-prefixed JSON messages.

Why this shape (and not an in-band challenge-response): TLS 1.3 with a client certificate
binds both sides' keys to the handshake transcript and to the session keys, so a reflection
(sending a device its own proof back) or a relay (a host a device dialled forwarding the
handshake to another device) gets nothing it can use — which the earlier HMAC handshakes here
failed at. Each side then checks that the certificate's key is the one the roster enrolled for
that device id and that the device is not revoked. Attribution of data never rests on the
connection, though: every entry carries its own device's signature (a relay may forward other
devices' logs, never forge them).

Limits: a message is at most ``MAX_FRAME`` bytes (the length is read first; a larger one closes
the connection before anything is read), at most ``MAX_CONNECTIONS`` connections at once, a TLS
handshake must finish within ``HANDSHAKE_SECONDS`` and a peer must say hello within
``HELLO_SECONDS``. A stranger without an enrolled certificate costs one failed TLS handshake.

Protocol: both sides send ``hello`` (event, reference-data fingerprint, log heads, roster keys);
then ``heads`` whenever theirs move; a side that sees a peer hold more of some device's log sends
``want`` for it to that one peer (not to every peer that has it: the traffic stays near what
each device must receive) and the peer answers with ``data`` bundles.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import sqlite3
import ssl
import struct
import time
from typing import TYPE_CHECKING

from cryptography import x509

from kiosk import operations
from kiosk.models.errors import KioskError

from .engine import MAX_BUNDLE, Fingerprint, SyncEngine
from .identity import Identity, raw_public

if TYPE_CHECKING:
    from kiosk.models.store import EventStore

log = logging.getLogger(__name__)
SERVICE = "_innofair-sync._tcp.local."
MAX_FRAME = MAX_BUNDLE + 64 * 1024
MAX_CONNECTIONS = 32
HANDSHAKE_SECONDS = 5.0
HELLO_SECONDS = 10.0
HEADS_EVERY = 0.25
PENDING_EVERY = 30.0        # waiting entries are retried (and their bounds applied) this often
RETRY_EVERY = 2.0
RETRY_MAX = 60.0            # a peer that keeps refusing us (or ending before its hello) is dialled ever less often
WANT_TIMEOUT = 10.0
PUSH_AFTER = 0.05                      # heads go out this long after a merge (see _push_soon)
RUNS_CACHE_MAX = 16 * 1024 * 1024      # encoded entries kept for the next want of the same (bytes)
#: A data message's size as sent (the receiver takes up to MAX_FRAME). A device's whole log in one
#: 5 MB message made its receiver wait for the last byte before merging any of it, and a device
#: merging one peer's log (its loop busy for half a second) sent nothing to the others meanwhile:
#: in 1 MB messages, merging the first overlaps the sending of the next, both ways.
NET_FRAME = 1024 * 1024
ROSTER_INLINE = 32 * 1024              # roster statements that fit in a data message beside a full bundle


def server_context(identity: Identity) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_cert_chain(identity.cert_path, identity.key_path)
    ctx.load_verify_locations(cafile=str(identity.ca_path))
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def client_context(identity: Identity) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_cert_chain(identity.cert_path, identity.key_path)
    ctx.load_verify_locations(cafile=str(identity.ca_path))
    ctx.check_hostname = False          # devices are named by their certificate, checked against the roster
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


async def send_frame(writer: asyncio.StreamWriter, obj: dict) -> int:
    return await send_payload(writer, json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode())


async def send_payload(writer: asyncio.StreamWriter, payload: bytes) -> int:
    """Send one message already encoded as JSON."""
    if len(payload) > MAX_FRAME:
        raise ValueError("message too large to send")
    writer.write(struct.pack(">I", len(payload)) + payload)
    await writer.drain()
    return len(payload) + 4


async def recv_frame(reader: asyncio.StreamReader) -> tuple[dict, int]:
    (n,) = struct.unpack(">I", await reader.readexactly(4))
    if n > MAX_FRAME:
        raise ConnectionError(f"a message of {n} bytes (the limit is {MAX_FRAME})")
    try:
        obj = json.loads(await reader.readexactly(n))
    except RecursionError:          # "[" × 200,000 from an enrolled peer: a bad message, not a crash
        raise ValueError("a message nested too deeply") from None
    if not isinstance(obj, dict):
        raise ValueError("not a message")
    return obj, n + 4


def lan_addresses(host: str = "0.0.0.0") -> list[str]:
    """The IPv4 addresses to announce by mDNS: the bound one, or every non-loopback interface
    address (never 127.0.0.1 when the machine has a LAN address)."""
    if host not in ("0.0.0.0", "", "::"):
        return [host]
    found = []
    try:
        import ifaddr

        for adapter in ifaddr.get_adapters():
            for ip in adapter.ips:
                if isinstance(ip.ip, str) and not ip.ip.startswith("127.") and not ip.ip.startswith("169.254."):
                    found.append(ip.ip)
    except Exception:       # no ifaddr: ask the routing table which address reaches the LAN
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect(("192.0.2.1", 9))       # TEST-NET: nothing is sent
                found.append(s.getsockname()[0])
        except OSError:
            pass
    return sorted(set(found)) or ["127.0.0.1"]


class Peer:
    def __init__(self, device: str, writer: asyncio.StreamWriter) -> None:
        self.device = device
        self.writer = writer
        self.heads: dict[str, int] = {}
        self.roster: set[str] = set()
        self.sent_heads: dict[str, int] | None = None
        self.sent_roster = -1           # how many roster statements we had when we last listed them
        self.awaiting = False           # a want is out to this peer and its last bundle not in yet
        self.lock = asyncio.Lock()


class SyncNode:
    """One device's sync daemon: owns the engine (one thread, one asyncio loop)."""

    def __init__(self, store: "EventStore", identity: Identity, *, clock, peers: list[str] = (),
                 port: int | None = None, host: str = "0.0.0.0", mdns: bool = False,
                 status: bool = True) -> None:
        self.store = self.conn = store
        self.clock = clock
        self.engine = SyncEngine(store, identity, clock=clock)
        self.identity = identity
        self.device_id = identity.device
        self.peers = list(peers)
        self.port, self.host, self.mdns = port, host, mdns
        self.status = status
        self.online: dict[str, Peer] = {}        # per device, the session heads are pushed on
        self._sessions: dict[str, list[Peer]] = {}    # per device, every open session (see _session)
        self.connections = 0
        self.last_sync: str | None = None
        self.message = ""
        self.message_code: tuple[str, dict] | None = None      # see _say
        self.traffic = {"sent": 0, "received": 0}
        self.refused_connections = 0
        self._peer_state: dict[str, str] = {}      # per peer, what was last logged about it (see _note)
        self._wanted: dict[str, tuple[Peer, float]] = {}     # log → the session asked for it, when
        self._confirmed = 0
        self._dialled_device: dict[str, str] = {}
        self._heads: dict[str, int] = {}
        self._version = None
        self._stop = asyncio.Event()
        self._runs_cache: dict[str, tuple[int, int, list[bytes]]] = {}     # see _encoded_entries
        self._push_task: asyncio.Future | None = None                    # see _push_soon
        self._next_settle = time.monotonic() + PENDING_EVERY
        self._server = None
        self._accepted: set[asyncio.Task] = set()       # sessions others opened to us (see _accept)
        self._serving: set[asyncio.Task] = set()        # wants being answered (see _serve_soon)
        self.bound_port: int | None = None

    # ---------------------------------------------------------------- who is on the other end
    def _peer_certificate(self, writer: asyncio.StreamWriter) -> tuple[str, bytes]:
        """The device id and key in the certificate TLS verified against the event's authority."""
        sslobj = writer.get_extra_info("ssl_object")
        der = sslobj.getpeercert(binary_form=True) if sslobj else None
        if not der:
            raise KioskError("no certificate", code="sync_unauthenticated")
        cert = x509.load_der_x509_certificate(der)
        names = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
        return (names[0].value if names else ""), raw_public(cert.public_key())

    def _peer_member(self, device: str, key: bytes, hello: dict) -> str:
        """Check the peer against the roster; a device met for the first time shows its enrolment
        statement (signed by the authority) in its hello, and it must name the certificate's key."""
        if device == self.device_id:
            raise KioskError("a connection to itself (a reflection?)", code="sync_self")
        self._refuse_revoked(device)
        if device not in self.engine.roster.members:
            enrolment = hello.get("enrolment")
            if not (isinstance(enrolment, list) and len(enrolment) == 2):
                raise KioskError(f"{device[:40]!r} is not enrolled", code="sync_unauthenticated")
            rkey, body = self.engine.roster.check(*enrolment)
            if body.get("k") != "enrol" or body.get("d") != device:
                raise KioskError(f"{device[:40]!r} showed someone else's enrolment", code="sync_unauthenticated")
            self.engine.add_statement(*enrolment)
        member = self.engine.roster.members.get(device)
        if member is None or key != member.public_raw:
            raise KioskError(f"{device[:40]}'s certificate holds another key than the enrolled one",
                             code="sync_unauthenticated")
        self._refuse_revoked(device)
        return device

    def _refuse_revoked(self, device: str) -> None:
        """A revoked device's certificate stays valid for TLS (there is no CRL: see SECURITY.md);
        the roster refuses it — before this side says anything, and again on every message."""
        member = self.engine.roster.members.get(device)
        if member is not None and member.cut_off is not None:
            raise KioskError(f"{device} has been revoked", code="sync_revoked")

    async def _refuse_revoked_telling(self, device: str, writer) -> None:
        """Refuse a revoked device before any hello — telling it only the organiser's signed
        revocation of itself, so that it stops (it redialled every peer forever, never knowing)."""
        member = self.engine.roster.members.get(device)
        if member is not None and member.cut_off is not None:
            mine = [list(v) for k, v in sorted(self.engine.roster.statements.items())
                    if k.startswith(f"revoke:{device}:")]
            try:
                await asyncio.wait_for(send_frame(writer, {"t": "revoked", "roster": mine[:8]}), HANDSHAKE_SECONDS)
            except (ConnectionError, OSError, asyncio.TimeoutError, ValueError):
                pass
            self._refuse_revoked(device)

    def _learn_revoked(self, msg: dict) -> None:
        """A peer says this device was revoked: take in the statements it sent (each must carry the
        authority's signature, so a peer cannot make one up) and stop if this device is revoked."""
        for item in (msg.get("roster") or [])[:8] if isinstance(msg.get("roster"), list) else []:
            if isinstance(item, list) and len(item) == 2 and all(isinstance(v, str) for v in item):
                try:
                    self.engine.add_statement(*item)
                except KioskError as exc:
                    log.warning("a peer's revocation statement was refused: %s", exc.message)
        self._drop_revoked()
        me = self.engine.roster.members.get(self.device_id)
        if me is not None and me.cut_off is not None:
            raise KioskError(f"{self.device_id} has been revoked by the organiser; it no longer syncs.",
                             code="sync_revoked")

    def _hello(self) -> dict:
        fp = self.engine.fingerprint()
        return {"t": "hello", "event": self.engine.event_id(), "fingerprint": fp.digest, "counts": fp.counts,
                "heads": self._heads, "roster": sorted(self.engine.roster.statements),
                "enrolment": list(self.identity.enrolment)}

    # ---------------------------------------------------------------- one connection
    def _say(self, code: str, text: str, **args) -> None:
        """What the desk's sync line shows: the English ``text`` (the log, ``sync status``, the
        command line) with a ``code`` and arguments the desk turns into its own language."""
        self.message = text
        self.message_code = (code, {k: str(v)[:200] for k, v in args.items()})

    def _note(self, who: str, state: str, level: int, text: str, *args) -> None:
        """Log ``text`` at ``level`` once per peer and state (a revoked or incompatible peer is met
        again at each redial: the same line every few seconds filled the log, ~110 lines a minute);
        a repeat goes to debug."""
        if self._peer_state.get(who) != state:
            self._peer_state[who] = state
            log.log(level, text, *args)
        else:
            log.debug(text, *args)

    async def _session(self, reader, writer, *, dialled: str | None = None) -> bool:
        """One connection, until it ends. True when it got as far as syncing (both hellos
        accepted): a dialler that gets False backs off (see ``_dial``)."""
        peer: Peer | None = None
        device = None
        who = dialled or "a peer"
        try:
            device, key = self._peer_certificate(writer)
            who = device
            if device == self.device_id:
                raise KioskError("a connection to itself (a reflection?)", code="sync_self")
            await self._refuse_revoked_telling(device, writer)   # known and revoked: not even a hello
            hello_mine = self._hello()
            await send_frame(writer, hello_mine)
            hello, size = await asyncio.wait_for(recv_frame(reader), HELLO_SECONDS)
            if hello.get("t") == "revoked":
                self._learn_revoked(hello)
            if hello.get("t") != "hello":
                raise ValueError("no hello")
            self._peer_member(device, key, hello)
            self.engine.check_compatible(Fingerprint(str(hello.get("fingerprint")), hello.get("counts") or {}),
                                         str(hello.get("event")), f"device {device}")
            if dialled:
                self._dialled_device[dialled] = device
            # Two devices that dial each other at once end up with two connections. Both stay
            # open: each answers what was asked on it, and heads go out on the newest. (Closing
            # one threw away a log already asked for or half sent on it: a second request, a
            # second copy of 5 MB, and a second of convergence lost at start-up.) The dialler
            # dials no more once the device is connected, so there are never more than two.
            peer = Peer(device, writer)
            peer.sent_roster = len(hello_mine["roster"])
            self._take_heads(peer, hello)
            self._sessions.setdefault(device, []).append(peer)
            self.online[device] = peer
            self.message, self.message_code = "", None
            self._note(device, "syncing", logging.INFO, "syncing with %s", device)
            await self._ask(peer)
            while not self._stop.is_set():
                msg, size = await recv_frame(reader)
                self._refuse_revoked(device)     # revoked while connected (see _watch_roster)
                self.traffic["received"] += size
                kind = msg.get("t")
                if kind == "heads":
                    self._take_heads(peer, msg)
                    await self._ask(peer)
                elif kind == "want":
                    # answered beside this loop, not in it: two devices asking each other for their
                    # logs on one connection both sat in a 5 MB send, neither reading, until the
                    # kernel's buffers had taken it all (seconds; only their size ended it)
                    self._serve_soon(peer, msg)
                elif kind == "data":
                    self._take_data(peer, msg.get("bundle"))
                    if msg.get("last", True):
                        peer.awaiting = False
                        # (not ``device``: that names the peer, checked for revocation on each
                        # message — reusing it here dropped honest peers after any revocation)
                        for wanted_log, (who, _t) in list(self._wanted.items()):
                            if who is peer:
                                del self._wanted[wanted_log]
                        await self._ask(peer)
                    self._push_soon()            # peers ask for what we got without waiting for the poll
        except KioskError as exc:
            self._say(exc.code, exc.message, device=device or dialled or "", **getattr(exc, "details", {}))
            self.refused_connections += 1
            self._note(who, f"refused: {exc.message}", logging.WARNING, "sync with %s refused: %s", who, exc.message)
        except (asyncio.IncompleteReadError, ConnectionError, OSError, asyncio.TimeoutError, ValueError,
                ssl.SSLError) as exc:
            if peer is not None:
                self._note(who, "ended", logging.INFO, "connection to %s ended: %s", who, exc)
            else:       # before the hello: a peer that refuses us (we may be revoked) or is not one
                self._note(who, "ended before hello", logging.INFO, "connection to %s ended before its hello: %s",
                           who, exc)
        finally:
            asked_here = False
            if peer is not None:
                others = self._sessions.get(peer.device, [])
                if peer in others:
                    others.remove(peer)
                if not others:
                    self._sessions.pop(peer.device, None)
                if self.online.get(peer.device) is peer:
                    if others:
                        self.online[peer.device] = others[-1]
                    else:
                        del self.online[peer.device]
                for wanted_log, (who, _t) in list(self._wanted.items()):
                    if who is peer:
                        del self._wanted[wanted_log]
                        asked_here = True
            writer.close()
            if asked_here and not self._stop.is_set():
                # what was asked on this connection and never came: ask the others now
                for other in list(self.online.values()):
                    asyncio.ensure_future(self._ask_quietly(other))
        return peer is not None

    def _take_heads(self, peer: Peer, msg: dict) -> None:
        heads = msg.get("heads")
        if isinstance(heads, dict):
            peer.heads = {d: n for d, n in list(heads.items())[:10_000] if isinstance(d, str) and type(n) is int}
        roster = msg.get("roster")
        if isinstance(roster, list):
            peer.roster = {k for k in roster[:10_000] if isinstance(k, str)}

    async def _ask(self, peer: Peer) -> None:
        """Ask this peer for the logs it holds more of — unless another peer is already sending them."""
        if peer.awaiting:
            return
        now = time.monotonic()
        want = {}
        for device, n in peer.heads.items():
            if n > self._heads.get(device, 0):
                busy = self._wanted.get(device)
                if busy is None or now - busy[1] > WANT_TIMEOUT or busy[0] is peer:
                    want[device] = self._heads.get(device, 0)
                    self._wanted[device] = (peer, now)
        missing_roster = bool(set(peer.roster) - set(self.engine.roster.statements))
        if want or missing_roster:
            peer.awaiting = True
            self.traffic["sent"] += await send_frame(peer.writer, {"t": "want", "heads": want,
                                                                   "roster": sorted(self.engine.roster.statements)})

    async def _ask_quietly(self, peer: Peer) -> None:
        try:
            await self._ask(peer)
        except (ConnectionError, OSError, RuntimeError):
            pass

    def _push_soon(self) -> None:
        """Push our heads ``PUSH_AFTER`` from now (once, however many merges happen meanwhile: with
        20 devices a push after every merge sent four times the heads messages, and the wants
        they set off, for a quarter more traffic and a slower convergence)."""
        if self._push_task is None or self._push_task.done():
            async def later():
                await asyncio.sleep(PUSH_AFTER)
                await self._push_heads()

            self._push_task = asyncio.ensure_future(later())

    async def _push_heads(self) -> None:
        """Tell every connected device our log heads, if they moved since we last told it. Not
        waiting for the send buffer to drain: a peer busy reading a 5 MB bundle from us must not
        hold up this connection's loop for a message of a few hundred bytes (it is skipped
        instead when a peer has read nothing for a whole frame's worth). The roster's statement
        keys go along only when there are new ones (a peer keeps the list it was last sent)."""
        for peer in list(self.online.values()):
            if peer.sent_heads != self._heads:
                transport = peer.writer.transport
                if transport.is_closing() or transport.get_write_buffer_size() > MAX_FRAME:
                    continue
                peer.sent_heads = dict(self._heads)
                msg = {"t": "heads", "heads": self._heads}
                if peer.sent_roster != len(self.engine.roster.statements):
                    peer.sent_roster = len(self.engine.roster.statements)
                    msg["roster"] = sorted(self.engine.roster.statements)
                payload = json.dumps(msg, separators=(",", ":")).encode()
                peer.writer.write(struct.pack(">I", len(payload)) + payload)
                self.traffic["sent"] += len(payload) + 4

    def _serve_soon(self, peer: Peer, msg: dict) -> None:
        async def serve() -> None:
            try:
                await self._serve_want(peer, msg)
            except (ConnectionError, OSError, RuntimeError, ssl.SSLError) as exc:
                log.info("sending to %s ended: %s", peer.device, exc)
            finally:
                self._serving.discard(task)

        task = asyncio.ensure_future(serve())
        self._serving.add(task)

    async def _serve_want(self, peer: Peer, msg: dict) -> None:
        heads = msg.get("heads")
        if not isinstance(heads, dict):
            return
        theirs = {d: n for d, n in list(heads.items())[:10_000] if isinstance(d, str) and type(n) is int}
        known = msg.get("roster")
        known = {k for k in known[:10_000] if isinstance(k, str)} if isinstance(known, list) else set()
        mine = self.engine.heads()
        # what they asked for, only: not the rest of what they lack (another peer may be sending that)
        frames = self._data_frames({d: theirs.get(d, n) for d, (n, _l) in mine.items()}, mine, known)
        async with peer.lock:
            for payload in frames:
                self.traffic["sent"] += await send_payload(peer.writer, payload)

    def _data_frames(self, request: dict[str, int], mine: dict, known: set[str]) -> list[bytes]:
        """The ``data`` messages answering a want: the log entries asked for, in messages of about
        ``NET_FRAME`` bytes as sent, and the roster statements the peer lacks (in the first
        message, or one of its own when there are many)."""
        roster = json.dumps([[st, sig] for k, (st, sig) in sorted(self.engine.roster.statements.items())
                             if k not in known], ensure_ascii=False, separators=(",", ":")).encode()
        limit = NET_FRAME - ROSTER_INLINE - 1024
        messages: list[list[bytes]] = []        # per message: its runs, each '"device":{"from":n,"entries":[…]}'
        runs: list[bytes] = []
        size = 0
        for device, (n, _l) in sorted(mine.items()):
            have = max(0, request.get(device, n))
            if have >= n:
                continue
            pieces = self._encoded_entries(device, have, n)
            name = json.dumps(device, ensure_ascii=False).encode()
            at = 0
            while at < len(pieces):
                take, cost = at, len(name) + 40
                while take < len(pieces) and (size + cost + len(pieces[take]) + 1 <= limit or (take == at and not runs)):
                    cost += len(pieces[take]) + 1
                    take += 1
                if take > at:
                    runs.append(name + b':{"from":%d,"entries":[' % (have + 1 + at) + b",".join(pieces[at:take]) + b"]}")
                    size += cost
                    at = take
                if at < len(pieces):            # this message is full
                    messages.append(runs)
                    runs, size = [], 0
        if runs or not messages:
            messages.append(runs)
        frames = []
        if len(roster) > ROSTER_INLINE and any(messages):     # a large roster goes first, on its own
            frames.append(b'{"t":"data","bundle":{"roster":' + roster + b',"runs":{}},"last":false}')
            roster = b"[]"
        for i, part in enumerate(messages):
            last = b"true" if i == len(messages) - 1 else b"false"
            frames.append(b'{"t":"data","bundle":{"roster":' + (roster if i == 0 else b"[]") + b',"runs":{'
                          + b",".join(part) + b'}},"last":' + last + b"}")
        return frames

    def _encoded_entries(self, device: str, after: int, upto: int) -> list[bytes]:
        """Entries ``after``+1 … ``upto`` of a device's log, encoded as sent. Kept for the next want
        of the same (a log's entries never change once held): when devices start at once, every
        peer asks each device for its own log."""
        cached = self._runs_cache.get(device)
        if cached is not None and cached[0] <= after and upto <= cached[1]:
            return cached[2][after - cached[0]:upto - cached[0]]
        pieces = self.engine.encoded_entries(device, after, upto)
        total = sum(map(len, pieces)) + sum(sum(map(len, c[2])) for d, c in self._runs_cache.items() if d != device)
        if total <= RUNS_CACHE_MAX:
            self._runs_cache[device] = (after, upto, pieces)
        else:
            self._runs_cache = {device: (after, upto, pieces)} if sum(map(len, pieces)) <= RUNS_CACHE_MAX else {}
        return pieces

    def _take_data(self, peer: Peer, bundle) -> None:
        result = operations.merge_from_sync(self.store, self.engine, bundle, source=f"device {peer.device}",
                                            now=self.clock()).result
        if result.refused:
            log.warning("from %s, refused: %s", peer.device, "; ".join(result.refused[:5]))
        self._heads = {d: n for d, (n, _l) in self.engine.heads().items()}
        self.last_sync = self.clock().isoformat(timespec="seconds")
        self._drop_revoked()

    # ---------------------------------------------------------------- server and dialling
    async def _accept(self, reader, writer) -> None:
        if self.connections >= MAX_CONNECTIONS:
            writer.close()
            return
        self.connections += 1
        task = asyncio.current_task()
        self._accepted.add(task)
        try:
            await self._session(reader, writer)
        except asyncio.CancelledError:
            # the daemon is stopping (run() closes every session and waits; this is the loop being
            # torn down under a session still open). End quietly: nobody awaits this task, and
            # Python 3.11's stream server calls task.exception() on a cancelled one, which raised
            # CancelledError into the loop's error log as "Exception in callback".
            writer.close()
        finally:
            self.connections -= 1
            self._accepted.discard(task)

    async def _dial(self, address: str) -> None:
        host, _, port = address.rpartition(":")
        ctx = client_context(self.identity)
        delay = RETRY_EVERY
        while not self._stop.is_set():
            if self._dialled_device.get(address) in self.online:      # already connected (it dialled us)
                await asyncio.sleep(RETRY_EVERY)
                continue
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(
                    host or "127.0.0.1", int(port), ssl=ctx, limit=MAX_FRAME,
                    ssl_handshake_timeout=HANDSHAKE_SECONDS), HANDSHAKE_SECONDS * 2)
                synced = await self._session(reader, writer, dialled=address)
                # it answered but the session never got going (it refused us — a revoked device
                # is closed before any hello — or we refused it): each refusal doubles the wait,
                # up to RETRY_MAX; a session that synced starts again at RETRY_EVERY
                delay = RETRY_EVERY if synced else min(delay * 2, RETRY_MAX)
            except (OSError, ConnectionError, asyncio.TimeoutError, ssl.SSLError) as exc:
                log.debug("peer %s not reachable: %s", address, exc)    # not up yet: keep trying often
            await asyncio.sleep(delay)

    # ---------------------------------------------------------------- local changes
    async def _watch_local(self) -> None:
        while not self._stop.is_set():
            try:
                version = self.store.data_version()
                if version != self._version:
                    self._watch_roster()
                    operations.sync_collect(self.store, self.engine, now=self.clock())
                    self._version = version      # only once collected (a busy database: next tick)
                if time.monotonic() >= self._next_settle:
                    self._next_settle = time.monotonic() + PENDING_EVERY
                    operations.sync_settle_pending(self.store, self.engine, now=self.clock())
                self._heads = {d: n for d, (n, _l) in self.engine.heads().items()}
                await self._push_heads()
                if self.status:
                    self._write_status()
            except sqlite3.Error as exc:       # the kiosk holds the write lock a moment: try again
                log.debug("local poll: %s", exc)
            except Exception as exc:            # noqa: BLE001 — anything else ended this loop silently
                # (attack round 4: the daemon stayed up but no longer signed local changes). Logged
                # once per distinct error, and the loop goes on; the next tick tries again.
                self._note("local changes", f"error: {type(exc).__name__}: {exc}", logging.ERROR,
                           "reading this device's changes failed (will retry): %s: %s", type(exc).__name__, exc)
            await asyncio.sleep(HEADS_EVERY)

    def _watch_roster(self) -> None:
        """Another process (``sync revoke``, ``sync enrol``) wrote to the roster: take it in, apply
        new revocations to what arrived meanwhile, and drop the revoked devices' live connections."""
        count = self.conn.execute("SELECT count(*) FROM sync_roster").fetchone()[0]
        if count == len(self.engine.roster.statements):
            return
        operations.sync_reload_roster(self.store, self.engine, now=self.clock())
        self._drop_revoked()

    def _drop_revoked(self) -> None:
        """Close the live connections of devices the roster now says are revoked (a revocation
        written here by another process, or one that arrived from a peer)."""
        members = self.engine.roster.members
        for device, sessions in list(self._sessions.items()):
            if members.get(device) is not None and members[device].cut_off is not None:
                self.online.pop(device, None)
                log.warning("%s was revoked: its connection is closed", device)
                for peer in sessions:       # (both, when two devices dialled each other)
                    peer.writer.close()
        me = members.get(self.device_id)
        if me is not None and me.cut_off is not None:
            self._say("sync_revoked_self", f"{self.device_id} has been revoked by the organiser; it no longer syncs.",
                      device=self.device_id)
            self.stop()

    def waiting(self) -> int:
        """Own entries no peer has said it holds yet (since this daemon started)."""
        mine = self._heads.get(self.device_id, 0)
        for p in self.online.values():
            self._confirmed = max(self._confirmed, p.heads.get(self.device_id, 0))
        return max(0, mine - self._confirmed)

    def _write_status(self) -> None:
        # (the desk shows the quarantine count itself, in its language; and this message too, from its code)
        from kiosk.models.sync_state import encode_message

        message = encode_message(self.message, *(self.message_code or ("", {}))) if self.message else ""
        with self.engine.writing_nothing_to_collect():      # (or every merge would collect again)
            operations.write_sync_status(self.store, device_id=self.device_id, peers=self.online,
                                         last_sync=self.last_sync, waiting=self.waiting(), message=message,
                                         now=self.clock())
        # (not re-reading data_version here: it moves only for other connections' commits, and one
        # made since the top of this tick must still be collected — found by a flaky test)

    # ---------------------------------------------------------------- running
    async def run(self) -> None:
        operations.sync_collect(self.store, self.engine, now=self.clock())
        self._heads = {d: n for d, (n, _l) in self.engine.heads().items()}
        tasks = [asyncio.create_task(self._watch_local())]
        if self.port is not None:
            self._server = await asyncio.start_server(
                self._accept, self.host, self.port, ssl=server_context(self.identity), limit=MAX_FRAME,
                ssl_handshake_timeout=HANDSHAKE_SECONDS, backlog=64)
            self.bound_port = self._server.sockets[0].getsockname()[1]
            log.info("serving sync on %s:%s", self.host, self.bound_port)
        for peer in self.peers:
            tasks.append(asyncio.create_task(self._dial(peer)))
        if self.mdns and self.port is not None:
            tasks.append(asyncio.create_task(self._mdns()))
        try:
            await self._stop.wait()
        finally:
            await self._shut_down(tasks)

    async def _shut_down(self, tasks: list[asyncio.Task]) -> None:
        """Stop listening, end every session and wait (briefly) until each has: a daemon that stops
        closes its connections itself rather than leaving them to be cancelled at teardown."""
        tasks = [*tasks, *self._serving]
        if self._push_task is not None:
            tasks.append(self._push_task)
        for t in tasks:
            t.cancel()
        if self._server is not None:
            self._server.close()
        for sessions in list(self._sessions.values()):
            for peer in sessions:
                peer.writer.close()
        pending = [t for t in (*tasks, *self._accepted) if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=1.0)
        for t in list(self._accepted):        # (one still saying hello: it ends quietly, see _accept)
            t.cancel()
        if self._accepted:
            await asyncio.wait(list(self._accepted), timeout=1.0)

    def stop(self) -> None:
        self._stop.set()

    async def _mdns(self) -> None:
        """Announce this device at its LAN addresses and dial the ones found (venue Wi-Fi may block
        this: the peer list and the USB file still work). Finding a host by mDNS grants it nothing:
        it must still present an enrolled certificate."""
        try:
            from zeroconf import ServiceInfo, ServiceStateChange
            from zeroconf.asyncio import AsyncServiceBrowser, AsyncZeroconf
        except ImportError:
            return
        azc = AsyncZeroconf()
        info = ServiceInfo(SERVICE, f"{self.device_id}.{SERVICE}", port=self.bound_port,
                           addresses=[socket.inet_aton(a) for a in lan_addresses(self.host)],
                           properties={"event": self.engine.event_id(), "device": self.device_id})
        await azc.async_register_service(info)
        dialing: set[str] = set()

        def found(zeroconf, service_type, name, state_change):
            if state_change is not ServiceStateChange.Added or name.startswith(self.device_id + "."):
                return

            async def resolve():
                peer = await azc.async_get_service_info(service_type, name)
                if peer and peer.addresses and len(dialing) < MAX_CONNECTIONS:
                    address = f"{socket.inet_ntoa(peer.addresses[0])}:{peer.port}"
                    if address not in dialing and address not in self.peers:
                        dialing.add(address)
                        await self._dial(address)

            asyncio.ensure_future(resolve())

        browser = AsyncServiceBrowser(azc.zeroconf, SERVICE, handlers=[found])
        try:
            await self._stop.wait()
        finally:
            await browser.async_cancel()
            await azc.async_unregister_service(info)
            await azc.async_close()
