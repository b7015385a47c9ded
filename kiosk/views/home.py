"""The attract screen: event, clock, what is on now and next, and the way in."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout, QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from kiosk.models import agenda

from . import phrases
from .first_frame import AfterFirstFrame
from .programme import Programme
from .qt_flags import ALIGN_RIGHT, ALIGN_VCENTER
from .session_card import GAP
from .session_models import SessionListModel, SessionsRole
from .widgets import SessionList, WrappingButton, label


#: a session this long is on "all day" (the exhibition, matchmaking): a slim card on Home
ALL_DAY = timedelta(hours=5)


def _at_top(widget: QWidget) -> QVBoxLayout:
    """``widget`` at the top of its row: what ``addWidget(w, 0, Qt.AlignmentFlag.AlignTop)``
    does, without the ``Qt`` namespace's enums on the first frame (qt_flags.py)."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    return column


class NowNextPanel(QFrame):
    """A titled grid of session cards; the home screen picks its number of columns so that
    every card shows without scrolling (``needed_height``)."""

    def __init__(self, ui, parent=None) -> None:
        super().__init__(parent)
        self.title = label(role="sectionTitle")
        self.empty = label(role="onDarkMuted", wrap=True)
        self.model = SessionListModel(self)
        self.list = SessionList(ui, compact=True)
        self.list.setModel(self.model)
        self.items: list = []
        self.slim_ids: frozenset[str] = frozenset()
        self.columns = 1
        self.list.card_delegate.columns = 1
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(8)
        self.box.addWidget(self.title)
        self.box.addWidget(self.empty)
        self.box.addWidget(self.list, 1)

    def set_items(self, items, empty_text: str, slim_ids=frozenset()) -> None:
        slim_ids = frozenset(slim_ids)
        relayout = slim_ids != self.slim_ids
        self.items = list(items)
        self.slim_ids = slim_ids
        self.list.card_delegate.slim_ids = slim_ids
        self.empty.setText(empty_text)
        self.empty.setVisible(not items)
        self._apply(relayout)

    def set_columns(self, columns: int, title_lines: int = 1, title_px: int | None = None) -> None:
        delegate = self.list.card_delegate
        if (columns, title_lines, title_px) != (self.columns, delegate.most_title_lines, delegate.title_px):
            self.columns = columns
            delegate.columns = columns
            delegate.most_title_lines = title_lines
            delegate.title_px = title_px
            self._apply(True)

    def rows(self, columns: int) -> list[list]:
        """Cards ``columns`` to a line; the slim (all-day) ones after the others, on lines of their own."""
        full = [i for i in self.items if i.session.id not in self.slim_ids]
        slim = [i for i in self.items if i.session.id in self.slim_ids]
        return ([full[k:k + columns] for k in range(0, len(full), columns)]
                + [slim[k:k + columns] for k in range(0, len(slim), columns)])

    def _apply(self, relayout: bool) -> None:
        self.model.set_rows(self.rows(self.columns))
        if relayout:
            self.list.scheduleDelayedItemsLayout()
            self.list.viewport().update()

    def needed_height(self, width: int, columns: int, title_lines: int = 1, title_px: int | None = None) -> int:
        """The height this panel needs ``width`` wide with ``columns`` cards a line and titles on
        up to ``title_lines`` lines ``title_px`` high: title, then every card (or the "nothing on" line)."""
        h = self.title.sizeHint().height() + self.box.spacing()
        if not self.items:
            return h + self.empty.heightForWidth(width)
        return h + self.list.card_delegate.rows_height(self.rows(columns), width, columns, title_lines, title_px) \
            + 2 * self.list.frameWidth()

    def cut_titles(self, width: int, columns: int, title_lines: int, title_px: int | None = None) -> int:
        """How many card titles would be cut laid out so."""
        return self.list.card_delegate.rows_cut(self.rows(columns), width, columns, title_lines, title_px)

    def fit_problems(self) -> list[str]:
        """Painted text the cards elide as shown now (the layout-fit test asks every widget
        that has this method)."""
        out = []
        for row in range(self.model.rowCount()):
            index = self.model.index(row)
            out.extend(self.list.card_delegate.cut_texts(self.list.visualRect(index),
                                                          self.model.data(index, SessionsRole) or []))
        return out

    def hidden_cards(self) -> list[str]:
        """The sessions whose card is not wholly inside the list's visible area (none, on a fitted
        home screen)."""
        view = self.list.viewport().rect()
        out = []
        for row in range(self.model.rowCount()):
            index = self.model.index(row)
            rect = self.list.visualRect(index)
            items = self.model.data(index, SessionsRole) or []
            for card, item in zip(self.list.card_delegate.card_rects(rect, items), items):
                if not view.contains(card):
                    out.append(item.session.id)
        return out


