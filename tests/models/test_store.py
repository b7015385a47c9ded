"""The event store: one connection's settings, a real atomic(), the event read once."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from kiosk.models.database import open_event_db
from kiosk.models.store import EventStore
from tests.conftest import kst


def _room(store, session_id="d1-masterclass2"):
    return store.execute("SELECT room_id FROM session WHERE id = ?", (session_id,)).fetchone()[0]


def test_the_connection_has_the_kiosk_settings(db):
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2          # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.conn.isolation_level is None                              # no hidden transactions


@pytest.mark.parametrize("error", [ValueError("bad"), KeyboardInterrupt()])
def test_atomic_rolls_back_on_any_exception(db, error):
    before = _room(db)
    with pytest.raises(type(error)):
        with db.atomic():
            db.execute("UPDATE session SET room_id = '204' WHERE id = 'd1-masterclass2'")
            raise error
    assert _room(db) == before
    assert not db.in_transaction


def test_a_with_block_on_the_raw_connection_would_not_have(db_path):
    """Why atomic() exists: on an autocommit connection `with conn:` rolls nothing back."""
    raw = sqlite3.connect(db_path, isolation_level=None)
    before = raw.execute("SELECT room_id FROM session WHERE id = 'd1-masterclass2'").fetchone()[0]
    with pytest.raises(ValueError):
        with raw:
            raw.execute("UPDATE session SET room_id = '204' WHERE id = 'd1-masterclass2'")
            raise ValueError
    assert raw.execute("SELECT room_id FROM session WHERE id = 'd1-masterclass2'").fetchone()[0] != before
    raw.close()


def test_nested_atomic_is_a_savepoint(db):
    with db.atomic():
        db.execute("UPDATE session SET room_id = '204' WHERE id = 'd1-masterclass2'")
        with pytest.raises(ValueError):
            with db.atomic():
                db.execute("UPDATE session SET room_id = '205' WHERE id = 'd1-masterclass2'")
                raise ValueError
        assert _room(db) == "204"       # only the inner block was undone
    assert _room(db) == "204"


def test_an_exception_through_both_levels_undoes_both(db):
    before = _room(db)
    with pytest.raises(ValueError):
        with db.atomic():
            db.execute("UPDATE session SET room_id = '204' WHERE id = 'd1-masterclass2'")
            with db.atomic():
                db.execute("UPDATE session SET notice = 'x' WHERE id = 'd1-masterclass2'")
                raise ValueError
    assert _room(db) == before
    assert db.execute("SELECT notice FROM session WHERE id = 'd1-masterclass2'").fetchone()[0] == ""


def test_atomic_takes_the_write_lock_first(db_path):
    """BEGIN IMMEDIATE: a second writer waits (or fails) at BEGIN, never half-way through."""
    a, b = open_event_db(db_path), open_event_db(db_path)
    b.conn.execute("PRAGMA busy_timeout = 50")
    with a.atomic():
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            with b.atomic():
                pass
    assert not b.in_transaction
    a.close(), b.close()


def test_two_threads_sharing_a_store_do_not_write_into_each_others_transaction(db):
    entered = threading.Event()
    seen = []

    def other():
        entered.wait()
        with db.atomic():
            seen.append(_room(db))

    t = threading.Thread(target=other)
    t.start()
    with pytest.raises(ValueError):
        with db.atomic():
            db.execute("UPDATE session SET room_id = '204' WHERE id = 'd1-masterclass2'")
            entered.set()
            time.sleep(0.05)
            raise ValueError
    t.join(2)
    assert seen == ["101"]          # the other thread saw neither the update nor a half transaction


def test_the_event_is_read_once(db):
    info = db.info
    assert (info.timezone, str(info.first_day), str(info.last_day)) == ("Asia/Seoul", "2023-06-14", "2023-06-16")
    assert db.info is info and db.tz.key == "Asia/Seoul"


def test_typed_stores_share_the_one_connection(db):
    assert db.schedule.store is db and db.checkins.store is db and db.pins.store is db
    assert db.badges.store is db and db.sync.store is db
    assert db.checkins is db.checkins         # built once


def test_a_failed_edit_writes_nothing_and_leaves_no_transaction(db):
    from kiosk.models.errors import KioskError

    with pytest.raises(KioskError):
        db.schedule.edit("d1-masterclass2", room="nowhere", by="", role="volunteer", device_id="k",
                         now=kst("06-14 12:00"))
    assert not db.in_transaction and _room(db) == "101"


def test_a_new_store_in_memory_has_the_schema():
    store = EventStore.create(memory=True)
    tables = {r[0] for r in store.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"event", "session", "scan", "checkin"} <= tables
    store.close()
