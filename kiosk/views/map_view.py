"""The venue drawn as vectors: rooms, booths coloured by category, amenities, "you are here",
and a walking route. One-finger pan, pinch zoom, double-tap zoom."""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QFrame, QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QPinchGesture,
    QToolButton,
)

from kiosk.models.venue_map import Rect

from .i18n import font_for

#: Scene units per metre: booths 3 m → 36 px at zoom 1.
SCALE = 12.0
FREE_BOOTH = QColor("#ffffff")
FADED = 0.18
ROUTE = QColor("#ff6a00")
#: Booth numbers as large as the booth allows, up to this (scene units: 18 = 1.5 m letters).
BOOTH_TEXT_MAX = 22.0
BOOTH_TEXT_GAP = 4.0
#: Place names are drawn at least this tall on the screen when their box has room (px).
LABEL_MIN_PX = 17.0
#: Chevrons along the route, one every this many metres.
CHEVRON_EVERY_M = 4.0


def step_markers(steps, floor_id: str | None) -> list[tuple[int, float, float]]:
    """(step number, x, y) for the steps that start on ``floor_id`` — every one but the first,
    which starts at "You are here" — so the numbered list beside the map can be followed on it."""
    return [(n, s.at[1], s.at[2]) for n, s in enumerate(steps, 1) if n > 1 and s.at[0] == floor_id]


def fitted_font(lang: str, text: str, box: QRectF, size: float, *, minimum: float, bold: bool = True):
    """The largest font up to ``size`` (down to ``minimum``) whose text fits ``box``; wraps at
    spaces when one line is too wide. Returns (font, rectangle of the laid-out text)."""
    px = _fitted_px(lang, text, round(box.width(), 1), round(box.height(), 1), round(size), round(minimum), bold)
    font = font_for(lang, px, bold=bold)
    return font, QFontMetricsF(font).boundingRect(box, _FIT_FLAGS, text)


_FIT_FLAGS = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)


@functools.lru_cache(maxsize=4096)
def _fitted_px(lang: str, text: str, w: float, h: float, size: int, minimum: int, bold: bool) -> int:
    """Binary search on the pixel size (labels are laid out again at every zoom)."""
    box = QRectF(0, 0, w, h)

    def fits(px: int) -> bool:
        rect = QFontMetricsF(font_for(lang, px, bold=bold)).boundingRect(box, _FIT_FLAGS, text)
        return rect.width() <= w + 0.5 and rect.height() <= h + 0.5

    lo, hi = max(1, minimum), max(1, size)
    if fits(hi) or lo >= hi:
        return hi if lo < hi else lo
    while hi - lo > 1:             # lo: fits (or the minimum), hi: does not
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return lo


def painted_rect(item) -> QRectF:
    """The rectangle a map label's letters take, in the item's coordinates: a place name's box is
    as wide as its room, but only its lines of text may not meet another label."""
    if not hasattr(item, "document"):
        return item.boundingRect()
    doc = item.document()
    rect = QRectF()
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for i in range(layout.lineCount()):
            rect = rect.united(layout.lineAt(i).naturalTextRect().translated(origin))
        block = block.next()
    return rect


#: Where a tag may go around the thing it names, in order of preference: beside it (right, left),
#: under, over, then the corners.
_TAG_SIDES = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))


def _area(r: QRectF) -> float:
    return r.width() * r.height() if r.isValid() else 0.0


def _r(rect) -> QRectF:
    return QRectF(rect.x * SCALE, rect.y * SCALE, rect.w * SCALE, rect.h * SCALE)


def _p(x: float, y: float) -> QPointF:
    return QPointF(x * SCALE, y * SCALE)


