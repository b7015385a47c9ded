"""Check-in storage: every scan and check-in, written durably before a verdict is shown.

Each scan is one ``EventStore.atomic()`` (``BEGIN IMMEDIATE``) transaction: the writer lock is taken before anything is
read, so two processes scanning the same badge at the same instant are serialised and exactly
one gets OK (the other, ALREADY). The ``scan_id`` makes a repeated scan harmless: processing it
again returns the stored verdict and writes nothing.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from . import badges
from .checkin import ATTENDEE_TYPES, Attendee, CheckInList, ListCount, UndoResult, Verdict, rule_verdict
from .domain import Text
from .errors import KioskError
from .text_rules import hidden_character

if TYPE_CHECKING:
    from .store import EventStore

STORED_PAYLOAD = 512   # longer garbage is cut (with its length noted) — the audit row stays small


def _attendee(row) -> Attendee | None:
    if row is None:
        return None
    return Attendee(id=row[0], name=row[1], name_local=row[2], organisation=row[3], country=row[4], type=row[5])


ATTENDEE_COLUMNS = "id, name, name_local, organisation, country, type"


def settle_checkin(store: "EventStore", list_id: str, attendee_id: str) -> int:
    """THE rule for who owns a check-in, used by the desk, undo and sync alike: the earliest OK
    scan (time, device, scan id) that is not undone. Any other OK scan for the same person and
    list is a *duplicate* (kept, and listed for staff). Call inside ``atomic()``. Returns the
    number of duplicates."""
    return settle_checkins(store, [(list_id, attendee_id)])


_PAIRS = "SELECT json_extract(value, '$[0]') AS list_id, json_extract(value, '$[1]') AS attendee_id FROM json_each(?)"


def settle_checkins(store: "EventStore", pairs) -> int:
    """:func:`settle_checkin`'s rule for many (list, attendee) pairs at once, in five statements
    however many there are (a sync merge of 10,000 scans touches thousands: one by one that
    was five statements each). Returns the number of duplicates."""
    pairs = json.dumps([[list_id, attendee_id] for list_id, attendee_id in pairs])
    oks = store.execute(
        f"SELECT s.list_id, s.attendee_id, s.scan_id, s.scanned_at, s.device_id FROM ({_PAIRS}) p "
        "JOIN scan s INDEXED BY scan_list_attendee ON s.list_id = p.list_id AND s.attendee_id = p.attendee_id "
        "AND s.code = 'OK' WHERE NOT EXISTS (SELECT 1 FROM undone_checkin u WHERE u.scan_id = s.scan_id) "
        "ORDER BY s.list_id, s.attendee_id, s.scanned_at, s.device_id, s.scan_id", (pairs,)).fetchall()
    store.execute(f"DELETE FROM checkin WHERE (list_id, attendee_id) IN ({_PAIRS})", (pairs,))
    store.execute(f"DELETE FROM sync_duplicate WHERE (list_id, attendee_id) IN ({_PAIRS})", (pairs,))
    firsts, duplicates = [], []
    first = None
    for list_id, attendee_id, scan_id, scanned_at, device_id in oks:
        if first is not None and first[0] == list_id and first[1] == attendee_id:
            duplicates.append((list_id, attendee_id, first[2], scan_id))
        else:
            first = (list_id, attendee_id, scan_id, device_id, scanned_at)
            firsts.append(first)
    store.executemany("INSERT INTO checkin (list_id, attendee_id, scan_id, device_id, checked_in_at) "
                      "VALUES (?, ?, ?, ?, ?)", firsts)
    store.executemany("INSERT INTO sync_duplicate VALUES (?, ?, ?, ?)", duplicates)
    return len(duplicates)


NAME_MAX = 100
ORGANISATION_MAX = 200
MAX_WINDOWS = 12
_WALKIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"    # no I/1/O/0: read aloud at a desk


def new_walkin_id() -> str:
    """An on-site registration's attendee id: ``W`` and eight random characters, so two desks
    registering people at once never pick the same id (and no one can claim a later one)."""
    import secrets

    return "W" + "".join(secrets.choice(_WALKIN_ALPHABET) for _ in range(8))


#: walk-ins one desk may register for the event (found by an attack: a stolen desk signed 100,000
#: VIP walk-ins, a 48.9 MB sync file that took 457 MB to import). The event has ~300 registered
#: attendees and a handful of desks; 2,000 per desk is several times any real day's walk-ins.
#: The desk refuses the next one; other devices quarantine a desk's registrations past it.
MAX_WALKINS_PER_DEVICE = 2000


def walkin_limit_reached(store, device_id: str) -> bool:
    return store.execute("SELECT count(*) FROM attendee WHERE registered_by = ?",
                         (device_id,)).fetchone()[0] >= MAX_WALKINS_PER_DEVICE


def check_attendee_fields(*, name, name_local, organisation, country, type_) -> None:
    """THE checks on an attendee registered on the day (the desk and every device receiving the
    registration apply the same ones). Raises KioskError(code="bad_attendee")."""
    def bad(message: str):
        return KioskError(message, code="bad_attendee")

    for value, what, limit, required in ((name, "name", NAME_MAX, True), (name_local, "local name", NAME_MAX, False),
                                         (organisation, "organisation", ORGANISATION_MAX, False)):
        if value is None and not required:
            continue
        if not isinstance(value, str) or not value.strip() or value != value.strip() or len(value) > limit \
                or any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 for ch in value):
            raise bad(f"The {what} must be 1–{limit} printable characters with no space at either end.")
        hidden = hidden_character(value)
        if hidden is not None:
            raise bad(f"The {what} contains an invisible or direction-changing character ({hidden}); "
                      "type it again without it.")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isascii()
                                    and country.isalpha() and country.isupper()):
        raise bad("The country must be a two-letter code like KR.")
    if type_ not in ATTENDEE_TYPES:
        raise bad(f"The attendee type must be one of: {', '.join(ATTENDEE_TYPES)}.")


def check_windows(windows, *, first_day, last_day, tz) -> list[list[str]]:
    """A list's opening windows as ``[[start, end], ...]`` ISO texts with the event's offset:
    each within the event days, start before end, not overlapping, at most ``MAX_WINDOWS``.
    Returns them sorted. Raises KioskError(code="bad_window")."""
    from datetime import date as date_type

    if not isinstance(windows, (list, tuple)) or len(windows) > MAX_WINDOWS:
        raise KioskError(f"A list has at most {MAX_WINDOWS} opening windows.", code="bad_window")
    out = []
    for w in windows:
        if not (isinstance(w, (list, tuple)) and len(w) == 2):
            raise KioskError("A window is a start and an end.", code="bad_window")
        try:
            start, end = (v if isinstance(v, datetime) else datetime.fromisoformat(v) for v in w)
        except (TypeError, ValueError):
            raise KioskError(f"{str(w)[:60]} is not a pair of times.", code="bad_window") from None
        if start.tzinfo is None or end.tzinfo is None:
            raise KioskError("A window's times need their time zone.", code="bad_window")
        start, end = start.astimezone(tz), end.astimezone(tz)
        if end <= start:
            raise KioskError(f"The window {start:%H:%M}–{end:%H:%M} ends before it opens.", code="bad_window")
        days = (first_day if isinstance(first_day, date_type) else date_type.fromisoformat(first_day),
                last_day if isinstance(last_day, date_type) else date_type.fromisoformat(last_day))
        if not (days[0] <= start.date() <= days[1] and days[0] <= (end - timedelta(seconds=1)).date() <= days[1]):
            raise KioskError(f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} is outside the event days ({days[0]} – {days[1]}).",
                             code="bad_window")
        out.append([start.isoformat(), end.isoformat()])
    out.sort()
    for (_s1, e1), (s2, _e2) in zip(out, out[1:]):
        if s2 < e1:
            raise KioskError("Two windows overlap.", code="bad_window")
    return out


def settle_list_windows(store: "EventStore", list_id: str) -> bool:
    """THE rule for a list's opening windows, on the desk and on every device alike: those of the
    latest window change by (hybrid logical clock, device id); with none (none yet, or every one
    withdrawn when its device was revoked), the windows the list was published with. Call inside
    ``atomic()``. Returns whether the list's windows changed."""
    current = [[r[0], r[1]] for r in store.execute('SELECT start, "end" FROM checkin_window WHERE list_id = ? '
                                                   "ORDER BY start", (list_id,))]
    edit = store.execute("SELECT windows FROM list_window_edit WHERE list_id = ? ORDER BY hlc DESC, device_id DESC "
                         "LIMIT 1", (list_id,)).fetchone()
    published = store.execute("SELECT windows FROM list_window_published WHERE list_id = ?", (list_id,)).fetchone()
    if published is None:
        if edit is None:
            return False
        store.execute("INSERT INTO list_window_published (list_id, windows) VALUES (?, ?)",
                      (list_id, json.dumps(current)))
        published = (json.dumps(current),)
    target = json.loads(edit[0] if edit else published[0])
    if target == current:
        return False
    store.execute("DELETE FROM checkin_window WHERE list_id = ?", (list_id,))
    store.executemany('INSERT INTO checkin_window (list_id, start, "end") VALUES (?, ?, ?)',
                      [(list_id, s, e) for s, e in target])
    return True


