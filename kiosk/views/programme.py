"""Session rows ready for display: sessions joined with their rooms, floors and people.

Rooms, floors and people are reference data, read once; sessions are re-read on every change
signal (a few dozen rows: well under a millisecond).
"""

from __future__ import annotations

from kiosk.models.records import record
from datetime import date

from kiosk.models.domain import Floor, Room, Session
from kiosk.models.repository import Repository


@record(frozen=True)
class SessionItem:
    session: Session
    room: Room | None
    published_room: Room | None
    floor: Floor | None
    people: tuple[str, ...]


class Programme:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.event = repo.event()
        self.tz = repo.tz
        self.rooms = repo.rooms()
        self.floors = repo.floors()
        self._people = repo.speaker_names()

    def item(self, session: Session) -> SessionItem:
        room = self.rooms.get(session.room_id or "")
        return SessionItem(
            session=session,
            room=room,
            published_room=self.rooms.get(session.published_room_id or ""),
            # a room an import created has no real floor yet: show none rather than a made-up one
            floor=self.floors.get(room.floor_id) if room and not room.not_on_plan else None,
            people=tuple(self._people.get(session.id, ())),
        )

    def items(self, day: date | None = None, *, meetings: bool = False) -> list[SessionItem]:
        """The day's sessions; ``meetings``: with the public bilateral meetings among them (the
        agenda's day), in start order."""
        sessions = self.repo.sessions(day)
        if meetings:
            sessions = sorted(sessions + self.repo.public_meetings(day), key=lambda s: (s.start, s.end, s.id))
        return [self.item(s) for s in sessions]

    def get(self, session_id: str) -> SessionItem | None:
        s = self.repo.session(session_id)
        return self.item(s) if s else None
