"""Output formats. Each one renders the same :class:`~factcheck.report.model.Report`; none
computes anything. Modules are imported only when their format is asked for."""

from __future__ import annotations

import importlib
from typing import IO, TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from factcheck.report.model import Report

FORMATS: dict[str, str] = {
    "terminal": "the audit report for editors (rich; plain text when not a terminal)",
    "text": "one parsable line per finding: path:line:col: severity code message",
    "json": "stable, versioned JSON (docs/output-formats.md)",
    "sarif": "SARIF 2.1.0, for code-scanning UIs",
    "junit": "JUnit XML, one test case per check (GitLab, Jenkins)",
    "github": "GitHub Actions workflow-command annotations",
    "markdown": "Markdown, for a pull-request comment or the job summary",
}


@runtime_checkable
class Formatter(Protocol):
    """What every output format implements (the format's module does): write the report to a
    stream. ``to_file``: the stream is a report file, never a terminal (no colour)."""

    def write(self, report: Report, stream: IO[str], to_file: bool = False) -> None:
        """Write the whole report to ``stream``."""


def formatter(name: str) -> Formatter:
    """The format of this name (its module, imported now)."""
    if name not in FORMATS:
        raise KeyError(f"unknown format '{name}'; expected one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"factcheck.report.{name.replace('-', '_')}")
    if not isinstance(module, Formatter):  # every module of FORMATS defines write()
        raise TypeError(f"the '{name}' format does not implement Formatter")
    return module


if TYPE_CHECKING:  # mypy checks that each format's module implements the protocol
    from factcheck.report import github, json, junit, markdown, sarif, terminal, text

    _FORMATS: tuple[Formatter, ...] = (terminal, text, json, sarif, junit, github, markdown)
