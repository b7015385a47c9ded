"""The meetings desk (staff and volunteers, behind the PIN): the day's meetings by start time
then table, the slot on now at the top and the ended ones above it (still markable); scan both badges at the table (or one, and mark the other side absent); held and
no-show; move a meeting to another table or slot — each through the domain's verbs, one
transaction with its audit row, offline. A live count of held / no-show / open per hour."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QBoxLayout, QComboBox, QFrame, QGridLayout, QHBoxLayout, QListView, QListWidget,
    QListWidgetItem, QPushButton, QScrollArea, QStyledItemDelegate, QVBoxLayout, QWidget,
)

from kiosk.models.errors import KioskError

from . import phrases, theme
from .matchmaking_board import meeting_cell
from .wedge import WedgeInput
from .switching import when_shown
from .widgets import label, make_kinetic

MeetingRole = Qt.ItemDataRole.UserRole
#: how a row is drawn for a meeting that has ended, is on now, or is later (background, text):
#: ended rows greyed (6.9:1), the slot on now in light blue with bold text (13.9:1)
ROW_COLOURS = {"ended": ("#e4e8ee", "#3b4657"), "now": ("#d6e8ff", "#14213d"), "later": ("#ffffff", "#14213d")}


class RowDelegate(QStyledItemDelegate):
    """Paints a row's own background (ended, on now) under the style sheet's item rule, which
    otherwise ignores it; a selected row keeps the style sheet's dark selection."""

    def paint(self, painter, option, index) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        # asked of the view, not of option.state: touching QStyle's flags makes PySide6 build every
        # QStyle enum on the first paint (~3,000 Python objects the memory checks see appear late)
        if brush is not None and not self.parent().selectionModel().isSelected(index):
            painter.fillRect(option.rect, brush)
        super().paint(painter, option, index)


class DeskList(QListWidget):
    """The desk's list keeps the row at its top where it is whenever its rows are laid out again
    (rotation, larger text, the panel's relayout after opening, a refresh): word-wrapped rows
    change height, and a kept pixel offset would land somewhere else in the day."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._anchor = None          # (meeting id at the top, its top's offset in px, ≤ 0)
        self._hold = False
        self.verticalScrollBar().valueChanged.connect(self._moved)

    def top(self):
        """(the meeting id of the row at the top of the view, its top's offset) or None."""
        item = self.itemAt(4, 1)
        return None if item is None else (item.data(MeetingRole), self.visualItemRect(item).top())

    def _moved(self, _value) -> None:
        if not self._hold:           # a finger (or a scroll to a row) moved the list: a new anchor
            self._anchor = self.top()

    def keep(self, anchor) -> None:
        self._anchor = anchor

    def doItemsLayout(self) -> None:
        if self._hold:               # being emptied and filled again (a refresh): it places the rows after
            super().doItemsLayout()
            return
        self._hold = True
        try:
            super().doItemsLayout()
            found = self._anchor is not None and self._put_on_top(*self._anchor)
        finally:
            self._hold = False
        if not found:
            self._anchor = self.top()

    def _put_on_top(self, meeting_id, offset) -> bool:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(MeetingRole) == meeting_id:
                self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() - offset)
                return True
        return False


def place_order(place: str) -> tuple:
    """Tables and rooms in reading order: "T2" before "T10" (numbers compared as numbers)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", place))


def desk_order(meetings) -> list:
    """The desk's list: by start time, then table (or room); cancelled meetings left out."""
    return sorted((m for m in meetings if m.status != "cancelled"), key=lambda m: (m.start, place_order(m.place), m.id))


def phase(m, now) -> str:
    """``ended``, ``now`` (on at ``now``) or ``later``."""
    if m.end <= now:
        return "ended"
    return "now" if m.start <= now else "later"


