""""My day": a visitor holds their badge to the kiosk's scanner and sees their next meeting
first, with the walk from this kiosk, then the rest of their day. Without the scanner they type
their name, pick themselves (name and organisation only: no type, no badge number) and then type
the number printed under the QR code on their badge: a name alone never opens anyone's day (who
meets whom, where and when is not for whoever knows a name). Three wrong numbers lock that
person's name on this kiosk for a few minutes. Public and read-only: nothing is written. It
clears itself after 30 s, or at the next touch anywhere else, and never shows contact details."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QApplication, QBoxLayout, QFrame, QHBoxLayout, QLineEdit, QListWidget, QPushButton, QStackedWidget,
    QVBoxLayout, QWidget,
)

from kiosk.models.domain import Text, unmarked
from kiosk.models.errors import KioskError

from . import phrases
from .map_view import SCALE, MapView, VenueScene
from .wedge import WedgeInput
from .widgets import kinetic_scroll, label
from .switching import when_shown

log = logging.getLogger(__name__)

CLEAR_SECONDS = 30
NUMBER_TRIES = 3                  # wrong badge numbers before that name is locked on this kiosk
LOCK_MINUTES = 5
_TOUCH = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


def status_text(item) -> str:
    """A day item's state in the reader's language ("" when there is nothing to say)."""
    if item.status == "cancelled":
        return phrases.cancelled()
    if item.status == "moved":
        parts = []
        if item.published_place and item.published_place != item.place:
            parts.append(phrases.moved(item.published_place, item.place))
        if item.published_start and item.published_start != item.start:
            parts.append(phrases.retimed(phrases.hhmm(item.published_start)))
        return " · ".join(parts) or QCoreApplication.translate("MyDay", "Moved")
    if item.status == "held":
        return QCoreApplication.translate("MyDay", "Held")
    if item.status == "no_show":
        return QCoreApplication.translate("MyDay", "Missed")
    return ""


def _with(item, lang: str) -> str:
    """Who a meeting is with, in the reader's language, without "(sample)" marks (a public screen)."""
    return (item.counterpart_text or Text(item.counterpart)).public.get(lang)


def place_text(item) -> str:
    if not item.place:
        return ""
    if item.kind == "meeting" and item.place.startswith("T"):
        return QCoreApplication.translate("MyDay", "Table %1").replace("%1", item.place)
    return QCoreApplication.translate("MyDay", "Room %1").replace("%1", item.place)


