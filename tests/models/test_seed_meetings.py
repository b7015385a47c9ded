"""A kiosk database built before matchmaking existed (schema up to m008, no buyer, table or
meeting tables) migrates to empty meeting tables. `main.py seed-meetings` — which setup.sh runs —
fills them from data/ without touching check-ins or live session edits, refuses a file with
problems (each listed, nothing written), leaves a database that holds meetings alone, and the
board and "my day" say so plainly when there are no meetings at all."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from kiosk import operations
from kiosk.models import database, migrations
from tests.conftest import DATA, ROOT, kst

MEETING_TABLES = ("buyer", "buyer_rep", "exhibitor_rep", "meeting_table", "meeting", "meeting_participant",
                  "session_registration")
BEFORE_MATCHMAKING = [s.__name__ for s in migrations.STEPS].index("m009_matchmaking")


def build_old(built_db, path):
    """The bundled event as a kiosk built before m009 stored it: only the first eight schema
    steps, every row of their tables (columns they had), nothing of matchmaking."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    old = Database(str(path))
    steps = Migrations(migrations.SCHEMA_NAME)
    for step in migrations.STEPS[:BEFORE_MATCHMAKING]:
        steps()(step)
    steps.apply(old)
    old.conn.close()
    conn = sqlite3.connect(path)
    conn.execute("ATTACH ? AS full", (str(built_db),))
    tables = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%migrations%' "
                                         "AND name NOT LIKE '%_fts%'")]     # full-text indexes: kept by triggers
    assert "meeting" not in tables and "event" in tables
    with conn:
        for t in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA main.table_info({t})")]
            have = {r[1] for r in conn.execute(f"PRAGMA full.table_info({t})")}
            cols = ", ".join(f'"{c}"' for c in cols if c in have)
            if not cols:                 # a table a later step replaced: nothing of it to keep
                continue
            conn.execute(f"INSERT INTO main.{t} ({cols}) SELECT {cols} FROM full.{t}")
    conn.execute("DETACH full")
    conn.close()
    return path


@pytest.fixture
def old_db(built_db, tmp_path):
    return build_old(built_db, tmp_path / "old.db")


def counts(store):
    return {t: store.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in MEETING_TABLES}


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, env=env)


def live_rows(store):
    return (store.execute("SELECT * FROM checkin ORDER BY 1").fetchall(),
            store.execute("SELECT id, room_id, start, status FROM session ORDER BY id").fetchall(),
            store.execute("SELECT count(*) FROM session_edit").fetchone()[0])


def test_an_old_database_migrates_empty_and_seed_meetings_fills_it_keeping_live_data(old_db, built_db):
    store = database.open_event_db(old_db)            # the migration m009…: empty meeting tables
    assert set(counts(store).values()) == {0}
    assert not store.matchmaking.any_meetings()
    # the day went on before the upgrade: a check-in and a room change
    operations.check_in(store, payload="manual", manual_attendee="A0001", list_id="entry", device_id="desk-1",
                        scan_id="s1", now=kst("06-14 09:30"))
    operations.edit_session(store, "d1-iic", room="204", by="Mina", role="staff", device_id="desk-1",
                            now=kst("06-14 09:40"))
    before = live_rows(store)
    assert before[0] and before[2] == 1
    store.close()

    done = run("seed-meetings", "--db", str(old_db))
    assert done.returncode == 0, done.stderr
    assert "matchmaking added" in done.stdout and "meeting" in done.stdout

    store = database.open_event_db(old_db)
    full = database.open_event_db(built_db)
    assert counts(store) == counts(full) and counts(store)["meeting"] > 200
    assert live_rows(store) == before                  # check-ins and the live room change untouched
    assert store.execute("SELECT meeting_slot_minutes FROM event").fetchone()[0] == 30
    itpu = store.matchmaking.meeting("bm-hsp-itpu")
    assert itpu is not None and itpu.start == kst("06-15 15:00")
    changes = [r[0] for r in store.execute("SELECT topics FROM change_log ORDER BY id DESC LIMIT 1")]
    assert "meeting" in changes[0]                     # open kiosks hear of it (their boards read again)
    full.close()
    store.close()

    again = run("seed-meetings", "--db", str(old_db))  # setup.sh runs it every time: nothing more
    assert again.returncode == 0 and "already holds" in again.stdout
    store = database.open_event_db(old_db)
    assert counts(store)["meeting"] == counts(database.open_event_db(built_db))["meeting"]
    store.close()


def test_a_matchmaking_file_with_problems_is_refused_with_each_listed(old_db, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "matchmaking.toml").read_text(encoding="utf-8")
    text = text.replace('"A0176"', '"A9999"', 1)       # a representative this database does not know
    (data / "matchmaking.toml").write_text(text, encoding="utf-8")
    database.open_event_db(old_db).close()            # migrated
    done = run("seed-meetings", "--db", str(old_db), "--data", str(data))
    assert done.returncode == 1
    assert "A9999" in done.stderr and "nothing was written" in done.stderr
    store = database.open_event_db(old_db)
    assert set(counts(store).values()) == {0}
    store.close()


@pytest.mark.parametrize("content", [b'tables = [ {id="T1"\n', bytes(range(256)) * 8])
def test_a_broken_or_binary_matchmaking_file_is_refused_in_one_line_each(old_db, tmp_path, content):
    data = tmp_path / "data"
    data.mkdir()
    (data / "matchmaking.toml").write_bytes(content)
    done = run("seed-meetings", "--db", str(old_db), "--data", str(data))
    assert done.returncode == 1
    assert "matchmaking.toml" in done.stderr and "seed-meetings" in done.stderr and "Traceback" not in done.stderr
    store = database.open_event_db(old_db)
    assert set(counts(store).values()) == {0}
    store.close()


def test_no_matchmaking_file_is_nothing_to_do(old_db, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    done = run("seed-meetings", "--db", str(old_db), "--data", str(data))
    assert done.returncode == 0 and "nothing changed" in done.stdout


def test_board_and_my_day_say_there_are_no_meetings_then_show_them_once_seeded(qtbot, old_db, clock):
    from kiosk.builder import build_kiosk

    store = database.open_event_db(old_db)
    clock.set(kst("06-14 11:05"))
    kiosk = build_kiosk(store, clock=clock, kiosk_id="K1")
    try:
        window = kiosk.window
        window.resize(1920, 1080)
        window.show()
        window.show_view("board")
        board = window.screen("board")
        assert board.no_meetings.isVisible() and "information desk" in board.no_meetings.text()
        window.show_view("my-day")
        my_day = window.screen("my-day")
        assert my_day.no_meetings.isVisible() and "No business meetings" in my_day.no_meetings.text()
        my_day.show_attendee("A0176")
        assert "No business meetings" in my_day.next_title.text()
        my_day.clear()
        # seeded while the kiosk runs: the operation's change reaches both screens
        outcome = operations.seed_meetings(store, DATA, now=kst("06-14 11:06"))
        kiosk.bus.publish(outcome.change)
        assert not my_day.no_meetings.isVisible()
        window.show_view("board")
        assert not board.no_meetings.isVisible()
        assert any(r.now is not None for r in board.model.rows)
    finally:
        kiosk.close()
        store.close()
