"""A unit a rule pack defines (its ``units:`` section) is known to the claims parser, to the
mention finder, to the coverage check and to the extractor alike (issue 14, point 4); and the
English figures written as words (doubled, halved, a third of) are mentions (point 2).

Every expectation is worked out by hand in its comment.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.coverage import uncovered
from factcheck.extract.run import draft_text
from factcheck.loader import load_claims
from factcheck.mentions import find_mentions
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info

# 桶 (a barrel) is no unit of units.txt; the pack defines it as a count of its own.
PACK = "units:\n  - 桶 = [barrel]\n"
TEXT = "2025年全市原油日产量达到3.5万桶，比上年增长12%，新建储油罐三桶位。"


@pytest.fixture
def barrels(tmp_path: Path) -> Iterator[RulePack]:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    yield load_pack(path)
    load_pack()  # the default pack again: the registry and the pattern of units.txt alone


def test_without_the_pack_the_unit_is_unknown() -> None:
    load_pack()
    # 3.5万 stops before 桶; 三 before an unknown word is part of a label, no mention.
    assert [m.text for m in find_mentions(TEXT)] == ["2025年", "3.5万", "12%"]


def test_the_mention_finder_knows_the_packs_unit(barrels: RulePack) -> None:
    found = [(m.text, m.value) for m in find_mentions(TEXT)]
    # 3.5万桶 is one mention (value 3.5 before the 万 magnitude); 三桶 a quantity of 3.
    assert found == [("2025年", 2025.0), ("3.5万桶", 3.5), ("12%", 12.0), ("三桶", 3.0)]
    # The parser agrees: 万桶 is 1e4 barrels.
    assert (unit_info("万桶").factor, unit_info("万桶").dimension) == (1e4, "[barrel]")


def test_the_coverage_check_knows_the_packs_unit(barrels: RulePack, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    claims = tmp_path / "c.yaml"
    claims.write_text(
        "version: 1\narticle: a.txt\nentity: 全市\nclaims:\n"
        "  - {id: oil, kind: level, quote: 2025年全市原油日产量达到3.5万桶, metric: 原油日产量,"
        " period: '2025', value: 达到3.5万桶}\n",
        encoding="utf-8",
    )
    missing, total = uncovered(load_claims(claims, barrels))
    # Four mentions (2025年, 3.5万桶, 12%, 三桶); the quote covers the first two only.
    assert total == 4 and [m.text for m in missing] == ["12%", "三桶"]


def test_the_extractor_knows_the_packs_unit(barrels: RulePack) -> None:
    text, _ = draft_text(TEXT, barrels)
    # The level is drafted with its unit, as written: 达到3.5万桶, not 达到3.5万.
    assert "value: 达到3.5万桶\n" in text


def test_a_pack_without_new_chinese_units_keeps_the_shipped_pattern(tmp_path: Path) -> None:
    from factcheck import mentions  # noqa: PLC0415 - the cached pattern is what is tested

    # A Latin symbol follows digits without any table: no new pattern is compiled for it.
    assert mentions.pattern_for(("bbl = [barrel]",)) is mentions.pattern_for(())
    # A Chinese name: one pattern per pack, built once.
    assert mentions.pattern_for(("桶 = [barrel]",)) is mentions.pattern_for(("桶 = [barrel]",))
    assert mentions.pattern_for(("桶 = [barrel]",)) is not mentions.pattern_for(())


ENGLISH = [
    # (text, the mentions as (text, value, form)); a multiple is the factor, a fraction num/den.
    ("Cloud revenue doubled to $23.4B", [("doubled", 2.0, "multiple"), ("23.4B", 23.4, "arabic")]),
    (
        "Exports tripled; imports trebled",
        [("tripled", 3.0, "multiple"), ("trebled", 3.0, "multiple")],
    ),
    (
        "Output quadrupled and costs halved",
        [("quadrupled", 4.0, "multiple"), ("halved", 0.5, "multiple")],
    ),
    # A fraction that measures something: a third of, by a third, two-thirds, one-third.
    ("A third of sales", [("A third", 1 / 3, "fraction")]),
    ("Profit fell by a third", [("a third", 1 / 3, "fraction")]),
    (
        "two-thirds of firms, three quarters of jobs",
        [("two-thirds", 2 / 3, "fraction"), ("three quarters", 3 / 4, "fraction")],
    ),
    (
        "one-third; cut by half; half of it",
        [("one-third", 1 / 3, "fraction"), ("half", 0.5, "fraction"), ("half", 0.5, "fraction")],
    ),
    # An ordinal or a period is no figure: a third term, the third of five, a quarter earlier.
    ("He won a third term a quarter earlier; the third of five", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_figures_in_words_are_mentions(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    load_pack()
    found = [(m.text, m.value, m.form) for m in find_mentions(text)]
    assert [(t, f) for t, _, f in found] == [(t, f) for t, _, f in expected]
    assert [v for _, v, _ in found] == pytest.approx([v for _, v, _ in expected])
    for m in find_mentions(text):
        assert text[m.start : m.end] == m.text
