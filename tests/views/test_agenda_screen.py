"""The live agenda as a visitor sees it: days, parallel rows, states, live changes."""

import sqlite3

from kiosk.views.session_card import change_badges
from kiosk.views.session_models import SessionsRole
from tests.conftest import kst


def rows(window):
    model = window.agenda.model
    return [[i.session.id for i in model.index(r, 0).data(SessionsRole)] for r in range(model.rowCount())]


def test_opens_on_todays_tab_with_parallel_sessions_in_one_row(make_kiosk):
    window = make_kiosk()
    window.show_view("agenda")
    assert window.agenda.day_buttons[0].isChecked()  # Wed 14 June at 16:30 on the 14th
    assert ["d1-masterclass1", "d1-roundtable"] in rows(window)
    assert ["d1-exhibition", "d1-matchmaking"] in rows(window)


def test_tapping_a_day_shows_that_day(make_kiosk, qtbot):
    from PySide6.QtCore import Qt

    window = make_kiosk()
    window.show_view("agenda")
    qtbot.mouseClick(window.agenda.day_buttons[2], Qt.MouseButton.LeftButton)
    assert rows(window) == [["d3-tour"]]


def test_tapping_a_card_opens_its_detail_with_people_and_place(make_kiosk, qtbot):
    from PySide6.QtCore import QPoint, Qt

    window = make_kiosk()
    window.show_view("agenda")
    view = window.agenda.list
    row = next(r for r, ids in enumerate(rows(window)) if "d1-roundtable" in ids)
    index = window.agenda.model.index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    items = index.data(SessionsRole)
    cards = view.card_delegate.card_rects(rect, items)
    target = cards[[i.session.id for i in items].index("d1-roundtable")]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target.center())
    qtbot.waitUntil(lambda: window.current_view() == "detail", timeout=1000)
    detail = window.detail
    assert detail.title.text() == "Leaders' Roundtable"
    assert "Moderator: Sunkook Kwon" in detail.people.text()
    assert "Hsinchu Science Park Bureau" in detail.people.text()
    assert "Convention Hall 300A" in detail.where.text() and "3rd floor" in detail.where.text()
    assert detail.room.id == "300A" and detail.shown_floor == "3F"
    assert "lift to 3F" in detail.route_label.text()  # from the lobby kiosk K1 on 1F
    qtbot.mouseClick(detail.back_button, Qt.MouseButton.LeftButton)
    assert window.current_view() == "agenda"


def test_a_change_from_another_process_shows_within_a_second(make_kiosk, qtbot, db_path):
    window = make_kiosk()
    window.show_view("agenda")
    window.open_session("d1-masterclass2")
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE session SET room_id = '203', notice = 'Starts 10 min late', "
                      "start = '2023-06-14T17:30:00+09:00' WHERE id = 'd1-masterclass2'")
    other.close()

    def shown():
        item = next(i for i in window.agenda.model.sessions() if i.session.id == "d1-masterclass2")
        labels = [label for label, _ in change_badges(item)]
        assert "Moved: 101 → 203" in labels
        assert "Starts 10 min late" in labels
        assert "Now 17:30 (was 17:20)" in labels           # a new start beside the printed one
        assert "Moved: 101 → 203" in window.detail.changes.text()
        assert "Room 203" in window.detail.where.text()

    qtbot.waitUntil(shown, timeout=1000)


def test_a_cancellation_reaches_the_home_screen(make_kiosk, qtbot, db_path, clock):
    clock.set(kst("06-14 16:20"))
    window = make_kiosk()
    assert "d1-masterclass2" in [i.session.id for i in window.home.next_panel.model.sessions()]
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE session SET status = 'cancelled' WHERE id = 'd1-roundtable'")
    other.close()
    qtbot.waitUntil(lambda: "d1-roundtable" not in
                    [i.session.id for i in window.home.now_panel.model.sessions()], timeout=1000)


def test_a_broken_write_by_another_process_does_not_crash_the_kiosk(make_kiosk, qtbot, db_path):
    window = make_kiosk()
    other = sqlite3.connect(db_path)
    with other:
        other.execute("CREATE TABLE scratch (x)")
        other.execute("INSERT INTO scratch VALUES (1)")
    other.close()
    qtbot.wait(200)
    assert window.agenda.model.rowCount() > 0


def test_now_moves_on_with_the_clock(make_kiosk, qtbot, clock):
    window = make_kiosk()
    assert "d1-roundtable" in [i.session.id for i in window.home.now_panel.model.sessions()]
    clock.set(kst("06-14 17:35"))
    window.ui.tick()
    now_ids = [i.session.id for i in window.home.now_panel.model.sessions()]
    assert "d1-roundtable" not in now_ids and "d1-masterclass2" in now_ids


