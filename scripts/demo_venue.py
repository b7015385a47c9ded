#!/usr/bin/env python3
"""Generate the demo venue map (data/venue-map.json): HICO's exhibition hall with 123 booths,
aisles, stage, lounge, toilets, exits, lifts, stairs, kiosks, and the walkways of 1F–3F.

No floor plan of the 2023 hall is published, so this layout is assumed (see data/README.md).
The map file is the source of truth once written: edit it by hand or in a GIS tool; run this
script again only to start over. ``hall(...)`` also builds the large generated halls used by
the benchmarks and tests (``python scripts/demo_venue.py --booths 5000 --out big.json``).
"""

from __future__ import annotations

import argparse
import json
import string
from pathlib import Path

BOOTH = 3.0   # a Korean shell-scheme booth: 3 m × 3 m
AISLE = 3.0


def rect(x, y, w, h):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]]}


def line(*points):
    return {"type": "LineString", "coordinates": [list(p) for p in points]}


def point(x, y):
    return {"type": "Point", "coordinates": [x, y]}


#: Walkway names for turn-by-turn directions ("Go 20 m along the lobby"); aisles between booth
#: rows need none: the directions name them by their rows.
WALKWAY_NAMES = {
    "lobby": {
        "en": "the lobby",
        "ko": "로비",
        "zh-Hant": "大廳"
    },
    "corridor": {
        "en": "the corridor",
        "ko": "복도",
        "zh-Hant": "走廊"
    },
    "hall-door": {
        "en": "the walkway to the Exhibition Hall",
        "ko": "전시장 통로",
        "zh-Hant": "展覽館通道"
    },
    "hall-east": {
        "en": "the east door",
        "ko": "동쪽 문 통로",
        "zh-Hant": "東側門通道"
    },
    "west": {
        "en": "the west aisle",
        "ko": "서쪽 통로",
        "zh-Hant": "西側走道"
    },
    "cross": {
        "en": "the centre aisle",
        "ko": "중앙 통로",
        "zh-Hant": "中央走道"
    },
    "east": {
        "en": "the east aisle",
        "ko": "동쪽 통로",
        "zh-Hant": "東側走道"
    },
}


def feature(fid, geometry, **props):
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": props}


def i18n(en, ko=None, zh=None):
    out = {"en": en}
    if ko:
        out["ko"] = ko
    if zh:
        out["zh-Hant"] = zh
    return out


def row_letters():
    """A, B, … Z, AA, AB, … for any number of rows."""
    n = 0
    while True:
        n += 1
        for combo in _combos(n):
            yield combo


def _combos(n):
    if n == 1:
        yield from string.ascii_uppercase
    else:
        for head in _combos(n - 1):
            for tail in string.ascii_uppercase:
                yield head + tail


def hall(*, x0: float, y0: float, per_half: int, blocks: int, north_row: int, level: str = "1F",
         within: str = "EXH") -> tuple[list[dict], float, float]:
    """Booths in double rows (back to back) between 3 m aisles, one cross aisle in the middle,
    plus a single row against the north wall. Returns (features, width, depth of the booth area)."""
    feats = []
    letters = row_letters()
    half = per_half * BOOTH
    left = x0 + AISLE                    # west aisle, then the first half
    cross = left + half                  # cross aisle
    right = cross + AISLE
    width = AISLE + half + AISLE + half + AISLE
    aisle_ys = []
    y = y0
    if north_row:
        letter = next(letters)
        for i in range(north_row):
            bx = left + i * BOOTH if i < per_half else right + (i - per_half) * BOOTH
            feats.append(feature(f"{letter}{i + 1:02d}", rect(bx, y, BOOTH, BOOTH), feature_type="booth",
                                 level=level, within=within, door=[bx + BOOTH / 2, y + BOOTH + AISLE / 2]))
        y += BOOTH
    for _b in range(blocks):
        aisle_ys.append(y + AISLE / 2)
        y += AISLE
        for side in (0, 1):             # north row opens north, south row opens south
            letter = next(letters)
            for i in range(2 * per_half):
                bx = left + i * BOOTH if i < per_half else right + (i - per_half) * BOOTH
                door_y = y - AISLE / 2 if side == 0 else y + BOOTH + AISLE / 2
                feats.append(feature(f"{letter}{i + 1:02d}", rect(bx, y, BOOTH, BOOTH), feature_type="booth",
                                     level=level, within=within, door=[bx + BOOTH / 2, door_y]))
            y += BOOTH
    aisle_ys.append(y + AISLE / 2)
    y += AISLE
    west, east, cross_x = x0 + AISLE / 2, x0 + width - AISLE / 2, cross + AISLE / 2
    for k, ay in enumerate(aisle_ys):
        feats.append(feature(f"W-{level}-aisle-{k + 1}", line((west, ay), (east, ay)), feature_type="walkway", level=level))
    top, bottom = aisle_ys[0], aisle_ys[-1]
    feats.append(feature(f"W-{level}-west", line((west, top), (west, bottom)), feature_type="walkway", level=level,
                         name=WALKWAY_NAMES["west"]))
    feats.append(feature(f"W-{level}-cross", line((cross_x, top), (cross_x, bottom)), feature_type="walkway", level=level,
                         name=WALKWAY_NAMES["cross"]))
    feats.append(feature(f"W-{level}-east", line((east, top), (east, bottom)), feature_type="walkway", level=level,
                         name=WALKWAY_NAMES["east"]))
    return feats, width, y - y0


