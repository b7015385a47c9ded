"""The replication engine: local rows → pycrdt document → other devices → their SQLite.

Derived state is computed identically everywhere, so devices that have seen the same document
agree row for row:
- a check-in (list, attendee) belongs to the earliest OK scan (time, device, scan id) that is
  not undone; any other OK scan for it is a *duplicate*, kept and shown to staff;
- a session's current room, times, status and notice are those of its latest edit by hybrid
  logical clock, then device id; edits that lost are kept in the audit trail for review.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from pycrdt import Doc, Map

from kiosk.models.checkin_store import settle_checkin
from kiosk.models.errors import KioskError
from kiosk.models.schedule import observe_hlc, settle_session

if TYPE_CHECKING:
    from kiosk.models.store import EventStore

SCAN_COLUMNS = ("scan_id", "list_id", "device_id", "scanned_at", "payload", "serial", "attendee_id", "code", "detail")
EDIT_COLUMNS = ("edit_key", "hlc", "session_id", "kinds", "role", "device_id", "by_name", "at", "before", "after",
                "reason", "undo_of_key")


@dataclass(frozen=True)
class Fingerprint:
    """The event's reference data, hashed: two devices only sync when these match."""

    digest: str
    counts: dict

    def differences(self, other: "Fingerprint") -> str:
        parts = [f"{table}: {self.counts.get(table)} here, {other.counts.get(table)} there"
                 for table in sorted(set(self.counts) | set(other.counts))
                 if self.counts.get(table) != other.counts.get(table)]
        return "; ".join(parts) or "same counts, different content"


REFERENCE = {
    "event": "SELECT id, name_en, timezone, first_day, last_day, badge_prefix FROM event",
    "rooms": "SELECT id, floor_id, name_en FROM room ORDER BY id",
    "sessions": 'SELECT id, type, title_en, published_start, published_end, published_room_id FROM session ORDER BY id',
    "exhibitors": "SELECT e.id, e.name_en, e.category_id, group_concat(b.booth_id) FROM exhibitor e "
                  "LEFT JOIN exhibitor_booth b ON b.exhibitor_id = e.id GROUP BY e.id ORDER BY e.id",
    "attendees": "SELECT id, name, type FROM attendee ORDER BY id",
    "lists": "SELECT id, types FROM checkin_list ORDER BY id",
    "keys": "SELECT public_key FROM signing_key ORDER BY public_key",
}


def fingerprint(conn: "EventStore") -> Fingerprint:
    h = hashlib.sha256()
    counts = {}
    for name, sql in REFERENCE.items():
        rows = conn.execute(sql).fetchall()
        counts[name] = len(rows)
        h.update(name.encode())
        h.update(json.dumps(rows, ensure_ascii=False, default=str).encode())
    return Fingerprint(h.hexdigest(), counts)


