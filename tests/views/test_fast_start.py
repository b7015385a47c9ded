"""The kiosk's start (main.py, ``build_kiosk(fast_start=True)``): the first frame is the real
agenda, and what it does not need waits until just after it (docs/BENCHMARKS.md, issue 11)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QScroller, QWidget

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, sys
sys.path.insert(0, {root!r})
import main
import builtins
import PySide6.QtCore as core, PySide6.QtWidgets as widgets
seen, real_print = {{}}, builtins.print

def spy(*args, **kwargs):   # what PySide6 had set up when the first frame was reported
    if args and args[0] == "first-frame":
        seen.update(core=sorted(vars(core)), widgets=sorted(vars(widgets)))
    real_print(*args, **kwargs)

builtins.print = spy
rc = main.main(["--db", {db!r}, "--view", {view!r}, "--now", "2023-06-14T16:30", "--exit-after-first-frame"])
builtins.print = real_print
print(json.dumps({{"rc": rc, **seen}}))
"""


@pytest.mark.parametrize("view", ["agenda", "home"])
def test_first_frame_is_the_start_screen_without_resolving_every_qt_class(built_db, tmp_path, view):
    # PySide6 makes a Qt class (and its Python enums) on first touch. An app-wide Python event
    # filter, or a C++-made widget handed to Python (a list's own viewport), makes it resolve
    # every class of the module — QTabWidget, QMdiArea, QSharedMemory… (~25 ms of a 170 ms
    # start). At the first frame none of that may have happened. Nor may the ``Qt`` namespace
    # have been made (93 enums, ≈ 11 ms: a ``Qt.AlignmentFlag``, a ``painter.setPen``, the badge
    # reader's ``Qt.Key`` set — kiosk/views/qt_flags.py).
    db = tmp_path / "kiosk.db"
    shutil.copy(built_db, db)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_IM_MODULE", None)
    out = subprocess.run([sys.executable, "-c", _PROBE.format(root=str(ROOT), db=str(db), view=view)], env=env,
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    lines = out.stdout.splitlines()
    assert out.returncode == 0, out.stderr
    frame = [line for line in lines if line.startswith("first-frame")]
    assert frame and float(frame[0].split()[1]) > 0          # painted, with its CPU time
    seen = json.loads(lines[-1])
    assert seen["rc"] == 0
    late = ("QTabWidget", "QMdiArea", "QPlainTextEdit", "QScroller", "QStyle")
    if view == "home":     # its tiles re-wrap their words to the style's content rectangle: QStyle (≈ 6 ms)
        late = late[:-1]
    for name in late:
        assert name not in seen["widgets"], f"{name} was set up before the first frame"
    for name in ("QSharedMemory", "QSettings", "QLibrary", "Qt"):
        assert name not in seen["core"], f"{name} was set up before the first frame"


class _MenuProbe(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.menus = 0

    def contextMenuEvent(self, event) -> None:
        self.menus += 1


def _menu_event() -> QContextMenuEvent:
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))


def test_fast_start_kiosk_listens_for_touches_once_its_first_frame_is_up(qtbot, db, clock):
    from kiosk.builder import build_kiosk
    from kiosk.views.first_frame import AfterFirstFrame

    kiosk = build_kiosk(db, clock=clock, language="en", device_id="kiosk", idle_seconds=1.5,
                        start_view="agenda", fast_start=True)
    from kiosk.views.health import LockDown

    lockdown = LockDown(kiosk.window)
    window = kiosk.window
    qtbot.addWidget(window)
    try:
        window.resize(1920, 1080)
        window.show()                                     # (shown; painted only once the loop runs)
        viewport = window.agenda.list.viewport()
        assert AfterFirstFrame.holding()                 # built and shown, not yet painted: the extras wait
        assert not QScroller.hasScroller(viewport)
        assert window.agenda.url_qr.pixmap().isNull()    # the QR code too
        probe = _MenuProbe()
        QApplication.sendEvent(probe, _menu_event())
        assert probe.menus == 1                               # no lock-down filter yet
        qtbot.waitUntil(lambda: not AfterFirstFrame.holding(), timeout=5000)   # released by the first paint
        # now: kinetic scrolling, the idle watcher and the lock-down are in place
        assert QScroller.hasScroller(viewport)
        for _ in range(5):      # touches 0.4 s apart keep a 1.5 s idle reset away
            qtbot.wait(400)
            qtbot.mouseClick(window.agenda.day_buttons[1], Qt.MouseButton.LeftButton)
        assert window.current_view() == "agenda"
        QApplication.sendEvent(probe, _menu_event())
        assert probe.menus == 1                               # the lock-down swallowed it
        qtbot.waitUntil(lambda: not window.agenda.url_qr.pixmap().isNull(), timeout=5000)
        qtbot.waitUntil(lambda: window.stack.count() >= 2, timeout=5000)   # the other visitor screens follow
        qtbot.waitUntil(lambda: window.current_view() == "home", timeout=5000)   # untouched: reset
    finally:
        lockdown.deleteLater()
        kiosk.bus.stop()
        kiosk.ui.stop()
        kiosk.window.stop()
        AfterFirstFrame.drop()
        QApplication.processEvents()


