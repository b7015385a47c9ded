"""Qt's on-screen keyboard, made to follow the kiosk (issue 12, item 3).

* its language is the kiosk's: English (en_US), Korean 2-set (ko_KR), Traditional Chinese (zh_TW,
  Zhuyin first — what Taiwan's schools and phones use; Cangjie is one tap away on its mode key);
* its globe key offers only those three;
* the idle reset drops a half-typed syllable, hides it and brings its language back;
* a ``KeyboardReserve`` strip at the bottom of the window grows to the keyboard's height, so the
  screen lays itself out *above* the keyboard (search results and the verdict stay in sight), and
  the keyboard is capped at ``MAX_HEIGHT`` so it never takes more than about 40 % of a 1080 p screen.

It works through the keyboard's own settings object (the ``VirtualKeyboardSettings`` QML singleton:
every QML engine's instance forwards to one per process). The recipe, and what did *not* work, is
in ../shared/virtual-keyboard-notes.md. Without the plugin (offscreen, tests) all of this is inert.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: kiosk language -> the keyboard's locale (its layouts are chosen by locale)
VKB_LOCALE = {"en": "en_US", "ko": "ko_KR", "zh-Hant": "zh_TW"}
#: logical px: the keys' design height; 1920x1080 gives a keyboard about 400 px high (37 %)
MAX_HEIGHT = 400


def enabled() -> bool:
    """True when Qt's virtual keyboard is this process's input method (main.py sets it up)."""
    return os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard" and \
        QGuiApplication.platformName() not in ("offscreen", "minimal")


def keyboard_view():
    """The keyboard's own top-level QQuickView; it exists after the first text field had focus."""
    from PySide6.QtQuick import QQuickView

    for window in QGuiApplication.allWindows():
        if isinstance(window, QQuickView):
            root = window.rootObject()            # a local: chained temporaries die under you
            if root is not None and root.metaObject().className().startswith("InputPanel"):
                return window
    return None


def keyboard_item(view, name: str):
    """A property of the keyboard's root item (QObject.property cannot convert QML items)."""
    from PySide6.QtQml import QQmlProperty

    root = view.rootObject()
    return QQmlProperty.read(root, name) if root is not None else None


class VirtualKeyboard(QObject):
    """Keeps the keyboard's language, choice of languages and size in step with the kiosk."""

    def __init__(self, ui, parent=None, *, max_height: int = MAX_HEIGHT) -> None:
        super().__init__(parent)
        self.ui = ui
        self.max_height = max_height
        self.active = enabled()
        self._engine = None
        self._settings = None
        if not self.active:
            return
        ui.languageChanged.connect(self.follow)
        # its settings live in a QML engine (QtQml, tens of ms to set up): made just after the
        # first frame — the keyboard shows only once a text field is tapped
        from .first_frame import AfterFirstFrame

        AfterFirstFrame.later(lambda: self.follow(self.ui.language))

    def settings(self):
        if self._settings is None:
            from PySide6.QtQml import QQmlEngine

            self._engine = QQmlEngine(self)
            self._settings = self._engine.singletonInstance("QtQuick.VirtualKeyboard.Settings",
                                                            "VirtualKeyboardSettings")
            if self._settings is None:
                log.warning("the virtual keyboard's settings are not reachable: it keeps its own language")
                self.active = False
        return self._settings

    def follow(self, lang: str) -> None:
        """The keyboard's language becomes ``lang``'s, whatever a visitor picked on its globe key."""
        settings = self.settings() if self.active else None
        if settings is None:
            return
        settings.setProperty("activeLocales", list(VKB_LOCALE.values()))
        # a pick on the globe key changes only the keyboard's own index, not `locale`: writing the
        # same locale again would emit nothing, so clear it first
        settings.setProperty("locale", "")
        settings.setProperty("locale", VKB_LOCALE.get(lang, "en_US"))

    def locale(self) -> str:
        settings = self.settings() if self.active else None
        return str(settings.property("locale")) if settings is not None else ""

    def reset(self, lang: str) -> None:
        """Idle reset: a half-typed syllable is dropped (not committed), the keyboard hides and
        comes back in ``lang``; its symbol page closes by itself when it shows again."""
        im = QGuiApplication.inputMethod()
        im.reset()
        im.hide()
        self.follow(lang)

    def cap_height(self) -> None:
        view = keyboard_view()
        if view is None or not self.max_height:
            return
        keyboard = keyboard_item(view, "keyboard")
        if keyboard is None:
            return
        from PySide6.QtQml import QQmlProperty

        style = QQmlProperty.read(keyboard, "style")
        if style is not None and style.property("keyboardDesignMaximumHeight") != float(self.max_height):
            style.setProperty("keyboardDesignMaximumHeight", float(self.max_height))


class KeyboardReserve(QWidget):
    """The last item of the window's layout: as tall as the part of the window the keyboard covers
    (0 while it is hidden), so everything else lays out above it. ``coveredChanged(px)`` lets
    screens compact themselves while it shows."""

    coveredChanged = Signal(int)

    def __init__(self, keyboard: VirtualKeyboard, parent=None) -> None:
        super().__init__(parent)
        self.keyboard = keyboard
        self.setFixedHeight(0)
        if keyboard.active:
            im = QGuiApplication.inputMethod()
            im.keyboardRectangleChanged.connect(self.refit)
            im.visibleChanged.connect(self.refit)

    def covered(self) -> int:
        """Pixels of the window, from its bottom, that the keyboard covers now."""
        im, view = QGuiApplication.inputMethod(), keyboard_view()
        rect = im.keyboardRectangle()
        if not im.isVisible() or view is None or rect.isEmpty():
            return 0
        top = self.window().mapFromGlobal(view.mapToGlobal(QPoint(0, int(rect.top()))))
        return max(0, min(self.window().height(), self.window().height() - top.y()))

    def refit(self) -> None:
        self.keyboard.cap_height()
        height = self.covered()
        if height != self.height():
            self.setFixedHeight(height)
            self.coveredChanged.emit(height)
