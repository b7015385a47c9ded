"""A kiosk that runs all day: kill -9 mid-write, backups and restore, a read-only or full
disk, hostile input (property-based), very long texts, no context menus."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.models import badges
from kiosk.models.backup import backup, backups, restore
from kiosk.models.database import open_event_db
from tests.conftest import ROOT, kst

WRITER = textwrap.dedent("""
    import sys, uuid
    sys.path.insert(0, {root!r})
    from datetime import datetime
    from zoneinfo import ZoneInfo
    from kiosk.models.database import open_event_db
    conn = open_event_db({db!r}, check_integrity=False)
    store, schedule = conn.checkins, conn.schedule
    now = datetime(2023, 6, 14, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    ids = [r[0] for r in conn.execute("SELECT id FROM attendee")]
    rooms = ["101", "102", "103", "104"]
    i = 0
    while True:
        scan_id = uuid.uuid4().hex
        v = store.check_in(payload="manual", manual_attendee=ids[i % len(ids)], list_id="entry",
                           device_id="crash", scan_id=scan_id, now=now)
        print("scan", scan_id, flush=True)          # acknowledged: the verdict would show now
        r = schedule.edit("d1-masterclass2", room=rooms[i % 4], by="x", role="volunteer", device_id="crash", now=now)
        if r.edit_id:
            print("edit", r.edit_id, flush=True)
        i += 1
""")


@pytest.mark.parametrize("run_for", [0.3, 0.7, 1.1])
def test_kill_9_mid_burst_loses_nothing_acknowledged(db_path, run_for):
    proc = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT), db=str(db_path))],
                            stdout=subprocess.PIPE, text=True)
    acknowledged = {"scan": [], "edit": []}
    deadline = time.monotonic() + run_for + 3   # start-up, then run_for seconds of writes
    started = None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        kind, ident = line.split()
        acknowledged[kind].append(ident)
        started = started or time.monotonic()
        if time.monotonic() - started > run_for:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(acknowledged["scan"]) > 5
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in conn.execute("SELECT scan_id FROM scan WHERE device_id = 'crash'")}
    assert set(acknowledged["scan"]) <= stored
    edits = {str(r[0]) for r in conn.execute("SELECT id FROM session_edit")}
    assert set(acknowledged["edit"]) <= edits
    # every OK scan has its check-in row: nothing half-written
    assert conn.execute("SELECT count(*) FROM scan s WHERE code = 'OK' AND NOT EXISTS "
                        "(SELECT 1 FROM checkin c WHERE c.scan_id = s.scan_id)").fetchone()[0] == 0


def test_backups_roll_and_restore_in_one_command(db_path, tmp_path, db):
    folder = tmp_path / "backups"
    from datetime import datetime, timedelta

    for n in range(4):
        backup(db, folder, keep=3, now=datetime(2023, 6, 14, 9, 0) + timedelta(minutes=5 * n))
    assert len(backups(folder)) == 3
    db.execute("DELETE FROM session WHERE id = 'd3-tour'")           # a disaster after the backup
    db.close()
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "restore", "--db", str(db_path),
                             "--from", str(folder)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    restored = open_event_db(db_path)
    assert restored.execute("SELECT count(*) FROM session WHERE id = 'd3-tour'").fetchone()[0] == 1
    assert db_path.with_name(db_path.name + ".before-restore.1").exists()


def _key_and_store(db):
    pem, _ = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    store = db.checkins
    store.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    return key, store


@pytest.mark.parametrize("how", ["read-only", "disk-full"])
def test_a_kiosk_that_cannot_write_keeps_showing_and_tells_staff(make_kiosk, qtbot, db, how):

    db.pins.set_pin("staff", "246813", kst("06-13 12:00"))
    key, store = _key_and_store(db)
    payload = badges.sign(key, store.prefix, store.current_badge("A0001", reissue=False, now=kst("06-13 12:00")))
    if how == "read-only":
        db.execute("PRAGMA query_only = ON")
    else:
        db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0] + 2}")
        n = 0
        for size in (4000, 1000, 200, 20, 1):               # fill the "disk" to the last byte
            with pytest.raises(sqlite3.OperationalError, match="full"):
                while True:                                # (in the scan table itself: no room left anywhere)
                    n += 1
                    db.execute("INSERT INTO scan (scan_id, list_id, device_id, scanned_at, payload, code) "
                               "VALUES (?, 'entry', 'fill', '2023-06-14T08:00:00+09:00', hex(randomblob(?)), 'INVALID')",
                               (f"fill-{n}", size))
    before = db.execute("SELECT count(*) FROM scan").fetchone()[0]
    window = make_kiosk()
    window.show_view("agenda")
    assert window.agenda.model.rowCount() > 0                      # attendees still see the agenda
    window.enter_staff_mode("staff")
    window.desk.choose_list("entry")
    window.desk.scan(payload)
    assert window.desk.word.text() == "NOT RECORDED"
    assert "cannot be saved" in window.desk.banner.text() and window.desk.banner.isVisible()
    if how == "read-only":
        db.execute("PRAGMA query_only = OFF")
    assert db.execute("SELECT count(*) FROM scan").fetchone()[0] == before
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


HOSTILE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=HOSTILE_TEXT)
def test_the_badge_parser_only_ever_says_invalid(payload):
    pem, raw = badges.generate_key_pair() if not hasattr(test_the_badge_parser_only_ever_says_invalid, "k") else (None, None)
    if pem is not None:
        test_the_badge_parser_only_ever_says_invalid.k = raw
    try:
        badges.parse(payload, prefix="IF23", public_keys=[test_the_badge_parser_only_ever_says_invalid.k])
    except badges.BadgeError as exc:
        assert exc.code == "INVALID"
    else:
        pytest.fail(f"accepted {payload!r}")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=HOSTILE_TEXT)
def test_any_scan_is_one_audit_row_and_never_a_crash(db, payload):
    store = db.checkins
    before = db.execute("SELECT count(*) FROM scan").fetchone()[0]
    verdict = store.check_in(payload=payload, list_id="entry", device_id="fuzz",
                             scan_id=os.urandom(8).hex(), now=kst("06-14 09:00"))
    assert verdict.code == "INVALID"
    assert db.execute("SELECT count(*) FROM scan").fetchone()[0] == before + 1
    assert db.execute("SELECT count(*) FROM checkin").fetchone()[0] == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE_TEXT)
def test_search_takes_any_text(repo, text):
    assert isinstance(repo.search_exhibitors(text), frozenset)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=600), kind=st.sampled_from(["agenda", "rooms", "exhibitors", "attendees"]),
       suffix=st.sampled_from([".csv", ".json", ".xml"]))
def test_importers_take_any_bytes_and_never_half_apply(db, tmp_path_factory, body, kind, suffix):
    from kiosk.exchange.importer import Importer
    from kiosk.models.errors import KioskError

    path = tmp_path_factory.mktemp("fuzz") / f"in{suffix}"
    path.write_bytes(body)
    before = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("session", "room", "exhibitor", "attendee")]
    try:
        report = Importer(db).run(path, kind)
    except KioskError:
        report = None
    after = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("session", "room", "exhibitor", "attendee")]
    if report is None or report.problems:
        assert after == before
    assert not db.in_transaction


def test_very_long_texts_do_not_break_layouts(make_kiosk, qtbot, db):
    long_title = "Extraordinarily long session title " * 40
    db.execute("UPDATE session SET title_en = ?, title_ko = ? WHERE id = 'd1-roundtable'", (long_title, "가" * 600))
    db.execute("UPDATE exhibitor SET name_en = ? WHERE id = 'twistcode'", ("Twistcode " * 60,))
    db.execute("UPDATE attendee SET name = ? WHERE id = 'A0001'", ("Name " * 80,))
    window = make_kiosk()
    for view in ("home", "agenda", "exhibitors"):
        window.show_view(view)
        qtbot.wait(20)
        assert (window.width(), window.height()) == (1920, 1080), view
        window.grab()
    window.exhibitors.select_exhibitor("twistcode")
    window.open_session("d1-roundtable")
    qtbot.wait(20)
    assert (window.width(), window.height()) == (1920, 1080)


def test_no_context_menus_for_visitors(make_kiosk, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    from kiosk.views.health import LockDown

    window = make_kiosk()
    lock = LockDown(window)
    window.show_view("exhibitors")
    field = window.exhibitors.search
    QApplication.sendEvent(field, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5)))
    qtbot.wait(50)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    del lock


def test_the_watchdog_heartbeat_reaches_systemd(qtbot, tmp_path, monkeypatch):
    """systemd gives NOTIFY_SOCKET and WATCHDOG_USEC; the kiosk must send WATCHDOG=1 from its loop."""
    import socket

    from kiosk.views.health import Watchdog

    path = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(5)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    monkeypatch.setenv("WATCHDOG_USEC", "2000000")
    dog = Watchdog()
    assert dog.timer.isActive() and dog.timer.interval() == 1000
    qtbot.wait(1200)
    assert server.recv(64) == b"WATCHDOG=1"
    server.close()
