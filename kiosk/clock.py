"""The kiosk's clock, injected everywhere a view needs "now".

``RunningClock`` starts at a chosen instant (``--now``) and runs with real time, so the kiosk
can replay any moment of the event; ``FixedClock`` stands still until told (tests).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo


class RunningClock:
    def __init__(self, tz: ZoneInfo, start: datetime | None = None) -> None:
        self.tz = tz
        self._start = start.astimezone(tz) if start else None
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        if self._start is None:
            return datetime.now(timezone.utc).astimezone(self.tz)
        return self._start + timedelta(seconds=time.monotonic() - self._t0)


class SystemClock(RunningClock):
    """The wall clock, in the event's zone (headless commands and the sync daemon)."""

    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__(tz, None)


class FixedClock:
    def __init__(self, at: datetime, tz: ZoneInfo | None = None) -> None:
        self.tz = tz or at.tzinfo
        self._at = at

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at

    def advance(self, **delta) -> None:
        self._at += timedelta(**delta)


def parse_instant(text: str, tz: ZoneInfo) -> datetime:
    """``2023-06-15T10:45`` (event-local when no offset is given) → aware datetime.

    Raises ValueError with a readable message.
    """
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--now {text!r} is not a date and time like 2023-06-15T10:45") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value.astimezone(tz)
