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

from kiosk.exchange.schedules import (
    Conference, Item, ScheduleError, day_change_from, parse_duration, read_json, read_xml,
)
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
    conf: Conference | None = None      # a published schedule's conference (frab/pretalx/c3voc)
    name: str = ""


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
    #: imported anyway, but staff should know (a repeated slug, a zero-length item, a new room)
    warnings: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    adopted: str = ""                    # what the event took from the file (into an empty event)
    rooms_created: list[str] = field(default_factory=list)

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


def _type(text: str) -> str:
    """Our session type for a file's free-form one ("lecture", "Long talk (45 minutes)", "djset")."""
    t = (text or "").strip().lower()
    if t in SESSION_TYPES:
        return t
    if t in FOREIGN_TYPES:
        return FOREIGN_TYPES[t]
    for words, ours in ((("keynote",), "keynote"), (("workshop", "hands-on", "tutorial"), "masterclass"),
                        (("panel", "discussion", "podium", "roundtable"), "roundtable"),
                        (("talk", "lecture", "vortrag", "presentation", "session"), "forum"),
                        (("concert", "dj", "party", "performance", "show", "music"), "reception"),
                        (("opening", "closing", "ceremony"), "ceremony"), (("tour", "trip", "excursion"), "tour"),
                        (("lunch", "dinner", "breakfast", "meal", "coffee"), "meal")):
        if any(w in t for w in words):
            return ours
    return "meeting"


def _hhmm(text: str) -> timedelta:
    return parse_duration(text)


# ---- dates and times as spreadsheets write them (Excel, Korean Excel, LibreOffice)
_DATE = re.compile(r"(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?")
_TIME = re.compile(r"(?:(오전|오후|AM|PM|am|pm)\s*)?(\d{1,2})\s*[:시]\s*(\d{2})(?:\s*[:분]\s*(\d{2})\s*초?)?\s*(?:분)?"
                   r"\s*(AM|PM|am|pm|a\.m\.|p\.m\.)?")


