"""Plain records for the event's things (kiosk/models/records.py). No Qt, no SQL, no clock."""

from __future__ import annotations

import re
from .records import field, record
from datetime import date, datetime
from enum import Enum

#: Languages the kiosk speaks, as used on the command line and in the UI.
LANGUAGES = ("en", "ko", "zh-Hant")
#: Column suffix per language in the database.
COLUMN_SUFFIX = {"en": "en", "ko": "ko", "zh-Hant": "zh"}

SESSION_TYPES = (
    "ceremony", "keynote", "roundtable", "masterclass", "forum", "matchmaking",
    "meeting", "meal", "reception", "tour", "exhibition",
)
ROLES = ("moderator", "speaker", "panelist")


#: The mark the data files put after an invented name ("Cyberjaya Hub (sample)", "南部科學園區（範例）").
#: (a pattern, compiled by re on first use: the first frame shows no exhibitor)
_SAMPLE_MARK = r"(?i)\s*[(（]\s*(?:sample|예시|範例|示例|樣本)\s*[)）]\s*$"


def unmarked(text: str | None) -> str | None:
    """``text`` as visitors see it on a public screen: without the trailing "(sample)" mark that
    tells staff and the data files a name is invented. The one rule for every public screen
    (exhibitors, the matchmaking board, "my day"); staff screens, the CLI and exports keep it."""
    return re.sub(_SAMPLE_MARK, "", text) if text else text


#: the "(sample)" mark as the data files write it in each language (exhibitors.toml, matchmaking.toml)
_MARK_IN = {"ko": " (예시)", "zh": "（範例）"}


def _marked_in(column: str, english: str) -> str:
    """An English name shown for want of one in ``column``'s language, its "(sample)" mark said
    in that language ("Cyberjaya Hub (sample)" reads "Cyberjaya Hub (예시)" in Korean, as the
    exhibitors' own Korean names do); a name without the mark is returned as it is."""
    found = re.search(_SAMPLE_MARK, english)
    return english[:found.start()] + _MARK_IN[column] if found else english


@record(frozen=True)
class Text:
    """One piece of text in the kiosk's languages; falls back to English when missing."""

    en: str
    ko: str | None = None
    zh: str | None = None

    def get(self, lang: str) -> str:
        column = COLUMN_SUFFIX.get(lang, "en")
        value = getattr(self, column, None)
        if value:
            return value
        # the English stands in: a "(sample)" mark on it follows the shown language
        return _marked_in(column, self.en) if column in _MARK_IN and self.en.endswith((")", "）")) else self.en

    @classmethod
    def from_row(cls, row: dict, column: str) -> "Text":
        return cls(
            en=row.get(f"{column}_en") or "",
            ko=row.get(f"{column}_ko"),
            zh=row.get(f"{column}_zh"),
        )

    def __bool__(self) -> bool:
        return bool(self.en or self.ko or self.zh)

    @property
    def public(self) -> "Text":
        """This text for a public screen (see :func:`unmarked`)."""
        return Text(en=unmarked(self.en), ko=unmarked(self.ko), zh=unmarked(self.zh))


@record(frozen=True)
class Event:
    id: str
    name: Text
    subtitle: Text
    theme: Text
    timezone: str
    first_day: date
    last_day: date
    default_language: str
    venue_name: Text
    agenda_url: str | None = None
    #: when a conference day ends, "HH:MM" (a 02:00 item belongs to the day before when this is 04:00)
    day_change: str = "00:00"
    content_language: str | None = None

    @property
    def days(self) -> list[date]:
        return [date.fromordinal(o) for o in range(self.first_day.toordinal(), self.last_day.toordinal() + 1)]


@record(frozen=True)
class Floor:
    id: str
    level: int
    name: Text
    width: float
    depth: float


@record(frozen=True)
class Room:
    id: str
    floor_id: str
    kind: str
    name: Text
    directions: Text
    area_m2: float | None
    seats: int | None
    plan: tuple[float, float, float, float] | None
    part_of: str | None = None
    #: created by a schedule import; nobody has drawn it on the floor plan yet
    not_on_plan: bool = False


class SessionStatus(str, Enum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


@record(frozen=True)
class Session:
    id: str
    type: str
    title: Text
    description: Text
    start: datetime
    end: datetime
    room_id: str | None
    published_start: datetime
    published_end: datetime
    published_room_id: str | None
    status: SessionStatus = SessionStatus.SCHEDULED
    notice: str = ""
    room_assumed: bool = False
    subtitle: str = ""
    #: the imported file's own type ("Doppelter Slot", "lecture"), track, language and page
    source_type: str = ""
    track: str = ""
    language: str = ""
    url: str = ""

    @property
    def cancelled(self) -> bool:
        return self.status is SessionStatus.CANCELLED

    @property
    def moved(self) -> bool:
        return self.room_id != self.published_room_id

    @property
    def retimed(self) -> bool:
        return self.start != self.published_start or self.end != self.published_end

    @property
    def changed(self) -> bool:
        return self.cancelled or self.moved or self.retimed or bool(self.notice)


@record(frozen=True)
class Organisation:
    id: str
    name: Text
    country: str | None


@record(frozen=True)
class Participation:
    """A person's part in one session: moderator, speaker or panelist."""

    person_id: str
    name: str
    name_local: str | None
    role: str
    title: Text
    organisation: Organisation | None
    talk: Text = field(default_factory=lambda: Text(""))