def test_a_finger_flick_scrolls_the_agenda_without_opening_a_session(make_kiosk, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    window = make_kiosk()
    window.show_view("agenda")
    view = window.agenda.list
    view.scrollToTop()
    opened = []
    view.card_delegate.sessionActivated.connect(opened.append)
    viewport = view.viewport()
    bottom = viewport.height() - 20

    def at(y):  # QTest delivers touch reliably only when aimed at the top-level window
        return viewport.mapTo(window, QPoint(900, y))

    finger = QTest.createTouchDevice()
    QTest.touchEvent(window, finger).press(0, at(bottom), window).commit()
    for step in range(1, 21):
        qtbot.wait(16)
        QTest.touchEvent(window, finger).move(0, at(bottom - step * 30), window).commit()
    qtbot.wait(16)
    QTest.touchEvent(window, finger).release(0, at(bottom - 600), window).commit()
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 300, timeout=2000)
    assert opened == []
    assert window.current_view() == "agenda"


def test_a_late_start_is_not_counted_twice_and_changes_have_their_own_colour(make_kiosk, qtbot, db_path):
    """A preset "Starts 10 min late" beside a start already moved by 10 minutes would invite
    adding the delay twice: the card says "Now 17:30 (was 17:20)" and leaves the notice out."""
    window = make_kiosk()
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE session SET notice = 'preset:late10', start = '2023-06-14T17:30:00+09:00', "
                      "end = '2023-06-14T18:30:00+09:00' WHERE id = 'd1-masterclass2'")
        other.execute("UPDATE session SET notice = 'preset:late10' WHERE id = 'd1-reception'")
    other.close()

    def badges(session_id):
        item = next(i for row in window.agenda.model._rows for i in row if i.session.id == session_id)
        return change_badges(item)

    qtbot.waitUntil(lambda: badges("d1-masterclass2") == [("Now 17:30 (was 17:20)", "change")], timeout=1000)
    assert badges("d1-reception") == [("Starts 10 min late", "change")]     # not moved: the notice says it
    theme = window.ui.theme
    assert theme.p.change not in (theme.p.next, theme.p.warning)


def test_the_speakers_list_says_each_role_once_with_the_languages_own_colon(make_kiosk):
    """Seen in Chinese (s07): the "講者" heading, then "講者: …" with an ASCII colon."""
    window = make_kiosk()
    repo = window.detail.programme.repo
    ids = [s.id for s in repo.sessions()]
    with_speaker = next(i for i in ids if any(p.role == "speaker" for p in repo.participants(i)))
    window.open_session(with_speaker)
    detail = window.detail
    assert "Speaker:" not in detail.people.text()
    window.ui.set_language("zh-Hant")
    assert "講者" not in detail.people.text() and ":" not in detail.people.text().replace("style='margin:0 0 10px 0'", "")
    window.open_session("d1-roundtable")
    assert "：" in detail.people.text()                  # 主持人：…


def test_after_an_overnight_the_agenda_opens_on_today_not_on_the_day_of_the_last_reset(make_kiosk, qtbot, clock):
    """Stranger report r4 #1: the idle reset at 23:59 chose 14 June; at 00:00 the first visitor's
    Agenda still showed 14 June with every session dimmed."""
    from PySide6.QtCore import Qt

    clock.set(kst("06-14 23:59"))
    window = make_kiosk()
    window.show_view("agenda")
    window.reset_for_next_visitor()           # the idle reset before midnight
    assert window.agenda.day_buttons[0].isChecked()
    clock.set(kst("06-15 00:00"))
    qtbot.mouseClick(window.home.agenda_tile, Qt.MouseButton.LeftButton)
    assert window.current_view() == "agenda"
    assert window.agenda.day_buttons[1].isChecked()
    assert window.agenda.model.day == kst("06-15 00:00").date()


def test_the_agenda_open_at_midnight_turns_to_the_new_day_but_a_tapped_tab_stays(make_kiosk, qtbot, clock):
    from PySide6.QtCore import Qt

    clock.set(kst("06-14 23:59"))
    window = make_kiosk()
    window.show_view("agenda")
    clock.set(kst("06-15 00:00"))
    window.ui.tick()                          # the minute tick at midnight
    assert window.agenda.model.day == kst("06-15 00:00").date()
    # a visitor's own choice today is kept while they read it, and when they come back to it
    qtbot.mouseClick(window.agenda.day_buttons[2], Qt.MouseButton.LeftButton)
    clock.advance(minutes=1)
    window.ui.tick()
    window.show_view("home")
    window.show_view("agenda")
    assert window.agenda.day_buttons[2].isChecked()
