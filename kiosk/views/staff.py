"""Staff mode: a PIN pad, then the check-in desk — verdicts readable from two metres, badge
scanners that type, a camera where there is one, look-up by name, undo, counters, export."""

from __future__ import annotations

import time
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout, QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from kiosk.models.checkin import ATTENDEE_TYPES

from . import phrases
from .background import Background
from .feedback import Sounds, camera_available
from .wedge import WedgeInput
from .widgets import label, make_kinetic
from .switching import when_shown

VERDICT_HOLD_MS = 3000
SCAN_BUDGET_S = 1.0     # a scan not on disk within this long says NOT RECORDED — try again
SCAN_RETRY_MS = 40      # while another process holds the write lock, try again this often (never wait on it)
# white text on each verdict panel reads at 4.5:1 or more (the amber was 3.4:1)
COLOURS = {"green": "#0a7d32", "amber": "#8a5000", "red": "#b00020", "idle": "#33475f"}


def verdict_word(code: str) -> str:
    words = {
        "OK": QCoreApplication.translate("Staff", "OK — welcome"),
        "ALREADY": QCoreApplication.translate("Staff", "ALREADY CHECKED IN"),
        "INVALID": QCoreApplication.translate("Staff", "INVALID BADGE"),
        "REVOKED": QCoreApplication.translate("Staff", "REVOKED BADGE"),
        "NOT_ELIGIBLE": QCoreApplication.translate("Staff", "NOT ON THIS LIST"),
        "OUTSIDE_WINDOW": QCoreApplication.translate("Staff", "LIST NOT OPEN NOW"),
        "UNKNOWN": QCoreApplication.translate("Staff", "UNKNOWN BADGE"),
    }
    return words.get(code, code)


def list_state(lst, now) -> str:
    """"" while the list is open; else when it opens next ("opens 18:30", "opens Thu 15 June
    18:00") or that it is closed for good."""
    if lst.is_open(now):
        return ""
    upcoming = sorted(start for start, _end in lst.windows if start > now)
    if not upcoming:
        return QCoreApplication.translate("Staff", "closed")
    start = upcoming[0]
    local = start.astimezone(now.tzinfo) if now.tzinfo else start
    when = phrases.hhmm(local) if local.date() == now.date() else f"{phrases.day_label(local.date())} {phrases.hhmm(local)}"
    return QCoreApplication.translate("Staff", "opens %1").replace("%1", when)


def sync_message(status: dict) -> str:
    """The sync daemon's message in the desk's language, from its code (an older daemon's, or a
    code not known here: its English text)."""
    code, args = status.get("message_code") or "", status.get("message_args") or {}
    device = args.get("device", "")
    if code == "sync_revoked_self":
        text = QCoreApplication.translate("Staff", "This device (%1) has been revoked by the organiser: it no longer "
                                                   "syncs.")
    elif code == "sync_revoked":
        text = QCoreApplication.translate("Staff", "Refused %1: the organiser revoked that device.")
    elif code in ("sync_unauthenticated", "sync_bad_roster") and device:
        text = QCoreApplication.translate("Staff", "Refused %1: it is not enrolled in this event.")
    elif code in ("sync_unauthenticated", "sync_bad_roster"):
        text = QCoreApplication.translate("Staff", "Refused a device that is not enrolled in this event.")
    elif code == "sync_self":
        text = QCoreApplication.translate("Staff", "Refused a connection from this device to itself.")
    elif code == "sync_other_event":
        text = QCoreApplication.translate("Staff", "%1 belongs to another event (%2): nothing was exchanged.")
    elif code == "sync_reference_mismatch":
        text = QCoreApplication.translate("Staff", "The event data differs between this device and %1 (%2): load "
                                                   "the same data on both. Nothing was exchanged.")
    else:
        return status.get("message") or ""
    detail = args.get("event", "") if code == "sync_other_event" else args.get("differences", "")
    return text.replace("%1", device).replace("%2", detail)


def cancelled_note() -> str:
    """What a scan on a cancelled session's list adds (it is recorded all the same)."""
    return QCoreApplication.translate("Staff", "Session cancelled — recorded; check with the organiser.")


def verdict_reason(verdict) -> str:
    reason = _verdict_reason(verdict)
    if getattr(verdict, "warning", "") == "session_cancelled":
        return cancelled_note() + ("\n" + reason if reason else "")
    return reason


def _verdict_reason(verdict) -> str:
    if verdict.code == "INVALID":
        return {
            "empty": QCoreApplication.translate("Staff", "Nothing was read. Scan again."),
            "prefix": QCoreApplication.translate("Staff", "A badge of another event."),
            "signature": QCoreApplication.translate("Staff", "Forged or altered badge: the signature does not match. Ask for ID."),
            "version": QCoreApplication.translate("Staff", "Unknown badge version."),
        }.get(verdict.reason, QCoreApplication.translate("Staff", "Not a badge code of this event."))
    if verdict.code == "REVOKED":
        return QCoreApplication.translate("Staff", "This badge was replaced by a new one. Keep it; send the holder to the Welcome Center.")
    if verdict.code == "NOT_ELIGIBLE":
        return QCoreApplication.translate("Staff", "This attendee type is not on this list.")
    if verdict.code == "OUTSIDE_WINDOW":
        return QCoreApplication.translate("Staff", "This list is closed at this time.")
    if verdict.code == "UNKNOWN":
        return QCoreApplication.translate("Staff", "Not in this kiosk's attendee list. Send to the Welcome Center.")
    if verdict.code == "ALREADY" and verdict.first_at is not None:
        first = verdict.first_at
        if verdict.scanned_at is not None and first.tzinfo is not None and verdict.scanned_at.tzinfo is not None:
            first = first.astimezone(verdict.scanned_at.tzinfo)
        # another day's first check-in says its day: "10:46" alone read as today (seen on a kiosk)
        when = phrases.hhmm(first) if verdict.scanned_at is None or first.date() == verdict.scanned_at.date() \
            else f"{phrases.day_label(first.date())} {phrases.hhmm(first)}"
        return QCoreApplication.translate("Staff", "First checked in at %1 on %2.").replace("%1", when) \
            .replace("%2", verdict.first_device or "?")
    return ""


