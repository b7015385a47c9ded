"""Opening the event database: connection settings, schema checks, clear failures.

The kiosk reads through a plain :class:`sqlite3.Connection` (importing sqlite-utils, and
the numpy it pulls in, would add a third to the kiosk's start-up); writes and migrations
wrap that same connection in a :class:`sqlite_utils.Database` (see :func:`writer`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from . import migrations
from .errors import KioskError

if TYPE_CHECKING:
    from sqlite_utils import Database

REBUILD_HINT = "Rebuild it from the event data with:  python main.py init-db {path}"
MIGRATIONS_TABLE = "_sqlite_migrations"


PRIVATE_MODE = 0o600


def create_private(path: str | Path) -> None:
    """Make sure ``path`` exists with mode 600 (owner only) before SQLite opens it.

    The database, its backups and keys hold PIN hashes, attendees and check-ins: other users of
    the machine must not read them. SQLite gives its -wal and -shm files the main file's mode.
    An existing file with wider permissions is tightened (when it is ours to change).
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE_MODE)
        os.close(fd)
    except FileExistsError:
        try:
            if p.is_file() and p.stat().st_mode & 0o077:
                os.chmod(p, PRIVATE_MODE)
        except OSError:          # not ours (a read-only copy, another user's file): leave it
            pass
    except OSError:              # a read-only folder and the like: SQLite says what is wrong
        pass


def connect(path: str | Path | None = None, *, memory: bool = False) -> sqlite3.Connection:
    """A connection with the kiosk's settings: foreign keys on, WAL, a busy timeout.

    Autocommit mode (``isolation_level=None``): a transaction is only ever opened on
    purpose, by :func:`writer`'s ``atomic()``. The busy timeout lets a kiosk and a
    volunteer's laptop (or a second kiosk process) share the file: a writer waits for the
    other instead of failing at once.
    """
    if not memory and str(path) != ":memory:" and not str(path).startswith("file:"):
        create_private(path)
    conn = sqlite3.connect(":memory:" if memory else str(path), timeout=5.0,
                           check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if not memory:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def writer(conn: sqlite3.Connection) -> "Database":
    """The same connection as a sqlite-utils Database, for ``atomic()`` writes and migrations."""
    from sqlite_utils import Database

    return Database(conn)


def create(path: str | Path | None = None, *, memory: bool = False) -> "Database":
    """A new, empty database with the current schema."""
    db = writer(connect(path, memory=memory))
    migrations.apply(db)
    return db


def open_event_db(path: str | Path, *, check_integrity: bool = True) -> sqlite3.Connection:
    """Open an existing event database for the kiosk, or raise :class:`KioskError`.

    Codes: ``db_missing`` (no file), ``db_corrupt`` (not SQLite, or damaged),
    ``db_not_event`` (SQLite but not a kiosk database, or no event in it),
    ``db_too_new`` (made by a newer kiosk version). Pending migrations are applied.
    """
    p = Path(path)
    hint = REBUILD_HINT.format(path=p)
    if not p.exists():
        raise KioskError(f"The event database {p} does not exist.", code="db_missing", hint=hint)
    if p.is_dir():
        raise KioskError(f"{p} is a folder, not an event database.", code="db_corrupt", hint=hint)
    try:
        db = connect(p)
        if check_integrity:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise KioskError(
                    f"The event database {p} is damaged ({result}).", code="db_corrupt", hint=hint
                )
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if MIGRATIONS_TABLE not in tables:
            raise KioskError(
                f"{p} is an SQLite file, but not a kiosk event database.",
                code="db_not_event",
                hint=hint,
            )
        applied = {r[0] for r in db.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (migrations.SCHEMA_NAME,))}
        unknown = applied - migrations.known_names()
        if unknown:
            raise KioskError(
                f"The event database {p} was made by a newer version of the kiosk "
                f"(unknown schema steps: {', '.join(sorted(unknown))}).",
                code="db_too_new",
                hint="Update the kiosk software, or " + hint[0].lower() + hint[1:],
            )
        if migrations.known_names() - applied:
            migrations.apply(writer(db))
        if db.execute("SELECT count(*) FROM event").fetchone()[0] != 1:
            raise KioskError(
                f"The event database {p} holds no event.", code="db_not_event", hint=hint
            )
    except sqlite3.DatabaseError as exc:
        raise KioskError(
            f"The event database {p} cannot be read: {exc}.", code="db_corrupt", hint=hint
        ) from exc
    return db


def data_version(db: sqlite3.Connection) -> int:
    """Changes whenever *another* connection commits to the file (cheap: a few µs)."""
    return db.execute("PRAGMA data_version").fetchone()[0]
