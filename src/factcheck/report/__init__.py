"""Output formats. Each one renders the same :class:`~factcheck.report.model.Report`; none
computes anything. Modules are imported only when their format is asked for."""

from __future__ import annotations

import importlib
from typing import Any

FORMATS: dict[str, str] = {
    "terminal": "the audit report for editors (rich; plain text when not a terminal)",
    "text": "one parsable line per finding: path:line:col: severity code message",
    "json": "stable, versioned JSON (docs/output-formats.md)",
    "sarif": "SARIF 2.1.0, for code-scanning UIs",
    "junit": "JUnit XML, one test case per check (GitLab, Jenkins)",
    "github": "GitHub Actions workflow-command annotations",
    "markdown": "Markdown, for a pull-request comment or the job summary",
}


def formatter(name: str) -> Any:
    """The module that renders a format (``render(report) -> str``, or a stream for terminal)."""
    if name not in FORMATS:
        raise KeyError(f"unknown format '{name}'; expected one of {', '.join(FORMATS)}")
    return importlib.import_module(f"factcheck.report.{name.replace('-', '_')}")
