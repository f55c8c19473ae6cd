"""The calendar a draft is read in: the reference year, the publication date, and the year of a
period word written without one (``一季度``, ``1-3月``, ``上半年``, ``去年``).

An article names its periods as its readers know them: a release published on 20 April that
says ``一季度`` reports the first quarter just ended, and one published on 10 February that says
``四季度`` the last quarter of the year before. So a period word without a year (and without
one before it in its paragraph: :mod:`~factcheck.extract.timing`), in an article that writes no
year at all or whose publication date is given, is the latest such period that had ended by the
publication date (statistical releases report periods that have ended); in a text that writes a
year, checked today, it is of the reference year. The publication date is the one the caller
gives (``draft_claims(..., published=...)``), else today: an article is checked before it is
published.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from factcheck.errors import ValueProblem
from factcheck.periods import parse_period

_QUARTER = re.compile(r"^Q([1-4])$")
_MONTH = re.compile(r"^M(0[1-9]|1[0-2])$")
_PUBLISHED = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def parse_published(text: object) -> datetime.date:
    """A publication date written ``2019-04-20`` or ``2014-04`` (the first of the month), or a
    date already (YAML reads an unquoted date as one); raises ValueProblem E111 otherwise."""
    if isinstance(text, datetime.date):
        return text
    m = _PUBLISHED.match(str(text).strip())
    try:
        if m is None:
            raise ValueError(text)
        return datetime.date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        raise ValueProblem(
            "E111", f"cannot read the publication date '{text}' (write 2019-04-20)"
        ) from None


def last_month(period: str) -> int | None:
    """The last month of a period word without a year: ``Q3`` → 9, ``M03`` (3月份) → 3, ``1-5月``
    → 5, ``上半年`` → 6, ``前三季度`` → 9; None for anything else."""
    if m := _QUARTER.match(period):
        return 3 * int(m[1])
    if m := _MONTH.match(period):
        return int(m[1])
    try:
        parsed = parse_period(period, {}, 2000)
    except ValueProblem:
        return None
    if parsed.is_span or not 1999 < parsed.end.t <= 2000:
        return None
    return round((parsed.end.t - 1999) * 12)


def latest_ended(month: int, published: datetime.date) -> int:
    """The year of the latest period ending with ``month`` that had ended by ``published``: a
    first quarter (month 3) is this year's from April on, last year's before."""
    return published.year if published.month > month else published.year - 1


@dataclass(frozen=True, slots=True)
class Dating:
    """How the periods of one article are dated.

    ``year`` is the reference year; ``undated`` is True when the article writes no year, and
    ``given`` when the publication date was given (not today's): then the period words written
    without a year (and with none before them in their paragraph) are dated from ``published``;
    ``relative`` is the year that ``今年`` names (the publication year when one was given, else
    the reference year)."""

    year: int
    published: datetime.date
    undated: bool
    relative: int
    given: bool = False

    def year_of(self, period: str) -> int:
        """The year of a period word written without one (``Q3``, ``1-3月``, ``上半年``)."""
        month = last_month(period) if self.undated or self.given else None
        return self.year if month is None else latest_ended(month, self.published)
