"""The venue drawn as vectors: rooms, booths coloured by category, amenities, "you are here",
and a walking route. One-finger pan, pinch zoom, double-tap zoom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFrame, QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QPinchGesture,
)

from .i18n import font_for

#: Scene units per metre: booths 3 m → 36 px at zoom 1.
SCALE = 12.0
FREE_BOOTH = QColor("#ffffff")
FADED = 0.18


def _r(rect) -> QRectF:
    return QRectF(rect.x * SCALE, rect.y * SCALE, rect.w * SCALE, rect.h * SCALE)


def _p(x: float, y: float) -> QPointF:
    return QPointF(x * SCALE, y * SCALE)


class BoothItem(QGraphicsRectItem):
    """A booth: its block in the category's colour, the booth number and category symbol.

    Drawn once into a device-coordinate cache: fading (opacity) and panning only blit it,
    which keeps a 5,000-booth hall under a frame's budget per filter change."""

    _font: QFont | None = None

    def __init__(self, booth, colour: QColor, symbol: str, exhibitor_id: str | None) -> None:
        super().__init__(_r(booth.rect))
        self.booth_id = booth.id
        self.exhibitor_id = exhibitor_id
        self.text = booth.id if not symbol else f"{booth.id}\n{symbol}"
        self.text_colour = QColor("#ffffff" if colour.lightnessF() < 0.55 else "#14213d")
        self.setBrush(QBrush(colour))
        self.normal_pen = QPen(QColor("#1b2a41"), 1.2)
        self.selected_pen = QPen(QColor("#ff6a00"), 4)
        self.setPen(self.normal_pen)
        self.setZValue(2)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._state = (True, False)

    def paint(self, painter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        if BoothItem._font is None:
            BoothItem._font = QFont()
            BoothItem._font.setPixelSize(13)
            BoothItem._font.setBold(True)
        painter.setFont(BoothItem._font)
        painter.setPen(self.text_colour)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text)

    def set_state(self, *, visible: bool, selected: bool) -> None:
        if (visible, selected) == self._state:
            return
        self._state = (visible, selected)
        self.setOpacity(1.0 if visible or selected else FADED)
        self.setPen(self.selected_pen if selected else self.normal_pen)
        self.setZValue(3 if selected else 2)


