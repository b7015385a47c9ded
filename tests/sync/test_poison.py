"""One enrolled device that is buggy or stolen signs whatever it likes. Every entry is checked
before it touches a row; a bad one is quarantined (kept, listed, skipped) and never stops what
comes after it — on the file path and in a direct merge (the network path runs the same merge)."""

import json
import sqlite3

import pytest

from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file
from kiosk.sync.identity import revocation
from kiosk.sync.log import genesis, link, sign_entry

from .conftest import CLOCK, EVENT, at, snapshot


def scan(device, scan_id, attendee="A0100", when="2023-06-14T09:00:00+09:00", list_id="entry", code="OK"):
    return "scan", {"scan_id": scan_id, "list_id": list_id, "device_id": device, "scanned_at": when,
                    "payload": "manual", "serial": None, "attendee_id": attendee, "code": code,
                    "detail": "{}"}


def state(room="101", start="2023-06-14T14:00:00+09:00", end="2023-06-14T15:00:00+09:00", status="scheduled",
          notice=""):
    return json.dumps({"room_id": room, "start": start, "end": end, "status": status, "notice": notice})


def edit(device, key, session="d1-masterclass2", hlc="001686733200000.00000", at_="2023-06-14T18:00:00+09:00",
         after=None, before=None, undo_of=None):
    return "edit", {"edit_key": key, "hlc": hlc, "session_id": session, "kinds": "move", "role": "volunteer",
                    "device_id": device, "by_name": "x", "at": at_, "before": before or state(),
                    "after": after or state(room="204"), "reason": "", "undo_of_key": undo_of}


def forge(fleet, device, entries, start=1, prev=None):
    """Sign ``entries`` as ``device`` (which holds its real key: a stolen or buggy device)."""
    identity = fleet.identity(device)
    prev = prev or genesis(EVENT, device)
    items = []
    for i, (kind, body) in enumerate(entries):
        entry, sig = sign_entry(identity, event_id=EVENT, n=start + i, prev=prev, t="2023-06-14T09:00:00+09:00",
                                kind=kind, body=body)
        prev = link(entry, sig)
        items.append([entry, sig])
    return {"roster": [list(identity.enrolment)], "runs": {device: {"from": start, "entries": items}}}


def real_work(fleet):
    conn = open_event_db(fleet.paths["a"])
    conn.checkins.check_in(payload="manual", manual_attendee="A0100", list_id="entry", device_id="a",
                                scan_id="real-1", now=at(10, 0))
    conn.schedule.edit("d1-masterclass2", room="205", by="Mina", role="volunteer", device_id="a", now=at(11, 0))
    real_key = conn.execute("SELECT edit_key FROM session_edit").fetchone()[0]
    conn.close()
    import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync")
    return real_key


def poison_entries(dev, real_edit_key=None):
    """What a stolen or buggy device ``dev`` signs: each entry would have poisoned a real device."""
    return {
        "unknown attendee": scan(dev, "p1", attendee="Z9999"),
        "attendee id not an id": scan(dev, "p2", attendee="A0100'; DROP TABLE scan; --"),
        "dated 2099": scan(dev, "p3", when="2099-01-01T00:00:00+09:00"),
        "dated year 1 (would take a real check-in)": scan(dev, "p4", when="0001-01-01T00:00:00+00:00"),
        "overwrites a real scan": scan(dev, "real-1", attendee="A0100", code="INVALID"),
        "not a time": scan(dev, "p5", when="yesterday"),
        "no time zone": scan(dev, "p6", when="2023-06-14T09:00:00"),
        "unknown list": scan(dev, "p7", list_id="vip-lounge"),
        "in another device's name": scan("a", "p8"),
        "unknown verdict": scan(dev, "p9", code="WELCOME"),
        "OK without attendee": scan(dev, "p10", attendee=None),
        "wrong shape": ("scan", {"scan_id": ["x"], "list_id": {}, "device_id": "c"}),
        "max clock cancels for good": edit(dev, "k1", hlc="999999999999999.99999",
                                            after=state(status="cancelled", notice="gone")),
        "notice over the cap": edit(dev, "k2", after=state(notice="x" * 1000)),
        "moved to 1999": edit(dev, "k3", after=state(start="1999-06-14T14:00:00+09:00", end="1999-06-14T15:00:00+09:00")),
        "ends before it starts": edit(dev, "k4", after=state(start="2023-06-14T16:00:00+09:00")),
        "unknown room": edit(dev, "k5", after=state(room="999")),
        "unknown session": edit(dev, "k6", session="d9-nothing"),
        "after is not JSON": edit(dev, "k7", after="{not json"),
        "takes a real edit's key": edit(dev, real_edit_key or "k8", after=state(status="cancelled")),
        "kind not allowed for a kiosk": ("window", {"list_id": "entry"}),
        "unknown kind": ("teleport", {}),
    }


