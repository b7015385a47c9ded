"""THE check on text that other people's screens show (walk-in names and organisations, session
notices): no Unicode control or format characters. Found by an attack: a notice "Moved to
\\u202e402 moor\\u202c" showed as "Moved to room 204" on the public screens (a right-to-left
override), and names with zero-width characters were accepted. Refused: categories Cc (controls,
tab and newline included), Cf (format: bidi embeddings, overrides and isolates, zero-width space
and joiners, the BOM, soft hyphen…), Zl and Zp (line and paragraph separators) and Cs (lone
surrogates). Ordinary spaces (Zs) are fine. The desk, the command line and the sync's
validation all call :func:`hidden_character`, so every path refuses the same text."""

from __future__ import annotations

import unicodedata

REFUSED_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))


def hidden_character(value: str) -> str | None:
    """The first character of ``value`` a screen would not show as itself (as ``U+XXXX NAME``),
    or None when there is none."""
    if value.isascii() and value.isprintable():          # the common case, at C speed
        return None
    for ch in value:
        if unicodedata.category(ch) in REFUSED_CATEGORIES:
            name = unicodedata.name(ch, "a control character")
            return f"U+{ord(ch):04X} {name}"
    return None
