"""On a database enrolled in the sync, a change that could never travel is refused (found by an
attack: `list-window` and `register` on a kiosk's database, and `edit` stamped with the host's
name, were saved with exit 0 and stayed on that one device)."""

import sqlite3
import subprocess
import sys

from kiosk.sync.engine import export_file, import_file
from tests.conftest import ROOT


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True)


def count(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_a_kiosk_database_refuses_what_a_kiosk_may_not_sign(fleet):
    db = str(fleet.paths["a"])                  # a: enrolled as a kiosk
    done = cli("list-window", "gala", "--open", "2023-06-15T18:30", "--close", "2023-06-15T21:00", "--by", "Eve",
               "--now", "2023-06-14T12:00", "--db", db)
    assert done.returncode == 2 and "a is enrolled as a kiosk" in done.stderr, done.stderr
    done = cli("register", "--name", "Mallory", "--type", "vip", "--now", "2023-06-14T12:00", "--db", db)
    assert done.returncode == 2 and "may not register walk-ins" in done.stderr, done.stderr
    assert count(db, "SELECT count(*) FROM list_window_edit") == 0
    assert count(db, "SELECT count(*) FROM attendee WHERE registered_by IS NOT NULL") == 0


def test_a_change_made_as_another_device_is_refused_and_the_default_is_this_databases_identity(fleet):
    db = str(fleet.paths["a"])
    done = cli("edit", "d1-masterclass2", "--room", "205", "--by", "Mina", "--device", "lobby-1",
               "--now", "2023-06-14T12:00", "--db", db)
    assert done.returncode == 2 and "syncs as a" in done.stderr and "lobby-1" in done.stderr, done.stderr
    assert count(db, "SELECT count(*) FROM session_edit") == 0
    done = cli("edit", "d1-masterclass2", "--room", "205", "--by", "Mina", "--now", "2023-06-14T12:00", "--db", db)
    assert done.returncode == 0, done.stderr           # no --device: signed as a, and it travels
    assert count(db, "SELECT device_id FROM session_edit") == "a"
    result = import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync")
    assert result.edits == 1 and result.quarantined == 0


def test_a_database_that_does_not_sync_is_not_limited(built_db, tmp_path):
    db = tmp_path / "plain.db"
    db.write_bytes(built_db.read_bytes())
    done = cli("edit", "d1-masterclass2", "--room", "205", "--by", "Mina", "--device", "lobby-1",
               "--now", "2023-06-14T12:00", "--db", str(db))
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------- badges (issue 13, left item 2)
def _badge_key(fleet, tmp_path):
    from kiosk import operations
    from kiosk.models import badges
    from kiosk.models.database import open_event_db

    pem, raw = badges.generate_key_pair()
    key = tmp_path / "badge.pem"
    key.write_bytes(pem)
    key.chmod(0o600)
    for name in fleet.paths:
        store = open_event_db(fleet.paths[name])
        operations.register_key(store, raw, now=fleet_now())
        store.close()
    return key


def fleet_now():
    from .conftest import at

    return at(8, 0)


def test_a_kiosk_database_may_not_issue_or_revoke_badges(fleet, tmp_path):
    """A badge issued or re-issued (so the old one revoked) on a kiosk's database would be
    quarantined by every other device: refused where it is made, nothing written, no file."""
    import pytest

    from kiosk import operations
    from kiosk.models.database import open_event_db
    from kiosk.models.errors import KioskError

    key = _badge_key(fleet, tmp_path)
    db = fleet.paths["a"]                       # a: enrolled as a kiosk
    before = count(db, "SELECT group_concat(serial || ':' || coalesce(revoked_at, '-')) FROM badge")
    out = tmp_path / "out"
    done = cli("badges", "--key", str(key), "--out", str(out), "--attendee", "A0001", "--reissue",
               "--now", "2023-06-14T12:00", "--db", str(db))
    assert done.returncode == 2 and "a is enrolled as a kiosk" in done.stderr \
        and "may not issue or revoke badges" in done.stderr, done.stderr
    assert not out.exists() or not any(out.iterdir())          # no badge printed
    store = open_event_db(db)
    try:
        with pytest.raises(KioskError) as err:
            operations.issue_badge(store, "A0002", reissue=True, now=fleet_now())
        assert err.value.code == "sync_role_cannot_sign"
        assert store.badges.live_serial("A0003") is None       # a first badge is an issue too
        with pytest.raises(KioskError):
            operations.issue_badge(store, "A0003", reissue=False, now=fleet_now())
        with pytest.raises(KioskError) as err:                  # a walk-in with a badge: refused whole
            operations.register_attendee(store, name="Mallory", type_="vip", device_id="a", now=fleet_now())
    finally:
        store.close()
    assert count(db, "SELECT group_concat(serial || ':' || coalesce(revoked_at, '-')) FROM badge") == before
    assert count(db, "SELECT count(*) FROM attendee WHERE registered_by IS NOT NULL") == 0


def test_a_desk_database_issues_and_revokes_and_they_travel(fleet, tmp_path):
    from kiosk import operations
    from kiosk.models.database import open_event_db

    fleet.add("desk", role="desk")
    key = _badge_key(fleet, tmp_path)
    done = cli("badges", "--key", str(key), "--out", str(tmp_path / "out"), "--attendee", "A0001", "--reissue",
               "--now", "2023-06-14T12:00", "--db", str(fleet.paths["desk"]))
    assert done.returncode == 0, done.stderr
    result = import_file(fleet.engine("a"), export_file(fleet.engine("desk")), "desk.sync")
    assert result.quarantined == 0 and result.applied == 1 and "badge" in result.reference
    # reading the live badge on a kiosk (nothing new) is not a write: allowed
    store = open_event_db(fleet.paths["a"])
    try:
        assert operations.issue_badge(store, "A0001", reissue=False, now=fleet_now()).result == "A0001-1"
    finally:
        store.close()
    # a desk whose clock is wrong issues nothing (every device would quarantine the badge)
    done = cli("badges", "--key", str(key), "--out", str(tmp_path / "out2"), "--attendee", "A0002",
               "--now", "2026-11-29T10:00", "--db", str(fleet.paths["desk"]))
    assert done.returncode == 2 and "clock says 2026-11-29" in done.stderr, done.stderr
    assert count(fleet.paths["desk"], "SELECT count(*) FROM badge WHERE attendee_id = 'A0002'") == 0


def test_a_stolen_kiosks_badge_entries_in_a_file_are_quarantined(fleet):
    """A kiosk whose software was changed to sign badge entries anyway: its file is authentic
    (its own key), and every badge entry in it is quarantined; its scans still count."""
    from kiosk.models.database import open_event_db
    from kiosk.sync.log import genesis, link, sign_entry

    from .conftest import EVENT
    from .test_poison import scan

    identity = fleet.identity("c")
    prev = genesis(EVENT, "c")
    rows = []
    entries = [scan("c", "c-real"),
               ("badge", {"serial": "A0001-7", "attendee_id": "A0001", "issue": 7, "action": "issue",
                          "at": "2023-06-14T09:00:00+09:00"}),
               ("badge", {"serial": "A0002-1", "attendee_id": "A0002", "issue": 1, "action": "revoke",
                          "at": "2023-06-14T09:00:00+09:00"})]
    for n, (kind, body) in enumerate(entries, 1):
        entry, sig = sign_entry(identity, event_id=EVENT, n=n, prev=prev, t="2023-06-14T09:00:00+09:00",
                                kind=kind, body=body)
        prev = link(entry, sig)
        rows.append(("c", n, entry, sig, prev, kind, "k%d" % n, "ok", ""))
    conn = open_event_db(fleet.paths["c"])
    conn.executemany("INSERT INTO sync_log (device, n, entry, sig, link, kind, key, status, reason) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    before = count(fleet.paths["b"], "SELECT group_concat(serial || ':' || coalesce(revoked_at, '-')) FROM badge")
    result = import_file(fleet.engine("b"), export_file(fleet.engine("c")), "c.sync")
    assert result.quarantined == 2 and result.scans == 1
    reasons = [q["reason"] for q in fleet.engine("b").quarantined()]
    assert reasons == ["a kiosk device may not write badge"] * 2
    assert count(fleet.paths["b"], "SELECT group_concat(serial || ':' || coalesce(revoked_at, '-')) FROM badge") \
        == before


# ---------------------------------------------------------------- scans (issue 13, attack round 4, problem 2)
def _badge_payload(fleet, tmp_path, attendee="A0001"):
    """A real badge for ``attendee``: issued on a desk and carried to the kiosk ``a`` by file."""
    from kiosk import operations
    from kiosk.models import badges
    from kiosk.models.database import open_event_db

    if "desk" not in fleet.paths:
        fleet.add("desk", role="desk")
    key = _badge_key(fleet, tmp_path) if not (tmp_path / "badge.pem").exists() else tmp_path / "badge.pem"
    store = open_event_db(fleet.paths["desk"])
    try:
        serial = operations.issue_badge(store, attendee, reissue=False, now=fleet_now()).result
        prefix = store.checkins.prefix
    finally:
        store.close()
    import_file(fleet.engine("a"), export_file(fleet.engine("desk")), "desk.sync")
    return badges.sign(badges.load_private_key(key.read_bytes()), prefix, serial)


def test_checkin_on_a_synced_database_is_made_as_its_identity_and_travels(fleet, tmp_path):
    """`main.py checkin` defaulted to the host name: the scan was saved (rc 0) and decided
    ALREADY here, but never entered the sync log, so no other device ever had it."""
    import json

    payload = _badge_payload(fleet, tmp_path)
    db = str(fleet.paths["a"])
    done = cli("checkin", payload, "--list", "entry", "--now", "2023-06-14T10:01", "--db", db)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["device"] == "a"
    assert count(db, "SELECT group_concat(device_id) FROM scan") == "a"
    result = import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync")
    assert result.quarantined == 0
    assert count(fleet.paths["b"], "SELECT group_concat(device_id) FROM scan") == "a"
    assert count(fleet.paths["b"], "SELECT count(*) FROM checkin WHERE attendee_id = 'A0001'") == 1


def test_checkin_as_another_device_on_a_synced_database_is_refused(fleet, tmp_path):
    payload = _badge_payload(fleet, tmp_path)
    db = str(fleet.paths["a"])
    for device in ("desk", "vm", "b"):
        done = cli("checkin", payload, "--list", "entry", "--device", device, "--now", "2023-06-14T10:01",
                   "--db", db)
        # (checkin exits 1 for anything but OK; no verdict is printed)
        assert done.returncode == 1 and not done.stdout and "syncs as a" in done.stderr and device in done.stderr, \
            done.stderr
    assert count(db, "SELECT count(*) FROM scan") == 0
    assert count(db, "SELECT count(*) FROM checkin") == 0
    # the same id as the identity is fine
    done = cli("checkin", payload, "--list", "entry", "--device", "a", "--now", "2023-06-14T10:01", "--db", db)
    assert done.returncode == 0, done.stderr


def test_every_write_naming_a_device_refuses_another_one_on_a_synced_database(fleet):
    """Undo, meetings and walk-in registrations as well as scans (edits, windows: above)."""
    import pytest

    from kiosk import operations
    from kiosk.models.database import open_event_db
    from kiosk.models.errors import KioskError

    from .conftest import at

    fleet.add("desk", role="desk")
    store = open_event_db(fleet.paths["desk"])
    now = at(10, 0)
    meeting = store.execute("SELECT id FROM meeting ORDER BY id LIMIT 1").fetchone()[0]
    tables_before = {t: count(fleet.paths["desk"], f"SELECT count(*) FROM {t}")
                     for t in ("scan", "undone_checkin", "meeting_edit", "attendee")}
    calls = {
        "scan": lambda d: operations.check_in(store, payload="manual", manual_attendee="A0001", list_id="entry",
                                              device_id=d, scan_id="s1", now=now),
        "undo": lambda d: operations.undo_checkin(store, list_id="entry", device_id=d, now=now),
        "move": lambda d: operations.set_meeting_status(store, meeting, "held", by="Mina", role="staff",
                                                        device_id=d, now=now),
        "attendance": lambda d: operations.mark_meeting_attendance(store, meeting, present=[], by="Mina",
                                                                   role="staff", device_id=d, now=now),
        "register": lambda d: operations.register_attendee(store, name="Kim", type_="delegate", device_id=d,
                                                           now=now),
    }
    try:
        for what, call in calls.items():
            with pytest.raises(KioskError) as err:
                call("lobby-1")
            assert err.value.code == "sync_wrong_device", what
        assert {t: count(fleet.paths["desk"], f"SELECT count(*) FROM {t}") for t in tables_before} == tables_before
        for what, call in calls.items():       # as the identity: each goes through
            call("desk")
    finally:
        store.close()
    assert count(fleet.paths["desk"], "SELECT group_concat(DISTINCT device_id) FROM scan") == "desk"


def test_the_kiosk_app_runs_as_the_databases_identity_and_refuses_another_device_id(fleet, qtbot, tmp_path):
    import pytest

    from kiosk.builder import build_kiosk
    from kiosk.models.errors import KioskError
    from kiosk.models.store import EventStore

    from .conftest import CLOCK

    store = EventStore.open(fleet.paths["a"])
    try:
        with pytest.raises(KioskError) as err:
            build_kiosk(store, clock=CLOCK, device_id="lobby-1", export_dir=tmp_path / "x")
        assert err.value.code == "sync_wrong_device"
        kiosk = build_kiosk(store, clock=CLOCK, export_dir=tmp_path / "x")      # no --device-id: as a
        qtbot.addWidget(kiosk.window)
        try:
            assert kiosk.ops.device_id == "a"
        finally:
            kiosk.bus.stop()
            kiosk.ui.stop()
            kiosk.window.stop()
    finally:
        store.close()
    done = cli("--db", str(fleet.paths["a"]), "--device-id", "lobby-1", "--now", "2023-06-14T10:00",
               "--screenshot", str(tmp_path / "shot.png"))
    assert done.returncode == 2 and "syncs as a" in done.stderr, done.stderr
    assert not (tmp_path / "shot.png").exists()
