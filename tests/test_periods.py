"""Periods as articles write them (docs/conventions.md §4), with lengths worked out by hand.

Points carry a time ``t`` in years at the *end* of the period: the year 2025 ends at 2025.0, the
third quarter of 2025 at 2025 - 1/4, June 2025 at 2025 - 6/12, and the date 1 July 1990 at the end
of 1989 plus six months.
"""

from __future__ import annotations

import pytest

from factcheck.errors import ValueProblem
from factcheck.periods import Period, Point, label, parse_period, parse_point, shift

PLANS = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}


def period(text: str, ref_year: int | None = 2025) -> Period:
    return parse_period(text, PLANS, ref_year)


@pytest.mark.parametrize(
    ("text", "key", "t"),
    [
        ("2025", "2025", 2025.0),
        ("2025年", "2025", 2025.0),
        ("2025年底", "2025", 2025.0),
        ("2025Q3", "2025Q3", 2024.75),  # the end of September: 2025 - 1/4
        ("2025年三季度", "2025Q3", 2024.75),
        ("2025年第三季度", "2025Q3", 2024.75),
        ("2025Q4", "2025Q4", 2025.0),
        ("2025-06", "2025M06", 2024.5),  # the end of June: 2025 - 6/12
        ("2025年6月", "2025M06", 2024.5),
        ("２０２５年６月", "2025M06", 2024.5),  # full-width digits
        ("十三五末", "2020", 2020.0),  # the last year of 2016-2020
        ("十四五初", "2021", 2021.0),
        ("5年前", "2020", 2020.0),  # 2025 - 5
        ("五年前", "2020", 2020.0),
        ("十年前", "2015", 2015.0),
        # January to a month (累计), ending where that month ends: September ends at 2025 - 3/12
        ("2025年1-9月", "2025M01-09", 2024.75),
        ("2025年1至9月", "2025M01-09", 2024.75),
        ("2025年一至九月", "2025M01-09", 2024.75),
        ("2025年前三季度", "2025M01-09", 2024.75),
        ("2025年上半年", "2025M01-06", 2024.5),
        ("2025年1-2月", "2025M01-02", 2025 - 10 / 12),
        ("2025年前两个月", "2025M01-02", 2025 - 10 / 12),
        ("2025年前十一个月", "2025M01-11", 2025 - 1 / 12),
        ("2025年1-12月", "2025", 2025.0),  # January to December is the year
        ("2025年前四季度", "2025", 2025.0),
        ("2025年1-9月份", "2025M01-09", 2024.75),  # the statistics bureau's own form
        ("2025年前两季度", "2025M01-06", 2024.5),
        ("2025年前三个季度", "2025M01-09", 2024.75),
        ("2025年下半年", "2025M07-12", 2025.0),  # July to December ends with the year
        ("2025年7-12月", "2025M07-12", 2025.0),
        ("1-9月", "2025M01-09", 2024.75),  # the file's reference year, 2025
        # A quarter is a quarter however it is written: 1-3月 is 一季度, 4-6月 is 二季度
        ("2025年1-3月", "2025Q1", 2024.25),
        ("2025年前一季度", "2025Q1", 2024.25),
        ("2025年4-6月", "2025Q2", 2024.5),
    ],
)
def test_points(text: str, key: str, t: float) -> None:
    p = period(text)
    assert not p.is_span
    assert p.end.key == key
    assert p.end.t == pytest.approx(t)
    assert p.years == 0


@pytest.mark.parametrize(
    ("text", "start", "end", "years"),
    [
        ("2021-2025", "2021", "2025", 4),  # average growth from 2021 to 2025: n = 4
        ("2021—2025", "2021", "2025", 4),
        ("2021至2025年", "2021", "2025", 4),
        ("2020年-2025年", "2020", "2025", 5),
        ("十四五", "2020", "2025", 5),  # compounds from the 2020 base: n = 5
        ("十四五期间", "2020", "2025", 5),
        ("“十四五”", "2020", "2025", 5),  # quotes are dropped
        ("十三五", "2015", "2020", 5),
        ("十三五末-2025", "2020", "2025", 5),
        ("2025Q1-2025Q3", "2025Q1", "2025Q3", 0.5),  # two quarters
        ("2025-06至2025-12", "2025M06", "2025M12", 0.5),  # six months
    ],
)
def test_spans(text: str, start: str, end: str, years: float) -> None:
    p = period(text)
    assert p.is_span and p.start is not None
    assert (p.start.key, p.end.key) == (start, end)
    assert p.years == pytest.approx(years)


