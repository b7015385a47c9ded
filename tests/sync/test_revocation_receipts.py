"""A badge revocation counts from when a device other than its author first held it (issue 13,
left item 1). Found by an attack: a stolen desk that also sets its entry clock back signed a
revocation dated hours back, and every real check-in with that badge since was quarantined on
every device. Each device that takes in another's revocation signs a receipt (``seen``) with its
own clock; the revocation takes back other devices' check-ins only from the first receipt (less
5 minutes), whatever order entries arrive in — a bound the thief cannot forge."""

from kiosk import operations
from kiosk.models import badges
from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file

from .conftest import at
from .test_day_changes import KEY_PEM, day  # noqa: F401  (the fixture)
from .test_poison import forge
from .test_revocation_live import rows

OLD_BADGE = "A0001-1"


def payload(serial=OLD_BADGE):
    return badges.sign(badges.load_private_key(KEY_PEM), "IF23", serial)


def issued_everywhere(day):  # noqa: F811
    """The desk prints A0001's badge at 08:00; every device has it by 08:05."""
    store = open_event_db(day.paths["desk"])
    operations.issue_badge(store, "A0001", reissue=False, now=at(8, 0))
    store.close()
    desk_file = export_file(day.engine("desk", now=at(8, 5)))
    for name in day.paths:
        if name != "desk":
            import_file(day.engine(name, now=at(8, 5)), desk_file, "desk.sync")


def kiosk_scans(day, when, scan_id, list_id="entry"):  # noqa: F811
    store = open_event_db(day.paths["kiosk"])
    try:
        return operations.check_in(store, payload=payload(), list_id=list_id, device_id="kiosk", scan_id=scan_id,
                                   now=when).result.code
    finally:
        store.close()


def stolen_desk_revocation(day, at_="2023-06-14T09:00:00+09:00"):  # noqa: F811
    """The thief's bundle: a revocation of A0001-1 dated 09:00 in an entry whose clock says 09:00
    (the desk's clock set back), signed with the desk's real key after its real entries."""
    n, link = day.engine("desk").heads()["desk"]
    body = {"serial": OLD_BADGE, "attendee_id": "A0001", "issue": 1, "action": "revoke", "at": at_}
    return forge(day, "desk", [("badge", body)], start=n + 1, prev=link)


def checked_in(day, name, scan_id):  # noqa: F811
    return rows(day.paths[name], "SELECT count(*) FROM checkin WHERE scan_id = ?", (scan_id,)) == [(1,)]


def test_a_stolen_desk_with_its_clock_set_back_cannot_take_back_earlier_check_ins(day):  # noqa: F811
    issued_everywhere(day)
    assert kiosk_scans(day, at(10, 0), "real-1000") == "OK"
    kiosk_file = export_file(day.engine("kiosk", now=at(16, 0)))
    forged = stolen_desk_revocation(day)
    # k2: the check-ins first, then the revocation (at 18:00)
    k2 = day.engine("k2")
    import_file(k2, kiosk_file, "kiosk.sync")
    result = k2.receive(forged, source="desk")
    assert result.quarantined == 0                      # a plausible revocation: it is taken in ...
    assert rows(day.paths["k2"], "SELECT revoked_at FROM badge WHERE serial = ?", (OLD_BADGE,)) == \
        [("2023-06-14T09:00:00+09:00",)]
    assert checked_in(day, "k2", "real-1000")           # ... and takes back nothing held before it arrived
    # k3: the revocation first, then the check-ins (and k2's receipt, signed at 18:00)
    day.add("k3")
    k3 = day.engine("k3", now=at(18, 30))
    import_file(k3, export_file(day.engine("desk", now=at(8, 5))), "desk.sync")
    k3.receive(forged, source="desk")
    import_file(k3, kiosk_file, "kiosk.sync")
    import_file(k3, export_file(day.engine("k2")), "k2.sync")
    for name in ("k2", "k3"):
        assert checked_in(day, name, "real-1000"), name
        assert rows(day.paths[name], "SELECT status FROM sync_log WHERE key = 'real-1000'") == [("ok",)]
    # the receipts say when each device held it; the first one (k2, 18:00) is what counts everywhere
    assert rows(day.paths["k3"], "SELECT seen_by, seen_at FROM badge_revocation_seen ORDER BY seen_by") == \
        [("k2", "2023-06-14T18:00:00+09:00"), ("k3", "2023-06-14T18:30:00+09:00")]
    # from then on the revocation holds: the old badge let in at 18:10 by a kiosk that had not heard
    # is taken back on every device
    assert kiosk_scans(day, at(18, 10), "late-1810", list_id="reception") == "OK"
    kiosk_file = export_file(day.engine("kiosk", now=at(18, 15)))
    for name, now in (("k2", at(19, 0)), ("k3", at(19, 0))):
        import_file(day.engine(name, now=now), kiosk_file, "kiosk.sync")
        assert rows(day.paths[name], "SELECT status, reason FROM sync_log WHERE key = 'late-1810'") == \
            [("quarantined", "re-checked here: badge A0001-1 was revoked before the scan")], name
        assert checked_in(day, name, "real-1000")


