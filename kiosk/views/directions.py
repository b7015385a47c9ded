"""Turn-by-turn steps (kiosk.models.wayfinding) as the visitor reads them, in their language.

Each instruction is one whole sentence in the catalogue (with %1, %2 for distances, rows and
names), so translators can order the words as their language wants."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication


def _fill(text: str, *values) -> str:
    for i, v in enumerate(values, 1):
        text = text.replace(f"%{i}", str(v))
    return text


def _turn(step, name: str | None) -> str:
    m = step.metres
    left = step.side == "left"
    if name:
        return _fill(QCoreApplication.translate("Directions", "Turn left into %1, then go %2 m") if left
                     else QCoreApplication.translate("Directions", "Turn right into %1, then go %2 m"), name, m)
    if len(step.rows) == 2:
        return _fill(QCoreApplication.translate("Directions", "Turn left between rows %1 and %2, then go %3 m") if left
                     else QCoreApplication.translate("Directions", "Turn right between rows %1 and %2, then go %3 m"),
                     step.rows[0], step.rows[1], m)
    if len(step.rows) == 1:
        return _fill(QCoreApplication.translate("Directions", "Turn left at row %1, then go %2 m") if left
                     else QCoreApplication.translate("Directions", "Turn right at row %1, then go %2 m"), step.rows[0], m)
    return _fill(QCoreApplication.translate("Directions", "Turn left, then go %1 m") if left
                 else QCoreApplication.translate("Directions", "Turn right, then go %1 m"), m)


def _arrive(step, venue, lang: str) -> str:
    if step.target_kind == "room":
        room = venue.rooms.get(step.target)
        what = room.name.get(lang) if room is not None else step.target
        texts = {
            "left": QCoreApplication.translate("Directions", "%1 is on your left"),
            "right": QCoreApplication.translate("Directions", "%1 is on your right"),
            "ahead": QCoreApplication.translate("Directions", "%1 is ahead of you"),
        }
    else:
        what = step.target
        texts = {
            "left": QCoreApplication.translate("Directions", "Booth %1 is on your left"),
            "right": QCoreApplication.translate("Directions", "Booth %1 is on your right"),
            "ahead": QCoreApplication.translate("Directions", "Booth %1 is ahead of you"),
        }
    return _fill(texts.get(step.side, texts["ahead"]), what)


def step_text(step, venue, lang: str) -> str:
    """One step as a sentence in the current language (the translator installed for ``lang``)."""
    name = step.along.get(lang) if step.along else None
    if step.kind == "walk":
        if name:
            return _fill(QCoreApplication.translate("Directions", "Go %1 m along %2"), step.metres, name)
        return _fill(QCoreApplication.translate("Directions", "Go straight %1 m"), step.metres)
    if step.kind == "turn":
        return _turn(step, name)
    if step.kind == "floor":
        floor = venue.floors.get(step.floor_id)
        where = floor.name.get(lang) if floor is not None else step.floor_id
        if step.connector == "stairs":
            return _fill(QCoreApplication.translate("Directions", "Take the stairs to the %1"), where)
        return _fill(QCoreApplication.translate("Directions", "Take the lift to the %1"), where)
    return _arrive(step, venue, lang)


def steps_html(steps, venue, lang: str, *, colour: str, size: int) -> str:
    """The steps as a numbered list (the numbers match the ones on the map)."""
    rows = "".join(
        f"<tr><td style='padding:2px 10px 2px 0; color:{colour}; font-weight:700' align='right'>{i}.</td>"
        f"<td style='padding:2px 0'>{escape(step_text(s, venue, lang))}</td></tr>"
        for i, s in enumerate(steps, 1))
    return f"<table style='font-size:{size}px' cellspacing='0' cellpadding='0'>{rows}</table>"