def qr_image_pixmap(payload: str, size: int):
    """A QR code as a pixmap through zxing-cpp's encoder (C++: ~2 ms for a 1 KB calendar, where
    the pure-Python encoder takes ~130 ms — most of a 100 ms budget). Falls back to qrcode."""
    from PySide6.QtGui import QImage, QPixmap

    try:
        import zxingcpp

        code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        modules = code.to_image(scale=1, add_quiet_zones=True).shape[0]
        image = code.to_image(scale=max(1, size // modules), add_quiet_zones=True)   # whole pixels per module
    except (ImportError, AttributeError, ValueError, RuntimeError):
        from .qr import qr_pixmap

        return qr_pixmap(payload, size)
    h, w = image.shape
    return QPixmap.fromImage(QImage(bytes(memoryview(image)), w, h, w, QImage.Format.Format_Grayscale8).copy())


class _ClearOnTouchElsewhere(QObject):
    """A press or touch outside the day panel (another screen, the top bar) clears the day."""

    def __init__(self, screen: "MyDayScreen") -> None:
        super().__init__(screen)
        self.screen = screen
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        # judged by where the finger landed, not by which widget got the event: an ignored press
        # travels up to the day page's parents, which are "elsewhere"
        if self.screen.attendee is None:       # the cheap test first: this sees every event of the app
            return False
        if event.type() in _TOUCH and self.screen.showing_day and isinstance(obj, QWidget):
            if event.type() == QEvent.Type.MouseButtonPress:
                spot = event.globalPosition().toPoint()
            else:
                points = event.points()
                if not points:
                    return False
                spot = points[0].globalPosition().toPoint()
            page = self.screen.day_page
            if not (page.isVisible() and page.rect().contains(page.mapFromGlobal(spot))):
                self.screen.clear()
        return False


class MyDayScreen(QWidget):
    cleared = Signal()

    def __init__(self, ui, ops, venue, *, clear_seconds: float = CLEAR_SECONDS, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.ops = ops
        self.mm = ops.matchmaking          # read-only: "my day" never writes
        self.venue = venue
        self.attendee = None
        self.day = None
        self.route = None
        self._table_items: dict = {}
        self._tag = None                   # the destination table's number on the map

        # --- waiting for a badge
        self.prompt_title = label(role="heading", wrap=True)
        self.prompt = label(role="onDark", wrap=True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        # the field takes focus only when tapped: opening "my day" must not pop the on-screen
        # keyboard up over the prompt (a badge under the scanner is the usual way in)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.search.textChanged.connect(self._look_up)
        self.matches = QListWidget()
        self.matches.setStyleSheet("QListWidget { color: #ffffff; } "
                                   "QListWidget::item { padding: 12px; border-bottom: 1px solid #3d5a80; }")
        self.matches.itemClicked.connect(lambda item: self.pick(item.data(Qt.ItemDataRole.UserRole)))
        # a name picked: the number printed under the badge's QR code proves it is theirs
        self.picked = None                 # the attendee id whose badge number is asked for
        self._tries: dict[str, int] = {}
        self._locked: dict[str, object] = {}   # attendee id -> until (the kiosk's clock)
        self.confirm = QFrame()
        self.confirm.setObjectName("Panel")
        self.confirm_name = label(role="sectionTitle", wrap=True)
        self.confirm_hint = label(wrap=True)
        self.number = QLineEdit()
        self.number.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText
                                        | Qt.InputMethodHint.ImhSensitiveData)
        self.number.setMaxLength(24)
        self.number.returnPressed.connect(self._confirm)
        self.number_ok = QPushButton()
        self.number_ok.setProperty("role", "primary")
        self.number_ok.clicked.connect(self._confirm)
        self.number_back = QPushButton()
        self.number_back.clicked.connect(self._unpick)
        cbox = QVBoxLayout(self.confirm)
        cbox.addWidget(self.confirm_name)
        cbox.addWidget(self.confirm_hint)
        cbox.addWidget(self.number)
        crow = QHBoxLayout()
        crow.addWidget(self.number_ok, 1)
        crow.addWidget(self.number_back, 1)
        cbox.addLayout(crow)
        # the panel sits under the prompt, not at the bottom (where the on-screen keyboard comes up)
        self.confirm_area = QWidget()
        abox = QVBoxLayout(self.confirm_area)
        abox.setContentsMargins(0, 0, 0, 0)
        abox.addWidget(self.confirm)
        abox.addStretch(1)
        self.confirm_area.hide()
        self.error = label(role="onDark", wrap=True)
        self._error_of = None              # gives the error's words again in a new language (see _say)
        self.no_meetings = label(role="onDark", wrap=True)      # shown when this kiosk holds no meeting at all
        self.no_meetings.hide()
        self.camera_button = QPushButton()
        self.camera_button.setCheckable(True)
        self.camera_button.setVisible(False)
        self.camera_button.toggled.connect(self._camera)
        self.camera = None
        self._camera_checked = False
        wait = QWidget()
        wbox = QVBoxLayout(wait)
        wbox.setContentsMargins(40, 40, 40, 24)
        wbox.setSpacing(18)
        wbox.addWidget(self.prompt_title)
        wbox.addWidget(self.prompt)
        wbox.addWidget(self.no_meetings)
        wbox.addWidget(self.error)
        wbox.addWidget(self.search)
        wbox.addWidget(self.matches, 1)
        wbox.addWidget(self.confirm_area, 1)
        wbox.addWidget(self.camera_button)

        # --- the day
        self.day_page = QWidget()
        self.name = label(role="heading", wrap=True)
        self.org = label(role="onDarkMuted", wrap=True)
        self.next_title = label(role="sectionTitle", wrap=True)
        self.next_card = QFrame()
        self.next_card.setObjectName("Panel")
        self.next_time = label(wrap=True)
        self.next_with = label(wrap=True)
        self.next_place = label(wrap=True)
        self.next_status = label(wrap=True)
        self.route_label = label(wrap=True)
        nbox = QVBoxLayout(self.next_card)
        for w in (self.next_time, self.next_with, self.next_place, self.next_status, self.route_label):
            nbox.addWidget(w)
        self.rest = QWidget()
        self.rest_box = QVBoxLayout(self.rest)
        self.rest_box.setContentsMargins(0, 0, 0, 0)
        self.rest_box.setSpacing(6)
        self.rest_box.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.name)
        left.addWidget(self.org)
        left.addWidget(self.next_title)
        left.addWidget(self.next_card)
        left.addWidget(kinetic_scroll(self.rest), 1)
        self.rest.setAutoFillBackground(False)        # QScrollArea turned it on: keep the dark screen
        self.scene = VenueScene(ui, self)
        self.plan = MapView(self.scene)
        self.plan.setMinimumHeight(260)
        self.qr = label()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = label(role="onDarkMuted", wrap=True)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = label(role="onDarkMuted")
        self.done = QPushButton()
        self.done.setProperty("role", "tile")
        self.done.clicked.connect(self.clear)
        qr_row = QHBoxLayout()
        qr_box = QVBoxLayout()
        qr_box.addWidget(self.qr)
        qr_box.addWidget(self.qr_caption)
        qr_row.addLayout(qr_box, 1)
        end_box = QVBoxLayout()
        end_box.addStretch(1)
        end_box.addWidget(self.countdown)
        end_box.addWidget(self.done)
        qr_row.addLayout(end_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.plan, 1)
        right.addLayout(qr_row)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.day_page)
        self.columns.setContentsMargins(32, 20, 32, 16)
        self.columns.setSpacing(24)
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)

        self.pages = QStackedWidget()
        self.pages.addWidget(wait)
        self.pages.addWidget(self.day_page)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(self.pages)

        self.wedge = WedgeInput(self)
        self.wedge.scanned.connect(self.scan)
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.setInterval(int(clear_seconds * 1000))
        self.clear_timer.timeout.connect(self.clear)
        self._clear_at: float | None = None
        self._elsewhere = _ClearOnTouchElsewhere(self)
        ui.secondTick.connect(self._tick)
        ui.languageChanged.connect(lambda _l: when_shown(self, "retranslate", self.retranslate))
        ui.themeChanged.connect(lambda _t: when_shown(self, "retranslate", self.retranslate))
        self.retranslate()

    # ---------------------------------------------------------------- state
    @property
    def tables(self):
        """The matchmaking tables (reference data: read once per screen)."""
        if "_tables" not in self.__dict__:
            self.__dict__["_tables"] = self.mm.tables()
        return self.__dict__["_tables"]

    @property
    def showing_day(self) -> bool:
        return self.pages.currentWidget() is self.day_page

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # portrait: the walk gets half the height (at 3:2 the map was a 340 px strip under an
        # emptied list); landscape: the day's text gets the wider column
        self.columns.setStretch(0, 1 if portrait else 3)
        self.columns.setStretch(1, 1 if portrait else 2)
        super().resizeEvent(event)

    def _check_meetings(self) -> None:
        self.no_meetings.setText(phrases.no_meetings())
        self.no_meetings.setVisible(not self.mm.any_meetings())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.wedge.set_active(True)
        self._check_meetings()
        if not self._camera_checked:
            from .feedback import camera_available

            self._camera_checked = True
            self.camera_button.setVisible(camera_available())

    def hideEvent(self, event) -> None:
        self.wedge.set_active(False)
        if self.camera_button.isChecked():
            self.camera_button.setChecked(False)
        self.clear()
        super().hideEvent(event)

    # ---------------------------------------------------------------- input
    def scan(self, payload: str) -> None:
        """A badge was read (scanner or camera): show that person's day, or say why not."""
        try:
            attendee = self.mm.attendee_for_badge(payload)
        except KioskError as exc:
            self.clear()
            reason = getattr(exc, "reason", "")
            # which check refused it (never the payload): an intermittent refusal of a real badge
            # (stranger r4 #6) can be told apart from a forgery in the log
            log.info("my day: badge refused: %s %s (%d characters)", exc.code, reason, len(payload))
            code = exc.code
            self._say(lambda: self._badge_error(code, reason))
            return
        self._show(attendee)

    def show_attendee(self, attendee_id: str) -> None:
        """Show a day without a badge: for tests and renders only. A visitor's tap on a name goes
        through :meth:`pick` (the badge's number is asked first)."""
        attendee = self.mm.attendee(attendee_id)
        if attendee is not None:
            self._show(attendee)

    def _say(self, text_of) -> None:
        """Show a refusal; ``text_of()`` says it again in the new language after a switch (it
        stayed in the language it was said in)."""
        self._error_of = text_of
        self.error.setText(text_of())
        self.error.show()

    def _badge_error(self, code: str, reason: str = "") -> str:
        """The visitor's sentence for a refused scan. Only a wrong signature, another event's
        prefix or an unknown version is "not a badge of this event"; a scan read incompletely or
        garbled (a scanner's burst cut short, a key lost) says so and asks for a rescan — a real
        badge misread must not be called a fake. A code this screen does not know is said as such."""
        if code == "INVALID" and reason in ("empty", "format"):
            return QCoreApplication.translate("MyDay", "The badge was not read completely. Please hold its QR code "
                                                       "under the scanner again.")
        if code == "REVOKED":
            return QCoreApplication.translate("MyDay", "This badge was replaced by a newer one. Please use your new "
                                                       "badge, or ask at the Welcome Center.")
        if code == "UNKNOWN":
            return QCoreApplication.translate("MyDay", "This badge is not in this kiosk's list. Please ask at the "
                                                       "Welcome Center.")
        if code == "INVALID":
            return QCoreApplication.translate("MyDay", "That is not a badge of this event. Hold your badge's QR code "
                                                       "under the scanner, or type your name below.")
        return QCoreApplication.translate("MyDay", "This badge could not be checked just now. Please try again, "
                                                   "or ask at the Welcome Center.")

    def _look_up(self, text: str) -> None:
        """Names (Latin or Hangul/Hanzi) only; 3+ characters, at most 8 matches, and only name and
        organisation — no attendee type (a VIP is not announced to the lobby), no badge number
        (it is the proof asked next), never contact details. A badge number typed here finds no one."""
        self.matches.clear()
        text = " ".join(text.split())
        if len(text) < 3:
            return
        from PySide6.QtWidgets import QListWidgetItem

        folded = text.casefold()
        rows: dict[str, list[str]] = {}
        for a in self.ops.checkins.find_attendees(text, limit=8):
            if folded not in a.name.casefold() and folded not in (a.name_local or "").casefold():
                continue                   # found by its id or badge serial: not on the public kiosk
            # people of one name and organisation share one row (seen: a buyer and a delegate);
            # each then types their own badge's number, which tells them apart
            shown = a.name + (f" ({a.name_local})" if a.name_local else "") + \
                (f" · {unmarked(a.organisation)}" if a.organisation else "")
            rows.setdefault(shown, []).append(a.id)
        for shown, ids in rows.items():
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, ",".join(ids))
            self.matches.addItem(item)

    def pick(self, attendee_id: str) -> None:
        """A name tapped in the matches (one id, or several with one name and organisation, comma
        separated): ask for the number printed on that person's badge."""
        first = self.mm.attendee(attendee_id.split(",")[0])
        if first is None:
            return
        attendee = first
        if self._is_locked(attendee_id):
            self._unpick()
            self._say(self._locked_text)
            return
        self.picked = attendee_id
        self.error.hide()
        self.confirm_name.setText(attendee.name + (f" ({attendee.name_local})" if attendee.name_local else ""))
        self.search.hide()
        self.matches.hide()
        self.confirm_area.show()
        self.number.clear()
        self.number.setFocus(Qt.FocusReason.OtherFocusReason)     # the on-screen keyboard comes up for it

    def _unpick(self) -> None:
        self.picked = None
        self.number.clear()
        self.confirm_area.hide()
        self.search.show()
        self.matches.show()

    def _is_locked(self, attendee_id: str) -> bool:
        until = self._locked.get(attendee_id)
        if until is None:
            return False
        if self.ui.now() >= until:
            del self._locked[attendee_id]
            self._tries.pop(attendee_id, None)
            return False
        return True

    def _locked_text(self) -> str:
        return QCoreApplication.translate("MyDay", "Too many wrong numbers for this name. Please hold your badge "
                                                   "under the scanner, or ask at the Welcome Center.")

    def _wrong_number_text(self) -> str:
        return QCoreApplication.translate("MyDay", "That is not the number on this badge. It is printed under the QR code, "
                                                   "for example A0123-1.")

    def _confirm(self) -> None:
        """The badge number typed for the picked name: right opens the day; wrong says so; the
        third wrong one locks that name on this kiosk for a few minutes (guessing is slow)."""
        attendee_id = self.picked
        if attendee_id is None:
            return
        if self._is_locked(attendee_id):
            self._unpick()
            self._say(self._locked_text)
            return
        attendee = None
        for one in attendee_id.split(","):
            try:
                attendee = self.mm.attendee_for_badge_number(one, self.number.text())
                break
            except KioskError:
                continue
        if attendee is None:
            tries = self._tries.get(attendee_id, 0) + 1
            self._tries[attendee_id] = tries
            self.number.clear()
            if tries >= NUMBER_TRIES:
                from datetime import timedelta

                self._locked[attendee_id] = self.ui.now() + timedelta(minutes=LOCK_MINUTES)
                self._unpick()
                self.search.clear()
                self._say(self._locked_text)
            else:
                self._say(self._wrong_number_text)
            return
        self._tries.pop(attendee_id, None)
        self._show(attendee)

    def _camera(self, on: bool) -> None:
        if on and self.camera is None:
            from .feedback import CameraScanner

            self.camera = CameraScanner(self)
            self.camera.decoded.connect(lambda text: self.wedge.decoder.accept(text, time.monotonic())
                                        and self.scan(text))
            self.camera.preview.setMinimumHeight(240)
            self.pages.widget(0).layout().addWidget(self.camera.preview)
        if self.camera is not None:
            self.camera.preview.setVisible(on)
            (self.camera.start if on else self.camera.stop)()

    # ---------------------------------------------------------------- showing and clearing
    def _show(self, attendee) -> None:
        self.attendee = attendee
        self.error.hide()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.matches.clear()
        self._unpick()
        self.refresh()
        self.pages.setCurrentWidget(self.day_page)
        self.clear_timer.start()
        self._clear_at = time.monotonic() + self.clear_timer.interval() / 1000
        self._tick(None)

    def clear(self) -> None:
        """Forget the person: back to the prompt, nothing of theirs left on screen."""
        was = self.attendee is not None
        self.attendee = self.day = self.route = None
        self.clear_timer.stop()
        self._clear_at = None
        self.pages.setCurrentWidget(self.pages.widget(0))
        for w in (self.name, self.org, self.next_time, self.next_with, self.next_place, self.next_status,
                  self.route_label, self.qr_caption):
            w.clear()
        self.qr.clear()
        self._fill_rest([])
        self.search.clear()
        self.matches.clear()
        self._unpick()
        self.error.hide()
        if was:
            self.cleared.emit()

    def _tick(self, _now) -> None:
        if self._clear_at is None:
            return
        left = max(0, round(self._clear_at - time.monotonic()))
        self.countdown.setText(QCoreApplication.translate("MyDay", "Clears in %n s", "", left))

    def refresh(self) -> None:
        """Read the day again (also when another device moved a meeting)."""
        self._check_meetings()
        if self.attendee is None:
            return
        now = self.ui.now()
        day = self.mm.my_day(self.attendee, now)
        self.day = day
        lang = self.ui.language
        theme = self.ui.theme
        a = day.attendee
        self.name.setText(a.name + (f"  {a.name_local}" if a.name_local else ""))
        self.org.setText(" · ".join(x for x in (unmarked(a.organisation) or "", phrases.attendee_type(a.type)) if x))
        nxt = day.next_meeting
        self.next_card.setVisible(nxt is not None)
        if not self.no_meetings.isHidden():
            # this kiosk holds no meeting at all (a database from before matchmaking): say so
            self.next_title.setText(phrases.no_meetings())
            self.route = None
        elif not day.all_meetings:
            # not "no more meetings today" (that reads as if there had been some): none at all,
            # and where a visitor who wants one can ask
            self.next_title.setText(QCoreApplication.translate("MyDay", "You have no business meetings booked"))
            self.route = None
        elif nxt is None:
            self.next_title.setText(QCoreApplication.translate("MyDay", "No more meetings today"))
            self.route = None
        else:
            self.next_title.setText(QCoreApplication.translate("MyDay", "Your next meeting"))
            self.next_time.setText(phrases.time_range(nxt.start, nxt.end))
            self.next_with.setText(QCoreApplication.translate("MyDay", "With %1").replace(
                "%1", _with(nxt, lang)) if nxt.counterpart else nxt.title.public.get(lang))
            self.next_place.setText(place_text(nxt))
            self.next_status.setText(status_text(nxt))
            self.next_status.setVisible(bool(status_text(nxt)))
            door = f"table:{nxt.place}" if nxt.place in self.tables else f"room:{nxt.place}"
            self.route = self.venue.route_to(door)
            self.route_label.setText(
                QCoreApplication.translate("MyDay", "From this kiosk:") + " "
                + phrases.walk(self.route.walking_m, self.route.minutes, self.route.changes)
                if self.route else "")
            self.route_label.setVisible(self.route is not None)
        rows = []
        if day.meetings:
            rows.append(("title", QCoreApplication.translate("MyDay", "Other meetings today")))
            rows += [("item", m) for m in day.meetings]
        if day.sessions:
            rows.append(("title", QCoreApplication.translate("MyDay", "Your sessions")))
            rows += [("item", s) for s in day.sessions]
        if day.lists:
            rows.append(("title", QCoreApplication.translate("MyDay", "You may enter")))
            rows += [("item", x) for x in day.lists]
        if not day.all_meetings:
            rows.insert(0, ("note", QCoreApplication.translate(
                "MyDay", "Questions about business meetings? Please ask at the Welcome Center.")))
        self._fill_rest(rows)
        self._draw_map(nxt)
        from kiosk.exchange.day_ics import calendar_items, day_ics

        # a calendar code only when there is something to put in the calendar
        to_add = calendar_items(day)
        self.qr.setVisible(bool(to_add))
        self.qr_caption.setVisible(bool(to_add))
        if not to_add:
            self.qr.clear()
            self.qr_caption.clear()
            return
        self.qr.setPixmap(qr_image_pixmap(day_ics(day, stamp=now), theme.px(240)))
        if any(i.kind == "meeting" for i in to_add):
            caption = QCoreApplication.translate("MyDay", "Scan with your phone: your meetings in your calendar")
        else:
            caption = QCoreApplication.translate("MyDay", "Scan with your phone: your sessions in your calendar")
        self.qr_caption.setText(caption)

    def _fill_rest(self, rows) -> None:
        """The day's other lines. Labels are kept and reused (hidden when not needed): a new
        label under the kiosk's style sheet costs a polish, and a visitor is waiting."""
        lang = self.ui.language
        pools = self.__dict__.setdefault("_pools", {"title": [], "note": [], "item": []})
        used = {"title": 0, "note": 0, "item": 0}
        roles = {"title": ("sectionTitle", False), "note": ("onDarkMuted", True), "item": ("onDark", True)}
        order = []
        for kind, value in rows:
            if kind == "item":
                bits = [phrases.time_range(value.start, value.end), value.title.public.get(lang)]
                if value.kind == "meeting" and value.counterpart:
                    bits[1] = QCoreApplication.translate("MyDay", "With %1").replace("%1", _with(value, lang))
                where = place_text(value) if value.kind != "list" else ""
                if where:
                    bits.append(where)
                state = status_text(value)
                if state:
                    bits.append(state)
                value = " · ".join(bits)
            pool = pools[kind]
            if used[kind] == len(pool):
                role, wrap = roles[kind]
                pool.append(label(role=role, wrap=wrap))
            w = pool[used[kind]]
            used[kind] += 1
            w.setText(value)
            order.append(w)
        # lay the used labels out in order; the rest stay in the layout, hidden and empty
        for i, w in enumerate(order):
            if self.rest_box.indexOf(w) != i:
                self.rest_box.insertWidget(i, w)
            w.show()
        for kind, pool in pools.items():
            for w in pool[used[kind]:]:
                if w.isVisible() or w.text():
                    w.clear()
                    w.hide()

    def _draw_map(self, nxt) -> None:
        tables = self.tables
        floor_id = None
        if nxt is not None:
            floor_id = tables[nxt.place].floor_id if nxt.place in tables else \
                (self.venue.rooms[nxt.place].floor_id if nxt.place in self.venue.rooms else None)
        if floor_id is None:
            self.plan.hide()
            return
        self.plan.show()
        floor = self.venue.floors[floor_id]
        # the floor is drawn once (per floor, language and theme); a new visitor only moves the marks
        key = (floor_id, self.ui.language, self.ui.theme)
        if getattr(self, "_scene_key", None) != key:
            self._scene_key = key
            self._table_items = {}          # references dropped before the scene deletes the items
            self._tag = None
            self.scene.build(floor=floor, rooms=self.venue.rooms.values(), booths={}, occupants={},
                             categories=self.venue.categories, features=self.venue.features,
                             kiosk=self.venue.kiosk)
            for t in tables.values():
                if t.floor_id != floor_id:
                    continue
                item = self.scene.addEllipse(QRectF((t.x - 0.6) * SCALE, (t.y - 0.6) * SCALE, 1.2 * SCALE,
                                                    1.2 * SCALE))
                self._table_items[t.id] = item
        for tid, item in self._table_items.items():
            mine = tid == nxt.place
            item.setPen(QPen(QColor("#ff6a00" if mine else "#5a7394"), 5 if mine else 1.5))
            item.setBrush(QBrush(QColor("#ff6a00" if mine else "#ffffff")))
            item.setZValue(16 if mine else 2)
        self.scene.highlight_room(nxt.place if nxt.place in self.venue.rooms else None)
        points = [p for leg in (self.route.legs if self.route else []) if leg.floor_id == floor_id for p in leg.points]
        self.scene.show_route(points or None)
        self._tag_table(tables.get(nxt.place))      # after the walk: the tag keeps off its last metres
        if nxt.place in tables:
            t = tables[nxt.place]
            tag = self._tag.sceneBoundingRect()      # the table's number is part of what must show
            xs = [p[0] for p in points] + [t.x, tag.left() / SCALE, tag.right() / SCALE]
            ys = [p[1] for p in points] + [t.y, tag.top() / SCALE, tag.bottom() / SCALE]
            room = self.venue.rooms.get(t.room_id)
            if room is not None and room.plan is not None and room.floor_id == floor_id:
                x, y, w, h = room.plan                  # and the room it stands in, with its name
                xs += [x, x + w]
                ys += [y, y + h]
        else:
            x, y, w, h = self.venue.rooms[nxt.place].plan
            xs = [p[0] for p in points] + [x, x + w]
            ys = [p[1] for p in points] + [y, y + h]
        from kiosk.models.venue_map import Rect

        self.plan.fit(Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1), margin_m=6)

    def _tag_table(self, table) -> None:
        """The table's number beside its orange mark, above the lounge's name and the other
        tables (seen: the lounge's label lay over the destination, which then had no name)."""
        from PySide6.QtGui import QFont
        from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

        if self._tag is None:
            box = QGraphicsRectItem()
            box.setBrush(QBrush(QColor("#ff6a00")))
            box.setPen(QPen(QColor("#ffffff"), 2))
            text = QGraphicsSimpleTextItem(box)
            font = QFont()
            font.setPixelSize(30)            # scene units (12 a metre): as the map's room names
            font.setBold(True)
            text.setFont(font)
            text.setBrush(QBrush(QColor("#ffffff")))
            box.setZValue(17)
            self.scene.addItem(box)
            self._tag = box
        box = self._tag
        box.setVisible(table is not None)
        if table is None:
            self.scene.make_room(None)
        # the name of the place the table stands in fades behind the tables (still there to read)
        spot = QPointF(table.x * SCALE, table.y * SCALE) if table is not None else None
        for label_item in self.scene.label_items:
            area = label_item.data(1)
            label_item.setOpacity(0.3 if spot is not None and area is not None and area.contains(spot) else 1.0)
        if table is None:
            return
        text = box.childItems()[0]
        text.setText(table.id)
        r = text.boundingRect()
        box.setRect(QRectF(0, 0, r.width() + 12, r.height() + 4))
        text.setPos(6, 2)
        # beside the mark where it covers no place name (seen: T16's tag lay over "Matchmaking
        # Lounge"), and as few other tables as it can
        others = [item.sceneBoundingRect() for tid, item in self._table_items.items() if tid != table.id]
        mark = QRectF((table.x - 0.6) * SCALE, (table.y - 0.6) * SCALE, 1.2 * SCALE, 1.2 * SCALE)
        half = max(box.rect().height(), mark.height()) / 2 + 4
        self.scene.make_room(QRectF(mark.left() - 4 * SCALE, mark.center().y() - half, mark.width() + 8 * SCALE,
                                    2 * half))
        self.scene.place_tag(box, mark, avoid=others)

    def _style(self) -> None:
        """Sizes and colours of the next-meeting card: set when the theme changes, not per visitor
        (a style sheet re-polishes its widget)."""
        theme = self.ui.theme
        self.next_time.setStyleSheet(f"font-size:{theme.heading}px; font-weight:700;")
        self.next_with.setStyleSheet(f"font-size:{theme.title}px; font-weight:700;")
        self.next_place.setStyleSheet(f"font-size:{theme.title}px; font-weight:700; color:{theme.p.accent};")
        self.next_status.setStyleSheet(f"font-weight:700; color:{theme.p.danger};")
        self.route_label.setStyleSheet(f"font-weight:700; color:{theme.p.warning};")
        self.error.setStyleSheet(f"color:{'#ffff66' if theme.high_contrast else '#ffcc66'}; "
                                 f"font-size:{theme.title}px; font-weight:700;")

    def retranslate(self) -> None:
        self._style()
        self.prompt_title.setText(QCoreApplication.translate("MyDay", "My day"))
        self.prompt.setText(QCoreApplication.translate("MyDay", "Hold your badge's QR code under the scanner to see "
                                                                "your meetings, sessions and where to go next."))
        self.search.setPlaceholderText(QCoreApplication.translate("MyDay", "…or type your name"))
        self._look_up(self.search.text())
        self.confirm_hint.setText(QCoreApplication.translate(
            "MyDay", "To see your day, type the number printed under the QR code on your badge."))
        self.number.setPlaceholderText(QCoreApplication.translate("MyDay", "Badge number, e.g. A0123-1"))
        self.number_ok.setText(QCoreApplication.translate("MyDay", "Show my day"))
        self.number_back.setText(QCoreApplication.translate("MyDay", "Not me"))
        self.camera_button.setText(QCoreApplication.translate("MyDay", "Use the camera"))
        self.done.setText(QCoreApplication.translate("MyDay", "Done"))
        self._check_meetings()
        if self.error.isVisibleTo(self) and self._error_of is not None:
            self.error.setText(self._error_of())
        if self.attendee is not None:
            self.refresh()
