"""The event store: the one object over the event database.

It owns the connection and its settings (WAL, foreign keys, busy timeout, ``synchronous=FULL``),
the only transaction primitive (:meth:`EventStore.atomic`), the event's zone and days (read
once), and the typed stores the domain writes through (``schedule``, ``checkins``, ``badges``,
``pins``, ``sync``). No other module opens or configures a connection to the event database;
writes go through :mod:`kiosk.models.operations`, which uses the typed stores inside one
``atomic()`` and returns what changed.

Reads use the plain :class:`sqlite3.Connection` (``store.execute``); sqlite-utils' ``Database``
over the same connection is built only when something needs it (migrations, the loader), so
the kiosk's first frame does not pay for importing it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator
from zoneinfo import ZoneInfo

from . import migrations
from .change import Change
from .errors import KioskError
from .records import record

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .checkin_store import BadgeStore, CheckInStore
    from .pins import PinStore
    from .matchmaking import Matchmaking
    from .schedule import Schedule
    from .sync_state import SyncState

# Only for a database that is missing: over an existing one init-db would wipe its check-ins.
REBUILD_HINT = "Build it from the event data with:  python main.py init-db {path}"
MIGRATIONS_TABLE = "_sqlite_migrations"
#: Rows of the change log kept (a reader further behind than this refreshes everything).
CHANGE_LOG_KEEP = 2000
#: :meth:`EventStore.probe_writable`'s answer when another process holds the write lock.
BUSY = "busy"
# SQLite's primary result codes for "cannot open or write this file here"
_CANTOPEN, _READONLY, _IOERR, _FULL = 14, 8, 10, 13


def _hints(p: Path) -> dict[str, str]:
    """Advice for a database that cannot be opened. It never destroys data: ``init-db`` only
    for a missing file, or after moving the existing one aside; ``restore`` keeps what it replaces."""
    return {
        "missing": REBUILD_HINT.format(path=p),
        "damaged": (f"Nothing was changed. Restore the newest backup with:  python main.py restore --db {p}  "
                    f"(the damaged file is kept beside it as {p.name}.before-restore.N). With no backup, move "
                    f"the file aside (keep it) and build a new one with:  python main.py init-db {p}"),
        "wrong": (f"This file was left untouched. Check the --db path; or move the file aside (keep it) and "
                  f"build an event database with:  python main.py init-db {p}"),
    }
def damaged(p: Path, result: str) -> KioskError:
    """What a failed integrity check says (``db_corrupt``), with advice that destroys nothing."""
    return KioskError(f"The event database {p} is damaged ({result}).", code="db_corrupt", hint=_hints(p)["damaged"])


#: How long a writer waits for another process's write lock before giving up (ms).
BUSY_TIMEOUT_MS = 5000


class _Probed(Exception):
    """Raised inside the probe's transaction so that atomic() rolls it back."""


@record(frozen=True)
class EventInfo:
    """The event facts every layer needs: read once per store."""

    id: str
    timezone: str
    first_day: date
    last_day: date
    badge_prefix: str
    default_language: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


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


