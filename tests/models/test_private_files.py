"""Files that hold working badges (each QR gets a person in) or attendees' names are readable by
the kiosk's user only (found by an attack: badge PNGs, badges.pdf, check-in and export CSVs and
logs/kiosk.log were 644)."""

import logging
import os
import stat
import subprocess
import sys

from tests.conftest import ROOT


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_badges_csvs_and_walk_in_badges_are_created_600(db_path, tmp_path):
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, a), "--db", str(db_path)],  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    keys = tmp_path / "keys"
    assert run("keys", "--out", keys).returncode == 0
    pem = next(keys.glob("*.pem"))
    out = tmp_path / "badges"
    out.mkdir()
    (out / "badges.pdf").write_bytes(b"old")                      # an older, readable one is replaced
    os.chmod(out / "badges.pdf", 0o644)
    done = run("badges", "--key", pem, "--out", out, "--attendee", "A0001", "A0002")
    assert done.returncode == 0, done.stderr
    made = sorted(out.glob("*.png")) + [out / "badges.pdf"]
    assert [mode(p) for p in made] == [0o600] * 3
    walkin = run("register", "--name", "Kim", "--type", "delegate", "--key", pem, "--out", out,
                 "--now", "2023-06-14T12:00")
    assert walkin.returncode == 0, walkin.stderr
    assert all(mode(p) == 0o600 for p in out.glob("*.png"))
    for args in (("checkins-csv", "--out", tmp_path / "c.csv"), ("export", "--format", "checkins-csv", "--out",
                                                                 tmp_path / "e.csv"),
                 ("export", "--format", "exhibitors-csv", "--out", tmp_path / "x.csv")):
        done = run(*args)
        assert done.returncode == 0, done.stderr
        assert mode(args[-1]) == 0o600, args


def test_the_log_is_created_600_and_an_old_readable_one_is_made_private(tmp_path):
    sys.path.insert(0, str(ROOT))
    import main

    old = tmp_path / "kiosk.log"
    old.write_text("older run\n")
    os.chmod(old, 0o644)
    handler = main._rotating_log(old, max_bytes=200)
    record = logging.LogRecord("kiosk", logging.INFO, __file__, 1, "x" * 150, None, None)
    for _ in range(3):                                      # past maxBytes: rotated files are 600 too
        handler.emit(record)
    handler.close()
    files = sorted(tmp_path.glob("kiosk.log*"))
    assert len(files) >= 2 and all(mode(p) == 0o600 for p in files)
