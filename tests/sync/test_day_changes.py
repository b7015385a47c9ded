"""Reference data that changes on the day travels: a person registered at a desk (with the badge
issued there) and a list's new opening time reach every device as signed entries, checked like
any other; a forged or overreaching one is quarantined and changes nothing."""

import json
import subprocess
import sys

import pytest

from kiosk import operations
from kiosk.models import badges
from kiosk.models.database import open_event_db
from kiosk.models.errors import KioskError
from kiosk.sync.engine import export_file, import_file
from kiosk.sync.identity import revocation
from tests.conftest import ROOT

from .conftest import CLOCK, EVENT, Fleet, at, snapshot
from .test_network import Daemons
from .test_poison import forge
from .test_revocation_live import rows, wait_for

KEY_PEM, KEY_RAW = badges.generate_key_pair()


@pytest.fixture
def day(built_db, tmp_path):
    """An organiser's database with the badge key, copied to a desk laptop and two kiosks."""
    base = tmp_path / "event.db"
    base.write_bytes(built_db.read_bytes())
    store = open_event_db(base)
    operations.register_key(store, KEY_RAW, now=at(8, 0))
    store.close()
    (tmp_path / "badge.pem").write_bytes(KEY_PEM)
    fleet = Fleet(base, tmp_path / "fleet")
    fleet.add("desk", role="desk")
    fleet.add("kiosk")
    fleet.add("k2")
    fleet.key_path = tmp_path / "badge.pem"
    return fleet


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          timeout=60)


def scan_code(path, payload, list_id, when, scan_id):
    store = open_event_db(path)
    try:
        return operations.check_in(store, payload=payload, list_id=list_id, device_id=path.stem, scan_id=scan_id,
                                   now=when).result.code
    finally:
        store.close()


def registration(device, attendee_id="WTEST0001", **over):
    body = {"attendee_id": attendee_id, "name": "Walk In", "name_local": None, "organisation": None,
            "country": "KR", "type": "delegate", "device_id": device, "at": "2023-06-14T10:00:00+09:00"}
    body.update(over)
    return "register", body


def window_change(device, key, windows, list_id="reception", hlc=None, at_="2023-06-14T17:00:00+09:00"):
    hlc = hlc or f"{int(at(17, 0).timestamp() * 1000):015d}.00000"
    return "window", {"edit_key": key, "list_id": list_id, "windows": json.dumps(windows), "device_id": device,
                      "by_name": "x", "at": at_, "hlc": hlc}


