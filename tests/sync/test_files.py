"""Devices apart: signed USB files carry every enrolled device's log, in any order, any number
of times — and a file that is forged, changed, oversize or from a stranger changes nothing."""

import json
import random
import sqlite3

import pytest

from kiosk.models.database import open_event_db
from kiosk.models.errors import KioskError
from kiosk.sync.engine import MAGIC, MAX_FILE, export_file, import_file

from .conftest import at, snapshot


def offline_work(fleet):
    """Each device, alone: its own check-ins, the same badge on every device, and a clash of room edits."""
    for i, name in enumerate(sorted(fleet.paths)):
        conn = open_event_db(fleet.paths[name])
        store = conn.checkins
        for n in range(20):
            store.check_in(payload="manual", manual_attendee=f"A{10 + i * 20 + n:04d}", list_id="entry",
                           device_id=name, scan_id=f"{name}-{n}", now=at(9, n))
        store.check_in(payload="manual", manual_attendee="A0001", list_id="entry", device_id=name,
                       scan_id=f"{name}-dup", now=at(9, 30 + i))        # the same person on every device
        conn.schedule.edit("d1-masterclass2", room=["204", "205", "206"][i], by=name, role="volunteer",
                            device_id=name, now=at(10, i))
        conn.close()


def state(path):
    conn = sqlite3.connect(path)
    out = {
        "checkins": sorted(conn.execute("SELECT list_id, attendee_id, scan_id, device_id FROM checkin").fetchall()),
        "scans": sorted(r[0] for r in conn.execute("SELECT scan_id FROM scan")),
        "sessions": sorted(conn.execute('SELECT id, room_id, start, "end", status, notice FROM session').fetchall()),
        "duplicates": sorted(conn.execute("SELECT * FROM sync_duplicate").fetchall()),
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
    }
    conn.close()
    return out


def assert_converged(paths, scans=63):
    states = {name: state(p) for name, p in paths.items()}
    first = states["a"]
    for name, s in states.items():
        assert s == first, f"{name} differs from a"
    assert first["integrity"] == "ok" and len(first["scans"]) == scans
    assert ("entry", "A0001", "a-dup", "a") in first["checkins"]          # the earliest wins everywhere
    assert len(first["duplicates"]) == 2                                    # the other two, flagged
    room = dict((s[0], s[1]) for s in first["sessions"])["d1-masterclass2"]
    assert room == "206"                                                    # latest edit (c, 10:02) wins


def test_usb_files_converge_in_any_order_any_number_of_times(fleet):
    offline_work(fleet)
    files = {name: export_file(fleet.engine(name)) for name in fleet.paths}
    order = [(dst, src) for dst in fleet.paths for src in fleet.paths if dst != src] * 2
    random.Random(7).shuffle(order)
    for dst, src in order:
        import_file(fleet.engine(dst), files[src], f"{src}.sync")
    full = export_file(fleet.engine("a"))        # a, having everything now, is carried to b and c again
    for name in ("b", "c"):
        import_file(fleet.engine(name), full, "a.sync")
    assert_converged(fleet.paths)
    engine = fleet.engine("b")
    assert {(d["first_device"], d["again_device"]) for d in engine.duplicates()} == {("a", "b"), ("a", "c")}
    assert len(engine.overridden_edits()) == 2
    assert engine.quarantined() == [] and engine.refused() == []


def test_a_relayed_file_carries_devices_the_reader_has_never_met(fleet):
    """c never meets a: a's entries reach c inside b's file, still checked against a's key."""
    offline_work(fleet)
    import_file(fleet.engine("b"), export_file(fleet.engine("a")), "a.sync")
    result = import_file(fleet.engine("c"), export_file(fleet.engine("b")), "b.sync")
    assert result.refused == [] and result.entries == 44
    assert "a-3" in state(fleet.paths["c"])["scans"]


# ---------------------------------------------------------------- hostile files
def refused(fleet, name, blob, code="sync_bad_file"):
    before = snapshot(fleet.paths[name])
    with pytest.raises(KioskError) as err:
        import_file(fleet.engine(name), blob, "hostile.sync")
    assert err.value.code == code, err.value.message
    assert snapshot(fleet.paths[name]) == before          # nothing merged, nothing half-merged
    assert fleet.engine(name).refused()[0]["source"] == "hostile.sync"     # and staff can see it was tried
    return err.value.message


