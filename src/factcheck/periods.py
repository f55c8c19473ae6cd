"""Periods as articles write them (docs/conventions.md §4).

A point is a year, a quarter, a month, a run of months of one year (累计 ``1-9月``, ``前三季度``,
``上半年``, ``7-12月``) or a date; a span runs from one point to another. The number
of compounding periods of an average annual rate is the span's length in years: ``2021-2025`` is
4, and a five-year plan ``十四五`` compounds from the 2020 base to 2025, so it is 5.

Points have a key (``2025``, ``2025Q3``, ``2025M06``, ``2025M01-09``, ``2025-06-30``) that the
engine uses to match claims, and a time ``t`` in years so that lengths come out right for every
kind of point.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from factcheck.charmap import CharMap
from factcheck.errors import ValueProblem
from factcheck.zh import DIGIT_VALUES, QUOTE_MARKS, RANGE_MARKS, run_of_months, simplified

_QUOTES = CharMap(str.maketrans("", "", QUOTE_MARKS))
_YEAR = r"(\d{4})年?"
_DIGITS = "一二两三四五六七八九"
_RUN_OF_MONTHS = run_of_months(r"\d{1,2}", capture=True)
_PATTERNS = {
    "year": re.compile(rf"^{_YEAR}(?:年?(?:底|末|全年|年底|年末))?$"),
    "quarter": re.compile(r"^(\d{4})(?:Q|年第?|年)([1-4一二三四])(?:季度|季)?$"),
    "month": re.compile(r"^(\d{4})(?:-|M|年)(\d{1,2})月?(?:底|末)?$"),
    "date": re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    "before": re.compile(rf"^(\d{{1,3}}|[{_DIGITS}]?十?[{_DIGITS}]?)年(?:前|以前)$"),
    # Consecutive months of one year: 1-9月 (累计, from January), 7-12月份, 前三季度, 上半年,
    # 下半年, 前两个月. The year may be left to the file's reference year; any two digits are
    # read as a month, so that month 13 is refused by name.
    "months": re.compile(rf"^(?:(\d{{4}})年)?(?:{_RUN_OF_MONTHS})$"),
}
# Span separators. A hyphen also sits inside a month or a date (1990-07-01至2000-11-01), so a span
# is split at each separator in turn until both sides read as points.
_SEPARATORS = re.compile(f"[{RANGE_MARKS}]")
MAX_LENGTH = 40  # the longest period we know, two dates and a separator, is 21 characters
_PLAN = re.compile(r"^(十[一二三四五六七八九]?五)(期间|时期|以来|期末|末|初)?$")
MIN_YEAR, MAX_YEAR = 1800, 2200


@dataclass(frozen=True, slots=True, order=True)
class Point:
    """A moment or an observation period: its matching key and its time in years."""

    t: float
    key: str


def label(point: Point, zh: bool = False) -> str:
    """A point as a period text that reads back as the same point: its key, except a run of
    months (2025M01-09), which reads 2025年1-9月; in Chinese a year reads 2025年."""
    if m := re.fullmatch(r"(\d{4})M(\d\d)-(\d\d)", point.key):
        return f"{m.group(1)}年{int(m.group(2))}-{int(m.group(3))}月"
    return f"{point.key}年" if zh and point.key.isdigit() else point.key


@dataclass(frozen=True, slots=True)
class Period:
    """A parsed period: a point (``start`` is None) or a span from ``start`` to ``end``."""

    text: str
    end: Point
    start: Point | None = None

    @property
    def is_span(self) -> bool:
        """True for a span such as ``2021-2025`` or ``十四五``."""
        return self.start is not None

    @property
    def years(self) -> float:
        """The length of a span in years (0 for a point)."""
        return self.end.t - self.start.t if self.start is not None else 0.0


def _cn_int(text: str) -> int:
    """A small Chinese or Arabic whole number (一 … 九十九); the patterns admit nothing else."""
    if text.isdecimal():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (DIGIT_VALUES[tens] if tens else 1) * 10 + (DIGIT_VALUES[units] if units else 0)
    if text not in DIGIT_VALUES:
        raise ValueProblem("E111", f"cannot read the number '{text}'")
    return DIGIT_VALUES[text]


def year_point(year: int) -> Point:
    """The point of a calendar year."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueProblem("E111", f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return Point(float(year), str(year))


def shift(point: Point, years: int) -> Point:
    """The same kind of point ``years`` earlier or later (同比: the same period a year before).

    Never fails: the shifted point may fall outside the years a claim may name (it then matches
    no claim), and 29 February becomes 28 February in a common year.
    """
    year = int(point.key[:4]) + years
    rest = point.key[4:]
    if rest == "-02-29" and not _leap(year):
        rest = "-02-28"
    t = point.t + years
    if rest.startswith("-"):  # a date: recompute, the days of February differ between years
        month, day = int(rest[1:3]), int(rest[4:6])
        days = _month_days(year, month)
        t = year - 1 + (month - 1) / 12 + (day - 1) / (12 * days)
    return Point(t, f"{year:04d}{rest}")


def parse_point(text: str, plans: dict[str, tuple[int, int]], ref_year: int | None) -> Point:
    """Parse a point; a span is refused here."""
    period = parse_period(text, plans, ref_year)
    if period.start is not None:
        raise ValueProblem("E111", f"'{text}' is a span; a single period is needed here")
    return period.end


