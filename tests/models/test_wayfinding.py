"""Turn-by-turn directions: turns where the route bends, on the correct side, named after the
walkway or the booth rows there; floor changes; the target's side; plausible distances."""

import pytest

from kiosk.models.domain import Text
from kiosk.models.exhibition import Booth
from kiosk.models.venue_map import Rect, WalkGraph
from kiosk.models.wayfinding import Walkway, Wayfinder, round_metres, row_of, walkways_from_features


# ---------------------------------------------------------------- a hand-drawn hall
#
#   y=0   kiosk K at (0, 12) below the lobby; lobby runs x 0..40 at y=10 (named);
#   an aisle runs north from (30, 10) to (30, -20) between row P (west) and row Q (east).
#
def tiny():
    walkways = [("1F", [(0, 10), (40, 10)]), ("1F", [(30, 10), (30, -20)])]
    booths = {
        "P01": Booth("P01", "H", "1F", Rect(26.5, -18, 2, 3), (30, -16.5)),
        "Q01": Booth("Q01", "H", "1F", Rect(31.5, -18, 2, 3), (30, -16.5)),
        "Q02": Booth("Q02", "H", "1F", Rect(31.5, 6, 2, 3), (30, 7.5)),
    }
    doors = [(b.id, b.floor_id, b.door) for b in booths.values()] + [("kiosk:K", "1F", (0, 12))]
    graph = WalkGraph(walkways, doors)
    finder = Wayfinder([Walkway("1F", ((0, 10), (40, 10)), Text("the lobby", "로비", "大廳")),
                        Walkway("1F", ((30, 10), (30, -20)))], booths)
    return graph, finder


def test_a_left_turn_into_an_aisle_named_by_its_rows():
    graph, finder = tiny()
    route = graph.route("kiosk:K", "Q01")
    steps = finder.steps(route, target="Q01")
    assert [s.kind for s in steps] == ["walk", "turn", "arrive"]
    walk, turn, arrive = steps
    # the 2 m hop from the kiosk onto the lobby is part of the walk, not a turn
    assert walk.along.en == "the lobby" and walk.metres == 30
    # heading east then north (y grows southwards): a left turn, at x=30
    assert turn.side == "left" and turn.at == ("1F", 30, 10)
    assert turn.rows == ("Q",)                       # only Q02 stands within reach of the corner
    assert turn.metres == 25                         # 26.5 m, said to the nearest 5
    # walking north, the Q row (east) is on the right
    assert arrive.side == "right" and arrive.target == "Q01"


def test_the_other_row_is_on_the_left():
    graph, finder = tiny()
    steps = finder.steps(graph.route("kiosk:K", "P01"), target="P01")
    assert steps[-1].side == "left"


def test_a_right_turn_coming_back():
    graph, finder = tiny()
    # from the aisle's north end back to the kiosk: south, then right (west) along the lobby
    graph2 = WalkGraph([("1F", [(0, 10), (40, 10)]), ("1F", [(30, 10), (30, -20)])],
                       [("start", "1F", (30, -20)), ("kiosk:K", "1F", (0, 12))])
    route = graph2.route("start", "kiosk:K")
    steps = finder.steps(route, target="K", target_kind="room")
    turn = next(s for s in steps if s.kind == "turn")
    assert turn.side == "right" and turn.along.en == "the lobby"


def test_rows_and_rounding():
    assert row_of("D07") == "D" and row_of("AA12") == "AA" and row_of("12") is None
    assert [round_metres(m) for m in (0.4, 3.4, 9.6, 12.4, 13, 87)] == [1, 3, 10, 10, 15, 85]


# ---------------------------------------------------------------- the bundled venue
@pytest.fixture
def venue(repo):
    return repo.walk_graph(), Wayfinder(walkways_from_features(repo.map_features()), repo.booths(), repo.rooms())


