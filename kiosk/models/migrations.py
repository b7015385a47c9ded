"""The event database's schema, built only through these migrations.

Multilingual text is stored as one column per language (``_en``, ``_ko``, ``_zh``) so the
kiosk can read a row in the visitor's language with one indexed query. Times are ISO 8601
strings with their UTC offset (``2023-06-14T15:00:00+09:00``): all of an event's times share
the event's zone, so they sort as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils is imported only when a migration runs (start-up speed)
    from sqlite_utils import Database

SCHEMA_NAME = "kiosk"

_I18N = ("en", "ko", "zh")


def _run(db: "Database", script: str) -> None:
    """Run DDL statement by statement: ``executescript`` would commit the migration's
    transaction half-way, and a failure could then leave half a schema behind.

    Statements end with ``;`` at the end of a line; a trigger's body (``BEGIN … END``) is
    kept whole."""
    statement: list[str] = []
    in_trigger = False
    for line in script.splitlines():
        statement.append(line)
        stripped = line.strip()
        if stripped.upper().startswith("CREATE TRIGGER"):
            in_trigger = True
        if in_trigger:
            if stripped.upper().rstrip(";") == "END":
                in_trigger = False
                db.execute("\n".join(statement).strip().rstrip(";"))
                statement = []
            continue
        if stripped.endswith(";"):
            db.execute("\n".join(statement).strip().rstrip(";"))
            statement = []
    rest = "\n".join(statement).strip()
    if rest:
        db.execute(rest)


def _i18n(column: str, *, required: str | None = "en") -> str:
    """Column definitions for one text in every language (English required by default)."""
    parts = []
    for lang in _I18N:
        null = " NOT NULL" if lang == required else ""
        parts.append(f"{column}_{lang} TEXT{null}")
    return ",\n    ".join(parts)


def m001_event_venue_rooms(db: "Database") -> None:
    _run(
        db,
        f"""
CREATE TABLE event (
    id TEXT PRIMARY KEY,
    {_i18n("name")},
    {_i18n("subtitle", required=None)},
    {_i18n("theme", required=None)},
    organiser TEXT,
    hosts TEXT,
    timezone TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    default_language TEXT NOT NULL DEFAULT 'en',
    venue_id TEXT NOT NULL REFERENCES venue(id)
);
CREATE TABLE venue (
    id TEXT PRIMARY KEY,
    {_i18n("name")},
    address TEXT
);
CREATE TABLE floor (
    id TEXT PRIMARY KEY,
    venue_id TEXT NOT NULL REFERENCES venue(id),
    level INTEGER NOT NULL,
    {_i18n("name")},
    plan_width REAL NOT NULL,
    plan_depth REAL NOT NULL
);
CREATE TABLE room (
    id TEXT PRIMARY KEY,
    floor_id TEXT NOT NULL REFERENCES floor(id),
    part_of TEXT REFERENCES room(id),
    kind TEXT NOT NULL,
    {_i18n("name")},
    {_i18n("directions", required=None)},
    area_m2 REAL,
    seats INTEGER,
    plan_x REAL, plan_y REAL, plan_w REAL, plan_h REAL,
    assumed TEXT NOT NULL DEFAULT ''
);
CREATE INDEX room_floor ON room(floor_id);
"""
    )


def m002_programme(db: "Database") -> None:
    _run(
        db,
        f"""
CREATE TABLE organisation (
    id TEXT PRIMARY KEY,
    {_i18n("name")},
    country TEXT
);
CREATE TABLE person (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_local TEXT,
    {_i18n("title", required=None)},
    organisation_id TEXT REFERENCES organisation(id)
);
CREATE TABLE session (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('ceremony', 'keynote', 'roundtable', 'masterclass',
        'forum', 'matchmaking', 'meeting', 'meal', 'reception', 'tour', 'exhibition')),
    {_i18n("title")},
    {_i18n("description", required=None)},
    -- what was published (the printed programme) ...
    published_start TEXT NOT NULL,
    published_end TEXT NOT NULL,
    published_room_id TEXT REFERENCES room(id),
    -- ... and what is true now (volunteers' live changes)
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    room_id TEXT REFERENCES room(id),
    status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    notice TEXT NOT NULL DEFAULT '',
    room_assumed INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    CHECK (start < "end"),
    CHECK (published_start < published_end)
);
CREATE INDEX session_start ON session(start);
CREATE TABLE session_person (
    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES person(id),
    role TEXT NOT NULL CHECK (role IN ('moderator', 'speaker', 'panelist')),
    position INTEGER NOT NULL,
    {_i18n("talk", required=None)},
    PRIMARY KEY (session_id, person_id, role)
);
"""
    )


def m003_exhibition_attendees(db: "Database") -> None:
    _run(
        db,
        f"""
