"""What a log entry may say, checked before it touches any row — and how it becomes rows.

Each kind of entry is one :class:`Kind`: the local rows it replicates (``collect``), the
checks on a body (``validate``: types, bounds, references, dates within the event ± a margin,
authorship), and how a valid body becomes rows (``apply``). A check that fails raises
:class:`Invalid`; ``pending=True`` means "refers to something not seen yet" (an undo before its
scan, a scan of an attendee registered on another desk): the entry waits and is tried again
whenever more entries arrive. Anything else is quarantined: kept in the log (it still travels,
so every device reaches the same verdict), listed for staff, never applied.

A new kind is one more ``register(Kind(...))`` plus its roles in ``identity.ROLES`` (the
matchmaking meetings' edits, kind ``meeting``, are the example at the end).
"""

from __future__ import annotations

import json
import operator
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Callable
from zoneinfo import ZoneInfo

from kiosk.models.schedule import observe_hlc
from kiosk.models.text_rules import hidden_character

MARGIN = timedelta(days=1)          # dates accepted this long before the first and after the last day
NOTICE_MAX = 300                    # the schedule desk's cap (Schedule.plan)
TEXT_MAX = 300
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@#-]{0,79}$")
HLC = re.compile(r"^[0-9]{15}\.[0-9]{5}$")
SERIAL = re.compile(r"^[A-Z0-9]{1,16}-[0-9]{1,4}$")
UNKNOWN_ATTENDEE = "unknown attendee "     # a waiting entry's reason, then the id (see Kind.people)
CODES = {"OK", "ALREADY", "INVALID", "REVOKED", "NOT_ELIGIBLE", "OUTSIDE_WINDOW", "UNKNOWN"}
EDIT_KINDS = {"move", "retime", "notice", "cancel", "reinstate", "revert", "undo"}


