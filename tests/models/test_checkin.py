"""Badges, verdicts, durability, idempotence, undo, PIN lock-out, wedge scanners, races."""

import json
import multiprocessing
import sqlite3
import subprocess
import sys

import pytest

from kiosk.models import badges
from kiosk.models.scanner import Scan, Typed, WedgeDecoder
from tests.conftest import ROOT, kst


@pytest.fixture
def key():
    pem, _raw = badges.generate_key_pair()
    return badges.load_private_key(pem)


@pytest.fixture
def store(db, key):
    s = db.checkins
    s.register_public_key(badges.public_raw(key), kst("06-13 12:00"))
    return s


def badge_for(store, key, attendee_id, *, reissue=False):
    serial = store.current_badge(attendee_id, reissue=reissue, now=kst("06-13 12:00"))
    return badges.sign(key, store.prefix, serial)


def scan(store, payload, list_id="entry", *, at="06-14 09:00", device="gate-1", scan_id=None):
    scan.n = getattr(scan, "n", 0) + 1
    return store.check_in(payload=payload, list_id=list_id, device_id=device,
                          scan_id=scan_id or f"s{scan.n}", now=kst(at))


def rows(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_payload_is_compact_signed_and_qr_alphanumeric(store, key):
    payload = badge_for(store, key, "A0001")
    assert payload.startswith("IF23:1:A0001-1:")
    assert set(payload) <= badges.QR_ALPHANUMERIC and len(payload) < 130


def test_ok_then_already_with_first_time_and_device(store, key, db):
    payload = badge_for(store, key, "A0001")
    first = scan(store, payload, device="gate-1")
    assert first.code == "OK" and first.attendee.name == "Hyun-woo Lee"
    again = scan(store, payload, at="06-14 10:00", device="gate-2")
    assert again.code == "ALREADY"
    assert (again.first_at, again.first_device) == (kst("06-14 09:00"), "gate-1")
    assert rows(db, "checkin") == 1 and rows(db, "scan") == 2


def test_scanner_case_changes_are_forgiven(store, key):
    assert scan(store, badge_for(store, key, "A0001").lower()).code == "OK"


def test_the_same_scan_id_twice_changes_nothing(store, key, db):
    payload = badge_for(store, key, "A0002")
    first = scan(store, payload, scan_id="fixed")
    before = [rows(db, t) for t in ("scan", "checkin")]
    again = scan(store, payload, scan_id="fixed", at="06-14 11:00")
    assert again.code == "OK" and again.replayed and not first.replayed
    assert [rows(db, t) for t in ("scan", "checkin")] == before


def test_revoked_after_reissue(store, key):
    old = badge_for(store, key, "A0003")
    new = badge_for(store, key, "A0003", reissue=True)
    assert new.split(":")[2] == "A0003-2"
    assert scan(store, old).code == "REVOKED"
    assert scan(store, new).code == "OK"


def test_not_eligible_and_outside_window(store, key):
    volunteer = next(a for a in store.attendees() if a.type == "volunteer")
    payload = badge_for(store, key, volunteer.id)
    assert scan(store, payload, "gala", at="06-15 18:00").code == "NOT_ELIGIBLE"
    delegate = next(a for a in store.attendees() if a.type == "delegate")
    payload = badge_for(store, key, delegate.id)
    assert scan(store, payload, "gala", at="06-15 17:29").code == "OUTSIDE_WINDOW"
    assert scan(store, payload, "gala", at="06-15 17:30").code == "OK"     # opens on its start minute
    late = badge_for(store, key, next(a for a in store.attendees() if a.type == "vip").id)
    assert scan(store, late, "gala", at="06-15 20:00").code == "OUTSIDE_WINDOW"  # closed at its end minute


def test_unknown_badge_signed_by_us(store, key):
    payload = badges.sign(key, store.prefix, "Z9999-1")
    assert scan(store, payload).code == "UNKNOWN"


HOSTILE = [
    "", "   ", "A" * 10_000, "IF23:1:A0001-1:" + "\x00" * 40, "\x1b[31mIF23\r\n", "😀" * 30,
    "'; DROP TABLE scan; --", "IF23:1:A0001-1:AAAA", "OTHER:1:A0001-1:" + "A" * 103, "IF23:9:A0001-1:" + "A" * 103,
    "IF23:1:../../etc:" + "A" * 103, "IF23:1:A0001-1",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_input_is_one_red_audit_row_and_nothing_else(store, key, db, payload):
    before = {t: rows(db, t) for t in ("scan", "checkin", "badge", "attendee", "undone_checkin")}
    verdict = scan(store, payload)
    assert verdict.code == "INVALID" and verdict.colour == "red"
    after = {t: rows(db, t) for t in before}
    assert after == {**before, "scan": before["scan"] + 1}
    stored = db.execute("SELECT payload FROM scan WHERE scan_id = ?", (verdict.scan_id,)).fetchone()[0]
    assert len(stored) <= 600 and "\x00" not in stored


def test_a_forged_signature_is_invalid(store, key):
    other_pem, _ = badges.generate_key_pair()
    forged = badges.sign(badges.load_private_key(other_pem), store.prefix, store.current_badge(
        "A0004", reissue=False, now=kst("06-13 12:00")))
    verdict = scan(store, forged)
    assert verdict.code == "INVALID" and verdict.reason == "signature"
    genuine = badge_for(store, key, "A0004")
    flipped = genuine[:-5] + ("B" if genuine[-5] != "B" else "C") + genuine[-4:]
    assert scan(store, flipped).reason == "signature"


def test_undo_last_checkin(store, key, db):
    a, b = badge_for(store, key, "A0010"), badge_for(store, key, "A0011")
    scan(store, a, at="06-14 09:00")
    scan(store, b, at="06-14 09:01")
    undone = store.undo_last(device_id="gate-1", list_id="entry", now=kst("06-14 09:02"))
    assert undone.attendee.id == "A0011"
    assert scan(store, b, at="06-14 09:03").code == "OK"        # can come in again
    assert rows(db, "undone_checkin") == 1
    assert store.counts()["entry"].checked_in == 2


def test_counts_per_list(store, key):
    counts = store.counts()
    assert counts["entry"].eligible == 292
    gala_types = {"delegate", "speaker", "exhibitor", "buyer", "vip", "press"}   # every guest (rules assumed)
    assert counts["gala"].eligible == sum(1 for a in store.attendees() if a.type in gala_types)


def test_a_committed_scan_survives_the_process(db_path, store, key):
    """The verdict is returned after COMMIT: another connection sees the row at once."""
    verdict = scan(store, badge_for(store, key, "A0020"))
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT code FROM scan WHERE scan_id = ?", (verdict.scan_id,)).fetchone() == ("OK",)


def _race(db_path, payload, barrier, out, n):
    from kiosk.models.database import open_event_db

    store = open_event_db(db_path, check_integrity=False).checkins
    barrier.wait()
    out.put(store.check_in(payload=payload, list_id="entry", device_id=f"gate-{n}", scan_id=f"race-{n}",
                           now=kst("06-14 09:00")).code)


def test_two_processes_scanning_one_badge_get_exactly_one_ok(db_path, store, key):
    payload = badge_for(store, key, "A0030")
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_race, args=(db_path, payload, barrier, out, n)) for n in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert sorted([out.get(timeout=5), out.get(timeout=5)]) == ["ALREADY", "OK"]


def test_checkin_command_prints_one_json_line(db_path, store, key):
    payload = badge_for(store, key, "A0040")
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "main.py"), "checkin", *a, "--db", str(db_path),
                                     "--now", "2023-06-14T09:00"], capture_output=True, text=True, timeout=60)
    ok = run(payload, "--list", "entry", "--device", "laptop")
    assert ok.returncode == 0 and json.loads(ok.stdout)["code"] == "OK"
    again = run(payload, "--list", "entry")
    assert again.returncode == 1 and json.loads(again.stdout)["first_device"] == "laptop"
    junk = run("x" * 10_000, "--list", "entry")
    assert junk.returncode == 1 and json.loads(junk.stdout)["code"] == "INVALID" and "Traceback" not in junk.stderr


