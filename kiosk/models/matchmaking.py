"""Business matchmaking: buyers, tables, meetings, and a person's day. No Qt, no wall clock.

A *meeting* sits at a matchmaking table (B2B: a buyer and an exhibitor) or in a room (bilateral
and courtesy meetings between delegations). Its published table, room and time stay beside the
current ones, exactly as for sessions, so a moved meeting reads "Moved: T04 → T09". Status is
``planned``, ``cancelled``, ``held`` or ``no_show``; *moved* is derived (planned, but not where or
when it was published).

Every write is a domain verb on :class:`Matchmaking` — :meth:`~Matchmaking.move`,
:meth:`~Matchmaking.set_status`, :meth:`~Matchmaking.mark_attendance` — that runs in one
``BEGIN IMMEDIATE`` transaction with its audit row in ``meeting_edit`` (the same shape as
``session_edit``: role, device, name, time, before → after, reason, hybrid logical clock and a
per-device key, so the sync engine can carry meeting edits as one more entry kind). A refused
change — unknown meeting, table or room, a time outside the event, a table or a person booked
twice at once — raises :class:`KioskError` and writes nothing.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from . import badges, settle
from .checkin import Attendee
from .domain import Text
from .errors import KioskError
from .schedule import next_hlc

if TYPE_CHECKING:
    from .store import EventStore

STATUSES = ("planned", "cancelled", "held", "no_show")
KINDS = ("b2b", "bilateral", "courtesy")
SIDES = ("buyer", "exhibitor", "delegation", "other")
DEFAULT_SLOT_MINUTES = 30


@dataclass(frozen=True)
class Buyer:
    id: str
    name: Text
    country: str
    interests: tuple[str, ...]         # exhibitor category ids
    looking_for: Text
    assumed: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingTable:
    id: str
    room_id: str
    floor_id: str
    x: float
    y: float
    seats: int
    position: int = 0


@dataclass(frozen=True)
class Meeting:
    id: str
    kind: str
    title: Text
    start: datetime
    end: datetime
    table_id: str | None
    room_id: str | None
    published_start: datetime
    published_end: datetime
    published_table_id: str | None
    published_room_id: str | None
    buyer_id: str | None
    exhibitor_id: str | None
    delegation: str
    status: str
    notes: str = ""
    assumed: tuple[str, ...] = ()
    #: the two sides' names, for lists (buyer and exhibitor, or the delegation text)
    buyer_name: Text | None = None
    exhibitor_name: Text | None = None

    @property
    def place(self) -> str:
        """The table number, else the room id."""
        return self.table_id or self.room_id or ""

    @property
    def published_place(self) -> str:
        return self.published_table_id or self.published_room_id or ""

    @property
    def moved(self) -> bool:
        return self.place != self.published_place

    @property
    def retimed(self) -> bool:
        return (self.start, self.end) != (self.published_start, self.published_end)

    @property
    def display_status(self) -> str:
        """``moved`` for a planned meeting not where or when it was published; else the status."""
        if self.status == "planned" and (self.moved or self.retimed):
            return "moved"
        return self.status

    def counterpart(self, side: str | None, lang: str = "en") -> str:
        """Who this meeting is with, seen from ``side`` (buyers meet exhibitors and back)."""
        if self.kind != "b2b":
            return self.title.get(lang) or self.delegation
        if side == "buyer":
            return self.exhibitor_name.get(lang) if self.exhibitor_name else ""
        if side == "exhibitor":
            return self.buyer_name.get(lang) if self.buyer_name else ""
        names = [t.get(lang) for t in (self.buyer_name, self.exhibitor_name) if t]
        return " – ".join(names)


@dataclass(frozen=True)
class Participant:
    attendee_id: str
    name: str
    side: str
    attendance: str        # expected | present | absent


@dataclass(frozen=True)
class DayItem:
    """One line of a person's day: a meeting, a session or a list they may enter."""

    kind: str              # meeting | session | list
    id: str
    title: Text
    start: datetime
    end: datetime
    place: str             # table, room id, or '' (a list: where the staff scan)
    status: str            # meetings: display status; sessions: scheduled|cancelled|moved; lists: open
    counterpart: str = ""
    published_place: str = ""
    published_start: datetime | None = None
    #: the counterpart in every language (screens show it in the reader's; ``counterpart`` is English)
    counterpart_text: Text | None = None

    def as_json(self) -> dict:
        out = {"kind": self.kind, "id": self.id, "title": self.title.en, "start": self.start.isoformat(),
               "end": self.end.isoformat(), "place": self.place, "status": self.status}
        if self.counterpart:
            out["with"] = self.counterpart
        if self.published_place and self.published_place != self.place:
            out["was_place"] = self.published_place
        if self.published_start and self.published_start != self.start:
            out["was_start"] = self.published_start.isoformat()
        return out