# ---------------------------------------------------------------- the real path
def test_a_walk_in_and_a_later_dinner_travel_between_running_daemons(day):
    """The desk registers a walk-in (badge printed there) and opens the dinner at 18:30 instead of
    18:00, with the CLI, while `sync serve` runs on the desk and a kiosk."""
    daemons = Daemons(day)
    try:
        daemons.start("desk", peers=["kiosk"])
        daemons.start("kiosk", peers=["desk"])
        made = cli("register", "--name", "Park Jiwoo", "--type", "delegate", "--name-local", "박지우", "--country", "KR",
                   "--device", "desk", "--key", day.key_path, "--out", day.folder / "printed", "--now",
                   "2023-06-14T17:40", "--db", day.paths["desk"])
        assert made.returncode == 0, made.stderr
        walkin = json.loads(made.stdout)
        assert walkin["attendee"].startswith("W") and walkin["serial"] == f"{walkin['attendee']}-1"
        assert (day.folder / "printed" / f"badge-{walkin['serial']}.png").stat().st_size > 1000
        moved = cli("list-window", "reception", "--open", "2023-06-14T18:30", "--close", "2023-06-14T21:30",
                    "--by", "Mina", "--device", "desk", "--now", "2023-06-14T17:45", "--db", day.paths["desk"])
        assert moved.returncode == 0, moved.stderr
        wait_for(lambda: rows(day.paths["kiosk"], "SELECT 1 FROM badge WHERE serial = ?", (walkin["serial"],))
                 and rows(day.paths["kiosk"], "SELECT 1 FROM list_window_edit"), what="the desk's changes at the kiosk")
    finally:
        daemons.stop_all()
    kiosk = day.paths["kiosk"]
    assert rows(kiosk, "SELECT name, name_local, type, registered_by FROM attendee WHERE id = ?",
                (walkin["attendee"],)) == [("Park Jiwoo", "박지우", "delegate", "desk")]
    assert rows(kiosk, "SELECT start, \"end\" FROM checkin_window WHERE list_id = 'reception'") == \
        [("2023-06-14T18:30:00+09:00", "2023-06-14T21:30:00+09:00")]
    assert rows(kiosk, "SELECT count(*) FROM sync_log WHERE status != 'ok'") == [(0,)]
    # at the kiosk: the walk-in's badge is OK (not UNKNOWN) — once the dinner opens at 18:30
    assert scan_code(kiosk, walkin["payload"], "reception", at(18, 10), "s1") == "OUTSIDE_WINDOW"
    assert scan_code(kiosk, walkin["payload"], "reception", at(18, 31), "s2") == "OK"
    done = cli("checkin", walkin["payload"], "--list", "entry", "--device", "kiosk", "--now", "2023-06-14T18:32",
               "--db", kiosk)
    assert done.returncode == 0 and json.loads(done.stdout)["code"] == "OK"


def test_before_the_sync_the_walk_in_is_unknown_elsewhere_and_after_a_file_it_is_ok(day):
    desk = open_event_db(day.paths["desk"])
    attendee, serial = operations.register_attendee(desk, name="Chen Mei", type_="press", country="TW",
                                                    device_id="desk", now=at(9, 0)).result
    desk.close()
    payload = badges.sign(badges.load_private_key(KEY_PEM), "IF23", serial)
    assert scan_code(day.paths["k2"], payload, "entry", at(9, 5), "u1") == "UNKNOWN"
    # the desk's file reaches the kiosk (the fingerprint still matches: walk-ins are not in it)
    result = import_file(day.engine("k2"), export_file(day.engine("desk")), "desk.sync")
    assert result.quarantined == 0 and {"attendee", "badge"} <= result.reference
    assert scan_code(day.paths["k2"], payload, "entry", at(9, 6), "u2") == "OK"
    # staff at that kiosk find the walk-in by name, for a check-in without the badge
    k2 = open_event_db(day.paths["k2"])
    assert [a.id for a in k2.checkins.find_attendees("chen mei")] == [attendee.id]
    assert operations.check_in(k2, payload="manual", manual_attendee=attendee.id, list_id="reception",
                               device_id="k2", scan_id="u2m", now=at(18, 5)).result.code == "OK"
    k2.close()
    # and on from that kiosk to another, which never met the desk
    import_file(day.engine("kiosk"), export_file(day.engine("k2")), "k2.sync")
    assert scan_code(day.paths["kiosk"], payload, "entry", at(9, 7), "u3") == "ALREADY"


def test_bad_registrations_at_the_desk_are_refused_with_a_reason_and_write_nothing(day):
    before = snapshot(day.paths["desk"])
    for name, type_, country in (("", "delegate", None), ("x" * 101, "delegate", None), ("Kim", "god", None),
                                 ("Kim\x07", "delegate", None), ("Kim", "delegate", "Korea")):
        made = cli("register", "--name", name, "--type", type_, *(["--country", country] if country else []),
                   "--device", "desk", "--db", day.paths["desk"])
        assert made.returncode == 2 and made.stderr.strip(), (name[:10], made.stderr)
    assert snapshot(day.paths["desk"]) == before
    for windows in ([["2023-06-14T21:00", "2023-06-14T18:00"]], [["2023-06-20T18:00", "2023-06-20T21:00"]],
                    [["2023-06-14T18:00", "2023-06-14T20:00"], ["2023-06-14T19:00", "2023-06-14T21:00"]]):
        args = [a for w in windows for a in ("--open", w[0], "--close", w[1])]
        moved = cli("list-window", "reception", *args, "--by", "x", "--device", "desk", "--db", day.paths["desk"])
        assert moved.returncode == 2 and moved.stderr.strip()
    assert cli("list-window", "vip-lounge", "--open", "2023-06-14T18:00", "--close", "2023-06-14T19:00", "--by", "x",
               "--db", day.paths["desk"]).returncode == 2
    assert snapshot(day.paths["desk"]) == before


