"""The kiosk's UI state shared by every screen: language, theme, clock ticks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from .theme import Theme


class UiState(QObject):
    """Language and accessibility choices, and a minute tick from the injected clock.

    Screens subscribe to the signals instead of reaching for globals.
    """

    languageChanged = Signal(str)
    themeChanged = Signal(object)
    #: Emitted once per second with the clock's time (for the clock label) …
    secondTick = Signal(object)
    #: … and when the minute changes (states like Now/Next only change then).
    minuteTick = Signal(object)

    def __init__(self, clock, *, language: str = "en", default_language: str = "en",
                 translations=None, parent: QObject | None = None, wall_clock=None) -> None:
        super().__init__(parent)
        self.clock = clock
        #: Real time, for what is about this machine rather than the event (a sync daemon's
        #: heartbeat); the kiosk's own clock may be replaying another day (``--now``).
        if wall_clock is None:
            from kiosk.clock import SystemClock

            wall_clock = SystemClock(getattr(clock, "tz", None) or clock.now().tzinfo)
        self.wall_clock = wall_clock
        self.language = language
        self.default_language = default_language
        self.theme = Theme()
        self._translations = translations
        self._minute = self._minute_of(clock.now())
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        if translations is not None:
            translations.install(language)

    def stop(self) -> None:
        """Stop the clock ticks (the kiosk is closing)."""
        self._timer.stop()

    @staticmethod
    def _minute_of(now: datetime) -> tuple:
        return (now.date(), now.hour, now.minute)

    def now(self) -> datetime:
        return self.clock.now()

    def tick(self) -> None:
        now = self.clock.now()
        self.secondTick.emit(now)
        minute = self._minute_of(now)
        if minute != self._minute:
            self._minute = minute
            self.minuteTick.emit(now)

    def set_language(self, lang: str) -> None:
        if lang == self.language:
            return
        self.language = lang
        if self._translations is not None:
            self._translations.install(lang)
        self.languageChanged.emit(lang)

    def set_accessible(self, on: bool) -> None:
        theme = Theme(high_contrast=on, scale=1.25 if on else 1.0)
        if theme != self.theme:
            self.theme = theme
            self.themeChanged.emit(theme)
