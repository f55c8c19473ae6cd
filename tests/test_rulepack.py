"""Rule packs: the default one, a newsroom's pack extending it, and every problem a pack can have,
with its code and position. Identities are parsed by a hand-written parser that can express
arithmetic on names and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import expr as ex
from factcheck.errors import InputError, Problem, ValueProblem
from factcheck.kinds import REGISTRY
from factcheck.rulepack import RulePack, load_pack


def user_pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_pack(user_pack(tmp_path, text))
    return info.value.problems


def codes_at(found: list[Problem]) -> set[tuple[str, int, int]]:
    return {(p.code, p.loc.line, p.loc.col) for p in found}


def test_default_pack_loads() -> None:
    pack = load_pack()
    assert isinstance(pack, RulePack)
    assert pack.plans["十四五"] == (2021, 2025)
    assert pack.lexicon.prefixes["突破"] == "above"
    assert set(pack.checks) == set(REGISTRY)  # every kind on by default
    assert pack.identities  # the default identities parse


def test_user_pack_extends_the_default(tmp_path: Path) -> None:
    path = user_pack(
        tmp_path,
        """
rounding:
  approx: 0.1
lexicon:
  before:
    大于: above
checks:
  growth: {enabled: false}
severity:
  FC131: warning
identities:
  - 人均收入 = 总收入 / 人口
