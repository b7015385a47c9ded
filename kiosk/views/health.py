"""Keeping a kiosk alive all day: rolling backups, the write-health staff see, a watchdog
heartbeat for systemd, and lock-down (no context menus for visitors)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

log = logging.getLogger(__name__)


class Health(QObject):
    """What staff must know: can this kiosk save check-ins and edits? Did the last backup work?"""

    changed = Signal()

    def __init__(self, conn, parent=None, *, clock_check=None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.write_problem: str | None = None
        self.backup_problem: str | None = None
        self.last_backup: Path | None = None
        # ``Operations.clock_problem``: the clock's reading when it is outside the event (synced databases)
        self.clock_check = clock_check
        self.clock_problem = None
        self._probe_write()
        # the clock check reads the sync tables through kiosk.models.schedule (≈ 6 ms of imports):
        # just after the first frame, which shows no staff screen (at once without a held start)
        from .first_frame import AfterFirstFrame

        AfterFirstFrame.later(self._first_clock_check)

    def _first_clock_check(self) -> None:
        self._probe_clock()
        if self.clock_problem is not None:      # said at start, in the log too
            log.error("this device's clock says %s, outside the event's days: check-ins and changes are refused "
                      "until it is set", self.clock_problem.isoformat(timespec="minutes"))

    def probe(self) -> None:
        """Can this kiosk write? Never waits for a lock another process holds (that would
        freeze the screen): a busy database leaves the last known state as it was. Is this
        device's clock within the event (a synced database refuses what it would stamp)?"""
        self._probe_write()
        self._probe_clock()

    def _probe_write(self) -> None:
        from kiosk.models.store import BUSY

        problem = self.conn.probe_writable()
        if problem != BUSY:
            self._set_write(problem)

    def _probe_clock(self) -> None:
        if self.clock_check is not None:
            try:
                wrong = self.clock_check()
            except Exception as exc:       # a busy or broken database: the write probe reports it
                log.debug("clock check: %s", exc)
                return
            if wrong != self.clock_problem:
                self.clock_problem = wrong
                self.changed.emit()

    @property
    def read_only(self) -> bool:
        """Opened read-only at start (read-only file or mount, full disk): no write can work."""
        return bool(getattr(self.conn, "read_only_reason", None))

    def _set_write(self, problem: str | None) -> None:
        if problem != self.write_problem:
            self.write_problem = problem
            if problem:
                log.error("database not writable: %s", problem)
            self.changed.emit()

    def write_failed(self, exc: Exception) -> None:
        from kiosk.models.errors import is_busy

        if not is_busy(exc):       # another process holding the lock is not this kiosk's fault
            self._set_write(str(exc))

    def write_ok(self) -> None:
        self._set_write(None)

    def message(self) -> str:
        """A line for staff screens, empty when all is well."""
        parts = []
        if self.clock_problem is not None:
            parts.append(QCoreApplication.translate(
                "Health", "This device's clock says %1, outside the event's days: check-ins and changes are NOT "
                "RECORDED here. Ask the organiser to set the clock.").replace(
                "%1", self.clock_problem.strftime("%Y-%m-%d %H:%M")))
        if self.write_problem:
            parts.append(QCoreApplication.translate("Health", "Check-ins and changes cannot be saved on this kiosk (%1). Use another "
                                     "device and call the technical desk.").replace("%1", self.write_problem[:80]))
        if self.backup_problem:
            parts.append(QCoreApplication.translate("Health", "The last backup failed: %1").replace("%1", self.backup_problem[:80]))
        return "\n".join(parts)


class BackupTimer(QObject):
    """A backup every few minutes — written on a worker thread (a copy of the whole database,
    fsynced, would freeze touch for as long as it takes) — and one when the kiosk closes."""

    def __init__(self, conn, folder: Path, *, minutes: float, keep: int, health: Health, parent=None,
                 clock=None) -> None:
        super().__init__(parent)
        self.conn, self.folder, self.keep, self.health = conn, folder, keep, health
        if clock is None:   # real time, not the kiosk's (possibly replayed) clock: backups are about this machine
            from kiosk.clock import SystemClock

            clock = SystemClock(conn.tz)
        self.clock = clock
        self._background = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.run)
        if minutes > 0:
            self.timer.start()

    @property
    def background(self):
        """The worker thread, made at the first backup (not on the way to the first frame)."""
        if self._background is None:
            from .background import Background

            self._background = Background(self)
        return self._background

    def run(self, label: str = "") -> bool:
        """Start a backup on the worker thread; ``health`` hears how it went (on the UI thread).
        False when the last one is still being written (this turn is skipped)."""
        from kiosk import operations

        if self.background.busy:
            return False
        work = operations.back_up_off_thread(self.conn, self.folder, now=self.clock.now(), keep=self.keep,
                                             label=label)
        self.background.run(work, lambda outcome: self._written(outcome.result), self._failed)
        return True

    @property
    def busy(self) -> bool:
        return self._background is not None and self._background.busy

    def run_now(self, label: str = "") -> Path | None:
        """A backup on this thread (the kiosk is closing: nothing to keep responsive), after
        the one in progress, if any."""
        from kiosk import operations

        if self._background is not None:
            self._background.wait()
        try:
            path = operations.back_up(self.conn, self.folder, now=self.clock.now(), keep=self.keep, label=label).result
        except Exception as exc:  # noqa: BLE001 — reported to health, never raised at exit
            self._failed(exc)
            return None
        self._written(path)
        return path

    def _written(self, path: Path) -> None:
        self.health.last_backup = path
        if self.health.backup_problem:
            self.health.backup_problem = None
            self.health.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        from kiosk.models.errors import KioskError

        if isinstance(exc, (KioskError, OSError)):
            log.error("backup failed: %s", exc)
        else:
            log.error("backup failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.health.backup_problem = str(exc)
        self.health.changed.emit()


class Watchdog(QObject):
    """Tells systemd the UI is alive (sd_notify WATCHDOG=1) from the event loop: if the loop
    freezes, the heartbeats stop and systemd restarts the kiosk. Does nothing outside systemd."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.address = os.environ.get("NOTIFY_SOCKET")
        usec = int(os.environ.get("WATCHDOG_USEC", "0") or 0)
        self.timer = QTimer(self)
        if self.address and usec:
            self.timer.setInterval(max(1000, usec // 2000))
            self.timer.timeout.connect(lambda: self.notify("WATCHDOG=1"))
            self.timer.start()

    def notify(self, message: str) -> None:
        if not self.address:
            return
        address = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        try:
            import socket

            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
                s.connect(address)
                s.sendall(message.encode())
        except OSError as exc:
            log.warning("sd_notify failed: %s", exc)


class LockDown(QObject):
    """No context menus anywhere (they lead to copy/paste, 'open with', …): a kiosk visitor
    only gets what the screens offer."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QApplication

        from .first_frame import AfterFirstFrame

        # no context menu can open before the first frame: the filter waits for it (first_frame.py)
        AfterFirstFrame.later(lambda: QApplication.instance().installEventFilter(self))

    def eventFilter(self, obj, event) -> bool:
        return event.type() == QEvent.Type.ContextMenu
