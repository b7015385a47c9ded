"""Devices talking over the LAN: Yjs's own sync protocol (pycrdt's step 1 / step 2 / update
messages) over TCP, after a handshake that proves the shared event token (HMAC of a fresh
challenge, so the token never crosses the wire) and compares the event's reference data.

Each device serves on a port and dials a configured list of peers (venue Wi-Fi often blocks
mDNS), and can also find peers by mDNS (python-zeroconf). It keeps working alone: a peer that
is away is retried every few seconds; when they meet again, step 1/step 2 brings both sides
everything the other wrote meanwhile.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import sqlite3
import struct

from pycrdt import YMessageType, create_sync_message, handle_sync_message

from kiosk.models.errors import KioskError

from kiosk import operations

from .engine import Fingerprint, SyncEngine, write_status

log = logging.getLogger(__name__)
SERVICE = "_innofair-sync._tcp.local."
EXCHANGE_EVERY = 0.5      # seconds between state-vector offers
RETRY_EVERY = 2.0


async def _send(writer: asyncio.StreamWriter, payload: bytes) -> None:
    writer.write(struct.pack(">I", len(payload)) + payload)
    await writer.drain()


async def _recv(reader: asyncio.StreamReader) -> bytes:
    (n,) = struct.unpack(">I", await reader.readexactly(4))
    if n > 256 * 1024 * 1024:
        raise ConnectionError("frame too large")
    return await reader.readexactly(n)


class SyncNode:
    """One device's sync daemon: owns the engine (the document is not thread-safe)."""

    def __init__(self, conn, device_id: str, token: str, *, peers: list[str] = (),
                 port: int | None = None, host: str = "0.0.0.0", mdns: bool = False) -> None:
        self.conn = conn
        self.engine = SyncEngine(conn, device_id)
        self.device_id = device_id
        self.token = token.encode()
        self.peers = list(peers)
        self.port = port
        self.host = host
        self.mdns = mdns
        self.online: dict[str, asyncio.StreamWriter] = {}
        self.last_sync: str | None = None
        self.waiting = 0
        self.message = ""
        self._version = None
        self._server = None
        self._stop = asyncio.Event()

    # ---------------------------------------------------------------- handshake
    def _hello(self) -> dict:
        fp = self.engine.fingerprint()
        return {"device": self.device_id, "event": self.engine.event_id(), "fingerprint": fp.digest,
                "counts": fp.counts}

    def _proof(self, challenge: str) -> str:
        return hmac.new(self.token, challenge.encode(), hashlib.sha256).hexdigest()

    async def _handshake(self, reader, writer, *, server: bool) -> str:
        challenge = os.urandom(16).hex()
        await _send(writer, json.dumps({"challenge": challenge, **self._hello()}).encode())
        theirs = json.loads(await _recv(reader))
        await _send(writer, json.dumps({"proof": self._proof(theirs["challenge"])}).encode())
        answer = json.loads(await _recv(reader))
        if not hmac.compare_digest(answer.get("proof", ""), self._proof(challenge)):
            raise KioskError(f"{theirs.get('device')} does not know the event token; refused.", code="sync_token")
        self.engine.check_compatible(Fingerprint(theirs["fingerprint"], theirs.get("counts", {})), theirs["event"],
                                     f"device {theirs.get('device')}")
        return theirs["device"]

    # ---------------------------------------------------------------- a connection (either side)
    async def _session(self, reader, writer, *, server: bool) -> None:
        peer = "?"
        try:
            peer = await asyncio.wait_for(self._handshake(reader, writer, server=server), 10)
            self.online[peer] = writer
            self.message = ""
            log.info("synced with %s", peer)

            async def offer():
                while True:
                    await _send(writer, create_sync_message(self.engine.doc))   # step 1: what I have
                    await asyncio.sleep(EXCHANGE_EVERY)

            offering = asyncio.create_task(offer())
            try:
                while True:
                    frame = await _recv(reader)
                    if not frame or frame[0] != YMessageType.SYNC:
                        continue
                    before = self.engine.doc.get_state()
                    reply = handle_sync_message(frame[1:], self.engine.doc)
                    if reply is not None:                       # step 2: what you lack
                        await _send(writer, reply)
                    elif frame[1] != 0:               # their step 2 / update: we are up to date with them
                        self.last_sync = self.engine.clock.now().isoformat(timespec="seconds")
                        self.waiting = 0
                    if self.engine.doc.get_state() != before:
                        operations.merge_from_sync(self.conn, self.engine, None, now=self.engine.clock.now())   # (our own commits do not move our data_version)
            finally:
                offering.cancel()
        except KioskError as exc:
            self.message = exc.message
            log.warning("sync refused: %s", exc.message)
            try:
                await _send(writer, json.dumps({"error": exc.message}).encode())
            except (ConnectionError, OSError):
                pass
        except (asyncio.IncompleteReadError, ConnectionError, OSError, asyncio.TimeoutError, json.JSONDecodeError,
                KeyError, ValueError) as exc:
            log.info("connection to %s ended: %s", peer, exc)
        finally:
            self.online.pop(peer, None)
            writer.close()

    async def _dial(self, address: str) -> None:
        host, _, port = address.rpartition(":")
        while not self._stop.is_set():
            try:
                reader, writer = await asyncio.open_connection(host or "127.0.0.1", int(port))
                await self._session(reader, writer, server=False)
            except (OSError, ConnectionError) as exc:
                log.debug("peer %s not reachable: %s", address, exc)
            await asyncio.sleep(RETRY_EVERY)

    # ---------------------------------------------------------------- local changes and status
    async def _watch_local(self) -> None:
        while not self._stop.is_set():
            try:
                version = self.conn.data_version()
                if version != self._version:
                    self._version = version
                    added = operations.sync_collect(self.conn, self.engine, now=self.engine.clock.now()).result
                    if added:
                        self.waiting += added
                self._write_status()
            except sqlite3.Error as exc:       # the kiosk holds the write lock a moment: try again
                log.debug("local poll: %s", exc)
            await asyncio.sleep(0.25)

    def _write_status(self) -> None:
        write_status(self.conn, device_id=self.device_id, peers=self.online, last_sync=self.last_sync,
                     waiting=self.waiting, message=self.message, now=self.engine.clock.now())
        self._version = self.conn.data_version()

    # ---------------------------------------------------------------- running
    async def run(self) -> None:
        operations.sync_collect(self.conn, self.engine, now=self.engine.clock.now())
        operations.merge_from_sync(self.conn, self.engine, None, now=self.engine.clock.now())
        tasks = [asyncio.create_task(self._watch_local())]
        if self.port is not None:
            self._server = await asyncio.start_server(lambda r, w: self._session(r, w, server=True),
                                                      self.host, self.port)
            log.info("serving sync on %s:%s", self.host, self.port)
        for peer in self.peers:
            tasks.append(asyncio.create_task(self._dial(peer)))
        if self.mdns and self.port is not None:
            tasks.append(asyncio.create_task(self._mdns()))
        try:
            await self._stop.wait()
        finally:
            for t in tasks:
                t.cancel()
            if self._server is not None:
                self._server.close()

    def stop(self) -> None:
        self._stop.set()

    async def _mdns(self) -> None:
        """Announce this device and dial the ones found (venue Wi-Fi may block this: the peer
        list and the USB file still work)."""
        try:
            import socket

            from zeroconf import ServiceInfo, ServiceStateChange
            from zeroconf.asyncio import AsyncServiceBrowser, AsyncZeroconf
        except ImportError:
            return
        azc = AsyncZeroconf()
        info = ServiceInfo(SERVICE, f"{self.device_id}.{SERVICE}", port=self.port,
                           addresses=[socket.inet_aton("127.0.0.1")],
                           properties={"event": self.engine.event_id(), "device": self.device_id})
        await azc.async_register_service(info)
        dialing: set[str] = set()

        def found(zeroconf, service_type, name, state_change):
            if state_change is not ServiceStateChange.Added or name.startswith(self.device_id + "."):
                return

            async def resolve():
                peer = await azc.async_get_service_info(service_type, name)
                if peer and peer.addresses:
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
