"""A kiosk running from this folder keeps its language when another process compiles the
catalogues again (after an update of the .ts files): the .qm is replaced, never rewritten in
place under the running kiosk's memory-mapped translator."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT


def test_recompiling_does_not_change_a_running_kiosks_strings(tmp_path):
    from kiosk.views import i18n

    if i18n._lrelease() is None:
        pytest.skip("lrelease is not installed")
    folder = tmp_path / "i18n"
    folder.mkdir()
    for stem in i18n.CATALOGUES.values():
        shutil.copy(ROOT / "kiosk" / "i18n" / f"{stem}.ts", folder / f"{stem}.ts")
    i18n.ensure_compiled(folder)
    ko_qm = folder / f"{i18n.CATALOGUES['ko']}.qm"
    assert ko_qm.exists()
    # the running kiosk: Korean loaded; then "an update" puts Chinese into the Korean
    # catalogue and another process compiles it; the running one must still read Korean
    script = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication, QTranslator
        from kiosk.views import i18n
        app = QCoreApplication([])
        t = QTranslator()
        assert t.load({str(ko_qm)!r})
        app.installTranslator(t)
        before = QCoreApplication.translate("Home", "On now")
        folder = Path({str(folder)!r})
        ko_ts = folder / "{i18n.CATALOGUES['ko']}.ts"
        zh_ts = folder / "{i18n.CATALOGUES['zh-Hant']}.ts"
        ko_ts.write_bytes(zh_ts.read_bytes())
        future = time.time() + 5
        os.utime(ko_ts, (future, future))
        i18n.ensure_compiled(folder)
        after = QCoreApplication.translate("Home", "On now")
        print(before + "|" + after)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    before, after = out.stdout.strip().split("|")
    assert before == "진행 중", out.stdout
    assert after == before, f"the running kiosk's Korean changed under it: {out.stdout!r}"
    # and the new catalogue is in place for the next start
    assert ko_qm.stat().st_size > 0 and not list(folder.glob(".*.tmp*"))
