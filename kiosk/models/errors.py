"""One error type with stable codes, so every layer can tell a person what to do."""

from __future__ import annotations


class KioskError(Exception):
    """A failure the kiosk explains to a person instead of crashing.

    ``code`` is stable (tests and logs match on it); ``message`` says what is wrong and
    ``hint`` what to do about it.
    """

    def __init__(self, message: str, *, code: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


BUSY_HINT = "Nothing was changed; try again in a moment."


class BusyError(KioskError):
    """The database's write lock stayed taken by another process for longer than we wait.
    Not a damaged file: nothing was written, and trying again later is the remedy."""

    def __init__(self, message: str = "The event database is busy.", *, hint: str = BUSY_HINT) -> None:
        super().__init__(message, code="db_busy", hint=hint)


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "database table is locked" (SQLITE_BUSY and
    SQLITE_LOCKED and their extended codes): another connection holds the lock."""
    import sqlite3

    if isinstance(exc, BusyError):
        return True
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)          # SQLITE_BUSY, SQLITE_LOCKED
    return "locked" in str(exc)
