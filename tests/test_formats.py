"""Tests of the output formats, in process: golden files pin each format's output for a small
claims file (tests/data/formats/), then each format is checked for what it must guarantee: SARIF
valid against the official 2.1.0 schema, JUnit parseable with consistent counts, GitHub commands
escaped, Markdown escaped and capped, accepted and baselined findings visible everywhere.

Regenerate the goldens with ``UPDATE_GOLDEN=1 pytest tests/test_formats.py`` and read the diff:
a golden is only right when each of its lines is.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import asdict, replace
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck import app
from factcheck.codes import FINDINGS
from factcheck.report import FORMATS, Formatter, formatter, github, markdown, sarif, terminal
from factcheck.report.model import Report
from factcheck.result import FileResult
from factcheck.rulepack import load_pack

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "formats"
GOLDEN = REPO / "tests" / "golden" / "formats"
SHOWN = "tests/data/formats/claims.yaml"  # the path as a user at the repo root would give it
SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
SUFFIX = {
    "terminal": "terminal.txt",
    "text": "text.txt",
    "json": "json",
    "sarif": "sarif",
    "junit": "junit.xml",
    "github": "github.txt",
    "markdown": "md",
}
ACCEPTED_REASON = "the customs office's rate, in US dollars | reviewed by the *desk*"


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return app.run([app.Target(DATA / "claims.yaml", SHOWN)], load_pack())


def make_report(results: list[FileResult], **kw: object) -> Report:
    """A report whose every byte is deterministic: the version and the rule pack's digest are
    fixed here (they change with every release and every edit of rules/default.yaml); the
    hashes of the fixture's claims file and article are real."""
    settings: dict[str, object] = {
        "version": "0.0.0-golden",
        "pack_sources": ("rules/default.yaml",),
        "pack_digests": {"rules/default.yaml": "0" * 64},
        "lang": "en",
        "verbose": True,
    }
    settings.update(kw)
    return Report(results, **settings)  # type: ignore[arg-type]


@pytest.fixture()
def report(results: list[FileResult]) -> Report:
    return make_report(results)


def render(fmt: str, report: Report) -> str:
    out = io.StringIO()  # not a terminal: the terminal format is plain text, 80 columns
    formatter(fmt).write(report, out)
    return out.getvalue()


@pytest.fixture()
def plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


# ---- the fixture is what the goldens claim it is


def test_fixture_yields_one_finding_of_each_sort(results: list[FileResult]) -> None:
    [r] = results
    assert not r.problems
    got = sorted((f.code, f.claim, f.severity, bool(f.accepted)) for f in r.findings)
    assert got == [
        ("FC101", "trade-growth", "error", True),
        ("FC102", "revenue-cagr", "error", False),
        ("FC131", "exports-share", "info", False),
        ("FC151", "", "warning", False),
    ]
    assert sorted((f.code, f.claim) for f in r.passed) == [
        ("FC111", "exports-share"),
        ("FC112", "income-ratio"),
    ]


# ---- golden files


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden(fmt: str, report: Report, plain_env: None) -> None:
    got = render(fmt, report)
    path = GOLDEN / f"report.{SUFFIX[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="")
    assert got == path.read_text(encoding="utf-8"), f"{fmt} differs from {path}"


def test_every_format_has_a_golden_and_a_module() -> None:
    assert set(SUFFIX) == set(FORMATS)
    for fmt in FORMATS:
        assert isinstance(formatter(fmt), Formatter)


