"""No single bad thing stops the sync (attack round 4, problem 5): a local row that cannot be
signed is reported and left out while the rest goes on; any error in the daemon's local loop is
logged and the loop carries on; a file whose body is not a bundle is refused, not a crash."""

import asyncio
import sqlite3
import subprocess
import sys

from kiosk import operations
from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file
from tests.conftest import ROOT

from .conftest import at
from .test_network import node, until


def rows(path, sql):
    conn = sqlite3.connect(path, timeout=10)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _oversized_walkin(path):
    """A walk-in row whose signed entry would be over 4 KiB (no honest path makes one; the
    attacker wrote it into the database)."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO attendee (id, name, type, registered_by, registered_at) VALUES (?, ?, ?, ?, ?)",
                 ("WBIG00001", "x" * 5000, "delegate", "desk", "2023-06-14T09:30:00+09:00"))
    conn.commit()
    conn.close()


def _scan(path, scan_id, attendee, device="desk"):
    store = open_event_db(path)
    try:
        operations.check_in(store, payload="manual", manual_attendee=attendee, list_id="entry", device_id=device,
                            scan_id=scan_id, now=at(10, 0))
    finally:
        store.close()


def test_a_local_row_that_cannot_be_signed_is_reported_and_the_rest_is_signed(fleet):
    fleet.add("desk", role="desk")
    path = fleet.paths["desk"]
    _oversized_walkin(path)
    _scan(path, "s1", "A0001")
    engine = fleet.engine("desk")
    added = engine.collect_local()              # raised "entry register too long" before
    assert added == 1
    assert rows(path, "SELECT kind, status FROM sync_log WHERE device = 'desk'") == [("scan", "ok")]
    refused = engine.refused()
    assert len(refused) == 1 and "register WBIG00001" in refused[0]["source"] \
        and "cannot be signed" in refused[0]["reason"] and "too long" in refused[0]["reason"]
    _scan(path, "s2", "A0002")
    assert engine.collect_local() == 1 and len(engine.refused()) == 1      # reported once
    result = import_file(fleet.engine("a"), export_file(engine), "desk.sync")     # export works too
    assert result.quarantined == 0
    assert rows(fleet.paths["a"], "SELECT count(*) FROM scan WHERE device_id = 'desk'") == [(2,)]


def test_the_daemons_local_loop_survives_an_unexpected_error(fleet, monkeypatch, caplog):
    """Only sqlite3.Error was caught: any other exception ended the loop, the daemon stayed up
    and never signed a local change again."""
    real = operations.sync_collect
    failures = {"left": 0}

    def flaky(store, engine, *, now):
        if failures["left"]:
            failures["left"] -= 1
            raise RuntimeError("a bug somewhere")
        return real(store, engine, now=now)

    monkeypatch.setattr(operations, "sync_collect", flaky)

    async def main():
        a = node(fleet, "a")
        t = await started_local(a)
        failures["left"] = 3                # the next three ticks with a change fail
        _scan(fleet.paths["a"], "late", "A0003", device="a")
        ok = await until(lambda: rows(fleet.paths["a"], "SELECT count(*) FROM sync_log WHERE device = 'a' "
                                                      "AND kind = 'scan'") == [(1,)], timeout=10)
        a.stop()
        await t
        return ok

    with caplog.at_level("DEBUG", logger="kiosk.sync.net"):
        done = asyncio.run(main())
    assert failures["left"] == 0
    assert done, "the local loop stopped after the error"
    errors = [r for r in caplog.records if r.levelname == "ERROR" and "a bug somewhere" in r.getMessage()]
    assert len(errors) == 1, [r.getMessage() for r in errors]          # logged once, not each tick


async def started_local(n):
    """A daemon with no port: running once its first collection is done."""
    t = asyncio.create_task(n.run())
    await asyncio.sleep(0.5)
    return t


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True)


def test_a_file_whose_body_is_not_a_bundle_is_refused_not_a_crash(fleet, tmp_path):
    """Signed by an enrolled device the receiver does not know yet: the maker's enrolment was
    added to the body before the body's type was checked (AttributeError, exit 3)."""
    from kiosk.sync import engine as engine_mod

    fleet.add("desk", role="desk")
    for body in ([1, 2, 3], {"roster": "x"}, {"runs": [1]}, "text", 7):
        # a file signed by desk whose body is ``body`` (export_file signs whatever the body is)
        orig = engine_mod.SyncEngine.bundles_since
        engine_mod.SyncEngine.bundles_since = lambda self, *a, **k: [body]
        try:
            blob = export_file(fleet.engine("desk"))
        finally:
            engine_mod.SyncEngine.bundles_since = orig
        path = tmp_path / "evil.sync"
        path.write_bytes(blob)
        before = rows(fleet.paths["a"], "SELECT count(*) FROM sync_roster")
        done = _cli("sync", "import", str(path), "--db", str(fleet.paths["a"]),
                    "--identity", str(fleet.identities["a"]), "--now", "2023-06-14T12:00")
        assert done.returncode == 2, (body, done.returncode, done.stderr)
        assert "not sync data" in done.stderr, done.stderr
        assert rows(fleet.paths["a"], "SELECT count(*) FROM sync_roster") == before


def test_a_badge_or_registration_time_with_no_zone_is_quarantined_saying_so(fleet):
    """It was quarantined as "a badge time outside the year before the event"."""
    from .test_poison import forge

    fleet.add("desk9", role="desk")
    result = fleet.engine("b").receive(forge(fleet, "desk9", [
        ("badge", {"serial": "A0002-7", "attendee_id": "A0002", "issue": 7, "action": "issue",
                   "at": "2023-06-14T09:00:00"}),
        ("register", {"attendee_id": "WZONE0001", "name": "Kim", "name_local": None, "organisation": None,
                      "country": None, "type": "delegate", "device_id": "desk9",
                      "at": "2023-06-14T09:00:00"})]), source="desk9")
    assert result.quarantined == 2
    reasons = sorted(q["reason"] for q in fleet.engine("b").quarantined() if q["device"] == "desk9")
    assert reasons == ["a badge time with no time zone", "a registration time with no time zone"], reasons
