"""Check-in: the verdicts and the rules that give them. Pure: no SQL, no clock.

Verdict codes (stable; shown, logged and exported):
    OK               let in
    ALREADY          this badge was already checked in on this list (when and where shown)
    INVALID          not a badge of this event: garbled, another event's, or a bad signature
    REVOKED          a badge that was replaced (lost and re-issued)
    NOT_ELIGIBLE     a real badge, but this attendee type is not on this list
    OUTSIDE_WINDOW   the list is not open at this time
    UNKNOWN          signed by us but not in this kiosk's attendee list
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

CODES = ("OK", "ALREADY", "INVALID", "REVOKED", "NOT_ELIGIBLE", "OUTSIDE_WINDOW", "UNKNOWN")
ATTENDEE_TYPES = ("delegate", "speaker", "exhibitor", "buyer", "vip", "press", "staff", "volunteer")


@dataclass(frozen=True)
class CheckInList:
    id: str
    name: "object"           # Text
    types: frozenset[str]
    windows: tuple[tuple[datetime, datetime], ...]
    #: the programme session the list is for (a dinner, the tour bus), if any
    session_id: str | None = None

    def is_open(self, now: datetime) -> bool:
        """Open from a window's start minute up to, not including, its end minute."""
        return any(start <= now < end for start, end in self.windows)


@dataclass(frozen=True)
class Attendee:
    id: str
    name: str
    name_local: str | None
    organisation: str | None
    country: str | None
    type: str


@dataclass(frozen=True)
class Verdict:
    code: str
    scan_id: str
    list_id: str
    device_id: str
    scanned_at: datetime
    attendee: Attendee | None = None
    #: for ALREADY: when and on which device the badge was first checked in
    first_at: datetime | None = None
    first_device: str | None = None
    #: why (for INVALID: format, prefix, version, signature, empty)
    reason: str = ""
    message: str = ""
    #: True when this scan id had been processed before (nothing new was written)
    replayed: bool = False
    #: recorded, but staff must know something: ``session_cancelled`` (the list's session is
    #: cancelled — the scan counts; check with the organiser)
    warning: str = ""

    @property
    def ok(self) -> bool:
        return self.code == "OK"

    @property
    def colour(self) -> str:
        if self.code == "OK" and self.warning:
            return "amber"          # let in, but not without a word with the organiser
        return {"OK": "green", "ALREADY": "amber"}.get(self.code, "red")

    def as_json(self) -> dict:
        a = self.attendee
        out = {
            "code": self.code, "scan_id": self.scan_id, "list": self.list_id, "device": self.device_id,
            "scanned_at": self.scanned_at.isoformat(), "reason": self.reason, "message": self.message,
        }
        if a is not None:
            out["attendee"] = {"id": a.id, "name": a.name, "name_local": a.name_local,
                               "organisation": a.organisation, "country": a.country, "type": a.type}
        if self.first_at is not None:
            out["first_at"] = self.first_at.isoformat()
            out["first_device"] = self.first_device
        if self.replayed:
            out["replayed"] = True
        if self.warning:
            out["warning"] = self.warning
        return out


def rule_verdict(*, attendee: Attendee | None, revoked: bool, known_serial: bool, checklist: CheckInList,
                 now: datetime) -> tuple[str, str]:
    """The verdict for a genuine badge, before the already-checked-in test: (code, reason)."""
    if not known_serial or attendee is None:
        return "UNKNOWN", "not in the attendee list"
    if revoked:
        return "REVOKED", "replaced by a newer badge"
    if attendee.type not in checklist.types:
        return "NOT_ELIGIBLE", f"{attendee.type} is not on this list"
    if not checklist.is_open(now):
        return "OUTSIDE_WINDOW", "the list is closed now"
    return "OK", ""


@dataclass
class ListCount:
    list_id: str
    checked_in: int
    eligible: int


@dataclass
class UndoResult:
    scan_id: str
    attendee: Attendee
    list_id: str
    extra: dict = field(default_factory=dict)
