"""English numbers that are not figures a claim can state, with the ``ignore`` reason.

Conventions of the genre, never a sentence of an article: years and dates (they time the
figures), times of day, ranges (``5-7 percent``: no single value), margins of error (``±0.7%``),
ages (``aged 15-64``, ``65 years and over``), lengths of time (``12 months``, ``a 10-year
high``), list and reference numbers (``No. 3``, ``Table 2``, ``(1)`` opening a line, ``[5]``),
codes (``CB-00-60``, ``COVID-19``, ``G20``) and ordinals that are no place in a ranking (``the
18th National Congress``, ``the 21st century``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.extract.english.text import EnglishText, Number

_YEAR = re.compile(r"(?:18|19|20)[0-9]{2}")
_LABELS = re.compile(
    r"(?:\bno\.?|\bnos\.?|\bnumber|\btable|\bfigure|\bfig\.|\bchart|\bsection|\barticle|\bannex"
    r"|\bappendix|\bitem|\bpage|\bpages|\bp\.|\bphase|\btier|\brelease|\bvolume|\bvol\.|\bissue"
    r"|\bseries|\bbox|\broute|\broom|\bline|\bchapter|\bpart|\bgroup\s+of|\bwave|\bround)\s*$",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages?|age\s+of)(?:\s+(?:from|between|over|under))?"
    r"(?:\s*[0-9]+\s*(?:to|and|-|–))?\s*$",  # either end of a range of ages
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^(?:\s*(?:-|to|and)\s*[0-9]+)?[\s-]+years?[\s-]+(?:old|of\s+age)\b", re.I)
_DURATION = re.compile(
    r"^(?:\s+|-)(?:consecutive\s+)?(?:days?|weeks?|months?|quarters?|years?|decades?|hours?"
    r"|minutes?)\b",
    re.IGNORECASE,
)
_HYPHEN_WORD = re.compile(r"^-[A-Za-z]")
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|to)\s*[+\-]?[$€£¥]?[0-9]")
_RANGE_BEFORE = re.compile(r"(?:[0-9]\s*(?:-|–)|\bbetween\s+[$€£¥]?[0-9.,]+\s+and)\s*$")
_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_RANK_WORDS = re.compile(r"\b(?:rank|ranked|ranking|rankings|place|placed|position)\b", re.I)
_RANK_AFTER = re.compile(r"^\s+(?:place|position|spot)\b|^[\s-]+(?:largest|biggest|highest)", re.I)
_CONFIDENCE = re.compile(r"^\s+(?:confidence|percentile)\b", re.IGNORECASE)


def skip_reason(
    n: Number, t: EnglishText, in_time: Callable[[int], bool]
) -> tuple[str, str] | None:
    """(reason, why) when the number is not a figure a claim can state; None when it is.
    ``in_time(pos)``: whether a time word of the article covers the offset."""
    text = t.text
    before, after = text[max(0, n.start - 30) : n.start], text[n.end : n.end + 40]
    if in_time(n.start):
        return "date", "a time word"
    if n.sign == "±" or before.rstrip().endswith(("±", "+/-")):
        return "other", "a margin of error"
    if n.word:
        return None
    if n.glued:
        return "name", "part of a code"  # 5G, 4N5
    glued = text[n.start - 1 : n.start] if n.start else ""
    if glued.isalpha() or (glued in ("-", "/") and text[n.start - 2 : n.start - 1].isalnum()):
        return "name", "part of a code"  # COVID-19, G20, CB-00-60, 2017/18
    if re.match(r"[-/:][0-9]", after) and not n.unit:
        return "name", "part of a code or a date"
    if n.ordinal:
        sentence_start, _ = t.sentence(n.start)
        lead = text[max(sentence_start, n.start - 120) : n.start]
        if _RANK_WORDS.search(lead) or _RANK_AFTER.match(after):
            return None
        return "name", "an ordinal in a name"
    bare = not (n.unit or n.currency)
    if bare and _YEAR.fullmatch(n.digits):
        return "date", "a year"
    if (bare and _RANGE_AFTER.match(after) and not _FROM.search(before)) or _RANGE_BEFORE.search(
        before
    ):
        return "other", "a range: no single value"
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return "age", "an age"
    if bare and (_DURATION.match(after) or _HYPHEN_WORD.match(after)):
        return "date", "a length of time or part of a name"
    if bare and _LABELS.search(before):
        return "name", "a list or reference number"
    line_start = text.rfind("\n", 0, n.start) + 1
    if bare and not text[line_start : n.start].strip(" \t([") and re.match(r"[.)\]]", after):
        return "other", "list numbering"
    if bare and before.endswith(("[", "(")) and after.startswith(("]", ")")):
        return "other", "a number in brackets: a citation marker or a reference"
    if _CONFIDENCE.match(after):
        return "name", "part of a name"
    return None
