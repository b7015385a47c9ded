"""Seven schedules real conferences published (../shared/real-schedules, written by nobody here):
every event imported at the instant the file means, with its room, people and text intact, and
the exports made from them valid, readable by a real consumer's logic and round-tripping.

The expected values come from an INDEPENDENT reading of each file in this module (the standard
library's xml.etree / json + zoneinfo), never from the importer under test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk.exchange.export import Exporter
from kiosk.exchange.importer import Importer
from kiosk.models.database import open_event_db
from kiosk.models.loader import build_database
from kiosk.models.repository import Repository
from tests.conftest import DATA, ROOT

REAL = ROOT.parent / "shared" / "real-schedules"
SCHEMAS = ROOT.parent / "shared" / "schemas" / "c3voc-schedule"
UTC = timezone.utc

#: file → (zone given on the command line or None, the zone the event should end up in)
FILES = {
    "36c3_merged.xml": (None, "Etc/GMT-1"),          # no zone name; every date +01:00
    "debconf23.xml": (None, "Asia/Kolkata"),
    "fosdem_2021.xml": ("Europe/Brussels", "Europe/Brussels"),   # wall clock only: the zone is ours to say
    "romhack_camp_2026.xml": (None, "Europe/Rome"),
    "frab-camp2019.json": (None, "Europe/Berlin"),
    "hub-schedule2.json": (None, "Europe/Berlin"),
    "pretalx-rc3.json": (None, "Etc/GMT-1"),
}


def need(path):
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared reference files are not on this machine)")
    return path


# ---------------------------------------------------------------- the independent reading
def _dur(text: str) -> timedelta:
    parts = [int(p) for p in text.strip().split(":")]
    return timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2] if len(parts) > 2 else 0)


def _aware(text: str) -> datetime:
    value = datetime.fromisoformat(text.strip())
    assert value.tzinfo is not None, f"the file's date {text!r} has no offset"
    return value


def independent(name: str, zone: str | None) -> list[dict]:
    """Each event as the file means it: UTC start and end, room, title, subtitle, people."""
    path = need(REAL / name)
    out = []
    if name.endswith(".xml"):
        root = ET.parse(path).getroot()
        for day in root.iter("day"):
            for room in day.iter("room"):
                for ev in room.iter("event"):
                    if ev.findtext("date"):
                        start = _aware(ev.findtext("date"))
                    else:   # Pentabarf: the day's date + the wall-clock start, in the zone we were told
                        clock = datetime.strptime(ev.findtext("start").strip()[:5], "%H:%M").time()
                        start = datetime.combine(date.fromisoformat(day.get("date")), clock, ZoneInfo(zone))
                    out.append({
                        "start": start.astimezone(UTC), "end": (start + _dur(ev.findtext("duration"))).astimezone(UTC),
                        "local_clock": ev.findtext("start").strip()[:5],
                        "room": (ev.findtext("room") or room.get("name")).strip(),
                        "title": (ev.findtext("title") or "").strip(), "subtitle": (ev.findtext("subtitle") or "").strip(),
                        "people": sorted(p.text.strip() for p in ev.iter("person") if p.text and p.text.strip()),
                    })
    else:
        doc = json.loads(path.read_text(encoding="utf-8"))
        sched = doc["schedule"]
        if "events" in sched:
            for ev in sched["events"]:
                start = _aware(ev["start"])
                out.append({"start": start.astimezone(UTC), "end": _aware(ev["end"]).astimezone(UTC),
                            "local_clock": None, "room": ev["room"]["name"], "title": ev["title"].strip(),
                            "subtitle": (ev.get("subtitle") or "").strip(),
                            "people": sorted(p["name"].strip() for p in ev.get("participants", []))})
        else:
            for day in sched["conference"]["days"]:
                for room, events in day["rooms"].items():
                    for ev in events:
                        start = _aware(ev["date"])
                        out.append({"start": start.astimezone(UTC),
                                    "end": (start + _dur(ev["duration"])).astimezone(UTC),
                                    "local_clock": ev["start"], "room": ev.get("room") or room,
                                    "title": ev["title"].strip(), "subtitle": (ev.get("subtitle") or "").strip(),
                                    "people": sorted((p.get("public_name") or p.get("name")).strip()
                                               for p in ev["persons"])})
    return out


def key(e: dict) -> tuple:
    return (e["start"], e["end"], e["room"], e["title"], e["subtitle"], tuple(e["people"]))


def stored(conn) -> list[dict]:
    repo = Repository(conn)
    rooms = repo.rooms()
    out = []
    for s in repo.sessions():
        out.append({"id": s.id, "start": s.start.astimezone(UTC), "end": s.end.astimezone(UTC),
                    "local": s.start, "room": rooms[s.room_id].name.en if s.room_id else "",
                    "title": s.title.en, "subtitle": s.subtitle, "title_ko": s.title.ko,
                    "people": sorted(p.name for p in repo.participants(s.id))})
    return out


def fresh_db(path):
    build_database(path, DATA, venue_only=True)
    return open_event_db(path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Each real file imported once into its own empty event (shared by the tests below)."""
    cache = {}

    def get(name):
        if name not in cache:
            need(REAL / name)
            conn = fresh_db(tmp_path_factory.mktemp("real") / f"{name}.db")
            report = Importer(conn, timezone=FILES[name][0]).run(REAL / name, "agenda")
            assert report.ok, [str(p) for p in report.problems]
            cache[name] = (conn, report)
        return cache[name]
    return get


