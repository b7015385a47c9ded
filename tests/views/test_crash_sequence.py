"""Issue 12, item 1: the segfault after a tap on the map, an idle reset and a language switch.

Each test runs the whole sequence in a fresh kiosk process (tests/drivers/crash_sequence.py), so
a crash fails the test instead of taking pytest down with it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.drivers.xserver import xvfb

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "drivers" / "crash_sequence.py"


def run_sequence(db_path: Path, log_dir: Path, *, input_kind: str, env: dict, idle: str, rounds: int, pace: float = 1.0):
    args = [sys.executable, str(DRIVER), "--input", input_kind, "--log-dir", str(log_dir), "--rounds", str(rounds), "--pace", str(pace),
            "--", "--db", str(db_path), "--windowed", "--size", "1920x1080", "--now", "2023-06-14T10:45",
            "--idle-seconds", idle, "--backup-minutes", "0", "--backup-dir", str(log_dir / "backups")]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)
    crashed = proc.returncode in (-signal.SIGSEGV, 128 + signal.SIGSEGV, -signal.SIGABRT, 128 + signal.SIGABRT)
    assert not crashed, f"the kiosk crashed (exit {proc.returncode}):\n{proc.stderr[-3000:]}"
    assert proc.returncode == 0 and "SEQUENCE-OK" in proc.stdout, proc.stdout + proc.stderr[-3000:]
    log = (log_dir / "kiosk.log").read_text(encoding="utf-8") if (log_dir / "kiosk.log").exists() else ""
    for text in (proc.stderr, log):
        assert "Traceback" not in text and "unexpected error" not in text, text[-3000:]
    return proc


def test_crash_sequence_offscreen(db_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run_sequence(db_path, tmp_path, input_kind="qtest", env=env, idle="1.5", rounds=2, pace=0.4)


@pytest.mark.skipif(shutil.which("xdotool") is None or shutil.which("Xvfb") is None,
                    reason="needs Xvfb and xdotool (scripts/setup.sh --test installs them)")
def test_crash_sequence_on_x_with_real_taps(db_path, tmp_path):
    """The reported sequence exactly: 1920x1080 window, --idle-seconds 8, taps through the X server."""
    with xvfb("1920x1080") as display:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        run_sequence(db_path, tmp_path, input_kind="xdotool", env=env, idle="8", rounds=1)