""",
    )
    pack = load_pack(path)
    default = load_pack()
    # mappings merge key by key
    assert pack.rounding.approx == 0.1
    assert pack.rounding.trailing_zeros == default.rounding.trailing_zeros
    assert pack.lexicon.prefixes["大于"] == "above"
    assert pack.lexicon.prefixes["突破"] == "above"  # kept from the default
    assert "growth" not in pack.checks and "cagr" in pack.checks
    assert pack.severity_of("FC131") == "warning"
    assert pack.severity_of("FC101") == "error"  # unchanged default
    # lists replace
    assert [i.target for i in pack.identities] == ["人均收入"]
    assert pack.sources == (default.sources[0], str(path))


def test_unknown_kind_names_the_choices(tmp_path: Path) -> None:
    found = problems(tmp_path, "checks:\n  grwth: {}\n")
    assert codes_at(found) == {("E201", 2, 3)}
    message = found[0].message
    assert "'growth'" in message  # the suggestion
    for kind in REGISTRY:
        assert kind in message  # and every valid choice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour: red\n", {("E202", 1, 1)}),
        ("checks:\n  growth: {strict: true}\n", {("E202", 2, 12)}),
        ("rounding:\n  aprox: 0.1\n", {("E202", 2, 3)}),
        ("severity:\n  FC999: error\n", {("E202", 2, 3)}),
        ("lexicon:\n  middle: {约: approx}\n", {("E202", 2, 3)}),
        ("basis:\n  imaginary: [x]\n", {("E202", 2, 3)}),
    ],
)
def test_unknown_options_are_e202(tmp_path: Path, text: str, expected: set[object]) -> None:
    assert codes_at(problems(tmp_path, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rounding:\n  approx: 2\n", {("E203", 2, 11)}),  # must be below 1
        ("rounding:\n  approx: nan\n", {("E203", 2, 11)}),
        ("rounding:\n  near: lots\n", {("E203", 2, 9)}),
        ("rounding:\n  open_below: digit\n", {("E203", 2, 15)}),  # a fraction only
        ("rounding:\n  mode: sideways\n", {("E203", 2, 9)}),
        ("lexicon:\n  before:\n    约: roughly\n", {("E203", 3, 8)}),
        ("severity:\n  FC101: fatal\n", {("E203", 2, 10)}),
        ("plans:\n  十六五: [2035, 2031]\n", {("E203", 2, 8)}),  # ends before it starts
        ("plans:\n  十六五: [99999, 99999]\n", {("E203", 2, 8)}),
        ("plans:\n  十六五: 2031\n", {("E203", 2, 8)}),
        ("basis:\n  default: sometimes\n", {("E203", 2, 12)}),
        ("basis:\n  real: 产值\n", {("E203", 2, 9)}),  # a list is needed
        ("checks:\n  growth: [1]\n", {("E203", 2, 11)}),
        ("version: 7\n", {("E203", 1, 10)}),
        # sections of the wrong shape: one problem each, never a crash
        ("rounding: 5\n", {("E203", 1, 11)}),
        ("lexicon: words\n", {("E203", 1, 10)}),
        ("lexicon:\n  before: [突破]\n", {("E203", 2, 11)}),
        ("plans: [十四五]\n", {("E203", 1, 8)}),
        ("checks: [growth]\n", {("E203", 1, 9)}),
        ("severity: loud\n", {("E203", 1, 11)}),
        ("identities: a = b\n", {("E203", 1, 13)}),
        ("basis: [real]\n", {("E203", 1, 8)}),
    ],
)
def test_bad_values_are_e203(tmp_path: Path, text: str, expected: set[object]) -> None:
    assert codes_at(problems(tmp_path, text)) == expected


@pytest.mark.parametrize(
    "identity",
    [
        "x = a.b",  # attribute access
        "x = __import__('os').system('ls')",  # import and call
        "x = f(a)",  # call
        "x = a ** 2",  # power
        "x = 10 ** 10 ** 10",
        "x = import os",
        "x = a[0]",
        "x = lambda: 1",
        "x = 'text'",
        "x = a; y = b",
        "x = ",
        "= a + b",
        "no equals sign",
        "x.y = a",
        "x y = a",
        "x = (a",
        "x = a)",
        "x = " + "(" * 40 + "a" + ")" * 40,  # deeper than the parser allows
        "x = " + "-" * 40 + "a",
        "x = " + "9" * 400,  # overflows to inf
        "x = " + "a + " * 200 + "a",  # longer than 500 characters
    ],
)
def test_bad_identities_are_e204(tmp_path: Path, identity: str) -> None:
    found = problems(tmp_path, "identities:\n  - " + _quoted(identity) + "\n")
    assert codes_at(found) == {("E204", 2, 5)}


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_circular_identities_are_e205(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "identities:\n  - a = b + 1\n  - b = c * 2\n  - c = a / 3\n  - d = a + b\n",
    )
    # a, b and c depend on themselves; d only depends on them
    assert codes_at(found) == {("E205", 2, 5), ("E205", 3, 5), ("E205", 4, 5)}


def test_self_reference_is_e205(tmp_path: Path) -> None:
    assert codes_at(problems(tmp_path, "identities:\n  - a = a + 1\n")) == {("E205", 2, 5)}


def test_a_name_of_several_words_is_written_between_backticks(tmp_path: Path) -> None:
    text = 'identities:\n  - "`goods  and services deficit` = imports - `goods deficit`"\n'
    pack = load_pack(user_pack(tmp_path, text))
    identity = pack.identities[-1]
    # the runs of spaces are one space, and the backticks no part of the name
    assert identity.target == "goods and services deficit"
    assert ex.names(identity.expr) == {"imports", "goods deficit"}
    # without backticks, two words are still no name; inside them, no code and no dots
    for bad in ("x y = a", "x = `a.b`", "x = `os`.system", "x = `2 a`", "x = ``"):
        assert codes_at(problems(tmp_path, "identities:\n  - " + _quoted(bad) + "\n")) == {
            ("E204", 2, 5)
        }


def test_long_chain_of_identities_is_fine(tmp_path: Path) -> None:
    # a0 = a1 + 1, a1 = a2 + 1, …: no cycle, and no recursion limit to hit
    lines = "".join(f"  - a{i} = a{i + 1} + 1\n" for i in range(3000))
    pack = load_pack(user_pack(tmp_path, "identities:\n" + lines))
    assert len(pack.identities) == 3000


def test_all_problems_of_a_pack_in_one_run(tmp_path: Path) -> None:
    found = problems(tmp_path, "checks:\n  grwth: {}\nrounding:\n  approx: 3\ncolour: red\n")
    assert [p.code for p in found] == ["E201", "E203", "E202"]


def test_pack_yaml_problems(tmp_path: Path) -> None:
    assert {p.code for p in problems(tmp_path, "a: [\n")} == {"E101"}
    assert {p.code for p in problems(tmp_path, "a: 1\na: 2\n")} == {"E102"}
    assert {p.code for p in problems(tmp_path, "- a\n")} == {"E103"}
    assert {p.code for p in problems(tmp_path, "# nothing\n")} == {"E104"}
    assert {p.code for p in problems(tmp_path, "x: !!python/name:os.system\n")} == {"E116"}


# ---- the expression language ------------------------------------------------------------------


def test_expressions_parse_to_arithmetic() -> None:
    tree = ex.parse("地区生产总值 / 年平均人口 * 10000 - (a + -b)")
    assert ex.names(tree) == {"地区生产总值", "年平均人口", "a", "b"}
    env = {"地区生产总值": 6.7e10, "年平均人口": 4.3e5, "a": 1.0, "b": 3.0}
    # 6.7e10 / 4.3e5 × 1e4 - (1 - 3) = 1,558,139,534.88… + 2
    assert ex.evaluate(tree, env) == pytest.approx(6.7e10 / 4.3e5 * 1e4 + 2)
    assert ex.evaluate(ex.parse("a / 0"), {"a": 1.0}) == float("inf")


def test_evaluate_only_knows_its_names() -> None:
    with pytest.raises(KeyError):
        ex.evaluate(ex.parse("a + secret"), {"a": 1.0})


@pytest.mark.parametrize("text", ["a.b", "a ** 2", "f(x)", "__import__('os')", "a if b else c"])
def test_expression_parser_refuses(text: str) -> None:
    with pytest.raises(ValueProblem) as info:
        ex.parse(text)
    assert info.value.code == "E204"


def test_qualifier_widths_by_digit_or_fraction(tmp_path: Path) -> None:
    default = load_pack()
    # The default: 约 by the written precision, 近 up to 10% below.
    assert (default.rounding.approx, default.rounding.near) == ("digit", 0.1)
    pack = load_pack(user_pack(tmp_path, "rounding:\n  approx: 0.05\n  near: digit\n"))
    assert (pack.rounding.approx, pack.rounding.near) == (0.05, "digit")


def test_a_pack_defines_units(tmp_path: Path) -> None:
    from factcheck import units  # noqa: PLC0415 - the registry state is what is tested

    path = user_pack(tmp_path, "units:\n  - 艘次 = [ship_trip]\n  - 万标准车 = 10000 * 辆\n")
    pack = load_pack(path)
    assert pack.units == ("艘次 = [ship_trip]", "万标准车 = 10000 * 辆")
    # 万 is a prefix of units.txt: 万艘次 is 1e4 of the new count; 万标准车 is 1e4 vehicles.
    assert (units.unit_info("万艘次").factor, units.unit_info("万艘次").dimension) == (
        1e4,
        "[ship_trip]",
    )
    assert units.unit_info("万标准车").dimension == "[vehicle]"
    # Parsed units are cached under a key of units.txt and the pack's units together.
    assert units.registry_digest() != units.definitions_digest()
    load_pack()  # the default pack again: the unit is unknown, with a suggestion
    assert units.registry_digest() == units.definitions_digest()
    with pytest.raises(ValueProblem, match="did you mean '艘'"):
        units.unit_info("艘次")


def test_bad_unit_definitions_are_pointed_at(tmp_path: Path) -> None:
    # The last line is refused by its form (quotes are no part of a definition): nothing of a
    # definition is ever evaluated as Python.
    text = "units:\n  - 元 = [foo]\n  - bad line\n  - 坏 = 不存在 * 3\n  - x = __import__('os')\n"
    found = problems(tmp_path, text)
    # One problem per bad line, at the line and column of its item (the text after "  - ").
    assert codes_at(found) == {("E203", 2, 5), ("E203", 3, 5), ("E203", 4, 5), ("E203", 5, 5)}
    messages = sorted(p.message for p in found)
    assert any("'元' is already defined" in m for m in messages)
    assert any("'不存在' is not defined" in m for m in messages)
