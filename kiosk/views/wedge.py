"""The badge-wedge reader in Qt: scans from a USB scanner's key bursts, without taking a key from
a person typing (on a keyboard or on the on-screen keyboard) into a focused text field.

Which keys it looks at (measured on xcb, see ../shared/virtual-keyboard-notes.md):

* spontaneous key presses (from the window system: a scanner, a physical keyboard, xdotool) are
  held by ``WedgeDecoder`` for at most ``MAX_GAP``; a fast burst becomes a scan and is consumed,
  anything slower is a person and is delivered, in order, to whatever has focus;
* non-spontaneous key events (the on-screen keyboard's letters, space, Backspace, Enter) and
  ``QInputMethodEvent`` (its Hangul and Zhuyin text) are never touched — only anything still
  held is delivered before them, so order is kept.
"""

from __future__ import annotations

import time
from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.models.scanner import MAX_GAP, Scan, Typed, WedgeDecoder

_MODIFIERS = {
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
}
_ENDS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}


class _HeldKey:
    """A copy of a key press (Qt deletes the event once delivered), replayed if a person typed it."""

    __slots__ = ("key", "modifiers", "text", "scan_code", "virtual_key", "native_modifiers")

    def __init__(self, ev: QKeyEvent) -> None:
        self.key = ev.key()
        self.modifiers = ev.modifiers()
        self.text = ev.text()
        self.scan_code = ev.nativeScanCode()
        self.virtual_key = ev.nativeVirtualKey()
        self.native_modifiers = ev.nativeModifiers()

    def deliver(self, target) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ev = QKeyEvent(kind, self.key, self.modifiers, self.scan_code, self.virtual_key,
                           self.native_modifiers, self.text)
            QApplication.sendEvent(target, ev)


class WedgeInput(QObject):
    """An application-wide event filter; while ``active`` it emits ``scanned(code)`` for each
    scanner burst, whatever has focus, and hands every other key on untouched or (held ones)
    a few milliseconds late."""

    scanned = Signal(str)

    def __init__(self, parent=None, *, max_gap: float = MAX_GAP) -> None:
        super().__init__(parent)
        self.decoder = WedgeDecoder(max_gap=max_gap)
        self.active = False
        self._down: Counter = Counter()          # keys whose press we took: their release is ours too
        self._clock: str | None = None           # "x" (server timestamps) or "mono" for this burst
        self._last_t = 0.0
        self._last_mono = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(max_gap * 1000) + 15)
        self._timer.timeout.connect(self._idle)
        QApplication.instance().installEventFilter(self)

    def set_active(self, on: bool) -> None:
        if not on:
            self.flush()
        self.active = on

    def flush(self) -> None:
        """Decide and deliver whatever is held now (leaving the desk, an idle reset)."""
        self._timer.stop()
        if self.decoder.pending:
            self._handle(self.decoder.other(self._last_t + time.monotonic() - self._last_mono))

    # ---------------------------------------------------------------- the filter
    def eventFilter(self, obj, event) -> bool:
        if not self.active or self._replaying:
            return False
        kind = event.type()
        if kind == QEvent.Type.InputMethod:
            # held keys first, then the on-screen keyboard's text; the keyboard also sends empty
            # ones (e.g. when it sees a scanner's Shift), which must not cut a burst in two
            if event.commitString() or event.preeditString() or event.replacementLength():
                self.flush()
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        key = event.key()
        if key in _MODIFIERS:
            # Shift around a scanner's capitals: no decision. (A key no widget accepts travels on
            # to the parents as a non-spontaneous event: a Shift must not cut the burst there.)
            return False
        if not event.spontaneous():               # the on-screen keyboard
            if kind == QEvent.Type.KeyPress:
                self.flush()
            return False
        if kind == QEvent.Type.KeyRelease:
            if self._down[key] > 0:
                self._down[key] -= 1
                return True
            return False
        if event.isAutoRepeat():                  # a key held down is a person, however fast it repeats
            self.flush()
            return False
        t = self._time(event)
        text = event.text()
        if key in _ENDS:
            outcome = self.decoder.enter(t, _HeldKey(event))
        elif text and text.isprintable():
            outcome = self.decoder.key(text, t, _HeldKey(event))
        else:                                     # Backspace, arrows, Escape …: after what is held
            self._timer.stop()
            self._handle(self.decoder.other(t))
            return False
        self._down[key] += 1
        self._handle(outcome)
        if self.decoder.pending:
            self._timer.start()
        else:
            self._timer.stop()
        return True

    def _time(self, event) -> float:
        """Seconds: the window system's own timestamp when there is one (a busy event loop
        cannot then squeeze a person's keys into a burst), else the monotonic clock (QTest)."""
        clock = "x" if event.timestamp() else "mono"
        if clock != self._clock and self.decoder.pending:
            self._handle(self.decoder.other(self._last_t))
        self._clock = clock
        self._last_mono = time.monotonic()
        self._last_t = event.timestamp() / 1000 if clock == "x" else self._last_mono
        return self._last_t

    def _idle(self) -> None:
        now = self._last_t + (time.monotonic() - self._last_mono)
        self._handle(self.decoder.idle(now))
        if self.decoder.pending:
            self._timer.start()

    def _handle(self, outcomes) -> None:
        for outcome in outcomes:
            if isinstance(outcome, Scan):
                self.scanned.emit(outcome.code)
            elif isinstance(outcome, Typed):
                target = QApplication.focusWidget() or QApplication.activeWindow()
                if target is None:
                    continue                      # nothing has focus: the keys had nowhere to go
                self._replaying = True
                try:
                    for held in outcome.keys:
                        held.deliver(target)
                finally:
                    self._replaying = False
