"""Staff and volunteer PINs: 6 to 12 digits, stored only as a slow hash (scrypt).

Five wrong PINs in a row lock entry for a minute, and so do the next five (``GENTLE_LOCKS``): a
passer-by tapping at the public pad can hold it shut for a minute at a time, never longer. From
the tenth wrong PIN each one doubles the lock (two minutes up to an hour). A right PIN resets
the count; a staff member's signed badge scanned at the pad ends the lock (one more try, see
:meth:`PinStore.end_lockout`) and the organiser's ``main.py pin-unlock`` ends lock and count, so
nobody is locked out for an hour by a stranger.
The count and the lock live in the database, so a restart does not reset them. With a million
PINs and at most one guess an hour after the first two dozen, guessing through the pad takes
decades (see docs/SECURITY.md, "Staff PIN")."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING
from datetime import datetime, timedelta

from .errors import KioskError

if TYPE_CHECKING:
    from .store import EventStore

ROLES = ("staff", "volunteer")
MAX_FAILURES = 5
LOCKOUT = timedelta(seconds=60)          # after the fifth wrong PIN, and each of the next GENTLE_LOCKS - 1
GENTLE_LOCKS = 5                         # locks of one LOCKOUT each before they start to double
MAX_LOCKOUT = timedelta(hours=1)
MIN_DIGITS, MAX_DIGITS = 6, 12
# scrypt cost: ~50 ms per try on the kiosk (slow for a guesser, unnoticed by a person)
N, R, P = 2 ** 14, 8, 1


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        _name, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(pin.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(base64.b64decode(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


@dataclass(frozen=True)
class PinResult:
    role: str | None            # the role the PIN opened, or None
    locked_for: int = 0         # seconds until another try is allowed
    tries_left: int = MAX_FAILURES


class PinStore:
    """Staff and volunteer PINs and the per-device lock-out (a typed store of :class:`EventStore`)."""

    def __init__(self, store: "EventStore") -> None:
        self.store = store

    def set_pin(self, role: str, pin: str, now: datetime) -> None:
        if role not in ROLES:
            raise KioskError(f"Unknown role {role!r}.", code="bad_role", hint="Use staff or volunteer.")
        if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
            too = (" — this one has more" if pin.isascii() and pin.isdigit() and len(pin) > MAX_DIGITS else "")
            raise KioskError(f"A PIN is {MIN_DIGITS} to {MAX_DIGITS} digits (0-9){too}.", code="bad_pin",
                             hint=f"Choose {MIN_DIGITS} to {MAX_DIGITS} digits: fewer can be guessed through the pad "
                                  f"in a day, and the pad takes no more than {MAX_DIGITS}.")
        with self.store.atomic():
            self.store.execute("INSERT INTO staff_pin (role, hash, set_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (role) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at",
                              (role, hash_pin(pin), now.isoformat()))

    def roles_set(self) -> list[str]:
        return [r[0] for r in self.store.execute("SELECT role FROM staff_pin ORDER BY role")]

    def lock_state(self, device_id: str, now: datetime) -> PinResult:
        row = self.store.execute("SELECT failures, locked_until FROM pin_lockout WHERE device_id = ?",
                                (device_id,)).fetchone()
        failures, until = (row[0], row[1]) if row else (0, None)
        # a lock longer than this many failures earn was written under a clock that ran ahead
        # (another kiosk with the same device id, a rehearsal at a later --now, a clock set back):
        # it must not shut staff out for a day, so it counts as run out (one try at a time still)
        earned = lockout_after(failures) or MAX_LOCKOUT
        if until and now < datetime.fromisoformat(until) <= now + earned + timedelta(seconds=1):
            return PinResult(None, locked_for=int((datetime.fromisoformat(until) - now).total_seconds()) + 1,
                             tries_left=0)
        # the lock has run out: after a lock-out, one try at a time (each failure locks again)
        return PinResult(None, tries_left=max(1, MAX_FAILURES - failures))

    def end_lockout(self, device_id: str, *, forget_count: bool = False) -> bool:
        """End this device's lock (a staff badge at the pad). The wrong-PIN count stays, so the
        next wrong PIN locks again at the next tier: a staff badge buys one try, not five (a
        found badge must not become a stream of free guesses). ``forget_count`` (the organiser's
        ``pin-unlock`` on the machine): forget the count too. The PIN is still needed to open the
        desk. True when there was something to end."""
        with self.store.atomic():
            if forget_count:
                cur = self.store.execute("DELETE FROM pin_lockout WHERE device_id = ?", (device_id,))
            else:
                cur = self.store.execute("UPDATE pin_lockout SET locked_until = NULL WHERE device_id = ? "
                                        "AND locked_until IS NOT NULL", (device_id,))
        return cur.rowcount > 0

    def candidates(self, device_id: str, now: datetime) -> PinResult | tuple[tuple[str, str], ...]:
        """A try's first step (fast): the lock state while locked, else every role's stored hash,
        staff first — for :func:`match_pin`, which may run on another thread."""
        state = self.lock_state(device_id, now)
        if state.locked_for:
            return state
        return tuple((r, stored) for r, stored in
                     self.store.execute("SELECT role, hash FROM staff_pin ORDER BY role = 'staff' DESC"))

    def record_try(self, role: str | None, *, device_id: str, now: datetime) -> PinResult:
        """A try's last step: ``role`` (what :func:`match_pin` found, None: wrong PIN) resets or
        counts towards the lock-out. Writes only when something changes."""
        if role is not None:
            if self.store.execute("SELECT 1 FROM pin_lockout WHERE device_id = ?", (device_id,)).fetchone() is None:
                return PinResult(role)     # nothing to reset: no write (a read-only kiosk still lets staff in)
            try:
                with self.store.atomic():
                    self.store.execute("DELETE FROM pin_lockout WHERE device_id = ?", (device_id,))
            except sqlite3.Error:
                pass     # the right PIN opens even when the count cannot be reset (read-only, busy)
            return PinResult(role)
        with self.store.atomic():
            row = self.store.execute("SELECT failures FROM pin_lockout WHERE device_id = ?", (device_id,)).fetchone()
            failures = (row[0] if row else 0) + 1
            lock = lockout_after(failures)
            locked_until = (now + lock).isoformat() if lock else None
            self.store.execute("INSERT INTO pin_lockout (device_id, failures, locked_until) VALUES (?, ?, ?) "
                              "ON CONFLICT (device_id) DO UPDATE SET failures = excluded.failures, "
                              "locked_until = excluded.locked_until", (device_id, failures, locked_until))
        if locked_until:
            return PinResult(None, locked_for=int(lock.total_seconds()), tries_left=0)
        return PinResult(None, tries_left=MAX_FAILURES - failures)

    def try_pin(self, pin: str, *, device_id: str, now: datetime) -> PinResult:
        """The role ``pin`` opens on this device, counting failures towards the lock-out (all three
        steps on this thread; the kiosk's pad runs the scrypt step on a worker thread)."""
        found = self.candidates(device_id, now)
        if isinstance(found, PinResult):
            return found
        return self.record_try(match_pin(pin, found), device_id=device_id, now=now)


def match_pin(pin: str, candidates) -> str | None:
    """The role whose stored hash ``pin`` matches, or None. scrypt per candidate — slow by
    design (~50 ms each); touches no database, so it may run on any thread."""
    for role, stored in candidates:
        if verify_pin(pin, stored):
            return role
    return None


def lockout_after(failures: int) -> timedelta | None:
    """How long the pad stays locked after ``failures`` wrong PINs in a row (None: not locked):
    a minute for the 5th to 9th, then doubling from two minutes (10th) up to an hour."""
    if failures < MAX_FAILURES:
        return None
    beyond = failures - MAX_FAILURES - GENTLE_LOCKS + 1       # 1 at the 10th wrong PIN
    if beyond <= 0:
        return LOCKOUT
    return min(LOCKOUT * 2 ** min(beyond, 16), MAX_LOCKOUT)
