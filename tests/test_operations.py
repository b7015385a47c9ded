"""The operations layer: every write returns its result and what it changed, and logs the change
in its own transaction; the schedule desk's staged diff and warn-then-confirm rule live here."""

from __future__ import annotations

from kiosk import operations
from kiosk.models.change import Change
from tests.conftest import kst


def _room(db, session_id):
    return db.execute("SELECT room_id FROM session WHERE id = ?", (session_id,)).fetchone()[0]


def test_staged_change_is_only_what_differs(repo):
    s = repo.session("d1-masterclass2")
    staged = {"room_id": "204", "start": s.start, "end": s.end, "notice": s.notice, "status": "cancelled"}
    assert operations.staged_change(s, staged) == {"room": "204", "cancel": True}
    assert operations.staged_change(s, staged, revert=True) == {"revert": True}


def test_a_warned_edit_is_not_written_until_confirmed(db, repo):
    other = next(x for x in repo.sessions() if x.id != "d1-masterclass2" and x.room_id
                 and x.start < repo.session("d1-masterclass2").end and x.end > repo.session("d1-masterclass2").start)
    before, log = _room(db, "d1-masterclass2"), db.last_change_id()
    kw = dict(by="Mina", role="volunteer", device_id="k", now=kst("06-14 12:00"))
    done = operations.save_staged_edit(db, "d1-masterclass2", {"room": other.room_id}, confirmed=False, **kw)
    assert isinstance(done.result, operations.Confirm) and done.result.warnings
    assert not done.change and _room(db, "d1-masterclass2") == before and db.last_change_id() == log
    done = operations.save_staged_edit(db, "d1-masterclass2", {"room": other.room_id}, confirmed=True, **kw)
    assert done.change == Change(sessions=frozenset({"d1-masterclass2"}))
    assert _room(db, "d1-masterclass2") == other.room_id and db.last_change_id() == log + 1


def test_a_replayed_scan_changes_nothing(db):
    kw = dict(payload="manual", manual_attendee="A0005", list_id="entry", device_id="gate", scan_id="s-1",
              now=kst("06-14 10:00"))
    first = operations.check_in(db, **kw)
    assert first.change.lists == {"entry"}
    log = db.last_change_id()
    again = operations.check_in(db, **kw)
    assert again.result.replayed and not again.change and db.last_change_id() == log


def test_undo_of_nothing_changes_nothing(db):
    done = operations.undo_checkin(db, list_id="entry", device_id="nobody", now=kst("06-14 10:00"))
    assert done.result is None and not done.change


def test_a_sync_heartbeat_logs_only_when_more_than_its_time_moved(db):
    kw = dict(device_id="hall", peers=["a"], last_sync=None, waiting=0, message="")
    operations.write_sync_status(db, now=kst("06-14 10:00"), **kw)
    log = db.last_change_id()
    for second in range(1, 4):
        operations.write_sync_status(db, now=kst("06-14 10:00").replace(second=second), **kw)
    assert db.last_change_id() == log
    operations.write_sync_status(db, now=kst("06-14 10:01"), **{**kw, "peers": []})
    assert db.last_change_id() == log + 1
