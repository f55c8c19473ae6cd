"""Chinese output is Chinese (issue 17): the counts with their measure words, and in ``explain``
the kinds, verdicts, severities and price bases; only what the user wrote (ids, quotes, paths)
and the codes stay as they are."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from inputs import run_cli

REPO = Path(__file__).resolve().parents[1]


def factcheck(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(LANG="C.UTF-8", NO_COLOR="1")
    done = run_cli(*args, "--lang", "zh", cwd=REPO, env=env)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_counts_have_their_measure_words(tmp_path: Path) -> None:
    out = factcheck("check", "tests/data/formats/claims.yaml", "--no-cache").splitlines()
    # the fixture (its header): 11 claims, 4 checks of which 2 pass, 2 inconsistent, 1 uncovered
    assert out[1] == "  11 条断言 · 4 项检查 · 2 项一致"
    assert out[2] == "  2 项不一致 · 0 项无法判定 · 0 项推算 · 1 处未覆盖"


def user_text() -> set[str]:
    """The ASCII words the user wrote in the example: ids, and those inside quotes and values."""
    doc = yaml.safe_load((REPO / "claims" / "jinchang-2025.yaml").read_text(encoding="utf-8"))
    words: set[str] = set()
    for claim in doc["claims"]:
        for value in claim.values():
            words |= set(re.findall(r"[A-Za-z]+", str(value)))
    return words


@pytest.mark.parametrize("claim", ["cluster-output-cagr", "gdp-cagr-14fyp", "trade-2025"])
def test_explain_in_chinese_says_nothing_in_english(claim: str) -> None:
    out = factcheck("explain", claim)
    out = re.sub(r"\S+\.(yaml|txt)(:\d+)*", "", out)  # paths
    out = re.sub(r"\bFC\d{3}\b", "", out)  # codes
    english = set(re.findall(r"[A-Za-z]+", out)) - user_text()
    assert english == set(), english


def test_explain_names_the_kind_verdict_and_severity() -> None:
    out = factcheck("explain", "cluster-output-cagr").splitlines()
    assert out[0].startswith("cluster-output-cagr (年均增速) 位于 claims/jinchang-2025.yaml:")
    assert "  1. 年均增速: FC121 无法判定 (警告)" in out
    assert not [x for x in out if "口径 real" in x]
