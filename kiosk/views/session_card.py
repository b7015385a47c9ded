"""Painting a session as a card, and the delegate that lays cards out in list rows.

One painter serves the agenda (a time gutter, then parallel sessions side by side) and the
home screen's lists (one card per row), so a session looks the same everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QTextCharFormat, QTextLayout, QTextOption,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from kiosk.models import agenda
from kiosk.models.agenda import State

from . import phrases
from .i18n import font_for
from .programme import SessionItem
from .qt_flags import ALIGN_BOTTOM, ALIGN_CENTER, ALIGN_HCENTER, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_VCENTER, elide_right
from .session_models import SessionsRole

CARD_MIN_WIDTH = 460
GAP = 16
PAD = 20

# The card painter sets no pen and makes no QBrush from a colour: ``painter.setPen(…)``,
# ``QBrush(colour)`` and ``fillPath(path, colour)`` have overloads taking a ``Qt.PenStyle`` /
# ``Qt.GlobalColor``, and PySide6 sets up the whole ``Qt`` namespace (≈ 11 ms) to rule them out —
# on the first frame, which paints these cards (qt_flags.py). Colours go in as a pen's brush
# (:func:`ink`), text through a QTextLayout whose format carries the colour (:func:`draw_text`).


def ink(colour: QColor) -> QBrush:
    """A solid brush of ``colour`` (a pen's: see above)."""
    pen = QPen()
    pen.setColor(colour)
    return pen.brush()


def _coloured(layout: QTextLayout, text: str, colour: QColor) -> None:
    fmt = QTextCharFormat()
    fmt.setForeground(ink(colour))
    whole = QTextLayout.FormatRange()
    whole.start = 0
    # Qt counts UTF-16 units: a character beyond the BMP is two (counted here without importing
    # the UTF-16 codec, which the first frame would otherwise load for this)
    whole.length = len(text) + sum(1 for c in text if c > "\uffff")
    whole.format = fmt
    layout.setFormats([whole])


def draw_text(painter: QPainter, rect: QRectF, flags: int, text: str, font: QFont, colour: QColor) -> None:
    """One line of ``text`` in ``font`` and ``colour``, placed in ``rect`` as
    ``painter.drawText(rect, flags, text)`` places it (left/right/centre, top/middle/bottom;
    the text is not wrapped — elide it first)."""
    if not text:
        return
    layout = QTextLayout(text, font)
    _coloured(layout, text, colour)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    width, height = line.naturalTextWidth(), line.height()
    x, y = rect.left(), rect.top()
    if flags & ALIGN_RIGHT:
        x = rect.right() - width
    elif flags & ALIGN_HCENTER:
        x += (rect.width() - width) / 2
    if flags & ALIGN_BOTTOM:
        y = rect.bottom() - height
    elif flags & ALIGN_VCENTER:
        y += (rect.height() - height) / 2
    layout.draw(painter, QPointF(x, y))


def fill(painter: QPainter, path: QPainterPath, colour: QColor) -> None:
    painter.fillPath(path, ink(colour))


def outline(painter: QPainter, r: QRectF, radius: float, width: float, colour: QColor) -> None:
    """The line a ``width`` px pen would draw along a rounded rectangle: filled as a ring (two
    outlines, odd-even fill), with no pen (see above)."""
    half = width / 2
    ring = QPainterPath()
    ring.addRoundedRect(r.adjusted(-half, -half, half, half), radius + half, radius + half)
    ring.addRoundedRect(r.adjusted(half, half, -half, -half), max(0.0, radius - half), max(0.0, radius - half))
    painter.fillPath(ring, ink(colour))


def draw_wrapped(painter: QPainter, rect: QRectF, text: str, font: QFont, max_lines: int,
                 pitch: float | None = None, colour: QColor | None = None) -> float:
    """Draw ``text`` word-wrapped into at most ``max_lines`` lines, eliding the last one.

    ``pitch``: the distance from one line to the next when the caller reserved tightened lines
    (``line_height(tight=True)``); without it a CJK title's second line sat 0.25 em lower than its
    room and ran over the line below it (seen on the Korean home screen at 16:30).
    ``colour``: the text's (default: the painter's pen).
    Returns the height used. Works for Hangul and Hanzi (QTextLayout breaks between them).
    """
    fm = QFontMetrics(font)
    layout = QTextLayout(text, font)
    if colour is not None:
        _coloured(layout, text, colour)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    layout.beginLayout()
    lines = []
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, y))
        y += pitch if pitch else line.height()
        lines.append(line)
    layout.endLayout()
    painter.setFont(font)
    if len(lines) <= max_lines:
        layout.draw(painter, rect.topLeft())
        return y
    shown = lines[: max_lines - 1]
    used = 0.0
    for line in shown:
        line.draw(painter, rect.topLeft())
        used += pitch if pitch else line.height()
    last = lines[max_lines - 1]
    rest = text[last.textStart():].replace("\n", " ")
    elided = elide_right(fm, rest, int(rect.width()))
    box = QRectF(rect.left(), rect.top() + used, rect.width(), last.height())
    if colour is None:
        painter.drawText(box, ALIGN_LEFT | ALIGN_VCENTER, elided)
    else:
        draw_text(painter, box, ALIGN_LEFT | ALIGN_VCENTER, elided, font, colour)
    return used + last.height()


