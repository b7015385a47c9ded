"""What changed since the schedule was published, newest first — open to everyone.

One card per changed session: its title, where and when it is now, then each change in words
that cannot be misread ("Moved to Room 204 (was Room 101)", "Starts 17:30 (10 min late)",
"Cancelled") and when it was changed. A tap opens the session (and the walk there).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.models import agenda

from . import phrases
from .session_card import LATE_NOTICES
from .widgets import kinetic_scroll, label
from .switching import when_shown


def describe(change, session, rooms, lang: str) -> list[tuple[str, str]]:
    """(line, palette colour) for one changed session: a move as a move ("Moved to Room 204
    (was Room 101)"), a new start with how late or early it now is, a new end beside the
    printed one, a notice — never a new time next to a delay that would add up twice."""
    lines: list[tuple[str, str]] = []
    if change.cancelled:
        lines.append((phrases.cancelled(), "danger"))
    if change.moved:
        old, new = change.moved

        def name(room_id):
            room = rooms.get(room_id or "")
            return room.name.get(lang) if room else "—"

        lines.append((QCoreApplication.translate("Changes", "Moved to %1 (was %2)")
                      .replace("%1", name(new)).replace("%2", name(old)), "change"))
    start_moved = False
    if change.retimed and not change.cancelled:
        (ps, pe), (ns, ne) = change.retimed
        if ns.date() != ps.date():
            start_moved = True
            lines.append((QCoreApplication.translate("Changes", "Now %1 at %2 (was %3 at %4)")
                          .replace("%1", phrases.day_label(ns.date())).replace("%2", phrases.hhmm(ns))
                          .replace("%3", phrases.day_label(ps.date())).replace("%4", phrases.hhmm(ps)), "change"))
        elif ns != ps:
            start_moved = True
            minutes = round(abs((ns - ps).total_seconds()) / 60)
            if ns > ps:
                text = QCoreApplication.translate("Changes", "Starts %1 (%n min late)", "", minutes)
            else:
                text = QCoreApplication.translate("Changes", "Starts %1 (%n min early)", "", minutes)
            lines.append((text.replace("%1", phrases.hhmm(ns)), "change"))
        if ne - ns != pe - ps or (ns == ps and ne != pe):
            lines.append((QCoreApplication.translate("Changes", "Ends %1 (was %2)")
                          .replace("%1", phrases.hhmm(ne)).replace("%2", phrases.hhmm(pe)), "change"))
    if change.notice and not (start_moved and change.notice in LATE_NOTICES):
        lines.append((phrases.notice_text(change.notice), "change"))
    return lines


class ChangeCard(QFrame):
    """One changed session as a card; a tap (not a flick) emits ``tapped(session_id)``."""

    tapped = Signal(str)

    def __init__(self, session_id: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ChangeCard")
        self.session_id = session_id
        self._pressed: QPoint | None = None
        self.title = label(wrap=True)
        self.when = label(wrap=True)
        self.lines: list = []
        self.changed_at = label(wrap=True)
        self.more = label("›")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(28, 18, 20, 18)
        self.box.setSpacing(6)
        self.box.addWidget(self.title)
        self.box.addWidget(self.when)
        self.change_box = QVBoxLayout()
        self.change_box.setSpacing(2)
        self.box.addLayout(self.change_box)
        foot = QHBoxLayout()
        foot.addWidget(self.changed_at, 1)
        foot.addWidget(self.more, 0, Qt.AlignmentFlag.AlignBottom)
        self.box.addLayout(foot)
        self.box.addStretch(1)

    def fill(self, *, title: str, when: str, lines: list[tuple[str, str]], changed_at: str, theme) -> None:
        p = theme.p
        self._theme = theme
        self._accent = theme.color("danger" if any(c == "danger" for _l, c in lines) else "change")
        self.setStyleSheet(f"QFrame#ChangeCard QLabel {{ background: transparent; border: none; color: {p.text}; }}")
        self.update()
        self.title.setText(title)
        self.title.setStyleSheet(f"font-size: {theme.title}px; font-weight: 700;")
        self.when.setText(when)
        self.when.setStyleSheet(f"font-size: {theme.body}px; color: {p.text_muted if not theme.high_contrast else p.text};")
        # the line labels are kept and relabelled (a refresh comes with every edit, language and
        # theme change all day): only a card that now has fewer lines gives some back
        while len(self.lines) > len(lines):
            old = self.lines.pop()
            self.change_box.removeWidget(old)
            old.hide()
            old.deleteLater()
        while len(self.lines) < len(lines):
            line = label(wrap=True)
            self.change_box.addWidget(line)
            self.lines.append(line)
        for line, (text, colour) in zip(self.lines, lines):
            line.setText(text)
            line.setStyleSheet(f"font-size: {theme.body}px; font-weight: 700; color: {getattr(p, colour)};")
        self.changed_at.setText(changed_at)
        self.changed_at.setStyleSheet(f"font-size: {theme.small}px; color: {p.text_muted if not theme.high_contrast else p.text};")
        self.changed_at.setVisible(bool(changed_at))
        self.more.setStyleSheet(f"font-size: {theme.title}px; font-weight: 700; color: {p.accent};")

    def paintEvent(self, event) -> None:
        """A card like the agenda's: rounded, with the change colour's bar down its left side."""
        theme = getattr(self, "_theme", None)
        if theme is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(r, 14, 14)
        painter.fillPath(path, theme.color("surface"))
        if theme.high_contrast:
            pen = QPen(theme.color("border"))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawPath(path)
        bar = QPainterPath()
        bar.addRoundedRect(QRectF(r.left(), r.top(), 14, r.height()), 7, 7)
        painter.fillPath(bar, self._accent)
        painter.end()

    def line_texts(self) -> list[str]:
        return [line.text() for line in self.lines]

    # a tap opens the session; a flick (the kinetic scroll) does not
    def mousePressEvent(self, event) -> None:
        self._pressed = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        pressed, self._pressed = self._pressed, None
        if pressed is not None and (event.position().toPoint() - pressed).manhattanLength() < 24:
            self.tapped.emit(self.session_id)
        super().mouseReleaseEvent(event)


class ChangesScreen(QWidget):
    openSession = Signal(str)

    def __init__(self, ui, programme, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.programme = programme
        self.heading = label(role="heading", wrap=True)
        self.hint = label(role="onDarkMuted", wrap=True)
        self.empty = label(role="onDarkMuted", wrap=True)
        self.cards: list[ChangeCard] = []
        # cards from this index on are changes to sessions on days that are over (listed last,
        # under ``past_heading``; Home does not count them)
        self.past_from = 0
        self._day = None
        self._columns = 0
        self.content = QWidget()
        self.content.setObjectName("ChangesContent")
        self.content.setStyleSheet("QWidget#ChangesContent { background: transparent; }")
        self.past_heading = label(role="sectionTitle", wrap=True)
        self.past_heading.setParent(self.content)
        self.past_heading.hide()
        self.grid = QGridLayout(self.content)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(16)
        self.scroll = kinetic_scroll(self.content)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 20, 32, 20)
        box.setSpacing(14)
        box.addWidget(self.heading)
        box.addWidget(self.hint)
        box.addWidget(self.empty)
        box.addWidget(self.scroll, 1)
        ui.languageChanged.connect(lambda _l: when_shown(self, "retranslate", self.refresh))
        ui.themeChanged.connect(lambda _t: when_shown(self, "retranslate", self.refresh))
        self.refresh()

    def count(self) -> int:
        return len(self.programme.repo.changes())

    def _wanted_columns(self) -> int:
        # two columns of cards on a landscape screen, one in portrait
        return 2 if self.width() > self.height() and self.width() >= 1400 else 1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._wanted_columns() != self._columns:
            self._place()

    def _place(self) -> None:
        self._columns = self._wanted_columns()
        while self.grid.count():
            self.grid.takeAt(0)
        cols = self._columns
        current, past = self.cards[:self.past_from], self.cards[self.past_from:]
        for i, card in enumerate(current):
            row, col = divmod(i, cols)
            self.grid.addWidget(card, row, col)
        rows = (len(current) + cols - 1) // cols
        if past:
            self.grid.addWidget(self.past_heading, rows, 0, 1, cols)
            rows += 1
            for i, card in enumerate(past):
                row, col = divmod(i, cols)
                self.grid.addWidget(card, rows + row, col)
            rows += (len(past) + cols - 1) // cols
        self.past_heading.setVisible(bool(past))
        for col in range(2):
            self.grid.setColumnStretch(col, 1 if col < cols else 0)
        for row in range(rows + 2):
            self.grid.setRowStretch(row, 0)
        self.grid.setRowStretch(rows, 1)     # the cards at the top, the space below them

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.ui.now().date() != self._day:
            self.refresh()          # a new day: yesterday's changes go under "Earlier days"

    def refresh(self) -> None:
        lang, theme = self.ui.language, self.ui.theme
        now = self.ui.now()
        self._day = now.date()
        self.heading.setText(QCoreApplication.translate("Changes", "Changes to the programme"))
        self.past_heading.setText(QCoreApplication.translate("Changes", "Earlier days (over)"))
        self.hint.setText(QCoreApplication.translate("Changes", "Tap a card to see the session and the way there."))
        # The cards are kept and refilled (this runs on every edit, language and theme change, all
        # day long): only cards beyond the new count are removed, only missing ones are made.
        cards, self.cards = self.cards, []
        changes = self.programme.repo.changes()
        rooms = self.programme.rooms
        # today's and later days' changes first; those to days that are over after them
        def over(change) -> bool:
            item = self.programme.get(change.session_id)
            return item is not None and agenda.on_a_past_day(item.session, now)

        changes = [c for c in changes if not over(c)] + [c for c in changes if over(c)]
        self.past_from = len(changes)
        for change in changes:
            item = self.programme.get(change.session_id)
            if item is None:
                continue
            s = item.session
            where = item.room.name.get(lang) if item.room else ""
            if item.floor and item.room and item.room.kind != "entrance":
                where = f"{where}{phrases.list_sep()}{item.floor.name.get(lang)}"
            when = " · ".join(p for p in (phrases.day_label(s.start.date()), phrases.time_range(s.start, s.end), where) if p)
            at = ""
            if change.at is not None:
                local = change.at.astimezone(now.tzinfo)
                stamp = phrases.hhmm(local) if local.date() == now.date() else \
                    f"{phrases.day_label(local.date())} {phrases.hhmm(local)}"
                at = QCoreApplication.translate("Changes", "Changed %1").replace("%1", stamp)
            if self.past_from == len(changes) and agenda.on_a_past_day(s, now):
                self.past_from = len(self.cards)
            if len(self.cards) < len(cards):
                card = cards[len(self.cards)]
                card.session_id = s.id
            else:
                card = ChangeCard(s.id)
                card.tapped.connect(self.openSession)
            card.fill(title=s.title.get(lang), when=when, lines=describe(change, s, rooms, lang),
                      changed_at=at, theme=theme)
            self.cards.append(card)
        self.past_from = min(self.past_from, len(self.cards))
        for card in cards[len(self.cards):]:
            self.grid.removeWidget(card)
            card.hide()
            card.deleteLater()
        self._place()
        self.empty.setText(QCoreApplication.translate("Changes", "No changes: everything is as printed in the programme."))
        self.empty.setVisible(not self.cards)
        self.hint.setVisible(bool(self.cards))
        self.scroll.setVisible(bool(self.cards))