def excel_date(text) -> date:
    """2023-06-14, 2023.06.14, 2023. 6. 14., 2023/6/14, 2023년 6월 14일, or the date part of
    "2023-06-14 09:30" (a date-time cell)."""
    raw = str(text or "").strip()
    m = _DATE.match(raw)
    if not m:
        raise ValueError(raw)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def excel_time(text) -> tuple[time, date | None]:
    """9:30, 09:30, 09:30:00, 9:30 PM, 오후 2:30, or a date-time cell "2023-06-14 09:30"
    (then its date comes back too)."""
    raw = str(text or "").strip()
    day = None
    m = _DATE.match(raw)
    if m:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        raw = raw[m.end():].lstrip(" T")
    m = _TIME.fullmatch(raw)
    if not m:
        raise ValueError(raw)
    meridiem = (m.group(1) or m.group(5) or "").lower().replace(".", "")
    hour, minute, second = int(m.group(2)), int(m.group(3)), int(m.group(4) or 0)
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError(raw)
        hour = hour % 12 + (12 if meridiem in ("오후", "pm") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(raw)
    return time(hour, minute, second), day


#: Header names as organisers write them (Korean Excel templates included) → our column names.
HEADER_ALIASES = {
    "아이디": "id", "번호": "id", "세션 id": "id", "세션id": "id", "코드": "id",
    "날짜": "day", "일자": "day",
    "시작": "start", "시작 시간": "start", "시작시간": "start", "start time": "start", "시작 일시": "start",
    "종료": "end", "종료 시간": "end", "종료시간": "end", "끝": "end", "end time": "end", "종료 일시": "end",
    "소요 시간": "duration", "소요시간": "duration",
    "장소": "room", "회의실": "room", "강의실": "room", "방": "room", "호실": "room",
    "유형": "type", "종류": "type", "구분": "type",
    "제목": "title_ko", "국문 제목": "title_ko", "제목(국문)": "title_ko", "한국어 제목": "title_ko",
    "영문 제목": "title_en", "제목(영문)": "title_en",
    "중문 제목": "title_zh", "제목(중문)": "title_zh",
    "부제": "subtitle", "부제목": "subtitle",
    "설명": "description_ko", "국문 설명": "description_ko", "영문 설명": "description_en", "중문 설명": "description_zh",
    "연사": "speakers", "발표자": "speakers", "강연자": "speakers",
    "이름": "name", "영문 이름": "name_en", "영문명": "name_en", "국문 이름": "name_ko", "국문명": "name_ko",
    "중문 이름": "name_zh", "중문명": "name_zh", "층": "floor", "좌석": "seats", "좌석 수": "seats", "면적": "area_m2",
    "국가": "country", "소속": "organisation", "기관": "organisation", "분류": "category", "카테고리": "category",
    "부스": "booths", "제품": "products", "영문 제품": "products", "국문 제품": "products_ko",
    "중문 제품": "products_zh", "웹사이트": "website", "홈페이지": "website",
    # meetings (matchmaking)
    "테이블": "table", "상담 테이블": "table", "바이어": "buyer", "참가기업": "exhibitor", "참가 기업": "exhibitor",
    "전시기업": "exhibitor", "전시 기업": "exhibitor", "전시업체": "exhibitor", "전시 업체": "exhibitor",
    "출품기업": "exhibitor", "출품 기업": "exhibitor", "출품업체": "exhibitor", "업체": "exhibitor", "기업": "exhibitor",
    "전시사": "exhibitor", "참가업체": "exhibitor", "참가 업체": "exhibitor", "구매자": "buyer", "바이어사": "buyer",
    "참가자": "participants", "참석자": "participants",
    "비고": "notes", "메모": "notes",
}

#: The columns each kind reads. A column outside these is refused (never dropped silently: an
#: exhibitor column under a name we do not know would otherwise import as "no exhibitor").
KNOWN_COLUMNS = {
    "agenda": ("id", "day", "start", "end", "duration", "room", "type", "title_en", "title_ko", "title_zh",
               "subtitle", "description_en", "description_ko", "description_zh", "speakers", "people",
               "cancelled", "url"),
    "rooms": ("id", "floor", "part_of", "kind", "name_en", "name_ko", "name_zh", "area_m2", "seats"),
    "exhibitors": ("id", "name_en", "name_ko", "name_zh", "country", "category", "booths", "description_en",
                   "description_ko", "description_zh", "products", "products_ko", "products_zh", "website"),
    "attendees": ("id", "name", "name_local", "organisation", "country", "type"),
    "meetings": ("id", "date", "day", "start", "end", "table", "buyer", "exhibitor", "participants", "notes"),
}


def canonical_header(name: str) -> str:
    h = re.sub(r"\s+", " ", (name or "").strip().lower())
    return HEADER_ALIASES.get(h, HEADER_ALIASES.get(h.replace(" ", ""), h))


def read_csv(text: str) -> list[Record]:
    # strict: a quote that is never closed is an error, not a field that swallows the rows after it
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    state = {"row_start": 1}
    try:
        return _read_csv(reader, state)
    except csv.Error as exc:   # a stray quote or line break inside a field
        start = state["row_start"]
        hint = (f"a quote opened on line {start} is never closed"
                if "end of data" in str(exc) else f"the CSV cannot be read ({exc})")
        raise KioskError(f"line {start}: {hint}; nothing was imported", code="bad_csv") from None


def _rows(reader, state):
    while True:
        state["row_start"] = reader.line_num + 1
        try:
            yield next(reader)
        except StopIteration:
            return


def _read_csv(reader, state) -> list[Record]:
    rows = _rows(reader, state)
    try:
        header = next(rows)
    except StopIteration:
        return []
    labels = [h.strip() for h in header]
    header = [canonical_header(h) for h in header]
    named = [h for h in header if h]
    twice = sorted({h for h in named if named.count(h) > 1})
    if twice:
        raise KioskError("line 1: the header names a column twice (" + ", ".join(twice)
                         + "): keep one; nothing was imported", code="bad_csv")
    records = [Record({"__header__": header, "__labels__": labels}, 1)]
    overlong = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        extra = [c for c in row[len(header):] if c.strip()]
        if extra:
            overlong.append(f"line {state['row_start']}: {len(extra)} more cell(s) than the header has columns "
                            f"(an unquoted comma inside a text?)")
        data = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h}
        cols = {h: f"{_col_label(i)} ({labels[i]})" for i, h in enumerate(header) if h}
        records.append(Record(data, state["row_start"], cols))
    if overlong:
        raise KioskError("; ".join(overlong[:20]) + ("; …" if len(overlong) > 20 else "")
                         + ". Put quotes around texts with commas; nothing was imported", code="bad_csv")
    return records


def read_json_rows(text: str, kind: str) -> list[Record]:
    doc = json.loads(text)
    items = doc.get(kind) or doc.get("sessions") or doc.get("items") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise KioskError(f"expected a list of {kind} (or {{\"{kind}\": [...]}})", code="bad_json")
    out = []
    for i, item in enumerate(items, 1):
        if isinstance(item, dict):
            out.append(Record({canonical_header(str(k)): "" if v is None else v for k, v in item.items()}, i,
                              {canonical_header(str(k)): str(k) for k in item}))
        else:
            out.append(Record({"__bad__": True}, i))
    return out


def _schedule_source(conf: Conference, items: list[Item], fmt: str) -> Source:
    records = [Record({**it.data, "__problems__": it.problems}, it.line) for it in items]
    return Source(records, fmt=fmt, conference={"title": conf.title, "tz": conf.tz, "start": conf.start,
                                                "end": conf.end}, rooms=conf.rooms, conf=conf)


