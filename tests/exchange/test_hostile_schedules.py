"""Hostile and broken schedule files: truncated real files, garbage in fields, entity tricks.
Each is a clear refusal (KioskError or listed problems with file lines) and changes nothing."""

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.exchange.importer import Importer
from kiosk.models.database import open_event_db
from kiosk.models.errors import KioskError
from kiosk.models.loader import build_database
from tests.conftest import DATA, ROOT

REAL = ROOT.parent / "shared" / "real-schedules"


def need(name):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared reference files are not on this machine)")
    return path


@pytest.fixture(scope="module")
def empty_event(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "empty.db"
    build_database(path, DATA, venue_only=True)
    store = open_event_db(path)
    yield store
    store.close()


def counts(store):
    return [store.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("session", "room", "person")] + \
        list(store.execute("SELECT name_en, timezone, first_day FROM event").fetchone())


def attempt(store, path):
    before = counts(store)
    try:
        report = Importer(store).run(path, "agenda")
    except KioskError as exc:
        assert "Traceback" not in str(exc) and path.name in str(exc)
        report = None
    if report is None or report.problems:
        assert counts(store) == before
    assert not store.conn.in_transaction
    return report


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(min_value=0.0, max_value=0.999), name=st.sampled_from(
    ["36c3_merged.xml", "frab-camp2019.json", "debconf23.xml", "hub-schedule2.json"]))
def test_a_truncated_real_schedule_is_refused_whole(empty_event, tmp_path_factory, cut, name):
    raw = need(name).read_bytes()
    path = tmp_path_factory.mktemp("cut") / name
    path.write_bytes(raw[:int(len(raw) * cut)])
    report = attempt(empty_event, path)
    assert report is None or report.problems


def test_garbage_in_event_fields_is_listed_by_line_and_nothing_applies(empty_event, tmp_path):
    text = need("romhack_camp_2026.xml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    dates = [i for i, line in enumerate(lines) if "<date>" in line]
    durations = [i for i, line in enumerate(lines) if "<duration>" in line]
    lines[dates[1]] = re.sub(r"<date>.*</date>", "<date>2026-13-45T99:00:00+02:00</date>", lines[dates[1]])
    lines[durations[3]] = re.sub(r"<duration>.*</duration>", "<duration>forever</duration>", lines[durations[3]])
    path = tmp_path / "romhack.xml"
    path.write_text("".join(lines), encoding="utf-8")
    report = attempt(empty_event, path)
    messages = [str(p) for p in report.problems]
    assert len(messages) == 2
    assert messages[0].startswith("romhack.xml:") and "bad date-time '2026-13-45T99:00:00+02:00'" in messages[0]
    assert "bad duration 'forever'" in messages[1]
    # each names the line of its <event> element
    event_lines = [i + 1 for i, line in enumerate(lines) if "<event " in line]
    assert {int(m.split(":")[1]) for m in messages} <= set(event_lines)


def test_entities_are_neither_expanded_nor_fetched(empty_event, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 9))
    doc = (f'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY l0 "ha">{laughs}'
           f'<!ENTITY leak SYSTEM "file://{secret}">]>'
           "<schedule><conference><title>&l8;</title><start>2023-06-14</start><days>1</days></conference>"
           "<day index='1' date='2023-06-14'><room name='A'><event id='1' guid='00000000-0000-4000-8000-000000000001'>"
           "<date>2023-06-14T10:00:00+09:00</date><start>10:00</start><duration>00:30</duration><room>A</room>"
           "<title>&leak;</title><type>talk</type></event></room></day></schedule>")
    path = tmp_path / "bomb.xml"
    path.write_text(doc)
    report = attempt(empty_event, path)
    stored = " ".join(str(r) for r in empty_event.execute("SELECT title_en FROM session"))
    assert "TOP-SECRET" not in stored
    name = empty_event.execute("SELECT name_en FROM event").fetchone()[0]
    assert len(name) < 1000


@pytest.mark.parametrize("doc", [
    {"schedule": {"conference": {"days": "nope"}}},
    {"schedule": {"conference": {"days": [{"rooms": {"A": [17, None, "x"]}}]}}},
    {"schedule": {"conference": {"title": "x", "days": [{"rooms": {"A": [{"date": None}]}}]}}},
    {"schedule": {"conference": {}, "events": [{"start": "2023-06-14T10:00:00+09:00", "end": "yesterday"}]}},
    {"schedule": []},
])
def test_malformed_schedule_json_is_a_clear_refusal(empty_event, tmp_path, doc):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    report = attempt(empty_event, path)
    assert report is None or report.problems
