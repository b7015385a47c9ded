"""Filter chips in a strip that flicks sideways (the exhibitors screen): built only when that
screen is, so the first frame does not set up QScrollArea's classes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QSizePolicy, QWidget

from .widgets import make_kinetic


class Chip(QPushButton):
    """A filter chip: its name and its live count on one line, never clipped (the strip it sits
    in scrolls sideways instead). Its width is its text's: the style sheet's ``min-width`` would
    otherwise let a layout squeeze it down to 72 px."""

    def set_label(self, words: str, tail: str = "") -> None:
        text = (f"{words}  {tail}" if tail else words).replace("&", "&&")
        if text != self.text():
            self.setText(text)
            self._keep_width()

    def _keep_width(self) -> None:
        self.setMinimumWidth(0)
        self.setMinimumWidth(self.sizeHint().width())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._keep_width()


class ChipStrip(QScrollArea):
    """One row of chips, each at its natural width (its whole name and count on one line), that
    flicks sideways when they do not all fit, with a thin bar under it saying there is more.

    One row instead of a wrapped grid: on the exhibitors screen a grid of 15 chips left the list
    beside it about 1.5 rows (issue 12). The design allows the sideways overflow (property
    ``scrollsSideways``, which the layout-fit test honours); every chip is reached by a flick."""

    def __init__(self, parent=None) -> None:
        self.chips: list[QPushButton] = []
        super().__init__(parent)
        self.setProperty("scrollsSideways", True)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        content = QWidget()
        self.row = QHBoxLayout(content)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(8)
        self.row.addStretch(1)
        self.setWidget(content)
        self.viewport().setAutoFillBackground(False)
        make_kinetic(self)

    def add(self, chip: QPushButton) -> None:
        # each chip keeps its natural width: the strip scrolls rather than squeeze a name
        chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.row.insertWidget(self.row.count() - 1, chip)
        self.chips.append(chip)

    def reorder(self, chips: list[QPushButton]) -> None:
        """Show the strip's chips in this order (a language's own alphabetical order of the
        names); nothing moves when the order is already so."""
        if chips == self.chips:
            return
        for chip in chips:
            self.row.removeWidget(chip)
        for i, chip in enumerate(chips):
            self.row.insertWidget(i, chip)
        self.chips = list(chips)

    def fit_height(self) -> None:
        """As tall as a chip plus the bar's room (kept even when no bar shows: the list under the
        strip does not jump when a language's names start to overflow)."""
        for c in self.chips:
            c.ensurePolished()
        chip = max((c.sizeHint().height() for c in self.chips), default=0)
        bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(chip + bar + 6)

    def showEvent(self, event) -> None:
        # the window's style sheet (chip height, font) reaches the chips only once they are in
        # the window: measure again then
        self.fit_height()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.fit_height()

    def reveal(self, chip: QPushButton) -> None:
        """Bring a chip chosen from elsewhere (start options, a reset) into the strip's view."""
        self.widget().adjustSize()
        self.ensureWidgetVisible(chip, 24, 0)