def test_census_dates_give_a_fractional_span() -> None:
    # 1 July 1990 to 1 November 2000: 10 years and 4 months = 10⅓ years
    p = period("1990-07-01至2000-11-01")
    assert p.start is not None
    assert (p.start.key, p.end.key) == ("1990-07-01", "2000-11-01")
    assert p.years == pytest.approx(10 + 1 / 3)


def test_n_years_ago_needs_the_reference_year() -> None:
    with pytest.raises(ValueProblem) as info:
        period("5年前", ref_year=None)
    assert info.value.code == "E111"


@pytest.mark.parametrize(
    "text",
    [
        "2025-13",  # month 13
        "2025年13月",
        "2025-00",
        "2025-02-30",  # 30 February
        "2023-02-29",  # not a leap year
        "2025Q5",
        "2025-2021",  # ends before it starts
        "2025年到2024年",
        "2025-2025",  # zero length
        "99999",  # year 99999
        "1799",  # before 1800
        "2201",
        "十六五",  # no such plan in the pack
        "十四五-十五五",  # a span of spans
        "2025-13至2026-01",
        "明年",
        "",
        "2025" * 20,  # too long
        "五五年前",
        "9999年前",
    ],
)
def test_impossible_periods_are_e111(text: str) -> None:
    with pytest.raises(ValueProblem) as info:
        period(text)
    assert info.value.code == "E111"


def test_parse_point_refuses_a_span() -> None:
    assert parse_point("2025", PLANS, None) == Point(2025.0, "2025")
    with pytest.raises(ValueProblem) as info:
        parse_point("2021-2025", PLANS, None)
    assert info.value.code == "E111"


def test_shift_a_year_back() -> None:
    assert shift(Point(2025.0, "2025"), -1) == Point(2024.0, "2024")
    assert shift(period("2025Q3").end, -1).key == "2024Q3"
    assert shift(period("2025-06").end, -1).key == "2024M06"


def test_shift_never_fails() -> None:
    # 29 February has no match a year later; outside the years a claim may name is no error
    leap = period("2024-02-29").end
    assert shift(leap, 1).key == "2025-02-28"
    assert shift(Point(1800.0, "1800"), -1).key == "1799"


def test_the_same_months_a_year_before() -> None:
    # 同比 of 1-9月 is 1-9月 of the year before, not September alone (2024M09).
    assert shift(period("2025年前三季度").end, -1) == period("2024年1-9月").end
    assert shift(period("2025年前三季度").end, -1) != period("2024年9月").end


def test_a_span_of_months_to_date() -> None:
    p = period("2024年1-9月至2025年1-9月")
    assert p.start is not None
    assert (p.start.key, p.end.key, p.years) == ("2024M01-09", "2025M01-09", 1)


@pytest.mark.parametrize("text", ["2025年1-13月", "2025年1-1月", "2025年9-3月", "2025年0-9月"])
def test_impossible_runs_of_months(text: str) -> None:
    with pytest.raises(ValueProblem) as exc:
        period(text)
    assert exc.value.code == "E111"
    assert "not a run of months" in exc.value.message


def test_months_without_a_year_need_the_reference_year() -> None:
    with pytest.raises(ValueProblem) as exc:
        period("1-9月", ref_year=None)
    assert exc.value.code == "E111"


@pytest.mark.parametrize(
    "text", ["2025", "2025Q3", "2025年6月", "2025年1-9月", "2025年下半年", "2025-06-30", "十三五末"]
)
def test_a_label_reads_back_as_its_point(text: str) -> None:
    point = period(text).end
    assert period(label(point)).end == point
    assert period(label(point, zh=True)).end == point


def test_a_run_of_months_is_labelled_as_articles_write_it() -> None:
    assert label(period("2025年前三季度").end) == "2025年1-9月"
    assert label(period("2020").end, zh=True) == "2020年"
