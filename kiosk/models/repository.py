"""All SQL the kiosk runs against the event database lives here (parameterised)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlite3

from .domain import (
    Event, Floor, Organisation, Participation, Room, Session, SessionStatus, Text,
)


def _dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _rows(db: sqlite3.Connection, sql: str, params: tuple | list = ()) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


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
                plan=plan, part_of=r["part_of"],
            )
        return out

    # ---------------------------------------------------------------- sessions
    @staticmethod
    def _session(r: dict) -> Session:
        return Session(
            id=r["id"], type=r["type"], title=Text.from_row(r, "title"),
            description=Text.from_row(r, "description"),
            start=_dt(r["start"]), end=_dt(r["end"]), room_id=r["room_id"],
            published_start=_dt(r["published_start"]), published_end=_dt(r["published_end"]),
            published_room_id=r["published_room_id"], status=SessionStatus(r["status"]),
            notice=r["notice"] or "", room_assumed=bool(r["room_assumed"]),
        )

    def sessions(self, day: date | None = None) -> list[Session]:
        """Sessions in start order; with ``day``, those that start on that local day."""
        if day is None:
            rows = _rows(self.db, 'SELECT * FROM session ORDER BY start, "end", id')
        else:
            tz = self.tz
            lo = datetime.combine(day, datetime.min.time(), tz)
            hi = lo + timedelta(days=1)
            rows = _rows(
                self.db,
                'SELECT * FROM session WHERE start >= ? AND start < ? ORDER BY start, "end", id',
                (lo.isoformat(), hi.isoformat()),
            )
        return [self._session(r) for r in rows]

    def session(self, session_id: str) -> Session | None:
        rows = _rows(self.db, "SELECT * FROM session WHERE id = ?", (session_id,))
        return self._session(rows[0]) if rows else None

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
