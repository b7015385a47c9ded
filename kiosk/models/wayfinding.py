"""Turn-by-turn directions from a walking route, the way wayfinding kiosks in malls and
airports give them: "1. Go 20 m along the lobby", "2. Turn left between rows C and D, then go
12 m", "3. Take the lift to 3rd floor", "4. Booth B12 is on your right".

The steps are plain data (no text): the views translate them. Landmarks come from the map —
walkway names (``name`` on a walkway in data/venue-map.json) and the booth rows either side of a
turn (a booth's row is the letters of its number: ``D`` for ``D07``) — so any hall gets them.
No Qt here, no clock.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from .domain import Text
from .venue_map import Point, Rect, Route

#: A bend sharper than this (degrees) is a turn; gentler ones are "straight on".
TURN_DEG = 30.0
#: A short hop between a kiosk, lift or door and its walkway is folded into the walk, not a turn.
HOP_M = 6.0
#: How far from a turn a booth may stand to name the turn after its row (half an aisle and a bit).
ROW_REACH_M = 3.0

_CELL_M = 6.0
_ROW = re.compile(r"^([A-Za-z]+)\d")


@dataclass(frozen=True)
class Walkway:
    """A named path on a floor (the lobby, the centre aisle); unnamed ones have ``name=None``."""

    floor_id: str
    points: tuple[Point, ...]
    name: Text | None = None


@dataclass(frozen=True)
class Step:
    """One instruction.

    ``kind``:
      - ``"walk"``: go ``metres``, along ``along`` when the path has a name (the first step on a floor);
      - ``"turn"``: turn ``side`` (``"left"``/``"right"``) — at booth ``rows`` (one or two letters)
        or into ``along`` — then go ``metres``;
      - ``"floor"``: take the ``connector`` (``"elevator"``/``"stairs"``) to ``floor_id``;
      - ``"arrive"``: ``target`` (a booth number or a room id) is on your ``side``
        (``"left"``, ``"right"`` or ``"ahead"``).

    ``at`` is where the step starts (floor id, x, y): the map numbers it there.
    """

    kind: str
    at: tuple[str, float, float]
    metres: int = 0
    side: str | None = None
    rows: tuple[str, ...] = ()
    along: Text | None = None
    connector: str | None = None
    floor_id: str | None = None
    target: str | None = None
    target_kind: str | None = None      # "booth" | "room"


def round_metres(m: float) -> int:
    """Distances as people say them: to the metre below 10 m, to 5 m above."""
    if m < 10:
        return max(1, round(m))
    return int(5 * round(m / 5))


def row_of(booth_id: str) -> str | None:
    match = _ROW.match(booth_id)
    return match.group(1).upper() if match else None


def _heading(a: Point, b: Point) -> float:
    return math.atan2(b[1] - a[1], b[0] - a[0])


def _bend(h1: float, h2: float) -> float:
    """Signed change of heading in degrees, (-180, 180]; positive is a right turn (y grows south)."""
    d = math.degrees(h2 - h1)
    while d <= -180:
        d += 360
    while d > 180:
        d -= 360
    return d


def _dedupe(points: Iterable[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if not out or math.dist(out[-1], p) > 1e-6:
            out.append(p)
    return out


def _runs(points: list[Point]) -> list[list[Point]]:
    """The polyline cut into straight runs (bends under TURN_DEG stay in one run)."""
    runs: list[list[Point]] = []
    for a, b in zip(points, points[1:]):
        if runs and abs(_bend(_heading(runs[-1][-2], runs[-1][-1]), _heading(a, b))) < TURN_DEG:
            runs[-1].append(b)
        else:
            runs.append([a, b])
    return runs


def _length(run: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in zip(run, run[1:]))


def _fold_hops(runs: list[list[Point]], is_hop) -> list[list[Point]]:
    """Fold a first or last run that only hops between a kiosk, lift or door and its walkway
    into its neighbour: "go 20 m along the lobby", not "go 3 m, turn left, go 17 m"."""
    if len(runs) >= 2 and is_hop(runs[0]):
        runs = [[*runs[0], *runs[1][1:]], *runs[2:]]
    if len(runs) >= 2 and is_hop(runs[-1]):
        runs = [*runs[:-2], [*runs[-2], *runs[-1][1:]]]
    return runs


def _segments(run: list[Point]) -> list[tuple[Point, Point]]:
    return list(zip(run, run[1:]))


def _heading_in(run: list[Point]) -> float:
    """The direction a run sets off in, ignoring a folded hop at its start."""
    segs = _segments(run)
    return _heading(*next((s for s in segs if math.dist(*s) >= HOP_M), segs[0]))


def _heading_out(run: list[Point]) -> float:
    """The direction a run ends in, ignoring a folded hop at its end."""
    segs = _segments(run)
    return _heading(*next((s for s in reversed(segs) if math.dist(*s) >= HOP_M), segs[-1]))


def _on_segment(p: Point, a: Point, b: Point, tol: float = 0.25) -> bool:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.dist(p, a) <= tol
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2
    if t < -0.01 or t > 1.01:
        return False
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy)) <= tol


class Wayfinder:
    """Turns routes on one venue into steps. Build once; :meth:`steps` per route."""

    def __init__(self, walkways: Iterable[Walkway], booths: Mapping[str, object],
                 rooms: Mapping[str, object] | None = None) -> None:
        self.walkways = list(walkways)
        self.booths = booths          # id → Booth (floor_id, rect)
        self.rooms = rooms or {}      # id → Room (floor_id, plan)
        # booths by grid cell, so naming a turn looks at a few booths, not a 5,000-booth hall
        self._cells: dict[tuple[str, int, int], list[tuple[str, object]]] = {}
        for booth_id, booth in booths.items():
            r = booth.rect
            for cx in range(int(r.x // _CELL_M), int(r.right // _CELL_M) + 1):
                for cy in range(int(r.y // _CELL_M), int(r.bottom // _CELL_M) + 1):
                    self._cells.setdefault((booth.floor_id, cx, cy), []).append((booth_id, booth))

    def _name_of(self, floor_id: str, run: list[Point]) -> Text | None:
        """The name of the walkway a run follows (its middle lies on it), if it has one."""
        a, b = max(_segments(run), key=lambda s: math.dist(*s))
        for w in self.walkways:
            if w.floor_id != floor_id or not w.name:
                continue
            for p, q in zip(w.points, w.points[1:]):
                if _on_segment(a, p, q) and _on_segment(b, p, q):
                    return w.name
        return None

    def _is_hop(self, floor_id: str, run: list[Point]) -> bool:
        """A short run off every walkway: from a kiosk, lift or door onto the walkway."""
        if _length(run) >= HOP_M:
            return False
        return not any(_on_segment(a, p, q) and _on_segment(b, p, q)
                       for a, b in _segments(run)
                       for w in self.walkways if w.floor_id == floor_id
                       for p, q in zip(w.points, w.points[1:]))

    def _rows_at(self, floor_id: str, p: Point, heading: float) -> tuple[str, ...]:
        """Booth rows beside the start of the new run: the row on each side, nearest first."""
        found: dict[str, float] = {}
        near = {}
        for cx in range(int((p[0] - ROW_REACH_M) // _CELL_M), int((p[0] + ROW_REACH_M) // _CELL_M) + 1):
            for cy in range(int((p[1] - ROW_REACH_M) // _CELL_M), int((p[1] + ROW_REACH_M) // _CELL_M) + 1):
                near.update(self._cells.get((floor_id, cx, cy), ()))
        for booth_id, booth in near.items():
            r = booth.rect
            dx = max(r.x - p[0], 0.0, p[0] - r.right)
            dy = max(r.y - p[1], 0.0, p[1] - r.bottom)
            d = math.hypot(dx, dy)
            row = row_of(booth_id)
            if row and d <= ROW_REACH_M and d < found.get(row, math.inf):
                found[row] = d
        rows = sorted(found, key=lambda k: (found[k], k))[:2]
        return tuple(sorted(rows))

    def _target_rect(self, target: str, kind: str) -> Rect | None:
        if kind == "booth":
            booth = self.booths.get(target)
            return booth.rect if booth is not None else None
        room = self.rooms.get(target)
        if room is None or getattr(room, "plan", None) is None:
            return None
        return Rect(*room.plan)

    def steps(self, route: Route, *, target: str, target_kind: str = "booth") -> list[Step]:
        """Numbered-step directions for ``route``, which ends at ``target`` (a booth number, or a
        room id with ``target_kind="room"``)."""
        steps: list[Step] = []
        last_heading: float | None = None
        last_end: tuple[str, Point] | None = None
        for i, leg in enumerate(route.legs):
            if i > 0:
                kind, _from, to = route.changes[i - 1]
                here = last_end[1] if last_end else leg.points[0]
                steps.append(Step("floor", (_from, *here), connector=kind, floor_id=to))
            points = _dedupe(leg.points)
            if len(points) < 2:
                last_end = (leg.floor_id, points[0]) if points else last_end
                continue
            runs = _fold_hops(_runs(points), lambda run, f=leg.floor_id: self._is_hop(f, run))
            for k, run in enumerate(runs):
                metres = round_metres(_length(run))
                start_heading = _heading_in(run)
                name = self._name_of(leg.floor_id, run)
                at = (leg.floor_id, *run[0])
                if k == 0:
                    steps.append(Step("walk", at, metres=metres, along=name))
                else:
                    bend = _bend(last_heading, start_heading)   # a run follows a bend of TURN_DEG or more
                    side = "right" if bend > 0 else "left"
                    rows = () if name else self._rows_at(leg.floor_id, run[0], start_heading)
                    steps.append(Step("turn", at, metres=metres, side=side, rows=rows, along=name))
                last_heading = _heading_out(run)
            last_end = (leg.floor_id, points[-1])
        if last_end is not None:
            floor_id, end = last_end
            side = "ahead"
            rect = self._target_rect(target, target_kind)
            if rect is not None and last_heading is not None:
                cx, cy = rect.centre
                hx, hy = math.cos(last_heading), math.sin(last_heading)
                across = hx * (cy - end[1]) - hy * (cx - end[0])
                along = hx * (cx - end[0]) + hy * (cy - end[1])
                if abs(across) > 0.5 and abs(across) >= 0.5 * abs(along):
                    side = "right" if across > 0 else "left"
            steps.append(Step("arrive", (floor_id, *end), side=side, target=target, target_kind=target_kind))
        return steps


def walkways_from_features(features: Iterable[dict]) -> list[Walkway]:
    """The walkways among the map's features (as ``Repository.map_features`` returns them)."""
    return [Walkway(f["floor_id"], tuple(tuple(p) for p in f["geometry"]["coordinates"]), f["name"] or None)
            for f in features if f["feature_type"] == "walkway"]