CREATE TABLE category (
    id TEXT PRIMARY KEY,
    {_i18n("name")},
    colour TEXT NOT NULL,
    symbol TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE booth (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES room(id),
    plan_x REAL NOT NULL, plan_y REAL NOT NULL, plan_w REAL NOT NULL, plan_h REAL NOT NULL
);
CREATE TABLE exhibitor (
    id TEXT PRIMARY KEY,
    {_i18n("name")},
    {_i18n("description", required=None)},
    products TEXT NOT NULL DEFAULT '',
    website TEXT,
    country TEXT NOT NULL,
    category_id TEXT REFERENCES category(id)
);
CREATE INDEX exhibitor_category ON exhibitor(category_id);
CREATE TABLE exhibitor_booth (
    exhibitor_id TEXT NOT NULL REFERENCES exhibitor(id) ON DELETE CASCADE,
    booth_id TEXT NOT NULL REFERENCES booth(id),
    PRIMARY KEY (exhibitor_id, booth_id)
);
CREATE TABLE attendee (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_local TEXT,
    organisation TEXT,
    country TEXT,
    type TEXT NOT NULL CHECK (type IN ('delegate', 'speaker', 'exhibitor', 'buyer', 'vip',
        'press', 'staff', 'volunteer'))
);
"""
    )


def m004_venue_map(db: "Database") -> None:
    _run(
        db,
        f"""
ALTER TABLE booth ADD COLUMN door_x REAL;
ALTER TABLE booth ADD COLUMN door_y REAL;
CREATE INDEX booth_room ON booth(room_id);
CREATE INDEX exhibitor_booth_booth ON exhibitor_booth(booth_id);
-- everything else drawn on the floor plans: walkways (the graph routes are found on),
-- openings (room doors), amenities (toilets, exits), connectors (lifts, stairs)
CREATE TABLE map_feature (
    id TEXT PRIMARY KEY,
    floor_id TEXT REFERENCES floor(id),
    feature_type TEXT NOT NULL CHECK (feature_type IN ('walkway', 'opening', 'amenity', 'connector')),
    category TEXT,
    {_i18n("name", required=None)},
    unit_id TEXT REFERENCES room(id),
    geometry TEXT NOT NULL,
    door TEXT
);
CREATE INDEX map_feature_floor ON map_feature(floor_id);
CREATE TABLE kiosk (
    id TEXT PRIMARY KEY,
    floor_id TEXT NOT NULL REFERENCES floor(id),
    {_i18n("name")},
    x REAL NOT NULL,
    y REAL NOT NULL
);
-- substring search over exhibitor names in any language (trigram: 3+ characters)
CREATE VIRTUAL TABLE exhibitor_fts USING fts5(
    exhibitor_id UNINDEXED, name_en, name_ko, name_zh, tokenize = 'trigram'
);
CREATE TRIGGER exhibitor_fts_insert AFTER INSERT ON exhibitor BEGIN
    INSERT INTO exhibitor_fts (exhibitor_id, name_en, name_ko, name_zh)
    VALUES (new.id, new.name_en, new.name_ko, new.name_zh);
END;
CREATE TRIGGER exhibitor_fts_update AFTER UPDATE OF name_en, name_ko, name_zh ON exhibitor BEGIN
    UPDATE exhibitor_fts SET name_en = new.name_en, name_ko = new.name_ko, name_zh = new.name_zh
    WHERE exhibitor_id = old.id;
END;
CREATE TRIGGER exhibitor_fts_delete AFTER DELETE ON exhibitor BEGIN
    DELETE FROM exhibitor_fts WHERE exhibitor_id = old.id;
END
""",
    )


def m005_checkin(db: "Database") -> None:
    _run(
        db,
        f"""
CREATE INDEX attendee_name ON attendee(name COLLATE NOCASE);
-- badges of this event start with this prefix; another event's badge is refused
ALTER TABLE event ADD COLUMN badge_prefix TEXT NOT NULL DEFAULT 'KIOSK';
-- public keys badges are signed with (the private key never enters the database)
CREATE TABLE signing_key (
    key_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- every badge ever issued; re-issuing revokes the previous serial
CREATE TABLE badge (
    serial TEXT PRIMARY KEY,
    attendee_id TEXT NOT NULL REFERENCES attendee(id),
    issue INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    UNIQUE (attendee_id, issue)
);
CREATE TABLE checkin_list (
    id TEXT PRIMARY KEY,
    {_i18n("name")},
    types TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE checkin_window (
    list_id TEXT NOT NULL REFERENCES checkin_list(id) ON DELETE CASCADE,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    CHECK (start < "end")
);
-- the audit trail: every scan, whatever its verdict, written before the verdict is shown
CREATE TABLE scan (
    scan_id TEXT PRIMARY KEY,
    list_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    scanned_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    serial TEXT,
    attendee_id TEXT,
    code TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scan_list_time ON scan(list_id, scanned_at);
-- who is in: at most one check-in per attendee and list (the database enforces it, so two
-- scanners racing on one badge get exactly one OK)
CREATE TABLE checkin (
    list_id TEXT NOT NULL REFERENCES checkin_list(id),
    attendee_id TEXT NOT NULL REFERENCES attendee(id),
    scan_id TEXT NOT NULL REFERENCES scan(scan_id),
    device_id TEXT NOT NULL,
    checked_in_at TEXT NOT NULL,
    PRIMARY KEY (list_id, attendee_id)
);
CREATE TABLE undone_checkin (
    scan_id TEXT PRIMARY KEY REFERENCES scan(scan_id),
    undone_at TEXT NOT NULL,
    device_id TEXT NOT NULL
);
-- staff PINs: a slow hash only; failed attempts survive a restart
CREATE TABLE staff_pin (
    role TEXT PRIMARY KEY CHECK (role IN ('staff', 'volunteer')),
    hash TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE TABLE pin_lockout (
    device_id TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
)
""",
    )


def m006_session_edits(db: "Database") -> None:
    _run(
        db,
        """
-- every change a volunteer makes to a session: who, when, before -> after, why
CREATE TABLE session_edit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    kinds TEXT NOT NULL,
    role TEXT NOT NULL,
    device_id TEXT NOT NULL,
    by_name TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    undone_at TEXT,
    undo_of INTEGER REFERENCES session_edit(id)
);
CREATE INDEX session_edit_session ON session_edit(session_id, id)
""",
    )


def m007_agenda_url(db: "Database") -> None:
    # where the full agenda lives online (shown as a QR code on the agenda screen)
    _run(db, "ALTER TABLE event ADD COLUMN agenda_url TEXT")


def m008_sync(db: "Database") -> None:
    _run(
        db,
        """
-- edits carry a hybrid logical clock and their device, so every device picks the same winner
ALTER TABLE session_edit ADD COLUMN hlc TEXT;
ALTER TABLE session_edit ADD COLUMN edit_key TEXT;
CREATE UNIQUE INDEX session_edit_key ON session_edit(edit_key);
-- the replicated document (pycrdt), its state kept with the data it describes
CREATE TABLE sync_doc (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state BLOB NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE sync_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    hlc TEXT NOT NULL
);
-- a badge checked in on two devices while they were apart: both scans, for staff to see
CREATE TABLE sync_duplicate (
    list_id TEXT NOT NULL,
    attendee_id TEXT NOT NULL,
    kept_scan TEXT NOT NULL,
    other_scan TEXT NOT NULL,
    PRIMARY KEY (list_id, attendee_id, other_scan)
);
-- what the sync daemon last saw: peers, last exchange, changes not yet sent
CREATE TABLE sync_status (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL,
    peers TEXT NOT NULL DEFAULT '[]',
    last_sync TEXT,
    waiting INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
)
""",
    )


def m009_matchmaking(db: "Database") -> None:
    _run(
        db,
        f"""
-- business matchmaking: slot length per event (minutes), buyers, tables on the map, meetings
ALTER TABLE event ADD COLUMN meeting_slot_minutes INTEGER NOT NULL DEFAULT 30;
CREATE TABLE buyer (
    id TEXT PRIMARY KEY,
    {_i18n("name")},
    country TEXT NOT NULL,
    -- exhibitor category ids this buyer is looking for, comma-separated
    interests TEXT NOT NULL DEFAULT '',
    {_i18n("looking_for", required=None)},
    -- which of this buyer's values no source gives (name, country, interests)
    assumed TEXT NOT NULL DEFAULT ''
);
CREATE TABLE buyer_rep (
    buyer_id TEXT NOT NULL REFERENCES buyer(id) ON DELETE CASCADE,
    attendee_id TEXT NOT NULL REFERENCES attendee(id),
    PRIMARY KEY (buyer_id, attendee_id)
);
CREATE TABLE exhibitor_rep (
    exhibitor_id TEXT NOT NULL REFERENCES exhibitor(id) ON DELETE CASCADE,
    attendee_id TEXT NOT NULL REFERENCES attendee(id),
    PRIMARY KEY (exhibitor_id, attendee_id)
);
CREATE TABLE meeting_table (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES room(id),
    floor_id TEXT NOT NULL REFERENCES floor(id),
    x REAL NOT NULL,
    y REAL NOT NULL,
    seats INTEGER NOT NULL DEFAULT 4,
    position INTEGER NOT NULL DEFAULT 0
);
-- a meeting sits at a table (matchmaking) or in a room (bilateral and courtesy meetings);
-- the published place and time stay beside the current ones, as for sessions
CREATE TABLE meeting (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'b2b' CHECK (kind IN ('b2b', 'bilateral', 'courtesy')),
    {_i18n("title", required=None)},
    published_start TEXT NOT NULL,
    published_end TEXT NOT NULL,
    published_table_id TEXT REFERENCES meeting_table(id),
    published_room_id TEXT REFERENCES room(id),
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    table_id TEXT REFERENCES meeting_table(id),
    room_id TEXT REFERENCES room(id),
    buyer_id TEXT REFERENCES buyer(id),
    exhibitor_id TEXT REFERENCES exhibitor(id),
    delegation TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled', 'held', 'no_show')),
    notes TEXT NOT NULL DEFAULT '',
    assumed TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    CHECK (start < "end"),
    CHECK (table_id IS NOT NULL OR room_id IS NOT NULL)
);
CREATE INDEX meeting_start ON meeting(start);
CREATE INDEX meeting_table_start ON meeting(table_id, start);
CREATE TABLE meeting_participant (
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    attendee_id TEXT NOT NULL REFERENCES attendee(id),
    side TEXT NOT NULL DEFAULT 'other' CHECK (side IN ('buyer', 'exhibitor', 'delegation', 'other')),
    attendance TEXT NOT NULL DEFAULT 'expected' CHECK (attendance IN ('expected', 'present', 'absent')),
    marked_at TEXT,
    PRIMARY KEY (meeting_id, attendee_id)
);
CREATE INDEX meeting_participant_attendee ON meeting_participant(attendee_id);
-- sessions an attendee registered for (shown in their "my day")
CREATE TABLE session_registration (
    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    attendee_id TEXT NOT NULL REFERENCES attendee(id),
    PRIMARY KEY (attendee_id, session_id)
);
-- every change to a meeting, in the same shape as session_edit (who, device, when, before ->
-- after, why; a hybrid logical clock and a per-device key for sync)
CREATE TABLE meeting_edit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    kinds TEXT NOT NULL,
    role TEXT NOT NULL,
    device_id TEXT NOT NULL,
    by_name TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    hlc TEXT,
    edit_key TEXT UNIQUE
);
CREATE INDEX meeting_edit_meeting ON meeting_edit(meeting_id, id)
""",
    )


def m010_change_log(db: "Database") -> None:
    _run(
        db,
        """
-- what each write changed, written in the write's own transaction, so other kiosk processes
-- on this file learn exactly which sessions / lists / data changed (kiosk.models.change)
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL,
    at TEXT NOT NULL,
    topics TEXT NOT NULL
)
""",
    )


def m011_imported_schedules(db: "Database") -> None:
    _run(
        db,
        """
-- what published schedules (frab, Pentabarf, pretalx, wafer) carry besides our own fields:
-- a subtitle is not a translation of the title; the file's own type, track, language and URL
ALTER TABLE session ADD COLUMN subtitle TEXT;
ALTER TABLE session ADD COLUMN source_type TEXT;
ALTER TABLE session ADD COLUMN track TEXT;
ALTER TABLE session ADD COLUMN language TEXT;
ALTER TABLE session ADD COLUMN url TEXT;
-- a room an imported schedule named that nobody has drawn on the floor plan yet (staff see it)
ALTER TABLE room ADD COLUMN not_on_plan INTEGER NOT NULL DEFAULT 0;
-- when a conference day ends (frab <day_change>): a 02:00 DJ set belongs to the day before
ALTER TABLE event ADD COLUMN day_change TEXT NOT NULL DEFAULT '00:00';
-- the language the programme is written in (a German programme on an English kiosk)
ALTER TABLE event ADD COLUMN content_language TEXT
""",
    )


def m012_sync_logs(db: "Database") -> None:
    _run(
        db,
        """
-- the replicated pycrdt document is gone: every device's signed log is kept as rows instead
DROP TABLE sync_doc;
-- the event's sync authority (its public key and certificate): enrolment statements must carry its signature
CREATE TABLE sync_authority (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    public_key TEXT NOT NULL,
    cert TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);
-- enrolments and revocations, exactly as the authority signed them (they travel with the logs)
CREATE TABLE sync_roster (
    key TEXT PRIMARY KEY,
    statement TEXT NOT NULL,
    sig TEXT NOT NULL
);
-- every enrolled device's log: entry text as signed, its signature, the link to it; whether it
-- applied ('ok'), waits for something it refers to ('pending') or was quarantined, and why
CREATE TABLE sync_log (
    device TEXT NOT NULL,
    n INTEGER NOT NULL CHECK (n >= 1),
    entry TEXT NOT NULL,
    sig TEXT NOT NULL,
    link TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT,
    status TEXT NOT NULL CHECK (status IN ('ok', 'pending', 'quarantined')),
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device, n)
);
CREATE INDEX sync_log_key ON sync_log(kind, key);
-- who owns a check-in is decided per (list, attendee) after every merge
CREATE INDEX scan_list_attendee ON scan(list_id, attendee_id, code);
CREATE INDEX sync_log_status ON sync_log(status) WHERE status != 'ok';
-- files and messages refused whole (forged, changed, oversize, unenrolled), for staff to see
CREATE TABLE sync_refused (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0
)
""",
    )


def m013_badge_sync(db: "Database") -> None:
    _run(
        db,
        """
-- badge issues and revocations that came with the event data when this database met its sync
-- authority: every copy has them already, so they are not signed again (later ones travel)
CREATE TABLE sync_baseline (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (kind, key)
)
""",
    )


def m014_day_changes_travel(db: "Database") -> None:
    _run(
        db,
        """
-- a session's status and notice as published, so a session whose every edit was withdrawn (undone
-- on revocation of the device that made them) goes back to exactly what was published
ALTER TABLE session ADD COLUMN published_status TEXT NOT NULL DEFAULT 'scheduled'
    CHECK (published_status IN ('scheduled', 'cancelled'));