def expected_with_zero_length(name, zone):
    """The zero-length 36C3 item is stored one minute long (the one deliberate difference)."""
    out = []
    for e in independent(name, zone):
        if e["end"] == e["start"]:
            e = {**e, "end": e["start"] + timedelta(minutes=1)}
        out.append(e)
    return out


# ---------------------------------------------------------------- import: every event, right instant
@pytest.mark.parametrize("name", list(FILES))
def test_every_event_imported_at_the_instant_the_file_means(imported, name):
    conn, report = imported(name)
    zone_arg, zone = FILES[name]
    source = expected_with_zero_length(name, zone_arg)
    got = stored(conn)
    assert len(got) == len(source)
    assert Counter(map(key, got)) == Counter(map(key, source))
    # rooms: every room the file uses exists, and those the venue did not have are marked for staff
    rooms = {r["room"] for r in source}
    marked = {r[0] for r in conn.execute("SELECT name_en FROM room WHERE not_on_plan = 1")}
    assert rooms <= marked
    # the event took the file's zone and name; every time is shown in that zone
    event = Repository(conn).event()
    assert event.timezone == zone
    assert all(s["local"].tzinfo == ZoneInfo(zone) for s in got)
    # the wall clock the file prints (<start>) is the wall clock the kiosk shows
    clocks = Counter(e["local_clock"] for e in source if e["local_clock"])
    if clocks:
        assert clocks == Counter(f"{s['local']:%H:%M}" for s in got)


def test_36c3_repeated_slugs_after_midnight_and_zero_length_are_imported(imported):
    conn, report = imported("36c3_merged.xml")
    ids = {r[0] for r in conn.execute("SELECT id FROM session")}
    assert len(ids) == 1351
    for code in ("SRMX8W", "FU3ZZE", "3KNRHJ"):          # held twice under one slug: both slots kept
        assert {code, f"{code}-2"} <= ids
    warnings = "\n".join(map(str, report.warnings))
    assert "'SRMX8W' appears again" in warnings and "lasts 00:00" in warnings
    repo = Repository(conn)
    event = repo.event()
    assert (event.first_day, event.last_day, event.day_change) == (date(2019, 12, 27), date(2019, 12, 30), "04:00")
    # the two DJ sets at 02:00 and 03:00 on 31 Dec belong to the last day's tab
    last_day = repo.sessions(date(2019, 12, 30))
    late = [s for s in last_day if s.start.date() == date(2019, 12, 31)]
    assert {"02:00", "03:00"} <= {f"{s.start:%H:%M}" for s in late}
    assert all(s.start.hour < 4 for s in late)
    # CJK, Hangul and emoji text intact; a room with Japanese in its name
    titles = {r[0] for r in conn.execute("SELECT title_en FROM session")}
    assert "오방색 Five Colour 김밥 Gimbab Varieties" in " ".join(titles)
    assert conn.execute("SELECT 1 FROM room WHERE name_en = 'Assembly:Origasmi – 紙の変態'").fetchone()
    # a subtitle is a subtitle, never a Korean title
    row = conn.execute("SELECT title_ko, subtitle FROM session WHERE title_en = 'Hacker Jeopardy'").fetchone()
    assert row == (None, "Zahlenraten für Geeks")
    assert event.name.en == "36th Chaos Communication Congress" and event.name.ko is None


