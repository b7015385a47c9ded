"""The exhibitor screen: chips, list and map in step; search; selection; route; reset."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from kiosk.views.map_view import FADED


def open_exhibitors(make_kiosk, **kw):
    window = make_kiosk(**kw)
    window.show_view("exhibitors")
    return window, window.exhibitors


def visible_booths(screen):
    return {b for b, item in screen.scene.booth_items.items() if item.opacity() > FADED}


def test_a_category_chip_filters_list_and_map_together(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    qtbot.mouseClick(screen.category_chips["food"], Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 7  # the report's 7 (overseas exhibitors' categories are not published)
    listed = set(screen.model.ids())
    assert all(screen.by_id[i].category_id == "food" for i in listed)
    assert visible_booths(screen) == {b for i in listed for b in screen.by_id[i].booths}
    assert "7" in screen.count.text()
    assert screen.category_chips["food"].isChecked() and not screen.all_chip.isChecked()


def test_multi_select_and_all(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    qtbot.mouseClick(screen.category_chips["food"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.category_chips["cosmetics"], Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 7 + 4
    qtbot.mouseClick(screen.category_chips["food"], Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 4
    qtbot.mouseClick(screen.all_chip, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 69 and len(visible_booths(screen)) == 123


def test_country_chip_and_live_category_counts(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    qtbot.mouseClick(screen.country_chips["MN"], Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 2
    assert screen.category_chips["auto"].text().endswith(" 0")


def test_typing_korean_in_the_search_field(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    screen.search.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString("한빛")
    QApplication.sendEvent(screen.search, event)
    assert screen.search.text() == "한빛"
    assert screen.model.ids() == ["kr-hanbit-axle"]
    assert visible_booths(screen) == {"B01"}


def test_tapping_a_list_row_selects_its_booth_and_draws_the_walk(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    screen.set_search("Twistcode")
    index = screen.model.index(0, 0)
    qtbot.mouseClick(screen.list.viewport(), Qt.MouseButton.LeftButton, pos=screen.list.visualRect(index).center())
    assert screen.selected_id == "twistcode"
    booth = screen.by_id["twistcode"].booths[0]
    item = screen.scene.booth_items[booth]
    assert item.pen().color().name() == "#ff6a00"
    assert screen.card.isVisible() and "Twistcode" in screen.card.name.text()
    assert "min walk" in screen.card.route.text()
    assert screen.scene.route_item is not None
    qtbot.wait(20)  # the map frames booth and walk once the card has its place
    shown = screen.map.mapToScene(screen.map.viewport().rect()).boundingRect()
    assert shown.contains(item.sceneBoundingRect())
    assert shown.contains(screen.scene.here_items[0].sceneBoundingRect())


def test_tapping_a_booth_on_the_map_selects_its_exhibitor(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    item = screen.scene.booth_items["B01"]
    pos = screen.map.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(screen.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert screen.selected_id == "kr-hanbit-axle"
    assert screen.card.isVisible()


def test_idle_reset_clears_search_filters_and_route(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk, idle_seconds=0.3)
    screen.toggle_category("bio")
    screen.set_search("lab")
    screen.select_exhibitor(screen.model.ids()[0])
    qtbot.waitUntil(lambda: window.current_view() == "home", timeout=2000)
    assert screen.search.text() == "" and not screen.chosen and screen.selected_id is None
    assert screen.scene.route_item is None and screen.model.rowCount() == 69


def test_you_are_here_follows_the_kiosk_id(make_kiosk):
    window, screen = open_exhibitors(make_kiosk, kiosk_id="K2")
    assert screen.kiosk["id"] == "K2"
    ring = screen.scene.here_items[0]
    assert ring.sceneBoundingRect().center().x() == 44 * 12


def test_visitors_never_see_the_sample_mark_but_the_data_keeps_it(make_kiosk, qtbot):
    from PySide6.QtWidgets import QLabel

    window, screen = open_exhibitors(make_kiosk)
    marked = [e for e in screen.exhibitors if e.name.en.endswith("(sample)")]
    assert marked, "the bundled data marks invented names"
    screen.select_exhibitor(marked[0].id)
    for lang in ("en", "ko", "zh-Hant"):
        window.ui.set_language(lang)
        shown = [w.text() for w in window.findChildren(QLabel) if w.isVisibleTo(window)]
        shown += [screen.model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) or "" for r in range(screen.model.rowCount())]
        assert not [t for t in shown if "(sample)" in t or "(예시)" in t], lang
    window.ui.set_language("en")
    assert screen.card.name.text() == marked[0].name.en.removesuffix(" (sample)")
    assert marked[0].name.en.endswith("(sample)")                       # the data is unchanged


def test_a_walk_fitted_while_the_keyboard_squeezed_the_map_is_fitted_again_when_it_closes(make_kiosk, qtbot):
    """Seen on Xvfb: a booth picked while the on-screen keyboard was up stayed a ~100 px thumbnail
    in the middle of an empty map after the keyboard closed."""
    window, screen = open_exhibitors(make_kiosk)
    screen.set_search("Twistcode")
    index = screen.model.index(0, 0)
    full = screen.map.size()
    screen.map.resize(full.width(), 120)                    # the keyboard takes the room
    qtbot.mouseClick(screen.list.viewport(), Qt.MouseButton.LeftButton, pos=screen.list.visualRect(index).center())
    qtbot.wait(20)
    squeezed = screen.map.transform().m11()
    screen.map.resize(full)                                 # the keyboard closes
    qtbot.wait(20)
    assert screen.map.transform().m11() > 1.5 * squeezed
    # a zoom the visitor made by hand is kept through a resize
    screen.map.zoom_in_button.click()
    zoomed = screen.map.transform().m11()
    screen.map.resize(full.width() - 40, full.height())
    assert abs(screen.map.transform().m11() - zoomed) < 1e-6


def test_filters_hidden_behind_the_keyboard_are_named_with_a_one_tap_clear(make_kiosk, qtbot):
    """The stranger's report: a country chip set earlier stayed on while the chips stepped aside
    for the keyboard, and the search then said "0 exhibitors" without naming the country."""
    window, screen = open_exhibitors(make_kiosk)
    assert "IR" in screen.country_chips
    qtbot.mouseClick(screen.country_chips["IR"], Qt.MouseButton.LeftButton)
    assert not screen.filters_button.isVisible()          # the chips show it themselves
    screen.set_compact(True)                              # the on-screen keyboard comes up
    assert screen.filters_button.isVisible() and "Iran" in screen.filters_button.text()
    screen.set_search("Twistcode")                        # a Korean exhibitor: not in Iran
    assert screen.model.rowCount() == 0
    assert screen.empty.isVisible() and "Iran" in screen.empty.text()
    qtbot.mouseClick(screen.filters_button, Qt.MouseButton.LeftButton)
    assert screen.country is None and screen.model.ids() == ["twistcode"]
    assert not screen.filters_button.isVisible() and not screen.empty.isVisible()
    screen.set_compact(False)
    window.ui.set_language("zh-Hant")                     # the line in the kiosk's language
    screen.toggle_category("food")
    screen.set_country("IR")
    screen.set_compact(True)
    assert "、" in screen.filters_button.text() and "," not in screen.filters_button.text()


def test_home_clears_the_filters_and_a_picked_result_puts_the_keyboard_away(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    screen.set_country("IR")
    screen.toggle_category("food")
    qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
    window.show_view("exhibitors")
    assert screen.country is None and not screen.chosen and screen.model.rowCount() == 69
    # a result picked while typing: the search field lets go of the focus (the keyboard hides)
    screen.search.setFocus()
    qtbot.waitUntil(screen.search.hasFocus, timeout=1000)
    screen.set_search("Twistcode")
    index = screen.model.index(0, 0)
    qtbot.mouseClick(screen.list.viewport(), Qt.MouseButton.LeftButton, pos=screen.list.visualRect(index).center())
    assert screen.selected_id == "twistcode" and not screen.search.hasFocus()


def test_a_chip_whose_matches_are_off_screen_refits_the_map(make_kiosk, qtbot):
    window, screen = open_exhibitors(make_kiosk)
    here = screen.scene.booth_items["B01"].sceneBoundingRect()
    screen.map.fitInView(here.adjusted(-20, -20, 20, 20))  # zoomed in on one corner by hand
    code = next(c for c in screen.country_chips
                if not any(b == "B01" for e in screen.exhibitors if e.country == c for b in e.booths)
                and sum(e.country == c for e in screen.exhibitors) >= 2)
    screen.set_country(code)
    qtbot.wait(20)
    shown = screen.map.mapToScene(screen.map.viewport().rect()).boundingRect()
    for e in screen.exhibitors:
        if e.country == code:
            for b in e.booths:
                if b in screen.scene.booth_items:
                    assert shown.contains(screen.scene.booth_items[b].sceneBoundingRect()), (code, b)


def test_the_idle_reset_puts_the_list_back_at_its_first_row(make_kiosk, qtbot):
    """Stranger r4 #8: after the reset the list started mid-way with its first row cut."""
    window, screen = open_exhibitors(make_kiosk, idle_seconds=0.3)
    bar = screen.list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum() // 2 + 7)
    assert bar.value() > 0
    qtbot.waitUntil(lambda: window.current_view() == "home", timeout=2000)
    assert bar.value() == 0


