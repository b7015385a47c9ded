"""QR codes as pixmaps (qrcode + pillow), imported on first use to keep start-up quick.

Memoised: a kiosk redraws the same few codes (the agenda's URL, a session, an exhibitor) on
every language switch, and making one costs ~30 KB that the allocator does not always give
back (the soak found it); the cache holds 32 (≈ 5 MB) and is emptied at each idle reset.
"""

from __future__ import annotations

import functools
import io

from PySide6.QtGui import QPixmap


@functools.lru_cache(maxsize=32)
def qr_pixmap(payload: str, size: int) -> QPixmap:
    import qrcode

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8)
    code.add_data(payload)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap.scaled(size, size)