@dataclass(frozen=True)
class MyDay:
    attendee: Attendee
    day: date
    next_meeting: DayItem | None
    meetings: list[DayItem]       # the rest of the day's meetings (not next_meeting), in time order
    sessions: list[DayItem]
    lists: list[DayItem]
    #: every meeting of this person over the whole event (for the calendar QR)
    all_meetings: list[DayItem] = field(default_factory=list)

    def as_json(self) -> dict:
        a = self.attendee
        # never contact details: name, organisation and type only (the kiosk is public)
        return {
            "attendee": {"id": a.id, "name": a.name, "name_local": a.name_local, "organisation": a.organisation,
                         "type": a.type},
            "day": self.day.isoformat(),
            "next": self.next_meeting.as_json() if self.next_meeting else None,
            "meetings": [m.as_json() for m in ([self.next_meeting] if self.next_meeting else []) + self.meetings],
            "sessions": [s.as_json() for s in self.sessions],
            "lists": [x.as_json() for x in self.lists],
        }


@dataclass(frozen=True)
class BoardRow:
    table: MeetingTable
    now: Meeting | None
    next: Meeting | None


class _Slot:
    """One meeting on a table's day: its times parsed; the :class:`Meeting` itself is read only
    when the board shows it (:meth:`BoardPlan.rows_at` reads those in one query)."""

    __slots__ = ("id", "start", "end", "meeting")

    def __init__(self, meeting_id: str, start: str, end: str, meeting: "Meeting | None" = None) -> None:
        parse = datetime.fromisoformat
        self.id, self.start, self.end, self.meeting = meeting_id, parse(start), parse(end), meeting


def _slot_order(s: _Slot):
    return (s.start, s.id)


class BoardPlan:
    """The matchmaking board's day, held in memory: every table's meetings of one day (not
    cancelled), in start order. The board's minute tick then reads nothing — now and next at
    any moment of the day, and the moment the board next changes, come from memory — and a
    meeting moved, cancelled or marked anywhere updates only its tables (:meth:`apply`).

    The rule, per table: of its first two meetings that have not ended (``end > now``), the
    first is *on now* if it has started, and the first one not yet started is *next*."""

    #: more changed meetings than this at once (an import) read the whole day again
    REREAD_ABOVE = 200

    def __init__(self, mm: "Matchmaking") -> None:
        self.mm = mm
        self.day: date | None = None
        self.tables: list[MeetingTable] = []
        self.index: dict[str, int] = {}             # table id → its row on the board
        self.slots: dict[str, list[_Slot]] = {}     # table id → its day, by (start, id)
        self.where: dict[str, str] = {}             # meeting id → table id

    def _day_bounds(self, day: date) -> tuple[str, str]:
        lo = datetime.combine(day, time(0), self.mm.tz)
        return lo.isoformat(), (lo + timedelta(days=1)).isoformat()

    def load(self, day: date) -> None:
        """Read the tables and the day's meetings at them (one query each)."""
        self.day = day
        self.tables = list(self.mm.tables().values())
        self.index = {t.id: i for i, t in enumerate(self.tables)}
        self.slots = {t.id: [] for t in self.tables}
        self.where = {}
        lo, hi = self._day_bounds(day)
        for mid, table, start, end in self.mm.store.execute(
                'SELECT id, table_id, start, "end" FROM meeting WHERE start >= ? AND start < ? '
                "AND table_id IS NOT NULL AND status != 'cancelled' ORDER BY start, id", (lo, hi)):
            mine = self.slots.get(table)
            if mine is not None:
                mine.append(_Slot(mid, start, end))
                self.where[mid] = table

    def _shows(self, r) -> bool:
        return r[7] in self.slots and r[16] != "cancelled" and _dt(r[5]).astimezone(self.mm.tz).date() == self.day

    def apply(self, meeting_ids) -> set[str] | None:
        """Bring the plan up to date after these meetings changed (moved, retimed, cancelled,
        reinstated, marked): each leaves the table it was on and goes where it is now, if that
        is a table on this day. Returns the table ids whose day changed, or None when the whole
        day was read again (many meetings at once)."""
        ids = list(dict.fromkeys(meeting_ids))
        if self.day is None or len(ids) > self.REREAD_ABOVE:
            if self.day is not None:
                self.load(self.day)
            return None
        touched: set[str] = set()
        for mid in ids:
            table = self.where.pop(mid, None)
            if table is not None:
                self.slots[table] = [s for s in self.slots[table] if s.id != mid]
                touched.add(table)
        if ids:
            marks = ",".join("?" * len(ids))
            for r in self.mm.store.execute(_MEETING_SQL + f" WHERE m.id IN ({marks})", ids):
                if not self._shows(r):
                    continue
                slot, mine = _Slot(r[0], r[5], r[6], _meeting(r)), self.slots[r[7]]
                at = bisect.bisect_left([_slot_order(s) for s in mine], _slot_order(slot))
                mine.insert(at, slot)
                self.where[slot.id] = r[7]
                touched.add(r[7])
        return touched

    def _pick(self, table_id: str, now: datetime) -> tuple["_Slot | None", "_Slot | None"]:
        first = second = None
        for s in self.slots[table_id]:
            if s.end > now:
                if first is None:
                    first = s
                else:
                    second = s
                    break
        if first is None:
            return None, None
        if first.start > now:
            return None, first
        return first, (second if second is not None and second.start > now else None)

    def _read(self, slots) -> None:
        """The meetings these slots show, in one query per 500."""
        missing = list({s.id: s for s in slots if s is not None and s.meeting is None}.values())
        for i in range(0, len(missing), 500):
            chunk = {s.id: s for s in missing[i:i + 500]}
            for r in self.mm.store.execute(_MEETING_SQL + f" WHERE m.id IN ({','.join('?' * len(chunk))})",
                                           list(chunk)):
                chunk[r[0]].meeting = _meeting(r)

    def rows_at(self, now: datetime, tables=None) -> list[BoardRow]:
        """Now and next at every table (or at ``tables``, in board order) at ``now``."""
        chosen = self.tables if tables is None else [t for t in self.tables if t.id in tables]
        picks = [self._pick(t.id, now) for t in chosen]
        self._read(s for pair in picks for s in pair)
        return [BoardRow(t, on and on.meeting, nxt and nxt.meeting) for t, (on, nxt) in zip(chosen, picks)]

    @staticmethod
    def changes_at(rows: list[BoardRow], now: datetime) -> datetime | None:
        """When these rows next change: the earliest end of a meeting on now or start of a next one."""
        moments = [m.end if m.start <= now else m.start for r in rows for m in (r.now, r.next) if m is not None]
        return min(moments) if moments else None


