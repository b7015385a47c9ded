"""Matchmaking meetings travel between devices as their own signed log entries (kind
``meeting``): moves, marks and attendance made on one device reach the others' boards and "my
day"; two devices moving one meeting apart converge on the latest move everywhere; a forged or
malformed meeting entry is quarantined and changes nothing."""

import random
from datetime import timedelta
import sqlite3

from kiosk import operations
from kiosk.models.database import open_event_db
from kiosk.sync.engine import export_file, import_file

from .conftest import at
from .test_poison import forge


def meetings(path):
    conn = sqlite3.connect(path)
    out = sorted(conn.execute('SELECT id, table_id, room_id, start, "end", status FROM meeting').fetchall())
    marks = sorted(conn.execute("SELECT meeting_id, attendee_id, attendance FROM meeting_participant "
                                "WHERE attendance != 'expected'").fetchall())
    conn.close()
    return out, marks


def free_table(mm, meeting_id, exclude=()):
    m = mm.meeting(meeting_id)
    return next(t for t in mm.tables() if t != m.table_id and t not in exclude and not mm.conflicts(
        meeting_id=m.id, start=m.start, end=m.end, table_id=t, attendee_ids=[]))


def test_meeting_edits_converge_over_usb_files_in_any_order(fleet):
    a, b, c = (open_event_db(fleet.paths[n]) for n in "abc")
    target = "d1-T01-1000"
    first = free_table(a.matchmaking, target)
    operations.move_meeting(a, target, table=first, by="Mina", role="volunteer", device_id="a", now=at(9, 0))
    second = free_table(c.matchmaking, target, exclude={first})
    operations.move_meeting(c, target, table=second, by="Joon", role="volunteer", device_id="c", now=at(9, 5))
    held = next(m for m in b.matchmaking.meetings() if m.id.startswith("d1-T02"))
    people = [p.attendee_id for p in b.matchmaking.participants(held.id)]
    # marked two minutes into the meeting: before its start a scan is only "arrived" (not held)
    operations.mark_meeting_attendance(b, held.id, present=people, by="", role="staff", device_id="b",
                                       now=held.start + timedelta(minutes=2))
    for conn in (a, b, c):
        conn.close()
    files = {n: export_file(fleet.engine(n)) for n in "abc"}
    order = [(dst, src) for dst in "abc" for src in "abc" if dst != src] * 2
    random.Random(15).shuffle(order)
    for dst, src in order:
        import_file(fleet.engine(dst), files[src], f"{src}.sync")
    states = {n: meetings(fleet.paths[n]) for n in "abc"}
    assert states["a"] == states["b"] == states["c"]
    rows = dict((r[0], r[1:]) for r in states["a"][0])
    assert rows[target][0] == second                       # the later move (c, 9:05) wins everywhere
    assert rows[held.id][4] == "held"
    assert {(m, p) for m, p, _ in states["a"][1]} == {(held.id, p) for p in people}
    engine = fleet.engine("a")
    assert engine.quarantined() == [] and engine.refused() == []


def test_a_poisoned_meeting_entry_is_quarantined(fleet):
    state = '{"table_id": "T01", "room_id": null, "start": "2023-06-14T10:00:00+09:00", ' \
            '"end": "2023-06-14T10:30:00+09:00", "status": "planned"}'
    bad = dict(edit_key="b@x", hlc="001686704400000.00000", meeting_id="d1-T01-1000", kinds="move",
               role="volunteer", device_id="b", by_name="", at="2023-06-14T10:00:00+09:00", before=state,
               after=state.replace('"T01"', '"T99"'), reason="")
    sneaky = {**bad, "edit_key": "b@y", "kinds": "rm -rf", "after": state}
    before = meetings(fleet.paths["a"])
    result = fleet.engine("a").receive(forge(fleet, "b", [("meeting", bad), ("meeting", sneaky)]), source="b")
    assert result.refused == [] and result.quarantined == 2 and result.applied == 0
    assert meetings(fleet.paths["a"]) == before


def test_a_move_on_one_device_reaches_another_devices_board_and_my_day(fleet, qtbot):
    """Device a moves a meeting offline; its USB file is taken in on device b, where a kiosk shows
    the board and a visitor's "my day": both say Moved within a second (through the change bus)."""
    from PySide6.QtWidgets import QApplication, QLabel

    from kiosk.builder import build_kiosk
    from kiosk.clock import FixedClock

    from .conftest import KST

    b = open_event_db(fleet.paths["b"])
    clock = FixedClock(at(13, 40), KST)
    kiosk = build_kiosk(b, clock=clock, kiosk_id="K1", poll_ms=50)
    window = kiosk.window
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    window.show_view("board")
    board = window.screen("board")
    window.show_view("my-day")
    screen = window.screen("my-day")
    screen.show_attendee("A0176")
    nxt = screen.day.next_meeting
    a = open_event_db(fleet.paths["a"])
    table = free_table(a.matchmaking, nxt.id)
    operations.move_meeting(a, nxt.id, table=table, by="Mina", role="volunteer", device_id="a", now=at(13, 30))
    a.close()
    import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync")
    shown = lambda: "\n".join(w.text() for w in screen.findChildren(QLabel) if w.isVisible())  # noqa: E731
    qtbot.waitUntil(lambda: f"{nxt.place} → {table}" in shown(), timeout=1000)
    i = next(i for i, r in enumerate(board.model.rows) if r.table.id == table)
    assert "Moved" in board.model.cell(i, 1) + board.model.cell(i, 2)
    # nothing of this kiosk may outlive its database: idle reset, clock ticks, the bus
    kiosk.bus.stop()
    kiosk.ui.stop()
    kiosk.window.stop()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    b.close()
