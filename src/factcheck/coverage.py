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
        at = bisect_right(self._starts, span[0]) - 1
        return at >= 0 and span[1] <= self._ends[at]


def covered_spans(file: ClaimsFile, index: QuoteIndex) -> list[Span]:
    """Every place a claim's or an ignore entry's quote stands in the article."""
    quotes = {c.quote for c in file.claims} | {i.quote for i in file.ignores}
    return sorted(span for q in quotes for span in index.find_all(q))


def uncovered(file: ClaimsFile, index: QuoteIndex | None = None) -> tuple[list[Mention], int]:
    """The mentions no quote covers, and the number of mentions in all."""
    if file.article_text is None:
        return [], 0
    index = index or index_for(file.article_text)
    cover = Cover((s.start, s.end) for s in covered_spans(file, index))
    mentions = find_mentions(file.article_text)
    return [m for m in mentions if (m.start, m.end) not in cover], len(mentions)
