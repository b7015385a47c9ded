"""Shared, translated phrases: session types, roles, change badges, times."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication


def session_type(kind: str) -> str:
    names = {
        "ceremony": QCoreApplication.translate("Phrases", "Ceremony"),
        "keynote": QCoreApplication.translate("Phrases", "Keynote"),
        "roundtable": QCoreApplication.translate("Phrases", "Roundtable"),
        "masterclass": QCoreApplication.translate("Phrases", "Master class"),
        "forum": QCoreApplication.translate("Phrases", "Forum"),
        "matchmaking": QCoreApplication.translate("Phrases", "Matchmaking"),
        "meeting": QCoreApplication.translate("Phrases", "Meeting"),
        "meal": QCoreApplication.translate("Phrases", "Meal"),
        "reception": QCoreApplication.translate("Phrases", "Reception"),
        "tour": QCoreApplication.translate("Phrases", "Tour"),
        "exhibition": QCoreApplication.translate("Phrases", "Exhibition"),
    }
    return names.get(kind, kind)


def shown_type(session) -> str:
    """The type a visitor reads: ours, translated; but an imported conference's own type when it
    is not exactly one of ours (RomHack's "Talk" stays "Talk", not our "Forum"; 36C3's "djset"
    stays "djset", not "Reception")."""
    published = (getattr(session, "source_type", "") or "").strip()
    if published in ("b2b", "bilateral", "courtesy"):     # a public meeting's own kind, not a published type
        published = ""
    if published and published.lower().replace(" ", "").replace("_", "").replace("-", "") != session.type:
        return published
    return session_type(session.type)


def role(name: str) -> str:
    names = {
        "moderator": QCoreApplication.translate("Phrases", "Moderator"),
        "speaker": QCoreApplication.translate("Phrases", "Speaker"),
        "panelist": QCoreApplication.translate("Phrases", "Panelist"),
    }
    return names.get(name, name)


def no_meetings() -> str:
    """The board and "my day" when this kiosk holds no meeting at all (a database built before
    matchmaking existed, or an event without it): said, not an empty screen."""
    return QCoreApplication.translate("Phrases", "No business meetings are scheduled on this kiosk — "
                                                 "ask at the information desk.")


def by_invitation() -> str:
    """A delegations' meeting on the agenda: visitors may know of it, not walk in."""
    return QCoreApplication.translate("Phrases", "By invitation · not open to visitors")


def hhmm(value: datetime) -> str:
    return value.strftime("%H:%M")


def time_range(start: datetime, end: datetime) -> str:
    return f"{hhmm(start)}–{hhmm(end)}"


def now_badge(minutes_left: int, end: datetime) -> str:
    """"NOW · 25 min left" while under two hours remain; "NOW · until 17:00" before that."""
    if minutes_left > 120:
        return QCoreApplication.translate("Phrases", "NOW · until %1").replace("%1", hhmm(end))
    return QCoreApplication.translate("Phrases", "NOW · %n min left", "", minutes_left)


def next_badge(minutes_until: int) -> str:
    return QCoreApplication.translate("Phrases", "NEXT · in %n min", "", minutes_until)


def until(end: datetime) -> str:
    """"until 17:00": an all-day session on the home screen."""
    return QCoreApplication.translate("Phrases", "until %1").replace("%1", hhmm(end))


def cancelled() -> str:
    return QCoreApplication.translate("Phrases", "Cancelled")


def moved(old: str, new: str) -> str:
    return QCoreApplication.translate("Phrases", "Moved: %1 → %2").replace("%1", old).replace("%2", new)


def retimed(old: str) -> str:
    return QCoreApplication.translate("Phrases", "New time (was %1)").replace("%1", old)


def starts_now(new_start: datetime, old_start: datetime) -> str:
    """"Now 10:40 (was 10:30)": the new start beside the printed one, no delay to add."""
    return (QCoreApplication.translate("Phrases", "Now %1 (was %2)")
            .replace("%1", hhmm(new_start)).replace("%2", hhmm(old_start)))


