"""The camera path of "my day" and the check-in desk, with frames instead of a camera.

No camera on this machine (nor in CI), so everything after the lens is tested: a printed badge
(``kiosk.printing.render_badge``, the PNG the `badges` command writes) is photographed — placed on
a cluttered 1280×720 frame, turned, blurred — and the frame is delivered to the scanner's
``QVideoSink`` exactly as ``QMediaCaptureSession`` delivers a camera's frames (RGB and NV12, the
format most USB cameras send). From there on it is the kiosk's own path: the frame gap, zxing-cpp,
the repeat rule, ``MyDayScreen.scan``. Only the camera hardware and its driver are unverified.
"""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

QtMultimedia = pytest.importorskip("PySide6.QtMultimedia", reason="QtMultimedia is not installed")
zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp is not installed")

from kiosk.models import badges  # noqa: E402
from kiosk.printing import render_badge  # noqa: E402
from kiosk.views.feedback import FRAME_GAP, read_codes  # noqa: E402
from tests.conftest import kst  # noqa: E402

FRAME = QSize(1280, 720)


@pytest.fixture
def key(db):
    pem, raw = badges.generate_key_pair()
    db.badges.register_public_key(raw, kst("06-13 12:00"))
    return badges.load_private_key(pem)


def payload_for(db, key, attendee_id: str) -> str:
    return badges.sign(key, db.info.badge_prefix,
                       db.badges.current_badge(attendee_id, reissue=False, now=kst("06-13 12:00")))


def printed_badge(db, payload: str, attendee_id: str) -> QImage:
    """The badge as the `badges` command prints it, as a QImage."""
    a = db.matchmaking.attendee(attendee_id)
    png = io.BytesIO()
    render_badge(attendee=a, payload=payload, serial=attendee_id + "-1", event_name="SCIENCEPARK INNOFAIR 2023",
                 country_name=a.country).save(png, "PNG")
    image = QImage.fromData(png.getvalue())
    assert not image.isNull()
    return image


