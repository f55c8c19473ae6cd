"""SARIF 2.1.0, for code-scanning UIs (GitHub code scanning, the VS Code SARIF viewer).

One run. ``tool.driver.rules`` lists every finding code of :data:`factcheck.codes.FINDINGS`, so
rule indexes are stable. Each result is located at its claim in the claims file and, as a second
location, at its quote in the article; the claims it was recomputed from are its related
locations. Accepted findings carry an in-source suppression with the reason; with a baseline,
each result says whether it is new or unchanged. Input problems are results too, at their place
(rules ``E…``), and tool notifications. Every rule has a ``helpUri`` into docs/codes.md; every
file is one artifact, however many claims files name it. GitHub accepts at most 25,000 results
per run, so the rest are dropped with a notification.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import PurePosixPath, PureWindowsPath
from typing import IO, Any
from urllib.parse import quote

from factcheck.codes import FINDINGS, INPUT_CODES, Exit, help_uri
from factcheck.errors import Loc, Problem
from factcheck.finding import Finding
from factcheck.report.json import provenance
from factcheck.report.model import Report
from factcheck.textsafe import json_safe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000  # GitHub code scanning rejects a run with more
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# Findings first, then input problems: appending codes never moves an index.
RULES: dict[str, tuple[str, str]] = {
    **FINDINGS,
    **{code: (title, "error") for code, title in INPUT_CODES.items()},
}
RULE_INDEX = {code: i for i, code in enumerate(RULES)}


def uri(path: str) -> str:
    """A file path as a URI reference: relative paths stay relative (code scanning resolves
    them against the repository root), absolute ones become ``file://`` URIs."""
    if PureWindowsPath(path).is_absolute() and not path.startswith("/"):
        return PureWindowsPath(path).as_uri()
    if path.startswith("/"):
        return PurePosixPath(path).as_uri()
    return quote(posixpath.normpath(path.replace("\\", "/")), safe="/")


def _location(path: str, line: int, col: int = 0, text: str = "") -> dict[str, object]:
    region: dict[str, object] = {"startLine": max(line, 1)}
    if col > 0:
        region["startColumn"] = col
    where: dict[str, object] = {
        "physicalLocation": {"artifactLocation": {"uri": uri(path)}, "region": region}
    }
    if text:
        where["message"] = {"text": text}
    return where


def _result(f: Finding, report: Report) -> dict[str, object]:
    text = f"{f.claim}: " if f.claim else ""
    text += f.message_in(report.lang)
    if f.arithmetic:
        text += f" — {f.arithmetic}"
    locations = [_location(f.path, f.line, f.col, f"claim {f.claim}" if f.claim else "")]
    if f.article_path and (f.article_path, f.article_line) != (f.path, f.line):
        locations.append(_location(f.article_path, f.article_line, f.article_col, "article"))
    result: dict[str, object] = {
        "ruleId": f.code,
        "ruleIndex": RULE_INDEX[f.code],
        "level": LEVEL.get(f.severity, "note"),
        "message": {"text": text},
        "locations": locations,
        "partialFingerprints": {"factcheck/v1": report.baseline_key(f)},
        "properties": {
            "claim": f.claim,
            "verdict": f.verdict,
            "quote": f.quote,
            "stated": f.stated,
            "recomputed": f.recomputed,
            "interval": f.interval,
            "arithmetic": f.arithmetic,
            "witness": f.witness,
            "material": f.material,
            "check": f.check,
        },
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": i, **_location(r.path, r.line, 0, f"{r.id} {r.value} “{r.quote}”")}
            for i, r in enumerate(f.related, 1)
        ]
    if f.accepted:
        result["suppressions"] = [
            {"kind": "inSource", "status": "accepted", "justification": f.accepted}
        ]
    if report.baseline:
        # Only a run compared with a baseline has a baseline state (SARIF §3.27.24).
        result["baselineState"] = "unchanged" if report.in_baseline(f) else "new"
    return result


def _problem(p: Problem) -> dict[str, object]:
    """An input problem as a result at its place, so code scanning shows it on the file."""
    return {
        "ruleId": p.code,
        "ruleIndex": RULE_INDEX.get(p.code, -1),
        "level": "error",
        "message": {"text": p.message},
        "locations": [_location(p.loc.path, p.loc.line, p.loc.col)],
        "partialFingerprints": {"factcheck/v1": f"{uri(p.loc.path)}::{p.code}::{p.message}"},
    }


def _artifacts(report: Report) -> list[dict[str, object]]:
    """Every claims file and article once, whatever number of claims files name an article."""
    seen: dict[str, dict[str, object]] = {}
    for r in report.results:
        for path, sha in ((r.path, r.sha256), (r.article_path, r.article_sha256)):
            if path and sha and uri(path) not in seen:
                seen[uri(path)] = {
                    "location": {"uri": uri(path)},
                    "roles": ["analysisTarget"],
                    "hashes": {"sha-256": sha},
                }
    return list(seen.values())


def _rule(code: str, title: str, severity: str) -> dict[str, object]:
    return {
        "id": code,
        "shortDescription": {"text": title},
        "helpUri": help_uri(code),
        "help": {"text": f"{code}: {title}. Every code is described in docs/codes.md."},
        "defaultConfiguration": {"level": LEVEL[severity]},
    }


def _notification(code: str, level: str, text: str, where: Loc | None = None) -> dict[str, object]:
    note: dict[str, object] = {
        "descriptor": {"id": code},
        "level": level,
        "message": {"text": text},
    }
    if where is not None:
        note["locations"] = [_location(where.path, where.line, where.col)]
    return note


def document(report: Report) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    findings = report.findings
    code = report.exit_code()
    problems = report.problems
    notes = [_notification(p.code, "error", p.message, p.loc) for p in problems]
    if code == Exit.INPUT and not problems:
        notes.append(_notification("E303", "error", "no claims were checked"))
    if len(findings) > MAX_RESULTS:
        notes.append(
            _notification(
                "truncated",
                "warning",
                f"{len(findings) - MAX_RESULTS} results left out: code scanning accepts at most "
                f"{MAX_RESULTS} per run (the JSON report has them all)",
            )
        )
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": report.version,
                "rules": [_rule(code, *entry) for code, entry in RULES.items()],
            }
        },
        "invocations": [
            {
                "executionSuccessful": code != Exit.INPUT,
                "exitCode": code,
                "toolExecutionNotifications": notes,
            }
        ],
        "language": report.lang,
        "columnKind": "unicodeCodePoints",
        "artifacts": _artifacts(report),
        "results": [_problem(p) for p in problems]
        + [_result(f, report) for f in findings[:MAX_RESULTS]],
        "properties": {
            "factcheck": {
                **provenance(report),
                "fail_on": report.fail_on,
                "counts": report.counts(),
                "results_left_out": max(len(findings) - MAX_RESULTS, 0),
            }
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    """The SARIF text (UTF-8, two-space indent, a final newline)."""
    return json_safe(json.dumps(document(report), ensure_ascii=False, indent=2)) + "\n"


def write(report: Report, stream: IO[str], to_file: bool = False) -> None:
    """Write the report to a stream (the :class:`~factcheck.report.Formatter` protocol)."""
    stream.write(render(report))
