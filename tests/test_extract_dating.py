"""Dating the periods an article writes without a year (issue 16, point 5): the publication
date and the reference year (factcheck.extract.dating). The sentences are written for the test
in the form of provincial quarterly releases (新浪安徽 2019-04-20, 德州市统计局 2014-04 of the
corpus); each expected period is worked out by hand from the calendar."""

from __future__ import annotations

import datetime

import pytest

from factcheck.errors import ValueProblem
from factcheck.extract import draft_claims
from factcheck.extract.dating import last_month, latest_ended, parse_published
from factcheck.periods import parse_period
from factcheck.rulepack import load_pack

PACK = load_pack()


def _periods(text: str, published: datetime.date | None, year: int | None = None) -> list[str]:
    draft = draft_claims(text, PACK, "全省", year, published)
    return [str(dict(c.fields)["period"]) for c in draft.claims if c.kind in ("level", "growth")]


def test_parse_published() -> None:
    assert parse_published("2019-04-20") == datetime.date(2019, 4, 20)
    assert parse_published("2014-04") == datetime.date(2014, 4, 1)  # a month: its first day
    assert parse_published(datetime.date(2020, 1, 2)) == datetime.date(2020, 1, 2)
    for bad in ("April 2019", "2019-13-01", "2019-02-30"):
        with pytest.raises(ValueProblem) as exc:
            parse_published(bad)
        assert exc.value.code == "E111"


@pytest.mark.parametrize(
    ("period", "month"),
    [("Q1", 3), ("Q4", 12), ("1-5月", 5), ("上半年", 6), ("前三季度", 9), ("2025", None)],
)
def test_last_month(period: str, month: int | None) -> None:
    assert last_month(period) == month


def test_latest_ended() -> None:
    # a first quarter ends on 31 March: published on 20 April it is this year's, on 31 March
    # itself (not yet reported) the year before's; a fourth quarter in February is last year's
    assert latest_ended(3, datetime.date(2019, 4, 20)) == 2019
    assert latest_ended(3, datetime.date(2019, 3, 31)) == 2018
    assert latest_ended(12, datetime.date(2020, 2, 10)) == 2019


def test_a_release_without_a_year_is_dated_by_its_publication() -> None:
    text = "一季度，全省地区生产总值7065.7亿元，比上年同期增长7.7%。"
    assert _periods(text, datetime.date(2019, 4, 20)) == ["2019Q1", "2019Q1"]
    draft = draft_claims(text, PACK, "全省", None, datetime.date(2019, 4, 20))
    assert draft.year == 2019
    # published in February, 四季度 is the quarter of the year before
    text = "四季度，全省地区生产总值3000亿元，比上年同期增长6.1%。"
    assert _periods(text, datetime.date(2020, 2, 10)) == ["2019Q4", "2019Q4"]
    # the same article published in January 2021: the fourth quarter of 2020
    assert _periods(text, datetime.date(2021, 1, 20)) == ["2020Q4", "2020Q4"]


def test_runs_of_months_without_a_year() -> None:
    # published on 15 June 2022: January to May of 2022, read in the draft's year
    text = "1-5月，全省规模以上工业增加值增长6.3%。"
    draft = draft_claims(text, PACK, "全省", None, datetime.date(2022, 6, 15))
    (period,) = _periods(text, datetime.date(2022, 6, 15))
    assert parse_period(period, PACK.plans, draft.year).end.key == "2022M01-05"
    # published on 20 January 2023, 1-12月 is the year 2022
    text = "1-12月，全省规模以上工业增加值增长5.1%。"
    draft = draft_claims(text, PACK, "全省", None, datetime.date(2023, 1, 20))
    (period,) = _periods(text, datetime.date(2023, 1, 20))
    assert parse_period(period, PACK.plans, draft.year).end.key == "2022"


def test_a_quarter_takes_the_year_of_its_paragraph() -> None:
    # the text writes years: a quarter without one takes the year before it in its paragraph,
    # and in a paragraph without one, with the publication date given, the latest ended
    text = (
        "2023年全省地区生产总值5000亿元，一季度全省地区生产总值1200亿元。\n\n"
        "2020年全省地区生产总值4000亿元。\n\n一季度，全省地区生产总值增长4.5%。"
    )
    assert _periods(text, datetime.date(2024, 5, 6)) == ["2023", "2023Q1", "2020", "2024Q1"]


def test_a_written_year_wins_over_the_publication_date() -> None:
    # the text writes 2023: its quarters are 2023's, whenever it is read
    text = "2023年全省地区生产总值5000亿元。一季度，全省地区生产总值1200亿元。"
    assert _periods(text, datetime.date(2026, 12, 4)) == ["2023", "2023Q1"]


def test_this_year_is_the_publication_year() -> None:
    # published in February 2026, 今年 is 2026 though the latest year written is 2025
    text = "2025年全省地区生产总值3000亿元。今年全省地区生产总值预计3150亿元。"
    assert _periods(text, datetime.date(2026, 2, 13)) == ["2025", "2026"]
    # without a publication date, 今年 is the reference year (the latest year written)
    assert _periods(text, None) == ["2025", "2025"]


def test_months_without_a_year() -> None:
    # 3月份 in a release of 16 April 2021: March 2021; published on 5 March, March 2020
    text = "3月份，全国规模以上工业增加值同比增长14.1%。"
    assert _periods(text, datetime.date(2021, 4, 16)) == ["2021-03"]
    assert _periods(text, datetime.date(2021, 3, 5)) == ["2020-03"]
    # the month of an announcement is no period of the figure after it
    text = "2025年美國4月宣布對半導體課徵關稅，稅率100%。"
    assert _periods(text, datetime.date(2026, 2, 13)) == ["2025"]