class VenueScene(QGraphicsScene):
    """One floor: rooms as outlines, booths as coloured blocks, amenities, kiosk, route."""

    def __init__(self, ui, parent=None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.booth_items: dict[str, BoothItem] = {}
        self.room_items: dict[str, QGraphicsRectItem] = {}
        self.route_item: QGraphicsPathItem | None = None
        self.here_items: list[QGraphicsItem] = []
        self.floor_id: str | None = None

    def build(self, *, floor, rooms, booths, occupants, categories, features, kiosk=None) -> None:
        """(Re)draw ``floor``. ``occupants``: booth id → exhibitor; ``categories``: id → Category."""
        self.forget_items()
        self.clear()
        self.floor_id = floor.id
        lang = self.ui.language
        theme = self.ui.theme
        self.setBackgroundBrush(QColor("#0b1d36") if not theme.high_contrast else QColor("#000000"))
        outline = self.addRect(QRectF(0, 0, floor.width * SCALE, floor.depth * SCALE),
                               QPen(QColor("#8aa0bf"), 2), QBrush(QColor("#e9eef5")))
        outline.setZValue(-2)
        # room to pan past the edges, so a corner booth can still be brought to the centre
        w, h = floor.width * SCALE, floor.depth * SCALE
        self.setSceneRect(QRectF(-w / 2, -h / 2, 2 * w, 2 * h))
        # label sizes are in scene units (12 per metre): legible at the zooms the screens use
        label_font = font_for(lang, 26, bold=True)
        rooms = list(rooms)
        divided = {r.part_of for r in rooms if r.part_of}   # 300 is labelled by its parts
        for room in rooms:
            if room.floor_id != floor.id or room.plan is None or room.kind == "entrance":
                continue
            x, y, w, h = room.plan
            from kiosk.models.venue_map import Rect

            fill = QColor("#f7f9fc") if room.kind in ("exhibition",) else QColor("#dfe6f0")
            if room.kind in ("stage", "lounge"):
                fill = QColor("#c9d8ec")
            item = self.addRect(_r(Rect(x, y, w, h)), QPen(QColor("#5a7394"), 2), QBrush(fill))
            item.setZValue(0 if room.part_of is None else 1)
            item.setData(0, (fill, item.zValue()))   # to undo a highlight
            self.room_items[room.id] = item
            if room.kind != "exhibition" and room.id not in divided:
                text = self.addSimpleText(room.name.get(lang) if room.kind not in ("hall", "meeting")
                                          else room.id, label_font)
                text.setBrush(QColor("#14213d"))
                br = text.boundingRect()
                c = item.rect().center()
                if room.kind in ("stage", "lounge"):
                    c = QPointF(c.x(), item.rect().bottom() - br.height())
                text.setPos(c.x() - br.width() / 2, c.y() - br.height() / 2)
                text.setZValue(4)
        for booth in booths.values():
            if booth.floor_id != floor.id:
                continue
            occupant = occupants.get(booth.id)
            cat = categories.get(occupant.category_id) if occupant and occupant.category_id else None
            colour = QColor(cat.colour) if cat else (QColor("#b8c2cf") if occupant else FREE_BOOTH)
            item = BoothItem(booth, colour, cat.symbol if cat else ("?" if occupant else ""),
                             occupant.id if occupant else None)
            self.addItem(item)
            self.booth_items[booth.id] = item
        small = font_for(lang, 18, bold=True)
        for f in features:
            if f["floor_id"] != floor.id and f["feature_type"] != "connector":
                continue
            g = f["geometry"]
            if f["feature_type"] == "amenity":
                if g["type"] == "Polygon":
                    xs = [p[0] for p in g["coordinates"][0]]
                    ys = [p[1] for p in g["coordinates"][0]]
                    rect = QRectF(min(xs) * SCALE, min(ys) * SCALE, (max(xs) - min(xs)) * SCALE, (max(ys) - min(ys)) * SCALE)
                    item = self.addRect(rect, QPen(QColor("#2f6f8f"), 1.5), QBrush(QColor("#bfe3f2")))
                    item.setZValue(1)
                    self._label(f["name"].get(lang), rect.center(), small)
                else:
                    x, y = g["coordinates"]
                    dot = self.addEllipse(QRectF(x * SCALE - 9, y * SCALE - 9, 18, 18), QPen(Qt.PenStyle.NoPen),
                                          QBrush(QColor("#0a7d32")))
                    dot.setZValue(5)
                    self._label(f["name"].get(lang), QPointF(x * SCALE + 70, y * SCALE), small)
            elif f["feature_type"] == "connector" and floor.id in (f["door"] or {}):
                xs = [p[0] for p in g["coordinates"][0]]
                ys = [p[1] for p in g["coordinates"][0]]
                rect = QRectF(min(xs) * SCALE, min(ys) * SCALE, (max(xs) - min(xs)) * SCALE, (max(ys) - min(ys)) * SCALE)
                item = self.addRect(rect, QPen(QColor("#6b4fa0"), 1.5), QBrush(QColor("#e2d9f3")))
                item.setZValue(1)
                self._label(f["name"].get(lang), rect.center(), small)
            elif f["feature_type"] == "opening" and f["category"] == "entrance" and g["type"] == "Point":
                x, y = g["coordinates"]
                mark = self.addRect(QRectF(x * SCALE - 18, y * SCALE - 5, 36, 10), QPen(Qt.PenStyle.NoPen),
                                    QBrush(QColor("#0a7d32")))
                mark.setZValue(5)
        if kiosk is not None and kiosk["floor_id"] == floor.id:
            self._you_are_here(kiosk["x"], kiosk["y"])

    def forget_items(self) -> None:
        """Drop every Python reference to this scene's items, *before* ``clear()`` deletes them.

        A wrapper that outlives its C++ item is a dangling pointer; one that PySide believes it
        owns (see ``MapView.booth_at``) is deleted a second time when it is collected, which is
        how a language switch after a tap on the map used to end in a segfault (issue 12)."""
        self.booth_items = {}
        self.room_items = {}
        self.route_item = None
        self.here_items = []

    def _label(self, text: str, centre: QPointF, font) -> None:
        item = self.addSimpleText(text, font)
        item.setBrush(QColor("#14213d"))
        br = item.boundingRect()
        item.setPos(centre.x() - br.width() / 2, centre.y() - br.height() / 2)
        item.setZValue(6)

    def _you_are_here(self, x: float, y: float) -> None:
        from PySide6.QtCore import QCoreApplication

        c = _p(x, y)
        ring = self.addEllipse(QRectF(c.x() - 22, c.y() - 22, 44, 44), QPen(QColor("#ffffff"), 4),
                               QBrush(QColor("#d62728")))
        ring.setZValue(20)
        text = self.addSimpleText(QCoreApplication.translate("Map", "You are here"), font_for(self.ui.language, 18, bold=True))
        text.setBrush(QColor("#d62728"))
        br = text.boundingRect()
        text.setPos(c.x() - br.width() / 2, c.y() + 26)
        text.setZValue(20)
        self.here_items = [ring, text]

    def show_route(self, points: list[tuple[float, float]] | None) -> None:
        if self.route_item is not None:
            self.removeItem(self.route_item)
            self.route_item = None
        if not points:
            return
        path = QPainterPath(_p(*points[0]))
        for p in points[1:]:
            path.lineTo(_p(*p))
        pen = QPen(QColor("#ff6a00"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        self.route_item = self.addPath(path, pen)
        self.route_item.setZValue(15)

    def highlight_room(self, room_id: str | None) -> None:
        """Light one room (None: none), putting back whichever was lit before."""
        for rid, item in self.room_items.items():
            hit = rid == room_id
            fill, z = item.data(0)
            item.setPen(QPen(QColor("#ff6a00") if hit else QColor("#5a7394"), 6 if hit else 2))
            item.setBrush(QBrush(QColor("#ffd9bf") if hit else fill))
            item.setZValue(3 if hit else z)


class MapView(QGraphicsView):
    """Touch map: drag to pan, pinch or double-tap to zoom; tapping a booth emits its id."""

    boothTapped = Signal(str)

    def __init__(self, scene: VenueScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._press_pos = None
        self.home_rect: QRectF | None = None
        #: the visitor (or a selection) moved the view: a resize then keeps it
        self.moved = False

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        current = self.transform().m11()
        factor = max(0.05 / current, min(8.0 / current, factor))
        self.scale(factor, factor)
        self.moved = True

    @staticmethod
    def _scene_rect(rect_m, margin_m: float) -> QRectF:
        return QRectF((rect_m.x - margin_m) * SCALE, (rect_m.y - margin_m) * SCALE,
                      (rect_m.w + 2 * margin_m) * SCALE, (rect_m.h + 2 * margin_m) * SCALE)

    def show_area(self, rect_m, margin_m: float = 4.0) -> None:
        """Make a rectangle (in metres) the map's home view, and show it."""
        self.home_rect = self._scene_rect(rect_m, margin_m)
        self.reset_view()

    def fit(self, rect_m, margin_m: float = 4.0) -> None:
        """Show a rectangle (in metres) without changing the home view."""
        self.resetTransform()
        self.fitInView(self._scene_rect(rect_m, margin_m), Qt.AspectRatioMode.KeepAspectRatio)
        self.moved = True

    def focus_on(self, rect_m, *, zoom: float = 2.2) -> None:
        """Pan and zoom to a booth or room (metres)."""
        self.resetTransform()
        self.scale(zoom, zoom)
        self.centerOn(_p(rect_m.x + rect_m.w / 2, rect_m.y + rect_m.h / 2))
        self.moved = True

    def reset_view(self) -> None:
        if self.home_rect is not None:
            self.resetTransform()
            self.fitInView(self.home_rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.moved = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.moved:
            self.reset_view()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                flags = pinch.changeFlags()
                if flags & QPinchGesture.ChangeFlag.ScaleFactorChanged:
                    self.zoom_by(pinch.scaleFactor())
                event.accept()
                return True
        return super().viewportEvent(event)

    def wheelEvent(self, event) -> None:
        self.zoom_by(1.2 if event.angleDelta().y() > 0 else 1 / 1.2)

    def mouseDoubleClickEvent(self, event) -> None:
        self.centerOn(self.mapToScene(event.position().toPoint()))
        self.zoom_by(2.0)

    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        if self._press_pos is not None and (event.position() - self._press_pos).manhattanLength() >= 12:
            self.moved = True

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self._press_pos is not None and (event.position() - self._press_pos).manhattanLength() < 12:
            booth = self.booth_at(event.position().toPoint())
            if booth is not None:
                self.boothTapped.emit(booth.booth_id)
        self._press_pos = None

    def booth_at(self, pos) -> BoothItem | None:
        """The booth under a viewport point, if any.

        Never walk up with ``parentItem()``: in PySide6 6.11, ``parentItem()`` returning None hands
        the item's ownership to Python, so the hall outline vanished when the temporary wrapper was
        collected, and the room rectangles kept in ``VenueScene.room_items`` were deleted twice on the
        next rebuild (segfault). Booths are top-level items, so ``isinstance`` is all it takes."""
        return next((item for item in self.items(pos) if isinstance(item, BoothItem)), None)
