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
    listed = [i.session.id for i in window.agenda.model.sessions()]
    assert "pop-up" in listed
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
