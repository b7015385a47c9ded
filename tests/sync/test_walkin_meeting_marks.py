"""A meeting attendance mark keeps the walk-in it names when the desk that registered them is
revoked (issue 13's left item). Before, such a mark did not count as reliance: on a device that
had the desk's data first the revocation took the person back anyway, and on a device that did
not hold the person yet the mark was quarantined ("attendance marks name unknown people") — so
the mark named a person who had vanished, and nothing waited for them.

Now an attendance mark (present or absent) by another, honest device counts like a check-in: it
waits for a person it names whom the device does not hold yet, and it keeps them, in any arrival
order. A mark made by the revoked desk itself past its cut-off keeps no one. The time of the
honest device's mark does not matter (as for a check-in): one dated after the revocation was
issued, by a device that had not heard of it, keeps the person too. A person kept only by a
device that is revoked in its turn is taken back then, in any order.

Real signed entries from enrolled test devices, real meetings files imported at the desks, real
marks made through ``operations.mark_meeting_attendance``."""

import itertools
import json

import pytest

from kiosk import operations
from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file
from kiosk.sync.identity import revocation

from .conftest import CLOCK, EVENT, at
from .test_day_changes import day  # noqa: F401  (the fixture)
from .test_poison import forge
from .test_revocation_live import rows
from .test_walkin_revocation import register

HEADER = "id,date,start,end,table,participants\n"


def meetings_at_two(path) -> list[tuple]:
    """Meetings of the first day at 14:00 (id, table, participants), as the event data has them."""
    found = rows(path, "SELECT m.id, m.table_id, group_concat(p.attendee_id, ';') FROM meeting m "
                       "JOIN meeting_participant p ON p.meeting_id = m.id "
                       "WHERE m.start = '2023-06-14T14:00:00+09:00' AND m.table_id IS NOT NULL "
                       "GROUP BY m.id ORDER BY m.id")
    assert len(found) >= 3
    return found


def add_people(name, day, meeting, extra, when):  # noqa: F811
    """The organiser's meetings file, imported at device ``name``, adds ``extra`` to ``meeting``."""
    mid, table, people = meeting
    path = day.folder / f"{name}-meetings.csv"
    path.write_text(HEADER + f"{mid},2023-06-14,14:00,14:30,{table},{';'.join([people, *extra])}\n")
    store = open_event_db(day.paths[name])
    try:
        report = operations.import_file(store, path, "meetings", now=when).result
        assert report.ok, report.problems
    finally:
        store.close()


def mark(name, day, meeting_id, when, present=(), absent=()):  # noqa: F811
    store = open_event_db(day.paths[name])
    try:
        operations.mark_meeting_attendance(store, meeting_id, present=list(present), absent=list(absent), by="Mina",
                                           role="staff", device_id=name, now=when)
    finally:
        store.close()


def walkins(day, name, ids):  # noqa: F811
    marks = ", ".join("?" * len(ids))
    return {r[0] for r in rows(day.paths[name], f"SELECT id FROM attendee WHERE id IN ({marks})", ids)}


def meeting_log(day, name):  # noqa: F811
    """Each meeting entry's author and status here, by its marks."""
    out = {}
    for device, entry, status in rows(day.paths[name], "SELECT device, entry, status FROM sync_log "
                                                       "WHERE kind = 'meeting' ORDER BY device, n"):
        out[(device, json.loads(entry)["b"]["reason"])] = status
    return out


@pytest.fixture
def marked_day(day):  # noqa: F811
    """The desk registers W0 at 10:00 and is stolen after it (the organiser's cut-off: the entries
    it had made by then). The thief's desk registers W1…W5 at 11:00 and, at its own meetings file's
    14:00 meeting, marks W3 present itself. The meetings desk k2 (honest) holds the desk's data
    by 14:10; its meetings file adds W1 and W5 to one 14:00 meeting and W4 to another; it marks
    W1 and W5 present (one mark naming two walk-ins) at 14:05, and W4 absent at 18:30 — after the
    organiser issued the revocation (18:00), which k2 has not heard of yet. Nobody meets W2."""
    first, second, third = meetings_at_two(day.paths["desk"])[:3]
    w0 = register(day, "Before Theft", at(10, 0))
    desk = day.engine("desk", now=at(10, 0))
    operations.sync_collect(desk.store, desk, now=at(10, 0))
    cut_off = desk.heads()["desk"][0]
    w1, w2, w3, w4, w5 = (register(day, name, at(11, 0)) for name in
                          ("Marked Present", "Nobody Met", "Desk Marked", "Marked Absent", "Came Along"))
    add_people("desk", day, third, [w3], at(13, 55))
    mark("desk", day, third[0], at(14, 5), present=[w3])
    desk_file = export_file(day.engine("desk", now=at(14, 8)))           # (signs what the desk did)
    desk_only = day.engine("desk", now=at(14, 8)).bundles_since({})[0]       # the desk's log (alone)
    assert list(desk_only["runs"]) == ["desk"] and len(desk_only["runs"]["desk"]["entries"]) == 13
    import_file(day.engine("k2", now=at(14, 9)), desk_file, "desk.sync")
    add_people("k2", day, first, [w1, w5], at(14, 10))
    add_people("k2", day, second, [w4], at(14, 10))
    mark("k2", day, first[0], at(14, 15), present=[w1, w5])
    mark("k2", day, second[0], at(18, 30), absent=[w4])
    k2 = day.engine("k2", now=at(18, 35))
    operations.sync_collect(k2.store, k2, now=at(18, 35))
    k2_only = k2.bundles_since({"desk": 10**9})[0]                            # k2's log (alone)
    assert list(k2_only["runs"]) == ["k2"]
    assert [json.loads(e[0])["k"] for e in k2_only["runs"]["k2"]["entries"]] == ["meeting", "meeting"]
    statement, sig = revocation(day.authority, "desk", event_id=EVENT, after=cut_off, now=CLOCK.now(),
                                reason="stolen at 10:00")
    return {"ids": [w0, w1, w2, w3, w4, w5], "D": desk_only, "M": k2_only, "R": (statement, sig),
            "meetings": (first[0], second[0], third[0])}


