"""The check-in desk when the database cannot take a write: another process holding the lock
for 30 s (the screen never waits on it; a scan not on disk within 1 s says NOT RECORDED — try
again), and a kiosk started on a read-only mount or a full disk (every visitor screen works,
staff get the red banner, scans are refused)."""

import sqlite3
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from kiosk.models import badges
from tests.conftest import kst
from tests.fault_fixtures import fill, lock_held, mounts, remount_read_only, tmpfs


def _payload(conn):
    pem, _ = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    store = conn.checkins
    store.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    return badges.sign(key, store.prefix, conn.badges.current_badge("A0001", reissue=False, now=kst("06-13 12:00")))


class StallMeter:
    """The longest gap between ticks of a 5 ms timer: how long the event loop was blocked."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.longest = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def start(self):
        self.clock.start()
        self.timer.start()

    def _tick(self):
        self.longest = max(self.longest, self.clock.restart())

    def stop(self):
        self.timer.stop()
        return self.longest


def _scans(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM scan").fetchone()[0]
    finally:
        conn.close()


def test_a_lock_held_elsewhere_never_freezes_the_desk_and_a_scan_says_not_recorded(make_kiosk, qtbot, db, db_path):
    payload = _payload(db)
    window = make_kiosk()
    window.enter_staff_mode("staff")          # its first opening builds the desk's screens: not what is measured
    window.lock_staff_mode()
    before = _scans(db_path)
    with lock_held(db_path, 30):
        meter = StallMeter()
        meter.start()
        started = time.monotonic()
        window.enter_staff_mode("staff")                 # opening the desk probes the disk: no waiting
        window.desk.choose_list("entry")
        opened = time.monotonic() - started
        qtbot.wait(50)
        window.desk.scan(payload)
        assert window.desk.word.text() == "Saving…"
        qtbot.waitUntil(lambda: window.desk.word.text() == "NOT RECORDED", timeout=3000)
        waited = time.monotonic() - started - opened
        longest = meter.stop()
    assert opened < 0.3, f"opening the desk took {opened:.2f} s"     # was 5.2 s: the probe waited for the lock
    assert 0.9 < waited < 2.0
    assert "Try again" in window.desk.name.text()
    # A wait on the lock would stall the loop for the whole 1 s busy time (it was 5.2 s); a busy shared
    # machine stalls it a few hundred ms at worst. The benchmark records the real figure (≤100 ms).
    assert longest < 600, f"the event loop stalled {longest} ms"
    assert not window.desk.banner.isVisible()                       # a lock elsewhere is not a disk fault
    assert _scans(db_path) == before                                # nothing half-written


def test_a_scan_waiting_for_the_lock_is_recorded_once_when_it_is_released(make_kiosk, qtbot, db, db_path):
    payload = _payload(db)
    window = make_kiosk()
    window.enter_staff_mode("staff")
    window.desk.choose_list("entry")
    before = _scans(db_path)
    with lock_held(db_path, 0.4):
        window.desk.scan(payload)
        assert window.desk.word.text() == "Saving…"
        qtbot.waitUntil(lambda: window.desk.word.text() != "Saving…", timeout=3000)
    assert window.desk.word.text() == "OK — welcome"
    assert _scans(db_path) == before + 1


def test_scans_queued_behind_the_lock_keep_their_order(make_kiosk, qtbot, db, db_path):
    payload = _payload(db)
    window = make_kiosk()
    window.enter_staff_mode("staff")
    window.desk.choose_list("entry")
    with lock_held(db_path, 0.3):
        window.desk.scan(payload)
        window.desk.scan(payload)
        qtbot.waitUntil(lambda: not window.desk.saving, timeout=3000)
    codes = [r[0] for r in sqlite3.connect(db_path).execute(
        "SELECT code FROM scan WHERE list_id = 'entry' ORDER BY rowid")]
    assert codes[-2:] == ["OK", "ALREADY"]


@pytest.fixture
def read_only_db_path(built_db, tmp_path, request):
    """The event on a real read-only mount, or on a real full disk (root: tmpfs); a staff PIN
    set and one wrong try already counted (the right PIN must still open: the count cannot be reset)."""
    how = request.param
    with tmpfs(tmp_path / "disk", "64m" if how == "read-only" else "3m") as disk:
        path = disk / "event.db"
        path.write_bytes(built_db.read_bytes())
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = DELETE")     # as it was copied from a backup
        conn.close()
        from kiosk.models.database import open_event_db

        setup = open_event_db(path)
        setup.pins.set_pin("staff", "246813", kst("06-13 12:00"))
        setup.pins.try_pin("000000", device_id="kiosk", now=kst("06-13 12:01"))   # a wrong try on record
        payload = _payload(setup)
        setup.close()
        if how == "read-only":
            remount_read_only(disk)
        else:
            fill(disk)
        yield path, payload, how


@mounts
@pytest.mark.parametrize("read_only_db_path", ["read-only", "disk-full"], indirect=True)
def test_a_kiosk_started_where_it_cannot_write_shows_everything_and_refuses_scans(read_only_db_path, qtbot, clock):
    from kiosk.builder import build_kiosk
    from kiosk.models.database import open_event_db

    path, payload, how = read_only_db_path
    conn = open_event_db(path)                       # not refused: opened read-only
    assert conn.read_only_reason == ("the disk is mounted read-only" if how == "read-only" else "the disk is full")
    kiosk = build_kiosk(conn, clock=clock, language="en", poll_ms=50)
    window = kiosk.window
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    try:
        for view in ("home", "agenda", "exhibitors", "changes"):          # visitors: every screen
            window.show_view(view)
            assert window.current_view() == view
        assert window.agenda.model.rowCount() > 0
        window.open_session("d1-roundtable")
        window.go_home()
        window.open_staff()                                               # staff: the real PIN pad
        for key in "246813":
            window.pin_pad.press(key)
        window.pin_pad.press("OK")
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.desk, timeout=5000)
        assert window.desk.banner.isVisible() and "cannot be saved" in window.desk.banner.text()
        assert ("read-only" if how == "read-only" else "full") in window.desk.banner.text()
        window.desk.choose_list("entry")
        window.desk.scan(payload)
        assert window.desk.word.text() == "NOT RECORDED"
        assert conn.execute("SELECT count(*) FROM scan").fetchone()[0] == 0
    finally:
        kiosk.close()


def test_a_wedge_scan_typed_while_the_lock_is_held_says_not_recorded(make_kiosk, qtbot, db, db_path):
    """Through real key events, as the USB scanner types them: the burst is decoded, the write
    meets the lock, and the desk says NOT RECORDED — try again within about a second."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    payload = _payload(db)
    window = make_kiosk()
    window.enter_staff_mode("staff")
    window.desk.choose_list("entry")
    before = _scans(db_path)
    with lock_held(db_path, 30):
        target = window.focusWidget() or window
        QTest.keyClicks(target, payload, delay=1)
        QTest.keyClick(target, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.desk.word.text() == "Saving…", timeout=1000)
        qtbot.waitUntil(lambda: window.desk.word.text() == "NOT RECORDED", timeout=3000)
    assert "Try again" in window.desk.name.text()
    assert _scans(db_path) == before
