"""The meetings desk (staff and volunteers, behind the PIN): the meetings on now and next at
every table; scan both badges at the table (or one, and mark the other side absent); held and
no-show; move a meeting to another table or slot — each through the domain's verbs, one
transaction with its audit row, offline. A live count of held / no-show / open per hour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout, QComboBox, QFrame, QGridLayout, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from kiosk.models.errors import KioskError

from . import phrases
from .matchmaking_board import meeting_cell
from .wedge import WedgeInput
from .widgets import label

MeetingRole = Qt.ItemDataRole.UserRole


class MeetingDesk(QWidget):
    lockRequested = Signal()

    def __init__(self, ui, ops, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.ops = ops
        self.mm = ops.matchmaking          # reads; every write goes through ops (audit, change bus)
        self.meeting_id: str | None = None
        self.back_to = None

        self.heading = label(role="heading")
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "bar")
        self.back_button.clicked.connect(self._back)
        self.lock_button = QPushButton()
        self.lock_button.setProperty("role", "bar")
        self.lock_button.clicked.connect(self.lockRequested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.back_button)
        top.addWidget(self.lock_button)

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(lambda item: self.select(item.data(MeetingRole)))
        self.list.setStyleSheet("QListWidget { background:#ffffff; color:#14213d; } "
                                "QListWidget::item { border-bottom: 1px solid #c5cedb; padding: 4px; }")
        self.counts = label(role="onDark", wrap=True)

        panel = QFrame()
        panel.setObjectName("Panel")
        self.title = label(wrap=True)
        self.people = label(wrap=True)
        self.status = label(wrap=True)
        self.message = label(wrap=True)
        self.absent_button = QPushButton()
        self.absent_button.clicked.connect(self.others_absent)
        self.held_button = QPushButton()
        self.held_button.clicked.connect(lambda: self._status("held"))
        self.no_show_button = QPushButton()
        self.no_show_button.clicked.connect(lambda: self._status("no_show"))
        self.table_choice = QComboBox()
        self.table_choice.setMinimumHeight(72)        # a finger's size, as the buttons beside it
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self.move_to_table)
        self.earlier_button = QPushButton()
        self.earlier_button.clicked.connect(lambda: self.shift(-1))
        self.later_button = QPushButton()
        self.later_button.clicked.connect(lambda: self.shift(1))
        pbox = QVBoxLayout(panel)
        for w in (self.title, self.people, self.status):
            pbox.addWidget(w)
        # two buttons a row: each keeps its words whole in every language and with larger text
        # (four in a row were cut to "Move t…" in portrait)
        buttons = QGridLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.held_button, 0, 0)
        buttons.addWidget(self.no_show_button, 0, 1)
        buttons.addWidget(self.absent_button, 1, 0, 1, 2)
        buttons.addWidget(self.table_choice, 2, 0)
        buttons.addWidget(self.move_button, 2, 1)
        buttons.addWidget(self.earlier_button, 3, 0)
        buttons.addWidget(self.later_button, 3, 1)
        pbox.addLayout(buttons)
        pbox.addWidget(self.message)
        pbox.addStretch(1)

        # side by side on a landscape screen; the list above the panel on a portrait one
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.counts)
        self.body.addLayout(left, 1)
        self.body.addWidget(panel, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 16)
        root.addLayout(top)
        root.addLayout(self.body, 1)

        self.wedge = WedgeInput(self)
        self.wedge.scanned.connect(self.scan)
        ui.minuteTick.connect(lambda _now: self.refresh())
        ui.languageChanged.connect(lambda _l: self.retranslate())
        self.retranslate()

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.body.setStretch(1, 0 if portrait else 1)     # portrait: the list takes the height the panel does not need
        super().resizeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.wedge.set_active(True)
        self.refresh()

    def hideEvent(self, event) -> None:
        self.wedge.set_active(False)
        super().hideEvent(event)

    def _back(self) -> None:
        if self.back_to is not None and self.parentWidget() is not None:
            self.parentWidget().setCurrentWidget(self.back_to)

    # ---------------------------------------------------------------- reading
    def refresh(self) -> None:
        now = self.ui.now()
        lang = self.ui.language
        self.list.clear()
        for row in self.mm.board(now):
            for m in (row.now, row.next):
                if m is None:
                    continue
                item = QListWidgetItem(f"{row.table.id}  {meeting_cell(m, lang, public=False)}")
                item.setData(MeetingRole, m.id)
                self.list.addItem(item)
        for m in self.mm.meetings(day=now.date()):
            if m.table_id is None and m.end > now and m.status != "cancelled":   # meetings in rooms
                item = QListWidgetItem(f"{m.room_id}  {phrases.time_range(m.start, m.end)}  {m.title.get(lang)}")
                item.setData(MeetingRole, m.id)
                self.list.addItem(item)
        hours = self.mm.hourly_counts(now.date())
        self.counts.setText("\n".join(
            QCoreApplication.translate("Meetings", "%1:00  held %2 · no-show %3 · open %4")
            .replace("%1", f"{c.hour:02d}").replace("%2", str(c.held)).replace("%3", str(c.no_show))
            .replace("%4", str(c.open)) for c in hours))
        self._show_selected()

    def select(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        self.message.clear()
        self._show_selected()

    def _show_selected(self) -> None:
        m = self.mm.meeting(self.meeting_id) if self.meeting_id else None
        for w in (self.absent_button, self.held_button, self.no_show_button, self.move_button,
                  self.earlier_button, self.later_button, self.table_choice):
            w.setEnabled(m is not None)
        if m is None:
            self.title.setText(QCoreApplication.translate("Meetings", "Scan a badge at a table, or pick a meeting."))
            self.people.clear()
            self.status.clear()
            return
        lang = self.ui.language
        self.title.setText(f"{m.place}  {meeting_cell(m, lang, public=False)}")
        marks = {"present": "✔", "absent": "✘", "expected": "…"}
        self.people.setText("\n".join(f"{marks[p.attendance]} {p.name} ({phrases.attendee_type(p.side) if p.side in ('buyer', 'exhibitor') else p.side})"
                                      for p in self.mm.participants(m.id)))
        names = {"planned": QCoreApplication.translate("Meetings", "planned"),
                 "moved": QCoreApplication.translate("Meetings", "moved"),
                 "cancelled": QCoreApplication.translate("Meetings", "cancelled"),
                 "held": QCoreApplication.translate("Meetings", "held"),
                 "no_show": QCoreApplication.translate("Meetings", "no-show")}
        self.status.setText(QCoreApplication.translate("Meetings", "Status: %1").replace("%1", names[m.display_status]))
        current = self.table_choice.currentText()
        self.table_choice.clear()
        self.table_choice.addItems(list(self.mm.tables()))
        if current:
            self.table_choice.setCurrentText(current)

    # ---------------------------------------------------------------- writing (domain verbs)
    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def _refused(self, exc: KioskError) -> None:
        self.message.setText(exc.message)

    def scan(self, payload: str) -> None:
        """A badge at the table: that person is present at the selected meeting, or at the one
        they are in now (or next), which is then selected."""
        now = self.ui.now()
        try:
            attendee = self.mm.attendee_for_badge(payload)
        except KioskError as exc:
            self.message.setText(QCoreApplication.translate("Meetings", "Not a valid badge (%1).").replace(
                "%1", exc.code))
            return
        ids = {p.attendee_id for p in self.mm.participants(self.meeting_id)} if self.meeting_id else set()
        if attendee.id not in ids:
            day = self.mm.my_day(attendee, now)
            if day.next_meeting is None:
                self.message.setText(QCoreApplication.translate("Meetings", "%1 has no meeting now.").replace(
                    "%1", attendee.name))
                return
            self.meeting_id = day.next_meeting.id
        try:
            self.ops.mark_meeting_attendance(self.meeting_id, present=[attendee.id], by="", role="staff")
        except KioskError as exc:
            self._refused(exc)
            return
        self._done(QCoreApplication.translate("Meetings", "%1 is here.").replace("%1", attendee.name))

    def others_absent(self) -> None:
        if not self.meeting_id:
            return
        absent = [p.attendee_id for p in self.mm.participants(self.meeting_id) if p.attendance == "expected"]
        try:
            self.ops.mark_meeting_attendance(self.meeting_id, present=[], absent=absent, by="", role="staff")
        except KioskError as exc:
            self._refused(exc)
            return
        n = len(absent)
        self._done(QCoreApplication.translate("Meetings", "Marked absent: %n", "", n))

    def _status(self, status: str) -> None:
        if not self.meeting_id:
            return
        try:
            self.ops.set_meeting_status(self.meeting_id, status, by="", role="staff")
        except KioskError as exc:
            self._refused(exc)
            return
        self._done(QCoreApplication.translate("Meetings", "Saved."))

    def move_to_table(self) -> None:
        if not self.meeting_id:
            return
        try:
            self.ops.move_meeting(self.meeting_id, table=self.table_choice.currentText(), by="", role="volunteer")
        except KioskError as exc:
            self._refused(exc)
            return
        self._done(QCoreApplication.translate("Meetings", "Moved."))

    def shift(self, slots: int) -> None:
        if not self.meeting_id:
            return
        m = self.mm.meeting(self.meeting_id)
        try:
            self.ops.move_meeting(self.meeting_id, start=m.start + slots * self.mm.slot, by="", role="volunteer")
        except KioskError as exc:
            self._refused(exc)
            return
        self._done(QCoreApplication.translate("Meetings", "Moved."))

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Meetings", "Meetings desk"))
        self.back_button.setText(QCoreApplication.translate("Meetings", "Back"))
        self.lock_button.setText(QCoreApplication.translate("Staff", "Lock"))
        self.absent_button.setText(QCoreApplication.translate("Meetings", "Others absent"))
        self.held_button.setText(QCoreApplication.translate("Meetings", "Held"))
        self.no_show_button.setText(QCoreApplication.translate("Meetings", "No-show"))
        self.move_button.setText(QCoreApplication.translate("Meetings", "Move to table"))
        self.earlier_button.setText(QCoreApplication.translate("Meetings", "− 1 slot"))
        self.later_button.setText(QCoreApplication.translate("Meetings", "+ 1 slot"))
        self.refresh()

