"""A move with no figure of its own (factcheck.extract.moves): ``从63.2%提高到72.7%`` is drafted
as a growth claim whose value is the verb alone, with ``start`` and ``end`` naming the two
values, and checked end to end: the verb's direction against the two values.

Sentences written for the test in the shape of provincial decade reviews; each verdict is
worked out by hand in its comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claimfields import form_fits
from factcheck.extract.check import check_article
from factcheck.extract.draft import draft_claims
from factcheck.numbers import parse_value
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _moves(text: str, pack: RulePack) -> list[dict[str, str | bool | tuple[str, ...]]]:
    claims = draft_claims(text, pack, "全省", 2022).claims
    value = {i: v for c in claims if c.values for i, v in zip(c.ids, c.values, strict=True)}
    out = []
    for c in claims:
        fields = dict(c.fields)
        if c.kind == "growth" and fields.get("value") in ("提高", "缩小", "下降", "增加"):
            start, end = fields["start"], fields["end"]
            assert isinstance(start, str) and isinstance(end, str)
            out.append({**fields, "start": value[start], "end": value[end], "sure": c.confident})
    return out


def _inconsistent(tmp_path: Path, text: str, pack: RulePack) -> list[str]:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    result = check_article(article, str(article), pack, tmp_path)
    assert not result.problems
    return [f.quote for f in result.findings if f.verdict == "inconsistent"]


def test_a_direction_alone_is_a_relative_change_of_that_sign(pack: RulePack) -> None:
    up, down = parse_value("提高", pack.lexicon), parse_value("缩小", pack.lexicon)
    assert (up.lo, up.hi, up.unit, up.reading) == (0, float("inf"), "%", "direction")
    assert (down.lo, down.hi) == (-100, 0)  # a fall, never below -100%
    # only a growth claim says a direction alone (a level, share or cagr of 提高 is E110)
    fits = {k: form_fits(k, up, unit_info(up.unit)) for k in ("growth", "level", "share", "cagr")}
    assert fits == {"growth": True, "level": False, "share": False, "cagr": False}


def test_a_move_is_drafted_with_both_values(pack: RulePack) -> None:
    text = "十年来，城镇化率从63.2%提高到72.7%，城乡居民收入倍差从2013年的2.37缩小到1.94。\n"
    (rate, gap) = _moves(text, pack)
    assert (rate["value"], rate["start"], rate["end"], rate["sure"]) == (
        "提高",
        "63.2%",
        "72.7%",
        True,
    )
    assert (gap["value"], gap["start"], gap["end"], gap["base"]) == ("缩小", "2.37", "1.94", "2013")


@pytest.mark.parametrize(
    "text",
    [
        # a change figure of the pair follows: it says the direction itself
        "城镇化率从2012年的63.2%提高到2022年的72.7%，年均提高0.95个百分点。\n",
        # the size of a fall: a draft may sign its values as falls
        "一季度全省工业增加值降幅从5.3%收窄到2.1%。\n",
        # no 从/由 before the first value: two figures, no move
        "十年来，城镇化率63.2%，提高到72.7%。\n",
        # one time for both values: nothing tells the earlier one's period
        "城镇化率63.2%，提高到72.7%。\n",
    ],
)
def test_no_move_is_drafted_where_the_form_is_not_plain(text: str, pack: RulePack) -> None:
    assert _moves(text, pack) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # (十年来: the earlier value is of 2012, ten years before the article's 2022)
        # 72.7 > 63.2: a rise, as 提高 says
        ("十年来，城镇化率从63.2%提高到72.7%。\n", False),
        # 62.7/63.2 - 1 = -0.79% (at most 62.75/63.15 - 1 = -0.63%): a fall where 提高 says a rise
        ("十年来，城镇化率从63.2%提高到62.7%。\n", True),
        # 1.94 < 2.37: narrower, as 缩小 says
        ("十年来，城乡居民收入倍差从2.37缩小到1.94。\n", False),
        # 2.54/2.37 - 1 = +7.2% (at least 2.535/2.375 - 1 = +6.7%): wider where 缩小 says narrower
        ("十年来，城乡居民收入倍差从2.37缩小到2.54。\n", True),
        # 2.37 and 2.37: [2.365, 2.375] both, so no change is possible, and 缩小 can hold
        ("十年来，城乡居民收入倍差从2.37缩小到2.37。\n", False),
    ],
)
def test_the_direction_is_checked_against_the_values(
    tmp_path: Path, text: str, flagged: bool, pack: RulePack
) -> None:
    assert bool(_inconsistent(tmp_path, text, pack)) is flagged