class CheckInStore:
    """Scans, check-ins and the lists they go on (a typed store of :class:`EventStore`)."""

    def __init__(self, store: "EventStore") -> None:
        self.store = store
        self._lists: dict[str, CheckInList] | None = None
        self._lists_version = None

    # ---------------------------------------------------------------- reference data
    @property
    def prefix(self) -> str:
        return self.store.info.badge_prefix

    def public_keys(self) -> list[bytes]:
        return self.store.badges.public_keys()

    def register_public_key(self, raw: bytes, now: datetime) -> str:
        """Shortcut to :meth:`BadgeStore.register_public_key`."""
        return self.store.badges.register_public_key(raw, now)

    def current_badge(self, attendee_id: str, *, reissue: bool, now: datetime) -> str:
        """Shortcut to :meth:`BadgeStore.current_badge`."""
        return self.store.badges.current_badge(attendee_id, reissue=reissue, now=now)

    def lists(self) -> dict[str, CheckInList]:
        # window changes arrive from other processes (the desk, sync): read again when they move
        version = self.store.execute("SELECT count(*), coalesce(sum(rowid), 0) FROM list_window_edit").fetchone()
        if version != self._lists_version:
            self._lists, self._lists_version = None, version
        if self._lists is None:
            windows: dict[str, list] = {}
            for list_id, start, end in self.store.execute('SELECT list_id, start, "end" FROM checkin_window ORDER BY start'):
                windows.setdefault(list_id, []).append((datetime.fromisoformat(start), datetime.fromisoformat(end)))
            cursor = self.store.execute("SELECT id, name_en, name_ko, name_zh, types, session_id FROM checkin_list "
                                        "ORDER BY position")
            self._lists = {
                r[0]: CheckInList(r[0], Text(r[1], r[2], r[3]), frozenset(r[4].split(",")), tuple(windows.get(r[0], ())),
                                  session_id=r[5])
                for r in cursor
            }
        return self._lists

    def cancelled_lists(self) -> set[str]:
        """The lists whose session is cancelled now (read each time: a cancellation can arrive
        from any device at any moment)."""
        return {r[0] for r in self.store.execute(
            "SELECT l.id FROM checkin_list l JOIN session s ON s.id = l.session_id WHERE s.status = 'cancelled'")}

    def attendee(self, attendee_id: str) -> Attendee | None:
        return _attendee(self.store.execute(f"SELECT {ATTENDEE_COLUMNS} FROM attendee WHERE id = ?",
                                           (attendee_id,)).fetchone())

    def find_attendees(self, text: str, limit: int = 30) -> list[Attendee]:
        """Staff look-up by name (Latin or Hangul/Hanzi), attendee id or badge number."""
        text = " ".join(text.split())
        if not text:
            return []
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.store.execute(
            f"SELECT {ATTENDEE_COLUMNS} FROM attendee WHERE name LIKE ?1 ESCAPE '\\' OR name_local LIKE ?1 ESCAPE '\\' "
            "OR id = ?2 COLLATE NOCASE OR id IN (SELECT attendee_id FROM badge WHERE serial = ?2 COLLATE NOCASE) "
            "ORDER BY name COLLATE NOCASE LIMIT ?3", (pattern, text, limit)).fetchall()
        return [_attendee(r) for r in rows]

    # ---------------------------------------------------------------- changed on the day
    def register_attendee(self, *, name: str, type_: str, device_id: str, now: datetime,
                          name_local: str | None = None, organisation: str | None = None,
                          country: str | None = None) -> Attendee:
        """Register a person at the desk on the day (a walk-in): a new attendee with a random id,
        marked as registered here (it travels to every device as a signed ``register`` entry)."""
        name, name_local, organisation = (" ".join(v.split()) if isinstance(v, str) else v
                                          for v in (name, name_local, organisation))
        name_local, organisation = name_local or None, organisation or None
        country = country.strip().upper() or None if isinstance(country, str) else country
        check_attendee_fields(name=name, name_local=name_local, organisation=organisation, country=country,
                              type_=type_)
        with self.store.atomic():
            if walkin_limit_reached(self.store, device_id):
                raise KioskError(f"This desk has registered {MAX_WALKINS_PER_DEVICE} walk-ins, the most one desk may "
                                 "register for the event; nothing was saved.", code="walkin_limit",
                                 hint="Register at another desk, or ask the organiser (docs/SECURITY.md explains why).")
            attendee_id = new_walkin_id()
            while self.store.execute("SELECT 1 FROM attendee WHERE id = ?", (attendee_id,)).fetchone():
                attendee_id = new_walkin_id()
            self.store.execute("INSERT INTO attendee (id, name, name_local, organisation, country, type, registered_by, "
                               "registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               (attendee_id, name, name_local, organisation, country, type_, device_id,
                                now.isoformat()))
        return self.attendee(attendee_id)

    def set_windows(self, list_id: str, windows, *, by: str, device_id: str, now: datetime) -> list[list[str]]:
        """Change when a list is open (e.g. dinner opens at 18:30, not 18:00): the windows given
        replace the list's windows. One transaction with its record (who, device, when); it travels
        as a signed ``window`` entry. Returns the list's windows as they now are."""
        from .schedule import new_edit_key, next_hlc

        if list_id not in self.lists():
            raise KioskError(f"There is no check-in list {list_id!r}.", code="unknown_list",
                             hint="Lists: " + ", ".join(self.lists()))
        info = self.store.info
        windows = check_windows(windows, first_day=info.first_day, last_day=info.last_day, tz=info.tz)
        with self.store.atomic():
            self.store.execute("INSERT INTO list_window_edit (edit_key, list_id, windows, device_id, by_name, at, hlc) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)",
                               (new_edit_key(), list_id, json.dumps(windows), device_id, by[:100], now.isoformat(),
                                next_hlc(self.store, now)))
            settle_list_windows(self.store, list_id)
        return [[r[0], r[1]] for r in self.store.execute('SELECT start, "end" FROM checkin_window WHERE list_id = ? '
                                                         "ORDER BY start", (list_id,))]

    # ---------------------------------------------------------------- the verb
    def check_in(self, *, payload: str, list_id: str, device_id: str, scan_id: str, now: datetime,
                 manual_attendee: str | None = None) -> Verdict:
        """Decide and record one scan. The scan row (and the check-in, for OK) is committed
        before this returns: a verdict shown is a verdict on disk.

        ``manual_attendee``: staff looked the person up by name instead of scanning a badge.
        """
        checklist = self.lists().get(list_id)
        if checklist is None:
            raise KioskError(f"There is no check-in list {list_id!r}.", code="unknown_list",
                             hint="Lists: " + ", ".join(self.lists()))
        stored_payload = payload if len(payload) <= STORED_PAYLOAD else (
            payload[:STORED_PAYLOAD] + f"…[{len(payload)} characters]")
        stored_payload = stored_payload.replace("\x00", "\\0")
        badge = None
        reason = message = ""
        if manual_attendee is None:
            try:
                badge = badges.parse(payload, prefix=self.prefix, public_keys=self.public_keys())
            except badges.BadgeError as exc:
                reason, message = exc.reason, exc.message
        store = self.store
        with store.atomic():
            previous = store.execute("SELECT code, list_id, device_id, scanned_at, attendee_id, detail FROM scan "
                                    "WHERE scan_id = ?", (scan_id,)).fetchone()
            if previous is not None:
                return self._replay(scan_id, previous)
            attendee = None
            serial = badge.serial if badge else None
            first_at = first_device = None
            if manual_attendee is not None:
                attendee = self.attendee(manual_attendee)
                code, reason = rule_verdict(attendee=attendee, revoked=False, known_serial=attendee is not None,
                                            checklist=checklist, now=now)
            elif badge is None:
                code = "INVALID"
            else:
                row = store.execute("SELECT attendee_id, revoked_at FROM badge WHERE serial = ?", (serial,)).fetchone()
                if row is None:
                    # A badge signed with the event's key but issued after this database was copied
                    # (and not synced here yet): like pretixSCAN with signed offline tickets, the
                    # signature is proof enough — when it is a newer issue for an attendee this
                    # device knows. An attendee it does not know at all stays UNKNOWN (their type,
                    # so their lists, cannot be checked). See docs/SECURITY.md.
                    newest = store.execute("SELECT max(issue) FROM badge WHERE attendee_id = ?",
                                           (badge.attendee_id,)).fetchone()[0]
                    if newest is not None and badge.issue > newest:
                        row = (badge.attendee_id, None)
                attendee = self.attendee(row[0]) if row else None
                code, reason = rule_verdict(attendee=attendee, revoked=bool(row and row[1]), known_serial=row is not None,
                                            checklist=checklist, now=now)
            if code == "OK":
                first = store.execute("SELECT checked_in_at, device_id FROM checkin WHERE list_id = ? AND attendee_id = ?",
                                     (list_id, attendee.id)).fetchone()
                if first is not None:
                    code, reason = "ALREADY", "checked in before"
                    first_at, first_device = datetime.fromisoformat(first[0]), first[1]
            # a cancelled session's list still records who came (they turned up: the organiser
            # decides what happens to them); the verdict says so to staff
            warning = ""
            if code in ("OK", "ALREADY") and checklist.session_id and store.execute(
                    "SELECT 1 FROM session WHERE id = ? AND status = 'cancelled'", (checklist.session_id,)).fetchone():
                warning = "session_cancelled"
            detail = {"reason": reason, "message": message}
            if warning:
                detail["warning"] = warning
            if first_at is not None:
                detail.update(first_at=first_at.isoformat(), first_device=first_device)
            store.execute(
                "INSERT INTO scan (scan_id, list_id, device_id, scanned_at, payload, serial, attendee_id, code, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (scan_id, list_id, device_id, now.isoformat(), stored_payload, serial,
                 attendee.id if attendee else None, code, json.dumps(detail, ensure_ascii=False)))
            if code == "OK":
                settle_checkin(store, list_id, attendee.id)
        return Verdict(code=code, scan_id=scan_id, list_id=list_id, device_id=device_id, scanned_at=now,
                       attendee=attendee if code != "INVALID" else None, first_at=first_at,
                       first_device=first_device, reason=reason, message=message, warning=warning)

    def _replay(self, scan_id: str, row) -> Verdict:
        code, list_id, device_id, scanned_at, attendee_id, detail = row
        d = json.loads(detail or "{}")
        return Verdict(code=code, scan_id=scan_id, list_id=list_id, device_id=device_id,
                       scanned_at=datetime.fromisoformat(scanned_at),
                       attendee=self.attendee(attendee_id) if attendee_id else None,
                       first_at=datetime.fromisoformat(d["first_at"]) if d.get("first_at") else None,
                       first_device=d.get("first_device"), reason=d.get("reason", ""), message=d.get("message", ""),
                       replayed=True, warning=d.get("warning", ""))

    def undo_last(self, *, device_id: str, list_id: str, now: datetime) -> UndoResult | None:
        """Take back this device's latest check-in on ``list_id`` (a wrong person let in,
        a test scan). The scan stays in the audit trail, marked undone."""
        store = self.store
        with store.atomic():
            row = store.execute(
                "SELECT c.scan_id, c.attendee_id FROM checkin c WHERE c.list_id = ? AND c.device_id = ? "
                "ORDER BY c.checked_in_at DESC, c.rowid DESC LIMIT 1", (list_id, device_id)).fetchone()
            if row is None:
                return None
            store.execute("INSERT INTO undone_checkin (scan_id, undone_at, device_id) VALUES (?, ?, ?)",
                          (row[0], now.isoformat(), device_id))
            settle_checkin(store, list_id, row[1])
        return UndoResult(scan_id=row[0], attendee=self.attendee(row[1]), list_id=list_id)

    # ---------------------------------------------------------------- counts and export
    def counts(self) -> dict[str, ListCount]:
        by_type = dict(self.store.execute("SELECT type, count(*) FROM attendee GROUP BY type").fetchall())
        done = dict(self.store.execute("SELECT list_id, count(*) FROM checkin GROUP BY list_id").fetchall())
        return {lid: ListCount(lid, done.get(lid, 0), sum(by_type.get(t, 0) for t in cl.types))
                for lid, cl in self.lists().items()}

    def recent_scans(self, list_id: str, limit: int = 8) -> list[dict]:
        rows = self.store.execute(
            "SELECT s.scan_id, s.scanned_at, s.code, s.device_id, a.name, s.attendee_id, "
            "EXISTS (SELECT 1 FROM undone_checkin u WHERE u.scan_id = s.scan_id), s.serial, "
            "s.payload LIKE 'manual:%', CASE WHEN json_valid(s.detail) THEN json_extract(s.detail, '$.warning') END "
            "FROM scan s LEFT JOIN attendee a ON a.id = s.attendee_id WHERE s.list_id = ? "
            "ORDER BY s.scanned_at DESC, s.rowid DESC LIMIT ?", (list_id, limit)).fetchall()
        return [{"scan_id": r[0], "at": datetime.fromisoformat(r[1]), "code": r[2], "device": r[3], "name": r[4],
                 "attendee_id": r[5], "undone": bool(r[6]), "serial": r[7], "manual": bool(r[8]),
                 "warning": r[9] or ""} for r in rows]

    def checkins_csv_rows(self, list_id: str | None = None):
        """Rows for the check-in CSV: one per attendee checked in (undone ones left out). ``method``
        says how: ``scan`` (a badge) or ``manual`` (looked up by name at the desk)."""
        sql = ("SELECT c.list_id, c.checked_in_at, c.device_id, a.id, a.name, a.name_local, a.organisation, "
               "a.country, a.type, c.scan_id, CASE WHEN s.payload LIKE 'manual:%' THEN 'manual' ELSE 'scan' END "
               "FROM checkin c JOIN attendee a ON a.id = c.attendee_id LEFT JOIN scan s ON s.scan_id = c.scan_id")
        params: tuple = ()
        if list_id:
            sql += " WHERE c.list_id = ?"
            params = (list_id,)
        yield ("list", "checked_in_at", "device", "attendee_id", "name", "name_local", "organisation",
               "country", "type", "scan_id", "method")
        yield from self.store.execute(sql + " ORDER BY c.list_id, c.checked_in_at", params)

    def sync_status(self, now: datetime | None = None) -> dict | None:
        """What this device's sync daemon last wrote (None when sync does not run here)."""
        return self.store.sync.status(now)

    def attendees(self, ids: list[str] | None = None) -> list[Attendee]:
        if ids:
            marks = ",".join("?" * len(ids))
            rows = self.store.execute(f"SELECT {ATTENDEE_COLUMNS} FROM attendee WHERE id IN ({marks}) ORDER BY id", ids)
        else:
            rows = self.store.execute(f"SELECT {ATTENDEE_COLUMNS} FROM attendee ORDER BY id")
        return [_attendee(r) for r in rows]


