""""My day" at the kiosk, the matchmaking board and the meetings desk: badges typed by a wedge
scanner through real key events, clearing after 30 s and on a touch elsewhere, a meeting moved
by another process reaching the board and an open "my day", and three languages without
clipping."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk.models import badges
from tests.conftest import ROOT, kst
from tests.views.layout_fit import problems


@pytest.fixture
def key(db):
    pem, raw = badges.generate_key_pair()
    db.badges.register_public_key(raw, kst("06-13 12:00"))
    return badges.load_private_key(pem)


def badge(db, key, attendee_id):
    return badges.sign(key, db.info.badge_prefix,
                       db.badges.current_badge(attendee_id, reissue=False, now=kst("06-13 12:00")))


def type_like_a_scanner(qtbot, widget, text):
    """Keys as a USB wedge scanner sends them: a fast burst, then Enter."""
    for ch in text:
        QTest.keyClick(widget, ch)
    QTest.keyClick(widget, Qt.Key.Key_Return)
    qtbot.wait(20)


def texts(widget) -> str:
    return "\n".join(w.text() for w in widget.findChildren(QLabel) if w.isVisible())


@pytest.fixture
def window(make_kiosk, clock):
    clock.set(kst("06-14 13:40"))
    return make_kiosk(kiosk_id="K1")


def test_badge_scanned_at_the_kiosk_shows_the_next_meeting_with_the_route(qtbot, window, db, key):
    window.home.my_day_tile.click()
    screen = window.screen("my-day")
    assert window.stack.currentWidget() is screen and not screen.showing_day
    type_like_a_scanner(qtbot, window, badge(db, key, "A0176"))
    assert screen.showing_day
    shown = texts(screen)
    assert "Huang Chun-Hung" in shown and "Table T01" in shown and "From this kiosk:" in shown
    assert "Your next meeting" in shown and "Your sessions" in shown and "You may enter" in shown
    assert "@" not in shown                                          # no contact details, ever
    assert screen.route is not None and screen.plan.isVisible()
    assert screen.qr.pixmap() is not None and not screen.qr.pixmap().isNull()
    # the destination's number on the map, above the lounge's name (which lay over it)
    tag = screen._tag
    assert tag.isVisible() and tag.childItems()[0].text() == "T01"
    spot = screen._table_items["T01"].rect().center()
    lounge = [i for i in screen.scene.label_items if i.data(1).contains(spot)]
    assert lounge and all(i.opacity() < 1 and i.zValue() < tag.zValue() for i in lounge)


def test_my_day_clears_itself_after_30_seconds_and_on_a_touch_elsewhere(qtbot, make_kiosk, clock, db, key):
    clock.set(kst("06-14 13:40"))
    window = make_kiosk(kiosk_id="K1")
    window.show_view("my-day")
    screen = window.screen("my-day")
    screen.clear_timer.setInterval(300)                           # 30 s in the kiosk; shortened here
    screen.scan(badge(db, key, "A0176"))
    assert screen.showing_day
    qtbot.waitUntil(lambda: not screen.showing_day, timeout=2000)
    assert "Huang" not in texts(screen)
    screen.clear_timer.setInterval(30_000)
    screen.scan(badge(db, key, "A0176"))
    assert screen.showing_day
    QTest.mouseClick(screen.done.parentWidget(), Qt.MouseButton.LeftButton)   # inside the day: stays
    assert screen.showing_day
    QTest.mouseClick(window.lang_buttons["ko"], Qt.MouseButton.LeftButton)   # the top bar: elsewhere
    assert not screen.showing_day and "Huang" not in texts(screen)


def test_an_invalid_badge_and_a_person_with_no_meetings(qtbot, window, db, key):
    window.show_view("my-day")
    screen = window.screen("my-day")
    type_like_a_scanner(qtbot, window, "IF23:1:A0001-1:" + "A" * 103)
    assert not screen.showing_day and screen.error.isVisible() and "not a badge" in screen.error.text()
    type_like_a_scanner(qtbot, window, badge(db, key, "A0003"))     # a delegate with no meetings
    assert screen.showing_day
    shown = texts(screen)
    # said plainly, with where to ask; not "no more meetings today" (as if there had been some)
    assert "You have no business meetings booked" in shown and "Welcome Center" in shown
    assert "No more meetings today" not in shown and "Other meetings" not in shown
    # nothing to put in a calendar: no calendar code, no caption offering one
    assert not screen.qr.isVisible() and not screen.qr_caption.isVisible() and "calendar" not in shown
    assert not screen.plan.isVisible()
    # the next person has meetings: the code and the usual words come back
    type_like_a_scanner(qtbot, window, badge(db, key, "A0176"))
    shown = texts(screen)
    assert screen.qr.isVisible() and "your meetings in your calendar" in shown
    assert "no business meetings" not in shown and "Welcome Center" not in shown


def commit(widget, text):
    """Text as the on-screen keyboard sends it: an input-method commit, not key presses (those
    are the scanner's)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def tap_match(screen, attendee_id):
    item = next(screen.matches.item(i) for i in range(screen.matches.count())
                if attendee_id in screen.matches.item(i).data(Qt.ItemDataRole.UserRole).split(","))
    rect = screen.matches.visualItemRect(item)
    QTest.mouseClick(screen.matches.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_typing_a_name_finds_the_person_who_then_proves_it_with_the_badge_number(qtbot, window, db, key):
    badge(db, key, "A0176")                      # the badge printed: "A0176-1" under its QR code
    window.show_view("my-day")
    screen = window.screen("my-day")
    commit(screen.search, "黃俊宏")               # a Hanzi name works the same way
    found = [screen.matches.item(i) for i in range(screen.matches.count())]
    assert found and all("黃俊宏" in i.text() for i in found)       # two people share the name here
    # privacy (stranger's report): name and organisation only — no type (VIP), no badge number
    shown = " ".join(i.text() for i in found)
    assert "A0176" not in shown and "VIP" not in shown and "Buyer" not in shown and "Delegate" not in shown
    assert len({i.text() for i in found}) == len(found)   # same name and organisation: one row
    # a tap on the name does NOT show the day: it asks for the badge's number
    tap_match(screen, "A0176")
    assert not screen.showing_day and screen.attendee is None and "Table T01" not in texts(screen)
    assert screen.confirm.isVisible() and "number printed under the QR code" in texts(screen)
    assert screen.number.hasFocus()
    commit(screen.number, "A0177-1")             # someone else's number: refused, calmly
    QTest.keyClick(screen.number, Qt.Key.Key_Return)
    assert not screen.showing_day and "not the number" in screen.error.text()
    # a visitor who switches language now reads the error in the new one (it stayed English)
    english = screen.error.text()
    window.ui.set_language("ko")
    assert screen.error.text() != english and "QR" in screen.error.text()
    window.ui.set_language("en")
    assert screen.error.text() == english
    commit(screen.number, "a0176 1")             # case and separators forgiven
    screen.number_ok.click()
    assert screen.showing_day and "Table T01" in texts(screen) and screen.attendee.id == "A0176"


def test_a_name_with_guessed_numbers_is_locked_and_a_badge_number_finds_no_one(qtbot, window, db, key, clock):
    serial = db.badges.current_badge("A0176", reissue=False, now=kst("06-13 12:00"))
    window.show_view("my-day")
    screen = window.screen("my-day")
    commit(screen.search, "A0176")               # the badge number typed as a "name": nobody
    assert screen.matches.count() == 0
    commit(screen.search, "")
    screen.search.clear()
    commit(screen.search, "Huang Chun")
    for guess in ("A0001-1", "A0002-1", "A0003-1"):
        tap_match(screen, "A0176") if not screen.confirm.isVisible() else None
        commit(screen.number, guess)
        screen.number_ok.click()
        assert not screen.showing_day
    assert not screen.confirm.isVisible() and "Too many wrong numbers" in screen.error.text()
    # locked: even the right number is not asked for until the lock ends
    commit(screen.search, "Huang Chun")
    tap_match(screen, "A0176")
    assert not screen.confirm.isVisible() and "Too many wrong numbers" in screen.error.text()
    clock.set(kst("06-14 13:46"))                # after the lock (the kiosk's clock, injected)
    tap_match(screen, "A0176")
    assert screen.confirm.isVisible()
    commit(screen.number, serial)
    screen.number_ok.click()
    assert screen.showing_day and screen.attendee.id == "A0176"
    # a replaced badge's number no longer opens the day
    screen.clear()
    db.badges.current_badge("A0176", reissue=True, now=kst("06-14 13:47"))
    commit(screen.search, "Huang Chun")
    tap_match(screen, "A0176")
    commit(screen.number, serial)
    screen.number_ok.click()
    assert not screen.showing_day and "not the number" in screen.error.text()


def test_a_meeting_moved_by_another_process_reaches_the_board_and_my_day(qtbot, window, db, db_path, key):
    """Two processes on one database (sync's device-to-device path is another helper's work):
    `main.py edit-meeting` in a child process; this kiosk's watcher shows it within a second."""
    window.show_view("board")
    board = window.screen("board")
    payload = badge(db, key, "A0176")
    window.show_view("my-day")
    screen = window.screen("my-day")
    screen.scan(payload)
    nxt = screen.day.next_meeting
    mm = db.matchmaking
    free = next(t for t in mm.tables() if t != nxt.place and not mm.conflicts(
        meeting_id=nxt.id, start=nxt.start, end=nxt.end, table_id=t, attendee_ids=[]))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "edit-meeting", nxt.id, "--table", free,
                           "--by", "Mina", "--device", "laptop-2", "--db", str(db_path)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: f"Table {free}" in texts(screen), timeout=1500)
    assert f"Moved: {nxt.place} → {free}" in texts(screen)
    i = next(i for i, r in enumerate(board.model.rows) if r.table.id == free)
    assert "Moved" in board.model.cell(i, 1) + board.model.cell(i, 2)


def test_board_filters_buyers_by_country_and_interest(qtbot, window):
    window.show_view("board")
    board = window.screen("board")
    assert board.buyer_filter.rowCount() == 20
    tw = board.country_chips["TW"]
    QTest.mouseClick(tw, Qt.MouseButton.LeftButton)
    assert 0 < board.buyer_filter.rowCount() < 20
    auto = board.interest_chips["auto"]
    QTest.mouseClick(auto, Qt.MouseButton.LeftButton)
    shown = [board.buyer_filter.index(i, 0).data() for i in range(board.buyer_filter.rowCount())]
    assert shown and all("Taiwan" in s for s in shown)
    assert board.refresh() == 0                                       # nothing changed: nothing repainted
    window.reset_for_next_visitor()
    assert board.buyer_filter.rowCount() == 20


def _chip_text(chip) -> str:
    return " ".join(chip.text().split())


@pytest.mark.parametrize("lang, taiwan", [("en", "Taiwan"), ("ko", "대만"), ("zh-Hant", "臺灣")])
def test_country_chips_name_the_country_in_the_kiosk_language_with_counts(qtbot, window, db, lang, taiwan):
    """Seen on the board: chips read "ID IR JP MN…"; a visitor does not read ISO codes."""
    window.show_view("board")
    window.ui.set_language(lang)
    board = window.screen("board")
    buyers = db.matchmaking.buyers()
    for code, chip in board.country_chips.items():
        if code is None:
            continue
        assert code not in _chip_text(chip).split(), _chip_text(chip)
        assert _chip_text(chip).endswith(str(sum(b.country == code for b in buyers)))
    assert _chip_text(board.country_chips["TW"]) == f"{taiwan} 4"
    assert _chip_text(board.country_chips[None]).endswith("20")
    # the counts follow the other row's filter: Taiwanese buyers looking for auto parts
    QTest.mouseClick(board.interest_chips["auto"], Qt.MouseButton.LeftButton)
    wanted_auto = [b for b in buyers if "auto" in b.interests]
    assert _chip_text(board.country_chips[None]).endswith(str(len(wanted_auto)))
    assert _chip_text(board.country_chips["TW"]).endswith(str(sum(b.country == "TW" for b in wanted_auto)))
    assert _chip_text(board.interest_chips["auto"]).endswith(str(len(wanted_auto)))


def test_looking_for_follows_the_filters(qtbot, window, db):
    """It listed every category whatever chip was chosen."""
    window.show_view("board")
    board = window.screen("board")
    everything = board.looking.text()
    assert "Auto parts" in everything and "Food & beverage" in everything
    QTest.mouseClick(board.interest_chips["food"], Qt.MouseButton.LeftButton)
    food = board.looking.text()
    assert "Food & beverage" in food and "Auto parts" not in food
    eaters = {b.name.public.en for b in db.matchmaking.buyers(interest="food")}
    assert eaters and all(name in food for name in eaters)
    QTest.mouseClick(board.country_chips["TW"], Qt.MouseButton.LeftButton)     # no Taiwanese food buyer
    assert not db.matchmaking.buyers(country="TW", interest="food")
    assert board.looking.text() == "No buyer matches these filters."
    QTest.mouseClick(board.interest_chips[None], Qt.MouseButton.LeftButton)
    taiwan = board.looking.text()
    assert all(b.name.public.en in taiwan for b in db.matchmaking.buyers(country="TW"))
    assert not any(b.name.public.en in taiwan for b in db.matchmaking.buyers() if b.country != "TW")


def test_public_screens_hide_sample_marks_staff_screens_keep_them(qtbot, make_kiosk, clock, db, key):
    """Buyers and exhibitors kept "(sample)" on the board and in "my day"; the data and the staff
    desk keep the mark (it tells organisers a name is invented)."""
    clock.set(kst("06-14 13:40"))
    window = make_kiosk(kiosk_id="K1")
    assert any("(sample)" in b.name.en for b in db.matchmaking.buyers())           # the data keeps it
    window.show_view("board")
    board = window.screen("board")
    public = [board.model.cell(r, c) for r in range(board.model.rowCount()) for c in (1, 2)]
    public += [board.buyer_filter.index(i, 0).data() for i in range(board.buyer_filter.rowCount())]
    public.append(board.looking.text())
    window.show_view("my-day")
    screen = window.screen("my-day")
    screen.scan(badge(db, key, "A0176"))
    public.append(texts(screen))
    for lang in ("ko", "zh-Hant"):
        window.ui.set_language(lang)
        public.append(texts(screen))
        public.append(board.looking.text())
    window.ui.set_language("en")
    shown = "\n".join(public)
    assert "Southern Taiwan Science Park" in shown
    for mark in ("sample", "예시", "範例"):
        assert mark not in shown
    window.enter_staff_mode("staff")
    window.open_meeting_desk()
    desk = window.screen("meetings")
    staff = "\n".join(desk.list.item(i).text() for i in range(desk.list.count()))
    assert "(sample)" in staff


def test_meeting_desk_scans_both_badges_then_counts_held(qtbot, make_kiosk, clock, db, key):
    clock.set(kst("06-14 10:05"))
    window = make_kiosk()
    window.staff_role = "staff"
    window.open_meeting_desk()
    desk = window.screen("meetings")
    m = next(m for m in db.matchmaking.meetings() if m.start == kst("06-14 10:00") and
             {p.side for p in db.matchmaking.participants(m.id)} == {"buyer", "exhibitor"})
    people = db.matchmaking.participants(m.id)
    for p in people:
        type_like_a_scanner(qtbot, window, badge(db, key, p.attendee_id))
    assert db.matchmaking.meeting(m.id).status == "held"
    assert "held 1" in desk.counts.text()


@pytest.mark.parametrize("lang", ["en", "ko", "zh-Hant"])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_three_languages_render_without_clipping(qtbot, make_kiosk, clock, db, key, lang, size, tmp_path):
    clock.set(kst("06-14 13:40"))
    window = make_kiosk(language=lang, size=size, kiosk_id="K1")
    window.show_view("my-day")
    screen = window.screen("my-day")
    screen.scan(badge(db, key, "A0176"))
    qtbot.wait(50)
    for view in (screen, None):
        if view is None:
            window.show_view("board")
            view = window.screen("board")
            qtbot.wait(50)
        # the layout-fit test's measure (multi-line buttons, word wrap, leaving the window)
        assert problems(window) == [], (lang, view.objectName())
        assert view.grab().save(str(tmp_path / f"{lang}.png"))


def test_every_country_in_the_data_has_a_name_on_screen(qtbot, db):
    """Seen on the board: "Hanoi Electronics Trading · VN" beside "· Thailand"."""
    from kiosk.views import phrases

    codes = {r[0] for r in db.execute("SELECT country FROM buyer UNION SELECT country FROM attendee "
                                      "UNION SELECT country FROM exhibitor") if r[0]}
    assert codes and [c for c in sorted(codes) if phrases.country(c) == c] == []


def test_a_badge_scanned_on_home_opens_that_persons_day(qtbot, window, db, key):
    """Seen on Xvfb: a badge held to the scanner on Home did nothing."""
    window.show_view("home")
    assert window.current_view() == "home"
    type_like_a_scanner(qtbot, window, badge(db, key, "A0176"))
    screen = window.screen("my-day")
    assert window.current_view() == "my-day" and screen.showing_day and screen.attendee.id == "A0176"
    window.go_home()                                        # a garbled one: read again
    type_like_a_scanner(qtbot, window, "IF23:1:A0001-1:FORGEDFORGEDFORGED")
    assert window.current_view() == "my-day" and not screen.showing_day
    assert "not read completely" in screen.error.text()
    window.go_home()                                        # a forged one: the calm sentence
    pem, _raw = badges.generate_key_pair()                  # a key the event never registered
    forged = badges.sign(badges.load_private_key(pem), db.info.badge_prefix,
                         db.badges.current_badge("A0176", reissue=False, now=kst("06-13 12:00")))
    type_like_a_scanner(qtbot, window, forged)
    assert window.current_view() == "my-day" and not screen.showing_day
    assert "not a badge of this event" in screen.error.text()


def test_a_refused_scan_says_which_failure_it_was_not_always_not_a_badge_of_this_event(qtbot, window, db, key):
    """Stranger r4 #6: every refusal read "not a badge of this event", even a real badge read
    short. Cut short, revoked, not on the list and forged each say their own thing, in Korean too
    after a language switch, and the real badge then opens its day."""
    window.home.my_day_tile.click()
    screen = window.screen("my-day")
    real = badge(db, key, "A0001")
    window.ui.set_language("ko")
    type_like_a_scanner(qtbot, window, real[:-9])           # the burst cut short
    cut_ko = screen.error.text()
    assert screen.error.isVisible() and not screen.showing_day
    window.ui.set_language("en")                            # said again in English, not left in Korean
    assert screen.error.isVisible() and "not read completely" in screen.error.text()
    assert cut_ko and cut_ko != screen.error.text()
    type_like_a_scanner(qtbot, window, real[:-8])           # cut short again (another length)
    assert "not read completely" in screen.error.text()
    type_like_a_scanner(qtbot, window, real.replace(":A0001-1:", ":A0002-1:"))   # altered: a forgery
    assert "not a badge of this event" in screen.error.text()
    assert screen._badge_error("WHATEVER") != screen._badge_error("INVALID", "signature")
    window.ui.set_language("ko")
    type_like_a_scanner(qtbot, window, real)
    assert screen.showing_day and screen.attendee.id == "A0001"


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_boards_table_follows_high_contrast(qtbot, window, high_contrast):
    """Seen by a stranger: with "Larger text" (larger text and high contrast) the board's table of
    meetings stayed white while every other panel turned black."""
    window.resize(1920, 1080)
    window.show()
    window.show_view("board")
    window.ui.set_accessible(high_contrast)
    board = window.screen("board")
    qtbot.waitUntil(lambda: board.isVisible())
    QApplication.processEvents()
    table = board.table
    cell = table.visualRect(board.model.index(0, 1))
    image = table.viewport().grab().toImage()
    corner = image.pixelColor(cell.right() - 3, cell.bottom() - 3)     # the cell's background
    theme = window.ui.theme
    assert corner.name() == theme.p.surface
    assert (corner.lightness() < 60) == high_contrast
    changed = board.model.changed_colour
    assert changed is not None and changed.name() == theme.p.danger


@pytest.mark.parametrize("lang", ["en", "ko", "zh-Hant"])
def test_the_buyer_directory_and_looking_for_sort_by_the_names_as_shown(qtbot, window, lang):
    """The directory was in the English spellings' order in every language."""
    from kiosk.models.collation import name_sort_key

    window.show_view("board")
    window.ui.set_language(lang)
    board = window.screen("board")
    shown = [board.buyer_model.buyers[i].name.public.get(lang) for i in range(board.buyer_model.rowCount())]
    assert len(shown) == 20
    assert shown == sorted(shown, key=lambda n: name_sort_key(n, lang))
    if lang != "en":
        assert shown != sorted(shown, key=lambda n: name_sort_key(n, "en")) or all(n.isascii() for n in shown)
    sep = phrases_sep(lang)
    for line in board.looking.text().splitlines():
        names = line.split(": ", 1)[-1].split("：", 1)[-1].split(sep)
        assert names == sorted(names, key=lambda n: name_sort_key(n, lang)), line


def phrases_sep(lang):
    from kiosk.views import phrases
    return phrases.list_sep()


@pytest.mark.parametrize("lang", ["en", "ko", "zh-Hant"])
def test_the_boards_country_chips_follow_the_shown_names(qtbot, window, lang):
    """They were in ISO-code order (인도네시아, 이란, 일본, 몽골, 말레이시아 … in Korean)."""
    from kiosk.models.collation import name_sort_key

    window.show_view("board")
    window.ui.set_language(lang)
    board = window.screen("board")
    QApplication.processEvents()
    grid = board.country_grid
    placed = []
    for code, chip in board.country_chips.items():
        row, column, _rs, _cs = grid.getItemPosition(grid.indexOf(chip))
        placed.append(((row, column), code))
    order = [code for _at, code in sorted(placed)]
    assert order[0] is None
    from kiosk.views import phrases
    names = [phrases.country(c) for c in order[1:]]
    assert len(names) >= 5 and names == sorted(names, key=lambda n: name_sort_key(n, lang)), names