def desk_row(m, now, lang: str) -> str:
    """One row of the desk's list: "10:30–11:00  T3  · Ended", the two sides, and what is marked
    (an ended meeting nobody marked says so: staff mark it held or no-show after the slot)."""
    first, _, rest = meeting_cell(m, lang, public=False).partition("\n")
    when = phase(m, now)
    text = f"{first}  {m.place}"
    if when == "ended":
        text += "  · " + QCoreApplication.translate("Meetings", "Ended")
    elif when == "now":
        text += "  · " + QCoreApplication.translate("Meetings", "On now")
    text += "\n" + rest
    if when == "ended" and m.status == "planned":
        text += "\n· " + QCoreApplication.translate("Meetings", "Not marked yet")
    return text


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
        #: who is unlocked (set by the window when the desk opens): the audit rows record it
        self.role: str | None = None
        #: "Others absent" waits for a second tap naming who will be marked (ids of the meeting)
        self._confirm_absent: tuple[str, tuple[str, ...]] | None = None

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

        self.list = DeskList()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # moved by the finger, pixel by pixel (a row at a time jumped under it); a drag never selects
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAutoScroll(False)     # a refresh keeps the staff member's place in the list
        self.list.itemClicked.connect(lambda item: self.select(item.data(MeetingRole)))
        # rows a finger's size (72 px at least), readable from a metre (the screen's body text)
        self.list.setStyleSheet("QListWidget { background:#ffffff; color:#14213d; } "
                                f"QListWidget::item {{ border-bottom: 1px solid #c5cedb; padding: 6px 8px; "
                                f"min-height: {theme.TOUCH_MIN}px; }} "
                                # the selected row drew as an empty light-blue box (white text on it)
                                "QListWidget::item:selected { background:#14213d; color:#ffffff; }")
        self.list.setItemDelegate(RowDelegate(self.list))
        make_kinetic(self.list)
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
        self._picked_for = None             # the meeting for which staff picked a table in it
        self.table_choice.activated.connect(lambda _i: setattr(self, "_picked_for", self.meeting_id))
        self.table_choice.setMinimumHeight(theme.TOUCH_MIN)      # a finger's size, as the buttons beside it
        # its popup rows too (they were 27 px, and the selected row drew as an empty light-blue box)
        self.table_choice.setView(QListView())
        self.table_choice.setStyleSheet(
            f"QComboBox {{ padding: 0 16px; background:#eef2f7; color:#14213d; border:2px solid #5a7394; "
            f"border-radius:12px; }} "
            f"QComboBox QAbstractItemView {{ background:#ffffff; color:#14213d; outline:0; }} "
            f"QComboBox QAbstractItemView::item {{ min-height:{theme.TOUCH_MIN}px; padding: 0 16px; "
            f"color:#14213d; }} "
            f"QComboBox QAbstractItemView::item:selected {{ background:#14213d; color:#ffffff; }}")
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self.move_to_table)
        self.earlier_button = QPushButton()
        self.earlier_button.clicked.connect(lambda: self.shift(-1))
        self.later_button = QPushButton()
        self.later_button.clicked.connect(lambda: self.shift(1))
        pbox = QVBoxLayout(panel)
        # the meeting's details in an area of fixed height: selecting a meeting (or a message after
        # a tap) must not push the buttons down under the finger (a tap aimed at the table picker
        # hit "Others absent" when they moved 64 px)
        details = QWidget()
        details.setObjectName("MeetingDetails")
        details.setStyleSheet("QWidget#MeetingDetails { background: transparent; }")
        dbox = QVBoxLayout(details)
        dbox.setContentsMargins(0, 0, 0, 0)
        for w in (self.message, self.title, self.people, self.status):
            dbox.addWidget(w)
        dbox.addStretch(1)
        self.details = QScrollArea()
        self.details.setWidget(details)
        self.details.setWidgetResizable(True)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setStyleSheet("QScrollArea { background: transparent; }")
        pbox.addWidget(self.details)
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
        #: the next start or end of a meeting after the last refresh: before it a minute tick
        #: changes nothing on the list (a day of 10,000 meetings takes ~0.5 s to list again)
        self._next_change = None
        self._listed_day = None
        ui.minuteTick.connect(self._minute)
        ui.languageChanged.connect(lambda _l: when_shown(self, "retranslate", self.retranslate))
        self.retranslate()

    def _fix_details_height(self) -> None:
        """Room for a message, the title (two lines), four people and the status, in the
        current font (larger text included); more scrolls inside the area."""
        line = self.title.fontMetrics().lineSpacing()
        self.details.setFixedHeight(line * 9 + 24)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._fix_details_height()

    def resizeEvent(self, event) -> None:
        self._fix_details_height()
        portrait = self.height() > self.width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.body.setStretch(1, 0 if portrait else 1)     # portrait: the list takes the height the panel does not need
        super().resizeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.wedge.set_active(True)
        self.refresh(to_now=True)          # opened: the slot on now at the top, earlier ones above it

    def hideEvent(self, event) -> None:
        self.wedge.set_active(False)
        super().hideEvent(event)

    def _back(self) -> None:
        if self.back_to is not None and self.parentWidget() is not None:
            self.parentWidget().setCurrentWidget(self.back_to)

    # ---------------------------------------------------------------- reading
    def _minute(self, now) -> None:
        """A minute tick: the list again only on show and when a meeting started or ended since
        (or the day turned); a hidden desk is listed again when it is next shown."""
        if not self.isVisible():
            return
        if self._listed_day == now.date() and self._next_change is not None and now < self._next_change:
            return
        if self._listed_day == now.date() and self._next_change is None:
            return                                  # every meeting of the day has ended
        self.refresh()

    def refresh(self, *, to_now: bool = False) -> None:
        """The day's meetings by start time then table: the ended ones first (greyed, "Ended",
        still markable: a no-show is often only certain after the slot), the slot on now, then
        later ones. ``to_now``: scroll so the first meeting not yet ended is at the top;
        otherwise the list keeps its place (a minute tick must not move it under a finger)."""
        now = self.ui.now()
        lang = self.ui.language
        self.list.keep(self.list.top())
        self.list._hold = True            # emptied and filled again: the anchor stays
        self.list.clear()
        first_open = None
        self._listed_day, self._next_change = now.date(), None
        for m in desk_order(self.mm.meetings(day=now.date())):
            when = phase(m, now)
            for edge in (m.start, m.end):
                if edge > now and (self._next_change is None or edge < self._next_change):
                    self._next_change = edge
            item = QListWidgetItem(desk_row(m, now, lang))
            item.setData(MeetingRole, m.id)
            background, text = ROW_COLOURS[when]
            item.setBackground(QBrush(QColor(background)))
            item.setForeground(QBrush(QColor(text)))
            if when == "now":
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if first_open is None and when != "ended":
                first_open = item
        for i in range(self.list.count()):
            if self.list.item(i).data(MeetingRole) == self.meeting_id:
                self.list.setCurrentRow(i)            # the selection stays marked after a refresh
                break
        self.list._hold = False
        kept = self.list._anchor
        self.list.doItemsLayout()                  # the row that was at the top is again
        if to_now or kept is None or self.list._anchor != kept:
            self.list.keep(None)
            if first_open is not None:
                self.list.scrollToItem(first_open, QAbstractItemView.ScrollHint.PositionAtTop)
            else:
                self.list.scrollToBottom()            # the day is over: its last meetings in view
            self.list.keep(self.list.top())
        hours = self.mm.hourly_counts(now.date())
        self.counts.setText("\n".join(
            QCoreApplication.translate("Meetings", "%1:00  held %2 · no-show %3 · open %4")
            .replace("%1", f"{c.hour:02d}").replace("%2", str(c.held)).replace("%3", str(c.no_show))
            .replace("%4", str(c.open)) for c in hours))
        self._show_selected()

    def select(self, meeting_id: str) -> None:
        if meeting_id != self.meeting_id:
            self._picked_for = None         # the table picker starts at the new meeting's own table
        self.meeting_id = meeting_id
        self._confirm_absent = None
        self.message.clear()
        self._show_selected()

    def _show_selected(self) -> None:
        m = self.mm.meeting(self.meeting_id) if self.meeting_id else None
        for w in (self.absent_button, self.held_button, self.no_show_button, self.move_button,
                  self.earlier_button, self.later_button, self.table_choice):
            w.setEnabled(m is not None)
        self._show_absent_button(m)
        if m is None:
            self.title.setText(QCoreApplication.translate("Meetings", "Scan a badge at a table, or pick a meeting."))
            self.people.clear()
            self.status.clear()
            return
        lang = self.ui.language
        self.title.setText(f"{m.place}  {meeting_cell(m, lang, public=False)}")
        started = self.ui.now() >= m.start
        arrived = QCoreApplication.translate("Meetings", "arrived")
        lines = []
        for p in self.mm.participants(m.id):
            who = phrases.attendee_type(p.side) if p.side in ("buyer", "exhibitor") else p.side
            mark = {"present": "✔", "absent": "✘", "expected": "…"}[p.attendance]
            early = f" · {arrived}" if p.attendance == "present" and not started else ""
            lines.append(f"{mark} {p.name} ({who}){early}")
        unlisted = self.mm.unlisted_sides(m.id)
        for side in unlisted:   # a party with nobody registered: no badge will account for it
            lines.append("? " + QCoreApplication.translate("Meetings", "%1 (%2): nobody registered").replace(
                "%1", self._party(m, side)).replace("%2", phrases.attendee_type(side)))
        self.people.setText("\n".join(lines))
        names = {"planned": QCoreApplication.translate("Meetings", "planned"),
                 "moved": QCoreApplication.translate("Meetings", "moved"),
                 "cancelled": QCoreApplication.translate("Meetings", "cancelled"),
                 "held": QCoreApplication.translate("Meetings", "held"),
                 "no_show": QCoreApplication.translate("Meetings", "no-show")}
        status = QCoreApplication.translate("Meetings", "Status: %1").replace("%1", names[m.display_status])
        if not started:
            status += " · " + QCoreApplication.translate("Meetings", "starts at %1").replace("%1", f"{m.start:%H:%M}")
        elif self.ui.now() >= m.end:
            status += " · " + QCoreApplication.translate("Meetings", "ended at %1").replace("%1", f"{m.end:%H:%M}")
        elif unlisted and m.status == "planned":
            status += " · " + QCoreApplication.translate("Meetings", "tap Held when both sides are at the table")
        self.status.setText(status)
        # the picker shows the meeting's own table (a stranger saw T01 whatever was selected, one tap
        # from moving the meeting there); a table staff picked stays while the same meeting is shown
        picked = self.table_choice.currentText() if self._picked_for == m.id else ""
        self.table_choice.blockSignals(True)
        self.table_choice.clear()
        self.table_choice.addItems(list(self.mm.tables()))
        self.table_choice.setCurrentText(picked or m.table_id or "")
        if not (picked or m.table_id):
            self.table_choice.setCurrentIndex(-1)       # in a room, not at a table: nothing preset
        self.table_choice.blockSignals(False)

    # ---------------------------------------------------------------- writing (domain verbs)
    def _show_absent_button(self, m) -> None:
        """"Others absent" only once the meeting has started and someone has been scanned (with
        nobody scanned it would mark everyone absent: that is "No-show"); a first tap asks."""
        if self._confirm_absent is not None and (m is None or self._confirm_absent[0] != m.id):
            self._confirm_absent = None
        if m is None:
            self.absent_button.setText(QCoreApplication.translate("Meetings", "Others absent"))
            return
        people = self.mm.participants(m.id)
        ok = (self.ui.now() >= m.start and any(p.attendance == "present" for p in people)
              and any(p.attendance == "expected" for p in people) and m.status != "cancelled")
        self.absent_button.setEnabled(ok)
        if self._confirm_absent is not None:
            n = len(self._confirm_absent[1])
            self.absent_button.setText(QCoreApplication.translate("Meetings", "Yes, mark %n absent", "", n))
        else:
            self.absent_button.setText(QCoreApplication.translate("Meetings", "Others absent"))

    def _party(self, m, side: str) -> str:
        """The company on one side of a meeting, in the desk's language."""
        name = m.buyer_name if side == "buyer" else m.exhibitor_name
        return name.get(self.ui.language) if name is not None else phrases.attendee_type(side)

    @property
    def _role(self) -> str:
        return self.role or "volunteer"

    def _done(self, text: str) -> None:
        self._confirm_absent = None
        self.message.setText(text)
        self.refresh()

    def _refused(self, exc: KioskError) -> None:
        self._confirm_absent = None
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
        target = self.meeting_id
        if attendee.id not in ids:
            day = self.mm.my_day(attendee, now)
            if day.next_meeting is None:
                self.message.setText(QCoreApplication.translate("Meetings", "%1 has no meeting now.").replace(
                    "%1", attendee.name))
                return
            target = day.next_meeting.id
        try:
            self.ops.mark_meeting_attendance(target, present=[attendee.id], by="", role=self._role)
        except KioskError as exc:
            self._refused(exc)
            return
        m = self.mm.meeting(target)
        where = f"{m.place} {m.start:%H:%M}–{m.end:%H:%M}"
        if now < m.start:
            text = QCoreApplication.translate("Meetings", "%1 has arrived for %2 (it starts at %3).")
            text = text.replace("%3", f"{m.start:%H:%M}")
        else:
            text = QCoreApplication.translate("Meetings", "%1 is here: counted for %2.")
        text = text.replace("%1", attendee.name).replace("%2", where)
        unlisted = self.mm.unlisted_sides(m.id)
        if unlisted and now >= m.start and self.mm.meeting(m.id).status == "planned":
            # not "Held": the other party has nobody registered, so no badge can say they came
            text += " " + QCoreApplication.translate(
                "Meetings", "Nobody is registered for %1 at this meeting: tap Held when they are at the table.").replace(
                "%1", ", ".join(self._party(m, side) for side in unlisted))
        if self.meeting_id is not None and target != self.meeting_id:
            # said, not done silently: the desk now shows the meeting the scan was counted for
            text += " " + QCoreApplication.translate("Meetings", "(Not the meeting that was selected: now showing theirs.)")
        self.meeting_id = target
        self._done(text)

    def others_absent(self) -> None:
        """First tap: name who would be marked absent and ask again; second tap: mark them (the
        same people — anyone scanned meanwhile is left out)."""
        if not self.meeting_id:
            return
        people = self.mm.participants(self.meeting_id)
        expected = tuple(p.attendee_id for p in people if p.attendance == "expected")
        if self._confirm_absent is None or self._confirm_absent[0] != self.meeting_id:
            if not expected:
                return
            self._confirm_absent = (self.meeting_id, expected)
            names = ", ".join(p.name for p in people if p.attendee_id in expected)
            self.message.setText(QCoreApplication.translate(
                "Meetings", "Mark absent: %1? Tap the button again to confirm.").replace("%1", names))
            self._show_absent_button(self.mm.meeting(self.meeting_id))
            return
        absent = [a for a in self._confirm_absent[1] if a in expected]
        self._confirm_absent = None
        try:
            self.ops.mark_meeting_attendance(self.meeting_id, present=[], absent=absent, by="", role=self._role)
        except KioskError as exc:
            self._refused(exc)
            self._show_selected()
            return
        n = len(absent)
        self._done(QCoreApplication.translate("Meetings", "Marked absent: %n", "", n))

    def _status(self, status: str) -> None:
        if not self.meeting_id:
            return
        try:
            self.ops.set_meeting_status(self.meeting_id, status, by="", role=self._role)
        except KioskError as exc:
            self._refused(exc)
            return
        self._done(QCoreApplication.translate("Meetings", "Saved."))

    def move_to_table(self) -> None:
        if not self.meeting_id:
            return
        target = self.table_choice.currentText()
        if not target or target == self.mm.meeting(self.meeting_id).table_id:
            self.message.setText(QCoreApplication.translate("Meetings", "Pick another table first."))
            return
        try:
            self.ops.move_meeting(self.meeting_id, table=target, by="", role=self._role)
        except KioskError as exc:
            self._refused(exc)
            return
        self._done(QCoreApplication.translate("Meetings", "Moved."))

    def shift(self, slots: int) -> None:
        if not self.meeting_id:
            return
        m = self.mm.meeting(self.meeting_id)
        try:
            self.ops.move_meeting(self.meeting_id, start=m.start + slots * self.mm.slot, by="", role=self._role)
        except KioskError as exc:
            self._refused(exc)
            return
        self._done(QCoreApplication.translate("Meetings", "Moved."))

    def reset_for_next_staff(self) -> None:
        """Locked: no meeting selected, no old message."""
        self.meeting_id = None
        self._confirm_absent = None
        self.message.clear()
        self.list.clearSelection()
        self.refresh(to_now=True)

    def retranslate(self) -> None:
        self.message.clear()              # "Saved." in the old language is not left behind
        self._confirm_absent = None
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

