"""Coverage: which numeric mentions of the article no claim quotes and no ignore entry lists.

A mention is covered when it lies inside a place where the quote of a claim, or of an ignore
entry, stands in the article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from factcheck.mentions import Mention, find_mentions
from factcheck.model import ClaimsFile
from factcheck.quotes import QuoteIndex, Span, index_for


class Cover:
    """The union of some spans of the article: is a span (start, end) inside it?"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []  # overlapping spans merged, sorted by start
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def __contains__(self, span: tuple[int, int]) -> bool:
        return self.covers(*span)

    def covers(self, start: int, end: int) -> bool:
        """Is the span (start, end) inside the union?"""
        at = bisect_right(self._starts, start) - 1
        return at >= 0 and end <= self._ends[at]


def covered_spans(file: ClaimsFile, index: QuoteIndex) -> list[Span]:
    """Every place a claim's or an ignore entry's quote stands in the article."""
    quotes = {c.quote for c in file.claims} | {i.quote for i in file.ignores}
    return sorted(span for q in quotes for span in index.find_all(q))


def uncovered(file: ClaimsFile, index: QuoteIndex | None = None) -> tuple[list[Mention], int]:
    """The mentions no quote covers, and the number of mentions in all."""
    if file.article_text is None:
        return [], 0
    cover = _cover(file, index or index_for(file.article_text))
    mentions = find_mentions(file.article_text)
    return [m for m in mentions if (m.start, m.end) not in cover], len(mentions)


def missing(file: ClaimsFile, index: QuoteIndex | None = None) -> list[Mention]:
    """The mentions no quote covers, as :func:`uncovered` finds them, without reading the
    others (most of an article's mentions are quoted: the check needs only the rest)."""
    if file.article_text is None:
        return []
    cover = _cover(file, index or index_for(file.article_text))
    mentions = find_mentions(file.article_text, skip=cover.covers)
    return [m for m in mentions if not cover.covers(m.start, m.end)]


def _cover(file: ClaimsFile, index: QuoteIndex) -> Cover:
    return Cover((s.start, s.end) for s in covered_spans(file, index))
