"""Headless commands: the same domain code as the kiosk, for scripts and staff laptops."""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
import uuid
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.argtypes import at_least_one


ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "innofair2023.db"
DATA_DIR = ROOT / "data"


# Exit codes (documented in the README): 0 done; 1 a verdict other than OK, or problems found
# in an import file; 2 a failure a person can act on (bad option, missing or wrong file, full
# disk…); 3 a bug (details in logs/kiosk.log); 4 the database is busy — another process holds
# its write lock — nothing was changed, try again.
EXIT_BUSY = 4
BUSY_LINE = ("The database is busy: another program (a kiosk saving, `sync serve`, an import) held its write lock "
             "for more than 5 s. Nothing was changed; try again in a moment.")


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _sweep_for(out: Path) -> None:
    """Remove temporary files that killed writers left in ``out``'s folder."""
    import time

    from kiosk.models.safefile import sweep

    sweep(out.parent, now=time.time())


def _open(path: Path):
    from kiosk.models.database import open_event_db

    return open_event_db(path)


def _now(args, tz: ZoneInfo) -> datetime:
    from kiosk.clock import SystemClock, parse_instant

    if getattr(args, "now", None):
        return parse_instant(args.now, tz)
    return SystemClock(tz).now()


def _event_tz(store) -> ZoneInfo:
    return store.tz


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="event database (default: %(default)s)")


def _device(args, conn) -> str:
    """The identity this database syncs as (a different --device is refused: sync_wrong_device),
    or --device, or this machine's name."""
    from kiosk import operations

    return operations.resolve_device(conn, args.device)


def _edit_args(p: argparse.ArgumentParser) -> None:
    """Who, why, on which device and when: the arguments every edit command takes."""
    p.add_argument("--by", required=True, metavar="NAME", help="who is making the change")
    p.add_argument("--reason", default="")
    p.add_argument("--device", help="the device making the change (default: the identity this database syncs as, else this machine's name)")
    p.add_argument("--now", help="the edit's time (default: now)")
    _db_arg(p)


def init_db(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py init-db", description="Build a fresh event database from data/.")
    p.add_argument("path", type=Path)
    p.add_argument("--data", type=Path, default=DATA_DIR, help="folder with event.toml and the other data files")
    p.add_argument("--force", action="store_true", help="replace an existing database")
    p.add_argument("--venue-only", action="store_true",
                   help="the event, venue, rooms and lists only — no programme, exhibitors or attendees "
                        "(to fill with `import`)")
    args = p.parse_args(argv)
    from kiosk.models.loader import build_database

    if args.path.exists() and not args.force:
        return _fail(f"{args.path} exists already; add --force to replace it (stop kiosks using it first).")
    counts = build_database(args.path, args.data, venue_only=args.venue_only)
    summary = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
    print(f"Built {args.path}: {summary}")
    return 0


def keys(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py keys", description=(
        "Create the event's badge-signing key pair. The private key goes to DIR only (keep it off the "
        "kiosks); the public key is registered in the event database."))
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk.models import badges

    conn = _open(args.db)
    store = conn.checkins
    mine = conn.sync.own_identity()
    if mine is not None:
        # a new key changes the event data's fingerprint: this device could no longer sync
        return _fail(f"{args.db} is {mine[0]}'s database, enrolled in the sync: a badge key registered here would "
                     "make its event data differ from every other device's, and it could no longer sync. Register "
                     "keys in the organiser's database before it is copied to the devices. Nothing was written.", 2)
    if conn.execute("SELECT 1 FROM sync_authority").fetchone() is not None:
        print(f"Warning: {args.db} already has a sync authority: copies of it made before this key was registered "
              "will not sync with it (the event data differs). Copy this database to the devices again.",
              file=sys.stderr)
    if args.out.resolve().is_relative_to(ROOT.resolve()):
        return _fail(f"Refusing to write the private key inside the project ({args.out}): it must never reach "
                     "git, data/ or a kiosk. Choose a folder elsewhere, e.g. ~/innofair-keys.")
    args.out.mkdir(parents=True, exist_ok=True)
    pem, raw = badges.generate_key_pair()
    kid = badges.key_id(raw)
    private = args.out / f"{store.prefix.lower()}-badge-key-{kid}.pem"
    from kiosk import operations
    from kiosk.models.safefile import create_new, write_text

    create_new(private, pem, mode=0o600)
    write_text(args.out / f"{store.prefix.lower()}-badge-key-{kid}.pub", raw.hex() + "\n")
    operations.register_key(conn, raw, now=_now(args, _event_tz(conn)))
    print(f"Private key: {private} (keep it safe; it signs badges)\nPublic key {kid} registered in {args.db}")
    return 0


