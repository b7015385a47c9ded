"""Exports with the live changes applied: frab schedule.xml, c3voc schedule.json in the classic
``conference.days[].rooms{}`` shape that frab and pretalx write and the apps read (Giggity,
EventFahrplan, the c3voc tools), the flat "schedule2" JSON of the c3voc schema, iCalendar
(RFC 5545, through the ``icalendar`` library: VTIMEZONEs from zoneinfo) and exhibitors CSV.

Instants are written in the event's zone with their offset. Our session types map onto the
schemas' few; a session imported from another schedule keeps the file's own type, track, subtitle,
language and URL, so a round trip gives them back. URLs are the event's own (its agenda URL and each
session's page from the imported file) or none: never a made-up address.
"""

from __future__ import annotations

import csv
import json
import re
import uuid
from datetime import date, datetime, time, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr

from kiosk.models.repository import Repository

NAMESPACE = uuid.UUID("6d1f1c1e-3a43-4b7a-9a53-1f6d0f3b2c01")   # stable guids for our ids
C3VOC_TYPES = {"keynote": "TALK", "forum": "TALK", "masterclass": "WORKSHOP", "roundtable": "DISCUSSION",
               "meeting": "MEETING", "matchmaking": "MEETING", "reception": "PERFORMANCE"}
_SLUG_XSD = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}")


