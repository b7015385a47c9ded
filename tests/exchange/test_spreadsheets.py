"""Agendas as organisers' spreadsheets really come: Korean Excel's CP949, Korean headers, 9:30,
2023.06.14, "2023-06-14 09:30" cells, 오후 2:30 — and every problem of every row, and empty files
refused with a clear message."""

import csv
import hashlib
import io
import sqlite3
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.exchange.importer import HEADER_ALIASES, excel_date, excel_time
from kiosk.models.database import open_event_db
from kiosk.models.repository import Repository
from tests.conftest import ROOT

SEOUL = ZoneInfo("Asia/Seoul")


def main(*args, db):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)


def digest(path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def excel_csv(rows, encoding="cp949") -> bytes:
    """Bytes as Excel's "CSV (쉼표로 분리)" writes them: CRLF line ends, quotes only where needed."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


KOREAN_HEADER = ["아이디", "날짜", "시작 시간", "종료 시간", "장소", "유형", "영문 제목", "제목", "연사"]


def test_korean_excel_agenda_with_excel_times_imports_at_the_right_instants(tmp_path, db_path):
    path = tmp_path / "프로그램.csv"
    path.write_bytes(excel_csv([
        KOREAN_HEADER,
        ["x1", "2023.06.14", "9:30", "10:15", "101", "forum", "Morning forum", "오전 포럼", "김민준;Lee Wei"],
        ["x2", "2023. 6. 15.", "2023-06-15 13:05", "2023-06-15 14:00", "101", "forum", "After lunch", "점심 후", ""],
        ["x3", "2023-06-16", "오후 2:30", "오후 3:45", "Hall Z", "meeting", "", "신규 회의실", ""],
    ]))
    result = main("import", path, "--kind", "agenda", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "read as cp949" in result.stdout
    repo = Repository(open_event_db(db_path))
    x1, x2, x3 = (repo.session(i) for i in ("x1", "x2", "x3"))
    assert (x1.start, x1.end) == (datetime(2023, 6, 14, 9, 30, tzinfo=SEOUL), datetime(2023, 6, 14, 10, 15, tzinfo=SEOUL))
    assert (x2.start, x2.end) == (datetime(2023, 6, 15, 13, 5, tzinfo=SEOUL), datetime(2023, 6, 15, 14, 0, tzinfo=SEOUL))
    assert (x3.start, x3.end) == (datetime(2023, 6, 16, 14, 30, tzinfo=SEOUL), datetime(2023, 6, 16, 15, 45, tzinfo=SEOUL))
    assert x1.title.ko == "오전 포럼" and x3.title.en == "신규 회의실"     # no English title: the Korean one stands in
    assert sorted(p.name for p in repo.participants("x1")) == ["Lee Wei", "김민준"]
    # an unknown room is created for staff to place, with a warning — not a refusal
    assert "room 'Hall Z' is not on the floor plan" in result.stderr
    room = repo.rooms()["Hall Z"]
    assert room.not_on_plan and room.plan is None
    listing = main("sessions", "--day", "2023-06-16", db=db_path).stdout
    assert "x3" in listing and "not on the floor plan yet" in listing


def test_every_problem_of_every_row_is_listed(tmp_path, db_path):
    path = tmp_path / "agenda.csv"
    path.write_bytes(excel_csv([
        ["id", "day", "start", "end", "room", "type", "title_en"],
        ["y1", "2023.06.14", "9:3O", "25:00", "101", "party", ""],          # four problems in one row
        ["y2", "14/06/2023", "10:00", "11:00", "101", "forum", "Day first"],
        ["y3", "2023-06-14", "12:00", "11:30", "101", "forum", "Backwards"],
    ], "utf-8-sig"))
    before = digest(db_path)
    result = main("import", path, "--kind", "agenda", db=db_path)
    assert result.returncode == 1
    err = result.stderr
    assert "agenda.csv:2: column C (start): bad time '9:3O'" in err
    assert "agenda.csv:2: column D (end): bad time '25:00'" in err
    assert "agenda.csv:2: column F (type): unknown type 'party'" in err
    assert "agenda.csv:2: column G (title_en): missing title" in err
    assert "agenda.csv:3: column B (day): bad date '14/06/2023'" in err
    assert "agenda.csv:4: column D (end): ends (11:30) before it starts (12:00)" in err
    assert "6 problem(s)" in err and "Traceback" not in err
    assert digest(db_path) == before


@pytest.mark.parametrize("body, says", [
    (b"", "the file is empty"),
    (b"\xef\xbb\xbf", "the file is empty (only a byte-order mark)"),
    (b"\xef\xbb\xbf\r\n", "the file is empty"),
    ("id,day,start,end,room,type,title_en\r\n".encode(), "only a header row"),
    (b"   \n\n", "the file is empty"),
])
@pytest.mark.parametrize("kind", ["agenda", "attendees"])
def test_an_empty_file_is_refused_clearly(tmp_path, db_path, body, says, kind):
    path = tmp_path / "empty.csv"
    path.write_bytes(body)
    before = digest(db_path)
    result = main("import", path, "--kind", kind, db=db_path)
    assert result.returncode != 0
    assert says in result.stderr and "nothing to import" in result.stderr and "Traceback" not in result.stderr
    assert digest(db_path) == before


@pytest.mark.parametrize("suffix, body, says", [
    (".json", b"[]", "the list is empty"),
    (".json", b'{"schedule": {"version": "1", "conference": {"title": "x", "days": []}}}', "no events"),
    (".xml", b"<schedule><conference><title>x</title></conference><day index='1' date='2023-06-14'/></schedule>",
     "no events"),
])
def test_empty_lists_and_schedules_are_refused(tmp_path, db_path, suffix, body, says):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(body)
    result = main("import", path, "--kind", "agenda", db=db_path)
    assert result.returncode != 0 and says in result.stderr


@pytest.mark.parametrize("text, expected", [
    ("2023-06-14", (2023, 6, 14)), ("2023.06.14", (2023, 6, 14)), ("2023. 6. 14.", (2023, 6, 14)),
    ("2023/6/14", (2023, 6, 14)), ("2023년 6월 14일", (2023, 6, 14)), ("2023-06-14 09:30", (2023, 6, 14)),
])
def test_excel_dates(text, expected):
    assert excel_date(text).timetuple()[:3] == expected


@pytest.mark.parametrize("text, expected", [
    ("9:30", (9, 30)), ("09:30", (9, 30)), ("09:30:00", (9, 30)), ("9:30 PM", (21, 30)), ("12:05 AM", (0, 5)),
    ("오전 9:30", (9, 30)), ("오후 2:30", (14, 30)), ("오후 12:00", (12, 0)), ("2023-06-14 09:30", (9, 30)),
    ("2023.06.14 17:20:00", (17, 20)),
])
def test_excel_times(text, expected):
    clock, _ = excel_time(text)
    assert (clock.hour, clock.minute) == expected


@pytest.mark.parametrize("text", ["25:00", "9:3O", "930", "13:00 PM", "", "9:60", "오후 13:00"])
def test_bad_excel_times_are_refused(text):
    with pytest.raises(ValueError):
        excel_time(text)


def test_documented_korean_header_aliases_are_the_ones_in_the_code():
    doc = (ROOT / "docs" / "INTEROP.md").read_text(encoding="utf-8")
    for alias, column in HEADER_ALIASES.items():
        assert f"`{alias}` → `{column}`" in doc, alias


@pytest.mark.parametrize("body, says", [
    # an unclosed quote used to swallow every row after it and still "import" (found by trying it)
    ("id,day,start,end,room,type,title_en\r\nq1,2023-06-14,10:00,11:00,201,forum,\"unterminated title\r\n"
     "q2,2023-06-14,12:00,13:00,201,forum,Second\r\n", "line 2: a quote opened on line 2 is never closed"),
    ("id,day,start,end,room,type,title_en\r\nq1,2023-06-14,10:00,11:00,201,forum,Seoul, Korea, 2023\r\n",
     "line 2: 2 more cell(s) than the header has columns"),
    ("id,day,start,end,room,type,title_en,title_en\r\nq1,2023-06-14,10:00,11:00,201,forum,A,B\r\n",
     "the header names a column twice (title_en)"),
])
def test_a_broken_csv_row_is_named_and_nothing_is_imported(tmp_path, db_path, body, says):
    path = tmp_path / "agenda.csv"
    path.write_text(body, encoding="utf-8", newline="")
    before = digest(db_path)
    result = main("import", path, "--kind", "agenda", db=db_path)
    assert result.returncode != 0 and says in result.stdout + result.stderr, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert digest(db_path) == before


def test_korean_excel_meetings_read_like_the_agenda_and_list_every_problem(tmp_path, db_path):
    header = ["아이디", "날짜", "시작", "종료", "테이블", "바이어", "참가기업", "참가자", "비고"]
    good = tmp_path / "상담.csv"
    good.write_bytes(excel_csv([header, ["m7", "2023.06.14", "9:30", "10:00", "T09", "b-bandung",
                                         "kr-cheomseong-xr", "", ""]]))
    result = main("import", good, "--kind", "meetings", db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    row = sqlite3.connect(db_path).execute("SELECT start, table_id FROM meeting WHERE id = 'm7'").fetchone()
    assert datetime.fromisoformat(row[0]) == datetime(2023, 6, 14, 9, 30, tzinfo=SEOUL) and row[1] == "T09"

    bad = tmp_path / "bad.csv"
    bad.write_bytes(excel_csv([header, ["m8", "2023.06.14", "9:30", "9:3O", "T99", "b-nope", "ex-nope", "ZZZ", ""]]))
    result = main("import", bad, "--kind", "meetings", db=db_path)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    for says in ("bad time '9:3O'", "unknown table or room 'T99'", "unknown buyer 'b-nope'",
                 "unknown exhibitor 'ex-nope'", "unknown attendee 'ZZZ'"):
        assert says in out, (says, out)


MEETING_HEADER_KO = ["ID", "날짜", "시작", "종료", "테이블", "바이어", "전시업체", "참가자", "비고"]


@pytest.mark.parametrize("word", ["전시업체", "출품기업", "업체", "기업", "전시사", "참가기업"])
def test_meetings_csv_takes_the_korean_words_for_exhibitor_and_makes_a_b2b_meeting(tmp_path, db_path, word):
    path = tmp_path / "상담.csv"
    path.write_bytes(excel_csv([MEETING_HEADER_KO[:6] + [word] + MEETING_HEADER_KO[7:],
                                ["m7", "2023.06.14", "9:30", "10:00", "T09", "b-bandung", "kr-cheomseong-xr", "", ""]]))
    result = main("import", path, "--kind", "meetings", db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    row = sqlite3.connect(db_path).execute("SELECT exhibitor_id, buyer_id, kind FROM meeting WHERE id = 'm7'").fetchone()
    assert row == ("kr-cheomseong-xr", "b-bandung", "b2b")


def test_meetings_csv_with_an_unknown_column_is_refused_with_line_column_and_the_known_names(tmp_path, db_path):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(db_path)
    path = tmp_path / "foo.csv"
    path.write_bytes(excel_csv([["ID", "날짜", "시작", "종료", "테이블", "바이어", "foo"],
                                ["m7", "2023.06.14", "9:30", "10:00", "T09", "b-bandung", "kr-cheomseong-xr"]]))
    result = main("import", path, "--kind", "meetings", db=db_path)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "foo.csv:1: column G (foo): unknown column 'foo'" in out, out
    assert "exhibitor" in out and "participants" in out and "nothing was imported" in out
    assert digest(db_path) == before


def test_agenda_csv_with_an_unknown_column_is_refused_too(tmp_path, db_path):
    path = tmp_path / "agenda.csv"
    path.write_bytes(excel_csv([KOREAN_HEADER + ["좌장"],
                                ["x1", "2023.06.14", "9:30", "10:15", "101", "forum", "Morning", "오전", "", "김"]]))
    result = main("import", path, "--kind", "agenda", db=db_path)
    assert result.returncode != 0
    assert "column J (좌장): unknown column '좌장'" in result.stdout + result.stderr
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM session WHERE id = 'x1'").fetchone()[0] == 0


def test_meetings_reimport_keeps_fields_the_file_does_not_carry_and_derives_the_kind(tmp_path, db_path):
    first = tmp_path / "first.csv"
    first.write_bytes(excel_csv([["ID", "날짜", "시작", "종료", "테이블", "바이어"],
                                 ["m7", "2023.06.14", "9:30", "10:00", "T09", "b-bandung"]]))
    assert main("import", first, "--kind", "meetings", db=db_path).returncode == 0
    query = "SELECT buyer_id, exhibitor_id, kind, notes FROM meeting WHERE id = 'm7'"
    assert sqlite3.connect(db_path).execute(query).fetchone() == ("b-bandung", None, "bilateral", "")
    # the corrected file adds the exhibitor: the meeting becomes B2B (the board shows both names)
    fixed = tmp_path / "fixed.csv"
    fixed.write_bytes(excel_csv([MEETING_HEADER_KO,
                                 ["m7", "2023.06.14", "9:30", "10:00", "T09", "b-bandung", "kr-cheomseong-xr", "",
                                  "VIP"]]))
    assert main("import", fixed, "--kind", "meetings", db=db_path).returncode == 0
    assert sqlite3.connect(db_path).execute(query).fetchone() == ("b-bandung", "kr-cheomseong-xr", "b2b", "VIP")
    # a later file with only the times keeps the exhibitor, buyer and notes
    times = tmp_path / "times.csv"
    times.write_bytes(excel_csv([["ID", "날짜", "시작", "종료", "테이블"], ["m7", "2023.06.14", "9:40", "10:10", "T09"]]))
    assert main("import", times, "--kind", "meetings", db=db_path).returncode == 0
    assert sqlite3.connect(db_path).execute(query).fetchone() == ("b-bandung", "kr-cheomseong-xr", "b2b", "VIP")
    # and a file with an unrecognised exhibitor header is refused rather than clearing it
    odd = tmp_path / "odd.csv"
    odd.write_bytes(excel_csv([["ID", "날짜", "시작", "종료", "테이블", "바이어", "상대기업명"],
                               ["m7", "2023.06.14", "9:40", "10:10", "T09", "b-bandung", "kr-cheomseong-xr"]]))
    assert main("import", odd, "--kind", "meetings", db=db_path).returncode != 0
    assert sqlite3.connect(db_path).execute(query).fetchone() == ("b-bandung", "kr-cheomseong-xr", "b2b", "VIP")


@pytest.mark.parametrize("filename", ["agenda.ics", "agenda.csv"])
def test_an_ics_file_is_told_it_is_an_export_format(tmp_path, db_path, filename):
    """`import x.ics` gave CSV errors about missing columns (an organiser's real export)."""
    path = tmp_path / filename
    path.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n")
    result = main("import", path, "--kind", "agenda", db=db_path)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert ".ics (iCalendar) is an export format" in out and "frab XML" in out, out
    assert "missing column" not in out
