"""The audit report an editor reads in the terminal (rich).

Header, counts, then each finding grouped by severity with its quote, the stated value, the
recomputed value and interval, the arithmetic and the claim's ``file:line``; then a one-line
verdict. Colour follows the terminal, ``NO_COLOR`` and ``FORCE_COLOR`` (decided here, not by
rich: rich 15 reads ``FORCE_COLOR=0`` as "force" and keeps bold under ``NO_COLOR``). User text
is never parsed as rich markup: everything is built from ``Text`` pieces.
"""

from __future__ import annotations

import os
from typing import IO

from factcheck.finding import Finding
from factcheck.report.model import Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "pass": "green"}
_MARK = {"error": "✗", "warning": "!", "info": "i", "pass": "✓"}
_TITLE = {
    "en": {
        "error": "Errors",
        "warning": "Warnings",
        "info": "Info",
        "pass": "Passed checks",
        "problems": "Input problems",
    },
    "zh": {
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "pass": "通过的检查",
        "problems": "输入问题",
    },
}
_WORDS = {
    "en": {
        "stated": "stated",
        "recomputed": "recomputed",
        "claims": "claims",
        "checks": "checks",
        "consistent": "consistent",
        "inconsistent": "inconsistent",
        "undetermined": "undetermined",
        "derived": "derived",
        "uncovered": "uncovered",
        "article": "article",
        "accepted": "accepted",
        "baseline": "in baseline",
        "material": "material",
        "would": "would hold at",
        "related": "from",
    },
    "zh": {
        "stated": "文中",
        "recomputed": "重算",
        "claims": "断言",
        "checks": "检查",
        "consistent": "一致",
        "inconsistent": "不一致",
        "undetermined": "无法判定",
        "derived": "推算",
        "uncovered": "未覆盖",
        "article": "文章",
        "accepted": "已接受",
        "baseline": "已在基线中",
        "material": "影响结论",
        "would": "可成立的值",
        "related": "依据",
    },
}


def use_colour(stream: IO[str]) -> bool:
    """NO_COLOR (any value) wins; FORCE_COLOR forces unless it is empty or '0'; else a TTY."""
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force is not None and force not in ("", "0"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def render(report: Report, stream: IO[str], width: int | None = None) -> None:
    """Print the audit report to ``stream``."""
    from rich.console import Console  # noqa: PLC0415 - ~45 ms; only when the report is drawn
    from rich.text import Text  # noqa: PLC0415

    colour = use_colour(stream)
    console = Console(
        file=stream,
        color_system="auto" if colour else None,
        force_terminal=colour,
        no_color=not colour,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        width=width or (None if colour else 80),
    )
    words = _WORDS[report.lang]
    titles = _TITLE[report.lang]
    for r in report.results:
        head = Text.assemble(("factcheck ", "bold"), r.path)
        if r.article_path:
            head.append(f"  ({words['article']}: {r.article_path})", "dim")
        console.print(head)
    counts = report.counts()
    console.print(
        Text(
            "  "
            + " · ".join(
                f"{counts[k]} {words[k]}"
                for k in (
                    "claims",
                    "checks",
                    "consistent",
                    "inconsistent",
                    "undetermined",
                    "derived",
                    "uncovered",
                )
            ),
            "dim",
        )
    )
    if report.problems:
        console.print(Text(f"\n{titles['problems']} ({len(report.problems)})", "bold red"))
        for p in report.problems:
            console.print(Text(f"  ✗ {p}"))  # type: ignore[str-bytes-safe]
    for severity in ("error", "warning", "info"):
        group = [f for f in report.findings if f.severity == severity]
        if group:
            console.print(Text(f"\n{titles[severity]} ({len(group)})", _STYLE[severity]))
            for f in group:
                console.print(_finding(f, report, severity, words, Text))
    if report.verbose and report.passed:
        console.print(Text(f"\n{titles['pass']} ({len(report.passed)})", _STYLE["pass"]))
        for f in report.passed:
            console.print(_finding(f, report, "pass", words, Text))
    console.print()
    console.print(_verdict(report, counts, Text))


def _finding(
    f: Finding, report: Report, severity: str, words: dict[str, str], Text: type
) -> object:
    text = Text(f"  {_MARK[severity]} ", _STYLE[severity])
    text.append(f.code, _STYLE[severity])
    if f.claim:
        text.append(f" {f.claim}", "bold")
    text.append(f"  {f.path}:{f.line}", "dim")
    if f.material:
        text.append(f"  [{words['material']}]", "magenta")
    if f.accepted:
        text.append(f"  [{words['accepted']}: {f.accepted}]", "green")
    if report.in_baseline(f):
        text.append(f"  [{words['baseline']}]", "green")
    if f.quote:
        text.append(f"\n      “{f.quote}”", "italic")
    if f.stated or f.recomputed:
        line = f"\n      {words['stated']} {f.stated or '-'}"
        if f.recomputed:
            line += f"   {words['recomputed']} {f.recomputed} {f.interval}".rstrip()
        text.append(line)
    if f.arithmetic:
        text.append(f"\n      {f.arithmetic}", "bold")
    text.append(f"\n      {f.message_in(report.lang)}")
    if f.witness and f.verdict == "inconsistent":
        text.append(f"  ({words['would']} {f.witness})", "dim")
    for rel in f.related:
        text.append(
            f"\n      {words['related']} {rel.id} {rel.value} “{rel.quote}” {rel.path}:{rel.line}",
            "dim",
        )
    return text


def _verdict(report: Report, counts: dict[str, int], Text: type) -> object:
    code = report.exit_code()
    zh = report.lang == "zh"
    summary = (
        f"{counts['errors']} 个错误，{counts['warnings']} 个警告，{counts['infos']} 条提示"
        if zh
        else f"{counts['errors']} errors, {counts['warnings']} warnings, {counts['infos']} info"
    )
    if code == 2:
        word = "输入有误，未完成检查" if zh else "input problems: nothing was checked"
        if not report.problems:
            word = "没有检查任何断言" if zh else "no claims were checked"
        return Text(f"✗ {word}", "bold red")
    if code == 1:
        gate = f"--fail-on {report.fail_on}"
        return Text(f"✗ {summary}: " + ("未通过" if zh else "fails") + f" ({gate})", "bold red")
    return Text(
        f"✓ {summary}: " + ("通过" if zh else "passes") + f" (--fail-on {report.fail_on})",
        "bold green",
    )
