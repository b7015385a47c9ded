"""Reading published conference schedules: frab/Pentabarf/pretalx/wafer ``schedule.xml`` and
frab/pretalx/c3voc ``schedule.json`` (the classic ``conference.days[].rooms{}`` shape and the
flat "schedule2" ``events`` list).

What each generator really writes (see docs/INTEROP.md): an event's instant is its ``<date>``
with its offset when there is one (wafer writes it in UTC, frab in local time); the original
Pentabarf shape has no ``<date>``, only ``<day date>`` + ``<start>``, read in the schedule's zone.
Rooms are the ``<room name>`` elements or the keys of ``days[].rooms`` (frab and older pretalx JSON
have no ``conference.rooms`` list). Every event keeps the line it starts on, for error messages.

This module only reads: it returns plain records (naive datetimes where the file gives only wall
clock times, to be placed in a zone by the importer) and never touches the database.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta


class ScheduleError(ValueError):
    """The file cannot be read as a schedule at all (not one bad event: those become problems)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Item:
    """One event as the file gives it (times still as the file says them)."""
    line: int | None
    data: dict = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)   # (field, message)


@dataclass
class Conference:
    title: str = ""
    acronym: str = ""
    start: date | None = None
    end: date | None = None
    days: int | None = None
    tz: str | None = None
    day_change: str | None = None       # "HH:MM"
    url: str | None = None
    language: str | None = None
    rooms: list[dict] = field(default_factory=list)   # [{"name", "capacity"}] in file order
    offsets: set = field(default_factory=set)         # the UTC offsets the file's dates carry
    day_ends: list = field(default_factory=list)      # each <day end> (aware): when days change
    generator: str = ""


def parse_duration(text) -> timedelta:
    """``00:30``, ``2:29``, ``00:05:00``, ``1:00:00`` or ``1d 02:00`` (frab's over-a-day form)."""
    raw = str(text if text is not None else "").strip()
    m = re.fullmatch(r"(?:(\d+)\s*d(?:ays?)?\s*)?(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?", raw)
    if not m:
        raise ValueError(f"bad duration {raw!r} (expected HH:MM)")
    d, h, mi, s = (int(x) if x else 0 for x in m.groups())
    if mi > 59 or s > 59:
        raise ValueError(f"bad duration {raw!r} (expected HH:MM)")
    return timedelta(days=d, hours=h, minutes=mi, seconds=s)


def parse_clock(text) -> time:
    raw = str(text or "").strip()
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", raw)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValueError(f"bad time {raw!r} (expected HH:MM)")
    return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


def parse_instant(text) -> datetime:
    """An ISO 8601 date-time as schedules write it (``Z``, ``+01:00``, or none: wall clock)."""
    raw = str(text or "").strip()
    if not raw:
        raise ValueError("missing date")
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise ValueError(f"bad date-time {raw!r} (expected 2019-12-27T11:00:00+01:00)") from None


def _day(text) -> date | None:
    try:
        return date.fromisoformat(str(text).strip()[:10]) if text else None
    except ValueError:
        return None


def strip_acronym(slug: str, acronym: str) -> str:
    if acronym and slug.lower().startswith(acronym.lower() + "-") and len(slug) > len(acronym) + 1:
        return slug[len(acronym) + 1:]
    return slug


def day_change_from(ends: list, tz) -> str | None:
    """Days that end after midnight (04:00, 03:59:59 local) say when the conference day changes."""
    found = {_clock_after_midnight(e.astimezone(tz) if e.tzinfo else e) for e in ends}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _clock_after_midnight(end: datetime | None) -> str | None:
    if end is None:
        return None
    t = end.replace(second=0, microsecond=0)
    if end.second == 59 or end.minute == 59:   # "03:59:59" and "03:59" both mean the day changes at 04:00
        t += timedelta(minutes=1)
    if t.hour < 12 and (t.hour, t.minute) != (0, 0):
        return f"{t.hour:02d}:{t.minute:02d}"
    return None