def guid(kind: str, ident: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{ident}"))


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "x"


def _duration(start: datetime, end: datetime) -> str:
    minutes = int((end - start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _http(url: str | None) -> str | None:
    return url if url and re.match(r"https?://\S+$", url) else None


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
        self.tz = self.repo.tz
        self.rooms = self.repo.rooms()
        self.sessions = self.repo.sessions()
        self._people = {s.id: self.repo.participants(s.id) for s in self.sessions}
        change = datetime.strptime(self.event.day_change or "00:00", "%H:%M").time()
        self.change = timedelta(hours=change.hour, minutes=change.minute)

    @property
    def acronym(self) -> str:
        """The schemas' acronym: lower-case letters, digits and "_" (both the XSD's and the JSON
        schema's patterns), from the event's id."""
        return re.sub(r"[^a-z0-9_]+", "_", self.event.id.lower()).strip("_")[:32].ljust(4, "x")

    def _room_name(self, room_id: str | None) -> str:
        room = self.rooms.get(room_id or "")
        return room.id if room else "TBA"

    # -- conference days: a session after midnight belongs to the day before when days change later
    def conference_day(self, s) -> date:
        return (s.start.astimezone(self.tz) - self.change).date()

    def _days(self):
        days = list(self.event.days)
        extra = sorted({self.conference_day(s) for s in self.sessions} - set(days))
        for d in extra:     # never drop a session the event's days do not cover: give it its day
            days.append(d)
        days.sort()
        out = []
        for index, day in enumerate(days, 1):
            start = datetime.combine(day, time(0), self.tz) + self.change
            end = datetime.combine(day + timedelta(days=1), time(0), self.tz) + self.change - timedelta(seconds=1)
            todays = [s for s in self.sessions if self.conference_day(s) == day]
            out.append((index, day, start, end, todays))
        return out

    def _slug(self, s) -> str:
        return f"{self.acronym}-{s.id}"

    def _type(self, s) -> str:
        return s.source_type or s.type

    def _abstract(self, s) -> str:
        text = s.description.en + (f" [{s.notice}]" if s.notice else "")
        return ("CANCELLED. " + text) if s.cancelled else text

    # ---------------------------------------------------------------- frab XML
    def frab_xml(self) -> str:
        e = self.event
        tz = self.tz
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<schedule>",
               '  <generator name="innofair-kiosk" version="0.1"/>']
        url = _http(e.agenda_url)
        out += ["  <version>1.0</version>", "  <conference>",
                f"    <title>{escape(e.name.en)}</title>", f"    <acronym>{escape(self.acronym)}</acronym>",
                f"    <start>{e.first_day.isoformat()}</start>", f"    <end>{e.last_day.isoformat()}</end>",
                f"    <days>{len(e.days)}</days>", "    <timeslot_duration>00:05</timeslot_duration>"]
        if url:
            out.append(f"    <url>{escape(url)}</url>")
        out += [f"    <time_zone_name>{escape(e.timezone)}</time_zone_name>", "  </conference>"]
        event_id = 0
        for index, day, start, end, todays in self._days():
            out.append(f'  <day index="{index}" date="{day.isoformat()}" start="{start.isoformat()}" '
                       f'end="{end.isoformat()}">')
            for room_id in sorted({s.room_id for s in todays}, key=lambda r: r or ""):
                name = self._room_name(room_id)
                out.append(f"    <room name={quoteattr(name)} guid=\"{guid('room', name)}\">")
                for s in (x for x in todays if x.room_id == room_id):
                    event_id += 1
                    local = s.start.astimezone(tz)
                    out += [
                        f'      <event id="{event_id}" guid="{guid("session", s.id)}">',
                        f"        <room>{escape(name)}</room>",
                        f"        <title>{escape(s.title.en)}</title>",
                        f"        <subtitle>{escape(s.subtitle)}</subtitle>",
                        f"        <type>{escape(self._type(s))}</type>",
                        f"        <date>{local.isoformat()}</date>",
                        f"        <start>{local:%H:%M}</start>",
                        f"        <duration>{_duration(s.start, s.end)}</duration>",
                        f"        <abstract>{escape(self._abstract(s))}</abstract>",
                    ]
                    if _SLUG_XSD.fullmatch(self._slug(s)):
                        out.append(f"        <slug>{escape(self._slug(s))}</slug>")
                    out += [f"        <track>{escape(s.track or s.type)}</track>", "        <persons>"]
                    for p in self._people[s.id]:
                        out.append(f'          <person guid="{guid("person", p.person_id)}">{escape(p.name)}</person>')
                    out += ["        </persons>", f"        <language>{escape(s.language or 'en')}</language>",
                            f"        <description>{escape(s.notice)}</description>"]
                    if _http(s.url):
                        out.append(f"        <url>{escape(s.url)}</url>")
                    out.append("      </event>")
                out.append("    </room>")
            out.append("  </day>")
        out.append("</schedule>")
        return "\n".join(out) + "\n"

    # ---------------------------------------------------------------- c3voc JSON, classic shape
    def _classic_event(self, s, number: int) -> dict:
        local = s.start.astimezone(self.tz)
        return {
            "id": number, "guid": guid("session", s.id), "date": local.isoformat(), "start": f"{local:%H:%M}",
            "duration": _duration(s.start, s.end), "room": self._room_name(s.room_id), "slug": self._slug(s),
            "url": _http(s.url), "title": s.title.en, "subtitle": s.subtitle or "", "track": s.track or s.type,
            "type": self._type(s), "language": s.language or "en", "abstract": self._abstract(s),
            "description": s.notice or "", "recording_license": "", "do_not_record": False,
            "persons": [{"id": i, "guid": guid("person", p.person_id), "public_name": p.name, "name": p.name,
                         "role": {"moderator": "MODERATOR", "panelist": "GUEST"}.get(p.role, "SPEAKER")}
                        for i, p in enumerate(self._people[s.id], 1)],
            "links": [], "attachments": [],
        }

    def c3voc_json(self) -> str:
        """schedule.json as frab and pretalx write it: conference.days[].rooms{name: [events]}."""
        e = self.event
        days, number = [], 0
        for index, day, start, end, todays in self._days():
            rooms: dict[str, list] = {}
            for room_id in sorted({s.room_id for s in todays}, key=lambda r: r or ""):
                name = self._room_name(room_id)
                for s in (x for x in todays if x.room_id == room_id):
                    number += 1
                    rooms.setdefault(name, []).append(self._classic_event(s, number))
            days.append({"index": index, "date": day.isoformat(), "day_start": start.isoformat(),
                         "day_end": end.isoformat(), "rooms": rooms})
        conference = {
            "acronym": self.acronym, "title": e.name.en, "start": e.first_day.isoformat(),
            "end": e.last_day.isoformat(), "daysCount": len(days), "timeslot_duration": "00:05",
            "time_zone_name": e.timezone,
            "rooms": [self._room_json(n) for n in sorted({self._room_name(s.room_id) for s in self.sessions})],
            "days": days,
        }
        if _http(e.agenda_url):
            conference["url"] = e.agenda_url
        doc = {"schedule": {"version": "1.0", "base_url": _http(e.agenda_url) or "", "conference": conference}}
        if not doc["schedule"]["base_url"]:
            del doc["schedule"]["base_url"]
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"

    # ---------------------------------------------------------------- c3voc JSON, "schedule2"
    def schedule2_json(self) -> str:
        """The c3voc "schedule2" shape (a flat events list), valid against its JSON schema."""
        e = self.event
        tz = self.tz
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
            event = {
                "guid": guid("session", s.id), "start": s.start.astimezone(tz).isoformat(),
                "end": s.end.astimezone(tz).isoformat(), "room": {"name": name, "guid": guid("room", name)},
                "slug": slug(s.id), "title": s.title.en, "subtitle": s.subtitle or None,
                "track": {"slug": slug(s.track or s.type), "name": s.track or s.type},
                "type": C3VOC_TYPES.get(s.type, "OTHER"), "language": s.language or "en", "abstract": abstract,
                "description": s.notice or None, "participants": participants, "links": [],
                "state": "CANCELED" if s.cancelled else "CONFIRMED",
            }
            # the schema requires a URL: the session's own page, else the event's agenda, else a URN
            # naming the session (an identifier, not a made-up web address)
            event["url"] = _http(s.url) or (f"{e.agenda_url.rstrip('#')}#{slug(s.id)}" if _http(e.agenda_url)
                                            else f"urn:uuid:{event['guid']}")
            events.append(event)
        days = [{"index": index, "date": day.isoformat(), "start": start.isoformat(), "end": end.isoformat()}
                for index, day, start, end, _ in self._days()]
        conference = {
            "acronym": self.acronym, "title": e.name.en,
            "start": days[0]["start"] if days else datetime.combine(e.first_day, time(0), tz).isoformat(),
            "end": days[-1]["end"] if days else datetime.combine(e.last_day, time(23, 59), tz).isoformat(),
            "rooms": [self._room_json(n) for n in sorted({self._room_name(s.room_id) for s in self.sessions})],
            "days": days,
        }
        if re.fullmatch(r"([A-Z][a-z]+/[A-Z][a-z]+)|UTC", e.timezone):   # the schema's own pattern
            conference["time_zone_name"] = e.timezone
        if _http(e.agenda_url):
            conference["url"] = e.agenda_url
        doc = {"$schema": "https://c3voc.de/schedule/schema.json",
               "generator": {"name": "innofair-kiosk", "version": "0.1"},
               "schedule": {"version": "1.0", "conference": conference, "events": events}}
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
    def ics(self, *, now: datetime | None = None) -> str:
        """RFC 5545 through the icalendar library: every DTSTART/DTEND in the event's zone, with a
        VTIMEZONE built from zoneinfo for the years the event spans (daylight saving included)."""
        import icalendar

        cal = icalendar.Calendar()
        cal.add("prodid", "-//InnoFair kiosk//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", self.event.name.en)
        cal.add("x-wr-timezone", self.event.timezone)
        stamp = (now or self.clock.now()).astimezone(timezone.utc)
        for s in self.sessions:
            room = self.rooms.get(s.room_id or "")
            ev = icalendar.Event()
            ev.add("uid", f"{guid('session', s.id)}@innofair-kiosk")
            ev.add("dtstamp", stamp)
            ev.add("dtstart", s.start.astimezone(self.tz))
            ev.add("dtend", s.end.astimezone(self.tz))
            ev.add("summary", s.title.en + (f" – {s.subtitle}" if s.subtitle else ""))
            ev.add("location", room.name.en if room else "")
            description = s.description.en
            if s.notice:
                description = f"{s.notice}\n{description}"
            ev.add("description", description)
            if _http(s.url):
                ev.add("url", s.url)
            if s.cancelled:
                ev.add("status", "CANCELLED")
            cal.add_component(ev)
        if self.sessions:
            first = min(s.start for s in self.sessions).date() - timedelta(days=1)
            last = max(s.end for s in self.sessions).date() + timedelta(days=1)
            cal.add_missing_timezones(first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1))
        return cal.to_ical().decode("utf-8")

    # ---------------------------------------------------------------- CSV
    def exhibitors_csv(self, fh) -> int:
        writer = csv.writer(fh)
        writer.writerow(["id", "name_en", "name_ko", "name_zh", "country", "category", "booths", "description_en",
                         "description_ko", "products", "website", "description_zh", "products_ko", "products_zh"])
        n = 0
        for e in self.repo.exhibitors():
            writer.writerow([e.id, e.name.en, e.name.ko or "", e.name.zh or "", e.country, e.category_id or "",
                             " ".join(e.booths), e.description.en, e.description.ko or "", e.products.en,
                             e.website or "", e.description.zh or "", e.products.ko or "", e.products.zh or ""])
            n += 1
        return n


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
    """RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space (for the
    small hand-built VEVENTs of the calendar QR codes; the full export folds through icalendar)."""
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