def badges_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py badges", description="Print badges: a PNG each and a PDF sheet.")
    p.add_argument("--key", type=Path, required=True, metavar="PRIVATE_KEY_FILE")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--attendee", nargs="+", action="extend", metavar="ID",
                   help="only these attendees (default: all); repeat it or list several: --attendee A B")
    p.add_argument("--reissue", action="store_true", help="new badge numbers; the old badges stop working")
    p.add_argument("--now", help="when the badges are issued (default: now; in the event's zone)")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk import operations
    from kiosk.models import badges
    from kiosk.printing import render_badge, write_pdf

    conn = _open(args.db)
    store = conn.checkins
    try:
        key = badges.load_private_key(args.key.read_bytes())
    except OSError as exc:
        return _fail(f"Cannot read the key {args.key}: {exc.strerror}")
    if badges.public_raw(key) not in store.public_keys():
        return _fail("This key's public half is not registered in the event database; badges signed with it "
                     "would be refused. Register it with `main.py keys` on this database.")
    ids = [a.upper() for a in args.attendee] if args.attendee else None
    people = store.attendees(ids)
    if ids and len(people) != len(set(ids)):
        missing = sorted(set(ids) - {a.id for a in people})
        return _fail(f"Unknown attendee(s): {', '.join(missing)}")
    tz = _event_tz(conn)
    now = _now(args, tz)
    if args.reissue or any(conn.badges.live_serial(a.id) is None for a in people):
        # before any file is written: a kiosk's database may not issue or revoke badges (they travel)
        operations.check_signer(conn, None, "badge")
    event_name = conn.execute("SELECT name_en FROM event").fetchone()[0]
    args.out.mkdir(parents=True, exist_ok=True)
    from kiosk.models.safefile import PRIVATE, atomic_write

    _sweep_for(args.out / "badges.pdf")
    pngs = []
    for i, a in enumerate(people, 1):
        serial = operations.issue_badge(conn, a.id, reissue=args.reissue, now=now).result
        payload = badges.sign(key, store.prefix, serial)
        image = render_badge(attendee=a, payload=payload, serial=serial, event_name=event_name,
                             country_name=a.country or "")
        path = args.out / f"badge-{serial}.png"
        with atomic_write(path, mode=PRIVATE) as fh:     # a working badge
            image.save(fh, format="PNG")
        pngs.append(path)
        if sys.stderr.isatty():
            print(f"\r{i}/{len(people)} badges", end="", file=sys.stderr)
    pages = write_pdf(pngs, args.out / "badges.pdf")
    print(f"\n{len(pngs)} badges in {args.out} (PNG each) and {args.out / 'badges.pdf'} ({pages} A4 pages)")
    return 0