class Invalid(Exception):
    def __init__(self, reason: str, *, pending: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.pending = pending


@dataclass
class Context:
    """What validation checks against; read once per merge and grown as entries apply."""

    conn: sqlite3.Connection
    tz: ZoneInfo
    earliest: datetime
    latest: datetime
    lists: set[str]
    rooms: set[str]
    sessions: set[str]
    attendees: set[str]
    #: this device's own clock at the merge: a clock reading far ahead of it waits (see MAX_LEAD)
    now: datetime | None = None
    touched_pairs: set = field(default_factory=set)
    touched_reference: set = field(default_factory=set)
    touched_sessions: set = field(default_factory=set)
    touched_meetings: set = field(default_factory=set)
    touched_lists: set = field(default_factory=set)          # lists whose opening windows changed
    #: what a remote OK scan is re-checked against (read when first needed; see recheck_scan)
    rules: dict | None = None            # list id -> (attendee types, every window it has had)
    types: dict | None = None            # attendee id -> type
    revoked: dict | None = None          # badge serial -> when it was revoked
    #: the signed clock ("t") of the entry being validated, when the engine knows it
    entry_time: str | None = None
    walkins: dict | None = None          # device -> walk-ins it registered (read when first needed)
    recheck_lists: set = field(default_factory=set)          # their windows changed: re-check their OK scans
    recheck_serials: set = field(default_factory=set)        # revoked (or no longer): re-check their OK scans
    #: this device (set when needed; None: no identity) and whether a badge revocation was applied
    #: (see acknowledge_revocations)
    me: str | None = None
    acknowledge: bool = False

    @classmethod
    def read(cls, conn: sqlite3.Connection, now: datetime | None = None) -> "Context":
        tz_name, first, last = conn.execute("SELECT timezone, first_day, last_day FROM event").fetchone()
        tz = ZoneInfo(tz_name)
        earliest = datetime.combine(date.fromisoformat(first), time(0), tz) - MARGIN
        latest = datetime.combine(date.fromisoformat(last) + timedelta(days=1), time(0), tz) + MARGIN
        ids = lambda sql: {r[0] for r in conn.execute(sql)}  # noqa: E731
        return cls(conn, tz, earliest, latest, ids("SELECT id FROM checkin_list"), ids("SELECT id FROM room"),
                   ids("SELECT id FROM session"), ids("SELECT id FROM attendee"), now)

    # ------------------------------------------------------------ field checks
    def instant(self, value, what: str) -> datetime:
        if not isinstance(value, str) or len(value) > 40:
            raise Invalid(f"{what} is not a time")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(f"{what} is not a time: {value[:40]!r}") from None
        if moment.tzinfo is None:
            raise Invalid(f"{what} has no time zone")
        if not (self.earliest <= moment < self.latest):
            raise Invalid(f"{what} {value[:25]} is outside the event (±{MARGIN.days} day)")
        return moment


def text(value, what: str, limit: int = TEXT_MAX, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise Invalid(f"{what} is not text of at most {limit} characters")
    return value


def key(value, what: str) -> str:
    if not isinstance(value, str) or not KEY.match(value):
        raise Invalid(f"{what} is not a valid id")
    return value


def exact_keys(body: dict, names, what: str) -> None:
    if body.keys() != (names if isinstance(names, (set, frozenset)) else set(names)):
        raise Invalid(f"a {what} with fields {sorted(body)[:12]}")


@dataclass(frozen=True)
class Kind:
    name: str
    key: Callable[[dict], str]
    validate: Callable[[Context, str, dict], None]          # (context, author device, body)
    apply: Callable[[Context, str, dict], None]
    collect: Callable[[sqlite3.Connection, str], list[tuple[str, str, dict]]] | None = None   # (key, time, body)
    single_statement: bool = False      # apply is one SQL statement (no savepoint needed around it)
    #: apply for many valid bodies at once (a large merge); must do exactly what apply does for each
    apply_many: Callable[[Context, list[dict]], None] | None = None
    #: SQL selecting which of the keys in a JSON array (?) already have a row here
    existing: str | None = None
    #: keys of rows that came with the event data (recorded when the database meets its authority)
    baseline: Callable[[sqlite3.Connection], list[str]] | None = None
    #: the people a valid body names (attendee ids): an entry of another device that names a walk-in
    #: keeps that walk-in when the desk that registered them is revoked (``SyncEngine._relied_on``).
    #: A kind with people checks them in ``validate`` after every check that quarantines on the
    #: entry and the event's data alone, and before any other that waits, with
    #: ``Invalid(f"{UNKNOWN_ATTENDEE}{id}", pending=True)`` — so an entry waits for a person only
    #: when it would count as relying on them, whatever order entries arrive in. (Checks that need
    #: what arrives later come after: a scan's re-check — a scan quarantined by it still counts —
    #: and whether a revoked badge was issued before its revocation.)
    people: Callable[[dict], list[str]] | None = None


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    KINDS[kind.name] = kind


# ---------------------------------------------------------------- scans
SCAN_FIELDS = ("scan_id", "list_id", "device_id", "scanned_at", "payload", "serial", "attendee_id", "code", "detail")
SCAN_KEYS = frozenset(SCAN_FIELDS)


def _scan_validate(ctx: Context, author: str, b: dict) -> None:
    # the checks of key() and text() written out: this runs for every scan of every merge
    if b.keys() != SCAN_KEYS:
        raise Invalid(f"a scan with fields {sorted(b)[:12]}")
    scan_id = b["scan_id"]
    if type(scan_id) is not str or not _key_match(scan_id):
        raise Invalid("scan id is not a valid id")
    if b["device_id"] != author:
        raise Invalid(f"a scan by {str(b['device_id'])[:40]!r} in {author}'s log")
    if b["list_id"] not in ctx.lists:
        raise Invalid(f"unknown list {str(b['list_id'])[:40]!r}")
    ctx.instant(b["scanned_at"], "scan time")
    payload, detail, serial, code, attendee = b["payload"], b["detail"], b["serial"], b["code"], b["attendee_id"]
    if type(payload) is not str or len(payload) > 600 or "\x00" in payload:
        raise Invalid("payload is not text of at most 600 characters")
    if serial is not None and not (type(serial) is str and _serial_match(serial)):
        raise Invalid("a malformed badge number")
    if code not in CODES:
        raise Invalid(f"unknown verdict {str(code)[:20]!r}")
    if type(detail) is not str or len(detail) > 1000 or "\x00" in detail:
        raise Invalid("detail is not text of at most 1000 characters")
    if attendee is not None:
        if type(attendee) is not str or not _key_match(attendee):
            raise Invalid("attendee id is not a valid id")
        if attendee not in ctx.attendees:
            raise Invalid(f"{UNKNOWN_ATTENDEE}{attendee}", pending=True)
    elif code == "OK":
        raise Invalid("an OK scan without an attendee")
    if b["code"] == "OK":
        recheck_scan(ctx, b)


#: A synced OK scan must fall within one of its list's windows, give or take this much (the
#: scanning device's clock may be a few minutes off; the door may open a little early).
RECHECK_MARGIN = timedelta(minutes=15)
RECHECKED = "re-checked here: "


def _rules(ctx: Context) -> dict:
    if ctx.rules is None:
        windows: dict[str, list] = {}

        def add(list_id, start, end):
            windows.setdefault(list_id, set()).add((start, end))

        for list_id, start, end in ctx.conn.execute('SELECT list_id, start, "end" FROM checkin_window'):
            add(list_id, start, end)
        for list_id, text_ in ctx.conn.execute("SELECT list_id, windows FROM list_window_published "
                                               "UNION ALL SELECT list_id, windows FROM list_window_edit"):
            for start, end in json.loads(text_):
                add(list_id, start, end)
        ctx.rules = {
            list_id: (frozenset(types.split(",")),
                      sorted((datetime.fromisoformat(a) - RECHECK_MARGIN, datetime.fromisoformat(z) + RECHECK_MARGIN)
                             for a, z in windows.get(list_id, ())))
            for list_id, types in ctx.conn.execute("SELECT id, types FROM checkin_list")}
    return ctx.rules


def recheck_scan(ctx: Context, b: dict) -> None:
    """Would this device have said OK? A remote OK scan is re-derived here (found by the attack:
    synced OK scans were taken on trust): the attendee's type is on the list, the scan falls within
    a window the list has had (published or changed on the day, ± ``RECHECK_MARGIN``: a device
    that had not yet heard of a change is not punished for it), and the badge was not revoked
    before the scan. One that fails is quarantined with the reason (listed for staff); it is
    looked at again whenever the list's windows or that badge's revocation change, so every device
    reaches the same verdict whatever order entries arrive in. The badge's signature is not
    checked again (the scanning device did; 0.1 ms each would break the convergence budget)."""
    if ctx.types is None:
        ctx.types = dict(ctx.conn.execute("SELECT id, type FROM attendee"))
    if ctx.revoked is None:
        ctx.revoked = revocations_in_force(ctx.conn)
    types, windows = _rules(ctx)[b["list_id"]]
    kind = ctx.types.get(b["attendee_id"])
    if kind not in types:
        raise Invalid(f"{RECHECKED}{kind} is not on the list {b['list_id']}")
    moment = datetime.fromisoformat(b["scanned_at"])
    if not any(start <= moment < end for start, end in windows):
        raise Invalid(f"{RECHECKED}scanned at {b['scanned_at'][:16]}, when the list {b['list_id']} was not open")
    serial = b["serial"]
    if serial is not None:
        if serial.rsplit("-", 1)[0] != b["attendee_id"]:
            raise Invalid(f"{RECHECKED}badge {serial} is not {b['attendee_id']}'s")
        revoked_at = ctx.revoked.get(serial)
        if revoked_at is not None and revoked_at <= moment:
            raise Invalid(f"{RECHECKED}badge {serial} was revoked before the scan")


#: Honest devices' clocks differ by a few minutes: a revocation counts from this long before the
#: first time a device other than its author held it.
REVOKE_GRACE = timedelta(minutes=5)


def revocations_in_force(conn: sqlite3.Connection) -> dict[str, datetime]:
    """Badge serial → from when a revocation takes back *other devices'* OK scans.

    Found by an attack: a stolen desk that sets its entry clock back can sign a revocation dated
    hours back, and every real check-in with that badge since would be quarantined everywhere.
    The receivers hold a bound the thief cannot forge: when they first held the revocation.
    Each device that takes in a revocation signed by another device says so in a signed ``seen``
    entry of its own log (:func:`acknowledge_revocations`); the revocation counts from
    ``max(its own date, the first such receipt − REVOKE_GRACE)``. Until a device other than its
    author has held it, it takes back no one else's check-in. The same on every device once they
    hold the same entries, whatever order they came in. Revocations that came with the event data
    (no entry) count from their date."""
    out: dict[str, datetime] = {}
    for serial, revoked_at, device, seen in conn.execute(
            "SELECT b.serial, b.revoked_at, l.device, (SELECT group_concat(s.seen_at, ' ') "
            "FROM badge_revocation_seen s WHERE s.rev_device = l.device AND s.rev_n = l.n "
            "AND s.seen_by != l.device AND s.serial = b.serial) "
            "FROM badge b LEFT JOIN sync_log l ON l.kind = 'badge' AND l.key = b.serial || '/revoke' "
            "AND l.status = 'ok' WHERE b.revoked_at IS NOT NULL"):
        at = datetime.fromisoformat(revoked_at)
        if device is None:
            out[serial] = at
        elif seen:
            first = min(datetime.fromisoformat(x) for x in seen.split(" "))
            out[serial] = max(at, first - REVOKE_GRACE)
    return out


_key_match = KEY.match
_serial_match = SERIAL.match


def _scan_apply(ctx: Context, author: str, b: dict) -> None:
    ctx.conn.execute(f"INSERT INTO scan ({', '.join(SCAN_FIELDS)}) VALUES ({', '.join('?' * len(SCAN_FIELDS))})",
                     tuple(b[k] for k in SCAN_FIELDS))
    if b["code"] == "OK":
        ctx.touched_pairs.add((b["list_id"], b["attendee_id"]))


_scan_row = operator.itemgetter(*SCAN_FIELDS)       # body → the row's values, in C


def _scan_apply_many(ctx: Context, bodies: list[dict]) -> None:
    ctx.conn.executemany(f"INSERT INTO scan ({', '.join(SCAN_FIELDS)}) VALUES ({', '.join('?' * len(SCAN_FIELDS))})",
                         map(_scan_row, bodies))
    ctx.touched_pairs.update((b["list_id"], b["attendee_id"]) for b in bodies if b["code"] == "OK")


def _scan_collect(conn: sqlite3.Connection, device: str):
    rows = conn.execute(f"SELECT {', '.join(SCAN_FIELDS)} FROM scan s WHERE device_id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM sync_log l WHERE l.kind = 'scan' AND l.key = s.scan_id) ORDER BY rowid",
                        (device,)).fetchall()
    return [(r[0], r[3], dict(zip(SCAN_FIELDS, r))) for r in rows]


def _named(b: dict) -> list[str]:
    """The one person a scan or a badge entry names."""
    return [b["attendee_id"]] if b.get("attendee_id") else []


register(Kind("scan", lambda b: b.get("scan_id"), _scan_validate, _scan_apply, _scan_collect, single_statement=True,
              apply_many=_scan_apply_many, people=_named,
              existing="SELECT scan_id FROM scan WHERE scan_id IN (SELECT value FROM json_each(?))"))


# ---------------------------------------------------------------- undoing a check-in
UNDO_KEYS = frozenset(("scan_id", "undone_at", "device_id"))

def _undo_validate(ctx: Context, author: str, b: dict) -> None:
    exact_keys(b, UNDO_KEYS, "undo")
    key(b["scan_id"], "scan id")
    if b["device_id"] != author:
        raise Invalid("an undo by another device")
    ctx.instant(b["undone_at"], "undo time")
    row = ctx.conn.execute("SELECT device_id, code FROM scan WHERE scan_id = ?", (b["scan_id"],)).fetchone()
    if row is None:
        raise Invalid(f"undo of an unknown scan {b['scan_id']}", pending=True)
    if row[0] != author:
        raise Invalid("a device may only undo its own check-ins")


def _undo_apply(ctx: Context, author: str, b: dict) -> None:
    ctx.conn.execute("INSERT OR IGNORE INTO undone_checkin (scan_id, undone_at, device_id) VALUES (?, ?, ?)",
                     (b["scan_id"], b["undone_at"], b["device_id"]))
    row = ctx.conn.execute("SELECT list_id, attendee_id FROM scan WHERE scan_id = ? AND code = 'OK'",
                           (b["scan_id"],)).fetchone()
    if row:
        ctx.touched_pairs.add(tuple(row))


def _undo_collect(conn: sqlite3.Connection, device: str):
    rows = conn.execute("SELECT scan_id, undone_at, device_id FROM undone_checkin u WHERE device_id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM sync_log l WHERE l.kind = 'undo' AND l.key = u.scan_id) ORDER BY rowid",
                        (device,)).fetchall()
    return [(r[0], r[1], {"scan_id": r[0], "undone_at": r[1], "device_id": r[2]}) for r in rows]


register(Kind("undo", lambda b: b.get("scan_id"), _undo_validate, _undo_apply, _undo_collect))


# ---------------------------------------------------------------- schedule edits
#: How far an edit's clock reading may run ahead of the receiving device's own clock. Hybrid
#: clocks bound drift this way: a reading stamped at the end of the event (found by an attack:
#: it pinned every device's clock there, so no honest edit could beat it) waits until this
#: device's clock comes within reach, instead of being applied at once.
MAX_LEAD = timedelta(minutes=5)


def check_lead(ctx: "Context", hlc_ms: int) -> None:
    if ctx.now is not None and hlc_ms > (ctx.now + MAX_LEAD).timestamp() * 1000:
        raise Invalid("its clock reading runs more than 5 minutes ahead of this device's clock", pending=True)


EDIT_FIELDS = ("edit_key", "hlc", "session_id", "kinds", "role", "device_id", "by_name", "at", "before", "after",
               "reason", "undo_of_key")
EDIT_KEYS = frozenset(EDIT_FIELDS)
STATE_FIELDS = {"room_id", "start", "end", "status", "notice"}


def _state(ctx: Context, value, what: str) -> dict:
    if not isinstance(value, str) or len(value) > 2000:
        raise Invalid(f"{what} is not a session state of at most 2000 characters (a notice is at most "
                      f"{NOTICE_MAX} characters)")
    try:
        state = json.loads(value)
    except ValueError:
        raise Invalid(f"{what} is not JSON") from None
    if not isinstance(state, dict) or set(state) != STATE_FIELDS:
        raise Invalid(f"{what} is not a session state")
    if state["room_id"] is not None and state["room_id"] not in ctx.rooms:
        raise Invalid(f"{what}: unknown room {str(state['room_id'])[:40]!r}")
    start = ctx.instant(state["start"], f"{what} start")
    end = ctx.instant(state["end"], f"{what} end")
    if end <= start:
        raise Invalid(f"{what}: ends before it starts")
    if state["status"] not in ("scheduled", "cancelled"):
        raise Invalid(f"{what}: unknown status")
    text(state["notice"], f"{what} notice", NOTICE_MAX)
    hidden = hidden_character(state["notice"])
    if hidden is not None:
        raise Invalid(f"{what} notice has an invisible or direction-changing character ({hidden})")
    return state


def _edit_common(ctx: Context, b: dict, allowed_kinds, reason_limit: int) -> int:
    """What session and meeting edits share: kinds, role, names, time and the clock reading.
    Returns the clock reading (ms) for :func:`check_lead`, which waits and so comes after every
    check that quarantines."""
    if not isinstance(b["kinds"], str) or not set(b["kinds"].split(",")) <= allowed_kinds:
        raise Invalid("unknown kinds of change")
    if b["role"] not in ("staff", "volunteer"):
        raise Invalid("unknown role")
    text(b["by_name"], "name", 100)
    text(b["reason"], "reason", reason_limit)
    at = ctx.instant(b["at"], "edit time")
    if not (isinstance(b["hlc"], str) and HLC.match(b["hlc"])):
        raise Invalid("a malformed clock reading")
    # the clock reading orders edits. A hybrid clock never runs behind its own wall time, and it
    # may run ahead of it (after seeing a later edit from a device with a faster clock) — but not
    # past the event: a clock set to the far future would make an edit beat every later one
    hlc_ms = int(b["hlc"].split(".")[0])
    if hlc_ms < at.timestamp() * 1000 - 60_000 or hlc_ms >= ctx.latest.timestamp() * 1000:
        raise Invalid("the clock reading is before the edit's time or after the event")
    return hlc_ms


def _edit_validate(ctx: Context, author: str, b: dict) -> None:
    exact_keys(b, EDIT_KEYS, "schedule edit")
    key(b["edit_key"], "edit key")
    if b["device_id"] != author:
        raise Invalid("an edit by another device")
    if b["session_id"] not in ctx.sessions:
        raise Invalid(f"unknown session {str(b['session_id'])[:40]!r}")
    check_lead(ctx, _edit_common(ctx, b, EDIT_KINDS, TEXT_MAX))
    _state(ctx, b["before"], "before")
    _state(ctx, b["after"], "after")
    if b["undo_of_key"] is not None:
        key(b["undo_of_key"], "undone edit")
        if ctx.conn.execute("SELECT 1 FROM session_edit WHERE edit_key = ?", (b["undo_of_key"],)).fetchone() is None:
            raise Invalid("undo of an edit not seen yet", pending=True)


def _edit_apply(ctx: Context, author: str, e: dict) -> None:
    c = ctx.conn
    undo_of = None
    if e["undo_of_key"]:
        undo_of = c.execute("SELECT id FROM session_edit WHERE edit_key = ?", (e["undo_of_key"],)).fetchone()[0]
    c.execute("INSERT INTO session_edit (session_id, kinds, role, device_id, by_name, at, before, after, reason, "
              "undo_of, hlc, edit_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              (e["session_id"], e["kinds"], e["role"], e["device_id"], e["by_name"], e["at"], e["before"], e["after"],
               e["reason"], undo_of, e["hlc"], e["edit_key"]))
    if undo_of:
        c.execute("UPDATE session_edit SET undone_at = coalesce(undone_at, ?) WHERE id = ?", (e["at"], undo_of))
    observe_hlc(c, e["hlc"])
    ctx.touched_sessions.add(e["session_id"])


def _edit_collect(conn: sqlite3.Connection, device: str):
    rows = conn.execute(
        "SELECT e.edit_key, e.hlc, e.session_id, e.kinds, e.role, e.device_id, e.by_name, e.at, e.before, e.after, "
        "e.reason, u.edit_key FROM session_edit e LEFT JOIN session_edit u ON u.id = e.undo_of "
        "WHERE e.device_id = ? AND e.edit_key IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM sync_log l WHERE l.kind = 'edit' AND l.key = e.edit_key) ORDER BY e.id", (device,)).fetchall()
    return [(r[0], r[7], dict(zip(EDIT_FIELDS, r))) for r in rows]


register(Kind("edit", lambda b: b.get("edit_key"), _edit_validate, _edit_apply, _edit_collect,
              existing="SELECT edit_key FROM session_edit WHERE edit_key IN (SELECT value FROM json_each(?))"))


# ---------------------------------------------------------------- matchmaking meetings
MEETING_FIELDS = ("edit_key", "hlc", "meeting_id", "kinds", "role", "device_id", "by_name", "at", "before", "after",
                  "reason")
MEETING_KINDS = {"move", "retime", "cancel", "reinstate", "held", "no_show", "attendance"}
MEETING_STATUSES = {"planned", "cancelled", "held", "no_show"}


def _meeting_state(ctx: Context, value, what: str) -> dict:
    from kiosk.models.matchmaking import STATE_FIELDS as MEETING_STATE

    if not isinstance(value, str) or len(value) > 2000:
        raise Invalid(f"{what} is not a meeting state")
    try:
        state = json.loads(value)
    except ValueError:
        raise Invalid(f"{what} is not JSON") from None
    if not isinstance(state, dict) or set(state) != MEETING_STATE:
        raise Invalid(f"{what} is not a meeting state")
    if state["table_id"] is None and state["room_id"] is None:
        raise Invalid(f"{what}: neither a table nor a room")
    if state["table_id"] is not None and ctx.conn.execute("SELECT 1 FROM meeting_table WHERE id = ?",
                                                          (str(state["table_id"])[:40],)).fetchone() is None:
        raise Invalid(f"{what}: unknown table {str(state['table_id'])[:40]!r}")
    if state["room_id"] is not None and state["room_id"] not in ctx.rooms:
        raise Invalid(f"{what}: unknown room {str(state['room_id'])[:40]!r}")
    start = ctx.instant(state["start"], f"{what} start")
    end = ctx.instant(state["end"], f"{what} end")
    if end <= start:
        raise Invalid(f"{what}: ends before it starts")
    if state["status"] not in MEETING_STATUSES:
        raise Invalid(f"{what}: unknown status")
    return state


def _meeting_validate(ctx: Context, author: str, b: dict) -> None:
    exact_keys(b, MEETING_FIELDS, "meeting edit")
    key(b["edit_key"], "edit key")
    if b["device_id"] != author:
        raise Invalid("a meeting edit by another device")
    key(b["meeting_id"], "meeting id")
    hlc_ms = _edit_common(ctx, b, MEETING_KINDS, 2000)
    _meeting_state(ctx, b["before"], "before")
    _meeting_state(ctx, b["after"], "after")
    marked = _attendance(b, checked=True)
    # checks that wait, last, and people first (see Kind.people): an attendance mark naming a
    # walk-in whom this device does not hold (yet) waits for them — it used to be quarantined, so
    # it never kept a walk-in whose desk was revoked; a mark by another device is reliance too
    for person in marked:
        if person not in ctx.attendees:
            raise Invalid(f"{UNKNOWN_ATTENDEE}{person}", pending=True)
    if ctx.conn.execute("SELECT 1 FROM meeting WHERE id = ?", (b["meeting_id"],)).fetchone() is None:
        raise Invalid(f"unknown meeting {b['meeting_id']}", pending=True)     # imported on another desk first
    check_lead(ctx, hlc_ms)


def _attendance(b: dict, *, checked: bool = False) -> list[str]:
    """The people an attendance edit marks present or absent (its reason holds
    ``{"present": [...], "absent": [...]}``), in that order; none for another kind of edit.
    ``checked``: raise :class:`Invalid` for marks of the wrong shape (else they name no one)."""
    if "attendance" not in str(b.get("kinds")).split(","):
        return []
    try:
        marks = json.loads(b["reason"])
        if not (isinstance(marks, dict) and set(marks) <= {"present", "absent"}
                and all(isinstance(v, list) for v in marks.values())):
            raise ValueError
        people = [a for mark in ("present", "absent") for a in marks.get(mark, [])]
        for person in people:
            key(person, "a marked person")
    except (ValueError, TypeError, AttributeError, Invalid):
        if checked:
            raise Invalid("attendance marks that are not lists of people present and absent") from None
        return []
    return people


def _meeting_apply(ctx: Context, author: str, e: dict) -> None:
    from kiosk.models.matchmaking import apply_attendance

    ctx.conn.execute("INSERT INTO meeting_edit (meeting_id, kinds, role, device_id, by_name, at, before, after, "
                     "reason, hlc, edit_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (e["meeting_id"], e["kinds"], e["role"], e["device_id"], e["by_name"], e["at"], e["before"],
                      e["after"], e["reason"], e["hlc"], e["edit_key"]))
    if "attendance" in e["kinds"].split(","):
        apply_attendance(ctx.conn, e["meeting_id"], e["reason"], e["at"])
    observe_hlc(ctx.conn, e["hlc"])
    ctx.touched_meetings.add(e["meeting_id"])


