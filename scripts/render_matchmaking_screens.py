#!/usr/bin/env python3
"""Render "my day" (a badge scanned at the lobby kiosk), the matchmaking board and the meetings
desk, for the README and for looking at.

    python scripts/render_matchmaking_screens.py my-day|board|desk LANG WIDTHxHEIGHT OUT.png [--moved]
        [--larger] [--person ATTENDEE_ID] [--asking] [--at 2023-06-14T14:40]

Builds a temporary database from data/ with a throw-away signing key, so the real database and
keys are untouched. ``--moved`` first moves the person's next meeting to another table (as a
volunteer would), to show how a move reads. ``--larger`` turns on larger text; ``--person`` shows
another attendee's day (e.g. A0003, a delegate with no meetings); ``--asking`` (desk): one
badge scanned, then "Others absent" tapped once — the desk asking before it marks anyone;
``--at`` sets the clock (the desk late in the day lists the ended meetings above the slot on now).
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PERSON = "A0176"          # a sample representative of a Taiwanese buyer (table T01)
AT = "2023-06-14T13:40"


def main(view: str, lang: str, size: str, out: str, *flags: str) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.builder import build_kiosk
    from kiosk.clock import FixedClock, parse_instant
    from kiosk.models import badges
    from kiosk.models.loader import build_database
    from kiosk.models.store import EventStore

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "event.db"
        build_database(path, ROOT / "data")
        store = EventStore.open(path)
        at = flags[flags.index("--at") + 1] if "--at" in flags else AT if view != "desk" else "2023-06-14T10:10"
        kiosk = build_kiosk(store, clock=FixedClock(parse_instant(at, store.tz)),
                            language=lang, kiosk_id="K1", device_id="lounge-desk")
        window, ui = kiosk.window, kiosk.ui
        w, h = (int(v) for v in size.split("x"))
        window.resize(w, h)
        window.show()
        if "--larger" in flags:
            window.access_button.setChecked(True)
        person = flags[flags.index("--person") + 1] if "--person" in flags else PERSON
        pem, raw = badges.generate_key_pair()
        key = badges.load_private_key(pem)
        store.badges.register_public_key(raw, ui.now())

        def badge(attendee_id: str) -> str:
            return badges.sign(key, store.info.badge_prefix,
                               store.badges.current_badge(attendee_id, reissue=False, now=ui.now()))

        mm = store.matchmaking
        if "--moved" in flags:
            nxt = mm.my_day(mm.attendee(person), ui.now()).next_meeting
            free = next(t for t in mm.tables() if t != nxt.place and not mm.conflicts(
                meeting_id=nxt.id, start=nxt.start, end=nxt.end, table_id=t, attendee_ids=[]))
            window.ops.move_meeting(nxt.id, table=free, by="Mina", role="volunteer")
        if view == "my-day":
            window.show_view("my-day")
            window.screen("my-day").scan(badge(person))
        elif view == "board":
            window.show_view("board")
        else:
            window.staff_role = "staff"
            window.open_meeting_desk()
            desk = window.screen("meetings")
            m = next(m for m in mm.meetings() if m.start.isoformat().startswith("2023-06-14T10:00") and
                     {p.side for p in mm.participants(m.id)} == {"buyer", "exhibitor"})
            people = mm.participants(m.id)
            desk.select(m.id)                # picked in the list (at --at 14:40 it has ended: marked after the slot)
            for p in people[:1] if "--asking" in flags else people:
                desk.scan(badge(p.attendee_id))
            if "--asking" in flags:          # one came: "Others absent" asks before it marks
                desk.others_absent()
        for _ in range(3):
            app.processEvents()
        ok = window.grab().save(out)
        kiosk.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