@dataclass
class HourCount:
    hour: int
    held: int = 0
    no_show: int = 0
    open: int = 0
    cancelled: int = 0


@dataclass
class MeetingEditResult:
    meeting_id: str
    edit_id: int | None
    kinds: list[str]
    before: dict
    after: dict

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


_MEETING_SQL = ('SELECT m.id, m.kind, m.title_en, m.title_ko, m.title_zh, m.start, m."end", m.table_id, m.room_id, '
                'm.published_start, m.published_end, m.published_table_id, m.published_room_id, m.buyer_id, '
                'm.exhibitor_id, m.delegation, m.status, m.notes, m.assumed, b.name_en, b.name_ko, b.name_zh, '
                'e.name_en, e.name_ko, e.name_zh FROM meeting m LEFT JOIN buyer b ON b.id = m.buyer_id '
                'LEFT JOIN exhibitor e ON e.id = m.exhibitor_id')


def _meeting(r) -> Meeting:
    return Meeting(
        id=r[0], kind=r[1], title=Text(r[2] or "", r[3], r[4]), start=_dt(r[5]), end=_dt(r[6]), table_id=r[7],
        room_id=r[8], published_start=_dt(r[9]), published_end=_dt(r[10]), published_table_id=r[11],
        published_room_id=r[12], buyer_id=r[13], exhibitor_id=r[14], delegation=r[15] or "", status=r[16],
        notes=r[17] or "", assumed=tuple(x for x in (r[18] or "").split(",") if x),
        buyer_name=Text(r[19], r[20], r[21]) if r[19] else None,
        exhibitor_name=Text(r[22], r[23], r[24]) if r[22] else None)


def _state(row) -> dict:
    return {"table_id": row[0], "room_id": row[1], "start": row[2], "end": row[3], "status": row[4]}


STATE_FIELDS = frozenset({"table_id", "room_id", "start", "end", "status"})


#: meetings: with no edit, the published table, room and times, planned (and no edit's stamp)
MEETING_RULE = settle.Rule(
    table="meeting", edit_table="meeting_edit", edit_key="meeting_id",
    fields=("table_id", "room_id", "start", "end", "status"),
    published=("published_table_id", "published_room_id", "published_start", "published_end"),
    unedited=lambda _current, pub, _updated_at: ({"table_id": pub["published_table_id"],
                                                  "room_id": pub["published_room_id"],
                                                  "start": pub["published_start"], "end": pub["published_end"],
                                                  "status": "planned"}, None))


def settle_meeting(store: "EventStore", meeting_id: str) -> bool:
    """THE rule for a meeting's current table, room, times and status — used by the meetings
    desk, the CLI and sync alike, so every device derives the same state: the latest edit by
    (hybrid logical clock, device id) wins; with none, the published place and time, planned
    (:func:`kiosk.models.settle.settle`, the same rule as sessions').
    Attendance marks apply as they come (a person marked present stays present). Call inside
    ``atomic()``. Returns whether the meeting's row changed."""
    return settle.settle(store, MEETING_RULE, meeting_id)


def apply_attendance(store: "EventStore", meeting_id: str, reason: str, at: str) -> None:
    """An attendance edit's marks (its reason holds ``{"present": [...], "absent": [...]}``)."""
    try:
        marks = json.loads(reason)
    except ValueError:
        return
    for mark in ("present", "absent"):
        for aid in marks.get(mark, []):
            store.execute("UPDATE meeting_participant SET attendance = ?, marked_at = ? WHERE meeting_id = ? "
                          "AND attendee_id = ?", (mark, at, meeting_id, aid))


