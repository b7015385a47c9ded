"""The check-in desk's look-up (issue 12, found by a stranger on Xvfb): one tap on a name
checked the person in at once; two "Na-rae Cho"s were indistinguishable (rows elided before type
and number); "Last scans" showed two identical lines. Now a tap selects, a big button naming the
person, type and number confirms; rows show everything; Last scans names the badge or "manual";
the CSV says scan or manual. Real taps and key events."""

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.views.test_wedge_typing import person_types
from tests.views.test_staff_mode import badge, key, kiosk, scanner_types, unlock  # noqa: F401  (fixtures)


def tap(qtbot, widget, pos=None):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos if pos is not None else widget.rect().center())
    qtbot.wait(10)


def rows(desk):
    return [desk.results.item(i) for i in range(desk.results.count())]


def type_name(qtbot, desk, text):
    """Typed as a person types (the wedge reader takes a fast burst for a scanner)."""
    window = desk.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    desk.search.clear()
    tap(qtbot, desk.search)
    person_types(qtbot, desk.search, text, gap_ms=70)
    qtbot.waitUntil(lambda: desk.search.text() == text, timeout=2000)


def test_two_people_of_one_name_are_told_apart_and_a_tap_only_selects(qtbot, kiosk, tmp_path):
    kiosk.ops.export_dir = tmp_path
    unlock(qtbot, kiosk)
    desk = kiosk.desk
    type_name(qtbot, desk, "Na-rae Cho")
    found = [i for i in rows(desk) if i.data(Qt.ItemDataRole.UserRole) in ("A0010", "A0103")]
    assert len(found) == 2
    texts = [i.text() for i in found]
    assert texts[0] != texts[1]
    for item, (org, number) in zip(found, (("Korea Trade Office", "A0010"), ("Kyungpook University", "A0103"))):
        assert org in item.text() and number in item.text() and "Exhibitor" in item.text()
        # drawn whole: the row is tall enough for its lines and no line is wider than the row
        rect = desk.results.visualItemRect(item)
        fm = QFontMetrics(desk.results.font())
        assert rect.height() >= fm.lineSpacing() * 2
        assert all(fm.horizontalAdvance(line) <= rect.width() for line in item.text().split("\n")), item.text()
    second = found[1]
    desk.results.scrollToItem(second)
    tap(qtbot, desk.results.viewport(), desk.results.visualItemRect(second).center())
    assert desk.last_verdict is None and kiosk.checkins.counts()["gala"].checked_in == 0
    assert desk.confirm_button.isVisible()
    assert desk.confirm_button.text() == "Check in Na-rae Cho (Exhibitor, A0103)"
    tap(qtbot, desk.confirm_button)
    assert desk.last_verdict.code == "OK" and desk.last_verdict.attendee.id == "A0103"
    assert not desk.confirm_button.isVisible()
    # a new search forgets a selection that was not confirmed
    type_name(qtbot, desk, "Na-rae Cho")
    tap(qtbot, desk.results.viewport(), desk.results.visualItemRect(rows(desk)[0]).center())
    assert desk.confirm_button.isVisible()
    desk.search.clear()
    assert not desk.confirm_button.isVisible()
    path = desk.export()
    with path.open(encoding="utf-8-sig") as fh:
        exported = list(csv.DictReader(fh))
    assert [(r["attendee_id"], r["method"]) for r in exported] == [("A0103", "manual")]


def test_last_scans_name_the_badge_and_say_manual(qtbot, kiosk, key, tmp_path):
    kiosk.ops.export_dir = tmp_path
    unlock(qtbot, kiosk)
    desk = kiosk.desk
    payload = badge(kiosk, key, "A0010")
    scanner_types(kiosk, payload)
    qtbot.waitUntil(lambda: desk.last_verdict is not None, timeout=2000)
    type_name(qtbot, desk, "A0103")
    item = next(i for i in rows(desk) if i.data(Qt.ItemDataRole.UserRole) == "A0103")
    tap(qtbot, desk.results.viewport(), desk.results.visualItemRect(item).center())
    tap(qtbot, desk.confirm_button)
    lines = [desk.recent.item(i).text() for i in range(desk.recent.count())]
    serial = kiosk.checkins.current_badge("A0010", reissue=False, now=kiosk.ui.now())
    assert any("A0103" in line and "manual" in line for line in lines), lines
    assert any("A0010" in line and serial in line for line in lines), lines
    path = desk.export()
    with path.open(encoding="utf-8-sig") as fh:
        methods = {r["attendee_id"]: r["method"] for r in csv.DictReader(fh)}
    assert methods == {"A0010": "scan", "A0103": "manual"}