def test_debconf_utc_dates_are_shown_at_kochi_time(imported, tmp_path):
    conn, _ = imported("debconf23.xml")
    repo = Repository(conn)
    opening = next(s for s in repo.sessions() if s.title.en == "Opening Ceremony")
    assert opening.start == datetime(2023, 9, 10, 10, 30, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert (repo.event().first_day, repo.event().last_day) == (date(2023, 9, 10), date(2023, 9, 17))
    # the CLI lists it at 10:30 (the issue saw 05:00)
    db_file = conn.execute("PRAGMA database_list").fetchone()[2]
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "sessions", "--day", "2023-09-10", "--db", db_file],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    line = next(line for line in out.stdout.splitlines() if "Opening Ceremony" in line)
    assert "2023-09-10 10:30–10:50" in line


def test_fosdem_pentabarf_day_date_plus_start_as_published(imported):
    conn, report = imported("fosdem_2021.xml")
    root = ET.parse(need(REAL / "fosdem_2021.xml")).getroot()
    published = Counter((day.get("date"), ev.findtext("start")) for day in root.iter("day") for ev in day.iter("event"))
    got = Counter((f"{s.start:%Y-%m-%d}", f"{s.start:%H:%M}") for s in Repository(conn).sessions())
    assert got == published
    assert len({r[0] for r in conn.execute("SELECT room_id FROM session")}) == 106


def test_a_file_without_a_zone_says_so_and_uses_the_events_zone(tmp_path):
    conn = fresh_db(tmp_path / "f.db")
    report = Importer(conn).run(need(REAL / "fosdem_2021.xml"), "agenda")
    assert report.ok
    assert any("names no time zone" in str(w) and "--timezone" in str(w) for w in report.warnings)


def test_frab_and_pretalx_json_rooms_come_from_the_day_keys(imported):
    for name, rooms in (("frab-camp2019.json", {"Curie", "Meitner"}),
                        ("pretalx-rc3.json", {"r3s - Monheim/Rhein", "hacc München / about:future - München"})):
        conn, _ = imported(name)
        assert rooms <= {r[0] for r in conn.execute("SELECT name_en FROM room WHERE not_on_plan = 1")}


def test_hub_schedule2_after_midnight_item_stays_on_its_day(imported):
    conn, _ = imported("hub-schedule2.json")
    repo = Repository(conn)
    late = next(s for s in repo.sessions() if f"{s.start:%H:%M}" == "00:15")
    assert late.start.date() == date(2024, 12, 28)
    assert late in repo.sessions(date(2024, 12, 27))


def test_json_problems_name_the_file_line(tmp_path):
    doc = json.loads(need(REAL / "frab-camp2019.json").read_text())
    day = doc["schedule"]["conference"]["days"][1]
    room = next(iter(day["rooms"]))
    day["rooms"][room][0]["date"] = "yesterday"
    bad = tmp_path / "camp.json"
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    bad.write_text(text)
    guid = day["rooms"][room][0]["guid"]
    lines = text.splitlines()
    guid_line = next(i for i, line in enumerate(lines, 1) if guid in line)
    open_line = max(i for i, line in enumerate(lines[:guid_line], 1) if line.strip().startswith("{"))
    conn = fresh_db(tmp_path / "x.db")
    report = Importer(conn).run(bad, "agenda")
    assert [str(p) for p in report.problems] == [
        f"camp.json:{open_line}: column date: bad date-time 'yesterday' (expected 2019-12-27T11:00:00+01:00)"]
    assert conn.execute("SELECT count(*) FROM session").fetchone()[0] == 0