def test_lobby_kiosk_to_booth_b06(venue):
    graph, finder = venue
    route = graph.route("kiosk:K1", "B06")
    steps = finder.steps(route, target="B06")
    said = [(s.kind, s.side, s.rows, s.along.en if s.along else None) for s in steps]
    assert said == [
        ("walk", None, (), "the lobby"),
        ("turn", "right", (), "the walkway to the Exhibition Hall"),
        ("turn", "left", ("G",), None),
        ("turn", "right", (), "the centre aisle"),
        ("turn", "left", ("A", "B"), None),          # into the aisle between rows A and B
        ("arrive", "left", (), None),                # heading west, row B is to the south: left
    ]
    # each turn is where the polyline bends: the corners of the walkways
    assert [s.at[1:] for s in steps if s.kind == "turn"] == [(42, 58), (42, 37.5), (35.5, 37.5), (35.5, 10.5)]
    total = sum(s.metres for s in steps)
    assert abs(total - route.walking_m) <= 0.15 * route.walking_m


def test_from_the_third_floor_by_lift(venue):
    graph, finder = venue
    route = graph.route("kiosk:K3", "E05")
    steps = finder.steps(route, target="E05")
    kinds = [s.kind for s in steps]
    assert kinds[:3] == ["walk", "floor", "walk"]
    lift = steps[1]
    assert lift.connector == "elevator" and lift.floor_id == "1F" and lift.at[0] == "3F"
    assert steps[0].along.en == "the lobby" and steps[2].at[0] == "1F"
    assert steps[-1].kind == "arrive" and steps[-1].side == "right"    # row E, north of the aisle, heading west
    assert ("E", "F") in [s.rows for s in steps]
    total = sum(s.metres for s in steps)
    assert abs(total - route.walking_m) <= 0.15 * route.walking_m


def test_to_a_room_upstairs(venue):
    graph, finder = venue
    route = graph.route("kiosk:K1", "room:300A")
    steps = finder.steps(route, target="300A", target_kind="room")
    assert [s.kind for s in steps] == ["walk", "floor", "walk", "turn", "arrive"]
    assert steps[1].floor_id == "3F"
    assert steps[-1].target_kind == "room" and steps[-1].side == "ahead"


@pytest.mark.parametrize("kiosk", ["K1", "K2", "K3"])
def test_every_booth_gets_directions_from_every_kiosk(venue, kiosk, repo):
    graph, finder = venue
    for booth in repo.booths():
        route = graph.route(f"kiosk:{kiosk}", booth)
        steps = finder.steps(route, target=booth)
        assert steps[-1].kind == "arrive" and steps[-1].side in ("left", "right", "ahead")
        assert all(s.metres > 0 for s in steps if s.kind in ("walk", "turn"))
        assert all(s.side in ("left", "right") for s in steps if s.kind == "turn")
        assert len(steps) <= 12


def test_standing_at_the_booth_says_only_where_it_is():
    graph, finder = tiny()
    graph2 = WalkGraph([("1F", [(0, 10), (40, 10)]), ("1F", [(30, 10), (30, -20)])],
                       [("here", "1F", (30, 7.5)), ("Q02", "1F", (30, 7.5))])
    route = graph2.route("here", "Q02")
    steps = finder.steps(route, target="Q02")
    assert [s.kind for s in steps] == ["arrive"]
    assert steps[0].target == "Q02" and steps[0].side in ("left", "right", "ahead")


def test_stairs_when_not_step_free(repo):
    graph = repo.walk_graph()
    finder = Wayfinder(walkways_from_features(repo.map_features()), repo.booths(), repo.rooms())
    # one floor up, the stairs (25 m) beat waiting for the lift (45 m)
    route = graph.route("kiosk:K1", "room:203", step_free=False)
    floor = [s for s in finder.steps(route, target="203", target_kind="room") if s.kind == "floor"]
    assert [(s.connector, s.floor_id) for s in floor] == [("stairs", "2F")]


def test_a_target_missing_from_the_map_is_ahead_not_an_error():
    graph, finder = tiny()
    route = graph.route("kiosk:K", "Q01")
    steps = finder.steps(route, target="ZZ99")
    assert steps[-1].kind == "arrive" and steps[-1].side == "ahead"
