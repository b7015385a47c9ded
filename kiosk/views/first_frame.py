"""What the first frame does not need waits until just after it.

PySide6 sets up a Qt class's Python enums the first time Python touches the class, and an
application-wide Python event filter makes it look up the Python class of every object an
event goes to — for Qt's private classes that lookup misses and resolves *every* class of the
module (≈ 170 enums, ≈ 25 ms on the kiosk's VM). So the idle watcher's and the lock-down's
filters, and kinetic scrolling's gesture set-up (~70 ms), are installed just after the first
frame: the builder ``hold()``\\s them while it builds the start screen (``fast_start``) and
``release()``\\s them once that frame is painted — so do the agenda's QR code, the sweep of stale
temporary files and the building of the other visitor screens. Nobody can touch a screen
before it is shown.
Without ``hold()`` (tests, scripts) everything runs at once.
"""

from __future__ import annotations

from typing import Callable


class AfterFirstFrame:
    _pending: list[Callable[[], None]] | None = None

    @classmethod
    def hold(cls) -> None:
        cls._pending = []

    @classmethod
    def later(cls, step: Callable[[], None]) -> None:
        """Run ``step`` now, or just after the first frame while the builder holds."""
        if cls._pending is None:
            step()
        else:
            cls._pending.append(step)

    @classmethod
    def release(cls) -> None:
        pending, cls._pending = cls._pending or [], None
        for step in pending:
            try:
                step()
            except RuntimeError:   # its widget went (a rebuild, a closed kiosk) before it ran
                pass

    @classmethod
    def release_after_first_paint(cls, window, *, after_ms: int = 30, latest_ms: int = 3000) -> None:
        """Release ``after_ms`` after ``window`` first paints — counted from the paint, not from
        start-up: a fixed delay from start-up can run out before the frame on a loaded machine
        and put everything held back in front of it again. (The short wait lets what the frame
        itself posts — e.g. the benchmark's "first-frame" line — go first.) At the latest after
        ``latest_ms`` (a window never shown)."""
        from PySide6.QtCore import QEvent, QObject, QTimer

        class FirstPaint(QObject):
            # on the window itself, not the application: it sees only the window's own events
            def eventFilter(self, obj, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    obj.removeEventFilter(self)
                    QTimer.singleShot(after_ms, cls.release)    # after the whole frame, children included
                return False

        window.installEventFilter(FirstPaint(window))
        QTimer.singleShot(latest_ms, window, cls.release)

    @classmethod
    def drop(cls) -> None:
        """Forget what waits (a kiosk closed before its first frame)."""
        cls._pending = None

    @classmethod
    def holding(cls) -> bool:
        return cls._pending is not None