class BadgeStore:
    """Badge serials and the event's public signing keys (a typed store of :class:`EventStore`)."""

    def __init__(self, store: "EventStore") -> None:
        self.store = store
        self._keys: list[bytes] | None = None

    def public_keys(self) -> list[bytes]:
        if self._keys is None:
            self._keys = [bytes.fromhex(r[0]) for r in self.store.execute("SELECT public_key FROM signing_key")]
        return self._keys

    def register_public_key(self, raw: bytes, now: datetime) -> str:
        kid = badges.key_id(raw)
        with self.store.atomic():
            self.store.execute("INSERT OR IGNORE INTO signing_key (key_id, public_key, created_at) VALUES (?, ?, ?)",
                              (kid, raw.hex(), now.isoformat()))
        self._keys = None
        return kid

    def live_serial(self, attendee_id: str) -> str | None:
        """The attendee's badge that is not revoked (the newest), or None."""
        row = self.store.execute("SELECT serial FROM badge WHERE attendee_id = ? AND revoked_at IS NULL "
                                 "ORDER BY issue DESC LIMIT 1", (attendee_id,)).fetchone()
        return row[0] if row else None

    def current_badge(self, attendee_id: str, *, reissue: bool, now: datetime) -> str:
        """The serial to print for ``attendee_id``: the live one, or a new one (``reissue``, or
        none yet). Re-issuing revokes every earlier serial of that attendee."""
        store = self.store
        with store.atomic():
            row = store.execute("SELECT serial, issue FROM badge WHERE attendee_id = ? AND revoked_at IS NULL "
                               "ORDER BY issue DESC LIMIT 1", (attendee_id,)).fetchone()
            if row is not None and not reissue:
                return row[0]
            last = store.execute("SELECT max(issue) FROM badge WHERE attendee_id = ?", (attendee_id,)).fetchone()[0] or 0
            serial = badges.serial_for(attendee_id, last + 1)
            store.execute("UPDATE badge SET revoked_at = ? WHERE attendee_id = ? AND revoked_at IS NULL",
                         (now.isoformat(), attendee_id))
            store.execute("INSERT INTO badge (serial, attendee_id, issue, issued_at) VALUES (?, ?, ?, ?)",
                         (serial, attendee_id, last + 1, now.isoformat()))
        return serial
