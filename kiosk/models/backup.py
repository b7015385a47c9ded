"""Rolling backups with SQLite's online backup API, and restoring one.

A backup is a consistent copy taken while kiosks keep reading and writing (the backup API
copies pages under the database's own locks). Files are named with the time they were taken;
the newest ``keep`` stay.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from .database import create_private
from .errors import KioskError

PREFIX = "backup-"


def backup(conn: sqlite3.Connection, folder: Path, *, now: datetime, keep: int = 20, label: str = "") -> Path:
    """Copy the open database into ``folder``; keep the newest ``keep`` backups. Returns the file.
    ``now`` names the file (the caller's clock: the models never read the wall clock)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{PREFIX}{stamp}{('-' + label) if label else ''}.db"
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    create_private(partial)
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest, pages=256)       # in steps: writers are never blocked for long
        check = dest.execute("PRAGMA quick_check").fetchone()[0]
        dest.close()
        if check != "ok":
            partial.unlink(missing_ok=True)
            raise KioskError(f"The backup failed its check ({check}).", code="backup_bad")
        partial.replace(target)
    except sqlite3.Error as exc:
        dest.close()
        partial.unlink(missing_ok=True)
        raise KioskError(f"Backup failed: {exc}", code="backup_failed",
                         hint="Is the disk full or read-only?") from exc
    for old in backups(folder)[keep:]:
        old.unlink(missing_ok=True)
    return target


def backups(folder: Path) -> list[Path]:
    """Newest first."""
    return sorted(folder.glob(f"{PREFIX}*.db"), reverse=True)


def restore(backup_file: Path, db_path: Path) -> Path | None:
    """Put ``backup_file`` in place of ``db_path`` (stop the kiosks first). The database being
    replaced is kept beside it as ``*.before-restore`` so a restore can itself be undone."""
    if not backup_file.exists():
        raise KioskError(f"There is no backup {backup_file}.", code="no_backup")
    src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        if src.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise KioskError(f"{backup_file} is damaged; pick another.", code="backup_bad")
        kept = None
        if db_path.exists():
            kept = db_path.with_name(db_path.name + ".before-restore")
            old = sqlite3.connect(db_path)
            try:
                old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                create_private(kept)
                dest = sqlite3.connect(kept)
                old.backup(dest)
                dest.close()
            finally:
                old.close()
        partial = db_path.with_name(db_path.name + ".restoring")
        partial.unlink(missing_ok=True)
        create_private(partial)
        dest = sqlite3.connect(partial)
        src.backup(dest)
        dest.execute("PRAGMA journal_mode = WAL")
        dest.close()
        for side in ("-wal", "-shm"):
            db_path.with_name(db_path.name + side).unlink(missing_ok=True)
        partial.replace(db_path)
        return kept
    finally:
        src.close()
