"""Safe writes and guarded reads: unique temporary names, no symlink followed, nothing left on
failure, stale temporaries swept; FIFOs, devices, folders and oversized files refused."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from kiosk.models import safefile
from kiosk.models.errors import KioskError
from tests.conftest import ROOT
from tests.fault_fixtures import fill, mounts, tmpfs


def test_a_write_appears_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.csv"
    safefile.write_text(target, "a,b\n1,2\n")
    assert target.read_text() == "a,b\n1,2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_failed_write_keeps_the_old_file_and_removes_its_temporary(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with safefile.atomic_write(target, text=True) as fh:
            fh.write("half of the new")
            raise RuntimeError("the exporter broke")
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_temporary_names_are_unique_and_unpredictable(tmp_path):
    target = tmp_path / "out.ics"
    names = {safefile.temp_path(target).name for _ in range(200)}
    assert len(names) == 200
    assert all(n.startswith(".out.ics.") and n.endswith(".part") for n in names)
    assert target.with_name("out.ics.part").name not in names      # the old predictable name


def test_a_symlink_planted_at_the_temporary_name_is_not_followed(tmp_path, monkeypatch):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    target = tmp_path / "out.ics"
    monkeypatch.setattr(safefile.os, "urandom", lambda n: bytes(n))   # the attacker guessed the name
    planted = safefile.temp_path(target)
    planted.symlink_to(victim)
    with pytest.raises(KioskError) as err:
        safefile.write_text(target, "BEGIN:VCALENDAR\n")
    assert err.value.code == "write_failed"
    assert victim.read_text() == "precious\n"
    assert planted.is_symlink() and not target.exists()


def test_a_symlink_planted_at_the_old_predictable_part_name_is_left_alone(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (tmp_path / "out.ics.part").symlink_to(victim)
    safefile.write_text(tmp_path / "out.ics", "BEGIN:VCALENDAR\n")
    assert victim.read_text() == "precious\n"
    assert (tmp_path / "out.ics").read_text() == "BEGIN:VCALENDAR\n"


@mounts
def test_a_full_disk_leaves_no_empty_part_file(tmp_path):
    with tmpfs(tmp_path / "small", "256k") as disk:
        fill(disk)
        with pytest.raises(KioskError) as err:
            safefile.write_bytes(disk / "export.json", b"x" * 100_000)
        assert "disk is full" in err.value.message
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from kiosk.models import safefile
    with safefile.atomic_write(Path({target!r})) as fh:
        fh.write(b"x" * 1_000_000)
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)
""")


def test_sweep_removes_what_a_killed_writer_left_and_keeps_a_live_ones(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER.format(root=str(ROOT), target=str(tmp_path / "big.db"))],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        assert len(leftovers) == 1
        assert safefile.sweep(tmp_path, now=time.time()) == []                  # its writer is alive: kept
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert leftovers[0].exists()                           # a killed writer leaves it behind…
        assert safefile.sweep(tmp_path, now=time.time()) == leftovers           # …and the sweep removes it
        assert list(tmp_path.iterdir()) == []
    finally:
        proc.kill()
        proc.wait()


def test_sweep_removes_old_predictable_part_files_only_when_stale(tmp_path):
    old = tmp_path / "backup-20230614-090000-000000.db.part"
    old.write_bytes(b"x" * 1000)
    fresh = tmp_path / "checkins.csv.part"
    fresh.write_bytes(b"y")
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert safefile.sweep(tmp_path, now=time.time()) == [old]
    assert fresh.exists() and keep.exists()


# ---------------------------------------------------------------- reading
def _read_in_child(path, limit):
    """Run read_input in a child with a timeout: a hang is a failure, not a stuck suite."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from kiosk.models import safefile\nfrom kiosk.models.errors import KioskError\n"
            f"try:\n    safefile.read_input({str(path)!r}, limit={limit}, what='import')\n    print('read')\n"
            "except KioskError as e:\n    print(e.code, e.message)\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20).stdout.strip()


def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "agenda.csv"
    os.mkfifo(fifo)
    assert _read_in_child(fifo, 1000).startswith("input_not_file") and "pipe" in _read_in_child(fifo, 1000)


def test_dev_zero_and_a_folder_are_refused(tmp_path):
    assert _read_in_child("/dev/zero", 1000).startswith("input_not_file")
    assert "folder" in _read_in_child(tmp_path, 1000)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.csv"
    with open(big, "wb") as fh:
        fh.truncate(100 * safefile.MiB)          # 100 MB (sparse: nothing to read if we tried)
    with pytest.raises(KioskError) as err:
        safefile.read_input(big, limit=safefile.IMPORT_LIMIT, what="import")
    assert err.value.code == "input_too_big" and "100 MB" in err.value.message and "32 MB" in err.value.message
    small = tmp_path / "ok.csv"
    small.write_bytes(b"id,name\n")
    assert safefile.read_input(small, limit=safefile.IMPORT_LIMIT, what="import") == b"id,name\n"


@mounts
def test_the_badge_sheet_on_a_full_disk_is_refused_and_leaves_nothing(qapp, tmp_path):   # a QApplication, not a bare QGuiApplication
    """QPdfWriter writing straight to a file on a full disk reported success and left a
    truncated PDF; painted in memory and written through safefile, it is refused whole."""
    from PIL import Image

    from kiosk.printing import write_pdf

    png = tmp_path / "badge.png"
    Image.effect_noise((1000, 1400), 80).convert("RGB").save(png)     # incompressible: a big sheet
    ok = tmp_path / "badges.pdf"
    assert write_pdf([png] * 5, ok) == 2 and ok.read_bytes().startswith(b"%PDF")
    with tmpfs(tmp_path / "usb", "256k") as usb:
        with pytest.raises(KioskError) as err:
            write_pdf([png] * 8, usb / "badges.pdf")
        assert "disk is full" in err.value.message
        assert list(usb.iterdir()) == []
