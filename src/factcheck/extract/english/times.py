"""Time words of an English article and the periods they give a claim.

Found by one regex, in text order: dates and times of day (``April 13, 2000``, ``2017-06-19
07:20``: never a claim's period), the end of a year (``at the end of 2016`` → ``2016-12-31``),
quarters (``the first quarter of 2023``, ``Q1 2023``, ``third-quarter``), halves, runs of
months (``the January through March period``, ``the first nine months of 2023``), spans of
years (``2013-2016``, ``from 2013 to 2016``), months (``March 2000``, ``March a year ago``,
``for March``), years (``in 2016``, ``the 2016 GDP``, ``fiscal 2017``) and relative times
(``year-over-year``, ``from a year earlier``, ``the same period a year ago``, ``the previous
month``, ``last year``, ``in the same period``). The word before one gives its role:
``from``/``since`` start a change (its base) or a span, ``compared with``/``than``/``above``
name a base, ``to`` ends a span; anything else is the period of the figures it stands with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck import en

_FULL_MONTHS = list(en.MONTHS)[:12]  # january … december; the abbreviations follow
_MONTH = (
    "(?:(?:"
    + "|".join(w for m in _FULL_MONTHS for w in (m.title(), m.upper()))
    + r")\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_YEAR = r"(?:18|19|20)[0-9]{2}"
_ORD = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
_COUNT = r"(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|[0-9]{1,2})"
_AGO = r"(?i:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year|of\s+the\s+previous\s+year)"
_PATTERN = re.compile(
    rf"(?P<day>{_MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?"
    rf"|[0-9]{{1,2}}\s+{_MONTH}(?:\s+{_YEAR}\b)?"
    rf"|{_YEAR}-[01][0-9]-[0-3][0-9](?:[ T][0-9]{{1,2}}:[0-9]{{2}})?"
    r"|[0-9]{1,2}:[0-9]{2}(?:\s*(?i:a\.m\.|p\.m\.))?)"
    rf"|(?P<end>(?i:(?:at|by)\s+)?(?i:the\s+)?(?i:end)(?:\s+(?i:of))?(?:\s+|-)"
    rf"(?:(?P<em>{_MONTH})\s+)?(?P<ey>{_YEAR})\b|(?i:year-end)\s+(?P<ey2>{_YEAR})\b)"
    rf"|(?P<quarter>(?i:the\s+)?(?P<qo>{_ORD})[\s-]+(?i:quarter)"
    rf"(?:\s+(?i:of)\s+(?:(?P<qy>{_YEAR})\b|(?i:the\s+year)))?"
    rf"|\bQ(?P<qn>[1-4])(?:\s*(?P<qy2>{_YEAR}))?\b|\b(?P<qy3>{_YEAR})\s*Q(?P<qn2>[1-4])\b"
    rf"|\b(?i:quarter)\s+(?P<qn3>[1-4])(?:\s+\([A-Za-z]+\s+to\s+[A-Za-z]+\))?"
    rf"(?:\s+(?P<qy4>{_YEAR}))?\b)"
    rf"|(?P<half>(?i:the\s+)?(?P<ho>(?i:first|second))[\s-]+(?i:half)"
    rf"(?:\s+(?i:of)\s+(?P<hy>{_YEAR})\b)?)"
    rf"|(?P<months>(?P<m1>{_MONTH})\s*(?:(?i:through|to|and)|-|–)\s*(?P<m2>{_MONTH})"
    rf"(?:,?\s+(?P<my>{_YEAR})\b)?"
    rf"|(?i:the\s+first\s+)(?P<nm>{_COUNT})\s+(?i:months)(?:\s+(?i:of)\s+(?P<nmy>{_YEAR})\b)?"
    rf"|(?i:the\s+first\s+)(?P<nq>(?i:two|three))\s+(?i:quarters)"
    rf"(?:\s+(?i:of)\s+(?P<nqy>{_YEAR})\b)?)"
    rf"|(?P<span>(?<![0-9])(?P<s1>{_YEAR})\s*[-–—]\s*(?P<s2>(?:18|19|20)?[0-9]{{2}})\b"
    rf"|(?P<s3>{_YEAR})\s+(?i:to|through|until|and)\s+(?P<s4>{_YEAR})\b)"
    rf"|(?P<month>(?P<mo>{_MONTH})(?:(?:\s+(?i:of))?,?\s+(?P<moy>{_YEAR})\b|\s+(?P<ago>{_AGO}))?)"
    r"|(?P<rely>(?i:year[- ](?:over|on)[- ]year|y/y"
    r"|(?:from|than)\s+a\s+year\s+(?:earlier|ago|before)|a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?same\s+(?:period|month|quarter|time)\s+"
    r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|of\s+the\s+previous\s+year)"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+year|last\s+year)\b"
    rf"|(?i:(?:the\s+)?same\s+(?:period|month|quarter|time)\s+(?:of|in)\s+)(?P<sy>{_YEAR})\b)"
    r"|(?P<relm>(?i:month[- ](?:over|on)[- ]month|m/m"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+month"
    r"|a\s+month\s+(?:earlier|ago|before)|last\s+month)\b)"
    r"|(?P<relq>(?i:quarter[- ](?:over|on)[- ]quarter|q/q"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+quarter|a\s+quarter\s+(?:earlier|ago|before)|last\s+quarter)\b)"
    r"|(?P<same>(?i:in\s+the\s+same\s+period)\b)"
    rf"|(?P<year>(?<![0-9.,$])(?:(?i:fiscal\s+(?:year\s+)?)|FY\s?)?(?P<y>{_YEAR})"
    r"(?![0-9]|,[0-9]{3}|\.[0-9]|\s?%|\s(?i:percent|per cent|yuan|dollars|tonnes|tons)))"
)
_BASE_WORDS = re.compile(
    r"(?:compared\s+with|compared\s+to|than|over|above|below|against|versus|vs\.?|on|with)"
    r"(?:\s+(?:the|a))?\s*$"
)
_FROM_WORDS = re.compile(r"(?:from|since|between)(?:\s+(?:the|a))?\s*$")
_TO_WORDS = re.compile(r"(?:to|through|until|till)(?:\s+(?:the|a))?\s*$")
_MAY_LEADS = (
    *("in", "for", "from", "since", "of", "to", "through", "until", "between", "and", "than"),
)


@dataclass(frozen=True, slots=True)
class When:
    """One time word: its kind, the calendar it names and what it does for a figure."""

    start: int
    end: int
    kind: str  # day, end, quarter, months, span, month, relative, same, year
    year: int | None  # the year it names, when it writes one
    first: int | None = None  # span: first year; months: first month; quarter: the quarter
    last: int | None = None  # span: last year; months and month: the (last) month
    shift: str = ""  # relative: y, m or q (a year, a month, a quarter before)
    role: str = "point"  # point, base, from, to or prev (in the previous quarter)
    change: bool = False  # a run of months followed by "percent change": from one to the other
    words: bool = False  # a span written in words (from 2013 to 2016), not with a dash

    @property
    def point(self) -> bool:
        """Whether it may give a figure its period (dates of publication never do)."""
        return self.kind not in ("day", "same") and not (self.kind == "relative" and self.shift)


def _month(word: str) -> int:
    return en.MONTHS[word.lower().rstrip(".")]


# A time word that closes a phrase naming a period (from the three months ending in June 2018,
# from the same period in 2018) has the role of the word that opens the phrase.
_PHRASE_LEAD = re.compile(
    r"\b(from|since|compared\s+with|compared\s+to|than|over|against)\s+(?:the\s+)?"
    r"(?:same\s+(?:period|month|quarter)|(?:[a-z0-9-]+\s+)?(?:months?|quarters?|weeks?)"
    r"\s+end(?:ing|ed))\s+(?:of\s+|in\s+)?$"
)


def _role(text: str, start: int) -> str:
    phrase = _PHRASE_LEAD.search(text[max(0, start - 60) : start].lower())
    if phrase:  # the role of the word that opens the phrase
        return "from" if _FROM_WORDS.search(phrase[1]) else "base"
    before = text[max(0, start - 24) : start].lower()
    if _FROM_WORDS.search(before):
        return "from"
    if _BASE_WORDS.search(before):
        return "base"
    if _TO_WORDS.search(before):
        return "to"
    return "point"


def find_times(text: str) -> list[When]:
    """Every time word of the text, in order."""
    out: list[When] = []
    for m in _PATTERN.finditer(text):
        start, end = m.span()
        role = _role(text, start)
        if m["day"]:
            out.append(When(start, end, "day", None, role=role))
        elif m["end"]:
            month = _month(m["em"]) if m["em"] else 12
            out.append(When(start, end, "end", int(m["ey"] or m["ey2"]), last=month, role=role))
        elif m["quarter"]:
            q = en.QUARTERS[m["qo"].lower()] if m["qo"] else int(m["qn"] or m["qn2"] or m["qn3"])
            year = m["qy"] or m["qy2"] or m["qy3"] or m["qy4"]
            y = int(year) if year else None
            out.append(When(start, end, "quarter", y, first=q, role=role))
        elif m["half"]:
            first = 1 if m["ho"].lower() == "first" else 7
            year = int(m["hy"]) if m["hy"] else None
            out.append(When(start, end, "months", year, first=first, last=first + 5, role=role))
        elif m["months"]:
            out.append(_months(m, text, start, end, role))
        elif m["span"]:
            a, b = m["s1"] or m["s3"], m["s2"] or m["s4"]
            last = int(b) if len(b) == 4 else int(a[:2] + b)
            if int(a) < last <= int(a) + 60:
                words = m["s3"] is not None
                role = "point" if role == "from" and words else role
                out.append(When(start, end, "span", last, int(a), last, role=role, words=words))
        elif m["month"]:
            if m["mo"] == "May" and not m["moy"] and not _after(text, start, _MAY_LEADS):
                continue  # may, the verb, opening a sentence
            year = int(m["moy"]) if m["moy"] else None
            shift = "y" if m["ago"] else ""
            mo = _month(m["mo"])
            out.append(When(start, end, "month", year, last=mo, shift=shift, role=role))
        elif m["sy"]:  # the same period in 2011: that year's part of the calendar
            out.append(When(start, end, "relative", int(m["sy"]), shift="y", role="base"))
        elif m["rely"] or m["relm"] or m["relq"]:
            shift = "y" if m["rely"] else "m" if m["relm"] else "q"
            last_year = m.group().lower() == "last year" and role == "point"
            if last_year:  # Last year, GDP grew…: the year before the reference year
                out.append(When(start, end, "relative", None, shift="", role="point"))
            elif re.search(r"\bin\s+$", text[max(0, start - 4) : start]) and re.search(
                r"previous|prior|preceding", m.group(), re.IGNORECASE
            ):  # a rise of 0.2% in the previous quarter: the figure's own time, one before
                out.append(When(start, end, "relative", None, shift=shift, role="prev"))
            else:
                out.append(When(start, end, "relative", None, shift=shift, role="base"))
        elif m["same"]:
            out.append(When(start, end, "same", None, role="point"))
        elif m["y"]:
            out.append(When(start, end, "year", int(m["y"]), role=role))
    return out


def _months(m: re.Match[str], text: str, start: int, end: int, role: str) -> When:
    if m["nq"]:  # the first three quarters: January to September
        year = int(m["nqy"]) if m["nqy"] else None
        last = 6 if m["nq"].lower() == "two" else 9
        return When(start, end, "months", year, first=1, last=last, role=role)
    if m["nm"]:
        n = m["nm"].lower()
        count = int(n) if n.isdigit() else _COUNTS.index(n) + 2
        year = int(m["nmy"]) if m["nmy"] else None
        return When(start, end, "months", year, first=1, last=min(12, count), role=role)
    a, b = _month(m["m1"]), _month(m["m2"])
    year = int(m["my"]) if m["my"] else None
    change = bool(re.match(r"\s+(?:percent(?:age)?\s+)?change", text[end : end + 30], re.I))
    return When(start, end, "months", year, first=a, last=b, role=role, change=change)


_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")


def _after(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = text[max(0, start - 12) : start].lower().split()
    return bool(before) and before[-1] in words


def point_text(w: When, ref_year: int) -> str:
    """The period a time word gives a figure, as a claims file writes it."""
    year = w.year or ref_year
    if w.kind == "end":
        days = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(w.last or 12, 31)
        return f"{year}-{w.last:02d}-{days:02d}"
    if w.kind == "quarter":
        return f"{year}Q{w.first}"
    if w.kind == "months":
        return months_text(year, w.first or 1, w.last or 12)
    if w.kind == "span":
        return f"{w.first}-{w.last}"
    if w.kind == "month":
        return f"{year}-{w.last:02d}"
    if w.kind == "relative":  # last year, as a point
        return str(ref_year - 1)
    return str(year)


def months_text(year: int, first: int, last: int) -> str:
    """A run of months: a quarter, the year, or ``2023年1-9月`` (the claims format's form)."""
    if first == last:
        return f"{year}-{last:02d}"
    if last - first == 2 and first % 3 == 1:
        return f"{year}Q{(first + 2) // 3}"
    if (first, last) == (1, 12):
        return str(year)
    return f"{year}年{first}-{last}月"


def before(point: str, unit: str, year_to: int | None = None) -> str:
    """The period a month (m), a quarter (q) or a year (y) before a point period (in
    ``year_to`` when it is given: the same period in 2011)."""
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})|Q([1-4])|年([0-9]+)-([0-9]+)月|(.*))", point)
    if m is None:
        return point
    year = int(m[1])
    if unit == "y" or (m[2] is None and m[3] is None and m[4] is None):
        return f"{year_to or year - 1}{point[4:]}"
    if m[4] is not None:  # June to August 2020: the three months before, or one month back
        step = 3 if unit == "q" else 1
        first, last = int(m[4]) - step, int(m[5]) - step
        return months_text(year, first, last) if first >= 1 else point
    if m[2] is not None:
        month = int(m[2]) - (1 if unit == "m" else 3)
        return f"{year - 1 if month < 1 else year}-{(month - 1) % 12 + 1:02d}"
    q = int(m[3]) - 1
    return f"{year - 1}Q4" if q < 1 else f"{year}Q{q}"


def base_text(w: When, point: str, ref_year: int) -> str:
    """The base period a time word names for a figure at ``point``."""
    if w.kind == "relative":
        return before(point, w.shift or "y", w.year)
    if w.kind == "month" and w.year is None:
        year = int(point[:4]) if point[:4].isdigit() else ref_year
        month_of = re.fullmatch(r"[0-9]{4}-([0-9]{2})", point)
        if w.shift == "y":
            year -= 1  # March a year ago
        elif month_of and w.last and w.last > int(month_of[1]):
            year -= 1  # from December, for a figure of March
        return f"{year}-{w.last:02d}"
    return point_text(w, ref_year)