class SyncEngine:
    """One device's document. Not thread-safe: one thread (or one asyncio loop) owns it."""

    def __init__(self, store: "EventStore", device_id: str, clock=None) -> None:
        if clock is None:
            from kiosk.clock import SystemClock

            clock = SystemClock(store.tz)
        self.store = self.conn = store
        self.clock = clock
        self.device_id = device_id
        self.doc = Doc()
        self.scans = self.doc.get("scans", type=Map)
        self.undone = self.doc.get("undone", type=Map)
        self.edits = self.doc.get("edits", type=Map)
        state = store.sync.load_doc()
        if state is not None:
            self.doc.apply_update(state)

    # ---------------------------------------------------------------- identity
    def fingerprint(self) -> Fingerprint:
        return fingerprint(self.conn)

    def event_id(self) -> str:
        return self.conn.execute("SELECT id FROM event").fetchone()[0]

    # ---------------------------------------------------------------- local → document
    def collect_local(self) -> int:
        """Put rows written on this device (or arrived before the document existed) into the
        document. Returns how many were new."""
        added = 0
        known_scans = set(self.scans.keys())
        known_undone = set(self.undone.keys())
        known_edits = set(self.edits.keys())
        new_scans = [r for r in self.conn.execute(f"SELECT {', '.join(SCAN_COLUMNS)} FROM scan")
                     if r[0] not in known_scans]
        new_undone = [r for r in self.conn.execute("SELECT scan_id, undone_at, device_id FROM undone_checkin")
                      if r[0] not in known_undone]
        new_edits = [r for r in self.conn.execute(
            "SELECT e.edit_key, e.hlc, e.session_id, e.kinds, e.role, e.device_id, e.by_name, e.at, e.before, e.after, "
            "e.reason, u.edit_key FROM session_edit e LEFT JOIN session_edit u ON u.id = e.undo_of "
            "WHERE e.edit_key IS NOT NULL") if r[0] not in known_edits]
        if not (new_scans or new_undone or new_edits):
            return 0
        with self.doc.transaction():
            for r in new_scans:
                self.scans[r[0]] = json.dumps(dict(zip(SCAN_COLUMNS, r)), ensure_ascii=False)
            for r in new_undone:
                self.undone[r[0]] = json.dumps({"undone_at": r[1], "device_id": r[2]})
            for r in new_edits:
                self.edits[r[0]] = json.dumps(dict(zip(EDIT_COLUMNS, r)), ensure_ascii=False)
        added = len(new_scans) + len(new_undone) + len(new_edits)
        self._persist()
        return added

    def save(self) -> None:
        """Save the document's state (beside the rows it describes)."""
        self._persist()

    def _persist(self) -> None:
        with self.store.atomic():
            self.store.sync.save_doc(self.doc.get_update(), now=self.clock.now())

    # ---------------------------------------------------------------- document ↔ the world
    def state_vector(self) -> bytes:
        return self.doc.get_state()

    def update_since(self, state_vector: bytes | None = None) -> bytes:
        return self.doc.get_update(state_vector) if state_vector else self.doc.get_update()

    def receive(self, update: bytes) -> dict:
        """Merge another device's update (idempotent) and write what it brought into SQLite."""
        self.doc.apply_update(update)
        with self.store.atomic():   # the document and the rows it brought: saved together or not at all
            self._persist()
            return self.materialize()

    # ---------------------------------------------------------------- document → SQLite
    def materialize(self) -> dict:
        """Write every scan, undo and edit the document has into SQLite and re-derive check-ins
        and session state where anything arrived. One transaction."""
        c = self.conn
        stats = {"scans": 0, "edits": 0, "duplicates": 0, "session_ids": [], "list_ids": []}
        have_scans = {r[0] for r in c.execute("SELECT scan_id FROM scan")}
        have_undone = {r[0] for r in c.execute("SELECT scan_id FROM undone_checkin")}
        have_edits = {r[0] for r in c.execute("SELECT edit_key FROM session_edit WHERE edit_key IS NOT NULL")}
        arriving_scans = [json.loads(v) for k, v in self.scans.items() if k not in have_scans]
        arriving_undone = [(k, json.loads(v)) for k, v in self.undone.items() if k not in have_undone]
        arriving_edits = [json.loads(v) for k, v in self.edits.items() if k not in have_edits]
        if not (arriving_scans or arriving_undone or arriving_edits):
            return stats
        with c.atomic():
            touched_pairs: set[tuple[str, str]] = set()
            for s in arriving_scans:
                c.execute(f"INSERT OR IGNORE INTO scan ({', '.join(SCAN_COLUMNS)}) VALUES ({', '.join('?' * len(SCAN_COLUMNS))})",
                          tuple(s.get(k) for k in SCAN_COLUMNS))
                if s.get("code") == "OK" and s.get("attendee_id"):
                    touched_pairs.add((s["list_id"], s["attendee_id"]))
                stats["scans"] += 1
            for scan_id, u in arriving_undone:
                c.execute("INSERT OR IGNORE INTO undone_checkin (scan_id, undone_at, device_id) VALUES (?, ?, ?)",
                          (scan_id, u["undone_at"], u["device_id"]))
                row = c.execute("SELECT list_id, attendee_id FROM scan WHERE scan_id = ?", (scan_id,)).fetchone()
                if row:
                    touched_pairs.add(row)
            for pair in touched_pairs:
                stats["duplicates"] += settle_checkin(c, *pair)
            touched_sessions = set()
            keyed = {r[0]: r[1] for r in c.execute("SELECT edit_key, id FROM session_edit WHERE edit_key IS NOT NULL")}
            for e in sorted(arriving_edits, key=lambda e: (e["hlc"], e["device_id"])):
                undo_of = keyed.get(e.get("undo_of_key")) if e.get("undo_of_key") else None
                cur = c.execute("INSERT OR IGNORE INTO session_edit (session_id, kinds, role, device_id, by_name, at, "
                                "before, after, reason, undo_of, hlc, edit_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (e["session_id"], e["kinds"], e["role"], e["device_id"], e["by_name"], e["at"],
                                 e["before"], e["after"], e["reason"], undo_of, e["hlc"], e["edit_key"]))
                keyed[e["edit_key"]] = cur.lastrowid
                if undo_of:
                    c.execute("UPDATE session_edit SET undone_at = coalesce(undone_at, ?) WHERE id = ?", (e["at"], undo_of))
                observe_hlc(c, e["hlc"])
                touched_sessions.add(e["session_id"])
                stats["edits"] += 1
            for session_id in touched_sessions:
                settle_session(c, session_id)
            stats["session_ids"] = sorted(touched_sessions)
            stats["list_ids"] = sorted({list_id for list_id, _ in touched_pairs})
        return stats


    # ---------------------------------------------------------------- review
    def duplicates(self) -> list[dict]:
        return self.store.sync.duplicates()

    def overridden_edits(self) -> list[dict]:
        """Edits that lost to a later edit of the same session from another device."""
        return self.store.sync.overridden_edits()

    def check_compatible(self, other: Fingerprint, other_event: str, where: str) -> None:
        mine = self.fingerprint()
        if other_event != self.event_id():
            raise KioskError(f"{where} belongs to another event ({other_event}); this device is {self.event_id()}.",
                             code="sync_other_event")
        if other.digest != mine.digest:
            raise KioskError(f"The event data differs between this device and {where} "
                             f"({mine.differences(other)}). Load the same data on both (init-db or import) before "
                             "syncing; nothing was exchanged.", code="sync_reference_mismatch")