def test_a_search_matching_nothing_by_itself_does_not_blame_the_filters(make_kiosk, qtbot):
    """Stranger r4 #10: "hyu" with Auto parts + Korea read "Nothing matches with the filters …
    Tap the filters line to clear them", though "hyu" matches nothing at all."""
    window, screen = open_exhibitors(make_kiosk)
    screen.toggle_category("auto")
    screen.set_country("KR")
    screen.set_search("qqzx")
    assert screen.model.rowCount() == 0 and screen.empty.isVisible()
    assert "filters" not in screen.empty.text() and "fewer letters" in screen.empty.text()
    screen.set_search("Twistcode")                # matches, but not with these filters: they are named
    assert screen.model.rowCount() == 0 and "filters" in screen.empty.text()


def test_the_grey_question_mark_booths_have_a_legend_entry(make_kiosk):
    window, screen = open_exhibitors(make_kiosk)
    assert any(e.category_id is None for e in screen.exhibitors)
    assert "Uncategorised" in screen.legend.text() and "?" in screen.legend.text()
    window.ui.set_language("ko")
    assert "Uncategorised" not in screen.legend.text()


def test_nothing_matching_hides_the_empty_list_and_clearing_brings_it_back_whole(make_kiosk, qtbot):
    """With no match the list steps aside for the words saying why (with the keyboard up and
    larger text they were squeezed); cleared, its rows fit the view again (not laid out wider)."""
    window = make_kiosk()
    window.show_view("exhibitors")
    screen = window.exhibitors
    screen.set_categories(set(list(screen.category_chips)[:2]))
    screen.set_country(screen.countries[-1])
    qtbot.wait(20)
    assert screen.model.rowCount() == 0 and screen.list.isHidden() and screen.empty.isVisible()
    screen.clear_filters()
    qtbot.wait(50)
    assert not screen.list.isHidden() and not screen.empty.isVisible()
    view = screen.list.viewport().rect()
    assert screen.model.rowCount() > 4
    assert all(view.width() >= screen.list.visualRect(screen.model.index(r, 0)).width() for r in range(4))
    assert sum(1 for r in range(screen.model.rowCount())
               if view.contains(screen.list.visualRect(screen.model.index(r, 0)))) >= 4