class Matchmaking:
    """Reads and the domain verbs for meetings (a typed store of :class:`EventStore`)."""

    def __init__(self, store: "EventStore") -> None:
        self.store = store
        info = store.info
        self.tz = info.tz
        self.first_day, self.last_day = info.first_day, info.last_day
        self.prefix = info.badge_prefix
        row = store.execute("SELECT meeting_slot_minutes FROM event").fetchone()
        self.slot = timedelta(minutes=row[0] or DEFAULT_SLOT_MINUTES)
        self._keys: list[bytes] | None = None

    # ---------------------------------------------------------------- reference data
    def tables(self) -> dict[str, MeetingTable]:
        return {r[0]: MeetingTable(*r) for r in self.store.execute(
            "SELECT id, room_id, floor_id, x, y, seats, position FROM meeting_table ORDER BY position, id")}

    def buyers(self, *, country: str | None = None, interest: str | None = None) -> list[Buyer]:
        """The buyer directory, by name; filtered by country and by an exhibitor category."""
        out = []
        for r in self.store.execute("SELECT id, name_en, name_ko, name_zh, country, interests, looking_for_en, "
                                   "looking_for_ko, looking_for_zh, assumed FROM buyer ORDER BY name_en COLLATE NOCASE"):
            b = Buyer(r[0], Text(r[1], r[2], r[3]), r[4], tuple(x for x in r[5].split(",") if x),
                      Text(r[6] or "", r[7], r[8]), tuple(x for x in r[9].split(",") if x))
            if country and b.country != country:
                continue
            if interest and interest not in b.interests:
                continue
            out.append(b)
        return out

    def looking_for(self, *, country: str | None = None, interest: str | None = None) -> dict[str, list[Buyer]]:
        """Buyers by the exhibitor category they look for (a buyer may appear under several),
        under the same filters as the directory: only buyers from ``country``, and only the
        category ``interest``."""
        out: dict[str, list[Buyer]] = {}
        for b in self.buyers(country=country, interest=interest):
            for cat in b.interests:
                if interest is None or cat == interest:
                    out.setdefault(cat, []).append(b)
        return out

    # ---------------------------------------------------------------- meetings
    def meeting(self, meeting_id: str) -> Meeting | None:
        r = self.store.execute(_MEETING_SQL + " WHERE m.id = ?", (meeting_id,)).fetchone()
        return _meeting(r) if r else None

    def meetings(self, *, day: date | None = None, table: str | None = None) -> list[Meeting]:
        sql, params = _MEETING_SQL, []
        where = []
        if day is not None:
            lo = datetime.combine(day, time(0), self.tz)
            where.append("m.start >= ? AND m.start < ?")
            params += [lo.isoformat(), (lo + timedelta(days=1)).isoformat()]
        if table is not None:
            where.append("(m.table_id = ? OR m.room_id = ?)")
            params += [table, table]
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_meeting(r) for r in self.store.execute(sql + ' ORDER BY m.start, m.table_id, m.room_id, m.id', params)]

    def participants(self, meeting_id: str) -> list[Participant]:
        return [Participant(*r) for r in self.store.execute(
            "SELECT p.attendee_id, a.name, p.side, p.attendance FROM meeting_participant p "
            "JOIN attendee a ON a.id = p.attendee_id WHERE p.meeting_id = ? ORDER BY p.side, a.name",
            (meeting_id,))]

    def unlisted_sides(self, meeting_id: str) -> list[str]:
        """The meeting's parties (its buyer, its exhibitor) with nobody registered for it: no
        badge can account for such a side, so a scan never makes the meeting *held* — staff
        confirm it by hand (Held) once they see that side at the table. 127 of the event's
        meetings list one side only, 11 none."""
        row = self.store.execute("SELECT buyer_id, exhibitor_id FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
        if row is None:
            return []
        listed = {r[0] for r in self.store.execute("SELECT DISTINCT side FROM meeting_participant WHERE meeting_id = ?",
                                                  (meeting_id,))}
        return [side for side, party in (("buyer", row[0]), ("exhibitor", row[1])) if party and side not in listed]

    def board(self, now: datetime) -> list[BoardRow]:
        """Per table: the meeting on now (if any) and the next one today (cancelled ones left out).
        One read of the day's table meetings (:class:`BoardPlan`; the board screen keeps its plan
        and updates it by meeting instead of reading again)."""
        plan = BoardPlan(self)
        plan.load(now.astimezone(self.tz).date())
        return plan.rows_at(now)

    def hourly_counts(self, day: date) -> list[HourCount]:
        """Held, no-show, open (planned, not yet marked) and cancelled meetings per starting hour."""
        lo = datetime.combine(day, time(0), self.tz)
        counts: dict[int, HourCount] = {}
        for start, status, n in self.store.execute(
                "SELECT start, status, count(*) FROM meeting WHERE start >= ? AND start < ? "
                "GROUP BY start, status", (lo.isoformat(), (lo + timedelta(days=1)).isoformat())):
            hour = _dt(start).astimezone(self.tz).hour
            c = counts.setdefault(hour, HourCount(hour))
            key = {"planned": "open"}.get(status, status)
            setattr(c, key, getattr(c, key) + n)
        return [counts[h] for h in sorted(counts)]

    # ---------------------------------------------------------------- a person's day
    def public_keys(self) -> list[bytes]:
        if self._keys is None:
            self._keys = [bytes.fromhex(r[0]) for r in self.store.execute("SELECT public_key FROM signing_key")]
        return self._keys

    def attendee_for_badge(self, payload: str) -> Attendee:
        """The attendee a scanned badge belongs to. Raises :class:`KioskError` with code
        ``INVALID`` (not a badge of this event: garbled, another event's, forged), ``REVOKED``
        (replaced by a newer badge) or ``UNKNOWN`` (signed, but not in this kiosk's list)."""
        badge = badges.parse(payload, prefix=self.prefix, public_keys=self.public_keys())
        row = self.store.execute("SELECT b.revoked_at, a.id, a.name, a.name_local, a.organisation, a.country, a.type "
                                "FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.serial = ?",
                                (badge.serial,)).fetchone()
        if row is None:
            raise KioskError("This badge is not in this kiosk's attendee list.", code="UNKNOWN")
        if row[0]:
            raise KioskError("This badge was replaced by a newer one.", code="REVOKED")
        return Attendee(*row[1:])

    def attendee_for_badge_number(self, attendee_id: str, typed: str) -> Attendee:
        """The attendee picked by name at the public kiosk, once they typed the number printed
        under the QR code on their *live* badge (``A0176-1``; case, spaces and dashes forgiven).
        A name alone never opens a person's day (anyone can read a name on a badge or a list).
        Raises :class:`KioskError` code ``WRONG_NUMBER`` when it is not that badge's number, a
        replaced badge's number, or the person has no badge printed yet."""
        wanted = "".join(ch for ch in str(typed).upper() if ch.isalnum())
        if wanted:
            for (serial,) in self.store.execute("SELECT serial FROM badge WHERE attendee_id = ? AND revoked_at IS NULL",
                                                (attendee_id,)):
                if "".join(ch for ch in serial.upper() if ch.isalnum()) == wanted:
                    found = self.attendee(attendee_id)
                    if found is not None:
                        return found
        raise KioskError("That is not the number on this person's badge.", code="WRONG_NUMBER")

    def attendee(self, attendee_id: str) -> Attendee | None:
        row = self.store.execute("SELECT id, name, name_local, organisation, country, type FROM attendee WHERE id = ?",
                                (attendee_id,)).fetchone()
        return Attendee(*row) if row else None

    def my_day(self, attendee: Attendee, now: datetime) -> MyDay:
        """The attendee's day at ``now``: the next meeting (on now, or the first still to come),
        the day's other meetings, sessions they registered for, and lists they may enter."""
        day = now.astimezone(self.tz).date()
        if day < self.first_day:
            day = self.first_day
        lo = datetime.combine(day, time(0), self.tz).isoformat()
        hi = datetime.combine(day + timedelta(days=1), time(0), self.tz).isoformat()
        all_items: list[DayItem] = []
        today: list[DayItem] = []
        for r in self.store.execute(
                _MEETING_SQL.replace("FROM meeting m", ", p.side FROM meeting_participant p JOIN meeting m "
                                     "ON m.id = p.meeting_id") + " WHERE p.attendee_id = ? ORDER BY m.start",
                (attendee.id,)):
            m, side = _meeting(r), r[25]
            item = self._meeting_item(m, side)
            all_items.append(item)
            if lo <= r[5] < hi:
                today.append(item)
        next_item = next((i for i in today if i.end > now and i.status not in ("cancelled", "held", "no_show")),
                         None)
        sessions = []
        for r in self.store.execute(
                'SELECT s.id, s.title_en, s.title_ko, s.title_zh, s.start, s."end", s.room_id, s.status, '
                "s.published_room_id, s.published_start FROM session_registration g JOIN session s "
                'ON s.id = g.session_id WHERE g.attendee_id = ? AND s.start >= ? AND s.start < ? ORDER BY s.start',
                (attendee.id, lo, hi)):
            status = r[7] if r[7] == "cancelled" else ("moved" if (r[6], r[4]) != (r[8], r[9]) else "scheduled")
            sessions.append(DayItem("session", r[0], Text(r[1], r[2], r[3]), _dt(r[4]), _dt(r[5]), r[6] or "",
                                    status, published_place=r[8] or "", published_start=_dt(r[9])))
        lists = []
        for lid, n_en, n_ko, n_zh, types in self.store.execute(
                "SELECT id, name_en, name_ko, name_zh, types FROM checkin_list ORDER BY position"):
            if attendee.type not in types.split(","):
                continue
            for start, end in self.store.execute(
                    'SELECT start, "end" FROM checkin_window WHERE list_id = ? AND start < ? AND "end" > ? '
                    "ORDER BY start", (lid, hi, lo)):
                lists.append(DayItem("list", lid, Text(n_en, n_ko, n_zh), _dt(start), _dt(end), "", "open"))
        rest = [i for i in today if i is not next_item]
        return MyDay(attendee, day, next_item, rest, sessions, lists, all_items)

    def _meeting_item(self, m: Meeting, side: str) -> DayItem:
        title = m.title if m.title else Text("Business meeting", "비즈니스 상담", "商務洽談")
        return DayItem("meeting", m.id, title, m.start, m.end, m.place, m.display_status,
                       counterpart=m.counterpart(side), published_place=m.published_place,
                       published_start=m.published_start,
                       counterpart_text=Text(m.counterpart(side), m.counterpart(side, "ko"),
                                             m.counterpart(side, "zh-Hant")))

    # ---------------------------------------------------------------- checks shared with the importer
    def conflicts(self, *, meeting_id: str, start: datetime, end: datetime, table_id: str | None,
                  attendee_ids: list[str]) -> list[str]:
        """Why this meeting cannot be at that table at that time: the table, or a participant, is
        already in another (not cancelled) meeting then. Empty when it can."""
        out = []
        s, e = start.isoformat(), end.isoformat()
        if table_id:
            # said in words a volunteer knows (tables, times, names), not internal meeting ids
            for ostart, oend in self.store.execute(
                    'SELECT start, "end" FROM meeting WHERE table_id = ? AND id != ? AND status != \'cancelled\' '
                    'AND start < ? AND "end" > ?', (table_id, meeting_id, e, s)):
                out.append(f"table {table_id} is taken then by another meeting ({_dt(ostart):%H:%M}–{_dt(oend):%H:%M})")
        for aid in attendee_ids:
            for name, place, ostart in self.store.execute(
                    "SELECT coalesce(a.name, p.attendee_id), coalesce(m.table_id, m.room_id), m.start "
                    "FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id "
                    "LEFT JOIN attendee a ON a.id = p.attendee_id "
                    "WHERE p.attendee_id = ? AND m.id != ? AND m.status != 'cancelled' AND m.start < ? "
                    'AND m."end" > ?', (aid, meeting_id, e, s)):
                out.append(f"{name} ({aid}) is in another meeting then ({place} {_dt(ostart):%H:%M})")
        return out

    # ---------------------------------------------------------------- the verbs
    def _current(self, meeting_id: str) -> dict:
        row = self.store.execute('SELECT table_id, room_id, start, "end", status FROM meeting WHERE id = ?',
                                (meeting_id,)).fetchone()
        if row is None:
            raise KioskError(f"There is no meeting {meeting_id!r}.", code="unknown_meeting",
                             hint="`python main.py meetings` lists them.")
        return _state(row)

    def plan_move(self, meeting_id: str, *, table: str | None = None, room: str | None = None,
                  start: datetime | None = None) -> tuple[dict, dict]:
        """Check a move without writing: (before, after). The end keeps the meeting's length.
        Raises :class:`KioskError` (unknown table or room, outside the event, double-booking)."""
        before = self._current(meeting_id)
        after = dict(before)
        if table is not None and room is not None:
            raise KioskError("Give a table or a room, not both.", code="conflicting_flags")
        if table is not None:
            if self.store.execute("SELECT 1 FROM meeting_table WHERE id = ?", (table,)).fetchone() is None:
                known = ", ".join(self.tables())
                raise KioskError(f"There is no table {table!r}.", code="unknown_table", hint=f"Tables: {known}")
            after["table_id"], after["room_id"] = table, None
        if room is not None:
            if self.store.execute("SELECT 1 FROM room WHERE id = ?", (room,)).fetchone() is None:
                raise KioskError(f"There is no room {room!r}.", code="unknown_room")
            after["table_id"], after["room_id"] = None, room
        if start is not None:
            length = _dt(before["end"]) - _dt(before["start"])
            end = start + length
            for moment in (start, end - timedelta(seconds=1)):
                if not (self.first_day <= moment.astimezone(self.tz).date() <= self.last_day):
                    raise KioskError(f"{moment:%Y-%m-%d %H:%M} is outside the event days "
                                     f"({self.first_day} – {self.last_day}).", code="outside_event")
            after["start"], after["end"] = start.isoformat(), end.isoformat()
        if after != before and after["status"] != "cancelled":
            people = [r[0] for r in self.store.execute(
                "SELECT attendee_id FROM meeting_participant WHERE meeting_id = ?", (meeting_id,))]
            problems = self.conflicts(meeting_id=meeting_id, start=_dt(after["start"]), end=_dt(after["end"]),
                                      table_id=after["table_id"], attendee_ids=people)
            if problems:
                raise KioskError(f"Cannot move the {_dt(before['start']):%H:%M} meeting at "
                                 f"{before['table_id'] or before['room_id']}: " + "; ".join(problems) + ".",
                                 code="double_booked")
        return before, after

    def move(self, meeting_id: str, *, by: str, role: str, device_id: str, now: datetime, reason: str = "",
             table: str | None = None, room: str | None = None, start: datetime | None = None) -> MeetingEditResult:
        """Move a meeting to another table (or room) and/or slot, keeping its length."""
        before, after = self.plan_move(meeting_id, table=table, room=room, start=start)
        kinds = []
        if (after["table_id"], after["room_id"]) != (before["table_id"], before["room_id"]):
            kinds.append("move")
        if after["start"] != before["start"]:
            kinds.append("retime")
        return self._write(meeting_id, before, after, kinds, by=by, role=role, device_id=device_id, now=now,
                           reason=reason, check=lambda: self.plan_move(meeting_id, table=table, room=room,
                                                                        start=start))

    def set_status(self, meeting_id: str, status: str, *, by: str, role: str, device_id: str, now: datetime,
                   reason: str = "") -> MeetingEditResult:
        """Mark a meeting held, no-show, cancelled, or planned again (a reinstated meeting must
        not collide with one booked into its place meanwhile)."""
        if status not in STATUSES:
            raise KioskError(f"Unknown status {status!r} (one of {', '.join(STATUSES)}).", code="bad_status")
        before = self._current(meeting_id)
        after = {**before, "status": status}
        if before["status"] == "cancelled" and status != "cancelled":
            people = [r[0] for r in self.store.execute(
                "SELECT attendee_id FROM meeting_participant WHERE meeting_id = ?", (meeting_id,))]
            problems = self.conflicts(meeting_id=meeting_id, start=_dt(after["start"]), end=_dt(after["end"]),
                                      table_id=after["table_id"], attendee_ids=people)
            if problems:
                raise KioskError(f"Cannot reinstate {meeting_id}: " + "; ".join(problems) + ".",
                                 code="double_booked")
        kind = {"planned": "reinstate", "cancelled": "cancel", "held": "held", "no_show": "no_show"}[status]
        return self._write(meeting_id, before, after, [kind], by=by, role=role, device_id=device_id, now=now,
                           reason=reason)

    def mark_attendance(self, meeting_id: str, *, present: list[str], absent: list[str] = (), by: str, role: str,
                        device_id: str, now: datetime) -> MeetingEditResult:
        """Meeting check-in at the table: who came (badges scanned) and who did not.

        Before the meeting starts a scan only records that the person has *arrived* (attendance
        ``present``; the status stays as it was) and nobody can be marked absent yet (refused,
        ``not_started``): a meeting cannot be held, or missed, before it begins. From its start,
        when every side has someone present the meeting is *held*; when someone came but a whole
        side is absent, it is a *no-show* (of that side). A party with nobody registered
        (:meth:`unlisted_sides`) is not present by anyone's badge: the meeting is not made held
        by the other side's scans (staff mark it Held by hand)."""
        listed = {r[0]: r[1] for r in self.store.execute(
            "SELECT attendee_id, side FROM meeting_participant WHERE meeting_id = ?", (meeting_id,))}
        before = self._current(meeting_id)
        for aid in [*present, *absent]:
            if aid not in listed:
                raise KioskError(f"{aid} is not a participant of meeting {meeting_id}.", code="not_participant")
        started = now >= _dt(before["start"])
        if absent and not started:
            raise KioskError(f"Meeting {meeting_id} has not started yet ({_dt(before['start']):%H:%M}): nobody can "
                             "be marked absent before it begins.", code="not_started")
        store = self.store
        with store.atomic():
            for aid in present:
                store.execute("UPDATE meeting_participant SET attendance = 'present', marked_at = ? "
                             "WHERE meeting_id = ? AND attendee_id = ?", (now.isoformat(), meeting_id, aid))
            for aid in absent:
                store.execute("UPDATE meeting_participant SET attendance = 'absent', marked_at = ? "
                             "WHERE meeting_id = ? AND attendee_id = ?", (now.isoformat(), meeting_id, aid))
            state = dict(store.execute("SELECT attendee_id, attendance FROM meeting_participant WHERE meeting_id = ?",
                                      (meeting_id,)).fetchall())
            sides: dict[str, set[str]] = {}
            for aid, side in listed.items():
                sides.setdefault(side, set()).add(state[aid])
            status = before["status"]
            unlisted = self.unlisted_sides(meeting_id)
            if not started or status == "cancelled":
                pass                                   # arrived early / a cancelled meeting stays so
            elif all("present" in s for s in sides.values()) and not unlisted:
                status = "held"
            elif any("present" in s for s in sides.values()) and any(s == {"absent"} for s in sides.values()):
                status = "no_show"
            after = {**before, "status": status}
            kinds = ["attendance"] + ([{"held": "held", "no_show": "no_show"}[status]] if status != before["status"]
                                      else [])
            if after != before:
                store.execute('UPDATE meeting SET status = ?, updated_at = ? WHERE id = ?',
                             (status, now.isoformat(), meeting_id))
            edit_id = self._audit(meeting_id, before, after, kinds, by=by, role=role, device_id=device_id, now=now,
                                  reason=json.dumps({"present": list(present), "absent": list(absent)}))
        return MeetingEditResult(meeting_id, edit_id, kinds, before, after)

    def _write(self, meeting_id: str, before: dict, after: dict, kinds: list[str], *, by: str, role: str,
               device_id: str, now: datetime, reason: str, check=None) -> MeetingEditResult:
        if after == before:
            return MeetingEditResult(meeting_id, None, [], before, after)
        store = self.store
        with store.atomic():
            if self._current(meeting_id) != before:      # another device changed it since we looked
                if check is None:
                    raise KioskError(f"Meeting {meeting_id} was changed on another device; look again.",
                                     code="changed_meanwhile")
                before, after = check()              # checked again, now under the write lock
                if after == before:
                    return MeetingEditResult(meeting_id, None, [], before, after)
            store.execute('UPDATE meeting SET table_id = ?, room_id = ?, start = ?, "end" = ?, status = ?, '
                         "updated_at = ? WHERE id = ?", (after["table_id"], after["room_id"], after["start"],
                                                         after["end"], after["status"], now.isoformat(), meeting_id))
            edit_id = self._audit(meeting_id, before, after, kinds, by=by, role=role, device_id=device_id, now=now,
                                  reason=reason)
        return MeetingEditResult(meeting_id, edit_id, kinds, before, after)

    def _audit(self, meeting_id, before, after, kinds, *, by, role, device_id, now, reason) -> int:
        hlc = next_hlc(self.store, now)
        cur = self.store.execute(
            "INSERT INTO meeting_edit (meeting_id, kinds, role, device_id, by_name, at, before, after, reason, hlc, "
            "edit_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (meeting_id, ",".join(kinds), role, device_id, by, now.isoformat(), json.dumps(before),
             json.dumps(after), reason, hlc, f"{device_id}@{hlc}"))
        return cur.lastrowid

    def audit(self, meeting_id: str | None = None) -> list[dict]:
        sql = "SELECT id, meeting_id, kinds, role, device_id, by_name, at, before, after, reason, hlc, edit_key FROM meeting_edit"
        params: tuple = ()
        if meeting_id:
            sql += " WHERE meeting_id = ?"
            params = (meeting_id,)
        cols = ("id", "meeting_id", "kinds", "role", "device_id", "by", "at", "before", "after", "reason", "hlc",
                "edit_key")
        out = []
        for r in self.store.execute(sql + " ORDER BY id", params):
            d = dict(zip(cols, r))
            d["before"], d["after"] = json.loads(d["before"]), json.loads(d["after"])
            out.append(d)
        return out

    def any_meetings(self) -> bool:
        """Whether this database holds any meeting (of any kind, in any state)."""
        return self.store.execute("SELECT 1 FROM meeting LIMIT 1").fetchone() is not None

    def status_counts(self) -> Counter:
        return Counter(dict(self.store.execute("SELECT status, count(*) FROM meeting GROUP BY status").fetchall()))


