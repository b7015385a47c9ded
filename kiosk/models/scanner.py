"""Telling a USB "keyboard wedge" badge scanner from a person typing.

A wedge scanner types the badge code as a fast burst of keys (1–10 ms apart), ending with Enter
(or Tab), or — for scanners that send neither — with a short pause. A person is far slower: even
a fast typist leaves 80 ms and more between most keys. So every hardware key is *held* for a
moment: when the next key follows within ``max_gap`` it may be a scan; when the burst ends (a
pause, Enter, another key) the decoder decides:

* ``Scan(code)`` — at least ``min_length`` characters, every gap within ``max_gap``: a scanner.
  The keys are consumed; nothing lands in a text field.
* ``Typed(keys)`` — anything else: a person. The held keys are handed back, in order, to be
  delivered to whatever has focus (a person's key arrives ``max_gap`` late, which nobody notices).

Some scanners send every code twice: the same code again within ``repeat_window`` counts once.
Times are passed in (seconds, any monotonic origin); this module never reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_GAP = 0.06        # s between two keys of one burst (scanners: ~1–10 ms; people: 80 ms and more)
MIN_LENGTH = 6        # shorter bursts are a person (a quick "the", a bumped key), never a scan
REPEAT_WINDOW = 2.0   # s: the same code again within this is the scanner repeating itself


@dataclass(frozen=True)
class Scan:
    """A scanner's burst, decoded."""

    code: str


@dataclass(frozen=True)
class Typed:
    """Keys a person typed: hand them on, in this order, to whatever has focus."""

    keys: tuple[Any, ...]


@dataclass
class WedgeDecoder:
    """Sorts hardware key presses into scans and a person's typing (see the module docstring).

    Each method takes the key's time and an opaque ``token`` (the caller's copy of the key
    event) and returns what the keys so far turned out to be: a list of ``Scan`` and ``Typed``.
    """

    max_gap: float = MAX_GAP
    min_length: int = MIN_LENGTH
    repeat_window: float = REPEAT_WINDOW
    _held: list[tuple[Any, str]] = field(default_factory=list)
    _last_key: float | None = None
    _last_code: str | None = None
    _last_code_at: float = -1e9
    _repeated: bool = False              # the last burst was the scanner repeating itself

    def key(self, text: str, t: float, token: Any = None) -> list[Scan | Typed]:
        """A printable key arrived at time ``t``; it is held until its burst is decided."""
        out = []
        if self._held and t - self._last_key > self.max_gap:
            out = self._finish(self._last_key)           # a gap: what came before was its own burst
        self._held.append((token if token is not None else text, text))
        self._last_key = t
        return out

    def enter(self, t: float, token: Any = None) -> list[Scan | Typed]:
        """Enter (or Tab): the end of a scanner's burst, or a person's Enter (handed back)."""
        if self._held and t - self._last_key <= self.max_gap:
            out = self._finish(t)
            if any(isinstance(o, Scan) for o in out) or self._repeated:
                return out                               # the scanner's Enter: consumed with its code
            return out + [Typed((token,))]
        return self._finish(t) + [Typed((token,))]

    def other(self, t: float) -> list[Scan | Typed]:
        """A key with no text (Backspace, arrows, …) or text from elsewhere (the on-screen keyboard)
        is about to be delivered: whatever is held must be decided, and delivered, first."""
        return self._finish(t) if self._held else []

    def idle(self, t: float) -> list[Scan | Typed]:
        """Call on a timer: a burst followed by silence is over."""
        if self._held and t - self._last_key > self.max_gap:
            return self._finish(t)
        return []

    @property
    def pending(self) -> bool:
        """True while keys are held, waiting for their burst to be decided."""
        return bool(self._held)

    def _finish(self, t: float) -> list[Scan | Typed]:
        held, self._held = self._held, []
        self._last_key = None
        self._repeated = False
        if not held:
            return []
        code = "".join(text for _, text in held)
        if len(code.strip()) < self.min_length:
            return [Typed(tuple(token for token, _ in held))]
        half = len(code) // 2
        if len(code) % 2 == 0 and code[:half] == code[half:]:
            code = code[:half]               # a scanner that types everything twice, back to back
        if self.accept(code, t):
            return [Scan(code)]
        self._repeated = True                # the scanner repeating itself: consumed, no new scan
        return []

    def accept(self, code: str, t: float) -> bool:
        """False when ``code`` repeats the previous one within the repeat window (also used
        for a camera, which sees one badge in many frames)."""
        if code == self._last_code and t - self._last_code_at <= self.repeat_window:
            self._last_code_at = t
            return False
        self._last_code, self._last_code_at = code, t
        return True
