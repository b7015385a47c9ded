"""Qt translations (.ts sources in kiosk/i18n, compiled to .qm on demand) and CJK fonts."""

from __future__ import annotations

import functools
import logging
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
#: .ts / .qm file stem per kiosk language (English is the source language).
#: English has a catalogue too, for plural forms only ("1 exhibitor matches", "69 exhibitors match").
CATALOGUES = {"en": "kiosk_en", "ko": "kiosk_ko", "zh-Hant": "kiosk_zh_Hant"}
QT_LOCALES = {"en": "en_GB", "ko": "ko_KR", "zh-Hant": "zh_TW"}

#: Font families per language, first match wins. Named explicitly: without it Traditional
#: Chinese falls back to the Japanese shapes of Noto Sans CJK, and Latin text on a Korean
#: screen would take the CJK font's wide Latin glyphs.
FONT_FAMILIES = {
    "en": ["Noto Sans", "DejaVu Sans", "Noto Sans CJK KR"],
    "ko": ["Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "UnDotum"],
    "zh-Hant": ["Noto Sans CJK TC", "Noto Sans TC", "AR PL UMing TW", "WenQuanYi Zen Hei"],
}
#: What each language button says, in its own script (so it needs its own font).
LANGUAGE_LABELS = {"en": "English", "ko": "한국어", "zh-Hant": "繁體中文"}


def _lrelease() -> str | None:
    import PySide6

    for candidate in (
        Path(PySide6.__file__).parent / "lrelease",
        Path(sys.executable).parent / "pyside6-lrelease",
    ):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


def ensure_compiled(directory: Path = I18N_DIR) -> None:
    """Compile each .ts into .qm when the .qm is missing or older (the .qm is not in git)."""
    for stem in CATALOGUES.values():
        ts, qm = directory / f"{stem}.ts", directory / f"{stem}.qm"
        if not ts.exists():
            continue
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = _lrelease()
        if tool is None:
            log.warning("lrelease not found; %s stays untranslated", stem)
            continue
        import subprocess  # only when a catalogue needs compiling

        from kiosk.models.errors import KioskError
        from kiosk.models.safefile import replacing

        # Compiled beside it and renamed over it: a kiosk already running from this folder has
        # the old .qm memory-mapped (QTranslator), and lrelease writing into that file in place
        # changed its strings under it (a Korean screen read Chinese after another process
        # recompiled; tests/views/test_translations_compile.py).
        try:
            with replacing(qm) as tmp:
                subprocess.run([tool, "-silent", str(ts), "-qm", str(tmp)], check=True,
                               capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError, KioskError) as exc:
            log.warning("could not compile %s: %s", ts, exc)


class Translations:
    """Installs the translator for one language at a time on the application.

    The installed translator is tracked per application, not per instance: a second
    ``Translations`` (a rebuilt window, a test) replaces it rather than stacking on top.
    """

    _installed: QTranslator | None = None
    #: one loaded translator per language, reused: a kiosk switches language thousands of times
    _loaded: dict[str, QTranslator] = {}

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        ensure_compiled()

    def install(self, lang: str) -> bool:
        if Translations._installed is not None:
            self.app.removeTranslator(Translations._installed)
            Translations._installed = None
        QLocale.setDefault(QLocale(QT_LOCALES.get(lang, "en_GB")))
        stem = CATALOGUES.get(lang)
        if stem is None:
            return True
        translator = Translations._loaded.get(lang)
        if translator is None:
            translator = QTranslator(self.app)
            if not translator.load(str(I18N_DIR / f"{stem}.qm")):
                log.warning("no compiled translation for %s", lang)
                translator.deleteLater()
                return False
            Translations._loaded[lang] = translator
        self.app.installTranslator(translator)
        Translations._installed = translator
        return True


@functools.lru_cache(maxsize=1)
def available_families() -> frozenset[str]:
    """The installed font families (asked once: each call walks Qt's whole font database)."""
    return frozenset(QFontDatabase.families())


@functools.lru_cache(maxsize=None)
def families_for(lang: str) -> list[str]:
    """The configured families for ``lang`` that are installed (all of them if none is)."""
    installed = available_families()
    wanted = FONT_FAMILIES.get(lang, FONT_FAMILIES["en"])
    present = [f for f in wanted if f in installed]
    if not present:
        log.warning("no font for %s installed (wanted %s): CJK text may show as boxes; "
                    "install fonts-noto-cjk", lang, wanted)
        return wanted
    # Keep a CJK fallback after the Latin font so names in Hangul/Hanzi still render.
    for extra in ("Noto Sans CJK KR", "Noto Sans CJK TC"):
        if extra in installed and extra not in present:
            present.append(extra)
    return present


def font_for(lang: str, pixel_size: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(families_for(lang)))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def apply_language_font(window, lang: str, pixel_size: int, *, hidden=()) -> bool:
    """The one place the kiosk's text font follows the language: the application font, and
    every widget the window's style sheet has given a font. Qt's style sheet engine fixes a
    widget's font families when it polishes it (a text-size change in Korean polished them with
    Noto Sans CJK KR) and a later application font does not reach them: seen as headings and tiles
    in Noto Sans CJK beside DejaVu card text after Korean → Larger text → English, or after the idle
    reset. Polishing the widgets again makes them take the new families, so English looks the same
    whatever path led there.

    Only what is on show is polished now: the subtrees in ``hidden`` (screens not shown) are left
    for the caller to polish when they are next shown (:func:`kiosk.views.switching.when_shown`).
    Returns True when the families changed on a shown window (so hidden screens owe a polish)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    font = font_for(lang, pixel_size)
    same_families = app.font().families() == font.families()
    if same_families and app.font().pixelSize() == pixel_size:
        return False
    app.setFont(font)
    # only when the families change on a shown window: a text-size change comes with a new style
    # sheet anyway, and before the first show nothing has been polished (start-up pays nothing)
    if window.styleSheet() and not same_families and window.isVisible():
        from .switching import repolish

        repolish(window, skip=hidden)
        return True
    return False
