"""Small building blocks shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QLabel, QListView, QScrollArea, QScroller, QScrollerProperties, QWidget,
)

from .session_card import SessionCardDelegate


def make_kinetic(widget: QAbstractItemView | QWidget) -> None:
    """Flick to scroll with a finger (and with the mouse, for testing on a desktop)."""
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


def kinetic_scroll(content: QWidget) -> QScrollArea:
    """A frameless, see-through scroll area around ``content`` that flicks with a finger."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setStyleSheet("QScrollArea { background: transparent; }")
    scroll.setWidget(content)
    scroll.viewport().setAutoFillBackground(False)
    make_kinetic(scroll)
    return scroll


class SessionList(QListView):
    """A kinetic list of session cards."""

    def __init__(self, ui, *, gutter: int = 0, compact: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.card_delegate = SessionCardDelegate(ui, gutter=gutter, compact=compact, parent=self)
        self.setItemDelegate(self.card_delegate)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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


def label(text: str = "", *, role: str | None = None, wrap: bool = False, parent=None) -> QLabel:
    lab = QLabel(text, parent)
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lab