def set_pin(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py set-pin", description="Set the staff or volunteer PIN (6–12 digits).")
    p.add_argument("--role", choices=["staff", "volunteer"], required=True)
    p.add_argument("--pin", help="the PIN (default: asked without echo; reading stdin when piped)")
    _db_arg(p)
    args = p.parse_args(argv)

    pin = args.pin
    if pin is None:
        pin = getpass.getpass(f"New {args.role} PIN: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    conn = _open(args.db)
    from kiosk import operations

    operations.set_pin(conn, role=args.role, pin=pin, now=_now(args, _event_tz(conn)))
    print(f"{args.role} PIN set (stored as a scrypt hash).")
    return 0


def pin_unlock(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py pin-unlock",
                                description="End a kiosk's PIN lock-out (wrong PINs typed at its pad). The PIN is "
                                            "still needed to open the desk.")
    p.add_argument("--device", help="the kiosk's device id (default: the identity this database syncs as, else "
                                    "this machine's name)")
    _db_arg(p)
    args = p.parse_args(argv)
    conn = _open(args.db)
    from kiosk import operations

    device = _device(args, conn)
    _staff, ended = operations.end_pin_lockout(conn, device_id=device).result
    print(f"PIN lock-out on {device} ended." if ended else f"{device} had no PIN lock-out.")
    return 0


def checkin(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py checkin", description=(
        "Check a badge payload in on a list. Prints the verdict as one JSON line; exit 0 for OK, 1 otherwise."))
    p.add_argument("payload")
    p.add_argument("--list", required=True, dest="list_id")
    p.add_argument("--device", help="the scanning device (default: the identity this database syncs as, else this "
                                    "machine's name; on a synced database no other id is accepted)")
    p.add_argument("--scan-id", help="a scan's unique id (default: a new one); repeating it changes nothing")
    p.add_argument("--now", help="the scan's time (default: now), e.g. 2023-06-14T18:40")
    _db_arg(p)
    args = p.parse_args(argv)

    conn = _open(args.db)
    from kiosk import operations

    verdict = operations.check_in(conn, payload=args.payload, list_id=args.list_id, device_id=_device(args, conn),
                                  scan_id=args.scan_id or uuid.uuid4().hex, now=_now(args, _event_tz(conn))).result
    print(json.dumps(verdict.as_json(), ensure_ascii=False))
    return 0 if verdict.ok else 1


def register_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py register", description=(
        "Register a person at the desk on the day and issue their badge. Prints one JSON object (attendee id, "
        "badge number, and with --key the badge's QR payload and PNG). The registration and the badge reach "
        "every device with the next sync."))
    p.add_argument("--name", required=True)
    p.add_argument("--type", required=True, dest="type_", metavar="TYPE", help="delegate, speaker, exhibitor, …")
    p.add_argument("--name-local", help="the name in Hangul or Hanzi")
    p.add_argument("--organisation")
    p.add_argument("--country", help="two-letter code, e.g. KR")
    p.add_argument("--device", help="the device making the change (default: the identity this database syncs as, else this machine's name)")
    p.add_argument("--key", type=Path, metavar="PRIVATE_KEY_FILE", help="sign the badge (and write its PNG to --out)")
    p.add_argument("--out", type=Path, metavar="DIR", default=Path("."))
    p.add_argument("--now", help="the time to record (default: now)")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk import operations
    from kiosk.models import badges

    conn = _open(args.db)
    key = None
    if args.key is not None:
        try:
            key = badges.load_private_key(args.key.read_bytes())
        except OSError as exc:
            return _fail(f"Cannot read the key {args.key}: {exc.strerror}")
        if badges.public_raw(key) not in conn.checkins.public_keys():
            return _fail("This key's public half is not registered in the event database; a badge signed with it "
                         "would be refused. Nothing was registered.")
    attendee, serial = operations.register_attendee(
        conn, name=args.name, type_=args.type_, name_local=args.name_local, organisation=args.organisation,
        country=args.country, device_id=_device(args, conn), now=_now(args, _event_tz(conn))).result
    out = {"attendee": attendee.id, "name": attendee.name, "type": attendee.type, "serial": serial}
    if key is not None:
        from kiosk.models.safefile import PRIVATE, atomic_write
        from kiosk.printing import render_badge

        out["payload"] = payload = badges.sign(key, conn.checkins.prefix, serial)
        event_name = conn.execute("SELECT name_en FROM event").fetchone()[0]
        image = render_badge(attendee=attendee, payload=payload, serial=serial, event_name=event_name,
                             country_name=attendee.country or "")
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"badge-{serial}.png"
        with atomic_write(path, mode=PRIVATE) as fh:     # a working badge
            image.save(fh, format="PNG")
        out["png"] = str(path)
    print(json.dumps(out, ensure_ascii=False))
    return 0


def list_window_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py list-window", description=(
        "Change when a check-in list is open (the windows given replace the list's), e.g. dinner opens at 18:30: "
        "list-window gala --open 2023-06-15T18:30 --close 2023-06-15T21:00 --by Mina. It reaches every device "
        "with the next sync (desk and organiser devices only)."))
    p.add_argument("list_id", metavar="LIST")
    p.add_argument("--open", action="append", default=[], metavar="TIME", help="a window's opening (repeat per window)")
    p.add_argument("--close", action="append", default=[], metavar="TIME", help="its closing, in the same order")
    p.add_argument("--by", required=True, metavar="NAME")
    p.add_argument("--device", help="the device making the change (default: the identity this database syncs as, else this machine's name)")
    p.add_argument("--now", help="the time to record (default: now)")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk import operations
    from kiosk.clock import parse_instant

    if len(args.open) != len(args.close):
        return _fail("Give one --close for each --open.", 2)
    conn = _open(args.db)
    tz = _event_tz(conn)
    windows = [[parse_instant(o, tz), parse_instant(c, tz)] for o, c in zip(args.open, args.close)]
    result = operations.set_list_windows(conn, args.list_id, windows, by=args.by, device_id=_device(args, conn),
                                         now=_now(args, tz)).result
    print(json.dumps({"list": args.list_id, "windows": result}, ensure_ascii=False))
    return 0