def _meeting_collect(conn: sqlite3.Connection, device: str):
    rows = conn.execute(
        "SELECT edit_key, hlc, meeting_id, kinds, role, device_id, by_name, at, before, after, reason FROM meeting_edit e "
        "WHERE device_id = ? AND edit_key IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM sync_log l WHERE l.kind = 'meeting' AND l.key = e.edit_key) ORDER BY id", (device,)).fetchall()
    return [(r[0], r[7], dict(zip(MEETING_FIELDS, r))) for r in rows]


register(Kind("meeting", lambda b: b.get("edit_key"), _meeting_validate, _meeting_apply, _meeting_collect,
              people=_attendance))


# ---------------------------------------------------------------- badges issued and revoked on the day
BADGE_FIELDS = frozenset(("serial", "attendee_id", "issue", "action", "at"))
BADGES_FROM = timedelta(days=365)         # badges are printed weeks before the event
#: how far a revocation may say it took effect before the clock of the entry that carries it (a
#: desk signs its revocation when it is made; found by an attack: a stolen desk dated one a year
#: back and every check-in with that badge since was quarantined on every device)
REVOKE_BEFORE_ENTRY = timedelta(minutes=5)


def _badge_validate(ctx: Context, author: str, b: dict) -> None:
    exact_keys(b, BADGE_FIELDS, "badge")
    if b["action"] not in ("issue", "revoke"):
        raise Invalid("a badge entry that neither issues nor revokes")
    if not (isinstance(b["serial"], str) and SERIAL.match(b["serial"]) and type(b["issue"]) is int
            and 1 <= b["issue"] <= 9999):
        raise Invalid("a malformed badge number")
    key(b["attendee_id"], "attendee id")
    if b["serial"] != f"{b['attendee_id']}-{b['issue']}":
        raise Invalid("a badge number that is not its attendee's")
    if not isinstance(b["at"], str):
        raise Invalid("a badge time that is not a time")
    try:
        moment = datetime.fromisoformat(b["at"])
    except ValueError:
        raise Invalid("a badge time that is not a time") from None
    if moment.tzinfo is None:
        raise Invalid("a badge time with no time zone")
    if not (ctx.earliest - BADGES_FROM <= moment < ctx.latest):
        raise Invalid("a badge time outside the year before the event")
    if b["action"] == "revoke" and ctx.entry_time is not None:
        try:
            signed = datetime.fromisoformat(ctx.entry_time)
        except ValueError:
            raise Invalid("a badge revocation whose entry time is not a time") from None
        if signed.tzinfo is None or moment < signed - REVOKE_BEFORE_ENTRY:
            raise Invalid(f"a badge revocation dated {b['at'][:16]}, before the entry that carries it "
                          f"({ctx.entry_time[:16]}): a revocation takes effect when it is made")
    if b["attendee_id"] not in ctx.attendees:      # (after every check of the entry alone: see Kind.people)
        raise Invalid(f"{UNKNOWN_ATTENDEE}{b['attendee_id']}", pending=True)
    if b["action"] == "revoke":
        row = ctx.conn.execute("SELECT issued_at FROM badge WHERE serial = ?", (b["serial"],)).fetchone()
        if row is None:
            raise Invalid(f"revocation of a badge not seen yet ({b['serial']})", pending=True)
        if row[0] and moment < datetime.fromisoformat(row[0]):
            raise Invalid(f"a revocation of badge {b['serial']} dated before the badge was issued")


