"""The engine's one place of policy: severity stamped from the pack, acceptances applied (and
expiring), disabled checks not run, passes kept apart from findings, and a registry that fails
loudly on an unknown kind (STYLE.md items 2 and 4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from kindcases import Case, run_case

from factcheck.errors import InputError
from factcheck.finding import Finding
from factcheck.kinds import REGISTRY
from factcheck.result import FileResult

TODAY = date(2026, 6, 1)
# The seed's CAGR: (2586/669)^(1/4) - 1 = 40.2% against a stated real rate of 33.8% (FC121).
ARTICLE = "相关产业集群产值从2021年的669亿元增长到2025年的2586亿元，年均增长33.8%。"
LEVELS = [
    {
        "id": "c-2021",
        "kind": "level",
        "quote": "2021年的669亿元",
        "metric": "相关产业集群产值",
        "period": "2021",
        "value": "669亿元",
    },
    {
        "id": "c-2025",
        "kind": "level",
        "quote": "2025年的2586亿元",
        "metric": "相关产业集群产值",
        "period": "2025",
        "value": "2586亿元",
    },
]


def cagr_claim(**extra: Any) -> dict[str, Any]:
    return {
        "id": "c-cagr",
        "kind": "cagr",
        "quote": "年均增长33.8%",
        "metric": "相关产业集群产值",
        "period": "2021-2025",
        "value": "33.8%",
        **extra,
    }


def run(
    tmp: Path,
    claims: list[dict[str, Any]],
    pack: dict[str, Any] | None = None,
    checks: list[str] | None = None,
    article: str = ARTICLE,
) -> FileResult:
    data = {"name": "engine", "article": article, "claims": claims, "pack": pack or {}}
    data["checks"] = checks or list(REGISTRY)
    return run_case(Case("engine", "engine", data), tmp, today=TODAY)


def only(result: FileResult, code: str) -> Finding:
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1, result.findings
    return found[0]


def test_default_severity_of_price_basis_is_warning(tmp_path: Path) -> None:
    result = run(tmp_path, [*LEVELS, cagr_claim()], checks=["cagr"])
    finding = only(result, "FC121")
    assert (finding.verdict, finding.severity) == ("undetermined", "warning")
    assert finding.recomputed == "40.2%" and "2586/669" in finding.arithmetic


def test_pack_changes_severity(tmp_path: Path) -> None:
    result = run(tmp_path, [*LEVELS, cagr_claim()], {"severity": {"FC121": "error"}}, ["cagr"])
    assert only(result, "FC121").severity == "error"


def test_pack_changes_severity_of_an_error(tmp_path: Path) -> None:
    claims = [*LEVELS, cagr_claim(basis="nominal")]
    assert only(run(tmp_path, claims, checks=["cagr"]), "FC102").severity == "error"
    result = run(tmp_path, claims, {"severity": {"FC102": "info"}}, ["cagr"])
    assert only(result, "FC102").severity == "info"


def test_acceptance_marks_the_finding(tmp_path: Path) -> None:
    accept = [
        {"code": "FC121", "reason": "rate is real, checked with the bureau", "until": "2027-01-01"}
    ]
    result = run(tmp_path, [*LEVELS, cagr_claim(accept=accept)], checks=["cagr"])
    finding = only(result, "FC121")
    assert finding.accepted == "rate is real, checked with the bureau"
    assert finding.severity == "warning"  # accepted findings keep their severity


def test_acceptance_without_date_never_expires(tmp_path: Path) -> None:
    accept = [{"code": "FC121", "reason": "checked"}]
    result = run(tmp_path, [*LEVELS, cagr_claim(accept=accept)], checks=["cagr"])
    assert only(result, "FC121").accepted == "checked"


def test_acceptance_until_today_still_holds(tmp_path: Path) -> None:
    accept = [{"code": "FC121", "reason": "checked", "until": TODAY.isoformat()}]
    result = run(tmp_path, [*LEVELS, cagr_claim(accept=accept)], checks=["cagr"])
    assert only(result, "FC121").accepted == "checked"


def test_expired_acceptance_does_not_apply(tmp_path: Path) -> None:
    accept = [{"code": "FC121", "reason": "checked", "until": "2026-05-31"}]
    result = run(tmp_path, [*LEVELS, cagr_claim(accept=accept)], checks=["cagr"])
    finding = only(result, "FC121")
    assert finding.accepted == ""
    assert "acceptance expired on 2026-05-31" in finding.message  # says why it is back


def test_acceptance_of_another_code_does_not_apply(tmp_path: Path) -> None:
    accept = [{"code": "FC102", "reason": "checked"}]
    result = run(tmp_path, [*LEVELS, cagr_claim(accept=accept)], checks=["cagr"])
    assert only(result, "FC121").accepted == ""


def test_disabled_check_does_not_run(tmp_path: Path) -> None:
    claims = [*LEVELS, cagr_claim()]
    on = run(tmp_path, claims)
    assert any(f.check == "cagr" for f in [*on.findings, *on.passed])
    off = run(tmp_path, claims, {"checks": {"cagr": {"enabled": "false"}}})
    assert not any(f.check == "cagr" for f in [*off.findings, *off.passed])


def test_passes_are_kept_apart_and_unstamped(tmp_path: Path) -> None:
    # The levels give (2586/669)^(1/4) - 1 = 40.2%: a stated 40.2% passes.
    claims = [*LEVELS, cagr_claim(value="40.2%", quote="年均增长40.2%", basis="nominal")]
    article = ARTICLE.replace("33.8%", "40.2%")
    result = run(tmp_path, claims, checks=["cagr"], article=article)
    assert result.findings == []
    assert [(f.code, f.verdict, f.severity) for f in result.passed] == [("FC102", "consistent", "")]
    assert result.checks == 1


def test_findings_sorted_by_severity(tmp_path: Path) -> None:
    claims = [*LEVELS, cagr_claim(), {**cagr_claim(basis="nominal"), "id": "c-cagr-2"}]
    result = run(tmp_path, claims, checks=["cagr"])
    assert [f.severity for f in result.findings] == ["error", "warning"]


def test_unknown_kind_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="unknown rule kind 'cagrr'; expected one of cagr, count"):
        REGISTRY["cagrr"]
    with pytest.raises(InputError) as info:
        run(tmp_path, [*LEVELS], {"checks": {"cagrr": {}}})
    assert [p.code for p in info.value.problems] == ["E201"]
    assert "expected one of" in str(info.value.problems[0])


def test_unknown_option_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        run(tmp_path, [*LEVELS], {"checks": {"cagr": {"tolerance": "0.1"}}})
    assert [p.code for p in info.value.problems] == ["E202"]


def test_max_deflator_option_of_a_pack(tmp_path: Path) -> None:
    # The seed's 33.8% against a nominal 40.2% takes prices rising at least
    # (1.40184/1.3385) - 1 = 4.7% a year: within the default 15% (FC121, undetermined), beyond a
    # pack's 2% (FC102, inconsistent).
    claims = [*LEVELS, cagr_claim()]
    assert only(run(tmp_path, claims, checks=["cagr"]), "FC121").verdict == "undetermined"
    strict = run(tmp_path, claims, {"checks": {"cagr": {"max_deflator": "0.02"}}}, ["cagr"])
    assert only(strict, "FC102").verdict == "inconsistent"
