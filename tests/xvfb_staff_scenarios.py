"""The staff screens driven on Xvfb with real input (issue 12, item 6): xdotool taps on the PIN
pad, the desks' lists and buttons, a wedge scanner's burst typed by xdotool, and time left to run
for the idle lock. Each scenario runs in a child process and prints one JSON line of what it saw;
tests/views/test_staff_on_xvfb.py asserts on it.

    DISPLAY=:N QT_IM_MODULE=qtvirtualkeyboard python tests/xvfb_staff_scenarios.py desk_look_up DB OUTDIR
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt  # noqa: E402

from tests.xdriver import Driver, ErrorRecorder, build_kiosk, scenario_main  # noqa: E402

STAFF_PIN = "246813"
VOLUNTEER_PIN = "135791"
SCANNER_MS = 4            # xdotool's delay between a scanner's keys
PERSON_MS = 140           # … and a person's


def _keyed(window):
    """A signing key registered on this database; returns badge(attendee_id) -> payload."""
    from kiosk.models import badges

    pem, _ = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    store = window.checkins
    store.register_public_key(badges.public_raw(key), window.ui.now())

    def badge(attendee_id: str) -> str:
        return badges.sign(key, store.prefix, store.current_badge(attendee_id, reissue=False, now=window.ui.now()))

    return badge


def _pin(driver, window, digits: str) -> None:
    """Digits and OK tapped on the pad; waits for the scrypt check's answer (a worker thread)."""
    for d in digits:
        driver.tap(window.pin_pad.keys[d])
    driver.tap(window.pin_pad.keys["OK"])
    for _ in range(100):
        if not window.pin_pad.checking:
            break
        driver.wait(50)
    driver.wait(300)      # the screen just shown lays itself out before a finger finds its buttons


def _scan(driver, payload: str) -> None:
    """A USB wedge scanner: the code as a fast burst of keys, then Return."""
    driver.type(payload, SCANNER_MS)
    driver.key("Return")
    driver.wait(300)


def _tap_row(driver, view, row: int) -> None:
    item = view.item(row)
    view.scrollToItem(item)
    driver.wait(100)
    driver.tap(view.viewport(), view.visualItemRect(item).center())
    driver.wait(200)


def _at_the_pad(db_path: Path, now: str, size, role: str, pin: str, *, prepare=None, **kiosk_args):
    """A kiosk at ``now`` with ``role``'s PIN set, Staff tapped: the PIN pad showing.
    ``prepare(window)`` runs before the tap. Returns (app, db, window, driver, result dict)."""
    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, now=now, size=size, **kiosk_args)
    driver = Driver(app)
    db.pins.set_pin(role, pin, window.ui.now())
    if prepare is not None:
        prepare(window)
    r: dict = {"errors": recorder.errors}
    driver.wait(400)
    driver.tap(window.home.staff)
    driver.wait(150)
    return app, db, window, driver, r