def innofair() -> dict:
    feats = []
    # ---- 1F: the Exhibition Hall (x 4–67, y 6–48): 15 + 3 × 36 = 123 booths
    booths, width, depth = hall(x0=4, y0=6, per_half=9, blocks=3, north_row=15)
    feats += booths                                          # aisles at y 10.5, 19.5, 28.5, 37.5
    feats.append(feature("W-1F-hall-door", line((42, 37.5), (42, 58)), feature_type="walkway", level="1F",
                         name=WALKWAY_NAMES["hall-door"]))
    feats.append(feature("W-1F-hall-east", line((65.5, 19.5), (70, 19.5)), feature_type="walkway", level="1F",
                         name=WALKWAY_NAMES["hall-east"]))
    feats.append(feature("D-EXH-south", point(42, 48), feature_type="opening", category="entrance", level="1F", unit="EXH",
                         name=i18n("Exhibition Hall entrance", "전시장 입구", "展覽館入口")))
    feats.append(feature("D-EXH-east", point(67, 19.5), feature_type="opening", category="entrance", level="1F", unit="EXH",
                         name=i18n("Exhibition Hall east door", "전시장 동쪽 문", "展覽館東側門")))
    feats.append(feature("T-1F-hall", rect(56, 6, 11, 3), feature_type="amenity", category="toilets", level="1F",
                         door=[61.5, 10.5], name=i18n("Toilets", "화장실", "洗手間")))
    for fid, (x, y) in {"X-1F-west-1": (4, 19.5), "X-1F-west-2": (4, 37.5)}.items():
        feats.append(feature(fid, point(x, y), feature_type="amenity", category="exit", level="1F",
                             name=i18n("Emergency exit", "비상구", "緊急出口")))
    feats.append(feature("D-STAGE", point(13, 39), feature_type="opening", level="1F", unit="STAGE"))
    feats.append(feature("D-LOUNGE", point(56, 39), feature_type="opening", level="1F", unit="LOUNGE"))
    # ---- 1F: lobby, entrance, rooms 101–106 along a corridor north of the lobby
    feats.append(feature("W-1F-lobby", line((8, 58), (132, 58)), feature_type="walkway", level="1F",
                         name=WALKWAY_NAMES["lobby"]))
    feats.append(feature("W-1F-corridor", line((70, 58), (70, 19.5), (134, 19.5)), feature_type="walkway", level="1F",
                         name=WALKWAY_NAMES["corridor"]))
    feats.append(feature("D-ENTRANCE", point(71, 68), feature_type="opening", category="entrance", level="1F", unit="ENTRANCE"))
    feats.append(feature("D-WELCOME", point(87, 68), feature_type="opening", level="1F", unit="WELCOME"))
    for i, room in enumerate(["101", "102", "103", "104", "105", "106"]):
        feats.append(feature(f"D-{room}", point(75.5 + 11 * i, 16), feature_type="opening", level="1F", unit=room))
    feats.append(feature("T-1F-lobby", rect(112, 60, 10, 6), feature_type="amenity", category="toilets", level="1F",
                         door=[117, 60], name=i18n("Toilets", "화장실", "洗手間")))
    # ---- 2F and 3F
    for level in ("2F", "3F"):
        feats.append(feature(f"W-{level}-lobby", line((20, 58), (132, 58)), feature_type="walkway", level=level,
                             name=WALKWAY_NAMES["lobby"]))
        feats.append(feature(f"T-{level}", rect(112, 60, 10, 6), feature_type="amenity", category="toilets", level=level,
                             door=[117, 60], name=i18n("Toilets", "화장실", "洗手間")))
    feats.append(feature("W-2F-corridor", line((28, 45), (118, 45)), feature_type="walkway", level="2F",
                         name=WALKWAY_NAMES["corridor"]))
    feats.append(feature("W-2F-link-west", line((28, 45), (28, 58)), feature_type="walkway", level="2F"))
    feats.append(feature("W-2F-link-east", line((118, 45), (118, 58)), feature_type="walkway", level="2F"))
    for i, room in enumerate(["201", "202", "203", "204"]):
        feats.append(feature(f"D-{room}", point(37 + 14 * i, 41), feature_type="opening", level="2F", unit=room))
    feats.append(feature("D-205", point(94.5, 41), feature_type="opening", level="2F", unit="205"))
    feats.append(feature("D-206", point(107.5, 41), feature_type="opening", level="2F", unit="206"))
    for room, x in (("300A", 46), ("300B", 78), ("300C", 110)):
        feats.append(feature(f"D-{room}", point(x, 44), feature_type="opening", level="3F", unit=room))
    feats.append(feature("D-300", point(78, 44), feature_type="opening", level="3F", unit="300"))
    # ---- lift and stairs join the floors
    feats.append(feature("LIFT-1", rect(98, 50, 4, 4), feature_type="connector", category="elevator",
                         doors={"1F": [100, 54], "2F": [100, 54], "3F": [100, 54]},
                         name=i18n("Lift", "엘리베이터", "電梯")))
    feats.append(feature("STAIRS-1", rect(104, 50, 5, 4), feature_type="connector", category="stairs",
                         doors={"1F": [106.5, 54], "2F": [106.5, 54], "3F": [106.5, 54]},
                         name=i18n("Stairs", "계단", "樓梯")))
    # ---- kiosks
    feats.append(feature("K1", point(60, 61), feature_type="kiosk", level="1F",
                         name=i18n("Lobby kiosk", "로비 키오스크", "大廳資訊站")))
    feats.append(feature("K2", point(44, 45), feature_type="kiosk", level="1F",
                         name=i18n("Exhibition Hall kiosk", "전시장 키오스크", "展覽館資訊站")))
    feats.append(feature("K3", point(80, 61), feature_type="kiosk", level="3F",
                         name=i18n("3rd-floor lobby kiosk", "3층 로비 키오스크", "3樓大廳資訊站")))
    return {
        "type": "FeatureCollection",
        "format": "kiosk-venue-map/1",
        "units": "metres; each floor's origin is its top-left corner, y grows southwards",
        "features": feats,
    }


def generated(booths: int) -> dict:
    """A hall with at least ``booths`` booths (for benchmarks), on one level, plus a kiosk."""
    per_half = 25
    per_block = 4 * per_half
    blocks = max(1, -(-booths // per_block))
    feats, width, depth = hall(x0=0, y0=0, per_half=per_half, blocks=blocks, north_row=0, within="HALL")
    feats.append(feature("W-exit", line((width / 2, depth - AISLE / 2), (width / 2, depth + 5)), feature_type="walkway", level="1F"))
    feats.append(feature("K1", point(width / 2, depth + 5), feature_type="kiosk", level="1F", name=i18n("Kiosk")))
    return {"type": "FeatureCollection", "format": "kiosk-venue-map/1", "features": feats,
            "hall": [0, 0, width, depth + 6]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "venue-map.json")
    ap.add_argument("--booths", type=int, help="a generated hall with this many booths instead of HICO")
    args = ap.parse_args()
    data = generated(args.booths) if args.booths else innofair()
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(1 for f in data["features"] if f["properties"]["feature_type"] == "booth")
    print(f"wrote {args.out}: {n} booths, {len(data['features'])} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
