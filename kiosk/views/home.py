"""The attract screen: event, clock, what is on now and next, and the way in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget,
)

from kiosk.models import agenda

from . import phrases
from .programme import Programme
from .session_models import SessionListModel
from .widgets import SessionList, label


class NowNextPanel(QFrame):
    def __init__(self, ui, parent=None) -> None:
        super().__init__(parent)
        self.title = label(role="sectionTitle")
        self.empty = label(role="onDarkMuted", wrap=True)
        self.model = SessionListModel(self)
        self.list = SessionList(ui, compact=True)
        self.list.setModel(self.model)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(self.title)
        box.addWidget(self.empty)
        box.addWidget(self.list, 1)

    def set_items(self, items, empty_text: str) -> None:
        self.model.set_items(items)
        self.empty.setText(empty_text)
        self.empty.setVisible(not items)


class HomeScreen(QWidget):
    openAgenda = Signal()
    openExhibitors = Signal()
    openStaff = Signal()
    openSession = Signal(str)
    openChanges = Signal()
    openMyDay = Signal()
    openBoard = Signal()

    def __init__(self, ui, programme: Programme, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.programme = programme
        self.event_info = programme.event

        self.name = label(role="heading", wrap=True)
        self.subtitle = label(role="onDarkMuted", wrap=True)
        self.theme_label = label(role="onDark", wrap=True)
        self.clock = label(role="heading")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date = label(role="onDarkMuted")
        self.date.setAlignment(Qt.AlignmentFlag.AlignRight)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.subtitle)
        titles.addWidget(self.theme_label)
        header.addLayout(titles, 1)
        clock_box = QVBoxLayout()
        clock_box.addWidget(self.clock)
        clock_box.addWidget(self.date)
        clock_box.addStretch(1)
        header.addLayout(clock_box)

        self.now_panel = NowNextPanel(ui)
        self.next_panel = NowNextPanel(ui)
        for panel in (self.now_panel, self.next_panel):
            panel.list.card_delegate.sessionActivated.connect(self.openSession)
        self.lists = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.lists.setSpacing(24)
        self.lists.addWidget(self.now_panel, 1)
        self.lists.addWidget(self.next_panel, 1)

        self.agenda_tile = QPushButton()
        self.agenda_tile.setProperty("role", "tile")
        self.agenda_tile.clicked.connect(self.openAgenda)
        self.exhibitors_tile = QPushButton()
        self.exhibitors_tile.setProperty("role", "tile")
        self.exhibitors_tile.clicked.connect(self.openExhibitors)
        self.tiles = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.tiles.setSpacing(24)
        self.my_day_tile = QPushButton()
        self.my_day_tile.setProperty("role", "tile")
        self.my_day_tile.clicked.connect(self.openMyDay)
        self.board_tile = QPushButton()
        self.board_tile.setProperty("role", "tile")
        self.board_tile.clicked.connect(self.openBoard)
        self.tiles.addWidget(self.agenda_tile, 1)
        self.tiles.addWidget(self.exhibitors_tile, 1)
        self.tiles2 = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.tiles2.setSpacing(24)
        self.tiles2.addWidget(self.my_day_tile, 1)
        self.tiles2.addWidget(self.board_tile, 1)

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
        root.setContentsMargins(40, 28, 40, 16)
        root.setSpacing(20)
        root.addLayout(header)
        root.addLayout(self.lists, 1)
        root.addLayout(self.tiles)
        root.addLayout(self.tiles2)
        root.addLayout(footer)

        ui.secondTick.connect(self._tick)
        ui.minuteTick.connect(lambda _now: self.refresh())
        ui.languageChanged.connect(lambda _lang: self.retranslate())
        self.retranslate()

    # -- orientation: side by side in landscape, stacked in portrait
    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self.lists.setDirection(direction)
        # "Exhibitors & floor map" needs the full width of a portrait screen
        self.tiles.setDirection(direction)
        self.tiles2.setDirection(direction)
        self._share_lists()
        # four full-width tiles in portrait: lower ones, so "On now" keeps room for its cards
        tile_height = f"min-height: {self.ui.theme.px(96)}px;" if portrait else ""
        for tile in (self.agenda_tile, self.exhibitors_tile, self.my_day_tile, self.board_tile):
            if tile.styleSheet() != tile_height:
                tile.setStyleSheet(tile_height)
        super().resizeEvent(event)

    def _share_lists(self) -> None:
        """Stacked (portrait), each list gets height for its cards: three on now and one next
        share 3:1, so "On now" does not hide a card behind a scroll while "Next" has room."""
        portrait = self.height() > self.width()
        counts = (self.now_panel.model.rowCount(), self.next_panel.model.rowCount())
        for i, n in enumerate(counts):
            self.lists.setStretch(i, max(1, n) if portrait else 1)

    def _tick(self, now) -> None:
        text = now.strftime("%H:%M")
        if self.clock.text() != text:
            self.clock.setText(text)

    def retranslate(self) -> None:
        lang = self.ui.language
        self.name.setText(self.event_info.name.get(lang))
        self.subtitle.setText(self.event_info.subtitle.get(lang))
        self.theme_label.setText(f"“{self.event_info.theme.get(lang)}”")
        self.venue.setText(self.event_info.venue_name.get(lang))
        self.agenda_tile.setText(QCoreApplication.translate("Home", "Agenda  ›"))
        self.exhibitors_tile.setText(QCoreApplication.translate("Home", "Exhibitors && floor map  ›"))
        self.my_day_tile.setText(QCoreApplication.translate("Home", "My day (badge)  ›"))
        self.board_tile.setText(QCoreApplication.translate("Home", "Business matchmaking  ›"))
        self.staff.setText(QCoreApplication.translate("Home", "Staff"))
        self.refresh()

    def refresh(self) -> None:
        now = self.ui.now()
        self.clock.setText(now.strftime("%H:%M"))
        self.date.setText(phrases.day_label(now.date()) + " · " + QCoreApplication.translate("Home", "Korea time (KST)"))
        items = self.programme.items()
        by_id = {i.session.id: i for i in items}
        changed = sum(1 for i in items if i.session.changed)
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
        self.now_panel.set_items([by_id[s.id] for s in running], nothing_now)
        self.next_panel.setVisible(not ended)
        if nn.next or not nn.later:
            self.next_panel.title.setText(QCoreApplication.translate("Home", "Next hour"))
            upcoming = nn.next
        else:
            self.next_panel.title.setText(QCoreApplication.translate("Home", "Coming up"))
            upcoming = nn.later
        self.next_panel.set_items([by_id[s.id] for s in upcoming],
                                  QCoreApplication.translate("Home", "Nothing more is scheduled."))
        self._share_lists()
