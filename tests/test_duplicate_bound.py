"""FC117 is one finding per quantity, however often the quantity is stated (issue 15): 2,000
claims of one metric and period gave 2 million findings, one per pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.engine import check_file
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack, load_pack

ARTICLE = "2025年地区生产总值672亿元。2025年地区生产总值681亿元。\n"


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _file(tmp_path: Path, values: list[str]) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    lines = ["version: 1", "article: a.txt", "entity: 示例市", "claims:"]
    for i, value in enumerate(values):
        lines += [
            f"  - id: gdp-{i}",
            "    kind: level",
            f"    quote: 2025年地区生产总值{value}",
            "    metric: 地区生产总值",
            "    period: 2025",
            f"    value: {value}",
        ]
    path = tmp_path / "c.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _fc117(tmp_path: Path, pack: RulePack, values: list[str]) -> tuple[list, list]:
    result = check_file(load_claims(_file(tmp_path, values), pack), pack)
    found = [f for f in result.findings if f.code == "FC117"]
    passed = [f for f in result.passed if f.code == "FC117"]
    return found, passed


def test_many_statements_that_agree_are_one_passed_check(tmp_path: Path, pack: RulePack) -> None:
    found, passed = _fc117(tmp_path, pack, ["672亿元"] * 2000)
    assert found == []
    assert len(passed) == 1  # one quantity: one check (it was 1999·2000/2 = 1,999,000)
    assert len(passed[0].related) == 1999  # held against every other statement


def test_one_statement_that_disagrees_is_one_finding(tmp_path: Path, pack: RulePack) -> None:
    values = ["672亿元"] * 1000 + ["681亿元"] + ["672亿元"] * 999
    found, passed = _fc117(tmp_path, pack, values)
    assert passed == []
    (finding,) = found  # [671.5, 672.5] and [680.5, 681.5] do not meet
    assert finding.verdict == "inconsistent"
    # on the later of the two statements that cannot both be true, against the other
    assert finding.claim == "gdp-1000" and [r.id for r in finding.related] == ["gdp-0"]


def test_a_pair_reads_as_before(tmp_path: Path, pack: RulePack) -> None:
    found, _ = _fc117(tmp_path, pack, ["672亿元", "681亿元"])
    (finding,) = found
    assert (finding.claim, [r.id for r in finding.related]) == ("gdp-1", ["gdp-0"])
    assert finding.message == "681亿元 contradicts 672亿元 stated for the same quantity in 'gdp-0'"


def test_two_figures_among_many_statements_are_one_warning(tmp_path: Path, pack: RulePack) -> None:
    # 约80% = [75.5%, 84.5%] meets 83% = [82.5%, 83.5%] (FC117 consistent), but the figures as
    # written (80 ± 0.5, 83 ± 0.5) differ beyond their precision: one FC132 for the quantity.
    article = "民生支出占比约80%。民生支出占比83%。\n"
    lines = ["version: 1", "article: a.txt", "entity: 示例市", "claims:"]
    for i in range(1000):
        value = "约80%" if i % 2 == 0 else "83%"
        lines += [
            f"  - {{id: s-{i}, kind: level, quote: 民生支出占比{value}, metric: 民生支出占比,"
            f" period: '2025', value: {value}}}"
        ]
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "c.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_file(load_claims(path, pack), pack)
    codes = [f.code for f in [*result.findings, *result.passed] if f.code in ("FC117", "FC132")]
    assert sorted(codes) == ["FC117", "FC132"]
    (warning,) = [f for f in result.findings if f.code == "FC132"]
    assert (warning.claim, [r.id for r in warning.related]) == ("s-1", ["s-0"])
