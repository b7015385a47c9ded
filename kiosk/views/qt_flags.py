"""The few values of Qt's ``Qt`` namespace that the first screen needs, without touching it.

PySide6 makes the Python enums of a namespace the first time Python touches any of them, and
the ``Qt`` namespace is one block: 93 enums with 1,195 members (``Qt.Key`` alone has 471),
≈ 11 ms of CPU on the kiosk's VM — whether the code asks for ``Qt.AlignmentFlag.AlignLeft``,
imports ``Qt``, or calls a method that *returns* one of its enums (``label.alignment()``). The
bare window that the start-up is compared against never pays it (issue 11: first frame ≤ 1.5 ×
a bare window). So the widgets and the card painter on the start screen (top bar, agenda, home)
use the integer values below through APIs that take integers:

- ``QPainter.drawText(rect, flags: int, text)``;
- Qt properties set by name (``widget.setProperty("alignment", …)``): Qt converts the integer
  to the property's enum in C++, Python never sees the enum;
- item-model roles, which are plain integers in ``data(index, role)``;
- :func:`elide_right` instead of ``QFontMetrics.elidedText(text, Qt.TextElideMode…, w)``.

Everything after the first frame may use ``Qt`` freely (by then it has been made anyway).
``tests/views/test_fast_start.py`` checks that the namespace is still untouched at the first
frame, and ``tests/views/test_qt_flags.py`` that each value below equals Qt's own.
"""

from __future__ import annotations

# Qt::AlignmentFlag
ALIGN_LEFT = 0x0001
ALIGN_RIGHT = 0x0002
ALIGN_HCENTER = 0x0004
ALIGN_TOP = 0x0020
ALIGN_BOTTOM = 0x0040
ALIGN_VCENTER = 0x0080
ALIGN_CENTER = ALIGN_HCENTER | ALIGN_VCENTER
# Qt::ScrollBarPolicy, Qt::FocusPolicy, Qt::TextInteractionFlag
SCROLLBAR_ALWAYS_OFF = 1
NO_FOCUS = 0
NO_TEXT_INTERACTION = 0
# Qt::ItemDataRole
DISPLAY_ROLE = 0
ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 0x0100

ELLIPSIS = "\u2026"


def elide_right(metrics, text: str, width: float) -> str:
    """``text`` cut at the right with "…" so that it is at most ``width`` px wide in ``metrics``
    (a ``QFontMetrics``) — what ``metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)``
    does, without the ``Qt`` namespace. As Qt's: text that fits, or of one character, comes back
    unchanged; when not even "…" fits, the result is empty. Unlike Qt's, which sums the widths of
    the characters and the ellipsis apart (and can come out a pixel wider than ``width``), the
    cut is measured with the ellipsis in place: it may keep one character more or fewer."""
    width = int(width)
    if len(text) <= 1 or metrics.horizontalAdvance(text) <= width:
        return text
    if metrics.horizontalAdvance(ELLIPSIS) > width:
        return ""
    lo, hi = 0, len(text) - 1            # the longest prefix that fits with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.horizontalAdvance(text[:mid] + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    if lo < len(text) and not text[lo].isascii():
        import unicodedata

        while lo and unicodedata.combining(text[lo]):    # never part a letter from its accent
            lo -= 1
    return text[:lo] + ELLIPSIS
