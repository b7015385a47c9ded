"""A synced OK scan is re-derived on the device that receives it: the person's type on the list,
the list's windows (± 15 min) and the badge's revocation. One the receiver would refuse is
quarantined with the reason; the verdict is the same on every device in any order."""

import json
import sqlite3
import subprocess
import sys

from kiosk import operations
from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file
from tests.conftest import ROOT

from .conftest import at, snapshot
from .test_day_changes import day, window_change  # noqa: F401  (the fixture)
from .test_poison import forge, scan
from .test_revocation_live import rows

IGNORE = ("sync_log", "sync_roster")


def same_rows(before, after):
    return {k: v for k, v in before.items() if k not in IGNORE} == {k: v for k, v in after.items() if k not in IGNORE}


def attendee_of_type(path, type_):
    return rows(path, "SELECT id FROM attendee WHERE type = ? ORDER BY id LIMIT 1", (type_,))[0][0]


def test_a_buggy_devices_ok_scans_that_this_device_would_refuse_are_quarantined_over_a_file(day):  # noqa: F811
    """The kiosk's software (or its thief) writes OK for scans the rules refuse: a volunteer at the
    gala, the gala at 03:00, a badge revoked an hour before, someone else's badge."""
    kiosk = day.paths["kiosk"]
    volunteer = attendee_of_type(kiosk, "volunteer")
    store = open_event_db(day.paths["desk"])
    operations.issue_badge(store, "A0005", reissue=False, now=at(8, 0))
    operations.issue_badge(store, "A0005", reissue=True, now=at(9, 0))          # A0005-1 revoked at 09:00
    store.close()
    # the revocation reaches the other devices a minute after it was made (each says so in a
    # signed receipt: a revocation counts from the first time a device other than its author held it)
    import_file(day.engine("k2", now=at(9, 1)), export_file(day.engine("desk")), "desk.sync")
    import_file(day.engine("kiosk", now=at(9, 1)), export_file(day.engine("desk")), "desk.sync")
    bad = [("v-gala", "gala", volunteer, "2023-06-15T18:00:00+09:00", None),
           ("night", "gala", "A0006", "2023-06-15T03:00:00+09:00", None),
           ("old-badge", "entry", "A0005", "2023-06-14T10:00:00+09:00", "A0005-1"),
           ("not-theirs", "entry", "A0007", "2023-06-14T10:00:00+09:00", "A0008-1")]
    conn = sqlite3.connect(kiosk)
    for scan_id, lst, who, when, serial in bad:
        conn.execute("INSERT INTO scan (scan_id, list_id, device_id, scanned_at, payload, serial, attendee_id, code, "
                     "detail) VALUES (?, ?, 'kiosk', ?, 'x', ?, ?, 'OK', '{}')", (scan_id, lst, when, serial, who))
    conn.commit()
    conn.close()
    open_event_db(kiosk).checkins.check_in(payload="manual", manual_attendee="A0009", list_id="entry",
                                           device_id="kiosk", scan_id="good", now=at(10, 0))
    before = snapshot(day.paths["k2"])
    result = import_file(day.engine("k2"), export_file(day.engine("kiosk")), "kiosk.sync")
    assert result.quarantined == 4 and result.scans == 1          # (and the kiosk's receipt of the revocation)
    assert result.applied == 2
    reasons = {q["n"]: q["reason"] for q in day.engine("k2").quarantined() if q["device"] == "kiosk"}
    assert sorted(reasons.values()) == sorted([
        "re-checked here: volunteer is not on the list gala",
        "re-checked here: scanned at 2023-06-15T03:00, when the list gala was not open",
        "re-checked here: badge A0005-1 was revoked before the scan",
        "re-checked here: badge A0008-1 is not A0007's"])
    after = snapshot(day.paths["k2"])
    assert after["checkin"] == before["checkin"] + [r for r in after["checkin"] if "'good'" in r]
    assert not any(s in r for r in after["scan"] for s in ("v-gala", "night", "old-badge", "not-theirs"))
    status = json.loads(subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", "status", "--db",
                                        str(day.paths["k2"])], capture_output=True, text=True).stdout)
    assert sum(q["reason"].startswith("re-checked here") for q in status["quarantined"]) == 4


