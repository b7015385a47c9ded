"""Rolling backups with SQLite's online backup API, and restoring one.

A backup is a consistent copy taken while kiosks keep reading and writing (the backup API
copies pages under the database's own locks). Files are named with the time they were taken;
the newest ``keep`` stay. A backup is written to a safe temporary file beside its final name
(:mod:`.safefile`): a backup that fails or is killed never looks like a backup, and the
temporary files of killed ones are swept the next time a backup runs.

A restore accepts only a kiosk database of the same event, keeps every state it replaces
(``NAME.before-restore.1``, ``.2``, … — never overwritten) and refuses while another process
holds the write lock.
"""

from __future__ import annotations

import functools

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from . import safefile
from .store import PRIVATE_MODE   # backups hold PIN hashes and attendees: owner only
from .errors import BusyError, KioskError, is_busy

PREFIX = "backup-"
BEFORE_RESTORE = ".before-restore"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _uri(path: Path, params: str) -> str:
    return Path(path).resolve().as_uri() + params


def backup(conn: sqlite3.Connection, folder: Path, *, now: datetime, keep: int = 20, label: str = "") -> Path:
    """Copy the open database into ``folder``; keep the newest ``keep`` backups (at least 1:
    the one just written is never deleted). Returns the file. ``now`` names the file (the
    caller's clock: the models never read the wall clock)."""
    if keep < 1:
        raise KioskError(f"Keeping {keep} backups would delete the one just written; keep at least 1.",
                         code="bad_keep")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KioskError(f"Backup failed: cannot create {folder}: {exc.strerror or exc}.", code="backup_failed",
                         hint="Is the disk full or read-only?") from exc
    safefile.sweep(folder, now=now.timestamp())
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{PREFIX}{stamp}{('-' + label) if label else ''}.db"
    try:
        with safefile.replacing(target, mode=PRIVATE_MODE) as partial:
            # nofollow: never through a link; journal off: no side file beside the temporary one
            dest = sqlite3.connect(_uri(partial, "?nofollow=1"), uri=True, isolation_level=None)
            try:
                dest.execute("PRAGMA journal_mode = OFF")
                conn.backup(dest, pages=256)       # in steps: writers are never blocked for long
                check = dest.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dest.close()
            if check != "ok":
                raise KioskError(f"The backup failed its check ({check}).", code="backup_bad")
    except sqlite3.Error as exc:
        raise KioskError(f"Backup failed: {exc}", code="backup_failed",
                         hint="Is the disk full or read-only?") from exc
    except KioskError as exc:
        if exc.code == "write_failed":
            raise KioskError(f"Backup failed: {exc.message}", code="backup_failed",
                             hint="Is the disk full or read-only?") from exc
        raise
    for old in backups(folder)[keep:]:
        if old != target:
            old.unlink(missing_ok=True)
    return target


def backups(folder: Path) -> list[Path]:
    """Newest first."""
    return sorted((p for p in folder.glob(f"{PREFIX}*.db") if p.is_file()), reverse=True)


def kept_states(db_path: Path) -> list[Path]:
    """Every database a restore replaced, oldest first (``NAME.before-restore.N``)."""
    pattern = re.compile(re.escape(db_path.name + BEFORE_RESTORE) + r"\.(\d+)$")
    found = [(int(m[1]), p) for p in db_path.parent.glob(db_path.name + BEFORE_RESTORE + ".*")
             if (m := pattern.match(p.name))]
    return [p for _, p in sorted(found)]


def _event_of(conn: sqlite3.Connection) -> str | None:
    try:
        rows = conn.execute("SELECT id FROM event").fetchall()
    except sqlite3.Error:
        return None
    return rows[0][0] if len(rows) == 1 else None


def _identity(conn: sqlite3.Connection) -> tuple | None:
    """What makes an event this event: its id, name, zone and days (an import into an empty
    event adopts another conference's name, zone and days under the same id)."""
    try:
        rows = conn.execute("SELECT id, name_en, timezone, first_day, last_day FROM event").fetchall()
    except sqlite3.Error:
        return None
    return tuple(rows[0]) if len(rows) == 1 else None


def _describe(identity: tuple) -> str:
    return f"{identity[1]!r} ({identity[2]}, {identity[3]} – {identity[4]})"


#: tables the kiosk keeps for itself: no organiser's data is lost with them
_BOOKKEEPING = ("sqlite_", "_")


