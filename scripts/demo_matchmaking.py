#!/usr/bin/env python3
"""Generate the demo matchmaking data (data/matchmaking.toml): 20 buyer companies, 20 tables in
the matchmaking lounge, a two-day meeting grid, and the bilateral and courtesy meetings the trip
report names.

The report gives only: matchmaking on 14 and 15 June, 10:00–17:00, on the ground floor beside the
exhibition; 20 invited overseas buyer companies, Taiwan among them; the Hsinchu Science Park –
IT Park Uzbekistan meeting on 15 June at 15:00 at the fair; and courtesy meetings without times.
Everything else here is **assumed** (see data/README.md). Run it only to start over: it overwrites
the file, which is the source of truth once written. ``--buyers/--meetings`` build large sets for
benchmarks (written elsewhere with ``--out``).
"""

from __future__ import annotations

import argparse
import random
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DAYS = (date(2023, 6, 14), date(2023, 6, 15))
SLOT = 30
#: 10:00–12:30 and 13:30–17:00 (a lunch hour without meetings is assumed)
SLOTS = ["10:00", "10:30", "11:00", "11:30", "12:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"]
MEETINGS_PER_BUYER_PER_DAY = 7

# id, name en, zh-Hant (only where the company would write one), country, interests, representatives
# (sample attendees of attendees.csv whose organisation is this buyer)
BUYERS = [
    ("b-stsp", "Southern Taiwan Science Park (sample)", "南部科學園區（範例）", "TW", ["ict", "machinery"], ["A0176"]),
    ("b-ctsp", "Central Taiwan Science Park (sample)", "中部科學園區（範例）", "TW", ["machinery", "auto"], ["A0179", "A0188"]),
    ("b-cyberjaya", "Cyberjaya Hub (sample)", None, "MY", ["ict", "bio"], ["A0206"]),
    ("b-penang", "Penang Science Cluster (sample)", None, "MY", ["auto", "machinery"], ["A0213"]),
    ("b-ulaanbaatar", "Ulaanbaatar Tech Park (sample)", None, "MN", ["bio", "food"], ["A0220"]),
    ("b-tsp", "Thailand Science Park (sample)", None, "TH", ["food", "bio"], ["A0231", "A0237"]),
    ("b-lahore", "Lahore Tech Zone (sample)", None, "PK", ["ict", "other"], ["A0242"]),
    ("b-pardis", "Pardis Technology Park (sample)", None, "IR", ["auto", "bio"], ["A0250", "A0252"]),
    ("b-bandung", "Bandung Techno Park (sample)", None, "ID", ["ict", "cosmetics"], ["A0265", "A0267"]),
    ("b-hoalac", "Hoa Lac Hi-Tech Park (sample)", None, "VN", ["ict", "machinery"], ["A0280"]),
    ("b-kansai", "Kansai Science City (sample)", None, "JP", ["auto", "bio"], ["A0286", "A0288"]),
    ("b-formosa-auto", "Formosa Auto Sourcing (sample)", "福爾摩沙汽車零件採購（範例）", "TW", ["auto"], []),
    ("b-hsinchu-med", "Hsinchu MedTech Buyers (sample)", "新竹醫材採購（範例）", "TW", ["bio"], []),
    ("b-klmed", "Kuala Lumpur MedSupply (sample)", None, "MY", ["bio", "cosmetics"], []),
    ("b-bkkfood", "Bangkok Food Import (sample)", None, "TH", ["food"], []),
    ("b-hanoi-elec", "Hanoi Electronics Trading (sample)", None, "VN", ["ict", "auto"], []),
    ("b-jkt-beauty", "Jakarta Beauty Distribution (sample)", None, "ID", ["cosmetics", "food"], []),
    ("b-osaka-parts", "Osaka Precision Parts (sample)", None, "JP", ["auto", "machinery"], []),
    ("b-ub-health", "Ulaanbaatar Health Import (sample)", None, "MN", ["bio", "other"], []),
    ("b-karachi-mach", "Karachi Machinery Traders (sample)", None, "PK", ["machinery", "other"], []),
]