def test_formats_do_not_import_rich() -> None:
    # docs/stack-notes.md: never write machine formats through rich (and it costs ~45 ms to import).
    code = (
        "import io, sys\n"
        "from pathlib import Path\n"
        "from factcheck import app\n"
        "from factcheck.report import formatter\n"
        "from factcheck.report.model import Report\n"
        "from factcheck.rulepack import load_pack\n"
        f"r = app.run([app.Target(Path({str(DATA / 'claims.yaml')!r}), 'c.yaml')], load_pack())\n"
        "for fmt in ('text', 'json', 'sarif', 'junit', 'github', 'markdown'):\n"
        "    formatter(fmt).write(Report(r), io.StringIO())\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


# ---- JSON


def test_json_shape_and_provenance(report: Report) -> None:
    doc = json.loads(render("json", report))
    assert doc["format"] == "factcheck-report"
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "factcheck", "version": "0.0.0-golden"}
    assert doc["counts"] == report.counts()
    assert doc["exit_code"] == report.exit_code() == 1
    assert [f["code"] for f in doc["findings"]] == [f.code for f in report.findings]
    assert [f["code"] for f in doc["passed"]] == [f.code for f in report.passed]
    for entry, f in zip(doc["findings"], report.findings, strict=True):
        assert entry["fingerprint"] == report.baseline_key(f)
        assert entry["gating"] == report.gates(f)
        assert {k: v for k, v in entry.items() if k in f.to_dict()} == f.to_dict()
    [file] = doc["files"]
    claims_sha = hashlib.sha256((DATA / "claims.yaml").read_bytes()).hexdigest()
    article_sha = hashlib.sha256((DATA / "article.txt").read_bytes()).hexdigest()
    assert file == {
        "path": SHOWN,
        "sha256": claims_sha,
        "article": {"path": "tests/data/formats/article.txt", "sha256": article_sha},
        "claims": 11,
        "checks": 4,
    }
    assert doc["rule_packs"] == [{"path": "rules/default.yaml", "sha256": "0" * 64}]


def test_json_with_the_real_rule_pack(results: list[FileResult]) -> None:
    pack = load_pack()
    doc = json.loads(
        render("json", Report(results, pack_sources=pack.sources, pack_digests=pack.digests))
    )
    assert [p["path"] for p in doc["rule_packs"]] == list(pack.sources)
    assert all(re.fullmatch("[0-9a-f]{64}", p["sha256"]) for p in doc["rule_packs"])


def test_json_reports_input_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    rep = Report(app.run([app.Target(bad, "bad.yaml")], load_pack()))
    doc = json.loads(render("json", rep))
    assert doc["exit_code"] == 2
    assert [p["code"] for p in doc["problems"]] == ["E101"]
    assert doc["files"] == [
        {"path": "bad.yaml", "sha256": None, "article": None, "claims": 0, "checks": 0}
    ]


# ---- SARIF


def validate_sarif(doc: dict) -> None:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_is_valid_against_the_official_schema(report: Report) -> None:
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")
    validate_sarif(json.loads(render("sarif", report)))


def test_sarif_rules_results_and_locations(report: Report) -> None:
    doc = json.loads(render("sarif", report))
    assert doc["version"] == "2.1.0"
    [run] = doc["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][: len(FINDINGS)] == list(FINDINGS)
    level = {"error": "error", "warning": "warning", "info": "note"}
    for rule in rules[: len(FINDINGS)]:
        title, severity = FINDINGS[rule["id"]]
        assert rule["shortDescription"]["text"] == title
        assert rule["defaultConfiguration"]["level"] == level[severity]
    results = {(r["ruleId"], r["properties"]["claim"]): r for r in run["results"]}
    assert len(results) == len(report.findings) == 4
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert "baselineState" not in r  # no baseline was given
    cagr = results[("FC102", "revenue-cagr")]
    assert cagr["level"] == "error"
    claims_loc, article_loc = cagr["locations"]
    assert claims_loc["physicalLocation"]["artifactLocation"]["uri"] == SHOWN
    assert claims_loc["physicalLocation"]["region"] == {"startLine": 25, "startColumn": 5}
    assert article_loc["physicalLocation"]["artifactLocation"]["uri"] == (
        "tests/data/formats/article.txt"
    )
    assert article_loc["physicalLocation"]["region"]["startLine"] == 3
    assert [x["message"]["text"].split()[0] for x in cagr["relatedLocations"]] == [
        "revenue-2020",
        "revenue-2025",
    ]
    assert cagr["partialFingerprints"] == {"factcheck/v1": f"{SHOWN}::revenue-cagr::FC102"}
    assert "suppressions" not in cagr
    accepted = results[("FC101", "trade-growth")]
    assert accepted["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": ACCEPTED_REASON}
    ]
    uncovered = results[("FC151", "")]  # located in the article only: no second location
    assert uncovered["level"] == "warning"
    assert len(uncovered["locations"]) == 1
    assert results[("FC131", "exports-share")]["level"] == "note"
    props = run["properties"]["factcheck"]
    assert props["tool"]["version"] == "0.0.0-golden"
    assert props["files"][0]["sha256"] == report.results[0].sha256
    assert props["files"][0]["article"]["sha256"] == report.results[0].article_sha256
    assert props["rule_packs"] == [{"path": "rules/default.yaml", "sha256": "0" * 64}]
    assert {a["location"]["uri"] for a in run["artifacts"]} == {
        SHOWN,
        "tests/data/formats/article.txt",
    }


