"""The floor we cannot beat: a bare PySide6 window, start to first painted frame."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Bare(QWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        if not getattr(self, "_done", False):
            self._done = True
            QTimer.singleShot(0, lambda: (print("first-frame", flush=True), QApplication.quit()))


app = QApplication(sys.argv)
w = Bare()
w.resize(1920, 1080)
w.show()
app.exec()
