"""`sync import` and `sync export` under faults on one device: another process holding the
write lock (busy, never "the file is damaged"), a FIFO or device handed in (refused without
hanging), a full USB stick (no half or empty file left)."""

import os
import subprocess
import sys

from kiosk.sync.engine import export_file
from tests.conftest import ROOT
from tests.fault_fixtures import fill, lock_held, mounts, tmpfs

BUSY_EXIT = 4


def sync(fleet, name, *args, timeout=60):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", *map(str, args), "--db",
                           str(fleet.paths[name]), "--identity", str(fleet.identities[name])],
                          capture_output=True, text=True, timeout=timeout)


def test_sync_import_says_busy_and_never_blames_the_file(fleet, tmp_path):
    good = tmp_path / "a.sync"
    good.write_bytes(export_file(fleet.engine("a")))
    with lock_held(fleet.paths["b"]):
        result = sync(fleet, "b", "import", good)
    assert result.returncode == BUSY_EXIT, result.stderr
    assert result.stderr.startswith("The database is busy")
    for blame in ("refused", "damaged", "not a kiosk sync file", "Unexpected"):
        assert blame not in result.stderr
    assert fleet.engine("b").refused() == []           # not recorded as a bad file either
    again = sync(fleet, "b", "import", good)           # the same file, once the lock is gone
    assert again.returncode == 0, again.stderr


def test_sync_import_refuses_a_fifo_and_a_device_without_hanging(fleet, tmp_path):
    fifo = tmp_path / "hall.sync"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "a pipe"), ("/dev/zero", "a device")):
        result = sync(fleet, "b", "import", path, timeout=30)       # a hang fails here
        assert result.returncode == 2, result.stderr
        assert kind in result.stderr and "Unexpected" not in result.stderr


@mounts
def test_sync_export_on_a_full_stick_leaves_nothing(fleet, tmp_path):
    with tmpfs(tmp_path / "usb", "256k") as usb:
        fill(usb)
        result = sync(fleet, "a", "export", "--out", usb / "lobby.sync")
        assert result.returncode == 2, result.stderr
        assert "disk is full" in result.stderr
        assert sorted(p.name for p in usb.iterdir()) == ["filler"]
