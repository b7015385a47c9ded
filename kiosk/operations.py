"""The one write path: every verb the kiosk, the CLI, the sync daemon and the importer perform.

Each verb runs in one ``EventStore.atomic()`` transaction, records what it changed in the
change log *in that transaction*, and returns ``Outcome(result, change)``: the caller shows
the result and hands the :class:`~kiosk.models.change.Change` to the change bus, which tells
only the screens that show it. The rules themselves live in the typed stores (one function
decides a session's current state, :func:`kiosk.models.schedule.settle_session`; one decides
who owns a check-in, :func:`kiosk.models.checkin_store.settle_checkin`).

:class:`Operations` binds the verbs to one store, device and clock and publishes each change
(the screens get it instead of a store: no view writes SQL or builds a store).

No Qt here; ``now`` always comes from the caller's clock.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from kiosk.models.change import Change

if TYPE_CHECKING:
    from kiosk.models.store import EventStore


class Outcome(NamedTuple):
    result: Any
    change: Change


# ---------------------------------------------------------------- check-in
CAN_SIGN = {"edit": "change the schedule", "window": "change a list's opening times",
            "register": "register walk-ins", "badge": "issue or revoke badges", "scan": "check people in",
            "undo": "undo a check-in", "meeting": "change a meeting"}


def check_signer(store: "EventStore", device_id: str | None, kind: str) -> None:
    """On a database enrolled in the sync, refuse a change that could never travel (found by an
    attack: `list-window`/`register` on a kiosk and `edit` stamped with the host name were saved
    with exit 0 and stayed on that one device): one made as a device other than the one this
    database syncs as, or one its role may not sign. ``device_id`` None: the change names no
    device (badges), only the role is checked."""
    from kiosk.models.errors import KioskError
    from kiosk.sync.identity import ROLES

    mine = store.sync.own_identity()
    if mine is None:
        return
    me, role = mine
    if device_id is not None and device_id != me:
        raise KioskError(f"This database syncs as {me}; a change made as {device_id} would never reach the other "
                         "devices, so nothing was saved.", code="sync_wrong_device",
                         hint=f"Leave the device id out (--device, --device-id) or give {me}.")
    if kind not in ROLES.get(role or "", ()):
        raise KioskError(f"{me} is enrolled as a {role}, and a {role} may not {CAN_SIGN.get(kind, kind)}: the other "
                         "devices would refuse the change, so nothing was saved.", code="sync_role_cannot_sign",
                         hint="Make the change on a desk or the organiser's laptop.")


def resolve_device(store: "EventStore", given: str | None) -> str:
    """The device id to record changes as: on a database enrolled in the sync, the identity it
    syncs as (``given`` may only repeat it: anything else raises ``sync_wrong_device``, as a change
    made under another name never travels — found by an attack: `checkin` and the kiosk defaulted
    to the host name, so their scans stayed on one device yet decided ALREADY and ownership there);
    otherwise ``given``, else this machine's name."""
    mine = store.sync.own_identity()
    if mine is None:
        if given:
            return given
        from kiosk.device import default_device_id

        return default_device_id()
    if given:
        check_signer(store, given, "scan")
    return mine[0]


def clock_problem(store: "EventStore", now: datetime) -> datetime | None:
    """``now`` when this database syncs and ``now`` is outside the event's days (± 1 day): what
    this device records now would be quarantined by every other device, so check-ins and
    changes are refused (the desk says so at each scan, and staff screens say so from the start).
    None when the clock is fine or the database does not sync."""
    from kiosk.models.errors import KioskError
    from kiosk.models.schedule import check_device_clock

    try:
        check_device_clock(store, now)
    except KioskError:
        return now
    return None


