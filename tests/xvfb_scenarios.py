"""Scenarios run in a child process on Xvfb with real input (see tests/xdriver.py), each printing
one JSON line of what it saw; tests/views/test_on_xvfb.py asserts on it.

    DISPLAY=:N QT_IM_MODULE=qtvirtualkeyboard python tests/xvfb_scenarios.py typing DB OUTDIR
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.xdriver import Driver, ErrorRecorder, build_kiosk, scenario_main  # noqa: E402

PIN = "246813"


# ---------------------------------------------------------------- the on-screen keyboard's keys
def vkb_keys(view) -> dict[str, object]:
    """Visible key items of the on-screen keyboard by their label."""
    keys: dict[str, object] = {}

    def walk(item):
        for child in item.childItems():
            name = child.metaObject().className()
            if "Key" in name and child.isVisible() and child.property("enabled"):
                text = child.property("displayText") or child.property("text")
                if isinstance(text, str) and text and text not in keys:
                    keys[text] = child
                elif "ChangeLanguageKey" in name:
                    keys["<globe>"] = child
            walk(child)

    root = view.rootObject()
    if root is not None:
        walk(root)
    return keys


def tap_vkb(driver, labels: list[str]) -> list[str]:
    """Tap these keys of the on-screen keyboard with the X mouse; returns the labels not found."""
    from PySide6.QtCore import QPointF

    from kiosk.views.keyboard import keyboard_view

    missing = []
    for text in labels:
        view = keyboard_view()
        keys = vkb_keys(view) if view is not None else {}
        item = keys.get(text)
        if item is None:
            missing.append(text)
            continue
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        p = view.mapToGlobal(centre.toPoint())
        driver.tap_at(p.x(), p.y())
        driver.wait(120)
    return missing


def keyboard_state(app, window):
    from PySide6.QtQml import QQmlProperty

    from kiosk.views.keyboard import keyboard_item, keyboard_view

    im = app.inputMethod()
    view = keyboard_view()
    state = {"visible": im.isVisible(), "locale": window.keyboard.locale(), "im_locale": im.locale().name(),
             "reserve": window.keyboard_reserve.height(), "rect": None, "top": None, "available": None}
    if view is not None:
        r = im.keyboardRectangle()
        if not r.isEmpty():
            top = view.mapToGlobal(r.topLeft().toPoint())
            state["rect"] = [r.x(), r.y(), r.width(), r.height()]
            state["top"] = top.y()
        keyboard = keyboard_item(view, "keyboard")
        if keyboard is not None:
            state["available"] = len(js(QQmlProperty.read(keyboard, "availableLocaleIndices")) or [])
            state["keyboard_locale"] = QQmlProperty.read(keyboard, "locale")
    return state


def js(value):
    """A QML value as Python (arrays come back as QJSValue)."""
    return value.toVariant() if hasattr(value, "toVariant") else value


def bottom(widget) -> int:
    return widget.mapToGlobal(widget.rect().bottomLeft()).y()


# ---------------------------------------------------------------- scenarios
def typing(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """Staff look-up and exhibitor search with the wedge listening: slow xdotool typing, a fast
    xdotool burst (a scanner), and taps on the on-screen keyboard in English and Korean."""
    from kiosk.models import badges
    from kiosk.views.wedge import WedgeInput

    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, now="2023-06-15T18:05", size=size)
    driver = Driver(app)
    db.pins.set_pin("staff", PIN, window.ui.now())
    pem, _ = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    store = window.checkins
    store.register_public_key(badges.public_raw(key), window.ui.now())
    payload = badges.sign(key, store.prefix, store.current_badge("A0171", reissue=False, now=window.ui.now()))
    tag = f"{size[0]}x{size[1]}"
    r: dict = {"errors": recorder.errors}
    driver.wait(400)

    def scans():
        return store.store.execute("SELECT count(*) FROM scan").fetchone()[0]

    # staff sign-in with real taps
    driver.tap(window.home.staff)
    driver.wait(150)
    for d in PIN + "K":
        driver.tap(window.pin_pad.keys["OK" if d == "K" else d])
    driver.wait(200)
    for _ in range(100):            # the PIN is checked on a worker thread: its answer comes back
        if not window.pin_pad.checking:
            break
        driver.wait(50)
    driver.wait(300)                # the desk, just shown, lays itself out before a finger finds its buttons
    r["view_after_pin"] = window.current_view()
    desk = window.desk
    driver.tap(desk.list_buttons["gala"])
    r["wedge_active"] = desk.wedge.active

    # a person on a keyboard, slowly, into the look-up
    driver.tap(desk.search)
    driver.wait(400)
    r["keyboard_on_tap"] = keyboard_state(app, window)
    driver.type("Chun-Hung", 140)
    driver.wait(300)
    r["slow_text"] = desk.search.text()
    r["slow_results"] = [desk.results.item(i).text() for i in range(desk.results.count())]
    r["scans_after_slow"] = scans()
    r["results_bottom"] = bottom(desk.results)
    driver.screenshot(out / f"desk-typing-en-{tag}.png")

    # a scanner's burst while the field has focus (xdotool's 4 ms gaps), ended with Enter
    driver.type(payload, 4)
    driver.key("Return")
    driver.wait(400)
    r["scan_verdict"] = desk.last_verdict.code if desk.last_verdict else None
    r["text_after_scan"] = desk.search.text()
    r["scans_after_burst"] = scans()
    r["verdict_bottom"] = bottom(desk.word)
    r["keyboard_after_scan"] = keyboard_state(app, window)
    driver.screenshot(out / f"desk-verdict-keyboard-{tag}.png")

    # backspace it away with real keys, then type on the on-screen keyboard (English)
    driver.xdo("key", "--delay", "90", *["BackSpace"] * 9)
    driver.wait(200)
    r["text_after_backspace"] = desk.search.text()
    driver.tap(desk.search)
    driver.wait(400)
    r["vkb_missing_en"] = tap_vkb(driver, ["k", "i", "m"])
    driver.wait(200)
    r["vkb_text_en"] = desk.search.text()
    r["vkb_results_en"] = desk.results.count()
    driver.xdo("key", "--delay", "90", *["BackSpace"] * 3)

    # Korean: the kiosk's language button, then the field again: the keyboard is 2-set Hangul
    driver.tap(window.lang_buttons["ko"])
    driver.wait(300)
    driver.tap(desk.search)
    driver.wait(400)
    r["keyboard_ko"] = keyboard_state(app, window)
    r["vkb_missing_ko"] = tap_vkb(driver, ["ㄱ", "ㅣ", "ㅁ"])
    driver.wait(200)
    r["vkb_text_ko"] = desk.search.text()
    r["vkb_results_ko"] = [desk.results.item(i).text() for i in range(desk.results.count())]
    r["scans_after_vkb"] = scans()
    driver.screenshot(out / f"desk-typing-ko-{tag}.png")

    # the exhibitor search, with a wedge listening there too
    driver.tap(window.home_button)            # locks staff mode, home
    driver.wait(200)
    window.show_view("exhibitors")
    screen = window.exhibitors
    wedge = WedgeInput(window)
    seen: list[str] = []
    wedge.scanned.connect(seen.append)
    wedge.set_active(True)
    driver.tap(screen.search)
    driver.wait(300)
    driver.type("twist", 150)
    driver.wait(300)
    r["exhibitor_text"] = screen.search.text()
    r["exhibitor_rows"] = screen.model.ids()
    driver.type("IF23:1:A0001-1:ABCDEFGH", 4)
    driver.key("Return")
    driver.wait(300)
    r["exhibitor_scans"] = seen
    r["exhibitor_text_after_burst"] = screen.search.text()
    r["exhibitor_list_bottom"] = bottom(screen.list) if screen.list.isVisible() else None
    r["exhibitor_list_visible"] = screen.list.isVisible() and screen.list.height() > 100
    r["keyboard_exhibitors"] = keyboard_state(app, window)
    driver.screenshot(out / f"exhibitors-typing-ko-{tag}.png")
    wedge.set_active(False)
    return r


def keyboard(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """The keyboard follows the kiosk: language, its globe list, the idle reset, the layout."""
    from PySide6.QtQml import QQmlProperty

    from kiosk.views.keyboard import keyboard_item, keyboard_view

    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, idle_seconds=3, size=size)
    driver = Driver(app)
    tag = f"{size[0]}x{size[1]}"
    r: dict = {"errors": recorder.errors}
    driver.wait(400)
    window.show_view("exhibitors")
    screen = window.exhibitors
    driver.tap(screen.search)
    driver.wait(500)
    r["en"] = keyboard_state(app, window)
    r["search_bottom"] = bottom(screen.search)

    # 繁體中文: Zhuyin; a pre-edit left half-typed by a visitor who walks away
    driver.tap(window.lang_buttons["zh-Hant"])
    driver.wait(300)
    driver.tap(screen.search)
    driver.wait(500)
    r["zh"] = keyboard_state(app, window)
    r["zh_missing"] = tap_vkb(driver, ["ㄓ"])
    driver.wait(300)
    r["zh_text"] = screen.search.text()
    r["zh_keyboard_grown"] = keyboard_state(app, window)
    driver.screenshot(out / f"keyboard-zh-preedit-{tag}.png")

    # the visitor also picks 한국어 on the keyboard's own globe list (only the keyboard changes)
    view = keyboard_view()
    kb = keyboard_item(view, "keyboard")
    for i in js(QQmlProperty.read(kb, "availableLocaleIndices")) or []:
        QQmlProperty.write(kb, "localeIndex", int(i))
        driver.wait(50)
        if QQmlProperty.read(kb, "locale") == "ko_KR":
            break
    r["picked_on_globe"] = QQmlProperty.read(kb, "locale")

    # walk away: the idle reset (3 s here) must drop the pre-edit, hide it, bring English back
    driver.wait(4000)
    r["after_idle"] = keyboard_state(app, window)
    r["after_idle_view"] = window.current_view()
    r["after_idle_language"] = window.ui.language
    window.show_view("exhibitors")
    r["after_idle_text"] = window.exhibitors.search.text()
    driver.tap(window.exhibitors.search)
    driver.wait(500)
    r["next_visitor"] = keyboard_state(app, window)
    driver.screenshot(out / f"keyboard-next-visitor-{tag}.png")
    driver.tap(window.exhibitors.reset_map_button)   # focus leaves the field: the keyboard hides
    driver.wait(400)
    r["after_leaving_field"] = keyboard_state(app, window)
    return r


def my_day(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """"My day" at the public kiosk (issue 15): a real tap on the home tile, a badge typed by a
    (simulated) scanner through XTEST, the day painted; a tap on the top bar clears it."""
    from kiosk.models import badges

    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, now="2023-06-14T13:40", size=size)
    driver = Driver(app)
    pem, _ = badges.generate_key_pair()
    key = badges.load_private_key(pem)
    db.badges.register_public_key(badges.public_raw(key), window.ui.now())
    payload = badges.sign(key, db.info.badge_prefix,
                          db.badges.current_badge("A0176", reissue=False, now=window.ui.now()))
    r: dict = {"errors": recorder.errors}
    driver.wait(400)
    driver.tap(window.home.my_day_tile)
    driver.wait(300)
    r["view"] = window.current_view()
    screen = window._lazy["my-day"]
    driver.type(payload, 4)
    driver.key("Return")
    driver.wait(500)
    r["showing"] = screen.showing_day
    r["next_place"] = screen.day.next_meeting.place if screen.day and screen.day.next_meeting else None
    r["texts"] = [w.text() for w in screen.findChildren(type(screen.name)) if w.isVisible() and w.text()]
    driver.screenshot(out / "my-day-xvfb-1920x1080.png")
    driver.type("IF23:1:A0001-1:FORGEDFORGEDFORGED", 4)       # garbled (a burst cut short): read again
    driver.key("Return")
    driver.wait(400)
    r["garbled_error"] = screen.error.text() if screen.error.isVisible() else ""
    altered = payload.replace(":A0176-1:", ":A0001-1:")         # a real signature on another number: forged
    driver.type(altered, 4)                                   # a calm sentence, no day
    driver.key("Return")
    driver.wait(400)
    r["after_forged_showing"] = screen.showing_day
    r["forged_error"] = screen.error.text() if screen.error.isVisible() else ""
    driver.type(payload, 4)
    driver.key("Return")
    driver.wait(400)
    r["shown_again"] = screen.showing_day
    driver.tap(window.lang_buttons["ko"])                     # a touch elsewhere: the top bar
    driver.wait(300)
    r["after_touch_elsewhere"] = screen.showing_day
    r["left_on_screen"] = [w.text() for w in screen.findChildren(type(screen.name)) if w.isVisible()
                           and "Huang" in w.text()]
    # a visitor without their badge: taps the field (the on-screen keyboard comes up) and types
    driver.tap(screen.search)
    driver.wait(400)
    r["keyboard_on_search"] = keyboard_state(app, window)
    driver.type("Huang Chun", 140)
    driver.wait(400)
    r["typed"] = screen.search.text()
    r["matches"] = [screen.matches.item(i).text() for i in range(screen.matches.count())]
    driver.screenshot(out / "my-day-typing-xvfb-1920x1080.png")
    # a tapped name asks for the number printed under the badge's QR code (a name alone shows nothing)
    if screen.matches.count():
        rect = screen.matches.visualItemRect(screen.matches.item(0))
        driver.tap(screen.matches.viewport(), rect.center())
        driver.wait(400)
    r["picked_showing"] = screen.showing_day
    r["asks_number"] = screen.confirm.isVisible()
    r["number_focused"] = screen.number.hasFocus()
    driver.type("A0001-1", 140)                              # a guess: refused
    driver.key("Return")
    driver.wait(300)
    r["guess_showing"] = screen.showing_day
    r["guess_error"] = screen.error.text() if screen.error.isVisible() else ""
    driver.type(payload.split(":")[2], 140)                  # the number on their badge
    driver.key("Return")
    driver.wait(500)
    r["number_showing"] = screen.showing_day
    r["number_attendee"] = screen.attendee.id if screen.attendee else None
    driver.screenshot(out / "my-day-number-xvfb-1920x1080.png")
    return r


def board(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """The matchmaking board with real taps (issue 15): the home tile, a country chip, an
    interest chip, a language button; what the chips, the directory and "Looking for" then say."""
    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, now="2023-06-14T13:40", size=size)
    driver = Driver(app)
    r: dict = {"errors": recorder.errors}
    driver.wait(400)
    driver.tap(window.home.board_tile)
    driver.wait(300)
    r["view"] = window.current_view()
    board = window._lazy["board"]

    def state() -> dict:
        f = board.buyer_filter
        return {"country": f.country, "interest": f.interest, "rows": f.rowCount(),
                "buyers": [f.index(i, 0).data() for i in range(f.rowCount())],
                "chips": {str(k): " ".join(b.text().split()) for k, b in board.country_chips.items()},
                "interest_chips": {str(k): " ".join(b.text().split()) for k, b in board.interest_chips.items()},
                "looking": board.looking.text()}

    r["start"] = state()
    driver.tap(board.country_chips["TW"])
    driver.wait(200)
    r["taiwan"] = state()
    driver.tap(board.interest_chips["auto"])
    driver.wait(200)
    r["taiwan_auto"] = state()
    driver.tap(window.lang_buttons["zh-Hant"])
    driver.wait(400)
    r["chinese"] = state()
    driver.screenshot(out / f"board-xvfb-{size[0]}x{size[1]}.png")
    return r


def walk_in(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """A walk-in registered at the check-in desk with real input: the name typed with xdotool at a
    person's pace (the wedge listening), then taps on "New walk-in" and on their kind."""
    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, now="2023-06-15T18:05", size=size)
    driver = Driver(app)
    db.pins.set_pin("staff", PIN, window.ui.now())
    r: dict = {"errors": recorder.errors}
    driver.wait(400)
    driver.tap(window.home.staff)
    driver.wait(150)
    for d in PIN + "K":
        driver.tap(window.pin_pad.keys["OK" if d == "K" else d])
    driver.wait(200)
    desk = window.desk
    driver.tap(desk.list_buttons["gala"])
    driver.tap(desk.search)
    driver.wait(400)
    driver.type("Lee Walkin", 140)
    driver.wait(400)
    r["typed"] = desk.search.text()

    def tap_item(part: str) -> bool:
        for i in range(desk.results.count()):
            item = desk.results.item(i)
            if part in item.text():
                desk.results.scrollToItem(item)
                driver.wait(100)
                driver.tap(desk.results.viewport(), desk.results.visualItemRect(item).center())
                driver.wait(300)
                return True
        return False

    r["offered"] = tap_item("New walk-in")
    r["kinds"] = desk.results.count()
    r["chose"] = tap_item("as: Press")
    driver.wait(300)
    v = desk.last_verdict
    r["verdict"] = v.code if v else None
    r["verdict_name"] = v.attendee.name if v and v.attendee else None
    r["rows"] = [list(row) for row in db.execute("SELECT id, type, registered_by FROM attendee WHERE name = ?",
                                                 ("Lee Walkin",))]
    r["status"] = desk.status.text()
    r["scans"] = db.execute("SELECT count(*) FROM scan").fetchone()[0]
    driver.screenshot(out / f"desk-walk-in-{size[0]}x{size[1]}.png")
    return r


