"""The monkey test (issue 12, item 1): seeded random taps, double-taps, drags and typing over every
screen, through language switches, larger text and idle resets — offscreen, and on a real X server
with real input (xdotool through XTEST) and the on-screen keyboard. Each run is its own process: a
segfault (exit 139) or abort (134) fails the test instead of killing pytest; any Python exception
or Qt critical message fails it too. Longer runs: `scripts/monkey.py` (figures in docs/BENCHMARKS.md).
"""

import pytest

from tests.xdriver import run_child, xvfb, xvfb_missing


def run_monkey(display, events, seed, sample=0):
    args = ["scripts/monkey.py", "--events", str(events), "--seed", str(seed)] + (["--x"] if display else [])
    args += ["--sample", str(sample)] if sample else []
    code, result, stderr = run_child(args, display, timeout=400)
    assert result is not None, f"the monkey died (exit {code}):\n{stderr[-3000:]}"
    assert result["errors"] == [], "\n\n".join(result["errors"])
    assert code == 0, f"exit {code}:\n{stderr[-3000:]}"
    assert result["events"] == events
    return result


def test_monkey_offscreen():
    r = run_monkey(None, 400, seed=5, sample=100)
    assert r["by_kind"]["tap"] > 100 and r["by_kind"].get("idle_reset", 0) > 0
    # issue 12: what the visitors left behind is given back at each idle reset (what varies is the
    # number of Changes cards after edits). The baseline is the second reset's: the screens are
    # built before the first sample, but a screen hidden during a language switch catches up when
    # it is next shown (kiosk/views/switching.py), and on a loaded machine more taps coalesce, so
    # the first sample could come before that catching-up (≈ 3,000 objects lower; seen twice in
    # full-suite runs at load 3). A leak grows at every reset, which the later samples still show.
    after = [m for m in r["memory"] if m["label"] == "after idle reset"]
    assert len(after) == 4
    first = after[1]
    for m in after[2:]:
        assert m["widgets"] <= first["widgets"] + 60, r["memory"]
        assert m["py_objects"] <= first["py_objects"] + 1500, r["memory"]


@pytest.mark.skipif(xvfb_missing() is not None, reason=xvfb_missing() or "")
def test_monkey_on_xvfb_with_real_input():
    with xvfb() as display:
        r = run_monkey(display, 250, seed=6)
    assert r["platform"] == "xcb" and r["by_kind"]["tap"] > 50 and r["by_kind"]["type"] > 5
