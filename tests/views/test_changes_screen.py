"""The Changes screen: one card per changed session, each change in words that cannot be
misread, when it was changed, and a tap (not a flick) opens the session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.conftest import kst


def _edit(window, session_id, **change):
    window.ops.edit_session(session_id, by="Mina", role="volunteer", **change)


@pytest.fixture
def changed(make_kiosk, clock):
    window = make_kiosk()
    clock.set(kst("06-14 16:10"))
    _edit(window, "d1-masterclass2", room="204", start=kst("06-14 17:30"), notice="preset:late10")
    clock.set(kst("06-14 16:20"))
    _edit(window, "d1-reception", cancel=True)
    _edit(window, "d2-forum1", start=kst("06-15 09:50"))
    _edit(window, "d2-forum2", end=kst("06-15 13:30"))
    _edit(window, "d1-roundtable", notice="preset:full")
    clock.set(kst("06-14 16:30"))
    window.show_view("changes")
    return window


def _cards(window):
    return {c.session_id: c for c in window.changes.cards}


def test_each_change_in_words(changed):
    cards = _cards(changed)
    assert set(cards) == {"d1-masterclass2", "d1-reception", "d2-forum1", "d2-forum2", "d1-roundtable"}
    # a move says where to go and where it was; a new start says how late, and the "Starts 10
    # min late" notice is not repeated beside it (nobody adds the delay twice)
    assert cards["d1-masterclass2"].line_texts() == ["Moved to Room 204 (was Room 101)", "Starts 17:30 (10 min late)"]
    assert cards["d1-reception"].line_texts() == ["Cancelled"]
    assert cards["d2-forum1"].line_texts() == ["Starts 09:50 (10 min early)"]
    assert cards["d2-forum2"].line_texts() == ["Ends 13:30 (was 13:00)"]
    assert cards["d1-roundtable"].line_texts() == ["Room full"]
    # where and when it is now, and when it was changed (another day's change names its day)
    assert cards["d1-masterclass2"].when.text() == "Wed 14 June · 17:30–18:30 · Room 204, 2nd floor"
    assert cards["d1-masterclass2"].changed_at.text() == "Changed 16:10"


def test_newest_change_first(changed):
    assert changed.changes.cards[-1].session_id == "d1-masterclass2"


def test_a_change_made_on_another_day_says_which(changed, clock):
    clock.set(kst("06-15 09:00"))
    changed.changes.refresh()
    assert _cards(changed)["d1-masterclass2"].changed_at.text() == "Changed Wed 14 June 16:10"


def test_a_move_to_another_day_names_both_days(make_kiosk, clock):
    window = make_kiosk()
    _edit(window, "d1-masterclass2", start=kst("06-15 16:20"))
    window.show_view("changes")
    assert _cards(window)["d1-masterclass2"].line_texts() == ["Now Thu 15 June at 16:20 (was Wed 14 June at 17:20)"]


@pytest.mark.parametrize("lang, moved, late", [
    ("ko", "장소 변경: 204호 (기존 101호)", "17:30 시작 (10분 지연)"),
    ("zh-Hant", "改至 204 室（原 101 室）", "17:30 開始（延後 10 分鐘）"),
])
def test_in_korean_and_chinese(changed, lang, moved, late):
    changed.ui.set_language(lang)
    assert _cards(changed)["d1-masterclass2"].line_texts() == [moved, late]


def test_a_tap_opens_the_session_and_a_flick_does_not(changed, qtbot):
    card = _cards(changed)["d1-reception"]
    start = card.rect().center()
    QTest.mousePress(card, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(card, start + QPoint(0, 120))
    QTest.mouseRelease(card, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 120))
    assert changed.current_view() == "changes"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=start)
    assert changed.current_view() == "detail"
    assert changed.detail.session_id == "d1-reception"


def test_no_changes_says_so(make_kiosk):
    window = make_kiosk()
    window.show_view("changes")
    assert window.changes.cards == []
    assert window.changes.empty.isVisibleTo(window)
    assert "as printed" in window.changes.empty.text()


def test_a_visitor_on_15_june_is_told_of_todays_changes_not_yesterdays(changed, clock, qtbot):
    """Issue 12: Home's "What changed (n)" counted 14 June's moves on 15 June. Past days' changes
    are not counted; the Changes screen lists them last, under "Earlier days (over)"."""
    window = changed
    window.show_view("home")
    window.home.refresh()
    assert "(5)" in window.home.changes_button.text()     # 14 June: all five are today's or later
    clock.set(kst("06-15 10:00"))
    window.ui.tick()
    window.home.refresh()
    assert "(2)" in window.home.changes_button.text(), window.home.changes_button.text()
    window.show_view("changes")                           # a new day: the screen sorts again
    ids = [c.session_id for c in window.changes.cards]
    assert ids[:2] and set(ids[:2]) == {"d2-forum1", "d2-forum2"}
    assert window.changes.past_from == 2
    assert window.changes.past_heading.isVisibleTo(window)
    assert set(ids[2:]) == {"d1-masterclass2", "d1-reception", "d1-roundtable"}
    # the heading sits between today's cards and the earlier days' ones
    qtbot.wait(20)
    heading_y = window.changes.past_heading.geometry().top()
    assert all(c.geometry().top() < heading_y for c in window.changes.cards[:2])
    assert all(c.geometry().top() > heading_y for c in window.changes.cards[2:])
    # on 17 June (after the fair) nothing is news: no button on Home
    clock.set(kst("06-17 10:00"))
    window.show_view("home")
    window.home.refresh()
    assert not window.home.changes_button.isVisibleTo(window)
