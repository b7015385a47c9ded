"""What a write changed: the one description every write returns and every screen listens to.

An operation (``kiosk.operations``) returns a :class:`Change` with its result and records it in
the ``change_log`` table in the same transaction, so a kiosk process that did not make the
write learns exactly what another process changed (see ``kiosk.views.live.ChangeBus``).
Screens subscribe to topics: the agenda to ``sessions``, the check-in desk to ``checkins`` and
``sync``; ``reference`` (the event's published data: rooms, exhibitors, attendees, keys)
means "rebuild what you read once".
"""

from __future__ import annotations

from .records import field, record

SESSIONS = "sessions"      # a session's room, time, status or notice (which ones: Change.sessions)
CHECKINS = "checkins"      # scans and check-ins (which lists: Change.lists)
REFERENCE = "reference"    # published data: programme, rooms, exhibitors, attendees, lists, keys
SYNC = "sync"              # the sync daemon's status line
STAFF = "staff"            # PINs and lock-outs
MEETINGS = "meetings"      # a matchmaking or bilateral meeting's table, room, time, status or attendance
TOPICS = (SESSIONS, CHECKINS, REFERENCE, SYNC, STAFF, MEETINGS)


@record(frozen=True)
class Change:
    sessions: frozenset[str] = field(default_factory=frozenset)
    lists: frozenset[str] = field(default_factory=frozenset)
    reference: frozenset[str] = field(default_factory=frozenset)   # which tables, e.g. {"exhibitor"}
    sync: bool = False
    staff: bool = False
    #: Unknown: a write that left no record (an older kiosk, a hand-made edit). Everything may differ.
    everything: bool = False
    meetings: frozenset[str] = field(default_factory=frozenset)     # which meetings

    @classmethod
    def all(cls) -> "Change":
        return cls(everything=True)

    @property
    def topics(self) -> frozenset[str]:
        if self.everything:
            return frozenset(TOPICS)
        out = set()
        if self.sessions:
            out.add(SESSIONS)
        if self.lists:
            out.add(CHECKINS)
        if self.reference:
            out.add(REFERENCE)
        if self.sync:
            out.add(SYNC)
        if self.staff:
            out.add(STAFF)
        if self.meetings:
            out.add(MEETINGS)
        return frozenset(out)

    def touches(self, *topics: str) -> bool:
        return bool(self.topics & set(topics))

    def __bool__(self) -> bool:
        return bool(self.topics)

    def __or__(self, other: "Change") -> "Change":
        return Change(self.sessions | other.sessions, self.lists | other.lists, self.reference | other.reference,
                      self.sync or other.sync, self.staff or other.staff, self.everything or other.everything,
                      self.meetings | other.meetings)

    # ---------------------------------------------------------------- stored form (change_log.topics)
    def to_json(self) -> str:
        d: dict = {}
        for name in ("sessions", "lists", "reference", "meetings"):
            if getattr(self, name):
                d[name] = sorted(getattr(self, name))
        for name in ("sync", "staff", "everything"):
            if getattr(self, name):
                d[name] = True
        import json   # here: the kiosk's start reads no change and writes none

        return json.dumps(d, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "Change":
        try:
            import json

            d = json.loads(text)
            return cls(frozenset(d.get("sessions", ())), frozenset(d.get("lists", ())),
                       frozenset(d.get("reference", ())), bool(d.get("sync")), bool(d.get("staff")),
                       bool(d.get("everything")), frozenset(d.get("meetings", ())))
        except (ValueError, TypeError, AttributeError):
            return cls.all()       # a row we cannot read: assume the worst, refresh everything
