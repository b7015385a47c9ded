"""Reference data that changes on the day travels: a badge re-issued on the organiser's laptop
reaches a kiosk copied before it, so the kiosk refuses the old badge and accepts the new one."""

import sqlite3

from kiosk import operations
from kiosk.models import badges
from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file

from .conftest import at
from .test_poison import forge


def test_a_reissue_on_the_organiser_laptop_reaches_a_kiosk_copied_before_it(built_db, tmp_path):
    from tests.sync.conftest import Fleet

    pem, raw = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    base = tmp_path / "event.db"
    base.write_bytes(built_db.read_bytes())
    store = open_event_db(base)
    operations.register_key(store, raw, now=at(8, 0))
    old = badges.sign(key, store.checkins.prefix, operations.issue_badge(store, "A0001", reissue=False,
                                                                          now=at(8, 0)).result)
    store.close()
    fleet = Fleet(base, tmp_path / "fleet")
    fleet.add("org", role="organiser")
    fleet.add("kiosk")                                   # copied now: it knows badge A0001-1
    org = open_event_db(fleet.paths["org"])
    new = badges.sign(key, org.checkins.prefix, operations.issue_badge(org, "A0001", reissue=True,
                                                                        now=at(9, 0)).result)
    org.close()
    kiosk = open_event_db(fleet.paths["kiosk"])
    before = [operations.check_in(kiosk, payload=p, list_id="entry", device_id="kiosk", scan_id=f"s{i}",
                                  now=at(10, i)).result.code for i, p in enumerate((old, new))]
    # the stale kiosk: the old badge still passes; the new one, signed by the event's key and a newer
    # issue of an attendee it knows, is taken on its signature (pretixSCAN's rule for offline tickets)
    assert before == ["OK", "ALREADY"]
    result = import_file(fleet.engine("kiosk", kiosk), export_file(fleet.engine("org")), "org.sync")
    assert result.applied == 2 and result.quarantined == 0 and "badge" in result.reference
    after = [operations.check_in(kiosk, payload=p, list_id="reception", device_id="kiosk", scan_id=f"t{i}",
                                 now=at(19, i)).result.code for i, p in enumerate((old, new))]
    assert after == ["REVOKED", "OK"]
    assert fleet.engine("kiosk", kiosk).quarantined() == []
    # the badge issued with the event data was not signed again by anyone
    conn = sqlite3.connect(fleet.paths["org"])
    assert [r[0] for r in conn.execute("SELECT key FROM sync_log WHERE kind = 'badge' ORDER BY key")] == \
        ["A0001-1/revoke", "A0001-2/issue"]
    conn.close()


def test_a_kiosk_may_not_issue_or_revoke_badges(fleet):
    body = {"serial": "A0002-5", "attendee_id": "A0002", "issue": 5, "action": "issue",
            "at": "2023-06-14T09:00:00+09:00"}
    result = fleet.engine("b").receive(forge(fleet, "c", [("badge", body)]), source="c")
    assert result.quarantined == 1
    assert "may not write badge" in fleet.engine("b").quarantined()[0]["reason"]


def test_a_signed_badge_of_an_attendee_this_device_never_saw_is_unknown(fleet, tmp_path):
    pem, raw = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    store = open_event_db(fleet.paths["a"])
    operations.register_key(store, raw, now=at(8, 0))
    known_newer = badges.sign(key, store.checkins.prefix, "A0003-2")     # A0003 has no badge here at all
    verdict = operations.check_in(store, payload=known_newer, list_id="entry", device_id="a", scan_id="u1",
                                  now=at(10, 0)).result
    assert verdict.code == "UNKNOWN"
    store.badges.current_badge("A0004", reissue=False, now=at(8, 0))    # A0004-1 known (a kiosk may not issue it)
    older = badges.sign(key, store.checkins.prefix, "A0004-1")
    newer = badges.sign(key, store.checkins.prefix, "A0004-3")
    assert operations.check_in(store, payload=newer, list_id="entry", device_id="a", scan_id="u2",
                               now=at(10, 1)).result.code == "OK"
    assert operations.check_in(store, payload=older, list_id="reception", device_id="a", scan_id="u3",
                               now=at(19, 0)).result.code == "OK"      # not revoked here (yet): a limit