def _badge_apply(ctx: Context, author: str, b: dict) -> None:
    if b["action"] == "issue":
        ctx.conn.execute("INSERT OR IGNORE INTO badge (serial, attendee_id, issue, issued_at) VALUES (?, ?, ?, ?)",
                         (b["serial"], b["attendee_id"], b["issue"], b["at"]))
    else:        # the earliest revocation stands, whichever device heard of it first
        ctx.conn.execute("UPDATE badge SET revoked_at = ? WHERE serial = ? AND (revoked_at IS NULL OR revoked_at > ?)",
                         (b["at"], b["serial"], b["at"]))
        ctx.recheck_serials.add(b["serial"])
        ctx.revoked = None
        ctx.acknowledge = True      # this device says when it first held another's (a ``seen`` entry)
    ctx.touched_reference.add("badge")


def _badge_rows(conn):
    for serial, attendee_id, issue, issued_at, revoked_at in conn.execute(
            "SELECT serial, attendee_id, issue, issued_at, revoked_at FROM badge ORDER BY issued_at, serial"):
        yield f"{serial}/issue", issued_at, {"serial": serial, "attendee_id": attendee_id, "issue": issue,
                                             "action": "issue", "at": issued_at}
        if revoked_at:
            yield f"{serial}/revoke", revoked_at, {"serial": serial, "attendee_id": attendee_id, "issue": issue,
                                                   "action": "revoke", "at": revoked_at}


