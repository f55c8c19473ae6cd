"""Finding quotes in the article, whatever its whitespace and full-width forms.

The article and each quote are normalised the same way, character by character: NFKC, which
maps full-width forms to half-width ones, every whitespace character dropped, since articles
wrap lines inside sentences, and traditional characters folded to simplified ones (zh.fold: a
quote written 增长 is found in an article that prints 增長, and the other way round; the span
reported is the article's, as it prints it). A quote not found so is also looked for
normalised as a whole (NFKC then composes a letter and a separate accent). A match is mapped
back to offsets, lines and columns of the original text, so that reports and SARIF can point
into the article.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from factcheck.zh import NUMERALS, fold

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_CHINESE = re.compile(f"[{NUMERALS}]+")


def figure_missing(value: str, quote: str) -> str | None:
    """The figure of a value that its quote does not contain (``15`` of ``15%`` in ``同比增长20%``),
    or None. Arabic figures are compared as written (thousands separators dropped), Chinese
    numerals as runs of numeral characters; a value with neither (``翻番``, ``首位``) has no
    figure to compare."""
    figures, arabic = _figures(value)
    if not figures:
        return None
    q = normalise(quote).replace(",", "")
    if arabic:  # a whole number of the quote, not digits inside another (5 is not in 2025)
        quoted = set(_ARABIC.findall(q))
        return next((f for f in figures if f not in quoted), None)
    return next((f for f in figures if f not in q), None)


@lru_cache(maxsize=4096)
def _figures(value: str) -> tuple[tuple[str, ...], bool]:
    """The figures of a value (figure_missing), and whether they are Arabic: values recur (5.5%,
    2025), and their figures are read once."""
    v = normalise(value).replace(",", "")
    arabic = _ARABIC.findall(v)
    if arabic:
        return tuple(arabic), True
    return tuple(_CHINESE.findall(v)), False


def normalise(text: str) -> str:
    """The comparison form of a text: NFKC, no whitespace, simplified characters."""
    return fold("".join(unicodedata.normalize("NFKC", text).split()))


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Where a quote stands in the original article (0-based offsets, 1-based line and col)."""

    start: int
    end: int
    line: int
    col: int


class _Forms(dict[int, str]):
    """The comparison form of each character met so far, by code point, made on first use: most
    characters are themselves, whitespace is "", and a few expand (㎡ → m2). Characters are
    normalised one by one, so that each keeps its place; ``str.translate`` reads this table."""

    LIMIT = 50_000  # articles use a few thousand characters; a hostile one cannot grow it more

    def __init__(self) -> None:
        super().__init__()
        # The characters met so far that are their own form: a quote of only those is its own
        # comparison form, found with one set test instead of a lookup per character.
        self.same: set[str] = set()

    def __missing__(self, code: int) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
            self.same.clear()
        ch = chr(code)
        nfkc = unicodedata.normalize("NFKC", ch)
        out = self[code] = fold("".join(c for c in nfkc if not c.isspace()))
        if out == ch:
            self.same.add(ch)
        return out

    def of(self, text: str) -> str:
        """The comparison form of ``text``, character by character (``text.translate(self)``)."""
        return text if self.same.issuperset(text) else text.translate(self)


_FORMS = _Forms()


class QuoteIndex:
    """The normalised article, with a map back to the original offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = text.translate(_FORMS)
        odd = [ch for ch in set(text) if len(_FORMS[ord(ch)]) != 1]  # dropped or expanded
        # Offsets map one to one between the odd characters. Checkpoints (normalised offset,
        # original offset) after each of them, and one per character of an expansion, give the
        # rest: an offset lies as far past its checkpoint in both texts.
        self._norm_at, self._orig_at = [0], [0]
        if odd:
            n = last = 0
            for m in re.finditer("[" + re.escape("".join(odd)) + "]", text):
                i = m.start()
                n += i - last
                width = len(_FORMS[ord(m.group())])
                for k in range(width):
                    self._norm_at.append(n + k)
                    self._orig_at.append(i)
                n += width
                last = i + 1
                self._norm_at.append(n)
                self._orig_at.append(last)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._found: dict[str, tuple[Span, ...]] = {}

    def origin(self, at: int) -> int:
        """The original offset of the character at ``at`` in the normalised text."""
        k = bisect_right(self._norm_at, at) - 1
        return self._orig_at[k] + at - self._norm_at[k]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the original text."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def find_all(self, quote: str) -> tuple[Span, ...]:
        """Every place the quote stands in the article (looked for once per quote)."""
        found = self._found.get(quote)
        if found is None:
            # Normalised character by character, as the article is; failing that, as a whole
            # (NFKC composes a letter and a separate accent, é, as an article may print it).
            found = self._search(_FORMS.of(quote)) or self._search(normalise(quote))
            self._found[quote] = found
        return found

    def _search(self, needle: str) -> tuple[Span, ...]:
        if not needle:
            return ()
        spans = []
        at = self.norm.find(needle)
        while at >= 0:
            start = self.origin(at)
            end = self.origin(at + len(needle) - 1) + 1
            spans.append(Span(start, end, *self.position(start)))
            at = self.norm.find(needle, at + 1)
        return tuple(spans)

    def find(self, quote: str) -> Span | None:
        """The first place the quote stands in the article, or None."""
        spans = self.find_all(quote)
        return spans[0] if spans else None


@lru_cache(maxsize=8)
def index_for(text: str) -> QuoteIndex:
    """The index of an article, built once per process for the loader, the rules and coverage."""
    return QuoteIndex(text)