# ---------------------------------------------------------------- XML
def read_xml(raw: bytes) -> tuple[Conference, list[Item]]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if getattr(exc, "lineno", None) else None
        raise ScheduleError(f"not well-formed XML ({exc.msg})", line) from None
    if root.tag != "schedule":
        raise ScheduleError(f"the root element is <{root.tag}>, not <schedule>", root.sourceline)
    conf_el = root.find("conference")
    if conf_el is None:
        raise ScheduleError("no <conference> element: not a frab/Pentabarf schedule.xml", root.sourceline)

    def text(el, tag):
        value = el.findtext(tag)
        return value.strip() if value and value.strip() else None

    conf = Conference(title=text(conf_el, "title") or "", acronym=text(conf_el, "acronym") or "",
                      start=_day(text(conf_el, "start")), end=_day(text(conf_el, "end")),
                      tz=text(conf_el, "time_zone_name"), url=text(conf_el, "url") or text(conf_el, "base_url"))
    gen = root.find("generator")
    conf.generator = gen.get("name", "") if gen is not None else ""
    try:
        conf.days = int(text(conf_el, "days") or "") or None
    except ValueError:
        conf.days = None
    if text(conf_el, "day_change"):
        try:
            t = parse_clock(text(conf_el, "day_change"))
            conf.day_change = f"{t.hour:02d}:{t.minute:02d}"
        except ValueError:
            pass
    items: list[Item] = []
    rooms: dict[str, None] = {}
    languages: Counter = Counter()
    days = root.findall("day")
    for day_el in days:
        day_date = _day(day_el.get("date"))
        day_start = day_end = None
        try:
            day_start = parse_instant(day_el.get("start")) if day_el.get("start") else None
            day_end = parse_instant(day_el.get("end")) if day_el.get("end") else None
        except ValueError:
            pass
        if day_end is not None:
            conf.day_ends.append(day_end)
        for room_el in day_el.findall("room"):
            if room_el.get("name"):
                rooms.setdefault(room_el.get("name"), None)
            for ev in room_el.findall("event"):
                item = _xml_event(ev, room_el, day_el, day_date, day_start, conf, text)
                if item.data.get("language"):
                    languages[item.data["language"]] += 1
                if item.data.get("room"):
                    rooms.setdefault(item.data["room"], None)
                items.append(item)
    if not days:
        raise ScheduleError("no <day> elements: the schedule has no days", conf_el.sourceline)
    conf.rooms = [{"name": r} for r in rooms]
    conf.language = languages.most_common(1)[0][0] if languages else None
    return conf, items


def _xml_event(ev, room_el, day_el, day_date, day_start, conf, text) -> Item:
    item = Item(ev.sourceline)
    d = item.data
    slug = text(ev, "slug") or ""
    d["slug"] = slug
    d["guid"] = ev.get("guid") or text(ev, "guid") or ""
    d["number"] = ev.get("id") or ""
    d["id"] = strip_acronym(slug, conf.acronym) if slug else (d["guid"] or d["number"])
    d["room"] = text(ev, "room") or room_el.get("name") or ""
    d["title"] = text(ev, "title") or ""
    d["subtitle"] = text(ev, "subtitle") or ""
    d["source_type"] = text(ev, "type") or ""
    d["track"] = text(ev, "track") or ""
    d["language"] = text(ev, "language") or ""
    d["url"] = text(ev, "url") or ""
    d["abstract"] = text(ev, "abstract") or ""
    d["description"] = text(ev, "description") or ""
    d["people"] = [{"name": p.text.strip(), "role": "speaker"} for p in ev.iter("person") if p.text and p.text.strip()]
    # the conference day the file puts the event on (after-midnight items stay on it): the local
    # date of the <day start> (wafer writes day dates in UTC), else the <day date>
    d["conf_day_start"], d["conf_day_date"] = day_start, day_date
    when = text(ev, "date")
    start_text = text(ev, "start")
    try:
        if when:
            start = parse_instant(when)
            if start.tzinfo is not None:
                conf.offsets.add(start.utcoffset())
            d["start_clock"] = parse_clock(start_text) if start_text else None
        else:   # the original Pentabarf shape: <day date> + <start>, wall clock in the schedule's zone
            if day_date is None:
                raise ValueError(f"no <date> and the <day> has no date {day_el.get('date')!r}")
            clock = parse_clock(start_text)
            start = datetime.combine(day_date, clock)
            d["after_day_change"] = True
        d["start"] = start
    except ValueError as exc:
        item.problems.append(("date", str(exc)))
    try:
        d["duration"] = parse_duration(text(ev, "duration") or "00:00")
    except ValueError as exc:
        item.problems.append(("duration", str(exc)))
    return item


