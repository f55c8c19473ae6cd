"""Known attacks and accidents (issue 8), one test each: every one ends in a clean problem with a
code and a location (or, where the input is fine, in a loaded file), never in a traceback, a hang
or code execution."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from inputs import ARTICLE, HEADER, codes_at, problems_of, run_cli, write

from factcheck import yamlsrc
from factcheck.engine import check_file
from factcheck.errors import InputError, Problem
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack, load_pack

LEVEL = """claims:
  - id: gdp-2025
    kind: level
    quote: 2025年地区生产总值突破670亿元
    metric: 地区生产总值
    period: {period}
    value: {value}
"""


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


# ---- YAML attacks ---------------------------------------------------------------------------


def test_python_object_tag_is_rejected_and_never_run(tmp_path: Path, pack: RulePack) -> None:
    marker = tmp_path / "pwned"
    value = f'!!python/object/apply:os.system ["touch {marker}"]'
    path = write(tmp_path, LEVEL.format(period=2025, value=value))
    # '    value: !!python…' is line 11, column 12
    assert codes_at(problems_of(path, pack)) == {("E116", 11, 12)}
    assert not marker.exists()


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/name:os.system",
        "!!python/object/new:subprocess.Popen [[ls]]",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!custom x",
        "!!timestamp 2025-01-01",
    ],
)
def test_foreign_tags_are_e116(tmp_path: Path, pack: RulePack, tagged: str) -> None:
    path = write(tmp_path, LEVEL.format(period=2025, value=tagged))
    assert codes_at(problems_of(path, pack)) == {("E116", 11, 12)}


def _laughs(levels: int, width: int) -> str:
    lines = ['  a0: &a0 ["lol"]']
    for i in range(1, levels):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "note:\n" + "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_before_expansion(
    tmp_path: Path, pack: RulePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 10 levels of 10 aliases: 10^9 strings if anything expanded it. Only constructing Python
    # objects from the node tree expands aliases: nothing may construct.
    def expand(*args: object) -> None:
        raise AssertionError("a document was constructed")

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", expand)
    path = write(tmp_path, _laughs(10, 10), header="")
    problems = problems_of(path, pack)
    assert {p.code for p in problems} == {"E116"}
    # the first alias, '*a0' on line 3 at column 12 ('  a1: &a1 [' is 11 characters)
    assert ("E116", 3, 12) in codes_at(problems)
    assert len(problems) <= yamlsrc.MAX_PROBLEMS


def test_a_scalar_alias_is_refused(tmp_path: Path, pack: RulePack) -> None:
    body = LEVEL.format(period="&y 2025", value="*y")
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E116", 11, 12)}


@pytest.mark.parametrize(
    "deep",
    [
        "[" * 10_000,
        "[" * 10_000 + "]" * 10_000,
        "{a: " * 10_000 + "1" + "}" * 10_000,
        "".join("  " * i + "-\n" for i in range(2_000)),
        "- " * 10_000 + "x",
    ],
    ids=["open-brackets", "brackets", "mappings", "block", "dashes"],
)
def test_deep_nesting_is_refused_cleanly(tmp_path: Path, pack: RulePack, deep: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("note: " + deep if deep.startswith(("[", "{")) else deep, encoding="utf-8")
    problems = problems_of(path, pack)
    assert [p.code for p in problems] == ["E120"]


def test_nesting_within_libyaml_limit_but_over_ours(tmp_path: Path, pack: RulePack) -> None:
    path = write(tmp_path, "note: " + "[" * 500 + "]" * 500 + "\n", header="")
    assert [p.code for p in problems_of(path, pack)] == ["E120"]


def test_prescan_for_composers_without_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # An old libyaml would recurse without bound: the text is then scanned first.
    monkeypatch.setattr(yamlsrc, "_DEPTH_LIMITED", False)
    node, problems = yamlsrc.compose("a:\n  b: " + "[" * 5_000 + "]" * 5_000, "x.yaml")
    assert node is None
    assert codes_at(problems) == {("E120", 2, 1)}
    assert yamlsrc.too_deep("- " * 2_000 + "x") == 1
    assert yamlsrc.too_deep("a: [1, [2, {b: 3}]]\n") is None


def test_pure_python_composer_recursion_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    class Pure(yaml.SafeLoader):
        pass

    monkeypatch.setattr(yamlsrc, "_Loader", Pure)
    node, problems = yamlsrc.compose("[" * 5_000 + "]" * 5_000, "x.yaml")
    assert node is None
    assert [p.code for p in problems] == ["E120"]


def test_multiple_documents_are_e101(tmp_path: Path, pack: RulePack) -> None:
    path = write(tmp_path, "claims: []\n---\nclaims: []\n")
    assert {p.code for p in problems_of(path, pack)} == {"E101"}


# ---- files ----------------------------------------------------------------------------------


def test_file_over_the_size_limit(
    tmp_path: Path, pack: RulePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlsrc, "MAX_BYTES", 1024)
    path = write(tmp_path, "claims: []\n" + "# padding\n" * 200)

    def read(*args: object) -> bytes:
        raise AssertionError("a file over the limit was read")

    monkeypatch.setattr(Path, "read_bytes", read)  # refused from its size, never read
    (problem,) = problems_of(path, pack)
    assert (problem.code, problem.loc.line) == ("E100", 1)


def test_binary_file(tmp_path: Path, pack: RulePack) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    assert codes_at(problems_of(path, pack)) == {("E100", 1, 1)}


def test_not_utf8(tmp_path: Path, pack: RulePack) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes((HEADER + "claims: []\n").encode() + "# 注释\n".encode("gbk"))
    assert codes_at(problems_of(path, pack)) == {("E100", 6, 1)}


def test_utf8_bom_and_crlf(tmp_path: Path, pack: RulePack) -> None:
    path = write(tmp_path, LEVEL.format(period=2025, value="突破670亿元"))
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    claim = load_claims(path, pack).claims[0]
    assert (claim.loc.line, claim.loc.col) == (6, 5)
    assert claim.value is not None and claim.value.point == pytest.approx(6.7e10)


def test_crlf_article(tmp_path: Path, pack: RulePack) -> None:
    path = write(tmp_path, LEVEL.format(period=2025, value="突破670亿元"))
    article = tmp_path / "article.txt"
    article.write_bytes(b"\xef\xbb\xbf" + article.read_bytes().replace(b"\n", b"\r\n"))
    assert len(load_claims(path, pack).claims) == 1  # the quote still matches


def test_full_width_digits(tmp_path: Path, pack: RulePack) -> None:
    body = LEVEL.format(period="２０２５", value="突破６７０亿元")
    claim = load_claims(write(tmp_path, body), pack).claims[0]
    assert claim.period is not None and claim.period.end.key == "2025"
    assert claim.value is not None and claim.value.point == pytest.approx(6.7e10)


# ---- values and periods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["NaN", ".nan", ".inf", "-.inf", "inf亿元", "Infinity", "1e999999", "1e-999999", "9e99亿元"],
)
def test_non_finite_and_huge_values(tmp_path: Path, pack: RulePack, value: str) -> None:
    path = write(tmp_path, LEVEL.format(period=2025, value=value))
    assert codes_at(problems_of(path, pack)) == {("E108", 11, 12)}


@pytest.mark.parametrize("ratio", ["'0:0'", "'1:0'", "'1:-1'", "'-2:1'"])
def test_undefined_ratios(tmp_path: Path, pack: RulePack, ratio: str) -> None:
    body = f"""claims:
  - id: income-ratio
    kind: ratio
    quote: 城乡居民收入比缩小至2.29:1
    metrics: [a, b]
    period: 2025
    value: {ratio}