# The report's bilateral and courtesy meetings ("八. 國際合作"). Only the first has a date and time in
# the report; the courtesy meetings' times, every end time, every room and the participants
# (sample attendees of the right organisations: the real people are not in attendees.csv) are assumed.
BILATERAL = [
    dict(id="bm-hsp-itpu", kind="bilateral", day=DAYS[1], start="15:00", end="15:30", room="105",
         title={"en": "Hsinchu Science Park – IT Park Uzbekistan meeting",
                "ko": "신주 과학단지 – 우즈베키스탄 IT파크 회의", "zh-Hant": "竹科與烏茲別克資訊科技園區洽談"},
         delegation="Hsinchu Science Park Bureau (Director-General Wang Yung-Chuang); IT Park Uzbekistan "
                    "(First Deputy Director Abdulahad Kuchkarov)",
         participants=["A0184", "A0257"], assumed=["end", "room", "participants"]),
    dict(id="cm-mongolia", kind="courtesy", day=DAYS[0], start="11:00", end="11:30", room="106",
         title={"en": "Courtesy meeting: Hsinchu Science Park and the Mongolian science park",
                "ko": "예방 면담: 신주 과학단지 – 몽골 과학단지", "zh-Hant": "王永壯局長與蒙古科學園區 Bolor-Erdene Otgonbaigal 女士洽談"},
         delegation="Wang Yung-Chuang; Bolor-Erdene Otgonbaigal (Mongolian science park)",
         participants=["A0184", "A0224"], assumed=["day", "start", "end", "room", "participants"]),
    dict(id="cm-incheon", kind="courtesy", day=DAYS[0], start="13:30", end="14:00", room="106",
         title={"en": "Courtesy meeting: Hsinchu and Central Taiwan science parks with Incheon Technopark",
                "ko": "예방 면담: 신주·중부 과학단지 – 인천테크노파크", "zh-Hant": "竹科、中科與仁川科技園區 Suh Won-Tack 總經理洽談"},
         delegation="Hsinchu and Central Taiwan science parks; Incheon Technopark (President Suh Won-Tack)",
         participants=["A0184", "A0182"], assumed=["day", "start", "end", "room", "participants"]),
    dict(id="cm-isquare", kind="courtesy", day=DAYS[1], start="11:30", end="12:00", room="106",
         title={"en": "Courtesy meeting: Hsinchu Science Park and IsquareVentures",
                "ko": "예방 면담: 신주 과학단지 – 아이스퀘어벤처스", "zh-Hant": "王永壯局長與 IsquareVentures 執行長 JaeHoon Rhee 洽談"},
         delegation="Wang Yung-Chuang; JaeHoon Rhee (CEO, IsquareVentures)",
         participants=["A0184"], assumed=["day", "start", "end", "room", "participants"]),
    dict(id="cm-mekonglink", kind="courtesy", day=DAYS[1], start="14:00", end="14:30", room="106",
         title={"en": "Courtesy meeting: Hsinchu Science Park and Mekonglink",
                "ko": "예방 면담: 신주 과학단지 – 메콩링크", "zh-Hant": "王永壯局長與 Mekonglink 執行長 KIM WAN JIN 洽談"},
         delegation="Wang Yung-Chuang; KIM WAN JIN (CEO, Mekonglink)",
         participants=["A0184"], assumed=["day", "start", "end", "room", "participants"]),
    dict(id="cm-stepi", kind="courtesy", day=DAYS[1], start="16:00", end="16:30", room="105",
         title={"en": "Meeting with STEPI, IT Park Uzbekistan, KTPA, the Gyeongbuk IT convergence institute and NSTDA",
                "ko": "과학기술정책연구원·우즈베키스탄 IT파크·한국테크노파크진흥회·경북IT융합산업기술원·NSTDA 면담",
                "zh-Hant": "與韓國科學技術政策研究所、烏茲別克資訊科技園區、韓國科技園區振興協會、慶北資訊科技融合產業技術研究所、泰國國家科學及技術發展局會談"},
         delegation="Wang Yung-Chuang; Mi Ock Mun (STEPI); Abdulahad Kuchkarov (ITPU); Young Jib Kim (KTPA); "
                    "ChilSeok Yun; Janekrishna Kanatharana (NSTDA)",
         participants=["A0184", "A0257"], assumed=["day", "start", "end", "room", "participants"]),
    dict(id="cm-dgfez", kind="courtesy", day=DAYS[0], start="14:30", end="15:00", room="105",
         title={"en": "Courtesy meeting: Hsinchu and Central Taiwan science parks with the Daegu-Gyeongbuk Free Economic Zone",
                "ko": "예방 면담: 신주·중부 과학단지 – 대구경북경제자유구역청",
                "zh-Hant": "竹科、中科與大邱慶北經濟自由區域廳交流"},
         delegation="Hsinchu and Central Taiwan science parks; Daegu-Gyeongbuk Free Economic Zone Authority",
         participants=["A0184", "A0182"], assumed=["day", "start", "end", "room", "participants"]),
]

