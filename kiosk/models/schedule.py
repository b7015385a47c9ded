"""Volunteers' changes to the schedule: move, retime, notice, cancel, reinstate, revert, undo.

Every change is one transaction with its audit row (who, device, when, before -> after, why).
The published room and times stay untouched beside the current ones, so the agenda can say
"was 101" and a re-imported programme cannot silently overwrite a live change. A refused
change (unknown session or room, end before start, outside the event) writes nothing.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import settle
from .errors import KioskError
from .text_rules import hidden_character

if TYPE_CHECKING:
    from .store import EventStore

FIELDS = ("room_id", "start", "end", "status", "notice")
#: Notices volunteers pick with one tap; stored as these keys and shown in the reader's language.
NOTICE_PRESETS = ("preset:late10", "preset:late15", "preset:full", "preset:moved", "preset:ended_early")


@dataclass(frozen=True)
class Warning:
    code: str            # "room_taken" | "too_few_seats"
    message: str
    other_session: str | None = None


@dataclass
class EditResult:
    session_id: str
    edit_id: int | None
    kinds: list[str]
    before: dict
    after: dict
    warnings: list[Warning] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Change:
    """A session as it differs from the published schedule (for the Changes screen)."""

    session_id: str
    at: datetime | None
    moved: tuple[str | None, str | None] | None
    retimed: tuple[tuple[datetime, datetime], tuple[datetime, datetime]] | None
    cancelled: bool
    notice: str


def _state(row) -> dict:
    return {"room_id": row[0], "start": row[1], "end": row[2], "status": row[3], "notice": row[4]}


def parse_hhmm(text: str, day: date, tz: ZoneInfo) -> datetime:
    try:
        t = time.fromisoformat(text)
    except ValueError:
        raise KioskError(f"{text!r} is not a time like 14:30.", code="bad_time") from None
    return datetime.combine(day, t, tz)


def new_edit_key() -> str:
    """An edit's replication key: random, so no one can claim a later edit's key in advance."""
    return uuid.uuid4().hex


CLOCK_MARGIN = timedelta(days=1)    # the same margin the sync accepts around the event's days


def event_window_ms(store: "EventStore") -> tuple[int, int] | None:
    """The instants (ms) a synced change may carry: the event's first day − 1 day to the day after
    its last + 1 day, in the event's time zone (what every device's sync validation accepts)."""
    row = store.execute("SELECT timezone, first_day, last_day FROM event").fetchone()
    if row is None:
        return None
    tz = ZoneInfo(row[0])
    earliest = datetime.combine(date.fromisoformat(row[1]), time(0), tz) - CLOCK_MARGIN
    latest = datetime.combine(date.fromisoformat(row[2]) + timedelta(days=1), time(0), tz) + CLOCK_MARGIN
    return int(earliest.timestamp() * 1000), int(latest.timestamp() * 1000)


def _syncs(store: "EventStore") -> bool:
    try:
        return store.execute("SELECT 1 FROM sync_authority").fetchone() is not None
    except sqlite3.OperationalError:      # a database from before the sync: nothing travels
        return False


def check_device_clock(store: "EventStore", now: datetime, *, what: str = "a change",
                       earlier: timedelta = timedelta(0)) -> None:
    """On a database enrolled in the sync, refuse to record something stamped with a clock
    outside the event's window (``earlier``: accepted this much further back, e.g. badges printed
    before the event): every other device would quarantine it, so nothing is written
    (``clock_outside_event``). A database that is not enrolled is not limited."""
    window = event_window_ms(store) if _syncs(store) else None
    wall = int(now.timestamp() * 1000)
    if window is not None and not (window[0] - earlier.total_seconds() * 1000 <= wall < window[1]):
        raise KioskError(
            f"This device's clock says {now.isoformat(timespec='minutes')}, outside the event's days (±1 day): "
            f"{what} made now could never be accepted by the other devices, so nothing was saved.",
            code="clock_outside_event",
            hint="Set the machine's clock (or pass --now with the real time of the change) and try again.")


def next_hlc(store: "EventStore", now: datetime) -> str:
    """A hybrid logical clock reading: wall time in ms, or one tick past the latest reading this
    device has made or seen (so an edit made after receiving another always sorts after it,
    whatever the two devices' clocks say). Call inside the write transaction.

    Found by an attack: one edit made on a host whose clock said 2026 (no ``--now``) set this
    clock to 2026, and every later edit of the device carried it — quarantined on every other
    device while applied here, for the rest of the event. So, on a database enrolled in the sync,
    a change at a time outside the event's window is refused (``clock_outside_event``: nothing is
    written), and a reading past the window already stored (from before this rule) is not
    carried on: the clock is re-based on the wall time, and the device recovers."""
    wall = int(now.timestamp() * 1000)
    window = event_window_ms(store) if _syncs(store) else None
    check_device_clock(store, now)
    row = store.execute("SELECT hlc FROM sync_clock WHERE id = 1").fetchone()
    last_ms, last_c = (int(x) for x in row[0].split(".")) if row else (0, 0)
    if window is not None and last_ms >= window[1] - 1:      # a reading from past the event: re-based
        last_ms, last_c = 0, 0
    value = (wall, 0) if wall > last_ms else (last_ms, last_c + 1)
    if value[1] > 99_999:            # the counter's five digits are full: carry into the milliseconds,
        value = (value[0] + 1, 0)    # so readings keep their width and still sort as text
    hlc = f"{value[0]:015d}.{value[1]:05d}"
    store.execute("INSERT INTO sync_clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc",
                  (hlc,))
    return hlc


def _hlc_value(hlc: str) -> tuple[int, int]:
    ms, counter = hlc.split(".")
    return int(ms), int(counter)


def observe_hlc(store: "EventStore", hlc: str) -> None:
    """Remember a remote reading, so this device's next edit sorts after it (never one past the
    event's window: this device would carry it on, see :func:`next_hlc`)."""
    window = event_window_ms(store)
    if window is not None and _hlc_value(hlc)[0] >= window[1]:
        return
    row = store.execute("SELECT hlc FROM sync_clock WHERE id = 1").fetchone()
    if row is None or _hlc_value(hlc) > _hlc_value(row[0]):
        store.execute("INSERT INTO sync_clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc",
                      (hlc,))


