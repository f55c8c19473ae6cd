"""English figures as printed (issue 14, point 2): values, the English part of the qualifier
lexicon, and a claims file for an English article that checks exactly as a Chinese one.

Every expectation is worked out by hand in its comment.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.coverage import uncovered
from factcheck.engine import check_file
from factcheck.interval import stated_interval
from factcheck.loader import load_claims
from factcheck.mentions import find_mentions
from factcheck.numbers import parse_value
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


# (as printed, number, unit factor, dimension, interval of the number before the unit factor)
VALUES = [
    ("$612B", Decimal(612), 1e9, "[currency_usd]", (611.5, 612.5)),  # B = 1e9 dollars
    ("$48 billion", Decimal(48), 1e9, "[currency_usd]", (47.5, 48.5)),
    ("US$1.2 trillion", Decimal("1.2"), 1e12, "[currency_usd]", (1.15, 1.25)),
    ("€3.4m", Decimal("3.4"), 1e6, "[currency_eur]", (3.35, 3.45)),  # m = million after €
    ("12%", Decimal(12), 0.01, "", (11.5, 12.5)),
    ("1.4 %", Decimal("1.4"), 0.01, "", (1.35, 1.45)),  # a space before %
    ("−5.0%", Decimal("-5.0"), 0.01, "", (-5.05, -4.95)),  # a leading minus sign U+2212
    ("1.5 percentage points", Decimal("1.5"), 0.01, "[percentage_point]", (1.45, 1.55)),
    ("up 12%", Decimal(12), 0.01, "", (11.5, 12.5)),
    ("down $3B", Decimal(-3), 1e9, "[currency_usd]", (-3.5, -2.5)),  # a fall of 3 ± 0.5
    ("1.2 million", Decimal("1.2"), 1e6, "", (1.15, 1.25)),
    ("up 9% year-over-year", Decimal(9), 0.01, "", (8.5, 9.5)),
    # The English lexicon: about/roughly ± one unit of the last significant digit, nearly up to
    # 10% below, more than/over/at least a floor, less than a ceiling (from 0).
    ("about $5B", Decimal(5), 1e9, "[currency_usd]", (4, 6)),
    ("roughly 1.36", Decimal("1.36"), 1.0, "", (1.35, 1.37)),
    ("nearly 20%", Decimal(20), 0.01, "", (18, 20)),  # 20 - 10% of 20
    ("more than $48 billion", Decimal(48), 1e9, "[currency_usd]", (48, float("inf"))),
    ("at least 5%", Decimal(5), 0.01, "", (5, float("inf"))),
    ("less than 3%", Decimal(3), 0.01, "", (0, 3)),
    ("over 100", Decimal(100), 1.0, "", (100, float("inf"))),
    ("US$1.2 trillion or more", Decimal("1.2"), 1e12, "[currency_usd]", (1.2, float("inf"))),
]


@pytest.mark.parametrize(("text", "number", "factor", "dimension", "interval"), VALUES)
def test_english_values(
    pack: RulePack,
    text: str,
    number: Decimal,
    factor: float,
    dimension: str,
    interval: tuple[float, float],
) -> None:
    stated = parse_value(text, pack.lexicon)
    assert stated.text == text and stated.form == "number" and stated.number == number
    unit = unit_info(stated.unit)
    assert (unit.factor, unit.dimension) == (factor, dimension)
    got = stated_interval(stated, pack.rounding)
    assert (got.lo, got.hi) == pytest.approx(interval)


def test_english_multiples_and_fractions(pack: RulePack) -> None:
    doubled = parse_value("doubled", pack.lexicon)
    # At least ×2, short of tripled.
    assert (doubled.form, doubled.lo, doubled.hi) == ("multiple", Decimal(2), Decimal(3))
    tripled = parse_value("tripled", pack.lexicon)
    assert (tripled.lo, tripled.hi) == (Decimal(3), Decimal(4))
    third = parse_value("a third", pack.lexicon)
    assert third.number == Decimal(1) / Decimal(3) and third.exponent is None  # exact


def test_symbols_of_units_are_not_english_words(pack: RulePack) -> None:
    # 2.4GW, 1e8 and 0.9pp keep their meaning: units.txt symbols and an exponent.
    assert unit_info(parse_value("2.4GW", pack.lexicon).unit).factor == 1e9
    assert parse_value("1e8", pack.lexicon).number == Decimal("1e8")
    assert unit_info(parse_value("0.9pp", pack.lexicon).unit).is_points


def test_the_mention_finder_sees_english_figures() -> None:
    text = "Revenue was $612B, up 12%; 1.5 percentage points; €3.4m."
    # $612B: the figure and its letter (612B) at offset 13 ("Revenue was $" is 13 characters).
    found = [(m.text, m.start, m.value) for m in find_mentions(text)]
    assert found == [("612B", 13, 612.0), ("12%", 22, 12.0), ("1.5", 27, 1.5), ("3.4m", 51, 3.4)]


ARTICLE = (
    "Acme's revenue was $546.4B in 2024 and $612B in 2025, up 12% year-over-year.\n"
    "Net income fell 8% to $40.2 billion in 2025, from $45.1 billion in 2024.\n"
    "Cloud revenue doubled to $23.4B in 2025 from $10.1B in 2024.\n"
)
CLAIMS = """version: 1
article: article.txt
entity: Acme
claims:
  - {id: rev-2024, kind: level, quote: $546.4B in 2024, metric: revenue, period: "2024",
     value: $546.4B}
  - {id: rev-2025, kind: level, quote: $612B in 2025, metric: revenue, period: "2025", value: $612B}
  - {id: rev-growth, kind: growth, quote: up 12% year-over-year, metric: revenue, period: "2025",
     value: up 12% year-over-year}
  - {id: ni-2024, kind: level, quote: $45.1 billion in 2024, metric: net income, period: "2024",
     value: $45.1 billion}
  - {id: ni-2025, kind: level, quote: $40.2 billion in 2025, metric: net income, period: "2025",
     value: $40.2 billion}
  - {id: ni-growth, kind: growth, quote: Net income fell 8%, metric: net income, period: "2025",
     value: fell 8%}
  - {id: c-2024, kind: level, quote: $10.1B in 2024, metric: cloud revenue, period: "2024",
     value: $10.1B}
  - {id: c-2025, kind: level, quote: $23.4B in 2025, metric: cloud revenue, period: "2025",
     value: $23.4B}
  - {id: c-multiple, kind: multiple, quote: Cloud revenue doubled, metric: cloud revenue,
     period: "2025", base: "2024", value: doubled}
