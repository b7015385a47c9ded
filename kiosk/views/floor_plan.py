"""A floor of the venue drawn from the rooms' plan positions, one room highlighted."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .i18n import font_for


class FloorPlanWidget(QWidget):
    def __init__(self, ui, parent=None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.floor = None
        self.rooms = []
        self.highlight: str | None = None
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(700, 400)

    def show_room(self, floor, rooms, room_id: str | None) -> None:
        self.floor, self.rooms, self.highlight = floor, list(rooms), room_id
        self.update()

    def paintEvent(self, _event) -> None:
        if self.floor is None:
            return
        theme = self.ui.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = 12
        sx = (self.width() - 2 * margin) / self.floor.width
        sy = (self.height() - 2 * margin) / self.floor.depth
        s = min(sx, sy)
        ox = (self.width() - self.floor.width * s) / 2
        oy = (self.height() - self.floor.depth * s) / 2
        outline = QRectF(ox, oy, self.floor.width * s, self.floor.depth * s)
        p.fillRect(outline, theme.color("surface_alt"))
        p.setPen(QPen(theme.color("border"), 2))
        p.drawRect(outline)
        font = font_for(self.ui.language, theme.small, bold=True)
        p.setFont(font)
        fm = QFontMetrics(font)
        # whole rooms first, their parts on top; the highlighted room last
        ordered = sorted(self.rooms, key=lambda r: (r.id == self.highlight, r.part_of is not None))
        for room in ordered:
            if room.plan is None:
                continue
            x, y, w, h = room.plan
            rect = QRectF(ox + x * s, oy + y * s, w * s, h * s)
            hit = room.id == self.highlight
            fill = theme.color("accent") if hit else theme.color("surface")
            p.fillRect(rect, fill)
            p.setPen(QPen(theme.color("accent") if hit else theme.color("border"), 4 if hit else 1.5))
            p.drawRect(rect)
            p.setPen(theme.color("accent_text") if hit else theme.color("text_muted"))
            text = room.id if room.kind in ("meeting", "hall") or room.kind == "lounge" else room.name.get(self.ui.language)
            if fm.horizontalAdvance(text) > rect.width() - 4:
                text = room.id
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text if fm.horizontalAdvance(text) <= rect.width() else "")
        p.end()
