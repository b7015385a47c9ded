"""The meetings desk, as a stranger drove it (issue 12/15): selecting a meeting must not move the
buttons under the finger; "Others absent" asks first and is not offered before the start or with
nobody scanned; a scan before the start is "arrived", not "held", and says which meeting it was
counted for; the audit names the role that is unlocked; the table picker's rows are finger-sized.
Taps are real mouse events on the widgets; badges are typed as a wedge scanner sends them."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.models.errors import KioskError
from kiosk.views import theme
from tests.conftest import kst
from tests.views.test_my_day_and_board import badge, key, type_like_a_scanner  # noqa: F401  (fixture)


def b2b_at(db, when):
    return next(m for m in db.matchmaking.meetings() if m.start == when and m.table_id and
                {p.side for p in db.matchmaking.participants(m.id)} == {"buyer", "exhibitor"})


def tap(qtbot, widget, pos=None):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pos if pos is not None else widget.rect().center())
    qtbot.wait(20)


def tap_meeting(qtbot, desk, meeting_id):
    for i in range(desk.list.count()):
        item = desk.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == meeting_id:
            desk.list.scrollToItem(item)
            qtbot.wait(20)
            tap(qtbot, desk.list.viewport(), desk.list.visualItemRect(item).center())
            return
    raise AssertionError(f"{meeting_id} not in the desk's list")


def open_desk(make_kiosk, role="staff", size=(1920, 1080), language="en"):
    window = make_kiosk(size=size, language=language)
    window.enter_staff_mode(role)
    window.open_meeting_desk()
    return window, window.screen("meetings")


def where(widget, window):
    return widget.mapTo(window, QPoint(0, 0))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_selecting_a_meeting_does_not_move_the_buttons(qtbot, make_kiosk, clock, db, size):
    """The stranger's next tap, aimed at the table picker, hit "Others absent" 64 px lower."""
    clock.set(kst("06-14 10:49"))
    window, desk = open_desk(make_kiosk, size=size)
    qtbot.wait(50)
    buttons = (desk.absent_button, desk.table_choice, desk.held_button, desk.later_button)
    before = [where(b, window) for b in buttons]
    m = b2b_at(db, kst("06-14 11:00"))
    tap_meeting(qtbot, desk, m.id)
    assert desk.meeting_id == m.id
    qtbot.wait(50)
    assert [where(b, window) for b in buttons] == before
    desk.message.setText("A long message " * 20)      # a refusal's words do not move them either
    qtbot.wait(50)
    assert [where(b, window) for b in buttons] == before


def test_others_absent_is_not_offered_before_the_start_nor_with_nobody_scanned(qtbot, make_kiosk, clock, db, key):
    clock.set(kst("06-14 10:50"))
    window, desk = open_desk(make_kiosk)
    m = b2b_at(db, kst("06-14 11:00"))
    tap_meeting(qtbot, desk, m.id)
    assert not desk.absent_button.isEnabled()                 # before the start
    tap(qtbot, desk.absent_button)
    assert {p.attendance for p in db.matchmaking.participants(m.id)} == {"expected"}
    clock.set(kst("06-14 11:05"))
    window.ui.minuteTick.emit(clock.now())
    qtbot.wait(20)
    assert not desk.absent_button.isEnabled()                 # started, but nobody scanned: that is No-show
    with pytest.raises(KioskError) as exc:                    # and the domain refuses it before the start
        db.matchmaking.mark_attendance(m.id, present=[], absent=[m_p.attendee_id for m_p in
                                       db.matchmaking.participants(m.id)], by="", role="staff",
                                       device_id="t", now=kst("06-14 10:59"))
    assert exc.value.code == "not_started"


def test_others_absent_asks_first_and_names_who(qtbot, make_kiosk, clock, db, key):
    clock.set(kst("06-14 11:05"))
    window, desk = open_desk(make_kiosk)
    m = b2b_at(db, kst("06-14 11:00"))
    buyer, exhibitor = sorted(db.matchmaking.participants(m.id), key=lambda p: p.side)
    tap_meeting(qtbot, desk, m.id)
    type_like_a_scanner(qtbot, window, badge(db, key, buyer.attendee_id))
    assert desk.meeting_id == m.id
    assert desk.absent_button.isEnabled()
    tap(qtbot, desk.absent_button)                            # first tap: nothing written yet
    assert db.matchmaking.participants(m.id) == sorted(db.matchmaking.participants(m.id), key=lambda p: p.side)
    assert {p.attendee_id: p.attendance for p in db.matchmaking.participants(m.id)}[exhibitor.attendee_id] \
        == "expected"
    assert exhibitor.name in desk.message.text()
    assert "1" in desk.absent_button.text()
    tap_meeting(qtbot, desk, m.id)                            # selecting again forgets the question
    assert desk.absent_button.text() == "Others absent"
    tap(qtbot, desk.absent_button)
    tap(qtbot, desk.absent_button)                            # asked, then confirmed
    marks = {p.attendee_id: p.attendance for p in db.matchmaking.participants(m.id)}
    assert marks == {buyer.attendee_id: "present", exhibitor.attendee_id: "absent"}
    assert db.matchmaking.meeting(m.id).status == "no_show"