def photographed(badge: QImage, *, angle: float = 0.0, blur: int = 1, height: int = 640) -> QImage:
    """A camera's view of the badge held up: on a grey, cluttered background, turned by
    ``angle`` degrees, and blurred (rendered ``blur`` times smaller, then enlarged smoothly)."""
    frame = QImage(FRAME, QImage.Format.Format_RGB32)
    frame.fill(QColor("#6f6a64"))
    p = QPainter(frame)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i in range(12):                                   # things behind the badge: a hand, a lanyard, a desk
        p.fillRect(QRectF(60 + 97 * i, 40 + (i * 53) % 600, 40, 120), QColor.fromHsv((i * 37) % 360, 90, 140))
    if not badge.isNull():
        p.translate(QPointF(FRAME.width() / 2, FRAME.height() / 2))
        p.rotate(angle)
        w = badge.width() * height / badge.height()
        p.drawImage(QRectF(-w / 2, -height / 2, w, height), badge)
    p.end()
    if blur > 1:
        small = frame.scaled(FRAME / blur, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        frame = small.scaled(FRAME, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return frame.convertToFormat(QImage.Format.Format_RGB32)


def video_frame(image: QImage, *, nv12: bool = False):
    """A QVideoFrame as a camera hands it over: RGB, or NV12 (a full-size luma plane and a
    half-size interleaved chroma plane, limited range)."""
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    if not nv12:
        return QVideoFrame(image)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    frame = QVideoFrame(QVideoFrameFormat(image.size(), QVideoFrameFormat.PixelFormat.Format_NV12))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    luma, chroma = memoryview(frame.bits(0)), memoryview(frame.bits(1))
    stride = frame.bytesPerLine(0)
    table = bytes(16 + v * 219 // 255 for v in range(256))
    row = gray.width()
    for y in range(gray.height()):
        line = bytes(gray.constScanLine(y))[:row]
        luma[y * stride:y * stride + row] = line.translate(table)
    chroma[:] = b"\x80" * len(chroma)                    # no colour: U = V = 128
    frame.unmap()
    return frame


def deliver(qtbot, scanner, frame) -> None:
    """Hand a frame to the scanner's sink, as the capture session does, after the frame gap."""
    qtbot.wait(int(FRAME_GAP * 1000) + 20)
    scanner.sink.setVideoFrame(frame)


@pytest.fixture
def my_day(make_kiosk, clock, qtbot):
    clock.set(kst("06-14 13:40"))
    window = make_kiosk(kiosk_id="K1")
    window.show_view("my-day")
    screen = window.screen("my-day")
    screen.camera_button.setChecked(True)          # what the "Use the camera" button does
    assert screen.camera is not None and screen.camera.preview.isVisible()
    return screen


def test_a_photographed_badge_read_from_frames_shows_that_persons_day(qtbot, my_day, db, key):
    payload = payload_for(db, key, "A0176")
    deliver(qtbot, my_day.camera, video_frame(photographed(printed_badge(db, payload, "A0176"))))
    assert my_day.showing_day and my_day.attendee.id == "A0176"
    assert "Huang" in my_day.name.text()


@pytest.mark.parametrize("angle, blur, nv12", [(23, 1, False), (-70, 4, False), (180, 1, True), (35, 4, True)],
                         ids=["turned", "turned-blurred", "upside-down-nv12", "turned-blurred-nv12"])
def test_turned_and_blurred_badges_and_a_cameras_nv12_frames(qtbot, my_day, db, key, angle, blur, nv12):
    payload = payload_for(db, key, "A0001")
    image = photographed(printed_badge(db, payload, "A0001"), angle=angle, blur=blur)
    assert read_codes(image) == [payload]                      # the decoder alone
    deliver(qtbot, my_day.camera, video_frame(image, nv12=nv12))   # and the whole path
    assert my_day.showing_day and my_day.attendee.id == "A0001"


def test_frames_without_a_readable_code_change_nothing(qtbot, my_day, db, key):
    payload = payload_for(db, key, "A0176")
    blank = photographed(QImage())                             # the desk, nobody in front of it
    hopeless = photographed(printed_badge(db, payload, "A0176"), blur=8)   # 4 still reads
    assert read_codes(blank) == [] and read_codes(hopeless) == [] and read_codes(QImage()) == []
    for image in (blank, hopeless):
        deliver(qtbot, my_day.camera, video_frame(image))
    assert not my_day.showing_day and not (my_day.error.isVisible() and my_day.error.text())


def test_a_forged_badge_before_the_camera_is_refused_and_shows_no_one(qtbot, my_day, db, key):
    """Signed with a key the event never issued, and a real badge with its serial changed:
    both decode from the frame, both are refused by the badge check, nobody's day is shown."""
    pem, _raw = badges.generate_key_pair()                     # the forger's own key, never registered
    forged = badges.sign(badges.load_private_key(pem), db.info.badge_prefix,
                         db.badges.current_badge("A0176", reissue=False, now=kst("06-13 12:00")))
    real = payload_for(db, key, "A0002")
    altered = real.replace("A0002", "A0176", 1)
    assert altered != real
    for payload in (forged, altered):
        image = photographed(printed_badge(db, payload, "A0176"), angle=12)
        assert read_codes(image) == [payload]
        deliver(qtbot, my_day.camera, video_frame(image))
        assert not my_day.showing_day and my_day.attendee is None
        assert my_day.error.isVisible() and "not a badge of this event" in my_day.error.text()


def test_one_badge_in_many_frames_is_one_scan(qtbot, my_day, db, key, monkeypatch):
    """A camera sees the badge in every frame: the repeat rule makes it one look-up, and frames
    between reads are only shown (the frame gap)."""
    looked_up = []
    real_scan = my_day.scan
    monkeypatch.setattr(my_day, "scan", lambda text: (looked_up.append(text), real_scan(text)))
    payload = payload_for(db, key, "A0176")
    frame = video_frame(photographed(printed_badge(db, payload, "A0176"), angle=5))
    deliver(qtbot, my_day.camera, frame)
    for _ in range(5):                                         # a burst, faster than the frame gap
        my_day.camera.sink.setVideoFrame(frame)
    deliver(qtbot, my_day.camera, frame)                       # a later read: the same badge again
    assert looked_up == [payload] and my_day.showing_day


def test_the_check_in_desk_reads_the_same_frames(qtbot, make_kiosk, clock, db, key):
    clock.set(kst("06-14 09:30"))
    window = make_kiosk()
    window.enter_staff_mode("staff")
    desk = window.desk
    desk.camera_button.setChecked(True)
    assert desk.camera is not None
    payload = payload_for(db, key, "A0001")
    deliver(qtbot, desk.camera, video_frame(photographed(printed_badge(db, payload, "A0001"), angle=-15, blur=2),
                                            nv12=True))
    assert db.execute("SELECT count(*) FROM scan WHERE attendee_id = 'A0001'").fetchone()[0] == 1
