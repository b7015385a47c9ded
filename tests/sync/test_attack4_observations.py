"""The fourth attack's observations (issue 13): a window change received by sync is held to the
event days as the command line is; `sync enrol`/`revoke` no longer pin an authority silently;
`keys` refuses an enrolled device's database (the new key would stop it syncing)."""

import json
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT

from .test_poison import forge


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True)


def window(edit_key, start, end, device="desk9"):
    return "window", {"edit_key": edit_key, "list_id": "gala", "device_id": device, "by_name": "Eve",
                      "at": "2023-06-14T09:00:00+09:00", "hlc": "001686700800000.00000",
                      "windows": json.dumps([[start, end]])}


def test_a_window_change_outside_the_event_days_is_quarantined_like_the_cli_refuses_it(fleet):
    fleet.add("desk9", role="desk")
    b = fleet.engine("b")
    result = b.receive(forge(fleet, "desk9", [
        window("w1", "2023-06-17T10:00:00+09:00", "2023-06-17T11:00:00+09:00"),     # the day after
        window("w2", "2023-06-13T23:00:00+09:00", "2023-06-14T01:00:00+09:00"),     # starts the day before
        window("w3", "2023-06-16T22:00:00+09:00", "2023-06-17T00:00:00+09:00"),     # ends at midnight: in
    ]), source="desk9")
    reasons = sorted((q["n"], q["reason"]) for q in b.quarantined() if q["device"] == "desk9")
    assert reasons == [(1, "a window outside the event days (2023-06-14 – 2023-06-16)"),
                       (2, "a window outside the event days (2023-06-14 – 2023-06-16)")], reasons
    assert result.quarantined == 2
    # the command line draws the same line
    db = str(fleet.paths["desk9"])
    done = cli("list-window", "gala", "--open", "2023-06-17T10:00", "--close", "2023-06-17T11:00", "--by", "Mina",
               "--now", "2023-06-14T12:00", "--db", db)
    assert done.returncode == 2 and "outside the event days" in done.stderr, done.stderr
    done = cli("list-window", "gala", "--open", "2023-06-16T22:00", "--close", "2023-06-17T00:00", "--by", "Mina",
               "--now", "2023-06-14T12:00", "--db", db)
    assert done.returncode == 0, done.stderr


def test_enrol_on_a_database_without_an_authority_is_refused_unless_pinned_on_purpose(built_db, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(built_db.read_bytes())
    other = tmp_path / "organiser.db"
    other.write_bytes(built_db.read_bytes())
    ca = tmp_path / "ca"
    assert cli("sync", "ca", "--out", str(ca), "--db", str(other)).returncode == 0
    done = cli("sync", "enrol", "k1", "--ca", str(ca), "--out", str(tmp_path / "ids"), "--db", str(db))
    assert done.returncode == 2 and "has no sync authority" in done.stderr and "--pin" in done.stderr, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sync_authority").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM sync_roster").fetchone() == (0,)
    conn.close()
    assert not (tmp_path / "ids" / "k1").exists()
    done = cli("sync", "revoke", "k1", "--ca", str(ca), "--after", "0", "--db", str(db))
    assert done.returncode == 2 and "has no sync authority" in done.stderr, done.stderr
    done = cli("sync", "enrol", "k1", "--ca", str(ca), "--out", str(tmp_path / "ids"), "--pin", "--db", str(db))
    assert done.returncode == 0 and "Pinned the sync authority" in done.stderr, done.stderr
    # the organiser's database (pinned by `sync ca`) enrols as before, with nothing to add
    done = cli("sync", "enrol", "k2", "--ca", str(ca), "--out", str(tmp_path / "ids"), "--db", str(other))
    assert done.returncode == 0 and "Pinned" not in done.stderr, done.stderr


def test_keys_on_an_enrolled_device_database_is_refused(fleet, tmp_path):
    from kiosk.sync.engine import export_file, import_file

    db = fleet.paths["a"]
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT count(*) FROM signing_key").fetchone()
    conn.close()
    done = cli("keys", "--out", str(tmp_path / "keys"), "--db", str(db))
    assert done.returncode == 2 and "could no longer sync" in done.stderr, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM signing_key").fetchone() == before
    conn.close()
    assert not (tmp_path / "keys").exists() or not any((tmp_path / "keys").iterdir())
    assert import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync").quarantined == 0
