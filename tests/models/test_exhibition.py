"""Exhibitors, filters, search in three languages, map validation, and routes."""

import json
import math
from collections import Counter

import pytest

from kiosk.models.domain import Text
from kiosk.models.exhibition import UNCATEGORISED, Exhibitor, ExhibitorFilter, apply_filter
from kiosk.models.loader import DataError, build_database
from tests.conftest import DATA

REPORT_COUNTS = {"auto": 19, "bio": 14, "ict": 7, "machinery": 6, "food": 7, "other": 4, "cosmetics": 4}


def test_the_69_exhibitors_of_the_report(repo):
    exhibitors = repo.exhibitors()
    assert len(exhibitors) == 69
    korean = Counter(e.category_id for e in exhibitors if e.country == "KR")
    assert dict(korean) == REPORT_COUNTS
    assert Counter(e.country for e in exhibitors if e.country != "KR") == {"MY": 3, "MN": 2, "TH": 1, "PK": 1, "IR": 1}
    real = {"Mongolia System Engineering", "Twistcode"}
    for e in exhibitors:
        assert e.name.en in real or e.name.en.endswith("(sample)"), e.name.en
        assert e.name.ko and e.booths
    assert any(len(e.booths) == 2 for e in exhibitors)
    assert len(repo.booths()) == 123


def test_category_counts_follow_the_other_filters(repo):
    exhibitors = repo.exhibitors()
    everything = apply_filter(exhibitors, ExhibitorFilter())
    assert everything.total == 69
    assert sum(everything.category_counts.values()) == 69
    malaysia = apply_filter(exhibitors, ExhibitorFilter(country="MY"))
    assert malaysia.total == 3
    assert sum(malaysia.category_counts.values()) == 3


def test_multi_select_is_a_union_of_categories(repo):
    exhibitors = repo.exhibitors()
    both = apply_filter(exhibitors, ExhibitorFilter(categories=frozenset({"food", "cosmetics"})))
    food = apply_filter(exhibitors, ExhibitorFilter(categories=frozenset({"food"})))
    cosmetics = apply_filter(exhibitors, ExhibitorFilter(categories=frozenset({"cosmetics"})))
    assert both.total == food.total + cosmetics.total
    assert {e.category_id for e in both.matching} == {"food", "cosmetics"}


def test_exhibitors_without_category_are_uncategorised_not_dropped():
    e = Exhibitor("x", Text("X"), Text(""), "", None, "KR", None, ())
    result = apply_filter([e], ExhibitorFilter(categories=frozenset({UNCATEGORISED})))
    assert result.matching == [e] and result.category_counts == {UNCATEGORISED: 1}


@pytest.mark.parametrize("query, expected", [
    ("hAnBiT", "kr-hanbit-axle"),             # English, mixed case (trigram)
    ("hwangnam bak", "kr-gyeongju-hwangnam-bakery"),
    ("한빛액슬", "kr-hanbit-axle"),             # Korean, 4 characters
    ("빛액", "kr-hanbit-axle"),                 # Korean, 2 characters (LIKE)
    ("系統工程", "mse"),                         # Traditional Chinese
    ("系統", "mse"),                             # Chinese, 2 characters (the sample names have none)
    ("b01", "kr-hanbit-axle"),                  # a booth number
])
def test_search_finds_names_in_any_language(repo, query, expected):
    assert expected in repo.search_exhibitors(query)


@pytest.mark.parametrize("query", ['"', "%", "_", "' OR 1=1 --", "NEAR(a b)", "*", "😀"])
def test_search_treats_input_as_text_never_syntax(repo, query):
    assert repo.search_exhibitors(query) == frozenset()


def _segments_cross_booth(route, booths):
    for leg in route.legs:
        for (ax, ay), (bx, by) in zip(leg.points, leg.points[1:]):
            steps = max(1, int(math.dist((ax, ay), (bx, by)) / 0.25))
            for k in range(steps + 1):
                x, y = ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps
                for b in booths:
                    r = b.rect
                    if r.x + 0.01 < x < r.right - 0.01 and r.y + 0.01 < y < r.bottom - 0.01:
                        return b.id
    return None


def test_routes_reach_every_booth_along_aisles(repo):
    graph = repo.walk_graph()
    booths = list(repo.booths().values())
    for booth in booths:
        route = graph.route("kiosk:K1", booth.id)
        assert route.legs[-1].points[-1] == pytest.approx(booth.door)
        assert _segments_cross_booth(route, booths) is None, booth.id
        assert 0 < route.walking_m < 200 and route.minutes >= 1


def test_a_room_upstairs_is_reached_by_lift_when_step_free(repo):
    graph = repo.walk_graph()
    route = graph.route("kiosk:K1", "room:300A")
    assert [leg.floor_id for leg in route.legs] == ["1F", "3F"]
    assert route.changes == [("elevator", "1F", "3F")]


def _data_with_map(tmp_path, edit_map=None, exhibitors_extra=""):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("event.toml", "programme.toml"):
        (data / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    (data / "exhibitors.toml").write_text((DATA / "exhibitors.toml").read_text(encoding="utf-8") + exhibitors_extra,
                                          encoding="utf-8")
    venue = json.loads((DATA / "venue-map.json").read_text(encoding="utf-8"))
    if edit_map:
        edit_map(venue["features"])
    (data / "venue-map.json").write_text(json.dumps(venue), encoding="utf-8")
    return data


def _booth(features, booth_id):
    return next(f for f in features if f["id"] == booth_id)


def _move(feature, dx, dy):
    ring = feature["geometry"]["coordinates"][0]
    feature["geometry"]["coordinates"][0] = [[x + dx, y + dy] for x, y in ring]


def test_map_problems_are_named(tmp_path):
    def edit(features):
        _move(_booth(features, "B02"), 1.5, 0)          # now overlaps B03
        _move(_booth(features, "G18"), 0, 200)           # far outside the hall
        dup = json.loads(json.dumps(_booth(features, "C01")))
        features.append(dup)                             # booth number twice

    data = _data_with_map(tmp_path, edit, exhibitors_extra="""
[[exhibitors]]
id = "ghost"
name = { en = "Ghost Co. (sample)" }
country = "KR"
category = "ict"
booths = ["Z99"]
""")
    target = tmp_path / "event.db"
    with pytest.raises(DataError) as err:
        build_database(target, data)
    text = "\n".join(err.value.problems)
    assert "booths B02 and B03 overlap" in text
    assert "booth G18 lies outside EXH" in text
    assert "duplicate booth number 'C01'" in text
    assert "exhibitor 'ghost': booth 'Z99' is not on the map" in text
    assert not target.exists()
