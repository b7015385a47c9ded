"""kiosk/views/qt_flags.py: the Qt namespace's values the first screen uses as plain integers,
and the painting that goes without ``setPen`` (issue 11: nothing on the first frame may make
PySide6 set up the whole ``Qt`` namespace)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from kiosk.views import qt_flags
from kiosk.views.i18n import font_for
from kiosk.views.session_card import draw_text


def test_each_value_is_qts_own():
    pairs = {
        "ALIGN_LEFT": Qt.AlignmentFlag.AlignLeft, "ALIGN_RIGHT": Qt.AlignmentFlag.AlignRight,
        "ALIGN_HCENTER": Qt.AlignmentFlag.AlignHCenter, "ALIGN_TOP": Qt.AlignmentFlag.AlignTop,
        "ALIGN_BOTTOM": Qt.AlignmentFlag.AlignBottom, "ALIGN_VCENTER": Qt.AlignmentFlag.AlignVCenter,
        "ALIGN_CENTER": Qt.AlignmentFlag.AlignCenter,
        "SCROLLBAR_ALWAYS_OFF": Qt.ScrollBarPolicy.ScrollBarAlwaysOff, "NO_FOCUS": Qt.FocusPolicy.NoFocus,
        "NO_TEXT_INTERACTION": Qt.TextInteractionFlag.NoTextInteraction,
        "DISPLAY_ROLE": Qt.ItemDataRole.DisplayRole, "ACCESSIBLE_TEXT_ROLE": Qt.ItemDataRole.AccessibleTextRole,
        "USER_ROLE": Qt.ItemDataRole.UserRole,
    }
    for name, value in pairs.items():
        assert getattr(qt_flags, name) == value.value, name


def test_properties_set_by_integer_reach_the_widgets(qtbot):
    from kiosk.views.widgets import label

    lab = label("x")
    qtbot.addWidget(lab)
    assert lab.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    lab.setProperty("alignment", qt_flags.ALIGN_RIGHT | qt_flags.ALIGN_VCENTER)
    assert lab.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


TEXTS = [
    "Opening ceremony and welcome address",
    "Smart City Forum: Data, Mobility & Energy",
    "스마트시티 포럼: 데이터, 모빌리티와 에너지",
    "智慧城市論壇：數據、移動與能源",
    "Café société — naïve résumé",
    "x",
    "",
]


@pytest.mark.parametrize("lang", ["en", "ko", "zh-Hant"])
def test_elide_right_cuts_as_qt_does_within_a_character(qapp, lang):
    fm = QFontMetrics(font_for(lang, 24))
    ellipsis = qt_flags.ELLIPSIS
    for text in TEXTS:
        for width in range(0, 500, 7):
            ours = qt_flags.elide_right(fm, text, width)
            theirs = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
            if fm.horizontalAdvance(text) <= width or len(text) <= 1:
                assert ours == text == theirs
                continue
            if not ours:                                   # not even the ellipsis fits
                assert fm.horizontalAdvance(ellipsis) > width
                continue
            cut = ours.removesuffix(ellipsis)
            assert ours.endswith(ellipsis) and text.startswith(cut), (text, width, ours)
            assert fm.horizontalAdvance(ours) <= width, (text, width, ours)          # it fits …
            assert fm.horizontalAdvance(text[:len(cut) + 1] + ellipsis) > width     # … and no more would
            assert abs(len(cut) - len(theirs.removesuffix(ellipsis))) <= 1, (text, width, ours, theirs)


def test_elide_right_never_parts_a_letter_from_its_accent(qapp):
    fm = QFontMetrics(font_for("en", 24))
    text = "Cafe\u0301 cre\u0300me brule\u0301e"       # accents as combining marks
    for width in range(20, fm.horizontalAdvance(text)):
        out = qt_flags.elide_right(fm, text, width)
        cut = out.removesuffix(qt_flags.ELLIPSIS)
        assert text.startswith(cut)
        assert len(cut) == len(text) or text[len(cut)] not in "\u0301\u0300", (width, out)


def _ink_columns(image: QImage, colour: QColor) -> list[int]:
    return [x for x in range(image.width()) for y in range(image.height())
            if QColor(image.pixel(x, y)).red() > 200 and QColor(image.pixel(x, y)).green() < 80]


@pytest.mark.parametrize("flags, side", [(qt_flags.ALIGN_LEFT | qt_flags.ALIGN_VCENTER, "left"),
                                         (qt_flags.ALIGN_RIGHT | qt_flags.ALIGN_BOTTOM, "right"),
                                         (qt_flags.ALIGN_CENTER, "centre")])
def test_draw_text_paints_in_its_colour_where_drawtext_would(qapp, flags, side):
    red = QColor("#ff0000")
    font = QFont(font_for("en", 24))
    image = QImage(400, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    draw_text(painter, QRectF(0, 0, 400, 60), flags, "16:30", font, red)
    painter.end()
    ink = _ink_columns(image, red)
    assert ink, "nothing painted in the text's colour"
    reference = QImage(400, 60, QImage.Format.Format_RGB32)
    reference.fill(QColor("#ffffff"))
    painter = QPainter(reference)
    painter.setFont(font)
    painter.setPen(red)
    painter.drawText(QRectF(0, 0, 400, 60), flags, "16:30")
    painter.end()
    expected = _ink_columns(reference, red)
    assert abs(min(ink) - min(expected)) <= 2 and abs(max(ink) - max(expected)) <= 2, side