def check_in(store: "EventStore", *, payload: str, list_id: str, device_id: str, scan_id: str, now: datetime,
             manual_attendee: str | None = None, wait_ms: int | None = None) -> Outcome:
    """Decide and record one scan (see ``CheckInStore.check_in``); committed before it returns.
    A replayed scan id changes nothing. ``wait_ms``: wait at most this long for another
    process's write lock (default: the store's busy timeout); past it sqlite3.OperationalError
    "database is locked" and nothing is written — the same ``scan_id`` can be tried again.
    On a database that syncs, a scan whose time is outside the event's days (the host's clock is
    wrong) is refused, nothing written (``clock_outside_event``): found by an attack — such scans
    were recorded here and quarantined by every other device."""
    from kiosk.models.schedule import check_device_clock

    check_device_clock(store, now, what="a check-in")
    check_signer(store, device_id, "scan")
    waiting = store.lock_wait(wait_ms) if wait_ms is not None else contextlib.nullcontext()
    with waiting, store.atomic():
        verdict = store.checkins.check_in(payload=payload, list_id=list_id, device_id=device_id, scan_id=scan_id,
                                          now=now, manual_attendee=manual_attendee)
        change = Change() if verdict.replayed else Change(lists=frozenset({list_id}))
        if change:
            store.record(change, at=now)
    return Outcome(verdict, change)


def undo_checkin(store: "EventStore", *, list_id: str, device_id: str, now: datetime) -> Outcome:
    """Take back this device's latest check-in on ``list_id``; the scan stays in the audit trail.
    Refused like a scan when this device's clock is outside the event (``clock_outside_event``)."""
    from kiosk.models.schedule import check_device_clock

    check_device_clock(store, now, what="an undo")
    check_signer(store, device_id, "undo")
    with store.atomic():
        result = store.checkins.undo_last(device_id=device_id, list_id=list_id, now=now)
        change = Change(lists=frozenset({list_id})) if result is not None else Change()
        if change:
            store.record(change, at=now)
    return Outcome(result, change)


def export_checkins_csv(store: "EventStore", folder: Path, *, list_id: str | None, now: datetime) -> Path:
    """Write the check-ins (of ``list_id``, or all) as CSV into ``folder``; returns the file.
    Written to a temporary name first, so a full disk never leaves a half file under the real one."""
    from kiosk.models.safefile import PRIVATE, atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    path = folder / f"checkins-{list_id or 'all'}-{stamp}.csv"
    with atomic_write(path, text=True, encoding="utf-8-sig", newline="", mode=PRIVATE) as fh:   # unique temp, no symlinks
        import csv

        writer = csv.writer(fh)
        for row in store.checkins.checkins_csv_rows(list_id):
            writer.writerow(row)
    return path


# ---------------------------------------------------------------- the schedule
def plan_edit(store: "EventStore", session_id: str, **change) -> tuple[dict, dict, list[str], list]:
    """Check a change without writing: (before, after, kinds, warnings). Raises KioskError."""
    return store.schedule.plan(session_id, **change)


def staged_change(current, staged: dict, *, revert: bool = False) -> dict:
    """The schedule desk's staged values (room_id, start, end, notice, status) as a change of
    ``current`` (a :class:`~kiosk.models.domain.Session` as it is now): only what differs, in the
    keyword form :func:`edit_session` takes. ``revert``: back to the printed programme."""
    if revert:
        return {"revert": True}
    change: dict = {}
    if staged["room_id"] != current.room_id:
        change["room"] = staged["room_id"]
    if staged["start"] != current.start:
        change["start"] = staged["start"]
    if staged["end"] != current.end:
        change["end"] = staged["end"]
    if staged["notice"] != current.notice:
        change["notice"] = staged["notice"]
    if staged["status"] != current.status.value:
        change["cancel" if staged["status"] == "cancelled" else "reinstate"] = True
    return change


class Confirm(NamedTuple):
    """A staged edit with warnings (room taken, fewer seats) not yet confirmed: nothing written."""

    warnings: list


def save_staged_edit(store: "EventStore", session_id: str, change: dict, *, confirmed: bool, by: str,
                     role: str, device_id: str, now: datetime, reason: str = "") -> Outcome:
    """The desk's Save: a change with warnings is only written once the volunteer has seen them
    and tapped again (``confirmed``); until then the result is :class:`Confirm` and nothing is
    written. Otherwise as :func:`edit_session`."""
    _before, _after, _kinds, warnings = store.schedule.plan(session_id, **change)
    if warnings and not confirmed:
        return Outcome(Confirm(warnings), Change())
    return edit_session(store, session_id, by=by, role=role, device_id=device_id, now=now, reason=reason,
                        **change)


