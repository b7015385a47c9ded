"""The floor we cannot beat: a bare PySide6 window, start to first painted frame.

Prints ``first-frame CPU_MS`` once painted: the process's CPU time (all threads) at that moment,
measured the same way as the kiosk's ``main.py --exit-after-first-frame``."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Bare(QWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        if not getattr(self, "_done", False):
            self._done = True
            QTimer.singleShot(0, lambda: (print("first-frame", f"{time.process_time() * 1000:.1f}", flush=True), QApplication.quit()))


app = QApplication(sys.argv)
w = Bare()
w.resize(1920, 1080)
w.show()
app.exec()
