"""The real-disk fault tests run for a user who is not root too (tests/fault_fixtures.py):
each ``mounts`` test runs again inside ``unshare --map-root-user --mount``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

TARGET = "tests/models/test_safefile.py::test_a_full_disk_leaves_no_empty_part_file"


def _as_user_1000(*command: str) -> list[str]:
    """``command`` as uid 1000 of a user namespace: a plain user, who may not mount here."""
    return ["unshare", "--user", "--map-user=1000", "--map-group=1000", *command]


def test_a_user_who_is_not_root_runs_the_disk_full_test_instead_of_skipping_it(tmp_path):
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux user namespaces (unshare)")
    probe = subprocess.run(_as_user_1000("sh", "-c", "id -u; unshare --map-root-user --mount true"),
                           capture_output=True, text=True)
    if probe.returncode != 0 or probe.stdout.split()[:1] != ["1000"]:
        pytest.skip(f"user namespaces are not available here: {probe.stderr.strip()[:200]}")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIOSK_TEST_IN_USER_NAMESPACE", None)
    run = subprocess.run(_as_user_1000(sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                                       "--basetemp", str(tmp_path / "pytest"), TARGET),
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1].startswith("1 passed"), run.stdout[-2000:]
    # and the same user without the namespace re-run (as if inside one already) skips, saying why
    env["KIOSK_TEST_IN_USER_NAMESPACE"] = "1"
    run = subprocess.run(_as_user_1000(sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                                       "--basetemp", str(tmp_path / "pytest2"), TARGET),
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert "1 skipped" in run.stdout and "needs root" in run.stdout, run.stdout[-2000:]