def checkins_csv(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py checkins-csv", description="Export check-ins as CSV (UTF-8 with BOM, for Excel).")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--list", dest="list_id")
    _db_arg(p)
    args = p.parse_args(argv)

    from kiosk.models.safefile import PRIVATE, atomic_write

    conn = _open(args.db)
    rows = conn.checkins.checkins_csv_rows(args.list_id)
    _sweep_for(args.out)
    with atomic_write(args.out, text=True, encoding="utf-8-sig", newline="", mode=PRIVATE) as fh:
        n = -1
        for n, row in enumerate(rows):
            csv.writer(fh).writerow(row)
    print(f"{max(n, 0)} check-ins written to {args.out}")
    return 0


def sessions(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py sessions", description="List sessions with their current room and time.")
    p.add_argument("--day", help="only this day, e.g. 2023-06-15")
    _db_arg(p)
    args = p.parse_args(argv)
    from datetime import date

    from kiosk.models.repository import Repository

    conn = _open(args.db)
    repo = Repository(conn)
    try:
        day = date.fromisoformat(args.day) if args.day else None
    except ValueError:
        return _fail(f"--day {args.day!r} is not a date like 2023-06-15", 2)
    rooms = repo.rooms()
    for s in repo.sessions(day):
        flags = []
        if s.room_id in rooms and rooms[s.room_id].not_on_plan:
            flags.append("room not on the floor plan yet")
        if s.moved:
            flags.append(f"moved from {s.published_room_id}")
        if s.retimed:
            flags.append(f"was {s.published_start:%H:%M}–{s.published_end:%H:%M}")
        if s.cancelled:
            flags.append("CANCELLED")
        if s.notice:
            flags.append(f"notice: {s.notice}")
        extra = f"  [{'; '.join(flags)}]" if flags else ""
        print(f"{s.id:<18} {s.start:%Y-%m-%d %H:%M}–{s.end:%H:%M}  {s.room_id or '-':<8} {s.title.en}{extra}")
    return 0


def edit(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py edit", description=(
        "Change a session as a volunteer: room, time, notice, cancel, reinstate or revert. One transaction with "
        "an audit row; every kiosk on this database shows it within a second."))
    p.add_argument("session_id")
    p.add_argument("--room")
    p.add_argument("--start", metavar="HH:MM", help="new start on the session's day (the end moves with it)")
    p.add_argument("--end", metavar="HH:MM")
    p.add_argument("--notice", help="a notice shown with the session ('' clears it)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--cancel", action="store_true")
    g.add_argument("--reinstate", action="store_true")
    g.add_argument("--revert", action="store_true", help="back to the published room and time, no notice")
    p.add_argument("--undo", action="store_true", help="undo the latest edit instead (SESSION_ID is then ignored)")
    _edit_args(p)
    args = p.parse_args(argv)
    from kiosk import operations
    from kiosk.models.schedule import parse_hhmm

    conn = _open(args.db)
    schedule = conn.schedule
    now = _now(args, schedule.tz)
    if args.undo:
        result = operations.undo_edit(conn, by=args.by, role="volunteer", device_id=_device(args, conn),
                                      now=now).result
        print("Nothing to undo." if result is None else f"Undid the latest edit of {result.session_id}.")
        return 0
    current = operations.plan_edit(conn, args.session_id)[0]   # refuses an unknown session before anything else
    day = datetime.fromisoformat(current["start"]).astimezone(schedule.tz).date()
    change = {
        "room": args.room,
        "start": parse_hhmm(args.start, day, schedule.tz) if args.start else None,
        "end": parse_hhmm(args.end, day, schedule.tz) if args.end else None,
        "notice": args.notice, "cancel": args.cancel, "reinstate": args.reinstate, "revert": args.revert,
    }
    result = operations.edit_session(conn, args.session_id, by=args.by, role="volunteer", device_id=_device(args, conn),
                                     now=now, reason=args.reason, **change).result
    for w in result.warnings:
        print(f"warning: {w.message}", file=sys.stderr)
    if not result.changed:
        print(f"{args.session_id}: nothing to change.")
        return 0
    before, after = result.before, result.after
    diffs = [f"{k}: {before[k] or '—'} → {after[k] or '—'}" for k in ("room_id", "start", "end", "status", "notice")
             if before[k] != after[k]]
    print(f"{args.session_id} ({', '.join(result.kinds)}): " + "; ".join(diffs))
    return 0


