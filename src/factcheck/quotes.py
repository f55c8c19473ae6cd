"""Finding quotes in the article, whatever its whitespace and full-width forms.

The article and each quote are normalised the same way (NFKC, which maps full-width forms to
half-width ones, and every whitespace character dropped, since articles wrap lines inside
sentences). A match is mapped back to offsets, lines and columns of the original text, so that
reports and SARIF can point into the article.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_CHINESE = re.compile("[零〇一二两三四五六七八九十百千万亿]+")


def figure_missing(value: str, quote: str) -> str | None:
    """The figure of a value that its quote does not contain (``15`` of ``15%`` in ``同比增长20%``),
    or None. Arabic figures are compared as written (thousands separators dropped), Chinese
    numerals as runs of numeral characters; a value with neither (``翻番``, ``首位``) has no
    figure to compare."""
    v, q = normalise(value).replace(",", ""), normalise(quote).replace(",", "")
    arabic = _ARABIC.findall(v)
    if arabic:  # a whole number of the quote, not digits inside another (5 is not in 2025)
        quoted = set(_ARABIC.findall(q))
        return next((f for f in arabic if f not in quoted), None)
    return next((f for f in _CHINESE.findall(v) if f not in q), None)


def normalise(text: str) -> str:
    """The comparison form of a text: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Where a quote stands in the original article (0-based offsets, 1-based line and col)."""

    start: int
    end: int
    line: int
    col: int


class QuoteIndex:
    """The normalised article, with a map back to the original offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Characters are normalised one by one, so that each keeps its original offset. Most
        # characters of an article normalise to themselves: they are looked up once each.
        table: dict[str, str] = {}
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            out = table.get(ch)
            if out is None:
                out = table[ch] = "".join(
                    c for c in unicodedata.normalize("NFKC", ch) if not c.isspace()
                )
            if out:
                chars.append(out)
                origin.extend([i] * len(out))
        self.norm = "".join(chars)
        self.origin = origin
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the original text."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def find_all(self, quote: str) -> list[Span]:
        """Every place the quote stands in the article."""
        needle = normalise(quote)
        if not needle:
            return []
        spans = []
        at = self.norm.find(needle)
        while at >= 0:
            start = self.origin[at]
            end = self.origin[at + len(needle) - 1] + 1
            spans.append(Span(start, end, *self.position(start)))
            at = self.norm.find(needle, at + 1)
        return spans

    def find(self, quote: str) -> Span | None:
        """The first place the quote stands in the article, or None."""
        spans = self.find_all(quote)
        return spans[0] if spans else None


@lru_cache(maxsize=8)
def index_for(text: str) -> QuoteIndex:
    """The index of an article, built once per process for the loader, the rules and coverage."""
    return QuoteIndex(text)