# sessions a few sample attendees registered for (no registrations are published: assumed)
REGISTRATIONS = {
    "A0184": ["d1-opening", "d1-keynote", "d1-roundtable", "d2-forum1", "d2-forum2", "d2-gala"],
    "A0257": ["d1-opening", "d1-keynote", "d1-roundtable", "d2-forum2", "d2-gala"],
    "A0176": ["d1-opening", "d1-keynote", "d2-gala"],
    "A0179": ["d1-opening", "d1-keynote", "d2-masterclass3"],
}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _i18n(d: dict) -> str:
    return "{ " + ", ".join(f"{k} = {_q(v)}" for k, v in d.items()) + " }"


def tables() -> list[dict]:
    """20 tables in the lounge (48–64 × 39–48 m on 1F): 5 across, 4 deep."""
    out = []
    for j in range(4):
        for i in range(5):
            n = j * 5 + i + 1
            out.append({"id": f"T{n:02d}", "x": round(49.6 + 3.2 * i, 1), "y": round(40.2 + 2.2 * j, 1)})
    return out


def exhibitors() -> list[tuple[str, str]]:
    with (DATA / "exhibitors.toml").open("rb") as fh:
        return [(e["id"], e.get("category", "")) for e in tomllib.load(fh)["exhibitors"]]


def exhibitor_attendees() -> list[str]:
    return [line.split(",")[0] for line in (DATA / "attendees.csv").read_text(encoding="utf-8").splitlines()[1:]
            if line.rstrip().endswith(",exhibitor")]


def grid(rng: random.Random, buyers, exhibitor_list, reps_of) -> list[dict]:
    by_cat: dict[str, list[str]] = {}
    for eid, cat in exhibitor_list:
        by_cat.setdefault(cat, []).append(eid)
    meetings = []
    for day in DAYS:
        busy: set[tuple[str, str]] = set()      # (exhibitor, slot)
        met: set[tuple[str, str]] = set()       # (buyer, exhibitor): once per event is enough
        for b_i, (bid, _en, _zh, _c, interests, reps) in enumerate(buyers):
            table = f"T{b_i + 1:02d}"           # a buyer keeps one table; exhibitors come to it
            slots = sorted(rng.sample(range(len(SLOTS)), MEETINGS_PER_BUYER_PER_DAY))
            candidates = [e for c in interests for e in by_cat.get(c, [])]
            for s in slots:
                rng.shuffle(candidates)
                pick = next((e for e in candidates if (e, s) not in busy and (bid, e) not in met), None)
                if pick is None:
                    continue
                busy.add((pick, s))
                met.add((bid, pick))
                start = SLOTS[s]
                end = (datetime.strptime(start, "%H:%M") + timedelta(minutes=SLOT)).strftime("%H:%M")
                meetings.append({"id": f"{'d1' if day == DAYS[0] else 'd2'}-{table}-{start.replace(':', '')}",
                                 "day": day, "start": start, "end": end, "table": table, "buyer": bid,
                                 "exhibitor": pick, "participants": reps + reps_of.get(pick, [])})
    return meetings


