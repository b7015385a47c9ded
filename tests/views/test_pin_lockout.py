"""A passer-by at the public PIN pad (issue 12): five wrong PINs locked staff out, doubling to an
hour and surviving a restart. Now the first locks are a minute each, the keys look disabled while
locked, a staff member's signed badge scanned at the pad (real key events, as a wedge scanner
types) ends the lock-out — another attendee's badge does not — and the organiser's
``main.py pin-unlock`` ends it from the command line."""

import subprocess
import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.models import badges
from kiosk.models.pins import PinStore
from tests.conftest import ROOT, kst
from tests.views.layout_fit import label_problem
from tests.views.test_staff_mode import badge, key, kiosk, type_pin  # noqa: F401  (fixtures)


def lock_the_pad(qtbot, kiosk, wrong=5):
    qtbot.mouseClick(kiosk.home.staff, Qt.MouseButton.LeftButton)
    for _ in range(wrong):
        type_pin(qtbot, kiosk, list("111111"))
    return kiosk.pin_pad


def scan_at_pad(qtbot, kiosk, payload):
    """A wedge scanner's burst as real key events into whatever has focus (no pause between keys:
    on a loaded shared machine a 1 ms pause per key can stretch past the burst's gap)."""
    target = kiosk.focusWidget() or kiosk
    QTest.keyClicks(target, payload)
    QTest.keyClick(target, Qt.Key.Key_Return)
    qtbot.wait(100)


def key_colour(button):
    image = button.grab().toImage()
    return image.pixelColor(image.width() // 2, 8)


def test_a_visitors_wrong_pins_lock_a_minute_and_the_keys_look_locked(qtbot, kiosk, clock):
    pad = lock_the_pad(qtbot, kiosk, wrong=0)
    open_colour = key_colour(pad.keys["5"])
    for _ in range(5):
        type_pin(qtbot, kiosk, list("111111"))
    for n in range(4):                                   # four more wrong PINs, each after its minute
        state = kiosk.ops.pin_lock_state()
        assert 0 < state.locked_for <= 61, (n, state)
        clock.set(clock.now() + timedelta(seconds=state.locked_for + 1))
        pad._show_state()
        assert pad.keys["5"].isEnabled()
        type_pin(qtbot, kiosk, list("111111"))
    state = kiosk.ops.pin_lock_state()
    assert 0 < state.locked_for <= 61                    # nine wrong PINs: still a minute, not an hour
    pad._show_state()
    assert not pad.keys["5"].isEnabled()
    locked_colour = key_colour(pad.keys["5"])
    assert locked_colour != open_colour and locked_colour.lightness() < 80, (locked_colour.name(), open_colour.name())
    assert "staff badge" in pad.message.text()


def test_a_staff_badge_at_the_pad_ends_the_lock_out_another_badge_does_not(qtbot, kiosk, key):
    pad = lock_the_pad(qtbot, kiosk)
    assert kiosk.ops.pin_lock_state().locked_for > 0
    scan_at_pad(qtbot, kiosk, badge(kiosk, key, "A0001"))     # a delegate's badge
    assert kiosk.ops.pin_lock_state().locked_for > 0
    assert "Only a staff member's badge" in pad.message.text()
    assert not pad.keys["1"].isEnabled()
    scan_at_pad(qtbot, kiosk, badge(kiosk, key, "A0005"))     # Hyun-woo Kim, staff
    qtbot.waitUntil(lambda: kiosk.ops.pin_lock_state().locked_for == 0, timeout=2000)
    assert "Hyun-woo Kim" in pad.message.text()
    assert pad.keys["1"].isEnabled()
    # the lock ends, the count stays: a badge buys one try (a found badge is no stream of guesses)
    assert kiosk.ops.pin_lock_state().tries_left == 1
    type_pin(qtbot, kiosk, list("111111"))
    assert kiosk.ops.pin_lock_state().locked_for > 0 and not pad.keys["1"].isEnabled()
    scan_at_pad(qtbot, kiosk, badge(kiosk, key, "A0028"))     # another staff member
    qtbot.waitUntil(lambda: kiosk.ops.pin_lock_state().locked_for == 0, timeout=2000)
    type_pin(qtbot, kiosk, list("246813"))               # the PIN is still what opens the desk
    assert kiosk.staff_role == "staff"


def test_the_organiser_ends_a_lock_out_from_the_command_line(db, db_path):
    pins = PinStore(db)
    pins.set_pin("staff", "246813", kst("06-13 12:00"))
    for _ in range(5):
        pins.try_pin("000000", device_id="lobby-1", now=kst("06-14 09:00"))
    assert pins.lock_state("lobby-1", kst("06-14 09:00")).locked_for > 0
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "pin-unlock", "--device", "lobby-1",
                          "--db", str(db_path)], capture_output=True, text=True)
    assert out.returncode == 0 and "ended" in out.stdout, out.stderr
    assert pins.lock_state("lobby-1", kst("06-14 09:00")).locked_for == 0
    assert pins.lock_state("lobby-1", kst("06-14 09:00")).tries_left == 5        # the count forgotten too
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "pin-unlock", "--device", "lobby-1",
                          "--db", str(db_path)], capture_output=True, text=True)
    assert out.returncode == 0 and "no PIN lock-out" in out.stdout