def parse_period(text: str, plans: dict[str, tuple[int, int]], ref_year: int | None) -> Period:
    """Parse a period; raise ValueProblem E111 when it is impossible or unknown.

    ``plans`` maps plan names (十四五) to their first and last years; ``ref_year`` is the article's
    reference year, for ``5年前``.
    """
    if len(text) > MAX_LENGTH:
        raise ValueProblem("E111", f"period longer than {MAX_LENGTH} characters")
    norm = _QUOTES(unicodedata.normalize("NFKC", str(text))).strip().replace(" ", "")
    norm = simplified(norm)  # 十四五期間, 2025年上半年 in traditional characters
    point = _point(norm, text, plans, ref_year)
    if point is not None:
        return point
    failed: ValueProblem | None = None
    for sep in _SEPARATORS.finditer(norm):
        left, right = norm[: sep.start()], norm[sep.end() :]
        try:
            start = _point(left, left, plans, ref_year)
            end = _point(right, right, plans, ref_year)
        except ValueProblem as exc:  # a side with a known form but impossible (month 13)
            failed = exc
            continue
        if start is None or end is None or start.is_span or end.is_span:
            continue  # a hyphen inside a date: try the next separator
        if end.end.t == start.end.t:
            raise ValueProblem("E111", f"span '{text}' has zero length")
        if end.end.t < start.end.t:
            raise ValueProblem("E111", f"span '{text}' ends before it starts")
        return Period(text, end.end, start.end)
    raise failed or ValueProblem("E111", f"cannot read the period '{text}'")


def _point(
    norm: str, text: str, plans: dict[str, tuple[int, int]], ref_year: int | None
) -> Period | None:
    """A period that is not a written span (a plan is a span of its own), or None when the text
    has none of the forms; raises ValueProblem when it has a form but is impossible."""
    if m := _PLAN.match(norm):
        if m.group(1) not in plans:
            raise ValueProblem("E111", f"unknown plan period '{m.group(1)}'")
        first, last = plans[m.group(1)]
        if m.group(2) in ("末", "期末"):
            return Period(text, year_point(last))
        if m.group(2) == "初":
            return Period(text, year_point(first))
        # The plan compounds from the last year of the previous plan (docs/conventions.md §4).
        return Period(text, year_point(last), year_point(first - 1))
    if m := _PATTERNS["year"].match(norm):
        return Period(text, year_point(int(m.group(1))))
    if m := _PATTERNS["quarter"].match(norm):
        year, quarter = int(m.group(1)), _cn_int(m.group(2))
        base = year_point(year)
        return Period(text, Point(base.t + (quarter - 4) / 4, f"{year}Q{quarter}"))
    if m := _PATTERNS["month"].match(norm):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueProblem("E111", f"month {month} does not exist")
        base = year_point(year)
        return Period(text, Point(base.t + (month - 12) / 12, f"{year}M{month:02d}"))
    if m := _PATTERNS["months"].match(norm):
        if m.group(2):
            first, last = _cn_int(m.group(2)), _cn_int(m.group(3))
        elif m.group(4):
            first, last = 1, 3 * _cn_int(m.group(4))
        elif m.group(5):
            first, last = (1, 6) if m.group(5) == "上" else (7, 12)
        else:
            first, last = 1, _cn_int(m.group(6))
        of_year = int(m.group(1)) if m.group(1) else ref_year
        if of_year is None:
            raise ValueProblem("E111", f"'{text}' needs a year, or the file's reference 'year'")
        return Period(text, _months(of_year, first, last, text))
    if m := _PATTERNS["date"].match(norm):
        return Period(text, _date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if m := _PATTERNS["before"].match(norm):
        if ref_year is None:
            raise ValueProblem("E111", f"'{text}' needs the file's reference 'year'")
        return Period(text, year_point(ref_year - _cn_int(m.group(1))))
    return None


def _months(year: int, first: int, last: int, text: str) -> Point:
    """Months ``first`` to ``last`` of a year as one period. The whole year and a quarter take
    their own keys (1-12月 is 2025, 1-3月 is 2025Q1, as 一季度 is); any other run of months is
    keyed apart from its last month (2025M01-09, not 2025M09), so that 同比 compares it with
    the same months of the year before."""
    if not 1 <= first < last <= 12:
        raise ValueProblem("E111", f"'{text}' is not a run of months within a year")
    base = year_point(year)
    t = base.t + (last - 12) / 12
    if (first, last) == (1, 12):
        return base
    if first % 3 == 1 and last == first + 2:
        return Point(t, f"{year}Q{last // 3}")
    return Point(t, f"{year}M{first:02d}-{last:02d}")


def _leap(year: int) -> bool:
    """Gregorian leap years, as ``calendar.isleap`` (whose import, with locale's, costs about a
    millisecond of every run)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    """The days of a month (1 to 12), as ``calendar.monthrange(year, month)[1]``."""
    return 29 if month == 2 and _leap(year) else _DAYS[month - 1]


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _date(year: int, month: int, day: int) -> Point:
    """A calendar date; months count as twelfths so that census spans give 10⅓ years."""
    base = year_point(year)
    if not 1 <= month <= 12 or not 1 <= day <= _month_days(year, month):
        raise ValueProblem("E111", f"date {year}-{month:02d}-{day:02d} does not exist")
    days = _month_days(year, month)
    t = base.t - 1 + (month - 1) / 12 + (day - 1) / (12 * days)
    return Point(t, f"{year}-{month:02d}-{day:02d}")