def _connect(path: str | Path | None, *, memory: bool = False, busy_ms: int | None = None) -> sqlite3.Connection:
    """The one place a connection to an event database is configured.

    Autocommit mode (``isolation_level=None``): a transaction is only ever opened on purpose,
    by :meth:`EventStore.atomic`. The busy timeout lets a kiosk and a volunteer's laptop (or a
    second kiosk process) share the file: a writer waits for the other instead of failing at once.
    """
    if not memory and str(path) != ":memory:" and not str(path).startswith("file:"):
        create_private(path)
    busy_ms = BUSY_TIMEOUT_MS if busy_ms is None else busy_ms
    conn = sqlite3.connect(":memory:" if memory else str(path), timeout=busy_ms / 1000,
                           check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    if not memory:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open ``path`` for reading only, where it cannot be written: a read-only file or mount,
    a full disk. ``query_only`` refuses every write ("attempt to write a readonly database").

    SQLite must write the ``-shm`` index of a WAL database even to read it. When it cannot:
    with no ``-wal`` content the file is opened ``immutable`` (no locks, no index: right for a
    file nobody can change); with ``-wal`` content (a crash, then the disk went read-only),
    ``immutable`` would ignore the WAL and show stale data, so the file and its WAL are copied
    to a private temporary folder and read there — every committed check-in included."""
    path = Path(path)
    uri = path.resolve().as_uri()
    conn = None
    try:
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                               isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        if conn is not None:
            conn.close()
        conn = None
    if conn is None:
        wal = path.with_name(path.name + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            conn = _read_snapshot(path, wal)
        else:
            conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, check_same_thread=False,
                                   isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA query_only = ON")
    return conn


def _read_snapshot(path: Path, wal: Path) -> sqlite3.Connection:
    """A private copy of ``path`` and its ``-wal`` in a temporary folder (removed at exit),
    opened so that SQLite replays the WAL: what was committed before the disk went read-only."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kiosk-readonly-"))
    atexit.register(shutil.rmtree, folder, True)
    copy = folder / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(wal, folder / wal.name)
    conn = sqlite3.connect(str(copy), check_same_thread=False, isolation_level=None)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _why_not_writable(path: Path, exc: sqlite3.Error) -> str | None:
    """A short reason when ``exc`` (raised opening ``path`` for writing) means the file can be
    read but not written here; None when it means something else (damage, not SQLite)."""
    import shutil

    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code not in (_CANTOPEN, _READONLY, _IOERR, _FULL) or not path.is_file():
        return None
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the disk is mounted read-only"
    except OSError:
        pass
    if code == _FULL or shutil.disk_usage(folder).free < 64 * 1024:
        return "the disk is full"
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        return "the file or its folder is read-only"
    if code in (_READONLY, _CANTOPEN):
        return "the file cannot be written here"
    return None


