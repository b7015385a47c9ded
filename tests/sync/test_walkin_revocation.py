"""A walk-in registered by a desk that is later revoked (issue 13, left item 4). Found by the
attack: a walk-in checked in elsewhere stayed on devices that had the desk's data before they
heard of the revocation, but vanished ("unknown attendee", waiting 6 h, then quarantined) on
devices that got the revocation and the data together. Now every device holds the revoked desk's
entries past its cut-off (quarantined), and the outcome is the same in any order:
- registered before the cut-off: the person stays;
- registered after it and relied on by another device (a check-in, another desk's badge): stays,
  the registration listed as quarantined for staff;
- registered after it and relied on by no one: taken back."""

import pytest

from kiosk import operations
from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file
from kiosk.sync.identity import revocation

from .conftest import CLOCK, EVENT, at
from .test_day_changes import day  # noqa: F401  (the fixture)
from .test_revocation_live import rows


def register(day, name, when):  # noqa: F811
    desk = open_event_db(day.paths["desk"])
    try:
        attendee, _serial = operations.register_attendee(desk, name=name, type_="delegate", device_id="desk",
                                                         now=when).result
    finally:
        desk.close()
    return attendee.id


def checkin_by(day, device, attendee, when, scan_id):  # noqa: F811
    store = open_event_db(day.paths[device])
    try:
        return operations.check_in(store, payload="manual", manual_attendee=attendee, list_id="entry",
                                   device_id=device, scan_id=scan_id, now=when).result.code
    finally:
        store.close()


def state(day, name, ids):  # noqa: F811
    """Who of ``ids`` is an attendee on device ``name``, and who is checked in there."""
    marks = ", ".join("?" * len(ids))
    people = {r[0] for r in rows(day.paths[name], f"SELECT id FROM attendee WHERE id IN ({marks})", ids)}
    checked = rows(day.paths[name], f"SELECT attendee_id, scan_id FROM checkin WHERE attendee_id IN ({marks}) "
                                    "ORDER BY attendee_id", ids)
    pending = rows(day.paths[name], "SELECT count(*) FROM sync_log WHERE status = 'pending'")
    return people, checked, pending


@pytest.fixture
def stolen_desk_day(day):  # noqa: F811
    """The desk registers W0 at 10:00; it is stolen after that (the organiser's cut-off: the entries
    the desk had made by 10:00). The thief's desk registers W1 and W2 at 11:00; W1 is a real person
    whom k2 checks in at 11:30 (looked up by name); nobody ever meets W2."""
    w0 = register(day, "Before Theft", at(10, 0))
    desk_engine = day.engine("desk", now=at(10, 0))
    operations.sync_collect(desk_engine.store, desk_engine, now=at(10, 0))
    cut_off = desk_engine.heads()["desk"][0]
    w1 = register(day, "Relied On", at(11, 0))
    w2 = register(day, "Nobody Met", at(11, 0))
    desk_file = export_file(day.engine("desk", now=at(11, 5)))
    k2 = day.engine("k2", now=at(11, 10))
    import_file(k2, desk_file, "desk.sync")
    assert checkin_by(day, "k2", w1, at(11, 30), "k2-w1") == "OK"
    k2_file = export_file(day.engine("k2", now=at(11, 35)))
    k2_only = day.engine("k2", now=at(11, 35)).bundles_since({"desk": 10**9})[0]     # k2's own log alone
    assert list(k2_only["runs"]) == ["k2"]
    statement, sig = revocation(day.authority, "desk", event_id=EVENT, after=cut_off, now=CLOCK.now(),
                                reason="stolen at 10:00")
    return {"ids": [w0, w1, w2], "desk_file": desk_file, "k2_file": k2_file, "k2_only": k2_only,
            "revoke": (statement, sig)}


def test_a_walk_in_relied_on_elsewhere_survives_its_desks_revocation_in_any_order(day, stolen_desk_day):  # noqa: F811
    s = stolen_desk_day
    w0, w1, w2 = s["ids"]
    # kiosk: the desk's data, then k2's check-in, then the revocation (the order that always worked)
    kiosk = day.engine("kiosk")
    import_file(kiosk, s["desk_file"], "desk.sync")
    import_file(kiosk, s["k2_file"], "k2.sync")
    kiosk.add_statement(*s["revoke"])
    after_revocation = export_file(day.engine("kiosk"))        # the revocation and the desk's data together
    # k3: the revocation and the desk's data together (one file), then k2's check-in
    day.add("k3")
    import_file(day.engine("k3"), after_revocation, "kiosk.sync")
    import_file(day.engine("k3"), s["k2_file"], "k2.sync")
    # k4: k2's check-in first (it waits for W1), then the revocation and the data together
    day.add("k4")
    day.engine("k4").receive(s["k2_only"], source="k2")
    assert rows(day.paths["k4"], "SELECT count(*) FROM sync_log WHERE status = 'pending'") == [(1,)]
    import_file(day.engine("k4"), after_revocation, "kiosk.sync")
    # k2 itself hears of the revocation last
    day.engine("k2").add_statement(*s["revoke"])
    expected = ({w0, w1}, [(w1, "k2-w1")], [(0,)])
    for name in ("kiosk", "k2", "k3", "k4"):
        assert state(day, name, [w0, w1, w2]) == expected, name
        assert rows(day.paths[name], "SELECT status FROM sync_log WHERE key = 'k2-w1'") == [("ok",)], name
    # staff still see the registrations made after the theft as quarantined, on every device alike
    listed = {name: rows(day.paths[name], "SELECT key, reason FROM sync_log WHERE device = 'desk' AND kind = 'register' "
                                          "AND status = 'quarantined' ORDER BY key") for name in ("kiosk", "k3", "k4")}
    assert listed["kiosk"] == listed["k3"] == listed["k4"] == sorted(
        [(w1, "after the device was revoked"), (w2, "after the device was revoked")])


def test_before_the_fix_the_together_order_lost_the_walk_in(day, stolen_desk_day):  # noqa: F811
    """The order that used to fail, on its own: nothing waits, nothing is lost."""
    s = stolen_desk_day
    w0, w1, w2 = s["ids"]
    kiosk = day.engine("kiosk")
    import_file(kiosk, s["desk_file"], "desk.sync")
    kiosk.add_statement(*s["revoke"])          # before k2's check-in arrives: W1, relied on by no one yet, goes
    assert state(day, "kiosk", [w0, w1, w2])[0] == {w0}
    import_file(kiosk, s["k2_file"], "k2.sync")  # k2's check-in arrives: W1 comes back at once, not in 6 h
    assert state(day, "kiosk", [w0, w1, w2]) == ({w0, w1}, [(w1, "k2-w1")], [(0,)])