def _badge_collect(conn, device: str):
    """Badges issued or revoked here since this database met its authority. (Rows have no device:
    a badge issue or revocation is signed by the desk or organiser laptop whose database it is in.)"""
    done = {r[0] for r in conn.execute("SELECT key FROM sync_log WHERE kind = 'badge' "
                                       "UNION SELECT key FROM sync_baseline WHERE kind = 'badge'")}
    return [(k, t, b) for k, t, b in _badge_rows(conn) if k not in done]


register(Kind("badge", lambda b: f"{b.get('serial')}/{b.get('action')}", _badge_validate, _badge_apply,
              _badge_collect, baseline=lambda conn: [k for k, _t, _b in _badge_rows(conn)], people=_named))


# ---------------------------------------------------------------- people registered at a desk on the day
REGISTER_FIELDS = ("attendee_id", "name", "name_local", "organisation", "country", "type", "device_id", "at")
WALKIN_ID = re.compile(r"^[A-Z0-9]{1,16}$")       # an attendee id a badge number can carry


def _register_validate(ctx: Context, author: str, b: dict) -> None:
    from kiosk.models.checkin_store import MAX_WALKINS_PER_DEVICE, check_attendee_fields
    from kiosk.models.errors import KioskError

    exact_keys(b, REGISTER_FIELDS, "registration")
    if not (isinstance(b["attendee_id"], str) and WALKIN_ID.match(b["attendee_id"])):
        raise Invalid("a malformed attendee id")
    if b["device_id"] != author:
        raise Invalid("a registration by another device")
    try:
        check_attendee_fields(name=b["name"], name_local=b["name_local"], organisation=b["organisation"],
                              country=b["country"], type_=b["type"])
    except KioskError as exc:
        raise Invalid(exc.message) from None
    if not isinstance(b["at"], str):
        raise Invalid("a registration time that is not a time")
    try:
        moment = datetime.fromisoformat(b["at"])
    except ValueError:
        raise Invalid("a registration time that is not a time") from None
    if moment.tzinfo is None:
        raise Invalid("a registration time with no time zone")
    if not (ctx.earliest - BADGES_FROM <= moment < ctx.latest):
        raise Invalid("a registration time outside the year before the event")
    row = ctx.conn.execute("SELECT registered_by FROM attendee WHERE id = ?", (b["attendee_id"],)).fetchone()
    if ctx.walkins is None:
        ctx.walkins = dict(ctx.conn.execute("SELECT registered_by, count(*) FROM attendee "
                                            "WHERE registered_by IS NOT NULL GROUP BY registered_by"))
    if row is None and ctx.walkins.get(author, 0) >= MAX_WALKINS_PER_DEVICE:
        raise Invalid(f"more than {MAX_WALKINS_PER_DEVICE} walk-ins registered by one desk")
    if row is not None and row[0] != author:
        # never overwrite a person: not the event's own attendees, not another desk's walk-ins
        raise Invalid(f"attendee {b['attendee_id']} exists already; a registration does not replace anyone")