def edit_session(store: "EventStore", session_id: str, *, by: str, role: str, device_id: str, now: datetime,
                 reason: str = "", **change) -> Outcome:
    """Move, retime, notice, cancel, reinstate or revert one session, with its audit row."""
    check_signer(store, device_id, "edit")
    with store.atomic():
        result = store.schedule.edit(session_id, by=by, role=role, device_id=device_id, now=now, reason=reason,
                                     **change)
        out = Change(sessions=frozenset({session_id})) if result.changed else Change()
        if out:
            store.record(out, at=now)
    return Outcome(result, out)


def undo_edit(store: "EventStore", *, by: str, role: str, device_id: str, now: datetime) -> Outcome:
    """Undo the latest edit not undone yet (recorded as an edit of its own)."""
    check_signer(store, device_id, "edit")
    with store.atomic():
        result = store.schedule.undo_last(by=by, role=role, device_id=device_id, now=now)
        out = Change(sessions=frozenset({result.session_id})) if result is not None else Change()
        if out:
            store.record(out, at=now)
    return Outcome(result, out)


# ---------------------------------------------------------------- matchmaking meetings
def move_meeting(store: "EventStore", meeting_id: str, *, by: str, role: str, device_id: str, now: datetime,
                 reason: str = "", table: str | None = None, room: str | None = None,
                 start: datetime | None = None) -> Outcome:
    """Move a meeting to another table (or room) and/or slot, with its audit row (as a room
    change is). Refused — nothing written — when the table or a participant is taken then."""
    check_signer(store, device_id, "meeting")
    with store.atomic():
        result = store.matchmaking.move(meeting_id, by=by, role=role, device_id=device_id, now=now, reason=reason,
                                        table=table, room=room, start=start)
        out = Change(meetings=frozenset({meeting_id})) if result.changed else Change()
        if out:
            store.record(out, at=now)
    return Outcome(result, out)


def set_meeting_status(store: "EventStore", meeting_id: str, status: str, *, by: str, role: str, device_id: str,
                       now: datetime, reason: str = "") -> Outcome:
    """Held, no-show, cancelled, or planned again."""
    check_signer(store, device_id, "meeting")
    with store.atomic():
        result = store.matchmaking.set_status(meeting_id, status, by=by, role=role, device_id=device_id, now=now,
                                              reason=reason)
        out = Change(meetings=frozenset({meeting_id})) if result.changed else Change()
        if out:
            store.record(out, at=now)
    return Outcome(result, out)


def mark_meeting_attendance(store: "EventStore", meeting_id: str, *, present: list[str], absent: list[str] = (),
                            by: str, role: str, device_id: str, now: datetime) -> Outcome:
    """Meeting check-in at the table: who came, who did not (and so held or no-show)."""
    check_signer(store, device_id, "meeting")
    with store.atomic():
        result = store.matchmaking.mark_attendance(meeting_id, present=present, absent=absent, by=by, role=role,
                                                   device_id=device_id, now=now)
        out = Change(meetings=frozenset({meeting_id}))
        store.record(out, at=now)
    return Outcome(result, out)


def seed_meetings(store: "EventStore", data_dir: Path, *, now: datetime) -> Outcome:
    """A database built before matchmaking existed: fill its empty buyer, table and meeting
    tables from ``data_dir`` (:func:`kiosk.models.loader.seed_matchmaking`), in one transaction,
    nothing else touched. Result: rows added per table (``{}``: nothing to do)."""
    from kiosk.models.loader import seed_matchmaking

    with store.atomic():
        counts = seed_matchmaking(store, data_dir)
        change = Change()
        if counts:
            change = Change(reference=frozenset(counts), meetings=frozenset(
                r[0] for r in store.execute("SELECT id FROM meeting")))
            store.record(change, at=now)
    return Outcome(counts, change)


# ---------------------------------------------------------------- staff, badges, keys
def set_pin(store: "EventStore", *, role: str, pin: str, now: datetime) -> Outcome:
    with store.atomic():
        store.pins.set_pin(role, pin, now)
        store.record(Change(staff=True), at=now)
    return Outcome(None, Change(staff=True))


