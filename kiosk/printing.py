"""Printable badges: one PNG per badge (Pillow + qrcode) and an A4 PDF sheet (Qt's PDF writer,
which streams pages, so 300 badges do not need gigabytes of memory)."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BADGE_SIZE = (1050, 1500)          # 3.5 × 5 in at 300 dpi
TYPE_COLOURS = {                    # the band across the top: readable from a distance
    "delegate": "#0b63ce", "speaker": "#b00020", "exhibitor": "#0a7d32", "buyer": "#b35c00",
    "vip": "#6b2fa0", "press": "#111111", "staff": "#d4a000", "volunteer": "#008b8b",
}
TYPE_LABELS = {
    "delegate": ("DELEGATE", "참가자"), "speaker": ("SPEAKER", "연사"), "exhibitor": ("EXHIBITOR", "참가기업"),
    "buyer": ("BUYER", "바이어"), "vip": ("VIP", "귀빈"), "press": ("PRESS", "언론"), "staff": ("STAFF", "운영요원"),
    "volunteer": ("VOLUNTEER", "자원봉사자"),
}
# index of each face inside Noto Sans CJK's .ttc (JP, KR, SC, TC, HK)
TTC_INDEX = {"ko": 1, "zh-Hant": 3}


@functools.lru_cache(maxsize=None)
def _font_file(bold: bool) -> str | None:
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", f"Noto Sans CJK KR:{'bold' if bold else 'regular'}"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out if out.lower().endswith((".ttc", ".otf", ".ttf")) and "CJK" in out else None


@functools.lru_cache(maxsize=None)
def font(size: int, *, bold: bool = True, script: str = "ko") -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_file(bold)
    if path is None:
        return ImageFont.load_default(size)
    index = TTC_INDEX.get(script, 1) if path.endswith(".ttc") else 0
    return ImageFont.truetype(path, size, index=index)


def _script(text: str) -> str:
    """Hanzi-only names take the Traditional Chinese face; anything with Hangul the Korean one."""
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        return "ko"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "zh-Hant"
    return "ko"


def _fit(draw: ImageDraw.ImageDraw, text: str, max_width: int, size: int, *, bold=True, script="ko"):
    """The largest font ≤ size that fits ``text`` in ``max_width``."""
    while size > 24:
        f = font(size, bold=bold, script=script)
        if draw.textlength(text, font=f) <= max_width:
            return f
        size -= 4
    return font(size, bold=bold, script=script)


def qr_image(payload: str, box: int) -> Image.Image:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(payload, optimize=0)
    code.make(fit=True)
    img = code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
    return img.resize((box, box), Image.NEAREST)


def render_badge(*, attendee, payload: str, serial: str, event_name: str, country_name: str) -> Image.Image:
    w, h = BADGE_SIZE
    img = Image.new("RGB", BADGE_SIZE, "white")
    d = ImageDraw.Draw(img)
    colour = TYPE_COLOURS.get(attendee.type, "#444444")
    d.rectangle([0, 0, w, 230], fill=colour)
    d.text((w / 2, 60), event_name, font=font(44), fill="white", anchor="mm")
    label_en, label_ko = TYPE_LABELS.get(attendee.type, (attendee.type.upper(), ""))
    d.text((w / 2, 160), f"{label_en}  {label_ko}", font=font(76), fill="white", anchor="mm")
    y = 330
    d.text((w / 2, y), attendee.name, font=_fit(d, attendee.name, w - 100, 104), fill="#111111", anchor="mm")
    y += 120
    if attendee.name_local:
        script = _script(attendee.name_local)
        d.text((w / 2, y), attendee.name_local, font=_fit(d, attendee.name_local, w - 100, 96, script=script),
               fill="#111111", anchor="mm")
        y += 110
    if attendee.organisation:
        d.text((w / 2, y), attendee.organisation, font=_fit(d, attendee.organisation, w - 100, 52, bold=False),
               fill="#333333", anchor="mm")
        y += 70
    d.text((w / 2, y), country_name, font=font(48, bold=False), fill="#333333", anchor="mm")
    qr = qr_image(payload, 560)
    img.paste(qr, ((w - 560) // 2, h - 560 - 120))
    d.text((w / 2, h - 80), serial, font=font(40, bold=False), fill="#555555", anchor="mm")
    d.rectangle([0, h - 30, w, h], fill=colour)
    return img


def write_pdf(pngs: list[Path], out: Path) -> int:
    """A4 sheets, four badges a page, at full resolution. Returns the page count.

    Painted into memory, then written through :mod:`kiosk.models.safefile` (a safe temporary
    file beside ``out``, renamed into place when complete): QPdfWriter writing to a file on a
    full disk reports success and leaves a truncated PDF."""
    from kiosk.models.safefile import PRIVATE, write_bytes

    pages, data = _paint_pdf(pngs)
    write_bytes(Path(out), data, mode=PRIVATE)        # every QR on it is a working badge
    return pages


def _paint_pdf(pngs: list[Path]) -> tuple[int, bytes]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    _app = QGuiApplication.instance() or QGuiApplication([])  # QPainter needs an application
    content = QByteArray()
    buffer = QBuffer(content)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter))
    writer.setTitle("Badges")
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(300)
    cell_w, cell_h = page.width() / 2, page.height() / 2
    scale = min(cell_w / BADGE_SIZE[0], cell_h / BADGE_SIZE[1])
    bw, bh = BADGE_SIZE[0] * scale, BADGE_SIZE[1] * scale
    pages = 0
    for i, png in enumerate(pngs):
        slot = i % 4
        if slot == 0:
            if i:
                writer.newPage()
            pages += 1
        col, row = slot % 2, slot // 2
        x = col * cell_w + (cell_w - bw) / 2
        y = row * cell_h + (cell_h - bh) / 2
        painter.drawImage(QRectF(x, y, bw, bh), QImage(str(png)))
        painter.drawRect(QRectF(x, y, bw, bh))   # a cutting line
    if not painter.end():
        raise OSError("could not paint the badge sheets")
    del writer
    buffer.close()
    return pages, bytes(content.data())
