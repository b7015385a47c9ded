"""The venue as a map: booths, walkways, doors, lifts and stairs — and walking routes on it.

The map file (data/venue-map.json, documented in data/README.md) is GeoJSON-shaped, in local
metres per floor. Routes run on the *walkway graph*: every walkway line is cut where it meets
another and where a door (booth front, room door, kiosk, lift) is attached, and lifts and
stairs join the floors. A route therefore never crosses a booth: it only follows aisles.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import Iterable

Point = tuple[float, float]
#: A place on the venue: (floor id, x, y)
Place = tuple[str, float, float]

WALK_SPEED_M_PER_MIN = 60.0     # a visitor in a crowded hall, not a commuter
LIFT_COST_M = 40.0              # waiting for and riding the lift, in metres of walking
LIFT_PER_FLOOR_M = 5.0
STAIRS_PER_FLOOR_M = 25.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def overlaps(self, other: "Rect", tolerance: float = 1e-6) -> bool:
        """True when the two share area (touching edges do not count)."""
        return (self.x < other.right - tolerance and other.x < self.right - tolerance
                and self.y < other.bottom - tolerance and other.y < self.bottom - tolerance)

    def contains(self, other: "Rect", tolerance: float = 1e-6) -> bool:
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance and other.bottom <= self.bottom + tolerance)


def polygon_rect(geometry: dict) -> Rect | None:
    """The axis-aligned rectangle a Polygon geometry describes, or None if it is not one."""
    try:
        ring = geometry["coordinates"][0]
        xs = sorted({float(p[0]) for p in ring})
        ys = sorted({float(p[1]) for p in ring})
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    if geometry.get("type") != "Polygon" or len(xs) != 2 or len(ys) != 2:
        return None
    return Rect(xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0])


@dataclass(frozen=True)
class Connector:
    """A lift or stairs: a door on each floor it serves."""

    id: str
    kind: str                      # "elevator" | "stairs"
    doors: dict[str, Point]


@dataclass
class Leg:
    floor_id: str
    points: list[Point]


@dataclass
class Route:
    legs: list[Leg]
    distance_m: float
    #: floor changes in order: (kind, from floor, to floor), kind "elevator" or "stairs"
    changes: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        walking = sum(_length(leg.points) for leg in self.legs)
        extra = sum(1 for kind, _a, _b in self.changes if kind == "elevator")
        return max(1, math.ceil(walking / WALK_SPEED_M_PER_MIN + extra))

    @property
    def walking_m(self) -> int:
        return round(sum(_length(leg.points) for leg in self.legs))


def _length(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def _project(p: Point, a: Point, b: Point) -> tuple[float, Point]:
    """Parameter t in [0, 1] and the closest point to ``p`` on segment ab."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return t, (ax + t * dx, ay + t * dy)


def _intersection(a: Point, b: Point, c: Point, d: Point) -> tuple[float, float, Point] | None:
    """Where segments ab and cd cross: (t on ab, u on cd, point), or None."""
    r = (b[0] - a[0], b[1] - a[1])
    s = (d[0] - c[0], d[1] - c[1])
    denom = r[0] * s[1] - r[1] * s[0]
    if abs(denom) < 1e-12:
        return None
    qp = (c[0] - a[0], c[1] - a[1])
    t = (qp[0] * s[1] - qp[1] * s[0]) / denom
    u = (qp[0] * r[1] - qp[1] * r[0]) / denom
    eps = 1e-9
    if -eps <= t <= 1 + eps and -eps <= u <= 1 + eps:
        return t, u, (a[0] + t * r[0], a[1] + t * r[1])
    return None


class NoRoute(Exception):
    pass