def end_pin_lockout(store: "EventStore", *, device_id: str, badge_payload: str | None = None) -> Outcome:
    """End this device's PIN lock-out: with a staff member's signed badge scanned at the pad
    (``badge_payload``; refused — nothing written — for any other badge: ``not_staff``, or a
    badge that is not valid: ``INVALID``/``REVOKED``/``UNKNOWN``), or with no badge (the
    organiser's ``main.py pin-unlock`` on the machine, which forgets the wrong-PIN count too; a
    badge ends only the lock: one more try). Result: the staff attendee (or None) and whether
    there was a lock-out. The PIN is still needed to open the desk."""
    from kiosk.models.errors import KioskError

    staff = None
    if badge_payload is not None:
        staff = store.matchmaking.attendee_for_badge(badge_payload)
        if staff.type != "staff":
            raise KioskError("Only a staff member's badge ends the PIN lock-out.", code="not_staff")
    ended = store.pins.end_lockout(device_id, forget_count=badge_payload is None)
    return Outcome((staff, ended), Change())


def try_pin(store: "EventStore", pin: str, *, device_id: str, now: datetime) -> Outcome:
    """The role ``pin`` opens, counting failures towards the lock-out (kept across restarts)."""
    result = store.pins.try_pin(pin, device_id=device_id, now=now)
    # the lock-out row is this device's own business: no screen elsewhere shows it
    return Outcome(result, Change())


def begin_pin_try(store: "EventStore", pin: str, *, device_id: str, now: datetime):
    """The PIN pad's first step (fast, on the UI thread): the lock state (a ``PinResult``)
    while this device is locked out, else the slow check — a function of no arguments,
    safe on a worker thread, returning the role the PIN opens or None — for
    :func:`finish_pin_try`. ``try_pin`` is all three steps at once."""
    from kiosk.models.pins import PinResult, match_pin

    found = store.pins.candidates(device_id, now)
    if isinstance(found, PinResult):
        return found
    return lambda: match_pin(pin, found)


def finish_pin_try(store: "EventStore", role: str | None, *, device_id: str, now: datetime) -> Outcome:
    """The last step: a right PIN resets this device's count, a wrong one counts towards the lock-out."""
    return Outcome(store.pins.record_try(role, device_id=device_id, now=now), Change())


def register_key(store: "EventStore", raw: bytes, *, now: datetime) -> Outcome:
    with store.atomic():
        kid = store.badges.register_public_key(raw, now)
        change = Change(reference=frozenset({"signing_key"}))
        store.record(change, at=now)
    return Outcome(kid, change)


def issue_badge(store: "EventStore", attendee_id: str, *, reissue: bool, now: datetime) -> Outcome:
    """The serial to print (re-issuing revokes the earlier ones). On a database enrolled in the
    sync, a badge issued or revoked here travels as a signed ``badge`` entry that only a desk or
    the organiser's laptop may sign: on a kiosk's database a new badge or a re-issue is refused
    (``sync_role_cannot_sign``, nothing written) — every other device would quarantine it."""
    if reissue or store.badges.live_serial(attendee_id) is None:
        from kiosk.models.schedule import check_device_clock
        from kiosk.sync.kinds import BADGES_FROM

        check_signer(store, None, "badge")
        check_device_clock(store, now, what="a badge", earlier=BADGES_FROM)
    with store.atomic():
        serial = store.badges.current_badge(attendee_id, reissue=reissue, now=now)
        change = Change(reference=frozenset({"badge"})) if reissue else Change()
        store.record(change, at=now)
    return Outcome(serial, change)


