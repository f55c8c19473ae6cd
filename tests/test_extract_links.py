"""Links between drafted claims (factcheck.extract.links): a change names the level it starts
or ends at, a share its part, a rank the growth it ranks; references to claims left out of a
file are dropped, so that every drafted file loads.

The sentences are of the shapes of real releases (a national grain announcement, provincial
GDP releases, a work report): each expected link is read off the sentence by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract import run_extract
from factcheck.extract.check import check_article
from factcheck.extract.draft import draft_claims
from factcheck.extract.links import keep_refs, retarget
from factcheck.extract.model import DraftClaim
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack, load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _by_value(claims: tuple[DraftClaim, ...]) -> dict[str, tuple[str, dict[str, object]]]:
    """Each item's value → (its id, its fields), 'respectively' lists expanded."""
    out: dict[str, tuple[str, dict[str, object]]] = {}
    for c in claims:
        for i, value in enumerate(c.values):
            fields: dict[str, object] = {
                k: (v[i] if isinstance(v, tuple) and len(v) == len(c.ids) else v)
                for k, v in c.fields
            }
            out[value] = (c.ids[i], fields)
    return out


def test_a_change_ends_at_the_level_of_its_sentence(pack: RulePack) -> None:
    # Both changes run from 2016 to 2017; the 2017 level is their end.
    text = "2017年全国粮食总产量61791万吨，比2016年增加166万吨，增长0.3%。"
    got = _by_value(draft_claims(text, pack).claims)
    level_id, _ = got["61791万吨"]
    assert got["增加166万吨"][1]["end"] == level_id
    assert got["0.3%"][1]["end"] == level_id
    assert "start" not in got["0.3%"][1]  # the 2016 level is not stated


def test_a_growth_starts_at_the_level_of_its_base(pack: RulePack) -> None:
    # 同比 by default: the 2025 growth runs from the 2024 level.
    got = _by_value(draft_claims("2024年粮食产量69541万吨，2025年增长1.3%。", pack).claims)
    assert got["1.3%"][1]["start"] == got["69541万吨"][0]
    assert "end" not in got["1.3%"][1]


def test_a_cagr_starts_and_ends_at_its_levels(pack: RulePack) -> None:
    text = "集群产值从2021年的669亿元增长到2025年的2586亿元，年均增长33.8%。"
    got = _by_value(draft_claims(text, pack).claims)
    cagr = got["33.8%"][1]
    assert cagr["start"] == got["669亿元"][0]
    assert cagr["end"] == got["2586亿元"][0]


def test_each_growth_of_a_list_ends_at_its_own_level(pack: RulePack) -> None:
    text = "第一产业增加值83086亿元，比上年增长7.1%；第二产业增加值450904亿元，增长8.2%。"
    got = _by_value(draft_claims(text, pack).claims)
    assert got["7.1%"][1]["end"] == got["83086亿元"][0]
    assert got["8.2%"][1]["end"] == got["450904亿元"][0]
    # 'respectively' lists: item by item
    text = "城乡居民人均可支配收入分别达55689元、24359元，分别增长5.5%、7.7%。"
    got = _by_value(draft_claims(text, pack).claims)
    assert got["5.5%"][1]["end"] == got["达55689元"][0]
    assert got["7.7%"][1]["end"] == got["24359元"][0]


def test_a_rank_of_a_growth_rate_names_the_growth(pack: RulePack) -> None:
    got = _by_value(draft_claims("2025年全市GDP增长6.5%，增速居全省第3位。", pack).claims)
    rank = next(f for v, (_, f) in got.items() if "3" in v and "6.5" not in v)
    assert rank["ref"] == got["6.5%"][0]


def test_a_share_after_its_whole_names_it(pack: RulePack) -> None:
    got = _by_value(
        draft_claims("2024年全省进出口总额2000亿美元，其中电子产品占比81.3%。", pack).claims
    )
    assert got["81.3%"][1]["total"] == got["2000亿美元"][0]
    assert got["81.3%"][1]["metric"] == "电子产品"


def test_a_sums_total_is_a_metric_and_stays(pack: RulePack) -> None:
    text = "粮食产量69541万吨。其中，夏粮产量14615万吨，秋粮产量52092万吨。"
    claims = list(draft_claims(text, pack).claims)
    (total,) = [dict(c.fields)["total"] for c in claims if c.kind == "sum"]
    assert total == "粮食产量"
    kept = keep_refs(claims)  # 粮食产量 names no claim, yet it is no reference to drop
    assert [dict(c.fields).get("total") for c in kept if c.kind == "sum"] == ["粮食产量"]