"""
    assert {p.code for p in problems_of(write(tmp_path, body), pack)} == {"E108"}


@pytest.mark.parametrize(
    "period", ["2025-2025", "2025-2021", "2025-06至2025-06", "十四五-十三五末"]
)
def test_zero_length_and_backwards_spans(tmp_path: Path, pack: RulePack, period: str) -> None:
    body = f"""claims:
  - id: gdp-cagr
    kind: cagr
    quote: 地区生产总值年均增长8%
    metric: 地区生产总值
    period: {period}
    value: 8%
"""
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E111", 10, 13)}


def test_zero_and_negative_levels_do_not_crash_the_rules(tmp_path: Path, pack: RulePack) -> None:
    # CAGR and growth are undefined from a zero or negative start: the rules must say so (or
    # say nothing), not raise.
    body = """claims:
  - id: [gdp-2020, gdp-2024, gdp-2025]
    kind: level
    quote: 地区生产总值2020年0亿元、2024年-5亿元、2025年0亿元
    metric: 地区生产总值
    period: [2020, 2024, 2025]
    value: [0亿元, -5亿元, 0亿元]
  - id: gdp-growth
    kind: growth
    quote: 同比增长10%
    metric: 地区生产总值
    period: 2025
    value: 10%
  - id: gdp-cagr
    kind: cagr
    quote: 地区生产总值年均增长8%
    metric: 地区生产总值
    period: 十四五
    value: 8%
  - id: doubling
    kind: multiple
    quote: 人均GDP实现五年翻番
    metric: 地区生产总值
    period: 2025
    base: 5年前
    value: 翻番
  - id: share
    kind: share
    quote: 有色金属产值占全市工业产值的41%
    metric: 有色金属产值
    whole: 地区生产总值
    period: 2025
    value: 41%
  - id: part
    kind: level
    quote: 有色金属产值0亿元
    metric: 有色金属产值
    period: 2025
    value: 0亿元
  - id: ratio
    kind: ratio
    quote: 城乡居民收入比缩小至2.29:1
    metrics: [有色金属产值, 地区生产总值]
    period: 2025
    value: '2.29:1'