# ---------------------------------------------------------------- PINs
def test_pin_is_stored_as_a_slow_hash_and_opens_its_role(db):
    pins = db.pins
    pins.set_pin("staff", "471108", kst("06-13 12:00"))
    stored = db.execute("SELECT hash FROM staff_pin").fetchone()[0]
    assert "471108" not in stored and stored.startswith("scrypt$")
    assert pins.try_pin("471108", device_id="k1", now=kst("06-14 09:00")).role == "staff"


def test_five_wrong_pins_lock_for_a_minute_even_after_a_restart(db, db_path):
    from kiosk.models.database import open_event_db

    pins = db.pins
    pins.set_pin("staff", "471108", kst("06-13 12:00"))
    t = kst("06-14 09:00")
    for i in range(4):
        assert pins.try_pin("000000", device_id="k1", now=t).tries_left == 4 - i
    locked = pins.try_pin("000000", device_id="k1", now=t)
    assert locked.locked_for == 60 and locked.role is None
    restarted = open_event_db(db_path).pins               # a new process, same file
    assert restarted.try_pin("471108", device_id="k1", now=kst("06-14 09:00")).locked_for > 0
    from datetime import timedelta
    assert restarted.try_pin("471108", device_id="k1", now=t + timedelta(seconds=61)).role == "staff"