def read(path: Path, kind: str, *, encoding: str | None = None) -> Source:
    from kiosk.models.safefile import IMPORT_LIMIT, read_input

    raw = read_input(path, limit=IMPORT_LIMIT, what="import")   # no FIFO, no /dev/zero, no 100 MB read whole
    name = path.name
    suffix = path.suffix.lower()
    if not raw.strip() or raw.strip() in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        raise KioskError(f"{name}: the file is empty{' (only a byte-order mark)' if raw.strip() else ''}: "
                         "nothing to import", code="empty_file")
    if suffix in (".ics", ".ical", ".ifb") or raw.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"BEGIN:VCALENDAR"):
        raise KioskError(f"{name}: .ics (iCalendar) is an export format, for calendars; it is not imported. "
                         "Import frab XML (schedule.xml), JSON (schedule.json) or CSV", code="bad_format")
    head = raw.lstrip(b"\xef\xbb\xbf \r\n\t")[:1]
    if suffix not in (".xml", ".json", ".csv") and head in (b"<", b"{", b"["):
        suffix = ".xml" if head == b"<" else ".json"   # a saved "schedule.frab-xml" or a file with no suffix
    if suffix == ".xml":
        if kind != "agenda":
            raise KioskError(f"{name}: XML is read for agendas only (frab schedule.xml).", code="bad_format")
        try:
            conf, items = read_xml(raw)
        except ScheduleError as exc:
            where = f"{name}:{exc.line}" if exc.line else name
            raise KioskError(f"{where}: not a readable schedule.xml: {exc}", code="bad_format") from None
        if not items:
            raise KioskError(f"{name}: the schedule has no events: nothing to import", code="empty_file")
        return _schedule_source(conf, items, "frab-xml")
    text, used = decode(raw, encoding, name)
    if not text.strip():
        raise KioskError(f"{name}: the file is empty: nothing to import", code="empty_file")
    if suffix == ".json":
        try:
            doc_head = json.loads(text)
        except json.JSONDecodeError as exc:
            raise KioskError(f"{name}:{exc.lineno}: column {exc.colno}: not valid JSON ({exc.msg})",
                             code="bad_format") from None
        if kind == "agenda" and isinstance(doc_head, dict) and "schedule" in doc_head:
            try:
                conf, items = read_json(text)
            except ScheduleError as exc:
                where = f"{name}:{exc.line}" if exc.line else name
                raise KioskError(f"{where}: not a readable schedule.json: {exc}", code="bad_format") from None
            if not items:
                raise KioskError(f"{name}: the schedule has no events: nothing to import", code="empty_file")
            return _schedule_source(conf, items, "c3voc-json")
        records = read_json_rows(text, kind)
        if not records:
            raise KioskError(f"{name}: the list is empty: nothing to import", code="empty_file")
        return Source(records, used, "json")
    records = read_csv(text)
    if len(records) <= 1:
        raise KioskError(f"{name}: {'only a header row' if records else 'no header row'}: nothing to import",
                         code="empty_file")
    return Source(records, used, "csv")