class BoothItem(QGraphicsRectItem):
    """A booth: its block in the category's colour, the booth number and category symbol.

    Drawn once into a device-coordinate cache: fading (opacity) and panning only blit it,
    which keeps a 5,000-booth hall under a frame's budget per filter change."""

    _fonts: dict[tuple, tuple[QFont, QFont]] = {}

    def __init__(self, booth, colour: QColor, symbol: str, exhibitor_id: str | None, *, scale: float = 1.0) -> None:
        super().__init__(_r(booth.rect))
        self.booth_id = booth.id
        self.exhibitor_id = exhibitor_id
        self.symbol = symbol
        self.text = booth.id if not symbol else f"{booth.id}\n{symbol}"
        self.number_font, self.symbol_font = self.fonts_for(booth.id, self.rect(), scale)
        self._text_at = self._place_text()
        self.text_colour = QColor("#ffffff" if colour.lightnessF() < 0.55 else "#14213d")
        self.setBrush(QBrush(colour))
        self.normal_pen = QPen(QColor("#1b2a41"), 1.2)
        self.selected_pen = QPen(QColor("#ff6a00"), 4)
        self.setPen(self.normal_pen)
        self.setZValue(2)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._state = (True, False)

    @classmethod
    def fonts_for(cls, number: str, rect: QRectF, scale: float) -> tuple[QFont, QFont]:
        """The booth number as large as the booth's width allows (larger text: larger still, up to
        what fits), the category letter below it at 3/4 of that. Noto Sans CJK's narrow digits,
        semi-condensed: a 3 m booth's number reads about 20 px on a 1920x1080 whole-hall view."""
        key = (number, round(rect.width()), round(rect.height()), scale)
        fonts = cls._fonts.get(key)
        if fonts is None:
            px = BOOTH_TEXT_MAX * scale
            while True:
                number_font = QFont()
                number_font.setFamilies(["Noto Sans CJK KR", "DejaVu Sans"])
                number_font.setStretch(88)
                number_font.setPixelSize(max(6, round(px)))
                number_font.setBold(True)
                symbol_font = QFont(number_font)
                symbol_font.setPixelSize(max(6, round(px * 0.75)))
                n, s = QFontMetricsF(number_font), QFontMetricsF(symbol_font)
                tall = n.capHeight() + BOOTH_TEXT_GAP + s.capHeight()
                if (n.horizontalAdvance(number) <= rect.width() - 3 and tall <= rect.height() - 6) or px <= 6:
                    break
                px -= 0.5
            fonts = cls._fonts[key] = (number_font, symbol_font)
        return fonts

    def _place_text(self) -> tuple[QPointF, QPointF | None]:
        """Baselines of the number and the letter, centred in the booth (worked out once: a
        5,000-booth hall repaints every booth when the view zooms)."""
        r = self.rect()
        n = QFontMetricsF(self.number_font)
        if not self.symbol:
            return QPointF(r.center().x() - n.horizontalAdvance(self.booth_id) / 2,
                           r.center().y() + n.capHeight() / 2), None
        s = QFontMetricsF(self.symbol_font)
        tall = n.capHeight() + BOOTH_TEXT_GAP + s.capHeight()
        base1 = r.center().y() - tall / 2 + n.capHeight()
        return (QPointF(r.center().x() - n.horizontalAdvance(self.booth_id) / 2, base1),
                QPointF(r.center().x() - s.horizontalAdvance(self.symbol) / 2, base1 + BOOTH_TEXT_GAP + s.capHeight()))

    def paint(self, painter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        painter.setPen(self.text_colour)
        number_at, symbol_at = self._text_at
        painter.setFont(self.number_font)
        painter.drawText(number_at, self.booth_id)
        if symbol_at is not None:
            painter.setFont(self.symbol_font)
            painter.drawText(symbol_at, self.symbol)

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
        self.label_items: list[QGraphicsItem] = []
        self.route_item: QGraphicsPathItem | None = None
        self.route_extras: list[QGraphicsItem] = []
        self.here_items: list[QGraphicsItem] = []
        self.tags: list[tuple] = []      # (item, anchor, avoid): placed clear of the labels, again on zoom
        self.route_rects: list[QRectF] = []
        self.floor_id: str | None = None
        self._view_scale = 1.0

    def build(self, *, floor, rooms, booths, occupants, categories, features, kiosk=None, arrival=None) -> None:
        """(Re)draw ``floor``. ``occupants``: booth id → exhibitor; ``categories``: id → Category.
        ``arrival``: where a visitor from a kiosk on another floor arrives here (x, y, kiosk floor name)."""
        self.forget_items()
        self.clear()
        self.floor_id = floor.id
        lang = self.ui.language
        theme = self.ui.theme
        scale = theme.scale
        self.setBackgroundBrush(QColor("#0b1d36") if not theme.high_contrast else QColor("#000000"))
        outline = self.addRect(QRectF(0, 0, floor.width * SCALE, floor.depth * SCALE),
                               QPen(QColor("#8aa0bf"), 2), QBrush(QColor("#e9eef5")))
        outline.setZValue(-2)
        # room to pan past the edges, so a corner booth can still be brought to the centre
        w, h = floor.width * SCALE, floor.depth * SCALE
        self.setSceneRect(QRectF(-w / 2, -h / 2, 2 * w, 2 * h))
        # label sizes are in scene units (12 per metre): legible at the zooms the screens use
        rooms = list(rooms)
        divided = {r.part_of for r in rooms if r.part_of}   # 300 is labelled by its parts
        for room in rooms:
            if room.floor_id != floor.id or room.plan is None or room.kind == "entrance":
                continue
            x, y, w, h = room.plan
            fill = QColor("#f7f9fc") if room.kind in ("exhibition",) else QColor("#dfe6f0")
            if room.kind in ("stage", "lounge"):
                fill = QColor("#c9d8ec")
            item = self.addRect(_r(Rect(x, y, w, h)), QPen(QColor("#5a7394"), 2), QBrush(fill))
            item.setZValue(0 if room.part_of is None else 1)
            item.setData(0, (fill, item.zValue()))   # to undo a highlight
            self.room_items[room.id] = item
            if room.kind != "exhibition" and room.id not in divided:
                text = room.name.get(lang) if room.kind not in ("hall", "meeting") else room.id
                self._boxed_label(text, item.rect(), 26 * scale)
        for booth in booths.values():
            if booth.floor_id != floor.id:
                continue
            occupant = occupants.get(booth.id)
            cat = categories.get(occupant.category_id) if occupant and occupant.category_id else None
            colour = QColor(cat.colour) if cat else (QColor("#b8c2cf") if occupant else FREE_BOOTH)
            item = BoothItem(booth, colour, cat.symbol if cat else ("?" if occupant else ""),
                             occupant.id if occupant else None, scale=scale)
            self.addItem(item)
            self.booth_items[booth.id] = item
        small = 18 * scale
        for f in features:
            if f["floor_id"] != floor.id and f["feature_type"] != "connector":
                continue
            g = f["geometry"]
            if f["feature_type"] == "amenity":
                if g["type"] == "Polygon":
                    rect = self._polygon_rect(g)
                    item = self.addRect(rect, QPen(QColor("#2f6f8f"), 1.5), QBrush(QColor("#bfe3f2")))
                    item.setZValue(1)
                    self._boxed_label(f["name"].get(lang), rect, small)
                elif f["category"] == "exit":
                    x, y = g["coordinates"]
                    self._exit(_p(x, y), f["name"].get(lang), small)
                else:
                    x, y = g["coordinates"]
                    dot = self.addEllipse(QRectF(x * SCALE - 9, y * SCALE - 9, 18, 18), QPen(Qt.PenStyle.NoPen),
                                          QBrush(QColor("#2f6f8f")))
                    dot.setZValue(5)
                    self._boxed_label(f["name"].get(lang), QRectF(x * SCALE + 12, y * SCALE - 20, 200, 40), small,
                                      align=Qt.AlignmentFlag.AlignLeft)
            elif f["feature_type"] == "connector" and floor.id in (f["door"] or {}):
                rect = self._polygon_rect(g)
                item = self.addRect(rect, QPen(QColor("#6b4fa0"), 1.5), QBrush(QColor("#e2d9f3")))
                item.setZValue(1)
                # a lift is a few metres wide: its name goes above it, full size, not squeezed in
                name = f["name"].get(lang)
                above = QRectF(rect.center().x() - 8 * SCALE, rect.top() - 4 * SCALE - 2, 16 * SCALE, 4 * SCALE)
                self._boxed_label(name, rect if fitted_font(lang, name, rect.adjusted(4, 2, -4, -2), small,
                                                            minimum=small * 0.8)[1].height() <= rect.height() - 4
                                  and QFontMetricsF(font_for(lang, round(small * 0.8), bold=True)).horizontalAdvance(name)
                                  <= rect.width() - 8 else above, small)
            elif f["feature_type"] == "opening" and f["category"] == "entrance" and g["type"] == "Point":
                x, y = g["coordinates"]
                mark = self.addRect(QRectF(x * SCALE - 18, y * SCALE - 5, 36, 10), QPen(Qt.PenStyle.NoPen),
                                    QBrush(QColor("#0a7d32")))
                mark.setZValue(5)
        if kiosk is not None and kiosk["floor_id"] == floor.id:
            self._you_are_here(kiosk["x"], kiosk["y"])
        elif arrival is not None:
            x, y, where = arrival
            self._you_are_here(x, y, floor_name=where)

    @staticmethod
    def _polygon_rect(g) -> QRectF:
        xs = [p[0] for p in g["coordinates"][0]]
        ys = [p[1] for p in g["coordinates"][0]]
        return QRectF(min(xs) * SCALE, min(ys) * SCALE, (max(xs) - min(xs)) * SCALE, (max(ys) - min(ys)) * SCALE)

    def forget_items(self) -> None:
        """Drop every Python reference to this scene's items, *before* ``clear()`` deletes them.

        A wrapper that outlives its C++ item is a dangling pointer; one that PySide believes it
        owns (see ``MapView.booth_at``) is deleted a second time when it is collected, which is
        how a language switch after a tap on the map used to end in a segfault (issue 12)."""
        self.booth_items = {}
        self.room_items = {}
        self.label_items = []
        self.route_item = None
        self.route_extras = []
        self.here_items = []
        self.tags = []
        self.route_rects = []

    def label_rects(self, *, view_scale: float | None = None) -> list[QRectF]:
        """The scene rectangles of every label's letters on this floor: place names (a faded
        name still counts: it is there to be read) and "You are here" (drawn at a fixed size on
        the screen, so its scene size depends on the zoom)."""
        scale = view_scale or self._view_scale
        rects = [item.mapRectToScene(painted_rect(item)) for item in self.label_items if item.isVisible()]
        for item in self.here_items[:2]:           # the dot and the plate its words lie on
            r = item.rect()
            pos = item.pos()
            rects.append(QRectF(pos.x() + r.x() / scale, pos.y() + r.y() / scale, r.width() / scale,
                                r.height() / scale))
        return rects

    def place_tag(self, item: QGraphicsItem, anchor: QRectF, *, avoid=(), gap: float = 6) -> None:
        """Put ``item`` (a tag naming the thing at ``anchor``) beside it where it covers no
        label's letters, then as little of the walk as it can, then as few of the ``avoid``
        rectangles (other marks); the place is chosen again when the labels grow or shrink with
        the zoom or the walk is drawn again."""
        self.tags = [t for t in self.tags if t[0] is not item] + [(item, QRectF(anchor), tuple(avoid), gap)]
        self._place(item, QRectF(anchor), tuple(avoid), gap)

    def make_room(self, band: QRectF | None) -> None:
        """A place name whose room holds ``band`` (a tag's row beside its mark) moves into the
        larger part of its room above or below that row, so the tag has its row to itself; ``None``
        gives every name back its whole room."""
        for item in self.label_items:
            box = item.data(1)
            part = None
            if band is not None and box.contains(band.center()):
                above = QRectF(box.left(), box.top(), box.width(), band.top() - box.top())
                below = QRectF(box.left(), band.bottom(), box.width(), box.bottom() - band.bottom())
                part = max((above, below), key=lambda r: r.height())
                if part.height() <= 0:
                    part = None
            if item.data(4) != part:
                item.setData(4, part)
                self._layout_label(item, item.data(3) or item.data(2)[1])

    def _place(self, item, anchor: QRectF, avoid, gap: float) -> None:
        size = item.boundingRect()
        w, h = size.width(), size.height()
        labels = self.label_rects()
        best = None
        for rank, (dx, dy) in enumerate(_TAG_SIDES):
            x = (anchor.right() + gap if dx > 0 else anchor.left() - gap - w if dx < 0
                 else anchor.center().x() - w / 2)
            y = (anchor.bottom() + gap if dy > 0 else anchor.top() - gap - h if dy < 0
                 else anchor.center().y() - h / 2)
            spot = QRectF(x, y, w, h)
            covered = sum(_area(spot & r) for r in labels)
            walk = sum(_area(spot & r) for r in self.route_rects)
            hidden = sum(_area(spot & r) for r in avoid)
            score = (covered > 0, covered, walk, hidden, rank)
            if best is None or score < best[0]:
                best = (score, spot)
        item.setPos(best[1].topLeft() - size.topLeft())

    def _boxed_label(self, text: str, box: QRectF, size: float, *, align=Qt.AlignmentFlag.AlignCenter) -> None:
        """A place's name inside its box: as large as ``size`` if it fits, smaller (down to 60 %),
        then on two lines; never spilling over its neighbours."""
        item = self.addText("")
        item.setDefaultTextColor(QColor("#14213d"))
        item.document().setDocumentMargin(0)
        option = item.document().defaultTextOption()
        option.setAlignment(align)
        item.document().setDefaultTextOption(option)
        item.setZValue(6)
        item.setData(1, box)        # the box it must stay inside (tests check it)
        item.setData(2, (text, size))
        self._layout_label(item, size)
        self.label_items.append(item)

    def _layout_label(self, item, size: float) -> None:
        box = item.data(4) or item.data(1)       # the part of its room left to it (make_room), or all
        text, base = item.data(2)
        inner = box.adjusted(4, 2, -4, -2)
        # wrapped at spaces only: a word is never split ("展覽館舞 / 台" was seen) unless even the
        # smallest size cannot hold it on one line
        from .phrases import keep_together
        whole = keep_together(text, break_at_spaces=True)
        font, rect = fitted_font(self.ui.language, whole, inner, size, minimum=base * 0.6)
        if rect.width() > inner.width() + 0.5 or rect.height() > inner.height() + 0.5:
            font, _rect = fitted_font(self.ui.language, text, inner, size, minimum=base * 0.6)
            whole = text
        item.setFont(font)
        item.setTextWidth(inner.width())
        item.setPlainText(whole)
        h = item.boundingRect().height()
        item.setPos(inner.left(), inner.center().y() - h / 2)
        item.setData(3, size)

    def relabel(self, view_scale: float) -> None:
        """Zoomed out (a whole floor in a small panel), place names grow in scene units so they
        stay about LABEL_MIN_PX on the screen — as far as their boxes allow."""
        if view_scale <= 0:
            return
        self._view_scale = view_scale
        floor_px = LABEL_MIN_PX * self.ui.theme.scale / view_scale
        for item in self.label_items:
            _text, base = item.data(2)
            want = round(max(base, floor_px))
            if item.data(3) != want:
                self._layout_label(item, want)
        for item, anchor, avoid, gap in self.tags:
            self._place(item, anchor, avoid, gap)

    def _exit(self, at: QPointF, text: str, size: float) -> None:
        """An emergency exit: a green sign with a white arrow out through the wall, its name
        beside it (not under it), on the side away from the wall."""
        sign = QRectF(at.x() - 14, at.y() - 14, 28, 28)
        box = self.addRect(sign, QPen(Qt.PenStyle.NoPen), QBrush(QColor("#0a7d32")))
        box.setZValue(7)
        arrow = QPainterPath()
        arrow.moveTo(at.x() + 8, at.y())
        arrow.lineTo(at.x() - 8, at.y())
        arrow.moveTo(at.x() - 2, at.y() - 6)
        arrow.lineTo(at.x() - 8, at.y())
        arrow.lineTo(at.x() - 2, at.y() + 6)
        mark = self.addPath(arrow, QPen(QColor("#ffffff"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                        Qt.PenJoinStyle.RoundJoin))
        mark.setZValue(8)
        box.setData(1, "exit")
        self._boxed_label(text, QRectF(sign.right() + 6, at.y() - 17, 12 * SCALE, 34), size,
                          align=Qt.AlignmentFlag.AlignLeft)

    def _you_are_here(self, x: float, y: float, *, floor_name: str | None = None) -> None:
        """The red "You are here" dot and words, the same size on screen at any zoom. From a
        kiosk on another floor: at the lift where the visitor arrives, naming that floor."""
        c = _p(x, y)
        scale = self.ui.theme.scale
        r = 20 * scale
        ring = self.addEllipse(QRectF(-r, -r, 2 * r, 2 * r), QPen(QColor("#ffffff"), 4), QBrush(QColor("#d62728")))
        ring.setPos(c)
        ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        ring.setZValue(20)
        words = QCoreApplication.translate("Map", "You are here")
        if floor_name:
            words = QCoreApplication.translate("Map", "You are on the %1").replace("%1", floor_name)
        text = self.addSimpleText(words, font_for(self.ui.language, round(20 * scale), bold=True))
        text.setBrush(QColor("#ffffff"))
        text.setPen(QPen(QColor("#d62728"), 0))
        br = text.boundingRect()
        plate = self.addRect(QRectF(-br.width() / 2 - 8, r + 4, br.width() + 16, br.height() + 6),
                             QPen(Qt.PenStyle.NoPen), QBrush(QColor("#d62728")))
        plate.setPos(c)
        plate.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        plate.setZValue(20)
        text.setParentItem(plate)
        text.setPos(-br.width() / 2, r + 7)
        self.here_items = [ring, plate, text]

    def show_route(self, points: list[tuple[float, float]] | None, markers=()) -> None:
        """The walk as a line with chevrons pointing the way and an arrowhead at the end, and the
        numbered steps (``markers``: (number, x, y)) where the directions list them."""
        for item in [self.route_item, *self.route_extras]:
            if item is not None:
                self.removeItem(item)
        self.route_item = None
        self.route_extras = []
        self.route_rects = []
        if not points:
            return
        pts = [_p(*p) for p in points]
        # the walk's legs, for tags to keep off (a tag on the last metres hides where to turn)
        self.route_rects = [QRectF(a, b).normalized().adjusted(-6, -6, 6, 6) for a, b in zip(pts, pts[1:])]
        path = QPainterPath(pts[0])
        for p in pts[1:]:
            path.lineTo(p)
        pen = QPen(ROUTE, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        self.route_item = self.addPath(path, pen)
        self.route_item.setZValue(15)
        chevrons = QPainterPath()
        every = CHEVRON_EVERY_M * SCALE
        for a, b in zip(pts, pts[1:]):
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            if length < 1e-6:
                continue
            ux, uy = dx / length, dy / length
            d = every / 2
            while d < length - 6:
                cx, cy = a.x() + ux * d, a.y() + uy * d
                # a ">" pointing along the walk: two strokes back from the tip
                chevrons.moveTo(cx - 5 * ux + 4.5 * uy, cy - 5 * uy - 4.5 * ux)
                chevrons.lineTo(cx + 2 * ux, cy + 2 * uy)
                chevrons.lineTo(cx - 5 * ux - 4.5 * uy, cy - 5 * uy + 4.5 * ux)
                d += every
        chevron_item = self.addPath(chevrons, QPen(QColor("#ffffff"), 2.5, Qt.PenStyle.SolidLine,
                                                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        chevron_item.setZValue(16)
        self.route_extras.append(chevron_item)
        if len(pts) >= 2:
            a, b = pts[-2], pts[-1]
            for k in range(len(pts) - 1, 0, -1):    # the last segment long enough to aim with
                if math.hypot(pts[k].x() - pts[k - 1].x(), pts[k].y() - pts[k - 1].y()) > 1:
                    a, b = pts[k - 1], pts[k]
                    break
            angle = math.atan2(b.y() - a.y(), b.x() - a.x())
            head = QPolygonF([QPointF(b.x() + 14 * math.cos(angle), b.y() + 14 * math.sin(angle)),
                              QPointF(b.x() + 14 * math.cos(angle + 2.5), b.y() + 14 * math.sin(angle + 2.5)),
                              QPointF(b.x() + 14 * math.cos(angle - 2.5), b.y() + 14 * math.sin(angle - 2.5))])
            head_item = self.addPolygon(head, QPen(ROUTE.darker(130), 2), QBrush(ROUTE))
            head_item.setZValue(16)
            self.route_extras.append(head_item)
        scale = self.ui.theme.scale
        font = font_for("en", round(17 * scale), bold=True)
        r = 15 * scale
        for number, x, y in markers:
            dot = self.addEllipse(QRectF(-r, -r, 2 * r, 2 * r), QPen(QColor("#ffffff"), 3), QBrush(QColor("#14213d")))
            dot.setPos(_p(x, y))
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            dot.setZValue(18)
            text = self.addSimpleText(str(number), font)
            text.setBrush(QColor("#ffffff"))
            br = text.boundingRect()
            text.setParentItem(dot)
            text.setPos(-br.width() / 2, -br.height() / 2)
            self.route_extras.append(dot)

    def highlight_room(self, room_id: str | None) -> None:
        """Light one room (None: none), putting back whichever was lit before."""
        for rid, item in self.room_items.items():
            hit = rid == room_id
            fill, z = item.data(0)
            item.setPen(QPen(ROUTE if hit else QColor("#5a7394"), 6 if hit else 2))
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
        # the visitor (or a selection) moved the view: a resize then keeps it
        self.moved = False
        self._last_fit = None    # (rect, margin) of the last fit(), kept until the visitor zooms or pans
        # zoom that shows itself: + and − and back to the whole view, over the map's corner
        self.zoom_in_button = self._map_button("+", lambda: self._by_hand(self.zoom_centred, 1.5))
        self.zoom_out_button = self._map_button("−", lambda: self._by_hand(self.zoom_centred, 1 / 1.5))
        self.reset_button = self._map_button("↺", self.reset_view)
        self.retranslate()

    def sizeHint(self) -> QSize:
        """A modest wish, the same on every screen: QGraphicsView asks for its whole scene up to
        3/4 of the *screen*, so on a real 1080x1920 display the map took the exhibitor list's
        room (2 rows on Xvfb, 6 offscreen, whose screen is 800x800). Layouts give it the rest."""
        return QSize(480, 360)

    def _map_button(self, text: str, on_click) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(False)
        button.clicked.connect(on_click)
        button.setStyleSheet(
            "QToolButton { background: #ffffff; color: #14213d; border: 2px solid #14213d; border-radius: 12px;"
            " font-size: 34px; font-weight: 700; }"
            "QToolButton:pressed { background: #d7e3f4; }")
        return button

    def map_buttons(self) -> list[QToolButton]:
        return [self.zoom_in_button, self.zoom_out_button, self.reset_button]

    def retranslate(self) -> None:
        self.zoom_in_button.setAccessibleName(QCoreApplication.translate("Map", "Zoom in"))
        self.zoom_out_button.setAccessibleName(QCoreApplication.translate("Map", "Zoom out"))
        self.reset_button.setAccessibleName(QCoreApplication.translate("Map", "Show the whole map"))
        self.reset_button.setToolTip(self.reset_button.accessibleName())
        self._place_buttons()

    #: The zoom buttons' rail: a strip beside the map (not over it), so no booth number or place
    #: name ever sits under a button, whatever the fit, pan or zoom.
    RAIL_GAP = 10

    def button_side(self) -> int:
        return 72 if self.height() >= 260 else max(44, (self.height() - 2 * 8) // 3)

    def rail_width(self) -> int:
        return self.button_side() + self.RAIL_GAP

    def _place_buttons(self) -> None:
        side = self.button_side()
        gap = 8
        rail = side + self.RAIL_GAP
        if self.viewportMargins().right() != rail:
            self.setViewportMargins(0, 0, rail, 0)
        x = self.width() - side
        for i, button in enumerate(self.map_buttons()):
            button.setFixedSize(side, side)
            button.move(x, i * (side + gap))
            button.raise_()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        current = self.transform().m11()
        factor = max(0.05 / current, min(8.0 / current, factor))
        self.scale(factor, factor)
        self.moved = True
        self._scaled()

    def _scaled(self) -> None:
        scene = self.scene()
        if isinstance(scene, VenueScene):
            scene.relabel(self.transform().m11())

    def zoom_centred(self, factor: float) -> None:
        """Zoom about the middle of the view (the + and − buttons)."""
        centre = self.mapToScene(self.viewport().rect().center())
        self.zoom_by(factor)
        self.centerOn(centre)

    @staticmethod
    def _scene_rect(rect_m, margin_m: float) -> QRectF:
        return QRectF((rect_m.x - margin_m) * SCALE, (rect_m.y - margin_m) * SCALE,
                      (rect_m.w + 2 * margin_m) * SCALE, (rect_m.h + 2 * margin_m) * SCALE)

    def show_area(self, rect_m, margin_m: float = 4.0) -> None:
        """Make a rectangle (in metres) the map's home view, and show it."""
        self.home_rect = self._scene_rect(rect_m, margin_m)
        self.reset_view()

    def _by_hand(self, action, *args) -> None:
        """A zoom or pan the visitor made: a later resize keeps it instead of fitting again."""
        action(*args)
        self._last_fit = None

    def fit(self, rect_m, margin_m: float = 4.0) -> None:
        """Show a rectangle (in metres) without changing the home view. When the view changes
        size (the on-screen keyboard opening or closing) the same rectangle is fitted again:
        seen on Xvfb, a route fitted while the keyboard squeezed the map stayed a thumbnail."""
        self._last_fit = (rect_m, margin_m)
        self.resetTransform()
        area = self._scene_rect(rect_m, margin_m)
        self.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
        self.moved = True
        self._scaled()
        self._keep_here_in_view(area)

    def here_rect(self) -> QRectF | None:
        """Where "You are here" (dot and words, drawn at a fixed size) lands in the viewport."""
        items = getattr(self.scene(), "here_items", [])
        if len(items) < 2:
            return None
        at = self.mapFromScene(items[0].scenePos())
        return items[0].rect().united(items[1].rect()).translated(at.x(), at.y())

    def _keep_here_in_view(self, fitted: QRectF | None = None) -> None:
        """Fitting works in metres, but "You are here" is drawn in pixels: fit again the fitted
        rectangle united with where the dot and its words fall at the current scale, until they
        are inside the view (larger text makes them bigger). The united area then fills the
        frame: zooming out about the middle instead left the map in part of its frame with the
        keyboard up (kb-ko.png)."""
        moved = self.moved
        viewport = QRectF(self.viewport().rect()).adjusted(2, 2, -2, -2)
        for _ in range(8):
            here = self.here_rect()
            if here is None or viewport.contains(here):
                break
            if fitted is None:
                self.zoom_centred(0.88)
                continue
            fitted = fitted.united(self.mapToScene(here.adjusted(-4, -4, 4, 4).toAlignedRect()).boundingRect())
            self.resetTransform()
            self.fitInView(fitted, Qt.AspectRatioMode.KeepAspectRatio)
            self._scaled()
        self.moved = moved

    def focus_on(self, rect_m, *, zoom: float = 2.2) -> None:
        """Pan and zoom to a booth or room (metres)."""
        self._last_fit = None
        self.resetTransform()
        self.scale(zoom, zoom)
        self.centerOn(_p(rect_m.x + rect_m.w / 2, rect_m.y + rect_m.h / 2))
        self.moved = True
        self._scaled()

    def reset_view(self) -> None:
        self._last_fit = None
        if self.home_rect is not None:
            self.resetTransform()
            self.fitInView(self.home_rect, Qt.AspectRatioMode.KeepAspectRatio)
            self._scaled()
            self._keep_here_in_view(self.home_rect)
        self.moved = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_buttons()
        if not self.moved:
            self.reset_view()
        elif getattr(self, "_last_fit", None) is not None:
            self.fit(*self._last_fit)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                flags = pinch.changeFlags()
                if flags & QPinchGesture.ChangeFlag.ScaleFactorChanged:
                    self._by_hand(self.zoom_by, pinch.scaleFactor())
                event.accept()
                return True
        return super().viewportEvent(event)

    def wheelEvent(self, event) -> None:
        self._by_hand(self.zoom_by, 1.2 if event.angleDelta().y() > 0 else 1 / 1.2)

    def mouseDoubleClickEvent(self, event) -> None:
        self.centerOn(self.mapToScene(event.position().toPoint()))
        self._by_hand(self.zoom_by, 2.0)

    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        if self._press_pos is not None and (event.position() - self._press_pos).manhattanLength() >= 12:
            self.moved = True
            self._last_fit = None

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
