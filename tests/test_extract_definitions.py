"""The relations enterprise accounts hold by definition (factcheck.extract.definitions): the
balance sheet, rates defined as ratios, and the three sections of industry, drafted from the
figures of a release and checked end to end.

The text is written for the test in the shape of 国家统计局's monthly release on industrial
profits; each expected verdict is worked out by hand in its comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.check import check_article
from factcheck.extract.draft import draft_claims
from factcheck.rulepack import RulePack, load_pack

# 900.0 + 6000.0 + 100.0 = 7000.0亿元 (the sections make up industry); 7000.0 / 100000.0 = 7.00%
# (营业收入利润率); 60.00 + 40.00 = 100.00万亿元 (资产 = 负债 + 所有者权益); 60.00 / 100.00 =
# 60.0% (资产负债率).
TEXT = (
    "1—11月份，全国规模以上工业企业实现利润总额7000.0亿元，同比增长20.0%。\n"
    "1—11月份，采矿业实现利润总额{mining}亿元，增长50.0%；制造业实现利润总额6000.0亿元，"
    "增长18.0%；电力、热力、燃气及水生产和供应业实现利润总额100.0亿元，下降10.0%。\n"
    "1—11月份，规模以上工业企业实现营业收入100000.0亿元，同比增长15.0%；营业收入利润率为{margin}。\n"
    "11月末，规模以上工业企业资产总计100.00万亿元，同比增长8.0%；负债合计60.00万亿元，增长7.0%；"
    "所有者权益合计{equity}万亿元，增长9.5%；资产负债率为60.0%。\n"
)
GOOD = {"mining": "900.0", "margin": "7.00%", "equity": "40.00"}


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _inconsistent(tmp_path: Path, text: str, pack: RulePack) -> list[str]:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    result = check_article(article, str(article), pack, tmp_path, None)
    assert not result.problems
    return [f.quote for f in result.findings if f.verdict == "inconsistent"]


def test_the_definitions_are_drafted(pack: RulePack) -> None:
    claims = draft_claims(TEXT.format(**GOOD), pack, "全国", 2021).claims
    sums = {dict(c.fields)["total"]: dict(c.fields)["parts"] for c in claims if c.kind == "sum"}
    assert sums["规模以上工业企业利润总额"] == (
        "采矿业利润总额",
        "制造业利润总额",
        "电力、热力、燃气及水生产和供应业利润总额",
    )
    assert sums["规模以上工业企业资产总计"] == ("负债合计", "所有者权益合计")
    shares = {
        c.values[0]: (dict(c.fields)["metric"], dict(c.fields)["whole"])
        for c in claims
        if c.kind == "share" and "whole" in dict(c.fields)
    }
    # the margin's scope is borrowed from 营业收入 in its sentence; its numerator has that scope
    assert shares["为7.00%"] == ("规模以上工业企业利润总额", "规模以上工业企业营业收入")
    assert shares["为60.0%"] == ("负债合计", "规模以上工业企业资产总计")


def test_a_release_that_holds_its_definitions_passes(tmp_path: Path, pack: RulePack) -> None:
    assert _inconsistent(tmp_path, TEXT.format(**GOOD), pack) == []


@pytest.mark.parametrize(
    "change",
    [
        # 2900.0 + 6000.0 + 100.0 = 9000.0 (±0.15), not 7000.0
        {"mining": "2900.0"},
        # 7000.0 / 100000.0 = 7.0000% (7000.05 / 99999.95 = 7.00001% at most), not [7.375, 7.385]
        {"margin": "7.38%"},
        # 60.00 + 42.00 = 102.00 (±0.01), not 100.00
        {"equity": "42.00"},
    ],
)
def test_a_figure_against_its_definition_is_flagged(
    tmp_path: Path, change: dict[str, str], pack: RulePack
) -> None:
    assert _inconsistent(tmp_path, TEXT.format(**(GOOD | change)), pack) != []


def test_a_scope_written_twice_leaves_the_rate_alone(pack: RulePack) -> None:
    # two 营业收入 in the margin's sentence: which one it is a rate of is not plain
    text = TEXT.format(**GOOD).replace(
        "营业收入利润率为", "国有控股企业营业收入50000.0亿元；营业收入利润率为"
    )
    claims = draft_claims(text, pack, "全国", 2021).claims
    assert not any(c.kind == "share" and c.values[0] == "为7.00%" for c in claims)
