"""Periods, bases and non-figures from context (issue 16, points 5 and 7): each case is a
sentence written for the test, with the reading a hand-writer gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract import draft_claims
from factcheck.extract.check import check_article
from factcheck.rulepack import load_pack
from factcheck.zh import simplified

PACK = load_pack()


def _claim(text: str, value: str, year: int | None = 2025) -> dict[str, object]:
    draft = draft_claims(text, PACK, "全省", year)
    for c in draft.claims:
        for i, v in enumerate(c.values):
            if simplified(v).endswith(value):  # a traditional article's value, as read
                fields = {k: (x if isinstance(x, str) else x[i]) for k, x in c.fields}
                return {"kind": c.kind, **fields}
    raise AssertionError(f"{value} not drafted: {[c.values for c in draft.claims]}")


def _drafted(text: str, part: str) -> bool:
    """Whether a drafted claim's mention overlaps ``part`` of the text."""
    a = text.index(part)
    b = a + len(part)
    claims = draft_claims(text, PACK, "全省", 2025).claims
    return any(s < b and a < e for c in claims for s, e in c.spans)


@pytest.mark.parametrize(
    ("text", "value", "period", "base"),
    [
        # a span of years: the average annual rate runs from the end of the first year
        ("1958年至2018年全省粮食产量年均增长3.2%。", "3.2%", "1958-2018", None),
        ("1990~2010年全省粮食产量年均增长2.5%。", "2.5%", "1990-2010", None),
        # the start value of a comparison is stated at the base's time, the end at the period
        ("2018年全省财政收入2000亿元,比1962年的318亿元增长5倍。", "318亿元", "1962", None),
        ("2018年全省财政收入2000亿元,比1962年的318亿元增长5倍。", "2000亿元", "2018", None),
        # a quarter without year is that quarter of the reference year
        ("一季度全省生产总值7065.7亿元。", "7065.7亿元", "2025Q1", None),
        # the time of the paragraph carries to its later sentences
        ("2023年全省粮食产量100万吨。油料产量30万吨。", "30万吨", "2023", None),
        # a year in Chinese numerals, digit by digit, and a quarter written 第四季
        ("二零一五年第四季全省生产总值上升1.9%。", "1.9%", "2015Q4", None),
        # a year of the Republic of China calendar before a period word: 114 + 1911 = 2025
        ("114年第3季全省经济成长率增长4.1%。", "4.1%", "2025Q3", None),
        # 去年: the year before the reference year
        ("去年全省粮食产量100万吨。", "100万吨", "2024", None),
    ],
)
def test_periods_from_context(text: str, value: str, period: str, base: str | None) -> None:
    got = _claim(text, value)
    assert got["period"] == period
    assert got.get("base") == base


def test_the_lead_paragraph_times_later_paragraphs() -> None:
    text = "一季度,全省经济平稳。\n\n农业生产稳定。蔬菜产量360.5万吨,增长4.1%。\n"
    assert _claim(text, "360.5万吨")["period"] == "2025Q1"


def test_a_paragraph_of_its_own_time_is_not_overridden_by_the_lead() -> None:
    text = "一季度,全省经济平稳。\n\n2024年全省蔬菜产量300万吨。\n"
    assert _claim(text, "300万吨")["period"] == "2024"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("二零一五年全省生产总值上升1.9%。", "二零一五年"),
        ("审议114年第3季国民所得统计。", "114年"),
        ("计及第4季初步统计。", "第4季"),
        ("主计总处今（13）日修正。", "13"),
        ("Sales rose 1.4 percent (±0.7%) from March 1999.", "0.7%"),
        ("Sales rose 1.4 percent (±0.7%) from March 1999.", "1999"),
        ("Release CB-00-60 for the week of April 24.", "00"),
        ("Release CB-00-60 for the week of April 24.", "24"),
        ("来源: 2024-11-18 20:43:04", "2024-11-18 20:43:04"),
        ("一季度全省生产总值7065.7亿元。", "一季度"),
    ],
)
def test_non_figures_are_set_aside(text: str, mention: str) -> None:
    assert not _drafted(text, mention)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全年粮食产量69541万吨,比上年增产1.3%。", "1.3%"),  # 增产: output up
        ("全年棉花产量562万吨,比上年减产6.1%。", "减产6.1%"),  # 减产: output down
    ],
)
def test_output_verbs_are_changes(text: str, value: str) -> None:
    got = _claim(text, value)
    assert got["kind"] == "growth" and got["metric"] in ("粮食产量", "棉花产量")


