"""Labels on the maps never lie over one another (issue 12's left nit: on "my day"'s map, table
T16's orange tag covered "Matchmaking Lounge"). Checked on the screen, in every language, with
and without larger text, landscape and portrait: each place name's letters, "You are here", and
the destination table's tag, for every table of the lounge."""

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPointF, QRectF

from kiosk.views.map_view import SCALE

from tests.views.test_my_day_and_board import badge, key  # noqa: F401  (fixture)


def painted_rect(item) -> QRectF:
    """The letters of a place name (its box is as wide as its room): the union of its text lines,
    measured here from Qt's own layout, not by the code under test."""
    doc = item.document()
    rect = QRectF()
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            rect = rect.united(layout.lineAt(i).naturalTextRect().translated(layout.position()))
        block = block.next()
    return rect


def on_screen(view, item, rect: QRectF) -> QRectF:
    return item.deviceTransform(view.viewportTransform()).mapRect(rect)


def labels_on_screen(view, scene, extra=()) -> list[tuple[str, QRectF]]:
    """(what, viewport rectangle of its letters) for every label that shows."""
    out = [(item.toPlainText(), on_screen(view, item, painted_rect(item)))
           for item in scene.label_items if item.isVisible() and item.toPlainText()]
    if scene.here_items:
        ring, plate, words = scene.here_items
        out += [("you-are-here dot", on_screen(view, ring, ring.rect())),
                ("You are here: " + words.text(), on_screen(view, plate, plate.rect()))]
    out += [(what, on_screen(view, item, item.boundingRect())) for what, item in extra if item.isVisible()]
    return out


def overlaps(labels) -> list[tuple[str, str]]:
    return [(a, b) for i, (a, ra) in enumerate(labels) for b, rb in labels[i + 1:]
            if ra.adjusted(1, 1, -1, -1).intersects(rb.adjusted(1, 1, -1, -1))]


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
@pytest.mark.parametrize("larger", [False, True])
def test_no_label_on_my_days_map_covers_another(make_kiosk, clock, db, key, qtbot, size, larger):  # noqa: F811
    from tests.conftest import kst

    clock.set(kst("06-14 13:40"))
    window = make_kiosk(kiosk_id="K1")
    w, h = (int(v) for v in size.split("x"))
    window.resize(w, h)
    window.show()
    qtbot.waitExposed(window)
    if larger:
        window.access_button.setChecked(True)
    window.show_view("my-day")
    screen = window.screen("my-day")
    screen.scan(badge(db, key, "A0001"))             # next: 15:00 at table T16, in the lounge
    qtbot.wait(10)
    assert screen.next_place.text().endswith("T16")
    tables = [t for t in screen.tables.values()]
    assert len(tables) == 20
    found = {}
    for lang in ("en", "ko", "zh-Hant"):
        window.ui.set_language(lang)
        qtbot.wait(10)
        for table in tables:
            screen._draw_map(SimpleNamespace(place=table.id))
            view, scene = screen.plan, screen.scene
            labels = labels_on_screen(view, scene, [(f"tag {table.id}", screen._tag)])
            assert any(text.startswith("tag") for text, _ in labels)
            assert len(labels) >= 4, labels
            bad = overlaps(labels)
            if bad:
                found[(lang, table.id)] = bad
            # and the tag and the name of the table's room are on the map, not beyond its edge
            room = next(item for item in scene.label_items if item.data(1).contains(
                QPointF(table.x * SCALE, table.y * SCALE)))
            for item, rect in ((screen._tag, screen._tag.boundingRect()), (room, painted_rect(room))):
                assert view.viewport().rect().contains(on_screen(view, item, rect).toAlignedRect()), (lang, table.id)
    assert found == {}


@pytest.mark.parametrize("lang", ["en", "ko", "zh-Hant"])
@pytest.mark.parametrize("larger", [False, True])
def test_no_label_on_the_exhibitor_map_covers_another(make_kiosk, qtbot, lang, larger):
    window = make_kiosk(kiosk_id="K1", language=lang)
    window.show()
    qtbot.waitExposed(window)
    if larger:
        window.access_button.setChecked(True)
    window.show_view("exhibitors")
    screen = window.exhibitors
    qtbot.wait(10)
    labels = labels_on_screen(screen.map, screen.scene)
    assert len(labels) >= 5
    assert overlaps(labels) == []


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_label_on_a_sessions_map_covers_another(make_kiosk, qtbot, repo, size):
    """The session detail's floor map (the walk with its numbered steps), for every session
    with a room on the plan, in every language and with larger text."""
    window = make_kiosk(kiosk_id="K1", size=size)
    sessions = [s.id for s in repo.sessions() if s.room_id]
    assert len(sessions) >= 10
    found, checked = {}, 0
    for larger in (False, True):
        window.access_button.setChecked(larger)
        for lang in ("en", "ko", "zh-Hant"):
            window.ui.set_language(lang)
            for session_id in sessions:
                window.open_session(session_id)
                qtbot.wait(5)
                detail = window.detail
                if not detail.plan.isVisible():
                    continue
                labels = labels_on_screen(detail.plan, detail.scene)
                checked += len(labels) >= 3
                bad = overlaps(labels)
                if bad:
                    found[(lang, larger, session_id)] = bad
    assert checked >= 6 * len(sessions) // 2, checked          # most sessions show their walk
    assert found == {}