ALTER TABLE session ADD COLUMN published_notice TEXT NOT NULL DEFAULT '';
UPDATE session SET published_status = coalesce((SELECT json_extract(e.before, '$.status') FROM session_edit e
        WHERE e.session_id = session.id ORDER BY e.id LIMIT 1), status),
    published_notice = coalesce((SELECT json_extract(e.before, '$.notice') FROM session_edit e
        WHERE e.session_id = session.id ORDER BY e.id LIMIT 1), notice);
-- an attendee registered at a desk on the day: which device, when (NULL: came with the event data,
-- and only those are in the reference-data fingerprint two devices compare)
ALTER TABLE attendee ADD COLUMN registered_by TEXT;
ALTER TABLE attendee ADD COLUMN registered_at TEXT;
-- a list's opening times changed on the day: the latest change by (hybrid clock, device) is the
-- list's windows; with none, the windows it was published with (kept here at its first change)
CREATE TABLE list_window_edit (
    edit_key TEXT PRIMARY KEY,
    list_id TEXT NOT NULL REFERENCES checkin_list(id),
    windows TEXT NOT NULL,
    device_id TEXT NOT NULL,
    by_name TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    hlc TEXT NOT NULL
);
CREATE INDEX list_window_edit_list ON list_window_edit(list_id, hlc);
CREATE TABLE list_window_published (
    list_id TEXT PRIMARY KEY REFERENCES checkin_list(id),
    windows TEXT NOT NULL
);
-- when an entry started waiting (pending entries are bounded in number and age)
ALTER TABLE sync_log ADD COLUMN since TEXT
""",
    )


def m015_exhibitor_products_languages(db: "Database") -> None:
    _run(
        db,
        """