_LOGGING = """
import logging, sys
from pathlib import Path
sys.path.insert(0, {root!r})
import main
main.LOG_DIR = Path({logs!r})
main.LOG_FILE = main.LOG_DIR / "kiosk.log"
main.setup_logging(to_file=True, console=False, rotate_later=True)
before = [type(h).__name__ for h in logging.getLogger().handlers]
logging.getLogger("kiosk").info("before the first frame")
main.use_rotating_log()
logging.getLogger("kiosk").info("after the first frame")
after = [type(h).__name__ for h in logging.getLogger().handlers]
print(before, after, "logging.handlers" in sys.modules)
"""


def test_the_start_logs_to_the_file_at_once_and_rotates_it_after_the_first_frame(tmp_path):
    out = subprocess.run([sys.executable, "-c", _LOGGING.format(root=str(ROOT), logs=str(tmp_path / "logs"))],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[0] == "['FileHandler'] ['RotatingFileHandler'] True"
    text = (tmp_path / "logs" / "kiosk.log").read_text()
    assert "INFO kiosk: before the first frame" in text and "INFO kiosk: after the first frame" in text


def _damage(db, table_or_index: str) -> None:
    """Overwrite the head of ``table_or_index``'s root page with nonsense (SQLite: 'malformed')."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table_or_index,)).fetchone()[0]
    conn.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")


def _kiosk_cmd(db, *extra):
    return [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--now", "2023-06-14T16:30", *extra]


def test_a_file_damaged_where_the_start_does_not_read_is_caught_just_after_the_first_frame(built_db, tmp_path):
    # the whole-file check (quick_check: its time grows with the file) runs after the first frame,
    # on a worker thread; what it finds replaces the kiosk by the calm error screen
    db = tmp_path / "kiosk.db"
    shutil.copy(built_db, db)
    _damage(db, "attendee_name")                  # an index the first frame never reads
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_IM_MODULE", None)
    first = subprocess.run(_kiosk_cmd(db, "--view", "agenda", "--exit-after-first-frame"), env=env,
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert first.returncode == 0 and first.stdout.startswith("first-frame")   # the frame did not wait for it
    # a real start (it runs until stopped): what it logged in its first seconds
    with pytest.raises(subprocess.TimeoutExpired) as ran:
        subprocess.run(_kiosk_cmd(db, "--windowed", "--backup-minutes", "0"), env=env, capture_output=True,
                       text=True, timeout=12, cwd=tmp_path)
    logged = (ran.value.stderr or b"")
    logged = logged.decode() if isinstance(logged, bytes) else logged
    assert "the event database is damaged" in logged and "Page " in logged, logged[-2000:]
    assert "Traceback" not in logged


def test_a_file_damaged_where_the_start_reads_shows_the_error_screen_not_a_traceback(built_db, tmp_path):
    db = tmp_path / "kiosk.db"
    shutil.copy(built_db, db)
    _damage(db, "session")                        # the agenda reads it to paint its first frame
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_IM_MODULE", None)
    run = subprocess.run(_kiosk_cmd(db, "--view", "agenda", "--exit-after-first-frame"), env=env,
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode == 0 and run.stdout.startswith("first-frame")     # the error screen painted
    assert "is damaged" in run.stderr and "restore" in run.stderr and "Traceback" not in run.stderr


_COLLECTOR = """
import gc, json, sys
sys.path.insert(0, {root!r})
gc.disable()                      # as main.py does before anything is imported
import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

seen = {{}}
real = main.start_collecting

def spy():                        # what the kiosk does just after its first frame
    seen["painted_before"] = painted[0]
    seen["off_until_then"] = not gc.isenabled()
    real()
    seen["on_after"] = gc.isenabled()
    seen["frozen"] = gc.get_freeze_count()
    QTimer.singleShot(0, QApplication.instance().quit)

painted = [False]
main.start_collecting = spy
from kiosk.views.first_frame import AfterFirstFrame
hold = AfterFirstFrame.release_after_first_paint.__func__
def release_after_first_paint(cls, window, **kw):
    from PySide6.QtCore import QEvent, QObject
    class Paint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                painted[0] = True
            return False
    window.installEventFilter(Paint(window))
    hold(cls, window, **kw)
AfterFirstFrame.release_after_first_paint = classmethod(release_after_first_paint)
rc = main.main(["--db", {db!r}, "--view", "agenda", "--now", "2023-06-14T16:30", "--windowed",
                "--backup-minutes", "0", "--size", "1280x800"])
print(json.dumps(seen))
import os; os._exit(0)
"""


def test_the_start_collects_no_garbage_until_its_first_frame_then_freezes_what_it_built(built_db, tmp_path):
    # main.py switches the cyclic collector off for the start (≈ 12 ms of collections while it
    # builds what it keeps); just after the first frame it must be on again, with the start's
    # objects frozen out of its way — a kiosk runs all day.
    db = tmp_path / "kiosk.db"
    shutil.copy(built_db, db)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_IM_MODULE", None)
    out = subprocess.run([sys.executable, "-c", _COLLECTOR.format(root=str(ROOT), db=str(db))], env=env,
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.splitlines()[-1])
    assert seen == {"painted_before": True, "off_until_then": True, "on_after": True,
                    "frozen": seen["frozen"]} and seen["frozen"] > 10_000, seen


def test_a_command_collects_garbage_as_usual(tmp_path):
    import gc

    import main

    gc.disable()
    try:
        main.main(["sessions", "--db", str(tmp_path / "missing.db")])     # (its answer does not matter here)
        assert gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("argv", [
    [],
    ["--db", "x.db", "--view", "agenda", "--now", "2023-06-14T16:30", "--exit-after-first-frame"],
    ["--db=x.db", "--lang", "ko", "--size", "1080x1920", "--windowed", "--accessible", "--backup-keep", "3"],
    ["--view", "exhibitors", "--category", "bio", "--category=ict", "--search", "robot", "--kiosk-id", "K2"],
    ["--idle-seconds", "15.5", "--backup-minutes", "0", "--backup-dir", "/tmp/b", "--screenshot", "s.png",
     "--list", "dinner-1", "--device-id", "desk-2", "--session", "d1-roundtable", "--exhibitor", "e01"],
    ["--win", "--lang", "ko"],                        # an abbreviation: argparse's reading
    ["--search", "-robot"],                           # a value like an option: argparse's reading (an error)
])
def test_the_kiosk_reads_its_options_as_argparse_does(argv):
    # the start reads a plain command line without building argparse's parser (issue 11): what it
    # reads must be what argparse reads, and anything unusual goes to argparse itself
    from kiosk.app import kiosk_parser, parse_kiosk_args

    try:
        expected = vars(kiosk_parser().parse_args(argv))
    except SystemExit as exc:
        with pytest.raises(SystemExit) as fast:
            parse_kiosk_args(argv)
        assert fast.value.code == exc.code == 2
        return
    assert vars(parse_kiosk_args(argv)) == expected


@pytest.mark.parametrize("argv, message", [
    (["--lang", "fr"], "invalid choice: 'fr'"),
    (["--size", "100x100"], "'100x100' is not a size like 1920x1080"),
    (["--backup-keep", "0"], "must be at least 1 (the newest backup is always kept), not 0"),
    (["--view"], "expected one argument"),
    (["--colour", "red"], "unrecognized arguments: --colour red"),
    (["--windowed=yes"], "ignored explicit argument 'yes'"),
])
def test_a_wrong_kiosk_option_is_named_as_argparse_names_it(argv, message, capsys):
    from kiosk.app import parse_kiosk_args

    with pytest.raises(SystemExit) as exc:
        parse_kiosk_args(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_pyside6_does_not_read_the_kiosk_modules_sources_when_they_are_imported():
    # PySide6's import hook reads the source of each module imported after it (≈ 0.1 ms each,
    # ≈ 50 modules on the start); the kiosk enters the answer beforehand. A PySide6 that changes
    # its hook would bring the cost back silently: this says so.
    probe = """
import sys, inspect
sys.path.insert(0, {root!r})
import PySide6.QtCore
import kiosk.views.first_frame as ff
ff.skip_feature_scan()
read = []
real = inspect.getsource
inspect.getsource = lambda obj: read.append(getattr(obj, "__name__", obj)) or real(obj)
import kiosk.views.theme, kiosk.models.domain, kiosk.views.qt_flags
from kiosk.views import phrases
print(sorted(n for n in read if str(n).startswith("kiosk")))
"""
    out = subprocess.run([sys.executable, "-c", probe.format(root=str(ROOT))], capture_output=True, text=True,
                         timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
