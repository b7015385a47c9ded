"""Now/next at the edges: the start minute, the end minute, gaps, overlaps, the day change."""

from datetime import date, datetime, timezone

import pytest

from kiosk.models import agenda
from kiosk.models.agenda import State
from tests.conftest import KST, kst


@pytest.fixture
def sessions(repo):
    return repo.sessions()


def ids(items):
    return {s.id for s in items}


def test_a_session_is_on_from_its_start_minute(sessions):
    nn = agenda.now_and_next(sessions, kst("06-14 15:40"))
    assert "d1-keynote" in ids(nn.now)
    assert "d1-opening" not in ids(nn.now)  # 15:00–15:40 ended exactly now


def test_a_session_is_over_at_its_end_minute(sessions):
    keynote = next(s for s in sessions if s.id == "d1-keynote")
    assert agenda.state_at(keynote, kst("06-14 15:59")) is State.NOW
    assert agenda.state_at(keynote, kst("06-14 16:00")) is State.PAST
    assert agenda.minutes_left(keynote, kst("06-14 15:59")) == 1


def test_parallel_sessions_are_all_on(sessions):
    nn = agenda.now_and_next(sessions, kst("06-14 16:30"))
    assert ids(nn.now) == {"d1-exhibition", "d1-matchmaking", "d1-iic", "d1-roundtable", "d1-masterclass1"}
    assert ids(nn.next) == {"d1-masterclass2"}


def test_in_a_gap_nothing_is_on_and_the_next_session_shows(sessions):
    nn = agenda.now_and_next(sessions, kst("06-14 18:25"))
    assert nn.now == []
    assert ids(nn.next) == {"d1-reception"}


def test_next_horizon_is_one_hour_inclusive(sessions):
    assert "d1-reception" in ids(agenda.now_and_next(sessions, kst("06-14 17:30")).next)
    assert "d1-reception" not in ids(agenda.now_and_next(sessions, kst("06-14 17:29")).next)


def test_overnight_shows_the_first_sessions_of_the_next_day(sessions):
    nn = agenda.now_and_next(sessions, kst("06-14 23:59"))
    assert nn.now == [] and nn.next == []
    assert ids(nn.later) == {"d2-forum1", "d2-exhibition", "d2-matchmaking"}


def test_after_the_event_nothing_is_left(sessions):
    nn = agenda.now_and_next(sessions, kst("06-16 17:00"))
    assert (nn.now, nn.next, nn.later) == ([], [], [])


def test_cancelled_sessions_are_not_on_but_still_announced_as_next(repo, db):
    db.execute("UPDATE session SET status = 'cancelled' WHERE id IN ('d1-roundtable', 'd1-masterclass2')")
    sessions = repo.sessions()
    nn = agenda.now_and_next(sessions, kst("06-14 16:30"))
    assert "d1-roundtable" not in ids(nn.now)
    assert "d1-masterclass2" in ids(nn.next)


def test_moved_time_counts_not_the_published_one(repo, db):
    db.execute("UPDATE session SET start = '2023-06-14T17:40:00+09:00', \"end\" = '2023-06-14T18:40:00+09:00' "
               "WHERE id = 'd1-masterclass2'")
    sessions = repo.sessions()
    assert "d1-masterclass2" not in ids(agenda.now_and_next(sessions, kst("06-14 17:30")).now)
    assert "d1-masterclass2" in ids(agenda.now_and_next(sessions, kst("06-14 17:45")).now)


@pytest.mark.parametrize("now, day", [
    ("06-10 12:00", "2023-06-14"),  # before the event: its first day
    ("06-15 00:00", "2023-06-15"),  # midnight belongs to the new day
    ("06-14 23:59", "2023-06-14"),
    ("06-20 09:00", "2023-06-16"),  # after: its last day
])
def test_the_day_tab_to_open(repo, now, day):
    assert agenda.event_day(kst(now), repo.event().days, KST).isoformat() == day


def test_day_is_taken_in_seoul_time_not_utc(repo):
    # 23:30 UTC on 14 June is 08:30 on 15 June in Seoul
    utc_evening = datetime(2023, 6, 14, 23, 30, tzinfo=timezone.utc)
    assert agenda.event_day(utc_evening, repo.event().days, KST).isoformat() == "2023-06-15"


def test_parallel_groups_put_same_start_side_by_side(repo):
    groups = agenda.parallel_groups(repo.sessions(date(2023, 6, 14)))
    by_start = {g[0].start.strftime("%H:%M"): ids(g) for g in groups}
    assert by_start["16:10"] == {"d1-roundtable", "d1-masterclass1"}
    assert by_start["10:00"] == {"d1-exhibition", "d1-matchmaking"}
