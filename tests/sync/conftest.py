"""Enrolled devices for sync tests: one event authority, device databases with it pinned, and
identities made the way the organiser makes them."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FixedClock
from kiosk.models.database import open_event_db
from kiosk.sync.engine import SyncEngine, pin_authority
from kiosk.sync.identity import enrol, load_identity, make_authority

KST = ZoneInfo("Asia/Seoul")
EVENT = "innofair2023"
# Certificates are checked by OpenSSL against the real clock, so they are issued at the real
# time; everything the kiosk decides runs on the fixed clock below.
ISSUED = datetime.now(timezone.utc)
CLOCK = FixedClock(datetime(2023, 6, 14, 18, 0, tzinfo=KST), KST)


def at(h, m, s=0, day=14):
    return datetime(2023, 6, day, h, m, s, tzinfo=KST)


class Fleet:
    """An event authority and enrolled devices, each with its own copy of the event database."""

    def __init__(self, base_db: Path, folder: Path) -> None:
        self.base = base_db
        self.folder = folder
        self.authority = make_authority(folder / "ca", event_id=EVENT, now=ISSUED)
        self.paths: dict[str, Path] = {}
        self.identities: dict[str, Path] = {}

    def add(self, name: str, role: str = "kiosk") -> Path:
        path = self.folder / f"{name}.db"
        path.write_bytes(self.base.read_bytes())
        conn = open_event_db(path)
        pin_authority(conn, self.authority.cert_pem, CLOCK.now())
        self.identities[name] = enrol(self.authority, name, role=role, event_id=EVENT, out=self.folder / "ids",
                                      now=ISSUED)
        SyncEngine(conn, load_identity(self.identities[name]), clock=CLOCK.now)     # takes in its own enrolment
        conn.close()
        self.paths[name] = path
        return path

    def identity(self, name: str):
        return load_identity(self.identities[name])

    def engine(self, name: str, conn: sqlite3.Connection | None = None, *, now: datetime | None = None) -> SyncEngine:
        """``now``: the device's clock stands there (default: the fleet's clock, 18:00 on the first day)."""
        clock = (lambda: now) if now is not None else CLOCK.now
        return SyncEngine(conn or open_event_db(self.paths[name]), self.identity(name), clock=clock)


@pytest.fixture
def fleet(built_db, tmp_path) -> Fleet:
    f = Fleet(built_db, tmp_path)
    for name in ("a", "b", "c"):
        f.add(name)
    return f


def snapshot(path: Path) -> dict:
    """Every table a merge may change (the list of refusals aside: that is where a refusal is noted)."""
    conn = sqlite3.connect(path)
    out = {}
    for table in ("scan", "checkin", "undone_checkin", "session", "session_edit", "sync_log", "sync_roster",
                  "sync_duplicate", "badge", "attendee", "checkin_window"):
        out[table] = sorted(map(repr, conn.execute(f"SELECT * FROM {table}").fetchall()))
    conn.close()
    return out