def test_poison_entries_are_quarantined_and_good_ones_after_them_apply(fleet):
    real_key = real_work(fleet)
    poison = poison_entries("c", real_key)
    entries = list(poison.values()) + [scan("c", "good-after", attendee="A0101"),
                                       edit("c", "good-edit", session="d1-reception", after=state(room="203"),
                                            hlc="001686733300000.00000")]
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "c", entries), source="c")
    assert result.refused == []
    assert result.entries == len(entries) and result.applied == 2
    listed = {(q["n"], q["status"]) for q in b.quarantined()}
    assert len(listed) == len(poison)
    assert (1, "pending") in listed                  # an attendee not seen yet may still be registered later
    conn = sqlite3.connect(fleet.paths["b"])
    # the real check-in and the real edit stand; nothing of the poison reached a row
    assert conn.execute("SELECT scan_id, device_id FROM checkin WHERE attendee_id = 'A0100' AND list_id = 'entry'"
                        ).fetchall() == [("real-1", "a")]
    assert conn.execute("SELECT code FROM scan WHERE scan_id = 'real-1'").fetchone() == ("OK",)
    assert conn.execute("SELECT room_id, status FROM session WHERE id = 'd1-masterclass2'").fetchone() == ("205",
                                                                                                       "scheduled")
    assert conn.execute("SELECT count(*) FROM scan WHERE scan_id LIKE 'p%'").fetchone() == (0,)
    assert conn.execute("SELECT max(length(notice)) FROM session").fetchone()[0] <= 300
    assert conn.execute("SELECT room_id FROM session WHERE id = 'd1-reception'").fetchone() == ("203",)
    assert conn.execute("SELECT count(*) FROM checkin WHERE scan_id = 'good-after'").fetchone() == (1,)
    conn.close()
    # the desk still opens and checks in; later edits on b and a still save and still sync
    conn = open_event_db(fleet.paths["b"])
    store = conn.checkins
    assert store.check_in(payload="manual", manual_attendee="A0102", list_id="entry", device_id="b",
                          scan_id="later", now=at(12, 0)).code == "OK"
    conn.schedule.edit("d1-masterclass2", room="206", by="Jun", role="volunteer", device_id="b", now=at(12, 0))
    conn.close()
    # the poison travels on (so every device reaches the same verdict) and is quarantined there too
    a = fleet.engine("a")
    again = import_file(a, export_file(fleet.engine("b")), "b.sync")
    assert again.quarantined == len(poison) - 1 and again.pending == 1
    conn = sqlite3.connect(fleet.paths["a"])
    assert conn.execute("SELECT room_id FROM session WHERE id = 'd1-masterclass2'").fetchone() == ("206",)
    conn.close()


def test_a_pending_scan_applies_once_what_it_refers_to_arrives(fleet):
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "c", [("undo", {"scan_id": "later-scan", "undone_at": "2023-06-14T10:00:00+09:00",
                                                      "device_id": "c"})]), source="c")
    assert result.pending == 1 and result.applied == 0
    c_prev = json.loads(json.dumps(forge(fleet, "c", [("undo", {"scan_id": "later-scan",
                                                                "undone_at": "2023-06-14T10:00:00+09:00",
                                                                "device_id": "c"})])))
    prev = link(*c_prev["runs"]["c"]["entries"][0])
    result = b.receive(forge(fleet, "c", [scan("c", "later-scan", attendee="A0110")], start=2, prev=prev), source="c")
    assert result.pending == 0 and result.applied == 2
    conn = sqlite3.connect(fleet.paths["b"])
    assert conn.execute("SELECT count(*) FROM checkin WHERE attendee_id = 'A0110'").fetchone() == (0,)   # undone
    conn.close()


def test_forged_or_out_of_order_runs_are_refused_and_others_still_merge(fleet):
    b = fleet.engine("b")
    before = snapshot(fleet.paths["b"])
    good = forge(fleet, "c", [scan("c", "s1", attendee="A0120"), scan("c", "s2", attendee="A0121")])
    items = good["runs"]["c"]["entries"]
    cases = {
        "changed entry text": [[items[0][0].replace("A0120", "A0122"), items[0][1]], items[1]],
        "changed middle signature": [[items[0][0], items[0][1][:-4] + "AAA="], items[1]],
        "last signature of another device": [items[0], [items[1][0], fleet_sig(fleet, "a", items[1][0])]],
        "reordered": [items[1], items[0]],
        "oversize entry": [[items[0][0] + " " * 5000, items[0][1]]],
        "not pairs": [["x"]],
    }
    for name, run in cases.items():
        result = b.receive({"runs": {"c": {"from": 1, "entries": run}}}, source="hostile")
        assert len(result.refused) == 1, name
        assert snapshot(fleet.paths["b"]) == before, name
    # a gap (entries 5.. without 1..4) and an unenrolled author are refused too
    assert b.receive({"runs": {"c": {"from": 5, "entries": items}}}, source="h").refused
    assert b.receive({"runs": {"mallory": {"from": 1, "entries": items}}}, source="h").refused
    # in one bundle, a forged run does not stop a genuine one
    mixed = forge(fleet, "c", [scan("c", "s1", attendee="A0120")])
    mixed["runs"]["a"] = {"from": 1, "entries": [items[0]]}
    result = b.receive(mixed, source="mixed")
    assert result.applied == 1 and len(result.refused) == 1
    assert b.refused()[0]["source"] == "mixed"


