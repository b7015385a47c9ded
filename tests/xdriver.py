"""Driving the real kiosk on a real X server: Xvfb, xdotool (XTEST input, as a scanner or a finger
would arrive), screenshots, and a recorder of every Python exception and Qt critical message.

Used by tests/views/test_on_xvfb.py (scenarios in tests/xvfb_scenarios.py, each in its own process
so a segfault fails a test instead of killing pytest) and by scripts/monkey.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def xvfb_missing() -> str | None:
    """Why a real-X test cannot run here, or None (CI installs both through scripts/setup.sh)."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (scripts/setup.sh --test installs it)"
    return None


@contextmanager
def xvfb(size: str = "1920x1080x24"):
    """A private X server on a free display number; yields ``":N"``."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read_fd, 16)
            if not chunk:
                break
            number += chunk
        if not number.strip():
            raise RuntimeError("Xvfb did not start")
        yield f":{number.decode().strip()}"
    finally:
        os.close(read_fd)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def run_child(argv: list[str], display: str | None, *, timeout: float, env: dict | None = None):
    """Run ``python argv…`` on ``display`` (or offscreen when None); returns (exit code, the JSON
    object printed on its last stdout line or None, stderr)."""
    child_env = dict(os.environ)
    child_env.pop("QT_QPA_PLATFORM", None)
    if display is None:
        child_env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        child_env["DISPLAY"] = display
        child_env["QT_QPA_PLATFORM"] = "xcb"
        child_env["QT_IM_MODULE"] = "qtvirtualkeyboard"
    child_env["QT_MESSAGE_PATTERN"] = "%{type}: %{message}"
    child_env.update(env or {})
    proc = subprocess.run([PYTHON, *argv], cwd=ROOT, env=child_env, capture_output=True, text=True, timeout=timeout)
    result = None
    for line in reversed(proc.stdout.strip().splitlines()):
        if line.startswith("{"):
            result = json.loads(line)
            break
    if result is not None:
        result.setdefault("errors", [])
        result["errors"] += qt_criticals(proc.stderr)
    return proc.returncode, result, proc.stderr


def qt_criticals(stderr: str) -> list[str]:
    """Qt critical and fatal messages in a child's stderr (printed as "critical: …")."""
    return [f"Qt {line}" for line in stderr.splitlines() if line.startswith(("critical: ", "fatal: "))]


