"""A change in points between two rates the sentence states (factcheck.extract.gaps): drafted
with ``start`` (the compared rate) and ``end`` (the rate compared), and checked end to end by
``check ARTICLE.txt``: the points are the later rate minus the compared one.

Sentences of the shapes of Taiwan's DGBAS releases (udn.com, ltn.com.tw) and of provincial
releases; each expected figure is worked out by hand in its comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.check import check_article
from factcheck.extract.draft import draft_claims
from factcheck.rulepack import RulePack, load_pack
from factcheck.zh import simplified


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _links(text: str, pack: RulePack) -> dict[str, tuple[str | None, str | None]]:
    """Each value → (the value its ``start`` names, the value its ``end`` names)."""
    claims = draft_claims(text, pack, "全省", 2025).claims
    # the value words of a copula (为8.68%) are not what is compared
    # (read in simplified characters: a draft writes a value in the article's script)
    value = {
        i: simplified(v).lstrip("为") for c in claims for i, v in zip(c.ids, c.values, strict=True)
    }
    out = {}
    for c in claims:
        f = dict(c.fields)
        start, end = f.get("start"), f.get("end")
        out[simplified(c.values[0]).lstrip("为")] = (
            value.get(start) if isinstance(start, str) else None,
            value.get(end) if isinstance(end, str) else None,
        )
    return out


def _inconsistent(tmp_path: Path, text: str, pack: RulePack) -> list[str]:
    article = tmp_path / "a.txt"
    article.write_text(text + "\n", "utf-8")
    result = check_article(article, str(article), pack, tmp_path)
    assert not result.problems
    return [f.quote for f in result.findings if f.verdict == "inconsistent"]


@pytest.mark.parametrize(
    ("text", "points", "start", "end"),
    [
        # a revision: 8.68 - 8.63 = 0.05
        (
            "全年经济成长率8.68%，较1月概估数8.63%上修0.05个百分点。",
            "0.05个百分点",
            "8.63%",
            "8.68%",
        ),
        # the same in traditional characters, 為 before the later rate
        (
            "全年經濟成長率為8.68%，較1月概估數8.63%上修0.05個百分點。",
            "0.05个百分点",
            "8.63%",
            "8.68%",
        ),
        # the move itself: 7.71 - 3.54 = 4.17 (the forecast of November is named apart)
        (
            "将今年经济成长率从去年11月预测3.54%，一举上修为7.71%，上修4.17个百分点。",
            "4.17个百分点",
            "3.54%",
            "7.71%",
        ),
        # compared with 高于, the points alone in the next clause: 7.64 - 2.91 = 4.73
        (
            "今年第3季GDP成长率为7.64%，远高于8月预测的2.91%，上修4.73个百分点。",
            "4.73个百分点",
            "2.91%",
            "7.64%",
        ),
        # a fall in points: 7.2 - 7.5 = -0.3
        (
            "规模以上工业增加值增长7.2%，增速较上年同期的7.5%回落0.3个百分点。",
            "回落0.3个百分点",
            "7.5%",
            "7.2%",
        ),
    ],
)
def test_the_points_link_the_compared_rate_and_the_later_one(
    pack: RulePack, text: str, points: str, start: str, end: str
) -> None:
    assert _links(text, pack)[points] == (start, end)


@pytest.mark.parametrize(
    ("text", "points"),
    [
        # a gap written 高 (no direction verb): its sign is not read
        ("全市生产总值增长8.1%，比全国平均水平6.4%高1.7个百分点。", "1.7个百分点"),
        # the size of a fall narrowing: 降幅 compares magnitudes (3.2 against 5.3)
        ("工业投资下降3.2%，降幅比一季度的5.3%收窄2.1个百分点。", "收窄2.1个百分点"),
        # an average a year over the move: (17.92 - 10.64) / n, not 17.92 - 10.64
        ("城镇人口比重从10.64%增加到17.92%，平均每年提高0.25个百分点。", "0.25个百分点"),
        # the clause of the points compares with another time: a change of its own
        ("全市生产总值增长8.1%，高于全国6.4%，比上年提高0.5个百分点。", "0.5个百分点"),
        # 比上年: a change of its own, not the move from 2015 to 2020
        ("城镇化率从50.2%，提高到55.6%，比上年提高1.1个百分点。", "1.1个百分点"),
    ],
)
def test_no_pair_is_drafted_where_the_form_is_not_plain(
    pack: RulePack, text: str, points: str
) -> None:
    start, end = _links(text, pack)[points]
    rates = {v for v in _links(text, pack) if "%" in v}
    assert not (start in rates and end in rates)


def test_check_article_passes_a_revision_that_holds(tmp_path: Path, pack: RulePack) -> None:
    # 12.68 - 7.91 = 4.77 ([12.675 - 7.915, 12.685 - 7.905] = [4.76, 4.78])
    text = "第四季经济成长率为12.68%，较11月预测数7.91%增加4.77个百分点。"
    assert _inconsistent(tmp_path, text, pack) == []


def test_check_article_flags_a_revision_that_does_not(tmp_path: Path, pack: RulePack) -> None:
    # 5.77 is outside [4.76, 4.78]; written 5.765 to 5.775
    text = "第四季经济成长率为12.68%，较11月预测数7.91%增加5.77个百分点。"
    assert any("5.77个百分点" in q for q in _inconsistent(tmp_path, text, pack))


def test_check_article_reads_the_sign_of_a_fall(tmp_path: Path, pack: RulePack) -> None:
    # 7.2 - 7.5 = -0.3 holds as 回落0.3; 回落0.5 (-0.5) is outside [-0.4, -0.2]
    ok = "规模以上工业增加值增长7.2%，增速较上年同期的7.5%回落0.3个百分点。"
    bad = "规模以上工业增加值增长7.2%，增速较上年同期的7.5%回落0.5个百分点。"
    assert _inconsistent(tmp_path, ok, pack) == []
    assert any("回落0.5个百分点" in q for q in _inconsistent(tmp_path, bad, pack))


def _metrics(text: str, pack: RulePack) -> dict[str, str]:
    claims = draft_claims(text, pack, "全省", 2025).claims
    return {simplified(c.values[0]).lstrip("为"): str(dict(c.fields).get("metric")) for c in claims}


def test_the_compared_rate_of_the_same_period_is_named_by_its_words(pack: RulePack) -> None:
    # 3.54% is no second reading of 经济成长率 2026: it is the November forecast of it
    text = "将今年经济成长率从去年11月预测3.54%，一举上修为7.71%，上修4.17个百分点。"
    metrics = _metrics(text, pack)
    assert metrics["3.54%"] == "经济成长率（去年11月预测）"
    assert metrics["7.71%"] == "经济成长率"
    # a compared rate that borrowed its metric takes the later rate's, named as estimated
    text = "第四季民间消费实质成长3.43%，是六季以来最高，较预测数3.14%增加0.29个百分点。"
    assert _metrics(text, pack)["3.14%"] == "民间消费（预测数）"


def test_the_compared_rate_of_another_year_keeps_its_metric(pack: RulePack) -> None:
    # 7.5% is of 2024, 8.1% of 2025: two quantities, no name added
    text = "2025年全市生产总值增长8.1%，比上年的7.5%提高0.6个百分点。"
    assert _metrics(text, pack)["7.5%"] == _metrics(text, pack)["8.1%"]


@pytest.mark.parametrize(
    ("points", "flagged"),
    [
        ("0.29", False),  # 3.43 - 3.14 = 0.29 ([3.425 - 3.145, 3.435 - 3.135] = [0.28, 0.30])
        ("0.59", True),  # 0.59 ([0.585, 0.595]) is outside [0.28, 0.30]
    ],
)
def test_check_article_checks_a_revision_against_the_forecast(
    tmp_path: Path, pack: RulePack, points: str, flagged: bool
) -> None:
    text = f"第四季民间消费实质成长3.43%，是六季以来最高，较预测数3.14%增加{points}个百分点。"
    assert any(points in q for q in _inconsistent(tmp_path, text, pack)) is flagged


@pytest.mark.parametrize(
    ("points", "flagged"),
    [
        ("0.05", False),  # 8.68 - 8.63 = 0.05 ([0.04, 0.06])
        ("0.50", True),  # [0.495, 0.505] is outside [0.04, 0.06]
    ],
)
def test_a_headline_repeated_in_full_width_signs_is_one_value(
    tmp_path: Path, pack: RulePack, points: str, flagged: bool
) -> None:
    # 8.68% and 8.68％ are one value: no doubt of two readings, so the revision is checked
    text = (
        "全年经济成长率8.68%。\n\n"
        f"据统计，全年经济成长率8.68％，较1月概估数8.63％上修{points}个百分点。"
    )
    assert any(points in q for q in _inconsistent(tmp_path, text, pack)) is flagged


@pytest.mark.parametrize(
    ("points", "flagged"),
    [
        ("0.2", False),  # (4.2 - 5.0) / 4 years = -0.2 points a year ([-0.225, -0.175])
        ("0.5", True),  # -0.5 ([-0.55, -0.45]) is outside [-0.225, -0.175]
    ],
)
def test_points_a_year_are_an_average_over_the_span(
    tmp_path: Path, pack: RulePack, points: str, flagged: bool
) -> None:
    # 年均下降 in points is a change a year (a cagr in points), not the change over the span:
    # drafted as the latter, the true 0.2 read against the levels' -0.8 was a false alarm
    text = (
        "2016年全市城镇调查失业率为5.0%。\n\n2020年全市城镇调查失业率为4.2%。\n\n"
        f"2016~2020年，全市城镇调查失业率年均下降{points}个百分点。"
    )
    assert any(points in q for q in _inconsistent(tmp_path, text, pack)) is flagged


@pytest.mark.parametrize(
    ("points", "flagged"),
    [
        ("1.04", False),  # (59.58 - 17.92) / 40 = 1.0415 ([1.04125, 1.04175]) in [1.035, 1.045]
        ("1.24", True),  # [1.235, 1.245] is far from 1.0415
    ],
)
def test_points_a_year_of_a_share_moved_from_one_rate_to_another(
    tmp_path: Path, pack: RulePack, points: str, flagged: bool
) -> None:
    # the points change the share they follow: its metric, as sure as the share's
    text = f"1978~2018年，城镇人口占总人口比重由17.92%增加到59.58%，平均每年提高{points}个百分点。"
    assert any(points in q for q in _inconsistent(tmp_path, text, pack)) is flagged


@pytest.mark.parametrize(
    ("forecast", "flagged"),
    [
        ("2.91", False),  # 7.64 - 2.91 = 4.73 ([4.72, 4.74])
        ("3.21", True),  # 7.64 - 3.21 = 4.43 ([4.42, 4.44]), not 4.73 ([4.725, 4.735])
    ],
)
def test_check_article_checks_a_revision_compared_with_gao_yu(
    tmp_path: Path, pack: RulePack, forecast: str, flagged: bool
) -> None:
    text = f"今年第3季GDP成长率为7.64%，远高于8月预测的{forecast}%，上修4.73个百分点。"
    assert any("4.73" in q or forecast in q for q in _inconsistent(tmp_path, text, pack)) is flagged


@pytest.mark.parametrize(
    ("text", "amount", "start", "end"),
    [
        # an amount more than a forecast: 412.5 - 398.2 = 14.3
        (
            "第三季出口值达412.5亿美元，较预测数398.2亿美元多出14.3亿美元。",
            "多出14.3亿美元",
            "398.2亿美元",
            "达412.5亿美元",
        ),
        # in traditional characters, an amount less than the first estimate: 96 - 120 = -24
        (
            "全年營收達96億元，較原預估120億元少24億元。",
            "少24亿元",
            "120亿元",
            "达96亿元",
        ),
    ],
)
def test_an_amount_of_difference_links_the_two_amounts(
    pack: RulePack, text: str, amount: str, start: str, end: str
) -> None:
    assert _links(text, pack)[amount] == (start, end)


@pytest.mark.parametrize(
    ("amount", "flagged"),
    [
        ("14.3", False),  # 412.5 - 398.2 = 14.3 ([412.45 - 398.25, 412.55 - 398.15] = [14.2, 14.4])
        ("24.3", True),  # [24.25, 24.35] is outside [14.2, 14.4]
    ],
)
def test_check_article_checks_an_amount_more_than_a_forecast(
    tmp_path: Path, pack: RulePack, amount: str, flagged: bool
) -> None:
    text = f"第三季出口值达412.5亿美元，较预测数398.2亿美元多出{amount}亿美元。"
    assert any(amount in q for q in _inconsistent(tmp_path, text, pack)) is flagged


def test_an_amount_of_difference_without_the_later_amount_is_in_doubt(pack: RulePack) -> None:
    # nothing states what is 14.3亿美元 more than 398.2亿美元: no change over a year either
    claims = draft_claims("较预测数398.2亿美元多出14.3亿美元。", pack, "全省", 2025).claims
    (gap,) = [c for c in claims if c.values[0] == "多出14.3亿美元"]
    assert gap.kind == "growth" and not gap.confident
    assert "start" not in dict(gap.fields)


def test_an_amount_more_than_last_year_is_a_change_over_the_year(pack: RulePack) -> None:
    # 多出 against a time is a change (5亿元 more than in 2024), not a gap to a stated figure
    claims = draft_claims("2025年全市出口额比上年多出5亿元。", pack, "全市", 2025).claims
    (change,) = [c for c in claims if c.values[0] == "多出5亿元"]
    assert change.kind == "growth" and change.confident