def _key_places(kiosk):
    pad = kiosk.pin_pad
    return {k: (b.mapTo(kiosk, b.rect().topLeft()).toTuple(), b.size().toTuple()) for k, b in pad.keys.items()} | {
        "cancel": (pad.cancel.mapTo(kiosk, pad.cancel.rect().topLeft()).toTuple(), pad.cancel.size().toTuple())}


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "ko", "zh-Hant"])
def test_the_lock_out_banner_moves_no_key(qtbot, make_kiosk, db, key, clock, size, language):
    """The banner ("Too many wrong PINs…" and "Staff: scan your staff badge…", under "Only a
    staff member's badge…") pushed the keypad down when it appeared: the next tap landed a key
    lower. Every key (and Cancel) stays put through a wrong PIN, the lock-out, a refused badge,
    the lock-out ending, and with larger text switched on while locked."""
    db.pins.set_pin("staff", "246813", kst("06-13 12:00"))
    clock.set(kst("06-15 18:05"))
    kiosk = make_kiosk(size=size, language=language)
    kiosk.checkins.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    pad = lock_the_pad(qtbot, kiosk, wrong=0)
    qtbot.wait(20)
    before = _key_places(kiosk)
    plain = pad.message.text()
    type_pin(qtbot, kiosk, list("111111"))                    # "Wrong PIN. 4 tries left."
    qtbot.wait(20)
    assert pad.message.text() != plain and _key_places(kiosk) == before
    for _ in range(4):
        type_pin(qtbot, kiosk, list("111111"))
    qtbot.wait(20)
    assert kiosk.ops.pin_lock_state().locked_for > 0
    assert pad.message.text().count("\n") >= 1                # the banner: two lines at least
    assert _key_places(kiosk) == before, pad.message.text()
    scan_at_pad(qtbot, kiosk, badge(kiosk, key, "A0001"))    # a delegate's badge: an error above the banner
    assert "Only a staff member's badge" in pad.message.text() or language != "en"
    assert pad.message.text().count("\n") >= 2
    assert _key_places(kiosk) == before
    # the whole banner is readable in the space kept for it
    assert label_problem(pad.message) is None, label_problem(pad.message)
    scan_at_pad(qtbot, kiosk, badge(kiosk, key, "A0005"))    # staff: the lock-out ends, the banner goes
    qtbot.waitUntil(lambda: kiosk.ops.pin_lock_state().locked_for == 0, timeout=2000)
    qtbot.wait(20)
    assert _key_places(kiosk) == before
    # larger text, locked again: the keys may move once (the text grew), but not with the banner
    type_pin(qtbot, kiosk, list("111111"))
    kiosk.access_button.setChecked(True)
    qtbot.wait(20)
    locked = _key_places(kiosk)
    assert kiosk.ops.pin_lock_state().locked_for > 0 and label_problem(pad.message) is None
    scan_at_pad(qtbot, kiosk, badge(kiosk, key, "A0028"))    # another staff member
    qtbot.waitUntil(lambda: kiosk.ops.pin_lock_state().locked_for == 0, timeout=2000)
    qtbot.wait(20)
    assert _key_places(kiosk) == locked