def register_attendee(store: "EventStore", *, name: str, type_: str, device_id: str, now: datetime,
                      name_local: str | None = None, organisation: str | None = None, country: str | None = None,
                      badge: bool = True) -> Outcome:
    """Register a walk-in at the desk and (``badge``) issue their first badge: ``(attendee, serial)``.
    Both travel to every device (signed ``register`` and ``badge`` entries)."""
    from kiosk.models.schedule import check_device_clock
    from kiosk.sync.kinds import BADGES_FROM

    check_signer(store, device_id, "register")
    if badge:
        check_signer(store, device_id, "badge")
    check_device_clock(store, now, what="a registration", earlier=BADGES_FROM)
    with store.atomic():
        attendee = store.checkins.register_attendee(name=name, type_=type_, device_id=device_id, now=now,
                                                    name_local=name_local, organisation=organisation, country=country)
        serial = store.badges.current_badge(attendee.id, reissue=False, now=now) if badge else None
        change = Change(reference=frozenset({"attendee", "badge"}), lists=frozenset(store.checkins.lists()))
        store.record(change, at=now)
    return Outcome((attendee, serial), change)


def set_list_windows(store: "EventStore", list_id: str, windows, *, by: str, device_id: str,
                     now: datetime) -> Outcome:
    """Change when a check-in list is open (the windows given replace the list's). Result: the
    list's windows now."""
    check_signer(store, device_id, "window")
    with store.atomic():
        result = store.checkins.set_windows(list_id, windows, by=by, device_id=device_id, now=now)
        change = Change(reference=frozenset({"checkin_window"}), lists=frozenset({list_id}))
        store.record(change, at=now)
    return Outcome(result, change)


# ---------------------------------------------------------------- import
IMPORT_TABLES = {"agenda": {"session", "room", "person", "event"}, "rooms": {"room"}, "exhibitors": {"exhibitor"},
                 "attendees": {"attendee"}, "meetings": {"meeting"}}


def import_file(store: "EventStore", path: Path, kind: str, *, now: datetime, encoding: str | None = None,
                dry_run: bool = False, progress=None, timezone: str | None = None) -> Outcome:
    """Validate a whole file and apply all of it in one transaction, or nothing. ``timezone``:
    the zone of a schedule whose file names none (an empty event takes it)."""
    from kiosk.exchange.importer import Importer

    with store.atomic():
        report = Importer(store, timezone=timezone).run(path, kind, encoding=encoding, dry_run=dry_run, progress=progress)
        applied = not (report.problems or report.dry_run)
        change = Change(reference=frozenset(IMPORT_TABLES.get(kind, {kind}))) if applied else Change()
        if kind == "agenda" and applied:
            change = change | Change(sessions=frozenset(r[0] for r in store.execute("SELECT id FROM session")))
        if kind == "meetings" and applied:
            change = change | Change(meetings=frozenset(r[0] for r in store.execute("SELECT id FROM meeting")))
        if change:
            store.record(change, at=now)
    return Outcome(report, change)


# ---------------------------------------------------------------- sync
def sync_collect(store: "EventStore", engine, *, now: datetime) -> Outcome:
    """Sign this device's new rows into its log (saved with them, in one transaction)."""
    with store.atomic():
        added = engine.collect_local()
        if added:
            store.record(Change(), at=now)   # a known write that no screen shows
    return Outcome(added, Change())


def merge_from_sync(store: "EventStore", engine, bundle, *, source: str, now: datetime) -> Outcome:
    """Check what another device sent (``bundle``: roster statements and runs of log entries) and
    merge what passes: new log rows and the rows they produce, through the same two rules as local
    writes, in one transaction. Idempotent. Returns the :class:`~kiosk.sync.engine.MergeResult`."""
    with store.atomic():
        result = engine.receive(bundle, source=source)
        change = Change(sessions=frozenset(result.session_ids), lists=frozenset(result.list_ids),
                        sync=bool(result.refused or result.quarantined),
                        meetings=frozenset(getattr(result, "meeting_ids", ())),
                        reference=frozenset(result.reference))
        if change or result.entries:
            store.record(change, at=now)
    engine.note_committed()
    return Outcome(result, change)


def sync_reload_roster(store: "EventStore", engine, *, now: datetime) -> Outcome:
    """A running sync daemon takes in enrolments and revocations another process wrote to its
    database, applying new revocations to what it received meanwhile. Result: the newly revoked
    device ids."""
    with store.atomic():
        revoked, result = engine.reload_roster()
        change = Change(sessions=frozenset(result.session_ids), lists=frozenset(result.list_ids),
                        sync=bool(revoked), meetings=frozenset(result.meeting_ids),
                        reference=frozenset(result.reference))
        if change:
            store.record(change, at=now)
    return Outcome(revoked, change)