def line_height(font: QFont, *, tight: bool = False) -> int:
    """One line of ``font``. ``tight``: at most 1.2 em — Noto Sans CJK reports 1.45 em, most of it
    leading above the glyphs, which made every Korean and Chinese home card a third taller than
    the English one (and pushed cards off the home screen); the glyphs fit in 1.2 em."""
    h = QFontMetrics(font).height()
    return min(h, round(1.2 * font.pixelSize())) if tight else h


class CardMetrics:
    """Fonts and heights for the current theme and language.

    ``compact`` cards (home screen) show one title line, with CJK lines tightened; full cards
    (agenda) two. ``slim`` cards (the home screen's all-day sessions: exhibition, matchmaking)
    are two lines: the title with its NOW pill, then type and room.
    """

    def __init__(self, theme, lang: str, *, compact: bool = False, title_px: int | None = None) -> None:
        self.theme = theme
        self.compact = compact
        self.pad = 12 if compact else PAD
        self.title_lines = 1 if compact else 2
        self.time = font_for(lang, theme.body, bold=True)
        # the home screen may ask for a smaller title (``title_px``) when a title would not
        # fit its card otherwise (Korean with larger text at 16:30 cut the master class's title)
        self.title_px = title_px or theme.title
        self.title = font_for(lang, self.title_px, bold=True)
        self.meta = font_for(lang, theme.body)
        self.small = font_for(lang, theme.small)
        self.badge = font_for(lang, theme.small, bold=True)
        tight = compact
        self.time_line = line_height(self.time, tight=tight)
        self.time_h = self.time_line + 6
        self.title_line = line_height(self.title, tight=tight)
        self.meta_line = line_height(self.meta, tight=tight)
        self.meta_h = self.meta_line + 4
        self.small_h = line_height(self.small, tight=tight) + 4
        self.badge_h = QFontMetrics(self.badge).height() + 12
        self.gap = 4 if compact else 6
        self.lang = lang
        self._wraps: dict[tuple, object] = {}     # lines a text wraps to; the room line's fitted font

    def text_width(self, card_width: int) -> int:
        """The width a card's lines get (what paint_card leaves inside the pad and the bar)."""
        return card_width - 2 - 2 * self.pad - 8

    def title_lines_for(self, text: str, width: float, most: int) -> int:
        """Lines a compact card's title takes ``width`` wide: as many as it needs, up to ``most``
        (the home screen gives a title a second line when the cards still fit)."""
        if not self.compact:
            return self.title_lines
        return self._lines(text, width, most, self.title)

    def slim_title_lines(self, text: str, width: float, most: int) -> int:
        """Lines a slim (all-day) card's title takes, in the time's font, up to ``most``."""
        return self._lines(text, width, most, self.time)

    def meta_fit(self, texts: tuple[str, ...], width: float) -> tuple[str, QFont] | None:
        """The first of a compact card's room lines (``meta_texts``: in full, then without the
        session's type) that fits one line ``width`` wide, in the body text's font or a step
        smaller (never below the small text), as (text, font); None when none fits."""
        key = ("meta", texts, int(width))
        if key not in self._wraps:
            body = self.meta.pixelSize()
            steps = [body] + [px for px in (round(body * 0.9), self.theme.small) if px < body]
            fonts = [self.meta if px == body else font_for(self.lang, px) for px in dict.fromkeys(steps)]
            self._wraps[key] = next(((text, font) for text in texts for font in fonts
                                     if QFontMetrics(font).horizontalAdvance(text) <= int(width)), None)
        return self._wraps[key]

    def meta_lines(self, texts: tuple[str, ...], width: float, most: int) -> int:
        """Lines a compact card's room line takes: one (a step smaller, or without the type,
        when needed), else the full line wrapped to up to ``most`` (the home screen's budget for
        titles, at most 2). English with larger text cut "Convention Hall 300A, 3rd floor"."""
        if not self.compact or self.meta_fit(texts, width) is not None:
            return 1
        return self._lines(texts[0], width, min(2, most), self.meta)

    def meta_lines_needed(self, texts: tuple[str, ...], width: float) -> int:
        """Lines the room line needs to show whole (1 when some form of it fits one line)."""
        if self.compact and self.meta_fit(texts, width) is not None:
            return 1
        return self._lines(texts[0], width, 99, self.meta)

    def _lines(self, text: str, width: float, most: int, font: QFont) -> int:
        if most <= 1:
            return 1
        key = (text, int(width), font.pixelSize(), font.bold())
        if key not in self._wraps:
            layout = QTextLayout(text, font)
            opt = QTextOption()
            opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(opt)
            layout.beginLayout()
            n = 0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(1.0, float(int(width))))
                n += 1
            layout.endLayout()
            self._wraps[key] = max(1, n)
        return min(most, self._wraps[key])

    def height(self, item: SessionItem, *, slim: bool = False, card_width: int | None = None,
               most_title_lines: int = 1) -> int:
        meta = 1
        if self.compact and card_width is not None:
            meta = self.meta_lines(meta_texts(item, self.lang, slim=slim), self.text_width(card_width),
                                   most_title_lines)
        extra_meta = (meta - 1) * self.meta_line
        if slim:
            lines = 1
            if card_width is not None:
                lines = self.slim_title_lines(item.session.title.get(self.lang), self.text_width(card_width),
                                              most_title_lines)
            return (2 * self.pad + self.time_h + (lines - 1) * self.time_line + self.meta_h + extra_meta
                    + (8 + self.badge_h if change_badges(item) else 0))
        lines = self.title_lines
        if self.compact and card_width is not None:
            lines = self.title_lines_for(item.session.title.get(self.lang), self.text_width(card_width),
                                         most_title_lines)
        h = 2 * self.pad + self.time_h + lines * self.title_line + self.gap + self.meta_h + extra_meta
        if _people_line(item) and not self.compact:
            h += self.small_h
        if change_badges(item):
            h += 8 + self.badge_h
        return h


