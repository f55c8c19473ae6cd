"""Markdown, for a pull-request comment or the GitHub job summary.

A verdict line and a table of the counts, then every finding grouped by severity: the quote, a
small table of stated, recomputed, interval and arithmetic, and the claims it rests on. Text
from the user (quotes, values, reasons, paths) is escaped, so a ``|`` cannot break a table and a
``*`` or ``@name`` cannot format or notify. The job summary is capped at 1 MiB, so the output
stops short of that with a note saying how many entries were left out.
"""

from __future__ import annotations

import re
from typing import IO

from factcheck.codes import Exit
from factcheck.finding import Finding
from factcheck.report.model import Report
from factcheck.report.words import COUNT_KEYS, WORDS, verdict
from factcheck.textsafe import visible

LIMIT = 1024 * 1024  # bytes: GitHub's cap on a job summary
_RESERVE = 1024  # room kept for the closing note
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$#!&])")
_ORDERED = re.compile(r"(\d{1,9})[.)](?=\s|$)")


def md(text: object) -> str:
    """User text made inert: one line, Markdown punctuation escaped, ``@`` unable to mention."""
    flat = visible(" ".join(str(text).split()))
    flat = _SPECIAL.sub(r"\\\1", flat).replace("@", "&#64;")
    if flat[:1] in ("-", "+", "="):  # a list item or a heading underline at a line start
        return "\\" + flat
    if m := _ORDERED.match(flat):  # "1. " opens a numbered list at a line start
        return f"{m.group(1)}\\{flat[m.end(1) :]}"
    return flat


def _verdict(report: Report, words: dict[str, str]) -> str:
    code, text = verdict(report)
    return f"{'✓' if code == Exit.CLEAN else '✗'} **{md(text)}** ({words['exit']} {code})"


def _finding(f: Finding, report: Report, words: dict[str, str]) -> str:
    head = f"**{md(f.code)}**"
    if f.claim:
        head += f" · {md(f.claim)}"
    head += f" · {md(f'{f.path}:{f.line}')}"
    if f.article_path and (f.article_path, f.article_line) != (f.path, f.line):
        head += f" · {words['article']} {md(f'{f.article_path}:{f.article_line}')}"
    if f.accepted:
        head += f" · **{words['accepted']}**: {md(f.accepted)}"
    if report.in_baseline(f):
        head += f" · **{words['baseline']}**"
    message = md(f.message_in(report.lang))
    if f.witness and f.verdict == "inconsistent":
        message += f" ({words['would']} {md(f.witness)})"
    parts = [f"{head}  \n{message}"]
    if f.quote:
        parts.append(f"> {md(f.quote)}")
    if f.recomputed or f.arithmetic:
        keys = ("stated", "recomputed", "interval", "arithmetic")
        parts.append(
            "| " + " | ".join(words[k] for k in keys) + " |\n"
            "| --- | --- | --- | --- |\n"
            "| " + " | ".join(md(getattr(f, k)) or "-" for k in keys) + " |"
        )
    if f.related:
        parts.append(
            f"{words['from']}: "
            + "; ".join(
                f"{md(r.id)} {md(r.value)} “{md(r.quote)}” ({md(r.path)}:{r.line})"
                for r in f.related
            )
        )
    return "\n\n".join(parts) + "\n\n"


def render(report: Report) -> str:
    """The Markdown text, under 1 MiB."""
    words = WORDS[report.lang]
    c = report.counts()
    labels = {k: words[k] for k in COUNT_KEYS}
    head = [
        f"## {words['title']}\n\n",
        _verdict(report, words) + "\n\n",
        "| " + " | ".join(labels.values()) + " |\n",
        "| " + " | ".join("---:" for _ in labels) + " |\n",
        "| " + " | ".join(str(c[k]) for k in labels) + " |\n\n",
    ]
    # Everything below the counts can be long; entries (a file, a problem, a finding, a passed
    # check) are what the 1 MiB cap may leave out, headings are not.
    body: list[tuple[bool, str]] = []
    for r in report.results:
        article = f" ({words['article']} {md(r.article_path)})" if r.article_path else ""
        body.append((True, f"- {md(r.path)}{article}\n"))
    body.append((False, "\n"))
    problems = report.problems
    if problems:
        body.append((False, f"### {words['problems']} ({len(problems)})\n\n"))
        body += [(True, f"- {md(p.loc)}: **{p.code}** {md(p.message)}\n") for p in problems]
        body.append((False, "\n"))
    findings = report.findings
    for severity in ("error", "warning", "info"):
        group = [f for f in findings if f.severity == severity]
        if group:
            body.append((False, f"### {words[severity]} ({len(group)})\n\n"))
            body += [(True, _finding(f, report, words)) for f in group]
    if report.verbose and report.passed:
        body.append((False, f"### {words['passed']} ({len(report.passed)})\n\n"))
        body += [
            (
                True,
                f"- **{md(f.code)}** · {md(f.claim)} · {md(f'{f.path}:{f.line}')} · "
                f"{md(f.arithmetic)}\n",
            )
            for f in report.passed
        ]
    out = "".join(head)
    size = len(out.encode())
    parts = [out]
    for i, (_, text) in enumerate(body):
        size += len(text.encode())
        if size > LIMIT - _RESERVE:
            left = sum(entry for entry, _ in body[i:])
            parts.append(f"\n_… {words['left'].format(n=left)}_\n")
            break
        parts.append(text)
    return "".join(parts).rstrip("\n") + "\n"


def write(report: Report, stream: IO[str], to_file: bool = False) -> None:
    """Write the report to a stream (the :class:`~factcheck.report.Formatter` protocol)."""
    stream.write(render(report))