# ---------------------------------------------------------------- exports from real programmes
def voc_schedule_events(doc: dict) -> list[dict]:
    """How the c3voc tools (voc/schedule, schedule.py: Schedule(json=…)) read a schedule.json,
    ported: events only under schedule.conference.days[].rooms{}; integer event ids (its stats do
    int(event["id"])); rooms from the day keys when conference.rooms is missing; each event's
    day found by get_day_from_time — day_start <= date < day_end over daysCount days — which
    must be the day it is filed under."""
    sched = doc["schedule"]
    conf = sched["conference"]
    days = conf["days"]
    out = []
    for i in range(conf["daysCount"]):
        day = days[i]
        assert day["index"] == i + 1
        day_start, day_end = datetime.fromisoformat(day["day_start"]), datetime.fromisoformat(day["day_end"])
        for room, events in day["rooms"].items():
            for ev in events:
                int(ev["id"])
                start = datetime.fromisoformat(ev["date"])
                found = [d["index"] for d in days[:conf["daysCount"]]
                         if datetime.fromisoformat(d["day_start"]) <= start < datetime.fromisoformat(d["day_end"])]
                assert found == [day["index"]], (ev["title"], ev["date"])
                assert day_start <= start < day_end
                assert ev["room"] == room
                for p in ev.get("persons", []):
                    assert isinstance(p["id"], int) or p["id"].isnumeric()
                out.append({"start": start.astimezone(UTC), "end": (start + _dur(ev["duration"])).astimezone(UTC),
                            "room": room, "title": ev["title"], "subtitle": ev.get("subtitle") or "",
                            "people": sorted(p["public_name"] for p in ev.get("persons", []))})
    return out


@pytest.mark.parametrize("name", list(FILES))
def test_exports_of_a_real_programme_validate_and_keep_every_instant(imported, name):
    import icalendar
    import jsonschema
    from lxml import etree

    conn, _ = imported(name)
    zone_arg, zone = FILES[name]
    source = Counter(map(key, expected_with_zero_length(name, zone_arg)))
    exporter = Exporter(conn)
    # frab XML against the c3voc XSD
    xsd = etree.XMLSchema(etree.parse(str(need(SCHEMAS / "schedule.xml.xsd"))))
    xml = etree.fromstring(exporter.frab_xml().encode())
    assert xsd.validate(xml), str(xsd.error_log)[:2000]
    assert len(xml.findall(".//event")) == sum(source.values())
    # schedule2 JSON against the c3voc JSON schema
    schema = json.loads(need(SCHEMAS / "schedule.json.schema.json").read_text())
    doc2 = json.loads(exporter.schedule2_json())
    errors = [f"{list(e.path)}: {e.message}" for e in
              jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(doc2)]
    assert errors == []
    assert all(not ev["url"].startswith("https://example.com") for ev in doc2["schedule"]["events"])
    # the classic shape, read the way the c3voc tools read it
    classic = voc_schedule_events(json.loads(exporter.c3voc_json()))
    assert Counter(map(key, classic)) == source
    # iCalendar read back with the icalendar library: every instant as in the source file, and the
    # VTIMEZONE itself (what calendars that trust it use) gives the same offset at each instant
    cal = icalendar.Calendar.from_ical(exporter.ics(now=datetime(2026, 1, 1, tzinfo=UTC)))
    vtz = {str(t["TZID"]): t.to_tz() for t in cal.walk("VTIMEZONE")}
    assert set(vtz) == {zone}
    got = Counter()
    for ev in cal.walk("VEVENT"):
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        assert str(ev["DTSTART"].params["TZID"]) == zone
        naive = start.replace(tzinfo=None)
        assert vtz[zone].utcoffset(naive) == start.utcoffset(), (ev["SUMMARY"], start)
        got[(start.astimezone(UTC), end.astimezone(UTC))] += 1
    assert got == Counter((k[0], k[1]) for k in source.elements())