# ---------------------------------------------------------------- JSON
class _Lines:
    """Finds, in document order, the line each event object starts on (json gives no positions)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def find(self, obj: dict) -> int | None:
        for key in ("guid", "id", "code", "slug"):
            value = obj.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).isascii():
                pattern = re.compile(r'"%s"\s*:\s*%s' % (key, re.escape(json.dumps(value))))
                m = pattern.search(self.text, self.pos)
                if m:
                    # the object opens at the last "{" before its key
                    brace = self.text.rfind("{", self.pos, m.start())
                    at = brace if brace >= 0 else m.start()
                    self.line += self.text.count("\n", self.pos, at)
                    self.pos = at
                    return self.line
        return None


def read_json(text: str) -> tuple[Conference, list[Item]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScheduleError(f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("schedule"), dict):
        raise ScheduleError('not a schedule.json: no "schedule" object at the top', 1)
    sched = doc["schedule"]
    c = sched.get("conference")
    if not isinstance(c, dict):
        raise ScheduleError('not a schedule.json: no "schedule.conference" object', 1)
    conf = Conference(title=str(c.get("title") or ""), acronym=str(c.get("acronym") or ""),
                      start=_day(c.get("start")), end=_day(c.get("end")), tz=c.get("time_zone_name") or None,
                      url=c.get("url") or c.get("base_url") or None)
    try:
        conf.days = int(c.get("daysCount") or 0) or (len(c["days"]) if isinstance(c.get("days"), list) else None)
    except (TypeError, ValueError):
        conf.days = None
    if isinstance(c.get("start"), str) and "T" in c["start"] and conf.tz:
        try:   # schedule2 gives the conference start as an instant (often UTC): its local date counts
            from zoneinfo import ZoneInfo
            conf.start = parse_instant(c["start"]).astimezone(ZoneInfo(conf.tz)).date()
            conf.end = parse_instant(c.get("end") or c["start"]).astimezone(ZoneInfo(conf.tz)).date()
        except (ValueError, KeyError, LookupError):
            pass
    gen = doc.get("generator")
    conf.generator = str(gen.get("name", "")) if isinstance(gen, dict) else ""
    rooms: dict[str, dict] = {}
    for r in c.get("rooms") or []:
        if isinstance(r, dict) and r.get("name"):
            rooms[str(r["name"])] = {"name": str(r["name"]), "capacity": r.get("capacity")}
    lines = _Lines(text)
    items: list[Item] = []
    languages: Counter = Counter()
    days = c.get("days") if isinstance(c.get("days"), list) else []
    for day in days:
        if not isinstance(day, dict):
            continue
        try:
            # frab writes day_start/day_end, pretalx and schedule2 start/end
            d_start = parse_instant(day.get("start") or day.get("day_start")) \
                if (day.get("start") or day.get("day_start")) else None
            d_end = parse_instant(day.get("end") or day.get("day_end")) if (day.get("end") or day.get("day_end")) else None
        except ValueError:
            d_start = d_end = None
        if d_end is not None:
            conf.day_ends.append(d_end)
        for room_name, events in (day.get("rooms") or {}).items():
            rooms.setdefault(str(room_name), {"name": str(room_name)})
            for ev in events if isinstance(events, list) else []:
                item = _json_classic(ev, str(room_name), day, d_start, conf, lines)
                items.append(item)
                if item.data.get("language"):
                    languages[item.data["language"]] += 1
    if isinstance(sched.get("events"), list) and not items:    # schedule2: a flat list
        for ev in sched["events"]:
            item = _json_flat(ev, conf, lines)
            items.append(item)
            if item.data.get("language"):
                languages[item.data["language"]] += 1
    conf.rooms = list(rooms.values())
    conf.language = languages.most_common(1)[0][0] if languages else None
    return conf, items


_OUR_TYPES = {"ceremony", "keynote", "roundtable", "masterclass", "forum", "matchmaking", "meeting", "meal",
              "reception", "tour", "exhibition"}


def _people(persons) -> list[dict]:
    out = []
    for p in persons or []:
        if isinstance(p, dict):
            name = p.get("public_name") or p.get("name") or p.get("full_public_name")
            role = {"MODERATOR": "moderator", "GUEST": "panelist", "HOST": "moderator"}.get(
                str(p.get("role", "")).upper(), "speaker")
        else:
            name, role = p, "speaker"
        if name and str(name).strip():
            out.append({"name": str(name).strip(), "role": role})
    return out


def _text(value) -> str:
    if isinstance(value, dict):     # a localizable string: {"en": …, "de": …}
        return str(value.get("en") or next(iter(value.values()), "") or "")
    return "" if value is None else str(value)


def _common(ev: dict, conf: Conference, item: Item) -> dict:
    d = item.data
    slug = str(ev.get("slug") or "")
    d["slug"] = slug
    d["guid"] = str(ev.get("guid") or "")
    d["number"] = str(ev.get("id") if ev.get("id") is not None else "")
    d["id"] = strip_acronym(slug, conf.acronym) if slug else (d["guid"] or d["number"])
    d["title"] = _text(ev.get("title")).strip()
    d["subtitle"] = _text(ev.get("subtitle")).strip()
    track = ev.get("track")
    d["track"] = str(track.get("name") or track.get("slug") or "") if isinstance(track, dict) else _text(track)
    d["source_type"] = _text(ev.get("type"))
    d["language"] = _text(ev.get("language"))
    d["url"] = _text(ev.get("url"))
    d["abstract"] = _text(ev.get("abstract"))
    d["description"] = _text(ev.get("description"))
    d["people"] = _people(ev.get("persons") if ev.get("persons") is not None else ev.get("participants"))
    d["cancelled"] = str(ev.get("state") or "").upper() in ("CANCELED", "CANCELLED")
    return d


def _json_classic(ev, room_name, day, d_start, conf, lines) -> Item:
    if not isinstance(ev, dict):
        return Item(None, problems=[("event", "not an object")])
    item = Item(lines.find(ev))
    d = _common(ev, conf, item)
    d["room"] = str(ev.get("room") or room_name)
    d["conf_day_start"], d["conf_day_date"] = d_start, _day(day.get("date"))
    try:
        start = parse_instant(ev.get("date"))
        if start.tzinfo is not None:
            conf.offsets.add(start.utcoffset())
        d["start"] = start
        d["start_clock"] = parse_clock(ev["start"]) if ev.get("start") else None
    except ValueError as exc:
        item.problems.append(("date", str(exc)))
    try:
        d["duration"] = parse_duration(ev.get("duration") or "00:00")
    except ValueError as exc:
        item.problems.append(("duration", str(exc)))
    return item


def _json_flat(ev, conf, lines) -> Item:
    if not isinstance(ev, dict):
        return Item(None, problems=[("event", "not an object")])
    item = Item(lines.find(ev))
    d = _common(ev, conf, item)
    room = ev.get("room")
    d["room"] = str(room.get("name") or "") if isinstance(room, dict) else _text(room)
    track = ev.get("track")
    if isinstance(track, dict) and str(track.get("slug")) in _OUR_TYPES:   # our own export: our type travels there
        d["source_type"] = str(track["slug"])
    d["conf_day_start"] = d["conf_day_date"] = None
    try:
        start = parse_instant(ev.get("start") or ev.get("date"))
        if start.tzinfo is not None:
            conf.offsets.add(start.utcoffset())
        d["start"] = start
        if ev.get("end"):
            end = parse_instant(ev["end"])
            d["duration"] = (end - start) if (end.tzinfo is None) == (start.tzinfo is None) else None
            if d["duration"] is None:
                raise ValueError("start and end disagree about the time zone")
        else:
            d["duration"] = parse_duration(ev.get("duration") or "00:00")
    except ValueError as exc:
        item.problems.append(("date", str(exc)))
    return item