# ---------------------------------------------------------------- wedge scanners
def feed(decoder, text, t0, gap=0.004, enter=True):
    out = []
    t = t0
    for ch in text:
        out += decoder.key(ch, t)
        t += gap
    if enter:
        out += decoder.enter(t, token="ENTER")
    return out, t


def scans(out):
    return [o.code for o in out if isinstance(o, Scan)]


def typed(out):
    return "".join(k for o in out if isinstance(o, Typed) for k in o.keys)


def test_wedge_burst_with_enter():
    d = WedgeDecoder()
    out, _ = feed(d, "IF23:1:A0001-1:ABC", 0.0)
    assert out == [Scan("IF23:1:A0001-1:ABC")]           # the Enter went with the code


def test_wedge_burst_without_enter_ends_on_a_pause():
    d = WedgeDecoder()
    out, t = feed(d, "IF23:1:A0001-1:ABC", 0.0, enter=False)
    assert out == [] and d.pending and d.idle(t + 0.03) == []
    assert d.idle(t + 0.2) == [Scan("IF23:1:A0001-1:ABC")] and not d.pending


def test_wedge_doubled_output_counts_once_but_a_later_rescan_counts():
    d = WedgeDecoder()
    first, t = feed(d, "IF23:1:A0001-1:ABC", 0.0)
    second, t = feed(d, "IF23:1:A0001-1:ABC", t + 0.01)
    assert scans(first) == ["IF23:1:A0001-1:ABC"] and second == []   # nothing typed either
    later, _ = feed(d, "IF23:1:A0001-1:ABC", t + 3.0)
    assert scans(later) == ["IF23:1:A0001-1:ABC"]
    doubled, _ = feed(WedgeDecoder(), "IF23:1:A0002-1:XYZ" * 2, 0.0)
    assert scans(doubled) == ["IF23:1:A0002-1:XYZ"]


def test_slow_typing_is_handed_back_in_order_and_never_scanned():
    d = WedgeDecoder()
    out, t = feed(d, "Chun-Hung Liu", 0.0, gap=0.15, enter=False)
    out += d.idle(t + 1)
    assert scans(out) == [] and typed(out) == "Chun-Hung Liu" and not d.pending


def test_a_persons_enter_after_typing_is_handed_back_after_the_text():
    d = WedgeDecoder()
    out, t = feed(d, "Kim", 0.0, gap=0.12)
    assert scans(out) == [] and typed(out) == "KimENTER"


def test_a_quick_short_burst_is_a_person():
    """A fast typist's "the" (or a bumped key) is under the minimum length: typed, not scanned."""
    d = WedgeDecoder()
    out, t = feed(d, "the", 0.0, gap=0.03, enter=False)
    out += d.idle(t + 0.2)
    assert typed(out) == "the" and scans(out) == []


def test_other_keys_flush_what_is_held_first():
    d = WedgeDecoder()
    out = d.key("a", 0.0)
    assert out == [] and d.pending
    assert typed(d.other(0.01)) == "a"                  # then the Backspace goes, after the "a"
    burst, t = feed(d, "IF23:1:A0001-1:ABC", 1.0, enter=False)
    assert scans(d.other(t)) == ["IF23:1:A0001-1:ABC"]


def test_scanner_then_person_then_scanner():
    d = WedgeDecoder()
    out, t = feed(d, "IF23:1:A0001-1:ABC", 0.0)
    more, t = feed(d, "Lee", t + 0.5, gap=0.2, enter=False)
    out += more + d.idle(t + 0.2)
    last, _ = feed(d, "IF23:1:A0009-1:QQQ", t + 1.0, enter=False)
    out += last + d.idle(t + 2.0)
    assert scans(out) == ["IF23:1:A0001-1:ABC", "IF23:1:A0009-1:QQQ"] and typed(out) == "Lee"


def test_a_printed_badge_decodes_back_to_a_valid_payload(store, key, tmp_path):
    """Render the badge PNG as `badges` prints it, read its QR with an independent decoder."""
    import zxingcpp
    from PIL import Image

    from kiosk.printing import render_badge

    attendee = store.attendee("A0171")
    payload = badge_for(store, key, "A0171")
    image = render_badge(attendee=attendee, payload=payload, serial="A0171-1", event_name="SCIENCEPARK INNOFAIR 2023",
                         country_name="TW")
    path = tmp_path / "badge.png"
    image.save(path)
    [result] = zxingcpp.read_barcodes(Image.open(path))
    assert result.text == payload
    parsed = badges.parse(result.text, prefix=store.prefix, public_keys=store.public_keys())
    assert parsed.serial == "A0171-1"
    assert scan(store, result.text).code == "OK"


