#!/usr/bin/env python3
"""Render the check-in desk after a few scans, for the README.

    python scripts/render_checkin_screen.py LANG ok|already|forged OUT.png

Works on a temporary copy of the bundled database with a throw-away signing key, so the real
database and keys are untouched.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(lang: str, case: str, out: str) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk import operations
    from kiosk.builder import build_kiosk
    from kiosk.clock import FixedClock, parse_instant
    from kiosk.models import badges
    from kiosk.models.store import EventStore

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "event.db"
        shutil.copy(ROOT / "data" / "innofair2023.db", db)
        conn = EventStore.open(db)
        kiosk = build_kiosk(conn, clock=FixedClock(parse_instant("2023-06-15T18:05", conn.tz)), language=lang,
                            device_id="gala-door-1")
        window, ui = kiosk.window, kiosk.ui
        window.resize(1920, 1080)
        window.show()
        window.enter_staff_mode("staff")
        window.desk.choose_list("gala")
        store = window.checkins
        pem, raw = badges.generate_key_pair()
        key = badges.load_private_key(pem)
        operations.register_key(conn, raw, now=ui.now())

        def badge(attendee_id: str) -> str:
            serial = operations.issue_badge(conn, attendee_id, reissue=False, now=ui.now()).result
            return badges.sign(key, store.prefix, serial)

        for attendee_id in ("A0171", "A0003", "A0175"):
            window.desk.scan(badge(attendee_id))
        if case == "already":
            window.desk.scan(badge("A0171"))
        elif case == "forged":
            window.desk.scan(badge("A0180")[:-6] + "AAAAAA")
        window.desk.search.setText("liu")
        app.processEvents()
        ok = window.grab().save(out)
        kiosk.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
