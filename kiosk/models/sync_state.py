"""What replication keeps in the event database for the screens: the status line a sync daemon
writes, and the review lists (duplicates, overridden edits). The signed logs themselves are
kept and read by :mod:`kiosk.sync.engine` (tables ``sync_log``, ``sync_roster``).

A typed store of :class:`~kiosk.models.store.EventStore`; the merge itself is an operation
(:func:`kiosk.models.operations.merge_from_sync`), built on the same two rules as local writes
(:func:`~kiosk.models.checkin_store.settle_checkin`, :func:`~kiosk.models.schedule.settle_session`).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import EventStore


#: A sync daemon rewrites its status a few times a second; older than this, it is not running.
FRESH_SECONDS = 10


def encode_message(text: str, code: str = "", args: dict | None = None) -> str:
    """The daemon's status message as stored: its English text, and a code with arguments that a
    screen turns into its own language (issue 13: the desk's sync line was English only)."""
    if not code:
        return text
    import json

    return json.dumps({"code": code, "args": args or {}, "text": text}, ensure_ascii=False)


def decode_message(stored: str | None) -> tuple[str, str, dict]:
    """(English text, code, arguments) of a stored status message; a plain text (an older
    daemon's) has no code."""
    if stored and stored.startswith("{"):
        import json

        try:
            value = json.loads(stored)
            if isinstance(value, dict) and isinstance(value.get("text"), str):
                args = value.get("args") if isinstance(value.get("args"), dict) else {}
                return value["text"], str(value.get("code") or ""), {str(k): str(v) for k, v in args.items()}
        except ValueError:
            pass
    return stored or "", "", {}


class SyncState:
    def __init__(self, store: "EventStore") -> None:
        self.store = store

    # ---------------------------------------------------------------- the status line
    def stamp(self) -> str | None:
        """When the sync daemon last wrote its status (cheap: the change bus asks on every commit)."""
        row = self.store.execute("SELECT updated_at FROM sync_status WHERE id = 1").fetchone()
        return row[0] if row else None

    def status(self, now: datetime | None = None) -> dict | None:
        """What this device's sync daemon last wrote (None when sync does not run here).

        With ``now`` (real time), ``fresh`` says whether the daemon wrote within the last
        ``FRESH_SECONDS``: a stale line means the daemon stopped, so nobody is online."""
        import json     # in the methods: the change bus reads the stamp at start, without json (≈ 1.5 ms)

        row = self.store.execute("SELECT device_id, peers, last_sync, waiting, message, updated_at FROM sync_status "
                                 "WHERE id = 1").fetchone()
        if row is None:
            return None
        duplicates = self.store.execute("SELECT count(*) FROM sync_duplicate").fetchone()[0]
        quarantined = self.store.execute("SELECT count(*) FROM sync_log WHERE status = 'quarantined' "
                                         "AND status != 'ok'").fetchone()[0]
        updated = datetime.fromisoformat(row[5])
        fresh = None
        if now is not None:
            if updated.tzinfo is None:   # written by an older daemon in machine-local time
                updated = updated.replace(tzinfo=now.astimezone().tzinfo)
            fresh = abs((now - updated).total_seconds()) < FRESH_SECONDS
        text, code, args = decode_message(row[4])
        return {"device": row[0], "peers": json.loads(row[1]), "last_sync": row[2], "waiting": row[3],
                "message": text, "message_code": code, "message_args": args, "updated_at": updated,
                "duplicates": duplicates, "quarantined": quarantined, "fresh": fresh}

    def write_status(self, *, device_id: str, peers, last_sync: str | None, waiting: int, message: str,
                     now: datetime) -> bool:
        """Call inside ``atomic()``. Returns whether anything but the time changed."""
        import json

        before = self.store.execute("SELECT device_id, peers, last_sync, waiting, message FROM sync_status "
                                    "WHERE id = 1").fetchone()
        values = (device_id, json.dumps(sorted(peers)), last_sync, waiting, message)
        self.store.execute(
            "INSERT INTO sync_status (id, device_id, peers, last_sync, waiting, message, updated_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET device_id = excluded.device_id, "
            "peers = excluded.peers, last_sync = excluded.last_sync, waiting = excluded.waiting, "
            "message = excluded.message, updated_at = excluded.updated_at",
            (*values, now.isoformat(timespec="seconds")))
        return before is None or tuple(before) != values

    def shares_registrations(self, device_id: str) -> bool:
        """Whether people registered on ``device_id`` reach the other devices: this database
        syncs with no one (no sync authority), or the device is enrolled as a desk or the
        organiser's laptop (a kiosk's registrations are refused by every other device).
        The roster's signatures are the sync engine's to check; this only gates the desk's form."""
        import json

        if self.store.execute("SELECT 1 FROM sync_authority").fetchone() is None:
            return True
        for (statement,) in self.store.execute("SELECT statement FROM sync_roster"):
            try:
                body = json.loads(statement)
            except ValueError:
                continue
            if body.get("d") == device_id:
                if body.get("k") == "revoke":
                    return False
                if body.get("k") == "enrol" and body.get("role") not in ("desk", "organiser"):
                    return False
        return any(json.loads(s).get("d") == device_id for (s,) in self.store.execute(
            "SELECT statement FROM sync_roster WHERE key LIKE 'enrol:%'"))

    # ---------------------------------------------------------------- this database's identity
    def own_identity(self) -> tuple[str, str | None] | None:
        """(device id, role) this database syncs as — the identity the sync engine last ran with
        on it (table ``sync_identity``) — or None when it is not enrolled (no authority pinned,
        or no identity used yet)."""
        if self.store.execute("SELECT 1 FROM sync_authority").fetchone() is None:
            return None
        row = self.store.execute("SELECT device FROM sync_identity WHERE id = 1").fetchone()
        if row is None:
            return None
        import json     # here: every kiosk asks at start, and one not enrolled needs no json (≈ 1.8 ms)

        role = None
        for (statement,) in self.store.execute("SELECT statement FROM sync_roster WHERE key LIKE 'enrol:%'"):
            try:
                body = json.loads(statement)
            except ValueError:
                continue
            if body.get("d") == row[0]:
                role = body.get("role")
        return row[0], role

    def record_identity(self, device_id: str) -> None:
        """Call inside ``atomic()``: this database syncs as ``device_id`` from now on."""
        self.store.execute("INSERT INTO sync_identity (id, device) VALUES (1, ?) "
                           "ON CONFLICT (id) DO UPDATE SET device = excluded.device", (device_id,))

    # ---------------------------------------------------------------- review
    def duplicates(self) -> list[dict]:
        rows = self.store.execute(
            "SELECT d.list_id, a.name, k.scanned_at, k.device_id, o.scanned_at, o.device_id FROM sync_duplicate d "
            "JOIN scan k ON k.scan_id = d.kept_scan JOIN scan o ON o.scan_id = d.other_scan "
            "LEFT JOIN attendee a ON a.id = d.attendee_id ORDER BY o.scanned_at").fetchall()
        return [{"list": r[0], "name": r[1], "first_at": r[2], "first_device": r[3], "again_at": r[4],
                 "again_device": r[5]} for r in rows]

    def overridden_edits(self) -> list[dict]:
        """Edits that lost to a later edit of the same session from another device."""
        import json

        rows = self.store.execute(
            "SELECT e.session_id, e.device_id, e.at, e.after, w.device_id, w.at FROM session_edit e "
            "JOIN session_edit w ON w.session_id = e.session_id AND w.hlc > e.hlc AND w.device_id != e.device_id "
            "WHERE e.hlc IS NOT NULL AND w.id = (SELECT id FROM session_edit x WHERE x.session_id = e.session_id "
            "AND x.hlc IS NOT NULL ORDER BY x.hlc DESC, x.device_id DESC LIMIT 1) ORDER BY e.at").fetchall()
        return [{"session": r[0], "device": r[1], "at": r[2], "change": json.loads(r[3]), "won_device": r[4],
                 "won_at": r[5]} for r in rows]
