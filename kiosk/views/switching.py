"""Language and text-size switches that survive a visitor mashing the buttons.

One switch re-lays out the kiosk (fonts, every built screen's texts, the exhibitors' map scene).
On a busy machine taps arrive faster than that work, and each one queued its own switch: 40 taps
were 25 s of work after the finger had stopped. Two things keep the kiosk instant under a finger:

- :class:`SwitchCoalescer` — a tap on a quiet kiosk switches at once; taps that arrive while a
  switch runs, or within a short settle time after it, only record the choice (their button shows
  it checked at once), and the last choice is applied once when the taps stop.
- :func:`when_shown` — a screen that is not on show does its part of a switch (re-translation,
  re-polish for the new font) when it is next shown, not on every tap.

Imported when first needed (a tap, a screen built after the first frame): nothing here runs
before the kiosk's first frame.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

#: After a switch (and after each tap recorded meanwhile) the kiosk waits this long for more taps
#: before it applies the last choice. Taps a busy machine queued during the switch all arrive
#: within it; a visitor's next deliberate tap comes later than that.
SETTLE_MS = 120

_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
#: Work keys run first when a hidden screen is shown: its fonts before its texts (text fitting
#: measures with the widget's font).
_FIRST = ("font",)


def repolish(root: QWidget, *, skip=()) -> int:
    """Re-polish ``root`` and every widget under it except the subtrees in ``skip``; returns how
    many widgets were polished. The style sheet engine fixes a widget's font families when it
    polishes it (see :func:`kiosk.views.i18n.apply_language_font`); polishing again makes the
    widget take the application font's families — parents before children, as they inherit."""
    skipped = {id(w) for w in skip}
    todo, n = [root], 0
    while todo:
        w = todo.pop()
        style = w.style()
        style.unpolish(w)
        style.polish(w)
        n += 1
        todo.extend(c for c in w.children() if isinstance(c, QWidget) and id(c) not in skipped)
    return n


class _WhenShown(QObject):
    """The work a hidden widget owes, run in order on its next Show event (before it paints)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.pending: dict[str, object] = {}
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and self.pending:
            self.run()
        return False

    def run(self) -> None:
        work, self.pending = self.pending, {}
        for key in sorted(work, key=lambda k: k not in _FIRST):     # stable: fonts first
            work[key]()


def when_shown(widget: QWidget, key: str, work) -> bool:
    """Run ``work()`` now if ``widget`` is on show, else once when it is next shown. Work under
    the same ``key`` collapses: ten language switches of a hidden screen are one re-translation
    when it comes up. Returns True when the work ran now."""
    keeper = widget.findChild(_WhenShown, options=_DIRECT)
    if widget.isVisible():
        if keeper is not None:
            keeper.pending.pop(key, None)
        work()
        return True
    if keeper is None:
        keeper = _WhenShown(widget)
    keeper.pending.pop(key, None)       # re-inserted last: the newest request keeps its place in order
    keeper.pending[key] = work
    return False


def settled(widget: QWidget, key: str) -> None:
    """The widget has just done ``key``'s work itself (a full refresh): nothing owed for it."""
    keeper = widget.findChild(_WhenShown, options=_DIRECT)
    if keeper is not None:
        keeper.pending.pop(key, None)


def owed(widget: QWidget) -> list[str]:
    """What a hidden widget will do when next shown (tests, benchmarks)."""
    keeper = widget.findChild(_WhenShown, options=_DIRECT)
    return list(keeper.pending) if keeper is not None else []


class SwitchCoalescer(QObject):
    """The language buttons and "Aa Larger text": the last tap wins and the work runs once.

    A tap on a quiet kiosk applies at once. A tap within :data:`SETTLE_MS` of the last switch
    (or of the last recorded tap) is recorded and postpones the settle; when the taps stop the
    kiosk applies the final language and text size once. ``applied`` counts the switches made,
    ``switched`` is emitted after each."""

    switched = Signal()

    def __init__(self, ui, parent: QObject | None = None, *, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self.ui = ui
        self._language: str | None = None
        self._larger: bool | None = None
        self.applied = 0
        self._pressed: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._settle)

    # ------------------------------------------------------------------ taps
    def language(self, lang: str) -> None:
        self._language = lang
        self._request()

    def larger(self, on: bool) -> None:
        self._larger = bool(on)
        self._request()

    def wanted_language(self) -> str:
        """The language the visitor chose last (applied or still to apply)."""
        return self._language if self._language is not None else self.ui.language

    def watch(self, button) -> None:
        """Tell a finger's toggle of ``button`` from the program's ``setChecked`` (the idle
        reset, a test): a press comes before the toggle a tap makes."""
        button.pressed.connect(lambda: self._pressed.add(id(button)))
        button.released.connect(lambda: self._pressed.discard(id(button)))

    def tapped(self, button) -> bool:
        """``button`` is being tapped (its toggle comes from a finger, to be coalesced)."""
        return id(button) in self._pressed

    def set_larger_now(self, on: bool) -> None:
        """The program sets the text size (not a tap): at once, and a tap still settling is
        dropped. The settle time starts too: the very first toggle, before this object watched
        the button, may have been a tap, and the taps behind it are then coalesced."""
        self._larger = None
        self.ui.set_accessible(on)
        self._timer.start()

    def pending(self) -> bool:
        return self._language is not None or self._larger is not None

    def busy(self) -> bool:
        """A switch is pending or the settle time after one is running."""
        return self.pending() or self._timer.isActive()

    def _request(self) -> None:
        if self._timer.isActive():
            self._timer.start()        # more taps coming: the last one is applied when they stop
            return
        self._apply()

    # ------------------------------------------------------------------ work
    def _settle(self) -> None:
        if self.pending():
            self._apply()

    def _apply(self) -> None:
        lang, larger = self._language, self._larger
        self._language = self._larger = None
        if lang is not None:
            self.ui.set_language(lang)
        if larger is not None:
            self.ui.set_accessible(larger)
        self.applied += 1
        # started after the work: the taps queued while it ran land inside the settle time
        self._timer.start()
        self.switched.emit()

    def flush(self) -> None:
        """Apply what is pending now (tests; a benchmark's end)."""
        self._timer.stop()
        if self.pending():
            self._apply()
        self._timer.stop()

    def cancel(self) -> None:
        """Forget the taps not yet applied (the idle reset: the next visitor starts afresh)."""
        self._language = self._larger = None
        self._timer.stop()
