"""Import and export: schema-valid exports, round trips, the pretalx example, broken inputs."""

import hashlib
import json
import sqlite3
import subprocess
import sys

import pytest

from kiosk.exchange.export import Exporter
from kiosk.models.database import open_event_db
from kiosk.models.loader import build_database
from kiosk.models.repository import Repository
from tests.conftest import DATA, ROOT, kst

SHARED = ROOT.parent / "shared"     # other projects' files: read where they are kept, never copied here


def shared(relative: str):
    """A file from ../shared, or a skip that says which one is missing (never a silent pass)."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared reference files are not on this machine)")
    return path


def main(*args, db):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "fresh.db"
    build_database(path, DATA, venue_only=True)
    return path


def digest(path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_frab_xml_export_validates_against_the_xsd(db):
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(shared("schemas/c3voc-schedule/schedule.xml.xsd"))))
    doc = etree.fromstring(Exporter(db).frab_xml().encode())
    assert schema.validate(doc), schema.error_log
    assert len(doc.findall(".//event")) == 19


def test_schedule2_json_export_validates_against_the_schema(db):
    import jsonschema

    schema = json.loads(shared("schemas/c3voc-schedule/schedule.json.schema.json").read_text())
    doc = json.loads(Exporter(db).schedule2_json())
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []
    assert len(doc["schedule"]["events"]) == 19


def test_ics_is_rfc5545_with_the_seoul_zone_and_live_changes(db):
    db.schedule.edit("d1-reception", cancel=True, by="", role="volunteer", device_id="k", now=kst("06-14 12:00"))
    db.schedule.edit("d1-masterclass2", room="204", by="", role="volunteer", device_id="k", now=kst("06-14 12:00"))
    text = Exporter(db).ics(now=kst("06-14 12:00"))
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and "TZID:Asia/Seoul" in lines and "TZOFFSETTO:+0900" in lines
    assert text.count("BEGIN:VEVENT") == 19
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "DTSTART;TZID=Asia/Seoul:20230614T172000" in lines
    assert "DTSTAMP:20230614T030000Z" in lines      # the injected clock, not the wall clock
    reception = text[text.index("SUMMARY:Welcome dinner"):]
    assert reception[:reception.index("END:VEVENT")].count("STATUS:CANCELLED") == 1
    masterclass = text[text.index("SUMMARY:Master class 2"):]
    assert "LOCATION:Room 204" in masterclass[:masterclass.index("END:VEVENT")]


@pytest.mark.parametrize("fmt, suffix", [("c3voc-json", "json"), ("schedule2-json", "json"), ("frab-xml", "xml")])
def test_round_trip_gives_the_same_sessions_rooms_and_people(tmp_path, db_path, fresh, fmt, suffix):
    out = tmp_path / f"schedule.{suffix}"
    assert main("export", "--format", fmt, "--out", out, db=db_path).returncode == 0
    result = main("import", out, "--kind", "agenda", db=fresh)
    assert result.returncode == 0, result.stderr
    a, b = Repository(open_event_db(db_path)), Repository(open_event_db(fresh))

    def summary(repo):
        return {s.id: (s.start, s.end, s.room_id, s.title.en, s.type,
                       sorted(p.name for p in repo.participants(s.id))) for s in repo.sessions()}

    assert summary(a) == summary(b)


def test_the_pretalx_example_imports(fresh):
    result = main("import", shared("schemas/c3voc-schedule/example-pretalx-democon.json"), "--kind", "agenda", db=fresh)
    assert result.returncode == 0, result.stderr
    repo = Repository(open_event_db(fresh))
    sessions = repo.sessions()
    assert len(sessions) == 36 and {"Gray Room", "Tan Room"} <= set(repo.rooms())
    assert repo.event().first_day.isoformat() == "2020-12-14"
    assert any(repo.participants(s.id) for s in sessions)


def test_a_reimport_keeps_a_live_edit_and_reports_the_conflict(tmp_path, db_path):
    out = tmp_path / "s.json"
    main("export", "--format", "schedule2-json", "--out", out, db=db_path)
    main("edit", "d1-masterclass2", "--room", "204", "--by", "Mina", db=db_path)
    doc = json.loads(out.read_text())
    for ev in doc["schedule"]["events"]:
        if ev["slug"] == "d1-masterclass2":
            ev["room"] = {"name": "102", "guid": ev["room"]["guid"]}
    out.write_text(json.dumps(doc))
    result = main("import", out, "--kind", "agenda", db=db_path)
    assert result.returncode == 0 and "conflict: d1-masterclass2" in result.stdout
    s = Repository(open_event_db(db_path)).session("d1-masterclass2")
    assert (s.room_id, s.published_room_id) == ("204", "102")


ATTENDEES = "id,name,name_local,organisation,country,type\nZ0001,Kim Test,김시험,Sample Org,KR,delegate\n"


@pytest.mark.parametrize("encoding, label", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp949", "cp949")])
def test_csv_as_excel_writes_it(tmp_path, db_path, encoding, label):
    path = tmp_path / "attendees.csv"
    path.write_bytes(ATTENDEES.encode(encoding))
    result = main("import", path, "--kind", "attendees", db=db_path)
    assert result.returncode == 0 and f"read as {label}" in result.stdout, result.stderr
    row = sqlite3.connect(db_path).execute("SELECT name_local FROM attendee WHERE id = 'Z0001'").fetchone()
    assert row == ("김시험",)


BROKEN_AGENDA = """id,day,start,end,room,type,title_en
x1,2023-06-14,25:00,11:00,101,forum,Bad time
x2,2023-06-14,12:00,11:00,101,forum,Ends before it starts
x3,2023-06-14,12:00,13:00,101,forum,First
x3,2023-06-14,14:00,15:00,101,forum,Duplicate
x4,2023-06-19,10:00,11:00,101,forum,Outside the event
x5,2023-06-14,10:00,11:00,101,party,Unknown type
"""


def test_broken_agenda_lists_every_problem_with_line_and_column_and_changes_nothing(tmp_path, db_path):
    path = tmp_path / "agenda.csv"
    path.write_text(BROKEN_AGENDA)
    before = digest(db_path)
    result = main("import", path, "--kind", "agenda", db=db_path)
    assert result.returncode == 1
    err = result.stderr
    assert "agenda.csv:2: column C (start): bad time '25:00'" in err
    assert "agenda.csv:3: column D (end): ends (11:00) before it starts (12:00)" in err
    assert "agenda.csv:5: column A (id): duplicate id 'x3' (also on line 4)" in err
    assert "agenda.csv:6: column B (day): 2023-06-19 is outside the event" in err
    assert "agenda.csv:7: column F (type): unknown type 'party'" in err
    assert "nothing was imported" in err and "Traceback" not in err
    assert digest(db_path) == before


@pytest.mark.parametrize("content, kind, expected", [
    ("id,name\nA1,Kim\n", "attendees", "missing column 'type'"),
    ("id,name_en,country,category\ne1,Co,KR,spaceships\n", "exhibitors", "unknown category 'spaceships'"),
    ("id,name_en,country,booths\ne1,Co,KR,Z99\n", "exhibitors", "booth 'Z99' is not on the map"),
    ("id,name_en,floor\nr1,Room,9F\n", "rooms", "unknown floor '9F'"),
])
def test_each_error_kind_is_named(tmp_path, db_path, content, kind, expected):
    path = tmp_path / f"{kind}.csv"
    path.write_text(content)
    before = digest(db_path)
    result = main("import", path, "--kind", kind, db=db_path)
    assert result.returncode == 1 and expected in result.stderr
    assert digest(db_path) == before


def test_bad_encoding_is_reported(tmp_path, db_path):
    path = tmp_path / "attendees.csv"
    path.write_bytes(b"id,name,type\n" + b"\xff\xfe\xfa\xfb,\x80\x81,delegate\n")
    before = digest(db_path)
    result = main("import", path, "--kind", "attendees", db=db_path)
    assert result.returncode != 0 and "not UTF-8 and not CP949" in result.stderr
    assert digest(db_path) == before


def test_dry_run_changes_nothing(tmp_path, db_path):
    path = tmp_path / "attendees.csv"
    path.write_text(ATTENDEES)
    before = digest(db_path)
    result = main("import", path, "--kind", "attendees", "--dry-run", db=db_path)
    assert result.returncode == 0 and "valid" in result.stdout
    assert digest(db_path) == before
