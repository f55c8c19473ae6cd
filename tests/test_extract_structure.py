"""The structure of the three industries (三次产业结构为a:b:c) is drafted as the three shares of
GDP and the complete sum of the industries' value added, so that ``check ARTICLE.txt`` checks it
against 100% and against the industries' levels."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli_check import run

from factcheck.extract import draft_claims
from factcheck.rulepack import RulePack, load_pack

# Written for the test. 50.0 + 300.0 + 150.0 = 500.0亿元; 50/500 = 10.0%, 300/500 = 60.0%,
# 150/500 = 30.0%, and 10.0 + 60.0 + 30.0 = 100.
TEXT = (
    "一季度，全市实现地区生产总值500.0亿元。第一产业实现增加值50.0亿元，增长3.0%；"
    "第二产业实现增加值300.0亿元，增长8.0%；第三产业实现增加值150.0亿元，增长6.0%。"
    "三次产业结构为{}。\n"
)


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _structure(text: str, pack: RulePack) -> list[tuple[str, dict[str, object], bool]]:
    draft = draft_claims(text, pack, year=2025)
    return [
        (c.kind, dict(c.fields), c.confident) for c in draft.claims if c.kind in ("share", "sum")
    ]


def test_the_structure_is_three_shares_and_a_complete_sum(pack: RulePack) -> None:
    (share, share_fields, sure), (kind, sum_fields, sum_sure) = _structure(
        TEXT.format("10.0:60.0:30.0"), pack
    )
    assert share == "share" and kind == "sum" and sure and sum_sure
    assert share_fields["metric"] == ("第一产业增加值", "第二产业增加值", "第三产业增加值")
    assert share_fields["whole"] == "地区生产总值" and share_fields["period"] == "2025Q1"
    assert share_fields["value"] == ("10.0%", "60.0%", "30.0%")  # per cent, as the split means
    assert sum_fields["parts"] == share_fields["metric"] and sum_fields["complete"] == "true"
    assert sum_fields["total"] == "地区生产总值"


def test_the_article_checks_its_structure(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(TEXT.format("10.0:60.0:30.0"), encoding="utf-8")
    # 62.0 instead of 60.0: 10.0 + 62.0 + 30.0 = 102.0 ([101.85, 102.15]) is no split of 100%,
    # and 300.0 / 500.0 = 60.0% (at most 300.05 / 499.95 = 60.02%) is not 62.0% ([61.95, 62.05])
    (tmp_path / "bad.txt").write_text(TEXT.format("10.0:62.0:30.0"), encoding="utf-8")
    ok = run(tmp_path, "ok.txt", "--format", "text", "--no-cache", "--published", "2025-04-20")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = run(tmp_path, "bad.txt", "--format", "text", "--no-cache", "--published", "2025-04-20")
    assert bad.returncode == 1
    assert " FC113 " in bad.stdout  # the shares do not add up to 100%
    assert " FC111 " in bad.stdout or " FC119 " in bad.stdout  # 62.0% against 300.0 / 500.0


def test_only_the_structure_after_its_verb_is_drafted(pack: RulePack) -> None:
    text = TEXT.format("").replace(
        "三次产业结构为。", "三次产业结构由12.0:58.0:30.0调整为10.0:60.0:30.0。"
    )
    draft = draft_claims(text, pack, year=2025)
    (share,) = [c for c in draft.claims if c.kind == "share"]
    assert share.values == ("10.0%", "60.0%", "30.0%")
    assert any(s.text == "12.0:58.0:30.0" for s in draft.skipped)  # left for the reviewer
    assert not any(s.text == "10.0:60.0:30.0" for s in draft.skipped)


@pytest.mark.parametrize(
    "text",
    [
        "三次产业结构为1:2:7。",  # 1 + 2 + 7 = 10: no split in per cent
        "投资、消费、出口之比为30:50:20。",  # another split: not the three industries
    ],
)
def test_other_ratios_of_three_are_not_drafted_as_the_structure(text: str, pack: RulePack) -> None:
    assert _structure(text, pack) == []


def test_without_a_figure_of_the_industries_the_structure_is_in_doubt(pack: RulePack) -> None:
    ((_, fields, sure), (_, _, sum_sure)) = _structure("全国三次产业结构为7.1:38.3:54.6。\n", pack)
    assert not sure and not sum_sure  # its period is a guess: not checked as drafted
    assert fields["whole"] == "地区生产总值"


def test_the_whole_is_the_gdp_the_article_names(pack: RulePack) -> None:
    text = TEXT.format("10.0:60.0:30.0").replace("全市实现地区生产总值", "全国国内生产总值")
    ((_, fields, _), _) = _structure(text, pack)
    assert fields["whole"] == "国内生产总值"


CHANGES = (
    "与上年同期相比，第一产业下降0.3个百分点，第二产业下降{}个百分点，第三产业上升0.8个百分点。\n"
)


def _passes(tmp_path: Path, text: str) -> None:
    """``check ARTICLE.txt`` on ``text`` reports no error."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    out = run(tmp_path, "a.txt", "--format", "text", "--no-cache", "--published", "2026-02-01")
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize(("second", "flagged"), [("0.5", False), ("0.7", False), ("1.0", True)])
def test_the_changes_of_the_shares_after_a_structure_are_tied_together(
    tmp_path: Path, second: str, flagged: bool
) -> None:
    # The shares add up to 100% in both years, so their changes add up to zero, each within a
    # unit of its last digit of the true change (an author subtracts the rounded shares):
    # -0.3 - 0.5 + 0.8 = 0 holds; -0.3 - 0.7 + 0.8 = -0.2, within [-0.6, 0.2] with each change
    # ± 0.1, holds; -0.3 - 1.0 + 0.8 = -0.5 is at most -0.2 + -0.9 + 0.9 = -0.2: never 0.
    text = TEXT.format("10.0:60.0:30.0").rstrip("\n") + CHANGES.format(second)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    out = run(tmp_path, "a.txt", "--format", "text", "--no-cache", "--published", "2025-04-20")
    assert out.returncode == (1 if flagged else 0), out.stdout + out.stderr
    assert (" FC119 " in out.stdout) is flagged