def sync_settle_pending(store: "EventStore", engine, *, now: datetime) -> Outcome:
    """Retry the entries waiting for something (or for this device's clock) and quarantine those
    past their bounds (``SyncEngine.settle_pending``), in one transaction."""
    with store.atomic():
        result = engine.settle_pending()
        change = Change(sessions=frozenset(result.session_ids), lists=frozenset(result.list_ids),
                        sync=bool(result.quarantined), meetings=frozenset(result.meeting_ids),
                        reference=frozenset(result.reference))
        if change:
            store.record(change, at=now)
    return Outcome(result, change)


def write_sync_status(store: "EventStore", *, device_id: str, peers, last_sync: str | None, waiting: int,
                      message: str, now: datetime) -> Outcome:
    """The sync daemon's heartbeat. Logged in the change log only when more than its time
    changed; either way a kiosk refreshes no more than the sync status line."""
    with store.atomic():
        moved = store.sync.write_status(device_id=device_id, peers=peers, last_sync=last_sync, waiting=waiting,
                                        message=message, now=now)
        if moved:
            store.record(Change(sync=True), at=now)
    return Outcome(moved, Change(sync=True))


# ---------------------------------------------------------------- backup and restore
def back_up(store: "EventStore", folder: Path, *, now: datetime, keep: int = 20, label: str = "") -> Outcome:
    """A consistent copy into ``folder`` (SQLite's online backup); the newest ``keep`` stay."""
    from kiosk.models.backup import backup

    return Outcome(backup(store, folder, now=now, keep=keep, label=label), Change())


def back_up_off_thread(store: "EventStore", folder: Path, *, now: datetime, keep: int = 20, label: str = ""):
    """A backup to run on a worker thread: returns a function of no arguments that takes it
    through its own read-only connection (``store.reader()``), never the kiosk's, and returns
    the ``Outcome``. Everything it needs is read now, on the caller's thread."""
    import sqlite3

    from kiosk.models.backup import backup
    from kiosk.models.errors import KioskError

    def work() -> Outcome:
        try:
            conn = store.reader()
        except sqlite3.Error as exc:
            raise KioskError(f"Backup failed: cannot read the database: {exc}", code="backup_failed") from exc
        try:
            return Outcome(backup(conn, folder, now=now, keep=keep, label=label), Change())
        finally:
            conn.close()

    return work


def restore(backup_file: Path, db_path: Path, *, other_event: bool = False, force: bool = False) -> Outcome:
    """Put a backup in place of the database (kiosks stopped); everything may differ after it."""
    from kiosk.models.backup import restore as _restore

    return Outcome(_restore(backup_file, db_path, other_event=other_event, force=force), Change.all())


