"""Headless matchmaking commands: ``my-day``, ``meetings``, ``edit-meeting``, ``seed-meetings``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from kiosk.cli import DATA_DIR, _db_arg, _device, _edit_args, _fail, _now, _open

#: my-day's exit codes beyond 0 (a day printed): one per reason a badge shows nothing
BADGE_EXIT = {"INVALID": 1, "REVOKED": 1, "UNKNOWN": 1}


def my_day(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py my-day", description=(
        "Print a person's day as one JSON object: the next meeting, the day's meetings, registered sessions and "
        "the lists they may enter (each with start, end, place, status). Exit 1 with {\"error\": CODE} for a badge "
        "that is INVALID (not this event's, garbled, forged), REVOKED or UNKNOWN."))
    p.add_argument("badge", metavar="BADGE_PAYLOAD", help="the badge's QR text (IF23:1:A0001-1:…)")
    p.add_argument("--now", help="the moment to look from (default: now), e.g. 2023-06-15T10:45")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk.models.errors import KioskError

    conn = _open(args.db)
    mm = conn.matchmaking
    try:
        attendee = mm.attendee_for_badge(args.badge)
    except KioskError as exc:
        print(json.dumps({"error": exc.code, "message": exc.message}, ensure_ascii=False))
        return BADGE_EXIT.get(exc.code, 1)
    print(json.dumps(mm.my_day(attendee, _now(args, mm.tz)).as_json(), ensure_ascii=False))
    return 0


def meetings(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py meetings", description="List meetings with their current table or "
                                                                      "room, time and status.")
    p.add_argument("--day", help="only this day, e.g. 2023-06-15")
    p.add_argument("--table", help="only this table (or room), e.g. T04")
    _db_arg(p)
    args = p.parse_args(argv)

    conn = _open(args.db)
    mm = conn.matchmaking
    try:
        day = date.fromisoformat(args.day) if args.day else None
    except ValueError:
        return _fail(f"--day {args.day!r} is not a date like 2023-06-15", 2)
    if args.table and args.table not in mm.tables() and conn.execute(
            "SELECT 1 FROM room WHERE id = ?", (args.table,)).fetchone() is None:
        return _fail(f"There is no table or room {args.table!r}. Tables: {', '.join(mm.tables())}", 2)
    found = mm.meetings(day=day, table=args.table)
    if not found:
        if not mm.tables() and conn.execute("SELECT count(*) FROM meeting").fetchone()[0] == 0:
            print("No matchmaking tables and no meetings in this database (made before matchmaking, or an imported "
                  "event): `main.py seed-meetings` loads the tables, buyers and meetings from data/matchmaking.toml; "
                  "then `main.py import FILE --kind meetings` for your own.", file=sys.stderr)
        else:
            print("No meetings" + (f" on {day}" if day else "") + (f" at {args.table}" if args.table else "") + ".",
                  file=sys.stderr)
    for m in found:
        flags = []
        if m.moved:
            flags.append(f"moved from {m.published_place}")
        if m.retimed:
            flags.append(f"was {m.published_start:%H:%M}")
        extra = f"  [{'; '.join(flags)}]" if flags else ""
        who = m.counterpart(None) if m.kind == "b2b" else (m.title.en or m.delegation)
        print(f"{m.id:<18} {m.start:%Y-%m-%d %H:%M}–{m.end:%H:%M}  {m.place:<6} {m.display_status:<9} {who}{extra}")
    return 0


def edit_meeting(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py edit-meeting", description=(
        "Move a meeting to another table (or room) or slot, or mark it cancelled, held or no-show. One transaction "
        "with an audit row; every kiosk on this database shows it within a second. A table or a person booked "
        "twice at once is refused and nothing is written."))
    p.add_argument("meeting_id")
    p.add_argument("--table")
    p.add_argument("--room", help="move a meeting into a room instead of a table")
    p.add_argument("--start", metavar="HH:MM", help="new start on the meeting's day (the end keeps its length)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--cancel", action="store_true")
    g.add_argument("--held", action="store_true")
    g.add_argument("--no-show", action="store_true")
    g.add_argument("--reinstate", action="store_true", help="planned again (after a cancel or a wrong mark)")
    _edit_args(p)
    args = p.parse_args(argv)
    from kiosk.models.schedule import parse_hhmm

    conn = _open(args.db)
    mm = conn.matchmaking
    now = _now(args, mm.tz)
    current = mm._current(args.meeting_id)          # refuses an unknown meeting before anything else
    status = ("cancelled" if args.cancel else "held" if args.held else "no_show" if args.no_show
              else "planned" if args.reinstate else None)
    moving = args.table is not None or args.room is not None or args.start is not None
    if not moving and status is None:
        return _fail("Nothing to do: give --table, --room, --start, --cancel, --held, --no-show or --reinstate.", 2)
    # check everything before writing anything: a move that is refused must not leave a status change behind
    start = None
    if args.start:
        day = datetime.fromisoformat(current["start"]).astimezone(mm.tz).date()
        from kiosk.exchange.importer import excel_time
        try:       # the same forms as the meetings CSV: 15:30, 3:30 PM, 오후 3:30
            start = datetime.combine(day, excel_time(args.start)[0], mm.tz)
        except ValueError:
            start = parse_hhmm(args.start, day, mm.tz)
    if moving:
        mm.plan_move(args.meeting_id, table=args.table, room=args.room, start=start)
    from kiosk import operations

    results = []
    if moving:
        results.append(operations.move_meeting(conn, args.meeting_id, table=args.table, room=args.room, start=start,
                                               by=args.by, role="volunteer", device_id=_device(args, conn), now=now,
                                               reason=args.reason).result)
    if status is not None:
        results.append(operations.set_meeting_status(conn, args.meeting_id, status, by=args.by, role="volunteer",
                                                     device_id=_device(args, conn), now=now, reason=args.reason).result)
    changed = [r for r in results if r.changed]
    if not changed:
        print(f"{args.meeting_id}: nothing to change.")
        return 0
    before, after = results[0].before, results[-1].after
    diffs = [f"{k}: {before[k] or '—'} → {after[k] or '—'}" for k in ("table_id", "room_id", "start", "end", "status")
             if before[k] != after[k]]
    kinds = [k for r in changed for k in r.kinds]
    print(f"{args.meeting_id} ({', '.join(kinds)}): " + "; ".join(diffs))
    return 0


def seed_meetings(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py seed-meetings", description=(
        "For a database built before matchmaking existed (its buyer, table and meeting tables empty): fill "
        "them from data/matchmaking.toml, checked against this database's rooms, exhibitors and attendees. "
        "Check-ins, live changes and imports are kept; a database that holds any buyer, table or meeting is "
        "left alone. Exit 0 when seeded or when there is nothing to do, 1 when the file has problems (each "
        "listed; nothing written)."))
    p.add_argument("--data", type=Path, default=DATA_DIR, help="folder with matchmaking.toml (default: data/)")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk import operations
    from kiosk.models.errors import KioskError
    from kiosk.models.loader import DataError

    conn = _open(args.db)
    try:
        counts = operations.seed_meetings(conn, args.data, now=_now(args, conn.info.tz)).result
    except DataError as exc:
        return _fail(str(exc), 1)
    except KioskError as exc:
        if exc.code == "meetings_present":
            print(f"{args.db}: {exc.message}")
            return 0
        raise
    if not counts:
        print(f"{args.db}: no matchmaking data in {args.data}; nothing changed.")
        return 0
    print(f"{args.db}: matchmaking added from {args.data}: "
          + ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in counts.items()))
    return 0


COMMANDS = {"my-day": my_day, "meetings": meetings, "edit-meeting": edit_meeting, "seed-meetings": seed_meetings}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(1)
