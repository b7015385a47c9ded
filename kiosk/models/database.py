"""Opening the event database: a thin front to :mod:`kiosk.models.store`.

Kept so callers can say ``open_event_db(path)``; the connection itself is configured in one
place only, :func:`kiosk.models.store._connect`.
"""

from __future__ import annotations

from pathlib import Path

from .store import MIGRATIONS_TABLE, PRIVATE_MODE, REBUILD_HINT, EventStore, create_private  # noqa: F401


def open_event_db(path: str | Path, *, check_integrity: bool = True) -> EventStore:
    """Open an existing event database (see :meth:`EventStore.open` for the failure codes and
    the read-only fallback)."""
    return EventStore.open(path, check_integrity=check_integrity)


def create(path: str | Path | None = None, *, memory: bool = False) -> EventStore:
    """A new, empty database with the current schema."""
    return EventStore.create(path, memory=memory)


def data_version(store: EventStore) -> int:
    """Changes whenever *another* connection commits to the file (cheap: a few µs)."""
    return store.data_version()
