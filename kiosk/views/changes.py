"""What changed since the schedule was published, newest first — open to everyone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget



from . import phrases
from .widgets import label, make_kinetic


def describe(change, session, rooms, lang: str) -> list[str]:
    """The lines for one changed session: a move as a move, a new time beside the old one."""
    lines = []
    if change.cancelled:
        lines.append(phrases.cancelled())
    if change.moved:
        old, new = change.moved

        def name(room_id):
            room = rooms.get(room_id or "")
            return room.name.get(lang) if room else "—"

        lines.append(QCoreApplication.translate("Changes", "Room: %1 → %2").replace("%1", name(old)).replace("%2", name(new)))
    if change.retimed:
        (ps, pe), (ns, ne) = change.retimed
        lines.append(QCoreApplication.translate("Changes", "Time: %1 → %2").replace("%1", phrases.time_range(ps, pe))
                     .replace("%2", phrases.time_range(ns, ne)))
    if change.notice:
        lines.append(phrases.notice_text(change.notice))
    return lines


class ChangesScreen(QWidget):
    openSession = Signal(str)

    def __init__(self, ui, programme, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.programme = programme
        self.heading = label(role="heading")
        self.empty = label(role="onDarkMuted", wrap=True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemClicked.connect(lambda item: self.openSession.emit(item.data(Qt.ItemDataRole.UserRole)))
        make_kinetic(self.list)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 20, 32, 20)
        box.setSpacing(14)
        box.addWidget(self.heading)
        box.addWidget(self.empty)
        box.addWidget(self.list, 1)
        ui.languageChanged.connect(lambda _l: self.refresh())
        ui.themeChanged.connect(lambda _t: self.refresh())
        self.refresh()

    def count(self) -> int:
        return len(self.programme.repo.changes())

    def refresh(self) -> None:
        lang, theme = self.ui.language, self.ui.theme
        self.heading.setText(QCoreApplication.translate("Changes", "Changes to the programme"))
        self.list.setStyleSheet(f"QListWidget {{ background: transparent; color: #ffffff; font-size: {theme.body}px; }}"
                                f"QListWidget::item {{ background: {theme.p.surface}; color: {theme.p.text};"
                                f" border-radius: 12px; margin: 6px 0; padding: 16px; }}")
        self.list.clear()
        changes = self.programme.repo.changes()
        for change in changes:
            session = self.programme.repo.session(change.session_id)
            if session is None:
                continue
            when = f"{phrases.day_label(session.start.date())} {phrases.time_range(session.start, session.end)}"
            lines = describe(change, session, self.programme.rooms, lang)
            item = QListWidgetItem(f"{session.title.get(lang)}\n{when}\n" + "\n".join("• " + x for x in lines))
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.list.addItem(item)
        self.empty.setText(QCoreApplication.translate("Changes", "No changes: everything is as printed in the programme."))
        self.empty.setVisible(not changes)
