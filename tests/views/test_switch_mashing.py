"""A visitor mashing the language buttons or "Aa Larger text" (issue 12, left item): the buttons
show the last choice at once, the kiosk switches once for the final choice, and every screen ends
in the last language with the fonts a fresh start in it would have.

The taps here are real mouse clicks on the buttons (qtbot), sent back to back as a busy machine
delivers the taps it queued; tests/views/test_on_xvfb.py sends them through X with xdotool.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QGraphicsView, QLabel, QPushButton

from kiosk.views import switching

VISITOR = ("home", "agenda", "exhibitors", "changes", "my-day", "board")
LEFT = Qt.MouseButton.LeftButton


def build_all(window) -> None:
    for name in VISITOR:
        window.show_view(name)
    window.show_view("home")


def settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.switcher().busy(), timeout=5000)


def texts_of(window, name) -> list[str]:
    """What the screen shows: its labels' and buttons' texts and its map's words (shown first)."""
    window.show_view(name)
    screen = window.screen(name)
    out = [w.text() for cls in (QLabel, QPushButton) for w in screen.findChildren(cls)
           if w.isVisibleTo(screen) and w.text()]
    for view in screen.findChildren(QGraphicsView):
        if view.isVisibleTo(screen) and view.scene() is not None:
            out += [item.toPlainText() for item in view.scene().items() if hasattr(item, "toPlainText")]
    bar = [window.home_button.text(), window.access_button.text()]
    return sorted(out) + bar


def fonts_of(window, name) -> dict:
    window.show_view(name)
    screen = window.screen(name)
    return {(type(w).__name__, w.text()[:30]): QFontInfo(w.font()).family()
            for cls in (QLabel, QPushButton) for w in screen.findChildren(cls)
            if w.text() and w.isVisibleTo(screen)}


def test_thirty_language_taps_switch_once_and_every_screen_ends_in_the_last_language(make_kiosk, qtbot, monkeypatch):
    window = make_kiosk()
    build_all(window)
    switches, polished = [], []
    window.ui.languageChanged.connect(switches.append)
    real = switching.repolish
    monkeypatch.setattr(switching, "repolish", lambda root, **kw: polished.append(root) or real(root, **kw))
    exhibitors = window.screen("exhibitors")
    retranslated = []
    real_retranslate = exhibitors.retranslate
    monkeypatch.setattr(exhibitors, "retranslate", lambda: retranslated.append(1) or real_retranslate())

    taps = ["zh-Hant", "en", "ko"] * 10
    for lang in taps:
        qtbot.mouseClick(window.lang_buttons[lang], LEFT)
        # the button the finger is on shows the choice at once
        assert window.lang_buttons[lang].isChecked()
        assert [b.isChecked() for b in window.lang_buttons.values()].count(True) == 1
    settle(window, qtbot)

    assert window.ui.language == "ko" and window.lang_buttons["ko"].isChecked()
    # the first tap at once, the last choice once when the taps stopped: 2 switches, not 30
    assert switches == ["zh-Hant", "ko"]
    # the style re-polish: the shown part of the window once per switch, hidden screens not yet
    assert polished == [window, window]
    # the hidden exhibitors screen did nothing for those taps; it owes one polish, one re-translation
    assert retranslated == []
    assert switching.owed(exhibitors) == ["font", "retranslate"]
    window.show_view("exhibitors")
    assert retranslated == [1] and switching.owed(exhibitors) == []
    assert polished[-1] is exhibitors

    mashed = {name: texts_of(window, name) for name in VISITOR}
    fresh_window = make_kiosk(language="ko")
    build_all(fresh_window)
    fresh = {name: texts_of(fresh_window, name) for name in VISITOR}
    for name in VISITOR:
        assert mashed[name] == fresh[name], name
    assert any("프로그램" in t for t in mashed["home"])       # and that is Korean


def test_mashing_larger_text_applies_the_final_choice_once(make_kiosk, qtbot):
    window = make_kiosk()
    build_all(window)
    themes = []
    window.ui.themeChanged.connect(themes.append)
    for i in range(15):
        qtbot.mouseClick(window.access_button, LEFT)
        assert window.access_button.isChecked() == (i % 2 == 0)      # the button at once
    settle(window, qtbot)
    assert window.access_button.isChecked() and window.ui.theme.scale == 1.25
    assert len(themes) == 1                  # the first tap; the last choice equals it: nothing more
    for i in range(11):                      # an odd number more: back to normal text, once
        qtbot.mouseClick(window.access_button, LEFT)
    settle(window, qtbot)
    assert not window.access_button.isChecked() and window.ui.theme.scale == 1.0
    assert len(themes) == 2