def test_revoking_a_stolen_desk_takes_back_the_badges_it_revoked_and_issued(fleet):
    """Found by an attack: a stolen desk revoked a real badge (and issued a fake one); revoking the
    desk quarantined its entries but the real badge still scanned REVOKED."""
    from kiosk.sync.identity import revocation
    from tests.sync.conftest import CLOCK, EVENT

    fleet.add("desk9", role="desk")
    conn = sqlite3.connect(fleet.paths["b"], isolation_level=None)
    serial, attendee = "A0002-1", "A0002"            # a badge printed before the event, known to b
    conn.execute("INSERT INTO badge (serial, attendee_id, issue, issued_at) VALUES (?, ?, 1, ?)",
                 (serial, attendee, "2023-06-01T09:00:00+09:00"))
    issue = 7
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "desk9", [
        ("badge", {"serial": serial, "attendee_id": attendee, "issue": int(serial.rsplit("-", 1)[1]),
                   "action": "revoke", "at": "2023-06-14T09:00:00+09:00"}),
        ("badge", {"serial": f"{attendee}-{issue}", "attendee_id": attendee, "issue": issue, "action": "issue",
                   "at": "2023-06-14T09:01:00+09:00"})]), source="desk9")
    assert result.applied == 2
    assert conn.execute("SELECT revoked_at FROM badge WHERE serial = ?", (serial,)).fetchone()[0] is not None
    statement, sig = revocation(fleet.authority, "desk9", event_id=EVENT, after=0, now=CLOCK.now(), reason="stolen")
    b.add_statement(statement, sig)
    assert conn.execute("SELECT revoked_at FROM badge WHERE serial = ?", (serial,)).fetchone() == (None,)
    assert conn.execute("SELECT count(*) FROM badge WHERE serial = ?", (f"{attendee}-{issue}",)).fetchone() == (0,)


def test_a_stolen_desks_backdated_revocation_does_not_undo_an_earlier_real_check_in(fleet):
    """Found by an attack: a stolen desk signed a revocation dated a year back; every check-in with
    that badge since was quarantined on every device. A revocation takes effect when it is made
    (not before the clock of the entry that carries it, nor before the badge was issued)."""
    from .test_poison import forge

    fleet.add("desk9", role="desk")
    serial = "A0002-1"
    for name in ("a", "b", "c"):
        conn = sqlite3.connect(fleet.paths[name], isolation_level=None)
        conn.execute("INSERT INTO badge (serial, attendee_id, issue, issued_at) VALUES (?, 'A0002', 1, ?)",
                     (serial, "2023-06-01T09:00:00+09:00"))
        conn.close()
    real = forge(fleet, "a", [("scan", {"scan_id": "real-a", "list_id": "entry", "device_id": "a",
                                        "scanned_at": "2023-06-14T10:00:00+09:00", "payload": "manual",
                                        "serial": serial, "attendee_id": "A0002", "code": "OK", "detail": "{}"})])
    revoke = lambda at_: ("badge", {"serial": serial, "attendee_id": "A0002", "issue": 1,   # noqa: E731
                                    "action": "revoke", "at": at_})
    # the entry's own clock is 09:00 (forge): one dated a year back, one dated before the badge was
    # issued; an honest one (made at its entry's time, 09:00) would stand
    stolen = forge(fleet, "desk9", [revoke("2022-07-01T00:00:00+09:00"), revoke("2023-05-01T00:00:00+09:00")])
    b, c = fleet.engine("b"), fleet.engine("c")
    b.receive(real, source="a")                   # b: the scan first, then the revocation
    assert b.receive(stolen, source="desk9").quarantined == 2
    c.receive(stolen, source="desk9")             # c: the other way round
    c.receive(real, source="a")
    for name in ("b", "c"):
        conn = sqlite3.connect(fleet.paths[name])
        assert conn.execute("SELECT scan_id FROM checkin WHERE attendee_id = 'A0002'").fetchall() == [("real-a",)]
        assert conn.execute("SELECT revoked_at FROM badge WHERE serial = ?", (serial,)).fetchone() == (None,)
        reasons = [q["reason"] for q in fleet.engine(name).quarantined() if q["device"] == "desk9"]
        assert len(reasons) == 2 and "before the entry that carries it" in reasons[0]
        assert "before the badge was issued" in reasons[1] or "before the entry" in reasons[1]
        conn.close()
