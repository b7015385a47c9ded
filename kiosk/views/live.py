"""One change signal: the kiosk's own writes and other processes' commits both end up here."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.models.database import data_version

log = logging.getLogger(__name__)

#: How often to ask SQLite whether another connection committed. ``PRAGMA data_version``
#: costs a few microseconds, so 4 polls a second keep changes well under the 1 s promise.
POLL_MS = 250


class ChangeWatcher(QObject):
    """Emits ``changed`` when the event database changes, whoever changed it."""

    changed = Signal()

    def __init__(self, db, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._db = db
        self._version = self._read()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _read(self) -> int | None:
        try:
            version = data_version(self._db)
        except sqlite3.ProgrammingError:  # our connection was closed: nothing left to watch
            self._timer.stop() if hasattr(self, "_timer") else None
            return None
        except sqlite3.Error as exc:  # another process holds a lock, file replaced…
            if str(exc) != getattr(self, "_last_error", None):  # say it once, not four times a second
                log.warning("could not poll the database: %s", exc)
                self._last_error = str(exc)
            return None
        self._last_error = None
        return version

    def poll(self) -> None:
        version = self._read()
        if version is not None and version != self._version:
            self._version = version
            self.changed.emit()

    def announce(self) -> None:
        """Our own connection wrote: tell the views (data_version only sees other writers)."""
        self.changed.emit()