def _people_line(item: SessionItem) -> str:
    """The card's small last line: the speakers; for a delegations' meeting, that it is closed."""
    if item.people:
        return ", ".join(item.people)
    if item.session.type == "meeting" and item.session.source_type in ("bilateral", "courtesy"):
        return phrases.by_invitation()
    return ""


def paint_card(painter: QPainter, rect: QRect, item: SessionItem, *, now, lang: str,
               metrics: CardMetrics, selected: bool = False, slim: bool = False, most_title_lines: int = 1) -> None:
    theme = metrics.theme
    s = item.session
    state = agenda.state_at(s, now)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Over or cancelled: a quieter card in colours that still read at 4.5:1 (a faded card did not).
    quiet = state is State.PAST or s.cancelled
    r = QRectF(rect).adjusted(1, 1, -1, -1)
    path = QPainterPath()
    path.addRoundedRect(r, 14, 14)
    fill(painter, path, theme.color("past_surface" if quiet else "surface"))
    accent = {State.NOW: theme.color("now"), State.NEXT: theme.color("next")}.get(state)
    if s.cancelled:
        accent = theme.color("danger")
    if accent is not None or theme.high_contrast or selected:
        pen_colour = accent or (theme.color("accent") if selected else theme.color("border"))
        outline(painter, r, 14, 4 if accent is not None or selected else 2, pen_colour)
    if accent is not None:
        bar = QPainterPath()
        bar.addRoundedRect(QRectF(r.left(), r.top(), 12, r.height()), 6, 6)
        fill(painter, bar, accent)

    pad = metrics.pad
    x = r.left() + pad + (8 if accent is not None else 0)
    w = r.right() - pad - x
    y = r.top() + pad
    text = theme.color("past_text" if quiet else "text")
    muted = theme.color("past_text" if quiet else "text_muted")

    pill = None
    if s.cancelled:
        pill = (phrases.cancelled(), theme.color("danger"))
    elif state is State.NOW:
        pill = (phrases.now_badge(agenda.minutes_left(s, now), s.end), theme.color("now"))
    elif state is State.NEXT:
        pill = (phrases.next_badge(agenda.minutes_until(s, now)), theme.color("next"))

    if slim:
        # an all-day session: its title across the card, then "until 17:00 · type · room"
        title_font = QFont(metrics.time)
        title_font.setStrikeOut(s.cancelled)
        lines = metrics.slim_title_lines(s.title.get(lang), metrics.text_width(rect.width()), most_title_lines)
        if lines > 1:
            # a second line when the home screen has room for it (English with larger text cut
            # "InnoFair exhibition: 69 exhibitors")
            draw_wrapped(painter, QRectF(x, y + 3, w, lines * metrics.time_line), s.title.get(lang), title_font,
                         lines, pitch=metrics.time_line, colour=text)
        else:
            draw_text(painter, QRectF(x, y, w, metrics.time_h), ALIGN_LEFT | ALIGN_VCENTER,
                      elide_right(QFontMetrics(title_font), s.title.get(lang), int(w)), title_font, text)
        y += metrics.time_h + (lines - 1) * metrics.time_line
        y += _paint_meta(painter, metrics, item, lang, x, y, w, muted if not theme.high_contrast else text,
                         card_width=rect.width(), slim=True, most_lines=most_title_lines)
        y += 8
        _paint_badges(painter, metrics, item, x, y, r.right() - pad)
        painter.restore()
        return

    # line 1: time range, and the state pill at the right
    when = phrases.time_range(s.start, s.end)
    if metrics.compact and s.start.date() != now.astimezone(s.start.tzinfo).date():
        # a card on the home screen that is not today's says which day ("Tomorrow", "Thu 15 June")
        when = phrases.relative_day(s.start.date(), now.astimezone(s.start.tzinfo).date()) + " · " + when
    draw_text(painter, QRectF(x, y, w, metrics.time_h), ALIGN_LEFT | ALIGN_VCENTER,
              elide_right(QFontMetrics(metrics.time), when, int(w)), metrics.time, text)
    if pill:
        # the pill takes what the time leaves (elided on a narrow card, never over the time)
        room = w - QFontMetrics(metrics.time).horizontalAdvance(when) - 12
        _pill(painter, metrics, QRectF(x + w - room, y, room, metrics.time_h), pill[0], pill[1], align_right=True)
    y += metrics.time_h

    # lines 2–3: the title (struck through when cancelled)
    title_font = QFont(metrics.title)
    title_font.setStrikeOut(s.cancelled)
    lines = metrics.title_lines_for(s.title.get(lang), metrics.text_width(rect.width()), most_title_lines)
    draw_wrapped(painter, QRectF(x, y, w, lines * metrics.title_line), s.title.get(lang), title_font, lines,
                 pitch=metrics.title_line, colour=text)
    y += lines * metrics.title_line + metrics.gap

    # line 4: type · room · floor (on two lines when the title may take two and it needs them)
    y += _paint_meta(painter, metrics, item, lang, x, y, w, muted if not theme.high_contrast else text,
                     card_width=rect.width(), most_lines=most_title_lines)

    # line 5: people
    if _people_line(item) and not metrics.compact:
        fm = QFontMetrics(metrics.small)
        draw_text(painter, QRectF(x, y, w, metrics.small_h), ALIGN_LEFT | ALIGN_VCENTER,
                  elide_right(fm, _people_line(item), int(w)), metrics.small, muted)
        y += metrics.small_h
    y += 8

    # line 6: what changed since the programme was printed
    _paint_badges(painter, metrics, item, x, y, r.right() - pad)
    painter.restore()