def test_the_list_sorts_by_the_names_as_shown_in_each_language(make_kiosk, qtbot):
    """Seen in Korean: 앞산, 북구, 칠곡, 대성, 동대구, 김천 — the English spellings' order."""
    from kiosk.models.collation import name_sort_key

    window, screen = open_exhibitors(make_kiosk)
    for lang in ("ko", "zh-Hant", "en"):
        window.ui.set_language(lang)
        qtbot.mouseClick(screen.category_chips["auto"], Qt.MouseButton.LeftButton)
        for chosen in ({"auto"}, set()):
            shown = [screen.by_id[i].public_name.get(lang) for i in screen.model.ids()]
            assert len(shown) > 10
            assert shown == sorted(shown, key=lambda n: name_sort_key(n, lang)), (lang, chosen, shown[:8])
            qtbot.mouseClick(screen.category_chips["auto"], Qt.MouseButton.LeftButton)
    window.ui.set_language("ko")
    qtbot.mouseClick(screen.category_chips["auto"], Qt.MouseButton.LeftButton)
    korean = [screen.by_id[i].public_name.ko for i in screen.model.ids()]
    assert all(korean) and korean[:2] == sorted(korean)[:2] and korean[0][0] < "나"   # 가나다: a ㄱ name first


def test_country_chips_follow_the_shown_names_with_the_host_first(make_kiosk, qtbot):
    """The chips were in ISO-code order: 한국, 이란, 몽골, 말레이시아 … in Korean."""
    from kiosk.models.collation import name_sort_key
    from kiosk.views import phrases

    window, screen = open_exhibitors(make_kiosk)
    for lang in ("ko", "zh-Hant", "en"):
        window.ui.set_language(lang)
        strip = screen.country_strip
        qtbot.wait(10)
        in_row = sorted(strip.chips, key=lambda c: c.mapTo(strip.widget(), c.rect().topLeft()).x())
        codes = {chip: code for code, chip in screen.country_chips.items()}
        assert in_row[0] is screen.country_all
        shown = [codes[c] for c in in_row[1:]]
        assert shown[0] == "KR"
        names = [phrases.country(c) for c in shown[1:]]
        assert len(names) >= 5 and names == sorted(names, key=lambda n: name_sort_key(n, lang)), (lang, names)
