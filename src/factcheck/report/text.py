"""The parsable line format: ``path:line:col: severity code message``, one line per finding.

It serves editors, grep and end-to-end tests. Input problems use the same shape with severity
``error``. Every entry is exactly one line: control characters of user text are escaped
(:func:`factcheck.textsafe.visible`).
"""

from __future__ import annotations

from typing import IO

from factcheck.report.model import Report
from factcheck.textsafe import visible


def render(report: Report) -> str:
    """One line per problem and finding."""
    lines = [f"{p.loc}: error {p.code} {p.message}" for p in report.problems]
    for f in report.findings:
        extra = []
        if f.arithmetic:
            extra.append(f.arithmetic)
        if f.accepted:
            extra.append(f"accepted: {f.accepted}")
        if report.in_baseline(f):
            extra.append("in baseline")
        tail = f" [{'; '.join(extra)}]" if extra else ""
        lines.append(
            f"{f.path}:{f.line}:{f.col}: {f.severity} {f.code} "
            f"{f.claim + ': ' if f.claim else ''}{f.message_in(report.lang)}{tail}"
        )
    if report.verbose:
        lines += [
            f"{f.path}:{f.line}:{f.col}: pass {f.code} {f.claim}: {f.arithmetic}"
            for f in report.passed
        ]
    # User text (metrics, quotes, reasons, paths) may hold line breaks or escape sequences:
    # written as escapes, each entry stays one line and inert.
    return "".join(visible(line) + "\n" for line in lines)


def write(report: Report, stream: IO[str], to_file: bool = False) -> None:
    """Write the report to a stream (the :class:`~factcheck.report.Formatter` protocol)."""
    stream.write(render(report))