# ---------------------------------------------------------------- inside the child process
class ErrorRecorder:
    """Every uncaught Python exception (the kiosk's own excepthook logs and swallows them), kept
    to fail the run."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        previous = sys.excepthook

        def hook(kind, value, tb):
            self.errors.append("".join(traceback.format_exception(kind, value, tb))[-3000:])
            previous(kind, value, tb)

        sys.excepthook = hook
        # Qt's critical messages are read from stderr by the parent (run_child, QT_MESSAGE_PATTERN):
        # a Python message handler would deadlock — Qt logs from its QML loader thread while
        # the main thread, holding the GIL, waits for that thread (seen when the on-screen
        # keyboard's view is first created).


def pump(app) -> None:
    """One turn of the event loop as ``app.exec()`` would run it. ``processEvents()`` alone, called
    from outside any event loop (as a driver does), never deletes what ``deleteLater()`` queued
    (Qt: "DeferredDelete events will not be processed" in such a loop), so every widget a screen
    replaced would live on — a harness-made leak that the real kiosk, inside ``exec()``, does not
    have (issue 12). Flushing those events here makes the driven kiosk hold what the real one holds."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Driver:
    """Real input on the X display this process runs on (xdotool through XTEST), with Qt's event
    loop kept running while xdotool works, so timers and the scanner's held keys behave as live."""

    def __init__(self, app, pump=pump) -> None:
        self.app = app
        self.pump = pump
        self.real_x = app.platformName() == "xcb"

    def wait(self, ms: float) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.pump(self.app)
            time.sleep(0.002)

    def xdo(self, *args: str) -> None:
        if os.environ.get("XDRIVER_TRACE"):
            print("xdotool", *args, file=sys.stderr, flush=True)
        proc = subprocess.Popen(["xdotool", *args])
        while proc.poll() is None:
            self.app.processEvents()
            time.sleep(0.001)
        self.pump(self.app)

    def tap_at(self, x: int, y: int, *, double: bool = False) -> None:
        self.xdo("mousemove", str(x), str(y), "click", *(["--repeat", "2", "--delay", "80"] if double else []), "1")

    def tap(self, widget, point=None, *, double: bool = False) -> None:
        p = widget.mapToGlobal(point if point is not None else widget.rect().center())
        self.tap_at(p.x(), p.y(), double=double)

    def drag(self, x0: int, y0: int, x1: int, y1: int, steps: int = 6) -> None:
        args = ["mousemove", str(x0), str(y0), "mousedown", "1"]
        for i in range(1, steps + 1):
            args += ["mousemove", str(x0 + (x1 - x0) * i // steps), str(y0 + (y1 - y0) * i // steps), "sleep", "0.01"]
        self.xdo(*args, "mouseup", "1")

    def type(self, text: str, delay_ms: int) -> None:
        """Keys as a person (delay 120+) or a scanner (delay 1–8) would send them."""
        self.xdo("type", "--delay", str(delay_ms), "--", text)

    def key(self, *names: str) -> None:
        self.xdo("key", *names)

    def screenshot(self, path: Path) -> None:
        """The whole X screen, on-screen keyboard included (a widget grab would miss it)."""
        screen = self.app.primaryScreen()
        screen.grabWindow(0).save(str(path), "PNG")


def build_kiosk(db_path: Path, *, now: str = "2023-06-14T10:45", idle_seconds: float = 60,
                size=(1920, 1080), language: str = "en", running_clock: bool = False):
    """The kiosk window as main.py builds it, on a copy of the event database."""
    from PySide6.QtWidgets import QApplication

    from kiosk import builder
    from kiosk.clock import FixedClock, RunningClock, parse_instant
    from kiosk.models.store import EventStore

    app = QApplication.instance() or QApplication([sys.argv[0]])
    db = EventStore.open(db_path)
    start = parse_instant(now, db.tz)
    clock = RunningClock(db.tz, start) if running_clock else FixedClock(start, db.tz)
    window = builder.build_kiosk(db, clock=clock, language=language, idle_seconds=idle_seconds).window
    window.setGeometry(0, 0, *size)
    window.show()
    window.activateWindow()
    return app, db, window


def report(result: dict) -> None:
    print(json.dumps(result, ensure_ascii=False, default=str), flush=True)


def scenario_main(scenarios: dict) -> None:
    """A scenario script's entry: ``NAME DB OUT [WxH]`` runs ``scenarios[NAME]`` and prints its
    result; the exit code says whether it recorded errors."""
    name, db_arg, out_arg = sys.argv[1:4]
    size = tuple(int(v) for v in sys.argv[4].split("x")) if len(sys.argv) > 4 else (1920, 1080)
    out_dir = Path(out_arg)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = scenarios[name](Path(db_arg), out_dir, size)
    report(result)
    # Qt's teardown aborts once the on-screen keyboard has shown (see main.py): skip it
    sys.stdout.flush()
    os._exit(1 if result["errors"] else 0)


def run_scenario(script: str, display: str, name: str, db_path, out, size: str = "1920x1080") -> dict:
    """Run one scenario of ``script`` in its own process on ``display``; fail on its errors."""
    code, result, stderr = run_child([script, name, str(db_path), str(out), size], display, timeout=240)
    assert result is not None, f"scenario {name} printed no result (exit {code}):\n{stderr[-3000:]}"
    assert result["errors"] == [], "\n".join(result["errors"])
    assert code == 0, f"exit {code}:\n{stderr[-3000:]}"
    return result