def relative_day(day, today) -> str:
    """"Today", "Tomorrow" or the date ("Thu 15 June") of ``day`` seen from ``today``."""
    from datetime import timedelta

    if day == today:
        return QCoreApplication.translate("Phrases", "Today")
    if day == today + timedelta(days=1):
        return QCoreApplication.translate("Phrases", "Tomorrow")
    return day_label(day)


def list_sep() -> str:
    """Between the parts of a place ("Hall 300A, 3rd floor"): Chinese writes a full-width comma."""
    # Translators: the separator between the parts of a place or a list; keep the space if any.
    return QCoreApplication.translate("Phrases", ", ")


def day_label(day) -> str:
    """"Wed 14 June" in the current language: the date pattern itself is translated
    (Korean writes "6월 14일 (수)") and QLocale supplies the month and weekday names."""
    from PySide6.QtCore import QDate, QLocale

    # Translators: a Qt date pattern (d, dd, ddd, M, MMMM…), not words.
    pattern = QCoreApplication.translate("Phrases", "ddd d MMMM")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def country(code: str) -> str:
    names = {
        "KR": QCoreApplication.translate("Phrases", "Korea"),
        "MY": QCoreApplication.translate("Phrases", "Malaysia"),
        "MN": QCoreApplication.translate("Phrases", "Mongolia"),
        "TH": QCoreApplication.translate("Phrases", "Thailand"),
        "PK": QCoreApplication.translate("Phrases", "Pakistan"),
        "IR": QCoreApplication.translate("Phrases", "Iran"),
        "TW": QCoreApplication.translate("Phrases", "Taiwan"),
        "UZ": QCoreApplication.translate("Phrases", "Uzbekistan"),
        "ID": QCoreApplication.translate("Phrases", "Indonesia"),
        "JP": QCoreApplication.translate("Phrases", "Japan"),
        "VN": QCoreApplication.translate("Phrases", "Vietnam"),
    }
    return names.get(code, code)


def walk(metres: int, minutes: int, floors: list[tuple[str, str, str]]) -> str:
    """"96 m · about 2 min walk" plus the floor changes ("lift to 3F")."""
    text = QCoreApplication.translate("Phrases", "%1 m · about %n min walk", "", minutes).replace("%1", str(metres))
    for kind, _a, b in floors:
        if kind == "elevator":
            text += " · " + QCoreApplication.translate("Phrases", "lift to %1").replace("%1", b)
        else:
            text += " · " + QCoreApplication.translate("Phrases", "stairs to %1").replace("%1", b)
    return text


def attendee_type(kind: str) -> str:
    names = {
        "delegate": QCoreApplication.translate("Phrases", "Delegate"),
        "speaker": QCoreApplication.translate("Phrases", "Speaker"),
        "exhibitor": QCoreApplication.translate("Phrases", "Exhibitor"),
        "buyer": QCoreApplication.translate("Phrases", "Buyer"),
        "vip": QCoreApplication.translate("Phrases", "VIP"),
        "press": QCoreApplication.translate("Phrases", "Press"),
        "staff": QCoreApplication.translate("Phrases", "Staff"),
        "volunteer": QCoreApplication.translate("Phrases", "Volunteer"),
    }
    return names.get(kind, kind)


def notice_text(notice: str) -> str:
    """A notice as the reader should see it: presets in the reader's language, free text as typed."""
    presets = {
        "preset:late10": QCoreApplication.translate("Phrases", "Starts 10 min late"),
        "preset:late15": QCoreApplication.translate("Phrases", "Starts 15 min late"),
        "preset:full": QCoreApplication.translate("Phrases", "Room full"),
        "preset:moved": QCoreApplication.translate("Phrases", "Moved — see the new room"),
        "preset:ended_early": QCoreApplication.translate("Phrases", "Ended early"),
    }
    return presets.get(notice, notice)


