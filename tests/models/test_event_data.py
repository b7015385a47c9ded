"""The bundled InnoFair data, the loader's validation, and opening damaged databases."""

import sqlite3

import pytest

from kiosk.models import database
from kiosk.models.errors import KioskError
from kiosk.models.loader import DataError, build_database
from tests.conftest import DATA, kst

PROGRAMME = {
    # id: (start, end, room) as in ../shared/event-facts.md (rooms assumed)
    "d1-matchmaking": ("06-14 10:00", "06-14 17:00"),
    "d1-iic": ("06-14 14:00", "06-14 18:00"),
    "d1-opening": ("06-14 15:00", "06-14 15:40"),
    "d1-keynote": ("06-14 15:40", "06-14 16:00"),
    "d1-roundtable": ("06-14 16:10", "06-14 17:30"),
    "d1-masterclass1": ("06-14 16:10", "06-14 17:10"),
    "d1-masterclass2": ("06-14 17:20", "06-14 18:20"),
    "d1-reception": ("06-14 18:30", "06-14 20:00"),
    "d2-matchmaking": ("06-15 10:00", "06-15 17:00"),
    "d2-forum1": ("06-15 10:00", "06-15 11:30"),
    "d2-forum2": ("06-15 11:30", "06-15 13:00"),
    "d2-lunch": ("06-15 13:00", "06-15 14:00"),
    "d2-masterclass3": ("06-15 14:00", "06-15 15:00"),
    "d2-masterclass4": ("06-15 15:10", "06-15 16:10"),
    "d2-gala": ("06-15 18:00", "06-15 20:00"),
    "d3-tour": ("06-16 09:00", "06-16 17:00"),
}


def test_every_programme_session_is_bundled_at_its_time(repo):
    sessions = {s.id: s for s in repo.sessions()}
    for sid, (start, end) in PROGRAMME.items():
        s = sessions[sid]
        assert (s.start, s.end) == (kst(start), kst(end)), sid
        assert s.title.en and s.title.ko, f"{sid} needs English and Korean titles"
        assert s.room_id in repo.rooms(), sid
        assert (s.published_start, s.published_room_id) == (s.start, s.room_id)


def test_speakers_have_their_roles_and_organisations(repo):
    people = repo.participants("d1-roundtable")
    assert [p.role for p in people][:1] == ["moderator"]
    assert people[0].name == "Sunkook Kwon"
    assert {p.name for p in people if p.role == "panelist"} == {
        "Young Jib Kim", "YunHa Park", "Abdulahad Kuchkarov", "Janekrishna Kanatharana", "Wang Yung-Chuang"}
    forum2 = repo.participants("d2-forum2")
    usman = next(p for p in forum2 if p.name == "Koredianto Usman")
    assert usman.organisation.name.en == "Bandung Techno Park"
    assert usman.talk.en.startswith("Technoparks and small enterprises")


def test_rooms_are_the_real_hico_rooms_on_their_floors(repo):
    rooms = repo.rooms()
    assert {r for r in rooms if r.startswith(("1", "2", "3"))} >= {
        "101", "102", "103", "104", "105", "106", "201", "202", "203", "204", "205", "206",
        "300", "300A", "300B", "300C"}
    assert rooms["300A"].floor_id == "3F" and rooms["300A"].part_of == "300"
    assert rooms["EXH"].area_m2 == 2273
    assert all(s.room_assumed for s in repo.sessions() if s.type != "exhibition")


def test_foreign_keys_and_wal_are_on(db):
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE session SET room_id = 'nowhere' WHERE id = 'd1-keynote'")


def _write_data(tmp_path, programme_extra: str):
    data = tmp_path / "data"
    data.mkdir()
    (data / "event.toml").write_text((DATA / "event.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (data / "programme.toml").write_text(
        (DATA / "programme.toml").read_text(encoding="utf-8") + programme_extra, encoding="utf-8")
    return data


def test_bad_data_lists_every_problem_and_writes_nothing(tmp_path):
    data = _write_data(tmp_path, """
[[sessions]]
id = "d1-keynote"
type = "keynote"
day = 2023-06-14
start = "11:00"
end = "12:00"
room = "999"
title = { en = "Duplicate" }

[[sessions]]
id = "backwards"
type = "party"
day = 2023-06-15
start = "12:00"
end = "11:00"
room = "101"
title = { en = "Ends before it starts" }
""")
    target = tmp_path / "event.db"
    target.write_bytes(b"previous database")
    with pytest.raises(DataError) as err:
        build_database(target, data)
    problems = "\n".join(err.value.problems)
    assert "duplicate session id 'd1-keynote'" in problems
    assert "unknown room '999'" in problems
    assert "unknown type 'party'" in problems
    assert "ends (11:00) before it starts (12:00)" in problems
    assert target.read_bytes() == b"previous database"
    assert not list(tmp_path.glob("event.db.*"))


def test_unreadable_toml_is_named(tmp_path):
    data = _write_data(tmp_path, "\n[[sessions]\n")
    with pytest.raises(DataError) as err:
        build_database(tmp_path / "x.db", data)
    assert "programme.toml: not valid TOML" in err.value.problems[0]


@pytest.mark.parametrize("content, code", [
    (None, "db_missing"),
    (b"this is not a database at all, just text" * 200, "db_corrupt"),
    ("empty-sqlite", "db_not_event"),
    ("truncated", "db_corrupt"),
])
def test_damaged_databases_give_a_clear_error(tmp_path, built_db, content, code):
    path = tmp_path / "event.db"
    if content == "empty-sqlite":
        sqlite3.connect(path).execute("CREATE TABLE notes (x)").connection.commit()
    elif content == "truncated":
        raw = built_db.read_bytes()
        path.write_bytes(raw[: len(raw) // 3])
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(KioskError) as err:
        database.open_event_db(path)
    assert err.value.code == code
    assert "init-db" in err.value.hint
    # init-db is advised only for a missing file, or after moving the existing one aside: never over data
    assert "--force" not in err.value.hint
    if content is not None:
        assert "move the file aside" in err.value.hint


def test_a_check_in_list_for_an_unknown_session_is_refused(tmp_path):
    data = _write_data(tmp_path, "")
    event = (data / "event.toml").read_text(encoding="utf-8")
    (data / "event.toml").write_text(event.replace('session = "d2-gala"', 'session = "d2-galla"'), encoding="utf-8")
    with pytest.raises(DataError) as err:
        build_database(tmp_path / "event.db", data)
    assert "check-in list 'gala': session 'd2-galla' is not a session of the programme" in "\n".join(
        err.value.problems)
