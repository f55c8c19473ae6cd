"""The command line a ruff or Vale user expects (issue 17): help for one code (``factcheck rule``,
as ``ruff rule``), a display threshold apart from the gate (``--min-severity``, as Vale's
``--minAlertLevel``), annotations chosen by themselves inside GitHub Actions, ``--debug``
after the command, and a cache that prunes itself and a ``clean`` command."""

from __future__ import annotations

import json
import os
import subprocess
import time
from datetime import date
from pathlib import Path

import test_cli_check
from inputs import run_cli
from test_cli_check import accept_cagr, codes

from factcheck.cache import TAG, prune
from factcheck.codes import FINDINGS, INPUT_CODES

work = test_cli_check.work  # the fixture: claims/ holding the formats fixture, in tmp_path


check = test_cli_check.run  # ``factcheck check ARGS`` in a folder, in English, its cache there


def run_cmd(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``factcheck ARGS``, outside GitHub Actions, with its cache in ``cwd``."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env.update(LANG="C.UTF-8", FACTCHECK_CACHE_DIR=str(cwd / ".cache"))
    return run_cli(*args, cwd=cwd, env=env)


# ---- factcheck rule


def test_rule_explains_one_code(tmp_path: Path) -> None:
    out = run_cmd(tmp_path, "rule", "fc102")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0] == f"FC102: {FINDINGS['FC102'][0]}"
    assert "Default severity: error (a rule pack may change it)" in lines
    assert "Reported by the rule kinds: cagr" in lines
    assert any(x.startswith("What it checks: ") for x in lines)
    assert lines[-1].startswith("Documentation: ") and "docs/codes.md#" in lines[-1]
    e112 = run_cmd(tmp_path, "rule", "E112")
    assert e112.returncode == 0 and e112.stdout.startswith(f"E112: {INPUT_CODES['E112']}\n")


def test_every_finding_code_has_what_it_checks_and_an_example() -> None:
    # In process (describe is what `factcheck rule` prints): a kind's own code has its DOC,
    # every other code an entry of codedocs; FC104, FC105, FC120, FC121, FC131, FC132, FC142,
    # FC153 and FC161 had neither, so `factcheck rule` printed no example for them.
    from factcheck.rulehelp import describe  # noqa: PLC0415

    for code in FINDINGS:
        text = describe(code)
        assert text is not None and "\nWhat it checks: " in text, code
        assert "\nPasses: " in text or "\nExample: " in text, code
    fc104 = describe("FC104") or ""
    assert "Fails: 产量2020年100万吨，2025年200万吨，增长2倍" in fc104  # the multiple.yaml case


def test_rule_unknown_and_all(tmp_path: Path) -> None:
    bad = run_cmd(tmp_path, "rule", "FC999")
    assert bad.returncode == 2 and "no code 'FC999'" in bad.stderr
    every = run_cmd(tmp_path, "rule", "--all").stdout.splitlines()
    assert [x.split()[0] for x in every] == [*INPUT_CODES, *FINDINGS]


# ---- --min-severity: what is shown, apart from what fails


def test_min_severity_hides_without_changing_the_gate(work: Path) -> None:
    accept_cagr(work)  # both errors accepted: left to gate, FC151 (warning); FC131 is info
    shown = check(work, "claims", "-f", "text", "--fail-on", "warning")
    every = [("error", "FC102"), ("error", "FC101"), ("warning", "FC151"), ("info", "FC131")]
    assert codes(shown.stdout) == every
    assert shown.returncode == 1  # the warning gates
    args = ("claims", "-f", "text", "--fail-on", "warning", "--min-severity", "error")
    hidden = check(work, *args)
    assert codes(hidden.stdout) == every[:2]
    assert hidden.returncode == 1  # the hidden warning still gates
    doc = json.loads(check(work, "claims", "-f", "json", "--min-severity", "warning").stdout)
    assert [f["code"] for f in doc["findings"]] == ["FC102", "FC101", "FC151"]
    assert doc["counts"]["infos"] == 1  # counted, not shown
    assert check(work, "claims", "--min-severity", "loud").returncode == 2


# ---- GitHub Actions


def test_annotations_by_themselves_inside_github_actions(work: Path) -> None:
    done = check(work, "claims", GITHUB_ACTIONS="true")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=claims/claims.yaml,line=25,col=5,")
    assert lines[-1].startswith("factcheck: claims 11, checks 4,")
    # an explicit format wins, and a report file keeps the default
    assert check(work, "claims", "-f", "text", GITHUB_ACTIONS="true").stdout.startswith(
        "claims/claims.yaml:25:5: error FC102"
    )
    check(work, "claims", "-o", "report.txt", GITHUB_ACTIONS="true")
    assert (work / "report.txt").read_text(encoding="utf-8").startswith("factcheck claims/")
    assert not check(work, "claims").stdout.startswith("::")  # outside Actions: terminal


# ---- --debug anywhere


def test_debug_after_the_command(work: Path) -> None:
    done = check(work, "--debug", "claims", "-f", "text")  # i.e. check --debug claims
    assert done.returncode == 1, done.stderr
    assert codes(done.stdout)[0] == ("error", "FC102")
    after = check(work, "claims", "-f", "text", "--debug")
    assert after.returncode == 1 and after.stdout == done.stdout
    # after `--` it is a path like any other
    literal = check(work, "claims", "--", "--debug")
    assert literal.returncode == 2 and "--debug:1:1: E301" in literal.stderr


# ---- the cache: pruned by itself, and `factcheck clean`


def test_entries_of_earlier_days_are_pruned(tmp_path: Path) -> None:
    old, new, units = (
        tmp_path / n for n in ("a" * 64 + ".json", "b" * 64 + ".json", "units-x.json")
    )
    for path in (old, new, units):
        path.write_text("{}\n", encoding="utf-8")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    os.utime(units, (two_days_ago, two_days_ago))
    assert prune(tmp_path, date.today()) == 1
    assert not old.exists() and new.exists() and units.exists()
    assert (tmp_path / f"pruned-{date.today().isoformat()}").exists()
    os.utime(new, (two_days_ago, two_days_ago))
    assert prune(tmp_path, date.today()) == 0  # once a day


def test_clean_removes_only_a_cache_factcheck_made(work: Path) -> None:
    assert check(work, "claims", "-f", "text").returncode == 1  # fills work/.cache
    assert (work / ".cache" / "CACHEDIR.TAG").read_text(encoding="utf-8") == TAG
    done = run_cmd(work, "clean")
    assert done.returncode == 0 and "removed" in done.stdout
    assert not (work / ".cache").exists()
    assert run_cmd(work, "clean").returncode == 0  # nothing left: nothing to do
    mine = work / ".cache"
    mine.mkdir()
    (mine / "notes.json").write_text("{}", encoding="utf-8")
    refused = run_cmd(work, "clean")
    assert refused.returncode == 2 and "E304" in refused.stderr
    assert (mine / "notes.json").exists()