def _register_apply(ctx: Context, author: str, b: dict) -> None:
    added = ctx.conn.execute("INSERT OR IGNORE INTO attendee (id, name, name_local, organisation, country, type, "
                     "registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (b["attendee_id"], b["name"], b["name_local"], b["organisation"], b["country"], b["type"],
                      author, b["at"])).rowcount
    if added and ctx.walkins is not None:
        ctx.walkins[author] = ctx.walkins.get(author, 0) + 1
    ctx.attendees.add(b["attendee_id"])
    if ctx.types is not None:
        ctx.types[b["attendee_id"]] = b["type"]
    ctx.touched_reference.add("attendee")


def _register_rows(conn, where: str = "", params=()):
    return conn.execute("SELECT id, name, name_local, organisation, country, type, registered_by, registered_at "
                        f"FROM attendee WHERE registered_by IS NOT NULL {where} ORDER BY registered_at, id",
                        params).fetchall()


def _register_collect(conn, device: str):
    done = {r[0] for r in conn.execute("SELECT key FROM sync_log WHERE kind = 'register' "
                                       "UNION SELECT key FROM sync_baseline WHERE kind = 'register'")}
    return [(r[0], r[7], dict(zip(REGISTER_FIELDS, r))) for r in _register_rows(conn, "AND registered_by = ?", (device,))
            if r[0] not in done]


