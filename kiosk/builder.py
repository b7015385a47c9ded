"""One builder for the kiosk: store, clock, device id, language, change bus, operations, window.

Used by main.py, tests/conftest.py, benchmarks/run.py, benchmarks/soak.py and
scripts/render_checkin_screen.py, so every kiosk in the project is assembled the same way.
Only what the first frame needs is imported here; the rest loads when a screen first opens.
"""

from __future__ import annotations

from kiosk.models.records import field, record
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: Where the check-in desk writes its CSV exports (there is no file dialog on a kiosk).
DEFAULT_EXPORT_DIR = ROOT / "exports"


@record
class Kiosk:
    """Everything one kiosk process runs on, built by :func:`build_kiosk`."""

    store: Any            # kiosk.models.store.EventStore
    repo: Any             # kiosk.models.repository.Repository (reads)
    clock: Any
    ui: Any               # kiosk.views.state.UiState
    bus: Any              # kiosk.views.live.ChangeBus
    ops: Any              # kiosk.operations.Operations (writes)
    health: Any           # kiosk.views.health.Health
    window: Any           # kiosk.views.main_window.KioskWindow
    #: helpers that live as long as the kiosk (backups, watchdog, lock-down)
    services: list = field(default_factory=list)

    def close(self) -> None:
        """Stop timers and close the window before the database connection goes."""
        from PySide6.QtWidgets import QApplication

        from kiosk.views.first_frame import AfterFirstFrame

        AfterFirstFrame.drop()
        self.bus.stop()
        self.ui.stop()
        self.window.stop()
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()
        self.store.close()


def build_kiosk(db, *, clock=None, now: datetime | None = None, language: str | None = None,
                device_id: str | None = None, kiosk_id: str | None = None, idle_seconds: float = 60,
                staff_idle_seconds: float = 120, poll_ms: int | None = None, export_dir: Path | None = None,
                start_view: str = "home", translations=None, fast_start: bool = False) -> Kiosk:
    """Build one kiosk over ``db`` (a path, or an open :class:`EventStore`).

    ``clock``: the kiosk's clock (tests: a ``FixedClock``); by default a running clock started
    at ``now`` (``--now``) or at the wall-clock time. ``language``: the start language (default:
    the event's). ``device_id``: this device in check-ins, edits and sync (default: the host
    name). ``start_view``: the screen built first; the others are built when first opened.
    Raises :class:`~kiosk.models.errors.KioskError` when the database cannot be used, and
    ``ValueError`` for an unknown kiosk id.
    """
    from PySide6.QtWidgets import QApplication

    from kiosk.clock import RunningClock
    from kiosk.models.repository import Repository
    from kiosk.models.store import EventStore
    from kiosk.operations import Operations, resolve_device
    from kiosk.views.health import Health
    from kiosk.views.i18n import Translations
    from kiosk.views.live import POLL_MS, ChangeBus
    from kiosk.views.main_window import KioskWindow
    from kiosk.views.state import UiState

    app = QApplication.instance() or QApplication(["innofair-kiosk"])
    store = db if isinstance(db, EventStore) else EventStore.open(db)
    # The UI thread never waits for a lock another process holds: the screens' writes fail at
    # once with "database is locked" and the screens retry (a scan, for up to 1 s) or say so.
    store.set_lock_wait(0)
    repo = Repository(store)
    event = repo.event()
    if kiosk_id is not None:
        kiosks = repo.kiosks()
        if kiosk_id not in kiosks:
            raise ValueError(f"There is no kiosk {kiosk_id!r} on the map; known: {', '.join(kiosks) or 'none'}.")
    if fast_start:   # (from here: the health's first clock check waits for the frame too)
        from kiosk.views.first_frame import AfterFirstFrame

        AfterFirstFrame.hold()
    clock = clock or RunningClock(store.tz, now)
    ui = UiState(clock, language=language or event.default_language, default_language=event.default_language,
                 translations=translations or Translations(app))
    bus = ChangeBus(store, interval_ms=poll_ms or POLL_MS)
    # on a synced database: the identity it syncs as (another --device-id raises sync_wrong_device)
    ops = Operations(store, device_id=resolve_device(store, device_id), clock=clock, publish=bus.publish,
                     export_dir=export_dir or DEFAULT_EXPORT_DIR)
    health = Health(store, clock_check=ops.clock_problem)
    window = KioskWindow(ui, repo, bus, ops=ops, health=health, idle_seconds=idle_seconds,
                         staff_idle_seconds=staff_idle_seconds, kiosk_id=kiosk_id, start_view=start_view)
    if fast_start:
        AfterFirstFrame.release_after_first_paint(window)
    return Kiosk(store=store, repo=repo, clock=clock, ui=ui, bus=bus, ops=ops, health=health, window=window)
