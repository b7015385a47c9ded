"""The live agenda: day tabs, parallel sessions side by side, live change badges."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.models import agenda

from . import phrases
from .first_frame import AfterFirstFrame
from .programme import Programme
from .session_models import AgendaModel, SessionsRole
from .widgets import SessionList, label

GUTTER = 120
#: The agenda's QR code is drawn this long after the screen is built (after its first frame).
QR_AFTER_MS = 150


class AgendaScreen(QWidget):
    openSession = Signal(str)
    openChanges = Signal()

    def __init__(self, ui, programme: Programme, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.programme = programme
        self.days = programme.event.days
        self.model = AgendaModel(programme, self)
        self._scroll_pending = False

        self.heading = label(role="heading")
        self.day_group = QButtonGroup(self)
        self.day_group.setExclusive(True)
        tabs = QHBoxLayout()
        tabs.setSpacing(12)
        tabs.addWidget(self.heading, 1)
        self.changes_button = QPushButton()
        self.changes_button.setProperty("role", "bar")
        self.changes_button.clicked.connect(self.openChanges)
        tabs.addWidget(self.changes_button)
        self.day_buttons: list[QPushButton] = []
        # The day tabs sit beside the heading in landscape and on a row of their own in portrait
        # (three "Wed 14 June" tabs and "What changed" do not fit 1080 px with larger text).
        self.day_tabs = QHBoxLayout()
        self.day_tabs.setSpacing(12)
        for i, _day in enumerate(self.days):
            b = QPushButton()
            b.setCheckable(True)
            b.setProperty("role", "bar")
            # no stretch factor: a stretched tab may be squeezed below its text; expanding, the
            # tabs share a portrait row's width
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.day_group.addButton(b, i)
            self.day_buttons.append(b)
            self.day_tabs.addWidget(b)
        self.tabs = tabs
        self._portrait: bool | None = None
        self.day_group.idClicked.connect(self._day_tapped)
        # the calendar date on which a visitor tapped the tab shown; None while the kiosk chose it
        #  (reset): a tab chosen for "today" must follow the date when it rolls over (overnight)
        self._tapped_on = None
        self.legend = label(role="onDarkMuted", wrap=True)
        self.url_qr = label()
        self.url_qr.setFixedSize(110, 110)   # the QR arrives just after the first frame: no jump
        self.url_caption = label(role="onDarkMuted", wrap=True)
        self.url_caption.setMaximumWidth(320)

        self.list = SessionList(ui, gutter=GUTTER)
        self.list.setModel(self.model)
        self.list.card_delegate.sessionActivated.connect(self.openSession)

        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 8)
        root.setSpacing(12)
        root.addLayout(tabs)
        self.root = root
        self._place_day_tabs(portrait=False)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend, 1)
        legend_row.addWidget(self.url_caption)
        legend_row.addWidget(self.url_qr)
        root.addLayout(legend_row)
        root.addWidget(self.list, 1)

        ui.languageChanged.connect(lambda _l: self.retranslate())
        ui.minuteTick.connect(lambda _now: self._follow_today())   # midnight, with the agenda open
        self.retranslate()
        self.reset()

    def _place_day_tabs(self, *, portrait: bool) -> None:
        if portrait == self._portrait:
            return
        self._portrait = portrait
        parent = self.day_tabs.parent()
        if parent is not None:
            parent.removeItem(self.day_tabs)
        if portrait:
            self.root.insertLayout(1, self.day_tabs)
        else:
            self.tabs.addLayout(self.day_tabs)

    def resizeEvent(self, event) -> None:
        self._place_day_tabs(portrait=self.height() > self.width())
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Agenda", "Agenda"))
        self.changes_button.setText(QCoreApplication.translate("Agenda", "What changed"))
        url = self.programme.event.agenda_url
        if url:  # the organiser's full agenda online, to take away on a phone
            # drawn just after the first frame: the QR encoder is not needed to paint the agenda
            AfterFirstFrame.later(lambda: QTimer.singleShot(QR_AFTER_MS, self, self._draw_url_qr))
            self.url_caption.setText(QCoreApplication.translate("Agenda", "Full agenda on your phone"))
        self.url_qr.setVisible(bool(url))
        self.url_caption.setVisible(bool(url))
        self.legend.setText(QCoreApplication.translate(
            "Agenda", "Sessions side by side run at the same time. Tap a session for details and directions."))
        for day, button in zip(self.days, self.day_buttons):
            button.setText(phrases.day_label(day))

    def _draw_url_qr(self) -> None:
        from .qr import qr_pixmap

        url = self.programme.event.agenda_url
        if url:
            self.url_qr.setPixmap(qr_pixmap(url, 110))

    def today(self):
        return agenda.event_day(self.ui.now(), self.days, self.programme.tz)

    def show_day(self, day) -> None:
        self.day_buttons[self.days.index(day)].setChecked(True)
        self.model.set_day(day)
        # Row heights depend on the list's width: scroll once the list is laid out.
        self._scroll_pending = True
        if self.isVisible():
            QTimer.singleShot(0, self._scroll_if_pending)

    def _day_tapped(self, i: int) -> None:
        self._tapped_on = self.ui.now().astimezone(self.programme.tz).date()
        self.show_day(self.days[i])

    def _follow_today(self) -> None:
        """The day the kiosk chose (not a visitor) follows the calendar: after an overnight the
        first visitor's agenda opens on today, not on the day of the last idle reset. A tab the
        visitor tapped today stays."""
        today = self.ui.now().astimezone(self.programme.tz).date()
        if self._tapped_on is not None and self._tapped_on != today:
            self._tapped_on = None
        if self._tapped_on is None and self.model.day != self.today():
            self.show_day(self.today())

    def showEvent(self, event) -> None:
        self._follow_today()
        super().showEvent(event)
        QTimer.singleShot(0, self._scroll_if_pending)

    def _scroll_if_pending(self) -> None:
        if self._scroll_pending and self.isVisible():
            self._scroll_pending = False
            self.list.doItemsLayout()
            self.scroll_to_now()

    def reset(self) -> None:
        """Back to today, scrolled to what is on (idle reset)."""
        self._tapped_on = None
        self.show_day(self.today())

    def refresh(self) -> None:
        """Re-read sessions (live change), keeping the visitor's scroll position."""
        bar = self.list.verticalScrollBar()
        position = bar.value()
        self.model.refresh()
        self.list.doItemsLayout()
        bar.setValue(position)

    def scroll_to_now(self) -> None:
        """Open at what matters now: the first row with a session that has not ended and
        started at most two hours ago (so an all-day exhibition does not pin the view
        to 10:00); else the first row not yet over."""
        now = self.ui.now()
        rows = [self.model.index(r, 0).data(SessionsRole) for r in range(self.model.rowCount())]
        recent = now - timedelta(hours=2)
        for test in (lambda s: s.end > now and s.start >= recent, lambda s: s.end > now):
            for row, items in enumerate(rows):
                if any(test(i.session) for i in items):
                    self.list.scrollTo(self.model.index(row, 0), SessionList.ScrollHint.PositionAtTop)
                    return
        self.list.scrollToTop()
