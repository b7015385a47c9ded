"""The LAN transport: each device serves its document over a websocket (pycrdt-websocket's
ASGI server under hypercorn) and dials its peers with pycrdt's Provider over httpx-ws.

Before a websocket opens, ``GET /hello`` proves the shared event token both ways (HMAC of a
fresh nonce; the token never crosses the network) and compares the event's reference data. The
websocket then carries Yjs's own sync protocol; the room's document *is* this device's
replication document, so whatever arrives is persisted and written into SQLite at once.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import sqlite3
import time
from urllib.parse import parse_qs

from kiosk.models.errors import KioskError

from kiosk import operations

from .engine import Fingerprint, SyncEngine, write_status

log = logging.getLogger(__name__)
RETRY_EVERY = 2.0
CHALLENGE_TTL = 60.0


class WsSyncNode:
    def __init__(self, conn, device_id: str, token: str, *, peers=(), port: int | None = None,
                 host: str = "0.0.0.0", mdns: bool = False) -> None:
        self.conn = conn
        self.engine = SyncEngine(conn, device_id)
        self.device_id = device_id
        self.token = token.encode()
        self.peers = list(peers)
        self.port, self.host, self.mdns = port, host, mdns
        self.online: set[str] = set()
        self.last_sync: str | None = None
        self.waiting = 0
        self.message = ""
        self._challenges: dict[str, float] = {}
        self._version = None
        self._dirty = asyncio.Event()
        self._stop = asyncio.Event()
        self.room_path = f"/{self.engine.event_id()}"
        self.engine.doc.observe(lambda _event: self._dirty.set())

    # ---------------------------------------------------------------- proofs
    def _mac(self, text: str) -> str:
        return hmac.new(self.token, text.encode(), hashlib.sha256).hexdigest()

    def _hello(self, nonce: str) -> dict:
        fp = self.engine.fingerprint()
        challenge = os.urandom(16).hex()
        now = time.monotonic()
        self._challenges = {c: t for c, t in self._challenges.items() if now - t < CHALLENGE_TTL}
        self._challenges[challenge] = now
        return {"device": self.device_id, "event": self.engine.event_id(), "fingerprint": fp.digest,
                "counts": fp.counts, "proof": self._mac("server:" + nonce), "challenge": challenge}

    def _accept(self, query: dict) -> str | None:
        """None when a websocket may open; else why not."""
        challenge = query.get("challenge", "")
        if self._challenges.pop(challenge, None) is None:
            return "unknown or stale challenge"
        if not hmac.compare_digest(query.get("proof", ""), self._mac("client:" + challenge)):
            self.message = f"{query.get('device', '?')} does not know the event token; refused."
            return "bad token"
        if query.get("fingerprint") != self.engine.fingerprint().digest:
            self.message = f"device {query.get('device', '?')} has different event data; refused."
            return "reference data differ"
        return None

    # ---------------------------------------------------------------- server
    def _app(self):
        from pycrdt.websocket import ASGIServer, WebsocketServer, YRoom

        server = WebsocketServer(auto_clean_rooms=False)
        server.rooms[self.room_path] = YRoom(ydoc=self.engine.doc, ready=True)
        self._ws_server = server

        def on_connect(_msg, scope) -> bool:
            query = {k: v[0] for k, v in parse_qs(scope.get("query_string", b"").decode()).items()}
            reason = self._accept(query)
            if reason is not None or scope.get("path") != self.room_path:
                log.warning("websocket from %s refused: %s", query.get("device"), reason or "wrong event")
                return True      # close
            self.online.add(query.get("device", "?"))
            return False

        ws_app = ASGIServer(server, on_connect=on_connect)

        async def app(scope, receive, send):
            if scope["type"] == "http":
                query = {k: v[0] for k, v in parse_qs(scope.get("query_string", b"").decode()).items()}
                if scope["path"] == "/hello":
                    body = json.dumps(self._hello(query.get("nonce", ""))).encode()
                    status = 200
                else:
                    body, status = b"not found", 404
                await send({"type": "http.response.start", "status": status,
                            "headers": [(b"content-type", b"application/json")]})
                await send({"type": "http.response.body", "body": body})
                return
            query = {k: v[0] for k, v in parse_qs(scope.get("query_string", b"").decode()).items()}
            try:
                await ws_app(scope, receive, send)
            finally:   # the websocket closed: that device is no longer here
                self.online.discard(query.get("device", "?"))

        return server, app

    # ---------------------------------------------------------------- client
    async def _dial(self, address: str) -> None:
        import httpx
        from httpx_ws import aconnect_ws
        from pycrdt import Provider
        from pycrdt.websocket.websocket import HttpxWebsocket

        base = f"http://{address}"
        while not self._stop.is_set():
            peer = address
            try:
                async with httpx.AsyncClient(timeout=10) as client:
                    nonce = os.urandom(16).hex()
                    hello = (await client.get(f"{base}/hello", params={"nonce": nonce})).json()
                    peer = hello.get("device", address)
                    if not hmac.compare_digest(hello.get("proof", ""), self._mac("server:" + nonce)):
                        raise KioskError(f"{peer} does not know the event token; refused.", code="sync_token")
                    self.engine.check_compatible(Fingerprint(hello["fingerprint"], hello.get("counts", {})),
                                                 hello["event"], f"device {peer}")
                    query = {"challenge": hello["challenge"], "proof": self._mac("client:" + hello["challenge"]),
                             "device": self.device_id, "fingerprint": self.engine.fingerprint().digest}
                    url = f"ws://{address}/{hello['event']}"
                    async with aconnect_ws(url, client, params=query) as ws:
                        self.online.add(peer)
                        self.message = ""
                        async with Provider(self.engine.doc, HttpxWebsocket(ws, f"/{hello['event']}")):
                            while not self._stop.is_set():
                                await asyncio.sleep(0.5)
                                self.last_sync = self.engine.clock.now().isoformat(timespec="seconds")
                                self.waiting = 0
            except KioskError as exc:
                self.message = exc.message
                log.warning("sync with %s refused: %s", peer, exc.message)
            except Exception as exc:  # unreachable peer, closed websocket: keep working alone
                log.info("peer %s: %s", peer, exc)
            finally:
                self.online.discard(peer)
            await asyncio.sleep(RETRY_EVERY)

    # ---------------------------------------------------------------- local side
    async def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                version = self.conn.data_version()
                if version != self._version:
                    self._version = version
                    added = operations.sync_collect(self.conn, self.engine, now=self.engine.clock.now()).result     # the room broadcasts it to every peer
                    self.waiting += added if not self.online else 0
                if self._dirty.is_set():
                    self._dirty.clear()
                    operations.merge_from_sync(self.conn, self.engine, None, now=self.engine.clock.now())
                    if self.online:
                        self.last_sync = self.engine.clock.now().isoformat(timespec="seconds")
                self._write_status()
            except sqlite3.Error as exc:
                log.debug("local poll: %s", exc)
            await asyncio.sleep(0.25)

    def _write_status(self) -> None:
        write_status(self.conn, device_id=self.device_id, peers=self.online, last_sync=self.last_sync,
                     waiting=self.waiting, message=self.message, now=self.engine.clock.now())

    # ---------------------------------------------------------------- running
    async def run(self) -> None:
        from hypercorn.asyncio import serve
        from hypercorn.config import Config

        operations.sync_collect(self.conn, self.engine, now=self.engine.clock.now())

        operations.merge_from_sync(self.conn, self.engine, None, now=self.engine.clock.now())
        tasks = [asyncio.create_task(self._loop())]
        if self.port is not None:
            server, app = self._app()
            config = Config()
            config.bind = [f"{self.host}:{self.port}"]
            config.accesslog = None
            config.errorlog = logging.getLogger("hypercorn.error")

            async def serve_rooms():
                async with server:
                    await serve(app, config, shutdown_trigger=self._stop.wait)

            tasks.append(asyncio.create_task(serve_rooms()))
        for peer in self.peers:
            tasks.append(asyncio.create_task(self._dial(peer)))
        if self.mdns and self.port is not None:
            from .net import SyncNode

            tasks.append(asyncio.create_task(SyncNode._mdns(self)))   # same announcement and discovery
        try:
            await self._stop.wait()
        finally:
            for t in tasks:
                t.cancel()

    def stop(self) -> None:
        self._stop.set()
