"""The venue's reference data as the map screens need it, read once and shared."""

from __future__ import annotations

from kiosk.models.venue_map import NoRoute, Route
from kiosk.models.wayfinding import Step, Wayfinder, walkways_from_features


class VenueData:
    def __init__(self, repo, *, kiosk_id: str | None = None) -> None:
        self.repo = repo
        self.rooms = repo.rooms()
        self.floors = repo.floors()
        self.booths = repo.booths()
        self.features = repo.map_features()
        self.kiosks = repo.kiosks()
        self.categories = {c.id: c for c in repo.categories()}
        self.kiosk = self.kiosks.get(kiosk_id) if kiosk_id else next(iter(self.kiosks.values()), None)
        self._graph = None
        self._wayfinder = None

    @property
    def graph(self):
        if self._graph is None:  # built on first use: start-up does not pay for it
            self._graph = self.repo.walk_graph()
        return self._graph

    def route_to(self, door: str) -> Route | None:
        """From this kiosk to a door id (a booth number or ``room:ID``), step-free; None
        when there is no kiosk position or no walkway joins them."""
        if self.kiosk is None:
            return None
        try:
            return self.graph.route(f"kiosk:{self.kiosk['id']}", door)
        except NoRoute:
            return None

    @property
    def wayfinder(self) -> Wayfinder:
        if self._wayfinder is None:
            self._wayfinder = Wayfinder(walkways_from_features(self.features), self.booths, self.rooms)
        return self._wayfinder

    def steps(self, route: Route, target: str) -> list[Step]:
        """Numbered directions for ``route`` to ``target`` (a booth number or ``room:ID``)."""
        kind, _, ident = target.rpartition(":")
        return self.wayfinder.steps(route, target=ident, target_kind="room" if kind == "room" else "booth")
