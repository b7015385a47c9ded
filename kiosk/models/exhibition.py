"""Exhibitors, their booths, and the attendee's filters over them (category, country, text)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .domain import Text
from .venue_map import Rect

#: Filter key for exhibitors with no category ("Uncategorised").
UNCATEGORISED = ""


@dataclass(frozen=True)
class Category:
    id: str
    name: Text
    colour: str
    symbol: str


@dataclass(frozen=True)
class Booth:
    id: str
    room_id: str
    floor_id: str
    rect: Rect
    door: tuple[float, float] | None


@dataclass(frozen=True)
class Exhibitor:
    id: str
    name: Text
    description: Text
    products: Text
    website: str | None
    country: str
    category_id: str | None
    booths: tuple[str, ...]

    @property
    def category_key(self) -> str:
        return self.category_id or UNCATEGORISED

    @property
    def public_name(self) -> Text:
        """The name as visitors see it: without the "(sample)" mark that tells staff and the
        data files a name is invented (the mark stays in the data and on staff screens)."""
        return self.name.public


@dataclass(frozen=True)
class ExhibitorFilter:
    """What the visitor chose. Empty ``categories`` means all; ``text_ids`` is the set of
    exhibitors the text search matched (None: no text entered)."""

    categories: frozenset[str] = frozenset()
    country: str | None = None
    text_ids: frozenset[str] | None = None

    def matches(self, e: Exhibitor, *, ignore_categories: bool = False) -> bool:
        if not ignore_categories and self.categories and e.category_key not in self.categories:
            return False
        if self.country and e.country != self.country:
            return False
        if self.text_ids is not None and e.id not in self.text_ids:
            return False
        return True


@dataclass(frozen=True)
class FilterResult:
    matching: list[Exhibitor]
    #: per category key: how many would match with that category chosen (the chips' counts)
    category_counts: dict[str, int] = field(default_factory=dict)
    total: int = 0


def apply_filter(exhibitors: list[Exhibitor], f: ExhibitorFilter) -> FilterResult:
    """The exhibitors ``f`` lets through, plus per-category counts under the other filters
    (so a chip shows what tapping it would give)."""
    counts: Counter[str] = Counter()
    matching = []
    for e in exhibitors:
        if f.matches(e, ignore_categories=True):
            counts[e.category_key] += 1
            if not f.categories or e.category_key in f.categories:
                matching.append(e)
    return FilterResult(matching=matching, category_counts=dict(counts), total=len(matching))


def like_pattern(text: str) -> str:
    """A LIKE pattern finding ``text`` anywhere, with % and _ taken literally (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase (double quotes doubled), so user input is never syntax."""
    return '"' + text.replace('"', '""') + '"'
