"""Baseline and SARIF identities (issue 17): one fingerprint per finding, for an uncovered mention
(FC151) its text and its occurrence, however the paths are typed; SARIF valid against the official
schema with one artifact per file, input problems as located results and a help link per rule."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import test_cli_check
from test_formats import validate_sarif

from factcheck import app
from factcheck.codes import DOCS_URL, FINDINGS, INPUT_CODES
from factcheck.report import sarif
from factcheck.report.model import Report
from factcheck.rulepack import load_pack

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "formats"


work = test_cli_check.work  # the fixture: claims/ holding the formats fixture, in tmp_path


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return test_cli_check.run(cwd, *args, "--no-cache")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# ---- baselines


def test_a_new_uncovered_figure_is_not_hidden_by_the_baseline(work: Path) -> None:
    # The fixture has one uncovered mention (12个). Saved in a baseline with everything else,
    # a second uncovered figure added to the article must gate under --fail-on warning.
    assert check(work, "claims", "--save-baseline", "b.json").returncode == 1
    assert check(work, "claims", "--baseline", "b.json", "--fail-on", "warning").returncode == 0
    append(work / "claims" / "article.txt", "城镇化率为68.5%。\n")
    done = check(work, "claims", "--baseline", "b.json", "--fail-on", "warning", "-f", "json")
    assert done.returncode == 1, done.stdout
    gating = [(f["code"], f["quote"]) for f in json.loads(done.stdout)["findings"] if f["gating"]]
    assert gating == [("FC151", "68.5%")]


def test_an_uncovered_figure_moved_by_an_edit_stays_in_the_baseline(work: Path) -> None:
    assert check(work, "claims", "--save-baseline", "b.json").returncode == 1
    article = work / "claims" / "article.txt"
    # a line inserted above every figure moves them all down, the quotes stay where they are
    article.write_text("（内部稿）\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    done = check(work, "claims", "--baseline", "b.json", "--fail-on", "warning", "-f", "json")
    assert done.returncode == 0, done.stdout
    [uncovered] = [f for f in json.loads(done.stdout)["findings"] if f["code"] == "FC151"]
    assert uncovered["line"] == 7 and uncovered["in_baseline"]  # line 6 of the fixture, + 1


def test_the_same_figure_uncovered_twice_is_two_findings(work: Path) -> None:
    append(work / "claims" / "article.txt", "全市共有12个街道。\n")
    assert check(work, "claims", "--save-baseline", "b.json").returncode == 1
    saved = json.loads((work / "b.json").read_text(encoding="utf-8"))["findings"]
    mentions = sorted(k for k in saved if "FC151" in k)
    assert mentions == ["claims/article.txt::::FC151::12个", "claims/article.txt::::FC151::12个#2"]
    append(work / "claims" / "article.txt", "另有12个社区。\n")  # a third: new
    done = check(work, "claims", "--baseline", "b.json", "--fail-on", "warning", "-f", "json")
    assert done.returncode == 1
    gating = [(f["line"], f["quote"]) for f in json.loads(done.stdout)["findings"] if f["gating"]]
    assert gating == [(8, "12个")]


@pytest.mark.parametrize("typed", ["claims", "./claims/", "ABS", "INSIDE"])
def test_uncovered_mentions_match_however_the_path_is_typed(work: Path, typed: str) -> None:
    assert check(work, "claims/", "--save-baseline", "b.json").returncode == 1
    base = str(work / "b.json")
    cwd, arg = work, typed
    if typed == "ABS":
        arg = str(work / "claims")
    elif typed == "INSIDE":
        cwd, arg = work / "claims", "."
    done = check(cwd, arg, "--baseline", base, "--fail-on", "warning", "-f", "json")
    assert done.returncode == 0, done.stdout
    assert all(f["in_baseline"] for f in json.loads(done.stdout)["findings"])


# ---- SARIF


def report_of(*paths: Path, **kw: object) -> Report:
    targets = [app.Target(p, os.path.relpath(p)) for p in paths]
    return Report(app.run(targets, load_pack()), **kw)  # type: ignore[arg-type]


def test_two_claims_files_of_one_article_give_one_artifact_each(work: Path) -> None:
    # docs/extract.md: a draft beside the hand-written file, both naming one article
    shutil.copy(work / "claims" / "claims.yaml", work / "claims" / "draft.yaml")
    doc = sarif.document(report_of(work / "claims" / "claims.yaml", work / "claims" / "draft.yaml"))
    validate_sarif(doc)
    [run] = doc["runs"]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert len(uris) == len(set(uris)) == 3  # two claims files and one article


def test_every_result_has_its_own_fingerprint(work: Path) -> None:
    append(work / "claims" / "article.txt", "全市共有12个街道，城镇化率为68.5%。\n")
    shutil.copy(work / "claims" / "claims.yaml", work / "claims" / "draft.yaml")
    doc = sarif.document(report_of(work / "claims" / "claims.yaml", work / "claims" / "draft.yaml"))
    validate_sarif(doc)
    prints = [r["partialFingerprints"]["factcheck/v1"] for r in doc["runs"][0]["results"]]
    # per claims file: FC102, FC101, FC131, and three uncovered mentions (12个 twice, 68.5%)
    assert len(prints) == 12
    assert len(set(prints)) == 12


def test_input_problems_are_located_results(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\narticle: a.txt\nclaims:\n  - id: x\n    kind: levle\n", "utf-8")
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    doc = sarif.document(Report(app.run([app.Target(bad, "bad.yaml")], load_pack())))
    validate_sarif(doc)
    [run] = doc["runs"]
    results = [r for r in run["results"] if r["ruleId"] == "E114"]
    assert len(results) == 1
    [where] = results[0]["locations"]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "bad.yaml"
    assert where["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 11}
    rules = run["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]]["id"] == "E114"
    assert results[0]["level"] == "error"


def test_every_rule_links_to_its_section_of_docs_codes() -> None:
    doc = sarif.document(Report([]))
    validate_sarif(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [*FINDINGS, *INPUT_CODES]
    headings = {
        line.lstrip("#").strip()
        for line in (REPO / "docs" / "codes.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }
    anchors = {gh_anchor(h) for h in headings}
    for rule in rules:
        base, anchor = rule["helpUri"].split("#")
        assert base == DOCS_URL and base.endswith("/docs/codes.md")
        assert anchor in anchors, (rule["id"], anchor)
    by_id = {r["id"]: r["helpUri"].split("#")[1] for r in rules}
    assert by_id["FC151"] == gh_anchor("Findings (`FC…`)")
    assert by_id["E112"] == gh_anchor("Claims files (E1xx)")
    assert by_id["E203"] == gh_anchor("Rule packs (E2xx)")


def gh_anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")
