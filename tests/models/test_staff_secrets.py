"""Staff secrets: PIN length, a lock-out that grows and survives restarts, files only their owner
reads, and a badge parser that accepts one spelling of a badge — the printed one."""

import os
import stat
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest

from kiosk.models import badges
from kiosk.models.backup import backup, restore
from kiosk.models.checkin_store import CheckInStore
from kiosk.models.database import open_event_db
from kiosk.models.errors import KioskError
from kiosk.models.loader import build_database
from kiosk.models.pins import MAX_LOCKOUT, PinStore
from tests.conftest import DATA, ROOT, kst


@pytest.mark.parametrize("pin", ["4711", "12345", "１２３４５６", "12345a", "1" * 13, ""])
def test_short_or_non_ascii_pins_are_refused(db, pin):
    with pytest.raises(KioskError) as err:
        PinStore(db).set_pin("staff", pin, kst("06-13 12:00"))
    assert err.value.code == "bad_pin"
    assert db.execute("SELECT count(*) FROM staff_pin").fetchone()[0] == 0


def test_set_pin_command_refuses_four_digits(db_path):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "set-pin", "--role", "staff", "--pin", "4711",
                          "--db", str(db_path)], capture_output=True, text=True)
    assert out.returncode != 0 and "6 to 12 digits" in out.stderr and "Traceback" not in out.stderr


def test_lockout_stays_a_minute_for_five_locks_then_doubles_and_survives_restart(db, db_path):
    pins = PinStore(db)
    pins.set_pin("staff", "246813", kst("06-13 12:00"))
    t = kst("06-14 09:00")
    for _ in range(4):
        assert pins.try_pin("000000", device_id="k1", now=t).locked_for == 0
    locks = []
    for _ in range(11):
        result = pins.try_pin("000000", device_id="k1", now=t)
        assert result.role is None and result.locked_for > 0
        locks.append(result.locked_for)
        pins = PinStore(open_event_db(db_path))                  # a restart between every try
        # while locked, even the right PIN is not tried
        assert pins.try_pin("246813", device_id="k1", now=t + timedelta(seconds=result.locked_for - 2)).role is None
        t += timedelta(seconds=result.locked_for + 1)
    # a minute for the 5th to 9th wrong PIN (a passer-by cannot lock staff out for long), then doubling
    assert locks[:10] == [60, 60, 60, 60, 60, 120, 240, 480, 960, 1920]
    assert locks[-1] == MAX_LOCKOUT.total_seconds() == 3600
    # after a lock has run out only one try is given before the next (longer) lock
    assert pins.lock_state("k1", t).tries_left == 1
    assert pins.try_pin("246813", device_id="k1", now=t).role == "staff"
    assert pins.lock_state("k1", t).tries_left == 5                 # a right PIN resets the count


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_backups_and_wal_are_mode_600(tmp_path, db_path):
    os.umask(0o022)
    built = tmp_path / "fresh.db"
    build_database(built, DATA)
    assert mode(built) == 0o600
    conn = open_event_db(built)
    PinStore(conn).set_pin("staff", "246813", kst("06-13 12:00"))
    assert mode(str(built) + "-wal") == 0o600
    copy = backup(conn, tmp_path / "backups", now=kst("06-14 09:00"))
    assert mode(copy) == 0o600
    conn.close()
    restore(copy, built)
    assert mode(built) == 0o600 and mode(str(built) + ".before-restore.1") == 0o600   # numbered: every state kept
    # a database copied in with wider permissions is tightened when opened
    os.chmod(db_path, 0o644)
    open_event_db(db_path).close()
    assert mode(db_path) == 0o600


def test_badge_key_file_is_mode_600(tmp_path, db_path):
    out = tmp_path / "keys"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "keys", "--out", str(out), "--db", str(db_path)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (pem,) = out.glob("*.pem")
    assert mode(pem) == 0o600


@pytest.fixture
def signed(db):
    pem, _raw = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    store = CheckInStore(db)
    store.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    payload = badges.sign(key, store.prefix, store.current_badge("A0001", reissue=False, now=kst("06-13 12:00")))
    return store, payload


def parse(store, text):
    return badges.parse(text, prefix=store.prefix, public_keys=store.public_keys())


def test_badge_parser_accepts_the_printed_spelling_and_case_changes(signed):
    store, payload = signed
    assert parse(store, payload).serial == "A0001-1"
    assert parse(store, payload.lower() + "\r\n").serial == "A0001-1"        # a wedge on another layout


@pytest.mark.parametrize("spoil", [
    lambda p: "ı" + p[1:],                                  # dotless i uppercases to I
    lambda p: p.replace("I", "ı", 1),
    # long s uppercases to S (a signature lacks an S about once in 26 keys: then put it in front)
    lambda p: p.lower().replace("s", "ſ", 1) if "S" in p else "ſ" + p,
    lambda p: "\u2003" + p,                                 # a Unicode space around it
    lambda p: p + "=",                                      # base32 padding
    lambda p: p + "A",
])
def test_badge_parser_refuses_non_ascii_and_other_spellings(signed, spoil):
    store, payload = signed
    spoiled = spoil(payload)
    assert spoiled != payload
    with pytest.raises(badges.BadgeError) as err:
        parse(store, spoiled)
    assert err.value.code == "INVALID"


def test_badge_parser_refuses_non_canonical_base32(signed):
    """The last of 103 base32 characters carries 2 bits of signature and 3 unused bits: a code with
    those set decodes to the same signature but is not the printed badge."""
    store, payload = signed
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    last = alphabet.index(payload[-1])
    assert last & 0b111 == 0
    variants = [payload[:-1] + alphabet[last | bits] for bits in range(1, 8)]
    for v in variants:
        assert badges._unb32(v.split(":")[3]) == badges._unb32(payload.split(":")[3])   # same bytes...
        with pytest.raises(badges.BadgeError):                                         # ...refused
            parse(store, v)


def test_a_lock_written_under_a_clock_that_ran_ahead_lasts_no_longer_than_it_earned(db_path):
    """Found on a kiosk: five wrong PINs on a kiosk at 15 June 13:20 locked a kiosk with the same
    device id at 14 June 10:45 for 95,672 s (26 hours), because the lock is an absolute instant."""
    pins = PinStore(open_event_db(db_path))
    pins.set_pin("staff", "246813", kst("06-14 08:00"))
    ahead = kst("06-15 13:20")
    for _ in range(5):
        pins.try_pin("000000", device_id="k1", now=ahead)
    behind = kst("06-14 10:45")
    state = pins.lock_state("k1", behind)
    assert state.locked_for == 0 and state.tries_left == 1     # not a day: counts as run out, one try at a time
    assert pins.try_pin("246813", device_id="k1", now=behind).role == "staff"
    # a wrong try there still locks, for what six failures earn
    for _ in range(5):
        pins.try_pin("000000", device_id="k1", now=behind)
    assert 0 < pins.lock_state("k1", behind).locked_for <= 61
