"""Periods and bases from context (issue 16, point 5): the paragraph a figure is read in, runs
of months written the Macao and Taiwan way, and comparisons with the same period of another
year. The sentences are written for the test in the form of the releases of the corpus
(Macao's DSEC quarterly GDP release, a mainland monthly release); each expected period is the
reading a hand-writer gives it; the sentences of the second part follow the corpus's Taiwan
(聯合報), Hong Kong (統計處) and mainland (每日经济新闻, 新浪安徽) articles."""

from __future__ import annotations

import datetime

import pytest

from factcheck.extract import draft_claims
from factcheck.extract.text import paragraph_marks
from factcheck.periods import parse_period
from factcheck.rulepack import load_pack
from factcheck.zh import simplified

PACK = load_pack()


def _readings(
    text: str, published: datetime.date | None = None
) -> dict[str, tuple[str | None, str | None]]:
    """Each drafted value → (period, base)."""
    out = {}
    for c in draft_claims(text, PACK, "澳门", None, published).claims:
        fields = dict(c.fields)
        for v in c.values:
            period, base = fields.get("period"), fields.get("base")
            out[simplified(v)] = (  # read in simplified characters
                period if isinstance(period, str) else None,
                base if isinstance(base, str) else None,
            )
    return out


def _key(period: str) -> str:
    return parse_period(period, PACK.plans, 2023).end.key


def test_lines_are_paragraphs_in_a_text_without_blank_lines() -> None:
    # every line ends a sentence: one paragraph a line, so the third line's figure is read in
    # the lead paragraph's time (its first: the quarter), not in the last time word before it
    text = (
        "2023年第3季本地生产总值按年实质增长116.1%。2023年首3季本地生产总值按年实质增长77.7%。\n"
        "整体私人消费支出按年增长29.6%。\n"
    )
    got = _readings(text)
    assert got["116.1%"][0] == "2023Q3"
    assert _key(got["77.7%"][0] or "") == "2023M01-09"  # 首3季: January to September
    assert got["29.6%"][0] == "2023Q3"
    assert paragraph_marks(text) == [text.index("\n") + 1, len(text)]


def test_a_hard_wrapped_text_is_one_paragraph() -> None:
    # the line break falls inside a sentence: no paragraph ends there, and the last figure is
    # read in the last time word of its paragraph
    text = (
        "2023年第3季本地生产总值按年实质增长116.1%。2023年首3季本地生产总值\n"
        "按年实质增长77.7%。整体私人消费支出按年增长29.6%。"
    )
    assert paragraph_marks(text) == []
    assert _key(_readings(text)["29.6%"][0] or "") == "2023M01-09"


@pytest.mark.parametrize("text", ["2025年前三季全市出口增长5%。", "2025年首3季全市出口增长5%。"])
def test_first_quarters_without_du(text: str) -> None:
    # 前三季 (Taiwan) and 首3季 (Macao) are 前三季度: January to September
    assert _key(_readings(text)["5%"][0] or "") == "2025M01-09"


def test_the_same_period_of_another_year_is_a_base() -> None:
    # 回复至2019年同期的77.4%: the level is the current period's, compared with 2019's
    text = "2023年首3季本地生产总值按年实质增长77.7%，整体经济总量回复至2019年同期的77.4%。"
    assert _key(_readings(text)["77.4%"][0] or "") == "2023M01-09"
    # a change against 2019年同期 in the third quarter is based on 2019's third quarter
    got = _readings("2023年第3季入境旅客人次较2019年同期下降16.5%。")
    assert got["下降16.5%"] == ("2023Q3", "2019Q3")
    # the start value of the comparison is stated at the base: 2019年前三季度
    got = _readings("前三季度全市社会消费品零售总额比2019年同期的800亿元增长12.5%。")
    assert got["800亿元"][0] == "2019年前三季度"
    assert got["12.5%"] == ("前三季度", "2019年前三季度")


def test_whole_year_is_the_year_of_the_time_word_before_it() -> None:
    # 114年 of the ROC calendar is 1911 + 114 = 2025; 全年 after its fourth quarter is 2025
    got = _readings("114年第4季經濟成長率12.65％，全年經濟成長率8.68％。")
    assert got["12.65％"][0] == "2025Q4"
    assert got["8.68％"][0] == "2025"


def test_a_quarter_of_last_year() -> None:
    # published on 31 January 2026, 去年第四季 is 2025Q4
    got = _readings(
        "主計總處概估去年第四季經濟成長率為百分之十二點六八。", datetime.date(2026, 1, 31)
    )
    assert got["为百分之十二点六八"][0] == "2025Q4"


def test_a_base_in_a_clause_of_its_own() -> None:
    # 與二零一四年比較, then the change: over 2014
    got = _readings("二零一五年全年與二零一四年比較，本地生產總值實質上升2.4%。")
    assert got["2.4%"] == ("2015", "2014")


def test_start_values_of_a_change() -> None:
    # 由去年同期的52.5%: the first quarter of the year before (published 20 April 2019: 2019Q1)
    text = "一季度，高新技术产业对规模以上工业增长贡献率由去年同期的52.5%提高到58.1%。"
    got = _readings(text, datetime.date(2019, 4, 20))
    assert got["52.5%"][0] == "2018Q1"
    assert got["58.1%"][0] == "2019Q1"
    # inside a span, the value after 从 is its start's, the one after 增加到 its end's
    got = _readings("1949~1978年，我国城镇人口占总人口比重从10.64%增加到17.92%。")
    assert (got["10.64%"][0], got["17.92%"][0]) == ("1949", "1978")
    # 比“十二五”末2015年的18.13%: the year after the plan's end names the same base
    got = _readings("2020年宏观税负降至15.2%，比“十二五”末2015年的18.13%降低近3个百分点。")
    assert got["18.13%"][0] == "2015"
    assert got["近降低3个百分点"] == ("2020", "2015")


def test_a_multiple_over_the_earlier_year_of_its_sentence() -> None:
    # not the plan the article names elsewhere: the sentence writes its own years
    text = (
        "“十三五”时期全市经济总量稳步增长。"
        "1978年，我国GDP只有3678.7亿元，到2020年增长至1015986亿元，40多年增长了约275倍。"
    )
    assert _readings(text)["约增长275倍"] == ("2020", "1978")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # the count of years written: 2021 to 2025 are five years of growth, from 2020's end
        ("2021至2025年这五年，全省地区生产总值年均增长4.8%。", "2020-2025"),
        ("二○二一至二○二五年這五年，全省地区生产总值年均增长4.8%。", "2020-2025"),
        # without it, from the end of the first year (n = 2025 - 2021 = 4)
        ("2021至2025年，全省地区生产总值年均增长4.8%。", "2021-2025"),
    ],
)
def test_spans_with_their_count_of_years(text: str, period: str) -> None:
    assert _readings(text)["4.8%"][0] == period
