"""Badge QR payloads: compact, versioned, signed (Ed25519), QR-alphanumeric only.

    IF23:1:A0001-1:<103 base32 characters>
    prefix : version : serial : signature over "prefix:version:serial"

Only the characters QR codes call *alphanumeric* (0-9 A-Z space $%*+-./:) are used: they are
the smallest QR mode and survive keyboard-wedge scanners on any keyboard layout (they may still
change letter case, so payloads are read case-insensitively).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from .errors import KioskError

VERSION = "1"
MAX_PAYLOAD = 256
QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
SERIAL = re.compile(r"^[A-Z0-9]{1,16}-[0-9]{1,4}$")
SIGNATURE_BYTES = 64          # Ed25519; 103 base32 characters, the last one's low 3 bits zero


class BadgeError(KioskError):
    """A payload that is not a valid badge of this event. ``code`` is always ``INVALID``;
    ``reason`` says which check failed (format, prefix, version, signature)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, code="INVALID")
        self.reason = reason


@dataclass(frozen=True)
class Badge:
    prefix: str
    serial: str

    @property
    def attendee_id(self) -> str:
        return self.serial.rsplit("-", 1)[0]

    @property
    def issue(self) -> int:
        return int(self.serial.rsplit("-", 1)[1])


def serial_for(attendee_id: str, issue: int) -> str:
    return f"{attendee_id.upper()}-{issue}"


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))


def key_id(public_key_raw: bytes) -> str:
    return hashlib.sha256(public_key_raw).hexdigest()[:12]


# ---------------------------------------------------------------- keys (cryptography)
def generate_key_pair() -> tuple[bytes, bytes]:
    """(private key PEM, raw 32-byte public key)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return pem, raw


def load_private_key(pem: bytes):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise KioskError("That file is not an unencrypted PEM private key.", code="bad_key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KioskError("That key is not an Ed25519 key.", code="bad_key")
    return key


def public_raw(private_key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# ---------------------------------------------------------------- payloads
def sign(private_key, prefix: str, serial: str) -> str:
    """The QR payload for badge ``serial`` of the event with ``prefix``."""
    message = f"{prefix}:{VERSION}:{serial}"
    payload = f"{message}:{_b32(private_key.sign(message.encode('ascii')))}"
    assert set(payload) <= QR_ALPHANUMERIC, payload
    return payload


def parse(payload: str, *, prefix: str, public_keys: list[bytes]) -> Badge:
    """Check ``payload`` is a badge of this event signed by one of ``public_keys``.

    Raises :class:`BadgeError` for anything else: empty, too long, characters a badge never
    has, another event's prefix, an unknown version, a bad serial, a wrong signature.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    # ASCII before anything else: str.upper() maps "ı" to "I" and "ſ" to "S", so a payload that
    # is not the printed one could otherwise pass as it
    if not payload.isascii():
        raise BadgeError("format", "Characters a badge never contains.")
    text = payload.strip(" \t\r\n").upper()
    if not text:
        raise BadgeError("empty", "Nothing was read.")
    if len(text) > MAX_PAYLOAD:
        raise BadgeError("format", "Far too long for a badge.")
    if not set(text) <= QR_ALPHANUMERIC:
        raise BadgeError("format", "Characters a badge never contains.")
    parts = text.split(":")
    if len(parts) != 4:
        raise BadgeError("format", "Not a badge code.")
    got_prefix, version, serial, signature = parts
    if got_prefix != prefix.upper():
        raise BadgeError("prefix", f"A badge of another event ({got_prefix[:12]}).")
    if version != VERSION:
        raise BadgeError("version", f"Unknown badge version {version[:4]}.")
    if not SERIAL.match(serial):
        raise BadgeError("format", "Not a badge number.")
    try:
        raw_signature = _unb32(signature)
    except (binascii.Error, ValueError):
        raise BadgeError("format", "The signature is garbled.") from None
    if len(raw_signature) != SIGNATURE_BYTES or _b32(raw_signature) != signature:
        # one signature, one spelling: unused trailing bits set, or padding, is not a printed badge
        raise BadgeError("format", "The signature is garbled.")
    message = f"{got_prefix}:{version}:{serial}".encode("ascii")
    for raw in public_keys:
        try:
            Ed25519PublicKey.from_public_bytes(raw).verify(raw_signature, message)
            return Badge(got_prefix, serial)
        except (InvalidSignature, ValueError):
            continue
    raise BadgeError("signature", "The signature does not match: a forged or altered badge.")
