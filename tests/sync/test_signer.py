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