def _script(text: str) -> str | None:
    """"ko" for Hangul, "zh-Hant" for Han characters, None otherwise (the first letter decides)."""
    for ch in text:
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            return "ko"
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            return "zh-Hant"
    return None


def person_name(name: str, local: str | None, lang: str) -> str:
    """A person as the visitor reads them: the name in the screen's own script first when the
    data knows it (김대식 on a Korean screen, 王永壯 on a Chinese one), the printed Latin name in
    brackets; otherwise the Latin name first. A name is never transliterated here: only a local
    form given in the data is shown."""
    if not local:
        return name
    if _script(local) == lang:
        return f"{local} ({name})"
    return f"{name} ({local})"


#: friendly place names for zones whose last part is not what people call the place's time
ZONE_PLACES = {"Asia/Kolkata": "India", "Asia/Calcutta": "India", "Asia/Seoul": "Korea", "Asia/Taipei": "Taiwan",
               "Asia/Tokyo": "Japan", "Asia/Shanghai": "China", "Asia/Ho_Chi_Minh": "Vietnam",
               "Asia/Jakarta": "Indonesia", "Asia/Tashkent": "Uzbekistan", "Asia/Ulaanbaatar": "Mongolia",
               "Asia/Karachi": "Pakistan", "Asia/Tehran": "Iran", "Asia/Bangkok": "Thailand",
               "Asia/Kuala_Lumpur": "Malaysia"}


def zone_abbreviation(now: datetime) -> str:
    """The zone's abbreviation at that moment (CEST in summer, CET in winter); a bare offset
    ("+01", what Etc/GMT-1 calls itself) is written UTC+1."""
    name = now.tzname() or ""
    if name[:1] in "+-" and name[1:].replace(":", "").isdigit():
        hours, _, minutes = name[1:].partition(":") if ":" in name else (name[1:3], "", name[3:])
        name = f"UTC{name[0]}{int(hours)}" + (f":{minutes}" if minutes and int(minutes) else "")
    return name


def zone_label(zone: str, now: datetime) -> str:
    """What the home screen says beside the date: "Korea time (KST)", "Rome time (CEST)",
    "India time (IST)", or "UTC+1" for a fixed offset; ``now`` is shown in ``zone``."""
    abbreviation = zone_abbreviation(now)
    if zone == "Asia/Seoul":
        return QCoreApplication.translate("Home", "Korea time (KST)")
    if zone == "UTC" or zone.startswith("Etc/") or "/" not in zone:
        return abbreviation or zone
    place = ZONE_PLACES.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " ")
    # Translators: %1 is a place ("Rome", "India"), %2 the zone's abbreviation ("CEST", "IST").
    return QCoreApplication.translate("Home", "%1 time (%2)").replace("%1", place).replace("%2", abbreviation)


WORD_JOINER = "\u2060"


def keep_together(text: str, *, break_at_spaces: bool = False) -> str:
    """``text`` as one unbreakable unit for a wrapped line: its spaces non-breaking and a word
    joiner (U+2060, invisible) between any two characters that are not both ASCII letters or
    digits, so Qt breaks neither "Food & beverage" at a space nor "化妝品" or "기타 제조" between
    syllables. A wrapped line then breaks only between such units (a legend's entries). A unit
    wider than the whole line still breaks (Qt's last resort), which callers avoid by fitting.
    ``break_at_spaces``: the spaces stay break points (only the words are kept whole: "전시장 무대"
    may wrap at its space, "展覽館舞台" does not break at all)."""
    out: list[str] = []
    prev = ""
    for ch in text:
        if ch == " " and not break_at_spaces:
            ch = "\u00a0"
        if ch.isspace() and break_at_spaces or prev.isspace() and break_at_spaces:
            pass
        elif prev and not (prev.isascii() and prev.isalnum() and ch.isascii() and ch.isalnum()):
            out.append(WORD_JOINER)
        out.append(ch)
        prev = ch
    return "".join(out)
