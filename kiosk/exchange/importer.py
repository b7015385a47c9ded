"""Import an organiser's own files: agenda, rooms, exhibitors, attendees.

    CSV as Excel writes it (UTF-8, UTF-8 with BOM, CP949/EUC-KR from Korean Excel), JSON, and for
    agendas frab schedule.xml and c3voc schedule.json (both the schema's flat "events" and the
    pretalx export with days → rooms).

Every problem in the file is reported at once with its line and column; nothing is applied
unless the whole file is valid, and then all of it in one transaction. Rows are matched by
their stable id: a re-import updates them. A session a volunteer changed on site keeps its
live room and time — the import updates only its published values and lists the conflict.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.models.checkin import ATTENDEE_TYPES
from kiosk.models.domain import SESSION_TYPES
from kiosk.models.errors import KioskError
from kiosk.models.schedule import settle_session

KINDS = ("agenda", "rooms", "exhibitors", "attendees", "meetings")
REQUIRED = {
    "agenda": ("id", "day", "start", "end", "room", "type", "title_en"),
    "rooms": ("id", "name_en", "floor"),
    "exhibitors": ("id", "name_en", "country"),
    "attendees": ("id", "name", "type"),
    "meetings": ("id", "date", "start", "end", "table"),
}
FOREIGN_TYPES = {  # frab/pretalx/c3voc types onto ours
    "talk": "forum", "lecture": "forum", "presentation": "forum", "keynote": "keynote", "workshop": "masterclass",
    "hands-on": "masterclass", "discussion": "roundtable", "panel": "roundtable", "meeting": "meeting",
    "lightning_talk": "forum", "performance": "reception", "concert": "reception", "game": "meeting",
}


@dataclass
class Problem:
    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.column:
            where += f": column {self.column}"
        return f"{where}: {self.message}"


@dataclass
class Record:
    data: dict
    line: int | None
    columns: dict[str, str] = field(default_factory=dict)   # field -> column label (CSV: "C (start)")


@dataclass
class Source:
    records: list[Record]
    encoding: str = "utf-8"
    fmt: str = "csv"
    #: what a frab/c3voc file says about the conference (dates, zone) and its rooms
    conference: dict = field(default_factory=dict)
    rooms: list[dict] = field(default_factory=list)


@dataclass
class ImportReport:
    kind: str
    fmt: str
    encoding: str
    added: int = 0
    updated: int = 0
    kept_live: list[str] = field(default_factory=list)     # conflicts: live edits the import did not overwrite
    not_in_file: int = 0
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


# ---------------------------------------------------------------- reading
def decode(raw: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (with or without BOM), else CP949 as Korean Excel saves."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise KioskError(f"{name}: cannot read as {encoding}: {exc}", code="bad_encoding") from None
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as first:
        try:
            return raw.decode("cp949"), "cp949"
        except UnicodeDecodeError:
            line = raw[:first.start].count(b"\n") + 1
            raise KioskError(f"{name}: line {line}: not UTF-8 and not CP949/EUC-KR "
                             f"(byte {first.start}); save it as 'CSV UTF-8' or give --encoding",
                             code="bad_encoding") from None


def _col_label(i: int) -> str:
    label = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        label = chr(65 + r) + label
    return label


def read_csv(text: str) -> list[Record]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _read_csv(reader)
    except csv.Error as exc:   # a stray quote or line break inside a field
        raise KioskError(f"line {reader.line_num}: the CSV cannot be read ({exc})", code="bad_csv") from None


def _read_csv(reader) -> list[Record]:
    try:
        header = next(reader)
    except StopIteration:
        return []
    header = [h.strip().lower() for h in header]
    records = [Record({"__header__": header}, 1)]
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        data = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h}
        cols = {h: f"{_col_label(i)} ({h})" for i, h in enumerate(header) if h}
        records.append(Record(data, reader.line_num, cols))
    return records


def read_json_rows(text: str, kind: str) -> list[Record]:
    doc = json.loads(text)
    items = doc.get(kind) or doc.get("sessions") or doc.get("items") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise KioskError(f"expected a list of {kind} (or {{\"{kind}\": [...]}})", code="bad_json")
    out = []
    for i, item in enumerate(items, 1):
        if isinstance(item, dict):
            out.append(Record({str(k).lower(): "" if v is None else v for k, v in item.items()}, i,
                              {k: str(k) for k in item}))
        else:
            out.append(Record({"__bad__": True}, i))
    return out


def _type(text: str) -> str:
    t = (text or "").strip().lower()
    return t if t in SESSION_TYPES else FOREIGN_TYPES.get(t, "meeting")


def _hhmm(text: str) -> timedelta:
    parts = [int(p) for p in str(text).split(":")]
    return timedelta(hours=parts[0], minutes=parts[1] if len(parts) > 1 else 0)


def _people(persons: list, roles=("SPEAKER",)) -> list[dict]:
    out = []
    for p in persons or []:
        if isinstance(p, dict):
            name = p.get("public_name") or p.get("name") or p.get("full_public_name")
            role = {"MODERATOR": "moderator", "GUEST": "panelist", "HOST": "moderator"}.get(
                str(p.get("role", "")).upper(), "speaker")
        else:
            name, role = str(p), "speaker"
        if name:
            out.append({"name": str(name), "role": role})
    return out


def read_c3voc(text: str) -> Source:
    doc = json.loads(text)
    sched = doc.get("schedule", doc)
    conf = sched.get("conference", {})
    tzname = conf.get("time_zone_name") or "UTC"
    rooms = [{"name": r.get("name"), "capacity": r.get("capacity")} for r in conf.get("rooms", []) if r.get("name")]
    records = []
    n = 0
    if isinstance(sched.get("events"), list):           # schema "schedule2": a flat list
        for ev in sched["events"]:
            n += 1
            start, end = datetime.fromisoformat(ev["start"]), datetime.fromisoformat(ev["end"])
            room = ev.get("room", {})
            abstract = ev.get("abstract")
            if isinstance(abstract, dict):
                desc = {f"description_{k if k != 'zh-Hant' else 'zh'}": v for k, v in abstract.items()}
            else:
                desc = {"description_en": abstract or ""}
            track = ev.get("track", {})
            records.append(Record({
                "id": ev.get("slug") or ev.get("guid"), "start_dt": start, "end_dt": end,
                "room": room.get("name") if isinstance(room, dict) else room, "type": _type(
                    track.get("slug") if isinstance(track, dict) and track.get("slug") in SESSION_TYPES else ev.get("type")),
                "title_en": ev.get("title", ""), "title_ko": ev.get("subtitle") or "", **desc,
                "people": _people(ev.get("participants")), "cancelled": ev.get("state") == "CANCELED",
            }, n))
    else:                                               # pretalx/frab JSON: days → rooms → events
        for day in conf.get("days", []):
            for room_name, events in (day.get("rooms") or {}).items():
                for ev in events:
                    n += 1
                    start = datetime.fromisoformat(ev["date"])
                    records.append(Record({
                        "id": f"pt-{ev.get('id')}" if ev.get("id") is not None else ev.get("guid"),
                        "start_dt": start, "end_dt": start + _hhmm(ev.get("duration", "00:00")),
                        "room": ev.get("room") or room_name, "type": _type(ev.get("type")),
                        "title_en": ev.get("title", ""), "title_ko": "", "description_en":
                            ev.get("abstract") or ev.get("description") or "", "people": _people(ev.get("persons")),
                    }, n))
    return Source(records, fmt="c3voc-json", conference={"start": conf.get("start"), "end": conf.get("end"),
                                                          "tz": tzname, "title": conf.get("title")}, rooms=rooms)


def read_frab(raw: bytes) -> Source:
    from lxml import etree

    root = etree.fromstring(raw, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    conf = root.find("conference")
    get = (lambda tag: conf.findtext(tag)) if conf is not None else (lambda tag: None)
    acronym = get("acronym") or ""
    records, rooms = [], {}
    for ev in root.iter("event"):
        start = datetime.fromisoformat(ev.findtext("date"))
        slug = ev.findtext("slug") or ""
        ident = slug[len(acronym) + 1:] if acronym and slug.startswith(acronym + "-") else (slug or ev.get("guid"))
        rooms[ev.findtext("room")] = None
        records.append(Record({
            "id": ident, "start_dt": start, "end_dt": start + _hhmm(ev.findtext("duration") or "00:00"),
            "room": ev.findtext("room"), "type": _type(ev.findtext("type")),
            "title_en": ev.findtext("title") or "", "title_ko": ev.findtext("subtitle") or "",
            "description_en": ev.findtext("description") or ev.findtext("abstract") or "",
            "people": [{"name": p.text, "role": "speaker"} for p in ev.iter("person") if p.text],
        }, ev.sourceline))
    return Source(records, fmt="frab-xml", conference={"start": get("start"), "end": get("end"),
                                                       "tz": get("time_zone_name") or "UTC", "title": get("title")},
                  rooms=[{"name": r} for r in rooms if r])


def read(path: Path, kind: str, *, encoding: str | None = None) -> Source:
    raw = path.read_bytes()
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".xml":
        if kind != "agenda":
            raise KioskError(f"{name}: XML is read for agendas only (frab schedule.xml).", code="bad_format")
        try:
            return read_frab(raw)
        except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
            raise KioskError(f"{name}: not a readable schedule.xml ({exc})", code="bad_format") from None
    text, used = decode(raw, encoding, name)
    if suffix == ".json":
        try:
            doc_head = json.loads(text)
        except json.JSONDecodeError as exc:
            raise KioskError(f"{name}:{exc.lineno}: column {exc.colno}: not valid JSON ({exc.msg})",
                             code="bad_format") from None
        if kind == "agenda" and isinstance(doc_head, dict) and "schedule" in doc_head:
            try:
                return read_c3voc(text)
            except (KeyError, ValueError, TypeError) as exc:
                raise KioskError(f"{name}: not a readable schedule.json ({exc})", code="bad_format") from None
        return Source(read_json_rows(text, kind), used, "json")
    return Source(read_csv(text), used, "csv")


# ---------------------------------------------------------------- validating and applying
class Importer:
    def __init__(self, conn) -> None:
        """``conn``: the event store (writes go through its ``atomic()``)."""
        self.conn = conn
        info = conn.info
        self.tz = info.tz
        self.first_day, self.last_day = info.first_day, info.last_day

    def _ids(self, table: str) -> set[str]:
        return {r[0] for r in self.conn.execute(f"SELECT id FROM {table}")}

    def run(self, path: Path, kind: str, *, encoding: str | None = None, dry_run: bool = False,
            progress=None) -> ImportReport:
        if kind not in KINDS:
            raise KioskError(f"--kind must be one of {', '.join(KINDS)}", code="bad_kind")
        source = read(path, kind, encoding=encoding)
        report = ImportReport(kind=kind, fmt=source.fmt, encoding=source.encoding, dry_run=dry_run)
        records = source.records
        if source.fmt in ("csv",) and records:
            header = records[0].data["__header__"]
            records = records[1:]
            missing = [c for c in REQUIRED[kind] if c not in header and not (kind == "agenda" and c == "end"
                                                                          and "duration" in header)]
            for c in missing:
                report.problems.append(Problem(path.name, 1, None, f"missing column '{c}'"))
            if missing:
                return report
        validate = getattr(self, f"_validate_{kind}")
        rows = validate(path.name, source, records, report, progress)
        if report.problems or dry_run:
            return report
        apply = getattr(self, f"_apply_{kind}")
        with self.conn.atomic():
            apply(rows, source, report)
        if getattr(self, "_adopt", None):
            self.conn.forget_event_info()
        return report

    # -- helpers
    @staticmethod
    def _p(report, name, rec, column, message):
        report.problems.append(Problem(name, rec.line, rec.columns.get(column, column) if column else None, message))

    def _ident(self, report, name, rec, seen) -> str | None:
        """The row's id, or None (and a problem) when it is missing or already used."""
        ident = str(rec.data.get("id") or "").strip()
        if not ident:
            self._p(report, name, rec, "id", "missing id")
            return None
        return None if self._dup(report, name, rec, seen, ident) else ident

    def _dup(self, report, name, rec, seen, ident):
        if ident in seen:
            self._p(report, name, rec, "id", f"duplicate id {ident!r} (also on line {seen[ident]})")
            return True
        seen[ident] = rec.line
        return False

    @staticmethod
    def _tick(progress, i, total):
        if progress and (i % 500 == 0 or i == total):
            progress(i, total)

    # -- agenda
    def _validate_agenda(self, name, source, records, report, progress):
        declared = {r["name"] for r in source.rooms}
        fresh = self.conn.execute("SELECT count(*) FROM session").fetchone()[0] == 0
        first, last, tz = self.first_day, self.last_day, self.tz
        if fresh and source.conference.get("start"):   # a new event's file says when and where it is
            try:
                tz = ZoneInfo(source.conference.get("tz") or "UTC")
                first = datetime.fromisoformat(str(source.conference["start"])[:10]).date()
                last = datetime.fromisoformat(str(source.conference.get("end") or source.conference["start"])[:10]).date()
            except (ValueError, KeyError):
                pass
        self._adopt = (first, last, str(tz)) if (first, last, tz) != (self.first_day, self.last_day, self.tz) else None
        seen: dict[str, int] = {}
        rows = []
        for i, rec in enumerate(records, 1):
            self._tick(progress, i, len(records))
            d = rec.data
            if d.get("__bad__"):
                self._p(report, name, rec, None, "not an object")
                continue
            ident = self._ident(report, name, rec, seen)
            if ident is None:
                continue
            if "start_dt" in d:
                start, end = d["start_dt"], d["end_dt"]
            else:
                try:
                    day = date.fromisoformat(str(d.get("day", "")))
                except ValueError:
                    self._p(report, name, rec, "day", f"bad date {d.get('day')!r} (use 2023-06-14)")
                    continue
                try:
                    start = datetime.combine(day, time.fromisoformat(str(d.get("start", ""))), tz)
                except ValueError:
                    self._p(report, name, rec, "start", f"bad time {d.get('start')!r} (use HH:MM)")
                    continue
                try:
                    if d.get("end"):
                        end = datetime.combine(day, time.fromisoformat(str(d["end"])), tz)
                    else:
                        end = start + _hhmm(d.get("duration", ""))
                except (ValueError, IndexError):
                    self._p(report, name, rec, "end", f"bad time {d.get('end') or d.get('duration')!r} (use HH:MM)")
                    continue
            if end <= start:
                self._p(report, name, rec, "end", f"ends ({end:%H:%M}) before it starts ({start:%H:%M})")
                continue
            local = start.astimezone(tz).date()
            if not (first <= local <= last):
                self._p(report, name, rec, "day", f"{local} is outside the event ({first} – {last})")
            room = str(d.get("room") or "").strip()
            room_id = self._room_id(room)
            if room_id is None and room not in declared:
                self._p(report, name, rec, "room", f"unknown room {room!r}")
            kind = str(d.get("type", "")).strip().lower()
            if source.fmt in ("csv", "json") and kind not in SESSION_TYPES:
                self._p(report, name, rec, "type", f"unknown type {kind!r} (one of {', '.join(SESSION_TYPES)})")
            if not str(d.get("title_en") or "").strip():
                self._p(report, name, rec, "title_en", "missing English title")
            people = d.get("people")
            if people is None and d.get("speakers"):
                people = [{"name": n.strip(), "role": "speaker"} for n in str(d["speakers"]).split(";") if n.strip()]
            rows.append({"id": ident, "start": start, "end": end, "room": room_id or room, "type": _type(kind),
                         "title": {k: str(d.get(f"title_{k}") or "") for k in ("en", "ko", "zh")},
                         "description": {k: str(d.get(f"description_{k}") or "") for k in ("en", "ko", "zh")},
                         "people": people or [], "cancelled": bool(d.get("cancelled"))})
        return rows

    def _room_id(self, name: str) -> str | None:
        row = self.conn.execute("SELECT id FROM room WHERE id = ?1 OR lower(name_en) = lower(?1) LIMIT 1",
                                (name,)).fetchone()
        return row[0] if row else None

    def _apply_agenda(self, rows, source, report):
        c = self.conn
        if self._adopt:
            first, last, tzname = self._adopt
            c.execute("UPDATE event SET first_day = ?, last_day = ?, timezone = ?",
                      (first.isoformat(), last.isoformat(), tzname))
        floor = c.execute("SELECT id FROM floor ORDER BY level LIMIT 1").fetchone()[0]
        for r in source.rooms:                       # rooms the schedule file declares
            if self._room_id(r["name"]) is None:
                c.execute("INSERT INTO room (id, floor_id, kind, name_en, seats) VALUES (?, ?, 'meeting', ?, ?)",
                          (r["name"], floor, r["name"], r.get("capacity")))
        existing = {r[0]: r for r in c.execute(
            'SELECT id, room_id, start, "end", status, notice, published_room_id, published_start, published_end '
            "FROM session")}
        in_file = set()
        for r in rows:
            room = self._room_id(r["room"])
            start, end = r["start"].isoformat(), r["end"].isoformat()
            t, dsc = r["title"], r["description"]
            in_file.add(r["id"])
            old = existing.get(r["id"])
            texts = (r["type"], t["en"], t["ko"] or None, t["zh"] or None, dsc["en"] or None, dsc["ko"] or None,
                     dsc["zh"] or None)
            if old is None:
                c.execute('INSERT INTO session (id, type, title_en, title_ko, title_zh, description_en, description_ko, '
                          'description_zh, published_start, published_end, published_room_id, start, "end", room_id, '
                          "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (r["id"], *texts, start, end, room, start, end, room,
                           "cancelled" if r["cancelled"] else "scheduled"))
                report.added += 1
            else:
                c.execute("UPDATE session SET type = ?, title_en = ?, title_ko = ?, title_zh = ?, description_en = ?, "
                          "description_ko = ?, description_zh = ?, published_start = ?, published_end = ?, "
                          "published_room_id = ? WHERE id = ?", (*texts, start, end, room, r["id"]))
                settle_session(c, r["id"])   # the one rule: a live edit stays; otherwise the new published values
                now = c.execute('SELECT room_id, start, "end", status FROM session WHERE id = ?', (r["id"],)).fetchone()
                if (now[0], now[1], now[2]) != (room, start, end) and (room, start, end) != (old[6], old[7], old[8]):
                    report.kept_live.append(
                        f"{r['id']}: kept the live change (now {now[0]} {now[1][11:16]}–{now[2][11:16]}"
                        f"{', cancelled' if now[3] == 'cancelled' else ''}); the file says {room} "
                        f"{start[11:16]}–{end[11:16]} — it is the new published value")
                report.updated += 1
            if r["people"]:
                c.execute("DELETE FROM session_person WHERE session_id = ?", (r["id"],))
                for pos, p in enumerate(r["people"]):
                    pid = self._person(p["name"])
                    c.execute("INSERT OR IGNORE INTO session_person (session_id, person_id, role, position) "
                              "VALUES (?, ?, ?, ?)", (r["id"], pid, p["role"], pos))
        report.not_in_file = len(set(existing) - in_file)

    def _person(self, name: str) -> str:
        row = self.conn.execute("SELECT id FROM person WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        base = "p-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        pid, n = base, 1
        while self.conn.execute("SELECT 1 FROM person WHERE id = ?", (pid,)).fetchone():
            n += 1
            pid = f"{base}-{n}"
        self.conn.execute("INSERT INTO person (id, name) VALUES (?, ?)", (pid, name))
        return pid

    # -- rooms
    def _validate_rooms(self, name, source, records, report, progress):
        floors = self._ids("floor")
        ids_in_file = {str(r.data.get("id", "")).strip() for r in records}
        rooms = self._ids("room") | ids_in_file
        seen: dict[str, int] = {}
        rows = []
        for i, rec in enumerate(records, 1):
            self._tick(progress, i, len(records))
            d = rec.data
            ident = self._ident(report, name, rec, seen)
            if ident is None:
                continue
            if str(d.get("floor", "")).strip() not in floors:
                self._p(report, name, rec, "floor", f"unknown floor {d.get('floor')!r} (one of {', '.join(sorted(floors))})")
            part_of = str(d.get("part_of") or "").strip() or None
            if part_of and part_of not in rooms:
                self._p(report, name, rec, "part_of", f"unknown room {part_of!r}")
            numbers = {}
            for col in ("area_m2", "seats"):
                value = str(d.get(col) or "").strip()
                try:
                    numbers[col] = (float(value) if col == "area_m2" else int(value)) if value else None
                except ValueError:
                    self._p(report, name, rec, col, f"not a number: {value!r}")
            if not str(d.get("name_en") or "").strip():
                self._p(report, name, rec, "name_en", "missing English name")
            rows.append({"id": ident, "floor_id": str(d.get("floor", "")).strip(), "part_of": part_of,
                         "kind": str(d.get("kind") or "meeting").strip(), "name_en": str(d.get("name_en") or ""),
                         "name_ko": str(d.get("name_ko") or "") or None, "name_zh": str(d.get("name_zh") or "") or None,
                         **numbers})
        return rows

    def _apply_rooms(self, rows, source, report):
        have = self._ids("room")
        for r in rows:
            if r["id"] in have:
                self.conn.execute("UPDATE room SET floor_id = :floor_id, part_of = :part_of, kind = :kind, "
                                  "name_en = :name_en, name_ko = :name_ko, name_zh = :name_zh, "
                                  "area_m2 = :area_m2, seats = :seats WHERE id = :id", {"area_m2": None, "seats": None, **r})
                report.updated += 1
            else:
                self.conn.execute("INSERT INTO room (id, floor_id, part_of, kind, name_en, name_ko, name_zh, area_m2, seats) "
                                  "VALUES (:id, :floor_id, :part_of, :kind, :name_en, :name_ko, :name_zh, :area_m2, :seats)",
                                  {"area_m2": None, "seats": None, **r})
                report.added += 1

    # -- exhibitors
    def _validate_exhibitors(self, name, source, records, report, progress):
        cats = self._ids("category")
        booths = self._ids("booth")
        seen: dict[str, int] = {}
        rows = []
        for i, rec in enumerate(records, 1):
            self._tick(progress, i, len(records))
            d = rec.data
            ident = self._ident(report, name, rec, seen)
            if ident is None:
                continue
            cat = str(d.get("category") or "").strip() or None
            if cat and cat not in cats:
                self._p(report, name, rec, "category", f"unknown category {cat!r} (one of {', '.join(sorted(cats))})")
            country = str(d.get("country") or "").strip().upper()
            if not re.fullmatch(r"[A-Z]{2}", country):
                self._p(report, name, rec, "country", f"country {country!r} should be two letters")
            raw_booths = d.get("booths") or ""
            blist = raw_booths if isinstance(raw_booths, list) else re.split(r"[\s;,]+", str(raw_booths).strip())
            blist = [b for b in blist if b]
            for b in blist:
                if b not in booths:
                    self._p(report, name, rec, "booths", f"booth {b!r} is not on the map")
            if not str(d.get("name_en") or "").strip():
                self._p(report, name, rec, "name_en", "missing English name")
            rows.append({"id": ident, "name_en": str(d.get("name_en") or ""), "name_ko": str(d.get("name_ko") or "") or None,
                         "name_zh": str(d.get("name_zh") or "") or None, "country": country, "category_id": cat,
                         "description_en": str(d.get("description_en") or "") or None,
                         "description_ko": str(d.get("description_ko") or "") or None,
                         "products": str(d.get("products") or ""), "website": str(d.get("website") or "") or None,
                         "booths": blist})
        return rows

    def _apply_exhibitors(self, rows, source, report):
        have = self._ids("exhibitor")
        for r in rows:
            booths = r.pop("booths")
            if r["id"] in have:
                self.conn.execute("UPDATE exhibitor SET name_en = :name_en, name_ko = :name_ko, name_zh = :name_zh, "
                                  "country = :country, category_id = :category_id, description_en = :description_en, "
                                  "description_ko = :description_ko, products = :products, website = :website "
                                  "WHERE id = :id", r)
                report.updated += 1
            else:
                self.conn.execute("INSERT INTO exhibitor (id, name_en, name_ko, name_zh, country, category_id, "
                                  "description_en, description_ko, products, website) VALUES (:id, :name_en, :name_ko, "
                                  ":name_zh, :country, :category_id, :description_en, :description_ko, :products, "
                                  ":website)", r)
                report.added += 1
            self.conn.execute("DELETE FROM exhibitor_booth WHERE exhibitor_id = ?", (r["id"],))
            self.conn.executemany("INSERT INTO exhibitor_booth VALUES (?, ?)", [(r["id"], b) for b in booths])

    # -- attendees
    def _validate_attendees(self, name, source, records, report, progress):
        seen: dict[str, int] = {}
        rows = []
        for i, rec in enumerate(records, 1):
            self._tick(progress, i, len(records))
            d = rec.data
            ident = str(d.get("id") or "").strip().upper()
            if not re.fullmatch(r"[A-Z0-9]{1,16}", ident):
                self._p(report, name, rec, "id", f"id {ident!r} must be 1–16 letters or digits")
                continue
            if self._dup(report, name, rec, seen, ident):
                continue
            kind = str(d.get("type") or "").strip().lower()
            if kind not in ATTENDEE_TYPES:
                self._p(report, name, rec, "type", f"type {kind!r} (one of {', '.join(ATTENDEE_TYPES)})")
            if not str(d.get("name") or "").strip():
                self._p(report, name, rec, "name", "missing name")
            rows.append((ident, str(d.get("name") or "").strip(), str(d.get("name_local") or "").strip() or None,
                         str(d.get("organisation") or "").strip() or None,
                         str(d.get("country") or "").strip().upper() or None, kind))
        return rows

    def _apply_attendees(self, rows, source, report):
        have = self._ids("attendee")
        self.conn.executemany(
            "INSERT INTO attendee (id, name, name_local, organisation, country, type) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_local = excluded.name_local, "
            "organisation = excluded.organisation, country = excluded.country, type = excluded.type", rows)
        report.updated = sum(1 for r in rows if r[0] in have)
        report.added = len(rows) - report.updated


    # -- meetings (matchmaking tables and bilateral meetings in rooms)
    def _validate_meetings(self, name, source, records, report, progress):
        """Columns ``id,date,start,end,table,buyer,exhibitor,participants,notes``: ``table`` is a
        matchmaking table or a room; ``participants`` attendee ids separated by ``;``. A table or
        a person booked twice at once (in the file, or with a meeting already in the database
        that the file does not replace) is an error on the later row's line."""
        from kiosk.models.matchmaking import double_bookings

        tables = self._ids("meeting_table")
        rooms = self._ids("room")
        buyers = self._ids("buyer")
        exhibitors = self._ids("exhibitor")
        attendees = self._ids("attendee")
        seen: dict[str, int] = {}
        rows, checked, line_of = [], [], {}
        for i, rec in enumerate(records, 1):
            self._tick(progress, i, len(records))
            d = rec.data
            if d.get("__bad__"):
                self._p(report, name, rec, None, "not an object")
                continue
            ident = self._ident(report, name, rec, seen)
            if ident is None:
                continue
            try:
                day = date.fromisoformat(str(d.get("date", "")).strip())
            except ValueError:
                self._p(report, name, rec, "date", f"bad date {d.get('date')!r} (use 2023-06-14)")
                continue
            try:
                start = datetime.combine(day, time.fromisoformat(str(d.get("start", "")).strip()), self.tz)
            except ValueError:
                self._p(report, name, rec, "start", f"bad time {d.get('start')!r} (use HH:MM)")
                continue
            try:
                end = datetime.combine(day, time.fromisoformat(str(d.get("end", "")).strip()), self.tz)
            except ValueError:
                self._p(report, name, rec, "end", f"bad time {d.get('end')!r} (use HH:MM)")
                continue
            bad = False
            if end <= start:
                self._p(report, name, rec, "end", f"ends ({end:%H:%M}) before it starts ({start:%H:%M})")
                bad = True
            if not (self.first_day <= day <= self.last_day):
                self._p(report, name, rec, "date", f"{day} is outside the event ({self.first_day} – {self.last_day})")
                bad = True
            place = str(d.get("table") or "").strip()
            table = place if place in tables else None
            room = place if table is None and place in rooms else None
            if table is None and room is None:
                self._p(report, name, rec, "table", f"unknown table or room {place!r}")
                bad = True
            buyer = str(d.get("buyer") or "").strip() or None
            exhibitor = str(d.get("exhibitor") or "").strip() or None
            if buyer and buyer not in buyers:
                self._p(report, name, rec, "buyer", f"unknown buyer {buyer!r}")
                bad = True
            if exhibitor and exhibitor not in exhibitors:
                self._p(report, name, rec, "exhibitor", f"unknown exhibitor {exhibitor!r}")
                bad = True
            raw = d.get("participants") or ""
            people = [str(x).strip().upper() for x in (raw if isinstance(raw, list) else str(raw).split(";"))
                      if str(x).strip()]
            for aid in people:
                if aid not in attendees:
                    self._p(report, name, rec, "participants", f"unknown attendee {aid!r}")
                    bad = True
            if len(set(people)) != len(people):
                self._p(report, name, rec, "participants", "the same person twice")
                bad = True
            if bad:
                continue
            row = {"id": ident, "start": start, "end": end, "table": table, "room": room, "buyer": buyer,
                   "exhibitor": exhibitor, "participants": people, "notes": str(d.get("notes") or "").strip(),
                   "kind": "b2b" if (buyer and exhibitor) else "bilateral"}
            rows.append(row)
            checked.append(row)
            line_of[ident] = rec
        # meetings in the database that this file does not replace still hold their tables and people
        in_file = {r["id"] for r in rows}
        existing = []
        for mid, start, end, table, status in self.conn.execute(
                'SELECT id, start, "end", table_id, status FROM meeting'):
            if mid in in_file:
                continue
            existing.append({"id": mid, "start": datetime.fromisoformat(start), "end": datetime.fromisoformat(end),
                             "table": table, "status": status, "participants": []})
        if existing:
            people_of: dict[str, list[str]] = {}
            for mid, aid in self.conn.execute("SELECT meeting_id, attendee_id FROM meeting_participant"):
                people_of.setdefault(mid, []).append(aid)
            for m in existing:
                m["participants"] = people_of.get(m["id"], [])
        for mid, message in double_bookings(existing + checked):
            if mid in line_of:
                self._p(report, name, line_of[mid], "table" if message.startswith("table") else "participants",
                        message)
        return rows

    def _apply_meetings(self, rows, source, report):
        have = {r[0]: r[1:] for r in self.conn.execute(
            'SELECT id, table_id, room_id, start, "end", published_table_id, published_room_id, published_start, '
            "published_end FROM meeting")}
        sides = {r[0]: "buyer" for r in self.conn.execute("SELECT attendee_id FROM buyer_rep")}
        for r in self.conn.execute("SELECT attendee_id FROM exhibitor_rep"):
            sides.setdefault(r[0], "exhibitor")
        for r in rows:
            values = {"id": r["id"], "table": r["table"], "room": r["room"], "start": r["start"].isoformat(),
                      "end": r["end"].isoformat(), "buyer": r["buyer"], "exhibitor": r["exhibitor"],
                      "notes": r["notes"], "kind": r["kind"]}
            old = have.get(r["id"])
            if old is None:
                self.conn.execute(
                    "INSERT INTO meeting (id, kind, published_start, published_end, published_table_id, "
                    'published_room_id, start, "end", table_id, room_id, buyer_id, exhibitor_id, notes) VALUES '
                    "(:id, :kind, :start, :end, :table, :room, :start, :end, :table, :room, :buyer, :exhibitor, "
                    ":notes)", values)
                report.added += 1
            else:
                live_changed = (old[0], old[1], old[2], old[3]) != (old[4], old[5], old[6], old[7])
                self.conn.execute(
                    "UPDATE meeting SET published_start = :start, published_end = :end, published_table_id = :table, "
                    "published_room_id = :room, buyer_id = :buyer, exhibitor_id = :exhibitor, notes = :notes "
                    "WHERE id = :id", values)
                if live_changed:
                    report.kept_live.append(f"{r['id']}: changed on site ({old[0] or old[1]} {old[2][11:16]}); "
                                            f"kept, the file's {r['table'] or r['room']} {r['start']:%H:%M} "
                                            "is now its published place and time")
                else:
                    self.conn.execute('UPDATE meeting SET start = :start, "end" = :end, table_id = :table, '
                                      "room_id = :room WHERE id = :id", values)
                report.updated += 1
            self.conn.execute("DELETE FROM meeting_participant WHERE meeting_id = ?", (r["id"],))
            self.conn.executemany(
                "INSERT INTO meeting_participant (meeting_id, attendee_id, side) VALUES (?, ?, ?)",
                [(r["id"], aid, sides.get(aid, "other" if r["kind"] == "b2b" else "delegation"))
                 for aid in r["participants"]])
        report.not_in_file = len(set(have) - {r["id"] for r in rows})


def terminal_progress(stream=sys.stderr):
    """A progress bar on the terminal for large files."""
    def show(i: int, total: int) -> None:
        if total < 1000:
            return
        width = 30
        filled = int(width * i / total)
        stream.write(f"\rchecking [{'#' * filled}{'.' * (width - filled)}] {i}/{total}")
        if i == total:
            stream.write("\n")
        stream.flush()
    return show
