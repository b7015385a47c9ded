"""The floor map's scene: taps and rebuilds never leave Python holding Qt items it does not own."""

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from shiboken6 import Shiboken


def python_owned(scene):
    return [item for item in scene.items() if Shiboken.ownedByPython(item)]


def test_a_tap_on_the_hall_floor_hands_no_item_to_python(make_kiosk, qtbot):
    """PySide6 6.11: ``parentItem()`` returning None gives the item to Python; the tap used to walk
    up with it, so the hall outline vanished and the next rebuild deleted rooms twice (segfault)."""
    window = make_kiosk()
    window.show_view("exhibitors")
    screen = window.exhibitors
    before = len(screen.scene.items())
    hall = screen.scene.room_items["EXH"].sceneBoundingRect()
    # an aisle point inside the hall, between booth rows: hall and outline under it, no booth
    point = next(QPointF(x, hall.center().y()) for x in range(int(hall.left()) + 4, int(hall.right()), 6)
                 if not any(type(i).__name__ == "BoothItem" for i in screen.scene.items(QPointF(x, hall.center().y()))))
    pos = screen.map.mapFromScene(point)
    qtbot.mouseClick(screen.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(screen.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert python_owned(screen.scene) == []
    assert len(screen.scene.items()) == before
    window.ui.set_language("ko")       # the rebuild that crashed
    window.ui.set_language("en")
    assert python_owned(screen.scene) == []
    assert len(screen.scene.items()) == before


def test_a_language_switch_redraws_the_walk_and_you_are_here(make_kiosk):
    window = make_kiosk(kiosk_id="K1")
    window.show_view("exhibitors")
    screen = window.exhibitors
    screen.select_exhibitor("kr-hanbit-axle")
    window.ui.set_language("zh-Hant")
    scene = screen.scene
    items = [scene.route_item, *scene.here_items, *scene.room_items.values(), *scene.booth_items.values()]
    assert all(item is not None and Shiboken.isValid(item) and item.scene() is scene for item in items)
    assert python_owned(scene) == []


# ---------------------------------------------------------------- readability (issue 12, item 6)
from PySide6.QtGui import QFontMetricsF  # noqa: E402


def exhibitors(make_kiosk, qtbot, **kw):
    window = make_kiosk(**kw)
    window.show()
    window.show_view("exhibitors")
    qtbot.waitExposed(window)
    return window, window.exhibitors


def on_screen_px(view, font) -> float:
    return font.pixelSize() * view.transform().m11()


def test_booth_numbers_fit_their_booths_and_read_from_a_metre(make_kiosk, qtbot):
    window, screen = exhibitors(make_kiosk, qtbot)
    for booth_id, item in screen.scene.booth_items.items():
        r = item.rect()
        n, s = QFontMetricsF(item.number_font), QFontMetricsF(item.symbol_font)
        assert n.horizontalAdvance(booth_id) <= r.width() - 2, booth_id
        # capitals drawn: the number's and the letter's, one above the other
        assert n.capHeight() + (4 + s.capHeight() if item.symbol else 0) <= r.height() - 4, booth_id
        inked = n.tightBoundingRect(booth_id).height() + (4 + s.tightBoundingRect(item.symbol).height()
                                                           if item.symbol else 0)
        assert inked <= r.height() - 4, booth_id
    # the whole hall at 1920x1080: numbers at least 18 px on the screen (they were 11-12)
    px = on_screen_px(screen.map, screen.scene.booth_items["A01"].number_font)
    print("booth number on screen", px, "px")
    assert px >= 18, px


def test_place_labels_stay_inside_their_boxes(make_kiosk, qtbot):
    for lang in ("en", "ko", "zh-Hant"):
        window, screen = exhibitors(make_kiosk, qtbot, language=lang)
        assert screen.scene.label_items
        for item in screen.scene.label_items:
            box = item.data(1)
            assert box.adjusted(-1, -1, 1, 1).contains(item.sceneBoundingRect()), (lang, item.toPlainText())


def test_the_exit_sign_is_beside_its_words_not_over_them(make_kiosk, qtbot):
    window, screen = exhibitors(make_kiosk, qtbot)
    signs = [i for i in screen.scene.items() if i.data(1) == "exit"]
    assert len(signs) == 2
    words = [i for i in screen.scene.label_items if i.toPlainText() == "Emergency exit"]
    assert len(words) == 2
    for sign in signs:
        assert not any(sign.sceneBoundingRect().intersects(w.sceneBoundingRect()) for w in words)


def test_larger_text_enlarges_the_map_labels(make_kiosk, qtbot):
    window, screen = exhibitors(make_kiosk, qtbot)

    def sizes():
        places = max(i.font().pixelSize() for i in screen.scene.label_items)
        here = screen.scene.here_items[0].rect().width()
        booth = screen.scene.booth_items["A01"].number_font.pixelSize()
        return places, here, booth

    normal = sizes()
    window.access_button.setChecked(True)
    larger = sizes()
    assert larger[0] > normal[0] and larger[1] > normal[1] and larger[2] >= normal[2]


@pytest.mark.parametrize("accessible", [False, True])
def test_every_kiosk_has_you_are_here_in_the_first_view(make_kiosk, qtbot, repo, accessible):
    for kiosk_id in repo.kiosks():
        window, screen = exhibitors(make_kiosk, qtbot, kiosk_id=kiosk_id)
        window.access_button.setChecked(accessible)
        assert screen.scene.here_items, kiosk_id
        visible = screen.map.mapToScene(screen.map.viewport().rect()).boundingRect()
        ring = screen.scene.here_items[0]
        assert visible.contains(ring.scenePos()), kiosk_id
        # the dot and its words whole, in the first view and with a walk framed
        assert QRectF(screen.map.viewport().rect()).contains(screen.map.here_rect()), kiosk_id
        screen.select_exhibitor("kr-palgong-seat-frame")
        qtbot.wait(10)
        assert QRectF(screen.map.viewport().rect()).contains(screen.map.here_rect()), kiosk_id
        words = [i for i in screen.scene.here_items if hasattr(i, "text")][0].text()
        assert ("3rd floor" in words) == (kiosk_id == "K3"), words


def test_zoom_buttons_zoom_and_come_back(make_kiosk, qtbot):
    window, screen = exhibitors(make_kiosk, qtbot)
    view = screen.map
    home = view.transform().m11()
    for button in view.map_buttons():
        assert button.isVisible() and button.width() >= 44 and button.height() >= 44
        assert view.rect().contains(button.geometry())
    qtbot.mouseClick(view.zoom_in_button, Qt.MouseButton.LeftButton)
    assert view.transform().m11() == pytest.approx(home * 1.5)
    qtbot.mouseClick(view.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.zoom_out_button, Qt.MouseButton.LeftButton)
    assert view.transform().m11() == pytest.approx(home / 1.5)
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    assert view.transform().m11() == pytest.approx(home)


def test_the_route_points_the_way_with_numbered_steps(make_kiosk, qtbot):
    window, screen = exhibitors(make_kiosk, qtbot, language="ko", kiosk_id="K1")
    screen.select_exhibitor("kr-palgong-seat-frame")          # booth B06
    steps = screen.steps
    assert [s.kind for s in steps][0] == "walk" and steps[-1].kind == "arrive"
    text = screen.card.steps.text()
    assert all(f">{n}.<" in text for n in range(1, len(steps) + 1))
    assert "B06 부스는 왼쪽에 있습니다" in text and "로비 따라 20 m 가세요" in text
    # chevrons and an arrowhead along the line; a numbered dot where each step after the first starts
    extras = screen.scene.route_extras
    assert screen.scene.route_item is not None and len(extras) == 2 + (len(steps) - 1)
    window.ui.set_language("zh-Hant")
    assert "B06攤位在您的左手邊" in screen.card.steps.text()


def test_the_session_detail_lists_steps_and_frames_the_walk(make_kiosk, qtbot):
    window = make_kiosk(kiosk_id="K1")
    window.show()
    window.open_session("d1-roundtable")
    detail = window.detail
    qtbot.waitExposed(window)
    assert [s.kind for s in detail.steps] == ["walk", "floor", "walk", "turn", "arrive"]
    assert "Take the lift to the 3rd floor" in detail.steps_label.text()
    detail.show_floor("1F")
    visible = detail.plan.mapToScene(detail.plan.viewport().rect()).boundingRect()
    kiosk, lift = detail.venue.kiosk, detail.steps[1].at
    assert visible.contains(QPointF(kiosk["x"] * 12, kiosk["y"] * 12))
    assert visible.contains(QPointF(lift[1] * 12, lift[2] * 12))


def test_label_fitting_finds_the_largest_size_that_fits():
    """The binary search agrees with trying every size from the largest down."""
    import random

    from PySide6.QtCore import QRectF

    from kiosk.views.i18n import font_for
    from kiosk.views.map_view import _FIT_FLAGS, _fitted_px

    rng = random.Random(3)
    for _ in range(150):
        text, lang = rng.choice([("Exhibition Hall stage", "en"), ("전시장 무대", "ko"), ("商務洽談區", "zh-Hant"),
                                 ("Toilets", "en"), ("Matchmaking Lounge", "en"), ("엘리베이터", "ko")])
        w, h, size = rng.randint(20, 300), rng.randint(10, 120), rng.randint(10, 60)
        minimum = max(1, size * 6 // 10)

        def fits(px):
            r = QFontMetricsF(font_for(lang, px, bold=True)).boundingRect(QRectF(0, 0, w, h), _FIT_FLAGS, text)
            return r.width() <= w + 0.5 and r.height() <= h + 0.5

        linear = next((px for px in range(size, minimum - 1, -1) if fits(px)), minimum)
        assert _fitted_px(lang, text, float(w), float(h), size, minimum, True) == linear, (text, w, h, size)


def _label_lines(item) -> list[str]:
    doc = item.document()
    doc.size()
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            lines.append(block.text()[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return lines


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_place_labels_wrap_between_words_never_inside_one(make_kiosk, qtbot, size):
    """Seen in Chinese with larger text: "展覽館舞 / 台" (the exhibition stage) on two lines."""
    window, screen = exhibitors(make_kiosk, qtbot, size=size)
    split = []
    for accessible in (False, True):
        window.access_button.setChecked(accessible)
        for lang in ("en", "ko", "zh-Hant"):
            window.ui.set_language(lang)
            qtbot.wait(10)
            for item in screen.scene.label_items:
                lines = _label_lines(item)
                if any(not line[-1:].isspace() for line in lines[:-1]):
                    split.append(f"{lang}{' larger' if accessible else ''}: {' / '.join(lines)!r}")
    assert not split, "\n".join(split)
