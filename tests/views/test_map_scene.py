"""The floor map's scene: taps and rebuilds never leave Python holding Qt items it does not own."""

from PySide6.QtCore import QPointF, Qt
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
