"""Volunteers' changes to the schedule: move, retime, notice, cancel, reinstate, revert, undo.

Every change is one transaction with its audit row (who, device, when, before -> after, why).
The published room and times stay untouched beside the current ones, so the agenda can say
"was 101" and a re-imported programme cannot silently overwrite a live change. A refused
change (unknown session or room, end before start, outside the event) writes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .errors import KioskError

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


def _state(row: sqlite3.Row | tuple) -> dict:
    return {"room_id": row[0], "start": row[1], "end": row[2], "status": row[3], "notice": row[4]}


def parse_hhmm(text: str, day: date, tz: ZoneInfo) -> datetime:
    try:
        t = time.fromisoformat(text)
    except ValueError:
        raise KioskError(f"{text!r} is not a time like 14:30.", code="bad_time") from None
    return datetime.combine(day, t, tz)


def next_hlc(conn: sqlite3.Connection, now: datetime) -> str:
    """A hybrid logical clock reading: wall time in ms, or one tick past the latest reading this
    device has made or seen (so an edit made after receiving another always sorts after it,
    whatever the two devices' clocks say). Call inside the write transaction."""
    wall = int(now.timestamp() * 1000)
    row = conn.execute("SELECT hlc FROM sync_clock WHERE id = 1").fetchone()
    last_ms, last_c = (int(x) for x in row[0].split(".")) if row else (0, 0)
    value = (wall, 0) if wall > last_ms else (last_ms, last_c + 1)
    hlc = f"{value[0]:015d}.{value[1]:05d}"
    conn.execute("INSERT INTO sync_clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc",
                 (hlc,))
    return hlc


def observe_hlc(conn: sqlite3.Connection, hlc: str) -> None:
    """Remember a remote reading, so this device's next edit sorts after it."""
    row = conn.execute("SELECT hlc FROM sync_clock WHERE id = 1").fetchone()
    if row is None or hlc > row[0]:
        conn.execute("INSERT INTO sync_clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc",
                     (hlc,))


class Schedule:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        row = conn.execute("SELECT timezone, first_day, last_day FROM event").fetchone()
        self.tz = ZoneInfo(row[0])
        self.first_day, self.last_day = date.fromisoformat(row[1]), date.fromisoformat(row[2])

    def _current(self, session_id: str) -> dict:
        row = self.conn.execute('SELECT room_id, start, "end", status, notice FROM session WHERE id = ?',
                                (session_id,)).fetchone()
        if row is None:
            raise KioskError(f"There is no session {session_id!r}.", code="unknown_session",
                             hint="`python main.py sessions` lists them.")
        return _state(row)

    def _published(self, session_id: str) -> dict:
        row = self.conn.execute('SELECT published_room_id, published_start, published_end FROM session WHERE id = ?',
                                (session_id,)).fetchone()
        return {"room_id": row[0], "start": row[1], "end": row[2], "status": "scheduled", "notice": ""}

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
            if self.conn.execute("SELECT 1 FROM room WHERE id = ?", (room,)).fetchone() is None:
                known = ", ".join(r[0] for r in self.conn.execute("SELECT id FROM room ORDER BY id"))
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
        family |= {r[0] for r in self.conn.execute(
            "SELECT part_of FROM room WHERE id = ? AND part_of IS NOT NULL "
            "UNION SELECT id FROM room WHERE part_of = ?", (state["room_id"], state["room_id"]))}
        marks = ",".join("?" * len(family))
        for other, other_room, title in self.conn.execute(
                f'SELECT id, room_id, title_en FROM session WHERE id != ? AND status = \'scheduled\' '
                f'AND room_id IN ({marks}) AND start < ? AND "end" > ?',
                (session_id, *family, state["end"], state["start"])):
            out.append(Warning("room_taken", f"{other_room} is taken then by “{title}” ({other}).", other))
        seats = self.conn.execute("SELECT r.seats, p.seats FROM session s JOIN room r ON r.id = ? "
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
        before, after, kinds, warnings = self.plan(session_id, **change)
        if after == before:
            return EditResult(session_id, None, [], before, after, warnings)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self._current(session_id) != before:   # changed by another device since we looked
                conn.execute("ROLLBACK")
                return self.edit(session_id, by=by, role=role, device_id=device_id, now=now, reason=reason, **change)
            conn.execute('UPDATE session SET room_id = ?, start = ?, "end" = ?, status = ?, notice = ?, updated_at = ? '
                         "WHERE id = ?", (after["room_id"], after["start"], after["end"], after["status"],
                                          after["notice"], now.isoformat(), session_id))
            hlc = next_hlc(conn, now)
            cur = conn.execute("INSERT INTO session_edit (session_id, kinds, role, device_id, by_name, at, before, after, "
                               "reason, hlc, edit_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               (session_id, ",".join(kinds), role, device_id, by, now.isoformat(),
                                json.dumps(before), json.dumps(after), reason, hlc, f"{device_id}@{hlc}"))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return EditResult(session_id, cur.lastrowid, kinds, before, after, warnings)

    def undo_last(self, *, by: str, role: str, device_id: str, now: datetime) -> EditResult | None:
        """Put back the session as it was before the latest edit that is not undone yet.
        Recorded as an edit of its own, so the trail shows both."""
        row = self.conn.execute("SELECT id, session_id, before, after FROM session_edit "
                                "WHERE undone_at IS NULL AND undo_of IS NULL ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        edit_id, session_id, before_json, after_json = row
        before, expected = json.loads(before_json), json.loads(after_json)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = self._current(session_id)
            conn.execute('UPDATE session SET room_id = ?, start = ?, "end" = ?, status = ?, notice = ?, updated_at = ? '
                         "WHERE id = ?", (before["room_id"], before["start"], before["end"], before["status"],
                                          before["notice"], now.isoformat(), session_id))
            hlc = next_hlc(conn, now)
            cur = conn.execute("INSERT INTO session_edit (session_id, kinds, role, device_id, by_name, at, before, "
                               "after, reason, undo_of, hlc, edit_key) VALUES (?, 'undo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               (session_id, role, device_id, by, now.isoformat(), json.dumps(current),
                                json.dumps(before), "" if current == expected else "changed since; undone anyway",
                                edit_id, hlc, f"{device_id}@{hlc}"))
            conn.execute("UPDATE session_edit SET undone_at = ? WHERE id = ?", (now.isoformat(), edit_id))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
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
        for r in self.conn.execute(sql + " ORDER BY id", params):
            d = dict(zip(cols, r))
            d["before"], d["after"] = json.loads(d["before"]), json.loads(d["after"])
            out.append(d)
        return out

    def changes(self) -> list[Change]:
        """Sessions that differ from the published schedule, most recently changed first."""
        out = []
        for r in self.conn.execute(
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
