"""An imported conference's home screen speaks of its own time zone, not Korea's, and shows no
empty theme line (an organiser saw "Korea time (KST)" and a stray “” for RomHack and DebConf)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FixedClock
from kiosk.exchange.importer import Importer
from kiosk.models.database import open_event_db
from kiosk.models.loader import build_database
from kiosk.views import phrases
from tests.conftest import DATA, ROOT

REAL = ROOT.parent / "shared" / "real-schedules"


@pytest.mark.parametrize("zone, at, says", [
    ("Europe/Rome", datetime(2026, 10, 2, 11, 0), "Rome time (CEST)"),
    ("Europe/Rome", datetime(2026, 12, 2, 11, 0), "Rome time (CET)"),
    ("Asia/Kolkata", datetime(2023, 9, 10, 10, 0), "India time (IST)"),
    ("Asia/Seoul", datetime(2023, 6, 14, 16, 30), "Korea time (KST)"),
    ("Etc/GMT-1", datetime(2019, 12, 27, 11, 0), "UTC+1"),
    ("America/New_York", datetime(2024, 7, 1, 9, 0), "New York time (EDT)"),
])
def test_zone_label_names_the_events_zone_at_the_shown_moment(qapp, zone, at, says):
    from kiosk.views.i18n import Translations

    Translations(qapp).install("en")      # not whatever language the previous test left installed
    assert phrases.zone_label(zone, at.replace(tzinfo=ZoneInfo(zone))) == says


@pytest.mark.parametrize("name, zone, at, says", [
    ("romhack_camp_2026.xml", "Europe/Rome", datetime(2026, 10, 2, 11, 30), "Rome time (CEST)"),
    ("debconf23.xml", "Asia/Kolkata", datetime(2023, 9, 10, 11, 0), "India time (IST)"),
])
def test_an_imported_events_home_says_its_zone_and_hides_the_empty_theme(qtbot, tmp_path, name, zone, at, says):
    if not (REAL / name).exists():
        pytest.skip(f"{REAL / name} is not here (the shared real schedules)")
    from kiosk.builder import build_kiosk

    path = tmp_path / "event.db"
    build_database(path, DATA, venue_only=True)
    db = open_event_db(path)
    assert Importer(db).run(REAL / name, "agenda").ok
    db.close()
    db = open_event_db(path)
    tz = ZoneInfo(zone)
    kiosk = build_kiosk(db, clock=FixedClock(at.replace(tzinfo=tz), tz), language="en", device_id="kiosk",
                        idle_seconds=60, poll_ms=50, export_dir=tmp_path / "exports", start_view="home")
    try:
        window = kiosk.window
        qtbot.addWidget(window)
        for size in ((1080, 1920), (1920, 1080)):
            window.resize(*size)
            window.show()
            qtbot.waitExposed(window)
            qtbot.wait(20)
            home = window.home
            home.refresh()
            assert says in home.date.text() and "KST" not in home.date.text()
            assert "“" not in home.subtitle.text() and "“" not in home.theme_label.text()
            assert home.theme_label.isHidden()
            assert "HICO" not in home.venue.text() and "Gyeongju" not in home.venue.text()
            assert home.venue.isHidden()
    finally:
        kiosk.bus.stop()
        kiosk.ui.stop()
        kiosk.window.stop()
        db.close()


def test_an_imported_events_own_session_types_are_shown_as_published(qapp, tmp_path):
    """RomHack's "Talk" was shown as our "Forum" and "Workshop" as "Master class"."""
    name = "romhack_camp_2026.xml"
    if not (REAL / name).exists():
        pytest.skip(f"{REAL / name} is not here (the shared real schedules)")
    from kiosk.models.repository import Repository

    path = tmp_path / "event.db"
    build_database(path, DATA, venue_only=True)
    db = open_event_db(path)
    assert Importer(db).run(REAL / name, "agenda").ok
    sessions = Repository(db).sessions()
    published = {s.source_type for s in sessions}
    assert {"Talk", "Workshop"} <= published, published
    for s in sessions:
        assert phrases.shown_type(s) == s.source_type, (s.id, s.source_type, s.type)
    db.close()


def test_our_own_kinds_keep_their_translations(qapp):
    from types import SimpleNamespace

    assert phrases.shown_type(SimpleNamespace(type="keynote", source_type="")) == "Keynote"
    assert phrases.shown_type(SimpleNamespace(type="keynote", source_type="Keynote")) == "Keynote"
    assert phrases.shown_type(SimpleNamespace(type="forum", source_type="Talk")) == "Talk"
    assert phrases.shown_type(SimpleNamespace(type="reception", source_type="djset")) == "djset"
    # a public bilateral meeting listed in the agenda keeps our translated "Meeting"
    assert phrases.shown_type(SimpleNamespace(type="meeting", source_type="bilateral")) == "Meeting"
