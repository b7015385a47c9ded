"""The change bus: own writes and other processes' writes arrive as change objects; screens
refresh only for the topics they show; a sync heartbeat refreshes only the sync line."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk import operations
from kiosk.models.change import Change
from kiosk.models.database import open_event_db
from kiosk.views.live import ChangeBus
from tests.conftest import kst


@pytest.fixture
def other(db_path):
    """A second connection to the same file: another kiosk process, the CLI, the sync daemon."""
    store = open_event_db(db_path)
    yield store
    store.close()


@pytest.fixture
def bus(qtbot, db):
    bus = ChangeBus(db, interval_ms=20)
    yield bus
    bus.stop()


def _collect(bus):
    seen: list[Change] = []
    bus.changed.connect(seen.append)
    return seen


def test_another_process_editing_a_session_arrives_as_that_session(qtbot, bus, other):
    seen = _collect(bus)
    operations.edit_session(other, "d1-reception", cancel=True, by="Joon", role="volunteer", device_id="laptop-2",
                            now=kst("06-14 16:31"))
    qtbot.waitUntil(lambda: bool(seen), timeout=1000)
    assert seen == [Change(sessions=frozenset({"d1-reception"}))]


def test_another_process_scanning_arrives_as_that_list(qtbot, bus, other):
    seen = _collect(bus)
    operations.check_in(other, payload="manual", manual_attendee="A0005", list_id="entry", device_id="gate",
                        scan_id="s-1", now=kst("06-14 10:00"))
    qtbot.waitUntil(lambda: bool(seen), timeout=1000)
    assert seen[0].topics == {"checkins"} and seen[0].lists == {"entry"}


def test_a_sync_heartbeat_is_only_the_sync_topic(qtbot, bus, other):
    seen = _collect(bus)
    for i in range(3):   # the daemon rewrites its status; only the time moves after the first
        operations.write_sync_status(other, device_id="hall", peers=[], last_sync=None, waiting=0, message="",
                                     now=kst("06-14 10:00").replace(second=i))
        qtbot.waitUntil(lambda: len(seen) > i, timeout=1000)
    assert {c.topics for c in seen} == {frozenset({"sync"})}


def test_a_write_that_logs_nothing_announces_everything(qtbot, bus, db_path):
    seen = _collect(bus)
    raw = sqlite3.connect(db_path)   # a writer outside the operations (an older kiosk, a hand edit)
    raw.execute("UPDATE session SET notice = 'x' WHERE id = 'd1-reception'")
    raw.commit()
    raw.close()
    qtbot.waitUntil(lambda: bool(seen), timeout=1000)
    assert seen[0].everything


def test_own_writes_are_published_once_not_found_again_by_the_poll(qtbot, bus, db, other):
    seen = _collect(bus)
    done = operations.edit_session(db, "d1-masterclass2", room="204", by="", role="volunteer", device_id="k",
                                   now=kst("06-14 12:00"))
    bus.publish(done.change)
    operations.check_in(other, payload="manual", manual_attendee="A0005", list_id="entry", device_id="gate",
                        scan_id="s-2", now=kst("06-14 10:00"))          # moves data_version for our connection
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=1000)
    qtbot.wait(100)
    assert [c.topics for c in seen] == [{"sessions"}, {"checkins"}]    # our edit was not announced twice


def test_operations_log_their_change_in_the_same_transaction(db):
    before = db.last_change_id()
    with pytest.raises(Exception):
        operations.edit_session(db, "d1-masterclass2", room="nowhere", by="", role="volunteer", device_id="k",
                                now=kst("06-14 12:00"))
    assert db.last_change_id() == before                    # refused: no change, no log row
    operations.edit_session(db, "d1-masterclass2", room="204", by="", role="volunteer", device_id="k",
                            now=kst("06-14 12:00"))
    assert db.last_change_id() == before + 1


def test_a_heartbeat_does_not_rebuild_the_agenda_but_refreshes_the_desk_sync_line(qtbot, make_kiosk, other,
                                                                                  monkeypatch):
    window = make_kiosk()
    window.show_view("agenda")
    resets = []
    window.agenda.model.modelReset.connect(lambda: resets.append(1))
    desk = window.desk                     # built, as if staff had opened it
    synced = []
    monkeypatch.setattr(desk, "refresh_sync", lambda: synced.append(1))
    for i in range(4):
        operations.write_sync_status(other, device_id="hall", peers=[], last_sync=None, waiting=0, message="",
                                     now=kst("06-14 10:00").replace(second=i))
        qtbot.waitUntil(lambda: len(synced) > i, timeout=1000)
    assert resets == []
    operations.edit_session(other, "d1-reception", cancel=True, by="", role="volunteer", device_id="x",
                            now=kst("06-14 16:31"))
    qtbot.waitUntil(lambda: bool(resets), timeout=1000)
