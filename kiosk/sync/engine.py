"""The replication engine: this device's rows → its signed log → other devices → their rows.

Every device keeps every enrolled device's log in ``sync_log`` (the same rows everywhere) and
derives its check-ins and schedule from the valid entries, the same way on every device:
- a check-in (list, attendee) belongs to the earliest OK scan (time, device, scan id) that is
  not undone; any other OK scan for it is a *duplicate*, kept and shown to staff;
- a session's current room, times, status and notice are those of its latest edit by hybrid
  logical clock, then device id; edits that lost are kept in the audit trail for review.

What arrives passes, in order: size limits → the roster (statements signed by the event's
authority) → each run of entries: its device is enrolled, it continues the log we hold
(links), its last signature is the device's → each entry: its kind is allowed for the device's
role, it is not past a revocation, its body passes :mod:`kinds`' checks. A run that fails the
first checks is refused whole (recorded in ``sync_refused``); an entry that fails the last is
quarantined (kept, listed, skipped). The new log rows and the rows they produce are written in
one transaction, or not at all.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from json.encoder import encode_basestring as _encode_string      # as json.dumps(ensure_ascii=False)
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Callable

from kiosk.models.change import Change
from kiosk.models.checkin_store import settle_checkins, settle_list_windows
from kiosk.models.errors import KioskError
from kiosk.models.matchmaking import settle_meeting
from kiosk.models.schedule import settle_session

from . import kinds as kinds_mod
from .identity import ROLES, Identity, Roster, b64, ca_public_raw, unb64
from .log import Entry, RunError, genesis, link, sign_entry, verify_run

log = logging.getLogger(__name__)

MAX_BUNDLE = 8 * 1024 * 1024          # one network message (bytes); catching up takes several
MAX_FILE = 64 * 1024 * 1024           # one USB sync file: 20 devices x 10,000 scans fit (about 60 MB)
MAX_ROSTER = 1000                     # statements in one bundle
MAX_REFUSED_KEPT = 500
MAX_PENDING_PER_DEVICE = 2000         # entries of one device waiting for something; later ones are quarantined
MAX_PENDING_AGE = timedelta(hours=6)  # an entry waiting longer is quarantined (staff see it)

if TYPE_CHECKING:
    from kiosk.models.store import EventStore

Clock = Callable[[], datetime]


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
    # people registered at a desk on the day travel as entries: only the event's own are compared
    "attendees": "SELECT id, name, type FROM attendee WHERE registered_by IS NULL ORDER BY id",
    "lists": "SELECT id, types FROM checkin_list ORDER BY id",
    "keys": "SELECT public_key FROM signing_key ORDER BY public_key",
    "authority": "SELECT public_key FROM sync_authority",
}


def _wire_len(text: str) -> int:
    """Bytes of ``text`` as a JSON string on the wire (quotes and escapes included, as sent)."""
    return len(_encode_string(text).encode())


def fingerprint(conn: "EventStore") -> Fingerprint:
    h = hashlib.sha256()
    counts = {}
    for name, sql in REFERENCE.items():
        rows = conn.execute(sql).fetchall()
        counts[name] = len(rows)
        h.update(name.encode())
        h.update(json.dumps(rows, ensure_ascii=False, default=str).encode())
    return Fingerprint(h.hexdigest(), counts)


@dataclass
class MergeResult:
    entries: int = 0                 # new log entries taken in
    applied: int = 0
    quarantined: int = 0
    pending: int = 0
    refused: list[str] = field(default_factory=list)    # runs / statements refused, with why
    duplicates: int = 0
    scans: int = 0
    edits: int = 0
    session_ids: set = field(default_factory=set)     # what the change bus is told
    list_ids: set = field(default_factory=set)
    meeting_ids: set = field(default_factory=set)
    reference: set = field(default_factory=set)       # reference data that changed ("badge")

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("entries", "applied", "quarantined", "pending", "refused",
                                               "duplicates", "scans", "edits")}


def _key_of(kind, body) -> str | None:
    """An entry's replication key (scan id, edit key), or None when its body has none."""
    if kind is None:
        return None
    try:
        key = kind.key(body)
    except (TypeError, AttributeError):
        return None
    return key if isinstance(key, str) and len(key) <= 80 else None


#: Added to every query for waiting or quarantined entries: SQLite uses the partial index
#: ``sync_log_status`` (``WHERE status != 'ok'``) only when the query repeats its condition word
#: for word — ``status = 'pending'`` alone read the whole log (30,000 rows here) four times a merge.
PARTIAL = "AND status != 'ok'"
LOG_COLUMNS = "INSERT INTO sync_log (device, n, entry, sig, link, kind, key, status, reason) VALUES "
LOG_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
LOG_ROWS_AT_ONCE = 100                # 900 parameters per statement (SQLite allows 32,766)
_LOG_INSERT_MANY = LOG_COLUMNS + ", ".join([LOG_ROW] * LOG_ROWS_AT_ONCE)


def _insert_log_rows(conn, rows: list[tuple]) -> None:
    """Insert log rows 100 to a statement. The table's CHECK (status IN (…)) builds its list
    afresh each time a statement runs, and executemany runs one per row: that alone was a third
    of the insert's time for 10,000 rows."""
    whole = len(rows) - len(rows) % LOG_ROWS_AT_ONCE
    if whole:
        conn.executemany(_LOG_INSERT_MANY, [tuple(itertools.chain.from_iterable(rows[i:i + LOG_ROWS_AT_ONCE]))
                                            for i in range(0, whole, LOG_ROWS_AT_ONCE)])
    if whole < len(rows):
        rest = rows[whole:]
        conn.execute(LOG_COLUMNS + ", ".join([LOG_ROW] * len(rest)), tuple(itertools.chain.from_iterable(rest)))


def pin_authority(store: "EventStore", ca_pem: bytes, now: datetime) -> None:
    """Record the event's sync authority in the database (once; a different one is refused)."""
    raw = ca_public_raw(ca_pem).hex()
    with store.atomic():
        row = store.execute("SELECT public_key FROM sync_authority").fetchone()
        if row is not None:
            if row[0] != raw:
                raise KioskError("This database trusts another sync authority; refused.",
                                 code="sync_other_authority", hint="A device belongs to one event authority. "
                                 "Rebuild it from the organiser's database.")
            return
        store.execute("INSERT INTO sync_authority (id, public_key, cert, pinned_at) VALUES (1, ?, ?, ?)",
                      (raw, ca_pem.decode("ascii"), now.isoformat()))
        for kind in kinds_mod.KINDS.values():     # what every copy of this database already holds
            if kind.baseline is not None:
                store.executemany("INSERT OR IGNORE INTO sync_baseline (kind, key) VALUES (?, ?)",
                                  [(kind.name, key) for key in kind.baseline(store)])


