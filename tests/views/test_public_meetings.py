"""The delegations' meetings a visitor may read about: the report's Hsinchu Science Park –
Uzbekistan IT Park meeting (15 June 15:00) is on the agenda's day with its room, said to be by
invitation, its estimated end and assumed room said so; meetings whose day or time the data
had to assume (the courtesy meetings) are not shown as fact; B2B table meetings stay on the
board. A cancelled or moved meeting shows on the agenda at once."""

from kiosk import operations
from kiosk.models.domain import SessionStatus
from kiosk.models.repository import Repository
from kiosk.views.session_models import SessionsRole
from tests.conftest import kst


def test_the_reports_bilateral_meeting_is_an_agenda_entry_by_invitation(db):
    repo = Repository(db)
    day2 = repo.public_meetings(kst("06-15 00:00").date())
    assert [m.id for m in day2] == ["bm-hsp-itpu"]
    itpu = day2[0]
    assert itpu.type == "meeting" and itpu.start == kst("06-15 15:00") and itpu.room_id == "105"
    assert itpu.title.zh == "竹科與烏茲別克資訊科技園區洽談"
    assert "by invitation" in itpu.description.en and "not open to visitors" in itpu.description.en
    assert "end time is not published" in itpu.description.en and "15:30 is an estimate" in itpu.description.en
    assert "不開放參觀" in itpu.description.zh and "일반 관람객은 참석할 수 없습니다" in itpu.description.ko
    assert itpu.room_assumed and "room is not published" in itpu.description.en     # said, not hidden
    assert repo.session("bm-hsp-itpu") == itpu    # the agenda's card opens it
    # courtesy meetings: the report names them, but their day and time are the data's guess
    assert repo.public_meetings(kst("06-14 00:00").date()) == []
    assert all(m.id.startswith("bm-") for m in repo.public_meetings())
    # the plain session list (exports, the schedule desk, the CLI) is unchanged
    assert "bm-hsp-itpu" not in {s.id for s in repo.sessions()}


def test_the_agenda_shows_it_and_a_cancel_reaches_it_at_once(qtbot, make_kiosk, clock, db):
    clock.set(kst("06-15 14:00"))
    window = make_kiosk()
    window.show_view("agenda")
    agenda = window.agenda
    agenda.show_day(kst("06-15 00:00").date())
    model = agenda.model

    def entry():
        for r in range(model.rowCount()):
            for item in model.index(r, 0).data(SessionsRole):
                if item.session.id == "bm-hsp-itpu":
                    return item
        return None

    item = entry()
    assert item is not None and item.room is not None and item.room.id == "105"
    from kiosk.views.session_card import _people_line

    assert _people_line(item) == "By invitation · not open to visitors"     # on the card, under the room
    outcome = operations.set_meeting_status(db, "bm-hsp-itpu", "cancelled", by="Mina", role="staff",
                                            device_id="desk", now=kst("06-15 14:01"))
    window.on_data_changed(outcome.change)
    assert entry().session.status is SessionStatus.CANCELLED
    outcome = operations.set_meeting_status(db, "bm-hsp-itpu", "planned", by="Mina", role="staff",
                                            device_id="desk", now=kst("06-15 14:02"))
    window.on_data_changed(outcome.change)
    outcome = operations.move_meeting(db, "bm-hsp-itpu", room="106", by="Mina", role="staff", device_id="desk",
                                      now=kst("06-15 14:03"))
    window.on_data_changed(outcome.change)
    moved = entry()
    assert moved.session.room_id == "106" and moved.session.published_room_id == "105" and moved.session.changed
    window.open_session("bm-hsp-itpu")
    assert window.stack.currentWidget() is window.detail