def test_badges_command_writes_pngs_and_a_pdf(db_path, tmp_path):
    keys = tmp_path / "keys"
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, a), "--db", str(db_path)],
                                    capture_output=True, text=True, timeout=120)
    made = run("keys", "--out", keys)
    assert made.returncode == 0, made.stderr
    pem = next(keys.glob("*.pem"))
    assert oct(pem.stat().st_mode)[-3:] == "600"
    out = tmp_path / "badges"
    printed = run("badges", "--key", pem, "--out", out, "--attendee", "A0001", "A0002")
    assert printed.returncode == 0, printed.stderr
    assert sorted(p.name for p in out.glob("*.png")) == ["badge-A0001-1.png", "badge-A0002-1.png"]
    assert (out / "badges.pdf").read_bytes().startswith(b"%PDF")
    reissued = run("badges", "--key", pem, "--out", out, "--attendee", "A0001", "--reissue")
    assert reissued.returncode == 0 and (out / "badge-A0001-2.png").exists()
    # --attendee repeated adds up (it made only the last one's badge)
    both = tmp_path / "both"
    assert run("badges", "--key", pem, "--out", both, "--attendee", "A0003", "--attendee", "A0004").returncode == 0
    assert sorted(p.name for p in both.glob("*.png")) == ["badge-A0003-1.png", "badge-A0004-1.png"]
    inside = run("keys", "--out", ROOT / "tmp-keys")
    assert inside.returncode != 0 and "never reach" in inside.stderr


def test_settling_many_pairs_at_once_decides_exactly_as_one_by_one(db):
    """The sync merge settles thousands of (list, attendee) pairs in one go; the desk settles one.
    Both must reach the same owner and the same duplicates, ties and undone scans included."""
    import random

    from kiosk.models.checkin_store import settle_checkin, settle_checkins

    rng = random.Random(13)
    attendees = [r[0] for r in db.execute("SELECT id FROM attendee ORDER BY id LIMIT 40")]
    lists = [r[0] for r in db.execute("SELECT id FROM checkin_list")]
    rows_, undone = [], []
    for i in range(600):
        when = f"2023-06-14T{9 + rng.randrange(3):02d}:{rng.randrange(2) * 30:02d}:00+09:00"     # many ties
        code = rng.choice(["OK", "OK", "OK", "ALREADY", "INVALID"])
        rows_.append((f"x{i}", rng.choice(lists), rng.choice(["gate-1", "gate-2", "desk"]), when, "manual", None,
                      rng.choice(attendees), code, ""))
        if code == "OK" and rng.random() < 0.15:
            undone.append((f"x{i}", when, rows_[-1][2]))
    pairs = {(r[1], r[6]) for r in rows_} | {(lists[0], "nobody-scanned")}

    def decide(batch: bool):
        with db.atomic():
            db.execute("DELETE FROM checkin")
            db.execute("DELETE FROM sync_duplicate")
            db.execute("DELETE FROM undone_checkin")
            db.execute("DELETE FROM scan")
            db.executemany("INSERT INTO scan (scan_id, list_id, device_id, scanned_at, payload, serial, attendee_id, "
                           "code, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows_)
            db.executemany("INSERT INTO undone_checkin (scan_id, undone_at, device_id) VALUES (?, ?, ?)", undone)
            if batch:
                dups = settle_checkins(db, sorted(pairs))
            else:
                dups = sum(settle_checkin(db, lst, who) for lst, who in sorted(pairs))
        return (dups, db.execute("SELECT * FROM checkin ORDER BY 1, 2").fetchall(),
                db.execute("SELECT * FROM sync_duplicate ORDER BY 1, 2, 4").fetchall())

    one_by_one, at_once = decide(False), decide(True)
    assert one_by_one == at_once
    # and both are the rule, worked out here independently: the earliest OK scan not undone
    gone = {u[0] for u in undone}
    owners, expected_dups = [], []
    for lst, who in sorted(pairs):
        oks = sorted((r[3], r[2], r[0]) for r in rows_ if (r[1], r[6]) == (lst, who) and r[7] == "OK"
                     and r[0] not in gone)
        if oks:
            owners.append((lst, who, oks[0][2], oks[0][1], oks[0][0]))
            expected_dups += [(lst, who, oks[0][2], o[2]) for o in oks[1:]]
    assert at_once == (len(expected_dups), owners, sorted(expected_dups))
    assert one_by_one[0] > 20 and len(one_by_one[1]) > 50      # the case is not trivial
