"""Slow work off the UI thread: a backup (a copy of the whole database, fsynced) and a PIN's
scrypt check (~50–100 ms by design) would each freeze touch for as long as they take.

``Background(parent).run(work, on_done, on_error)`` runs ``work()`` on a pool thread of its own
(one job at a time, in the order given) and calls ``on_done(result)`` — or ``on_error(exc)`` —
back on the UI thread, through a queued signal. ``work`` must not touch Qt widgets or the
kiosk's database connection: it gets what it needs as arguments (the PIN's stored hashes, the
database's path) and opens its own reader if it needs one.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Background(QObject):
    _finished = Signal(int, object, object)     # job, result, exception — emitted on the pool thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)          # one job at a time: backups never overlap
        self.pool.setExpiryTimeout(10_000)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self._jobs = 0
        # both ends are this object (which lives on the UI thread): an emit from the pool thread
        # is queued, so _deliver — and the caller's callbacks — run on the UI thread
        self._finished.connect(self._deliver)

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        self._jobs += 1
        job = self._jobs
        self._callbacks[job] = (on_done, on_error)

        def task() -> None:
            try:
                result = work()
            except BaseException as exc:    # handed to the UI thread, never lost on the pool thread
                self._finished.emit(job, None, exc)
            else:
                self._finished.emit(job, result, None)

        self.pool.start(task)

    @property
    def busy(self) -> bool:
        """A job is running or waiting, or its result has not been delivered yet."""
        return bool(self._callbacks)

    def wait(self, ms: int = -1) -> bool:
        """Wait for the jobs (e.g. at exit); their callbacks run at the next event-loop turn."""
        return self.pool.waitForDone(ms)

    @Slot(int, object, object)
    def _deliver(self, job: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(job, (None, None))
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            log.error("background job failed", exc_info=(type(error), error, error.__traceback__))