class PinPad(QWidget):
    """Digits only, big keys; the PIN never appears on screen."""

    unlocked = Signal(str)
    cancelled = Signal()

    def __init__(self, ui, ops, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.ops = ops
        self.entered = ""
        self._unsaved_failures = 0          # wrong tries on a kiosk that cannot write them down
        self._local_lock_until = 0.0
        # the scrypt check (~50–100 ms per stored PIN, slow by design) runs on a worker thread:
        # touch stays live; the keys wait for its answer
        self.background = Background(self)
        self._checking = False
        self._attempt = 0                   # a result for an earlier attempt (pad closed since) is dropped
        self._error = ""
        self._note = ""                     # not an error: "Lock-out ended by …"
        self.heading = label(role="heading")
        self.dots = label(role="heading")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label(role="onDark", wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the message's height is reserved for the longest thing it can say (the lock-out banner
        # under an error): the banner appearing or going never moves a key under the finger
        # (it pushed the keypad down ~80 px; _reserve_message)
        self._reserved = (0, 0, "")
        grid = QGridLayout()
        grid.setSpacing(14)
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            b = QPushButton(key)
            b.setMinimumSize(180, 130)
            # while locked the keys must look it, not only ignore taps (they looked the same)
            b.setStyleSheet("QPushButton { font-size: 40px; font-weight: 700; } "
                            "QPushButton:disabled { background: #1c2c44; color: #5a6b82; border: 2px dashed #3d5a80; }")
            b.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(b, i // 3, i % 3)
            self.keys[key] = b
        self.cancel = QPushButton()
        self.cancel.setProperty("role", "bar")
        self.cancel.clicked.connect(self.close_pad)
        box = QVBoxLayout(self)
        box.setContentsMargins(40, 40, 40, 40)
        box.addStretch(1)
        box.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.dots)
        box.addWidget(self.message)
        pad = QHBoxLayout()
        pad.addStretch(1)
        pad.addLayout(grid)
        pad.addStretch(1)
        box.addLayout(pad)
        box.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._show_state)
        # a staff member's signed badge scanned here ends a lock-out (a passer-by's wrong PINs
        # must not keep staff out); the PIN is still needed
        self.wedge = WedgeInput(self)
        self.wedge.scanned.connect(self.badge_scanned)
        ui.languageChanged.connect(lambda _l: self.retranslate())
        ui.themeChanged.connect(lambda _t: self._show_state())        # larger text: a taller reserve
        self.retranslate()

    def _message_texts(self) -> list[str]:
        """Everything the message line can say, at its longest (an error above the lock-out)."""
        seconds, tries = 3600, 4        # (lupdate reads these calls as the pad's own only with plain names)
        locked = (QCoreApplication.translate("Staff", "Too many wrong PINs. Try again in %n s.", "", seconds) + "\n"
                  + QCoreApplication.translate("Staff", "Staff: scan your staff badge here to end the lock-out."))
        errors = (QCoreApplication.translate("Staff", "Wrong PIN. %n tries left.", "", tries),
                  QCoreApplication.translate("Staff", "Wrong PIN."),
                  QCoreApplication.translate("Staff", "Busy: another device is saving. Tap OK again."),
                  QCoreApplication.translate("Staff", "Only a staff member's badge ends the lock-out."),
                  QCoreApplication.translate("Staff", "Not a valid badge (%1).").replace("%1", "not_yet_valid"))
        return [locked, *(f"{e}\n{locked}" for e in errors),
                QCoreApplication.translate(
                    "Staff", "No PIN is set on this kiosk. Set one with: python main.py set-pin --role staff"),
                QCoreApplication.translate("Staff", "Lock-out ended by %1 (staff badge). Enter your PIN.").replace(
                    "%1", "Wojciech Szczepański-Kowalczyk")]

    def _reserve_message(self) -> None:
        """Fix the message's height to the tallest of :meth:`_message_texts` in the current
        language, text size and width (measured once per change of any of them)."""
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right() - 32       # the label's 16 px padding
        size = self.ui.theme.title
        key = (width, size, self.ui.language)
        if width <= 0 or key == self._reserved:
            return
        self._reserved = key
        font = self.message.font()
        font.setPixelSize(size)
        font.setBold(True)
        fm = QFontMetrics(font)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignCenter)
        high = max(fm.boundingRect(QRect(0, 0, width, 100_000), flags, t).height() for t in self._message_texts())
        self.message.setFixedHeight(high + 20 + 4)           # the label's 10 px padding, and rounding

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reserve_message()

    def badge_scanned(self, payload: str) -> None:
        from kiosk.models.errors import KioskError

        self._error = self._note = ""
        try:
            staff, _ended = self.ops.end_pin_lockout(payload)
        except KioskError as exc:
            if exc.code == "not_staff":
                self._show_state(QCoreApplication.translate("Staff", "Only a staff member's badge ends the lock-out."))
            else:
                self._show_state(QCoreApplication.translate("Staff", "Not a valid badge (%1).").replace("%1", exc.code))
            return
        except Exception:  # sqlite3.Error (busy, read-only): the count kept here (read-only kiosk) still ends below
            staff = None
        self._local_lock_until = 0.0
        self._unsaved_failures = 0
        self._note = (QCoreApplication.translate("Staff", "Lock-out ended by %1 (staff badge). Enter your PIN.")
                      .replace("%1", staff.name) if staff is not None else "")
        self._show_state()

    def retranslate(self) -> None:
        self._error = self._note = ""     # not left behind in the old language (the lock-out is said anew)
        self.heading.setText(QCoreApplication.translate("Staff", "Staff sign-in"))
        self.cancel.setText(QCoreApplication.translate("Staff", "Cancel"))
        self._show_state()

    def open(self) -> None:
        self.entered = ""
        self._error = self._note = ""
        self._forget_check()
        self._show_state()
        self._lock_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.wedge.set_active(True)
        self._lock_timer.start()

    def hideEvent(self, event) -> None:
        # the lock-out countdown only matters on screen (and must not outlive the window)
        self._lock_timer.stop()
        self.wedge.set_active(False)
        super().hideEvent(event)

    def close_pad(self) -> None:
        self.entered = ""
        self._error = ""
        self._forget_check()
        self._lock_timer.stop()
        self.cancelled.emit()

    def _show_state(self, text: str | None = None) -> None:
        """``text`` is an error ("Wrong PIN…"): it stays, in the error colour, until the next key."""
        if text is not None:
            self._error = text
        self.dots.setText("●" * len(self.entered) or "—")
        state = self.ops.pin_lock_state()
        local = int(self._local_lock_until - time.monotonic()) + 1
        if local > 0 and not state.locked_for:
            state = type(state)(None, locked_for=local, tries_left=0)
        error = True
        if state.locked_for:
            seconds = state.locked_for  # lupdate only sees %n when n is a plain name
            text = QCoreApplication.translate("Staff", "Too many wrong PINs. Try again in %n s.", "", seconds)
            text += "\n" + QCoreApplication.translate("Staff", "Staff: scan your staff badge here to end the lock-out.")
            self.message.setText(f"{self._error}\n{text}" if self._error else text)   # e.g. a badge that is not staff
        elif self._error:
            self.message.setText(self._error)
        elif not self.ops.pin_roles():
            self.message.setText(QCoreApplication.translate(
                "Staff", "No PIN is set on this kiosk. Set one with: python main.py set-pin --role staff"))
        elif self._note and not self.entered:
            error = False
            self.message.setText(self._note)
        else:
            error = False
            self.message.setText(QCoreApplication.translate("Staff", "Enter your PIN.") if not self.entered else "")
        theme = self.ui.theme
        # white on the error red: 6.6:1; a plain hint stays in the screen's own text colour
        self.message.setStyleSheet(
            f"background:{COLOURS['red']}; color:#ffffff; font-weight:700; border-radius:10px; padding:10px 16px;"
            f" font-size:{theme.title}px;" if error else f"font-size:{theme.title}px; padding:10px 16px;")
        for key in self.keys.values():
            key.setEnabled(not state.locked_for and not self._checking)
        self._reserve_message()

    @property
    def checking(self) -> bool:
        """A PIN is being checked (on the worker thread); its answer is on the way."""
        return self._checking

    def stop(self) -> None:
        """The kiosk is closing: no countdown, and an answer still on its way is dropped."""
        self._lock_timer.stop()
        self._forget_check()

    def _forget_check(self) -> None:
        self._attempt += 1
        self._checking = False

    def press(self, key: str) -> None:
        if self._checking:
            return         # the keys are disabled meanwhile; a tap that slipped through changes nothing
        self._error = ""   # the next key clears the last error
        self._note = ""
        if key == "⌫":
            self.entered = self.entered[:-1]
            self._show_state()
        elif key == "OK":
            self._submit()
        elif len(self.entered) < 12:
            self.entered += key
            self._show_state()

    def _submit(self) -> None:
        pin, self.entered = self.entered, ""
        if not pin:
            self._show_state()
            return
        try:
            check = self.ops.begin_pin_try(pin)      # a read: the lock state and the stored hashes
        except Exception as exc:  # noqa: BLE001 — said on the pad, never a crash
            self._not_recorded(pin, exc)
            return
        if not callable(check):                      # locked out: the pad says for how long
            self._show_state()
            return
        self._checking = True
        self._attempt += 1
        attempt = self._attempt
        self._show_state()
        self.background.run(check, lambda role: self._checked(attempt, pin, role),
                            lambda exc: self._check_failed(attempt, exc))

    def _checked(self, attempt: int, pin: str, role: str | None) -> None:
        """The worker's answer, back on the UI thread: record it (a right PIN resets the count,
        a wrong one counts) and open the desk or say what is wrong."""
        if attempt != self._attempt:
            return           # the pad was closed or reopened meanwhile
        self._checking = False
        try:
            result = self.ops.finish_pin_try(role)
        except Exception as exc:  # noqa: BLE001 — the tries are counted on disk: busy, or read-only
            self._not_recorded(pin, exc)
            return
        if result.role:
            self._lock_timer.stop()
            self._show_state()
            self.unlocked.emit(result.role)
        elif result.locked_for:
            self._show_state()
        else:
            tries = result.tries_left
            self._show_state(QCoreApplication.translate("Staff", "Wrong PIN. %n tries left.", "", tries))

    def _check_failed(self, attempt: int, exc: BaseException) -> None:
        if attempt != self._attempt:
            return
        self._checking = False
        import logging

        logging.getLogger(__name__).error("PIN check failed: %s", exc)
        self._show_state(QCoreApplication.translate("Staff", "Wrong PIN."))

    def _not_recorded(self, pin: str, exc: Exception) -> None:
        from kiosk.models.errors import is_busy

        if is_busy(exc):
            self.entered = pin      # kept (never shown): tapping OK again retries
            self._show_state(QCoreApplication.translate("Staff", "Busy: another device is saving. Tap OK again."))
            return
        # the database cannot be written (read-only, full): count wrong tries here instead
        self._unsaved_failures += 1
        if self._unsaved_failures >= 5:
            self._unsaved_failures = 0
            self._local_lock_until = time.monotonic() + 60
        self._show_state(QCoreApplication.translate("Staff", "Wrong PIN."))


