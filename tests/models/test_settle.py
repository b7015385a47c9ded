"""The one settling rule over sessions and meetings: a row's current state is its latest edit by
(hybrid logical clock, device id, id), else what was published. These pin the behaviour both
tables had before the two near-copies became one rule, edit rows written directly (as sync's
merge leaves them), so every ordering case is exercised on both tables."""

import json

import pytest

from kiosk.models.matchmaking import settle_meeting
from kiosk.models.schedule import settle_session

SESSION = "d1-iic"          # room 203, 14:00–18:00, scheduled
MEETING = "bm-hsp-itpu"     # room 105, 15 June 15:00, planned


def state(db, kind):
    if kind == "session":
        return db.execute('SELECT room_id, start, "end", status, notice, updated_at FROM session WHERE id = ?',
                          (SESSION,)).fetchone()
    return db.execute('SELECT table_id, room_id, start, "end", status, updated_at FROM meeting WHERE id = ?',
                      (MEETING,)).fetchone()


def settle(db, kind, row_id=None):
    with db.atomic():
        if kind == "session":
            return settle_session(db, row_id or SESSION)
        return settle_meeting(db, row_id or MEETING)


def add_edit(db, kind, after: dict, *, hlc, device="d", at="2023-06-14T09:00:00+09:00"):
    table, key = ("session_edit", "session_id") if kind == "session" else ("meeting_edit", "meeting_id")
    row_id = SESSION if kind == "session" else MEETING
    with db.atomic():
        db.execute(f"INSERT INTO {table} ({key}, kinds, role, device_id, by_name, at, before, after, hlc) "
                   "VALUES (?, 'move', 'volunteer', ?, 'v', ?, '{}', ?, ?)",
                   (row_id, device, at, json.dumps(after), hlc))


def target(db, kind, place):
    """A full state at another place (the published times)."""
    if kind == "session":
        row = db.execute('SELECT start, "end" FROM session WHERE id = ?', (SESSION,)).fetchone()
        return {"room_id": place, "start": row[0], "end": row[1], "status": "scheduled", "notice": ""}
    row = db.execute('SELECT start, "end" FROM meeting WHERE id = ?', (MEETING,)).fetchone()
    return {"table_id": None, "room_id": place, "start": row[0], "end": row[1], "status": "planned"}


KINDS = ["session", "meeting"]


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_row_changes_nothing(db, kind):
    assert settle(db, kind, "no-such-id") is False


@pytest.mark.parametrize("kind", KINDS)
def test_unedited_row_at_its_published_place_is_left_alone(db, kind):
    before = state(db, kind)
    assert settle(db, kind) is False
    assert state(db, kind) == before


def test_unedited_session_goes_back_to_exactly_as_published_keeping_its_stamp(db):
    with db.atomic():
        db.execute("UPDATE session SET room_id = '101', status = 'cancelled', notice = 'x', updated_at = 'T' "
                   "WHERE id = ?", (SESSION,))
    assert settle(db, "session") is True
    room, _s, _e, status, notice, updated = state(db, "session")
    assert (room, status, notice, updated) == ("203", "scheduled", "", "T")


def test_unedited_meeting_goes_back_to_published_place_planned_and_unstamped(db):
    with db.atomic():
        db.execute("UPDATE meeting SET room_id = '101', status = 'held', updated_at = 'T' WHERE id = ?", (MEETING,))
    assert settle(db, "meeting") is True
    assert state(db, "meeting")[0:2] == (None, "105")
    assert state(db, "meeting")[4:] == ("planned", None)


@pytest.mark.parametrize("kind", KINDS)
def test_latest_clock_wins_whatever_order_the_edits_arrived_in(db, kind):
    add_edit(db, kind, target(db, kind, "102"), hlc="000000000000200.00000", at="B")
    add_edit(db, kind, target(db, kind, "101"), hlc="000000000000100.00000", at="A")      # arrived later, older
    assert settle(db, kind) is True
    row = state(db, kind)
    assert "102" in row and row[-1] == "B"                     # the edit's own time stamps the row
    assert settle(db, kind) is False                           # settled: nothing more to do


@pytest.mark.parametrize("kind", KINDS)
def test_an_edit_without_a_clock_sorts_before_any_with_one(db, kind):
    add_edit(db, kind, target(db, kind, "101"), hlc="000000000000100.00000")
    add_edit(db, kind, target(db, kind, "102"), hlc=None)
    settle(db, kind)
    assert "101" in state(db, kind)


@pytest.mark.parametrize("kind", KINDS)
def test_same_clock_reading_the_greater_device_wins(db, kind):
    add_edit(db, kind, target(db, kind, "102"), hlc="000000000000100.00000", device="zeta")
    add_edit(db, kind, target(db, kind, "101"), hlc="000000000000100.00000", device="alpha")
    settle(db, kind)
    assert "102" in state(db, kind)


@pytest.mark.parametrize("kind", KINDS)
def test_no_clock_at_all_the_later_row_wins(db, kind):
    add_edit(db, kind, target(db, kind, "101"), hlc=None)
    add_edit(db, kind, target(db, kind, "102"), hlc=None)
    settle(db, kind)
    assert "102" in state(db, kind)