def test_changes_of_rounded_shares_may_miss_zero_by_their_rounding(tmp_path: Path) -> None:
    # From 8.4:37.2:54.3 (true 8.44/37.24/54.32) to 8.1:36.9:55.1 (true 8.06/36.86/55.08) the
    # shares moved -0.38, -0.38, +0.76 (sum 0); an author who subtracts the printed shares
    # writes -0.3, -0.3, +0.8 (sum +0.2): consistent, though not within the changes' rounding.
    text = (
        "2025年全市实现地区生产总值3456.78亿元，比上年增长5.6%。三次产业结构由8.4:37.2:54.3调整为"
        "8.1:36.9:55.1，第一产业下降0.3个百分点，第二产业下降0.3个百分点，第三产业上升0.8个百分点。\n"
    )
    _passes(tmp_path, text)


@pytest.mark.parametrize(
    "opening",
    ["2020年", "五年前，", "全省", "年末全市就业人员215.3万人，就业人员的"],
)
def test_a_structure_with_a_time_or_scope_of_its_own_is_in_doubt(
    opening: str, pack: RulePack
) -> None:
    text = TEXT.format("").replace("三次产业结构为。", f"{opening}三次产业结构为12.0:38.0:50.0。")
    ((_, _, sure), (_, _, sum_sure)) = _structure(text, pack)
    assert not sure and not sum_sure


def test_the_nations_gdp_is_apart_from_a_regions_industries(tmp_path: Path) -> None:
    # 405 + 1845 + 2750 = 5000亿元 is the province's GDP; the nation's 1349084亿元 is another
    # entity's, never the sum of the province's industries
    text = (
        "2025年，全国国内生产总值1349084亿元。全省地区生产总值5000亿元，其中，第一产业增加值405亿元，"
        "第二产业增加值1845亿元，第三产业增加值2750亿元。\n"
    )
    _passes(tmp_path, text)


def test_a_change_of_an_industrys_growth_rate_is_no_change_of_its_share(pack: RulePack) -> None:
    changes = CHANGES.format("0.5").replace("第一产业下降", "第一产业增速回落")
    draft = draft_claims(TEXT.format("10.0:60.0:30.0").rstrip("\n") + changes, pack, year=2025)
    metrics = [dict(c.fields).get("metric") for c in draft.claims if c.kind == "growth"]
    assert not any("比重" in str(m) for m in metrics)  # not all three are share changes
    assert [c for c in draft.claims if dict(c.fields).get("shares") == "true"] == []
