"""Units: each figure converted to base units, worked out by hand in the comments.

The base units are those of ``data/units.txt``: 元 for money, 克 (g) for mass, 米 for length,
瓦 for power, and one dimension per kind of count.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import units
from factcheck.errors import ValueProblem
from factcheck.numbers import Lexicon, parse_value
from factcheck.units import definitions_digest, unit_info

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "scripts" / "gen_units_table.py"

LEXICON = Lexicon({}, {})


def base(text: str) -> tuple[float, str]:
    """A written figure in base units, and its dimension (as the loader converts it)."""
    stated = parse_value(text, LEXICON)
    unit = unit_info(stated.unit)
    return float(stated.number) * stated.factor * unit.factor, unit.dimension


@pytest.mark.parametrize(
    ("text", "expected", "dimension"),
    [
        # 670 × 1e8 (亿) = 6.7e10 元
        ("670亿元", 6.7e10, "[currency_cny]"),
        # 15.6 × 1e4 (万) = 156,000 元
        ("15.6万元", 1.56e5, "[currency_cny]"),
        # 570 × 1e4 (万) t = 5.7e6 t; × 1e6 g/t = 5.7e12 g (= 5.7e9 kg)
        ("570万吨", 5.7e12, "[mass]"),
        # 7912 × 1e4 = 79,120,000 m³
        ("7912万立方米", 7.912e7, "[length]^3"),
        # 47.2 × 1000 = 47,200 m
        ("47.2公里", 4.72e4, "[length]"),
        # 536.31 kg = 536,310 g per 亩 of 10000/15 m²: 536310 × 15 / 10000 = 804.465 g/m²
        ("536.31公斤/亩", 804.465, "[length]^-2*[mass]"),
        # two units of 100 × 1e4 × 1000 W: 2 × 1e9 = 2e9 W
        ("2×100万千瓦", 2e9, "[power]"),
        # 33.8 × 0.01 = 0.338, a pure number
        ("33.8%", 0.338, ""),
        # 0.9 × 0.01 = 0.009, in a dimension of its own (a difference of rates)
        ("0.9个百分点", 0.009, "[percentage_point]"),
        # 2.8 × 1e4 = 28,000 households
        ("2.8万户", 2.8e4, "[household]"),
        ("22096人", 22096.0, "[person]"),
        ("6个", 6.0, "[item]"),
        ("167家", 167.0, "[firm]"),
        # 1.5 × 1e12 (万亿) = 1.5e12 元
        ("1.5万亿元", 1.5e12, "[currency_cny]"),
        # 百亿 is a prefix of its own: 3 × 1e10 元
        ("3百亿元", 3e10, "[currency_cny]"),
    ],
)
def test_base_units(text: str, expected: float, dimension: str) -> None:
    value, dim = base(text)
    assert value == pytest.approx(expected, rel=1e-12)
    assert dim == dimension


def test_percentage_point_is_not_percent() -> None:
    assert unit_info("%").is_percent
    assert not unit_info("%").is_points
    assert unit_info("个百分点").is_points
    assert unit_info("百分点").is_points
    assert unit_info("个百分点").dimension != unit_info("%").dimension


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("户", "人"),
        ("人", "个"),
        ("个", "家"),
        ("家", "户"),
        ("元", "吨"),
        ("元", "美元"),  # no exchange rate is assumed
        ("亿元", "个百分点"),
        ("立方米", "平方米"),
        ("千瓦", "千瓦时"),
    ],
)
def test_different_dimensions_never_equal(a: str, b: str) -> None:
    assert unit_info(a).dimension != unit_info(b).dimension


@pytest.mark.parametrize("same", ["公斤／亩", "公斤÷亩", "公斤 / 亩", "kg/亩", "千克/亩"])
def test_slash_forms_equal(same: str) -> None:
    # pint reads a full-width slash or ÷ as multiplication unless they are mapped to '/'
    ref = unit_info("公斤/亩")
    got = unit_info(same)
    assert got.dimension == ref.dimension == "[length]^-2*[mass]"
    assert got.factor == pytest.approx(ref.factor)  # 1000 g / 666.67 m² = 1.5 g/m²
    assert got.factor == pytest.approx(1.5)


def test_space_between_prefix_and_unit() -> None:
    # "亿 元" fails in pint itself (docs/stack-notes.md); spaces are dropped first
    assert unit_info("亿 元").factor == pytest.approx(1e8)


def test_mu_is_a_fifteenth_of_a_hectare() -> None:
    # 1 亩 = 10000/15 m² = 666.666… m²; 15 亩 = 1 公顷
    assert unit_info("亩").factor == pytest.approx(10000 / 15)
    assert 15 * unit_info("亩").factor == pytest.approx(unit_info("公顷").factor)


def test_jin_and_tonne() -> None:
    assert unit_info("斤").factor == pytest.approx(500)  # 1 斤 = 500 g
    assert unit_info("吨").factor == pytest.approx(1e6)  # 1 t = 1,000 kg = 1e6 g


def test_cached_by_text() -> None:
    assert unit_info("万吨") is unit_info("万吨")


@pytest.mark.parametrize(
    "text",
    [
        "斗",  # not defined
        "foo",
        "元元元x",
        "元^2^",  # pint syntax error
        "元/0",  # division by zero inside pint
        "亿元;import os",  # characters not allowed
        "元(1)",
        "万元^99",  # refuses powers
        "x" * 100,  # too long
        "1/0",
    ],
)
def test_unknown_unit_is_e109(text: str) -> None:
    with pytest.raises(ValueProblem) as info:
        unit_info(text)
    assert info.value.code == "E109"


def test_unknown_unit_in_a_value_is_e109() -> None:
    stated = parse_value("3斗", LEXICON)
    with pytest.raises(ValueProblem) as info:
        unit_info(stated.unit)
    assert info.value.code == "E109"


def test_empty_unit_is_a_pure_number() -> None:
    info = unit_info("")
    assert (info.factor, info.dimension) == (1.0, "")


def test_a_damaged_cache_entry_is_parsed_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    # The on-disk table of parsed units (units.KNOWN) is user-writable: never trust a NaN,
    # zero or negative factor from it.
    # Compound units: the shipped table (units-table.json) does not hold them.
    damaged = {"公斤/亩": (float("nan"), "[mass]"), "元/平方米": (-1.0, "x")}
    assert not set(damaged) & set(units.shipped_units())
    monkeypatch.setattr(units, "KNOWN", damaged)
    units.unit_info.cache_clear()
    try:
        # 1000 g over 10000/15 m² is 1.5 g/m²
        assert unit_info("公斤/亩").factor == pytest.approx(1.5)
        assert unit_info("元/平方米").factor == 1.0
    finally:
        units.unit_info.cache_clear()


def test_the_shipped_table_is_in_step_with_units_txt() -> None:
    spec = importlib.util.spec_from_file_location("gen_units_table", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (ROOT / "src" / "factcheck" / "data" / units.SHIPPED).read_text(encoding="utf-8")
    assert shipped == module.render(), "run python scripts/gen_units_table.py"


@pytest.mark.parametrize(
    ("text", "factor", "dimension"),
    [
        ("万吨", 1e10, "[mass]"),  # 1e4 × 1e6 g
        ("亿元", 1e8, "[currency_cny]"),
        ("万千瓦时", 1e4 * 1000 * 3600, "[power]*[time]"),  # 瓦 is a base unit here
    ],
)
def test_shipped_units_need_no_pint(text: str, factor: float, dimension: str) -> None:
    code = (
        "import sys\n"
        "from factcheck.units import unit_info\n"
        f"info = unit_info({text!r})\n"
        "print(info.factor, info.dimension, 'pint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    got_factor, got_dimension, pint = out.stdout.split()
    assert float(got_factor) == pytest.approx(factor)
    assert (got_dimension, pint) == (dimension, "False")


def test_definitions_digest_is_stable() -> None:
    assert len(definitions_digest()) == 64
    assert definitions_digest() == definitions_digest()


def test_count_units_are_counts() -> None:
    # Whole counts of things are exact; money, mass and rates are not counts.
    assert unit_info("家").is_count and unit_info("户").is_count and unit_info("个月").is_count
    assert unit_info("个季度").is_count
    assert not unit_info("元").is_count and not unit_info("吨").is_count
    assert not unit_info("%").is_count


def test_a_magnitude_word_alone_is_a_number() -> None:
    # 120亿 (no unit) is 1.2e10 of nothing in particular, not an unknown unit.
    assert (unit_info("亿").factor, unit_info("亿").dimension) == (1e8, "")
    assert (unit_info("万亿").factor, unit_info("万").factor) == (1e12, 1e4)


@pytest.mark.parametrize(
    ("text", "factor", "dimension"),
    [
        # Units of the genre's energy, port and power statistics (by hand: 1 GW = 1e9 W).
        ("万吨标准煤", 1e4, "[coal_equivalent]"),
        ("万标箱", 1e4, "[teu]"),
        ("架次", 1.0, "[sortie]"),
        ("GW", 1e9, "[power]"),
        ("千伏安", 1e3, "[apparent_power]"),
    ],
)
def test_more_units_of_the_genre(text: str, factor: float, dimension: str) -> None:
    info = unit_info(text)
    assert (info.factor, info.dimension) == (pytest.approx(factor), dimension)


def test_the_shipped_table_is_used_only_with_its_units_txt(monkeypatch: pytest.MonkeyPatch) -> None:
    # An edited units.txt (another digest) with a table not yet regenerated: pint decides.
    units.shipped_units.cache_clear()
    monkeypatch.setattr(units, "definitions_digest", lambda: "0" * 64)
    try:
        assert units.shipped_units() == {}
    finally:
        units.shipped_units.cache_clear()
    monkeypatch.undo()
    assert units.shipped_units()["亿元"] == (1e8, "[currency_cny]")