def test_an_amount_links_to_a_level_in_its_unit_only(pack: RulePack) -> None:
    # 十年 is a length of time: neither the metric nor the level of 增加70万亿元.
    for c in draft_claims("十年增加近70万亿元。", pack).claims:
        assert "end" not in dict(c.fields) and "start" not in dict(c.fields), c
    # the level of the sentence in the amount's unit is its end
    got = _by_value(draft_claims("国内生产总值121万亿元，十年增加近70万亿元。", pack).claims)
    assert got["近增加70万亿元"][1]["end"] == got["121万亿元"][0]


@pytest.mark.parametrize(
    "text",
    [
        "全省粮食产量69541万吨。棉花产量增长6.1%。",  # another metric, another sentence
        "粮食产量69541万吨，棉花产量增长6.1%。",  # another metric
        "2023年粮食产量69541万吨，2025年增长1.3%。",  # a level at neither end (2024, 2025)
    ],
)
def test_no_link_the_text_does_not_fix(pack: RulePack, text: str) -> None:
    for c in draft_claims(text, pack).claims:
        names = {n for n, _ in c.fields}
        assert not names & {"start", "end", "part", "ref"}, c


def test_references_to_claims_left_out_are_dropped(pack: RulePack) -> None:
    claims = list(draft_claims("粮食总产量61791万吨，增长0.3%。", pack).claims)
    level, growth = claims
    assert dict(growth.fields)["end"] == level.ids[0]
    (alone,) = keep_refs([growth])
    assert "end" not in dict(alone.fields)
    assert keep_refs(claims) == claims  # nothing to drop
    moved = retarget(growth, {level.ids[0]: "grain-2025"})
    assert dict(moved.fields)["end"] == "grain-2025"


def test_drafted_links_load_and_check(tmp_path: Path, pack: RulePack) -> None:
    # 166 / (61791 - 166) = 0.269%: "增长0.5%" contradicts the two levels it links.
    article = tmp_path / "a.txt"
    article.write_text("2017年全国粮食总产量61791万吨，比上年增加166万吨，增长0.5%。\n", "utf-8")
    out = tmp_path / "a.yaml"
    run_extract(article, out, None, False, pack)
    file = load_claims(out, pack, str(out))
    growth = next(c for c in file.claims if c.kind == "growth" and c.value and "%" in c.value.text)
    assert growth.refs["end"] in {c.id for c in file.claims}
    result = check_article(article, str(article), pack, tmp_path)
    assert not result.problems
    assert any(f.verdict == "inconsistent" for f in result.findings)


def test_merge_drops_a_link_to_a_claim_the_file_has_already(tmp_path: Path, pack: RulePack) -> None:
    article = tmp_path / "a.txt"
    article.write_text("2017年全国粮食总产量61791万吨，比上年增长0.3%。\n", "utf-8")
    user = tmp_path / "a.yaml"
    user.write_text(
        "article: a.txt\nentity: 全国\nyear: 2017\nclaims:\n"
        "  - id: grain\n    kind: level\n    quote: 2017年全国粮食总产量61791万吨\n"
        "    metric: 粮食总产量\n    period: 2017\n    value: 61791万吨\n",
        "utf-8",
    )
    run_extract(article, None, user, False, pack)
    file = load_claims(user, pack, str(user))  # loads: no reference to a claim not in the file
    assert [c.kind for c in file.claims] == ["level", "growth"]
    assert "end" not in file.claims[1].refs


def test_an_english_change_links_to_the_level_of_its_sentence(pack: RulePack) -> None:
    # 'decreased $1.2 billion to $138.9 billion in May': the level is where the change ends
    # (May), the change an amount in the level's unit; 'up 1.9 percent from March' ends at the
    # April level as well. The rules are the Chinese path's (extract/links.py).
    text = (
        "Exports of goods decreased $1.2 billion to $138.9 billion in May 2019. "
        "Wholesale sales in April 2021 were $612.5 billion, up 1.9 percent from March."
    )
    got = _by_value(draft_claims(text, pack).claims)
    assert got["decreased $1.2 billion"][1]["end"] == got["$138.9 billion"][0]
    assert got["up 1.9 percent"][1]["end"] == got["$612.5 billion"][0]
    assert "start" not in got["up 1.9 percent"][1]  # the March level is not stated
    # another metric in the sentence: no link
    text = "Exports of goods were $138.9 billion in May 2019, while imports grew 0.3 percent."
    for c in draft_claims(text, pack).claims:
        assert not {n for n, _ in c.fields} & {"start", "end"}, c


def test_a_rate_links_to_its_level_not_to_a_gloss_in_another_unit(pack: RulePack) -> None:
    # 48,000 yuan (7,100 U.S. dollars): the rate of 30 percent is of the yuan figure, the unit
    # the quantity is first stated in; the dollar figure nearer to it is a conversion.
    text = (
        "GDP per capita reached 48,000 yuan (7,100 U.S. dollars) in 2019, up 30 percent from 2015."
    )
    got = _by_value(draft_claims(text, pack).claims)
    assert got["up 30 percent"][1]["end"] == got["48,000 yuan"][0]