# ---------------------------------------------------------------- bound to one kiosk
class Operations:
    """The verbs bound to one store, this device and a clock; every change is handed to
    ``publish`` (the kiosk's change bus). What the screens use instead of stores."""

    def __init__(self, store: "EventStore", *, device_id: str, clock,
                 publish: Callable[[Change], None] | None = None, export_dir: Path | None = None) -> None:
        self.store = store
        self.device_id = device_id
        self.clock = clock
        self.publish = publish or (lambda change: None)
        self.export_dir = export_dir

    def _done(self, outcome: Outcome):
        if outcome.change:
            self.publish(outcome.change)
        return outcome.result

    # -- writes
    def check_in(self, payload: str, *, list_id: str, scan_id: str, manual_attendee: str | None = None,
                 now: datetime | None = None, wait_ms: int | None = None):
        """``now``: when the badge was scanned (default: now; a scan retried while another
        process held the lock keeps its first time); ``wait_ms``: see :func:`check_in`."""
        return self._done(check_in(self.store, payload=payload, list_id=list_id, device_id=self.device_id,
                                   scan_id=scan_id, now=now or self.clock.now(), manual_attendee=manual_attendee,
                                   wait_ms=wait_ms))

    def register_attendee(self, *, name: str, type_: str):
        """A walk-in registered at this desk, with a badge number: ``(attendee, serial)``."""
        return self._done(register_attendee(self.store, name=name, type_=type_, device_id=self.device_id,
                                            now=self.clock.now()))

    def shares_registrations(self) -> bool:
        return self.store.sync.shares_registrations(self.device_id)

    def undo_checkin(self, *, list_id: str):
        return self._done(undo_checkin(self.store, list_id=list_id, device_id=self.device_id, now=self.clock.now()))

    def edit_session(self, session_id: str, *, by: str, role: str, reason: str = "", **change):
        return self._done(edit_session(self.store, session_id, by=by, role=role, device_id=self.device_id,
                                       now=self.clock.now(), reason=reason, **change))

    def save_staged_edit(self, session_id: str, change: dict, *, confirmed: bool, by: str, role: str,
                         reason: str = ""):
        return self._done(save_staged_edit(self.store, session_id, change, confirmed=confirmed, by=by, role=role,
                                           device_id=self.device_id, now=self.clock.now(), reason=reason))

    def undo_edit(self, *, by: str, role: str):
        return self._done(undo_edit(self.store, by=by, role=role, device_id=self.device_id, now=self.clock.now()))

    def move_meeting(self, meeting_id: str, *, by: str, role: str, reason: str = "", table: str | None = None,
                     room: str | None = None, start: datetime | None = None):
        return self._done(move_meeting(self.store, meeting_id, by=by, role=role, device_id=self.device_id,
                                       now=self.clock.now(), reason=reason, table=table, room=room, start=start))

    def set_meeting_status(self, meeting_id: str, status: str, *, by: str, role: str, reason: str = ""):
        return self._done(set_meeting_status(self.store, meeting_id, status, by=by, role=role,
                                             device_id=self.device_id, now=self.clock.now(), reason=reason))

    def mark_meeting_attendance(self, meeting_id: str, *, present: list[str], absent: list[str] = (), by: str,
                                role: str):
        return self._done(mark_meeting_attendance(self.store, meeting_id, present=present, absent=absent, by=by,
                                                  role=role, device_id=self.device_id, now=self.clock.now()))

    def try_pin(self, pin: str):
        return self._done(try_pin(self.store, pin, device_id=self.device_id, now=self.clock.now()))

    def begin_pin_try(self, pin: str):
        """A ``PinResult`` while locked out, else the scrypt check to run off the UI thread."""
        return begin_pin_try(self.store, pin, device_id=self.device_id, now=self.clock.now())

    def finish_pin_try(self, role: str | None):
        return self._done(finish_pin_try(self.store, role, device_id=self.device_id, now=self.clock.now()))

    def end_pin_lockout(self, badge_payload: str):
        return self._done(end_pin_lockout(self.store, device_id=self.device_id, badge_payload=badge_payload))

    def export_checkins_csv(self, list_id: str | None) -> Path:
        if self.export_dir is None:
            raise RuntimeError("no export folder configured")
        return export_checkins_csv(self.store, self.export_dir, list_id=list_id, now=self.clock.now())

    # -- reads the screens need (no SQL in views)
    def plan_edit(self, session_id: str, **change):
        return plan_edit(self.store, session_id, **change)

    def pin_lock_state(self):
        return self.store.pins.lock_state(self.device_id, self.clock.now())

    def pin_roles(self) -> list[str]:
        return self.store.pins.roles_set()

    @property
    def checkins(self):
        """Read-only questions about check-ins (lists, counts, recent scans, look-up)."""
        return self.store.checkins

    @property
    def schedule(self):
        """Read-only questions about the schedule (changes, audit, plan)."""
        return self.store.schedule

    @property
    def matchmaking(self):
        """Read-only questions about meetings (board, buyers, a person's day, conflicts)."""
        return self.store.matchmaking

    def sync_status(self, now: datetime | None = None):
        return self.store.sync.status(now)

    def clock_problem(self) -> datetime | None:
        """This device's clock reading when it is outside the event on a database that syncs."""
        return clock_problem(self.store, self.clock.now())