def import_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py import", description=(
        "Import an agenda, rooms, exhibitors, attendees or meetings from CSV (UTF-8, UTF-8 with BOM, CP949), JSON, "
        "frab schedule.xml or c3voc schedule.json. Every problem is listed; nothing is applied unless the "
        "whole file is valid."))
    p.add_argument("file", type=Path)
    p.add_argument("--kind", required=True, choices=["agenda", "rooms", "exhibitors", "attendees", "meetings"])
    p.add_argument("--encoding", help="the file's encoding when it is not detected (e.g. cp949, euc-kr)")
    p.add_argument("--dry-run", action="store_true", help="check only; change nothing")
    p.add_argument("--timezone", metavar="ZONE", help=(
        "the schedule's time zone when the file names none (e.g. Europe/Brussels for FOSDEM's wall-clock "
        "times, Europe/Berlin for 36C3's +01:00)"))
    p.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk import operations
    from kiosk.exchange.importer import terminal_progress

    conn = _open(args.db)
    show = args.progress or sys.stderr.isatty()
    report = operations.import_file(conn, args.file, args.kind, now=_now(args, conn.tz), encoding=args.encoding,
                                    dry_run=args.dry_run, timezone=args.timezone,
                                    progress=terminal_progress() if show else None).result
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if report.problems:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        print(f"{len(report.problems)} problem(s) in {args.file.name}; nothing was imported.", file=sys.stderr)
        return 1
    encoding = f", read as {report.encoding}" if report.fmt == "csv" else ""
    if report.dry_run:
        print(f"{args.file.name} ({report.fmt}{encoding}) is valid; --dry-run: nothing was changed.")
        return 0
    print(f"Imported {args.file.name} ({report.fmt}{encoding}): {report.added} new, {report.updated} updated.")
    if report.adopted:
        print(f"Into an empty event: {report.adopted}.")
    if report.not_in_file:
        print(f"{report.not_in_file} {args.kind} row(s) in the database are not in the file; they were kept.")
    for conflict in report.kept_live:
        print(f"conflict: {conflict}")
    return 0


def export_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py export", description="Export the schedule (with live changes) or lists.")
    p.add_argument("--format", required=True,
                   choices=["frab-xml", "c3voc-json", "schedule2-json", "ics", "checkins-csv", "exhibitors-csv"],
                   help="c3voc-json: the classic days[].rooms{} shape apps read; schedule2-json: the c3voc schema's "
                        "flat events list")
    p.add_argument("--out", type=Path, required=True)
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk.exchange.export import Exporter

    conn = _open(args.db)
    if args.format == "checkins-csv":
        return checkins_csv(["--out", str(args.out), "--db", str(args.db)])
    from kiosk.models.safefile import PRIVATE, atomic_write

    exporter = Exporter(conn)
    _sweep_for(args.out)
    if args.format == "exhibitors-csv":
        with atomic_write(args.out, text=True, encoding="utf-8-sig", newline="", mode=PRIVATE) as fh:
            exporter.exhibitors_csv(fh)
    else:
        text = {"frab-xml": exporter.frab_xml, "c3voc-json": exporter.c3voc_json,
                "schedule2-json": exporter.schedule2_json, "ics": exporter.ics}[args.format]()
        with atomic_write(args.out, text=True, encoding="utf-8", newline="", mode=PRIVATE) as fh:
            fh.write(text)
    print(f"Wrote {args.out} ({args.format}).")
    return 0


def backup_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py backup", description="Take a backup now (kiosks may keep running).")
    p.add_argument("--to", type=Path, help="backup folder (default: next to the database, backups/)")
    p.add_argument("--keep", type=at_least_one, default=20, metavar="N",
                   help="keep the newest N backups, this one included (at least 1; default: %(default)s)")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk import operations
    from kiosk.models.backup import backups

    conn = _open(args.db)
    folder = args.to or args.db.parent / "backups"
    path = operations.back_up(conn, folder, now=_now(args, conn.tz), keep=args.keep, label="manual").result
    print(f"Backup written: {path} ({len(backups(folder))} kept in {folder})")
    return 0