def _lost_tables(current: sqlite3.Connection, src: sqlite3.Connection) -> list[tuple[str, int]]:
    """Tables with rows in the current database that the backup's (older) schema has not got:
    restoring it loses those rows (the migrations recreate the tables empty)."""
    def tables(conn):
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not r[0].startswith(_BOOKKEEPING)}
    try:
        missing = sorted(tables(current) - tables(src))
        counts = [(t, current.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in missing]
    except sqlite3.Error:
        return []
    return [(t, n) for t, n in counts if n]


@functools.lru_cache(maxsize=1)
def _objects_we_make() -> frozenset:
    """Triggers and views exactly as the kiosk's migrations create them."""
    from sqlite_utils import Database

    from . import migrations

    db = Database(memory=True)
    migrations.apply(db)
    return frozenset(db.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"))


def check_backup(backup_file: Path, *, expected_event: str | None) -> sqlite3.Connection:
    """Open ``backup_file`` read-only if it is an intact kiosk database of ``expected_event``
    (None: of any event), or raise KioskError saying what it is instead. Codes:
    ``no_backup``, ``backup_not_file``, ``backup_too_big``, ``backup_not_db``,
    ``backup_bad``, ``backup_not_event``, ``backup_too_new``, ``backup_other_event``."""
    from . import migrations
    from .database import MIGRATIONS_TABLE

    backup_file = Path(backup_file)
    try:
        safefile.check_input(backup_file, limit=safefile.RESTORE_LIMIT, what="restore")
    except KioskError as exc:
        code = {"input_missing": "no_backup", "input_not_file": "backup_not_file",
                "input_too_big": "backup_too_big"}[exc.code]
        raise KioskError(exc.message, code=code, hint=exc.hint) from None
    with open(backup_file, "rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise KioskError(f"{backup_file} is not a kiosk backup (not an SQLite database at all).",
                         code="backup_not_db", hint="Pick a backup-….db file; `restore --list` lists them.")
    src = None
    try:
        for params in ("?mode=ro", "?mode=ro&immutable=1"):   # a backup on a read-only stick
            try:
                src = sqlite3.connect(_uri(backup_file, params), uri=True, isolation_level=None)
                src.execute("SELECT count(*) FROM sqlite_master").fetchone()
                break
            except sqlite3.OperationalError:
                if src is not None:
                    src.close()
                    src = None
                if "immutable" in params:
                    raise
        result = src.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise KioskError(f"{backup_file} is damaged ({result[:120]}); pick another.", code="backup_bad")
        tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if MIGRATIONS_TABLE not in tables or "event" not in tables:
            raise KioskError(f"{backup_file} is an SQLite database, but not a kiosk event database.",
                             code="backup_not_event", hint="Pick a backup-….db file; `restore --list` lists them.")
        # a trigger or view the kiosk never makes runs with every later write (found by an attack:
        # a restored file's trigger deleted attendees on each scan): refuse such a file
        ours = _objects_we_make()
        foreign = [name for kind, name, sql in src.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')")
            if (kind, name, sql) not in ours]
        if foreign:
            raise KioskError(f"{backup_file} holds {len(foreign)} trigger(s) or view(s) this kiosk never makes "
                             f"({', '.join(foreign[:3])}): it was changed outside the kiosk and is refused.",
                             code="backup_foreign_schema", hint="Pick a backup the kiosk wrote itself.")
        applied = {r[0] for r in src.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
                                             (migrations.SCHEMA_NAME,))}
        if applied - migrations.known_names():
            raise KioskError(f"{backup_file} was made by a newer version of the kiosk.", code="backup_too_new",
                             hint="Update the kiosk software first.")
        event = _event_of(src)
        if event is None:
            raise KioskError(f"{backup_file} holds no event.", code="backup_not_event")
        if expected_event is not None and event != expected_event:
            raise KioskError(f"{backup_file} is a database of another event ({event!r}), not of {expected_event!r}.",
                             code="backup_other_event",
                             hint="Pick a backup of this event; nothing was changed.")
    except sqlite3.DatabaseError as exc:
        if src is not None:
            src.close()
        raise KioskError(f"{backup_file} cannot be read as a database ({exc}); pick another.",
                         code="backup_bad") from exc
    except BaseException:
        if src is not None:
            src.close()
        raise
    return src


def _claim_kept(db_path: Path, fill) -> Path:
    """Write the database being replaced (``fill(path)`` writes it to the path given) to the
    next free ``NAME.before-restore.N``. The copy is made safely under a temporary name, then
    its number is claimed with a hard link, which fails rather than overwrite."""
    staging = db_path.with_name(db_path.name + BEFORE_RESTORE + ".tmp")
    with safefile.replacing(staging, mode=PRIVATE_MODE) as partial:
        fill(partial)
    existing = kept_states(db_path)
    n = int(existing[-1].name.rsplit(".", 1)[1]) + 1 if existing else 1
    try:
        while True:
            kept = db_path.with_name(f"{db_path.name}{BEFORE_RESTORE}.{n}")
            try:
                os.link(staging, kept, follow_symlinks=False)
                return kept
            except FileExistsError:
                n += 1
    finally:
        staging.unlink(missing_ok=True)


def _keep_current(old: sqlite3.Connection, db_path: Path) -> Path:
    def fill(partial: Path) -> None:
        dest = sqlite3.connect(_uri(partial, "?nofollow=1"), uri=True, isolation_level=None)
        try:
            dest.execute("PRAGMA journal_mode = OFF")
            old.backup(dest)
        finally:
            dest.close()

    return _claim_kept(db_path, fill)


def _keep_bytes(db_path: Path) -> Path:
    """An unreadable database is kept byte for byte (the backup API cannot read it)."""
    def fill(partial: Path) -> None:
        with open(partial, "r+b") as out, open(db_path, "rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)

    return _claim_kept(db_path, fill)


def restore(backup_file: Path, db_path: Path, *, other_event: bool = False, force: bool = False) -> Path | None:
    """Put ``backup_file`` in place of ``db_path`` (stop the kiosks first). Only an intact
    kiosk database of the same event is accepted (of any event when ``db_path`` is missing
    or unreadable). The database being replaced is kept beside it as
    ``NAME.before-restore.N`` (the next free number: every earlier state stays), so a restore
    can itself be undone. Returns that file (None when there was no database).

    Another event (another id, or the same id with another name, zone or days) is refused
    unless ``other_event`` (or ``force``); a backup from before a schema step whose tables hold
    data now (meetings, say) is refused with what would be lost unless ``force``."""
    db_path = Path(db_path)
    expected = None
    old = None
    if db_path.exists():
        if not db_path.is_file():
            raise KioskError(f"{db_path} is not a file; restore replaces a database file.", code="restore_target")
        old = sqlite3.connect(_uri(db_path, ""), uri=True, isolation_level=None, timeout=5.0)
        expected = _event_of(old)
        if expected is None:          # damaged beyond reading: that is what restore is for
            old.close()
            old = None
    try:
        src = check_backup(backup_file, expected_event=None if (other_event or force) else expected)
        try:
            if old is not None:
                mine, theirs = _identity(old), _identity(src)
                if mine and theirs and mine != theirs and not (other_event or force):
                    raise KioskError(
                        f"{backup_file} is a database of another event: {_describe(theirs)}, not "
                        f"{_describe(mine)}.", code="backup_other_event",
                        hint="Pick a backup of this event; nothing was changed. To replace this event with "
                             "that one anyway: `restore --other-event` (the current database is kept).")
                lost = _lost_tables(old, src)
                if lost and not force:
                    what = ", ".join(f"{n} {t}" for t, n in lost)
                    raise KioskError(
                        f"{backup_file} was made before parts of this database existed: restoring it would "
                        f"lose {what} (rows in tables the backup has not got).", code="backup_loses_data",
                        hint="Pick a newer backup; nothing was changed. To restore it anyway and lose those: "
                             "`restore --force` (the current database is kept as NAME.before-restore.N).")
            kept = None
            if db_path.exists():
                if old is None:       # unreadable: keep its bytes as they are
                    kept = _keep_bytes(db_path)
                else:
                    busy, _log, _done = old.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                    if busy:
                        raise BusyError(f"The database is busy: another program is writing to {db_path}.",
                                        hint="Stop the kiosks and `sync serve` on it first; nothing was changed.")
                    kept = _keep_current(old, db_path)
            with safefile.replacing(db_path, mode=PRIVATE_MODE) as partial:
                dest = sqlite3.connect(_uri(partial, "?nofollow=1"), uri=True, isolation_level=None)
                try:
                    src.backup(dest)
                    dest.execute("PRAGMA journal_mode = WAL")
                finally:
                    dest.close()
                for side in ("-wal", "-shm"):
                    db_path.with_name(db_path.name + side).unlink(missing_ok=True)
            return kept
        finally:
            src.close()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise BusyError(f"The database is busy: another program is writing to {db_path}.",
                            hint="Stop the kiosks and `sync serve` on it first; nothing was changed.") from exc
        raise
    finally:
        if old is not None:
            old.close()