def test_a_revocation_that_arrives_after_the_scan_takes_it_back_on_every_device(day):  # noqa: F811
    store = open_event_db(day.paths["desk"])
    operations.issue_badge(store, "A0005", reissue=False, now=at(8, 0))
    store.close()
    for name in ("kiosk", "k2"):
        import_file(day.engine(name), export_file(day.engine("desk")), "desk.sync")
    # the kiosk lets A0005-1 in at 10:30; the desk had re-issued the badge at 10:00 (lost badge)
    open_event_db(day.paths["kiosk"]).execute(
        "INSERT INTO scan (scan_id, list_id, device_id, scanned_at, payload, serial, attendee_id, code, detail) "
        "VALUES ('late', 'entry', 'kiosk', '2023-06-14T10:30:00+09:00', 'x', 'A0005-1', 'A0005', 'OK', '{}')")
    store = open_event_db(day.paths["desk"])
    operations.issue_badge(store, "A0005", reissue=True, now=at(10, 0))
    store.close()
    desk_file, kiosk_file = export_file(day.engine("desk")), export_file(day.engine("kiosk"))
    # the hub k3 takes in the revocation at 10:02 (and signs that it holds it from then on)
    day.add("k3")
    assert import_file(day.engine("k3", now=at(10, 2)), desk_file, "desk.sync").quarantined == 0
    hub_file = export_file(day.engine("k3", now=at(10, 2)))
    # org gets the scan first (it applies: nothing revoked yet there), then the revocation at 18:00
    # (on its own, org holds it only from 18:00: the scan at 10:30 stands), then the hub's receipt
    org = day.engine("k2")
    assert import_file(org, kiosk_file, "kiosk.sync").applied == 1
    assert rows(day.paths["k2"], "SELECT scan_id FROM checkin WHERE attendee_id = 'A0005'") == [("late",)]
    import_file(org, desk_file, "desk.sync")
    assert rows(day.paths["k2"], "SELECT scan_id FROM checkin WHERE attendee_id = 'A0005'") == [("late",)]
    import_file(org, hub_file, "k3.sync")
    assert rows(day.paths["k2"], "SELECT count(*) FROM checkin WHERE attendee_id = 'A0005'") == [(0,)]
    assert rows(day.paths["k2"], "SELECT status, reason FROM sync_log WHERE key = 'late'") == \
        [("quarantined", "re-checked here: badge A0005-1 was revoked before the scan")]
    # a fourth device, the other order, same verdict
    day.add("k4")
    k4 = day.engine("k4")
    import_file(k4, hub_file, "k3.sync")
    import_file(k4, kiosk_file, "kiosk.sync")
    for name in ("k2", "k3", "k4"):
        if name == "k3":
            import_file(day.engine("k3"), kiosk_file, "kiosk.sync")
        assert rows(day.paths[name], "SELECT status FROM sync_log WHERE key = 'late'") == [("quarantined",)]
        assert rows(day.paths[name], "SELECT count(*) FROM scan WHERE scan_id = 'late'") == [(0,)]


