"""Exhibitors: the categories and how many exhibit in each.

The floor map, search and routes build on this screen (issue 3).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.models.domain import Text

from .widgets import label


class ExhibitorsScreen(QWidget):
    def __init__(self, ui, repo, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.repo = repo
        self.heading = label(role="heading")
        self.summary = label(role="onDark", wrap=True)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 20)
        root.setSpacing(16)
        root.addWidget(self.heading)
        root.addWidget(self.summary)
        root.addLayout(self.grid)
        root.addStretch(1)
        ui.languageChanged.connect(lambda _l: self.refresh())
        ui.themeChanged.connect(lambda _t: self.refresh())
        self.refresh()

    def reset(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        lang = self.ui.language
        theme = self.ui.theme
        self.heading.setText(QCoreApplication.translate("Exhibitors", "Exhibitors"))
        total = self.repo.exhibitor_count()
        if total:
            self.summary.setText(QCoreApplication.translate("Exhibitors", "%n exhibitor(s) in the Exhibition Hall, 1st floor.", "", total))
        else:
            self.summary.setText(QCoreApplication.translate("Exhibitors", "The exhibitor list has not been loaded on this kiosk yet. "
                                                 "Ask at the Welcome Center, 1st floor."))
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w:
                w.deleteLater()
        cats = self.repo.category_counts()
        columns = 2 if self.width() < self.height() else 3
        for i, (row, n) in enumerate(cats):
            tile = QFrame()
            tile.setObjectName("Panel")
            tile.setMinimumHeight(theme.px(110))
            box = QVBoxLayout(tile)
            box.setContentsMargins(24, 16, 24, 16)
            name = label(f"{row['symbol']} · {Text.from_row(row, 'name').get(lang)}", wrap=True)
            name.setStyleSheet(f"font-size:{theme.title}px; font-weight:700; border-left: 14px solid {row['colour']}; padding-left: 12px;")
            count = label(QCoreApplication.translate("Exhibitors", "%n exhibitor(s)", "", n))
            count.setProperty("role", "muted")
            count.setStyleSheet(f"font-size:{theme.body}px;")
            box.addWidget(name)
            box.addWidget(count)
            self.grid.addWidget(tile, i // columns, i % columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.refresh()
