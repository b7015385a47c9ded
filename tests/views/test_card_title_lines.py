"""A compact (home) card's two-line CJK title stays inside the room its card reserves for it.

Seen on the Korean home screen at 16:30: the second line of "마스터클래스 1: 미래차 — 자율주행과 미래 연료"
was drawn at Noto Sans CJK's natural 1.45 em line height while the card had reserved tightened
1.2 em lines, so it ran over the room line below it."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from kiosk.views.session_card import draw_wrapped, line_height

TITLE = "마스터클래스 1: 미래차 — 자율주행과 미래 연료 그리고 더 많은 이야기"


def _lowest_ink(image: QImage) -> int:
    for y in range(image.height() - 1, -1, -1):
        for x in range(image.width()):
            if QColor(image.pixel(x, y)).lightness() < 128:
                return y
    return -1


def test_a_two_line_korean_title_stays_inside_its_tightened_lines(qapp):
    font = QFont("Noto Sans CJK KR")
    font.setPixelSize(30)
    pitch = line_height(font, tight=True)
    width = 420
    image = QImage(width, 6 * pitch, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setPen(Qt.GlobalColor.black)
    draw_wrapped(painter, QRectF(0, 0, width, 2 * pitch), TITLE, font, 2, pitch=pitch)
    painter.end()
    lowest = _lowest_ink(image)
    assert lowest > pitch, "the title should take two lines at this width"
    assert lowest <= 2 * pitch + 2, f"ink at y={lowest}, below the two lines reserved (to {2 * pitch})"