"""


def test_an_english_article_checks_as_a_chinese_one(tmp_path: Path, pack: RulePack) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    file = load_claims(tmp_path / "claims.yaml", pack)
    result = check_file(file, pack)
    verdicts = {(f.code, f.claim, f.verdict) for f in [*result.findings, *result.passed]}
    # Revenue: 612/546.4 - 1 = 12.006%, range [611.5/546.45 - 1, 612.5/546.35 - 1] =
    # [11.904%, 12.108%] meets 12% = [11.5%, 12.5%].
    assert ("FC101", "rev-growth", "consistent") in verdicts
    # Net income: [40.15/45.15 - 1, 40.25/45.05 - 1] = [-11.074%, -10.655%] misses -8% ± 0.5.
    assert ("FC101", "ni-growth", "inconsistent") in verdicts
    # Cloud: [23.35/10.15, 23.45/10.05] = [2.3005, 2.3333] within doubled = [2, 3].
    assert ("FC103", "c-multiple", "consistent") in verdicts
    errors = [f.claim for f in result.findings if f.severity == "error"]
    assert errors == ["ni-growth"]
    # Every figure of the article (the years too) is inside a quote.
    missing, total = uncovered(file)
    # Line 1: 546.4B, 2024, 612B, 2025, 12%; line 2: 8%, 40.2, 2025, 45.1, 2024; line 3:
    # doubled, 23.4B, 2025, 10.1B, 2024: 5 + 5 + 5 = 15.
    assert missing == [] and total == 15
