"""Shared seams: an event database built from data/, a fixed clock, a kiosk window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FixedClock
from kiosk.models import database
from kiosk.models.loader import build_database
from kiosk.models.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KST = ZoneInfo("Asia/Seoul")


def pytest_configure(config):
    config.addinivalue_line("markers", "mounts: mounts a small tmpfs (a real full or read-only disk); "
                                       "not root: run inside a user namespace (tests/fault_fixtures.py)")


def pytest_collection_modifyitems(config, items):
    """Not root: each ``mounts`` test runs again inside ``unshare --map-root-user --mount``, where
    mounting a tmpfs is allowed, instead of being skipped."""
    if not any(item.get_closest_marker("mounts") for item in items):
        return
    from tests.fault_fixtures import InUserNamespace, user_namespace_command

    command = user_namespace_command()
    if command is None:
        return
    for i, item in enumerate(items):
        if item.get_closest_marker("mounts"):
            again = InUserNamespace.from_parent(item.parent, name=item.name, target=item.nodeid, command=command)
            again.own_markers.extend(item.iter_markers())      # still selected by -m mounts, -k …
            items[i] = again


def kst(text: str) -> datetime:
    """``"06-14 16:30"`` → that minute of June 2023 in Seoul."""
    return datetime.strptime(f"2023-{text}", "%Y-%m-%d %H:%M").replace(tzinfo=KST)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("event") / "event.db"
    build_database(path, DATA)
    return path


@pytest.fixture
def db_path(built_db, tmp_path) -> Path:
    """A private copy of the bundled event database (file-backed, so other connections see it)."""
    path = tmp_path / "event.db"
    path.write_bytes(built_db.read_bytes())
    return path


@pytest.fixture
def db(db_path):
    conn = database.open_event_db(db_path)
    yield conn
    conn.close()


@pytest.fixture
def repo(db) -> Repository:
    return Repository(db)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(kst("06-14 16:30"), KST)


@pytest.fixture
def make_kiosk(qtbot, db, clock, tmp_path):
    """Build the kiosk the way main.py does (kiosk.builder.build_kiosk), with a fixed clock."""
    from kiosk.builder import build_kiosk

    built = []

    def make(*, idle_seconds: float = 60, size=(1920, 1080), language: str = "en", kiosk_id: str | None = None,
             start_view: str = "home"):
        kiosk = build_kiosk(db, clock=clock, language=language, device_id="kiosk", kiosk_id=kiosk_id,
                            idle_seconds=idle_seconds, poll_ms=50, export_dir=tmp_path / "exports",
                            start_view=start_view)
        built.append(kiosk)
        window = kiosk.window
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for kiosk in built:  # timers stop before the database closes
        kiosk.bus.stop()
        kiosk.ui.stop()
        kiosk.window.stop()