def write_status(store: "EventStore", *, device_id: str, peers, last_sync: str | None, waiting: int,
                 message: str, now: datetime) -> bool:
    """What a sync daemon tells the kiosk screens (the check-in desk shows it)."""
    from kiosk.operations import write_sync_status

    return write_sync_status(store, device_id=device_id, peers=peers, last_sync=last_sync, waiting=waiting,
                             message=message, now=now).result


# ---------------------------------------------------------------- USB / file transport
MAGIC = b"INNOFAIR-SYNC-1\n"


def export_file(engine: SyncEngine) -> bytes:
    from kiosk.operations import sync_collect

    sync_collect(engine.store, engine, now=engine.clock.now())
    fp = engine.fingerprint()
    header = json.dumps({"event": engine.event_id(), "device": engine.device_id, "fingerprint": fp.digest,
                         "counts": fp.counts}).encode()
    return MAGIC + header + b"\n" + engine.update_since()


def import_file(engine: SyncEngine, blob: bytes, name: str) -> dict:
    if not blob.startswith(MAGIC):
        raise KioskError(f"{name} is not a kiosk sync file.", code="sync_bad_file")
    header_line, _, update = blob[len(MAGIC):].partition(b"\n")
    try:
        header = json.loads(header_line)
    except json.JSONDecodeError:
        raise KioskError(f"{name} is damaged (its header cannot be read).", code="sync_bad_file") from None
    engine.check_compatible(Fingerprint(header["fingerprint"], header.get("counts", {})), header["event"],
                            f"{name} (from {header.get('device')})")
    from kiosk.operations import merge_from_sync, sync_collect

    sync_collect(engine.store, engine, now=engine.clock.now())
    try:
        return merge_from_sync(engine.store, engine, update, now=engine.clock.now()).result
    except Exception as exc:  # a truncated or corrupted update from a damaged USB stick
        if isinstance(exc, KioskError):
            raise
        raise KioskError(f"{name} is damaged: {exc}", code="sync_bad_file") from None
