"""A change from a time to itself compares nothing: a growth or multiple whose base is its own
period (a draft's 同比 of ``1-2月份`` once got ``base: 1-2月份``) is never checked against the
level of that period, which would read ``3870/3870 = 1.00`` against 增长1.79倍, a false alarm."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from factcheck.engine import check_file
from factcheck.extract.draft import draft_claims
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack, load_pack

ARTICLE = "2025年产值达3870亿元，同比增长1.79倍。2024年产值{before}亿元。\n"


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _codes(tmp_path: Path, pack: RulePack, base: str, before: int = 1387) -> list[str]:
    (tmp_path / "a.txt").write_text(ARTICLE.format(before=before), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "version: 1\narticle: a.txt\nentity: 某市\nclaims:\n"
        "  - {id: a, kind: level, quote: 2025年产值达3870亿元, metric: 产值, period: 2025,"
        " value: 3870亿元}\n"
        f"  - {{id: p, kind: level, quote: 2024年产值{before}亿元, metric: 产值, period: 2024,"
        f" value: {before}亿元}}\n"
        "  - {id: b, kind: multiple, quote: 同比增长1.79倍, metric: 产值, period: 2025,"
        f" base: {base}, value: 增长1.79倍}}\n",
        encoding="utf-8",
    )
    result = check_file(load_claims(tmp_path / "c.yaml", pack), pack)
    return [f.code for f in result.findings if f.verdict == "inconsistent"]


def test_a_base_equal_to_the_period_is_not_checked(tmp_path: Path, pack: RulePack) -> None:
    assert _codes(tmp_path, pack, "2025") == []


def test_the_year_before_is_still_checked(tmp_path: Path, pack: RulePack) -> None:
    # 3870 / 1387 = 2.790 → 增长1.79倍 holds; with 1587 instead: 3870 / 1587 = 2.439 → 1.44倍
    assert _codes(tmp_path, pack, "2024") == []
    assert _codes(tmp_path, pack, "2024", before=1587) == ["FC103"]


@pytest.mark.parametrize("lead", ["", "2021年开局良好。"], ids=["no-year", "year-in-lead"])
def test_a_same_period_change_without_year_has_the_year_before_as_base(
    pack: RulePack, lead: str
) -> None:
    # Published 15 March 2021: 1-2月份 is 2021's, 同比 compares it with 2020's.
    text = lead + "1-2月份，全国规模以上工业企业实现利润总额11140亿元，同比增长1.79倍。\n"
    draft = draft_claims(text, pack, published=datetime.date(2021, 3, 15))
    (level,) = [c for c in draft.claims if c.kind == "level"]
    (multiple,) = [c for c in draft.claims if c.kind == "multiple"]
    fields = dict(multiple.fields)
    assert fields["base"] == "2020年1-2月份"
    assert fields["end"] == level.ids[0] and "start" not in fields  # 2020's level is not stated
