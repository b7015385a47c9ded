"""What is on now and next: the rules the agenda and home screen show.

A session is *on* from its start minute up to, not including, its end minute: at 16:00 the
keynote (15:40–16:00) is over and whatever starts at 16:00 is on. *Next* is a session that
starts within the coming hour (``NEXT_HORIZON``), inclusive. Every function takes ``now``.
"""

from __future__ import annotations

import math
from .records import record
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Iterable, Sequence
from zoneinfo import ZoneInfo

from .domain import Session

NEXT_HORIZON = timedelta(hours=1)


class State(str, Enum):
    PAST = "past"
    NOW = "now"
    NEXT = "next"
    LATER = "later"


def state_at(session: Session, now: datetime, *, horizon: timedelta = NEXT_HORIZON) -> State:
    """Where ``session`` stands at ``now`` (by its current, not published, times)."""
    if session.end <= now:
        return State.PAST
    if session.start <= now:
        return State.NOW
    if session.start - now <= horizon:
        return State.NEXT
    return State.LATER


def minutes_left(session: Session, now: datetime) -> int:
    """Whole minutes until the session ends, rounded up (0 once it has ended)."""
    seconds = (session.end - now).total_seconds()
    return max(0, math.ceil(seconds / 60))


def minutes_until(session: Session, now: datetime) -> int:
    seconds = (session.start - now).total_seconds()
    return max(0, math.ceil(seconds / 60))


@record(frozen=True)
class NowNext:
    now: list[Session]
    next: list[Session]
    #: When nothing starts within the hour: the first sessions still to come (same start).
    later: list[Session]


def now_and_next(
    sessions: Iterable[Session], now: datetime, *, horizon: timedelta = NEXT_HORIZON
) -> NowNext:
    """Sessions on at ``now`` (cancelled ones left out), those starting within ``horizon``
    (cancelled ones kept, so people heading there learn of it), and — if none start within
    the horizon — the next ones to start at all."""
    ordered = sorted(sessions, key=lambda s: (s.start, s.end, s.id))
    running, coming, later = [], [], []
    for s in ordered:
        st = state_at(s, now, horizon=horizon)
        if st is State.NOW and not s.cancelled:
            running.append(s)
        elif st is State.NEXT:
            coming.append(s)
    if not coming:
        future = [s for s in ordered if s.start > now and not s.cancelled]
        if future:
            first = future[0].start
            later = [s for s in future if s.start == first]
    return NowNext(running, coming, later)


def event_day(now: datetime, days: Sequence[date], tz: ZoneInfo) -> date:
    """The day tab to open at ``now``: today if it is an event day, else the nearest one."""
    today = now.astimezone(tz).date()
    if today in days:
        return today
    if today < days[0]:
        return days[0]
    return days[-1]


def on_a_past_day(session: Session, now: datetime) -> bool:
    """Did ``session`` end on a day before ``now``'s (in the event's zone)? A change to it no
    longer concerns a visitor: Home's "What changed (n)" leaves it out (a visitor on 15 June was
    told of 14 June's moves), the Changes screen lists it last, under "Earlier days"."""
    zone = session.end.tzinfo
    return session.end.astimezone(zone).date() < now.astimezone(zone).date()


def parallel_groups(sessions: Iterable[Session]) -> list[list[Session]]:
    """Sessions grouped by start time, in order: the agenda shows each group side by side."""
    groups: dict[datetime, list[Session]] = {}
    for s in sorted(sessions, key=lambda s: (s.start, s.end, s.id)):
        groups.setdefault(s.start, []).append(s)
    return list(groups.values())


def overlapping(session: Session, others: Iterable[Session]) -> list[Session]:
    """Other sessions that share some time with ``session`` (running in parallel)."""
    return [
        o for o in others
        if o.id != session.id and o.start < session.end and session.start < o.end
    ]
