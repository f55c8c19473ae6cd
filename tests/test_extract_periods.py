"""Periods and bases from context (issue 16, point 5): the paragraph a figure is read in, runs
of months written the Macao and Taiwan way, and comparisons with the same period of another
year. The sentences are written for the test in the form of the releases of the corpus
(Macao's DSEC quarterly GDP release, a mainland monthly release); each expected period is the
reading a hand-writer gives it."""

from __future__ import annotations

import pytest

from factcheck.extract import draft_claims
from factcheck.extract.text import paragraph_marks
from factcheck.periods import parse_period
from factcheck.rulepack import load_pack

PACK = load_pack()


def _readings(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each drafted value → (period, base)."""
    out = {}
    for c in draft_claims(text, PACK, "澳门", None).claims:
        fields = dict(c.fields)
        for v in c.values:
            period, base = fields.get("period"), fields.get("base")
            out[v] = (
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