def directory_counts(buyers: list[Buyer], *, country: str | None = None,
                     interest: str | None = None) -> tuple[Counter, Counter]:
    """What the buyer directory's chips count: buyers per country under the interest filter, and
    buyers per interest (exhibitor category) under the country filter — each chip says how many
    buyers a tap on it would show. ``None`` as a key counts "All"."""
    by_country: Counter = Counter()
    by_interest: Counter = Counter()
    for b in buyers:
        if interest is None or interest in b.interests:
            by_country[b.country] += 1
            by_country[None] += 1
        if country is None or b.country == country:
            by_interest.update(b.interests)
            by_interest[None] += 1
    return by_country, by_interest


def double_bookings(meetings: list[dict]) -> list[tuple[str, str]]:
    """Tables and people booked twice at once among ``meetings`` (dicts with ``id``, ``start``,
    ``end`` (datetimes), ``table`` (or None), ``participants`` (attendee ids) and optionally
    ``status``). Returns ``(meeting id, message)`` for each later meeting of a clash, in input
    order of the later one. Cancelled meetings never clash. O(n log n)."""
    by_key: dict[tuple[str, str], list[tuple[datetime, datetime, int]]] = {}
    for i, m in enumerate(meetings):
        if m.get("status") == "cancelled":
            continue
        if m.get("table"):
            by_key.setdefault(("table", m["table"]), []).append((m["start"], m["end"], i))
        for aid in set(m.get("participants") or ()):
            by_key.setdefault(("person", aid), []).append((m["start"], m["end"], i))
    found: list[tuple[int, str]] = []
    for (what, key), spans in by_key.items():
        spans.sort()
        latest_end, latest_i = None, None
        for start, end, i in spans:
            if latest_end is not None and start < latest_end:
                other = meetings[latest_i]
                label = f"table {key}" if what == "table" else f"{key}"
                found.append((i, f"{label} is booked twice at once: here and in meeting {other['id']} "
                                 f"({other['start']:%m-%d %H:%M}–{other['end']:%H:%M})"))
            if latest_end is None or end > latest_end:
                latest_end, latest_i = end, i
    found.sort()
    return [(meetings[i]["id"], msg) for i, msg in found]
