"""The kiosk's one window: a top bar (home, clock, languages, accessibility) over the screens,
and the idle reset that hands a clean kiosk to the next visitor."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QFrame, QHBoxLayout, QPushButton, QSizePolicy,
    QStackedWidget, QVBoxLayout, QWidget,
)

from kiosk.models.domain import LANGUAGES

from .first_frame import AfterFirstFrame
from .i18n import LANGUAGE_LABELS, apply_language_font, font_for
from .programme import Programme
from .widgets import label

VIEWS = ("home", "agenda", "exhibitors")
_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.InputMethod,
}


def release_caches() -> None:
    """Between visitors, give back what caches hold (pixmaps of booths and QR codes, freed
    heap): a kiosk runs twelve hours, and the next visitor starts from a small process."""
    import gc

    from PySide6.QtGui import QPixmapCache

    from .qr import qr_pixmap

    QPixmapCache.clear()
    qr_pixmap.cache_clear()
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: nothing to trim
        pass


class IdleWatcher(QObject):
    """Calls ``on_idle`` after ``seconds`` without a touch, click or key anywhere in the app.
    With ``warn_before`` set, ``warning`` fires that many seconds before (``touched`` on the
    next activity), so a screen can say what the coming reset would discard."""

    warning = Signal(int)
    touched = Signal()

    def __init__(self, seconds: float, on_idle, parent=None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(on_idle)
        self.timer.start()
        self.warn_before = 0.0
        self.warn_timer = QTimer(self)
        self.warn_timer.setSingleShot(True)
        self.warn_timer.timeout.connect(lambda: self.warning.emit(math.ceil(self.warn_before)))
        # just after the first frame (see first_frame.py): nobody touches a screen before it shows
        AfterFirstFrame.later(lambda: QApplication.instance().installEventFilter(self))

    def eventFilter(self, obj, event) -> bool:
        if event.type() in _ACTIVITY:
            self.timer.start()
            self._start_warning()
            self.touched.emit()
        return False

    def _start_warning(self) -> None:
        ms = self.timer.interval() - int(self.warn_before * 1000)
        if self.warn_before > 0 and ms > 0:
            self.warn_timer.start(ms)
        else:
            self.warn_timer.stop()

    def restart(self, seconds: float, *, warn_before: float = 0.0) -> None:
        """Count ``seconds`` from now (and warn ``warn_before`` seconds before the end)."""
        self.timer.setInterval(int(seconds * 1000))
        self.timer.start()
        self.warn_before = warn_before
        self._start_warning()


#: Build the visitor screens not shown first this long after start-up (after the first frame).
WARM_AFTER_MS = 1500


#: Staff mode's idle lock (s): longer than a visitor's 60 s reset — a volunteer reads the warnings
#: and types a notice — but a desk left open still locks itself in two minutes.
STAFF_IDLE_SECONDS = 120
#: Before that lock discards an unsaved change, the desk says so this long ahead (a countdown).
STAFF_IDLE_WARNING = 15


class StaffMode(QObject):
    """Who is unlocked on this kiosk (staff, volunteer or nobody), and the idle lock that comes
    with it: a desk left open locks itself after ``staff_idle_seconds`` (its own timer, longer
    than the visitor's reset), warning ``STAFF_IDLE_WARNING`` s before."""

    entered = Signal(str)
    locked = Signal()

    def __init__(self, idle: IdleWatcher, *, idle_seconds: float, staff_idle_seconds: float, parent=None) -> None:
        super().__init__(parent)
        self.idle = idle
        self.idle_seconds, self.staff_idle_seconds = idle_seconds, staff_idle_seconds
        self.idle_warning: float = STAFF_IDLE_WARNING
        self.role: str | None = None

    def enter(self, role: str) -> None:
        self.role = role
        warn = self.idle_warning if self.staff_idle_seconds > self.idle_warning else 0
        self.idle.restart(self.staff_idle_seconds, warn_before=warn)
        self.entered.emit(role)

    def lock(self) -> None:
        self.role = None
        self.idle.restart(self.idle_seconds)
        self.locked.emit()


class KioskWindow(QWidget):
    """Navigation between the screens, and the top bar. Built by :func:`kiosk.builder.build_kiosk`.

    Staff mode (:class:`StaffMode`) and the idle reset (:class:`IdleWatcher`) are objects of
    their own; screens are built when first shown (the start screen first, the visitor screens
    when the kiosk is idle after its first frame)."""

    def __init__(self, ui, repo, watcher, *, idle_seconds: float = 60, kiosk_id: str | None = None,
                 staff_idle_seconds: float = STAFF_IDLE_SECONDS, health, ops, start_view: str = "home", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("KioskRoot")
        self.setWindowTitle("InnoFair kiosk")
        self.ui = ui
        self.repo = repo
        self.programme = Programme(repo)

        # --- top bar
        bar = QFrame()
        bar.setObjectName("TopBar")
        self.home_button = QPushButton()
        self.home_button.setProperty("role", "bar")
        self.home_button.clicked.connect(self.go_home)
        self.event_name = label(role="onDark")
        # The name gives way (elided by the layout) so the bar fits a 1080 px portrait screen.
        self.event_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.event_name.setMinimumWidth(0)
        self.clock = label(role="onDark")
        self.lang_group = QButtonGroup(self)
        self.lang_buttons = {}
        self._lang_widths: dict[tuple[str, int], int] = {}
        lang_box = QHBoxLayout()
        lang_box.setSpacing(6)
        for lang in LANGUAGES:
            b = QPushButton(LANGUAGE_LABELS[lang])
            b.setCheckable(True)
            b.setProperty("role", "bar")
            b.setProperty("lang", lang)
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.lang_group.addButton(b)
            self.lang_buttons[lang] = b
            b.clicked.connect(lambda _=False, lang=lang: self._tap_language(lang))
            lang_box.addWidget(b)
        self.access_button = QPushButton()
        self.access_button.setCheckable(True)
        self.access_button.setProperty("role", "bar")
        self.access_button.toggled.connect(self._larger_toggled)
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(8)
        row.addWidget(self.home_button)
        row.addWidget(self.event_name, 1)
        row.addStretch(0)  # takes the name's place where it is hidden: the buttons keep their size
        row.addWidget(self.clock)
        row.addWidget(self.access_button)
        # The language buttons sit last, at the right edge, each as wide as its own name in its
        # own script: whatever the language, none of them moves (a second tap lands where the
        # first did).
        row.addLayout(lang_box)

        # --- screens
        self.stack = QStackedWidget()
        # its minimum height must not push the window past the screen when the keyboard's
        # reserve takes the bottom: the screens squeeze (and compact themselves) instead
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.kiosk_id = kiosk_id
        self.health = health
        self.ops = ops
        self.device_id = ops.device_id
        # Screens are built on first use: start-up paints only the first one.
        self._lazy: dict[str, QWidget] = {}
        self._detail_return = None

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(bar)
        root.addWidget(self.stack, 1)
        # the on-screen keyboard follows the kiosk's language; the screens lay out above it
        from .keyboard import KeyboardReserve, VirtualKeyboard

        self.keyboard = VirtualKeyboard(ui, self)
        self.keyboard_reserve = KeyboardReserve(self.keyboard)
        root.addWidget(self.keyboard_reserve)
        self.keyboard_reserve.coveredChanged.connect(self._keyboard_covers)
        self.stack.currentChanged.connect(lambda _i: self._show_bar_titles())

        self.watcher = watcher
        watcher.changed.connect(self.on_data_changed)
        ui.languageChanged.connect(self.retranslate)
        ui.themeChanged.connect(self.apply_theme)
        ui.secondTick.connect(self._tick)
        self.idle = IdleWatcher(idle_seconds, self._on_idle, self)
        self.staff = StaffMode(self.idle, idle_seconds=idle_seconds, staff_idle_seconds=staff_idle_seconds,
                               parent=self)
        self.staff.locked.connect(self._staff_locked)
        self.idle.warning.connect(self._staff_idle_warning)
        self.idle.touched.connect(self._staff_idle_touched)
        self.apply_theme(ui.theme)          # (retranslates the bar too)
        self._tick(ui.now())
        self.show_view(start_view if start_view in ("home", "agenda") else "home")
        # the other visitor screens, once the first frame is on screen and nobody is waiting
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(WARM_AFTER_MS)
        self._warm_timer.timeout.connect(self._warm)
        AfterFirstFrame.later(self._warm_timer.start)

    def _warm(self) -> None:
        for name in ("home", "agenda"):
            self._screen(name)

    def stop(self) -> None:
        """Stop every timer of the window and its screens — a desk's verdict hold, a PIN pad's
        countdown, a board's tick — and drop a PIN answer still on its way: each would read the
        database after its connection closed."""
        self.idle.timer.stop()
        self._warm_timer.stop()
        # and every screen's: a verdict's 3 s hold on the check-in desk, started by a scan just
        # before closing, fired after the connection had closed (found by a test that scans last)
        for timer in self.findChildren(QTimer):
            timer.stop()
        # and a PIN answer still on its way (checked on a worker thread) is dropped
        if "pin" in self._lazy:
            self._lazy["pin"].stop()

    # ---------------------------------------------------------------- staff mode (its own object)
    @property
    def staff_role(self) -> str | None:
        return self.staff.role

    @staff_role.setter
    def staff_role(self, role: str | None) -> None:
        self.staff.role = role

    @property
    def staff_idle_seconds(self) -> float:
        return self.staff.staff_idle_seconds

    @staff_idle_seconds.setter
    def staff_idle_seconds(self, seconds: float) -> None:
        self.staff.staff_idle_seconds = seconds

    @property
    def idle_seconds(self) -> float:
        return self.staff.idle_seconds

    def resizeEvent(self, event) -> None:
        self._show_bar_titles()
        super().resizeEvent(event)

    def _show_bar_titles(self) -> None:
        """The home screen shows the event name and the clock large: the bar does not repeat
        them there (one name, one clock). A portrait screen has no room for the name."""
        current = self.stack.currentWidget()
        on_home = current is not None and current is self._lazy.get("home")
        # the name needs room for itself and a clear gap before the clock: 1400 px, more with
        # larger text (at 1440 px it was cut mid-word and ran into the clock)
        self.event_name.setVisible(not on_home and self.width() >= self.ui.theme.px(1400))
        self.clock.setVisible(not on_home)

    # ---------------------------------------------------------------- screens built on first use
    def screen(self, name: str) -> QWidget:
        """The screen called ``name`` (built now if it was not yet)."""
        return self._screen(name)

    def _screen(self, name: str) -> QWidget:
        screen = self._lazy.get(name)
        if screen is None and name in ("home", "agenda"):
            screen = self._visitor_screen(name)
        if screen is None:
            # imported here too: their modules (QtMultimedia, cryptography, the map) load on demand

            from .exhibitors import ExhibitorsScreen
            from .session_detail import SessionDetail
            from .changes import ChangesScreen
            from .editor import ScheduleDesk
            from .staff import CheckInDesk, PinPad

            if name == "exhibitors":
                screen = ExhibitorsScreen(self.ui, self.repo, self.venue)
            elif name == "detail":
                screen = SessionDetail(self.ui, self.programme, self.venue)
                screen.back.connect(self._detail_back)
            elif name == "pin":
                screen = PinPad(self.ui, self.ops)
                screen.unlocked.connect(self.enter_staff_mode)
                screen.cancelled.connect(self.go_home)
            elif name == "editor":
                screen = ScheduleDesk(self.ui, self.programme, self.ops, health=self.health)
                screen.lockRequested.connect(self.lock_staff_mode)
                screen.openCheckIn.connect(lambda: self.stack.setCurrentWidget(self.desk))
                screen.openMeetings.connect(self.open_meeting_desk)
            elif name == "changes":
                screen = ChangesScreen(self.ui, self.programme)
                screen.openSession.connect(self.open_session)
            elif name == "my-day":
                from .my_day import MyDayScreen

                screen = MyDayScreen(self.ui, self.ops, self.venue)
            elif name == "board":
                from .matchmaking_board import MatchmakingBoard

                screen = MatchmakingBoard(self.ui, self.ops, self.repo)
            elif name == "meetings":
                from .meeting_desk import MeetingDesk

                screen = MeetingDesk(self.ui, self.ops)
                screen.lockRequested.connect(self.lock_staff_mode)
            else:
                screen = CheckInDesk(self.ui, self.ops, health=self.health)
                screen.lockRequested.connect(self.lock_staff_mode)
                screen.openEditor.connect(lambda: self.stack.setCurrentWidget(self.editor))
            self._lazy[name] = screen
            self.stack.addWidget(screen)
        return screen

    def _visitor_screen(self, name: str) -> QWidget:
        if name == "home":
            from .home import HomeScreen

            screen = HomeScreen(self.ui, self.programme, parent=self.stack)
            screen.openAgenda.connect(lambda: self.show_view("agenda"))
            screen.openExhibitors.connect(lambda: self.show_view("exhibitors"))
            screen.openStaff.connect(self.open_staff)
            screen.openSession.connect(self.open_session)
            screen.openChanges.connect(lambda: self.show_view("changes"))
            screen.openMyDay.connect(lambda: self.show_view("my-day"))
            screen.openBoard.connect(lambda: self.show_view("board"))
            screen.badgeScanned.connect(self._badge_on_home)
        else:
            from .agenda import AgendaScreen

            screen = AgendaScreen(self.ui, self.programme, parent=self.stack)
            screen.openChanges.connect(lambda: self.show_view("changes"))
            screen.openSession.connect(self.open_session)
        self._lazy[name] = screen
        self.stack.addWidget(screen)
        return screen

    @property
    def home(self):
        return self._screen("home")

    @property
    def agenda(self):
        return self._screen("agenda")

    @property
    def venue(self):
        if "venue" not in self.__dict__:
            from .venue import VenueData

            self.__dict__["venue"] = VenueData(self.repo, kiosk_id=self.kiosk_id)
        return self.__dict__["venue"]

    @property
    def checkins(self):
        if "checkins" not in self.__dict__:

            self.__dict__["checkins"] = self.ops.checkins
        return self.__dict__["checkins"]

    @property
    def exhibitors(self):
        return self._screen("exhibitors")

    @property
    def detail(self):
        return self._screen("detail")

    @property
    def editor(self):
        return self._screen("editor")

    @property
    def changes(self):
        return self._screen("changes")

    @property
    def pin_pad(self):
        return self._screen("pin")

    @property
    def desk(self):
        return self._screen("checkin")

    # ---------------------------------------------------------------- navigation
    def show_view(self, name: str) -> None:
        self.stack.setCurrentWidget(self._screen(name))

    def current_view(self) -> str:
        w = self.stack.currentWidget()
        return next(name for name, screen in self._lazy.items() if screen is w)

    def go_home(self) -> None:
        if self.staff_role is not None:
            self.lock_staff_mode()
            return
        if "exhibitors" in self._lazy:
            # Home is where a visitor leaves: the next one finds no filter set behind the keyboard
            self.exhibitors.reset()
        self.stack.setCurrentWidget(self.home)

    def _badge_on_home(self, payload: str) -> None:
        """A badge scanned on Home opens "my day" for it (or says calmly why not)."""
        self.show_view("my-day")
        self.screen("my-day").scan(payload)

    def open_session(self, session_id: str) -> None:
        if self.current_view() != "detail":
            self._detail_return = self.stack.currentWidget()
        self.detail.show_session(session_id)
        self.stack.setCurrentWidget(self.detail)

    def _detail_back(self) -> None:
        self.stack.setCurrentWidget(self._detail_return or self.home)

    # ---------------------------------------------------------------- staff mode
    def open_staff(self) -> None:
        self.pin_pad.open()
        self.stack.setCurrentWidget(self.pin_pad)

    def enter_staff_mode(self, role: str) -> None:
        """Unlocked: the check-in desk; the kiosk now locks itself after 2 minutes untouched."""
        self.staff.enter(role)
        self.editor.set_role(role)
        if role == "staff":
            self.desk.role = role
            self.stack.setCurrentWidget(self.desk)
        else:  # volunteers change rooms and times; check-in is for staff
            self.stack.setCurrentWidget(self.editor)

    def open_meeting_desk(self) -> None:
        """Staff and volunteers: meeting check-in at the tables, no-shows, moves."""
        if self.staff_role is None:
            return
        desk = self._screen("meetings")
        desk.role = self.staff_role          # the audit records who is unlocked (it said 'volunteer'/'staff' always)
        desk.back_to = self.stack.currentWidget()
        self.stack.setCurrentWidget(desk)

    def _staff_idle_warning(self, seconds: int) -> None:
        """Staff mode is about to lock itself: the schedule desk, holding an unsaved change, says
        so with a countdown (a touch anywhere keeps it open)."""
        if self.staff_role is not None and "editor" in self._lazy:
            self.editor.warn_idle_lock(seconds)

    def _staff_idle_touched(self) -> None:
        if "editor" in self._lazy:
            self.editor.warn_idle_lock(0)

    def lock_staff_mode(self) -> None:
        self.staff.lock()

    def _staff_locked(self) -> None:
        # the next person to unlock finds fresh desks (stranger r4 #3: look-up text, a list,
        # a selected session and an old status line were the last person's)
        if "checkin" in self._lazy:
            self.desk.role = None
            self.desk.reset_for_next_staff()
        if "editor" in self._lazy:
            self.editor.set_role(None)
            self.editor.reset_for_next_staff()
        if "meetings" in self._lazy:
            self._lazy["meetings"].role = None
            self._lazy["meetings"].reset_for_next_staff()
        self.stack.setCurrentWidget(self.home)

    def _keyboard_covers(self, px: int) -> None:
        for screen in self._lazy.values():
            if hasattr(screen, "set_compact"):
                screen.set_compact(px > 0)

    def _on_idle(self) -> None:
        if self.staff_role is not None:
            self.lock_staff_mode()
        self.reset_for_next_visitor()

    def reset_for_next_visitor(self) -> None:
        """Idle: home screen, default language, normal text, agenda back to today."""
        # first: a half-typed syllable is dropped before any field is cleared, the keyboard hides
        self.keyboard.reset(self.ui.default_language)
        if self._switch is not None:     # the last visitor's taps still settling are dropped
            self._switch.cancel()
        if self.staff_role is not None:
            self.lock_staff_mode()
        self.ui.set_language(self.ui.default_language)
        self.access_button.setChecked(False)
        if "agenda" in self._lazy:
            self.agenda.reset()
        if "exhibitors" in self._lazy:
            self.exhibitors.reset()
        if "my-day" in self._lazy:
            self._lazy["my-day"].clear()
        if "board" in self._lazy:
            self._lazy["board"].reset()
        self.go_home()
        release_caches()

    # ---------------------------------------------------------------- live data
    def on_data_changed(self, change) -> None:
        """Refresh only the screens that show what changed (a sync heartbeat: the sync line)."""
        from kiosk.models.change import CHECKINS, MEETINGS, REFERENCE, SESSIONS, SYNC

        if change.touches(SESSIONS, REFERENCE):
            for name in ("home", "agenda"):
                if name in self._lazy:
                    self._lazy[name].refresh()
            if "detail" in self._lazy and self.stack.currentWidget() is self.detail:
                self.detail.refresh()
            for name in ("changes", "editor"):
                if name in self._lazy:
                    self._lazy[name].refresh()
            # a cancelled (or reinstated) dinner: its list's tab and the ready panel say so
            if "checkin" in self._lazy:
                self._lazy["checkin"].sessions_changed()
        elif change.touches(MEETINGS):
            # the agenda lists the public bilateral meetings too: a moved or cancelled one shows
            if "agenda" in self._lazy:
                self._lazy["agenda"].refresh()
            if "detail" in self._lazy and self.stack.currentWidget() is self.detail:
                self.detail.refresh()
        if "checkin" in self._lazy:
            if change.touches(CHECKINS, REFERENCE):
                self._lazy["checkin"].refresh()
            elif change.touches(SYNC):
                self._lazy["checkin"].refresh_sync()
        # matchmaking: a moved or marked meeting shows on the board and in an open "my day" at once;
        # "my day" also lists sessions, so a moved session refreshes it too
        if change.touches(MEETINGS, REFERENCE, SESSIONS):
            for name in ("my-day", "meetings"):
                if name in self._lazy:
                    self._lazy[name].refresh()
            if "board" in self._lazy:
                self._lazy["board"].refresh(change)     # only the tables of the meetings named

    def _tick(self, now) -> None:
        text = now.strftime("%H:%M")
        if self.clock.text() != text:
            self.clock.setText(text)

    # ---------------------------------------------------------------- language & theme
    # the language and text-size taps' coalescer (kiosk.views.switching), made at the first tap
    _switch = None

    def switcher(self):
        """The coalescer of the language and text-size taps (:mod:`kiosk.views.switching`)."""
        if self._switch is None:
            from .switching import SwitchCoalescer

            self._switch = SwitchCoalescer(self.ui, self)
            self._switch.watch(self.access_button)
        return self._switch

    def _tap_language(self, lang: str) -> None:
        """A language button: it shows checked at once (its group); the switch is coalesced with
        the taps around it, so a visitor mashing the buttons queues no work."""
        self.switcher().language(lang)

    def _larger_toggled(self, on: bool) -> None:
        """"Aa Larger text" toggled: by a finger, coalesced like the language taps; by the program
        (the idle reset, a test's ``setChecked``), at once."""
        switch = self.switcher()
        if switch.tapped(self.access_button):
            switch.larger(on)
        else:
            switch.set_larger_now(on)

    def retranslate(self, lang: str) -> None:
        current = self.stack.currentWidget()
        hidden = [s for s in self._lazy.values() if s is not current]
        if apply_language_font(self, lang, self.ui.theme.body, hidden=hidden):
            from .switching import repolish, when_shown

            for screen in hidden:       # their fonts when they are next shown, not on every tap
                when_shown(screen, "font", lambda s=screen: repolish(s))
        # a newer tap still settling keeps its button checked
        wanted = self._switch.wanted_language() if self._switch is not None else lang
        self.lang_buttons[wanted].setChecked(True)
        for code, b in self.lang_buttons.items():
            font = font_for(code, self.ui.theme.body, bold=True)
            b.setFont(font)
            # Measured once per text size (re-measured under another application font it can
            # differ by a pixel or two), and set in the style sheet: the style's min-width would
            # override a setFixedWidth at the next polish.
            key = (code, self.ui.theme.body)
            if key not in self._lang_widths:
                self._lang_widths[key] = QFontMetrics(font).horizontalAdvance(b.text()) + 4
            b.setStyleSheet(f"min-width: {self._lang_widths[key]}px; max-width: {self._lang_widths[key]}px;")
        self.home_button.setText(QCoreApplication.translate("Window", "⌂ Home"))
        self.access_button.setText(QCoreApplication.translate("Window", "Aa Larger text"))
        self.event_name.setText(self.programme.event.name.get(lang))
        self.event_name.setStyleSheet(f"font-size:{self.ui.theme.title}px; font-weight:700;")
        self.clock.setStyleSheet(f"font-size:{self.ui.theme.title}px; font-weight:700;")
        self._show_bar_titles()         # larger text may leave no room for the name

    def apply_theme(self, theme) -> None:
        self.setStyleSheet(theme.stylesheet())
        self.retranslate(self.ui.language)
        if "home" in self._lazy:
            self._lazy["home"].refresh()