# ---------------------------------------------------------------- hostile entries
def test_forged_registrations_are_quarantined_and_change_no_one(day):
    kiosk = day.engine("kiosk")
    before = snapshot(day.paths["kiosk"])
    forged = [
        registration("desk", "A0001", name="Mallory"),                # overwrite an attendee of the event
        registration("desk", "WLONG0001", name="x" * 3000),
        registration("desk", "WTYPE0001", type="organiser-god"),
        registration("desk", "w-lower'; DROP TABLE attendee; --"),
        registration("desk", "WCTRL0001", name="Evil\u202eName\x07"),
        registration("desk", "WDATE0001", at="2099-01-01T00:00:00+09:00"),
        registration("kiosk", "WOTHER001"),                            # in another device's name
        ("register", {"attendee_id": "WSHAPE001"}),
    ]
    result = kiosk.receive(forge(day, "desk", forged), source="desk")
    assert result.applied == 0 and result.quarantined == len(forged)
    after = snapshot(day.paths["kiosk"])
    ignore = ("sync_log", "sync_roster")          # (the entries are kept, quarantined; the desk's enrolment)
    assert {k: v for k, v in after.items() if k not in ignore} == {k: v for k, v in before.items() if k not in ignore}
    # a kiosk may not register anyone
    result = day.engine("desk").receive(forge(day, "k2", [registration("k2", "WKIOSK001")]), source="k2")
    assert result.quarantined == 1 and "may not write register" in day.engine("desk").quarantined()[0]["reason"]


def test_a_second_desk_cannot_take_over_a_walk_in(day):
    day.add("desk2", role="desk")
    kiosk = day.engine("kiosk")
    assert kiosk.receive(forge(day, "desk", [registration("desk", "WSAME0001", name="Real Person")]),
                         source="desk").applied == 1
    result = kiosk.receive(forge(day, "desk2", [registration("desk2", "WSAME0001", name="Impostor")]), source="desk2")
    assert result.quarantined == 1
    assert rows(day.paths["kiosk"], "SELECT name, registered_by FROM attendee WHERE id = 'WSAME0001'") == \
        [("Real Person", "desk")]


def test_revoking_a_stolen_desk_takes_back_its_walk_ins_and_window_changes(day):
    kiosk = day.engine("kiosk")
    kiosk.receive(forge(day, "desk", [
        registration("desk", "WFAKE0001"),
        ("badge", {"serial": "WFAKE0001-1", "attendee_id": "WFAKE0001", "issue": 1, "action": "issue",
                   "at": "2023-06-14T10:00:00+09:00"}),
        window_change("desk", "close-dinner", [["2023-06-14T23:00:00+09:00", "2023-06-14T23:30:00+09:00"]]),
    ]), source="desk")
    assert rows(day.paths["kiosk"], "SELECT count(*) FROM attendee WHERE id = 'WFAKE0001'") == [(1,)]
    assert rows(day.paths["kiosk"], "SELECT start FROM checkin_window WHERE list_id = 'reception'") == \
        [("2023-06-14T23:00:00+09:00",)]
    statement, sig = revocation(day.authority, "desk", event_id=EVENT, after=0, now=CLOCK.now(), reason="stolen")
    kiosk.add_statement(statement, sig)
    assert rows(day.paths["kiosk"], "SELECT count(*) FROM attendee WHERE id = 'WFAKE0001'") == [(0,)]
    assert rows(day.paths["kiosk"], "SELECT count(*) FROM badge WHERE attendee_id = 'WFAKE0001'") == [(0,)]
    assert rows(day.paths["kiosk"], "SELECT start, \"end\" FROM checkin_window WHERE list_id = 'reception'") == \
        [("2023-06-14T18:00:00+09:00", "2023-06-14T21:30:00+09:00")]              # as published