class _ListsBox(QWidget):
    """The area the two lists share: fitting them starts from its size."""

    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class HomeScreen(QWidget):
    openAgenda = Signal()
    openExhibitors = Signal()
    openStaff = Signal()
    openSession = Signal(str)
    openChanges = Signal()
    openMyDay = Signal()
    openBoard = Signal()
    badgeScanned = Signal(str)      # a badge held to the scanner on Home: that person's "my day"

    def __init__(self, ui, programme: Programme, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        # seen on Xvfb: a badge scanned on Home did nothing; visitors hold it up wherever they are.
        # The reader is an application-wide event filter (and its module reads Qt.Key): made just
        # after the first frame (first_frame.py) — nobody scans a badge at a screen not yet shown.
        self.wedge = None
        AfterFirstFrame.later(self._listen_for_badges)
        self.programme = programme
        self.event_info = programme.event

        self.name = label(role="heading", wrap=True)
        self.subtitle = label(role="onDarkMuted", wrap=True)
        self.theme_label = label(role="onDark", wrap=True)
        self.clock = label(role="heading")
        # by property name, in integers: no Python enum of the Qt namespace on the first frame (qt_flags.py)
        self.clock.setProperty("alignment", ALIGN_RIGHT | ALIGN_VCENTER)
        self.date = label(role="onDarkMuted")
        self.date.setProperty("alignment", ALIGN_RIGHT)

        # a row each: the name beside the clock, the subtitle beside the date (the name does not
        # wrap to make room for the date), then the theme
        header = QVBoxLayout()
        header.setSpacing(4)
        first = QHBoxLayout()
        first.addWidget(self.name, 1)
        first.addLayout(_at_top(self.clock))
        second = QHBoxLayout()
        second.addWidget(self.subtitle, 1)
        second.addLayout(_at_top(self.date))
        header.addLayout(first)
        header.addLayout(second)
        self._header_rows = (first, second)
        header.addWidget(self.theme_label)

        self.now_panel = NowNextPanel(ui)
        self.next_panel = NowNextPanel(ui)
        for panel in (self.now_panel, self.next_panel):
            panel.list.card_delegate.sessionActivated.connect(self.openSession)
        self.lists_box = _ListsBox()
        self.lists = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.lists_box)
        self.lists.setContentsMargins(0, 0, 0, 0)
        self.lists.setSpacing(24)
        self.lists.addWidget(self.now_panel, 1)
        self.lists.addWidget(self.next_panel, 1)
        self.lists_box.resized.connect(self._fit)

        # four tiles: one row in landscape, two by two in portrait; their words wrap (a tile
        # keeps its text whole in every language and with larger text)
        self.agenda_tile = WrappingButton()
        self.agenda_tile.clicked.connect(self.openAgenda)
        self.exhibitors_tile = WrappingButton()
        self.exhibitors_tile.clicked.connect(self.openExhibitors)
        self.my_day_tile = WrappingButton()
        self.my_day_tile.clicked.connect(self.openMyDay)
        self.board_tile = WrappingButton()
        self.board_tile.clicked.connect(self.openBoard)
        self.tile_buttons = (self.agenda_tile, self.exhibitors_tile, self.my_day_tile, self.board_tile)
        for tile in self.tile_buttons:
            tile.setProperty("role", "tile")
            # a row of tiles is as tall as its tallest (wrapped) label: a fixed-height button
            # would cap the row at one line
            tile.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.tiles = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.tiles.setSpacing(24)
        self.tiles.addWidget(self.agenda_tile, 1)
        self.tiles.addWidget(self.exhibitors_tile, 1)
        self.tiles2 = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.tiles2.setSpacing(24)
        self.tiles2.addWidget(self.my_day_tile, 1)
        self.tiles2.addWidget(self.board_tile, 1)
        self.tile_rows = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.tile_rows.setSpacing(24)
        self.tile_rows.addLayout(self.tiles, 1)
        self.tile_rows.addLayout(self.tiles2, 1)

        self.venue = label(role="onDarkMuted", wrap=True)
        self.changes_button = QPushButton()
        self.changes_button.setProperty("role", "bar")
        self.changes_button.clicked.connect(self.openChanges)
        self.staff = QPushButton()
        self.staff.setProperty("role", "discreet")
        self.staff.clicked.connect(self.openStaff)
        footer = QHBoxLayout()
        footer.addWidget(self.venue, 1)
        footer.addWidget(self.changes_button)
        footer.addWidget(self.staff)

        root = QVBoxLayout(self)
        root.setContentsMargins(40, 24, 40, 12)
        root.setSpacing(18)
        root.addLayout(header)
        root.addWidget(self.lists_box, 1)
        root.addLayout(self.tile_rows)
        root.addLayout(footer)

        self._portrait: bool | None = None
        ui.secondTick.connect(self._tick)
        ui.minuteTick.connect(lambda _now: self.refresh())
        ui.languageChanged.connect(lambda _lang: self.retranslate())
        ui.themeChanged.connect(self._theme_changed)
        self._style_tiles()
        self.retranslate()

    # -- orientation: side by side in landscape, stacked in portrait
    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        if portrait != self._portrait:
            self._portrait = portrait
            direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
            self.lists.setDirection(direction)
            self.tile_rows.setDirection(direction)
            self._unfix()
            self._style_tiles()
        self._compose_header()
        super().resizeEvent(event)

    def _compose_header(self) -> None:
        """Portrait: the subtitle and the theme on lines of their own. Landscape: the theme
        follows the subtitle on its line when both fit, and is left out when not (the height
        goes to the cards)."""
        lang = self.ui.language
        subtitle = self.event_info.subtitle.get(lang)
        theme_text = (self.event_info.theme.get(lang) or "").strip()
        theme = f"“{theme_text}”" if theme_text else ""     # an imported event has none: no stray “”
        self.theme_label.setText(theme)
        if self._portrait or self._portrait is None:
            self.subtitle.setText(subtitle)
            self.theme_label.setVisible(bool(theme))
            return
        room = self.width() - 80 - max(24, self._header_rows[1].spacing()) - self.date.sizeHint().width()
        both = "  ·  ".join(x for x in (subtitle, theme) if x)
        one_line = self.subtitle.fontMetrics().horizontalAdvance(both) <= room
        self.subtitle.setText(both if one_line else subtitle)
        self.theme_label.setVisible(False)

    def _theme_changed(self, _theme) -> None:
        self._style_tiles()
        self._compose_header()
        QTimer.singleShot(0, self, self._fit)     # after the new sizes are in place

    def _style_tiles(self) -> None:
        theme = self.ui.theme
        # a clear gap between the name and the clock (and the subtitle and the date) at every
        # text size: with larger text in portrait the name ended a few px before the clock
        for row in self._header_rows:
            if row.spacing() != theme.px(32):
                row.setSpacing(theme.px(32))
        # the tiles' words at title size (not heading size): four of them on one landscape row
        style = (f"min-height: {theme.px(84)}px; font-size: {theme.title}px;"
                 f" padding: 4px {theme.px(24)}px;")
        for tile in self.tile_buttons:
            if tile.styleSheet() != style:
                tile.setStyleSheet(style)

    def _unfix(self) -> None:
        self.now_panel.setMinimumHeight(0)
        self.now_panel.setMaximumHeight(16_777_215)

    #: a card narrower than this truncates its title too much: the grid stops adding columns
    MIN_CARD = 480

    def _fit(self) -> None:
        """Choose the number of card columns for "On now" and "Next hour" so that every card
        shows without scrolling: one column while they fit, more when many sessions run at once.
        Landscape: the lists side by side, their widths in proportion to their columns (or
        another split when that keeps a title whole); titles on up to three lines, a step smaller
        only when a title would be cut otherwise.
        Portrait: stacked, "On now" exactly as tall as its cards, "Next hour" the rest."""
        width, height = self.lists_box.width(), self.lists_box.height()
        if width <= 0 or height <= 0:
            return
        portrait = self._portrait if self._portrait is not None else self.height() > self.width()
        gap = self.lists.spacing()
        with_next = not self.next_panel.isHidden()
        now, nxt = self.now_panel, self.next_panel

        def card_width(panel_width: int, cols: int) -> int:
            return (panel_width - GAP * (cols - 1)) // cols

        # the title's size: the theme's, then smaller steps (never below the body text) when a
        # title would be cut at the theme's size
        theme = self.ui.theme
        sizes = [None] + [px for px in (round(theme.title * 0.9), round(theme.title * 0.8)) if px >= theme.body]
        choices = []
        combos = [(nc, xc, lines, px) for nc in (1, 2, 3) for xc in ((1, 2) if with_next else (1,))
                  for lines in (3, 2, 1) for px in sizes]
        # landscape: the lists share the width in proportion to their columns, or in a few
        # other proportions ("wider columns": at 15:30 three next-hour cards in a third of the
        # width cut the keynote's title while "On now" had room to spare)
        splits = [None] if portrait or not with_next else [None, (1, 1), (2, 3), (3, 2), (1, 2), (2, 1)]

        def consider(nc: int, xc: int, lines: int, px: int | None, split) -> None:
            share = (nc, xc) if split is None else split
            if split is not None and split[0] * xc == split[1] * nc:
                return                       # the same as the proportional split
            if portrait or not with_next:
                now_w, next_w = width, width
            else:
                now_w = (width - gap) * share[0] // sum(share)
                next_w = width - gap - now_w
            if (nc > 1 and card_width(now_w, nc) < self.MIN_CARD) or (
                    xc > 1 and card_width(next_w, xc) < self.MIN_CARD):
                return
            # (measured a little narrower than planned: the layout's split may differ by a few px,
            # and a title that wraps there must not push the last card out of sight)
            hn = now.needed_height(now_w - 24, nc, lines, px)
            hx = nxt.needed_height(next_w - 24, xc, lines, px) if with_next else 0
            fits_now = hn <= (height - gap - nxt.title.sizeHint().height() if portrait and with_next else height)
            fits_all = (hn + gap + hx <= height) if portrait and with_next else max(hn, hx) <= height
            if lines > 1 and not fits_all:
                return                       # a second title line only when every card still shows
            cut = now.cut_titles(now_w - 24, nc, lines, px) + (
                nxt.cut_titles(next_w - 24, xc, lines, px) if with_next else 0)
            # every card whole first; then no title cut; then the fewest columns, the largest
            # title and the most title lines
            choices.append((not fits_all, not fits_now, cut, nc + xc, -(px or theme.title), -lines,
                            split is not None, nc, xc, hn, px, share))

        # the theme's title size and the proportional split first; the other splits and sizes
        # only when a card hides or a title is cut there (most minutes, and the start, stop here)
        for nc, xc, lines, px in combos:
            if px is None:
                consider(nc, xc, lines, None, None)
        if not choices or min(choices)[:3] != (False, False, 0):
            for nc, xc, lines, px in combos:
                for split in splits:
                    if px is not None or split is not None:
                        consider(nc, xc, lines, px, split)
        if not choices:
            choices.append((True, True, 0, 2, 0, -1, False, 1, 1, 0, None, (1, 1)))
        _a, now_short, _cut, _t, _size, minus_lines, _split, nc, xc, hn, px, share = min(choices)
        now.set_columns(nc, -minus_lines, px)
        nxt.set_columns(xc, -minus_lines, px)
        if portrait or not with_next:
            self.lists.setStretch(0, 1)
            self.lists.setStretch(1, 1)
        else:
            self.lists.setStretch(0, share[0])
            self.lists.setStretch(1, share[1])
        if portrait and with_next and not now_short:
            now.setMinimumHeight(hn)
            now.setMaximumHeight(hn)
            self.lists.setStretch(0, 0)
        else:
            self._unfix()

    def fit_report(self) -> dict:
        """What the fitting chose and which cards (if any) are hidden: for tests and renders."""
        return {"now_columns": self.now_panel.columns, "next_columns": self.next_panel.columns,
                "title_lines": self.now_panel.list.card_delegate.most_title_lines,
                "title_px": self.now_panel.list.card_delegate.title_px,
                "now_hidden": self.now_panel.hidden_cards(), "next_hidden": self.next_panel.hidden_cards()}

    def _tick(self, now) -> None:
        text = now.strftime("%H:%M")
        if self.clock.text() != text:
            self.clock.setText(text)

    def _listen_for_badges(self) -> None:
        from .wedge import WedgeInput

        self.wedge = WedgeInput(self)
        self.wedge.scanned.connect(self.badgeScanned.emit)
        self.wedge.set_active(self.isVisible())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.wedge is not None:
            self.wedge.set_active(True)

    def hideEvent(self, event) -> None:
        if self.wedge is not None:
            self.wedge.set_active(False)
        super().hideEvent(event)

    def retranslate(self) -> None:
        lang = self.ui.language
        self.name.setText(self.event_info.name.get(lang))
        self._compose_header()
        venue = self.event_info.venue_name.get(lang) or ""
        self.venue.setText(venue)          # an imported conference names no venue: nothing, not HICO
        self.venue.setVisible(bool(venue.strip()))
        for tile, text in ((self.agenda_tile, QCoreApplication.translate("Home", "Agenda  ›")),
                           (self.exhibitors_tile, QCoreApplication.translate("Home", "Exhibitors && floor map  ›")),
                           (self.my_day_tile, QCoreApplication.translate("Home", "My day (badge)  ›")),
                           (self.board_tile, QCoreApplication.translate("Home", "Business matchmaking  ›"))):
            # the chevron stays with the last word when the words wrap
            words = text.replace("&&", "&").strip()
            if words.endswith("›"):
                words = words.rstrip(" ›") + "\u00a0›"
            tile.set_label(words)
        self.staff.setText(QCoreApplication.translate("Home", "Staff"))
        self.refresh()

    def refresh(self) -> None:
        now = self.ui.now()
        self.clock.setText(now.strftime("%H:%M"))
        self.date.setText(phrases.day_label(now.date()) + " · " + phrases.zone_label(self.event_info.timezone, now))
        items = self.programme.items()
        by_id = {i.session.id: i for i in items}
        # today's and later days' changes: a move on a day that is over is no news to a visitor
        changed = sum(1 for i in items if i.session.changed and not agenda.on_a_past_day(i.session, now))
        self.changes_button.setText(QCoreApplication.translate("Home", "What changed (%n)", "", changed))
        self.changes_button.setVisible(changed > 0)
        nn = agenda.now_and_next([i.session for i in items], now)
        self.now_panel.title.setText(QCoreApplication.translate("Home", "On now"))
        # Short, specific sessions first; all-day ones (exhibition, matchmaking) after them.
        running = sorted(nn.now, key=lambda s: (s.end - s.start, s.start))
        sessions = [i.session for i in items if not i.session.cancelled]
        nothing_now = QCoreApplication.translate("Home", "Nothing is on right now.")
        if sessions and now < min(s.start for s in sessions):
            first = min(s.start for s in sessions)
            # before the fair: say when it starts (on 10 June "Coming up" alone reads as today)
            nothing_now = (QCoreApplication.translate("Home", "The fair starts %1 at %2.")
                           .replace("%1", phrases.relative_day(first.date(), now.astimezone(first.tzinfo).date()))
                           .replace("%2", phrases.hhmm(first)))
        ended = bool(sessions) and now >= max(s.end for s in sessions)
        if ended:
            nothing_now = QCoreApplication.translate("Home", "The fair has ended — thank you for coming.")
        # all-day sessions (the exhibition, matchmaking) on slim cards: they are on all day,
        # their room is what matters
        all_day = {s.id for s in running if s.end - s.start >= ALL_DAY}
        self.now_panel.set_items([by_id[s.id] for s in running], nothing_now, all_day)
        self.next_panel.setVisible(not ended)
        if nn.next or not nn.later:
            self.next_panel.title.setText(QCoreApplication.translate("Home", "Next hour"))
            upcoming = nn.next
        else:
            self.next_panel.title.setText(QCoreApplication.translate("Home", "Coming up"))
            upcoming = nn.later
        self.next_panel.set_items([by_id[s.id] for s in upcoming],
                                  QCoreApplication.translate("Home", "Nothing more is scheduled."))
        self._fit()
