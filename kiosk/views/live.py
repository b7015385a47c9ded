"""The change bus: the kiosk's own writes and other processes' commits, as change objects.

Own writes: the operations return a :class:`~kiosk.models.change.Change` and
:meth:`ChangeBus.publish` hands it on. Other processes: ``PRAGMA data_version`` is polled four
times a second (a few µs); when it moves, the change log rows written since (by other
connections) say exactly what changed. A commit that logged nothing is either the sync
daemon's heartbeat (its status row moved: only the sync line refreshes) or a writer that
does not log (then every topic is announced, to be safe).
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.models.change import Change

log = logging.getLogger(__name__)

#: How often to ask SQLite whether another connection committed. ``PRAGMA data_version``
#: costs a few microseconds, so 4 polls a second keep changes well under the 1 s promise.
POLL_MS = 250


class ChangeBus(QObject):
    """Emits ``changed(Change)`` for every write to the event database, whoever made it."""

    changed = Signal(object)

    def __init__(self, store, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._store = store
        self._last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._version = self._read(store.data_version)
        self._last_id = self._read(store.last_change_id) or 0
        self._sync_stamp = self._read(store.sync.stamp)
        #: How many changes were announced, by topic (the benchmarks count rebuilds with it).
        self.counts: dict[str, int] = {}
        self._timer.start()

    def _read(self, query):
        try:
            value = query()
        except sqlite3.ProgrammingError:  # our connection was closed: nothing left to watch
            self.stop()
            return None
        except sqlite3.Error as exc:  # another process holds a lock, file replaced…
            if str(exc) != self._last_error:  # say it once, not four times a second
                log.warning("could not poll the database: %s", exc)
                self._last_error = str(exc)
            return None
        self._last_error = None
        return value

    def stop(self) -> None:
        if hasattr(self, "_timer"):
            self._timer.stop()

    def poll(self) -> None:
        version = self._read(self._store.data_version)
        if version is None or version == self._version:
            return
        self._version = version
        found = self._read(lambda: self._store.changes_since(self._last_id))
        if found is None:
            return
        self._last_id, change = found
        stamp = self._read(self._store.sync.stamp)
        sync_moved = stamp != self._sync_stamp
        self._sync_stamp = stamp
        if change is None:   # nothing logged: the sync heartbeat, or a writer that keeps no log
            change = Change(sync=True) if sync_moved else Change.all()
        elif sync_moved:
            change = change | Change(sync=True)
        self.publish(change)

    def publish(self, change: Change) -> None:
        """A write's change (our own, or found by :meth:`poll`): tell the subscribers."""
        if not change:
            return
        for topic in change.topics:
            self.counts[topic] = self.counts.get(topic, 0) + 1
        self.changed.emit(change)

    def announce(self) -> None:
        """Something changed and we cannot say what: every topic."""
        self.publish(Change.all())

    def subscribe(self, topics, slot) -> None:
        """Call ``slot(change)`` for changes touching any of ``topics``."""
        topics = tuple(topics)
        self.changed.connect(lambda change: slot(change) if change.touches(*topics) else None)
