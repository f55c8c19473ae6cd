"""GitHub Actions workflow commands: one annotation per finding and input problem.

``::error file=F,line=L,col=C,title=T::message``. GitHub turns ``%0A`` back into a line break, so
the message carries the quote, the figures and the arithmetic on their own lines. ``%``, CR and
LF are escaped everywhere, and ``:`` and ``,`` too inside properties; with that, no user text
can end a command early or start a new one. ``info`` findings are notices, and so are accepted
and baselined findings (they stay visible but are not problems any more). GitHub shows the
first 10 errors and 10 warnings of a step; the log keeps every line.
"""

from __future__ import annotations

from typing import IO

from factcheck.codes import Exit
from factcheck.finding import Finding
from factcheck.report.model import Report
from factcheck.textsafe import visible

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: object) -> str:
    """One workflow command line."""
    inner = ",".join(f"{k}={escape_property(visible(str(v)))}" for k, v in props.items() if v)
    return f"::{name}{' ' + inner if inner else ''}::{escape_data(message)}"


def _annotation(f: Finding, report: Report) -> str:
    title = f"factcheck {f.code} {f.claim}".rstrip()
    name = COMMAND.get(f.severity, "notice")
    lines = [f.message_in(report.lang)]
    if f.quote:
        lines.append(f"quote: {f.quote}")
    if f.recomputed:
        lines.append(f"stated {f.stated}, recomputed {f.recomputed} {f.interval}".rstrip())
    if f.arithmetic:
        lines.append(f.arithmetic)
    if f.article_path and (f.article_path, f.article_line) != (f.path, f.line):
        lines.append(f"article: {f.article_path}:{f.article_line}:{f.article_col}")
    if f.accepted:
        name, title = "notice", f"{title} (accepted)"
        lines.append(f"accepted: {f.accepted}")
    elif report.in_baseline(f):
        name, title = "notice", f"{title} (in baseline)"
    # The lines are factcheck's; a break or an escape sequence inside user text is escaped.
    text = "\n".join(visible(x) for x in lines)
    return command(name, text, file=f.path, line=f.line, col=f.col, title=title)


def render(report: Report) -> str:
    """Annotations for input problems and findings, then one plain summary line."""
    problems = report.problems
    out = [
        command(
            "error",
            p.message,
            file=p.loc.path,
            line=p.loc.line,
            col=p.loc.col,
            title=f"factcheck {p.code}",
        )
        for p in problems
    ]
    code = report.exit_code()
    if code == Exit.INPUT and not report.problems:
        out.append(command("error", "no claims were checked", title="factcheck E303"))
    out += [_annotation(f, report) for f in report.findings]
    c = report.counts()
    out.append(
        f"factcheck: claims {c['claims']}, checks {c['checks']}, errors {c['errors']}, "
        f"warnings {c['warnings']}, info {c['infos']}, accepted {c['accepted']}, "
        f"in baseline {c['baselined']}: exit code {code} (--fail-on {report.fail_on})"
    )
    return "\n".join(out) + "\n"


def write(report: Report, stream: IO[str], to_file: bool = False) -> None:
    """Write the report to a stream (the :class:`~factcheck.report.Formatter` protocol)."""
    stream.write(render(report))
