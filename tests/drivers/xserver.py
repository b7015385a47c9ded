"""A private X server (Xvfb) for tests that send real input with xdotool."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess


@contextlib.contextmanager
def xvfb(size: str = "1920x1080", timeout: float = 10.0):
    """Start ``Xvfb`` on a free display (it picks one: ``-displayfd``) and yield ``":N"``."""
    if shutil.which("Xvfb") is None:
        raise FileNotFoundError("Xvfb is not installed (scripts/setup.sh installs it)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp",
                             "-noreset"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], timeout)
        number = os.read(read_fd, 32).decode().strip() if ready else ""
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_fd)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
