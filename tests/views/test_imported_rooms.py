"""A session in a room an imported agenda created (not on the floor plan yet): the kiosk lists it
and its detail names the room and says where to ask, with no made-up floor or walk."""

from kiosk.exchange.importer import Importer
from kiosk.models.repository import Repository


def test_a_session_in_a_room_not_on_the_plan_is_shown_sensibly(make_kiosk, qtbot, db, tmp_path):
    agenda = tmp_path / "extra.csv"
    agenda.write_text("id,day,start,end,room,type,title_en\n"
                      "pop-up,2023-06-14,17:00,17:45,Pop-up Stage,forum,Pop-up demo\n", encoding="utf-8")
    report = Importer(db).run(agenda, "agenda")
    assert report.ok and report.rooms_created == ["Pop-up Stage"]
    assert Repository(db).rooms()["Pop-up Stage"].not_on_plan
    window = make_kiosk(kiosk_id="K1")
    window.show_view("agenda")
    items = {i.session.id: i for i in window.agenda.model.sessions()}
    assert "pop-up" in items
    assert items["pop-up"].floor is None          # the agenda card names the room, not a made-up floor
    window.open_session("pop-up")
    qtbot.waitUntil(lambda: window.current_view() == "detail", timeout=1000)
    detail = window.detail
    assert "Pop-up Stage" in detail.where.text()
    assert "Not on the floor plan yet" in detail.where.text()
    assert detail.plan.isHidden() and detail.route_label.isHidden() and detail.room is None
    # a language switch re-renders it without a crash, in Korean
    window.ui.set_language("ko")
    qtbot.wait(50)
    assert "안내 데스크" in detail.where.text()


def test_the_schedule_desk_tells_volunteers_which_rooms_are_not_on_the_plan(make_kiosk, qtbot, db, clock, tmp_path):
    from PySide6.QtCore import Qt

    from tests.conftest import kst

    agenda = tmp_path / "extra.csv"
    agenda.write_text("id,day,start,end,room,type,title_en\n"
                      "pop-up,2023-06-14,17:00,17:45,Pop-up Stage,forum,Pop-up demo\n", encoding="utf-8")
    assert Importer(db).run(agenda, "agenda").ok
    db.pins.set_pin("volunteer", "135791", kst("06-13 12:00"))
    window = make_kiosk()
    qtbot.mouseClick(window.home.staff, Qt.MouseButton.LeftButton)       # through the PIN pad, as a volunteer
    for d in ["1", "3", "5", "7", "9", "1", "OK"]:
        qtbot.mouseClick(window.pin_pad.keys[d], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_view() == "editor", timeout=5000)   # checked off the UI thread
    lines = [window.editor.sessions.item(i).text() for i in range(window.editor.sessions.count())]
    popup = next(line for line in lines if "Pop-up demo" in line)
    assert "room not on the floor plan yet" in popup
    assert not any("not on the floor plan" in line for line in lines if "Pop-up demo" not in line)
