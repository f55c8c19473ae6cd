"""Compound units (公斤/亩, 万元/人) composed from the shipped table, against pint itself."""

from __future__ import annotations

import math
import random
import subprocess
import sys

import pytest

from factcheck import units


def _names() -> list[str]:
    """Every unit name, symbol and alias of units.txt that the shipped table holds."""
    return sorted({units.normalise(n) for n in units.defined_names()} & set(units.shipped_units()))


def _pint(text: str) -> tuple[float, str] | None:
    try:
        return units.parse(text, text)
    except units.ValueProblem:
        return None


def _agree(text: str) -> None:
    composed, by_pint = units.compose(text), _pint(text)
    if composed is None:
        return  # left to pint, which then decides
    assert by_pint is not None, text
    assert composed[1] == by_pint[1], text
    assert math.isclose(composed[0], by_pint[0], rel_tol=1e-12), text


@pytest.mark.parametrize(
    ("text", "factor", "dimension"),
    [  # by hand: 1 亩 = 10000/15 m², so 1 公斤/亩 = 1000 g / 666.67 m² = 1.5 g/m²
        ("公斤/亩", 1.5, "[length]^-2*[mass]"),
        ("万元/人", 1e4, "[currency_cny]*[person]^-1"),
        ("元/平方米", 1.0, "[currency_cny]*[length]^-2"),
        ("万千瓦时/万元", 1e4 * 1000 * 3600 / 1e4, "[currency_cny]^-1*[power]*[time]"),
        ("kg*m/s^2", 1000.0, "[length]*[mass]*[time]^-2"),
        ("元/元", 1.0, ""),
    ],
)
def test_compound_units(text: str, factor: float, dimension: str) -> None:
    composed = units.compose(text)
    assert composed is not None
    assert composed == (pytest.approx(factor), dimension)


@pytest.mark.parametrize("text", ["元/0", "1/0", "元^2^", "/元", "元/", "元//元", "斗/亩", "米^2"])
def test_not_compounds_of_shipped_units(text: str) -> None:
    assert units.compose(text) is None


def test_every_pair_of_shipped_units_agrees_with_pint() -> None:
    names = _names()
    for a in names:
        for b in names:
            _agree(f"{a}/{b}")


def test_products_powers_and_prefixes_agree_with_pint() -> None:
    rng = random.Random(18)
    table = sorted(units.shipped_units())  # with every prefix: 万元, 亿千瓦时
    for _ in range(3000):
        terms = [rng.choice(table) for _ in range(rng.randint(2, 3))]
        text = terms[0] + "".join(rng.choice("/*") + t for t in terms[1:])
        if rng.random() < 0.3:
            text += f"^{rng.randint(2, 3)}"
        _agree(text)


def test_a_compound_unit_needs_no_pint() -> None:
    code = (
        "import sys\n"
        "from factcheck.units import unit_info\n"
        "info = unit_info('公斤/亩')\n"
        "print(info.factor, info.dimension, 'pint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1.5", "[length]^-2*[mass]", "False"]
