"""What the layout-fit test measures: does every visible label's and button's text fit its
rectangle, and does every visible widget stay inside the window (and its parent)?

Measured with the widget's own font (after its style sheet is applied) against its contents
rectangle, word-wrap aware. A widget whose design elides (property ``elides``) is exempt
from the text check; the design then keeps the full text reachable elsewhere. A wrapped rich-text
label whose property ``keepsTogether`` lists units ("A Auto parts": a legend's swatch and name)
must keep each unit on one line (a line may break between units, never inside one).
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea, QLabel, QLineEdit, QPushButton, QStyle, QStyleOptionButton, QWidget,
)

SLACK = 2  # px: anti-aliasing and rounding


def _name(w: QWidget) -> str:
    text = ""
    if isinstance(w, (QLabel, QPushButton)):
        text = w.text().replace("\n", "⏎")[:50]
    elif isinstance(w, QLineEdit):
        text = w.placeholderText()[:50]
    return f"{type(w).__name__}({w.objectName() or ''}{' ' + repr(text) if text else ''})"


def _button_text(text: str) -> str:
    # "&&" is a literal ampersand; a single "&" marks a mnemonic and is not drawn
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def button_problem(b: QPushButton) -> str | None:
    text = _button_text(b.text())
    if not text:
        return None
    opt = QStyleOptionButton()
    b.initStyleOption(opt)
    area = b.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, b)
    fm = b.fontMetrics()
    width = max(fm.horizontalAdvance(line) for line in text.split("\n"))
    if not b.icon().isNull():
        width += b.iconSize().width() + 4
    height = fm.height() * len(text.split("\n"))
    if width > area.width() + SLACK:
        return f"text {width}px wide in {area.width()}px"
    if height > area.height() + SLACK:
        return f"text {height}px high in {area.height()}px"
    return None


def label_problem(lab: QLabel) -> str | None:
    if lab.pixmap() is not None and not lab.pixmap().isNull():
        return None
    text = lab.text()
    if not text or lab.property("elides"):
        return None
    if lab.textFormat() == Qt.TextFormat.RichText or (
            lab.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)):
        return None  # rich text: measured by its document, not here
    area = lab.contentsRect().adjusted(lab.margin(), lab.margin(), -lab.margin(), -lab.margin())
    fm = lab.fontMetrics()
    if lab.wordWrap():
        br = fm.boundingRect(QRect(0, 0, area.width(), 100_000),
                             int(Qt.TextFlag.TextWordWrap) | int(lab.alignment()), text)
        width, height = br.width(), br.height()
    else:
        lines = text.split("\n")
        width = max(fm.horizontalAdvance(line) for line in lines)
        height = fm.height() * len(lines)
    if width > area.width() + SLACK:
        return f"text {width}px wide in {area.width()}px"
    if height > area.height() + SLACK:
        return f"text {height}px high in {area.height()}px"
    return None


def _visible_chars(text: str) -> list[tuple[str, int]]:
    """``text``'s characters as read (word joiners dropped, any run of spaces one space), each
    with its position in ``text``."""
    out: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch == "\u2060":
            continue
        if ch.isspace():
            if out and out[-1][0] == " ":
                continue
            ch = " "
        out.append((ch, i))
    return out


def split_units(lab: QLabel) -> list[str]:
    """The ``keepsTogether`` units of ``lab`` that its wrapped text breaks across lines, as
    "first line part / next line part"."""
    units = lab.property("keepsTogether") or []
    if not units or not lab.wordWrap():
        return []
    doc = QtGui.QTextDocument()
    doc.setDefaultFont(lab.font())
    doc.setDocumentMargin(0)
    if lab.textFormat() == Qt.TextFormat.PlainText:
        doc.setPlainText(lab.text())
    else:
        doc.setHtml(lab.text())
    area = lab.contentsRect().adjusted(lab.margin(), lab.margin(), -lab.margin(), -lab.margin())
    doc.setTextWidth(area.width())
    doc.size()                                            # lays the document out
    found = []
    block = doc.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        line_of = {}
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            for i in range(line.textStart(), line.textStart() + line.textLength()):
                line_of[i] = n
        chars = _visible_chars(text)
        read = "".join(c for c, _ in chars)
        for unit in units:
            want = "".join(c for c, _ in _visible_chars(unit)).strip()
            at = read.find(want)
            while at >= 0:
                positions = [chars[k][1] for k in range(at, at + len(want))]
                lines = {line_of.get(p) for p in positions}
                if len(lines) > 1:
                    first = min(lines)
                    cut = next(k for k, p in enumerate(positions) if line_of.get(p) != first)
                    found.append(f"{want[:cut]} / {want[cut:]}")
                at = read.find(want, at + 1)
        block = block.next()
    return found


def line_edit_problem(e: QLineEdit) -> str | None:
    text = e.placeholderText() if not e.text() else ""
    if not text:
        return None
    width = e.fontMetrics().horizontalAdvance(text)
    avail = e.contentsRect().width() - 2 * 2 - 8  # Qt's horizontal margin and frame in QLineEdit
    if e.isClearButtonEnabled():
        avail -= 24
    if width > avail + SLACK:
        return f"placeholder {width}px wide in {avail}px"
    return None


def _scroll_ancestor(w: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose viewport holds ``w`` (its scroll bars are not scrolled content)."""
    p = w.parentWidget()
    while p is not None and p is not window:
        area = p.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is p:
            return area
        p = area
    return None


def problems(window: QWidget) -> list[str]:
    """Everything that does not fit on the window as it is shown now."""
    out: list[str] = []
    frame = window.rect()
    reported: set[int] = set()

    def under_reported(w: QWidget) -> bool:
        p = w.parentWidget()
        while p is not None:
            if id(p) in reported:
                return True
            p = p.parentWidget()
        return False

    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.isWindow() or w.width() <= 0 or under_reported(w):
            continue
        where = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        scroll = _scroll_ancestor(w, window)
        if scroll is None:
            if not frame.contains(where):
                reported.add(id(w))
                out.append(f"{_name(w)} at {where.getRect()} leaves the window {frame.getRect()}")
                continue
            parent = w.parentWidget()
            if parent is not None and parent is not window and not parent.rect().contains(w.geometry()):
                out.append(f"{_name(w)} at {w.geometry().getRect()} is cut by its parent "
                           f"{_name(parent)} {parent.rect().getRect()}")
                reported.add(id(w))
                continue
        else:
            # inside a scroll area only vertical overflow is allowed (horizontal scroll is off),
            # except in one whose design flicks sideways (a strip of chips: ``scrollsSideways``)
            view = scroll.viewport()
            left = w.mapTo(view, QPoint(0, 0)).x()
            sideways = bool(scroll.property("scrollsSideways")) and (
                scroll.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            if not sideways and (left < -SLACK or left + w.width() > view.width() + SLACK):
                out.append(f"{_name(w)} is {w.width()}px wide at x={left} in a {view.width()}px scroll view")
                reported.add(id(w))
                continue
        problem = None
        if isinstance(w, QPushButton):
            problem = button_problem(w)
        elif isinstance(w, QLabel):
            problem = label_problem(w)
            split = split_units(w)
            if split:
                out.append(f"{_name(w)}: an entry split across lines: {'; '.join(split)}")
        elif isinstance(w, QLineEdit):
            problem = line_edit_problem(w)
        if problem:
            out.append(f"{_name(w)}: {problem}")
        # text a widget paints itself (the home screen's session cards) reports its own cuts
        painted = getattr(w, "fit_problems", None)
        if callable(painted):
            out.extend(f"{_name(w)}: {p}" for p in painted())
    return out