register(Kind("register", lambda b: b.get("attendee_id"), _register_validate, _register_apply, _register_collect,
              baseline=lambda conn: [r[0] for r in _register_rows(conn)]))


# ---------------------------------------------------------------- a list's opening times changed on the day
WINDOW_FIELDS = ("edit_key", "list_id", "windows", "device_id", "by_name", "at", "hlc")


def _window_validate(ctx: Context, author: str, b: dict) -> None:
    from kiosk.models.checkin_store import MAX_WINDOWS

    exact_keys(b, WINDOW_FIELDS, "window change")
    key(b["edit_key"], "edit key")
    if b["device_id"] != author:
        raise Invalid("a window change by another device")
    if b["list_id"] not in ctx.lists:
        raise Invalid(f"unknown list {str(b['list_id'])[:40]!r}")
    text(b["by_name"], "name", 100)
    ctx.instant(b["at"], "change time")
    if not isinstance(b["windows"], str) or len(b["windows"]) > 2000:
        raise Invalid("windows that are not a list of windows")
    try:
        windows = json.loads(b["windows"])
    except ValueError:
        raise Invalid("windows that are not JSON") from None
    if not isinstance(windows, list) or len(windows) > MAX_WINDOWS:
        raise Invalid(f"more than {MAX_WINDOWS} windows, or not a list")
    previous_end = None
    for w in windows:
        if not (isinstance(w, list) and len(w) == 2 and all(isinstance(v, str) for v in w)):
            raise Invalid("a window that is not a start and an end")
        start, end = ctx.instant(w[0], "window start"), ctx.instant(w[1], "window end")
        if end <= start:
            raise Invalid("a window that ends before it opens")
        if previous_end is not None and start < previous_end:
            raise Invalid("windows overlapping or out of order")
        # the event's days exactly, as `list-window` and the desk allow (not ±1 day as other
        # times: a window on the day after let a stolen device's late scans pass the re-check)
        first = (ctx.earliest + MARGIN).date()
        last = (ctx.latest - MARGIN).date() - timedelta(days=1)
        if not (first <= start.astimezone(ctx.tz).date() <= last
                and first <= (end.astimezone(ctx.tz) - timedelta(seconds=1)).date() <= last):
            raise Invalid(f"a window outside the event days ({first} – {last})")
        previous_end = end
    if not (isinstance(b["hlc"], str) and HLC.match(b["hlc"])):
        raise Invalid("a malformed clock reading")
    hlc_ms = int(b["hlc"].split(".")[0])
    at = datetime.fromisoformat(b["at"])
    if hlc_ms < at.timestamp() * 1000 - 60_000 or hlc_ms >= ctx.latest.timestamp() * 1000:
        raise Invalid("the clock reading is before the change's time or after the event")
    check_lead(ctx, hlc_ms)