def test_the_author_alone_takes_back_nothing_until_another_device_holds_it(day):  # noqa: F811
    """An honest desk re-issues a lost badge at 10:00; the hub holds the revocation at 10:01. The
    kiosk, offline, let the old badge in at 10:30: taken back on every device, the desk too —
    but only once the hub's receipt reaches it."""
    issued_everywhere(day)
    store = open_event_db(day.paths["desk"])
    operations.issue_badge(store, "A0001", reissue=True, now=at(10, 0))
    store.close()
    desk_file = export_file(day.engine("desk", now=at(10, 1)))
    import_file(day.engine("k2", now=at(10, 1)), desk_file, "desk.sync")           # k2: the hub
    assert kiosk_scans(day, at(10, 30), "late") == "OK"                             # the offline kiosk
    kiosk_file = export_file(day.engine("kiosk", now=at(12, 0)))
    desk = day.engine("desk", now=at(12, 0))
    import_file(desk, kiosk_file, "kiosk.sync")
    assert checked_in(day, "desk", "late")              # the author's own word is not enough
    import_file(desk, export_file(day.engine("k2", now=at(12, 0))), "k2.sync")
    assert not checked_in(day, "desk", "late")
    assert rows(day.paths["desk"], "SELECT status FROM sync_log WHERE key = 'late'") == [("quarantined",)]
    import_file(day.engine("k2", now=at(12, 0)), kiosk_file, "kiosk.sync")
    assert rows(day.paths["k2"], "SELECT status FROM sync_log WHERE key = 'late'") == [("quarantined",)]


def test_forged_receipts_change_nothing(day):  # noqa: F811
    """A receipt in another device's name, or the author's receipt of its own revocation, is
    quarantined; an early receipt never makes a revocation count before its own date."""
    issued_everywhere(day)
    assert kiosk_scans(day, at(9, 30), "before") == "OK"
    store = open_event_db(day.paths["desk"])
    operations.issue_badge(store, "A0001", reissue=True, now=at(10, 0))
    store.close()
    k2 = day.engine("k2", now=at(18, 0))
    import_file(k2, export_file(day.engine("kiosk", now=at(9, 40))), "kiosk.sync")
    import_file(k2, export_file(day.engine("desk", now=at(10, 0))), "desk.sync")
    desk_n, desk_link = k2.heads()["desk"]
    receipt = {"by": "kiosk", "device": "desk", "n": desk_n, "serial": OLD_BADGE, "at": "2023-06-14T08:00:00+09:00"}
    own = k2.receive(forge(day, "desk", [("seen", dict(receipt, by="desk"))], start=desk_n + 1, prev=desk_link),
                     source="desk")
    kiosk_n, kiosk_link = k2.heads()["kiosk"]
    # the kiosk (honest or stolen) says it held the revocation at 08:00, before it was made; and in k3's name
    forged = k2.receive(forge(day, "kiosk", [("seen", receipt), ("seen", dict(receipt, by="k3"))],
                              start=kiosk_n + 1, prev=kiosk_link), source="kiosk")
    assert own.quarantined == 1 and forged.quarantined == 1 and forged.applied == 1
    reasons = sorted(q["reason"] for q in k2.quarantined())
    assert reasons == ["a device does not vouch for receiving its own revocation",
                       "a receipt in another device's name"]
    assert checked_in(day, "k2", "before")      # 09:30: before the revocation's own date, whatever the receipt
    assert rows(day.paths["k2"], "SELECT seen_by, seen_at FROM badge_revocation_seen ORDER BY seen_by") == \
        [("k2", "2023-06-14T18:00:00+09:00"), ("kiosk", "2023-06-14T08:00:00+09:00")]


def test_running_daemons_sign_and_carry_receipts(day):  # noqa: F811
    """The real path: the desk re-issues a badge with the command line while `sync serve` runs on the
    desk and two kiosks (clocks at 18:00 on the first day); each kiosk signs that it holds the
    revocation, and every device ends with both receipts and the same verdicts."""
    from .test_day_changes import cli
    from .test_network import Daemons
    from .test_revocation_live import wait_for

    daemons = Daemons(day)
    try:
        for name in ("desk", "kiosk", "k2"):
            daemons.start(name)
        for extra, when in (((), "2023-06-14T17:50"), (("--reissue",), "2023-06-14T18:00")):
            done = cli("badges", "--key", day.key_path, "--out", day.folder / "printed", "--attendee", "A0001",
                       *extra, "--now", when, "--db", day.paths["desk"])
            assert done.returncode == 0, done.stderr
        receipts = "SELECT seen_by FROM badge_revocation_seen ORDER BY seen_by"
        wait_for(lambda: all(rows(day.paths[n], receipts) == [("k2",), ("kiosk",)] for n in day.paths),
                 what="both kiosks' receipts on every device")
    finally:
        daemons.stop_all()
    for name in day.paths:
        assert rows(day.paths[name], "SELECT count(*) FROM sync_log WHERE status != 'ok'") == [(0,)], name
        assert rows(day.paths[name], "SELECT device, status FROM sync_log WHERE kind = 'seen' ORDER BY device") == \
            [("k2", "ok"), ("kiosk", "ok")], name


def test_a_receipt_a_merge_made_is_signed_in_that_merge(day):  # noqa: F811
    """A merge that takes in another device's revocation writes this device's receipt and signs it
    into the log in the same transaction; a later merge (which skips collecting when nothing was
    written since) neither loses it nor signs it twice."""
    issued_everywhere(day)
    store = open_event_db(day.paths["desk"])
    operations.issue_badge(store, "A0001", reissue=True, now=at(10, 0))
    store.close()
    k2 = day.engine("k2", now=at(10, 1))
    import_file(k2, export_file(day.engine("desk", now=at(10, 1))), "desk.sync")
    receipts = "SELECT count(*) FROM sync_log WHERE device = 'k2' AND kind = 'seen'"
    assert rows(day.paths["k2"], "SELECT count(*) FROM badge_revocation_seen WHERE seen_by = 'k2'") == [(1,)]
    assert rows(day.paths["k2"], receipts) == [(1,)]
    import_file(k2, export_file(day.engine("kiosk", now=at(10, 2))), "kiosk.sync")
    assert rows(day.paths["k2"], receipts) == [(1,)]