def test_a_signed_entry_text_that_is_not_exactly_one_json_object_is_refused(fleet):
    """The entry parser reads one JSON value and insists it spans the whole signed text (the fast
    parse must refuse what json.loads refused, and what it would have let through)."""
    b = fleet.engine("b")
    good = forge(fleet, "c", [scan("c", "s1", attendee="A0120")])
    b.receive({"roster": good["roster"], "runs": {}}, source="c")
    before = snapshot(fleet.paths["b"])
    text = good["runs"]["c"]["entries"][0][0]
    cases = {
        "trailing bytes": text + " x",
        "two values": text + text,
        "a trailing newline": text + "\n",
        "leading space": " " + text,
        "a byte-order mark": "\ufeff" + text,
        "cut short": text[:-1],
        "an array": "[" + text + "]",
        "nested too deeply": "[" * 2000 + "]" * 2000,
        "empty": "",
    }
    for name, raw in cases.items():
        run = [[raw, fleet_sig(fleet, "c", raw)]]
        result = b.receive({"runs": {"c": {"from": 1, "entries": run}}}, source="hostile")
        assert len(result.refused) == 1 and ("not JSON" in result.refused[0] or "not an entry" in result.refused[0]
                                             or "too long" in result.refused[0]), (name, result.refused)
        assert snapshot(fleet.paths["b"]) == before, name
    assert b.receive(good, source="c").applied == 1        # the genuine entry still goes in


def test_a_run_of_hundreds_keeps_each_entrys_own_verdict_and_row(fleet):
    """Log rows go in 100 to a statement: every row of a long run is written once, in order,
    with its own status — a bad entry in the middle is quarantined alone."""
    b = fleet.engine("b")
    attendees = [r[0] for r in sqlite3.connect(fleet.paths["b"]).execute("SELECT id FROM attendee ORDER BY id")]
    entries = [scan("c", f"big-{i}", attendee=attendees[i % len(attendees)], list_id="entry", code="OK",
                    when="2023-06-14T09:00:00+09:00" if i % 2 else "2023-06-15T19:00:00+09:00") for i in range(250)]
    entries[150] = scan("c", "big-150", attendee="Z9999")            # unknown: waits (pending)
    entries[199] = scan("c", "big-199", when="2099-01-01T00:00:00+09:00")     # quarantined
    result = b.receive(forge(fleet, "c", entries), source="c")
    assert (result.entries, result.applied, result.pending, result.quarantined) == (250, 248, 1, 1)
    conn = sqlite3.connect(fleet.paths["b"])
    rows = conn.execute("SELECT n, key, status FROM sync_log WHERE device = 'c' ORDER BY n").fetchall()
    assert [r[0] for r in rows] == list(range(1, 251))
    assert [r[1] for r in rows] == [f"big-{i}" for i in range(250)]
    assert {r[0]: r[2] for r in rows if r[2] != "ok"} == {151: "pending", 200: "quarantined"}
    assert conn.execute("SELECT count(*) FROM scan WHERE scan_id LIKE 'big-%'").fetchone() == (248,)
    conn.close()


def fleet_sig(fleet, device, entry):
    import hashlib

    from kiosk.sync.identity import b64
    from kiosk.sync.log import ENTRY_DOMAIN

    return b64(fleet.identity(device).sign(ENTRY_DOMAIN + hashlib.sha256(entry.encode()).digest()))


def test_a_fork_of_a_log_is_refused(fleet):
    b = fleet.engine("b")
    b.receive(forge(fleet, "c", [scan("c", "s1", attendee="A0130")]), source="c")
    other = forge(fleet, "c", [scan("c", "s1-other", attendee="A0131")])      # same number, other content
    result = b.receive(other, source="c-again")
    assert result.refused and "fork" in result.refused[0]


