"""A cancelled session's check-in list (issue 12: a cancelled dinner left its list open without a
word to staff).

Decided: the list stays open and scans are recorded — guests turn up at a real venue whatever
the programme says, and who came is what the organiser needs to decide what happens to them —
but the list's tab, the ready panel and every verdict say the session is cancelled (amber, not
green), and the scan's record carries the warning (Last scans ⚠, the verdict's JSON)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk import operations
from tests.conftest import kst
from tests.views.test_staff_mode import badge, key, kiosk, unlock  # noqa: F401  (fixtures)


def _cancel_gala(window):
    window.ops.edit_session("d2-gala", by="Joon", role="staff", cancel=True)


def test_the_bundled_dinners_and_tour_name_their_sessions(db):
    lists = db.checkins.lists()
    assert lists["reception"].session_id == "d1-reception"
    assert lists["gala"].session_id == "d2-gala"
    assert lists["tour"].session_id == "d3-tour"
    assert lists["entry"].session_id is None


def test_a_scan_on_a_cancelled_dinners_list_is_recorded_with_a_warning(qtbot, kiosk, key):
    unlock(qtbot, kiosk)                  # 15 June 18:05: the gala's list is open
    desk = kiosk.desk
    qtbot.mouseClick(desk.list_buttons["gala"], Qt.MouseButton.LeftButton)
    assert "SESSION CANCELLED" not in desk.word.text()
    _cancel_gala(kiosk)
    # the tab and the ready panel say so at once (the edit came through the change bus)
    assert "cancelled" in desk.list_buttons["gala"].text()
    assert "cancelled" not in desk.list_buttons["reception"].text()
    assert desk.word.text() == "SESSION CANCELLED"
    assert "organiser" in desk.reason.text()
    desk.scan(badge(kiosk, key, "A0171"))
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=1000)
    verdict = desk.last_verdict
    assert verdict.code == "OK" and verdict.warning == "session_cancelled"
    assert verdict.colour == "amber" and verdict.as_json()["warning"] == "session_cancelled"
    assert "Session cancelled" in desk.reason.text() and "organiser" in desk.reason.text()
    # recorded: it counts, it is in the last scans with the mark, and a second scan is ALREADY
    assert kiosk.checkins.counts()["gala"].checked_in == 1
    assert "⚠" in desk.recent.item(0).text()
    desk.scan(badge(kiosk, key, "A0171"))
    qtbot.waitUntil(lambda: desk.last_verdict.scan_id != verdict.scan_id, timeout=1000)
    assert desk.last_verdict.code == "ALREADY" and desk.last_verdict.warning == "session_cancelled"
    assert "Session cancelled" in desk.reason.text() and "First checked in" in desk.reason.text()
    # another list is untouched
    qtbot.mouseClick(desk.list_buttons["entry"], Qt.MouseButton.LeftButton)
    assert desk.word.text() != "SESSION CANCELLED"
    desk.scan(badge(kiosk, key, "A0172"))
    qtbot.waitUntil(lambda: desk.last_verdict.list_id == "entry", timeout=1000)
    assert desk.last_verdict.warning == "" and desk.last_verdict.colour == "green"


def test_reinstating_the_session_clears_the_warning(qtbot, kiosk, key):
    unlock(qtbot, kiosk)
    desk = kiosk.desk
    qtbot.mouseClick(desk.list_buttons["gala"], Qt.MouseButton.LeftButton)
    _cancel_gala(kiosk)
    assert desk.word.text() == "SESSION CANCELLED"
    kiosk.ops.edit_session("d2-gala", by="Joon", role="staff", reinstate=True)
    assert desk.word.text() != "SESSION CANCELLED"
    assert "cancelled" not in desk.list_buttons["gala"].text()


def test_the_warning_is_in_the_record_replayed_and_from_the_command_line(db, key, clock):
    """The verb itself (no desk): a replayed scan id returns the warning it was recorded with."""
    from kiosk.models import badges

    db.checkins.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    payload = badges.sign(key, db.checkins.prefix, db.checkins.current_badge("A0171", reissue=False,
                                                                             now=kst("06-13 12:00")))
    operations.edit_session(db, "d1-reception", by="Joon", role="staff", device_id="desk", cancel=True,
                            now=kst("06-14 17:00"))
    verdict, _change = operations.check_in(db, payload=payload, list_id="reception", device_id="desk",
                                           scan_id="s1", now=kst("06-14 18:30"))
    assert verdict.code == "OK" and verdict.warning == "session_cancelled"
    again, _ = operations.check_in(db, payload=payload, list_id="reception", device_id="desk",
                                   scan_id="s1", now=kst("06-14 18:31"))
    assert again.replayed and again.warning == "session_cancelled"
    # a refused scan carries no warning: there is nothing to let in
    refused, _ = operations.check_in(db, payload="garbage", list_id="reception", device_id="desk",
                                     scan_id="s2", now=kst("06-14 18:32"))
    assert refused.code == "INVALID" and refused.warning == ""


def test_a_database_built_before_the_link_finds_its_lists_sessions(db_path):
    """m018 on an older database: the dinners are linked by name and time. The entry list and
    "Tour bus (16 June)" (its session is "Technology & culture tour: …") match no session by name
    and stay unlinked: no guessing; a rebuilt database takes the link from event.toml."""
    import sqlite3

    from kiosk.models import migrations

    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE checkin_list SET session_id = NULL")
    conn.execute(migrations.LIST_SESSION_BACKFILL)
    links = dict(conn.execute("SELECT id, session_id FROM checkin_list"))
    conn.close()
    assert links == {"entry": None, "reception": "d1-reception", "gala": "d2-gala", "tour": None}