def test_a_scan_before_the_start_is_arrived_not_held_and_says_which_meeting(qtbot, make_kiosk, clock, db, key):
    """Scanning the only participant at 10:50 marked an 11:00 meeting held and jumped the desk."""
    clock.set(kst("06-14 10:50"))
    window, desk = open_desk(make_kiosk)
    m = b2b_at(db, kst("06-14 11:00"))
    other = next(x for x in db.matchmaking.meetings() if x.start == kst("06-14 10:30") and x.table_id
                 and not {p.attendee_id for p in db.matchmaking.participants(x.id)}
                 & {p.attendee_id for p in db.matchmaking.participants(m.id)})
    tap_meeting(qtbot, desk, other.id)
    for p in db.matchmaking.participants(m.id):
        type_like_a_scanner(qtbot, window, badge(db, key, p.attendee_id))
    assert db.matchmaking.meeting(m.id).status == "planned"        # everyone arrived, not yet held
    assert {p.attendance for p in db.matchmaking.participants(m.id)} == {"present"}
    assert desk.meeting_id == m.id
    assert m.table_id in desk.message.text() and "11:00" in desk.message.text()
    assert "arrived" in desk.people.text()
    # the first of the two scans moved the desk from the selected meeting: it said so
    clock.set(kst("06-14 10:50"))
    tap_meeting(qtbot, desk, other.id)
    type_like_a_scanner(qtbot, window, badge(db, key, db.matchmaking.participants(m.id)[0].attendee_id))
    assert "Not the meeting that was selected" in desk.message.text()
    clock.set(kst("06-14 11:01"))                                  # from its start a scan makes it held
    type_like_a_scanner(qtbot, window, badge(db, key, db.matchmaking.participants(m.id)[1].attendee_id))
    assert db.matchmaking.meeting(m.id).status == "held", desk.message.text()


@pytest.mark.parametrize("role", ["staff", "volunteer"])
def test_the_audit_records_the_role_that_is_unlocked(qtbot, make_kiosk, clock, db, key, role):
    clock.set(kst("06-14 11:05"))
    window, desk = open_desk(make_kiosk, role=role)
    m = b2b_at(db, kst("06-14 11:00"))
    tap_meeting(qtbot, desk, m.id)
    type_like_a_scanner(qtbot, window, badge(db, key, db.matchmaking.participants(m.id)[0].attendee_id))
    tap(qtbot, desk.held_button)
    roles = {r[0] for r in db.execute("SELECT role FROM meeting_edit WHERE meeting_id = ?", (m.id,))}
    kinds = [r[0] for r in db.execute("SELECT kinds FROM meeting_edit WHERE meeting_id = ?", (m.id,))]
    assert roles == {role}, kinds
    assert any(k == "held" for k in kinds) and any("attendance" in k for k in kinds)


def test_the_table_picker_rows_are_finger_sized_and_the_selected_row_readable(qtbot, make_kiosk, clock, db):
    clock.set(kst("06-14 11:05"))
    window, desk = open_desk(make_kiosk)
    tap_meeting(qtbot, desk, b2b_at(db, kst("06-14 11:00")).id)
    assert desk.table_choice.height() >= theme.TOUCH_MIN
    tap(qtbot, desk.table_choice)
    view = desk.table_choice.view()
    qtbot.waitUntil(view.isVisible)
    heights = {view.visualRect(view.model().index(i, 0)).height() for i in range(3)}
    assert min(heights) >= theme.TOUCH_MIN, heights
    desk.table_choice.hidePopup()
    # the list's selected row: dark with white text (it was white text on light blue)
    shot = desk.list.viewport().grab().toImage()
    rect = desk.list.visualItemRect(desk.list.currentItem())
    colour = shot.pixelColor(rect.left() + 2, rect.center().y())
    assert colour.lightness() < 80, colour.name()


