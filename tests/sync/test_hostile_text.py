"""Text the public screens show, and the volume a desk may register (found by an attack: a notice
with a right-to-left override read "Moved to room 204"; names with zero-width characters were
accepted; a stolen desk signed 100,000 VIP walk-ins)."""

import sqlite3
import subprocess
import sys

import pytest

from kiosk.models.checkin_store import MAX_WALKINS_PER_DEVICE
from kiosk.models.database import open_event_db
from kiosk.models.errors import KioskError
from kiosk.models.text_rules import hidden_character
from tests.conftest import ROOT

from .conftest import at
from .test_poison import edit, forge, state

HOSTILE = ["Moved to \u202e402 moor\u202c x", "room\u200b204", "a\u2066b\u2069", "x\u2028y", "bell \x07",
           "\ufeffBOM", "soft\u00adhyphen", "tab\there"]
FINE = ["Moved to room 204", "김민아", "陳美玲", "Ünïcødé — ok", "Café 10:30"]


def test_one_check_finds_every_invisible_or_direction_changing_character():
    assert [hidden_character(v) is not None for v in HOSTILE] == [True] * len(HOSTILE)
    assert [hidden_character(v) for v in FINE] == [None] * len(FINE)
    assert hidden_character(HOSTILE[0]).startswith("U+202E RIGHT-TO-LEFT OVERRIDE")


def register(name, device="desk9", attendee_id="W00001", organisation=None):
    return "register", {"attendee_id": attendee_id, "name": name, "name_local": None, "organisation": organisation,
                        "country": None, "type": "delegate", "device_id": device, "at": "2023-06-14T12:00:00+09:00"}


def test_the_cli_the_desk_and_the_sync_refuse_the_same_text(fleet):
    db = str(fleet.paths["a"])
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "edit", "d1-masterclass2", "--notice", HOSTILE[0],
                           "--by", "Mina", "--device", "a", "--now", "2023-06-14T12:00", "--db", db],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "U+202E" in done.stderr
    store = open_event_db(fleet.paths["a"])
    assert store.execute("SELECT count(*) FROM session_edit").fetchone() == (0,)
    for bad in ("room\u200b204", "Kim\u202eanim"):
        with pytest.raises(KioskError, match="invisible or direction-changing"):
            store.checkins.register_attendee(name=bad, type_="delegate", device_id="a", now=at(12, 0))
        with pytest.raises(KioskError, match="invisible or direction-changing"):
            store.checkins.register_attendee(name="Kim", organisation=bad, type_="delegate", device_id="a",
                                             now=at(12, 0))
    assert store.execute("SELECT count(*) FROM attendee WHERE registered_by IS NOT NULL").fetchone() == (0,)
    store.close()
    fleet.add("desk9", role="desk")
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "desk9", [
        edit("desk9", "k" * 32, after=state(notice=HOSTILE[0])),
        register("Mallory\u200b", attendee_id="W00001"),
        register("Mallory", attendee_id="W00002", organisation="\u202eCorp"),
        register("Mallory", attendee_id="W00003")]), source="desk9")
    assert (result.quarantined, result.applied) == (3, 1)
    reasons = sorted(q["reason"] for q in b.quarantined() if q["device"] == "desk9")
    assert all("invisible or direction-changing" in r for r in reasons), reasons


def test_a_desk_registers_at_most_its_share_of_walk_ins(fleet):
    store = open_event_db(fleet.paths["a"])
    conn = sqlite3.connect(fleet.paths["a"])           # the first ones quickly: the desk's own rows
    conn.executemany("INSERT INTO attendee (id, name, type, registered_by, registered_at) VALUES (?, 'W', 'delegate', "
                     "'a', '2023-06-14T12:00:00+09:00')", [(f"W{i:05d}",) for i in range(MAX_WALKINS_PER_DEVICE - 1)])
    conn.commit()
    conn.close()
    store.checkins.register_attendee(name="Last one", type_="delegate", device_id="a", now=at(12, 0))
    with pytest.raises(KioskError, match=f"registered {MAX_WALKINS_PER_DEVICE} walk-ins") as err:
        store.checkins.register_attendee(name="One too many", type_="delegate", device_id="a", now=at(12, 1))
    assert err.value.code == "walkin_limit"
    assert store.execute("SELECT count(*) FROM attendee WHERE registered_by = 'a'").fetchone() == (
        MAX_WALKINS_PER_DEVICE,)
    store.close()
    # a stolen desk's signed flood: the first MAX are taken, the rest quarantined on every device
    fleet.add("desk9", role="desk")
    extra = 5
    flood = [register(f"VIP {i}", attendee_id=f"X{i:05d}") for i in range(MAX_WALKINS_PER_DEVICE + extra)]
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "desk9", flood), source="desk9")
    assert (result.applied, result.quarantined) == (MAX_WALKINS_PER_DEVICE, extra)
    assert {q["reason"] for q in b.quarantined() if q["device"] == "desk9"} == {
        f"more than {MAX_WALKINS_PER_DEVICE} walk-ins registered by one desk"}


def test_a_notice_past_the_limit_is_quarantined_naming_the_limit(fleet):
    fleet.add("desk9", role="desk")
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "desk9", [edit("desk9", "k" * 32, after=state(notice="N" * 3000))]),
                       source="desk9")
    assert result.quarantined == 1
    [reason] = [q["reason"] for q in b.quarantined() if q["device"] == "desk9"]
    assert "300 characters" in reason
