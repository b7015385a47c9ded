"""Build everything and start it: the kiosk, or one of its headless commands (``main.py``).

    python main.py [--db PATH] [--now 2023-06-15T10:45] [--lang ko] [--view agenda] [--windowed]
    python main.py --view agenda --screenshot shot.png [--size 1080x1920]
    python main.py init-db PATH [--data DIR] [--force]
    python main.py keys|badges|set-pin|pin-unlock|checkin|checkins-csv …   (see --help of each)
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kiosk.argtypes import at_least_one, screen_size

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "innofair2023.db"
DATA_DIR = ROOT / "data"
LOG_DIR = ROOT / "logs"

log = logging.getLogger("kiosk")


LOG_FILE = LOG_DIR / "kiosk.log"


def _private(path: Path) -> None:
    """The log names attendees and devices: created 600 before a handler opens it, and made 600
    if an older version left it readable by others (found by an attack: it was 644)."""
    from kiosk.models.safefile import make_private

    make_private(path)


def _rotate_privately(source: str, dest: str) -> None:
    os.replace(source, dest)
    _private(Path(source))          # the handler reopens the file next: a fresh one, 600 too


def _rotating_log(path: Path | None = None, max_bytes: int = 2_000_000) -> logging.Handler:
    import logging.handlers

    _private(path or LOG_FILE)
    handler = logging.handlers.RotatingFileHandler(path or LOG_FILE, maxBytes=max_bytes, backupCount=5,
                                                   encoding="utf-8")
    handler.rotator = _rotate_privately
    return handler


def setup_logging(to_file: bool, console: bool = True, *, rotate_later: bool = False) -> None:
    """Log to stderr and ``logs/kiosk.log`` (rotated at 2 MB, 5 kept). ``rotate_later`` (the
    kiosk's start): a plain handler on the same file until :func:`use_rotating_log` swaps in the
    rotating one after the first frame — ``logging.handlers`` brings socket, pickle, queue… (~4 ms)."""
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)] if console else []
    if to_file:
        try:
            LOG_DIR.mkdir(exist_ok=True)
            _private(LOG_FILE)
            handlers.append(logging.FileHandler(LOG_FILE, encoding="utf-8", delay=True) if rotate_later
                            else _rotating_log())
        except OSError:
            pass  # a read-only install still runs; stderr keeps the messages
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        handlers=handlers)


def use_rotating_log() -> None:
    """Replace the start's plain file handler by the rotating one (see :func:`setup_logging`)."""
    root = logging.getLogger()
    for old in list(root.handlers):
        if type(old) is logging.FileHandler and old.baseFilename == os.path.abspath(LOG_FILE):
            try:
                new = _rotating_log()
            except OSError:
                return
            new.setFormatter(old.formatter)
            new.setLevel(old.level)
            root.addHandler(new)
            root.removeHandler(old)
            old.close()


VIEWS = ("home", "agenda", "exhibitors", "changes", "my-day", "board", "checkin", "editor")
#: The kiosk's options, once: :func:`kiosk_parser` makes an ``argparse`` parser of them (help,
#: errors) and :func:`parse_kiosk_args` reads a well-formed command line without it.
KIOSK_OPTIONS: tuple[tuple[str, dict], ...] = (
    ("--db", dict(type=Path, default=DEFAULT_DB, help="event database (default: %(default)s)")),
    ("--now", dict(help="start the kiosk's clock at this instant, e.g. 2023-06-15T10:45 (in the event's zone when no "
                        "offset is given)")),
    ("--lang", dict(choices=["en", "ko", "zh-Hant"], help="start language (default: the event's)")),
    ("--device-id", dict(metavar="ID", help="this device's name in check-ins and the audit trail (default: the identity "
                                            "the database syncs as, else the host name; on a synced database no other id "
                                            "is accepted)")),
    ("--view", dict(choices=VIEWS, default="home",
                    help="start screen (checkin, editor: the staff desks, unlocked — for screenshots only, with "
                         "--screenshot)")),
    ("--list", dict(dest="checkin_list", metavar="LIST", help="check-in desk: the list to show")),
    ("--kiosk-id", dict(metavar="ID", help="which kiosk this is (its place on the map: K1, K2, …)")),
    ("--category", dict(action="append", metavar="NAME",
                        help="exhibitors: start filtered to this category (id or name; repeat for more)")),
    ("--search", dict(metavar="TEXT", help="exhibitors: start with this search")),
    ("--exhibitor", dict(metavar="ID", help="exhibitors: start with this exhibitor selected (its card and route)")),
    ("--session", dict(metavar="ID", help="open this session's detail (e.g. d1-roundtable)")),
    ("--windowed", dict(action="store_true", help="a normal window instead of full-screen (development)")),
    ("--screenshot", dict(type=Path, help="render the start state offscreen to this PNG and exit")),
    ("--size", dict(type=screen_size, default=(1920, 1080), help="window size WxH (default 1920x1080)")),
    ("--idle-seconds", dict(type=float, default=60.0, help="idle reset after this many seconds")),
    ("--accessible", dict(action="store_true", help="start with larger text and high contrast")),
    ("--backup-minutes", dict(type=float, default=5, help="take a backup this often (0: never)")),
    ("--backup-keep", dict(type=at_least_one, default=20,
                           help="keep this many backups (at least 1: the newest is never deleted)")),
    ("--backup-dir", dict(type=Path, help="backup folder (default: next to the database, backups/)")),
    ("--exit-after-first-frame", dict(action="store_true", hidden=True)),   # (the benchmarks': not in --help)
)


def kiosk_parser():
    import argparse

    p = argparse.ArgumentParser(prog="main.py", description="Run the venue kiosk.")
    for name, spec in KIOSK_OPTIONS:
        if spec.get("hidden"):
            spec = {**spec, "help": argparse.SUPPRESS}
            del spec["hidden"]
        p.add_argument(name, **spec)
    return p


def parse_kiosk_args(argv: list[str]):
    """The kiosk's options from ``argv``, as ``kiosk_parser().parse_args(argv)`` gives them.

    A kiosk starts with a handful of plain ``--option value`` pairs: those are read here from
    :data:`KIOSK_OPTIONS`, without building the ``argparse`` parser (≈ 2.5 ms of its help
    formatting, on the way to the first frame). Anything else — ``--help``, an abbreviation, an
    unknown option, a value that starts with ``-``, a wrong value — goes to ``argparse``, which
    reads it or says what is wrong exactly as before."""
    from types import SimpleNamespace

    specs = dict(KIOSK_OPTIONS)
    values = {spec.get("dest", name[2:].replace("-", "_")): spec.get("default", False if spec.get("action") == "store_true"
                                                                      else None)
              for name, spec in KIOSK_OPTIONS}
    i = 0
    try:
        while i < len(argv):
            name, eq, value = argv[i].partition("=")
            spec = specs[name]                                  # KeyError: not a whole option name
            dest = spec.get("dest", name[2:].replace("-", "_"))
            if spec.get("action") == "store_true":
                if eq:
                    raise ValueError(name)
                values[dest] = True
                i += 1
                continue
            if not eq:
                i += 1
                value = argv[i]                                 # IndexError: no value
            if value.startswith("-"):
                raise ValueError(value)
            value = spec.get("type", str)(value)                # an ArgumentTypeError, a ValueError
            if "choices" in spec and value not in spec["choices"]:
                raise ValueError(value)
            if spec.get("action") == "append":
                values[dest] = [*(values[dest] or []), value]
            else:
                values[dest] = value
            i += 1
    except Exception:       # not plainly well-formed: argparse reads it, or says what is wrong
        return kiosk_parser().parse_args(argv)
    return SimpleNamespace(**values)


def start_collecting() -> None:
    """Garbage collection back on, once the kiosk is up. ``main.py`` switches Python's cyclic
    collector off before anything is imported: the start makes tens of thousands of objects that
    live as long as the process (modules, classes, PySide6's wrappers, the screens), and the
    collector went through them again and again while they were made (≈ 12 ms of a 150 ms start,
    measured). They are frozen (``gc.freeze``: out of every later collection's way, which also
    spares the running kiosk) and the collector is switched on. A no-op where the collector was on
    (tests, a kiosk started otherwise than by ``main.py``)."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run_kiosk(argv: list[str]) -> int:
    args = parse_kiosk_args(argv)
    setup_logging(to_file=args.screenshot is None, rotate_later=True)
    offscreen = args.screenshot is not None or args.exit_after_first_frame
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        print("No screen found (DISPLAY is not set). Start the kiosk from a desktop session, "
              "under X (e.g. `xvfb-run python main.py`), or render a PNG with --screenshot.",
              file=sys.stderr)
        return 2
    else:
        _enable_virtual_keyboard()

    import sqlite3

    # The kiosk's Qt-free modules before PySide6: once PySide6 is loaded, its import hook reads
    # the source of every module imported after it (looking for "PySide6", for its __feature__
    # switch) — ≈ 0.1 ms a module, ≈ 5 ms for these and the standard library they bring.
    import kiosk.models.agenda  # noqa: F401
    import kiosk.models.repository  # noqa: F401
    import kiosk.operations  # noqa: F401
    import kiosk.views.first_frame  # noqa: F401
    import kiosk.views.programme  # noqa: F401
    from kiosk.builder import build_kiosk
    from kiosk.clock import parse_instant
    from kiosk.models.errors import KioskError
    from kiosk.models.store import EventStore

    from PySide6.QtWidgets import QApplication

    kiosk.views.first_frame.skip_feature_scan()
    _install_excepthook()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("innofair-kiosk")

    try:
        # the whole-file integrity check (its time grows with the file) runs after the first frame
        store = EventStore.open(args.db, check_integrity=False)
        tz = store.tz
    except KioskError as exc:
        use_rotating_log()
        log.error("cannot open %s: %s", args.db, exc)
        return _show(app, _error_screen(app, exc, args), args)
    try:
        start = parse_instant(args.now, tz) if args.now else None
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    start_view = args.view if args.view in ("home", "agenda") else "home"
    try:
        kiosk = build_kiosk(store, now=start, language=args.lang, device_id=args.device_id, kiosk_id=args.kiosk_id,
                            idle_seconds=args.idle_seconds, start_view=start_view, fast_start=True)
    except ValueError as exc:   # an unknown --kiosk-id
        print(exc, file=sys.stderr)
        return 2
    except KioskError as exc:   # a --device-id other than the identity this database syncs as
        print(f"{exc.message} {exc.hint or ''}".strip(), file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:   # a damaged file that opened: the whole check says what is wrong
        from kiosk.models.store import damaged
        from kiosk.views.first_frame import AfterFirstFrame

        AfterFirstFrame.drop()
        use_rotating_log()
        problem = store.check_integrity() or damaged(args.db, str(exc))
        log.error("cannot open %s: %s", args.db, problem)
        return _show(app, _error_screen(app, problem, args), args)
    window, repo = kiosk.window, kiosk.repo
    from kiosk.views.first_frame import AfterFirstFrame

    AfterFirstFrame.later(start_collecting)
    AfterFirstFrame.later(use_rotating_log)
    AfterFirstFrame.later(lambda: _check_integrity_after_start(app, kiosk, args))
    # stale temporary files of a killed backup or export: swept once the first frame is up
    AfterFirstFrame.later(lambda: _sweep_temporaries(
        [args.db.parent, args.backup_dir or args.db.parent / "backups", ROOT / "exports"]))
    if args.screenshot is None:
        # the lock-down (its filter waited for the frame anyway), the watchdog's heartbeat and the
        # backup timer (its first backup is minutes away) start once the first frame is up
        def services() -> None:
            from kiosk.views.health import BackupTimer, LockDown, Watchdog

            backups = BackupTimer(store, args.backup_dir or args.db.parent / "backups", minutes=args.backup_minutes,
                                  keep=args.backup_keep, health=kiosk.health, parent=window)
            kiosk.services.extend([LockDown(window), Watchdog(window), backups])
            if not args.exit_after_first_frame:
                app.aboutToQuit.connect(lambda: backups.run_now("exit"))

        AfterFirstFrame.later(services)
    if args.accessible:
        window.access_button.setChecked(True)
    if args.view in ("checkin", "editor"):
        if args.screenshot is None:
            print(f"--view {args.view} is for screenshots only; staff unlock it with their PIN.", file=sys.stderr)
            return 2
        window.enter_staff_mode("staff" if args.view == "checkin" else "volunteer")
        if args.checkin_list:
            window.desk.choose_list(args.checkin_list)
        if args.view == "editor" and args.session:
            window.editor.show_day(repo.session(args.session).start.date())
            window.editor.select(args.session)
            args.session = None
    elif args.view not in ("home", "agenda"):
        window.show_view(args.view)
    if args.category:
        chosen = set()
        for name in args.category:
            match = [c.id for c in repo.categories()
                     if name.casefold() in {c.id.casefold(), c.name.en.casefold(), (c.name.ko or "").casefold(),
                                            (c.name.zh or "").casefold()}]
            if not match:
                known = ", ".join(c.id for c in repo.categories())
                print(f"There is no category {name!r}; known: {known}.", file=sys.stderr)
                return 2
            chosen.update(match)
        window.exhibitors.set_categories(chosen)
    if args.search:
        window.exhibitors.set_search(args.search)
    if args.exhibitor:
        if args.exhibitor not in window.exhibitors.by_id:
            print(f"There is no exhibitor {args.exhibitor!r} (ids are in data/exhibitors.toml).", file=sys.stderr)
            return 2
        window.exhibitors.select_exhibitor(args.exhibitor)
    if args.session:
        if repo.session(args.session) is None:
            print(f"There is no session {args.session!r}; `python main.py sessions` lists them.", file=sys.stderr)
            return 2
        window.open_session(args.session)
    return _show(app, window, args, kiosk)


def _check_integrity_after_start(app, kiosk, args) -> None:
    """The whole-file check ``EventStore.open`` skipped, on a worker thread (it reads every page).
    A damaged file: the kiosk stops and the calm error screen takes its place."""
    from kiosk.views.background import Background

    def found(problem) -> None:
        if problem is None:
            return
        log.error("the event database is damaged: %s", problem)
        kiosk.bus.stop()
        kiosk.ui.stop()
        kiosk.window.stop()
        screen = _error_screen(app, problem, args)
        kiosk.services.append(screen)
        screen.setGeometry(kiosk.window.geometry())
        if kiosk.window.isFullScreen():
            from PySide6.QtCore import Qt

            screen.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            screen.showFullScreen()
        else:
            screen.show()
        kiosk.window.hide()

    worker = Background(kiosk.window)
    kiosk.services.append(worker)
    worker.run(kiosk.store.check_integrity, found, lambda exc: log.error("integrity check failed: %s", exc))


def _error_screen(app, exc, args):
    """A calm screen saying what is wrong with the database and how to fix it."""
    from zoneinfo import ZoneInfo

    from kiosk.clock import RunningClock
    from kiosk.views.error_screen import ErrorScreen
    from kiosk.views.i18n import Translations
    from kiosk.views.state import UiState

    ui = UiState(RunningClock(ZoneInfo("Asia/Seoul")), language=args.lang or "en", translations=Translations(app))
    window = ErrorScreen(ui, exc)
    window.setStyleSheet(ui.theme.stylesheet())
    return window


def _show(app, window, args, kiosk=None) -> int:
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    w, h = args.size
    first_frame = None
    if args.exit_after_first_frame:
        class FirstFrame(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    # the process exits right after this frame: what waits for it never runs (on a
                    # loaded machine it could otherwise slip in before the exit and be timed with it)
                    from kiosk.views.first_frame import AfterFirstFrame

                    AfterFirstFrame.drop()
                    # the process's CPU time at the first frame, as benchmarks/bare_window.py prints it
                    QTimer.singleShot(0, lambda: (print("first-frame", f"{time.process_time() * 1000:.1f}", flush=True),
                                                  app.quit()))
                    obj.removeEventFilter(self)
                return False

        # the start screen's own content (the agenda's list, when it opens on the agenda)
        target = window
        if kiosk is not None:
            screen = window.stack.currentWidget()
            target = screen.list.viewport() if hasattr(screen, "list") else screen
        first_frame = FirstFrame(window)
        target.installEventFilter(first_frame)
    if args.screenshot is not None or args.exit_after_first_frame:
        window.resize(w, h)
        window.show()
    elif args.windowed:
        window.resize(w, h)
        window.show()
    else:
        from PySide6.QtCore import Qt

        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        # Without a window manager (a bare X server, as kiosks often run) nobody honours the
        # full-screen request and the window keeps its default size: take the screen's geometry.
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()
    if args.screenshot is not None:
        def shoot():
            app.processEvents()
            ok = window.grab().save(str(args.screenshot), "PNG")
            if not ok:
                print(f"Could not write {args.screenshot}", file=sys.stderr)
            app.exit(0 if ok else 1)

        QTimer.singleShot(300, shoot)
    from kiosk.views.first_frame import AfterFirstFrame

    if not AfterFirstFrame.holding():    # an error screen, a screenshot: nothing waits for a frame
        start_collecting()
    code = app.exec()
    if os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard" and app.platformName() == "xcb":
        # Once the on-screen keyboard has shown, Qt's own teardown aborts (its QQuickView is
        # destroyed inside ~QXcbIntegration and sets a cursor after QGuiApplication is gone:
        # "QPixmap: Must construct a QGuiApplication", exit 134 — seen on Xvfb, Qt 6.11).
        # Everything that matters is done (backups ran on aboutToQuit, every write committed):
        # leave without it, so a normal quit is not reported as a crash.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _sweep_temporaries(folders) -> None:
    """Temporary files of backups and exports killed mid-write (a power cut) go at start."""
    import time

    from kiosk.models.safefile import sweep

    for folder in folders:
        for path in sweep(folder, now=time.time()):
            log.info("removed a stale temporary file: %s", path)


def _enable_virtual_keyboard() -> None:
    """Qt's on-screen keyboard for every text field (the kiosk has no physical keyboard)."""
    if os.environ.get("QT_IM_MODULE"):
        return
    try:
        import PySide6

        plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforminputcontexts" / "libqtvirtualkeyboardplugin.so"
        if plugin.exists():
            os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    except ImportError:
        pass


def _install_excepthook() -> None:
    """An unexpected error in a slot is logged, never shown as a traceback on the screen."""
    def hook(kind, value, tb):
        log.critical("unexpected error", exc_info=(kind, value, tb))

    sys.excepthook = hook


def _global_options_after_command(argv: list[str]) -> list[str]:
    """`main.py --db X import FILE` works like `main.py import FILE --db X`: a leading --db (the
    one option every command and the kiosk share) moves after the command it precedes."""
    lead, i = [], 0
    while i < len(argv) and (argv[i] == "--db" or argv[i].startswith("--db=")):
        step = 1 if argv[i].startswith("--db=") else 2
        lead += argv[i:i + step]
        i += step
    if lead and i < len(argv) and not argv[i].startswith("-"):
        from kiosk import cli

        if argv[i] in cli.COMMANDS:
            return [argv[i], *argv[i + 1:], *lead]
    return argv


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv = _global_options_after_command(argv)
    if argv and not argv[0].startswith("-"):   # a command (the kiosk's own options all start with -)
        import gc

        gc.enable()     # (main.py switched it off for the kiosk's start: a command collects as usual)
        from kiosk import cli

        if argv[0] in cli.COMMANDS:
            setup_logging(to_file=True, console=False)
            return cli.run(argv[0], argv[1:])
        print(f"Unknown command {argv[0]!r}; commands: {', '.join(cli.COMMANDS)}; "
              "or no command to start the kiosk.", file=sys.stderr)
        return 2
    return run_kiosk(argv)

