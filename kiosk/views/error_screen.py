"""Shown instead of the kiosk when its event data cannot be opened: what and how to fix."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from .widgets import label


class ErrorScreen(QWidget):
    def __init__(self, ui, error, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("KioskRoot")
        self.ui = ui
        self.error = error
        self.heading = label(role="heading", wrap=True)
        self.lead = label(role="onDark", wrap=True)
        panel = QFrame()
        panel.setObjectName("Panel")
        self.message = label(wrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = label(wrap=True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = label()
        self.code.setProperty("role", "muted")
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(36, 32, 36, 32)
        inner.setSpacing(18)
        inner.addWidget(self.message)
        inner.addWidget(self.hint)
        inner.addWidget(self.code)
        root = QVBoxLayout(self)
        root.setContentsMargins(80, 80, 80, 80)
        root.setSpacing(28)
        root.addWidget(self.heading)
        root.addWidget(self.lead)
        root.addWidget(panel)
        root.addStretch(1)
        ui.languageChanged.connect(lambda _l: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        theme = self.ui.theme
        self.heading.setText(QCoreApplication.translate("Error", "This kiosk cannot open its event data"))
        self.lead.setText(QCoreApplication.translate("Error", "Nothing has been changed or lost. Please call a member of staff."))
        self.lead.setStyleSheet(f"font-size:{theme.title}px;")
        self.message.setText(self.error.message)
        self.message.setStyleSheet(f"font-size:{theme.title}px; font-weight:600;")
        self.hint.setText(QCoreApplication.translate("Error", "For staff:") + " " + self.error.hint)
        self.hint.setStyleSheet(f"font-size:{theme.body}px; font-family: monospace;")
        self.code.setText(QCoreApplication.translate("Error", "Error code: %1").replace("%1", self.error.code))