@pytest.mark.parametrize("fmt", ["frab-xml", "c3voc-json", "schedule2-json"])
@pytest.mark.parametrize("name", ["36c3_merged.xml", "debconf23.xml", "fosdem_2021.xml", "pretalx-rc3.json",
                                  "frab-camp2019.json", "romhack_camp_2026.xml", "hub-schedule2.json"])
def test_import_export_import_keeps_every_event(imported, tmp_path, name, fmt):
    conn, _ = imported(name)
    exporter = Exporter(conn)
    text = {"frab-xml": exporter.frab_xml, "c3voc-json": exporter.c3voc_json,
            "schedule2-json": exporter.schedule2_json}[fmt]()
    out = tmp_path / ("again.xml" if fmt == "frab-xml" else "again.json")
    out.write_text(text, encoding="utf-8")
    again = fresh_db(tmp_path / "again.db")
    report = Importer(again).run(out, "agenda")
    assert report.ok, [str(p) for p in report.problems][:5]
    first = Counter(map(key, stored(conn)))
    assert Counter(map(key, stored(again))) == first
    assert Repository(again).event().timezone == Repository(conn).event().timezone


def test_a_schedule_for_another_event_is_reported_not_adopted(db_path):
    """Into an event that has a programme (InnoFair 2023), DebConf23 is not taken over: the
    mismatch is reported and its days outside the event are problems; nothing changes."""
    store = open_event_db(db_path)
    before = store.execute("SELECT name_en, timezone, first_day, last_day FROM event").fetchone()
    sessions = store.execute("SELECT count(*) FROM session").fetchone()[0]
    report = Importer(store).run(need(REAL / "debconf23.xml"), "agenda")
    warnings = " ".join(map(str, report.warnings))
    assert "'DebConf 23'" in warnings and "SCIENCEPARK INNOFAIR 2023" in warnings
    assert "Asia/Kolkata" in warnings
    assert len(report.problems) == 117 and all("is outside the event" in str(p) for p in report.problems)
    assert store.execute("SELECT name_en, timezone, first_day, last_day FROM event").fetchone() == before
    assert store.execute("SELECT count(*) FROM session").fetchone()[0] == sessions
    store.close()


@pytest.mark.parametrize("fmt", ["frab-xml", "c3voc-json"])
@pytest.mark.parametrize("name", ["36c3_merged.xml", "romhack_camp_2026.xml", "pretalx-rc3.json"])
def test_reimporting_our_own_export_into_the_same_event_adds_nothing(tmp_path, name, fmt):
    """An organiser re-imported the kiosk's own 36C3 frab export into the same database and got
    446 duplicate sessions (the export's slugs/ids differ from the stored ids): every session
    comes back as itself, matched by the guid the export gave it."""
    need(REAL / name)
    conn = fresh_db(tmp_path / "event.db")
    assert Importer(conn, timezone=FILES[name][0]).run(REAL / name, "agenda").ok
    exporter = Exporter(conn)
    out = tmp_path / ("again.xml" if fmt == "frab-xml" else "again.json")
    out.write_text(exporter.frab_xml() if fmt == "frab-xml" else exporter.c3voc_json(), encoding="utf-8")
    before = Counter(map(key, stored(conn)))
    report = Importer(conn).run(out, "agenda")
    assert report.ok, [str(p) for p in report.problems][:5]
    assert report.added == 0 and report.not_in_file == 0, (report.added, report.not_in_file)
    assert Counter(map(key, stored(conn))) == before


def test_a_schedule_saved_without_an_xml_or_json_suffix_is_read_by_its_content(tmp_path):
    """The organiser saved the export as `36c3.exp.frab-xml`: it was read as a CSV ("',' expected")."""
    name = "romhack_camp_2026.xml"
    need(REAL / name)
    conn = fresh_db(tmp_path / "event.db")
    saved = tmp_path / "schedule.frab-xml"
    saved.write_bytes((REAL / name).read_bytes())
    report = Importer(conn).run(saved, "agenda")
    assert report.ok and report.fmt == "frab-xml" and report.added > 0, [str(p) for p in report.problems][:3]