def test_sarif_baseline_state(results: list[FileResult]) -> None:
    rep = make_report(results, baseline=frozenset({f"{SHOWN}::revenue-cagr::FC102"}))
    doc = json.loads(render("sarif", rep))
    validate_sarif(doc)
    states = {r["ruleId"]: r["baselineState"] for r in doc["runs"][0]["results"]}
    assert states == {"FC102": "unchanged", "FC101": "new", "FC151": "new", "FC131": "new"}


def test_sarif_caps_the_results(results: list[FileResult], monkeypatch: pytest.MonkeyPatch) -> None:
    assert sarif.MAX_RESULTS == 25_000  # GitHub code scanning's limit per run
    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    doc = json.loads(render("sarif", make_report(results)))
    validate_sarif(doc)
    [run] = doc["runs"]
    assert [r["ruleId"] for r in run["results"]] == [f.code for f in make_report(results).findings][
        :3
    ]
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith("1 results left out")
    assert run["properties"]["factcheck"]["results_left_out"] == 1


def test_sarif_input_problems_are_notifications_and_results(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    doc = json.loads(render("sarif", Report(app.run([app.Target(bad, "bad.yaml")], load_pack()))))
    validate_sarif(doc)
    [invocation] = doc["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 2
    [note] = invocation["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "E101"
    [result] = doc["runs"][0]["results"]  # and a result, located, that code scanning shows
    assert result["ruleId"] == "E101"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.yaml"


def test_sarif_nothing_checked() -> None:
    doc = json.loads(render("sarif", Report([])))
    validate_sarif(doc)
    [note] = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "E303"


def test_sarif_uris() -> None:
    assert sarif.uri("claims/a b.yaml") == "claims/a%20b.yaml"
    assert sarif.uri("./claims/金昌.yaml") == "claims/%E9%87%91%E6%98%8C.yaml"
    assert sarif.uri("claims\\x.yaml") == "claims/x.yaml"
    assert sarif.uri("/tmp/x.yaml") == "file:///tmp/x.yaml"
    assert sarif.uri("C:\\work\\x.yaml") == "file:///C:/work/x.yaml"


# ---- JUnit


def junit_tree(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    return root


def assert_consistent_counts(root: ET.Element) -> None:
    """Every tests/failures/errors/skipped attribute matches the elements it counts."""
    for node in [root, *root.iter("testsuite")]:
        cases = list(node.iter("testcase"))
        assert int(node.get("tests", "-1")) == len(cases)
        for tag, attr in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
            assert int(node.get(attr, "-1")) == sum(1 for c in cases if c.find(tag) is not None)


def test_junit_parses_back_with_consistent_counts(report: Report) -> None:
    root = junit_tree(render("junit", report))
    assert_consistent_counts(root)
    [suite] = root.iter("testsuite")
    assert suite.get("name") == SHOWN
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    # one test case per passed check and per finding
    assert len(cases) == len(report.passed) + len(report.findings) == 6
    assert all(c.get("classname") == SHOWN for c in cases.values())
    # Only findings that gate the run fail (--fail-on error: the FC102 error); the FC151
    # warning passes with its message, as the exit code does.
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("6", "1", "1")
    failure = cases["FC102 revenue-cagr"].find("failure")
    assert failure is not None and failure.get("type") == "FC102"
    assert "(60/40)^(1/5) - 1 = 8.4%" in (failure.text or "")
    warning = cases["FC151 tests/data/formats/article.txt:6:5"]
    assert warning.find("failure") is None
    assert "not covered" in (warning.findtext("system-out") or "")
    info = cases["FC131 exports-share"]  # info passes, with its message
    assert info.find("failure") is None and info.find("skipped") is None
    assert "consistent only because of rounding" in (info.findtext("system-out") or "")
    skipped = cases["FC101 trade-growth"].find("skipped")
    assert skipped is not None and skipped.get("message") == f"accepted: {ACCEPTED_REASON}"
    for name in ("FC112 income-ratio", "FC111 exports-share"):
        assert list(cases[name]) == [cases[name].find("system-out")]
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["factcheck.version"] == "0.0.0-golden"
    assert props["claims.sha256"] == report.results[0].sha256
    assert props["article.sha256"] == report.results[0].article_sha256


def test_junit_input_problems_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    rep = Report(app.run([app.Target(bad, "bad.yaml")], load_pack()))
    root = junit_tree(render("junit", rep))
    assert_consistent_counts(root)
    assert root.get("errors") == "1"
    [case] = root.iter("testcase")
    assert case.find("error").get("type") == "E101"  # type: ignore[union-attr]


def test_junit_nothing_checked_is_not_green() -> None:
    root = junit_tree(render("junit", Report([])))
    assert_consistent_counts(root)
    assert root.get("errors") == "1"


def test_junit_survives_characters_xml_cannot_carry(report: Report) -> None:
    f = report.findings[0]
    odd = replace(f, quote="a\x00b\x0cc<&>]]>\ud800", message="x\x1by")
    rep = Report([FileResult(SHOWN, claims=1, findings=[odd])])
    root = junit_tree(render("junit", rep))
    # control characters escaped as everywhere; a lone surrogate, which XML cannot carry, is �
    text = root.find(".//failure").text or ""  # type: ignore[union-attr]
    assert "a\\x00b\\x0cc<&>]]>\ufffd" in text


# ---- GitHub annotations


def test_github_escaping() -> None:
    assert github.escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = github.command("error", "m", file="x,y:z.yaml", line=3, col=0, title="t")
    assert line == "::error file=x%2Cy%3Az.yaml,line=3,title=t::m"


def test_github_user_text_cannot_start_a_command(report: Report) -> None:
    f = report.findings[0]
    evil = replace(f, quote="x\n::error::injected\r\n", accepted="", claim="a,b:c")
    rep = Report([FileResult(SHOWN, claims=1, findings=[evil])])
    lines = render("github", rep).splitlines()
    assert len(lines) == 2  # one annotation and the summary line
    assert lines[0].startswith("::error file=tests/data/formats/claims.yaml,line=25,col=5,")
    assert "title=factcheck FC102 a%2Cb%3Ac::" in lines[0]
    assert "x\\n::error::injected\\r\\n" in lines[0]  # user line breaks are escapes


def test_github_levels(report: Report) -> None:
    lines = render("github", report).splitlines()
    kinds = [re.match(r"::(\w+) ", x).group(1) for x in lines if x.startswith("::")]  # type: ignore
    # error FC102; accepted FC101 is a notice; warning FC151; info FC131 is a notice
    assert kinds == ["error", "notice", "warning", "notice"]
    assert lines[-1].startswith("factcheck: claims 11, checks 4, errors 2,")


# ---- Markdown


def test_markdown_escapes_user_text() -> None:
    assert markdown.md("a|b*c_d`e[f]<g>@h") == r"a\|b\*c\_d\`e\[f\]\<g\>&#64;h"
    assert markdown.md("line\nbreak") == "line break"
    assert markdown.md("# not a heading") == r"\# not a heading"
    assert markdown.md("- not a list") == r"\- not a list"
    assert markdown.md("1. not a list") == r"1\. not a list"
    assert markdown.md("9.5%") == "9.5%"


def test_markdown_tables_keep_their_columns(report: Report) -> None:
    text = render("markdown", report)
    accepted = next(x for x in text.splitlines() if "customs office" in x)
    assert r"US dollars \| reviewed by the \*desk\*" in accepted
    for row in (x for x in text.splitlines() if x.startswith("| ")):
        assert len(re.findall(r"(?<!\\)\|", row)) in (5, 13)  # 4 or 12 columns


def test_markdown_is_capped_at_one_mebibyte(report: Report) -> None:
    big = replace(report.findings[0], quote="长" * 20_000)
    many = [replace(big, claim=f"c{i}", line=i) for i in range(60)]
    rep = Report([FileResult(SHOWN, claims=60, findings=many)])
    text = render("markdown", rep)
    assert len(text.encode()) <= markdown.LIMIT
    shown = text.count("**FC102**")
    assert 0 < shown < 60
    assert text.rstrip().endswith("The JSON report has them all._")
    assert f"… {60 - shown} more entries are left out" in text


def test_markdown_in_chinese(results: list[FileResult]) -> None:
    text = render("markdown", make_report(results, lang="zh"))
    assert "### 错误 (2)" in text and "未通过" in text
    assert "文中为 9.5%，按水平值计算为 8.4%" in text


# ---- accepted and baselined findings stay visible in every format


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_accepted_findings_are_visible(fmt: str, report: Report, plain_env: None) -> None:
    text = render(fmt, report)
    assert "customs office" in text
    assert "trade-growth" in text


BASELINE_MARK = {
    "terminal": "in baseline",
    "text": "in baseline",
    "json": '"in_baseline": true',
    "sarif": '"baselineState": "unchanged"',
    "junit": "in baseline",
    "github": "(in baseline)",
    "markdown": "**in baseline**",
}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_baselined_findings_are_visible(
    fmt: str, results: list[FileResult], plain_env: None
) -> None:
    rep = make_report(results, baseline=frozenset({f"{SHOWN}::revenue-cagr::FC102"}))
    assert rep.exit_code() == 0  # the only gating finding is in the baseline
    text = render(fmt, rep)
    assert BASELINE_MARK[fmt] in text
    assert "revenue-cagr" in text


# ---- the terminal report's colour


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "tty", "colour"),
    [
        ({}, False, False),
        ({}, True, True),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "0"}, False, False),  # rich 15 would read "0" as force
        ({"FORCE_COLOR": ""}, False, False),
        ({"FORCE_COLOR": "0"}, True, True),  # not forced either way: the terminal decides
    ],
)
def test_terminal_colour(
    env: dict[str, str],
    tty: bool,
    colour: bool,
    report: Report,
    plain_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = _Tty() if tty else io.StringIO()
    assert terminal.use_colour(stream) is colour
    terminal.render(report, stream)
    assert ("\x1b[" in stream.getvalue()) is colour


# ---- files for CI


def test_github_workflow_uploads_sarif() -> None:
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "factcheck.yml").read_text("utf-8"))
    [job] = flow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    uses = [s.get("uses", "") for s in job["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    assert "--format sarif" in runs


def test_docs_cover_every_format_field_and_exit_code(report: Report) -> None:
    docs = (REPO / "docs" / "output-formats.md").read_text(encoding="utf-8")
    for fmt in FORMATS:
        assert f"`{fmt}`" in docs
    for code in range(4):
        assert f"| `{code}` |" in docs
    doc = json.loads(render("json", report))
    keys = set(doc) | set(doc["counts"]) | set(doc["files"][0]) | set(doc["findings"][0])
    keys |= set(doc["settings"]) | set(doc["findings"][0]["related"][0])
    missing = sorted(k for k in keys if f"`{k}`" not in docs)
    assert not missing, f"undocumented JSON fields: {missing}"


def test_a_finding_as_a_dict_is_what_dataclasses_make_of_it(report: Report) -> None:
    # Finding.to_dict spells out dataclasses.asdict (without its deep copy): the same keys in
    # the same order, the same values, related claims as a list of dicts.
    findings = [*report.findings, *report.passed]
    assert any(f.related for f in findings)
    for f in findings:
        expected = {**asdict(f), "related": [asdict(r) for r in f.related]}
        assert list(f.to_dict().items()) == list(expected.items())
