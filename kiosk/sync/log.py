"""Per-device signed logs: each device appends its own entries, hash-chained, each signed.

An entry is one canonical JSON text ``{"v","ev","d","n","p","t","k","b"}`` — version, event,
device, number (1, 2, …), link to the previous entry, time, kind, body — stored and sent
exactly as signed (never rebuilt from parsed values). ``p`` is the hash of the previous entry
*and its signature text*, so the signature on the last entry of a run vouches for every byte
before it: a receiver checks every link and verifies one signature per run (Ed25519 verify is
~0.1 ms here; a signature per entry would not meet the 1 s convergence target for 30,000).
"""

from __future__ import annotations

import hashlib
import json
from typing import NamedTuple

from cryptography.exceptions import InvalidSignature

from .identity import Identity, Member, b64, unb64

ENTRY_DOMAIN = b"innofair-sync/log-entry/v1\0"
VERSION = 1
MAX_ENTRY = 4096          # bytes of one entry's text; a notice is capped at 300 characters
SIG_LEN = 88              # base64 of 64 bytes
FIELDS = frozenset("v ev d n p t k b".split())
#: the C scanner behind ``json.loads``, called directly: it parses one value from position 0 and
#: says where it ended (json.loads adds two regex passes and three Python calls per entry — a
#: third of the parse time for 20,000 entries). An entry is canonical JSON with no whitespace,
#: so the value must span the whole text: trailing bytes are refused, as json.loads would.
_SCAN = json.JSONDecoder().scan_once


def parse_entry(text: str):
    """The JSON value that ``text`` is, whole; ``ValueError`` otherwise (also for nesting too deep)."""
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, RecursionError):
        raise ValueError("not JSON") from None
    if end != len(text):
        raise ValueError("not one JSON value")
    return value


class RunError(Exception):
    """A run of entries that is not an authentic continuation of a device's log."""


def genesis(event_id: str, device: str) -> str:
    return hashlib.sha256(f"innofair-sync/genesis/{event_id}/{device}".encode()).hexdigest()


def link(entry: str, sig: str) -> str:
    return hashlib.sha256(f"{entry}\n{sig}".encode()).hexdigest()


def encode(obj: dict) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sign_entry(identity: Identity, *, event_id: str, n: int, prev: str, t: str, kind: str, body: dict) -> tuple[str, str]:
    entry = encode({"v": VERSION, "ev": event_id, "d": identity.device, "n": n, "p": prev, "t": t, "k": kind,
                    "b": body})
    if len(entry.encode()) > MAX_ENTRY:
        raise ValueError(f"entry {kind} too long ({len(entry)} characters)")
    sig = b64(identity.sign(ENTRY_DOMAIN + hashlib.sha256(entry.encode()).digest()))
    return entry, sig


class Entry(NamedTuple):          # a tuple: 20,000 of them are made per merge
    device: str
    n: int
    text: str
    sig: str
    link: str
    kind: str
    time: str
    body: dict


def verify_run(member: Member, *, event_id: str, start: int, prev: str, items) -> list[Entry]:
    """Check that ``items`` ([entry, sig] pairs) continue ``member``'s log after entry ``start - 1``
    whose link is ``prev``. Every link is checked; the last signature is verified. Raises
    :class:`RunError` naming the first thing wrong; returns the parsed entries."""
    if not isinstance(items, list) or not items:
        raise RunError("an empty or malformed run")
    out: list[Entry] = []
    append = out.append
    device = member.device
    expected, previous = start, prev
    sha256 = hashlib.sha256
    for item in items:
        if not (type(item) is list and len(item) == 2):
            raise RunError(f"entry {expected}: not an [entry, signature] pair")
        text, sig = item
        if not (type(text) is str and type(sig) is str):
            raise RunError(f"entry {expected}: not an [entry, signature] pair")
        if len(text) > MAX_ENTRY or len(sig) != SIG_LEN:
            raise RunError(f"entry {expected}: too long, or a signature of the wrong size")
        try:
            obj = parse_entry(text)
        except ValueError:
            raise RunError(f"entry {expected}: not JSON") from None
        if type(obj) is not dict or obj.keys() != FIELDS:
            raise RunError(f"entry {expected}: not an entry")
        if obj["v"] != VERSION or obj["ev"] != event_id or obj["d"] != device:
            raise RunError(f"entry {expected}: another version, event or device")
        n = obj["n"]
        if type(n) is not int or n != expected:
            raise RunError(f"entry {expected}: numbered {n!r}")
        if obj["p"] != previous:
            raise RunError(f"entry {expected}: does not follow the entry before it (a fork or a forgery)")
        kind, t, body = obj["k"], obj["t"], obj["b"]
        if not (type(kind) is str and type(t) is str and type(body) is dict):
            raise RunError(f"entry {expected}: malformed kind, time or body")
        previous = sha256(f"{text}\n{sig}".encode()).hexdigest()      # = link(text, sig), inlined
        append(Entry(device, n, text, sig, previous, kind, t, body))
        expected += 1
    last = out[-1]
    try:
        member.public_key.verify(unb64(last.sig), ENTRY_DOMAIN + hashlib.sha256(last.text.encode()).digest())
    except (InvalidSignature, ValueError):
        raise RunError(f"entry {last.n}: the signature is not {member.device}'s") from None
    return out