-- an exhibitor's products in Korean and Traditional Chinese (``products`` stays the English one)
ALTER TABLE exhibitor ADD COLUMN products_ko TEXT;
ALTER TABLE exhibitor ADD COLUMN products_zh TEXT
""",
    )


def m016_revocation_receipts(db: "Database") -> None:
    _run(
        db,
        """
-- when a device first held a badge revocation signed by another device (it says so in a signed
-- ``seen`` entry of its own log): a revocation takes back other devices' check-ins only from
-- the first time a device other than its author held it, so a stolen desk that also sets its
-- entry clock back cannot date one back
CREATE TABLE badge_revocation_seen (
    rev_device TEXT NOT NULL,
    rev_n INTEGER NOT NULL,
    serial TEXT NOT NULL,
    seen_by TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (rev_device, rev_n, seen_by)
)
""",
    )


def m017_sync_identity(db: "Database") -> None:
    _run(
        db,
        """
-- the identity this database syncs as (what the command line signs changes as and checks their
-- role against): its own table, no longer an '@identity' row among the baseline's keys
CREATE TABLE sync_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device TEXT NOT NULL
);
INSERT INTO sync_identity (id, device) SELECT 1, key FROM sync_baseline WHERE kind = '@identity' LIMIT 1;
DELETE FROM sync_baseline WHERE kind = '@identity'
""",
    )


#: a database built before m018: each list gets the session whose English title begins the list's
#: English name ("Welcome dinner" → "Welcome dinner (14 June)") and whose time meets one of its windows
LIST_SESSION_BACKFILL = """UPDATE checkin_list SET session_id = (
    SELECT s.id FROM session s
    WHERE substr(checkin_list.name_en, 1, length(s.title_en)) = s.title_en
      AND EXISTS (SELECT 1 FROM checkin_window w WHERE w.list_id = checkin_list.id
                  AND julianday(w.start) < julianday(s."end") AND julianday(s.start) < julianday(w."end"))
    ORDER BY length(s.title_en) DESC LIMIT 1)"""


def m018_checkin_list_session(db: "Database") -> None:
    _run(
        db,
        """
-- the session a check-in list is for (a dinner, the tour bus): when that session is cancelled the
-- desk says so on the list and on every scan (scans are still recorded: people turn up anyway)
ALTER TABLE checkin_list ADD COLUMN session_id TEXT;
""" + LIST_SESSION_BACKFILL,
    )


#: The schema's steps, in order. Append new ones; never edit or reorder applied ones.
STEPS = (m001_event_venue_rooms, m002_programme, m003_exhibition_attendees, m004_venue_map, m005_checkin,
         m006_session_edits, m007_agenda_url, m008_sync, m009_matchmaking, m010_change_log,
         m011_imported_schedules, m012_sync_logs, m013_badge_sync, m014_day_changes_travel,
         m015_exhibitor_products_languages, m016_revocation_receipts,
         m017_sync_identity, m018_checkin_list_session)


def _registry():
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(SCHEMA_NAME)
    for step in STEPS:
        migrations()(step)
    return migrations


def apply(db: "Database") -> None:
    """Bring ``db`` up to the current schema (each step in its own transaction)."""
    _registry().apply(db)


def known_names() -> set[str]:
    """Names of every migration this version of the kiosk knows."""
    return {step.__name__ for step in STEPS}