class WalkGraph:
    """Walkways cut into a graph; doors attached; floors joined by lifts and stairs.

    Build once (at start-up); :meth:`route` is then an A* search (p95 well under 20 ms for a
    5,000-booth hall, see docs/BENCHMARKS.md).
    """

    def __init__(self, walkways: Iterable[tuple[str, list[Point]]], doors: Iterable[tuple[str, str, Point]],
                 connectors: Iterable[Connector] = ()) -> None:
        self.pos: list[Place] = []
        self.adj: list[list[tuple[int, float, str | None]]] = []
        self._index: dict[Place, int] = {}
        self.door_node: dict[str, int] = {}
        segments: dict[str, list[tuple[Point, Point]]] = {}
        for floor_id, line in walkways:
            for a, b in zip(line, line[1:]):
                if a != b:
                    segments.setdefault(floor_id, []).append((tuple(a), tuple(b)))
        self._segments = segments
        doors = list(doors)
        connectors = list(connectors)
        door_list = doors + [(f"{c.id}@{fl}", fl, p) for c in connectors for fl, p in c.doors.items()]
        for floor_id, segs in segments.items():
            cuts: list[list[tuple[float, Point]]] = [[(0.0, a), (1.0, b)] for a, b in segs]
            for i in range(len(segs)):              # crossings
                for j in range(i + 1, len(segs)):
                    hit = _intersection(*segs[i], *segs[j])
                    if hit:
                        t, u, p = hit
                        cuts[i].append((t, p))
                        cuts[j].append((u, p))
            attach: list[tuple[str, Point, Point]] = []
            for key, fl, p in door_list:            # doors snap onto their nearest walkway
                if fl != floor_id:
                    continue
                best = None
                for k, (a, b) in enumerate(segs):
                    t, q = _project(p, a, b)
                    d = math.dist(p, q)
                    if best is None or d < best[0]:
                        best = (d, k, t, q)
                if best is None:
                    continue
                _d, k, t, q = best
                cuts[k].append((t, q))
                attach.append((key, tuple(p), q))
            for k, points in enumerate(cuts):
                points.sort(key=lambda tp: tp[0])
                chain = [self._node(floor_id, p) for _t, p in points]
                for u, v in zip(chain, chain[1:]):
                    if u != v:
                        self._edge(u, v, math.dist(self.pos[u][1:], self.pos[v][1:]))
            for key, p, q in attach:
                door = self._node(floor_id, p)
                on_walkway = self._node(floor_id, q)
                if door != on_walkway:
                    self._edge(door, on_walkway, math.dist(p, q))
                self.door_node[key] = door
        for c in connectors:
            floors = sorted(c.doors)
            for a_i in range(len(floors)):
                for b_i in range(a_i + 1, len(floors)):
                    a, b = f"{c.id}@{floors[a_i]}", f"{c.id}@{floors[b_i]}"
                    if a in self.door_node and b in self.door_node:
                        span = b_i - a_i
                        cost = (LIFT_COST_M + LIFT_PER_FLOOR_M * span if c.kind == "elevator"
                                else STAIRS_PER_FLOOR_M * span)
                        self._edge(self.door_node[a], self.door_node[b], cost, kind=c.kind)

    def _node(self, floor_id: str, p: Point) -> int:
        key = (floor_id, round(p[0], 3), round(p[1], 3))
        node = self._index.get(key)
        if node is None:
            node = len(self.pos)
            self._index[key] = node
            self.pos.append(key)
            self.adj.append([])
        return node

    def _edge(self, u: int, v: int, cost: float, kind: str | None = None) -> None:
        self.adj[u].append((v, cost, kind))
        self.adj[v].append((u, cost, kind))

    def route(self, start: str, goal: str, *, step_free: bool = True) -> Route:
        """Shortest walk from door ``start`` to door ``goal`` (ids as attached), lifts instead
        of stairs when ``step_free``. Raises :class:`NoRoute`."""
        try:
            s, g = self.door_node[start], self.door_node[goal]
        except KeyError as exc:
            raise NoRoute(f"{exc.args[0]} is not on the map") from None
        gx, gy = self.pos[g][1], self.pos[g][2]
        g_floor = self.pos[g][0]

        def h(n: int) -> float:
            f, x, y = self.pos[n]
            return math.hypot(x - gx, y - gy) if f == g_floor else 0.0

        dist = {s: 0.0}
        came: dict[int, tuple[int, str | None]] = {}
        frontier = [(h(s), 0.0, s)]
        while frontier:
            _f, d, u = heapq.heappop(frontier)
            if u == g:
                break
            if d > dist.get(u, math.inf):
                continue
            for v, cost, kind in self.adj[u]:
                if step_free and kind == "stairs":
                    continue
                nd = d + cost
                if nd < dist.get(v, math.inf):
                    dist[v] = nd
                    came[v] = (u, kind)
                    heapq.heappush(frontier, (nd + h(v), nd, v))
        if g not in dist:
            raise NoRoute(f"no walkway joins {start} and {goal}")
        path = [g]
        kinds: list[str | None] = []
        while path[-1] != s:
            prev, kind = came[path[-1]]
            kinds.append(kind)
            path.append(prev)
        path.reverse()
        kinds.reverse()
        legs: list[Leg] = []
        changes: list[tuple[str, str, str]] = []
        for i, n in enumerate(path):
            f, x, y = self.pos[n]
            if i and kinds[i - 1] is not None:
                changes.append((kinds[i - 1], legs[-1].floor_id, f))
                legs.append(Leg(f, [(x, y)]))
            elif not legs:
                legs.append(Leg(f, [(x, y)]))
            else:
                legs[-1].points.append((x, y))
        return Route(legs=legs, distance_m=dist[g], changes=changes)
