"""One change dated wrong must not cut a device off for the rest of the event (found by an attack:
`edit` without --now on a host whose clock said 2026 set the device's logical clock to 2026, and
every later edit of that device was quarantined everywhere while applied locally)."""

import sqlite3
import subprocess
import sys

from kiosk.sync.engine import export_file, import_file
from tests.conftest import ROOT


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True)


def clock(path):
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT hlc FROM sync_clock WHERE id = 1").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def test_an_edit_at_a_time_outside_the_event_is_refused_and_changes_nothing(fleet):
    db = str(fleet.paths["a"])
    before = clock(db)
    # the host's real clock (any day after June 2023); no --now, as the attacker ran it
    done = cli("edit", "d1-masterclass2", "--room", "205", "--by", "Mina", "--device", "a", "--db", db)
    assert done.returncode == 2, done.stderr
    assert "outside the event" in done.stderr and "nothing was saved" in done.stderr
    assert clock(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM session_edit").fetchone() == (0,)
    conn.close()
    # within the event: saved, and it travels
    done = cli("edit", "d1-masterclass2", "--room", "205", "--by", "Mina", "--device", "a", "--db", db,
               "--now", "2023-06-14T12:00")
    assert done.returncode == 0, done.stderr
    result = import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync")
    assert result.quarantined == 0 and result.edits == 1


def test_a_device_whose_clock_was_pushed_past_the_event_recovers(fleet):
    """The exact sequence: an edit stamped the clock in 2026 (before this rule); later edits at the
    event's time must still be accepted by the other devices."""
    db = fleet.paths["a"]
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO sync_clock (id, hlc) VALUES (1, '001795906800000.00000') "
                 "ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc")          # 2026-11-28
    conn.commit()
    conn.close()
    for n, room in enumerate(("205", "204")):
        done = cli("edit", "d1-masterclass2", "--room", room, "--by", "Mina", "--device", "a", "--db", str(db),
                   "--now", f"2023-06-14T12:0{n}")
        assert done.returncode == 0, done.stderr
    assert clock(db).startswith("0016867")                     # re-based on the event's time
    result = import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync")
    assert result.quarantined == 0 and result.edits == 2
    conn = sqlite3.connect(fleet.paths["b"])
    assert conn.execute("SELECT room_id FROM session WHERE id = 'd1-masterclass2'").fetchone() == ("204",)
    conn.close()


def test_a_remote_reading_past_the_event_is_not_carried_on(fleet):
    from kiosk.models.database import open_event_db
    from kiosk.models.schedule import observe_hlc

    conn = open_event_db(fleet.paths["a"])
    with conn.atomic():
        observe_hlc(conn, "001795906800000.00000")
    assert clock(fleet.paths["a"]) is None or not clock(fleet.paths["a"]).startswith("001795")
    conn.close()