class EventStore:
    """One event database: connection, transactions, event facts and the typed stores."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0
        self._lock = threading.RLock()
        self._info: EventInfo | None = None
        #: why this store cannot write at all (opened read-only: read-only file or mount, full disk)
        self.read_only_reason: str | None = None

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, *, check_integrity: bool = True, busy_ms: int | None = None) -> "EventStore":
        """Open an existing event database, or raise :class:`KioskError`.

        Codes: ``db_missing`` (no file), ``db_corrupt`` (not SQLite, or damaged),
        ``db_not_event`` (SQLite but not a kiosk database, or no event in it),
        ``db_too_new`` (made by a newer kiosk version), ``db_busy`` (:class:`BusyError`:
        another process kept the write lock while pending migrations waited for it).
        Pending migrations are applied.

        A database that can be read but not written here — a read-only file or mount, a full
        disk — is opened read-only rather than refused; ``read_only_reason`` says why (the
        kiosk shows every screen and refuses only what would write). The advice in a
        failure's hint never destroys data.
        """
        p = Path(path)
        hints = _hints(p)
        if not p.exists():
            raise KioskError(f"The event database {p} does not exist.", code="db_missing", hint=hints["missing"])
        if p.is_dir():
            raise KioskError(f"{p} is a folder, not an event database.", code="db_corrupt", hint=hints["wrong"])
        conn = None
        try:
            reason = None
            try:
                conn = _connect(p, busy_ms=busy_ms)
            except sqlite3.OperationalError as exc:
                reason = _why_not_writable(p, exc)
                if reason is None:
                    raise
                conn = _connect_read_only(p)
            store = cls(conn, p)
            store.read_only_reason = reason
            if check_integrity:
                result = conn.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    raise damaged(p, result)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if MIGRATIONS_TABLE not in tables:
                raise KioskError(f"{p} is an SQLite file, but not a kiosk event database.",
                                 code="db_not_event", hint=hints["wrong"])
            applied = {r[0] for r in conn.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (migrations.SCHEMA_NAME,))}
            unknown = applied - migrations.known_names()
            if unknown:
                raise KioskError(
                    f"The event database {p} was made by a newer version of the kiosk "
                    f"(unknown schema steps: {', '.join(sorted(unknown))}).",
                    code="db_too_new", hint="Update the kiosk software; the file was left untouched.")
            if migrations.known_names() - applied:
                if reason:
                    raise KioskError(f"The event database {p} needs an upgrade, and {reason}.", code="db_read_only",
                                     hint="Nothing was changed. Make the disk writable (free space, remount "
                                          "read-write) and start again.")
                migrations.apply(store.db)
            if conn.execute("SELECT count(*) FROM event").fetchone()[0] != 1:
                raise KioskError(f"The event database {p} holds no event.", code="db_not_event", hint=hints["wrong"])
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            from .errors import BusyError, is_busy

            if is_busy(exc):
                raise BusyError(f"The database is busy: another program kept {p} locked for more than "
                                f"{(BUSY_TIMEOUT_MS if busy_ms is None else busy_ms) / 1000:g} s.") from exc
            raise KioskError(f"The event database {p} cannot be read: {exc}.", code="db_corrupt",
                             hint=hints["damaged"]) from exc
        except KioskError:
            if conn is not None:
                conn.close()
            raise
        return store

    @classmethod
    def create(cls, path: str | Path | None = None, *, memory: bool = False) -> "EventStore":
        """A new, empty database with the current schema (no event in it yet)."""
        store = cls(_connect(path, memory=memory), None if memory else Path(path))
        migrations.apply(store.db)
        return store

    def close(self) -> None:
        self.conn.close()

    def check_integrity(self) -> KioskError | None:
        """SQLite's ``quick_check`` of the whole file (its time grows with the file: the kiosk
        runs it after its first frame, on a worker thread — hence through a reader of its own).
        None when the file is sound, else the error :meth:`open` would have raised."""
        conn = self.reader()
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            result = str(exc)
        finally:
            conn.close()
        return None if result == "ok" else damaged(self.path, result)

    def reader(self) -> sqlite3.Connection:
        """A second, read-only connection to this store's file, for work on another thread (a
        backup taken while the kiosk keeps reading and writing through its own connection: in
        WAL mode the reader sees one consistent snapshot and blocks no writer). The caller
        closes it."""
        if self.path is None:
            raise KioskError("This database has no file to read again.", code="no_file")
        return _connect_read_only(self.path)

    # ---------------------------------------------------------------- reading
    def execute(self, sql: str, params: tuple | list | dict = ()) -> sqlite3.Cursor:
        """Run one parameterised statement on the store's connection (reads; writes only inside
        :meth:`atomic`)."""
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    @cached_property
    def db(self) -> "Database":
        """sqlite-utils over the same connection (migrations, the loader's bulk inserts)."""
        from sqlite_utils import Database

        return Database(self.conn)

    def data_version(self) -> int:
        """Changes whenever *another* connection commits to the file (cheap: a few µs)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def backup(self, target: sqlite3.Connection, *, pages: int = -1, progress=None) -> None:
        """SQLite's online backup of this database into ``target`` (see :mod:`kiosk.models.backup`)."""
        self.conn.backup(target, pages=pages, progress=progress)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    # ---------------------------------------------------------------- writing
    @contextlib.contextmanager
    def atomic(self) -> Iterator["EventStore"]:
        """One transaction: ``BEGIN IMMEDIATE`` (the write lock is taken before anything is
        read, so what a write decided on cannot change under it), ``COMMIT`` at the end, and
        ``ROLLBACK`` on *any* exception (KeyboardInterrupt included). Nested blocks are
        savepoints: an exception inside one undoes only that block, unless it propagates.

        Thread-safe for one store shared by threads: a second thread waits for the first's
        transaction to end instead of writing into it.
        """
        with self._lock:
            if self._depth:
                name = f"sp{self._depth}"
                self.conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield self
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        self.conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                else:
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    @contextlib.contextmanager
    def lock_wait(self, ms: int) -> Iterator[None]:
        """Inside the block, wait at most ``ms`` for another process's write lock (0: not at
        all — SQLite answers "database is locked" at once); then restore the setting. The
        kiosk's screens write this way: its UI thread never waits on a lock."""
        with self._lock:
            before = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
            self.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
            try:
                yield
            finally:
                self.conn.execute(f"PRAGMA busy_timeout = {int(before)}")

    def set_lock_wait(self, ms: int) -> None:
        """From now on wait at most ``ms`` for another process's write lock (the kiosk: 0)."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")

    def probe_writable(self) -> str | None:
        """None when this store can write, :data:`BUSY` when another process holds the write
        lock (that says nothing about this device's disk), else why not (a read-only file or
        folder, a full disk). Takes the lock for an instant without waiting for it, dirties a
        page (a read-only file fails there) and writes nothing."""
        if self.read_only_reason:
            return self.read_only_reason
        from .errors import is_busy

        try:
            with self.lock_wait(0), self.atomic():
                version = self.conn.execute("PRAGMA user_version").fetchone()[0]
                self.conn.execute(f"PRAGMA user_version = {int(version)}")
                raise _Probed
        except _Probed:
            return None
        except sqlite3.Error as exc:
            return BUSY if is_busy(exc) else str(exc)

    # ---------------------------------------------------------------- the change log
    @cached_property
    def origin(self) -> str:
        """This connection's name in the change log (its own rows are not news to it)."""
        import secrets

        return secrets.token_hex(8)

    def record(self, change: Change, *, at: datetime) -> None:
        """Log what a write changed, in the write's own transaction (call inside ``atomic()``)."""
        if not self._depth:
            raise RuntimeError("record() belongs inside the write's atomic() block")
        cur = self.conn.execute("INSERT INTO change_log (origin, at, topics) VALUES (?, ?, ?)",
                                (self.origin, at.isoformat(), change.to_json()))
        if cur.lastrowid % 512 == 0:   # keep the log short: readers poll it several times a second
            self.conn.execute("DELETE FROM change_log WHERE id <= ?", (cur.lastrowid - CHANGE_LOG_KEEP,))

    def last_change_id(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]

    def changes_since(self, last_id: int) -> tuple[int, Change | None]:
        """(the newest id, what *other* connections changed after ``last_id``): None when no row
        was logged after it — a write that logs nothing (the sync heartbeat) or one by a
        writer that does not log (then the caller must assume anything changed)."""
        rows = self.conn.execute("SELECT id, origin, topics FROM change_log WHERE id > ? ORDER BY id",
                                 (last_id,)).fetchall()
        if not rows:
            return last_id, None
        if rows[0][0] > last_id + 1 and last_id and self.conn.execute(
                "SELECT 1 FROM change_log WHERE id <= ? LIMIT 1", (last_id,)).fetchone() is None:
            return rows[-1][0], Change.all()   # fell behind the pruning: the gap is unknown
        change = Change()
        for _id, origin, topics in rows:
            if origin != self.origin:
                change = change | Change.from_json(topics)
        return rows[-1][0], change

    # ---------------------------------------------------------------- the event
    @property
    def info(self) -> EventInfo:
        if self._info is None:
            r = self.conn.execute("SELECT id, timezone, first_day, last_day, badge_prefix, default_language "
                                  "FROM event").fetchone()
            if r is None:
                raise KioskError("The database holds no event.", code="db_not_event")
            self._info = EventInfo(r[0], r[1], date.fromisoformat(r[2]), date.fromisoformat(r[3]), r[4], r[5])
        return self._info

    def forget_event_info(self) -> None:
        """The event row was rewritten (an import into an empty event): read it again next time."""
        self._info = None
        for name in ("schedule", "checkins", "badges", "matchmaking"):
            self.__dict__.pop(name, None)

    @property
    def tz(self) -> ZoneInfo:
        return self.info.tz

    # ---------------------------------------------------------------- typed stores
    @cached_property
    def schedule(self) -> "Schedule":
        from .schedule import Schedule

        return Schedule(self)

    @cached_property
    def checkins(self) -> "CheckInStore":
        from .checkin_store import CheckInStore

        return CheckInStore(self)

    @cached_property
    def badges(self) -> "BadgeStore":
        from .checkin_store import BadgeStore

        return BadgeStore(self)

    @cached_property
    def pins(self) -> "PinStore":
        from .pins import PinStore

        return PinStore(self)

    @cached_property
    def matchmaking(self) -> "Matchmaking":
        from .matchmaking import Matchmaking

        return Matchmaking(self)

    @cached_property
    def sync(self) -> "SyncState":
        from .sync_state import SyncState

        return SyncState(self)
