"""The JSON report: stable and versioned, for scripts and dashboards.

The shape is documented field by field in ``docs/output-formats.md``. A field is never renamed
or removed within a ``version``; new fields may be added. Provenance (tool version, and the
sha256 of every claims file, article and rule pack read) lets a reader tell which inputs a
report describes. :func:`provenance` is shared with the SARIF format.
"""

from __future__ import annotations

import json  # the standard library: imports are absolute, so this module does not shadow it
from typing import IO

from factcheck.report.model import Report
from factcheck.result import FileResult
from factcheck.textsafe import json_safe

FORMAT = "factcheck-report"
VERSION = 1


def _file(r: FileResult) -> dict[str, object]:
    """A claims file and its article, with their hashes (None where they were not read)."""
    article = None
    if r.article_path:
        article = {"path": r.article_path, "sha256": r.article_sha256 or None}
    return {"path": r.path, "sha256": r.sha256 or None, "article": article}


def provenance(report: Report) -> dict[str, object]:
    """The tool, and every input file of the run with its sha256."""
    return {
        "tool": {"name": "factcheck", "version": report.version},
        "files": [_file(r) for r in report.results],
        "rule_packs": [
            {"path": source, "sha256": report.pack_digests.get(source)}
            for source in report.pack_sources
        ],
    }


def document(report: Report) -> dict[str, object]:
    """The report as a JSON-ready dict (see docs/output-formats.md)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "tool": {"name": "factcheck", "version": report.version},
        "settings": {
            "fail_on": report.fail_on,
            "lang": report.lang,
            "baseline": len(report.baseline),
        },
        "exit_code": report.exit_code(),
        "counts": report.counts(),
        "files": [{**_file(r), "claims": r.claims, "checks": r.checks} for r in report.results],
        "rule_packs": provenance(report)["rule_packs"],
        "problems": [p.to_dict() for p in report.problems],
        "findings": [
            {
                **f.to_dict(),
                "fingerprint": report.baseline_key(f),
                "in_baseline": report.in_baseline(f),
                "gating": report.gates(f),
            }
            for f in report.findings
        ],
        "passed": [f.to_dict() for f in report.passed],
    }


def render(report: Report) -> str:
    """The JSON text: UTF-8 (Chinese kept readable), two-space indent, a final newline."""
    return json_safe(json.dumps(document(report), ensure_ascii=False, indent=2)) + "\n"


def write(report: Report, stream: IO[str], to_file: bool = False) -> None:
    """Write the report to a stream (the :class:`~factcheck.report.Formatter` protocol)."""
    stream.write(render(report))
