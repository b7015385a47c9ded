"""A person's day as an iCalendar file small enough for one QR code (phones offer "add to
calendar"). RFC 5545: VCALENDAR with VERSION and PRODID; each VEVENT with UID, DTSTAMP, DTSTART,
DTEND (UTC, so no VTIMEZONE is needed), SUMMARY and LOCATION. Never contact details."""

from __future__ import annotations

from datetime import timezone

from kiosk.models.domain import unmarked

from .export import _ics_text, fold

#: bytes kept small enough for a phone to read the code off a kiosk screen at arm's length
#: (about a version-25 code at level M; version 40 would hold 2,331)
QR_BUDGET = 1100


def calendar_items(day) -> list:
    """What the calendar file would hold, in its order: the day's meetings, its sessions, the
    person's meetings on later days — none cancelled, held or missed. Empty: nothing to add, so
    the kiosk shows no calendar code."""
    today = ([day.next_meeting] if day.next_meeting else []) + day.meetings
    later = [i for i in day.all_meetings if i.start.date() > day.day]
    return [i for i in today + day.sessions + later if i.status not in ("cancelled", "held", "no_show")]


def day_ics(day, *, stamp, budget: int = QR_BUDGET) -> str:
    """``day``: a :class:`kiosk.models.matchmaking.MyDay`. The day's meetings first (they are
    the point), then its sessions, then the person's meetings on later days; events that would
    push the file past ``budget`` bytes are left out (the screen still lists them)."""
    utc = timezone.utc
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//InnoFair kiosk//my day//EN"]
    tail = ["END:VCALENDAR"]
    size = sum(len(x) + 2 for x in head + tail)
    events: list[str] = []
    stamp_text = f"{stamp.astimezone(utc):%Y%m%dT%H%M%SZ}"
    for item in calendar_items(day):
        # the visitor's own phone: names as on the public screens, without "(sample)" marks
        summary = unmarked(item.title.en) + (f": {unmarked(item.counterpart)}" if item.counterpart and item.kind == "meeting"
                                   and item.counterpart != item.title.en else "")
        lines = ["BEGIN:VEVENT", f"UID:{item.id}@if", f"DTSTAMP:{stamp_text}",
                 f"DTSTART:{item.start.astimezone(utc):%Y%m%dT%H%M%SZ}",
                 f"DTEND:{item.end.astimezone(utc):%Y%m%dT%H%M%SZ}", f"SUMMARY:{_ics_text(summary)}"]
        if item.place:
            lines.append(f"LOCATION:{_ics_text(item.place)}")
        lines.append("END:VEVENT")
        text = [fold(x) for x in lines]
        cost = sum(len(x.encode("utf-8")) + 2 for x in text)
        if size + cost > budget:
            continue
        size += cost
        events += text
    return "\r\n".join(head + events + tail) + "\r\n"
