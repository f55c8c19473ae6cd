"""Coverage: which numeric mentions of the article no claim quotes and no ignore entry lists.

A mention is covered when it lies inside a place where the quote of a claim, or of an ignore
entry, stands in the article.
"""

from __future__ import annotations

from bisect import bisect_right

from factcheck.mentions import Mention, find_mentions
from factcheck.model import ClaimsFile
from factcheck.quotes import QuoteIndex, Span, index_for


def covered_spans(file: ClaimsFile, index: QuoteIndex) -> list[Span]:
    """Every place a claim's or an ignore entry's quote stands in the article."""
    quotes = {c.quote for c in file.claims} | {i.quote for i in file.ignores}
    return sorted(span for q in quotes for span in index.find_all(q))


def uncovered(file: ClaimsFile, index: QuoteIndex | None = None) -> tuple[list[Mention], int]:
    """The mentions no quote covers, and the number of mentions in all."""
    if file.article_text is None:
        return [], 0
    index = index or index_for(file.article_text)
    merged: list[list[int]] = []  # overlapping quote spans merged, sorted by start
    for span in covered_spans(file, index):
        if merged and span.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    starts = [m[0] for m in merged]
    mentions = find_mentions(file.article_text)
    out = []
    for m in mentions:
        at = bisect_right(starts, m.start) - 1
        if at < 0 or m.end > merged[at][1]:
            out.append(m)
    return out, len(mentions)
