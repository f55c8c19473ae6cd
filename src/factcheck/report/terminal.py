"""The audit report an editor reads in the terminal (rich).

Header, counts, then each finding grouped by severity with its quote and where the quote stands
in the article (``article.txt:12:34``), the stated value, the recomputed value and interval, the
arithmetic and the claim's ``file:line``; then a one-line verdict. The report is built once as
lines of ``(text, style)`` segments. On a terminal they are wrapped to its width keeping their
indentation (:mod:`factcheck.report.wrap`) and rich colours them; elsewhere (a pipe, a CI log)
they are joined as plain text without importing rich at all. Colour follows ``NO_COLOR`` and
``FORCE_COLOR``, decided here and not by rich: rich 15 reads ``FORCE_COLOR=0`` as "force" and
keeps bold under ``NO_COLOR``. User text is never parsed as rich markup: segments become
``Text`` pieces, and its control characters are escaped (:func:`factcheck.textsafe.visible`).
"""

from __future__ import annotations

import os
from typing import IO

from factcheck.codes import Exit
from factcheck.finding import Finding
from factcheck.report.model import Report
from factcheck.report.words import COUNT_KEYS, WORDS, counted, verdict
from factcheck.report.wrap import Block, write_blocks
from factcheck.textsafe import visible

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "pass": "green"}
_MARK = {"error": "✗", "warning": "!", "info": "i", "pass": "✓"}
_MARKS = set(_MARK.values())


Segment = tuple[str, str]  # (text, rich style)
Line = list[Segment]


def use_colour(stream: IO[str]) -> bool:
    """NO_COLOR (any value) wins; FORCE_COLOR forces unless it is empty or '0'; else a TTY."""
    if os.environ.get("NO_COLOR"):
        return False
    return _forced() or _tty(stream)


def _forced() -> bool:
    force = os.environ.get("FORCE_COLOR")
    return force is not None and force not in ("", "0")


def _tty(stream: IO[str]) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def render(
    report: Report, stream: IO[str], width: int | None = None, to_file: bool = False
) -> None:
    """Print the audit report to ``stream``: rich on a terminal, plain text elsewhere (and
    always plain when ``to_file``: FORCE_COLOR is about terminals, not report files)."""
    lines = build(report)
    if to_file or not (use_colour(stream) or _tty(stream)) and width is None:
        stream.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    write_blocks([_block(line) for line in lines], stream, width)


def _block(line: Line) -> Block:
    """A line with its indentation: wrapped lines keep it, and the lines of a finding or
    problem heading continue under its text, past the mark."""
    if not line:
        return line, 0, 0, set()
    text, style = line[0]
    body = text.lstrip(" ")
    first = len(text) - len(body)
    rest = first + 2 if body[:1] in _MARKS and body[1:2] == " " else first
    return [(body, style), *line[1:]], first, rest, set()


def write(report: Report, stream: IO[str], to_file: bool = False) -> None:
    """Write the report to a stream (the :class:`~factcheck.report.Formatter` protocol)."""
    render(report, stream, to_file=to_file)


def build(report: Report) -> list[Line]:
    """The report as lines of styled segments."""
    words = titles = WORDS[report.lang]
    lines: list[Line] = []
    for r in report.results:
        head: Line = [("factcheck ", "bold"), (r.path, "")]
        if r.article_path:
            head.append((f"  ({words['article']}: {r.article_path})", "dim"))
        lines.append(head)
    counts = report.counts()
    keys = COUNT_KEYS[:7]  # claims … uncovered; severities come in the verdict line
    lang = report.lang
    lines.append([("  " + " · ".join(counted(k, counts[k], lang) for k in keys[:3]), "dim")])
    lines.append([("  " + " · ".join(counted(k, counts[k], lang) for k in keys[3:]), "dim")])
    if report.problems:
        lines += [[], [(f"{titles['problems']} ({len(report.problems)})", "bold red")]]
        lines += [[(f"  ✗ {p}", "")] for p in report.problems]
    for severity in ("error", "warning", "info"):
        group = [f for f in report.findings if f.severity == severity]
        if group:
            lines += [[], [(f"{titles[severity]} ({len(group)})", _STYLE[severity])]]
            for f in group:
                lines += _finding(f, report, severity, words)
    if report.verbose and report.passed:
        lines += [[], [(f"{titles['pass']} ({len(report.passed)})", _STYLE["pass"])]]
        for f in report.passed:
            lines += _finding(f, report, "pass", words)
    lines += [[], [_verdict(report, counts)]]
    # No user text reaches the terminal as a control sequence or a line break.
    return [[(visible(text), style) for text, style in line] for line in lines]


def _finding(f: Finding, report: Report, severity: str, words: dict[str, str]) -> list[Line]:
    style = _STYLE[severity]
    first: Line = [(f"  {_MARK[severity]} {f.code}", style)]
    if f.claim:
        first.append((f" {f.claim}", "bold"))
    first.append((f"  {f.path}:{f.line}", "dim"))
    if f.material:
        first.append((f"  [{words['material']}]", "magenta"))
    if f.accepted:
        first.append((f"  [{words['accepted']}: {f.accepted}]", "green"))
    if report.in_baseline(f):
        first.append((f"  [{words['baseline']}]", "green"))
    out = [first]
    pad = "      "
    if f.quote:
        quote: Line = [(f"{pad}“{f.quote}”", "italic")]
        if f.article_line:  # where the quote stands: Chinese articles are often a line a paragraph
            quote.append((f"  {f.article_path}:{f.article_line}:{f.article_col}", "dim"))
        out.append(quote)
    if f.stated or f.recomputed:
        said = words["implied"] if f.verdict == "derived" else words["recomputed"]
        line = f"{pad}{words['stated']} {f.stated or '-'}"
        if f.recomputed:
            line += f"   {said} {f.recomputed} {f.interval}".rstrip()
        out.append([(line, "")])
    if f.arithmetic:
        out.append([(f"{pad}{f.arithmetic}", "bold")])
    message: Line = [(f"{pad}{f.message_in(report.lang)}", "")]
    if f.witness and f.verdict == "inconsistent":
        message.append((f"  ({words['would']} {f.witness})", "dim"))
    out.append(message)
    for rel in f.related:
        out.append(
            [
                (
                    f"{pad}{words['from']} {rel.id} {rel.value} “{rel.quote}” "
                    f"{rel.path}:{rel.line}",
                    "dim",
                )
            ]
        )
    return out


def _verdict(report: Report, counts: dict[str, int]) -> Segment:
    code, text = verdict(report)
    clean = code == Exit.CLEAN
    return (f"{'✓' if clean else '✗'} {text}", "bold green" if clean else "bold red")
