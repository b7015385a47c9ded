"""A home card's room line ("Roundtable · Convention Hall 300A, 3rd floor") shows whole: on one
line (a step smaller, or without the session's type, when needed), else on two lines when the
titles may take two — and what is still elided is reported to the layout-fit test (issue 12's
left nit: English with larger text cut it, and nothing checked it)."""

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

from kiosk.views.session_card import meta_texts, paint_card
from kiosk.views.session_models import SessionsRole
from tests.conftest import kst


def _home_at(make_kiosk, clock, when, size=(1920, 1080), larger=True, language="en"):
    clock.set(kst(when))
    window = make_kiosk(size=size, language=language)
    window.access_button.setChecked(larger)
    window.show_view("home")
    return window, window.screen("home")


def _cards(panel):
    out = []
    for row in range(panel.model.rowCount()):
        index = panel.model.index(row)
        items = panel.model.data(index, SessionsRole) or []
        out += list(zip(panel.list.card_delegate.card_rects(panel.list.visualRect(index), items), items))
    return out


def test_the_roundtables_room_line_is_whole_in_english_with_larger_text(make_kiosk, qtbot, clock):
    window, home = _home_at(make_kiosk, clock, "06-14 16:30")
    qtbot.wait(20)
    cards = dict((item.session.id, (rect, item)) for rect, item in _cards(home.now_panel))
    rect, item = cards["d1-roundtable"]
    delegate = home.now_panel.list.card_delegate
    m = delegate.metrics
    texts = meta_texts(item, "en")
    assert texts == ("Roundtable · Convention Hall 300A, 3rd floor", "Convention Hall 300A, 3rd floor")
    width = m.text_width(rect.width())
    # the whole line does not fit at the body text's size here (that is what was elided) ...
    assert m.meta.pixelSize() == 30
    assert QFontMetrics(m.meta).horizontalAdvance(texts[0]) > width
    # ... so a form of it that fits is drawn, or it takes two lines
    fitted = m.meta_fit(texts, width)
    lines = m.meta_lines(texts, width, delegate.most_title_lines)
    assert fitted is not None or lines == 2
    if fitted is not None:
        assert QFontMetrics(fitted[1]).horizontalAdvance(fitted[0]) <= width
        assert fitted[1].pixelSize() >= window.ui.theme.small      # never below the small text
    assert home.now_panel.fit_problems() == [] and home.next_panel.fit_problems() == []


def test_the_check_reports_a_room_line_that_cannot_show_whole(make_kiosk, qtbot, clock):
    window, home = _home_at(make_kiosk, clock, "06-14 16:30")
    delegate = home.now_panel.list.card_delegate
    item = next(i for _r, i in _cards(home.now_panel) if i.session.id == "d1-roundtable")
    narrow = QRect(0, 0, 260, 200)               # no form of the line fits one line, nor two
    delegate.most_title_lines, before = 1, delegate.most_title_lines
    try:
        cut = delegate.cut_texts(narrow, [item])
    finally:
        delegate.most_title_lines = before
    assert any("room line 'Roundtable · Convention Hall 300A, 3rd floor'" in c for c in cut), cut


def test_a_room_line_wraps_to_a_second_line_when_titles_may_take_two(make_kiosk, qtbot, clock):
    """Where no one-line form fits but two lines do, the card is one line taller and the second
    line is painted inside it."""
    window, home = _home_at(make_kiosk, clock, "06-14 16:30")
    delegate = home.now_panel.list.card_delegate
    m = delegate.metrics
    item = next(i for _r, i in _cards(home.now_panel) if i.session.id == "d1-roundtable")
    texts = meta_texts(item, "en")
    card_width = next(w for w in range(600, 200, -4)
                      if m.meta_fit(texts, m.text_width(w)) is None)      # the widest where none fits
    assert m.meta_lines(texts, m.text_width(card_width), 2) == 2
    assert m.meta_lines(texts, m.text_width(card_width), 1) == 1
    one = m.height(item, card_width=card_width, most_title_lines=1)
    two = m.height(item, card_width=card_width, most_title_lines=2)
    title_extra = (m.title_lines_for(item.session.title.get("en"), m.text_width(card_width), 2) - 1) * m.title_line
    assert two - one == title_extra + m.meta_line
    image = QImage(card_width, two, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    paint_card(painter, QRect(0, 0, card_width, two), item, now=kst("06-14 16:30"), lang="en", metrics=m,
               most_title_lines=2)
    painter.end()
    # ink of the room line's second line: in the last meta line's band, above the card's padding
    band = QRectF(0, two - m.pad - m.meta_line - 4, card_width, m.meta_line)
    inked = sum(1 for y in range(int(band.top()), int(band.bottom())) for x in range(20, card_width - 20, 3)
                if QColor(image.pixel(x, y)).lightness() > 128)
    assert inked > 20
