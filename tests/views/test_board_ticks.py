"""The matchmaking board tick by tick: between slot boundaries a tick reads nothing and changes
nothing; at a boundary the rows prepared ahead are swapped in and only changed rows are signalled
(never a model reset); a meeting moved or cancelled mid-slot — also after the next boundary's rows
were prepared — shows at once and at the boundary; a clock set back is worked out again; a
language switch repaints without a reset."""

import pytest

from kiosk.models.change import Change
from tests.conftest import kst


@pytest.fixture
def board(make_kiosk, clock):
    clock.set(kst("06-14 11:05"))
    window = make_kiosk()
    window.show_view("board")
    board = window.screen("board")
    board.window_ = window
    return board


class Signals:
    """dataChanged rows and resets of the board's model."""

    def __init__(self, model) -> None:
        self.rows: set[int] = set()
        self.resets = 0
        model.dataChanged.connect(lambda a, b, _roles=None: self.rows.update(range(a.row(), b.row() + 1)))
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1

    def clear(self) -> None:
        self.rows.clear()
        self.resets = 0


def row_of(board, table):
    return next(i for i, r in enumerate(board.model.rows) if r.table.id == table)


def shown(board):
    return [(r.table.id, r.now and r.now.id, r.next and r.next.id) for r in board.model.rows]


def expected(db, now):
    return [(r.table.id, r.now and r.now.id, r.next and r.next.id) for r in db.matchmaking.board(now)]


def test_between_boundaries_a_tick_reads_nothing(qtbot, board, clock, db, monkeypatch):
    qtbot.wait(10)                                    # the idle time: the next boundary is prepared
    assert board._prepared is not None
    calls = []
    monkeypatch.setattr(db, "execute", lambda *a, **k: calls.append(a) or pytest.fail("read on a quiet tick"))
    clock.set(kst("06-14 11:06"))
    assert board.tick() == 0
    assert calls == []


def test_at_a_boundary_prepared_rows_swap_in_and_only_changed_rows_signal(qtbot, board, clock, db):
    qtbot.wait(10)
    at, _until, rows, _keys = board._prepared
    assert at == kst("06-14 11:30")
    seen = Signals(board.model)
    clock.set(kst("06-14 11:30"))
    changed = board.tick()
    assert board.model.rows is not None and shown(board) == expected(db, kst("06-14 11:30"))
    assert seen.resets == 0 and len(seen.rows) == changed > 0
    unchanged = [i for i, (a, b) in enumerate(zip(expected(db, kst("06-14 11:29")),
                                                   expected(db, kst("06-14 11:30")))) if a == b]
    assert unchanged and not seen.rows & set(unchanged)


def test_a_meeting_cancelled_after_the_next_slot_was_prepared(qtbot, board, clock, db, make_kiosk):
    """The next boundary's rows were prepared; then the coming meeting is cancelled on another
    device. The board shows it gone now and, at the boundary, does not bring it back."""
    qtbot.wait(10)
    nxt = next(r for r in board.model.rows if r.next is not None and r.next.start == kst("06-14 11:30"))
    table, coming = nxt.table.id, nxt.next.id
    seen = Signals(board.model)
    from kiosk import operations

    outcome = operations.set_meeting_status(db, coming, "cancelled", by="v", role="volunteer", device_id="other",
                                            now=kst("06-14 11:06"))
    board.window_.on_data_changed(outcome.change)          # what the change bus delivers
    assert seen.resets == 0 and seen.rows == {row_of(board, table)}
    assert shown(board) == expected(db, kst("06-14 11:06"))
    clock.set(kst("06-14 11:30"))                           # no idle time between: no stale rows either
    board.tick()
    assert shown(board) == expected(db, kst("06-14 11:30"))
    assert all(r.now is None or r.now.id != coming for r in board.model.rows)


def test_a_meeting_moved_mid_slot_leaves_its_table_and_shows_moved_at_the_other(qtbot, board, clock, db):
    on = next(r for r in board.model.rows if r.now is not None)
    mm = db.matchmaking
    free = next(t for t in mm.tables() if t != on.table.id and not mm.conflicts(
        meeting_id=on.now.id, start=on.now.start, end=on.now.end, table_id=t, attendee_ids=[]))
    from kiosk import operations

    outcome = operations.move_meeting(db, on.now.id, table=free, by="v", role="volunteer", device_id="d",
                                      now=kst("06-14 11:06"))
    seen = Signals(board.model)
    assert board.refresh(outcome.change) == 2
    assert seen.rows == {row_of(board, on.table.id), row_of(board, free)} and seen.resets == 0
    assert "Moved" in board.model.cell(row_of(board, free), 1)
    assert board.model.rows[row_of(board, on.table.id)].now is None
    assert shown(board) == expected(db, kst("06-14 11:06"))


def test_a_session_change_leaves_the_board_alone_and_reference_reads_again(board, db):
    assert board.refresh(Change(sessions=frozenset({"d1-iic"}))) == 0
    assert board.refresh(Change(reference=frozenset({"exhibitor"}))) == 0      # read again, nothing differs
    assert board.refresh(Change.all()) == 0


def test_a_clock_set_back_is_worked_out_again(qtbot, board, clock, db):
    clock.set(kst("06-14 15:10"))
    board.tick()
    assert shown(board) == expected(db, kst("06-14 15:10"))
    clock.set(kst("06-14 10:10"))
    board.tick()
    assert shown(board) == expected(db, kst("06-14 10:10"))
    clock.set(kst("06-15 10:10"))                          # the next day: its own meetings
    board.tick()
    assert shown(board) == expected(db, kst("06-15 10:10"))


def test_a_language_switch_repaints_the_rows_without_a_reset(qtbot, board):
    i = next(i for i, r in enumerate(board.model.rows) if r.now is not None and r.now.exhibitor_name
             and r.now.exhibitor_name.ko)
    english = board.model.cell(i, 1)
    seen = Signals(board.model)
    board.ui.set_language("ko")
    assert seen.resets == 0 and i in seen.rows
    korean = board.model.cell(i, 1)
    assert korean != english and any("\uac00" <= ch <= "\ud7a3" for ch in korean)      # Hangul now
    board.ui.set_language("en")
    assert board.model.cell(i, 1) == english
