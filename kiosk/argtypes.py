"""Argument types shared by the kiosk's options (kiosk/app.py) and the commands (kiosk/cli.py).

Kept apart from both so the kiosk's start, which parses its options before the first frame,
imports neither the commands nor ``argparse`` for them: ``argparse`` is imported only to report
a value that is wrong.
"""

from __future__ import annotations


def _wrong(message: str) -> Exception:
    import argparse

    return argparse.ArgumentTypeError(message)


def at_least_one(text: str) -> int:
    """A whole number ≥ 1 (a count of backups to keep: the newest is never deleted)."""
    try:
        value = int(text)
    except ValueError:
        raise _wrong(f"{text!r} is not a whole number") from None
    if value < 1:
        raise _wrong(f"must be at least 1 (the newest backup is always kept), not {value}")
    return value


def screen_size(text: str) -> tuple[int, int]:
    """``WIDTHxHEIGHT``, each at least 320 pixels."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
        if w < 320 or h < 320:
            raise ValueError
        return w, h
    except ValueError:
        raise _wrong(f"{text!r} is not a size like 1920x1080") from None