def test_a_refused_move_names_tables_times_and_people_not_ids(qtbot, make_kiosk, clock, db):
    """Seen: "Cannot move d1-T03-1030: … meeting d1-T07-1030"."""
    clock.set(kst("06-14 10:05"))
    window, desk = open_desk(make_kiosk)
    m = b2b_at(db, kst("06-14 10:00"))
    taken = next(t for t in db.matchmaking.tables() if t != m.table_id and db.matchmaking.conflicts(
        meeting_id=m.id, start=m.start, end=m.end, table_id=t, attendee_ids=[]))
    tap_meeting(qtbot, desk, m.id)
    desk.table_choice.setCurrentText(taken)
    tap(qtbot, desk.move_button)
    text = desk.message.text()
    assert "Cannot move the 10:00 meeting at " + m.table_id in text and taken in text, text
    assert "d1-" not in text and db.matchmaking.meeting(m.id).table_id == m.table_id


def test_one_sides_badge_does_not_make_a_meeting_held_when_the_other_side_has_nobody_registered(
        qtbot, make_kiosk, clock, db, key):
    """Stranger r4 #2: the exhibitor's badge marked d1-T16-1100 "Held" though the buyer side had
    nobody registered (127 meetings list one side, 11 none). A matchmaking desk does not call a
    meeting held on one party's word: it stays planned, the desk says the other party has nobody
    registered and staff tap Held when they see them at the table."""
    one_sided = next(m for m in db.matchmaking.meetings() if m.table_id and m.buyer_id and m.exhibitor_id
                     and {p.side for p in db.matchmaking.participants(m.id)} == {"exhibitor"})
    assert db.matchmaking.unlisted_sides(one_sided.id) == ["buyer"]
    clock.set(one_sided.start + (one_sided.end - one_sided.start) / 2)
    window, desk = open_desk(make_kiosk)
    tap_meeting(qtbot, desk, one_sided.id)
    person = db.matchmaking.participants(one_sided.id)[0]
    type_like_a_scanner(qtbot, window, badge(db, key, person.attendee_id))
    assert db.matchmaking.meeting(one_sided.id).status == "planned"
    assert [p.attendance for p in db.matchmaking.participants(one_sided.id)] == ["present"]
    buyer = one_sided.buyer_name.get("en")
    assert f"Nobody is registered for {buyer}" in desk.message.text()
    assert "nobody registered" in desk.people.text() and "Held" in desk.status.text()
    tap(qtbot, desk.held_button)                      # staff saw the buyer at the table
    assert db.matchmaking.meeting(one_sided.id).status == "held"
    # both sides listed: both badges make it held, as before
    both = next((m for m in db.matchmaking.meetings() if m.start == one_sided.start and m.table_id
                 and {p.side for p in db.matchmaking.participants(m.id)} == {"buyer", "exhibitor"}), None)
    if both is not None:
        assert db.matchmaking.unlisted_sides(both.id) == []
        tap_meeting(qtbot, desk, both.id)
        for p in db.matchmaking.participants(both.id):
            type_like_a_scanner(qtbot, window, badge(db, key, p.attendee_id))
        assert db.matchmaking.meeting(both.id).status == "held"


def test_the_table_picker_starts_at_the_selected_meetings_own_table(qtbot, make_kiosk, clock, db):
    """Seen by a stranger: the "Move to table" picker showed T01 whatever meeting was selected —
    one tap from moving a T03 meeting to T01. It shows the meeting's own table; a table picked for
    one meeting is not carried to the next; "Move" to the table it is at writes nothing."""
    clock.set(kst("06-14 10:05"))
    window, desk = open_desk(make_kiosk)
    first = b2b_at(db, kst("06-14 10:00"))
    others = [m for m in db.matchmaking.meetings() if m.start == first.start and m.table_id
              and m.table_id != first.table_id and m.table_id != "T01"]
    second = others[0]
    tap_meeting(qtbot, desk, second.id)
    assert desk.table_choice.currentText() == second.table_id
    tap_meeting(qtbot, desk, first.id)
    assert desk.table_choice.currentText() == first.table_id
    tap(qtbot, desk.move_button)                          # to the table it is at: nothing written
    assert "another table" in desk.message.text()
    assert db.matchmaking.meeting(first.id).table_id == first.table_id
    desk.table_choice.setCurrentText("T01")
    desk.table_choice.activated.emit(desk.table_choice.currentIndex())     # as a finger's pick does
    desk.refresh()
    assert desk.table_choice.currentText() == "T01"      # a pick survives a refresh of the same meeting
    tap_meeting(qtbot, desk, second.id)
    assert desk.table_choice.currentText() == second.table_id     # not carried to another meeting