def meta_texts(item: SessionItem, lang: str, *, slim: bool = False) -> tuple[str, ...]:
    """A card's "type · room · floor" line, then (where it differs) the room line without the
    type, for a card too narrow for both; a slim (all-day) card's "until 17:00 · room · floor"."""
    s = item.session
    where = item.room.name.get(lang) if item.room else ""
    if item.floor and item.room and item.room.kind != "entrance":
        where = f"{where}{phrases.list_sep()}{item.floor.name.get(lang)}"
    # after a lead ("until 17:00", an all-day session whose title says what it is): the room only
    lead = phrases.until(s.end) if slim else ""
    kind = "" if lead else phrases.shown_type(s)
    full = " · ".join(p for p in (lead, kind, where) if p)
    return (full, where) if kind and where else (full,)


def _paint_meta(painter: QPainter, metrics: CardMetrics, item: SessionItem, lang: str,
                x: float, y: float, w: float, colour: QColor, *, card_width: int, slim: bool = False,
                most_lines: int = 1) -> float:
    """Type · room · floor (a slim card: until · room · floor): one line, or two on a compact
    card when the title may take two and the line needs them; elided only past that. Returns
    the height used."""
    texts = meta_texts(item, lang, slim=slim)
    meta = texts[0]
    # counted at the width the card's height was counted with (CardMetrics.height), as titles are
    lines = metrics.meta_lines(texts, metrics.text_width(card_width), most_lines)
    if lines > 1:
        draw_wrapped(painter, QRectF(x, y + 2, w, lines * metrics.meta_line), meta, metrics.meta, lines,
                     pitch=metrics.meta_line, colour=colour)
        return metrics.meta_h + (lines - 1) * metrics.meta_line
    fitted = metrics.meta_fit(texts, metrics.text_width(card_width)) if metrics.compact else None
    meta, font = fitted or (meta, metrics.meta)
    fm = QFontMetrics(font)
    draw_text(painter, QRectF(x, y, w, metrics.meta_h), ALIGN_LEFT | ALIGN_VCENTER,
              elide_right(fm, meta, int(w)), font, colour)
    return metrics.meta_h


