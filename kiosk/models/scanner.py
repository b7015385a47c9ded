"""Reading USB "keyboard wedge" badge scanners: they type the code as a fast burst of keys.

A burst ends with Enter, or — for scanners that send none — with a short pause. A person
typing is far slower than a scanner, so slow keys never make a code. Some scanners send every
code twice: the same code again within ``repeat_window`` counts once. Times are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_GAP = 0.06        # s between two keys of one burst (scanners: ~1–10 ms)
END_PAUSE = 0.15      # s of silence that ends a burst without Enter
MIN_LENGTH = 4        # shorter bursts are noise (a bumped key)
REPEAT_WINDOW = 2.0   # s: the same code again within this is the scanner repeating itself


@dataclass
class WedgeDecoder:
    max_gap: float = MAX_GAP
    end_pause: float = END_PAUSE
    repeat_window: float = REPEAT_WINDOW
    _buffer: list[str] = field(default_factory=list)
    _last_key: float | None = None
    _last_code: str | None = None
    _last_code_at: float = -1e9

    def key(self, text: str, t: float) -> list[str]:
        """A printable key arrived at time ``t``. Returns codes completed by it (usually none)."""
        done = []
        if self._last_key is not None and t - self._last_key > self.max_gap:
            done = self._finish(self._last_key)          # a gap: what came before was its own burst
        self._buffer.append(text)
        self._last_key = t
        return done

    def enter(self, t: float) -> list[str]:
        return self._finish(t)

    def idle(self, t: float) -> list[str]:
        """Call on a timer: ends a burst the scanner did not end with Enter."""
        if self._buffer and self._last_key is not None and t - self._last_key >= self.end_pause:
            return self._finish(t)
        return []

    @property
    def pending(self) -> bool:
        return bool(self._buffer)

    def _finish(self, t: float) -> list[str]:
        code = "".join(self._buffer)
        self._buffer.clear()
        self._last_key = None
        if len(code.strip()) < MIN_LENGTH:
            return []
        half = len(code) // 2
        if len(code) % 2 == 0 and code[:half] == code[half:]:
            code = code[:half]               # a scanner that types everything twice, back to back
        return [code] if self.accept(code, t) else []

    def accept(self, code: str, t: float) -> bool:
        """False when ``code`` repeats the previous one within the repeat window (also used
        for a camera, which sees one badge in many frames)."""
        if code == self._last_code and t - self._last_code_at <= self.repeat_window:
            self._last_code_at = t
            return False
        self._last_code, self._last_code_at = code, t
        return True