def _window_apply(ctx: Context, author: str, b: dict) -> None:
    ctx.conn.execute("INSERT INTO list_window_edit (edit_key, list_id, windows, device_id, by_name, at, hlc) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", tuple(b[k] for k in WINDOW_FIELDS))
    observe_hlc(ctx.conn, b["hlc"])
    ctx.touched_lists.add(b["list_id"])
    ctx.recheck_lists.add(b["list_id"])
    ctx.rules = None


def _window_collect(conn, device: str):
    rows = conn.execute(f"SELECT {', '.join(WINDOW_FIELDS)} FROM list_window_edit e WHERE device_id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM sync_log l WHERE l.kind = 'window' AND l.key = e.edit_key) ORDER BY hlc",
                        (device,)).fetchall()
    return [(r[0], r[5], dict(zip(WINDOW_FIELDS, r))) for r in rows]


register(Kind("window", lambda b: b.get("edit_key"), _window_validate, _window_apply, _window_collect,
              existing="SELECT edit_key FROM list_window_edit WHERE edit_key IN (SELECT value FROM json_each(?))"))


# ---------------------------------------------------------------- "I held this revocation from then on"
SEEN_FIELDS = frozenset(("by", "device", "n", "serial", "at"))


def _seen_key(b: dict) -> str | None:
    by, device, n = b.get("by"), b.get("device"), b.get("n")
    if not (isinstance(by, str) and isinstance(device, str) and type(n) is int):
        return None
    import hashlib

    return "seen-" + hashlib.sha256(f"{by}\0{device}\0{n}".encode()).hexdigest()[:40]


def _seen_validate(ctx: Context, author: str, b: dict) -> None:
    exact_keys(b, SEEN_FIELDS, "receipt")
    if b["by"] != author:
        raise Invalid("a receipt in another device's name")
    key(b["device"], "device id")
    if b["device"] == author:
        raise Invalid("a device does not vouch for receiving its own revocation")
    if not (type(b["n"]) is int and 1 <= b["n"] <= 10**9):
        raise Invalid("a receipt of a malformed entry number")
    if not (isinstance(b["serial"], str) and SERIAL.match(b["serial"])):
        raise Invalid("a malformed badge number")
    ctx.instant(b["at"], "time received")


def _seen_apply(ctx: Context, author: str, b: dict) -> None:
    ctx.conn.execute("INSERT OR IGNORE INTO badge_revocation_seen (rev_device, rev_n, serial, seen_by, seen_at) "
                     "VALUES (?, ?, ?, ?, ?)", (b["device"], b["n"], b["serial"], author, b["at"]))
    ctx.recheck_serials.add(b["serial"])
    ctx.revoked = None


def _seen_collect(conn: sqlite3.Connection, device: str):
    done = {r[0] for r in conn.execute("SELECT key FROM sync_log WHERE kind = 'seen' AND device = ?", (device,))}
    out = []
    for rev_device, rev_n, serial, at in conn.execute(
            "SELECT rev_device, rev_n, serial, seen_at FROM badge_revocation_seen WHERE seen_by = ? "
            "ORDER BY seen_at, rev_device, rev_n", (device,)):
        body = {"by": device, "device": rev_device, "n": rev_n, "serial": serial, "at": at}
        k = _seen_key(body)
        if k not in done:
            out.append((k, at, body))
    return out


register(Kind("seen", _seen_key, _seen_validate, _seen_apply, _seen_collect, single_statement=True))


def acknowledge_revocations(ctx: Context, now: datetime) -> int:
    """Record that this device holds, from ``now``, every badge revocation signed by another
    device that it has applied and not yet said it holds (it is signed as a ``seen`` entry at the
    next collection). Not with a clock outside the event: other devices would quarantine it.
    Returns how many receipts were recorded."""
    ctx.acknowledge = False
    if ctx.me is None or not (ctx.earliest <= now < ctx.latest):
        return 0
    rows = ctx.conn.execute(
        "SELECT l.device, l.n, substr(l.key, 1, length(l.key) - 7) FROM sync_log l WHERE l.kind = 'badge' "
        "AND l.status = 'ok' AND l.key LIKE '%/revoke' AND l.device != ?1 AND NOT EXISTS "
        "(SELECT 1 FROM badge_revocation_seen s WHERE s.rev_device = l.device AND s.rev_n = l.n AND s.seen_by = ?1)",
        (ctx.me,)).fetchall()
    ctx.conn.executemany("INSERT OR IGNORE INTO badge_revocation_seen (rev_device, rev_n, serial, seen_by, seen_at) "
                         "VALUES (?, ?, ?, ?, ?)", [(d, n, serial, ctx.me, now.isoformat()) for d, n, serial in rows])
    for _d, _n, serial in rows:
        ctx.recheck_serials.add(serial)
    ctx.revoked = None
    return len(rows)
