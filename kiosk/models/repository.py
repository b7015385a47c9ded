"""All SQL the kiosk runs against the event database lives here (parameterised)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import sqlite3

from .domain import (
    Event, Floor, Organisation, Participation, Room, Session, SessionStatus, Text,
)

if TYPE_CHECKING:   # imported where used: the first screen (home or agenda) needs neither
    from .exhibition import Booth, Category, Exhibitor
    from .venue_map import WalkGraph


def _dt(value: str, tz: ZoneInfo | None = None) -> datetime:
    """A stored instant; with ``tz``, shown in that zone (naive values are taken as already in it)."""
    moment = datetime.fromisoformat(value)
    if tz is None:
        return moment
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


def _clock_time(text: str) -> time:
    """``04:00`` (or ``4:00``) → a time; no ``strptime``, whose first use costs the start ~5 ms."""
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes))


def _rows(db: sqlite3.Connection, sql: str, params: tuple | list = ()) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _by_invitation(kind: str, delegation: str, start: datetime, end: datetime, *, end_known: bool,
                   room_known: bool) -> Text:
    """What a visitor reads about a closed-door meeting, in the three languages."""
    hm_s, hm_e = start.strftime("%H:%M"), end.strftime("%H:%M")
    what = {"bilateral": ("A bilateral meeting", "양자 회의", "雙邊會談"),
            "courtesy": ("A courtesy meeting", "예방 면담", "禮貌性拜會")}.get(kind, ("A meeting", "회의", "會談"))
    en = f"{what[0]} between delegations, by invitation: not open to visitors. {delegation}."
    ko = f"초청자만 참석하는 대표단 간 {what[1]}로, 일반 관람객은 참석할 수 없습니다. {delegation}."
    zh = f"代表團之間的{what[2]}，僅限受邀者，不開放參觀。{delegation}。"
    if not end_known:
        en += f" Starts {hm_s}; the end time is not published ({hm_e} is an estimate)."
        ko += f" {hm_s} 시작, 종료 시각은 공개되지 않았습니다({hm_e}은 추정)."
        zh += f" {hm_s} 開始；結束時間未公布（{hm_e} 為推估）。"
    if not room_known:
        en += " The room is not published: the one shown is this demo's assumption."
        ko += " 회의실은 공개되지 않았으며, 표시된 곳은 이 데모의 가정입니다."
        zh += " 會議室未公布，所示為本展示的假設。"
    return Text(en, ko, zh)


class Repository:
    """Reads (and, in later issues, writes) the event through one connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._event: Event | None = None

    # ---------------------------------------------------------------- event & venue
    def event(self) -> Event:
        if self._event is None:
            rows = _rows(
                self.db,
                "SELECT e.*, v.name_en AS venue_name_en, v.name_ko AS venue_name_ko, "
                "v.name_zh AS venue_name_zh FROM event e JOIN venue v ON v.id = e.venue_id",
            )
            r = rows[0]
            self._event = Event(
                id=r["id"],
                name=Text.from_row(r, "name"),
                subtitle=Text.from_row(r, "subtitle"),
                theme=Text.from_row(r, "theme"),
                timezone=r["timezone"],
                first_day=date.fromisoformat(r["first_day"]),
                last_day=date.fromisoformat(r["last_day"]),
                default_language=r["default_language"],
                venue_name=Text.from_row(r, "venue_name"),
                agenda_url=r.get("agenda_url"),
                day_change=r.get("day_change") or "00:00",
                content_language=r.get("content_language"),
            )
        return self._event

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.event().timezone)

    def floors(self) -> dict[str, Floor]:
        return {
            r["id"]: Floor(r["id"], r["level"], Text.from_row(r, "name"), r["plan_width"], r["plan_depth"])
            for r in _rows(self.db, "SELECT * FROM floor ORDER BY level")
        }

    def rooms(self) -> dict[str, Room]:
        out = {}
        for r in _rows(self.db, "SELECT * FROM room ORDER BY floor_id, id"):
            plan = None
            if r["plan_x"] is not None:
                plan = (r["plan_x"], r["plan_y"], r["plan_w"], r["plan_h"])
            out[r["id"]] = Room(
                id=r["id"], floor_id=r["floor_id"], kind=r["kind"], name=Text.from_row(r, "name"),
                directions=Text.from_row(r, "directions"), area_m2=r["area_m2"], seats=r["seats"],
                plan=plan, part_of=r["part_of"], not_on_plan=bool(r.get("not_on_plan")),
            )
        return out

    # ---------------------------------------------------------------- sessions
    def _session(self, r: dict) -> Session:
        # Every instant leaves the repository in the event's zone, whatever offset it was stored
        # with (an imported file may write UTC): views and the CLI format them as they are.
        tz = self.tz
        return Session(
            id=r["id"], type=r["type"], title=Text.from_row(r, "title"),
            description=Text.from_row(r, "description"),
            start=_dt(r["start"], tz), end=_dt(r["end"], tz), room_id=r["room_id"],
            published_start=_dt(r["published_start"], tz), published_end=_dt(r["published_end"], tz),
            published_room_id=r["published_room_id"], status=SessionStatus(r["status"]),
            notice=r["notice"] or "", room_assumed=bool(r["room_assumed"]),
            subtitle=r.get("subtitle") or "", source_type=r.get("source_type") or "", track=r.get("track") or "",
            language=r.get("language") or "", url=r.get("url") or "",
        )

    def sessions(self, day: date | None = None) -> list[Session]:
        """Sessions in start order; with ``day``, those of that conference day: from the event's
        day change (00:00 unless the schedule said otherwise, e.g. 04:00) to the next one."""
        if day is None:
            rows = _rows(self.db, 'SELECT * FROM session ORDER BY start, "end", id')
        else:
            tz = self.tz
            change = _clock_time(self.event().day_change)
            lo = datetime.combine(day, change, tz)
            hi = lo + timedelta(days=1)
            rows = _rows(
                self.db,
                'SELECT * FROM session WHERE start >= ? AND start < ? ORDER BY start, "end", id',
                (lo.isoformat(), hi.isoformat()),
            )
        return [self._session(r) for r in rows]

    def session(self, session_id: str) -> Session | None:
        """A session by id — or a public meeting's agenda entry (:meth:`public_meetings`)."""
        rows = _rows(self.db, "SELECT * FROM session WHERE id = ?", (session_id,))
        if rows:
            return self._session(rows[0])
        return next(iter(self.public_meetings(meeting_id=session_id)), None)

    def public_meetings(self, day: date | None = None, *, meeting_id: str | None = None) -> list[Session]:
        """Bilateral and courtesy meetings as agenda entries (type ``meeting``), for visitors to
        see what the delegations do at the fair. Closed-door: each says it is by invitation. Only
        meetings whose day and start are known (not marked assumed) — a visitor must not read an
        invented time as fact; the report's Hsinchu–Uzbekistan IT Park meeting (15 June 15:00) is
        one, the courtesy meetings (day and time assumed) are not. An assumed end or room is said
        so, as the MOU signing's is. B2B table meetings are the board's and "my day"'s."""
        sql = ('SELECT id, kind, title_en, title_ko, title_zh, start, "end", room_id, published_start, published_end, '
               "published_room_id, status, delegation, assumed FROM meeting WHERE kind != 'b2b' "
               "AND room_id IS NOT NULL")
        params: list = []
        if meeting_id is not None:
            sql += " AND id = ?"
            params.append(meeting_id)
        if day is not None:
            change = _clock_time(self.event().day_change)      # (no strptime: see _clock_time)
            lo = datetime.combine(day, change, self.tz)
            sql += " AND start >= ? AND start < ?"
            params += [lo.isoformat(), (lo + timedelta(days=1)).isoformat()]
        tz = self.tz
        out = []
        for (mid, kind, t_en, t_ko, t_zh, start, end, room, p_start, p_end, p_room, status, delegation,
             assumed) in self.db.execute(sql + " ORDER BY start, id", params):
            guessed = {x for x in (assumed or "").split(",") if x}
            if guessed & {"day", "start"}:
                continue
            start_dt, end_dt = _dt(start, tz), _dt(end, tz)
            out.append(Session(
                id=mid, type="meeting", title=Text(t_en or delegation, t_ko, t_zh),
                description=_by_invitation(kind, delegation, start_dt, end_dt, end_known="end" not in guessed,
                                           room_known="room" not in guessed),
                start=start_dt, end=end_dt, room_id=room, published_start=_dt(p_start, tz),
                published_end=_dt(p_end, tz), published_room_id=p_room,
                status=SessionStatus.CANCELLED if status == "cancelled" else SessionStatus.SCHEDULED,
                room_assumed="room" in guessed, source_type=kind))
        return out

    def participants(self, session_id: str) -> list[Participation]:
        """Moderators first, then speakers and panelists, in programme order."""
        rows = _rows(
            self.db,
            """
            SELECT sp.role, sp.talk_en, sp.talk_ko, sp.talk_zh, p.id AS person_id, p.name,
                   p.name_local, p.title_en, p.title_ko, p.title_zh,
                   o.id AS org_id, o.name_en AS org_en, o.name_ko AS org_ko, o.name_zh AS org_zh,
                   o.country
            FROM session_person sp
            JOIN person p ON p.id = sp.person_id
            LEFT JOIN organisation o ON o.id = p.organisation_id
            WHERE sp.session_id = ?
            ORDER BY CASE sp.role WHEN 'moderator' THEN 0 ELSE 1 END, sp.position
            """,
            (session_id,),
        )
        out = []
        for r in rows:
            org = None
            if r["org_id"]:
                org = Organisation(r["org_id"], Text.from_row(r, "org"), r["country"])
            out.append(
                Participation(
                    person_id=r["person_id"], name=r["name"], name_local=r["name_local"],
                    role=r["role"], title=Text.from_row(r, "title"), organisation=org,
                    talk=Text.from_row(r, "talk"),
                )
            )
        return out

    def speaker_names(self) -> dict[str, list[str]]:
        """Session id → names of its people (moderators first), for list rows."""
        out: dict[str, list[str]] = {}
        for session_id, name in self.db.execute(
            "SELECT session_id, p.name FROM session_person sp JOIN person p ON p.id = sp.person_id "
            "ORDER BY session_id, CASE sp.role WHEN 'moderator' THEN 0 ELSE 1 END, sp.position"
        ).fetchall():
            out.setdefault(session_id, []).append(name)
        return out

    def changes(self):
        """Sessions that differ from the published programme, most recently changed first."""
        return self.db.schedule.changes()

    # ---------------------------------------------------------------- exhibition
    def category_counts(self) -> list[tuple[dict, int]]:
        """Each category (row dict) with its number of exhibitors, in the organiser's order."""
        rows = _rows(
            self.db,
            "SELECT c.*, count(e.id) AS n FROM category c LEFT JOIN exhibitor e ON e.category_id = c.id "
            "GROUP BY c.id ORDER BY c.position",
        )
        return [(r, r["n"]) for r in rows]

    def exhibitor_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM exhibitor").fetchone()[0]

    def categories(self) -> list[Category]:
        from .exhibition import Category

        return [Category(r["id"], Text.from_row(r, "name"), r["colour"], r["symbol"])
                for r in _rows(self.db, "SELECT * FROM category ORDER BY position")]

    def booths(self) -> dict[str, Booth]:
        from .exhibition import Booth
        from .venue_map import Rect

        rows = _rows(self.db, "SELECT b.*, r.floor_id FROM booth b JOIN room r ON r.id = b.room_id ORDER BY b.id")
        return {
            r["id"]: Booth(r["id"], r["room_id"], r["floor_id"],
                           Rect(r["plan_x"], r["plan_y"], r["plan_w"], r["plan_h"]),
                           (r["door_x"], r["door_y"]) if r["door_x"] is not None else None)
            for r in rows
        }

    def exhibitors(self) -> list[Exhibitor]:
        """Every exhibitor with its booths, sorted by English name."""
        from .exhibition import Exhibitor

        booths: dict[str, list[str]] = {}
        for eid, bid in self.db.execute("SELECT exhibitor_id, booth_id FROM exhibitor_booth ORDER BY booth_id"):
            booths.setdefault(eid, []).append(bid)
        return [
            Exhibitor(id=r["id"], name=Text.from_row(r, "name"), description=Text.from_row(r, "description"),
                      products=Text(en=r["products"] or "", ko=r["products_ko"], zh=r["products_zh"]), website=r["website"], country=r["country"],
                      category_id=r["category_id"], booths=tuple(booths.get(r["id"], ())))
            for r in _rows(self.db, "SELECT * FROM exhibitor ORDER BY name_en COLLATE NOCASE")
        ]

    def search_exhibitors(self, text: str) -> frozenset[str]:
        """Ids of exhibitors whose name contains ``text`` in any language, ignoring case.

        Three or more characters use the trigram index; one or two fall back to LIKE
        (a trigram index cannot hold shorter strings). A booth number matches too.
        """
        from .exhibition import fts_phrase, like_pattern

        # control characters (NUL, escapes from a scanner) are never part of a name
        text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
        if not text:
            return frozenset()
        if len(text) >= 3:
            ids = {r[0] for r in self.db.execute(
                "SELECT exhibitor_id FROM exhibitor_fts WHERE exhibitor_fts MATCH ?", (fts_phrase(text),))}
        else:
            pattern = like_pattern(text)
            ids = {r[0] for r in self.db.execute(
                "SELECT id FROM exhibitor WHERE name_en LIKE ?1 ESCAPE '\\' OR name_ko LIKE ?1 ESCAPE '\\' "
                "OR name_zh LIKE ?1 ESCAPE '\\'", (pattern,))}
        ids |= {r[0] for r in self.db.execute(
            "SELECT exhibitor_id FROM exhibitor_booth WHERE booth_id = ? COLLATE NOCASE", (text,))}
        return frozenset(ids)

    # ---------------------------------------------------------------- venue map
    def map_features(self) -> list[dict]:
        import json     # here: the map's rooms are not on the first frame (its import ≈ 1.5 ms)

        out = []
        for r in _rows(self.db, "SELECT * FROM map_feature ORDER BY id"):
            r["geometry"] = json.loads(r["geometry"])
            r["door"] = json.loads(r["door"]) if r["door"] else None
            r["name"] = Text.from_row(r, "name")
            out.append(r)
        return out

    def kiosks(self) -> dict[str, dict]:
        return {r["id"]: {**r, "name": Text.from_row(r, "name")}
                for r in _rows(self.db, "SELECT * FROM kiosk ORDER BY id")}

    def walk_graph(self) -> WalkGraph:
        """The walkway graph with every booth front, room door, kiosk, lift and stairs attached.

        Door ids: booths by number, rooms as ``room:ID``, kiosks as ``kiosk:ID``, matchmaking
        tables as ``table:ID``."""
        from .venue_map import Connector, WalkGraph

        walkways, doors, connectors = [], [], []
        for f in self.map_features():
            g = f["geometry"]
            if f["feature_type"] == "walkway":
                walkways.append((f["floor_id"], [tuple(p) for p in g["coordinates"]]))
            elif f["feature_type"] == "opening" and f["unit_id"]:
                doors.append((f"room:{f['unit_id']}", f["floor_id"], tuple(g["coordinates"])))
            elif f["feature_type"] == "connector":
                connectors.append(Connector(f["id"], f["category"], {k: tuple(v) for k, v in f["door"].items()}))
        for b in self.booths().values():
            if b.door:
                doors.append((b.id, b.floor_id, b.door))
        for k in self.kiosks().values():
            doors.append((f"kiosk:{k['id']}", k["floor_id"], (k["x"], k["y"])))
        for tid, floor_id, x, y in self.db.execute("SELECT id, floor_id, x, y FROM meeting_table"):
            doors.append((f"table:{tid}", floor_id, (x, y)))
        return WalkGraph(walkways, doors, connectors)
