"""Opening the event database where it cannot be written: opened read-only, never refused,
and showing everything committed — including what a crash left only in the WAL."""

import shutil
import sqlite3

from kiosk.models.database import open_event_db
from tests.fault_fixtures import fill, mounts, remount_read_only, tmpfs


def _crash_with_wal(source, folder):
    """``folder``/event.db with a committed change only in its -wal (the writer died before a
    checkpoint), and no -shm (it lived on the machine that crashed)."""
    work = folder / "live"
    work.mkdir()
    db = work / "event.db"
    shutil.copyfile(source, db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE event SET theme_en = 'committed just before the crash'")
    shutil.copyfile(db, folder / "event.db")                  # copied while the writer is still open:
    shutil.copyfile(str(db) + "-wal", folder / "event.db-wal")  # exactly what a power cut leaves
    conn.close()
    shutil.rmtree(work)
    return folder / "event.db"


@mounts
def test_a_read_only_mount_after_a_crash_shows_what_the_wal_holds(built_db, tmp_path):
    with tmpfs(tmp_path / "disk", "64m") as disk:
        path = _crash_with_wal(built_db, disk)
        assert (disk / "event.db-wal").stat().st_size > 0 and not (disk / "event.db-shm").exists()
        remount_read_only(disk)
        store = open_event_db(path)
        try:
            assert store.read_only_reason == "the disk is mounted read-only"
            assert store.execute("SELECT theme_en FROM event").fetchone()[0] == "committed just before the crash"
            assert store.probe_writable() == "the disk is mounted read-only"
        finally:
            store.close()


@mounts
def test_a_full_disk_at_start_opens_read_only_and_writes_nothing(built_db, tmp_path):
    with tmpfs(tmp_path / "disk", "3m") as disk:
        path = disk / "event.db"
        shutil.copyfile(built_db, path)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        before = path.read_bytes()
        fill(disk)
        store = open_event_db(path)
        try:
            assert store.read_only_reason == "the disk is full"
            assert store.execute("SELECT count(*) FROM session").fetchone()[0] > 0
        finally:
            store.close()
        assert path.read_bytes() == before
