"""What the attack left open, closed: a revoked device's notice is taken back to the published
state, waiting entries are bounded in number and age."""

import sqlite3
from datetime import timedelta

from kiosk import operations
from kiosk.models.database import open_event_db
from kiosk.sync import engine as engine_mod
from kiosk.sync.engine import SyncEngine, export_file, import_file
from kiosk.sync.identity import revocation

from .conftest import CLOCK, EVENT, snapshot
from .test_poison import edit, forge, scan, state


def session_row(path, session_id):
    conn = sqlite3.connect(path)
    row = conn.execute('SELECT room_id, start, "end", status, notice FROM session WHERE id = ?',
                       (session_id,)).fetchone()
    conn.close()
    return row


def test_a_revoked_devices_cancel_and_notice_go_back_to_the_published_session(fleet):
    """Found by the attack: with no other edit left, the session kept the revoked device's
    status and notice (only room and times went back). Over the file path, real edits."""
    published = session_row(fleet.paths["b"], "d1-reception")
    conn = open_event_db(fleet.paths["c"])
    conn.schedule.edit("d1-reception", cancel=True, notice="Cancelled: go home", by="thief", role="volunteer",
                       device_id="c", now=CLOCK.now())
    conn.close()
    b = fleet.engine("b")
    import_file(b, export_file(fleet.engine("c")), "c.sync")
    assert session_row(fleet.paths["b"], "d1-reception")[3:] == ("cancelled", "Cancelled: go home")
    statement, sig = revocation(fleet.authority, "c", event_id=EVENT, after=0, now=CLOCK.now(), reason="stolen")
    operations.merge_from_sync(b.store, b, {"roster": [[statement, sig]], "runs": {}}, source="organiser",
                               now=CLOCK.now())
    assert session_row(fleet.paths["b"], "d1-reception") == published
    assert published[3:] == ("scheduled", "")


def test_a_session_published_cancelled_stays_cancelled_when_edits_are_withdrawn(fleet):
    conn = open_event_db(fleet.paths["b"])
    conn.execute("UPDATE session SET status = 'cancelled', published_status = 'cancelled', "
                 "notice = 'Moved online', published_notice = 'Moved online' WHERE id = 'd1-reception'")
    conn.close()
    b = fleet.engine("b")
    b.receive(forge(fleet, "c", [edit("c", "k1", session="d1-reception",
                                      after=state(room="203", start="2023-06-14T18:00:00+09:00",
                                                  end="2023-06-14T20:00:00+09:00"))]), source="c")
    assert session_row(fleet.paths["b"], "d1-reception")[3:] == ("scheduled", "")
    statement, sig = revocation(fleet.authority, "c", event_id=EVENT, after=0, now=CLOCK.now())
    b.add_statement(statement, sig)
    assert session_row(fleet.paths["b"], "d1-reception")[3:] == ("cancelled", "Moved online")


def test_waiting_entries_are_quarantined_after_six_hours_and_staff_see_them(fleet):
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "c", [scan("c", "w1", attendee="Z0001"), scan("c", "w2", attendee="Z0002")]),
                       source="c")
    assert result.pending == 2 and result.quarantined == 0
    before = snapshot(fleet.paths["b"])
    # five hours on: still waiting
    later = SyncEngine(b.store, fleet.identity("b"), clock=lambda: CLOCK.now() + timedelta(hours=5))
    assert operations.sync_settle_pending(later.store, later, now=CLOCK.now()).result.pending == 2
    # past six hours: quarantined, listed, no row made
    later = SyncEngine(b.store, fleet.identity("b"), clock=lambda: CLOCK.now() + timedelta(hours=6, minutes=1))
    outcome = operations.sync_settle_pending(later.store, later, now=CLOCK.now())
    assert outcome.result.quarantined == 2 and outcome.result.pending == 0 and outcome.change.sync
    listed = later.quarantined()
    assert [q["status"] for q in listed] == ["quarantined"] * 2
    assert all(q["reason"].startswith("waited more than 6 h for: unknown attendee Z000") for q in listed)
    after = snapshot(fleet.paths["b"])
    assert {k: v for k, v in after.items() if k != "sync_log"} == {k: v for k, v in before.items() if k != "sync_log"}
    operations.write_sync_status(b.store, device_id="b", peers=[], last_sync=None, waiting=0, message="",
                                 now=CLOCK.now())
    assert b.store.sync.status()["quarantined"] == 2
    # the attendee arriving later changes nothing: quarantined is final
    assert later.settle_pending().applied == 0


def test_one_device_cannot_pile_up_waiting_entries(fleet, monkeypatch):
    monkeypatch.setattr(engine_mod, "MAX_PENDING_PER_DEVICE", 3)
    b = fleet.engine("b")
    flood = [scan("c", f"f{i}", attendee=f"Z{i:04d}") for i in range(5)]
    result = b.receive(forge(fleet, "c", flood), source="c")
    assert result.pending == 3 and result.quarantined == 2
    waiting = [(q["n"], q["status"]) for q in b.quarantined()]
    assert waiting == [(1, "pending"), (2, "pending"), (3, "pending"), (4, "quarantined"), (5, "quarantined")]
    assert "more than 3 of its entries waiting" in b.quarantined()[4]["reason"]
    # another device's waiting entries are not pushed out by c's flood
    assert b.receive(forge(fleet, "a", [scan("a", "x1", attendee="Z9000")]), source="a").pending == 4


def test_an_edit_that_waited_for_the_clock_applies_when_due_without_another_merge(fleet):
    b = fleet.engine("b")
    ahead = CLOCK.now() + timedelta(minutes=20)
    hlc = f"{int(ahead.timestamp() * 1000):015d}.00000"
    entry = edit("c", "ahead", session="d1-reception", hlc=hlc, at_=CLOCK.now().isoformat(),
                 after=state(room="203", start="2023-06-14T18:00:00+09:00", end="2023-06-14T20:00:00+09:00"))
    assert b.receive(forge(fleet, "c", [entry]), source="c").pending == 1
    due = SyncEngine(b.store, fleet.identity("b"), clock=lambda: CLOCK.now() + timedelta(minutes=16))
    outcome = operations.sync_settle_pending(due.store, due, now=CLOCK.now())
    assert outcome.result.applied == 1 and outcome.change.sessions == {"d1-reception"}
    assert session_row(fleet.paths["b"], "d1-reception")[0] == "203"
