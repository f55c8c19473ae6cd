"""The bundled example (the seed article and its hand-written claims) as a golden test.

The expected findings were worked out by hand, before and independently of the engine (the
arithmetic of every relation is also written out in tests/data/hand_arithmetic.md). Where the
engine and the hand disagreed, the disagreement was traced to its cause, never copied.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.coverage import uncovered
from factcheck.engine import check_file
from factcheck.loader import load_claims
from factcheck.result import FileResult
from factcheck.rulepack import load_pack

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims" / "jinchang-2025.yaml"
ARTICLE = ROOT / "claims" / "jinchang-2025.txt"

# Findings that are reported (not passed), as (code, claim id), with the hand arithmetic.
EXPECTED_FINDINGS = {
    # 相关产业集群产值 669亿元 (2021) → 2586亿元 (2025), n = 2025 - 2021 = 4:
    # 2586/669 = 3.86547; 3.86547^(1/2) = 1.96608; 1.96608^(1/2) = 1.40217 → 40.2% a year.
    # Input intervals [668.5, 669.5] and [2585.5, 2586.5] keep it within [40.18%, 40.25%], far
    # from the stated 33.8%. 产值 is a value aggregate whose rates are at comparable prices
    # (docs/conventions.md §5, the default pack's basis list), the levels at current prices: the
    # honest verdict is "undetermined: price basis differs" (a warning), not an error.
    ("FC121", "cluster-output-cagr"),
    # Derived values (info), each the inverse of its rate over the stated level:
    # 地区生产总值 2020 ≥ 670 / 1.101^5 = 670 / 1.61886 = 413.9亿元 ("突破670" is a floor).
    ("FC141", "gdp-cagr-14fyp"),
    # 年平均人口 implied by 人均GDP = 地区生产总值 / 年平均人口: 670e8 / 15.6e4 = 429,487 (a floor).
    ("FC141", "gdp-per-capita-2025"),
    # 人均GDP 五年翻番: 2020 = 15.6 / 2 = 7.8万元.
    ("FC141", "gdp-per-capita-doubling"),
    # 金川集团工业总产值 是十三五末的3.4倍: 2020 = 3870 / 3.4 = 1138.2亿元.
    ("FC141", "jinchuan-output-multiple"),
    # 金川集团营业收入 是十三五末的1.9倍: 2020 = 4760 / 1.9 = 2505.3亿元.
    ("FC141", "jinchuan-revenue-multiple"),
    # 外贸进出口总额 十四五年均17.3%: 1.173^5 = 2.22070; 291.8 / 2.22070 = 131.40亿元 (2020).
    ("FC141", "trade-cagr-14fyp"),
    # 招商引资到位资金 十四五年均31.8%: 1.318^5 = 3.97720; 468.9 / 3.97720 = 117.90亿元 (2020).
    ("FC141", "investment-attracted-cagr-14fyp"),
    # 到位资金 同比增长32.7%: 2024 = 468.9 / 1.327 = 353.35亿元.
    ("FC141", "investment-attracted-growth-2025"),
    # 农村居民人均可支配收入 十四五 7.7%: 1.077^5 = 1.44903; 24359 / 1.44903 = 16810.5元 (2020).
    ("FC141", "rural-income-cagr"),
    # 城镇居民人均可支配收入 十四五 5.5%: 1.055^5 = 1.30696; 55689 / 1.30696 = 42609.6元 (2020).
    ("FC141", "urban-income-cagr"),
    # 村均集体经济收入 较5年前翻一番: 2020 = 49.7 / 2 = 24.85万元.
    ("FC141", "village-collective-income-doubling"),
    # 外贸进出口总额 291.8亿元 占全省总额的41%: 甘肃省 = 291.8 / 0.41 = 711.71亿元.
    ("FC141", "trade-share-of-province"),
}

# Checks that pass, with the hand arithmetic.
EXPECTED_PASSES = {
    # 其中48个月 within 连续94个月: 48 ≤ 94.
    ("FC115", "iva-first-months"),
    # Parts of 相关产业集群产值 2025: floors 1300 + 700 + 4 × 100 = 2400 ≤ 2586 (incomplete parts).
    ("FC113", "cluster-output-parts-2025"),
    # 收入比 2.29:1: 55689 / 24359 = 2.28617; inputs ±0.5 give [2.28611, 2.28625], which meets
    # the stated [2.285, 2.295].
    ("FC112", "urban-rural-income-ratio"),
    # 永昌县 12.5% ranks 第二 and 金川区 8.4% ranks 第三: the larger value ranks higher.
    ("FC114", "yongchang-gdp-growth-rank"),
}


@pytest.fixture(scope="module")
def result() -> FileResult:
    """The example, loaded and checked once."""
    pack = load_pack()
    return check_file(load_claims(CLAIMS, pack, "claims/jinchang-2025.yaml"), pack)


def test_findings_are_exactly_the_hand_worked_ones(result: FileResult) -> None:
    assert {(f.code, f.claim) for f in result.findings} == EXPECTED_FINDINGS


def test_passed_checks_are_exactly_the_hand_worked_ones(result: FileResult) -> None:
    assert {(f.code, f.claim) for f in result.passed} == EXPECTED_PASSES


def test_cluster_cagr_shows_its_arithmetic(result: FileResult) -> None:
    (cagr,) = [f for f in result.findings if f.claim == "cluster-output-cagr"]
    assert cagr.severity == "warning"
    assert cagr.verdict == "undetermined"
    assert cagr.stated == "33.8%"
    assert cagr.recomputed == "40.2%"
    assert cagr.arithmetic == "(2586/669)^(1/4) - 1 = 40.2%"
    # The yearly price change that reconciles them: nominal (2585.5/669.5)^(1/4) = 1.40184 over
    # real 1.3385 is 1.04732; (2586.5/668.5)^(1/4) = 1.40250 over 1.3375 is 1.04860.
    assert cagr.message.endswith("it holds only if prices rose 4.7%–4.9% a year over 2021–2025")


def test_no_error_in_the_example(result: FileResult) -> None:
    assert [f for f in result.findings if f.severity == "error"] == []


def test_every_numeric_mention_is_claimed_or_ignored() -> None:
    file = load_claims(CLAIMS, load_pack())
    missing, total = uncovered(file)
    assert total > 150  # the article is dense with figures; a broken finder would find few
    assert [(m.line, m.col, m.text) for m in missing] == []


def test_validate_and_coverage_commands_pass_on_the_example() -> None:
    run = [sys.executable, "-m", "factcheck"]
    done = subprocess.run([*run, "validate", str(CLAIMS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [*run, "coverage", str(ARTICLE), str(CLAIMS)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(100.0%)" in done.stdout


def test_explain_walks_through_every_check_of_a_claim() -> None:
    run = [sys.executable, "-m", "factcheck", "explain"]
    done = subprocess.run(
        [*run, "urban-income-2025", str(CLAIMS.parent)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    # The 2025 urban income is used by the ratio (55689/24359) and by the implied 2020 level.
    assert "FC112 consistent" in done.stdout
    assert "FC141 derived" in done.stdout
    assert "55689/24359 = 2.29" in done.stdout
    done = subprocess.run(
        [*run, "urban-income-2052", str(CLAIMS.parent)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "did you mean 'urban-income-2025'" in done.stderr
