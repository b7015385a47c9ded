"""Qt item models over the programme: one for the agenda (rows of parallel sessions) and one
for plain session lists (home screen's Now and Next)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex

from kiosk.models import agenda

from .programme import Programme, SessionItem
from .qt_flags import ACCESSIBLE_TEXT_ROLE, DISPLAY_ROLE, USER_ROLE

#: A row's sessions (list[SessionItem]): one for list rows, one or more for agenda rows.
SessionsRole = USER_ROLE + 1      # (roles are integers; qt_flags.py says why not Qt.ItemDataRole)
#: The id of a row's first session.
SessionIdRole = USER_ROLE + 2


class _RowsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list[SessionItem]] = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == SessionsRole:
            return row
        if role == SessionIdRole:
            return row[0].session.id
        if role in (DISPLAY_ROLE, ACCESSIBLE_TEXT_ROLE):
            return " | ".join(i.session.title.en for i in row)
        return None

    def _set_rows(self, rows: list[list[SessionItem]]) -> None:
        if rows == self._rows:   # nothing shown differs (a minute tick, a change elsewhere): no rebuild
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def sessions(self) -> list[SessionItem]:
        return [item for row in self._rows for item in row]


class AgendaModel(_RowsModel):
    """One row per start time of the chosen day; parallel sessions share a row."""

    def __init__(self, programme: Programme, parent=None) -> None:
        super().__init__(parent)
        self.programme = programme
        self.day: date | None = None

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        items = {i.session.id: i for i in self.programme.items(self.day, meetings=True)}
        groups = agenda.parallel_groups(i.session for i in items.values())
        self._set_rows([[items[s.id] for s in group] for group in groups])


class SessionListModel(_RowsModel):
    """A plain list, one session per row (set from outside, e.g. the home screen's Now)."""

    def set_items(self, items: list[SessionItem]) -> None:
        self._set_rows([[i] for i in items])

    def set_rows(self, rows: list[list[SessionItem]]) -> None:
        """Rows of several cards (a grid: the home screen's busiest moments)."""
        self._set_rows([list(r) for r in rows if r])