def test_traditional_text_keeps_its_script_in_quotes_and_metrics() -> None:
    text = "二零一五年本地生產總值上升2.4%。"
    draft = draft_claims(text, PACK, "香港", 2015)
    claim = next(c for c in draft.claims if c.values[-1].endswith("2.4%"))
    assert claim.quote in text and dict(claim.fields)["metric"] == "本地生產總值"


def test_a_list_after_qizhong_is_an_incomplete_sum() -> None:
    text = (
        "全年粮食产量69541万吨,增产1.3%。"
        "其中,夏粮产量14615万吨;早稻产量2834万吨;秋粮产量52092万吨。\n"
    )
    sums = [c for c in draft_claims(text, PACK, "全国", 2023).claims if c.kind == "sum"]
    assert len(sums) == 1
    fields = dict(sums[0].fields)
    assert fields["total"] == "粮食产量" and fields["complete"] == "false"
    assert fields["parts"] == ("夏粮产量", "早稻产量", "秋粮产量")


def test_qizhong_inside_a_sentence_without_a_total_drafts_no_sum() -> None:
    # the total (其它产品产量) has no figure: the level of the sentence before is not it
    text = "肉类产量86.2万吨。其它产品产量稳定增加,其中水产品产量69.4万吨、蔬菜产量360.5万吨。\n"
    assert not [c for c in draft_claims(text, PACK, "全省", 2023).claims if c.kind == "sum"]


def test_parts_beyond_their_total_are_flagged(tmp_path: Path) -> None:
    # 40 + 70 = 110 (at least 109 within the written precision) exceeds the total 100 (≤ 100.5)
    path = tmp_path / "a.txt"
    path.write_text("2023年全市粮食产量100万吨。其中,夏粮产量40万吨;秋粮产量70万吨。\n", "utf-8")
    result = check_article(path, str(path), PACK, tmp_path)
    assert [f.code for f in result.findings if f.verdict == "inconsistent"] == ["FC113"]


def test_three_industries_add_up_to_gdp(tmp_path: Path) -> None:
    # 100 + 200 + 300 = 600, not the 650 stated (each ±0.5: parts in [598.5, 601.5])
    path = tmp_path / "a.txt"
    text = (
        "2023年全市地区生产总值650亿元。"
        "第一产业增加值100亿元;第二产业增加值200亿元;第三产业增加值300亿元。\n"
    )
    path.write_text(text, "utf-8")
    result = check_article(path, str(path), PACK, tmp_path)
    assert [f for f in result.findings if f.verdict == "inconsistent"]
    # the same figures adding up exactly give no finding
    path.write_text(text.replace("650", "600"), "utf-8")
    result = check_article(path, str(path), PACK, tmp_path)
    assert not [f for f in result.findings if f.verdict == "inconsistent"]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("全省失业率0.93%,同比下降0.3个百分点。", "下降0.3个百分点", "growth"),
        ("全省失业率同比上升1.87 个百分点。", "1.87个百分点", "growth"),  # a space before the unit
        ("全省出口保持兩位數增長。", "两位数", "growth"),
    ],
)
def test_forms_that_once_vanished_are_drafted(text: str, value: str, kind: str) -> None:
    got = _claim(text, value)
    assert got["kind"] == kind