@dataclass
class PendingScan:
    """A scan waiting for the write lock: tried again with the same id and time until it is
    on disk or its second is up (a repeated scan id changes nothing, so retries are safe)."""

    payload: str
    manual_attendee: str | None
    list_id: str
    scan_id: str
    now: datetime
    started: float


class CheckInDesk(QWidget):
    """Pick a list; scan; the verdict fills the left half in its colour."""

    lockRequested = Signal()
    openEditor = Signal()

    def __init__(self, ui, ops, *, health=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.ops = ops
        self.checkins = ops.checkins       # reads: lists, counts, recent scans, look-up
        self.device_id = ops.device_id
        self.health = health
        self.role: str | None = None
        self.list_id = next(iter(self.checkins.lists()), None)
        self.last_verdict = None
        self.cancelled: set[str] = set()      # lists whose session is cancelled (read on refresh)
        self.sounds = Sounds()
        self.wedge = WedgeInput(self)
        self.wedge.scanned.connect(self.scan)
        self._pending: deque[PendingScan] = deque()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(SCAN_RETRY_MS)
        self._retry.timeout.connect(self._attempt)

        self.list_group = QButtonGroup(self)
        self.list_buttons: dict[str, QPushButton] = {}
        # four lists side by side in landscape, two by two in portrait
        self.lists_grid = QGridLayout()
        self.lists_grid.setSpacing(10)
        for lid in self.checkins.lists():
            b = QPushButton()
            b.setCheckable(True)
            b.setProperty("role", "bar")
            b.clicked.connect(lambda _=False, x=lid: self.choose_list(x))
            self.list_group.addButton(b)
            self.list_buttons[lid] = b
        self._list_columns = 0
        self._layout_lists(4)

        self.panel = QFrame()
        self.panel.setObjectName("Verdict")
        self.word = label(wrap=True)
        self.name = label(wrap=True)
        self.who = label(wrap=True)
        self.reason = label(wrap=True)
        for w in (self.word, self.name, self.who, self.reason):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pbox = QVBoxLayout(self.panel)
        pbox.setContentsMargins(30, 30, 30, 30)
        pbox.addStretch(1)
        for w in (self.word, self.name, self.who, self.reason):
            pbox.addWidget(w)
        pbox.addStretch(1)

        self.search = QLineEdit()
        self.search.setMinimumHeight(72)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._look_up)
        self.results = QListWidget()
        self.results.setMinimumHeight(200)
        # each row whole, on two lines: two people of one name differ by organisation, type and
        # number (they were elided before those and looked identical)
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemClicked.connect(self._result_clicked)
        make_kinetic(self.results)
        # a tap on a name only selects it; this confirms (one tap checked the person in at once)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("ConfirmCheckIn")
        self.confirm_button.clicked.connect(self.confirm_manual)
        self.confirm_button.hide()
        self._chosen: str | None = None
        self.recent_title = label(role="sectionTitle")
        self.recent = QListWidget()
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.camera_button = QPushButton()
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._camera)
        self.camera_button.setVisible(False)      # until the desk first opens and finds a camera
        self._camera_checked = False
        self.camera = None
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self.lockRequested)
        self.editor_button = QPushButton()
        self.editor_button.clicked.connect(self.openEditor)
        self.status = label(role="onDarkMuted", wrap=True)
        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(self.search)
        side.addWidget(self.results, 3)
        side.addWidget(self.confirm_button)
        side.addWidget(self.recent_title)
        side.addWidget(self.recent, 2)
        buttons = QGridLayout()
        buttons.addWidget(self.undo_button, 0, 0)
        buttons.addWidget(self.export_button, 0, 1)
        buttons.addWidget(self.editor_button, 1, 0)
        buttons.addWidget(self.lock_button, 1, 1)
        buttons.addWidget(self.camera_button, 2, 0)
        side.addLayout(buttons)
        side.addWidget(self.status)
        # verdict beside the look-up in landscape, above it in portrait
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(24)
        body.addWidget(self.panel, 3)
        body.addLayout(side, 2)
        self.body = body
        self.heading = label(role="heading")
        self.banner = label(wrap=True)
        self.banner.setStyleSheet("background:#b00020; color:#ffffff; font-size:24px; font-weight:700; padding:12px;"
                                  " border-radius:10px;")
        self.banner.hide()
        root = QVBoxLayout(self)
        root.setContentsMargins(28, 16, 28, 16)
        root.setSpacing(14)
        self.sync_line = label(role="onDarkMuted", wrap=True)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.sync_line, 2)
        root.addLayout(head)
        root.addWidget(self.banner)
        root.addLayout(self.lists_grid)
        root.addLayout(body, 1)

        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(VERDICT_HOLD_MS)
        self._hold.timeout.connect(self.show_ready)
        # a desk not on show (staff locked it) re-translates when next shown, not on each visitor's tap
        ui.languageChanged.connect(lambda _l: when_shown(self, "retranslate", self.retranslate))
        if health is not None:
            health.changed.connect(self._show_health)
        self.retranslate()

    # ---------------------------------------------------------------- layout
    def _layout_lists(self, columns: int) -> None:
        if columns == self._list_columns:
            return
        self._list_columns = columns
        for b in self.list_buttons.values():
            self.lists_grid.removeWidget(b)
        for i, b in enumerate(self.list_buttons.values()):
            self.lists_grid.addWidget(b, i // columns, i % columns)

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        self._layout_lists(2 if portrait else 4)
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._refit)     # after the lists have their new width

    def _refit(self) -> None:
        for view in (self.results, self.recent):
            self._fit_rows(view)

    # ---------------------------------------------------------------- state
    def _show_health(self) -> None:
        text = self.health.message() if self.health is not None else ""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.health is not None:
            self.health.probe()
            self._show_health()
        self.wedge.set_active(True)
        if not self._camera_checked:  # no camera: the option is simply absent
            self._camera_checked = True
            self.camera_button.setVisible(camera_available())
        self.refresh()

    def hideEvent(self, event) -> None:
        self.wedge.set_active(False)
        if self.camera_button.isChecked():
            self.camera_button.setChecked(False)
        super().hideEvent(event)

    def retranslate(self) -> None:
        theme = self.ui.theme
        for w in (self.results, self.recent):
            w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # whole rows, wrapped: a name, organisation, type and number are all needed to tell
            # two people apart (and a badge number and "manual" two scans)
            w.setWordWrap(True)
            w.setTextElideMode(Qt.TextElideMode.ElideNone)
            w.setStyleSheet(f"QListWidget {{ background: {theme.p.surface}; color: {theme.p.text}; border-radius: 12px;"
                            f" font-size: {theme.body}px; }} QListWidget::item {{ min-height: 64px; padding: 4px 12px;"
                            f" border-bottom: 1px solid {theme.p.border}; color: {theme.p.text}; }}"
                            f" QListWidget::item:selected {{ background: {theme.p.accent}; color: {theme.p.accent_text}; }}")
        self.confirm_button.setStyleSheet(
            f"QPushButton#ConfirmCheckIn {{ min-height: {theme.px(80)}px; background: {theme.p.accent};"
            f" color: {theme.p.accent_text}; border-color: {theme.p.accent}; font-weight: 700; }}")
        for b in self.list_buttons.values():  # a list's name, its counter, when it opens: three lines
            b.setStyleSheet(f"padding: 0 8px; min-height: {theme.px(120)}px;")
        self.heading.setText(QCoreApplication.translate("Staff", "Check-in"))
        self.search.setPlaceholderText(QCoreApplication.translate("Staff", "No badge? Search a name or badge number"))
        self.recent_title.setText(QCoreApplication.translate("Staff", "Last scans"))
        self.undo_button.setText(QCoreApplication.translate("Staff", "Undo last check-in"))
        if self._chosen is not None:
            found = self.checkins.attendees([self._chosen])
            if found:
                self.choose(found[0])
        self.export_button.setText(QCoreApplication.translate("Staff", "Export CSV"))
        self.camera_button.setText(QCoreApplication.translate("Staff", "Camera"))
        self.lock_button.setText(QCoreApplication.translate("Staff", "Lock"))
        self.editor_button.setText(QCoreApplication.translate("Staff", "Room & time changes").replace("&", "&&"))
        if self.search.text():            # the results' type words ("참가자") in the new language
            chosen = self._chosen
            self._look_up(self.search.text())
            if chosen is not None:
                found = self.checkins.attendees([chosen])
                if found:
                    self.choose(found[0])
        self.status.clear()               # a status line in the old language is not left behind
        self.refresh()
        if self.last_verdict is None or not self._hold.isActive():
            self.show_ready()
        else:
            self.show_verdict(self.last_verdict, sound=False)

    def reset_for_next_staff(self) -> None:
        """Locked (Lock, or the idle lock): the next person to unlock finds a fresh desk — no
        look-up text or its people, the first list (Entry) chosen, no old status or verdict."""
        self.search.clear()
        self.results.clear()
        self._unchoose()
        self.list_id = next(iter(self.checkins.lists()), None)
        if self.list_id in self.list_buttons:
            self.list_buttons[self.list_id].setChecked(True)
        self.status.clear()
        self.last_verdict = None
        self._hold.stop()
        self.refresh()
        self.show_ready()

    def sessions_changed(self) -> None:
        """The programme changed: when a list's session was cancelled (or reinstated) the tabs
        and the ready panel say so at once."""
        if self.checkins.cancelled_lists() != self.cancelled:
            self.refresh()
            if not self._hold.isActive():
                self.show_ready()

    def choose_list(self, list_id: str) -> None:
        self.list_id = list_id
        self.refresh()
        self.show_ready()

    def refresh_sync(self) -> None:
        """Peers online, last sync, changes waiting — or that this device is on its own."""
        status = self.ops.sync_status(self.ui.wall_clock.now())
        if status is None:
            self.sync_line.setText(QCoreApplication.translate("Staff", "Sync is not running on this device: check-ins stay here until it does."))
            return
        peers = status["peers"] if status["fresh"] else []
        if peers:
            text = QCoreApplication.translate("Staff", "Online with %1").replace("%1", ", ".join(peers))
        else:
            text = QCoreApplication.translate("Staff", "OFFLINE — working alone")
        if status["last_sync"]:
            text += " · " + QCoreApplication.translate("Staff", "last sync %1").replace("%1", status["last_sync"][11:16])
        waiting = status["waiting"]
        text += " · " + QCoreApplication.translate("Staff", "%n change(s) waiting", "", waiting)
        if status["duplicates"]:
            duplicates = status["duplicates"]
            text += " · " + QCoreApplication.translate("Staff", "%n duplicate check-in(s) from devices that were apart", "", duplicates)
        quarantined = status.get("quarantined")
        if quarantined:
            text += "\n" + QCoreApplication.translate("Staff", "%n sync entries quarantined (details: sync status)",
                                                       "", quarantined)
        if status["message"]:
            text += "\n" + sync_message(status)
        self.sync_line.setText(text)

    def refresh(self) -> None:
        self.refresh_sync()
        counts = self.checkins.counts()
        lang = self.ui.language
        now = self.ui.now()
        self.cancelled = self.checkins.cancelled_lists()
        for lid, b in self.list_buttons.items():
            c = counts[lid]
            lst = self.checkins.lists()[lid]
            line = f"{c.checked_in} / {c.eligible}"
            state = list_state(lst, now)
            if lid in self.cancelled:
                # the list stays usable (people turn up); its tab says why to be careful
                state = QCoreApplication.translate("Staff", "⚠ session cancelled")
            if state:   # on a third line: beside the counter it did not fit four lists in a row
                line += "\n" + state
            b.setText(f"{lst.name.get(lang)}\n{line}".replace("&", "&&"))
            b.setChecked(lid == self.list_id)
        self.recent.clear()
        if self.list_id:
            for s in self.checkins.recent_scans(self.list_id):
                # the verdict in words, in the kiosk's language (not "OUTSIDE_WINDOW")
                undone = " ↩" if s["undone"] else ""
                if s["warning"] == "session_cancelled":
                    undone += " ⚠"
                # which badge, and whether it was scanned or looked up by name: two scans of one
                # person read as two identical lines without them
                # a scan that named nobody (an invalid badge) says so instead of "— · badge ?"
                if s["manual"]:
                    how = QCoreApplication.translate("Staff", "manual")
                elif s["serial"]:
                    how = QCoreApplication.translate("Staff", "badge %1").replace("%1", s["serial"])
                else:
                    how = QCoreApplication.translate("Staff", "no badge number read")
                who = s["name"] or ""
                if s["attendee_id"]:
                    who += f" ({s['attendee_id']})"
                text = "  ".join(b for b in (s['at'].strftime('%H:%M:%S'), f"{verdict_word(s['code'])}{undone}", who) if b)
                text += f"  · {how} · {s['device']}"
                self.recent.addItem(text)
        self._fit_rows(self.recent)

    def set_compact(self, on: bool) -> None:
        """While the on-screen keyboard takes the bottom of the screen: the verdict in smaller
        type, the look-up and its results; the last scans and the buttons come back after."""
        if getattr(self, "_compact", False) == on:
            return
        self._compact = on
        for w in (self.recent_title, self.recent, self.undo_button, self.export_button, self.editor_button,
                  self.lock_button, self.status):
            w.setVisible(not on and not (self._chosen is not None and w in (self.recent_title, self.recent)))
        self._paint_panel(getattr(self, "_colour", "idle"))

    def _paint_panel(self, colour: str) -> None:
        theme = self.ui.theme
        self._colour = colour
        k = 0.55 if getattr(self, "_compact", False) else 1.0
        self.panel.setStyleSheet(f"QFrame#Verdict {{ background: {COLOURS[colour]}; border-radius: 24px; }}"
                                 f"QFrame#Verdict QLabel {{ color: #ffffff; }}")
        self.word.setStyleSheet(f"font-size: {round(theme.px(84) * k)}px; font-weight: 800;")
        self.name.setStyleSheet(f"font-size: {round(theme.px(60) * k)}px; font-weight: 700;")
        self.who.setStyleSheet(f"font-size: {round(theme.px(34) * k)}px;")
        self.reason.setStyleSheet(f"font-size: {round(theme.px(34) * k)}px; font-weight: 600;")

    def show_ready(self) -> None:
        lst = self.checkins.lists().get(self.list_id or "")
        cancelled = self.list_id in self.cancelled
        self._paint_panel("amber" if cancelled else "idle")
        self.word.setText(QCoreApplication.translate("Staff", "SESSION CANCELLED") if cancelled
                          else QCoreApplication.translate("Staff", "Ready"))
        self.name.setText(QCoreApplication.translate("Staff", "Scan a badge"))
        self.who.setText(lst.name.get(self.ui.language) if lst else "")
        # decided: a cancelled session's list stays open and records scans (guests still arrive;
        # what they get is the organiser's call), and says so before and on every scan
        self.reason.setText(QCoreApplication.translate(
            "Staff", "Scans are still recorded. Check with the organiser before letting anyone in.")
            if cancelled else "")

    def show_verdict(self, verdict, *, sound: bool = True) -> None:
        self.last_verdict = verdict
        self._paint_panel(verdict.colour)
        self.word.setText(verdict_word(verdict.code))
        a = verdict.attendee
        if a is not None:
            self.name.setText(a.name + (f"\n{a.name_local}" if a.name_local else ""))
            bits = [a.organisation or "", phrases.attendee_type(a.type), self.checkins.lists()[verdict.list_id].name.get(self.ui.language)]
            self.who.setText(" · ".join(b for b in bits if b))
        else:
            self.name.setText("")
            self.who.setText("")
        self.reason.setText(verdict_reason(verdict))
        if sound:
            self.sounds.play(verdict.colour)
        self._hold.start()

    # ---------------------------------------------------------------- actions
    def scan(self, payload: str, *, manual_attendee: str | None = None) -> None:
        """One scan: decided and written to disk first, then shown (never the other way round).

        The UI thread never waits for the database's lock: when another process holds it the
        scan is queued and tried again every few milliseconds from a timer ("Saving…"); if it
        is not on disk within a second the desk says NOT RECORDED — try again."""
        if self.list_id is None:
            return
        self._pending.append(PendingScan(payload, manual_attendee, self.list_id, uuid.uuid4().hex, self.ui.now(),
                                         time.monotonic()))
        if len(self._pending) == 1 and not self._retry.isActive():
            self._attempt()

    @property
    def saving(self) -> bool:
        """A scan is waiting for the database (another process holds its write lock)."""
        return bool(self._pending)

    def _attempt(self) -> None:
        from kiosk.models.errors import KioskError, is_busy

        while self._pending:
            job = self._pending[0]
            try:
                verdict = self.ops.check_in(job.payload, list_id=job.list_id, scan_id=job.scan_id, now=job.now,
                                            manual_attendee=job.manual_attendee, wait_ms=0)
            except KioskError as exc:
                self._pending.popleft()
                if exc.code == "clock_outside_event":
                    self._clock_wrong(job.now)
                    if self.health is not None:
                        self.health.probe()
                    continue
                self._write_failed(exc)
                continue
            except Exception as exc:  # sqlite3.Error or OSError: disk full, read-only, locked too long
                if is_busy(exc) and time.monotonic() - job.started < SCAN_BUDGET_S:
                    self._show_saving()
                    self._retry.start()
                    return
                self._pending.popleft()
                if is_busy(exc):
                    self._not_recorded_busy()
                    continue
                if self.health is not None:
                    self.health.write_failed(exc)
                self._write_failed(exc)
                continue
            self._pending.popleft()
            if self.health is not None:
                self.health.write_ok()
            self.show_verdict(verdict)
            self.refresh()

    def _show_saving(self) -> None:
        if self.word.text() == QCoreApplication.translate("Staff", "Saving…"):
            return
        self._hold.stop()
        self._paint_panel("idle")
        self.word.setText(QCoreApplication.translate("Staff", "Saving…"))
        self.name.setText(QCoreApplication.translate("Staff", "Wait for the verdict."))
        self.who.setText("")
        self.reason.setText("")

    def _not_recorded_busy(self) -> None:
        self._paint_panel("red")
        self.word.setText(QCoreApplication.translate("Staff", "NOT RECORDED"))
        self.name.setText(QCoreApplication.translate("Staff", "Try again: scan the badge once more."))
        self.who.setText(QCoreApplication.translate("Staff", "Another device was saving; nothing was written."))
        self.reason.setText("")
        self.sounds.play("red")
        self._hold.start()

    def _clock_wrong(self, now) -> None:
        """A scan refused because this device's clock is outside the event: every other device
        would quarantine it. Nothing was written; staff must not guess — the organiser sets the clock."""
        self._paint_panel("red")
        self.word.setText(QCoreApplication.translate("Staff", "NOT RECORDED"))
        self.name.setText(QCoreApplication.translate("Staff", "This device's clock says %1; ask the organiser.")
                          .replace("%1", now.strftime("%Y-%m-%d")))
        self.who.setText(QCoreApplication.translate("Staff", "Nothing was written: every other device would refuse "
                                                             "a check-in dated outside the event."))
        self.reason.setText("")
        self.sounds.play("red")
        self._hold.start()

    def _clock_line(self, what: str) -> str:
        return QCoreApplication.translate("Staff", "%1: this device's clock says %2; ask the organiser.") \
            .replace("%1", what).replace("%2", self.ui.now().strftime("%Y-%m-%d"))

    def _write_failed(self, exc) -> None:
        self._paint_panel("red")
        self.word.setText(QCoreApplication.translate("Staff", "NOT RECORDED"))
        self.name.setText(QCoreApplication.translate("Staff", "The check-in could not be saved. Do not let in yet."))
        self.who.setText(QCoreApplication.translate("Staff", "Call the technical desk."))
        self.reason.setText(str(exc)[:200])
        self.sounds.play("red")
        self._hold.start()

    def manual(self, attendee_id: str) -> None:
        self.scan(f"manual:{attendee_id}", manual_attendee=attendee_id)
        self.search.clear()

    def choose(self, attendee) -> None:
        """A name tapped in the look-up: selected, and the big button names whom it will check in."""
        self._chosen = attendee.id
        self.confirm_button.setText(
            QCoreApplication.translate("Staff", "Check in %1 (%2, %3)").replace("%1", attendee.name)
            .replace("%2", phrases.attendee_type(attendee.type)).replace("%3", attendee.id).replace("&", "&&"))
        self.confirm_button.show()
        # the last scans make room for it while a name is chosen (larger text had no room for both)
        self.recent_title.hide()
        self.recent.hide()

    def _unchoose(self) -> None:
        self._chosen = None
        self.confirm_button.hide()
        compact = getattr(self, "_compact", False)
        self.recent_title.setVisible(not compact)
        self.recent.setVisible(not compact)

    def confirm_manual(self) -> None:
        if self._chosen is None:
            return
        chosen = self._chosen
        self._unchoose()
        self.manual(chosen)

    @staticmethod
    def _fit_rows(view: QListWidget) -> None:
        """Each row as tall as its wrapped text needs, measured with the fonts it is drawn in
        (a Hangul or Han name is taller than the Latin font's line: such a row was cut to one line)."""
        view.ensurePolished()                                   # its style sheet's font size
        width = max(view.viewport().width(), 160)
        text_width = width - 48                                 # the item's padding and frame, with a margin
        fm = QFontMetrics(view.font())
        for i in range(view.count()):
            item = view.item(i)
            rect = fm.boundingRect(QRect(0, 0, text_width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            lines = max(item.text().count("\n") + 1, round(rect.height() / fm.lineSpacing()))
            height = max(rect.height(), round(fm.height() * 1.35) * lines) + 20
            item.setSizeHint(QSize(width, max(height, 64)))

    def _look_up(self, text: str) -> None:
        self.results.clear()
        self._unchoose()
        for a in self.checkins.find_attendees(text):
            first = a.name + (f"  {a.name_local}" if a.name_local else "")
            second = "  ·  ".join(b for b in (a.organisation or "", phrases.attendee_type(a.type), a.id) if b)
            item = QListWidgetItem(f"{first}\n{second}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.results.addItem(item)
        name = " ".join(text.split())
        # nobody by that name: a walk-in can be registered here (a desk's registrations travel)
        if 2 <= len(name) <= 100 and not name.isdigit() and self.ops.shares_registrations():
            item = QListWidgetItem(QCoreApplication.translate("Staff", "New walk-in: register “%1”…").replace("%1", name))
            item.setData(Qt.ItemDataRole.UserRole, ("walk-in", name))
            self.results.addItem(item)
        self._fit_rows(self.results)

    def _result_clicked(self, item) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(data, str):
            found = self.checkins.attendees([data])
            if found:
                self.choose(found[0])
        elif data[0] == "walk-in":         # which kind of attendee: that decides the lists they may enter
            name = data[1]
            self.results.clear()
            for kind in ATTENDEE_TYPES:
                choice = QListWidgetItem(QCoreApplication.translate("Staff", "Register “%1” as: %2")
                                         .replace("%1", name).replace("%2", phrases.attendee_type(kind)))
                choice.setData(Qt.ItemDataRole.UserRole, ("register", name, kind))
                self.results.addItem(choice)
        else:
            self.register_walk_in(data[1], data[2])

    def register_walk_in(self, name: str, kind: str) -> None:
        """Register a person at the desk, give them a badge number, and check them in on this list."""
        from kiosk.models.errors import KioskError, is_busy

        try:
            attendee, serial = self.ops.register_attendee(name=name, type_=kind)
        except KioskError as exc:
            if exc.code == "clock_outside_event":
                self.status.setText(self._clock_line(QCoreApplication.translate("Staff", "Not registered")))
                return
            self.status.setText(QCoreApplication.translate("Staff", "Not registered: check the name (at most 100 "
                                                                    "characters)."))
            return
        except Exception as exc:  # sqlite3.Error: locked by another process, read-only, disk full
            if not is_busy(exc) and self.health is not None:
                self.health.write_failed(exc)
            self.status.setText(QCoreApplication.translate("Staff", "Not registered: another device was saving. "
                                                                    "Try again."))
            return
        self.manual(attendee.id)
        self.status.setText(QCoreApplication.translate("Staff", "Registered %1: badge number %2 (print it with "
                                                                "main.py badges).")
                            .replace("%1", attendee.name).replace("%2", serial))

    def undo(self) -> None:
        if self.list_id is None:
            return
        from kiosk.models.errors import KioskError, is_busy

        try:
            result = self.ops.undo_checkin(list_id=self.list_id)
        except KioskError as exc:
            self.status.setText(self._clock_line(QCoreApplication.translate("Staff", "Not undone"))
                                if exc.code == "clock_outside_event" else
                                QCoreApplication.translate("Staff", "Not undone: %1").replace("%1", exc.message[:120]))
            return
        except Exception as exc:  # sqlite3.Error: locked by another process, read-only, disk full
            if not is_busy(exc) and self.health is not None:
                self.health.write_failed(exc)
            self.status.setText(QCoreApplication.translate("Staff", "Not undone: another device was saving. Try again.")
                                if is_busy(exc) else
                                QCoreApplication.translate("Staff", "Not undone: %1").replace("%1", str(exc)[:120]))
            return
        if result is None:
            self.status.setText(QCoreApplication.translate("Staff", "Nothing to undo on this device."))
        else:
            self.status.setText(QCoreApplication.translate("Staff", "Check-in of %1 undone.").replace("%1", result.attendee.name))
        self.refresh()

    def export(self) -> Path | None:
        """CSV of this list's check-ins into exports/ (no file dialog on a kiosk)."""
        from kiosk.models.errors import KioskError

        try:
            path = self.ops.export_checkins_csv(self.list_id)
        except (OSError, KioskError) as exc:
            text = exc.message if isinstance(exc, KioskError) else (exc.strerror or str(exc))
            self.status.setText(QCoreApplication.translate("Staff", "Export failed: %1").replace("%1", text))
            return None
        self.status.setText(QCoreApplication.translate("Staff", "Saved %1").replace("%1", str(path)))
        return path

    def _camera(self, on: bool) -> None:
        if on and self.camera is None:
            from .feedback import CameraScanner

            self.camera = CameraScanner(self)
            self.camera.decoded.connect(self._camera_code)
            self.camera.preview.setMinimumHeight(240)
            self.layout().addWidget(self.camera.preview)
        if self.camera is not None:
            self.camera.preview.setVisible(on)
            (self.camera.start if on else self.camera.stop)()

    def _camera_code(self, text: str) -> None:
        # a camera sees the same badge in many frames: the scanner's repeat rule applies
        if self.wedge.decoder.accept(text, time.monotonic()):
            self.scan(text)
