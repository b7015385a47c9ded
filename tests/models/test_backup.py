"""Backups and restore under faults: --keep 0, a backup killed mid-way, a second restore, the
wrong file (another event, an unrelated SQLite file, a folder, a text file), a busy database."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime

import pytest

from kiosk.models.backup import backup, backups, kept_states, restore
from kiosk.models.errors import KioskError
from tests.conftest import ROOT
from tests.fault_fixtures import lock_held


def run(*args, timeout=60):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def test_keep_zero_is_refused_and_writes_nothing(db_path, tmp_path, db):
    folder = tmp_path / "backups"
    result = run("backup", "--db", db_path, "--to", folder, "--keep", "0")
    assert result.returncode == 2
    assert "--keep" in result.stderr and "at least 1" in result.stderr
    assert "Backup written" not in result.stdout
    assert not folder.exists() or backups(folder) == []
    with pytest.raises(KioskError) as err:
        backup(db, folder, now=datetime(2023, 6, 14, 9), keep=0)
    assert err.value.code == "bad_keep"
    assert backups(folder) == []


def test_keep_one_keeps_the_backup_just_written(db_path, tmp_path, db):
    folder = tmp_path / "backups"
    first = backup(db, folder, now=datetime(2023, 6, 14, 9), keep=5)
    result = run("backup", "--db", db_path, "--to", folder, "--keep", "1")
    assert result.returncode == 0, result.stderr
    written = result.stdout.split("Backup written: ")[1].split(" (")[0]
    assert backups(folder) == [folder / os.path.basename(written)]
    assert not first.exists()


def _big(db_path, megabytes=80):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE ballast (b BLOB)")
    conn.executemany("INSERT INTO ballast VALUES (zeroblob(1048576))", [()] * megabytes)
    conn.commit()
    conn.close()


def test_a_killed_backup_leaves_a_part_file_that_the_next_backup_sweeps(db_path, tmp_path):
    _big(db_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "backup", "--db", str(db_path), "--to", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    part = []
    while time.monotonic() < deadline and not part and proc.poll() is None:
        part = [p for p in folder.iterdir() if p.name.endswith(".part") and p.stat().st_size > 1_000_000]
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if not part:
        pytest.skip("the backup finished before it could be killed (machine too fast for 80 MB)")
    assert part[0].exists() and backups(folder) == []          # killed mid-way: a .part, no backup
    result = run("backup", "--db", db_path, "--to", folder)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in folder.iterdir() if p.name.endswith(".part")] == []
    assert len(backups(folder)) == 1


def _mark(db_path, text):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE event SET theme_en = ?", (text,))
    conn.commit()
    conn.close()


def _theme(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT theme_en FROM event").fetchone()[0]
    finally:
        conn.close()


def test_every_state_before_a_restore_is_kept(db_path, tmp_path, db):
    folder = tmp_path / "backups"
    _mark(db_path, "state A")
    good = backup(db, folder, now=datetime(2023, 6, 14, 9), keep=5)
    db.close()
    _mark(db_path, "state B")
    assert run("restore", good, "--db", db_path).returncode == 0
    _mark(db_path, "state C")
    result = run("restore", good, "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert "before-restore.2" in result.stdout
    kept = kept_states(db_path)
    assert [p.name for p in kept] == ["event.db.before-restore.1", "event.db.before-restore.2"]
    assert [_theme(p) for p in kept] == ["state B", "state C"]       # the original state was not lost
    assert _theme(db_path) == "state A"


@pytest.mark.parametrize("what", ["unrelated-sqlite", "folder", "text", "other-event", "empty"])
def test_restore_accepts_only_a_database_of_this_event(db_path, tmp_path, what):
    if what == "unrelated-sqlite":
        wrong = tmp_path / "photos.db"
        sqlite3.connect(wrong).execute("CREATE TABLE photo (id, data)").connection.commit()
        expected = "not a kiosk event database"
    elif what == "folder":
        wrong = tmp_path / "backups"
        wrong.mkdir()
        expected = "is a folder"
    elif what == "text":
        wrong = tmp_path / "notes.db"
        wrong.write_text("call Mina at 10\n" * 50)
        expected = "not an SQLite database"
    elif what == "empty":
        wrong = tmp_path / "empty.db"
        wrong.write_bytes(b"")
        expected = "not an SQLite database"
    else:
        wrong = tmp_path / "other.db"
        wrong.write_bytes(db_path.read_bytes())
        conn = sqlite3.connect(wrong)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE event SET id = 'busan-expo-2024'")
        conn.commit()
        conn.close()
        expected = "another event"
    before = db_path.read_bytes()
    result = run("restore", wrong, "--db", db_path)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr
    assert "Unexpected" not in result.stderr and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before and kept_states(db_path) == []


def test_restore_waits_for_no_one_and_says_busy(db_path, tmp_path, db):
    good = backup(db, tmp_path / "backups", now=datetime(2023, 6, 14, 9), keep=5)
    db.close()
    with lock_held(db_path):
        result = run("restore", good, "--db", db_path)
    assert result.returncode == 4, result.stderr
    assert "busy" in result.stderr and "damaged" not in result.stderr
    assert kept_states(db_path) == []


def test_restore_over_a_damaged_database_keeps_its_bytes(db_path, tmp_path, db):
    good = backup(db, tmp_path / "backups", now=datetime(2023, 6, 14, 9), keep=5)
    db.close()
    damaged = b"\x00garbage" * 4000
    db_path.write_bytes(damaged)
    kept = restore(good, db_path)
    assert kept.read_bytes() == damaged
    assert sqlite3.connect(db_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_a_database_with_a_trigger_the_kiosk_never_makes(db_path, tmp_path, db):
    """Found by an attack: a copy of the event with `AFTER INSERT ON scan … DELETE FROM attendee`
    was restored, and every later check-in failed."""
    good = backup(db, tmp_path / "backups", now=datetime(2023, 6, 14, 9), keep=5)
    db.close()
    evil = tmp_path / "evil.db"
    evil.write_bytes(good.read_bytes())
    con = sqlite3.connect(evil)
    con.execute("CREATE TRIGGER evil AFTER INSERT ON scan BEGIN DELETE FROM attendee; END")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    result = run("restore", evil, "--db", db_path)
    assert result.returncode != 0 and "never makes (evil)" in result.stdout + result.stderr
    assert db_path.read_bytes() == before
    assert run("restore", good, "--db", db_path).returncode == 0      # the kiosk's own backup still restores


def _other_event_copy(db_path, tmp_path, **changes):
    other = tmp_path / "other-event.db"
    other.write_bytes(db_path.read_bytes())
    conn = sqlite3.connect(other)
    conn.execute("UPDATE event SET " + ", ".join(f"{k} = ?" for k in changes), tuple(changes.values()))
    conn.commit()
    conn.close()
    return other


def test_restore_refuses_another_event_under_the_same_id_unless_told(db_path, tmp_path):
    """An organiser restored a 36C3 database (an import into an empty event adopts 36C3's name,
    zone and days under the same event id) over InnoFair, and it was accepted."""
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    other = _other_event_copy(db_path, tmp_path, name_en="36th Chaos Communication Congress",
                              timezone="Etc/GMT-1", first_day="2019-12-27", last_day="2019-12-30")
    before = db_path.read_bytes()
    result = run("restore", other, "--db", db_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "another event: '36th Chaos Communication Congress' (Etc/GMT-1, 2019-12-27 – 2019-12-30)" in result.stderr
    assert "SCIENCEPARK INNOFAIR 2023" in result.stderr and "--other-event" in result.stderr
    assert db_path.read_bytes() == before and kept_states(db_path) == []
    result = run("restore", other, "--db", db_path, "--other-event")
    assert result.returncode == 0, result.stderr
    assert sqlite3.connect(db_path).execute("SELECT name_en FROM event").fetchone()[0].startswith("36th")
    assert len(kept_states(db_path)) == 1


def test_restore_of_an_older_schema_that_loses_meetings_says_what_and_needs_force(db_path, tmp_path):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    meetings = con.execute("SELECT count(*) FROM meeting").fetchone()[0]
    con.close()
    assert meetings > 0
    old = tmp_path / "before-matchmaking.db"          # as a kiosk before schema step m009 left it
    old.write_bytes(db_path.read_bytes())
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA foreign_keys = OFF")
    mm_tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'meeting%' OR name LIKE 'buyer%')")]
    for t in mm_tables:
        conn.execute(f'DROP TABLE "{t}"')
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    result = run("restore", old, "--db", db_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"lose {meetings} meeting" in result.stderr.replace("\n", " ") or f"{meetings} meeting," in result.stderr
    assert "--force" in result.stderr
    assert db_path.read_bytes() == before and kept_states(db_path) == []
    result = run("restore", old, "--db", db_path, "--force")
    assert result.returncode == 0, result.stderr
    assert len(kept_states(db_path)) == 1
