"""Faults on one device, made for real: another process holding the write lock for 30 s, a
read-only mount, a full disk, a FIFO and /dev/zero handed to import, a symlink planted where
an export used to write its temporary file."""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.fault_fixtures import fill, lock_held, mounts, remount_read_only, tmpfs

BUSY_EXIT = 4


def run(*args, timeout=60):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


# ---------------------------------------------------------------- the command line, database busy
@pytest.mark.parametrize("command", [
    ["checkin", "IF23:1:A0001-1:XYZ", "--list", "entry"],
    ["edit", "d1-reception", "--cancel", "--by", "Mina"],
    ["set-pin", "--role", "staff", "--pin", "246813"],
])
def test_commands_say_the_database_is_busy_and_never_blame_the_file(db_path, command):
    with lock_held(db_path):
        started = time.monotonic()
        result = run(*command, "--db", db_path)
        took = time.monotonic() - started
    assert result.returncode == BUSY_EXIT, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("The database is busy")
    for blame in ("Unexpected", "damaged", "cannot be read", "Traceback"):
        assert blame not in result.stderr
    assert took < 15


def test_import_says_busy_and_applies_nothing(db_path, tmp_path):
    rooms = tmp_path / "rooms.csv"
    rooms.write_text("id,name_en,floor\n901,Pop-up room,1F\n", encoding="utf-8")
    with lock_held(db_path):
        result = run("import", rooms, "--kind", "rooms", "--db", db_path)
    assert result.returncode == BUSY_EXIT, result.stderr
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM room WHERE id = '901'").fetchone()[0] == 0


# ---------------------------------------------------------------- inputs that hang or are huge
@pytest.mark.parametrize("what", ["dev-zero", "fifo", "folder", "huge"])
def test_import_refuses_what_is_not_a_small_regular_file(db_path, tmp_path, what):
    if what == "dev-zero":
        path, expected = "/dev/zero", "a device"
    elif what == "fifo":
        path, expected = tmp_path / "agenda.csv", "a pipe"
        os.mkfifo(path)
    elif what == "folder":
        path, expected = tmp_path, "a folder"
    else:
        path, expected = tmp_path / "agenda.csv", "takes files up to 32 MB"
        with open(path, "wb") as fh:
            fh.truncate(100 * 1024 * 1024)
    result = run("import", path, "--kind", "agenda", "--db", db_path, timeout=30)   # a hang fails here
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr and "Unexpected" not in result.stderr


# ---------------------------------------------------------------- exports
def test_an_export_does_not_follow_a_symlink_planted_at_the_old_part_name(db_path, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n")
    out = tmp_path / "schedule.xml"
    out.with_name("schedule.xml.part").symlink_to(victim)
    result = run("export", "--format", "frab-xml", "--out", out, "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "someone else's file\n"
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


@mounts
@pytest.mark.parametrize("fmt", ["ics", "checkins-csv", "exhibitors-csv"])
def test_an_export_on_a_full_disk_leaves_no_part_file(db_path, tmp_path, fmt):
    with tmpfs(tmp_path / "usb", "256k") as usb:
        fill(usb)
        out = usb / f"out.{fmt}"
        result = run("export", "--format", fmt, "--out", out, "--db", db_path)
        assert result.returncode == 2, result.stderr
        assert "disk is full" in result.stderr and "Unexpected" not in result.stderr
        assert sorted(p.name for p in usb.iterdir()) == ["filler"]


def test_a_kiosk_start_sweeps_temporaries_that_killed_writers_left(db_path, tmp_path):
    dead = tmp_path / ".event.db.before-restore.tmp.999999-0123456789ab.part"   # pid 999999: not running
    dead.write_bytes(b"x" * 1000)
    backups = tmp_path / "backups"
    backups.mkdir()
    dead_backup = backups / ".backup-20230614-090000-000000.db.999999-0123456789ab.part"
    dead_backup.write_bytes(b"x" * 1000)
    result = run("--db", db_path, "--screenshot", tmp_path / "shot.png")
    assert result.returncode == 0, result.stderr
    assert not dead.exists() and not dead_backup.exists()


# ---------------------------------------------------------------- start-up on a read-only or full disk
@mounts
def test_a_read_only_mount_starts_the_kiosk_read_only(built_db, tmp_path):
    with tmpfs(tmp_path / "ro", "64m") as disk:
        db = disk / "event.db"
        db.write_bytes(built_db.read_bytes())
        remount_read_only(disk)
        result = run("--db", db, "--view", "agenda", "--screenshot", tmp_path / "agenda.png")
        assert result.returncode == 0, result.stderr
        assert "cannot open" not in result.stderr and "init-db" not in result.stderr
        assert (tmp_path / "agenda.png").stat().st_size > 10_000
        # the commands read, and refuse to write with a clear line
        assert run("sessions", "--db", db).returncode == 0
        result = run("checkin", "IF23:1:A0001-1:XYZ", "--list", "entry", "--db", db)
        assert result.returncode != 0 and "Unexpected" not in result.stderr


@mounts
def test_the_desks_csv_export_on_a_full_disk_leaves_nothing(db, tmp_path):
    from kiosk import operations
    from kiosk.models.errors import KioskError
    from tests.conftest import kst

    with tmpfs(tmp_path / "exports", "256k") as folder:
        fill(folder)
        with pytest.raises(KioskError) as err:
            operations.export_checkins_csv(db, folder, list_id="entry", now=kst("06-14 18:00"))
        assert "disk is full" in err.value.message
        assert sorted(p.name for p in folder.iterdir()) == ["filler"]


@mounts
def test_cli_writes_on_a_full_disk_say_the_disk_is_full_not_read_only(built_db, tmp_path):
    """`edit`, `edit-meeting`, `import` and `checkin` said "read-only" when the disk was full (the
    desk's banner said "disk full"): the line says what to fix."""
    agenda = tmp_path / "extra.csv"
    agenda.write_text("id,day,start,end,room,type,title_en\nx1,2023-06-14,17:00,17:45,101,forum,Demo\n",
                      encoding="utf-8")
    with tmpfs(tmp_path / "disk", "64m") as disk:
        db = disk / "event.db"
        db.write_bytes(built_db.read_bytes())
        fill(disk)
        for args in (["edit", "d1-keynote", "--room", "101", "--by", "Mina"],
                     ["edit-meeting", "cm-dgfez", "--cancel", "--by", "Mina"],
                     ["import", agenda, "--kind", "agenda"],
                     ["checkin", "IF23:1:A0001-1:XYZ", "--list", "entry"]):
            result = run(*args, "--db", db)
            assert result.returncode != 0, (args, result.stdout)
            assert "disk is full" in result.stderr + result.stdout, (args, result.stderr)
            assert "read-only" not in result.stderr + result.stdout, (args, result.stderr)
            assert "Unexpected" not in result.stderr and "Traceback" not in result.stderr
