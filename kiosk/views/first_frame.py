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


def skip_feature_scan() -> None:
    """Spare PySide6 reading the source of every module imported after it (call just after
    PySide6 is first imported).

    PySide6 replaces ``__import__`` to support its opt-in ``from __feature__ import snake_case``:
    the first time a module is imported (or imported *from*) after PySide6, it reads that
    module's whole source (``inspect.getsource``) to see whether it mentions PySide6, and keeps
    the answer in ``pyside_feature_dict`` (0: uses PySide6 with no feature; -1: ignore). On the
    kiosk's start that is ≈ 50 modules, ≈ 0.1 ms each, before the first frame (the same tax is
    described in napari/napari#8584). The kiosk never selects a feature, so the answer is known
    beforehand: the modules already loaded (PySide6's own included) and every module of the
    ``kiosk`` package are entered with it, and PySide6 looks no further. A PySide6 without that
    table (another version) is left alone: the start is slower, nothing else changes."""
    import os
    import sys

    table = getattr(sys.modules.get("PySide6.support.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in list(sys.modules):
        table.setdefault(name, 0 if name == "kiosk" or name.startswith("kiosk.") else -1)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))      # the kiosk package
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if f != "__pycache__"]
        rel = os.path.relpath(folder, root)
        package = "kiosk" if rel == "." else "kiosk." + rel.replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                stem = file[:-3]
                table.setdefault(package if stem == "__init__" else f"{package}.{stem}", 0)