"""
    # The test article, plus the zero and negative levels (a value must stand in its quote).
    article = ARTICLE.read_text(encoding="utf-8") + (
        "地区生产总值2020年0亿元、2024年-5亿元、2025年0亿元。有色金属产值0亿元。\n"
    )
    file = load_claims(write(tmp_path, body, article=article), pack)
    result = check_file(file, pack)
    assert result.claims == 9  # three levels expanded from one entry, and six more


# ---- ids and references -----------------------------------------------------------------------


def test_same_id_in_two_files_is_allowed(tmp_path: Path) -> None:
    # Relations never cross files, so each file's ids are its own.
    body = LEVEL.format(period=2025, value="突破670亿元")
    one = write(tmp_path, body, name="one.yaml")
    two = write(tmp_path, body, name="two.yaml")
    result = run_cli("validate", str(one), str(two))
    assert result.returncode == 0, result.stderr
    assert "2 file(s), 2 claims" in result.stdout


def test_duplicate_id_in_one_file_is_e107(tmp_path: Path, pack: RulePack) -> None:
    level = LEVEL.format(period=2025, value="突破670亿元")
    body = level + level.removeprefix("claims:\n")
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E107", 12, 9)}


def test_unknown_claim_reference_is_e118(tmp_path: Path, pack: RulePack) -> None:
    body = """claims:
  - id: ratio
    kind: ratio
    quote: 城乡居民收入比缩小至2.29:1
    metrics: [城镇居民人均可支配收入, 农村居民人均可支配收入]
    period: 2025
    value: '2.29:1'
    refs: [urban-income, rural-income]
"""
    # the list is on line 12 and starts at column 11 ('    refs: ' is 10 characters)
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E118", 12, 11)}


def test_unknown_metrics_are_not_an_error(tmp_path: Path, pack: RulePack) -> None:
    # A metric no claim states leaves a claim with nothing to check against (a finding, FC161).
    body = """claims:
  - id: ratio
    kind: ratio
    quote: 城乡居民收入比缩小至2.29:1
    metrics: [没有这个指标, 也没有这个]
    period: 2025
    value: '2.29:1'
"""
    result = check_file(load_claims(write(tmp_path, body), pack), pack)
    assert all(f.code.startswith("FC") for f in result.findings)


# ---- rule packs ---------------------------------------------------------------------------------


def _pack_problems(tmp_path: Path, text: str) -> list[Problem]:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_pack(path)
    return info.value.problems


def test_circular_identities(tmp_path: Path) -> None:
    found = _pack_problems(tmp_path, "identities:\n  - a = b / c\n  - b = a * c\n")
    assert codes_at(found) == {("E205", 2, 5), ("E205", 3, 5)}


@pytest.mark.parametrize(
    "identity",
    [
        "x = ().__class__.__bases__[0].__subclasses__()",
        "x = __import__('os').system('id')",
        "x = exec('1')",
        "x = 9 ** 9 ** 9 ** 9",
        "x = a ** b",
        "x = import os",
    ],
)
def test_identities_cannot_run_code(tmp_path: Path, identity: str) -> None:
    quoted = "'" + identity.replace("'", "''") + "'"
    found = _pack_problems(tmp_path, f"identities:\n  - {quoted}\n")
    assert codes_at(found) == {("E204", 2, 5)}


def test_pack_tags_are_refused(tmp_path: Path) -> None:
    found = _pack_problems(tmp_path, "rounding: !!python/object/apply:os.system [id]\n")
    assert [p.code for p in found] == ["E116"]


# ---- paths on the command line ---------------------------------------------------------------


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


def test_missing_path(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    _no_traceback(result)
    assert "E301" in result.stderr


def test_directory_path(tmp_path: Path) -> None:
    write(tmp_path, LEVEL.format(period=2025, value="突破670亿元"))
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "1 file(s), 1 claims" in result.stdout


def test_empty_directory(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2
    _no_traceback(result)
    assert "E303" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    result = run_cli("validate", str(tmp_path / "a.yaml"))
    assert result.returncode == 2
    _no_traceback(result)
    # and inside a folder that is walked: each link is a file that cannot be read
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2
    _no_traceback(result)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_folder_linking_to_itself(tmp_path: Path) -> None:
    write(tmp_path, LEVEL.format(period=2025, value="突破670亿元"))
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "1 file(s)" in result.stdout  # the link is not followed


def test_bad_file_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    _no_traceback(result)
    assert result.stderr.startswith(f"{path}:1:1: E100 ")