#: sessions: with no edit, exactly as published (room, times, status, notice), keeping the row's stamp
SESSION_RULE = settle.Rule(
    table="session", edit_table="session_edit", edit_key="session_id", fields=FIELDS,
    published=("published_room_id", "published_start", "published_end", "published_status", "published_notice"),
    unedited=lambda _current, pub, updated_at: ({"room_id": pub["published_room_id"], "start": pub["published_start"],
                                                 "end": pub["published_end"], "status": pub["published_status"],
                                                 "notice": pub["published_notice"]}, updated_at))


def settle_session(store: "EventStore", session_id: str) -> bool:
    """THE rule for a session's current room, times, status and notice — used by the schedule
    desk, undo, the importer and sync alike, so every device derives the same state
    (:func:`kiosk.models.settle.settle`, the same rule as meetings').

    The latest edit by (hybrid logical clock, device id) wins (edits from before the clock
    existed sort first, by id); the edits that lost stay in the audit trail. With no edit at
    all (none yet, or every one withdrawn when its device was revoked), the session exactly as
    published: room, times, status and notice. Call inside ``atomic()``. Returns whether the
    session's row changed.
    """
    return settle.settle(store, SESSION_RULE, session_id)


class Schedule:
    """Sessions as volunteers change them (a typed store of :class:`EventStore`)."""

    def __init__(self, store: "EventStore") -> None:
        self.store = store
        info = store.info
        self.tz = info.tz
        self.first_day, self.last_day = info.first_day, info.last_day

    def _current(self, session_id: str) -> dict:
        row = self.store.execute('SELECT room_id, start, "end", status, notice FROM session WHERE id = ?',
                                (session_id,)).fetchone()
        if row is None:
            raise KioskError(f"There is no session {session_id!r}.", code="unknown_session",
                             hint="`python main.py sessions` lists them.")
        return _state(row)

    def _published(self, session_id: str) -> dict:
        row = self.store.execute('SELECT published_room_id, published_start, published_end, published_status, '
                                 'published_notice FROM session WHERE id = ?', (session_id,)).fetchone()
        return {"room_id": row[0], "start": row[1], "end": row[2], "status": row[3], "notice": row[4]}

    def plan(self, session_id: str, *, room: str | None = None, start: datetime | None = None,
             end: datetime | None = None, notice: str | None = None, cancel: bool = False,
             reinstate: bool = False, revert: bool = False) -> tuple[dict, dict, list[str], list[Warning]]:
        """Check a change without writing: (before, after, kinds, warnings). Raises KioskError."""
        before = self._current(session_id)
        after = dict(before)
        kinds: list[str] = []
        if sum(bool(x) for x in (cancel, reinstate, revert)) > 1:
            raise KioskError("Choose one of cancel, reinstate or revert.", code="conflicting_flags")
        if revert:
            after = self._published(session_id)
            kinds.append("revert")
        if room is not None:
            if self.store.execute("SELECT 1 FROM room WHERE id = ?", (room,)).fetchone() is None:
                known = ", ".join(r[0] for r in self.store.execute("SELECT id FROM room ORDER BY id"))
                raise KioskError(f"There is no room {room!r}.", code="unknown_room", hint=f"Rooms: {known}")
            after["room_id"] = room
        if start is not None or end is not None:
            cur_start, cur_end = datetime.fromisoformat(before["start"]), datetime.fromisoformat(before["end"])
            new_start = start or cur_start
            new_end = end or (cur_end + (new_start - cur_start) if start is not None else cur_end)
            if new_end <= new_start:
                raise KioskError(f"The session would end ({new_end:%H:%M}) before it starts ({new_start:%H:%M}).",
                                 code="end_before_start")
            for moment in (new_start, new_end - timedelta(seconds=1)):
                if not (self.first_day <= moment.astimezone(self.tz).date() <= self.last_day):
                    raise KioskError(f"{moment:%Y-%m-%d %H:%M} is outside the event days "
                                     f"({self.first_day} – {self.last_day}).", code="outside_event")
            after["start"], after["end"] = new_start.isoformat(), new_end.isoformat()
        if notice is not None:
            hidden = hidden_character(notice)
            if hidden is not None:
                raise KioskError(f"The notice contains an invisible or direction-changing character ({hidden}), "
                                 "which would make the public screens show something else than what was typed. "
                                 "Type it again without it.", code="bad_notice")
            after["notice"] = notice.strip()[:300]
        if cancel:
            after["status"] = "cancelled"
        if reinstate:
            after["status"] = "scheduled"
        for key, kind in (("room_id", "move"), ("start", "retime"), ("end", "retime"), ("notice", "notice")):
            if after[key] != before[key] and kind not in kinds and "revert" not in kinds:
                kinds.append(kind)
        if after["status"] != before["status"] and "revert" not in kinds:
            kinds.append("cancel" if after["status"] == "cancelled" else "reinstate")
        return before, after, kinds, self.warnings(session_id, after)

    def warnings(self, session_id: str, state: dict) -> list[Warning]:
        """Another session in that room (or in the hall it is part of) at that time; fewer seats
        than the room it was published in."""
        if state["status"] == "cancelled" or state["room_id"] is None:
            return []
        out = []
        family = {state["room_id"]}
        family |= {r[0] for r in self.store.execute(
            "SELECT part_of FROM room WHERE id = ? AND part_of IS NOT NULL "
            "UNION SELECT id FROM room WHERE part_of = ?", (state["room_id"], state["room_id"]))}
        marks = ",".join("?" * len(family))
        for other, other_room, title in self.store.execute(
                f'SELECT id, room_id, title_en FROM session WHERE id != ? AND status = \'scheduled\' '
                f'AND room_id IN ({marks}) AND start < ? AND "end" > ?',
                (session_id, *family, state["end"], state["start"])):
            out.append(Warning("room_taken", f"{other_room} is taken then by “{title}”.", other))   # no ids on screen
        seats = self.store.execute("SELECT r.seats, p.seats FROM session s JOIN room r ON r.id = ? "
                                  "LEFT JOIN room p ON p.id = s.published_room_id WHERE s.id = ?",
                                  (state["room_id"], session_id)).fetchone()
        if seats and seats[0] is not None and seats[1] and seats[0] < seats[1]:
            out.append(Warning("too_few_seats", f"{state['room_id']} has {seats[0]} seats; the published room "
                                                f"had {seats[1]}."))
        return out

    def edit(self, session_id: str, *, by: str, role: str, device_id: str, now: datetime, reason: str = "",
             **change) -> EditResult:
        """Apply a change in one transaction with its audit row; returns what changed and any
        warnings (the change is made anyway: the volunteer saw them and confirmed)."""
        store = self.store
        before, after, kinds, warnings = self.plan(session_id, **change)   # refuse before locking anything
        if after == before:
            return EditResult(session_id, None, [], before, after, warnings)
        with store.atomic():   # planned again under the write lock: another device may have just written
            before, after, kinds, warnings = self.plan(session_id, **change)
            if after == before:
                return EditResult(session_id, None, [], before, after, warnings)
            hlc = next_hlc(store, now)
            cur = store.execute("INSERT INTO session_edit (session_id, kinds, role, device_id, by_name, at, before, "
                                "after, reason, hlc, edit_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (session_id, ",".join(kinds), role, device_id, by, now.isoformat(),
                                 json.dumps(before), json.dumps(after), reason, hlc, new_edit_key()))
            settle_session(store, session_id)
        return EditResult(session_id, cur.lastrowid, kinds, before, after, warnings)

    def undo_last(self, *, by: str, role: str, device_id: str, now: datetime) -> EditResult | None:
        """Put back the session as it was before the latest edit that is not undone yet.
        Recorded as an edit of its own, so the trail shows both."""
        store = self.store
        with store.atomic():
            row = store.execute("SELECT id, session_id, before, after FROM session_edit "
                                "WHERE undone_at IS NULL AND undo_of IS NULL ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                return None
            edit_id, session_id, before_json, after_json = row
            before, expected = json.loads(before_json), json.loads(after_json)
            current = self._current(session_id)
            hlc = next_hlc(store, now)
            cur = store.execute("INSERT INTO session_edit (session_id, kinds, role, device_id, by_name, at, before, "
                                "after, reason, undo_of, hlc, edit_key) VALUES (?, 'undo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (session_id, role, device_id, by, now.isoformat(), json.dumps(current),
                                 json.dumps(before), "" if current == expected else "changed since; undone anyway",
                                 edit_id, hlc, new_edit_key()))
            store.execute("UPDATE session_edit SET undone_at = ? WHERE id = ?", (now.isoformat(), edit_id))
            settle_session(store, session_id)
        return EditResult(session_id, cur.lastrowid, ["undo"], current, before)

    def audit(self, session_id: str | None = None) -> list[dict]:
        sql = "SELECT id, session_id, kinds, role, device_id, by_name, at, before, after, reason, undone_at, undo_of FROM session_edit"
        params: tuple = ()
        if session_id:
            sql += " WHERE session_id = ?"
            params = (session_id,)
        cols = ("id", "session_id", "kinds", "role", "device_id", "by", "at", "before", "after", "reason",
                "undone_at", "undo_of")
        out = []
        for r in self.store.execute(sql + " ORDER BY id", params):
            d = dict(zip(cols, r))
            d["before"], d["after"] = json.loads(d["before"]), json.loads(d["after"])
            out.append(d)
        return out

    def changes(self) -> list[Change]:
        """Sessions that differ from the published schedule, most recently changed first."""
        out = []
        for r in self.store.execute(
                'SELECT id, room_id, published_room_id, start, "end", published_start, published_end, status, notice, '
                'updated_at FROM session WHERE room_id IS NOT published_room_id OR start != published_start '
                'OR "end" != published_end OR status != \'scheduled\' OR notice != \'\' '
                "ORDER BY updated_at DESC, start"):
            sid, room, proom, start, end, pstart, pend, status, notice, updated = r
            out.append(Change(
                session_id=sid, at=datetime.fromisoformat(updated) if updated else None,
                moved=(proom, room) if room != proom else None,
                retimed=((datetime.fromisoformat(pstart), datetime.fromisoformat(pend)),
                         (datetime.fromisoformat(start), datetime.fromisoformat(end)))
                if (start, end) != (pstart, pend) else None,
                cancelled=status == "cancelled", notice=notice))
        return out
