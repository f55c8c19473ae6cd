"""The text of an English article: sentences, clauses, and the numbers it writes.

*Sentences* end at ``.``, ``!`` or ``?`` before a space (not after an abbreviation: ``U.S.``,
``No.``, ``Jan.``, ``a.m.``), and at a line break unless the next line goes on in lower case
(a wrapped line). *Clauses* end at ``,``, ``;``, ``:``, brackets and dashes; a comma between
digits (``53,980``) and a colon between them (``8:30``) end nothing.

A *number* (:class:`Number`) is the mention with what it is written with: a sign, a currency
(``$``, ``US$``, ``€``, ``RMB``), a scale (``billion``; ``bn``, ``m`` only after a currency), a
unit (``percent``, ``%``, ``percentage points``, ``yuan``, ``U.S. dollars``, ``tonnes``,
``times``) or an ordinal suffix (``96th``); and the words ``doubled``, ``tripled``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from factcheck import en

REACH = 400  # characters: how far from a figure its sentence is read
_ABBREVIATIONS = frozenset(
    {
        *("u.s", "u.k", "u.n", "e.u", "no", "nos", "mr", "mrs", "ms", "dr", "st", "vs", "e.g"),
        *("i.e", "a.m", "p.m", "inc", "co", "corp", "ltd", "jr", "sr", "gov", "dept", "est"),
        *("approx", "fig", "vol", "et", "al", "ca"),
        *(m for m in en.MONTHS if len(m) <= 4),
    }
)
_SENTENCE_END = re.compile(r"[.!?](?=[\"')\]]*(?:\s|$))|\n")
_CLAUSE_MARK = re.compile(r"[,;:()\[\]]|\s--?\s|^--?\s|\s[–—]\s|[–—]{1,2}")
_CURRENCY = r"(?:US\$|HK\$|C\$|A\$|S\$|NZ\$|\$|€|£|¥|(?:RMB|USD|EUR|GBP|CNY|HKD|JPY)\s?)"
_UNIT = (
    r"\s?(?:%|per\s?cent\b|percentage\s+points?\b|(?:U\.S\.|US|Hong\s+Kong)\s+dollars\b"
    r"|dollars\b|yuan\b|euros\b|yen\b|(?:metric\s+)?tons\b|tonnes\b|times\b)"
)
_NUMBER = re.compile(
    rf"(?<![\w.,$€£¥])(?P<sign>[+\-−±](?=[$€£¥0-9]))?(?P<cur>{_CURRENCY})?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?:(?P<ord>st|nd|rd|th)\b"
    r"|(?P<scale>\s?(?:trillion|billion|million|thousand)\b|(?:bn|tn|mn|[BMTK]|m)\b)?"
    rf"(?P<unit>{_UNIT})?)"
    r"|\b(?P<mult>doubled|tripled|trebled|quadrupled)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number as the article writes it, with its sign, currency, scale and unit."""

    text: str
    start: int
    end: int
    line: int
    col: int
    digits: str  # the number alone (1,300.5), or the multiple's word (doubled)
    sign: str
    currency: str
    unit: str  # the unit words as written, lower case without spaces (percent, yuan)
    ordinal: bool
    word: bool  # doubled, tripled: a multiple written as a word
    glued: bool = False  # letters follow the digits (5G, 4N5): a code, not a figure


def find_numbers(text: str) -> list[Number]:
    """Every number of the text, in order, without overlaps."""
    out: list[Number] = []
    line, line_start, scanned = 1, 0, 0
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if m["scale"] and len(m["scale"].strip()) == 1 and not m["cur"]:
            end = m.end("num")  # 5m, 3t alone: a letter scale only after a currency sign
        glued = bool(m["num"]) and end < len(text) and text[end].isalnum() and not m["ord"]
        newlines = text.count("\n", scanned, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        unit = "" if end < m.end() else (m["unit"] or "").lower().replace(" ", "")
        out.append(
            Number(
                text[start:end],
                start,
                end,
                line,
                start - line_start + 1,
                m["num"] or m["mult"],
                m["sign"] or "",
                (m["cur"] or "").strip(),
                unit,
                bool(m["ord"]),
                bool(m["mult"]),
                glued,
            )
        )
    return out


class EnglishText:
    """Sentence, clause and paragraph boundaries of one article, searched by bisection."""

    def __init__(self, text: str, numbers: list[Number]):
        self.text = text
        starts, ends = [n.start for n in numbers], [n.end for n in numbers]

        def inside(pos: int) -> bool:
            i = bisect_right(starts, pos) - 1
            return i >= 0 and pos < ends[i]

        self.sentence_marks = [p for p in _sentence_ends(text) if not inside(p)]
        self.clause_marks = [
            m.start()
            for m in _CLAUSE_MARK.finditer(text)
            if not inside(m.start()) and not _joins_digits(text, m.start())
        ]
        self.paragraph_marks = [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]

    @staticmethod
    def _span(marks: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect_right(marks, pos - 1)
        start = marks[i - 1] + 1 if i else 0
        j = bisect_left(marks, pos)
        return start, marks[j] if j < len(marks) else length

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around an offset (its start and the offset of its end mark), at most
        REACH characters on either side of it: a text without marks must not make every figure
        read all of it."""
        start, end = self._span(self.sentence_marks, pos, len(self.text))
        return max(start, pos - REACH), min(end, pos + REACH)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The whole sentence around an offset, to tell which figures share it."""
        return self._span(self.sentence_marks, pos, len(self.text))

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around an offset, inside its sentence."""
        a, b = self._span(self.clause_marks, pos, len(self.text))
        s, e = self.sentence(pos)
        return max(a, s), min(b, e)

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph of ``pos`` starts (after a blank line, or the text's start)."""
        i = bisect_right(self.paragraph_marks, pos) - 1
        return self.paragraph_marks[i] if i >= 0 else 0


def _sentence_ends(text: str) -> list[int]:
    out = []
    for m in _SENTENCE_END.finditer(text):
        at = m.start()
        if text[at] == "\n":
            nxt = text[at + 1 : at + 2]
            if nxt.islower():
                continue  # a line wrapped inside a sentence
            out.append(at)
            continue
        if text[at] == ".":
            word = re.search(r"[A-Za-z.]+$", text[max(0, at - 12) : at])
            token = word.group().lower().strip(".") if word else ""
            after = text[m.end() : m.end() + 3].lstrip()
            if (token in _ABBREVIATIONS or len(token) == 1) and not after[:1].isupper():
                continue  # U.S. retail sales, No. 3, Jan. 17
        out.append(at)
    return out


def _joins_digits(text: str, at: int) -> bool:
    """A comma or colon between digits (53,980; 8:30) is part of a number or a time."""
    return (
        text[at] in ",:" and at > 0 and text[at - 1].isdigit() and text[at + 1 : at + 2].isdigit()
    )