def desk_look_up(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """Check-in look-up: the name typed at a person's pace, a row tapped (selects only: nothing
    is written), the confirm button tapped (checked in, the verdict names the person)."""
    app, db, window, driver, r = _at_the_pad(db_path, "2023-06-15T18:05", size, "staff", STAFF_PIN)
    _pin(driver, window, STAFF_PIN)
    r["view"] = window.current_view()
    desk = window.desk
    driver.tap(desk.list_buttons["gala"])
    driver.wait(150)

    def checked_in() -> int:
        return window.checkins.counts()["gala"].checked_in

    r["before"] = checked_in()
    driver.tap(desk.search)
    driver.wait(300)
    driver.type("Liu Chun", PERSON_MS)
    driver.wait(400)
    r["typed"] = desk.search.text()
    rows = [desk.results.item(i).text() for i in range(desk.results.count())]
    r["rows"] = rows
    row = next((i for i, t in enumerate(rows) if "Liu Chun-Hung" in t), None)
    r["row"] = row
    if row is None:
        return r
    _tap_row(driver, desk.results, row)
    r["after_tap"] = checked_in()
    r["confirm_shown"] = desk.confirm_button.isVisible()
    r["confirm_text"] = desk.confirm_button.text()
    r["verdict_after_tap"] = desk.last_verdict.code if desk.last_verdict else None
    driver.screenshot(out / f"desk-look-up-selected-{size[0]}x{size[1]}.png")
    driver.tap(desk.confirm_button)
    driver.wait(400)
    r["after_confirm"] = checked_in()
    v = desk.last_verdict
    r["verdict"] = v.code if v else None
    r["verdict_manual"] = bool(v and window.checkins.recent_scans("gala")[0]["manual"])
    r["word"] = desk.word.text()
    r["name"] = desk.name.text()
    r["confirm_after"] = desk.confirm_button.isVisible()
    # the same person confirmed again: ALREADY, and still one check-in
    driver.tap(desk.search)
    driver.key("ctrl+a", "BackSpace")
    driver.type("Liu Chun", PERSON_MS)
    driver.wait(400)
    rows = [desk.results.item(i).text() for i in range(desk.results.count())]
    row = next((i for i, t in enumerate(rows) if "Liu Chun-Hung" in t), None)
    if row is not None:
        _tap_row(driver, desk.results, row)
        driver.tap(desk.confirm_button)
        driver.wait(400)
    r["second"] = desk.last_verdict.code if desk.last_verdict else None
    r["after_second"] = checked_in()
    driver.screenshot(out / f"desk-look-up-confirmed-{size[0]}x{size[1]}.png")
    return r


def pin_lock(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """The public PIN pad: five wrong PINs tapped lock it (keys disabled, taps do nothing); an
    attendee's badge scanned at the pad does not end the lock, a staff member's does; the right
    PIN then opens the desk."""
    app, db, window, driver, r = _at_the_pad(db_path, "2023-06-15T18:05", size, "staff", STAFF_PIN)
    badge = _keyed(window)
    pad = window.pin_pad

    def keys_on_screen():
        """Where each key (and Cancel) is on the X screen: the lock-out banner must move none."""
        return {k: b.mapToGlobal(b.rect().topLeft()).toTuple() for k, b in [*pad.keys.items(), ("cancel", pad.cancel)]}

    r["keys_open"] = keys_on_screen()
    for _ in range(5):
        _pin(driver, window, "111111")
    r["keys_locked"] = keys_on_screen()
    r["locked_for"] = window.ops.pin_lock_state().locked_for
    r["keys_enabled"] = pad.keys["1"].isEnabled()
    r["locked_message"] = pad.message.text()
    driver.screenshot(out / f"pin-locked-{size[0]}x{size[1]}.png")
    _pin(driver, window, STAFF_PIN)                       # taps on disabled keys: nothing opens
    r["view_while_locked"] = window.current_view()
    r["role_while_locked"] = window.staff_role
    _scan(driver, badge("A0001"))                         # a delegate's badge
    r["after_delegate_locked_for"] = window.ops.pin_lock_state().locked_for
    r["after_delegate_message"] = pad.message.text()
    _scan(driver, badge("A0005"))                         # Hyun-woo Kim, staff
    for _ in range(40):
        if window.ops.pin_lock_state().locked_for == 0:
            break
        driver.wait(50)
    r["after_staff_locked_for"] = window.ops.pin_lock_state().locked_for
    r["after_staff_message"] = pad.message.text()
    r["keys_enabled_after"] = pad.keys["1"].isEnabled()
    r["dots_after_scan"] = pad.dots.text()                 # the scan's keys did not land as digits
    r["keys_unlocked"] = keys_on_screen()
    driver.screenshot(out / f"pin-unlocked-by-badge-{size[0]}x{size[1]}.png")
    _pin(driver, window, STAFF_PIN)
    r["view"] = window.current_view()
    r["role"] = window.staff_role
    return r


def staff_idle(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """A volunteer stages a room change on the schedule desk and walks away: the countdown (the
    kiosk's own 15 s) shows and counts down; a real tap keeps the desk; left alone again the desk
    locks and the unsaved change is gone — not on disk, not staged when the desk opens again."""
    import time

    from kiosk.views.main_window import STAFF_IDLE_WARNING

    # the lock after 18 s untouched (120 s in use): the countdown is the real 15 s one
    app, db, window, driver, r = _at_the_pad(
        db_path, "2023-06-14T16:30", size, "volunteer", VOLUNTEER_PIN, running_clock=True,
        prepare=lambda w: setattr(w, "staff_idle_seconds", STAFF_IDLE_WARNING + 3))
    r["warning"] = STAFF_IDLE_WARNING
    _pin(driver, window, VOLUNTEER_PIN)
    r["view"] = window.current_view()
    editor = window.editor
    room_before = window.repo.session("d1-masterclass2").room_id
    r["room_before"] = room_before
    sessions = editor.sessions
    row = next(i for i in range(sessions.count())
               if sessions.item(i).data(Qt.ItemDataRole.UserRole) == "d1-masterclass2")
    _tap_row(driver, sessions, row)
    r["selected"] = editor.session_id
    target = "204" if room_before != "204" else "203"
    driver.tap(editor.room_buttons[target])
    driver.wait(200)
    r["pending"] = {k: str(v) for k, v in editor.pending.items()}
    staged = time.monotonic()

    def wait_for(condition, seconds: float) -> float | None:
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if condition():
                return time.monotonic() - start
            driver.wait(50)
        return None

    r["banner_after"] = wait_for(editor.idle_banner.isVisible, 8)
    r["banner_text"] = editor.idle_banner.text()
    driver.wait(2200)
    r["banner_text_later"] = editor.idle_banner.text()      # counting down
    driver.screenshot(out / f"editor-countdown-{size[0]}x{size[1]}.png")
    driver.tap(editor.heading)                              # a touch: the desk stays, the banner goes
    driver.wait(300)
    r["after_touch_banner"] = editor.idle_banner.isVisible()
    r["after_touch_role"] = window.staff_role
    r["after_touch_pending"] = bool(editor.pending)
    touched = time.monotonic()
    r["locked_after"] = wait_for(lambda: window.staff_role is None, 30)
    r["lock_seconds_after_touch"] = round(time.monotonic() - touched, 1)
    r["staged_seconds"] = round(time.monotonic() - staged, 1)
    r["view_after_lock"] = window.current_view()
    r["room_after_lock"] = window.repo.session("d1-masterclass2").room_id
    r["edits_on_disk"] = db.execute("SELECT count(*) FROM session_edit").fetchone()[0]
    # the volunteer comes back: the desk shows no half-made change
    driver.tap(window.home.staff)
    driver.wait(150)
    _pin(driver, window, VOLUNTEER_PIN)
    r["view_again"] = window.current_view()
    r["pending_again"] = {k: str(v) for k, v in editor.pending.items()}
    r["banner_again"] = editor.idle_banner.isVisible()
    driver.screenshot(out / f"editor-after-lock-{size[0]}x{size[1]}.png")
    return r


def meetings_confirm(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """The meetings desk at 11:05: a meeting's row tapped, one side's badge scanned, "Others
    absent" tapped once (asks, naming who; nothing written), tapped again (marked)."""
    from kiosk.clock import parse_instant

    app, db, window, driver, r = _at_the_pad(db_path, "2023-06-14T11:05", size, "staff", STAFF_PIN)
    badge = _keyed(window)
    _pin(driver, window, STAFF_PIN)
    window.open_meeting_desk()
    driver.wait(400)
    desk = window.screen("meetings")
    mm = db.matchmaking
    eleven = parse_instant("2023-06-14T11:00", db.tz)
    m = next(m for m in mm.meetings() if m.start == eleven and m.table_id and
             {p.side for p in mm.participants(m.id)} == {"buyer", "exhibitor"})
    buyer, exhibitor = sorted(mm.participants(m.id), key=lambda p: p.side)
    r["meeting"] = m.id
    row = next(i for i in range(desk.list.count()) if desk.list.item(i).data(Qt.ItemDataRole.UserRole) == m.id)
    _tap_row(driver, desk.list, row)
    r["selected"] = desk.meeting_id
    r["absent_enabled_before_scan"] = desk.absent_button.isEnabled()
    _scan(driver, badge(buyer.attendee_id))
    r["after_scan"] = {p.attendee_id: p.attendance for p in mm.participants(m.id)}
    r["absent_enabled"] = desk.absent_button.isEnabled()
    place = desk.absent_button.mapToGlobal(desk.absent_button.rect().center())
    driver.tap(desk.absent_button)
    driver.wait(200)
    r["after_first_tap"] = {p.attendee_id: p.attendance for p in mm.participants(m.id)}
    r["question"] = desk.message.text()
    r["button_text"] = desk.absent_button.text()
    r["exhibitor_name"] = exhibitor.name
    r["button_stayed"] = desk.absent_button.mapToGlobal(desk.absent_button.rect().center()) == place
    driver.screenshot(out / f"meetings-confirm-{size[0]}x{size[1]}.png")
    driver.tap(desk.absent_button)
    driver.wait(300)
    r["after_second_tap"] = {p.attendee_id: p.attendance for p in mm.participants(m.id)}
    r["status"] = mm.meeting(m.id).status
    r["done_message"] = desk.message.text()
    r["buyer"], r["exhibitor"] = buyer.attendee_id, exhibitor.attendee_id
    return r


def meetings_drag(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """The meetings desk at 14:40: the list opens on the slot on now; a finger drags it up (the
    later meetings) and down (the ended morning ones) — press, move, release, as a finger does;
    a drag selects nothing and writes nothing; a tap after it selects the row under the finger,
    and an ended meeting tapped and marked No-show is saved."""
    app, db, window, driver, r = _at_the_pad(db_path, "2023-06-14T14:40", size, "staff", STAFF_PIN)
    _pin(driver, window, STAFF_PIN)
    window.open_meeting_desk()
    driver.wait(600)
    desk = window.screen("meetings")
    mm = db.matchmaking
    view = desk.list
    bar = view.verticalScrollBar()

    def top_meeting():
        item = view.itemAt(8, 8)
        return mm.meeting(item.data(Qt.ItemDataRole.UserRole))

    def audit_rows() -> int:
        return len(mm.audit())

    def current():
        item = view.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    from PySide6.QtWidgets import QScroller

    def runs_out() -> float:
        """Wait until the flick has run out (a tap on a moving list only stops it, as on a phone)."""
        scroller = QScroller.scroller(view.viewport())
        for i in range(200):
            if scroller.state() == QScroller.State.Inactive:
                return i * 0.05
            driver.wait(50)
        return float("inf")

    edits = audit_rows()
    r["top_at_open"] = top_meeting().start.isoformat()
    r["value_at_open"] = bar.value()
    r["maximum"] = bar.maximum()
    rect = view.viewport().rect()
    x = rect.center().x()
    low = view.viewport().mapToGlobal(rect.bottomLeft()).y() - 60
    high = view.viewport().mapToGlobal(rect.topLeft()).y() + 60
    gx = view.viewport().mapToGlobal(rect.center()).x()
    driver.screenshot(out / f"meetings-list-at-open-{size[0]}x{size[1]}.png")
    driver.drag(gx, low, gx, high, steps=12)             # finger up: the later meetings
    r["ran_out_up"] = runs_out()
    r["value_after_up"] = bar.value()
    r["selected_after_up"] = desk.meeting_id
    r["current_after_up"] = current()
    driver.drag(gx, high, gx, low, steps=12)             # finger down, twice: the ended morning
    driver.wait(300)
    driver.drag(gx, high, gx, low, steps=12)
    r["ran_out_down"] = runs_out()
    r["value_after_down"] = bar.value()
    r["top_after_down"] = top_meeting().start.isoformat()
    r["selected_after_down"] = desk.meeting_id
    r["current_after_down"] = current()
    r["edits_after_drags"] = audit_rows() - edits
    driver.screenshot(out / f"meetings-list-dragged-{size[0]}x{size[1]}.png")
    # a tap (no drag) on an ended row: selected, and No-show saves it
    item = view.itemAt(x, view.viewport().height() // 3)
    target = mm.meeting(item.data(Qt.ItemDataRole.UserRole))
    r["tapped"] = target.id
    r["tapped_ended"] = target.end <= window.ui.now()
    r["tapped_status_before"] = target.status
    driver.tap(view.viewport(), view.visualItemRect(item).center())
    driver.wait(300)
    r["selected_after_tap"] = desk.meeting_id
    r["current_after_tap"] = current()
    r["status_line"] = desk.status.text()
    driver.tap(desk.no_show_button)
    driver.wait(300)
    r["status_after_no_show"] = mm.meeting(target.id).status
    r["row_text"] = view.currentItem().text() if view.currentItem() is not None else None
    driver.screenshot(out / f"meetings-list-no-show-{size[0]}x{size[1]}.png")
    return r


SCENARIOS = {"desk_look_up": desk_look_up, "pin_lock": pin_lock, "staff_idle": staff_idle,
             "meetings_confirm": meetings_confirm, "meetings_drag": meetings_drag}

if __name__ == "__main__":
    scenario_main(SCENARIOS)