def deliver(engine, what, s):
    if what == "R":
        engine.add_statement(*s["R"])
    else:
        engine.receive(s[what], source=what)


def check(day, name, s, *, waiting=False):  # noqa: F811
    """``waiting``: the device's clock stands at 18:00, so k2's 18:30 mark waits for it (it still
    keeps W4: an entry waits for a person before it waits for anything else)."""
    w0, w1, w2, w3, w4, w5 = s["ids"]
    assert walkins(day, name, s["ids"]) == {w0, w1, w4, w5}, name
    assert rows(day.paths[name], "SELECT reason FROM sync_log WHERE status = 'pending'") == (
        [("its clock reading runs more than 5 minutes ahead of this device's clock",)] if waiting else []), name
    marks = meeting_log(day, name)
    assert marks == {
        ("desk", json.dumps({"present": [w3], "absent": []})): "quarantined",     # the revoked desk's own
        ("k2", json.dumps({"present": [w1, w5], "absent": []})): "ok",
        ("k2", json.dumps({"present": [], "absent": [w4]})): "pending" if waiting else "ok"}, name
    # the revoked desk's registrations past its cut-off stay listed for staff, on every device alike
    assert rows(day.paths[name], "SELECT key, status, reason FROM sync_log WHERE device = 'desk' "
                                 "AND kind = 'register' ORDER BY key") == sorted(
        [(w0, "ok", "")] + [(w, "quarantined", "after the device was revoked") for w in (w1, w2, w3, w4, w5)]), name
    # the audit trail of the meetings holds k2's marks, not the desk's
    edits = rows(day.paths[name], "SELECT meeting_id, device_id FROM meeting_edit WHERE kinds LIKE '%attendance%' "
                                  "ORDER BY meeting_id")
    assert edits == sorted([(s["meetings"][0], "k2")] + [(s["meetings"][1], "k2")] * (not waiting)), name


@pytest.mark.parametrize("clock", ["18:40", "18:00"])
@pytest.mark.parametrize("order", list(itertools.permutations("DMR")), ids="".join)
def test_a_meeting_mark_keeps_the_walk_in_it_names_in_any_order(day, marked_day, order, clock):  # noqa: F811
    """D: the revoked desk's log; M: the meetings desk's marks; R: the revocation — all six orders,
    each on a fresh device whose clock stands at 18:40, or at 18:00 (k2's 18:30 mark waits)."""
    name = "p-" + "".join(order).lower()
    day.add(name)
    now = at(*map(int, clock.split(":")))
    for what in order:
        deliver(day.engine(name, now=now), what, marked_day)
    check(day, name, marked_day, waiting=clock == "18:00")
    day.engine(name, now=at(18, 40)).settle_pending()        # (the daemon does so every 30 s)
    check(day, name, marked_day)


def test_the_same_on_the_marking_device_and_with_everything_in_one_file(day, marked_day):  # noqa: F811
    s = marked_day
    # the meetings desk itself hears of the revocation last: its own marks keep W1, W4, W5
    day.engine("k2", now=at(18, 40)).add_statement(*s["R"])
    check(day, "k2", s)
    assert sorted(rows(day.paths["k2"], "SELECT attendee_id, attendance FROM meeting_participant "
                                        "WHERE attendee_id LIKE 'W%' ORDER BY attendee_id")) == sorted(
        [(s["ids"][1], "present"), (s["ids"][5], "present"), (s["ids"][4], "absent")])
    # the revocation, the desk's data and the marks together, in k2's file
    day.add("q")
    import_file(day.engine("q", now=at(18, 40)), export_file(day.engine("k2", now=at(18, 40))), "k2.sync")
    check(day, "q", s)


