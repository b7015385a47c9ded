#!/usr/bin/env python3
"""Write the check-in sounds (assets/sounds/*.wav): one per verdict colour, told apart by ear.

green: two rising notes; amber: one middle double beep; red: a low buzz. 16-bit mono 22 kHz.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def tone(freq, seconds, volume=0.5, shape="sine"):
    n = int(RATE * seconds)
    for i in range(n):
        t = i / RATE
        env = min(1.0, i / 200, (n - i) / 400)       # no clicks
        if shape == "square":
            v = 1.0 if math.sin(2 * math.pi * freq * t) >= 0 else -1.0
            v *= 0.6
        else:
            v = math.sin(2 * math.pi * freq * t)
        yield int(32767 * volume * env * v)


def silence(seconds):
    yield from (0 for _ in range(int(RATE * seconds)))


def write(name, *parts):
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / f"{name}.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", s) for part in parts for s in part))


write("green", tone(880, 0.09), silence(0.03), tone(1320, 0.14))
write("amber", tone(660, 0.12), silence(0.08), tone(660, 0.12))
write("red", tone(180, 0.45, volume=0.45, shape="square"))
print("wrote", ", ".join(sorted(p.name for p in OUT.glob("*.wav"))))
