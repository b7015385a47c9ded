"""A walk-in registered at the check-in desk: typed name, a tap for their kind, a badge number,
checked in on the open list — and offered only where the registration will travel."""

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.views.test_staff_mode import key, kiosk, unlock  # noqa: F401  (fixtures)


def type_name(qtbot, field, text):
    """A person typing (not a scanner's burst), then a pause before the next tap."""
    field.setFocus()
    QTest.keyClicks(field, text, delay=60)
    qtbot.wait(400)


def tap_item(qtbot, results, text_part):
    for i in range(results.count()):
        item = results.item(i)
        if text_part in item.text():
            results.scrollToItem(item)
            qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center())
            return
    raise AssertionError(f"no item with {text_part!r}: {[results.item(i).text() for i in range(results.count())]}")


def test_a_walk_in_is_registered_and_checked_in_at_the_desk(qtbot, kiosk):  # noqa: F811
    unlock(qtbot, kiosk)                                          # the gala list, open at 18:05
    desk = kiosk.desk
    type_name(qtbot, desk.search, "Lee  Walkin")
    tap_item(qtbot, desk.results, "New walk-in")
    assert desk.results.count() == 8                               # one per kind of attendee
    tap_item(qtbot, desk.results, "as: Press")
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=2000)
    assert desk.last_verdict.code == "OK" and desk.last_verdict.attendee.name == "Lee Walkin"
    row = kiosk.checkins.store.execute("SELECT id, type, registered_by FROM attendee WHERE name = 'Lee Walkin'").fetchall()
    assert len(row) == 1 and row[0][1:] == ("press", "kiosk") and row[0][0].startswith("W")
    serial = kiosk.checkins.store.execute("SELECT serial FROM badge WHERE attendee_id = ?", (row[0][0],)).fetchone()[0]
    assert serial in desk.status.text() and desk.search.text() == ""


def test_a_volunteer_walk_in_is_registered_but_not_let_into_the_gala(qtbot, kiosk):  # noqa: F811
    unlock(qtbot, kiosk)
    desk = kiosk.desk
    type_name(qtbot, desk.search, "Kim Helper")
    tap_item(qtbot, desk.results, "New walk-in")
    tap_item(qtbot, desk.results, "as: Volunteer")
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=2000)
    assert desk.last_verdict.code == "NOT_ELIGIBLE"


def test_a_kiosk_enrolled_device_does_not_offer_a_registration_that_would_not_travel(qtbot, kiosk):  # noqa: F811
    store = kiosk.checkins.store
    store.execute("INSERT INTO sync_authority (id, public_key, cert, pinned_at) VALUES (1, '00', '', '2023-06-13')")
    store.execute("INSERT INTO sync_roster (key, statement, sig) VALUES ('enrol:kiosk:1', ?, '')",
                  (json.dumps({"k": "enrol", "d": "kiosk", "role": "kiosk"}),))
    unlock(qtbot, kiosk)
    type_name(qtbot, kiosk.desk.search, "Nobody Known")
    assert not any("walk-in" in kiosk.desk.results.item(i).text() for i in range(kiosk.desk.results.count()))
    store.execute("UPDATE sync_roster SET statement = ?", (json.dumps({"k": "enrol", "d": "kiosk", "role": "desk"}),))
    kiosk.desk.search.clear()
    type_name(qtbot, kiosk.desk.search, "Nobody Known")
    assert any("walk-in" in kiosk.desk.results.item(i).text() for i in range(kiosk.desk.results.count()))