def test_a_mark_that_would_be_quarantined_never_waits_for_a_walk_in(day, marked_day):  # noqa: F811
    """An entry waits for a person only once every check that quarantines has passed (the rule
    of ``Kind.people``): a bad mark naming a walk-in would otherwise revive them on one device
    and not on another. A mark of a person nobody registered waits (bounded, as a scan does)."""
    s = marked_day
    w1 = s["ids"][1]
    meeting = s["meetings"][0]
    state = rows(day.paths["kiosk"], 'SELECT table_id, room_id, start, "end", status FROM meeting WHERE id = ?',
                 (meeting,))[0]
    good = json.dumps(dict(zip(("table_id", "room_id", "start", "end", "status"), state)))
    body = dict(edit_key="kiosk@mark-1", hlc="001686719100000.00000", meeting_id=meeting, kinds="attendance",
                role="staff", device_id="kiosk", by_name="", at="2023-06-14T14:05:00+09:00", before=good, after=good,
                reason=json.dumps({"present": [w1], "absent": []}))
    bad_state = {**body, "edit_key": "kiosk@mark-2", "after": good.replace('"T', '"T9')}
    bad_marks = {**body, "edit_key": "kiosk@mark-3", "reason": json.dumps({"present": w1})}
    stranger = {**body, "edit_key": "kiosk@mark-4", "reason": json.dumps({"present": ["WNOBODY99"]})}
    day.add("r")
    engine = day.engine("r", now=at(14, 10))
    engine.add_statement(*s["R"])
    engine.receive(s["D"], source="desk")                    # W1 is taken back here: nobody relies on them yet
    assert walkins(day, "r", [w1]) == set()
    engine.receive(forge(day, "kiosk", [("meeting", bad_state), ("meeting", bad_marks), ("meeting", stranger)]),
                   source="kiosk")
    got = {json.loads(e)["b"]["edit_key"]: (st, reason) for e, st, reason in rows(
        day.paths["r"], "SELECT entry, status, reason FROM sync_log WHERE device = 'kiosk'")}
    assert got["kiosk@mark-2"][0] == "quarantined" and "unknown table" in got["kiosk@mark-2"][1]
    assert got["kiosk@mark-3"] == ("quarantined", "attendance marks that are not lists of people present and absent")
    assert got["kiosk@mark-4"] == ("pending", "unknown attendee WNOBODY99")
    assert walkins(day, "r", [w1]) == set()                  # none of them keeps W1
    # the same rule for a badge: another desk's revocation of W1's badge, dated an hour before the
    # entry that carries it, is quarantined at once (it waited for W1 first, and revived them here
    # only — a device that had W1 before would quarantine it and take W1 back)
    day.add("desk2", role="desk")
    backdated = {"serial": f"{w1}-1", "attendee_id": w1, "issue": 1, "action": "revoke",
                 "at": "2023-06-14T08:00:00+09:00"}
    engine.receive(forge(day, "desk2", [("badge", backdated)]), source="desk2")
    status, reason = rows(day.paths["r"], "SELECT status, reason FROM sync_log WHERE device = 'desk2'")[0]
    assert status == "quarantined" and "before the entry that carries it" in reason
    assert walkins(day, "r", [w1]) == set()
    # the good mark (the same, well made) brings W1 back at once
    engine.receive(forge(day, "kiosk", [("meeting", body)], start=4,
                         prev=rows(day.paths["r"], "SELECT link FROM sync_log WHERE device = 'kiosk' AND n = 3")[0][0]),
                   source="kiosk")
    assert walkins(day, "r", [w1]) == {w1}
    assert rows(day.paths["r"], "SELECT status FROM sync_log WHERE device = 'kiosk' AND n = 4") == [("ok",)]


@pytest.mark.parametrize("order", list(itertools.permutations(["D", "M", "R", "K"])), ids="".join)
def test_a_walk_in_kept_only_by_a_device_revoked_later_goes_in_any_order(day, marked_day, order):  # noqa: F811
    """K: the meetings desk k2 is revoked too, every entry of it (its marks are no longer anyone's
    reliance): the walk-ins they kept are taken back, as on a device that heard of K first — all
    24 orders of the desk's log, the marks and the two revocations."""
    s = marked_day
    w0 = s["ids"][0]
    k2_statement = revocation(day.authority, "k2", event_id=EVENT, after=0, now=CLOCK.now(), reason="k2 lost")
    name = "p-" + "".join(order).lower()
    day.add(name)
    for what in order:
        engine = day.engine(name, now=at(18, 40))
        if what == "K":
            engine.add_statement(*k2_statement)
        else:
            deliver(engine, what, s)
    assert walkins(day, name, s["ids"]) == {w0}
    assert rows(day.paths[name], "SELECT device, status, reason FROM sync_log WHERE status != 'ok' AND kind = 'meeting' "
                                 "ORDER BY device, n") == [("desk", "quarantined", "after the device was revoked")] + [
        ("k2", "quarantined", "after the device was revoked")] * 2
    assert rows(day.paths[name], "SELECT count(*) FROM sync_log WHERE status = 'pending'") == [(0,)]
    assert rows(day.paths[name], "SELECT count(*) FROM meeting_edit") == [(0,)]