def test_a_tap_on_a_quiet_kiosk_switches_at_once(make_kiosk, qtbot):
    window = make_kiosk()
    qtbot.mouseClick(window.lang_buttons["ko"], LEFT)
    assert window.ui.language == "ko" and window.home.now_panel.title.text() == "진행 중"
    settle(window, qtbot)
    qtbot.mouseClick(window.lang_buttons["en"], LEFT)
    assert window.ui.language == "en" and window.home.now_panel.title.text() == "On now"
    settle(window, qtbot)
    qtbot.mouseClick(window.access_button, LEFT)
    assert window.ui.theme.scale == 1.25


def test_a_mixed_burst_ends_in_the_last_language_and_text_size(make_kiosk, qtbot):
    window = make_kiosk()
    build_all(window)
    for target in (window.lang_buttons["ko"], window.access_button, window.lang_buttons["zh-Hant"],
                   window.access_button, window.access_button, window.lang_buttons["en"],
                   window.lang_buttons["zh-Hant"]):
        qtbot.mouseClick(target, LEFT)
    settle(window, qtbot)
    assert window.ui.language == "zh-Hant" and window.lang_buttons["zh-Hant"].isChecked()
    assert window.access_button.isChecked() and window.ui.theme.scale == 1.25
    window.show_view("agenda")
    assert window.agenda.heading.text() == "議程"


def test_the_idle_reset_drops_taps_still_settling(make_kiosk, qtbot):
    window = make_kiosk()
    qtbot.mouseClick(window.lang_buttons["ko"], LEFT)          # applied at once
    qtbot.mouseClick(window.lang_buttons["zh-Hant"], LEFT)     # still settling …
    assert window.ui.language == "ko" and window.switcher().pending()
    window.reset_for_next_visitor()                            # … when the kiosk resets
    qtbot.wait(switching.SETTLE_MS * 3)
    assert window.ui.language == "en" and window.lang_buttons["en"].isChecked()
    assert not window.access_button.isChecked() and window.ui.theme.scale == 1.0


def test_korean_larger_english_by_taps_gives_every_screen_a_fresh_english_font(make_kiosk, qtbot):
    """The reason apply_language_font exists, through taps and the deferred polish of hidden
    screens: after Korean → Larger text → English (and smaller again) every visitor screen draws
    in the fonts it had at a fresh English start."""
    window = make_kiosk()
    build_all(window)
    fresh = {name: fonts_of(window, name) for name in VISITOR}
    # each path ends on a language tap (a text-size change re-applies the whole style sheet and
    # would hide a screen left unpolished); the families are compared, not the sizes
    for path in (("ko", "larger", "en"), ("larger", "zh-Hant", "en")):
        window.show_view("home")
        for target in path:
            qtbot.mouseClick(window.access_button if target == "larger" else window.lang_buttons[target], LEFT)
            settle(window, qtbot)
        assert window.ui.language == "en"
        for name in VISITOR:
            now = fonts_of(window, name)
            changed = {k: (fresh[name][k], now[k]) for k in fresh[name] if k in now and now[k] != fresh[name][k]}
            assert not changed, (path, name, changed)
            assert now, name


def test_work_owed_by_a_hidden_screen_runs_once_on_show_fonts_first(qtbot):
    """when_shown's contract on plain widgets: on show the work runs now; hidden, each key's
    latest work waits for the next show and runs once, the font's before the texts'."""
    from PySide6.QtWidgets import QStackedWidget, QWidget

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    shown, hidden = QWidget(), QWidget()
    stack.addWidget(shown)
    stack.addWidget(hidden)
    stack.show()
    qtbot.waitExposed(stack)
    ran = []
    assert switching.when_shown(shown, "retranslate", lambda: ran.append("shown"))
    assert ran == ["shown"] and switching.owed(shown) == []
    for i in range(5):
        assert not switching.when_shown(hidden, "retranslate", lambda i=i: ran.append(f"texts {i}"))
        assert not switching.when_shown(hidden, "font", lambda i=i: ran.append(f"font {i}"))
    assert ran == ["shown"] and sorted(switching.owed(hidden)) == ["font", "retranslate"]
    stack.setCurrentWidget(hidden)
    assert ran == ["shown", "font 4", "texts 4"] and switching.owed(hidden) == []
    stack.setCurrentWidget(shown)
    stack.setCurrentWidget(hidden)          # nothing owed: showing again runs nothing
    assert ran == ["shown", "font 4", "texts 4"]


def test_a_session_opened_after_switches_is_drawn_once_in_the_new_language(make_kiosk, qtbot, monkeypatch):
    window = make_kiosk()
    detail = window.screen("detail")
    window.show_view("home")
    drawn = []
    real = detail.refresh
    monkeypatch.setattr(detail, "refresh", lambda: drawn.append(window.ui.language) or real())
    for lang in ("ko", "zh-Hant", "ko"):
        window.ui.set_language(lang)
    assert drawn == [] and switching.owed(detail) == ["font", "retranslate"]
    session = window.programme.items()[0].session.id
    window.open_session(session)
    assert window.current_view() == "detail" and drawn == ["ko"]
