"""Everyday forms of statistical releases (issue 14, point 3), each as printed in simplified
and in traditional characters, with the interval worked out by hand."""

from __future__ import annotations

import pytest

from factcheck.interval import stated_interval
from factcheck.numbers import Lexicon, parse_value
from factcheck.rulepack import load_pack
from factcheck.units import unit_info


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_pack().lexicon


# (simplified, traditional, lo, hi of the quantity in base units, form)
FORMS = [
    # 2万多亿: more than 2万亿, short of 3万亿 (多 after 万, before 亿): [2e12, 3e12] 元.
    ("增加2万多亿元", "增加2萬多億元", 2e12, 3e12, "number"),
    # 3亿多人: [3, 4] × 1e8 persons.
    ("3亿多人", "3億多人", 3e8, 4e8, "number"),
    # 30多万人: [30, 40] × 1e4 persons.
    ("30多万人", "30多萬人", 3e5, 4e5, "number"),
    # 5千多万元: [5, 6] × 1e7 元.
    ("5千多万元", "5千多萬元", 5e7, 6e7, "number"),
    # 暴增12.7倍: an increase reading, ×(12.7 + 1) = 13.7 ± 0.05.
    ("暴增12.7倍", "暴增12.7倍", 13.65, 13.75, "multiple"),
    # 猛增35%: +35% ± 0.5 as a rate (0.01 per %).
    ("猛增35%", "猛增35%", 0.345, 0.355, "number"),
    # 持平: a change of zero, to the unit of a rate: [-0.5%, 0.5%].
    ("持平", "持平", -0.005, 0.005, "number"),
    # ‰: 5‰ = [4.5, 5.5] × 0.001.
    ("5‰", "5‰", 0.0045, 0.0055, "number"),
    # A space before %: 1.4 % = [1.35%, 1.45%].
    ("1.4 %", "1.4 %", 0.0135, 0.0145, "number"),
    # A leading minus, ASCII or U+2212: -3.5% = [-3.55%, -3.45%].
    ("−3.5%", "-3.5%", -0.0355, -0.0345, "number"),
    # 约 with 增长 in traditional: 增長約12% = 12 ± 1 (last significant digit).
    ("增长约12%", "增長約12%", 0.11, 0.13, "number"),
]


@pytest.mark.parametrize(("simp", "trad", "lo", "hi", "form"), FORMS)
def test_everyday_forms(
    lexicon: Lexicon, simp: str, trad: str, lo: float, hi: float, form: str
) -> None:
    pack = load_pack()
    for text in (simp, trad):
        stated = parse_value(text, lexicon)
        assert stated.form == form and stated.text == text
        factor = unit_info(stated.unit).factor if form == "number" else 1.0
        got = stated_interval(stated, pack.rounding).scale(factor)
        assert (got.lo, got.hi) == pytest.approx((lo, hi))
