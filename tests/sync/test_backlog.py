"""A device that worked offline for a long time catches up over the network: its backlog goes in
several messages, each within the frame limit however much JSON escaping adds on the wire."""

import json
import sqlite3
import time

from kiosk.models.database import open_event_db
from kiosk.sync import net
from kiosk.sync.engine import SyncEngine

from .conftest import at
from .test_network import Daemons

SCANS = 15_000


def backlog(path, device, n):
    conn = open_event_db(path)
    conn.execute("PRAGMA synchronous = OFF")          # test setup only: 15,000 commits without 15,000 fsyncs
    store = conn.checkins
    for i in range(n):
        at_ = at(9 + i // 3600, i // 60 % 60, i % 60)
        if i % 2:
            store.check_in(payload="manual", manual_attendee=f"A{1 + i % 300:04d}", list_id="reception",
                           device_id=device, scan_id=f"{device}-backlog-{i:05d}", now=at_)
        else:       # a QR that is not a badge (someone's JSON): quotes, escaped once in the entry, again on the wire
            junk = json.dumps({"ticket": f"{i}", "note": 'say "hi"\\' * 12})
            store.check_in(payload=junk, list_id="reception", device_id=device, scan_id=f"{device}-backlog-{i:05d}",
                           now=at_)
    conn.close()


def scans(path):
    conn = sqlite3.connect(path, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM scan").fetchone()[0]
    finally:
        conn.close()


def test_every_message_of_a_backlog_fits_a_frame_as_sent(fleet):
    backlog(fleet.paths["a"], "a", SCANS)
    engine = fleet.engine("a")
    engine.collect_local()
    bundles = engine.bundles_since({})
    assert len(bundles) >= 2                      # 15,000 scans are more than one message
    assert sum(len(r["entries"]) for b in bundles for r in b["runs"].values()) == SCANS
    for b in bundles:
        wire = json.dumps({"t": "data", "bundle": b, "last": False}, ensure_ascii=False,
                          separators=(",", ":")).encode()
        assert len(wire) <= net.MAX_FRAME


def test_fifteen_thousand_scans_reach_a_fresh_kiosk_over_the_network(fleet):
    backlog(fleet.paths["a"], "a", SCANS)
    devices = {n: fleet.paths[n] for n in ("a", "b")}
    fleet.paths = devices
    daemons = Daemons(fleet)
    try:
        daemons.start("a")
        daemons.start("b")
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and scans(devices["b"]) < SCANS:
            time.sleep(0.5)
        assert scans(devices["b"]) == SCANS
        # and the pair still syncs in the other direction afterwards
        open_event_db(devices["b"]).checkins.check_in(payload="manual", manual_attendee="A0001", list_id="gala",
                                                      device_id="b", scan_id="b-after", now=at(17, 0))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and scans(devices["a"]) < SCANS + 1:
            time.sleep(0.5)
        assert scans(devices["a"]) == SCANS + 1
    finally:
        daemons.stop_all()