def restore_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py restore", description=(
        "Replace the event database with a backup (stop the kiosk first). Without BACKUP: the newest one."))
    p.add_argument("backup", type=Path, nargs="?")
    p.add_argument("--from", dest="folder", type=Path, help="backup folder (default: next to the database, backups/)")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.add_argument("--other-event", action="store_true",
                   help="accept a database of another event (another name, zone or days) and replace this one")
    p.add_argument("--force", action="store_true",
                   help="also accept a backup from an older kiosk whose restore loses data (e.g. meetings); "
                        "implies --other-event")
    _db_arg(p)
    args = p.parse_args(argv)
    from kiosk.models.backup import backups

    folder = args.folder or args.db.parent / "backups"
    found = backups(folder)
    if args.list:
        for b in found:
            print(b)
        return 0
    chosen = args.backup or (found[0] if found else None)
    if chosen is None:
        return _fail(f"No backups in {folder}.", 2)
    from kiosk import operations

    kept = operations.restore(chosen, args.db, other_event=args.other_event, force=args.force).result
    print(f"Restored {args.db} from {chosen}." + (f" The replaced database is kept as {kept}." if kept else ""))
    return 0


def _outside_project(path: Path, what: str) -> None:
    from kiosk.models.errors import KioskError

    if path.resolve().is_relative_to(ROOT.resolve()):
        raise KioskError(f"Refusing to write {what} inside the project ({path}): private keys must never reach git, "
                         "data/ or a copy of the kiosk. Choose a folder elsewhere.", code="key_in_project")


