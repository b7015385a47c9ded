"""Sounds for verdicts (QtMultimedia, silent when there is no audio) and the camera scanner
(QtMultimedia + zxing-cpp; absent when the machine has no camera)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

log = logging.getLogger(__name__)
SOUNDS = Path(__file__).resolve().parent.parent.parent / "assets" / "sounds"


class Sounds:
    """One short sound per verdict colour. Any failure (no QtMultimedia, no audio device)
    leaves the kiosk silent rather than broken."""

    def __init__(self) -> None:
        self._effects: dict | None = None   # loaded on the first verdict: QtMultimedia is slow to start

    def _load(self) -> dict:
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:
            log.info("no sound: %s", exc)
            return self._effects
        for colour in ("green", "amber", "red"):
            path = SOUNDS / f"{colour}.wav"
            if path.exists():
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.9)
                self._effects[colour] = effect
        return self._effects

    def preload(self) -> None:
        """Import QtMultimedia and load the effects now instead of on the first verdict."""
        if self._effects is None:
            self._load()

    def play(self, colour: str) -> None:
        effect = (self._effects if self._effects is not None else self._load()).get(colour)
        if effect is not None:
            try:
                effect.play()
            except RuntimeError as exc:  # audio went away
                log.warning("sound failed: %s", exc)


def camera_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices

        import zxingcpp  # noqa: F401
    except ImportError:
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except RuntimeError:
        return False


#: seconds between two frames that are read (a camera delivers 25–30 a second)
FRAME_GAP = 0.15


class CameraScanner(QObject):
    """Reads QR codes from the first camera, about seven frames a second; shows a preview."""

    decoded = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.preview = QVideoWidget()
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.session = QMediaCaptureSession()
        self.session.setCamera(self.camera)
        self.sink = QVideoSink()
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)
        self._last = 0.0

    def start(self) -> None:
        self.camera.start()

    def stop(self) -> None:
        self.camera.stop()

    def _frame(self, frame) -> None:
        """Every frame the camera delivers to the sink: shown, and about seven a second read."""
        self.preview.videoSink().setVideoFrame(frame)
        now = time.monotonic()
        if now - self._last < FRAME_GAP:
            return
        self._last = now
        for text in read_codes(frame.toImage()):
            self.decoded.emit(text)


def read_codes(image) -> list[str]:
    """The QR codes' texts in one camera image (a QImage), any rotation; [] for none, a null
    image or a decoder failure (logged: a bad frame must never stop the camera)."""
    if image.isNull():
        return []
    import zxingcpp

    try:
        results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    except (ValueError, RuntimeError) as exc:
        log.warning("camera decode failed: %s", exc)
        return []
    return [r.text for r in results if r.text]
