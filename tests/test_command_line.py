"""The commands as an operator types them (real processes)."""

import os
import subprocess
import sys

import pytest
from PIL import Image

from tests.conftest import ROOT


def run(*args, timeout=60):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


@pytest.mark.parametrize("size, view, lang", [
    ("1920x1080", "agenda", "ko"),
    ("1080x1920", "home", "zh-Hant"),
])
def test_screenshot_renders_the_chosen_state(db_path, tmp_path, size, view, lang):
    shot = tmp_path / "shot.png"
    result = run("--db", str(db_path), "--view", view, "--lang", lang, "--now", "2023-06-15T10:45",
                 "--size", size, "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    w, h = (int(v) for v in size.split("x"))
    image = Image.open(shot)
    assert image.size == (w, h)
    colours = image.convert("RGB").resize((64, 64)).getcolors(64 * 64)
    assert colours is not None and len(colours) > 20  # a real screen, not a blank one


def test_screenshot_of_a_corrupt_database_is_the_error_screen(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite" * 500)
    shot = tmp_path / "shot.png"
    result = run("--db", str(bad), "--screenshot", str(shot))
    assert result.returncode == 0
    assert shot.exists()
    assert "Traceback" not in result.stderr
    assert "db_corrupt" in result.stderr or "cannot be read" in result.stderr


def test_init_db_builds_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "new.db"
    first = run("init-db", str(target))
    assert first.returncode == 0 and "19 session" in first.stdout
    again = run("init-db", str(target))
    assert again.returncode == 1 and "--force" in again.stderr
    assert run("init-db", str(target), "--force").returncode == 0


def test_a_bad_now_is_explained(db_path, tmp_path):
    result = run("--db", str(db_path), "--now", "yesterday", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "2023-06-15T10:45" in result.stderr and "Traceback" not in result.stderr


def test_db_before_the_command_works_like_after_it(db_path):
    """`main.py --db X sessions` was read as the kiosk's own options ("Unknown command")."""
    after = run("sessions", "--db", db_path)
    before = run("--db", str(db_path), "sessions")
    joined = run(f"--db={db_path}", "sessions")
    assert after.returncode == before.returncode == joined.returncode == 0, before.stderr
    assert before.stdout == after.stdout == joined.stdout and after.stdout