def test_a_changed_byte_anywhere_is_refused(fleet):
    offline_work(fleet)
    blob = export_file(fleet.engine("a"))
    rng = random.Random(13)
    header_end = blob.index(b"\n", len(MAGIC))
    for position in [len(MAGIC) + 5, header_end + 10] + [rng.randrange(header_end + 100, len(blob)) for _ in range(6)]:
        changed = bytearray(blob)
        changed[position] ^= 0x01
        refused(fleet, "b", bytes(changed))
    refused(fleet, "b", blob[:-1])                     # truncated
    refused(fleet, "b", blob + b" ")                   # extended
    assert "a-0" not in state(fleet.paths["b"])["scans"]
    import_file(fleet.engine("b"), blob, "a.sync")      # the genuine file still goes in afterwards
    assert "a-0" in state(fleet.paths["b"])["scans"]


def _rebuild(blob, edit_header=None, edit_body=None):
    """What an attacker can do without a device key: rewrite the header or body and keep the rest."""
    header_line, _, rest = blob[len(MAGIC):].partition(b"\n")
    sig, _, body = rest.partition(b"\n")
    header = json.loads(header_line)
    if edit_body:
        body = edit_body(body)
        import hashlib
        header["body_sha256"], header["body_size"] = hashlib.sha256(body).hexdigest(), len(body)
    if edit_header:
        edit_header(header)
    return MAGIC + json.dumps(header, separators=(",", ":")).encode() + b"\n" + sig + b"\n" + body


def test_the_header_device_field_and_fingerprint_are_checked(fleet):
    offline_work(fleet)
    blob = export_file(fleet.engine("a"))
    refused(fleet, "b", _rebuild(blob, edit_header=lambda h: h.update(device="c")))
    # the fingerprint in clear text is no key any more: copying it into a file gets nothing
    changed = _rebuild(blob, edit_body=lambda body: body.replace(b'\\"A0001\\"', b'\\"A0002\\"', 1))
    assert changed != blob
    refused(fleet, "b", changed)


def test_a_file_from_a_stranger_with_its_own_authority_is_refused(fleet, tmp_path, built_db):
    """An attacker with a copied database and its own authority, enrolling its own 'a'."""
    from tests.sync.conftest import Fleet

    rogue = Fleet(built_db, tmp_path / "rogue")
    rogue.add("a")
    conn = open_event_db(rogue.paths["a"])
    conn.checkins.check_in(payload="manual", manual_attendee="A0002", list_id="entry", device_id="a",
                                scan_id="rogue-1", now=at(9, 0))
    blob = export_file(rogue.engine("a", conn))
    message = refused(fleet, "b", blob)
    assert "not enrolled" in message or "authority" in message


def test_an_unenrolled_device_signing_with_a_copied_enrolment_is_refused(fleet, tmp_path):
    """A stranger copies a's public enrolment statement (it is in every file) but has its own key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    offline_work(fleet)
    blob = export_file(fleet.engine("a"))
    header_line, _, rest = blob[len(MAGIC):].partition(b"\n")
    _sig, _, body = rest.partition(b"\n")
    from kiosk.sync.engine import FILE_DOMAIN
    from kiosk.sync.identity import b64

    forged_sig = b64(Ed25519PrivateKey.generate().sign(FILE_DOMAIN + header_line)).encode()
    refused(fleet, "b", MAGIC + header_line + b"\n" + forged_sig + b"\n" + body)


def test_an_oversize_file_is_refused_before_it_is_read(fleet, tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    big = tmp_path / "big.sync"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE + 1)                          # sparse: 64 MiB + 1 without using the disk
    before = snapshot(fleet.paths["b"])
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", "import", str(big), "--db",
                        str(fleet.paths["b"])], capture_output=True, text=True)
    assert r.returncode == 2 and "at most 64 MiB" in r.stderr and "Traceback" not in r.stderr
    assert snapshot(fleet.paths["b"]) == before
    with pytest.raises(KioskError) as err:
        import_file(fleet.engine("b"), b"\0" * (MAX_FILE + 1), "big.sync")
    assert err.value.code == "sync_too_big"


def test_garbage_files_are_refused_calmly(fleet):
    for blob in (b"", b"hello", MAGIC, MAGIC + b"{}\n\n", MAGIC + b"\xff\xfe\n\n{}", MAGIC + b"[1]\nxx\n{}",
                 MAGIC + b'{"enrolment": ["x", "y"]}\nAAAA\n{}'):
        refused(fleet, "c", blob)


def test_a_deeply_nested_header_is_refused_like_any_unreadable_file(fleet):
    """Found by an attack: a header of 15,000 "[" showed "Unexpected error … RecursionError"."""
    refused(fleet, "b", MAGIC + b"[" * 15_000 + b"\nsig\n{}")