def write(path: Path) -> None:
    rng = random.Random(2023)
    ex = exhibitors()
    reps = exhibitor_attendees()
    reps_of = {eid: [aid] for (eid, _c), aid in zip(ex, reps)}
    lines = [
        "# SCIENCEPARK INNOFAIR 2023 — business matchmaking and bilateral meetings.",
        "# Generated by scripts/demo_matchmaking.py; edit by hand from here on. See data/README.md.",
        "#",
        "# From the trip report: matchmaking on 14 and 15 June, 10:00–17:00, ground floor beside the exhibition;",
        "# 20 invited overseas buyer companies, Taiwan among them (no names, no other countries); the Hsinchu",
        "# Science Park – IT Park Uzbekistan meeting, 15 June 15:00, at the fair; courtesy meetings (no times).",
        "# ASSUMED: every buyer name (marked \"(sample)\") and country but Taiwan's, their interests, the tables",
        "# and their places, the 30-minute slots and the lunch hour, the whole meeting grid, which sample",
        "# attendee represents which company, every room, the courtesy meetings' days and times, every end",
        "# time, and the session registrations.",
        "# (top-level lists come first: in TOML a key after a [table] header belongs to that table)",
        "",
    ]
    tail = ["[matchmaking]", f"slot_minutes = {SLOT}", ""]
    for t in tables():
        tail.append(f'[[tables]]\nid = "{t["id"]}"\nroom = "LOUNGE"\nfloor = "1F"\nat = [{t["x"]}, {t["y"]}]\nseats = 4\n')
    for bid, en, zh, country, interests, rep in BUYERS:
        name = {"en": en}
        if zh:
            name["zh-Hant"] = zh
        assumed = ["name", "interests"] + ([] if country == "TW" else ["country"])
        tail.append(f"[[buyers]]\nid = {_q(bid)}\nname = {_i18n(name)}\ncountry = {_q(country)}\n"
                     f"interests = [{', '.join(_q(i) for i in interests)}]\n"
                     f"representatives = [{', '.join(_q(r) for r in rep)}]\n"
                     f"assumed = [{', '.join(_q(a) for a in assumed)}]\n")
    lines.append("# which sample attendee stands for which exhibitor (assumed)")
    lines.append("exhibitor_representatives = [")
    for eid, aids in reps_of.items():
        lines.append(f"  {{ exhibitor = {_q(eid)}, attendees = [{', '.join(_q(a) for a in aids)}] }},")
    lines.append("]\n")
    lines.append("# sessions sample attendees registered for (assumed)")
    lines.append("registrations = [")
    for aid, sessions in REGISTRATIONS.items():
        lines.append(f"  {{ attendee = {_q(aid)}, sessions = [{', '.join(_q(s) for s in sessions)}] }},")
    lines.append("]\n")
    for m in BILATERAL:
        tail.append(f"[[meetings]]\nid = {_q(m['id'])}\nkind = {_q(m['kind'])}\nday = {m['day'].isoformat()}\n"
                     f"start = {_q(m['start'])}\nend = {_q(m['end'])}\nroom = {_q(m['room'])}\n"
                     f"title = {_i18n(m['title'])}\ndelegation = {_q(m['delegation'])}\n"
                     f"participants = [{', '.join(_q(p) for p in m['participants'])}]\n"
                     f"assumed = [{', '.join(_q(a) for a in m['assumed'])}]\n")
    lines.append("# the B2B grid (all assumed): a buyer keeps its table, exhibitors come to it")
    lines.append("b2b = [")
    for m in grid(rng, BUYERS, ex, reps_of):
        lines.append(f"  {{ id = {_q(m['id'])}, day = {m['day'].isoformat()}, start = {_q(m['start'])}, "
                     f"end = {_q(m['end'])}, table = {_q(m['table'])}, buyer = {_q(m['buyer'])}, "
                     f"exhibitor = {_q(m['exhibitor'])}, participants = [{', '.join(_q(p) for p in m['participants'])}] }},")
    lines.append("]\n")
    path.write_text("\n".join(lines + tail).rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=DATA / "matchmaking.toml")
    args = p.parse_args()
    write(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
