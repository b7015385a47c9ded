"""The event's name never runs up to the clock (issue 12's left nit: with larger text in portrait
the home screen's "SCIENCEPARK INNOFAIR 2023" ended a few pixels before "10:45"). Measured on the
painted words, not the widgets: in every language, text size and orientation, on the home screen's
header and in the top bar of the other screens, the name's last letter is a clear gap left of the
clock's first digit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

LANGS = ("en", "ko", "zh-Hant")
SIZES = ((1920, 1080), (1080, 1920), (1440, 900), (1760, 990))


def painted(label, window) -> QRect:
    """Where a label's words are drawn, in the window's coordinates (its text laid out in its
    contents rectangle with its alignment and wrapping, as QLabel draws it)."""
    flags = int(label.alignment().value if hasattr(label.alignment(), "value") else label.alignment())
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap.value)
    rect = label.fontMetrics().boundingRect(label.contentsRect(), flags, label.text())
    return rect.translated(label.mapTo(window, label.rect().topLeft()))


def gap(window, name, clock) -> int | None:
    if not (name.isVisible() and clock.isVisible() and name.text() and clock.text()):
        return None
    a, b = painted(name, window), painted(clock, window)
    if a.bottom() < b.top() or b.bottom() < a.top():
        return None                                 # not side by side
    return b.left() - a.right()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_event_name_keeps_clear_of_the_clock(make_kiosk, qtbot, size):
    window = make_kiosk(size=size)
    home = window.screen("home")
    found, measured = [], 0
    for accessible in (False, True):
        window.access_button.setChecked(accessible)
        want = window.ui.theme.px(24)
        for lang in LANGS:
            window.ui.set_language(lang)
            for view, name, clock in (("home", home.name, home.clock),
                                      ("agenda", window.event_name, window.clock),
                                      ("exhibitors", window.event_name, window.clock)):
                window.show_view(view)
                for _ in range(3):
                    qtbot.wait(5)
                g = gap(window, name, clock)
                if g is None:
                    continue
                measured += 1
                if g < want:
                    found.append(f"{view} [{lang}{' larger' if accessible else ''}]: {g} px < {want} px")
    assert measured >= 6                           # the home header at least, in each language and size
    assert found == []
