"""Exports with the live changes applied: frab schedule.xml, c3voc schedule.json (schema
"schedule2"), iCalendar (RFC 5545, Asia/Seoul zone), exhibitors CSV.

Our session types map onto the schemas' few: keynotes, forums and master classes are talks,
roundtables discussions, meetings and matchmaking meetings, the rest OTHER (the original type
travels in `track`, so nothing is lost on a round trip through our own importer).
"""

from __future__ import annotations

import csv
import json
import re
import uuid
from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from kiosk.models.repository import Repository

NAMESPACE = uuid.UUID("6d1f1c1e-3a43-4b7a-9a53-1f6d0f3b2c01")   # stable guids for our ids
C3VOC_TYPES = {"keynote": "TALK", "forum": "TALK", "masterclass": "WORKSHOP", "roundtable": "DISCUSSION",
               "meeting": "MEETING", "matchmaking": "MEETING"}


def guid(kind: str, ident: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{ident}"))


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "x"


def _duration(start: datetime, end: datetime) -> str:
    minutes = int((end - start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class Exporter:
    def __init__(self, conn, clock=None) -> None:
        """``conn``: the event store; ``clock``: stamps the iCalendar (default: the wall clock)."""
        if clock is None:
            from kiosk.clock import SystemClock

            clock = SystemClock(conn.tz)
        self.conn = conn
        self.clock = clock
        self.repo = Repository(conn)
        self.event = self.repo.event()
        self.rooms = self.repo.rooms()
        self.sessions = self.repo.sessions()
        self._people = {s.id: self.repo.participants(s.id) for s in self.sessions}

    @property
    def acronym(self) -> str:
        return slug(self.event.id).replace("-", "_")[:32].ljust(4, "x")

    def _room_name(self, room_id: str | None) -> str:
        room = self.rooms.get(room_id or "")
        return room.id if room else "TBA"

    # ---------------------------------------------------------------- frab XML
    def frab_xml(self) -> str:
        e = self.event
        tz = self.repo.tz
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<schedule>",
               '  <generator name="innofair-kiosk" version="0.1"/>', "  <version>1.0</version>", "  <conference>",
               f"    <title>{escape(e.name.en)}</title>", f"    <acronym>{escape(self.acronym)}</acronym>",
               f"    <start>{e.first_day.isoformat()}</start>", f"    <end>{e.last_day.isoformat()}</end>",
               f"    <days>{len(e.days)}</days>", "    <timeslot_duration>00:05</timeslot_duration>",
               f"    <time_zone_name>{escape(e.timezone)}</time_zone_name>", "  </conference>"]
        event_id = 0
        for index, day in enumerate(e.days, 1):
            start = datetime.combine(day, datetime.min.time(), tz)
            end = datetime.combine(day, datetime.max.time().replace(microsecond=0), tz)
            out.append(f'  <day index="{index}" date="{day.isoformat()}" start="{start.isoformat()}" '
                       f'end="{end.isoformat()}">')
            todays = [s for s in self.sessions if s.start.astimezone(tz).date() == day]
            for room_id in sorted({s.room_id for s in todays}, key=lambda r: r or ""):
                name = self._room_name(room_id)
                out.append(f"    <room name={quoteattr(name)} guid=\"{guid('room', name)}\">")
                for s in (x for x in todays if x.room_id == room_id):
                    event_id += 1
                    abstract = s.description.en + (f" [{s.notice}]" if s.notice else "")
                    if s.cancelled:
                        abstract = "CANCELLED. " + abstract
                    out += [
                        f'      <event id="{event_id}" guid="{guid("session", s.id)}">',
                        f"        <room>{escape(name)}</room>",
                        f"        <title>{escape(s.title.en)}</title>",
                        f"        <subtitle>{escape(s.title.ko or '')}</subtitle>",
                        f"        <type>{escape(s.type)}</type>",
                        f"        <date>{s.start.isoformat()}</date>",
                        f"        <start>{s.start.astimezone(tz):%H:%M}</start>",
                        f"        <duration>{_duration(s.start, s.end)}</duration>",
                        f"        <abstract>{escape(abstract)}</abstract>",
                        f"        <slug>{escape(self.acronym)}-{escape(slug(s.id))}</slug>",
                        f"        <track>{escape(s.type)}</track>",
                        "        <persons>",
                    ]
                    for p in self._people[s.id]:
                        out.append(f'          <person guid="{guid("person", p.person_id)}">{escape(p.name)}</person>')
                    out += ["        </persons>", "        <language>en</language>",
                            f"        <description>{escape(s.description.en)}</description>", "      </event>"]
                out.append("    </room>")
            out.append("  </day>")
        out.append("</schedule>")
        return "\n".join(out) + "\n"

    # ---------------------------------------------------------------- c3voc JSON
    def c3voc_json(self) -> str:
        e = self.event
        tz = self.repo.tz
        rooms_used = sorted({self._room_name(s.room_id) for s in self.sessions})
        events = []
        for s in self.sessions:
            name = self._room_name(s.room_id)
            participants = [{"name": p.name, "guid": guid("person", p.person_id),
                             "role": {"moderator": "MODERATOR", "panelist": "GUEST"}.get(p.role, "SPEAKER")}
                            for p in self._people[s.id]]
            abstract = {"en": s.description.en}
            if s.description.ko:
                abstract["ko"] = s.description.ko
            if s.description.zh:
                abstract["zh"] = s.description.zh
            events.append({
                "guid": guid("session", s.id), "start": s.start.isoformat(), "end": s.end.isoformat(),
                "room": {"name": name, "guid": guid("room", name)}, "slug": slug(s.id),
                "url": f"https://example.com/{slug(e.id)}/session/{slug(s.id)}",
                "title": s.title.en, "subtitle": s.title.ko or None, "track": {"slug": s.type},
                "type": C3VOC_TYPES.get(s.type, "OTHER"), "language": "en", "abstract": abstract,
                "description": s.notice or None, "participants": participants, "links": [],
                "state": "CANCELED" if s.cancelled else "CONFIRMED",
            })
        days = []
        for index, day in enumerate(e.days, 1):
            start = datetime.combine(day, datetime.min.time(), tz)
            days.append({"index": index, "date": day.isoformat(), "start": start.isoformat(),
                         "end": datetime.combine(day, datetime.max.time().replace(microsecond=0), tz).isoformat()})
        doc = {
            "$schema": "https://c3voc.de/schedule/schema.json",
            "generator": {"name": "innofair-kiosk", "version": "0.1"},
            "schedule": {
                "version": "1.0",
                "conference": {
                    "acronym": self.acronym, "title": e.name.en,
                    "start": datetime.combine(e.first_day, datetime.min.time(), tz).isoformat(),
                    "end": datetime.combine(e.last_day, datetime.max.time().replace(microsecond=0), tz).isoformat(),
                    "time_zone_name": e.timezone,
                    "rooms": [self._room_json(n) for n in rooms_used],
                    "days": days,
                },
                "events": events,
            },
        }
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"

    def _room_json(self, name: str) -> dict:
        room = self.rooms.get(name)
        out = {"name": name, "guid": guid("room", name)}
        if room is not None:
            out["description"] = room.name.en
            if room.seats:
                out["capacity"] = room.seats
        return out

    # ---------------------------------------------------------------- iCalendar
    def ics(self) -> str:
        now = self.clock.now().astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//InnoFair kiosk//EN", "CALSCALE:GREGORIAN",
                 f"X-WR-CALNAME:{_ics_text(self.event.name.en)}", *vtimezone(self.event.timezone)]
        for s in self.sessions:
            lines += vevent(s, self.rooms.get(s.room_id or ""), self.event.timezone, stamp=now)
        lines.append("END:VCALENDAR")
        return "\r\n".join(fold(line) for line in lines) + "\r\n"

    # ---------------------------------------------------------------- CSV
    def exhibitors_csv(self, fh) -> int:
        writer = csv.writer(fh)
        writer.writerow(["id", "name_en", "name_ko", "name_zh", "country", "category", "booths", "description_en",
                         "description_ko", "products", "website"])
        n = 0
        for e in self.repo.exhibitors():
            writer.writerow([e.id, e.name.en, e.name.ko or "", e.name.zh or "", e.country, e.category_id or "",
                             " ".join(e.booths), e.description.en, e.description.ko or "", e.products, e.website or ""])
            n += 1
        return n


def vtimezone(tzid: str) -> list[str]:
    """A VTIMEZONE for zones without daylight saving (Asia/Seoul has none since 1988)."""
    from zoneinfo import ZoneInfo

    offset = datetime(2023, 6, 1, tzinfo=ZoneInfo(tzid)).strftime("%z")
    name = datetime(2023, 6, 1, tzinfo=ZoneInfo(tzid)).tzname()
    return ["BEGIN:VTIMEZONE", f"TZID:{tzid}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}", f"TZNAME:{name}", "END:STANDARD", "END:VTIMEZONE"]


def vevent(session, room, tzid: str, *, stamp: str) -> list[str]:
    location = room.name.en if room else ""
    description = session.description.en
    if session.notice:
        description = f"{session.notice}\n{description}"
    out = ["BEGIN:VEVENT", f"UID:{guid('session', session.id)}@innofair-kiosk", f"DTSTAMP:{stamp}",
           f"DTSTART;TZID={tzid}:{session.start:%Y%m%dT%H%M%S}", f"DTEND;TZID={tzid}:{session.end:%Y%m%dT%H%M%S}",
           f"SUMMARY:{_ics_text(session.title.en)}", f"LOCATION:{_ics_text(location)}",
           f"DESCRIPTION:{_ics_text(description)}"]
    if session.cancelled:
        out.append("STATUS:CANCELLED")
    out.append("END:VEVENT")
    return out


def session_qr_event(session, room) -> str:
    """One session as the bare VEVENT phone cameras turn into "add to calendar" (the QR on a
    session's detail). UTC times and no description keep the code small enough to scan easily."""
    utc = timezone.utc
    lines = ["BEGIN:VEVENT", f"SUMMARY:{_ics_text(session.title.en)}",
             f"DTSTART:{session.start.astimezone(utc):%Y%m%dT%H%M%SZ}",
             f"DTEND:{session.end.astimezone(utc):%Y%m%dT%H%M%SZ}"]
    if room is not None:
        lines.append(f"LOCATION:{_ics_text(room.name.en)}")
    lines.append("END:VEVENT")
    return "\n".join(lines)


def _ics_text(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n") \
        .replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += b
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)
