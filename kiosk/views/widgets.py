"""Small building blocks shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QPushButton, QWidget

from .first_frame import AfterFirstFrame
from .qt_flags import NO_FOCUS, NO_TEXT_INTERACTION, SCROLLBAR_ALWAYS_OFF
from .session_card import SessionCardDelegate


def make_kinetic(widget: QAbstractItemView | QWidget) -> None:
    """Flick to scroll with a finger (and with the mouse, for testing on a desktop)."""
    if AfterFirstFrame.holding():   # the first QScroller sets up Qt's gestures (~70 ms)
        AfterFirstFrame.later(lambda: make_kinetic(widget))
        return
    # imported here: PySide6 sets up a class's Python enums on first touch (QScroller's and
    # QScrollerProperties' cost the first frame milliseconds it does not need)
    from PySide6.QtWidgets import QScroller, QScrollerProperties

    target = widget.viewport() if hasattr(widget, "viewport") else widget
    QScroller.grabGesture(target, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(target)
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootWhenScrollable)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    # Deliver a tap to the list at once (the default holds the press back for 0.5 s).
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    scroller.setScrollerProperties(props)


#: A finger that moved further than this (px) between press and release was dragging, not tapping.
TAP_SLOP = 16


class TapGuard(QObject):
    """Buttons inside a finger-scrolled area: a press that became a drag never clicks. (The
    content scrolls with the finger, so the release landed on the same button, which clicked:
    a 160 px drag that began on "Room full" chose that notice.) Before the release reaches the
    button it is set not-down when the finger travelled further than :data:`TAP_SLOP`, and a
    button not down does not click."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._pressed: dict[int, tuple[float, float]] = {}

    def guard(self, button) -> None:
        button.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            p = event.globalPosition()
            self._pressed[id(obj)] = (p.x(), p.y())
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            start = self._pressed.get(id(obj))
            if start is not None:
                p = event.globalPosition()
                if abs(p.x() - start[0]) + abs(p.y() - start[1]) > TAP_SLOP:
                    self._pressed[id(obj)] = (float("inf"), float("inf"))   # a drag stays a drag
                    obj.setDown(False)
                if kind == QEvent.Type.MouseButtonRelease:
                    if self._pressed.pop(id(obj))[0] == float("inf"):
                        obj.setDown(False)
        return False


def kinetic_scroll(content: QWidget, *, guard_taps: bool = False):
    """A frameless, see-through scroll area around ``content`` that flicks with a finger."""
    from PySide6.QtWidgets import QScrollArea

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setProperty("horizontalScrollBarPolicy", SCROLLBAR_ALWAYS_OFF)   # (no Qt enum: qt_flags.py)
    scroll.setStyleSheet("QScrollArea { background: transparent; }")
    scroll.setWidget(content)
    scroll.viewport().setAutoFillBackground(False)
    make_kinetic(scroll)
    if guard_taps:   # a form of buttons: a drag that starts on one scrolls and never presses it
        from PySide6.QtWidgets import QAbstractButton

        guard = TapGuard(scroll)
        for button in content.findChildren(QAbstractButton):
            guard.guard(button)
        scroll.tap_guard = guard
    return scroll


class SessionList(QListView):
    """A kinetic list of session cards."""

    def __init__(self, ui, *, gutter: int = 0, compact: bool = False, parent=None) -> None:
        super().__init__(parent)
        # A viewport made in Python, the same plain QWidget Qt would make: Qt's own comes back
        # from ``viewport()`` unwrapped, and PySide6 then works out its class by resolving every
        # QtWidgets class and enum (~15–20 ms) — on the first frame, which paints this list.
        self.setViewport(QWidget())
        self.card_delegate = SessionCardDelegate(ui, gutter=gutter, compact=compact, parent=self)
        self.setItemDelegate(self.card_delegate)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # by property name, in integers: no Python enum of the Qt namespace on the first frame (qt_flags.py)
        self.setProperty("horizontalScrollBarPolicy", SCROLLBAR_ALWAYS_OFF)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setProperty("focusPolicy", NO_FOCUS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(False)
        self.setSpacing(0)
        self.setFrameShape(QFrame.Shape.NoFrame)
        make_kinetic(self)
        ui.languageChanged.connect(self._relayout)
        ui.themeChanged.connect(self._relayout)
        ui.minuteTick.connect(lambda _now: self.viewport().update())

    def _relayout(self, *_):
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # a card's height follows its width (a title wraps): rows measured at another width are
        # stale (seen: a gap under a home card after the lists were re-fitted)
        if event.oldSize().width() != event.size().width():
            self.scheduleDelayedItemsLayout()


def label(text: str = "", *, role: str | None = None, wrap: bool = False, parent=None) -> QLabel:
    lab = QLabel(text, parent)
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    lab.setProperty("textInteractionFlags", NO_TEXT_INTERACTION)    # (no Qt enum: qt_flags.py)
    return lab


class WrappingButton(QPushButton):
    """A button whose label wraps onto a second line instead of being clipped, with a tail
    (a count: "Food & beverage  8") that always stays whole on the last line.

    Its width does not follow the wrapped text (that would feed back into the layout): the
    layout decides the width, the button re-wraps its words to it.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words = ""
        self._tail = ""

    def set_label(self, words: str, tail: str = "") -> None:
        """``words`` may wrap; ``tail`` stays on the last line. Both are plain text."""
        if (words, tail) != (self._words, self._tail):
            self._words, self._tail = words, tail
            self._rewrap()

    def _content_width(self) -> int:
        from PySide6.QtWidgets import QStyle, QStyleOptionButton   # QStyle's many enums: not at start

        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        return self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self).width()

    def _rewrap(self) -> None:
        fm = self.fontMetrics()
        width = max(40, self._content_width())
        tail = f"  {self._tail}" if self._tail else ""
        lines: list[str] = []
        line = ""
        for word in self._words.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and fm.horizontalAdvance(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        if line and fm.horizontalAdvance(line + tail) > width:
            lines.append(line)
            line = tail.strip()
        else:
            line += tail
        lines.append(line)
        text = "\n".join(lines).replace("&", "&&")
        if text != self.text():
            self.setText(text)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        one_line = self.fontMetrics().horizontalAdvance(f"{self._words}  {self._tail}")
        return QSize(min(hint.width(), one_line + 40), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(120, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rewrap()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._rewrap()

