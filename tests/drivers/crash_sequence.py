"""Issue 12's crash sequence, run in a fresh kiosk process: open Exhibitors, double-tap the map,
tap Home, wait for the idle reset, tap 한국어 — then the same taps again in Korean and back.

    python tests/drivers/crash_sequence.py --input xdotool|qtest --log-dir DIR -- <main.py options>

The kiosk is built by ``main.run_kiosk`` from the options after ``--``, exactly as ``main.py``
builds it. Each step finds its target widget and taps the middle of it:

- ``--input xdotool`` (on an X server, e.g. Xvfb): the pointer is moved and clicked by ``xdotool``,
  so the taps reach Qt from the X server like a person's;
- ``--input qtest`` (any platform, offscreen too): QTest mouse events sent to the widget.

Prints ``SEQUENCE-OK`` and exits 0 when every step ran and the kiosk ended in Korean; a segfault
ends the process with -11 / 139, which is what the tests look for.
"""

from __future__ import annotations

import argparse
import faulthandler
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--input", choices=["xdotool", "qtest"], required=True)
    p.add_argument("--log-dir", type=Path, required=True)
    p.add_argument("--rounds", type=int, default=2, help="times to run the sequence (languages alternate)")
    p.add_argument("--pace", type=float, default=1.0, help="scale the pauses between taps (not the idle wait)")
    p.add_argument("kiosk_args", nargs=argparse.REMAINDER)
    args = p.parse_args()
    kiosk_args = [a for a in args.kiosk_args if a != "--"]
    faulthandler.enable()

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import main as kiosk_main

    kiosk_main.LOG_DIR = args.log_dir           # keep the project's logs/ out of it
    app = QApplication.instance() or QApplication([sys.argv[0]])
    idle_s = float(kiosk_args[kiosk_args.index("--idle-seconds") + 1]) if "--idle-seconds" in kiosk_args else 60.0

    def window():
        from kiosk.views.main_window import KioskWindow

        return next(w for w in app.topLevelWidgets() if isinstance(w, KioskWindow))

    def tap(widget, *, double: bool = False) -> None:
        centre = widget.rect().center()
        if args.input == "xdotool":
            g = widget.mapToGlobal(centre)
            cmd = ["xdotool", "mousemove", "--sync", str(g.x()), str(g.y()), "click"]
            cmd += ["--repeat", "2", "--delay", "90", "1"] if double else ["1"]
            subprocess.run(cmd, check=True, timeout=10)
        elif double:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)
            QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=centre)
            QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=centre)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)

    def tap_booth(booth_id: str) -> None:
        """Tap the middle of a booth on the map (the whole hall is in view after Home or idle)."""
        screen = window().exhibitors
        screen.map.reset_view()
        item = screen.scene.booth_items[booth_id]
        point = screen.map.mapFromScene(item.sceneBoundingRect().center())
        viewport = screen.map.viewport()
        if args.input == "xdotool":
            g = viewport.mapToGlobal(point)
            subprocess.run(["xdotool", "mousemove", "--sync", str(g.x()), str(g.y()), "click", "1"], check=True, timeout=10)
        else:
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)

    # (delay before the step in ms, what it does)
    steps: list[tuple[int, object]] = []
    done: list[str] = []

    def check(condition: bool, what: str) -> None:
        if not condition:
            print(f"SEQUENCE-FAILED: {what}", flush=True)
            app.exit(3)
        done.append(what)

    zoom = [1.0]

    def mark_zoom() -> None:
        zoom[0] = window().exhibitors.map.transform().m11()

    languages = ["ko", "en", "zh-Hant", "ko"]
    for n in range(args.rounds):
        lang = languages[n % len(languages)]
        steps += [
            (700, lambda: tap(window().home.exhibitors_tile)),
            (600, lambda: check(window().current_view() == "exhibitors", "exhibitors open")),
            (100, lambda: tap(window().exhibitors.map.viewport(), double=True)),
            # the map's own zoom buttons, tapped like a visitor would
            (600, lambda: mark_zoom()),
            (100, lambda: tap(window().exhibitors.map.zoom_in_button)),
            (500, lambda: check(window().exhibitors.map.transform().m11() > zoom[0] * 1.2, "+ zooms in")),
            (100, lambda: tap(window().exhibitors.map.reset_button)),
            (500, lambda: check(window().exhibitors.map.transform().m11() < zoom[0] * 0.9, "reset zooms out")),
            (100, lambda: tap(window().home_button)),
            (300, lambda: check(window().current_view() == "home", "home")),
            # the idle reset: nothing touched for idle_s
            (int((idle_s * 1000 + 600) / args.pace) + 600, lambda: check(window().ui.language == window().ui.default_language,
                                                     "idle reset to the default language")),
            (100, lambda lang=lang: tap(window().lang_buttons[lang])),
            (800, lambda lang=lang: check(window().ui.language == lang, f"language is {lang}")),
            # the screens that draw the map again in the new language
            (100, lambda: tap(window().home.exhibitors_tile)),
            (700, lambda: tap(window().exhibitors.map.viewport())),
            # a tap on booth B06: its exhibitor, the walk and the numbered steps in this language
            (500, lambda: tap_booth("B06")),
            (700, lambda lang=lang: check(window().exhibitors.selected_id is not None
                                          and window().exhibitors.card.isVisible()
                                          and ">1.<" in window().exhibitors.card.steps.text()
                                          and window().exhibitors.steps[-1].target == "B06", f"steps in {lang}")),
            (100, lambda: tap(window().home_button)),
        ]

    def finish() -> None:
        print(f"SEQUENCE-OK {len(done)} checks", flush=True)
        app.exit(0)

    def run(i: int = 0) -> None:
        if i == len(steps):
            finish()
            return
        delay, action = steps[i]

        def fire() -> None:
            action()
            run(i + 1)

        QTimer.singleShot(int(delay * args.pace), fire)

    # the first frame first: with xdotool the window must be mapped before the pointer moves
    QTimer.singleShot(800, lambda: (window().activateWindow(), window().raise_(), run()))
    return kiosk_main.run_kiosk(kiosk_args)


if __name__ == "__main__":
    sys.exit(main())