def _paint_badges(painter: QPainter, metrics: CardMetrics, item: SessionItem, x: float, y: float,
                  right: float) -> None:
    """What changed since the programme was printed, as pills in the changes' colour."""
    bx = x
    for label, colour_name in change_badges(item):
        used = _pill(painter, metrics, QRectF(bx, y, right - bx, metrics.badge_h), label,
                     metrics.theme.color(colour_name))
        bx += used + 10
        if bx > right - 60:
            break


#: notices that only say the start moved: once the new time is shown, they would count twice
LATE_NOTICES = ("preset:late10", "preset:late15")


def change_badges(item: SessionItem) -> list[tuple[str, str]]:
    """(label, palette colour) for each live change: moved, new time, notice.

    A new start reads "Now 10:40 (was 10:30)"; a "Starts 10 min late" notice is then left out,
    so nobody adds the delay to a time that already has it."""
    s = item.session
    out = []
    if s.moved:
        old = s.published_room_id or "—"
        new = s.room_id or "—"
        out.append((phrases.moved(old, new), "change"))
    retimed = s.retimed and not s.cancelled
    if retimed:
        if s.start != s.published_start:
            out.append((phrases.starts_now(s.start, s.published_start), "change"))
        else:
            out.append((phrases.retimed(phrases.time_range(s.published_start, s.published_end)), "change"))
    if s.notice and not (retimed and s.start != s.published_start and s.notice in LATE_NOTICES):
        out.append((phrases.notice_text(s.notice), "change"))
    return out


def _pill(painter: QPainter, metrics: CardMetrics, area: QRectF, label: str, colour: QColor,
          *, align_right: bool = False) -> float:
    fm = QFontMetrics(metrics.badge)
    label = elide_right(fm, label, int(max(40, area.width() - 24)))
    width = min(area.width(), fm.horizontalAdvance(label) + 24)
    height = min(area.height(), fm.height() + 10)
    left = area.right() - width if align_right else area.left()
    box = QRectF(left, area.top() + (area.height() - height) / 2, width, height)
    path = QPainterPath()
    path.addRoundedRect(box, height / 2, height / 2)
    fill(painter, path, colour)
    draw_text(painter, box, ALIGN_CENTER, label, metrics.badge, metrics.theme.color("pill_text"))
    return width


