"""The volunteers' schedule desk: pick a session, change room, times, notice or status, save.

Changes are staged on screen and saved as one edit (one transaction, one audit row). A save
that would put two sessions in one room, or a session in a smaller room, shows why first and
asks again."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout, QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from kiosk.models import agenda
from kiosk.models.errors import KioskError
from kiosk.models.schedule import NOTICE_PRESETS

from . import phrases
from .widgets import kinetic_scroll, label, make_kinetic
from .switching import when_shown

EDITABLE_ROOM_KINDS = ("hall", "meeting", "lounge", "stage", "exhibition", "entrance")


class ScheduleDesk(QWidget):
    lockRequested = Signal()
    openCheckIn = Signal()
    openMeetings = Signal()
    edited = Signal()

    def __init__(self, ui, programme, ops, *, health=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.health = health
        self.ui = ui
        self.programme = programme
        self.ops = ops
        self.device_id = ops.device_id
        self.role: str | None = None
        self.session_id: str | None = None
        self.pending: dict = {}
        self.confirming = False
        days = programme.event.days

        self.heading = label(role="heading", wrap=True)
        self.day_group = QButtonGroup(self)
        day_row = QHBoxLayout()
        self.day_buttons = []
        for i, day in enumerate(days):
            b = QPushButton()
            b.setCheckable(True)
            b.setProperty("role", "bar")
            b.clicked.connect(lambda _=False, d=day: self.show_day(d))
            self.day_group.addButton(b, i)
            self.day_buttons.append(b)
            day_row.addWidget(b)
        self.sessions = QListWidget()
        self.sessions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sessions.itemClicked.connect(lambda item: self.select(item.data(Qt.ItemDataRole.UserRole)))
        make_kinetic(self.sessions)
        left = QVBoxLayout()
        left.addWidget(self.sessions, 1)

        panel = QFrame()
        panel.setObjectName("Panel")
        self.title = label(wrap=True)
        self.status_line = label(wrap=True)
        self.room_title = label()
        self.room_grid = QGridLayout()
        self.room_grid.setSpacing(6)
        self.room_group = QButtonGroup(self)
        self.room_buttons: dict[str, QPushButton] = {}
        rooms = [r for r in programme.rooms.values() if r.kind in EDITABLE_ROOM_KINDS]
        for i, room in enumerate(rooms):
            b = QPushButton(room.id)
            b.setCheckable(True)
            b.setMinimumHeight(64)
            b.setStyleSheet("padding: 0 4px; font-size: 18px;")
            b.clicked.connect(lambda _=False, r=room.id: self._set("room_id", r))
            self.room_group.addButton(b)
            self.room_buttons[room.id] = b
            self.room_grid.addWidget(b, i // 8, i % 8)
        self.time_title = label()
        self.start_label = label()
        self.end_label = label()
        # each row says what it moves: "Start" and "End", then − steps, the time, + steps
        self.start_row_label = label(wrap=True)
        self.end_row_label = label(wrap=True)
        time_grid = QGridLayout()
        time_grid.setColumnStretch(3, 1)
        rows = (("start", self.start_row_label, self.start_label), ("end", self.end_row_label, self.end_label))
        for row, (what, name, lab) in enumerate(rows):
            time_grid.addWidget(name, row, 0)
            for col, minutes in enumerate((-15, -5)):
                b = QPushButton(f"−{-minutes}")
                b.clicked.connect(lambda _=False, w=what, m=minutes: self._shift(w, m))
                time_grid.addWidget(b, row, 1 + col)
            time_grid.addWidget(lab, row, 3, Qt.AlignmentFlag.AlignCenter)
            for col, minutes in enumerate((5, 15)):
                b = QPushButton(f"+{minutes}")
                b.clicked.connect(lambda _=False, w=what, m=minutes: self._shift(w, m))
                time_grid.addWidget(b, row, 4 + col)
        self.notice_title = label()
        notice_row = QGridLayout()
        self.preset_buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(NOTICE_PRESETS + ("",)):
            b = QPushButton()
            b.clicked.connect(lambda _=False, k=key: self._set("notice", k))
            self.preset_buttons[key] = b
            notice_row.addWidget(b, i // 2, i % 2)
        self.notice_text = QLineEdit()
        self.notice_text.setMinimumHeight(64)
        self.notice_text.textEdited.connect(lambda text: self._set("notice", text))
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._toggle_cancel)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self._revert)
        self.by = QLineEdit()
        self.by.setMinimumHeight(64)
        self.reason = QLineEdit()
        self.reason.setMinimumHeight(64)
        self.warnings = label(wrap=True)
        self.save_button = QPushButton()
        self.save_button.setMinimumHeight(80)
        self.save_button.clicked.connect(self.save)
        self.result = label(wrap=True)
        pbox = QVBoxLayout(panel)
        pbox.setContentsMargins(24, 20, 24, 20)
        pbox.setSpacing(10)
        pbox.addWidget(self.title)
        pbox.addWidget(self.status_line)
        pbox.addWidget(self.room_title)
        pbox.addLayout(self.room_grid)
        pbox.addWidget(self.time_title)
        pbox.addLayout(time_grid)
        pbox.addWidget(self.notice_title)
        pbox.addLayout(notice_row)
        pbox.addWidget(self.notice_text)
        actions = QVBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.revert_button)
        pbox.addLayout(actions)
        who = QHBoxLayout()
        who.addWidget(self.by)
        who.addWidget(self.reason, 2)
        pbox.addLayout(who)
        pbox.addStretch(1)
        self.panel = panel

        self.undo_button = QPushButton()
        self.undo_button.setProperty("role", "bar")
        self.undo_button.clicked.connect(self.undo)
        self.checkin_button = QPushButton()
        self.checkin_button.setProperty("role", "bar")
        self.checkin_button.clicked.connect(self.openCheckIn)
        self.meetings_button = QPushButton()
        self.meetings_button.setProperty("role", "bar")
        self.meetings_button.clicked.connect(self.openMeetings)
        self.lock_button = QPushButton()
        self.lock_button.setProperty("role", "bar")
        self.lock_button.clicked.connect(self.lockRequested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.undo_button)
        top.addWidget(self.meetings_button)
        top.addWidget(self.checkin_button)
        top.addWidget(self.lock_button)
        # The form is taller than a landscape screen with large text: it scrolls, while the
        # warnings, Save and its result stay in view below it.
        scroll = kinetic_scroll(panel, guard_taps=True)
        self.form = scroll
        scroll.installEventFilter(self)
        # before a session is picked: only this prompt (the empty form drew its rows of room
        # buttons over one another on a real screen, and Save had no words)
        self.prompt = label(role="sectionTitle", wrap=True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.prompt, 1)
        right.addWidget(scroll, 1)
        # a staged change says it is not saved yet, and what Save will do (Cancel only flipped
        # its button to Reinstate, and the list row did not change)
        self.unsaved = label(wrap=True)
        self.unsaved.hide()
        right.addWidget(self.unsaved)
        right.addWidget(self.warnings)
        right.addWidget(self.save_button)
        right.addWidget(self.result)
        # side by side in landscape; the session list above the form in portrait
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(20)
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        self.body = body
        # staff mode is about to lock itself with a change not saved: a countdown, red, on top
        self.idle_banner = label(wrap=True)
        self.idle_banner.setStyleSheet("background:#b00020; color:#ffffff; font-weight:700; padding:10px 16px;"
                                       " border-radius:10px;")
        self.idle_banner.hide()
        self._idle_left = 0
        self._idle_tick = QTimer(self)
        self._idle_tick.setInterval(1000)
        self._idle_tick.timeout.connect(self._count_down)
        root = QVBoxLayout(self)
        root.setContentsMargins(28, 16, 28, 16)
        root.addWidget(self.idle_banner)
        root.addLayout(top)
        root.addLayout(day_row)
        root.addLayout(body, 1)
        ui.languageChanged.connect(lambda lang: when_shown(self, "language", lambda: self._language_changed(lang)))
        ui.themeChanged.connect(lambda _t: when_shown(self, "retranslate", self.retranslate))
        self.day = self.today()
        self.retranslate()
        self.show_day(self.day)

    def set_compact(self, on: bool) -> None:
        """While the on-screen keyboard takes the bottom of the screen: the day tabs step aside,
        and the field being typed in stays in view above the keyboard (the notice field was
        off-screen under it, the form showing Start/End and half-cut presets)."""
        self._compact = on
        for b in self.day_buttons:
            b.setVisible(not on)
        self._keep_focus_in_view()

    def _keep_focus_in_view(self) -> None:
        """After the layout settles (the form has just shrunk): scroll the form to the focused field."""
        focused = QApplication.focusWidget()
        panel = self.form.widget()
        if focused is not None and panel is not None and panel.isAncestorOf(focused):
            QTimer.singleShot(0, lambda: self.form.ensureWidgetVisible(focused, 0, 16))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.form and event.type() == QEvent.Type.Resize:
            self._keep_focus_in_view()       # the form got shorter (keyboard, rotation): keep the field in sight
        return False

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    def today(self):
        """The event day the desk opens on: today's, by the kiosk's clock."""
        return agenda.event_day(self.ui.now(), self.programme.event.days, self.programme.tz)

    # ---------------------------------------------------------------- text
    def _language_changed(self, _lang: str) -> None:
        self.result.clear()               # "Saved." / "저장했습니다…" in the old language is not left behind
        self.retranslate()

    def retranslate(self) -> None:
        theme = self.ui.theme
        self.heading.setText(QCoreApplication.translate("Editor", "Room and time changes"))
        for day, b in zip(self.programme.event.days, self.day_buttons):
            b.setText(phrases.day_label(day))
        self.room_title.setText(QCoreApplication.translate("Editor", "Room"))
        self.time_title.setText(QCoreApplication.translate("Editor", "Start (the end moves with it) and end"))
        self.notice_title.setText(QCoreApplication.translate("Editor", "Notice"))
        self.start_row_label.setText(QCoreApplication.translate("Editor", "Start"))
        self.end_row_label.setText(QCoreApplication.translate("Editor", "End"))
        for key, b in self.preset_buttons.items():
            b.setText(phrases.notice_text(key) if key else QCoreApplication.translate("Editor", "No notice"))
        self.notice_text.setPlaceholderText(QCoreApplication.translate("Editor", "Or type a notice (any language)"))
        self.by.setPlaceholderText(QCoreApplication.translate("Editor", "Your name"))
        self.reason.setPlaceholderText(QCoreApplication.translate("Editor", "Why (optional)"))
        self.revert_button.setText(QCoreApplication.translate("Editor", "Back to the printed programme"))
        self.undo_button.setText(QCoreApplication.translate("Editor", "Undo last edit"))
        self.checkin_button.setText(QCoreApplication.translate("Editor", "Check-in desk"))
        self.meetings_button.setText(QCoreApplication.translate("Editor", "Meetings"))
        self.lock_button.setText(QCoreApplication.translate("Staff", "Lock"))
        for w in (self.title,):
            w.setStyleSheet(f"font-size:{theme.title}px; font-weight:700;")
        for w in (self.room_title, self.time_title, self.notice_title, self.start_row_label, self.end_row_label):
            w.setStyleSheet(f"font-size:{theme.body}px; font-weight:700;")
        for w in (self.start_label, self.end_label):
            w.setStyleSheet(f"font-size:{theme.title}px; font-weight:700; min-width: 120px;")
        self.sessions.setStyleSheet(f"QListWidget {{ background: {theme.p.surface}; color: {theme.p.text};"
                                    f" border-radius: 12px; font-size: {theme.body}px; }}"
                                    f" QListWidget::item {{ min-height: 72px; padding: 4px 12px;"
                                    f" border-bottom: 1px solid {theme.p.border}; }}"
                                    f" QListWidget::item:selected {{ background: {theme.p.accent}; color: {theme.p.accent_text}; }}")
        self._fill_list()
        self._show_pending()

    def warn_idle_lock(self, seconds: int) -> None:
        """Staff mode locks itself in ``seconds`` (0: touched, no lock coming). Said only when a
        change is staged and not saved — the lock would discard it."""
        self._idle_left = seconds
        if seconds > 0 and self.pending and self.isVisible():
            self._show_idle_banner()
            self._idle_tick.start()
        else:
            self._idle_tick.stop()
            self.idle_banner.hide()

    def _count_down(self) -> None:
        self._idle_left -= 1
        if self._idle_left <= 0 or not self.pending:
            self.warn_idle_lock(0)
        else:
            self._show_idle_banner()

    def _show_idle_banner(self) -> None:
        left = self._idle_left  # lupdate only sees %n when n is a plain name
        self.idle_banner.setText(QCoreApplication.translate("Editor", "Not saved: this desk locks in %n s and the change will be lost. Touch the screen, then tap Save.", "", left))
        self.idle_banner.show()

    def reset_for_next_staff(self) -> None:
        """Locked: nothing of the last person's work is left — no session selected, nothing
        staged, the form scrolled back, no old result line; the desk opens on today."""
        self.session_id = None
        self.pending = {}
        self.confirming = False
        for w in (self.notice_text, self.by, self.reason):
            w.clear()
        self.result.clear()
        self.form.verticalScrollBar().setValue(0)
        self.sessions.scrollToTop()
        self.warn_idle_lock(0)
        self.show_day(self.today())
        self._show_pending()

    def set_role(self, role: str | None) -> None:
        self.role = role
        self.checkin_button.setVisible(role == "staff")
        if role is None:
            self.discard()
        if role is not None and self.session_id is None:
            self.show_day(self.today())   # a desk unlocked on 15 June opens on 15 June

    def discard(self) -> None:
        """The desk locked (idle or Lock): an unsaved change is dropped, as the countdown said it
        would be, and the next person starts from the prompt. Seen on Xvfb: after the idle lock
        the volunteer who came back found the old change still staged, one tap from Save."""
        self.pending = {}
        self.confirming = False
        self.session_id = None
        self.result.setText("")
        self.warn_idle_lock(0)
        self._fill_list()
        self._show_pending()

    # ---------------------------------------------------------------- list
    def show_day(self, day) -> None:
        self.day = day
        self.day_buttons[self.programme.event.days.index(day)].setChecked(True)
        self._fill_list()

    def _fill_list(self) -> None:
        lang = self.ui.language
        self.sessions.clear()
        for s in self.programme.repo.sessions(self.day):
            marks = []
            # in words ("[101→204 ±17:20]" read as a riddle)
            if s.cancelled:
                marks.append(QCoreApplication.translate("Editor", "cancelled"))
            if s.moved:
                marks.append(QCoreApplication.translate("Editor", "moved from %1").replace("%1", s.published_room_id or "—"))
            if s.retimed:
                marks.append(QCoreApplication.translate("Editor", "was %1").replace(
                    "%1", phrases.time_range(s.published_start, s.published_end)))
            room = self.programme.rooms.get(s.room_id or "")
            if room is not None and room.not_on_plan:   # created by a schedule import: staff should place it
                marks.append(QCoreApplication.translate("Editor", "room not on the floor plan yet"))
            # what changed sits on the first line, before the title: an elided title never hides it
            first = f"{phrases.time_range(s.start, s.end)}  · {s.room_id or '—'}" + (f"   · {' · '.join(marks)}" if marks else "")
            item = QListWidgetItem(f"{first}\n{s.title.get(lang)}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.sessions.addItem(item)
            if s.id == self.session_id:
                item.setSelected(True)

    def refresh(self) -> None:
        """Another device changed the schedule: show it (a pending edit keeps what was typed)."""
        self._fill_list()
        if self.session_id and not self.pending:
            self.select(self.session_id)

    # ---------------------------------------------------------------- staging
    def select(self, session_id: str) -> None:
        if session_id != self.session_id:
            self.result.setText("")
        self.session_id = session_id
        for i in range(self.sessions.count()):
            item = self.sessions.item(i)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) == session_id)
        self.pending = {}
        self.confirming = False
        self._show_pending()

    def _state(self) -> dict | None:
        if self.session_id is None:
            return None
        s = self.programme.repo.session(self.session_id)
        if s is None:
            return None
        base = {"room_id": s.room_id, "start": s.start, "end": s.end,
                "status": s.status.value, "notice": s.notice, "published": s}
        return {**base, **self.pending}

    def _set(self, key: str, value) -> None:
        if self.session_id is None:
            return
        self.pending[key] = value
        self.confirming = False
        self._show_pending()

    def _shift(self, which: str, minutes: int) -> None:
        state = self._state()
        if state is None:
            return
        delta = timedelta(minutes=minutes)
        if which == "start":
            self.pending["start"] = state["start"] + delta
            self.pending["end"] = state["end"] + delta
        else:
            self.pending["end"] = state["end"] + delta
        self.confirming = False
        self._show_pending()

    def _toggle_cancel(self) -> None:
        state = self._state()
        if state is not None:
            self._set("status", "scheduled" if state["status"] == "cancelled" else "cancelled")

    def _revert(self) -> None:
        state = self._state()
        if state is None:
            return
        p = state["published"]
        self.pending = {"room_id": p.published_room_id, "start": p.published_start, "end": p.published_end,
                        "status": "scheduled", "notice": "", "revert": True}
        self.notice_text.setText("")
        self._show_pending()

    def _show_pending(self) -> None:
        state = self._state()
        self.panel.setEnabled(state is not None)
        for w in (self.form, self.save_button):
            w.setVisible(state is not None)
        self.prompt.setVisible(state is None)
        self.save_button.setText(QCoreApplication.translate("Editor", "Save anyway") if self.confirming
                                 else QCoreApplication.translate("Editor", "Save"))
        if state is None:
            # the list is on the left in landscape and above in portrait: said without a side
            self.prompt.setText(QCoreApplication.translate("Editor", "Pick a session in the list to change its room, "
                                                                     "time or notice."))
            self.title.setText("")
            for w in (self.status_line, self.start_label, self.end_label, self.warnings):
                w.setText("")
            self.warnings.setVisible(False)
            self.unsaved.setVisible(False)
            return
        p = state["published"]
        lang = self.ui.language
        self.title.setText(p.title.get(lang))
        status = (QCoreApplication.translate("Editor", "Printed: %1, %2").replace("%1", p.published_room_id or "—")
                  .replace("%2", phrases.time_range(p.published_start, p.published_end)))
        if getattr(p, "room_assumed", False):   # staff see what the data only assumed; visitors do not
            status += " · " + QCoreApplication.translate("Editor", "room assumed for this demo")
        self.status_line.setText(status)
        for room_id, b in self.room_buttons.items():
            b.setChecked(room_id == state["room_id"])
        self.start_label.setText(state["start"].strftime("%H:%M"))
        self.end_label.setText(state["end"].strftime("%H:%M"))
        self.cancel_button.setText(QCoreApplication.translate("Editor", "Reinstate") if state["status"] == "cancelled" else QCoreApplication.translate("Editor", "Cancel session"))
        for key, b in self.preset_buttons.items():
            b.setStyleSheet("font-weight:800; border: 3px solid #ff6a00;" if key == state["notice"] else "")
        # one notice on screen, the one Save keeps: a preset (or none) empties the typed field, a
        # typed notice lights no preset (a typed "늦음" and a lit "만석" showed together, and Save
        # kept the text)
        typed = "" if (state["notice"] or "") in self.preset_buttons else state["notice"]
        if self.notice_text.text() != typed:
            self.notice_text.setText(typed)
        dirty = bool(self.pending)
        self.save_button.setEnabled(dirty)
        cue = ""
        if dirty:
            cue = QCoreApplication.translate("Editor", "Not saved yet — tap Save.")
            p_status = self.pending.get("status")
            if p_status == "cancelled" and p.status.value != "cancelled":
                cue += " " + QCoreApplication.translate("Editor", "Saving cancels this session on every screen.")
            elif p_status == "scheduled" and p.status.value == "cancelled":
                cue += " " + QCoreApplication.translate("Editor", "Saving puts this session back on every screen.")
        self.unsaved.setText(cue)
        self.unsaved.setStyleSheet(self._boxed("text"))
        self.unsaved.setVisible(bool(cue))
        self.save_button.setText(QCoreApplication.translate("Editor", "Save anyway") if self.confirming else QCoreApplication.translate("Editor", "Save"))
        if not self.confirming:
            self._show_warnings()
        self.result.setVisible(bool(self.result.text()))

    def _show_warnings(self) -> None:
        """What a save would warn about, shown while editing (a taken room, too few seats, an
        end before the start), not only after Save."""
        text = ""
        if self.pending:
            try:
                warnings = self.ops.plan_edit(self.session_id, **self._change())[3]
                text = "\n".join("⚠ " + w.message for w in warnings)
            except KioskError as exc:
                text = "⚠ " + self._refusal(exc)
        self.warnings.setText(text)
        self.warnings.setStyleSheet(self._boxed("danger"))
        self.warnings.setVisible(bool(text))

    def _refusal(self, exc) -> str:
        """A refused edit in the volunteer's language where the refusal is one staff can act on
        (a wrong device clock: nothing is saved, the organiser must set it)."""
        if exc.code == "clock_outside_event":
            return QCoreApplication.translate("Editor", "Not saved: this device's clock says %1; ask the organiser.") \
                .replace("%1", self.ui.now().strftime("%Y-%m-%d"))
        return exc.message

    def _boxed(self, colour: str) -> str:
        """Messages below the form sit on the dark screen: a light box keeps them readable."""
        theme = self.ui.theme
        return (f"color:{getattr(theme.p, colour)}; font-weight:700; background:{theme.p.surface};"
                f" border-radius: 8px; padding: 6px 10px;")

    def _change(self) -> dict:
        """The staged values as a change against the session as it is now."""
        from kiosk.operations import staged_change

        return staged_change(self.programme.repo.session(self.session_id), self._state(),
                             revert=bool(self.pending.get("revert")))

    def save(self) -> None:
        """One edit, one transaction, one audit row. Warnings are shown first; a second tap
        saves anyway."""
        if self.session_id is None or not self.pending:
            return
        change = self._change()
        from kiosk.operations import Confirm

        try:
            done = self.ops.save_staged_edit(self.session_id, change, confirmed=self.confirming,
                                             by=self.by.text().strip(), role=self.role or "volunteer",
                                             reason=self.reason.text().strip())
            if isinstance(done, Confirm):      # warnings first; the second tap saves anyway
                self.confirming = True
                self._show_pending()
                self._show_warnings()
                return
        except KioskError as exc:
            self.result.setText(self._refusal(exc))
            self.result.setStyleSheet(self._boxed("danger"))
            self.result.setVisible(True)
            return
        except Exception as exc:  # sqlite3.Error: disk full, read-only, locked
            from kiosk.models.errors import is_busy

            if self.health is not None:
                self.health.write_failed(exc)     # (a lock held by another process is not reported as a fault)
            self.result.setText(
                QCoreApplication.translate("Editor", "Not saved: another device was saving. Tap Save again.")
                if is_busy(exc) else
                QCoreApplication.translate("Editor", "Not saved: %1").replace("%1", str(exc)[:160]))
            self.result.setStyleSheet(self._boxed("danger"))
            self.result.setVisible(True)
            return
        self.pending = {}
        self.confirming = False
        self.result.setText(QCoreApplication.translate("Editor", "Saved. Every screen shows it now."))
        self.result.setStyleSheet(self._boxed("now"))
        self._fill_list()
        self._show_pending()
        self.edited.emit()

    def _session_title(self, session_id: str) -> str:
        """A session as staff know it (its title), not its internal id."""
        s = self.programme.repo.session(session_id)
        return s.title.get(self.ui.language) if s is not None else session_id

    def undo(self) -> None:
        result = self.ops.undo_edit(by=self.by.text().strip(), role=self.role or "volunteer")
        self.result.setStyleSheet(self._boxed("text"))
        self.result.setText(QCoreApplication.translate("Editor", "Nothing to undo.") if result is None else
                            QCoreApplication.translate("Editor", "Undone: %1").replace("%1", self._session_title(result.session_id)))
        self.pending = {}
        self._fill_list()
        self._show_pending()
        self.edited.emit()
