"""Volunteers' edits: each kind, warnings, undo, the audit trail, refusals that write nothing."""

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from kiosk.models.errors import KioskError
from tests.conftest import ROOT, kst

WHO = dict(by="Mina", role="volunteer", device_id="laptop-1")


@pytest.fixture
def schedule(db):
    return db.schedule


def edit(schedule, session_id, at="06-14 16:00", **change):
    return schedule.edit(session_id, now=kst(at), **WHO, **change)


def test_move_keeps_the_published_room(schedule, repo):
    result = edit(schedule, "d1-masterclass2", room="204")
    assert result.kinds == ["move"]
    s = repo.session("d1-masterclass2")
    assert (s.room_id, s.published_room_id) == ("204", "101") and s.moved


def test_shift_start_moves_the_end_with_it(schedule, repo):
    edit(schedule, "d1-masterclass2", start=kst("06-14 17:30"))
    s = repo.session("d1-masterclass2")
    assert (s.start, s.end) == (kst("06-14 17:30"), kst("06-14 18:30"))
    assert (s.published_start, s.published_end) == (kst("06-14 17:20"), kst("06-14 18:20"))


def test_notice_cancel_reinstate_revert(schedule, repo):
    edit(schedule, "d2-forum2", notice="preset:full")
    assert repo.session("d2-forum2").notice == "preset:full"
    edit(schedule, "d2-forum2", cancel=True)
    assert repo.session("d2-forum2").cancelled
    edit(schedule, "d2-forum2", reinstate=True)
    assert not repo.session("d2-forum2").cancelled
    edit(schedule, "d2-forum2", room="300B", start=kst("06-15 11:45"))
    result = edit(schedule, "d2-forum2", revert=True)
    s = repo.session("d2-forum2")
    assert result.kinds == ["revert"]
    assert (s.room_id, s.start, s.notice, s.changed) == ("300A", kst("06-15 11:30"), "", False)


def test_warnings_for_a_taken_room_and_too_few_seats(schedule):
    part = schedule.plan("d1-masterclass1", room="300")[3]        # the roundtable is in 300A, a part of 300
    assert any(w.other_session == "d1-roundtable" for w in part)
    taken = edit(schedule, "d1-masterclass2", room="203")        # the IIC meeting runs 14:00–18:00
    assert [w.code for w in taken.warnings] == ["room_taken"] and taken.warnings[0].other_session == "d1-iic"
    small = edit(schedule, "d1-roundtable", room="105")          # 55 seats instead of 1,100
    assert "too_few_seats" in [w.code for w in small.warnings]
    assert edit(schedule, "d1-masterclass1", room="102").warnings == []   # free, and as many seats as 101


def test_audit_trail_has_who_when_before_after(schedule):
    edit(schedule, "d1-masterclass2", room="204", reason="projector broken in 101")
    [row] = schedule.audit("d1-masterclass2")
    assert (row["by"], row["role"], row["device_id"], row["kinds"]) == ("Mina", "volunteer", "laptop-1", "move")
    assert row["before"]["room_id"] == "101" and row["after"]["room_id"] == "204"
    assert row["reason"] == "projector broken in 101" and row["at"] == kst("06-14 16:00").isoformat()


def test_undo_restores_the_last_edit_and_is_recorded(schedule, repo):
    edit(schedule, "d1-masterclass2", room="204")
    edit(schedule, "d1-reception", cancel=True, at="06-14 16:05")
    undone = schedule.undo_last(by="Mina", role="volunteer", device_id="laptop-1", now=kst("06-14 16:06"))
    assert undone.session_id == "d1-reception" and not repo.session("d1-reception").cancelled
    assert repo.session("d1-masterclass2").room_id == "204"
    kinds = [a["kinds"] for a in schedule.audit()]
    assert kinds == ["move", "cancel", "undo"]


def test_changes_list_newest_first_with_old_and_new(schedule):
    edit(schedule, "d1-masterclass2", room="204", at="06-14 16:00")
    edit(schedule, "d2-lunch", start=kst("06-15 13:15"), at="06-14 16:10")
    changes = schedule.changes()
    assert [c.session_id for c in changes] == ["d2-lunch", "d1-masterclass2"]
    assert changes[1].moved == ("101", "204") and changes[1].retimed is None
    assert changes[0].retimed[0][0] == kst("06-15 13:00") and changes[0].retimed[1][0] == kst("06-15 13:15")


@pytest.mark.parametrize("session_id, change, code", [
    ("nope", {"room": "101"}, "unknown_session"),
    ("d1-keynote", {"room": "999"}, "unknown_room"),
    ("d1-keynote", {"end": kst("06-14 15:00")}, "end_before_start"),
    ("d1-keynote", {"start": kst("06-17 10:00")}, "outside_event"),
])
def test_refused_edits_name_the_problem(schedule, session_id, change, code):
    with pytest.raises(KioskError) as err:
        edit(schedule, session_id, **change)
    assert err.value.code == code


def _digest(path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("args", [
    ["nope", "--room", "101"],
    ["d1-keynote", "--room", "999"],
    ["d1-keynote", "--end", "15:00"],
    ["d1-keynote", "--start", "25:00"],
    ["d1-keynote", "--cancel", "--revert"],
])
def test_refused_cli_edits_leave_the_database_byte_for_byte(db_path, args):
    before = _digest(db_path)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "edit", *args, "--by", "Mina", "--db", str(db_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and result.stderr.strip() and "Traceback" not in result.stderr
    assert _digest(db_path) == before


def test_cli_edit_and_sessions(db_path):
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "main.py"), *a, "--db", str(db_path)],
                                    capture_output=True, text=True, timeout=60)
    done = run("edit", "d1-masterclass2", "--room", "203", "--by", "Mina")
    assert done.returncode == 0 and "101 → 203" in done.stdout and "taken" in done.stderr
    listing = run("sessions", "--day", "2023-06-14")
    line = next(l for l in listing.stdout.splitlines() if l.startswith("d1-masterclass2"))
    assert "203" in line and "moved from 101" in line
