"""Text is readable: every text/background pair the theme paints, and white on each check-in
verdict panel, reaches WCAG AA contrast (4.5:1), in normal and high-contrast modes."""

import pytest

from kiosk.views.staff import COLOURS
from kiosk.views.theme import Theme


def luminance(colour: str) -> float:
    h = colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_formula_matches_known_values():
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#c77800") < 4.5          # the old ALREADY amber, 3.4:1


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_text_pair_of_the_theme_reads_at_4_5_to_1(high_contrast):
    theme = Theme(high_contrast=high_contrast)
    low = [(what, fg, bg, round(contrast(fg, bg), 2)) for what, fg, bg in theme.text_pairs()
           if contrast(fg, bg) < 4.5]
    assert not low, low


def test_white_on_every_verdict_panel_reads_at_4_5_to_1():
    low = {name: round(contrast("#ffffff", colour), 2) for name, colour in COLOURS.items()
           if contrast("#ffffff", colour) < 4.5}
    assert not low, low