def test_forged_window_changes_are_quarantined(day):
    kiosk = day.engine("kiosk")
    before = snapshot(day.paths["kiosk"])
    late = f"{int(at(0, 0, day=18).timestamp() * 1000) - 1:015d}.99999"
    forged = [
        window_change("desk", "w1", [["2023-06-14T21:00:00+09:00", "2023-06-14T18:00:00+09:00"]]),
        window_change("desk", "w2", [["1999-06-14T18:00:00+09:00", "1999-06-14T21:00:00+09:00"]]),
        window_change("desk", "w3", [["2023-06-14T18:00:00+09:00", "2023-06-14T21:00:00+09:00"]] * 2),
        window_change("desk", "w4", [["2023-06-14T18:00:00+09:00", "2023-06-14T21:00:00+09:00"]], list_id="vip"),
        window_change("desk", "w5", [["2023-06-14T18:00", "2023-06-14T21:00"]]),       # no time zone
        window_change("desk", "w6", "[[1, 2]]"),
        window_change("desk", "w7", [[f"2023-06-14T{h:02d}:00:00+09:00", f"2023-06-14T{h:02d}:30:00+09:00"]
                                     for h in range(13)]),
        window_change("desk", "w8", [], hlc="999999999999999.99999"),
        window_change("k2", "w9", []),
    ]
    result = kiosk.receive(forge(day, "desk", forged), source="desk")
    assert result.applied == 0 and result.quarantined == len(forged)
    assert snapshot(day.paths["kiosk"])["checkin_window"] == before["checkin_window"]
    # a clock at the end of the event waits (and is bounded), it does not win at once
    result = kiosk.receive(forge(day, "desk", [window_change("desk", "w10", [], hlc=late)], start=len(forged) + 1,
                                 prev=rows(day.paths["kiosk"], "SELECT link FROM sync_log WHERE device = 'desk' "
                                           "ORDER BY n DESC LIMIT 1")[0][0]), source="desk")
    assert result.pending == 1 and snapshot(day.paths["kiosk"])["checkin_window"] == before["checkin_window"]
    # a kiosk may not change windows
    result = day.engine("desk").receive(forge(day, "k2", [window_change("k2", "w11", [])]), source="k2")
    assert result.quarantined == 1


def test_the_latest_window_change_wins_on_every_device_in_any_order(day):
    day.add("org", role="organiser")
    early = window_change("desk", "e1", [["2023-06-14T18:30:00+09:00", "2023-06-14T21:30:00+09:00"]])
    later = window_change("org", "e2", [["2023-06-14T19:00:00+09:00", "2023-06-14T22:00:00+09:00"]],
                          hlc=f"{int(at(17, 5).timestamp() * 1000):015d}.00000", at_="2023-06-14T17:05:00+09:00")
    k, k2 = day.engine("kiosk"), day.engine("k2")
    k.receive(forge(day, "desk", [early]), source="desk")
    k.receive(forge(day, "org", [later]), source="org")
    k2.receive(forge(day, "org", [later]), source="org")
    k2.receive(forge(day, "desk", [early]), source="desk")
    for name in ("kiosk", "k2"):
        assert rows(day.paths[name], "SELECT start FROM checkin_window WHERE list_id = 'reception'") == \
            [("2023-06-14T19:00:00+09:00",)]
