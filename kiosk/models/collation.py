"""The order of a visitor list shown in a language: by the names AS SHOWN in that language.

Found on the exhibitors screen: the Korean list read 앞산, 북구, 칠곡, 대성, 동대구, 김천 — the
English spellings' order (Apsan, Bukgu, Chilgok …), which means nothing to a Korean reader.

The rule, without ICU (no collation library is a dependency, and ``kiosk/models`` never imports
Qt, so QCollator is out):

- English: case-insensitively, letter by letter (NFKC + casefold).
- 한국어: Hangul order (가나다…). Precomposed Hangul syllables (U+AC00–U+D7A3) are encoded in
  exactly that order — initial consonant, then vowel, then final — so their code points sort
  right. Names in Hangul come first; names with no Korean spelling (shown in Latin letters)
  follow them, in English order.
- 繁體中文: by the characters' code points. The CJK Unified Ideographs block is laid out by
  Kangxi radical and then residual stroke count, so this is the dictionary's radical-stroke
  order: stable and sensible, though not the zhuyin or total-stroke order some directories
  use (that needs a stroke table no kept dependency ships). Han names first, then Latin ones.

Digits and punctuation sort before letters in every language; ties fall back to the raw name
(and then to what the caller adds), so the order is total and stable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def _script(ch: str) -> str:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF:
        return "han"
    if ch.isalpha():
        return "latin" if o < 0x250 else "other"
    return "symbol"


#: per language: which script's names come first (after digits and punctuation)
_FIRST = {"ko": "hangul", "zh": "han"}


def name_sort_key(name: str, lang: str) -> tuple:
    """A sort key for ``name`` as shown in ``lang`` ("en", "ko", "zh-Hant", …)."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    folded = text.casefold()
    first = next((_script(ch) for ch in folded if not ch.isspace()), "symbol")
    native = _FIRST.get(lang.split("-")[0].lower())
    if first == "symbol":
        group = 0
    elif native is None or first == native:
        group = 1
    else:
        group = 2 if first == "latin" else 3
    return (group, folded, text)


def by_shown_name(items: Iterable[T], lang: str, shown: Callable[[T], str]) -> list[T]:
    """``items`` sorted by the name ``shown(item)`` gives in ``lang`` (a stable sort)."""
    return sorted(items, key=lambda item: name_sort_key(shown(item), lang))
