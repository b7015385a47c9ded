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


#: Tests that mount a small tmpfs (a real full or read-only disk). As root they run in place;
#: otherwise conftest runs each again inside a user namespace (``unshare --map-root-user
#: --mount``), where an unprivileged user may mount a tmpfs that only that process tree sees.
mounts = pytest.mark.mounts
IN_USER_NAMESPACE = "KIOSK_TEST_IN_USER_NAMESPACE"


def _can_mount() -> str | None:
    if sys.platform != "linux":
        return "mounting a tmpfs needs Linux"
    if os.geteuid() != 0:
        return ("mounting a small tmpfs (a real full or read-only disk) needs root, or user namespaces "
                "(unshare --map-root-user --mount) — neither is available here")
    if shutil.which("mount") is None:
        return "no mount command"
    return None


def user_namespace_command() -> list[str] | None:
    """The command prefix that runs a test as root of its own user and mount namespace, when
    this process is not root and the kernel allows it; None otherwise (as root, or already inside)."""
    if sys.platform != "linux" or os.geteuid() == 0 or os.environ.get(IN_USER_NAMESPACE):
        return None
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    command = [unshare, "--map-root-user", "--mount"]
    try:
        probe = subprocess.run([*command, "true"], capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return command if probe.returncode == 0 else None


class InUserNamespace(pytest.Item):
    """A ``mounts`` test run again, whole (its fixtures too), by a pytest inside a user
    namespace; its outcome (passed, skipped with the reason, failed with the output) is this item's."""

    def __init__(self, *, target: str, command: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.target, self.command = target, command

    def runtest(self) -> None:
        import tempfile

        root = Path(__file__).resolve().parent.parent
        env = {**os.environ, IN_USER_NAMESPACE: "1", "QT_QPA_PLATFORM": "offscreen"}
        # its own base folder: pytest's default one is shared and pruned by every run
        base = Path(tempfile.mkdtemp(prefix="kiosk-userns-"))
        try:
            done = subprocess.run([*self.command, sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                                   "--basetemp", str(base / "t"), self.target],
                                  cwd=root, env=env, capture_output=True, text=True, timeout=600)
        finally:
            shutil.rmtree(base, ignore_errors=True)
        lines = done.stdout.strip().splitlines()
        summary = lines[-1] if lines else ""
        if done.returncode == 0 and " passed" in summary:
            return
        if done.returncode == 0 and " skipped" in summary:
            reasons = [line.split(": ", 1)[-1] for line in lines if line.startswith("SKIPPED")]
            pytest.skip(f"in a user namespace: {reasons[0] if reasons else summary}")
        raise NamespacedFailure(f"{self.target} inside {' '.join(self.command)} (exit {done.returncode}):\n"
                                + "\n".join(lines[-60:]) + ("\n" + done.stderr[-3000:] if done.stderr else ""))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, NamespacedFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.name} [in a user namespace]"


class NamespacedFailure(Exception):
    pass


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
        # in a user namespace the file system's own flags are locked: make the mount read-only
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
