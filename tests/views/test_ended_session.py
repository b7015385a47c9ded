"""A session that has ended offers no walk there and no calendar code, and says when it ended;
one in progress keeps the walk (issue 12: "a past session still offers the walk and the
calendar QR")."""

from __future__ import annotations

from tests.conftest import kst


def _shown(window, widget) -> bool:
    return widget.isVisibleTo(window)


def test_an_ended_session_says_so_without_walk_or_calendar_code(make_kiosk, clock):
    clock.set(kst("06-14 16:30"))
    window = make_kiosk()
    window.open_session("d1-keynote")             # 15:40–16:00
    detail = window.detail
    assert _shown(window, detail.ended) and detail.ended.text() == "Ended 16:00"
    assert detail.route is None and detail.steps == []
    assert not _shown(window, detail.route_label) and not _shown(window, detail.steps_label)
    assert not _shown(window, detail.calendar_qr) and not _shown(window, detail.calendar_caption)
    assert "Convention Hall 300A" in detail.where.text()       # where it was is still said


def test_a_session_in_progress_keeps_the_walk_and_the_code(make_kiosk, clock):
    clock.set(kst("06-14 16:30"))
    window = make_kiosk()
    window.open_session("d1-roundtable")          # 16:10–17:30
    detail = window.detail
    assert not _shown(window, detail.ended)
    assert detail.route is not None and _shown(window, detail.route_label) and detail.steps
    assert _shown(window, detail.calendar_qr)


def test_the_walk_goes_when_the_session_ends_while_shown(make_kiosk, clock):
    clock.set(kst("06-14 17:29"))
    window = make_kiosk()
    window.open_session("d1-roundtable")
    assert window.detail.route is not None
    clock.set(kst("06-14 17:31"))
    window.ui.tick()
    assert window.detail.route is None and window.detail.ended.text() == "Ended 17:30"
    assert not window.detail.calendar_qr.isVisibleTo(window)


def test_ended_on_another_day_names_the_day(make_kiosk, clock):
    clock.set(kst("06-15 10:00"))
    window = make_kiosk()
    window.open_session("d1-keynote")
    assert window.detail.ended.text() == "Ended Wed 14 June 16:00"


def test_a_cancelled_session_offers_no_walk_either(make_kiosk, clock):
    clock.set(kst("06-14 16:30"))
    window = make_kiosk()
    window.ops.edit_session("d1-reception", by="Joon", role="volunteer", cancel=True)
    window.open_session("d1-reception")
    detail = window.detail
    assert detail.route is None and not _shown(window, detail.calendar_qr)
    assert "Cancelled" in detail.changes.text()


def test_ended_in_korean_and_chinese(make_kiosk, clock):
    clock.set(kst("06-14 16:30"))
    window = make_kiosk()
    window.open_session("d1-keynote")
    window.ui.set_language("ko")
    assert window.detail.ended.text() == "16:00 종료됨"
    window.ui.set_language("zh-Hant")
    assert window.detail.ended.text() == "已於 16:00 結束"
