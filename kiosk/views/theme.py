"""Colours and sizes for a screen read from a metre away, in normal and high-contrast modes."""

from __future__ import annotations

from kiosk.models.records import record

from PySide6.QtGui import QColor

#: Smallest edge of anything a finger must hit (px at 1920×1080).
TOUCH_MIN = 72
#: Horizontal padding inside the bar's and the tabs' buttons (px, each side).
BAR_PAD = 16


@record(frozen=True)
class Palette:
    background: str
    surface: str
    surface_alt: str
    text: str
    text_muted: str
    accent: str
    accent_text: str
    now: str
    next: str
    warning: str
    danger: str
    border: str
    #: live changes (moved, new time, notice): their own colour, never NEXT's amber
    change: str = "#6a1b9a"
    #: sessions already over: a quieter card that still reads at 4.5:1 (not a faded one)
    past_surface: str = "#dde3ea"
    past_text: str = "#3d4756"
    #: text on the coloured pills (NOW, NEXT, changes, cancelled)
    pill_text: str = "#ffffff"


NORMAL = Palette(
    background="#0f2747", surface="#ffffff", surface_alt="#eef2f7", text="#14213d",
    text_muted="#4a5568", accent="#0b63ce", accent_text="#ffffff", now="#0a7d32",
    next="#b35c00", warning="#9a5b00", danger="#b00020", border="#c5cedb",
)
HIGH_CONTRAST = Palette(
    background="#000000", surface="#000000", surface_alt="#1a1a1a", text="#ffffff",
    text_muted="#ffff66", accent="#ffff00", accent_text="#000000", now="#00ff66",
    next="#ffcc00", warning="#ffcc00", danger="#ff5c5c", border="#ffffff",
    change="#ff80ff", past_surface="#1a1a1a", past_text="#d0d0d0", pill_text="#000000",
)


@record(frozen=True)
class Theme:
    """Everything the widgets need to paint: palette plus the text scale."""

    high_contrast: bool = False
    scale: float = 1.0

    @property
    def p(self) -> Palette:
        return HIGH_CONTRAST if self.high_contrast else NORMAL

    def px(self, size: float) -> int:
        return round(size * self.scale)

    def color(self, name: str) -> QColor:
        return QColor(getattr(self.p, name))

    # Text sizes (px) chosen for reading at arm's length on a 24–32" 1080p panel.
    @property
    def body(self) -> int:
        return self.px(24)

    @property
    def small(self) -> int:
        return self.px(20)

    @property
    def title(self) -> int:
        return self.px(30)

    @property
    def heading(self) -> int:
        return self.px(40)

    @property
    def display(self) -> int:
        return self.px(64)

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """(what, text colour, background) for every pairing the screens paint text in: the
        contrast test holds each to WCAG AA (4.5:1)."""
        p = self.p
        on_dark_muted = "#ffff66" if self.high_contrast else "#c9d6ea"
        discreet = "#ffff66" if self.high_contrast else "#8aa0bf"
        pairs = [
            ("card text", p.text, p.surface), ("card muted", p.text_muted, p.surface),
            ("past card text", p.past_text, p.past_surface),
            ("screen text", "#ffffff", p.background), ("screen muted", on_dark_muted, p.background),
            ("staff entry", discreet, p.background),
            ("button", p.text, p.surface_alt), ("checked button", p.accent_text, p.accent),
            ("board's changed meeting", p.danger, p.surface),
        ]
        pairs += [(f"{name} pill", p.pill_text, getattr(p, name)) for name in ("now", "next", "change", "danger")]
        return pairs

    def stylesheet(self) -> str:
        p = self.p
        return f"""
QWidget {{ font-size: {self.body}px; }}
QWidget#KioskRoot, QWidget#Screen {{ background: {p.background}; }}
QLabel {{ color: {p.text}; }}
QLabel[role="onDark"] {{ color: #ffffff; }}
QLabel[role="onDarkMuted"] {{ color: {"#ffff66" if self.high_contrast else "#c9d6ea"}; }}
QLabel[role="heading"] {{ color: #ffffff; font-size: {self.heading}px; font-weight: 700; }}
QLabel[role="sectionTitle"] {{ color: #ffffff; font-size: {self.title}px; font-weight: 700; }}
QFrame#Panel {{ background: {p.surface}; border-radius: 16px;
    border: {"3px solid #ffffff" if self.high_contrast else "none"}; }}
QFrame#Panel QLabel {{ color: {p.text}; }}
QFrame#Panel QLabel[role="muted"] {{ color: {p.text_muted}; }}
QFrame#TopBar {{ background: {"#000000" if self.high_contrast else "#0a1c35"};
    border-bottom: 2px solid {p.border if self.high_contrast else "#0a1c35"}; }}
QPushButton {{
    min-height: {TOUCH_MIN}px; min-width: {TOUCH_MIN}px; padding: 0 24px;
    font-size: {self.body}px; font-weight: 600; border-radius: 12px;
    background: {p.surface_alt}; color: {p.text}; border: 2px solid {p.border};
}}
QPushButton:checked {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent}; }}
QPushButton:pressed {{ background: {p.accent}; color: {p.accent_text}; }}
QPushButton[role="tile"] {{
    min-height: {self.px(150)}px; font-size: {self.heading}px; font-weight: 700;
    background: {p.accent}; color: {p.accent_text}; border: {"3px solid #ffffff" if self.high_contrast else "none"};
    border-radius: 20px; text-align: left; padding: 0 40px;
}}
QPushButton[role="bar"] {{
    padding: 0 {BAR_PAD}px; background: transparent; color: #ffffff; border: 2px solid {"#ffffff" if self.high_contrast else "#3d5a80"};
}}
QPushButton[role="bar"]:checked {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent}; }}
QPushButton[role="discreet"] {{
    background: transparent; color: {"#ffff66" if self.high_contrast else "#8aa0bf"};
    border: none; font-size: {self.small}px; font-weight: 400;
}}
QListView {{ background: transparent; border: none; }}
QScrollBar:vertical {{ width: 18px; background: transparent; }}
QScrollBar::handle:vertical {{ background: {"#ffffff" if self.high_contrast else "#5a7394"}; border-radius: 9px; min-height: 80px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
QScrollBar:horizontal {{ height: 10px; background: transparent; }}
QScrollBar::handle:horizontal {{ background: {"#ffffff" if self.high_contrast else "#5a7394"}; border-radius: 5px; min-width: 80px; }}
"""
