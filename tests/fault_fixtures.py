"""Real faults for tests: another process holding the write lock, a small or read-only mount.

Imported by the fault tests (``from tests.fault_fixtures import ...``); kept out of conftest so
only the tests that make these faults carry them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

HOLDER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE event SET name_en = name_en")     # a real write, not yet committed
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("ROLLBACK")
""")


@contextmanager
def lock_held(db_path: Path, seconds: float = 30.0):
    """Another process holds ``BEGIN IMMEDIATE`` (with a write pending) on ``db_path``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def _can_mount() -> str | None:
    if sys.platform != "linux":
        return "mounting a tmpfs needs Linux"
    if os.geteuid() != 0:
        return "mounting a small tmpfs (a real full or read-only disk) needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@contextmanager
def tmpfs(where: Path, size: str = "2m"):
    """A real, small file system at ``where`` (root only; the test is skipped otherwise)."""
    reason = _can_mount()
    if reason:
        pytest.skip(reason)
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", f"kiosk-test-{uuid.uuid4().hex[:6]}",
                           str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path) -> None:
    """Fill the file system under ``folder`` to the last block."""
    with open(folder / "filler", "wb", buffering=0) as fh:
        for chunk in (65536, 4096, 512, 1):
            try:
                while True:
                    fh.write(b"\0" * chunk)
            except OSError:
                pass


def remount_read_only(where: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