def _in_korean_with_larger_text(db_path: Path, now: str, size):
    """A kiosk at ``now`` with "Larger text" and 한국어 tapped: (db, window, driver, result dict
    whose "errors" collects Python errors and Qt criticals)."""
    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, now=now, size=size)
    driver = Driver(app)
    driver.wait(400)
    driver.tap(window.access_button)
    driver.tap(window.lang_buttons["ko"])
    driver.wait(200)
    return db, window, driver, {"errors": recorder.errors}


def room_to_read(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """Issue 12's room to read, with real taps and drags: larger text and 한국어 tapped, the
    exhibitors tile, the category strip dragged sideways until its last chip shows, that chip
    tapped; a zoom button tapped; then a session's walk. What the screens then showed."""
    from PySide6.QtCore import QPoint, QRect

    db, window, driver, r = _in_korean_with_larger_text(db_path, "2023-06-14T16:30", size)
    driver.tap(window.home.exhibitors_tile)
    driver.wait(400)
    screen = window.exhibitors
    strip = screen.category_strip
    view = strip.viewport()
    last_key = list(screen.category_chips)[-1]
    last = screen.category_chips[last_key]

    def shown(widget, port) -> bool:
        return port.rect().contains(QRect(widget.mapTo(port, QPoint(0, 0)), widget.size()))

    def rows() -> int:
        port = screen.list.viewport().rect()
        return sum(1 for i in range(screen.model.rowCount())
                   if port.contains(screen.list.visualRect(screen.model.index(i, 0))))

    r["rows"] = rows()
    r["last_shown_at_start"] = shown(last, view)
    drags = 0
    while not shown(last, view) and drags < 6:
        a = view.mapToGlobal(QPoint(view.width() - 30, view.height() // 2))
        b = view.mapToGlobal(QPoint(40, view.height() // 2))
        driver.drag(a.x(), a.y(), b.x(), b.y(), steps=10)
        driver.wait(700)
        drags += 1
    r["drags"] = drags
    r["last_shown"] = shown(last, view)
    driver.tap(last)
    driver.wait(300)
    r["chosen"] = sorted(screen.chosen)
    r["last_key"] = last_key
    r["chip_text"] = last.text()
    r["rows_filtered"] = rows()
    home_scale = screen.map.transform().m11()
    driver.tap(screen.map.zoom_in_button)
    driver.wait(200)
    r["zoomed"] = round(screen.map.transform().m11() / home_scale, 2)
    driver.screenshot(out / f"exhibitors-xvfb-{size[0]}x{size[1]}.png")
    window.open_session("d2-forum1")
    driver.wait(400)
    detail = window.detail
    r["plan_height"] = detail.plan.height()
    r["steps_whole"] = detail.steps_label.visibleRegion().boundingRect() == detail.steps_label.rect()
    r["people"] = detail.people.text()
    driver.screenshot(out / f"detail-xvfb-{size[0]}x{size[1]}.png")
    return r


def form_drag(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """Stranger r4 #4 with real input: on the schedule desk (Korean, larger text) a 160 px drag
    that starts on the "Room full" preset scrolls the form and chooses nothing; a tap still chooses."""
    db, window, driver, r = _in_korean_with_larger_text(db_path, "2023-06-14T10:45", size)
    window.enter_staff_mode("volunteer")
    driver.wait(300)
    editor = window.editor
    editor.select("d1-roundtable")
    driver.wait(300)
    button = editor.preset_buttons["preset:full"]
    editor.form.ensureWidgetVisible(button, 0, 200)
    driver.wait(300)
    bar = editor.form.verticalScrollBar()
    r["scroll_max"] = bar.maximum()
    r["scroll_before"] = bar.value()
    p = button.mapToGlobal(button.rect().center())
    driver.drag(p.x(), p.y(), p.x(), p.y() - 160, steps=16)
    driver.wait(800)
    r["scroll_after"] = bar.value()
    r["pending_after_drag"] = dict(editor.pending)
    driver.screenshot(out / f"form-drag-xvfb-{size[0]}x{size[1]}.png")
    driver.tap(button)
    driver.wait(300)
    r["pending_after_tap"] = {k: str(v) for k, v in editor.pending.items()}
    r["notice_text_after_tap"] = editor.notice_text.text()
    return r


def mash(db_path: Path, out: Path, size=(1920, 1080)) -> dict:
    """A visitor mashing the language buttons (issue 12, left item): 30 fast clicks through X
    (one xdotool run, no pause between them) alternating English / 한국어 / 繁體中文 with every
    visitor screen built, then at once a normal tap on the Home screen's agenda tile."""
    import time

    recorder = ErrorRecorder()
    app, db, window = build_kiosk(db_path, size=size)
    driver = Driver(app)
    r: dict = {"errors": recorder.errors}
    driver.wait(400)
    for name in ("agenda", "exhibitors", "changes", "my-day", "board", "home"):
        window.show_view(name)
        driver.wait(150)
    switches: list[str] = []
    window.ui.languageChanged.connect(switches.append)
    order = ["ko", "en", "zh-Hant"] * 10
    args: list[str] = []
    for lang in order:
        p = window.lang_buttons[lang].mapToGlobal(window.lang_buttons[lang].rect().center())
        args += ["mousemove", str(p.x()), str(p.y()), "click", "1"]
    started = time.monotonic()
    driver.xdo(*args)
    r["clicks_s"] = round(time.monotonic() - started, 3)
    r["checked_after_clicks"] = [lang for lang, b in window.lang_buttons.items() if b.isChecked()]
    # a normal tap right after the burst: it is answered at once, switch settling or not
    tapped = time.monotonic()
    driver.tap(window.home.agenda_tile)
    while window.current_view() != "agenda" and time.monotonic() - tapped < 10:
        driver.wait(2)
    r["tap_answered_ms"] = round((time.monotonic() - tapped) * 1000, 1)
    r["view"] = window.current_view()
    while window.switcher().busy() and time.monotonic() - tapped < 10:
        driver.wait(2)
    r["settled_after_clicks_ms"] = round((time.monotonic() - tapped) * 1000, 1)
    driver.wait(200)
    r["switches"] = switches
    r["language"] = window.ui.language
    r["checked"] = [lang for lang, b in window.lang_buttons.items() if b.isChecked()]
    r["agenda_heading"] = window.agenda.heading.text()
    r["home_button"] = window.home_button.text()
    window.show_view("exhibitors")
    driver.wait(200)
    r["exhibitors_heading"] = window.exhibitors.heading.text()
    driver.screenshot(out / f"mash-xvfb-{size[0]}x{size[1]}.png")
    return r


SCENARIOS = {"typing": typing, "keyboard": keyboard, "my_day": my_day, "board": board, "walk_in": walk_in,
             "room_to_read": room_to_read,
             "form_drag": form_drag, "mash": mash}

if __name__ == "__main__":
    scenario_main(SCENARIOS)