def test_a_scan_quarantined_for_its_window_is_applied_when_the_window_change_arrives(day):  # noqa: F811
    """The desk opens the dinner at 17:00 instead of 18:00; a kiosk that heard lets someone in at
    17:10. A device that gets the scan before the window change quarantines it, then applies it."""
    early = window_change("desk", "early", [["2023-06-14T17:00:00+09:00", "2023-06-14T21:30:00+09:00"]],
                          hlc=f"{int(at(16, 0).timestamp() * 1000):015d}.00000", at_="2023-06-14T16:00:00+09:00")
    change = forge(day, "desk", [early])
    kiosk = day.engine("kiosk")
    kiosk.receive(change, source="desk")
    operations.check_in(kiosk.store, payload="manual", manual_attendee="A0012", list_id="reception",
                        device_id="kiosk", scan_id="at-1710", now=at(17, 10))
    operations.sync_collect(kiosk.store, kiosk, now=at(17, 10))
    scan_only = kiosk.bundles_since({"desk": 1})[0]             # the kiosk's log, not the desk's change
    assert list(scan_only["runs"]) == ["kiosk"]
    k2 = day.engine("k2")
    before = snapshot(day.paths["k2"])
    result = operations.merge_from_sync(k2.store, k2, scan_only, source="kiosk", now=at(17, 11)).result
    assert result.quarantined == 1
    assert same_rows(before, snapshot(day.paths["k2"]))
    result = k2.receive(change, source="desk")
    assert rows(day.paths["k2"], "SELECT scan_id FROM checkin WHERE attendee_id = 'A0012'") == [("at-1710",)]
    assert rows(day.paths["k2"], "SELECT status FROM sync_log WHERE key = 'at-1710'") == [("ok",)]


def test_a_device_that_had_not_heard_of_a_later_opening_is_not_punished(day):  # noqa: F811
    """The desk moves the dinner to 18:30; a kiosk that had not heard still said OK at 18:10, under
    the published window. Its scan stands everywhere (the re-check accepts any window the list has
    had); at a device that has heard, a new scan at 18:10 is refused."""
    late = window_change("desk", "late", [["2023-06-14T18:30:00+09:00", "2023-06-14T21:30:00+09:00"]])
    k2 = day.engine("k2")
    k2.receive(forge(day, "desk", [late]), source="desk")
    stale = open_event_db(day.paths["kiosk"])
    assert operations.check_in(stale, payload="manual", manual_attendee="A0013", list_id="reception",
                               device_id="kiosk", scan_id="stale-1810", now=at(18, 10)).result.code == "OK"
    stale.close()
    assert import_file(k2, export_file(day.engine("kiosk")), "kiosk.sync").quarantined == 0
    assert rows(day.paths["k2"], "SELECT scan_id FROM checkin WHERE attendee_id = 'A0013'") == [("stale-1810",)]
    assert operations.check_in(k2.store, payload="manual", manual_attendee="A0014", list_id="reception",
                               device_id="k2", scan_id="new", now=at(18, 10)).result.code == "OUTSIDE_WINDOW"


def test_revoking_a_desk_that_opened_a_list_at_night_takes_back_the_scans_only_that_window_allowed(day):  # noqa: F811
    from kiosk.sync.identity import revocation

    from .conftest import CLOCK, EVENT

    night = window_change("desk", "night", [["2023-06-15T02:00:00+09:00", "2023-06-15T04:00:00+09:00"]],
                          list_id="gala")
    k2 = day.engine("k2")
    k2.receive(forge(day, "desk", [night]), source="desk")
    k2.receive(forge(day, "kiosk", [scan("kiosk", "at-0300", attendee="A0009", list_id="gala",
                                         when="2023-06-15T03:00:00+09:00")]), source="kiosk")
    assert rows(day.paths["k2"], "SELECT scan_id FROM checkin WHERE list_id = 'gala'") == [("at-0300",)], [q["reason"] for q in k2.quarantined()]
    statement, sig = revocation(day.authority, "desk", event_id=EVENT, after=0, now=CLOCK.now(), reason="stolen")
    k2.add_statement(statement, sig)
    assert rows(day.paths["k2"], "SELECT start FROM checkin_window WHERE list_id = 'gala'") == \
        [("2023-06-15T17:30:00+09:00",)]
    assert rows(day.paths["k2"], "SELECT count(*) FROM checkin WHERE list_id = 'gala'") == [(0,)]
    assert rows(day.paths["k2"], "SELECT status FROM sync_log WHERE key = 'at-0300'") == [("quarantined",)]
