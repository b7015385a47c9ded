"""Messages that said something else than what was wrong (found by the third attack, issue 13)."""

import subprocess
import sys

from tests.conftest import ROOT


def run(db, *args, stdin=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args), "--db", str(db)],
                          capture_output=True, text=True, timeout=120, input=stdin)


def test_a_pin_too_long_names_the_6_to_12_rule(db_path):
    done = run(db_path, "set-pin", "--role", "staff", "--pin", "1234567890123")
    assert done.returncode == 2
    assert "6 to 12 digits" in done.stderr and "this one has more" in done.stderr
    assert "or more" not in done.stderr


def test_set_pin_reads_the_pin_from_stdin_and_says_so_in_help(db_path):
    assert "stdin" in run(db_path, "set-pin", "--help").stdout
    assert run(db_path, "set-pin", "--role", "staff", stdin="48213957\n").returncode == 0


def test_an_export_into_a_missing_folder_says_the_folder_does_not_exist(db_path, tmp_path):
    done = run(db_path, "checkins-csv", "--out", tmp_path / "nope" / "c.csv")
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Free some space" not in done.stderr