def fixed_zone(offset: timedelta) -> str | None:
    """The IANA name of a whole-hour fixed offset (UTC+1 is "Etc/GMT-1": POSIX signs are inverted)."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


# ---------------------------------------------------------------- validating and applying
class Importer:
    """Validates a whole file, then applies all of it in one transaction (or nothing).

    ``timezone`` names the zone of a schedule whose file names none (FOSDEM's Pentabarf export
    gives wall-clock times only; 36C3's gives +01:00 offsets but no zone name)."""

    def __init__(self, conn, *, timezone: str | None = None) -> None:
        """``conn``: the event store (writes go through its ``atomic()``)."""
        self.conn = conn
        info = conn.info
        self.tz = info.tz
        self.first_day, self.last_day = info.first_day, info.last_day
        self.event_name = conn.execute("SELECT name_en FROM event").fetchone()[0]
        self.zone_override = timezone
        self._adopt = None

    def _ids(self, table: str) -> set[str]:
        return {r[0] for r in self.conn.execute(f"SELECT id FROM {table}")}

    def run(self, path: Path, kind: str, *, encoding: str | None = None, dry_run: bool = False,
            progress=None) -> ImportReport:
        if kind not in KINDS:
            raise KioskError(f"--kind must be one of {', '.join(KINDS)}", code="bad_kind")
        if self.zone_override:
            try:
                ZoneInfo(self.zone_override)
            except (ValueError, LookupError):
                raise KioskError(f"--timezone {self.zone_override!r} is not a time zone name like Europe/Berlin",
                                 code="bad_timezone") from None
        source = read(path, kind, encoding=encoding)
        source.name = path.name
        report = ImportReport(kind=kind, fmt=source.fmt, encoding=source.encoding, dry_run=dry_run)
        records = source.records
        if source.fmt in ("csv",) and records:
            header = records[0].data["__header__"]
            records = records[1:]
            missing = [c for c in REQUIRED[kind] if c not in header and not (kind == "agenda" and c == "end"
                                                                          and "duration" in header)
                       and not (kind == "agenda" and c == "title_en" and "title_ko" in header)
                       and not (kind == "agenda" and c == "day" and "start" in header)
                       and not (kind == "meetings" and c == "date" and "day" in header)]   # 날짜
            for c in missing:
                report.problems.append(Problem(path.name, 1, None, f"missing column '{c}'"))
            labels = records[0].data.get("__labels__", header)
            self._unknown_columns(path.name, kind, [(i, labels[i], h) for i, h in enumerate(header) if h], report)
            if report.problems:
                return report
        elif source.fmt == "json" and records:
            seen_keys: dict[str, tuple[int, str]] = {}
            for rec in records:
                for key, label in rec.columns.items():
                    seen_keys.setdefault(key, (rec.line, label))
            for key, (line, label) in seen_keys.items():
                if key not in KNOWN_COLUMNS[kind]:
                    report.problems.append(Problem(path.name, line, label, self._unknown_message(kind, label)))
            if report.problems:
                return report
        validate = getattr(self, f"_validate_{kind}")
        rows = validate(path.name, source, records, report, progress)
        if report.problems or dry_run:
            return report
        apply = getattr(self, f"_apply_{kind}")
        with self.conn.atomic():
            apply(rows, source, report, progress) if kind == "agenda" else apply(rows, source, report)
        if self._adopt:
            self.conn.forget_event_info()
        return report

    # -- helpers
    @staticmethod
    def _unknown_message(kind, label):
        return (f"unknown column {label!r}: nothing was imported (a column under a name the kiosk does not "
                f"know would be lost); rename it to one of {', '.join(KNOWN_COLUMNS[kind])} "
                "(Korean names like 날짜, 시작, 테이블, 바이어, 전시업체 work too) or delete the column")

    def _unknown_columns(self, name, kind, columns, report):
        for i, label, key in columns:
            if key not in KNOWN_COLUMNS[kind]:
                report.problems.append(Problem(name, 1, f"{_col_label(i)} ({label})",
                                               self._unknown_message(kind, label)))

    @staticmethod
    def _p(report, name, rec, column, message):
        report.problems.append(Problem(name, rec.line, rec.columns.get(column, column) if column else None, message))

    @staticmethod
    def _w(report, name, rec, column, message):
        report.warnings.append(Problem(name, rec.line if rec else None,
                                       (rec.columns.get(column, column) if rec else column) if column else None,
                                       message))

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
    def _tick(progress, i, total, phase="checking"):
        if progress and (i % 500 == 0 or i == total):
            progress(i, total, phase)

    # -- agenda
    def _validate_agenda(self, name, source, records, report, progress):
        self._fresh = self.conn.execute("SELECT count(*) FROM session").fetchone()[0] == 0
        if source.conf is not None:
            return self._validate_schedule(name, source, records, report, progress)
        return self._validate_rows(name, source, records, report, progress)

    def _schedule_zone(self, name, conf: Conference, report) -> ZoneInfo:
        if self.zone_override:
            return ZoneInfo(self.zone_override)
        if not self._fresh:
            if conf.tz and conf.tz != str(self.tz):
                report.warnings.append(Problem(name, None, None, (
                    f"the file's time zone is {conf.tz}, this event's is {self.tz}: times are kept as the "
                    f"instants the file gives and shown in {self.tz}")))
            return self.tz
        if conf.tz:
            try:
                return ZoneInfo(conf.tz)
            except (ValueError, LookupError):
                report.problems.append(Problem(name, None, None, f"unknown time zone {conf.tz!r} in the file "
                                                                 "(give --timezone Europe/Berlin or the like)"))
                return self.tz
        if len(conf.offsets) == 1:
            offset = next(iter(conf.offsets))
            zone = fixed_zone(offset) or "UTC"
            hours = offset.total_seconds() / 3600
            report.warnings.append(Problem(name, None, None, (
                f"the file names no time zone; all its times are UTC{hours:+g}: the event's zone is set to "
                f"{zone} (exact instants, no daylight saving); give --timezone (e.g. Europe/Berlin) to name it")))
            return ZoneInfo(zone)
        if conf.offsets:
            report.warnings.append(Problem(name, None, None, (
                f"the file names no time zone and its times carry several offsets; they are kept as instants "
                f"and shown in {self.tz}; give --timezone to choose the event's zone")))
            return self.tz
        report.warnings.append(Problem(name, None, None, (
            f"the file names no time zone and gives wall-clock times only: they are read in {self.tz} "
            f"(this event's zone); give --timezone (e.g. Europe/Brussels) if the conference is elsewhere")))
        return self.tz

    def _validate_schedule(self, name, source, records, report, progress):
        conf: Conference = source.conf
        tz = self._schedule_zone(name, conf, report)
        change_text = conf.day_change or day_change_from(conf.day_ends, tz) or "00:00"
        change = datetime.strptime(change_text, "%H:%M").time()
        change_delta = timedelta(hours=change.hour, minutes=change.minute)
        utc = ZoneInfo("UTC")
        seen: dict[str, int] = {}
        rows = []
        conf_days: list[date] = []
        # our own export gives each session the guid of its stored id: a re-import whose slug or
        # id differs (a slug the frab schema cannot carry, a number) is matched back on that guid
        from kiosk.exchange.export import guid as export_guid
        stored = self._ids("session")
        by_guid = {export_guid("session", sid): sid for sid in stored}
        for i, rec in enumerate(records, 1):
            self._tick(progress, i, len(records))
            d = rec.data
            for column, message in d.get("__problems__", ()):
                self._p(report, name, rec, column, message)
            if d.get("__problems__") or "start" not in d:
                continue
            start = d["start"]
            if start.tzinfo is None:
                if d.get("after_day_change") and start.time() < change:
                    start += timedelta(days=1)    # Pentabarf: 01:00 on a day that changes at 04:00 is the next date
                start = start.replace(tzinfo=tz)
            start = start.astimezone(tz)
            clock = d.get("start_clock")
            if clock is not None and (start.hour, start.minute) != (clock.hour, clock.minute):
                self._w(report, name, rec, "start", f"<start> {clock:%H:%M} disagrees with <date> "
                                                    f"({start:%H:%M} in {tz}); the <date> instant is kept")
            duration = d.get("duration") or timedelta(0)
            if duration <= timedelta(0):
                self._w(report, name, rec, "duration", f"{d.get('title')!r} lasts 00:00: imported as a one-minute "
                                                       "item (the kiosk needs an end after the start)")
                duration = timedelta(minutes=1)
            end = (start.astimezone(utc) + duration).astimezone(tz)
            if d.get("conf_day_start") is not None:
                conf_day = d["conf_day_start"].astimezone(tz).date() if d["conf_day_start"].tzinfo else \
                    d["conf_day_start"].date()
            else:
                conf_day = d.get("conf_day_date") or (start - change_delta).date()
            ident = str(d.get("id") or "").strip()
            if not ident:
                self._p(report, name, rec, "id", "the event has no slug, guid or id")
                continue
            ours = by_guid.get(str(d.get("guid") or "").strip().lower())
            if ours and ident not in stored and ours not in seen:
                ident = ours
            if ident in seen:      # a session held twice under one slug/guid: both are real
                n = 2
                while f"{ident}-{n}" in seen:
                    n += 1
                self._w(report, name, rec, "slug", f"{ident!r} appears again (first on line {seen[ident]}): this "
                                                   f"slot is imported as {ident}-{n}")
                ident = f"{ident}-{n}"
            seen[ident] = rec.line
            title = str(d.get("title") or "").strip()
            if not title:
                self._p(report, name, rec, "title", "missing title")
            room = str(d.get("room") or "").strip()
            if not room:
                self._w(report, name, rec, "room", "no room given: shown as 'room to be announced'")
            conf_days.append(conf_day)
            abstract, description = d.get("abstract") or "", d.get("description") or ""
            text = abstract if abstract and description and description.startswith(abstract) else \
                "\n\n".join(x for x in (abstract, description) if x)
            rows.append({"id": ident, "start": start, "end": end, "room": room or None, "conf_day": conf_day,
                         "line": rec.line, "type": _type(d.get("source_type") or ""),
                         "title": {"en": title, "ko": "", "zh": ""}, "subtitle": d.get("subtitle") or "",
                         "description": {"en": text, "ko": "", "zh": ""}, "people": d.get("people") or [],
                         "cancelled": bool(d.get("cancelled")), "source_type": d.get("source_type") or "",
                         "track": d.get("track") or "", "language": d.get("language") or "", "url": d.get("url") or ""})
        self._check_days(name, conf, tz, change_text, rows, conf_days, report)
        return rows

    def _check_days(self, name, conf: Conference, tz, change_text, rows, conf_days, report):
        """A new event takes its name, zone and days from the file; an event with a programme
        keeps its own and reports what the file says differently."""
        if self._fresh:
            first = conf.start or (min(conf_days) if conf_days else self.first_day)
            last = (first + timedelta(days=conf.days - 1)) if conf.start and conf.days else (conf.end or first)
            if conf_days:
                first, last = min(first, min(conf_days)), max(last, max(conf_days))
            self._adopt = {"name": conf.title or self.event_name, "tz": str(tz), "first": first, "last": last,
                           "day_change": change_text, "language": conf.language, "url": conf.url}
            return
        self._adopt = None
        if conf.title and conf.title != self.event_name:
            report.warnings.append(Problem(name, None, None, (
                f"the file is the programme of {conf.title!r}; this event is {self.event_name!r}: the event keeps "
                "its name, zone and days (import into an empty event to take the file's)")))
        for r in rows:
            if not (self.first_day <= r["conf_day"] <= self.last_day):
                report.problems.append(Problem(name, r["line"], "date", (
                    f"{r['conf_day']} is outside the event ({self.first_day} – {self.last_day})")))

    def _validate_rows(self, name, source, records, report, progress):
        first, last, tz = self.first_day, self.last_day, self.tz
        self._adopt = None
        seen: dict[str, int] = {}
        rows = []
        for i, rec in enumerate(records, 1):
            self._tick(progress, i, len(records))
            d = rec.data
            if d.get("__bad__"):
                self._p(report, name, rec, None, "not an object")
                continue
            ident = self._ident(report, name, rec, seen)
            bad = ident is None
            # every problem of the row is reported, not only the first
            day = start = end = None
            if str(d.get("day") or "").strip():
                try:
                    day = excel_date(d.get("day"))
                except ValueError:
                    self._p(report, name, rec, "day", f"bad date {d.get('day')!r} (use 2023-06-14 or 2023.06.14)")
                    bad = True
            start_t = end_t = None
            try:
                start_t, start_day = excel_time(d.get("start", ""))
                if start_day and day and start_day != day:
                    self._p(report, name, rec, "start", f"{d.get('start')!r} is not on {day}")
                    bad = True
                day = day or start_day
            except ValueError:
                self._p(report, name, rec, "start", f"bad time {d.get('start')!r} (use 9:30 or 09:30)")
                bad = True
            if day is None and not bad:
                self._p(report, name, rec, "day", "missing date")
                bad = True
            duration = None
            if str(d.get("end") or "").strip():
                try:
                    end_t, end_day = excel_time(d["end"])
                except ValueError:
                    self._p(report, name, rec, "end", f"bad time {d.get('end')!r} (use 9:30 or 09:30)")
                    bad = True
                    end_day = None
            else:
                end_day = None
                try:
                    duration = parse_duration(d.get("duration", ""))
                except ValueError:
                    self._p(report, name, rec, "end", f"bad time {d.get('end') or d.get('duration')!r} "
                                                      "(use 9:30 or 09:30)")
                    bad = True
            if day is not None and start_t is not None:
                start = datetime.combine(day, start_t, tz)
                if end_t is not None:
                    end = datetime.combine(end_day or day, end_t, tz)
                elif duration is not None:
                    end = (start.astimezone(ZoneInfo("UTC")) + duration).astimezone(tz)
                if end is not None and end <= start:
                    self._p(report, name, rec, "end", f"ends ({end:%H:%M}) before it starts ({start:%H:%M})")
                    bad = True
                local = start.date()
                if not (first <= local <= last):
                    self._p(report, name, rec, "day", f"{local} is outside the event ({first} – {last})")
                    bad = True
            room = str(d.get("room") or "").strip()
            room_id = self._room_id(room) if room else None
            if room and room_id is None:
                self._w(report, name, rec, "room", f"room {room!r} is not on the floor plan: it will be created "
                                                   "and marked 'not on the floor plan yet'")
            kind = str(d.get("type", "")).strip().lower()
            if kind not in SESSION_TYPES:
                self._p(report, name, rec, "type", f"unknown type {kind!r} (one of {', '.join(SESSION_TYPES)})")
                bad = True
            if not str(d.get("title_en") or d.get("title_ko") or "").strip():
                self._p(report, name, rec, "title_en", "missing title")
                bad = True
            people = d.get("people")
            if people is None and d.get("speakers"):
                people = [{"name": n.strip(), "role": "speaker"} for n in str(d["speakers"]).split(";") if n.strip()]
            if bad:
                continue
            rows.append({"id": ident, "start": start, "end": end, "room": room_id or room or None, "type": kind,
                         "title": {k: str(d.get(f"title_{k}") or "") for k in ("en", "ko", "zh")},
                         "subtitle": str(d.get("subtitle") or ""),
                         "description": {k: str(d.get(f"description_{k}") or "") for k in ("en", "ko", "zh")},
                         "people": people or [], "cancelled": bool(d.get("cancelled")), "source_type": "",
                         "track": "", "language": "", "url": str(d.get("url") or "")})
            if not rows[-1]["title"]["en"]:
                rows[-1]["title"]["en"] = rows[-1]["title"]["ko"]
        return rows

    def _room_id(self, name: str) -> str | None:
        if not hasattr(self, "_rooms_by_name"):
            self._rooms_by_name = {}
            for rid, name_en in self.conn.execute("SELECT id, name_en FROM room"):
                self._rooms_by_name.setdefault(rid, rid)
                self._rooms_by_name.setdefault(str(name_en).lower(), rid)
        return self._rooms_by_name.get(name) or self._rooms_by_name.get(name.lower())

    def _apply_agenda(self, rows, source, report, progress=None):
        c = self.conn
        if self._adopt:
            a = self._adopt
            language = a["language"] if a["language"] in ("en", "ko", "zh-Hant") else None
            c.execute("UPDATE event SET name_en = ?, name_ko = NULL, name_zh = NULL, subtitle_en = NULL, "
                      "subtitle_ko = NULL, subtitle_zh = NULL, theme_en = NULL, theme_ko = NULL, theme_zh = NULL, "
                      "timezone = ?, first_day = ?, last_day = ?, day_change = ?, content_language = ?, "
                      "agenda_url = ?, default_language = coalesce(?, default_language)",
                      (a["name"], a["tz"], a["first"].isoformat(), a["last"].isoformat(), a["day_change"],
                       a["language"], a["url"], language))
            # the bundled venue's name (HICO) is not the imported conference's: the footer shows none
            c.execute("UPDATE venue SET name_en = '', name_ko = NULL, name_zh = NULL "
                      "WHERE id = (SELECT venue_id FROM event)")
            report.adopted = (f"the event is now {a['name']!r}, {a['first']} – {a['last']} in {a['tz']}"
                              + (f" (days change at {a['day_change']})" if a["day_change"] != "00:00" else "")
                              + (f", programme language {a['language']!r}" if a["language"] else ""))
        floor = c.execute("SELECT id FROM floor ORDER BY level LIMIT 1").fetchone()[0]
        capacity = {r["name"]: r.get("capacity") for r in source.rooms}
        created = []
        for r in rows:                               # rooms the schedule uses that the venue does not have
            if r["room"] and self._room_id(r["room"]) is None:
                c.execute("INSERT INTO room (id, floor_id, kind, name_en, seats, not_on_plan) "
                          "VALUES (?, ?, 'meeting', ?, ?, 1)", (r["room"], floor, r["room"], capacity.get(r["room"])))
                self._rooms_by_name[r["room"]] = r["room"]
                self._rooms_by_name.setdefault(r["room"].lower(), r["room"])
                created.append(r["room"])
        if created:
            shown = ", ".join(created[:8]) + (f" and {len(created) - 8} more" if len(created) > 8 else "")
            report.warnings.append(Problem(source_name(source), None, None, (
                f"{len(created)} room(s) not on the floor plan were created and marked 'not on the floor plan "
                f"yet': {shown}")))
            report.rooms_created = created
        existing = {r[0]: r for r in c.execute(
            'SELECT id, room_id, start, "end", status, notice, published_room_id, published_start, published_end '
            "FROM session")}
        in_file = set()
        people_by_name = {name: pid for pid, name in c.execute("SELECT id, name FROM person")}
        person_ids = set(people_by_name.values())
        total = len(rows)
        for i, r in enumerate(rows, 1):
            self._tick(progress, i, total, "importing")
            room = self._room_id(r["room"]) if r["room"] else None
            start, end = r["start"].isoformat(), r["end"].isoformat()
            t, dsc = r["title"], r["description"]
            in_file.add(r["id"])
            old = existing.get(r["id"])
            texts = (r["type"], t["en"], t["ko"] or None, t["zh"] or None, dsc["en"] or None, dsc["ko"] or None,
                     dsc["zh"] or None, r["subtitle"] or None, r["source_type"] or None, r["track"] or None,
                     r["language"] or None, r["url"] or None)
            if old is None:
                c.execute('INSERT INTO session (id, type, title_en, title_ko, title_zh, description_en, description_ko, '
                          'description_zh, subtitle, source_type, track, language, url, published_start, published_end, '
                          'published_room_id, start, "end", room_id, status, published_status) '
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (r["id"], *texts, start, end, room, start, end, room,
                           *(["cancelled" if r["cancelled"] else "scheduled"] * 2)))
                report.added += 1
            else:
                c.execute("UPDATE session SET type = ?, title_en = ?, title_ko = ?, title_zh = ?, description_en = ?, "
                          "description_ko = ?, description_zh = ?, subtitle = ?, source_type = ?, track = ?, "
                          "language = ?, url = ?, published_start = ?, published_end = ?, "
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
                    pid = people_by_name.get(p["name"])
                    if pid is None:
                        pid = self._new_person(p["name"], person_ids)
                        people_by_name[p["name"]] = pid
                    c.execute("INSERT OR IGNORE INTO session_person (session_id, person_id, role, position) "
                              "VALUES (?, ?, ?, ?)", (r["id"], pid, p["role"], pos))
        report.not_in_file = len(set(existing) - in_file)

    def _new_person(self, name: str, taken: set[str]) -> str:
        base = "p-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x")
        pid, n = base, 1
        while pid in taken:
            n += 1
            pid = f"{base}-{n}"
        taken.add(pid)
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
                         "description_zh": str(d.get("description_zh") or "") or None,
                         "products": str(d.get("products") or ""),
                         "products_ko": str(d.get("products_ko") or "") or None,
                         "products_zh": str(d.get("products_zh") or "") or None,
                         "website": str(d.get("website") or "") or None,
                         "booths": blist})
        return rows

    def _apply_exhibitors(self, rows, source, report):
        have = self._ids("exhibitor")
        for r in rows:
            booths = r.pop("booths")
            if r["id"] in have:
                self.conn.execute("UPDATE exhibitor SET name_en = :name_en, name_ko = :name_ko, name_zh = :name_zh, "
                                  "country = :country, category_id = :category_id, description_en = :description_en, "
                                  "description_ko = :description_ko, description_zh = :description_zh, "
                                  "products = :products, products_ko = :products_ko, products_zh = :products_zh, "
                                  "website = :website WHERE id = :id", r)
                report.updated += 1
            else:
                self.conn.execute("INSERT INTO exhibitor (id, name_en, name_ko, name_zh, country, category_id, "
                                  "description_en, description_ko, description_zh, products, products_ko, products_zh, "
                                  "website) VALUES (:id, :name_en, :name_ko, :name_zh, :country, :category_id, "
                                  ":description_en, :description_ko, :description_zh, :products, :products_ko, "
                                  ":products_zh, :website)", r)
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
            # the same spreadsheet forms as the agenda (9:30, 2023.06.14, 오후 2:30; 날짜 = date),
            # and every problem of the row, not only the first
            bad = False
            day = start = end = None
            raw_day = d.get("date", d.get("day", ""))
            try:
                day = excel_date(raw_day)
            except ValueError:
                self._p(report, name, rec, "date" if "date" in d else "day",
                        f"bad date {raw_day!r} (use 2023-06-14 or 2023.06.14)")
                bad = True
            try:
                start_t, _ = excel_time(d.get("start", ""))
                start = datetime.combine(day, start_t, self.tz) if day else None
            except ValueError:
                self._p(report, name, rec, "start", f"bad time {d.get('start')!r} (use 9:30 or 09:30)")
                bad = True
            try:
                end_t, _ = excel_time(d.get("end", ""))
                end = datetime.combine(day, end_t, self.tz) if day else None
            except ValueError:
                self._p(report, name, rec, "end", f"bad time {d.get('end')!r} (use 9:30 or 09:30)")
                bad = True
            if start and end and end <= start:
                self._p(report, name, rec, "end", f"ends ({end:%H:%M}) before it starts ({start:%H:%M})")
                bad = True
            if day and not (self.first_day <= day <= self.last_day):
                self._p(report, name, rec, "date", f"{day} is outside the event ({self.first_day} – {self.last_day})")
                bad = True
            place = str(d.get("table") or "").strip()
            table = place if place in tables else None
            room = place if table is None and place in rooms else None
            if table is None and room is None:
                self._p(report, name, rec, "table", f"unknown table or room {place!r}" + (
                    " (this database has no matchmaking tables: run `main.py seed-meetings` first)"
                    if not tables else ""))
                bad = True
            buyer = str(d.get("buyer") or "").strip() or None
            exhibitor = str(d.get("exhibitor") or "").strip() or None
            if buyer and buyer not in buyers:
                self._p(report, name, rec, "buyer", f"unknown buyer {buyer!r}" + (
                    " (this database has no buyers: run `main.py seed-meetings` first)" if not buyers else ""))
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
            # a column the file does not carry keeps what the database has (never cleared by omission)
            carried = {c for c in ("buyer", "exhibitor", "participants", "notes") if c in d}
            row = {"id": ident, "start": start, "end": end, "table": table, "room": room, "buyer": buyer,
                   "exhibitor": exhibitor, "participants": people, "notes": str(d.get("notes") or "").strip(),
                   "kind": "b2b" if (buyer and exhibitor) else "bilateral", "carried": carried}
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
        people_of: dict[str, list[str]] = {}
        for mid, aid in self.conn.execute("SELECT meeting_id, attendee_id FROM meeting_participant"):
            people_of.setdefault(mid, []).append(aid)
        for m in existing:
            m["participants"] = people_of.get(m["id"], [])
        # a file without a participants column keeps each meeting's people: check those
        checked = [r if "participants" in r["carried"] else {**r, "participants": people_of.get(r["id"], [])}
                   for r in checked]
        for mid, message in double_bookings(existing + checked):
            if mid in line_of:
                self._p(report, name, line_of[mid], "table" if message.startswith("table") else "participants",
                        message)
        return rows

    def _apply_meetings(self, rows, source, report):
        have = {r[0]: r[1:] for r in self.conn.execute(
            'SELECT id, table_id, room_id, start, "end", published_table_id, published_room_id, published_start, '
            "published_end, buyer_id, exhibitor_id, notes, kind FROM meeting")}
        sides = {r[0]: "buyer" for r in self.conn.execute("SELECT attendee_id FROM buyer_rep")}
        for r in self.conn.execute("SELECT attendee_id FROM exhibitor_rep"):
            sides.setdefault(r[0], "exhibitor")
        for r in rows:
            values = {"id": r["id"], "table": r["table"], "room": r["room"], "start": r["start"].isoformat(),
                      "end": r["end"].isoformat(), "buyer": r["buyer"], "exhibitor": r["exhibitor"],
                      "notes": r["notes"], "kind": r["kind"]}
            old = have.get(r["id"])
            carried = r.get("carried", {"buyer", "exhibitor", "participants", "notes"})
            if old is not None:
                for col, at in (("buyer", 8), ("exhibitor", 9), ("notes", 10)):
                    if col not in carried:
                        values[col] = old[at]
            # the kind follows the data on every import: a buyer and an exhibitor make a B2B meeting
            values["kind"] = ("b2b" if values["buyer"] and values["exhibitor"] else
                              old[11] if old is not None and old[11] == "courtesy" else "bilateral")
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
                    "published_room_id = :room, buyer_id = :buyer, exhibitor_id = :exhibitor, notes = :notes, "
                    "kind = :kind WHERE id = :id", values)
                if live_changed:
                    report.kept_live.append(f"{r['id']}: changed on site ({old[0] or old[1]} {old[2][11:16]}); "
                                            f"kept, the file's {r['table'] or r['room']} {r['start']:%H:%M} "
                                            "is now its published place and time")
                else:
                    self.conn.execute('UPDATE meeting SET start = :start, "end" = :end, table_id = :table, '
                                      "room_id = :room WHERE id = :id", values)
                report.updated += 1
            if old is not None and "participants" not in carried:
                continue
            self.conn.execute("DELETE FROM meeting_participant WHERE meeting_id = ?", (r["id"],))
            self.conn.executemany(
                "INSERT INTO meeting_participant (meeting_id, attendee_id, side) VALUES (?, ?, ?)",
                [(r["id"], aid, sides.get(aid, "other" if values["kind"] == "b2b" else "delegation"))
                 for aid in r["participants"]])
        report.not_in_file = len(set(have) - {r["id"] for r in rows})


def source_name(source: Source) -> str:
    return getattr(source, "name", "") or "schedule"


def terminal_progress(stream=sys.stderr):
    """A progress bar on the terminal for large files (checking, then importing)."""
    def show(i: int, total: int, phase: str = "checking") -> None:
        if total < 1000:
            return
        width = 30
        filled = int(width * i / total)
        stream.write(f"\r{phase:<9} [{'#' * filled}{'.' * (width - filled)}] {i}/{total}")
        if i == total:
            stream.write("\n")
        stream.flush()
    return show
