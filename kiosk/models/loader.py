"""Build an event database from the editable TOML files in ``data/``.

Every problem in the files is collected and reported at once (file and item), and nothing
is written unless all of it is valid.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .store import EventStore

from .domain import COLUMN_SUFFIX, ROLES, SESSION_TYPES
from .errors import KioskError
from .venue_map import Rect, polygon_rect

EVENT_FILE = "event.toml"
PROGRAMME_FILE = "programme.toml"
EXHIBITORS_FILE = "exhibitors.toml"   # optional: an event may have no exhibition
MAP_FILE = "venue-map.json"           # optional: without it there is no floor map or routing
ATTENDEES_FILE = "attendees.csv"      # optional: the badge holders (UTF-8 CSV)
MATCHMAKING_FILE = "matchmaking.toml" # optional: buyers, tables, B2B and bilateral meetings
ATTENDEE_COLUMNS = ("id", "name", "name_local", "organisation", "country", "type")
MAP_FEATURE_TYPES = ("booth", "walkway", "opening", "amenity", "connector", "kiosk")


class DataError(KioskError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "The event data has problems:\n" + "\n".join(f"  - {p}" for p in problems),
            code="data_invalid",
            hint="Fix them in data/ and run init-db again; nothing was written.",
        )
        self.problems = problems


def _read(path: Path, problems: list[str]) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.append(f"{path}: file not found")
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path}: not valid TOML ({exc})")
    except UnicodeDecodeError as exc:
        problems.append(f"{path}: not UTF-8 ({exc})")
    return {}


def _i18n(value, column: str, where: str, problems: list[str], *, required: bool = True) -> dict:
    """``{"en": .., "ko": .., "zh-Hant": ..}`` → ``{column_en: .., column_ko: .., column_zh: ..}``."""
    out = {f"{column}_{suffix}": None for suffix in COLUMN_SUFFIX.values()}
    if value is None:
        if required:
            problems.append(f"{where}: missing {column}")
        return out
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        problems.append(f"{where}: {column} must be a table of languages (en, ko, zh-Hant)")
        return out
    for lang, text in value.items():
        if lang not in COLUMN_SUFFIX:
            problems.append(f"{where}: {column} has unknown language {lang!r} (use en, ko, zh-Hant)")
            continue
        out[f"{column}_{COLUMN_SUFFIX[lang]}"] = str(text)
    if required and not out[f"{column}_en"]:
        problems.append(f"{where}: {column} needs an English text (en)")
    return out


def _time(value, where: str, problems: list[str]) -> time | None:
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: bad time {value!r} (use HH:MM)")
        return None


def _unique(items: list[dict], what: str, file: str, problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        ident = item.get("id")
        if not ident:
            problems.append(f"{file}: {what} #{i} has no id")
        elif ident in seen:
            problems.append(f"{file}: duplicate {what} id {ident!r}")
        else:
            seen.add(str(ident))
    return seen


def load_event(store: EventStore, data_dir: str | Path, *, venue_only: bool = False) -> dict[str, int]:
    """Validate ``data_dir`` and write its event into ``db`` (which must be empty and migrated).

    Returns counts per table. Raises :class:`DataError` listing every problem found.
    """
    data_dir = Path(data_dir)
    problems: list[str] = []
    ev_path, pr_path = data_dir / EVENT_FILE, data_dir / PROGRAMME_FILE
    ev = _read(ev_path, problems)
    pr = {} if venue_only else _read(pr_path, problems)
    if problems:
        raise DataError(problems)
    evf, prf = ev_path.name, pr_path.name

    e = ev.get("event", {})
    venue = ev.get("venue", {})
    try:
        tz = ZoneInfo(e.get("timezone", ""))
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"{evf}: [event] timezone {e.get('timezone')!r} is not a known time zone")
        tz = ZoneInfo("UTC")
    first, last = e.get("first_day"), e.get("last_day")
    if not isinstance(first, date) or not isinstance(last, date) or first > last:
        problems.append(f"{evf}: [event] first_day and last_day must be dates, first ≤ last")
        first = last = None

    rows: dict[str, list[dict]] = {k: [] for k in (
        "venue", "event", "floor", "room", "category", "organisation", "person", "session",
        "session_person")}
    rows["venue"].append({"id": venue.get("id", "venue"), **_i18n(venue.get("name"), "name", f"{evf} [venue]", problems),
                          "address": venue.get("address")})
    rows["event"].append({
        "id": e.get("id", "event"),
        **_i18n(e.get("name"), "name", f"{evf} [event]", problems),
        **_i18n(e.get("subtitle"), "subtitle", f"{evf} [event]", problems, required=False),
        **_i18n(e.get("theme"), "theme", f"{evf} [event]", problems, required=False),
        "organiser": e.get("organiser"), "hosts": e.get("hosts"), "timezone": str(tz),
        "first_day": first.isoformat() if first else "", "last_day": last.isoformat() if last else "",
        "default_language": e.get("default_language", "en"), "venue_id": venue.get("id", "venue"),
        "badge_prefix": str(e.get("badge_prefix", "KIOSK")).upper(),
        "agenda_url": e.get("agenda_url"),
    })
    if not re.fullmatch(r"[A-Z0-9]{2,12}", rows["event"][0]["badge_prefix"]):
        problems.append(f"{evf}: [event] badge_prefix must be 2–12 letters or digits")

    floors = ev.get("floors", [])
    floor_ids = _unique(floors, "floor", evf, problems)
    for f in floors:
        where = f"{evf} floor {f.get('id')!r}"
        plan = f.get("plan") or [100, 100]
        rows["floor"].append({"id": f.get("id"), "venue_id": venue.get("id", "venue"),
                              "level": int(f.get("level", 0)), **_i18n(f.get("name"), "name", where, problems),
                              "plan_width": plan[0], "plan_depth": plan[1]})

    rooms = ev.get("rooms", [])
    room_ids = _unique(rooms, "room", evf, problems)
    for r in rooms:
        where = f"{evf} room {r.get('id')!r}"
        if r.get("floor") not in floor_ids:
            problems.append(f"{where}: unknown floor {r.get('floor')!r}")
        if r.get("part_of") and r["part_of"] not in room_ids:
            problems.append(f"{where}: part_of names unknown room {r['part_of']!r}")
        plan = r.get("plan")
        if plan is not None and (len(plan) != 4 or plan[2] <= 0 or plan[3] <= 0):
            problems.append(f"{where}: plan must be [x, y, width, depth] with positive size")
            plan = None
        rows["room"].append({
            "id": r.get("id"), "floor_id": r.get("floor"), "part_of": r.get("part_of"),
            "kind": r.get("kind", "meeting"), **_i18n(r.get("name"), "name", where, problems),
            **_i18n(r.get("directions"), "directions", where, problems, required=False),
            "area_m2": r.get("area_m2"), "seats": r.get("seats"),
            "plan_x": plan[0] if plan else None, "plan_y": plan[1] if plan else None,
            "plan_w": plan[2] if plan else None, "plan_h": plan[3] if plan else None,
            "assumed": ",".join(r.get("assumed", [])),
        })

    cats = ev.get("categories", [])
    _unique(cats, "category", evf, problems)
    for i, c in enumerate(cats):
        rows["category"].append({"id": c.get("id"), **_i18n(c.get("name"), "name", f"{evf} category {c.get('id')!r}", problems),
                                 "colour": c.get("colour", "#888888"), "symbol": c.get("symbol", "?"), "position": i})

    orgs = pr.get("organisations", [])
    org_ids = _unique(orgs, "organisation", prf, problems)
    for o in orgs:
        rows["organisation"].append({"id": o.get("id"), **_i18n(o.get("name"), "name", f"{prf} organisation {o.get('id')!r}", problems),
                                     "country": o.get("country")})
    people = pr.get("people", [])
    person_ids = _unique(people, "person", prf, problems)
    for p in people:
        where = f"{prf} person {p.get('id')!r}"
        if p.get("organisation") and p["organisation"] not in org_ids:
            problems.append(f"{where}: unknown organisation {p['organisation']!r}")
        if not p.get("name"):
            problems.append(f"{where}: missing name")
        rows["person"].append({"id": p.get("id"), "name": p.get("name", ""), "name_local": p.get("name_local"),
                               **_i18n(p.get("title"), "title", where, problems, required=False),
                               "organisation_id": p.get("organisation")})

    sessions = pr.get("sessions", [])
    _unique(sessions, "session", prf, problems)
    for s in sessions:
        where = f"{prf} session {s.get('id')!r}"
        if s.get("type") not in SESSION_TYPES:
            problems.append(f"{where}: unknown type {s.get('type')!r} (one of {', '.join(SESSION_TYPES)})")
        room = s.get("room")
        if room is not None and room not in room_ids:
            problems.append(f"{where}: unknown room {room!r}")
        day = s.get("day")
        if not isinstance(day, date) or (first and not (first <= day <= last)):
            problems.append(f"{where}: day {day!r} is not one of the event's days")
            continue
        t0, t1 = _time(s.get("start"), where, problems), _time(s.get("end"), where, problems)
        if not t0 or not t1:
            continue
        start, end = datetime.combine(day, t0, tz), datetime.combine(day, t1, tz)
        if end <= start:
            problems.append(f"{where}: ends ({s.get('end')}) before it starts ({s.get('start')})")
            continue
        rows["session"].append({
            "id": s.get("id"), "type": s.get("type"),
            **_i18n(s.get("title"), "title", where, problems),
            **_i18n(s.get("description"), "description", where, problems, required=False),
            "published_start": start.isoformat(), "published_end": end.isoformat(), "published_room_id": room,
            "start": start.isoformat(), "end": end.isoformat(), "room_id": room,
            "status": "scheduled", "notice": "", "room_assumed": int(bool(s.get("room_assumed", False))),
        })
        for pos, part in enumerate(s.get("people", [])):
            if part.get("person") not in person_ids:
                problems.append(f"{where}: unknown person {part.get('person')!r}")
            if part.get("role") not in ROLES:
                problems.append(f"{where}: role {part.get('role')!r} for {part.get('person')!r} (one of {', '.join(ROLES)})")
            rows["session_person"].append({"session_id": s.get("id"), "person_id": part.get("person"),
                                           "role": part.get("role"), "position": pos,
                                           **_i18n(part.get("talk"), "talk", where, problems, required=False)})

    room_rects = {r["id"]: Rect(r["plan_x"], r["plan_y"], r["plan_w"], r["plan_h"])
                  for r in rows["room"] if r["plan_x"] is not None}
    room_floor = {r["id"]: r["floor_id"] for r in rows["room"]}
    map_path = data_dir / MAP_FILE
    if map_path.exists() and not venue_only:
        rows.update(_load_map(map_path, floor_ids, room_floor, room_rects, problems))
    ex_path = data_dir / EXHIBITORS_FILE
    if ex_path.exists() and not venue_only:
        rows.update(_load_exhibitors(_read(ex_path, problems), ex_path.name,
                                     {c.get("id") for c in cats}, {b["id"] for b in rows.get("booth", [])},
                                     problems))

    rows.update(_load_checkin_lists(ev.get("checkin_lists", []), evf, tz, problems,
                                    # (a venue-only build has no programme to check against)
                                    session_ids={s["id"] for s in rows["session"]} if rows.get("session") else None))
    att_path = data_dir / ATTENDEES_FILE
    if att_path.exists() and not venue_only:
        rows["attendee"] = _load_attendees(att_path, problems)
    mm_path = data_dir / MATCHMAKING_FILE
    if mm_path.exists() and not venue_only:
        mm = _read(mm_path, problems)
        slot = (mm.get("matchmaking") or {}).get("slot_minutes", 30)
        if not isinstance(slot, int) or not 5 <= slot <= 240:
            problems.append(f"{mm_path.name}: [matchmaking] slot_minutes must be a whole number of minutes (5–240)")
            slot = 30
        rows["event"][0]["meeting_slot_minutes"] = slot
        rows.update(_load_matchmaking(
            mm, mm_path.name, tz=tz, first=first, last=last, room_floor=room_floor, floor_ids=floor_ids,
            exhibitor_ids={e["id"] for e in rows.get("exhibitor", [])},
            attendee_ids={a["id"] for a in rows.get("attendee", [])},
            session_ids={s["id"] for s in rows["session"]}, category_ids={c.get("id") for c in cats},
            problems=problems))

    if problems:
        raise DataError(problems)
    db = store.db
    with store.atomic():
        if store.execute("SELECT count(*) FROM event").fetchone()[0]:
            raise KioskError("This database already holds an event.", code="db_not_empty",
                             hint="Build into a new file, or delete this one first.")
        for table in ("venue", "event", "floor", "room", "category", "organisation", "person",
                      "session", "session_person", "booth", "map_feature", "kiosk", "exhibitor",
                      "exhibitor_booth", "attendee", "checkin_list", "checkin_window", "buyer", "buyer_rep",
                      "exhibitor_rep", "meeting_table", "meeting", "meeting_participant", "session_registration"):
            if rows.get(table):
                db[table].insert_all(rows[table])
    return {table: len(r) for table, r in rows.items()}


def _point(value) -> tuple[float, float] | None:
    try:
        x, y = value
        return float(x), float(y)
    except (TypeError, ValueError):
        return None


def _load_map(path: Path, floor_ids: set[str], room_floor: dict[str, str], room_rects: dict[str, Rect],
              problems: list[str]) -> dict[str, list[dict]]:
    """Booths, walkways, doors, amenities, lifts/stairs and kiosks from the map file."""
    name = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        problems.append(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
        return {}
    except UnicodeDecodeError as exc:
        problems.append(f"{name}: not UTF-8 ({exc})")
        return {}
    out: dict[str, list[dict]] = {"booth": [], "map_feature": [], "kiosk": []}
    seen: set[str] = set()
    booth_rects: list[tuple[Rect, str]] = []
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        problems.append(f"{name}: needs a \"features\" list (GeoJSON FeatureCollection)")
        return {}
    for n, f in enumerate(features, 1):
        props = f.get("properties") or {} if isinstance(f, dict) else {}
        fid = str(f.get("id") or "") if isinstance(f, dict) else ""
        kind = props.get("feature_type")
        where = f"{name} feature #{n} ({fid or 'no id'})"
        if not fid:
            problems.append(f"{where}: has no id")
            continue
        if fid in seen:
            what = "booth number" if kind == "booth" else "feature id"
            problems.append(f"{name}: duplicate {what} {fid!r}")
            continue
        seen.add(fid)
        if kind not in MAP_FEATURE_TYPES:
            problems.append(f"{where}: feature_type {kind!r} (one of {', '.join(MAP_FEATURE_TYPES)})")
            continue
        level = props.get("level")
        if kind != "connector" and level not in floor_ids:
            problems.append(f"{where}: level {level!r} is not a floor in event.toml")
            continue
        geometry = f.get("geometry") or {}
        names = _i18n(props.get("name"), "name", where, problems, required=False)
        if kind == "booth":
            rect = polygon_rect(geometry)
            door = _point(props.get("door"))
            within = props.get("within")
            if rect is None or rect.w <= 0 or rect.h <= 0:
                problems.append(f"{where}: booth {fid} must be a rectangle (Polygon of 4 corners)")
                continue
            if within not in room_floor:
                problems.append(f"{where}: booth {fid} is within unknown room {within!r}")
                continue
            if room_floor[within] != level:
                problems.append(f"{where}: booth {fid} is on {level} but its room {within} is on {room_floor[within]}")
            hall = room_rects.get(within)
            if hall is not None and not hall.contains(rect):
                problems.append(f"{where}: booth {fid} lies outside {within} "
                                f"(booth {rect.x:g},{rect.y:g} {rect.w:g}×{rect.h:g} m; hall {hall.x:g},{hall.y:g} "
                                f"{hall.w:g}×{hall.h:g} m)")
            if door is None:
                problems.append(f"{where}: booth {fid} needs a door [x, y] on its aisle")
                continue
            booth_rects.append((rect, fid))
            out["booth"].append({"id": fid, "room_id": within, "plan_x": rect.x, "plan_y": rect.y,
                                 "plan_w": rect.w, "plan_h": rect.h, "door_x": door[0], "door_y": door[1]})
        elif kind == "kiosk":
            p = _point(geometry.get("coordinates")) if geometry.get("type") == "Point" else None
            if p is None:
                problems.append(f"{where}: a kiosk is a Point")
                continue
            if not names["name_en"]:
                names["name_en"] = fid
            out["kiosk"].append({"id": fid, "floor_id": level, **names, "x": p[0], "y": p[1]})
        else:
            door = props.get("doors") if kind == "connector" else props.get("door")
            if kind == "connector":
                if not isinstance(door, dict) or not door or any(k not in floor_ids or _point(v) is None
                                                                 for k, v in door.items()):
                    problems.append(f"{where}: a lift or stairs needs doors {{floor: [x, y], …}} on known floors")
                    continue
            unit = props.get("unit")
            if unit is not None and unit not in room_floor:
                problems.append(f"{where}: door of unknown room {unit!r}")
                continue
            if kind == "walkway" and (geometry.get("type") != "LineString" or len(geometry.get("coordinates") or []) < 2):
                problems.append(f"{where}: a walkway is a LineString of 2 or more points")
                continue
            out["map_feature"].append({
                "id": fid, "floor_id": level if kind != "connector" else None, "feature_type": kind,
                "category": props.get("category"), **names, "unit_id": unit,
                "geometry": json.dumps(geometry), "door": json.dumps(door) if door is not None else None,
            })
    # overlapping booths: sweep along x so a 5,000-booth hall stays quick
    booth_rects.sort(key=lambda rf: rf[0].x)
    active: list[tuple[Rect, str]] = []
    for rect, fid in booth_rects:
        active = [(r, i) for r, i in active if r.right > rect.x + 1e-6]
        for other, oid in active:
            if rect.overlaps(other):
                problems.append(f"{name}: booths {oid} and {fid} overlap")
        active.append((rect, fid))
    return out


def _load_checkin_lists(lists: list[dict], name: str, tz, problems: list[str],
                        session_ids: set[str] | None = None) -> dict[str, list[dict]]:
    from .checkin import ATTENDEE_TYPES

    out: dict[str, list[dict]] = {"checkin_list": [], "checkin_window": []}
    _unique(lists, "check-in list", name, problems)
    for i, cl in enumerate(lists):
        where = f"{name} check-in list {cl.get('id')!r}"
        types = cl.get("types") or []
        bad = [t for t in types if t not in ATTENDEE_TYPES]
        if bad or not types:
            problems.append(f"{where}: types must be some of {', '.join(ATTENDEE_TYPES)}")
        # ``session``: the session the list is for (a dinner): the desk warns when it is cancelled
        session = cl.get("session")
        if session is not None and (not isinstance(session, str) or (session_ids is not None
                                                                     and session not in session_ids)):
            problems.append(f"{where}: session {session!r} is not a session of the programme")
            session = None
        out["checkin_list"].append({"id": cl.get("id"), **_i18n(cl.get("name"), "name", where, problems),
                                    "types": ",".join(types), "position": i, "session_id": session})
        for window in cl.get("windows") or []:
            try:
                start, end = (datetime.fromisoformat(str(v)) for v in window)
            except (TypeError, ValueError):
                problems.append(f"{where}: window {window!r} should be [\"2023-06-14T18:00\", \"2023-06-14T20:00\"]")
                continue
            start = start if start.tzinfo else start.replace(tzinfo=tz)
            end = end if end.tzinfo else end.replace(tzinfo=tz)
            if end <= start:
                problems.append(f"{where}: window ends before it starts ({window[0]} – {window[1]})")
                continue
            out["checkin_window"].append({"list_id": cl.get("id"), "start": start.isoformat(), "end": end.isoformat()})
    return out


def _load_attendees(path: Path, problems: list[str]) -> list[dict]:
    """attendees.csv: UTF-8 (a BOM is fine), a header row with ATTENDEE_COLUMNS."""
    from .checkin import ATTENDEE_TYPES

    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(f"{name}: not UTF-8 (byte {exc.start}); save it as 'CSV UTF-8'")
        return []
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in ("id", "name", "type") if c not in (reader.fieldnames or [])]
    if missing:
        problems.append(f"{name}: line 1: missing column(s) {', '.join(missing)}")
        return []
    rows, seen = [], set()
    for line, r in enumerate(reader, start=2):
        ident = (r.get("id") or "").strip().upper()
        if not re.fullmatch(r"[A-Z0-9]{1,16}", ident):
            problems.append(f"{name}: line {line}: id {ident!r} must be 1–16 letters or digits")
            continue
        if ident in seen:
            problems.append(f"{name}: line {line}: duplicate id {ident!r}")
            continue
        seen.add(ident)
        kind = (r.get("type") or "").strip().lower()
        if kind not in ATTENDEE_TYPES:
            problems.append(f"{name}: line {line}: type {kind!r} (one of {', '.join(ATTENDEE_TYPES)})")
            continue
        if not (r.get("name") or "").strip():
            problems.append(f"{name}: line {line}: missing name")
            continue
        rows.append({"id": ident, "name": r["name"].strip(), "name_local": (r.get("name_local") or "").strip() or None,
                     "organisation": (r.get("organisation") or "").strip() or None,
                     "country": (r.get("country") or "").strip().upper() or None, "type": kind})
    return rows


def _load_exhibitors(data: dict, name: str, category_ids: set[str], booth_ids: set[str],
                     problems: list[str]) -> dict[str, list[dict]]:
    exhibitors = data.get("exhibitors", [])
    _unique(exhibitors, "exhibitor", name, problems)
    out: dict[str, list[dict]] = {"exhibitor": [], "exhibitor_booth": []}
    for e in exhibitors:
        where = f"{name} exhibitor {e.get('id')!r}"
        category = e.get("category") or None
        if category is not None and category not in category_ids:
            problems.append(f"{where}: unknown category {category!r}")
        country = str(e.get("country") or "")
        if len(country) != 2 or not country.isalpha():
            problems.append(f"{where}: country {country!r} should be a two-letter code (KR, MY, …)")
        for booth in e.get("booths", []) or []:
            if booth not in booth_ids:
                problems.append(f"{where}: booth {booth!r} is not on the map")
            else:
                out["exhibitor_booth"].append({"exhibitor_id": e.get("id"), "booth_id": booth})
        # products: one English line, or a table of languages like the description
        products = _i18n(e.get("products") or None, "products", where, problems, required=False)
        out["exhibitor"].append({
            "id": e.get("id"), **_i18n(e.get("name"), "name", where, problems),
            **_i18n(e.get("description"), "description", where, problems, required=False),
            "products": products["products_en"] or "", "products_ko": products["products_ko"],
            "products_zh": products["products_zh"], "website": e.get("website"),
            "country": country.upper(), "category_id": category,
        })
    return out


def _load_matchmaking(data: dict, name: str, *, tz, first, last, room_floor: dict[str, str], floor_ids: set[str],
                      exhibitor_ids: set[str], attendee_ids: set[str], session_ids: set[str],
                      category_ids: set[str], problems: list[str]) -> dict[str, list[dict]]:
    """matchmaking.toml: tables on the map, buyers and their representatives, exhibitors'
    representatives, session registrations, and meetings (``[[meetings]]`` and the ``b2b`` grid).
    A table or a person booked twice at once is a problem, named with both meetings."""
    from .matchmaking import KINDS, double_bookings

    out: dict[str, list[dict]] = {k: [] for k in ("buyer", "buyer_rep", "exhibitor_rep", "meeting_table", "meeting",
                                                 "meeting_participant", "session_registration")}
    tables = data.get("tables", [])
    table_ids = _unique(tables, "table", name, problems)
    for i, t in enumerate(tables):
        where = f"{name} table {t.get('id')!r}"
        room = t.get("room")
        if room not in room_floor:
            problems.append(f"{where}: unknown room {room!r}")
        floor = t.get("floor") or room_floor.get(room)
        if floor not in floor_ids:
            problems.append(f"{where}: unknown floor {floor!r}")
        at = _point(t.get("at"))
        if at is None:
            problems.append(f"{where}: at must be [x, y] in metres on its floor")
            at = (0.0, 0.0)
        out["meeting_table"].append({"id": t.get("id"), "room_id": room, "floor_id": floor, "x": at[0], "y": at[1],
                                     "seats": int(t.get("seats", 4)), "position": i})
    buyers = data.get("buyers", [])
    buyer_ids = _unique(buyers, "buyer", name, problems)
    reps: dict[str, str] = {}
    for b in buyers:
        where = f"{name} buyer {b.get('id')!r}"
        country = str(b.get("country") or "")
        if len(country) != 2 or not country.isalpha():
            problems.append(f"{where}: country {country!r} should be a two-letter code")
        interests = [str(i) for i in b.get("interests", [])]
        for cat in interests:
            if cat not in category_ids:
                problems.append(f"{where}: unknown category {cat!r} in interests")
        for aid in b.get("representatives", []):
            if aid not in attendee_ids:
                problems.append(f"{where}: representative {aid!r} is not in attendees.csv")
            else:
                out["buyer_rep"].append({"buyer_id": b.get("id"), "attendee_id": aid})
                reps[aid] = "buyer"
        out["buyer"].append({"id": b.get("id"), **_i18n(b.get("name"), "name", where, problems),
                             **_i18n(b.get("looking_for"), "looking_for", where, problems, required=False),
                             "country": country.upper(), "interests": ",".join(interests),
                             "assumed": ",".join(b.get("assumed", []))})
    for e in data.get("exhibitor_representatives", []):
        where = f"{name} exhibitor_representatives {e.get('exhibitor')!r}"
        if e.get("exhibitor") not in exhibitor_ids:
            problems.append(f"{where}: unknown exhibitor")
            continue
        for aid in e.get("attendees", []):
            if aid not in attendee_ids:
                problems.append(f"{where}: {aid!r} is not in attendees.csv")
                continue
            out["exhibitor_rep"].append({"exhibitor_id": e["exhibitor"], "attendee_id": aid})
            reps.setdefault(aid, "exhibitor")
    for r in data.get("registrations", []):
        aid = r.get("attendee")
        if aid not in attendee_ids:
            problems.append(f"{name} registrations: {aid!r} is not in attendees.csv")
            continue
        for sid in r.get("sessions", []):
            if sid not in session_ids:
                problems.append(f"{name} registrations {aid!r}: unknown session {sid!r}")
            else:
                out["session_registration"].append({"session_id": sid, "attendee_id": aid})
    meetings = list(data.get("meetings", [])) + list(data.get("b2b", []))
    _unique(meetings, "meeting", name, problems)
    checked = []
    for m in meetings:
        where = f"{name} meeting {m.get('id')!r}"
        kind = m.get("kind", "b2b")
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} (one of {', '.join(KINDS)})")
        table, room = m.get("table"), m.get("room")
        if table is not None and table not in table_ids:
            problems.append(f"{where}: unknown table {table!r}")
        if room is not None and room not in room_floor:
            problems.append(f"{where}: unknown room {room!r}")
        if table is None and room is None:
            problems.append(f"{where}: needs a table or a room")
        if m.get("buyer") is not None and m["buyer"] not in buyer_ids:
            problems.append(f"{where}: unknown buyer {m['buyer']!r}")
        if m.get("exhibitor") is not None and m["exhibitor"] not in exhibitor_ids:
            problems.append(f"{where}: unknown exhibitor {m['exhibitor']!r}")
        if kind == "b2b" and (m.get("buyer") is None or m.get("exhibitor") is None):
            problems.append(f"{where}: a b2b meeting needs a buyer and an exhibitor")
        day = m.get("day")
        if not isinstance(day, date) or (first and not (first <= day <= last)):
            problems.append(f"{where}: day {day!r} is not one of the event's days")
            continue
        t0, t1 = _time(m.get("start"), where, problems), _time(m.get("end"), where, problems)
        if not t0 or not t1:
            continue
        start, end = datetime.combine(day, t0, tz), datetime.combine(day, t1, tz)
        if end <= start:
            problems.append(f"{where}: ends ({m.get('end')}) before it starts ({m.get('start')})")
            continue
        people = []
        for aid in m.get("participants", []):
            if aid not in attendee_ids:
                problems.append(f"{where}: participant {aid!r} is not in attendees.csv")
            elif aid not in people:
                people.append(aid)
        checked.append({"id": m.get("id"), "start": start, "end": end, "table": table, "participants": people})
        out["meeting"].append({
            "id": m.get("id"), "kind": kind, **_i18n(m.get("title"), "title", where, problems, required=False),
            "published_start": start.isoformat(), "published_end": end.isoformat(),
            "published_table_id": table, "published_room_id": room, "start": start.isoformat(),
            "end": end.isoformat(), "table_id": table, "room_id": room, "buyer_id": m.get("buyer"),
            "exhibitor_id": m.get("exhibitor"), "delegation": str(m.get("delegation", "")), "status": "planned",
            "notes": str(m.get("notes", "")), "assumed": ",".join(m.get("assumed", [])),
        })
        side_default = "other" if kind == "b2b" else "delegation"
        for aid in people:
            out["meeting_participant"].append({"meeting_id": m.get("id"), "attendee_id": aid,
                                               "side": reps.get(aid, side_default)})
    for mid, message in double_bookings(checked):
        problems.append(f"{name} meeting {mid!r}: {message}")
    return out


#: the tables matchmaking.toml fills (migration m009 made them; a database built before it has them empty)
MATCHMAKING_TABLES = ("buyer", "buyer_rep", "exhibitor_rep", "meeting_table", "meeting", "meeting_participant",
                      "session_registration")


def seed_matchmaking(store: EventStore, data_dir: str | Path) -> dict[str, int]:
    """Fill a database's *empty* matchmaking tables from ``data_dir/matchmaking.toml`` — the case
    of a kiosk whose database was built before matchmaking existed: the migration made the tables,
    nothing filled them. Checked against this database's own rooms, floors, exhibitors, attendees,
    sessions and categories (not data/'s), so check-ins, live room changes and imports stay as
    they are; nothing else is written. Call inside ``atomic()``.

    Returns the rows added per table; ``{}`` when there is nothing to do (no matchmaking.toml, or
    it holds no tables, buyers or meetings). Raises :class:`KioskError` ``meetings_present`` when
    the database already holds buyers, tables or meetings (its own: never overwritten), and
    :class:`DataError` listing every problem (nothing written)."""
    path = Path(data_dir) / MATCHMAKING_FILE
    if not path.exists():
        return {}
    held = {t: store.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("buyer", "meeting_table", "meeting")}
    if any(held.values()):
        raise KioskError("This database already holds matchmaking data ("
                         + ", ".join(f"{n} {t.replace('_', ' ')}s" for t, n in held.items()) + "); nothing changed.",
                         code="meetings_present",
                         hint="Meetings are changed with `main.py import FILE --kind meetings` or `edit-meeting`.")
    problems: list[str] = []

    def refused() -> DataError:
        err = DataError(problems)
        err.hint = (f"Fix them in {path} (checked against this database's rooms, exhibitors and attendees) and run "
                    "`main.py seed-meetings` again; nothing was written.")
        return err

    data = _read(path, problems)
    if problems:
        raise refused()
    info = store.info
    col = lambda sql: {r[0] for r in store.execute(sql)}             # noqa: E731
    room_floor = {r[0]: r[1] for r in store.execute("SELECT id, floor_id FROM room")}
    slot = (data.get("matchmaking") or {}).get("slot_minutes", 30)
    if not isinstance(slot, int) or not 5 <= slot <= 240:
        problems.append(f"{path.name}: [matchmaking] slot_minutes must be a whole number of minutes (5–240)")
    rows = _load_matchmaking(
        data, path.name, tz=info.tz, first=info.first_day, last=info.last_day, room_floor=room_floor,
        floor_ids=col("SELECT id FROM floor"), exhibitor_ids=col("SELECT id FROM exhibitor"),
        attendee_ids=col("SELECT id FROM attendee"), session_ids=col("SELECT id FROM session"),
        category_ids=col("SELECT id FROM category"), problems=problems)
    if problems:
        raise refused()
    if not (rows["meeting_table"] or rows["buyer"] or rows["meeting"]):
        return {}
    store.execute("UPDATE event SET meeting_slot_minutes = ?", (slot,))
    for table in MATCHMAKING_TABLES:
        if rows.get(table):
            # registrations an organiser made meanwhile stay; the rest are new
            store.db[table].insert_all(rows[table], ignore=table == "session_registration")
    return {table: len(rows[table]) for table in MATCHMAKING_TABLES if rows.get(table)}


def build_database(path: str | Path, data_dir: str | Path, *, venue_only: bool = False) -> dict[str, int]:
    """Write a fresh event database at ``path`` from ``data_dir``, replacing it only on success.

    The new database is built beside the target and renamed over it at the end, so a kiosk
    reading the old file never sees a half-built one, and a failure leaves the old file alone.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    db = EventStore.create(tmp)
    try:
        counts = load_event(db, data_dir, venue_only=venue_only)
        # stays in WAL mode (what every kiosk connection asks for, so opening it changes no byte);
        # the checkpoint empties the -wal file so the main file alone is the whole database
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    tmp.replace(path)
    return counts
