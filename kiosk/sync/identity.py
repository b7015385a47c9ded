"""Who may write: the event's sync authority (a CA kept on the organiser's laptop), enrolled
devices, and the roster that says which devices are in and which are revoked.

- ``sync ca`` makes the event's Ed25519 authority key (private half: a folder outside the project,
  mode 600) and a self-signed certificate; its public key is pinned in the event database.
- ``sync enrol DEVICE`` makes a key pair for one device, a TLS certificate for it signed by the
  authority (CN = device id, client and server use, valid for a number of days), and a roster
  statement signed by the authority: *device D, role R, public key K*. The device's one key signs
  its log entries and its TLS handshakes.
- ``sync revoke DEVICE --after N`` is a signed statement that the device's entries after its
  N-th are not to be trusted (a stolen kiosk: N = the last entry seen from it before the theft).
  Statements travel with the logs, so every device learns of an enrolment or a revocation.

Signatures are domain-separated: each kind of signed thing has its own prefix, so a signature
made for one purpose (an entry, a file, a roster statement) can never pass as another.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from kiosk.models.errors import KioskError

ROSTER_DOMAIN = b"innofair-sync/roster/v1\0"
DEVICE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
#: what each role may write (entry kinds); a kind not listed for a role is quarantined
ROLES = {
    "kiosk": {"scan", "undo", "edit", "meeting", "seen"},
    "desk": {"scan", "undo", "edit", "meeting", "badge", "register", "window", "seen"},
    "organiser": {"scan", "undo", "edit", "meeting", "badge", "register", "window", "seen"},
}
MAX_STATEMENT = 2048


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def raw_public(key) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _pem_private(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def check_device_id(device: str) -> str:
    if not isinstance(device, str) or not DEVICE_ID.match(device):
        raise KioskError(f"{device!r} is not a device id: 1-40 of a-z 0-9 . _ -, starting with a letter or digit.",
                         code="sync_bad_device")
    return device


# ---------------------------------------------------------------- the authority
@dataclass(frozen=True)
class Authority:
    key: Ed25519PrivateKey
    cert: x509.Certificate
    folder: Path

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def sign_statement(self, statement: dict) -> tuple[str, str]:
        text = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return text, b64(self.key.sign(ROSTER_DOMAIN + text.encode()))


def make_authority(folder: Path, *, event_id: str, now: dt.datetime, days: int = 60) -> Authority:
    """A new authority for ``event_id`` in ``folder`` (which must not hold one already)."""
    folder.mkdir(parents=True, exist_ok=True)
    key_path, cert_path = folder / "event-ca.key", folder / "event-ca.crt"
    if key_path.exists():
        raise KioskError(f"{key_path} exists already; an event has one authority.", code="sync_ca_exists")
    key = Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{event_id} sync authority")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, None))
    _write_private(key_path, _pem_private(key))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Authority(key, cert, folder)


def load_authority(folder: Path) -> Authority:
    try:
        key = serialization.load_pem_private_key((folder / "event-ca.key").read_bytes(), password=None)
        cert = x509.load_pem_x509_certificate((folder / "event-ca.crt").read_bytes())
    except (OSError, ValueError) as exc:
        raise KioskError(f"No event sync authority in {folder}: {exc}", code="sync_no_ca",
                         hint="Make one with `main.py sync ca --out DIR`.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KioskError("The authority key is not an Ed25519 key.", code="sync_no_ca")
    return Authority(key, cert, folder)


def enrol(authority: Authority, device: str, *, role: str, event_id: str, out: Path, now: dt.datetime,
          days: int = 30) -> Path:
    """Make ``device``'s key pair, TLS certificate and signed roster statement in ``out/device``."""
    check_device_id(device)
    if role not in ROLES:
        raise KioskError(f"Unknown role {role!r}; roles: {', '.join(ROLES)}.", code="sync_bad_role")
    folder = out / device
    if (folder / "device.key").exists():
        raise KioskError(f"{folder} holds an enrolled identity already. A device that lost its log must be "
                         "enrolled again under a new id.", code="sync_enrolled")
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    key = Ed25519PrivateKey.generate()
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, device)]))
            .issuer_name(authority.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.SubjectAlternativeName([
                x509.UniformResourceIdentifier(f"urn:innofair-device:{event_id}:{device}:{role}")]), critical=False)
            .sign(authority.key, None))
    statement, sig = authority.sign_statement({"k": "enrol", "ev": event_id, "d": device, "role": role,
                                               "pub": raw_public(key).hex(), "at": now.isoformat()})
    _write_private(folder / "device.key", _pem_private(key))
    (folder / "device.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "ca.crt").write_bytes(authority.cert_pem)
    (folder / "enrol.json").write_text(json.dumps({"statement": statement, "sig": sig}) + "\n")
    return folder


def revocation(authority: Authority, device: str, *, event_id: str, after: int, now: dt.datetime,
               reason: str = "") -> tuple[str, str]:
    """A signed statement: ``device``'s entries numbered above ``after`` are not trusted."""
    check_device_id(device)
    return authority.sign_statement({"k": "revoke", "ev": event_id, "d": device, "after": int(after),
                                     "at": now.isoformat(), "why": reason[:200]})


# ---------------------------------------------------------------- a device's own identity
@dataclass(frozen=True)
class Identity:
    device: str
    role: str
    key: Ed25519PrivateKey
    folder: Path
    ca_pem: bytes
    enrolment: tuple[str, str]          # (statement, signature) from the authority

    @property
    def key_path(self) -> Path:
        return self.folder / "device.key"

    @property
    def cert_path(self) -> Path:
        return self.folder / "device.crt"

    @property
    def ca_path(self) -> Path:
        return self.folder / "ca.crt"

    def sign(self, data: bytes) -> bytes:
        return self.key.sign(data)


def load_identity(folder: Path) -> Identity:
    try:
        key = serialization.load_pem_private_key((folder / "device.key").read_bytes(), password=None)
        ca_pem = (folder / "ca.crt").read_bytes()
        enrolment = json.loads((folder / "enrol.json").read_text())
        statement = json.loads(enrolment["statement"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KioskError(f"No usable device identity in {folder} ({exc}).", code="sync_no_identity",
                         hint="The organiser enrols each device: `main.py sync enrol DEVICE --ca DIR --out DIR`.") \
            from None
    if not isinstance(key, Ed25519PrivateKey) or statement.get("pub") != raw_public(key).hex():
        raise KioskError(f"The key in {folder} is not the enrolled one.", code="sync_no_identity")
    return Identity(statement["d"], statement["role"], key, folder, ca_pem,
                    (enrolment["statement"], enrolment["sig"]))


def ca_public_raw(ca_pem: bytes) -> bytes:
    cert = x509.load_pem_x509_certificate(ca_pem)
    pub = cert.public_key()
    if not isinstance(pub, Ed25519PublicKey):
        raise KioskError("The event authority's certificate is not Ed25519.", code="sync_no_ca")
    return raw_public(pub)


# ---------------------------------------------------------------- the roster
@dataclass
class Member:
    device: str
    role: str
    public_key: Ed25519PublicKey
    public_raw: bytes
    cut_off: int | None = None          # entries numbered above this are not trusted (revoked)


@dataclass
class Roster:
    """The devices the authority has enrolled, from statements each checked against its key."""

    event_id: str
    ca_raw: bytes
    members: dict[str, Member] = field(default_factory=dict)
    statements: dict[str, tuple[str, str]] = field(default_factory=dict)     # key → (statement, sig)

    def check(self, statement: str, sig: str) -> tuple[str, dict]:
        """The statement's roster key and content if the authority signed it for this event; else
        raise KioskError (code ``sync_bad_roster``)."""
        if not (isinstance(statement, str) and isinstance(sig, str)) or len(statement) > MAX_STATEMENT:
            raise KioskError("A roster statement is malformed.", code="sync_bad_roster")
        try:
            Ed25519PublicKey.from_public_bytes(self.ca_raw).verify(unb64(sig), ROSTER_DOMAIN + statement.encode())
            body = json.loads(statement)
        except (InvalidSignature, ValueError):
            raise KioskError("A roster statement is not signed by this event's authority.",
                             code="sync_bad_roster") from None
        if not isinstance(body, dict) or body.get("ev") != self.event_id:
            raise KioskError("A roster statement belongs to another event.", code="sync_bad_roster")
        device = body.get("d")
        check_device_id(device)
        if body.get("k") == "enrol":
            if body.get("role") not in ROLES or not re.fullmatch(r"[0-9a-f]{64}", str(body.get("pub"))):
                raise KioskError("An enrolment statement is malformed.", code="sync_bad_roster")
            return f"enrol:{device}:{body['pub']}", body
        if body.get("k") == "revoke":
            if not isinstance(body.get("after"), int) or body["after"] < 0:
                raise KioskError("A revocation statement is malformed.", code="sync_bad_roster")
            return f"revoke:{device}:{body['after']}", body
        raise KioskError("An unknown roster statement.", code="sync_bad_roster")

    def add(self, key: str, body: dict, statement: str, sig: str) -> None:
        """Take in a statement already passed through :meth:`check`."""
        self.statements[key] = (statement, sig)
        device = body["d"]
        if body["k"] == "enrol":
            # one key per device id: should the authority ever enrol an id twice, every device
            # picks the same one (the lowest key), whatever order the statements came in
            current = self.members.get(device)
            if current is not None and current.public_raw.hex() <= body["pub"]:
                return
            raw = bytes.fromhex(body["pub"])
            self.members[device] = Member(device, body["role"], Ed25519PublicKey.from_public_bytes(raw), raw,
                                          self._cut_off(device))
        else:
            member = self.members.get(device)
            if member is not None:
                member.cut_off = self._cut_off(device)

    def _cut_off(self, device: str) -> int | None:
        cuts = [int(k.rsplit(":", 1)[1]) for k in self.statements if k.startswith(f"revoke:{device}:")]
        return min(cuts) if cuts else None

    def trusted(self, device: str) -> Member | None:
        """An enrolled member that is not revoked (revoked members' earlier entries still count)."""
        m = self.members.get(device)
        return m if m is not None and m.cut_off is None else None