class SyncEngine:
    """One device's view of every log. Not thread-safe: one thread (or asyncio loop) owns it."""

    def __init__(self, store: "EventStore", identity: Identity | None, *, clock: Clock) -> None:
        self.store = self.conn = store
        self.identity = identity
        self.clock = clock
        self.device_id = identity.device if identity else None
        self._event_id = store.execute("SELECT id FROM event").fetchone()[0]
        self._collected: tuple[int, int] | None = None       # see note_committed
        self._skipped: set[tuple[str, str]] = set()           # own rows that cannot be signed (see _unsignable)
        self._own_rows_written = False      # a merge wrote rows of this device's own (see _derive)
        if identity is not None:
            pin_authority(store, identity.ca_pem, clock())
        self.roster = self._load_roster()
        if identity is not None:
            key, body = self.roster.check(*identity.enrolment)
            if key not in self.roster.statements:
                self._store_statements([(key, body, *identity.enrolment)])
            member = self.roster.members.get(identity.device)
            if member is None or member.public_raw.hex() != body["pub"]:
                raise KioskError(f"{identity.device}'s enrolment is not the one this event knows.",
                                 code="sync_no_identity")
            if member.cut_off is not None:
                raise KioskError(f"{identity.device} has been revoked by the organiser; it no longer syncs.",
                                 code="sync_revoked")
            if store.sync.own_identity() != (identity.device, member.role):
                with store.atomic():       # what the command line checks a change's device and role against
                    store.sync.record_identity(identity.device)

    # ---------------------------------------------------------------- identity and roster
    def event_id(self) -> str:
        return self._event_id

    def fingerprint(self) -> Fingerprint:
        return fingerprint(self.conn)

    def _load_roster(self) -> Roster:
        row = self.conn.execute("SELECT public_key FROM sync_authority").fetchone()
        if row is None:
            raise KioskError("This database has no sync authority yet.", code="sync_no_ca",
                             hint="The organiser runs `main.py sync ca` on the event database, or a device is "
                                  "started with its enrolled identity (`--identity DIR`).")
        roster = Roster(self._event_id, bytes.fromhex(row[0]))
        for key, statement, sig in self.conn.execute("SELECT key, statement, sig FROM sync_roster ORDER BY key"):
            try:
                k, body = roster.check(statement, sig)
            except KioskError:
                continue
            roster.add(k, body, statement, sig)
        return roster

    def _store_statements(self, checked) -> None:
        with self.store.atomic():
            for key, body, statement, sig in checked:
                self.store.execute("INSERT OR IGNORE INTO sync_roster (key, statement, sig) VALUES (?, ?, ?)",
                                   (key, statement, sig))
        for key, body, statement, sig in checked:          # in memory only once the rows are written
            self.roster.add(key, body, statement, sig)

    def add_statement(self, statement: str, sig: str) -> str:
        """Take in one roster statement (an enrolment or revocation from the organiser)."""
        key, body = self.roster.check(statement, sig)
        try:
            with self.store.atomic():
                self._store_statements([(key, body, statement, sig)])
                if body["k"] == "revoke":
                    self._apply_revocation(body["d"], MergeResult())
        except BaseException:
            self.roster = self._load_roster()      # what the rolled-back statement added in memory
            raise
        return key

    def reload_roster(self) -> tuple[set[str], "MergeResult"]:
        """Read the roster again (``sync enrol`` or ``sync revoke`` may have written to this
        database from another process while a daemon holds this engine) and apply every
        revocation that is new to this engine — retroactively: entries of that device past its
        cut-off that arrived meanwhile are quarantined and their rows taken back. Returns the
        newly revoked devices and what changed. Call inside ``atomic()``."""
        before = {d: m.cut_off for d, m in self.roster.members.items()}
        self.roster = self._load_roster()
        revoked = {d for d, m in self.roster.members.items() if m.cut_off is not None and before.get(d) != m.cut_off}
        result = MergeResult()
        for device in sorted(revoked):
            self._apply_revocation(device, result)
        return revoked, result

    def _apply_revocation(self, device: str, result: "MergeResult") -> None:
        """Entries past a revoked device's cut-off stop counting: quarantine them and re-derive."""
        member = self.roster.members.get(device)
        if member is None or member.cut_off is None:
            return
        rows = self.conn.execute("SELECT n, entry FROM sync_log WHERE device = ? AND n > ? AND status != 'quarantined'",
                                 (device, member.cut_off)).fetchall()
        if not rows:
            return
        self.conn.execute("UPDATE sync_log SET status = 'quarantined', reason = 'after the device was revoked' "
                          "WHERE device = ? AND n > ?", (device, member.cut_off))
        ctx = kinds_mod.Context.read(self.conn, now=self.clock())
        unregister: list[str] = []
        for _n, text in rows:
            obj = json.loads(text)
            b = obj["b"]
            if obj["k"] == "scan":
                self.conn.execute("DELETE FROM sync_duplicate WHERE other_scan = ? OR kept_scan = ?",
                                  (b["scan_id"], b["scan_id"]))
                self.conn.execute("DELETE FROM checkin WHERE scan_id = ?", (b["scan_id"],))
                self.conn.execute("DELETE FROM undone_checkin WHERE scan_id = ?", (b["scan_id"],))
                self.conn.execute("DELETE FROM scan WHERE scan_id = ? AND device_id = ?", (b["scan_id"], device))
                if b.get("attendee_id"):
                    ctx.touched_pairs.add((b["list_id"], b["attendee_id"]))
            elif obj["k"] == "undo":
                self.conn.execute("DELETE FROM undone_checkin WHERE scan_id = ? AND device_id = ?",
                                  (b["scan_id"], device))
                row = self.conn.execute("SELECT list_id, attendee_id FROM scan WHERE scan_id = ?",
                                        (b["scan_id"],)).fetchone()
                if row and row[1]:
                    ctx.touched_pairs.add(tuple(row))
            elif obj["k"] == "edit":
                self.conn.execute("UPDATE session_edit SET undo_of = NULL WHERE undo_of IN "
                                  "(SELECT id FROM session_edit WHERE edit_key = ?)", (b["edit_key"],))
                self.conn.execute("DELETE FROM session_edit WHERE edit_key = ?", (b["edit_key"],))
                ctx.touched_sessions.add(b["session_id"])
            elif obj["k"] == "meeting":
                self.conn.execute("DELETE FROM meeting_edit WHERE edit_key = ?", (b["edit_key"],))
                ctx.touched_meetings.add(b["meeting_id"])
            elif obj["k"] == "badge":
                self._unapply_badge(b)
                ctx.touched_reference.add("badge")
                ctx.recheck_serials.add(b["serial"])
            elif obj["k"] == "window":
                self.conn.execute("DELETE FROM list_window_edit WHERE edit_key = ? AND device_id = ?",
                                  (b["edit_key"], device))
                ctx.touched_lists.add(b["list_id"])
                ctx.recheck_lists.add(b["list_id"])
            elif obj["k"] == "register":
                unregister.append(b["attendee_id"])
        for attendee_id in unregister:       # after its badges were taken back (the log's order)
            self._unapply_registration(device, attendee_id, ctx)
        self._release_walkins(ctx)
        self._derive(ctx, result)

    def _release_walkins(self, ctx) -> None:
        """A walk-in that a revoked desk registered past its cut-off stays only while another
        device relies on them: when the device that relied on them is revoked in turn (its marks
        or check-ins past its cut-off withdrawn), they are taken back — as on a device that heard
        of both revocations the other way round."""
        for device, attendee_id in self.conn.execute(
                f"SELECT l.device, l.key FROM sync_log l JOIN attendee a ON a.id = l.key AND a.registered_by = l.device "
                f"WHERE l.kind = 'register' AND l.status = 'quarantined' {PARTIAL} "
                "AND l.reason = 'after the device was revoked'").fetchall():
            self._unapply_registration(device, attendee_id, ctx)

    def _unapply_registration(self, device: str, attendee_id: str, ctx) -> None:
        """Take back a person a revoked desk registered past its cut-off — unless another device
        relies on them (a check-in it made, a badge another desk issued, a meeting attendance mark
        naming them: :meth:`_relied_on`): then
        the person stays, and staff see the registration in the quarantined list."""
        if self._relied_on(device, attendee_id):
            return
        try:
            with self.store.atomic():
                self.conn.execute("DELETE FROM attendee WHERE id = ? AND registered_by = ?", (attendee_id, device))
            ctx.touched_reference.add("attendee")
        except sqlite3.IntegrityError:
            pass

    def _relied_on(self, device: str, attendee_id: str) -> bool:
        """Does an entry of another device name this person (:attr:`kinds.Kind.people`: a scan, a
        badge, a meeting's attendance marks) — one that applied, waits, or was quarantined only by
        the re-check (each got past the "unknown attendee" check)? The same test a device that
        never had the person makes when such an entry waits for them (:meth:`_revive_walkins`), so
        the outcome does not depend on arrival order. An entry of the revoked desk itself past its
        cut-off is quarantined, and one before it cannot name a person it registered later: the
        desk never vouches for its own walk-ins."""
        naming = {name: kind.people for name, kind in kinds_mod.KINDS.items() if kind.people is not None}
        # instr() picks the few entries whose text holds the id (a walk-in's id is letters and
        # digits, written as they are in the JSON); the kind's own reading of the body decides
        for kind_name, text in self.conn.execute(
                f"SELECT kind, entry FROM sync_log WHERE device != ? AND kind IN ({', '.join('?' * len(naming))}) "
                "AND instr(entry, ?) AND (status IN ('ok', 'pending') OR reason LIKE ?)",
                (device, *naming, attendee_id, kinds_mod.RECHECKED + "%")):
            try:
                if attendee_id in naming[kind_name](json.loads(text)["b"]):
                    return True
            except (ValueError, TypeError, KeyError, AttributeError):
                continue
        return False

    def _revive_walkins(self, ctx, result: "MergeResult") -> None:
        """Entries of other devices waiting for a person that a revoked desk registered past its
        cut-off (found by the attack: a walk-in checked in elsewhere vanished on devices that got
        the desk's revocation and its data together — "unknown attendee" for 6 h — but stayed on
        devices that had the data first): the registration is applied after all (it stays
        quarantined in the log, listed for staff), and the waiting entries are tried again — until
        none waits for such a person (a meeting's marks name several, one reason at a time)."""
        while self._revive_walkins_once(ctx):
            self._retry_pending(ctx, result)

    def _revive_walkins_once(self, ctx) -> int:
        unknown = kinds_mod.UNKNOWN_ATTENDEE
        waiting = {}
        for device, reason in self.conn.execute(
                f"SELECT device, reason FROM sync_log WHERE status = 'pending' {PARTIAL} AND reason LIKE ?",
                (unknown + "%",)):
            waiting.setdefault(reason[len(unknown):], set()).add(device)
        if not waiting:
            return 0
        register = kinds_mod.KINDS["register"]
        revived = 0
        for device, n, text in self.conn.execute(
                "SELECT device, n, entry FROM sync_log WHERE kind = 'register' AND status = 'quarantined' "
                "AND reason = 'after the device was revoked' AND key IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(waiting)),)).fetchall():
            b = json.loads(text)["b"]
            if not (waiting[b["attendee_id"]] - {device}) or b["attendee_id"] in ctx.attendees:
                continue
            try:
                register.validate(ctx, device, b)
                with self.store.atomic():
                    register.apply(ctx, device, b)
            except (kinds_mod.Invalid, sqlite3.Error):
                continue
            revived += 1
        return revived

    def _unapply_badge(self, b: dict) -> None:
        """Take back a revoked device's badge issue or revocation (found by an attack: a stolen
        desk's revocation of a real badge outlived the desk's own revocation). What other devices
        said about the same badge, still standing in the log, is applied again."""
        serial = b["serial"]
        others = [json.loads(t)["b"] for (t,) in self.conn.execute(
            "SELECT entry FROM sync_log WHERE kind = 'badge' AND status = 'ok' AND key = ?",
            (f"{serial}/{b['action']}",))]
        if b["action"] == "revoke":
            self.conn.execute("UPDATE badge SET revoked_at = NULL WHERE serial = ? AND revoked_at = ?",
                              (serial, b["at"]))
            for other in others:
                self.conn.execute("UPDATE badge SET revoked_at = ? WHERE serial = ? AND "
                                  "(revoked_at IS NULL OR revoked_at > ?)", (other["at"], serial, other["at"]))
        elif not others:
            self.conn.execute("DELETE FROM badge WHERE serial = ? AND issued_at = ?", (serial, b["at"]))

    # ---------------------------------------------------------------- heads
    def heads(self) -> dict[str, tuple[int, str]]:
        """Per device: the number and link of the last entry held."""
        # one index seek per device (a skip-scan over the primary key), not a pass over every entry:
        # this runs after each merge and every quarter second, and the log holds 200,000 entries
        # at 20 devices x 10,000 (1.4 ms -> 0.01 ms at 30,000 entries)
        return {d: (n, lk) for d, n, lk in self.conn.execute(
            "WITH RECURSIVE d(device) AS (SELECT min(device) FROM sync_log UNION ALL "
            "SELECT (SELECT min(device) FROM sync_log WHERE device > d.device) FROM d WHERE d.device IS NOT NULL) "
            "SELECT l.device, l.n, l.link FROM d JOIN sync_log l ON l.device = d.device "
            "AND l.n = (SELECT max(n) FROM sync_log m WHERE m.device = d.device)")}

    # ---------------------------------------------------------------- local rows → own log
    def collect_local(self) -> int:
        """Sign this device's rows that are not in its log yet (scans, undos, edits). Returns how
        many were added. Rows naming another device are not signed: a device vouches only for
        what it did."""
        if self.identity is None:
            return 0
        with self.store.atomic():
            added = self._collect_in_transaction()
        self.note_committed()
        return added

    def _local_mark(self) -> tuple[int, int]:
        """Moves whenever anything is written to the database: by another connection (SQLite's
        data_version) or by this one (its count of changed rows, rolled back or not)."""
        return self.store.data_version(), self.store.conn.total_changes

    def note_committed(self) -> None:
        """A merge or a collection has just committed. Each collects this device's new rows first,
        under the write lock, and (but for one row, below) writes none of its own after: so until
        the database is written again, there is nothing to collect (the collection reads every scan
        of this device — 4 ms at 10,000 — and a merge of peers' logs in 1 MB messages ran it a dozen
        times). The one row of its own a merge writes, a revocation receipt (``seen``), leaves it
        to be collected."""
        if self._own_rows_written:          # (a receipt: the next merge or collection signs it)
            self._own_rows_written = False
            self._collected = None
        elif not self.store.conn.in_transaction:
            self._collected = self._local_mark()

    @contextmanager
    def writing_nothing_to_collect(self):
        """Around a write by this connection that makes no row of this device's log (the daemon's
        status line, four times a second): if everything was collected before it, it still is
        after it — unless another connection committed meanwhile (its rows are collected)."""
        before = self._local_mark()
        yield
        if self._collected == before and not self.store.conn.in_transaction \
                and self.store.data_version() == before[0]:
            self._collected = (before[0], self.store.conn.total_changes)

    def _collect_in_transaction(self) -> int:
        if self.identity is None:
            return 0
        if self._collected is not None and self._collected == self._local_mark():
            return 0                # nothing written since everything was collected (see note_committed)
        me = self.identity.device
        found = []
        allowed = ROLES.get(self.identity.role, ())
        for kind in kinds_mod.KINDS.values():
            if kind.collect is not None and kind.name in allowed:
                found += [(t, kind.name, key, body) for key, t, body in kind.collect(self.conn, me)]
        if not found:
            return 0
        found.sort(key=lambda f: (f[0], f[1], f[2]))
        n, prev = self.heads().get(me, (0, genesis(self._event_id, me)))
        rows = []
        ctx = kinds_mod.Context.read(self.conn, now=self.clock())
        for t, kind, key, body in found:
            try:
                entry, sig = sign_entry(self.identity, event_id=self._event_id, n=n + 1, prev=prev, t=t, kind=kind,
                                        body=body)
            except (ValueError, TypeError) as exc:
                # a row that cannot be signed (e.g. an entry over MAX_ENTRY bytes) is reported and
                # left out; the others go on (it ended the daemon's local loop, attack round 4)
                self._unsignable(kind, key, str(exc))
                continue
            n += 1
            prev = link(entry, sig)
            try:        # our own rows are checked like anyone's: a bad one is listed, never sent as good
                ctx.entry_time = t
                kinds_mod.KINDS[kind].validate(ctx, me, body)
                status, reason = "ok", ""
            except kinds_mod.Invalid as exc:
                status, reason = ("pending" if exc.pending else "quarantined"), exc.reason
            rows.append((me, n, entry, sig, prev, kind, key, status, reason))
        _insert_log_rows(self.conn, rows)
        return len(rows)

    def _unsignable(self, kind: str, key: str, why: str) -> None:
        """Report this device's row ``kind`` ``key`` that cannot be signed: once per engine in the
        log and the list of refusals staff see (``sync status``); it stays in the database, never
        sent (every device would refuse it)."""
        if (kind, str(key)) in self._skipped:
            return
        self._skipped.add((kind, str(key)))
        log.warning("this device's %s %s cannot be signed (%s): left out of the sync", kind, str(key)[:80], why)
        self._record_refusal(f"this device's {kind} {str(key)[:80]}", f"cannot be signed, left out of the sync: {why}", 0)

    # ---------------------------------------------------------------- what to send
    def bundles_since(self, theirs: dict[str, int], *, max_bytes: int = MAX_BUNDLE,
                      roster_known: set[str] | None = None) -> list[dict]:
        """What a device with log heads ``theirs`` lacks, as bundles of at most ``max_bytes``.

        Sized by the bytes a bundle takes as sent: an entry is JSON text carried inside a JSON
        message, so its quotes and backslashes are escaped again on the wire (12–18 % more for
        real entries, up to twice for a scanned QR full of quotes). Sizing by the raw text once
        built 9.4 MB bundles from a 12,000-scan backlog that no frame could carry, refused on
        every retry. An entry is at most ``log.MAX_ENTRY`` bytes, so one always fits."""
        roster = [[s, g] for k, (s, g) in sorted(self.roster.statements.items())
                  if roster_known is None or k not in roster_known]
        bundles: list[dict] = []
        current: dict = {"roster": roster, "runs": {}}
        size = sum(_wire_len(s) + len(g) + 6 for s, g in roster) + 64
        for device, (n, _lk) in sorted(self.heads().items()):
            have = theirs.get(device, 0)
            if not isinstance(have, int) or have >= n:
                continue
            for entry, sig, number in self.conn.execute(
                    "SELECT entry, sig, n FROM sync_log WHERE device = ? AND n > ? ORDER BY n", (device, have)):
                cost = _wire_len(entry) + len(sig) + 6       # ["entry","sig"],
                if size + cost > max_bytes - 1024 and (current["runs"] or current["roster"]):
                    bundles.append(current)
                    current, size = {"roster": [], "runs": {}}, 64
                run = current["runs"].setdefault(device, {"from": number, "entries": []})
                run["entries"].append([entry, sig])
                size += cost
        if current["runs"] or current["roster"]:
            bundles.append(current)
        return bundles

    def encoded_entries(self, device: str, after: int, upto: int) -> list[bytes]:
        """Entries ``after``+1 … ``upto`` of ``device``'s log, in order, each as the JSON text of its
        ``[entry, sig]`` pair in UTF-8 — what a data message carries. SQLite's ``json_array`` makes
        them (the texts are escaped in C, with no Python object per entry: a third of the time of
        reading the rows and ``json.dumps``-ing them)."""
        return [row[0] for row in self.conn.execute(
            "SELECT CAST(json_array(entry, sig) AS BLOB) FROM sync_log WHERE device = ? AND n > ? AND n <= ? "
            "ORDER BY n", (device, after, upto))]

    # ---------------------------------------------------------------- what arrives
    def receive(self, bundle, *, source: str) -> MergeResult:
        """Check and merge a bundle from ``source`` (a peer or a file). Runs that are not
        authentic are refused (and recorded); entries that are authentic but invalid are
        quarantined. Everything that is taken in is written in one transaction."""
        result = MergeResult()
        if not isinstance(bundle, dict) or not isinstance(bundle.get("roster", []), list) \
                or not isinstance(bundle.get("runs", {}), dict):
            self.refuse(source, "not a sync bundle")
            raise KioskError(f"{source} sent something that is not sync data; refused.", code="sync_bad_data")
        statements = []
        for item in bundle.get("roster", [])[:MAX_ROSTER]:
            try:
                if not (isinstance(item, list) and len(item) == 2):
                    raise KioskError("a malformed roster statement", code="sync_bad_roster")
                key, body = self.roster.check(*item)
            except KioskError as exc:
                result.refused.append(f"roster: {exc.message}")
                continue
            if key not in self.roster.statements:
                statements.append((key, body, *item))
        try:
            with self.store.atomic():
                self._collect_in_transaction()            # our own rows first: they are ours before anyone's
                if statements:
                    self._store_statements(statements)
                    for _k, body, _s, _g in statements:
                        if body["k"] == "revoke":
                            self._apply_revocation(body["d"], result)
                heads = self.heads()
                new_entries: list[Entry] = []
                for device, run in sorted(bundle.get("runs", {}).items()):
                    try:
                        new_entries += self._check_run(device, run, heads)
                    except RunError as exc:
                        result.refused.append(f"{str(device)[:40]}: {exc}")
                self._merge(new_entries, result)
                for reason in result.refused:
                    self._record_refusal(source, reason, 0)
        except BaseException:
            self.roster = self._load_roster()      # statements of a rolled-back merge are not kept in memory
            raise
        return result

    def _check_run(self, device, run, heads) -> list[Entry]:
        if not isinstance(device, str):
            raise RunError("a run without a device")
        member = self.roster.members.get(device)
        if member is None:
            raise RunError("not an enrolled device")
        if not (isinstance(run, dict) and type(run.get("from")) is int and isinstance(run.get("entries"), list)):
            raise RunError("a malformed run")
        start, items = run["from"], run["entries"]
        have, have_link = heads.get(device, (0, genesis(self._event_id, device)))
        if start < 1 or start > have + 1:
            raise RunError(f"starts at {start}, but entries up to {have} are all we hold (a gap)")
        if start <= have:       # overlap with what we hold: it must be the same entries (no fork)
            overlap = have - start + 1
            if overlap >= len(items):
                last = items[-1]
                n_last = start + len(items) - 1
                stored = self.conn.execute("SELECT entry, sig FROM sync_log WHERE device = ? AND n = ?",
                                           (device, n_last)).fetchone()
                if not (isinstance(last, list) and stored and list(stored) == last):
                    raise RunError(f"entry {n_last} differs from the one we hold (a fork or a forgery)")
                return []
            stored = self.conn.execute("SELECT entry, sig FROM sync_log WHERE device = ? AND n = ?",
                                       (device, have)).fetchone()
            if list(stored) != items[overlap - 1]:
                raise RunError(f"entry {have} differs from the one we hold (a fork or a forgery)")
            items = items[overlap:]
        # a revoked device's entries past its cut-off are taken in (and quarantined by _apply_one), as
        # on a device that had them before it heard of the revocation: every device holds the same log,
        # so what depends on them (a walk-in someone relied on) comes out the same in any order
        return verify_run(member, event_id=self._event_id, start=have + 1, prev=have_link, items=items)

    def _merge(self, entries: list[Entry], result: MergeResult) -> None:
        if not entries:
            return
        ctx = kinds_mod.Context.read(self.conn, now=self.clock())
        # each entry's replication key, once; the keys already taken by an applied entry (or an
        # existing row) looked up once for the batch
        keys = [_key_of(kinds_mod.KINDS.get(e.kind), e.body) for e in entries]
        claimed: dict[tuple[str, str], tuple[str, int]] = {}
        by_kind: dict[str, list[str]] = {}
        for e, key in zip(entries, keys):
            if key is not None:
                by_kind.setdefault(e.kind, []).append(key)
        for kind_name, kind_keys in by_kind.items():
            for i in range(0, len(kind_keys), 50_000):
                chunk = json.dumps(kind_keys[i:i + 50_000])
                for device, n, key in self.store.execute(
                        "SELECT device, n, key FROM sync_log WHERE kind = ? AND status = 'ok' AND key IN "
                        "(SELECT value FROM json_each(?))", (kind_name, chunk)):
                    claimed[(kind_name, key)] = (device, n)
                existing = kinds_mod.KINDS[kind_name].existing if kind_name in kinds_mod.KINDS else None
                if existing is not None:
                    for (key,) in self.store.execute(existing, (chunk,)):
                        claimed.setdefault((kind_name, key), ("this database", 0))
        outcomes = []
        bulk: dict[str, list[tuple[int, dict]]] = {}
        apply_one = self._apply_one
        for i, (e, key) in enumerate(zip(entries, keys)):
            outcomes.append(list(apply_one(ctx, e.device, e.n, e.kind, e.body, claimed, bulk=bulk, index=i, key=key,
                                           entry_time=e.time)))
        for kind_name, items in bulk.items():     # many entries of one kind: one executemany
            kind = kinds_mod.KINDS[kind_name]
            try:
                with self.store.atomic():
                    kind.apply_many(ctx, [body for _i, body in items])
            except sqlite3.Error:                 # one of them cannot become a row: find it, one by one
                for i, body in items:
                    try:
                        with self.store.atomic():
                            kind.apply(ctx, entries[i].device, body)
                    except sqlite3.Error as exc:
                        outcomes[i][:2] = ["quarantined", f"refused by the database ({exc})"]
        rows = []
        for e, (status, reason, key) in zip(entries, outcomes):
            self._count(result, status, e.kind)
            rows.append((e.device, e.n, e.text, e.sig, e.link, e.kind[:40], key, status, reason[:300]))
        _insert_log_rows(self.conn, rows)
        result.entries = len(rows)
        # entries waiting for something they refer to (here or from before) may be ready now
        if result.applied:
            self._retry_pending(ctx, result)
        self._revive_walkins(ctx, result)
        self._bound_pending(result)
        self._derive(ctx, result)
        result.pending = self._pending_count()

    def settle_pending(self) -> MergeResult:
        """Try the waiting entries again (one whose clock ran ahead may be due now) and quarantine
        those past the bounds. The sync daemon calls this every half minute."""
        result = MergeResult()
        with self.store.atomic():
            ctx = kinds_mod.Context.read(self.conn, now=self.clock())
            self._retry_pending(ctx, result)
            self._bound_pending(result)
            self._derive(ctx, result)
            result.pending = self._pending_count()
        return result

    def _bound_pending(self, result: MergeResult) -> None:
        """Entries that wait (for an attendee, a scan, a badge, or this device's clock) are
        bounded: at most ``MAX_PENDING_PER_DEVICE`` per device (the later ones are quarantined)
        and at most ``MAX_PENDING_AGE`` of waiting. Found by the attack: an entry from the far
        future or naming something that never comes waited for ever, and a stolen device could
        pile them up without limit. Quarantined, they stay in the log and on staff's list."""
        now = self.clock().astimezone(timezone.utc)
        me = self.device_id or ""
        self.conn.execute(f"UPDATE sync_log SET since = ? WHERE status = 'pending' {PARTIAL} AND since IS NULL",
                          (now.isoformat(timespec="seconds"),))
        hours = int(MAX_PENDING_AGE.total_seconds() // 3600)
        expired = self.conn.execute(
            "UPDATE sync_log SET status = 'quarantined', reason = substr(? || reason, 1, 300) "
            f"WHERE status = 'pending' {PARTIAL} AND device != ? AND since < ?",
            (f"waited more than {hours} h for: ", me,
             (now - MAX_PENDING_AGE).isoformat(timespec="seconds"))).rowcount
        over = 0
        for device, count in self.conn.execute(
                f"SELECT device, count(*) FROM sync_log WHERE status = 'pending' {PARTIAL} AND device != ? "
                "GROUP BY device "
                "HAVING count(*) > ?", (me, MAX_PENDING_PER_DEVICE)).fetchall():
            last_kept = self.conn.execute("SELECT n FROM sync_log WHERE status = 'pending' AND device = ? ORDER BY n "
                                          "LIMIT 1 OFFSET ?", (device, MAX_PENDING_PER_DEVICE - 1)).fetchone()[0]
            over += self.conn.execute(
                "UPDATE sync_log SET status = 'quarantined', reason = substr(? || reason, 1, 300) "
                "WHERE status = 'pending' AND device = ? AND n > ?",
                (f"more than {MAX_PENDING_PER_DEVICE} of its entries waiting: ", device, last_kept)).rowcount
        result.quarantined += expired + over

    def _pending_count(self) -> int:
        return self.conn.execute(f"SELECT count(*) FROM sync_log WHERE status = 'pending' {PARTIAL}").fetchone()[0]

    def _retry_pending(self, ctx, result: MergeResult) -> None:
        progress = True
        while progress:
            progress = False
            for device, n, text, waited_for in self.conn.execute(
                    f"SELECT device, n, entry, reason FROM sync_log WHERE status = 'pending' {PARTIAL} "
                    "ORDER BY device, n").fetchall():
                obj = json.loads(text)
                # our own waiting entries were rows here before they were signed: check, do not apply
                status, reason, _key = self._apply_one(ctx, device, n, obj["k"], obj["b"], {},
                                                       apply=device != self.device_id, entry_time=obj.get("t"))
                if status != "pending":
                    progress = True
                    self._count(result, status, obj["k"])
                if status != "pending" or reason[:300] != waited_for:
                    # (still waiting, but for something else now — the next person a meeting's
                    # marks name: _revive_walkins reads what an entry waits for from its reason)
                    self.conn.execute("UPDATE sync_log SET status = ?, reason = ? WHERE device = ? AND n = ?",
                                      (status, reason[:300], device, n))

    @staticmethod
    def _count(result: MergeResult, status: str, kind: str) -> None:
        if status == "ok":
            result.applied += 1
            result.scans += kind == "scan"
            result.edits += kind == "edit"
        elif status == "quarantined":
            result.quarantined += 1

    def _apply_one(self, ctx, device: str, n: int, kind_name: str, body: dict, claimed: dict, *,
                   apply: bool = True, bulk: dict | None = None, index: int = 0,
                   key: str | None | bool = False, entry_time: str | None = None) -> tuple[str, str, str | None]:
        """Check one entry and, if it is valid, make its rows: (status, reason, replication key).
        ``key``: the entry's replication key when the caller has worked it out already."""
        member = self.roster.members[device]
        kind = kinds_mod.KINDS.get(kind_name)
        if kind is None:
            return "quarantined", f"unknown kind {kind_name[:40]!r}", None
        if key is False:
            key = _key_of(kind, body)
        if kind_name not in ROLES.get(member.role, ()):
            return "quarantined", f"a {member.role} device may not write {kind_name}", key
        if member.cut_off is not None and n > member.cut_off:
            return "quarantined", "after the device was revoked", key
        try:
            ctx.entry_time = entry_time if type(entry_time) is str else None
            kind.validate(ctx, device, body)
        except kinds_mod.Invalid as exc:
            return ("pending" if exc.pending else "quarantined"), exc.reason, key
        except (TypeError, ValueError, AttributeError, KeyError) as exc:     # a body of an unexpected shape
            return "quarantined", f"malformed ({type(exc).__name__})", key
        other = claimed.get((kind_name, key))
        if other is None and bulk is None:      # (a batch looked its keys up at once)
            other = self.conn.execute("SELECT device, n FROM sync_log WHERE kind = ? AND key = ? AND status = 'ok' "
                                      "AND NOT (device = ? AND n = ?)", (kind_name, key, device, n)).fetchone()
        if other is not None:
            # the first valid claim on a key keeps it (honest devices make random keys: a second claim
            # is a replay or a forgery by an enrolled device, and never displaces the real entry)
            return "quarantined", f"{kind_name} {key} is already {other[0]}'s entry {other[1]}", key
        if not apply:
            pass
        elif bulk is not None and kind.apply_many is not None:
            bulk.setdefault(kind_name, []).append((index, body))
        elif kind.single_statement:           # one INSERT: it either happens whole or not at all
            try:
                kind.apply(ctx, device, body)
            except sqlite3.Error as exc:
                return "quarantined", f"refused by the database ({exc})", key
        else:
            try:
                with self.store.atomic():                # a savepoint: a row it cannot become undoes that entry only
                    kind.apply(ctx, device, body)
            except sqlite3.Error as exc:
                return "quarantined", f"refused by the database ({exc})", key
        claimed[(kind_name, key)] = (device, n)
        return "ok", "", key

    # ---------------------------------------------------------------- derived state
    def _derive(self, ctx, result: MergeResult) -> None:
        """Re-decide what the merged entries touched, with the same two rules as local writes."""
        if ctx.acknowledge:          # a revocation by another device applied: this device holds it from now
            ctx.me = self.device_id
            if kinds_mod.acknowledge_revocations(ctx, self.clock()):
                # signed now, in this transaction: a merge writes none of this device's rows after
                # its collection (note_committed), so they would wait for the next local write
                self._collect_in_transaction()
                self._own_rows_written = True   # and collect once more next time, to be sure
        for list_id in ctx.touched_lists:        # first: the re-check reads the lists' windows as they now are
            if settle_list_windows(self.store, list_id):
                result.reference.add("checkin_window")
            result.list_ids.add(list_id)
        ctx.touched_lists.clear()
        if ctx.recheck_lists or ctx.recheck_serials:
            self._recheck(ctx, result)
        if ctx.touched_pairs:
            result.duplicates += settle_checkins(self.store, ctx.touched_pairs)
            result.list_ids.update(list_id for list_id, _a in ctx.touched_pairs)
        for session_id in ctx.touched_sessions:
            settle_session(self.store, session_id)
            result.session_ids.add(session_id)
        for meeting_id in ctx.touched_meetings:
            settle_meeting(self.store, meeting_id)
            result.meeting_ids.add(meeting_id)
        result.reference |= ctx.touched_reference
        ctx.touched_reference.clear()
        ctx.touched_pairs.clear()
        ctx.touched_sessions.clear()
        ctx.touched_meetings.clear()
        ctx.touched_lists.clear()

    def _recheck(self, ctx, result: MergeResult) -> None:
        """A list's windows or a badge's revocation changed: OK scans from other devices that it
        concerns are re-checked (``kinds.recheck_scan``) — one that fails now is quarantined and
        its rows taken back; one quarantined by the re-check that passes now is applied."""
        lists, serials = sorted(ctx.recheck_lists), sorted(ctx.recheck_serials)
        ctx.recheck_lists.clear()
        ctx.recheck_serials.clear()
        ctx.rules = ctx.revoked = None
        me = self.device_id or ""
        where = " OR ".join(filter(None, (f"list_id IN ({', '.join('?' * len(lists))})" if lists else "",
                                          f"serial IN ({', '.join('?' * len(serials))})" if serials else "")))
        fields = ", ".join(kinds_mod.SCAN_FIELDS)
        for row in self.conn.execute(f"SELECT {fields} FROM scan WHERE code = 'OK' AND device_id != ? AND ({where})",
                                     (me, *lists, *serials)).fetchall():
            b = dict(zip(kinds_mod.SCAN_FIELDS, row))
            try:
                kinds_mod.recheck_scan(ctx, b)
                continue
            except kinds_mod.Invalid as exc:
                reason = exc.reason
            self.conn.execute("UPDATE sync_log SET status = 'quarantined', reason = ? WHERE kind = 'scan' AND key = ? "
                              "AND device = ? AND status = 'ok'", (reason[:300], b["scan_id"], b["device_id"]))
            self.conn.execute("DELETE FROM sync_duplicate WHERE other_scan = ? OR kept_scan = ?",
                              (b["scan_id"], b["scan_id"]))
            self.conn.execute("DELETE FROM checkin WHERE scan_id = ?", (b["scan_id"],))
            self.conn.execute("DELETE FROM undone_checkin WHERE scan_id = ?", (b["scan_id"],))
            self.conn.execute("DELETE FROM scan WHERE scan_id = ?", (b["scan_id"],))
            ctx.touched_pairs.add((b["list_id"], b["attendee_id"]))
            result.quarantined += 1
        promoted = 0
        for device, n, text in self.conn.execute(
                f"SELECT device, n, entry FROM sync_log WHERE kind = 'scan' AND status = 'quarantined' {PARTIAL} "
                "AND reason LIKE ? AND device != ?", (kinds_mod.RECHECKED + "%", me)).fetchall():
            b = json.loads(text)["b"]
            if b.get("list_id") not in lists and b.get("serial") not in serials:
                continue
            status, reason, _key = self._apply_one(ctx, device, n, "scan", b, {})
            if status == "ok":
                promoted += 1
                self._count(result, status, "scan")
            self.conn.execute("UPDATE sync_log SET status = ?, reason = ? WHERE device = ? AND n = ?",
                              (status, reason[:300], device, n))
        if promoted:
            self._retry_pending(ctx, result)     # undos that waited for those scans

    # ---------------------------------------------------------------- refusals and review
    def refuse(self, source: str, reason: str, size: int = 0) -> None:
        """Record something refused whole (a file, a message), for staff to see."""
        with self.store.atomic():
            self._record_refusal(source, reason, size)
            self.store.record(Change(sync=True), at=self.clock())

    def _record_refusal(self, source: str, reason: str, size: int) -> None:
        self.conn.execute("INSERT INTO sync_refused (at, source, reason, size) VALUES (?, ?, ?, ?)",
                          (self.clock().isoformat(timespec="seconds"), source[:200], reason[:500], size))
        self.conn.execute("DELETE FROM sync_refused WHERE id <= (SELECT max(id) FROM sync_refused) - ?",
                          (MAX_REFUSED_KEPT,))

    def quarantined(self) -> list[dict]:
        rows = self.conn.execute("SELECT device, n, kind, status, reason FROM sync_log INDEXED BY sync_log_status "
                                 "WHERE status != 'ok' "
                                 "ORDER BY device, n LIMIT 1000").fetchall()
        return [{"device": r[0], "n": r[1], "kind": r[2], "status": r[3], "reason": r[4]} for r in rows]

    def refused(self) -> list[dict]:
        rows = self.conn.execute("SELECT at, source, reason, size FROM sync_refused ORDER BY id DESC LIMIT 50")
        return [{"at": r[0], "source": r[1], "reason": r[2], "size": r[3]} for r in rows]

    def duplicates(self) -> list[dict]:
        return self.store.sync.duplicates()

    def overridden_edits(self) -> list[dict]:
        """Edits that lost to a later edit of the same session from another device."""
        return self.store.sync.overridden_edits()

    def check_compatible(self, other: Fingerprint, other_event: str, where: str) -> None:
        mine = self.fingerprint()
        if other_event != self._event_id:
            err = KioskError(f"{where} belongs to another event ({other_event}); this device is {self._event_id}.",
                             code="sync_other_event")
            err.details = {"event": other_event[:80]}
            raise err
        if other.digest != mine.digest:
            err = KioskError(f"The event data differs between this device and {where} "
                             f"({mine.differences(other)}). Load the same data on both (init-db or import) before "
                             "syncing; nothing was exchanged.", code="sync_reference_mismatch")
            err.details = {"differences": mine.differences(other)}
            raise err


# ---------------------------------------------------------------- USB / file transport
MAGIC = b"INNOFAIR-SYNC-2\n"
FILE_DOMAIN = b"innofair-sync/file/v1\0"
MAX_HEADER = 16 * 1024


def export_file(engine: SyncEngine) -> bytes:
    """Everything this device holds (every device's log and the roster), signed by this device."""
    if engine.identity is None:
        raise KioskError("Exporting needs this device's enrolled identity (--identity DIR).", code="sync_no_identity")
    from kiosk.operations import sync_collect

    sync_collect(engine.store, engine, now=engine.clock())
    bundles = engine.bundles_since({}, max_bytes=MAX_FILE)
    body = json.dumps(bundles[0] if bundles else {"roster": [], "runs": {}}, ensure_ascii=False,
                      separators=(",", ":")).encode()
    if len(body) > MAX_FILE - MAX_HEADER:
        raise KioskError("There is more to carry than one sync file holds; sync over the network.",
                         code="sync_too_big")
    fp = engine.fingerprint()
    header = json.dumps({"event": engine.event_id(), "device": engine.identity.device, "fingerprint": fp.digest,
                         "counts": fp.counts, "created": engine.clock().isoformat(timespec="seconds"),
                         "body_sha256": hashlib.sha256(body).hexdigest(), "body_size": len(body),
                         "enrolment": list(engine.identity.enrolment)}, separators=(",", ":")).encode()
    sig = b64(engine.identity.sign(FILE_DOMAIN + header)).encode()
    return MAGIC + header + b"\n" + sig + b"\n" + body


def import_file(engine: SyncEngine, blob: bytes, name: str) -> MergeResult:
    """Check a sync file whole (size, format, the exporter's enrolment and signature, every byte of
    the body) before anything in it is merged; a file that fails is refused and changes nothing
    but the list of refusals."""
    def refuse(reason: str, code: str = "sync_bad_file"):
        engine.refuse(name, reason, len(blob))
        return KioskError(f"{name} was refused: {reason}. Nothing in it was taken in.", code=code)

    if len(blob) > MAX_FILE:
        raise refuse(f"it is {len(blob) // (1024 * 1024)} MiB; a sync file is at most {MAX_FILE // (1024 * 1024)} "
                     "MiB", "sync_too_big")
    if not blob.startswith(MAGIC):
        raise refuse("it is not a kiosk sync file (or one from an older version)")
    header_line, _, rest = blob[len(MAGIC):].partition(b"\n")
    sig_line, _, body = rest.partition(b"\n")
    if len(header_line) > MAX_HEADER:
        raise refuse("its header is too long")
    try:
        header = json.loads(header_line)
        statement, enrol_sig = header["enrolment"]
        key, enrol = engine.roster.check(statement, enrol_sig)
    except KioskError as exc:
        raise refuse(f"its maker is not enrolled by this event's authority ({exc.message})") from None
    except (ValueError, KeyError, TypeError, RecursionError):   # RecursionError: "[" × 15,000
        raise refuse("its header cannot be read") from None
    if header.get("device") != enrol["d"]:
        raise refuse(f"its header names device {str(header.get('device'))[:40]!r} but it was made by {enrol['d']}")
    member_raw = bytes.fromhex(enrol["pub"])
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        Ed25519PublicKey.from_public_bytes(member_raw).verify(unb64(sig_line.decode("ascii")), FILE_DOMAIN + header_line)
    except Exception:
        raise refuse("its signature does not match (changed or forged)") from None
    if header.get("body_size") != len(body) or header.get("body_sha256") != hashlib.sha256(body).hexdigest():
        raise refuse("its content was changed after it was signed")
    known = engine.roster.members.get(enrol["d"])
    if known is not None and known.public_raw != member_raw:
        raise refuse(f"{enrol['d']} is enrolled with another key")
    if known is not None and known.cut_off is not None:
        raise refuse(f"{enrol['d']} has been revoked")
    try:
        engine.check_compatible(Fingerprint(header["fingerprint"], header.get("counts", {})), header["event"],
                                f"{name} (from {enrol['d']})")
    except KioskError as exc:
        engine.refuse(name, exc.message, len(blob))
        raise
    try:
        bundle = json.loads(body)
    except (ValueError, RecursionError):
        raise refuse("its content is not readable") from None
    if not isinstance(bundle, dict) or not isinstance(bundle.get("roster", []), list) \
            or not isinstance(bundle.get("runs", {}), dict):
        # (checked before the maker's enrolment is added to it: a body [1,2,3] or {"roster": "x"}
        # from a device not known here yet crashed the import with AttributeError, exit 3)
        raise refuse("its content is not sync data (a bundle of roster statements and logs)")
    if key not in engine.roster.statements:
        bundle.setdefault("roster", []).insert(0, [statement, enrol_sig])
    from kiosk.operations import merge_from_sync

    return merge_from_sync(engine.store, engine, bundle, source=f"{name} (from {enrol['d']})",
                           now=engine.clock()).result