class SessionCardDelegate(QStyledItemDelegate):
    """Paints rows of session cards; a tap on a card emits ``sessionActivated(id)``.

    With ``gutter`` the row starts with its start time (the agenda); without, one card fills
    the row (home screen lists).
    """

    sessionActivated = Signal(str)

    def __init__(self, ui, *, gutter: int = 0, compact: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.gutter = gutter
        self.compact = compact
        #: a fixed grid (the home screen's lists): cards per line, whatever a row holds
        self.columns: int | None = None
        #: sessions painted as slim cards (the home screen's all-day sessions)
        self.slim_ids: frozenset[str] = frozenset()
        #: compact cards: a title may take this many lines (the home screen sets 2 when they fit)
        self.most_title_lines = 1
        # compact cards: the title's size in px (None: the theme's; the home screen steps it
        # down when a title would be cut otherwise)
        self.title_px: int | None = None
        self._metrics: dict[int | None, CardMetrics] = {}
        ui.languageChanged.connect(self._reset_metrics)
        ui.themeChanged.connect(self._reset_metrics)

    def _reset_metrics(self, *_):
        self._metrics = {}

    @property
    def metrics(self) -> CardMetrics:
        return self.metrics_for(self.title_px)

    def metrics_for(self, title_px: int | None) -> CardMetrics:
        """The card metrics with titles ``title_px`` high (None: the theme's title size)."""
        if title_px not in self._metrics:
            self._metrics[title_px] = CardMetrics(self.ui.theme, self.ui.language, compact=self.compact,
                                                  title_px=title_px)
        return self._metrics[title_px]

    def _per_line(self, width: int, count: int) -> int:
        if self.columns:
            return self.columns
        return max(1, min(count, (width - self.gutter + GAP) // (CARD_MIN_WIDTH + GAP)))

    def card_height(self, item: SessionItem, card_width: int | None = None, most_title_lines: int | None = None,
                    metrics: CardMetrics | None = None) -> int:
        return (metrics or self.metrics).height(
            item, slim=item.session.id in self.slim_ids, card_width=card_width,
            most_title_lines=self.most_title_lines if most_title_lines is None else most_title_lines)

    def _card_width(self, width: int, per_line: int) -> int:
        return (width - self.gutter - GAP * (per_line - 1)) // per_line

    def _line_heights(self, items: list[SessionItem], per_line: int, width: int | None = None,
                      most_title_lines: int | None = None, metrics: CardMetrics | None = None) -> list[int]:
        card_width = self._card_width(width, per_line) if width else None
        return [max(self.card_height(i, card_width, most_title_lines, metrics) for i in items[k:k + per_line])
                for k in range(0, len(items), per_line)]

    def rows_height(self, rows: list[list[SessionItem]], width: int, columns: int | None = None,
                    most_title_lines: int | None = None, title_px: int | None = None) -> int:
        """The height ``rows`` take in a list ``width`` wide, ``columns`` cards a line (default:
        as now), titles on up to ``most_title_lines`` lines ``title_px`` high: what the home
        screen fits."""
        metrics = self.metrics_for(title_px)
        total = 0
        for items in rows:
            per_line = columns or self._per_line(width, len(items))
            heights = self._line_heights(items, per_line, width, most_title_lines, metrics)
            total += sum(heights) + GAP * len(heights)
        return total

    def rows_cut(self, rows: list[list[SessionItem]], width: int, columns: int, most_title_lines: int,
                 title_px: int | None = None) -> int:
        """How many titles would be cut (need more lines than ``most_title_lines``) in ``rows``
        laid out ``columns`` a line ``width`` wide with titles ``title_px`` high."""
        metrics = self.metrics_for(title_px)
        text_width = metrics.text_width(self._card_width(width, columns))
        lang = self.ui.language
        cut = 0
        for items in rows:
            for item in items:
                title = item.session.title.get(lang)
                if item.session.id in self.slim_ids:
                    shown = metrics.slim_title_lines(title, text_width, most_title_lines)
                    if shown < metrics.slim_title_lines(title, text_width, 99) or (
                            shown == 1 and QFontMetrics(metrics.time).horizontalAdvance(title) > text_width):
                        cut += 1
                elif metrics.title_lines_for(title, text_width, most_title_lines) < \
                        metrics.title_lines_for(title, text_width, 99):
                    cut += 1
                cut += self._meta_cut(metrics, item, text_width, most_title_lines) is not None
        return cut

    def _meta_cut(self, metrics: CardMetrics, item: SessionItem, text_width: int, most_lines: int) -> str | None:
        """The card's "type · room · floor" line if it is elided laid out so (None when it shows whole)."""
        texts = meta_texts(item, self.ui.language, slim=item.session.id in self.slim_ids)
        needed = metrics.meta_lines_needed(texts, text_width)
        return texts[0] if needed > metrics.meta_lines(texts, text_width, most_lines) else None

    def card_rects(self, row: QRect, items: list[SessionItem]) -> list[QRect]:
        """Where each card of a row goes: side by side, wrapping to more lines when narrow."""
        area = row.adjusted(self.gutter, 0, 0, 0)
        per_line = self._per_line(row.width(), len(items))
        width = (area.width() - GAP * (per_line - 1)) // per_line
        heights = self._line_heights(items, per_line, row.width())
        rects = []
        for i in range(len(items)):
            line, col = divmod(i, per_line)
            top = area.top() + GAP // 2 + sum(heights[:line]) + GAP * line
            rects.append(QRect(area.left() + col * (width + GAP), top, width, heights[line]))
        return rects

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        items = index.data(SessionsRole) or []
        width = option.rect.width() if option.rect.width() > 0 else 1200
        if option.widget is not None:
            width = option.widget.viewport().width()
        if not items:
            return QSize(width, 0)
        heights = self._line_heights(items, self._per_line(width, len(items)), width)
        return QSize(width, sum(heights) + GAP * len(heights))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        items: list[SessionItem] = index.data(SessionsRole) or []
        if not items:
            return
        now = self.ui.now()
        lang = self.ui.language
        rects = self.card_rects(option.rect, items)
        if self.gutter:
            draw_text(painter, QRectF(option.rect.left(), rects[0].top(), self.gutter - 16,
                                      self.metrics.time_h + self.metrics.pad),
                      ALIGN_RIGHT | ALIGN_BOTTOM, phrases.hhmm(items[0].session.start),
                      font_for(lang, self.ui.theme.title, bold=True), QColor("#ffffff"))
        for rect, item in zip(rects, items):
            paint_card(painter, rect, item, now=now, lang=lang, metrics=self.metrics,
                       slim=item.session.id in self.slim_ids, most_title_lines=self.most_title_lines)

    def cut_texts(self, row_rect: QRect, items: list[SessionItem]) -> list[str]:
        """What a row's cards would elide as painted now: a title that needs more lines than the
        card gives it, a slim card's title, or a room line (type · room · floor; a slim card's
        until · room · floor) that needs more lines than it gets. For the layout-fit test:
        painted text is not a label it can measure."""
        if not items:
            return []
        m = self.metrics
        lang = self.ui.language
        out = []
        for rect, item in zip(self.card_rects(row_rect, items), items):
            s = item.session
            title = s.title.get(lang)
            width = m.text_width(rect.width())
            meta = self._meta_cut(m, item, width, self.most_title_lines)
            if meta is not None:
                out.append(f"{s.id}: room line {meta!r} elided on its card {width}px wide")
            if item.session.id in self.slim_ids:
                shown = m.slim_title_lines(title, width, self.most_title_lines)
                if shown < m.slim_title_lines(title, width, 99) or (
                        shown == 1 and QFontMetrics(m.time).horizontalAdvance(title) > width):
                    out.append(f"{s.id}: title {title!r} elided on its slim card {width}px wide")
                continue
            if m.compact:
                shown = m.title_lines_for(title, width, self.most_title_lines)
                needed = m.title_lines_for(title, width, 99)
                if needed > shown:
                    out.append(f"{s.id}: title {title!r} needs {needed} lines, the card gives {shown} "
                               f"({width}px wide)")
        return out

    def session_at(self, row_rect: QRect, items: list[SessionItem], pos) -> str | None:
        for rect, item in zip(self.card_rects(row_rect, items), items):
            if rect.contains(pos):
                return item.session.id
        return None

    def editorEvent(self, event, model, option, index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            items = index.data(SessionsRole) or []
            session_id = self.session_at(option.rect, items, event.position().toPoint())
            if session_id:
                self.sessionActivated.emit(session_id)
                return True
        return False