def _write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable by its owner only, whole or not at all (a unique
    temporary name, no symlink followed, removed on failure: :mod:`kiosk.models.safefile`)."""
    from kiosk.models.safefile import PRIVATE, atomic_write

    with atomic_write(path, mode=PRIVATE) as fh:
        fh.write(data)


def sync_cmd(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="main.py sync", description=(
        "Keep devices in step: serve and dial peers on the LAN (mutual TLS), or carry changes on a USB stick. "
        "Only devices the organiser enrolled take part (sync ca, sync enrol)."))
    sub = p.add_subparsers(dest="action", required=True)
    ca = sub.add_parser("ca", help="organiser: make the event's sync authority and pin it in the database")
    ca.add_argument("--out", type=Path, required=True, metavar="DIR", help="where the authority key goes (not "
                    "inside the project; keep it on the organiser's laptop)")
    ca.add_argument("--days", type=int, default=60, help="how long its certificate is valid")
    enrol = sub.add_parser("enrol", help="organiser: give a device its key, TLS certificate and roster entry")
    enrol.add_argument("device")
    enrol.add_argument("--ca", type=Path, required=True, metavar="DIR")
    enrol.add_argument("--out", type=Path, required=True, metavar="DIR", help="the device's identity goes to DIR/DEVICE")
    enrol.add_argument("--role", choices=["kiosk", "desk", "organiser"], default="kiosk")
    enrol.add_argument("--days", type=int, default=30, help="how long its certificate is valid")
    revoke = sub.add_parser("revoke", help="organiser: stop trusting a device's entries after its N-th")
    revoke.add_argument("device")
    revoke.add_argument("--ca", type=Path, required=True, metavar="DIR")
    revoke.add_argument("--after", type=int, required=True, metavar="N",
                        help="the last of its entries still trusted (0: none)")
    revoke.add_argument("--reason", default="")
    for sp in (enrol, revoke):
        sp.add_argument("--pin", action="store_true",
                        help="this database has no sync authority yet: pin the one in --ca (a copy made before "
                             "`sync ca`); without it such a database is refused")
    identity_help = "this device's enrolled identity folder (or KIOSK_SYNC_IDENTITY)"
    serve = sub.add_parser("serve", help="run this device's sync (until stopped)")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--peer", action="append", default=[], metavar="HOST:PORT")
    serve.add_argument("--mdns", action="store_true", help="also find peers by mDNS")
    status = sub.add_parser("status", help="peers online, last sync, changes waiting, quarantined entries")
    exp = sub.add_parser("export", help="write every log this device holds to a signed file (USB stick)")
    exp.add_argument("--out", type=Path, required=True)
    imp = sub.add_parser("import", help="merge a file from another device (any order, any number of times)")
    imp.add_argument("file", type=Path)
    for sp in (serve, exp, imp):
        sp.add_argument("--identity", type=Path, default=os.environ.get("KIOSK_SYNC_IDENTITY"), help=identity_help)
    for sp in (ca, enrol, revoke, serve, status, exp, imp):
        _db_arg(sp)
    for sp in (serve, exp, imp):
        sp.add_argument("--now", help="the clock to record times with (tests and replays; default: the time now)")
    args = p.parse_args(argv)
    from kiosk.models.errors import KioskError
    from kiosk.sync import identity as ident
    from kiosk.sync.engine import MAX_FILE, SyncEngine, export_file, import_file, pin_authority

    conn = _open(args.db)
    tz = _event_tz(conn)
    clock = lambda: _now(args, tz)  # noqa: E731
    event_id = conn.execute("SELECT id FROM event").fetchone()[0]
    if args.action == "ca":
        _outside_project(args.out, "the sync authority's key")
        authority = ident.make_authority(args.out, event_id=event_id, now=clock(), days=args.days)
        pin_authority(conn, authority.cert_pem, clock())
        print(f"Sync authority for {event_id} in {args.out} (keep event-ca.key there, off the kiosks); pinned in "
              f"{args.db}. Copy this database to the devices, then enrol each: main.py sync enrol DEVICE ...")
        return 0
    if args.action in ("enrol", "revoke"):
        authority = ident.load_authority(args.ca)
        if conn.execute("SELECT 1 FROM sync_authority").fetchone() is None:
            # (it was pinned silently: enrolling on the wrong copy made that copy trust this
            # authority and take what it holds as the event's starting data)
            if not args.pin:
                return _fail(f"{args.db} has no sync authority: `sync ca` pins it in the organiser's database, "
                             f"and devices are enrolled from that one. If this copy was made before `sync ca` and "
                             f"{args.ca} is this event's authority, add --pin to pin it here. Nothing was changed.", 2)
            pin_authority(conn, authority.cert_pem, clock())
            print(f"Pinned the sync authority in {args.ca} in {args.db} (it had none).", file=sys.stderr)
        else:
            pin_authority(conn, authority.cert_pem, clock())      # the same one, or refused
        engine = SyncEngine(conn, None, clock=clock)
        if args.action == "enrol":
            _outside_project(args.out, "a device key")
            folder = ident.enrol(authority, args.device, role=args.role, event_id=event_id, out=args.out, now=clock(),
                                 days=args.days)
            enrolment = json.loads((folder / "enrol.json").read_text())
            engine.add_statement(enrolment["statement"], enrolment["sig"])
            print(f"Enrolled {args.device} ({args.role}): its identity is {folder} — put it on that device only and "
                  f"start sync there with --identity {folder}")
            return 0
        statement, sig = ident.revocation(authority, args.device, event_id=event_id, after=args.after, now=clock(),
                                          reason=args.reason)
        engine.add_statement(statement, sig)
        print(f"Revoked {args.device} after its entry {args.after}; the revocation travels with the next sync "
              "from this database.")
        return 0
    if args.action == "status":
        from kiosk.models.sync_state import decode_message

        row = conn.execute("SELECT device_id, peers, last_sync, waiting, message, updated_at FROM sync_status").fetchone()
        engine = SyncEngine(conn, None, clock=clock) if conn.execute(
            "SELECT 1 FROM sync_authority").fetchone() else None
        out = {"device": row[0] if row else None, "peers_online": json.loads(row[1]) if row else [],
               "last_sync": row[2] if row else None, "changes_waiting": row[3] if row else None,
               "message": decode_message(row[4])[0] if row else "", "status_at": row[5] if row else None}
        if engine is not None:
            out.update(enrolled={d: {"role": m.role, "revoked_after": m.cut_off}
                                 for d, m in sorted(engine.roster.members.items())},
                       logs={d: n for d, (n, _l) in sorted(engine.heads().items())},
                       quarantined=engine.quarantined(), refused=engine.refused(),
                       duplicates=engine.duplicates(), overridden_edits=len(engine.overridden_edits()))
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if args.action == "import" and args.identity is None:
        engine = SyncEngine(conn, None, clock=clock)
    else:
        if args.identity is None:
            return _fail("This device's enrolled identity is needed: --identity DIR or KIOSK_SYNC_IDENTITY "
                         "(the organiser makes it with `main.py sync enrol`).", 2)
        engine = SyncEngine(conn, ident.load_identity(args.identity), clock=clock)
    if args.action == "export":
        blob = export_file(engine)
        _sweep_for(args.out)
        _write_private_file(args.out, blob)
        print(f"Wrote {args.out} ({len(blob)} bytes, signed by {engine.device_id}: every enrolled device's log "
              "this one holds).")
        return 0
    if args.action == "import":
        from kiosk.models.safefile import check_input

        size = check_input(args.file, limit=1 << 62, what="sync import").st_size   # regular files only
        if size > MAX_FILE:
            engine.refuse(args.file.name, f"{size} bytes; the limit is {MAX_FILE}", size)
            raise KioskError(f"{args.file.name} was refused: {size // (1024 * 1024)} MiB, and a sync file is at most "
                             f"{MAX_FILE // (1024 * 1024)} MiB. Nothing was read.", code="sync_too_big")
        from kiosk.models.safefile import read_input

        blob = read_input(args.file, limit=MAX_FILE, what="sync import")   # a FIFO or device: refused, never read
        result = import_file(engine, blob, args.file.name)
        print(f"Merged {args.file.name}: {result.entries} new entries ({result.scans} scans, {result.edits} edits); "
              f"{result.quarantined} quarantined, {result.pending} waiting, {len(result.refused)} refused; "
              f"{result.duplicates} duplicate check-in(s) flagged.")
        for reason in result.refused[:10]:
            print(f"  refused: {reason}", file=sys.stderr)
        return 0
    import asyncio

    from kiosk.sync.net import SyncNode

    node = SyncNode(conn, engine.identity, clock=clock, peers=args.peer, port=args.port, host=args.host,
                    mdns=args.mdns)
    print(f"Syncing as {engine.device_id} on {args.host}:{args.port} (mutual TLS); peers: "
          f"{', '.join(args.peer) or 'none configured'}{' + mDNS' if args.mdns else ''}", flush=True)
    async def serve() -> None:
        # Ctrl-C and SIGTERM (systemctl stop) stop the node, which closes its connections itself
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, node.stop)
        await node.run()

    import signal

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    print(f"Sync stopped{': ' + node.message if node.message else '.'}", flush=True)
    return 0


COMMANDS = {
    "init-db": init_db, "keys": keys, "badges": badges_cmd, "set-pin": set_pin, "pin-unlock": pin_unlock,
    "checkin": checkin,
    "checkins-csv": checkins_csv, "sessions": sessions, "edit": edit, "import": import_cmd, "export": export_cmd,
    "backup": backup_cmd, "restore": restore_cmd, "sync": sync_cmd, "register": register_cmd,
    "list-window": list_window_cmd,
}


def _meetings_command(name: str):
    def run_it(argv: list[str]) -> int:
        from kiosk import cli_meetings

        return cli_meetings.COMMANDS[name](argv)
    return run_it


for _name in ("my-day", "meetings", "edit-meeting", "seed-meetings"):   # matchmaking (kiosk/cli_meetings.py)
    COMMANDS[_name] = _meetings_command(_name)


def _disk_full(argv: list[str]) -> bool:
    """Whether the disk under the command's database (``--db``, else the default) is full."""
    import shutil

    path = DEFAULT_DB
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            path = Path(argv[i + 1])
        elif arg.startswith("--db="):
            path = Path(arg[5:])
    try:
        folder = Path(path).resolve().parent
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def run(name: str, argv: list[str]) -> int:
    """Run a command; a failure a person can act on is one line on stderr, not a traceback."""
    from kiosk.models.errors import BusyError, KioskError, is_busy

    try:
        return COMMANDS[name](argv)
    except BusyError as exc:
        return _fail(f"{exc.message} {exc.hint}".strip(), EXIT_BUSY)
    except KioskError as exc:
        return _fail(str(exc), 2 if name != "checkin" else 1)
    except OSError as exc:
        return _fail(f"{exc.filename or ''}: {exc.strerror or exc}".strip(": "), 2)
    except ValueError as exc:   # e.g. a --now that is not a time
        return _fail(str(exc), 2)
    except Exception as exc:  # a bug: the details go to the log, the person gets one calm line
        if is_busy(exc):      # another process held the write lock longer than we wait (5 s)
            return _fail(BUSY_LINE, EXIT_BUSY)
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (8, 13):   # SQLITE_READONLY, SQLITE_FULL: this machine's disk, not a bug
            # a full disk opens the database read-only (so SQLite says READONLY): tell them apart
            why = ("the disk is full" if code == 13 or _disk_full(argv)
                   else "it is read-only here (file, folder or disk)")
            return _fail(f"The database cannot be written: {why}. Nothing was changed.", 2)
        import logging

        logging.getLogger("kiosk").exception("command %s failed", name)
        return _fail(f"Unexpected error in `{name}`: {exc.__class__.__name__}: {exc}. Nothing more was changed; "
                     "please report it with logs/kiosk.log.", 3)