def test_edit_keys_are_unpredictable_and_a_claimed_key_breaks_nothing(fleet):
    conn = open_event_db(fleet.paths["a"])
    s = conn.schedule
    s.edit("d1-masterclass2", room="204", by="x", role="volunteer", device_id="a", now=at(10, 0))
    s.edit("d1-masterclass2", room="205", by="x", role="volunteer", device_id="a", now=at(10, 0))
    keys = [r[0] for r in conn.execute("SELECT edit_key FROM session_edit")]
    assert len(set(keys)) == 2 and all(len(k) == 32 and "a@" not in k for k in keys)
    # a hostile device claims the key the old scheme would have given a's next edit
    hlc = conn.execute("SELECT hlc FROM sync_clock").fetchone()[0]
    guess = f"a@{hlc[:-5]}{int(hlc[-5:]) + 1:05d}"
    fleet.engine("a", conn).receive(forge(fleet, "c", [edit("c", guess)]), source="c")
    s.edit("d1-masterclass2", room="206", by="x", role="volunteer", device_id="a", now=at(10, 0))
    assert conn.execute("SELECT room_id FROM session WHERE id = 'd1-masterclass2'").fetchone()[0] == "206"


def test_a_revoked_device_stops_counting_after_its_cut_off_everywhere(fleet):
    b = fleet.engine("b")
    b.receive(forge(fleet, "c", [scan("c", "before-theft", attendee="A0140"),
                                 scan("c", "after-theft", attendee="A0141")]), source="c")
    conn = sqlite3.connect(fleet.paths["b"])
    assert conn.execute("SELECT count(*) FROM checkin WHERE attendee_id IN ('A0140', 'A0141')").fetchone() == (2,)
    statement, sig = revocation(fleet.authority, "c", event_id=EVENT, after=1, now=CLOCK.now(), reason="stolen")
    b.add_statement(statement, sig)
    assert conn.execute("SELECT attendee_id FROM checkin WHERE attendee_id IN ('A0140', 'A0141')").fetchall() == \
        [("A0140",)]
    conn.close()
    # the revocation travels to a, which then never takes c's later entries
    a = fleet.engine("a")
    import_file(a, export_file(fleet.engine("b")), "b.sync")
    assert a.roster.members["c"].cut_off == 1
    conn = sqlite3.connect(fleet.paths["a"])
    assert conn.execute("SELECT attendee_id FROM checkin WHERE attendee_id IN ('A0140', 'A0141')").fetchall() == \
        [("A0140",)]
    conn.close()
    # and a file c makes now is refused
    from kiosk.models.errors import KioskError

    with pytest.raises(KioskError):
        import_file(fleet.engine("a"), export_file(fleet.engine("c")), "c.sync")
    # c itself refuses to sync once it learns of its revocation
    with pytest.raises(KioskError) as err:
        cconn = open_event_db(fleet.paths["c"])
        cconn.execute("INSERT INTO sync_roster VALUES ('revoke:c:1', ?, ?)", (statement, sig))
        fleet.engine("c", cconn)
    assert err.value.code == "sync_revoked"



def test_a_clock_reading_pinned_at_the_end_of_the_event_cannot_freeze_later_edits(fleet):
    """Found by an attack: a stolen kiosk signed an edit whose clock read 1 ms before the last
    accepted instant with a full counter. Every device took it, its own clock jumped there, the
    next honest edit's counter overflowed to six digits and sorted *before* the forged one as
    text — so the session stayed cancelled and the honest edits were quarantined everywhere."""
    conn = open_event_db(fleet.paths["b"])
    latest_ms = int(at(0, 0, day=18).timestamp() * 1000) - 1          # last day 16 June + 1 day margin
    pinned = edit("c", "pin", session="d1-reception", hlc=f"{latest_ms:015d}.99999",
                  after=state(room="203", status="cancelled", notice="cancelled"))
    b = fleet.engine("b", conn)
    result = b.receive(forge(fleet, "c", [pinned]), source="c")
    assert result.applied == 0 and result.pending == 1     # waits: it runs far ahead of this device's clock
    conn.schedule.edit("d1-reception", room="204", by="Mina", role="volunteer", device_id="b", now=CLOCK.now())
    assert conn.execute("SELECT room_id, status FROM session WHERE id = 'd1-reception'").fetchone() == \
        ("204", "scheduled")
    hlc = conn.execute("SELECT hlc FROM sync_clock").fetchone()[0]
    assert len(hlc) == 21 and hlc < f"{latest_ms:015d}"


def test_the_clock_counter_carries_instead_of_growing_a_digit(fleet):
    from kiosk.models.schedule import next_hlc
    conn = open_event_db(fleet.paths["b"])
    ms = int(CLOCK.now().timestamp() * 1000) + 5
    conn.execute("INSERT INTO sync_clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc",
                 (f"{ms:015d}.99999",))
    with conn.atomic():
        reading = next_hlc(conn, CLOCK.now())
    assert reading == f"{ms + 1:015d}.00000" and reading > f"{ms:015d}.99999"
