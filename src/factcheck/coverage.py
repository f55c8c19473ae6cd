"""Coverage: which numeric mentions of the article no claim quotes and no ignore entry lists.

A mention is covered when it lies inside a place where the quote of a claim, or of an ignore
entry, stands in the article.
"""

from __future__ import annotations

from factcheck.mentions import Mention, find_mentions
from factcheck.model import ClaimsFile
from factcheck.quotes import QuoteIndex, Span


def covered_spans(file: ClaimsFile, index: QuoteIndex) -> list[Span]:
    """Every place a claim's or an ignore entry's quote stands in the article."""
    quotes = {c.quote for c in file.claims} | {i.quote for i in file.ignores}
    return sorted(span for q in quotes for span in index.find_all(q))


def uncovered(file: ClaimsFile, index: QuoteIndex | None = None) -> tuple[list[Mention], int]:
    """The mentions no quote covers, and the number of mentions in all."""
    if file.article_text is None:
        return [], 0
    index = index or QuoteIndex(file.article_text)
    spans = covered_spans(file, index)
    mentions = find_mentions(file.article_text)
    out = [m for m in mentions if not any(s.start <= m.start and m.end <= s.end for s in spans)]
    return out, len(mentions)
