"""Slow work runs off the UI thread (kiosk/views/background.py): a PIN's scrypt check and a
backup. The event loop keeps turning while they run, and their results arrive as signals."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import QTimer

from tests.conftest import kst


class LoopMeter:
    """Counts turns of the event loop (a 1 ms timer) and the longest gap between them."""

    def __init__(self) -> None:
        self.turns = 0
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.turns += 1
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.turns, self.longest_ms, self._last = 0, 0.0, time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def test_the_event_loop_turns_while_a_pin_is_checked(make_kiosk, qtbot, db, clock):
    # two stored PINs: a wrong PIN costs two scrypt checks (~100–200 ms here) — on the UI thread
    # that was a frozen screen; now the loop keeps turning and the answer comes back as a signal
    db.pins.set_pin("staff", "246813", kst("06-13 12:00"))
    db.pins.set_pin("volunteer", "135791", kst("06-13 12:00"))
    window = make_kiosk()
    window.open_staff()
    pad = window.pin_pad
    for d in "111111":
        pad.press(d)
    meter = LoopMeter()
    meter.start()
    started = time.perf_counter()
    pad.press("OK")
    assert pad.checking                                   # not answered on the UI thread
    assert not pad.keys["5"].isEnabled()                  # no second PIN while the first is checked
    pad.press("5")                                        # a tap that slips through changes nothing
    qtbot.waitUntil(lambda: not pad.checking, timeout=10_000)
    took_ms = (time.perf_counter() - started) * 1000
    meter.stop()
    assert meter.turns >= 5, f"the loop turned {meter.turns} times in {took_ms:.0f} ms"
    assert pad.message.text() == "Wrong PIN. 4 tries left."
    assert window.current_view() == "pin" and pad.keys["5"].isEnabled()
    assert db.pins.lock_state("kiosk", clock.now()).tries_left == 4     # the wrong try was counted
    for d in "135791":
        pad.press(d)
    pad.press("OK")
    qtbot.waitUntil(lambda: window.current_view() == "editor", timeout=10_000)
    assert window.staff_role == "volunteer"
    assert db.pins.lock_state("kiosk", clock.now()).tries_left == 5     # a right PIN resets the count


def test_a_pin_answer_for_a_closed_pad_is_dropped(make_kiosk, qtbot, db):
    db.pins.set_pin("staff", "246813", kst("06-13 12:00"))
    window = make_kiosk()
    window.open_staff()
    pad = window.pin_pad
    for d in "246813":
        pad.press(d)
    pad.press("OK")
    pad.close_pad()                                       # the visitor walked away mid-check
    assert not pad.checking
    qtbot.wait(800)
    pad.background.wait()
    qtbot.wait(100)
    assert window.staff_role is None and window.current_view() == "home"


@pytest.fixture
def big_db_path(db_path):
    """The event database with 48 MB of ballast: a backup that takes a while to write."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE ballast (b BLOB)")
    conn.executemany("INSERT INTO ballast VALUES (randomblob(1048576))", [()] * 48)
    conn.commit()
    conn.close()
    return db_path


def test_the_event_loop_turns_while_a_backup_is_written(qtbot, big_db_path, tmp_path, clock):
    from kiosk.builder import build_kiosk
    from kiosk.models.backup import backups
    from kiosk.views.health import BackupTimer

    kiosk = build_kiosk(big_db_path, clock=clock, language="en", device_id="kiosk", poll_ms=50)
    qtbot.addWidget(kiosk.window)
    try:
        folder = tmp_path / "backups"
        timer = BackupTimer(kiosk.store, folder, minutes=0, keep=3, health=kiosk.health, parent=kiosk.window,
                            clock=clock)
        heard = []
        kiosk.health.changed.connect(lambda: heard.append(kiosk.health.backup_problem))
        meter = LoopMeter()
        meter.start()
        started = time.perf_counter()
        assert timer.run("test") is True
        assert timer.busy
        assert timer.run("again") is False                   # one at a time: this turn is skipped
        kiosk.window.agenda.refresh()                         # the kiosk's own connection stays usable
        qtbot.waitUntil(lambda: not timer.busy, timeout=30_000)
        took_ms = (time.perf_counter() - started) * 1000
        meter.stop()
        assert meter.turns >= 5, f"the loop turned {meter.turns} times in {took_ms:.0f} ms"
        written = backups(folder)
        assert len(written) == 1 and kiosk.health.last_backup == written[0]
        copy = sqlite3.connect(written[0])
        try:
            assert copy.execute("SELECT count(*) FROM ballast").fetchone()[0] == 48
            assert copy.execute("SELECT count(*) FROM session").fetchone()[0] == \
                kiosk.store.execute("SELECT count(*) FROM session").fetchone()[0]
        finally:
            copy.close()
        assert kiosk.health.backup_problem is None and heard == []

        # a failure arrives the same way: the folder is a file
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("x")
        failing = BackupTimer(kiosk.store, blocked, minutes=0, keep=3, health=kiosk.health, parent=kiosk.window,
                              clock=clock)
        assert failing.run() is True
        qtbot.waitUntil(lambda: not failing.busy, timeout=30_000)
        assert kiosk.health.backup_problem and "Backup failed" in kiosk.health.backup_problem
        assert heard and heard[-1] == kiosk.health.backup_problem

        # at exit: on this thread, after the one in progress; success clears the problem
        timer.run("before-exit")
        path = timer.run_now("exit")
        assert path is not None and path.exists() and path.name.endswith("-exit.db")
        assert kiosk.health.backup_problem is None
    finally:
        kiosk.close()
