"""The annotated article (``factcheck show``): the article as an editor reads it, every figure
marked with its verdict, and a numbered note per finding under its paragraph.

Each numeric mention of the article is looked up among the claims: the claim whose quote holds
it and whose value is that figure gives its verdict, the worst of the claim's findings (✗
error, ! warning, i info), ✓ when its checks passed, · when no check is its own (a level the
others were recomputed from). A figure no claim or ignore entry covers carries its FC151
finding. A marked figure is written ``[9.5%]✗1``: the brackets, the mark and the note's number
are text, so they survive ``NO_COLOR``, a pipe and a printout; on a colour terminal the figure is
coloured too. Paragraphs are the article's lines. Every piece of user text is escaped
(:func:`factcheck.textsafe.visible`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO

from factcheck.finding import SEVERITY_RANK, Finding
from factcheck.mentions import Mention, find_mentions
from factcheck.model import ClaimsFile
from factcheck.quotes import index_for, normalise
from factcheck.report.words import WORDS
from factcheck.report.wrap import KEEP, Block, write_blocks
from factcheck.result import FileResult
from factcheck.textsafe import visible

MARK = {"error": "✗", "warning": "!", "info": "i", "pass": "✓", "stated": "·"}
STYLE = {
    "error": "bold red",
    "warning": "bold yellow",
    "info": "cyan",
    "pass": "green",
    "stated": "dim",
}
NOTE_INDENT = 6  # columns of a note's continuation lines: under the text after "  12 ✗ "
_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")

Segment = tuple[str, str]  # (text, rich style)


@dataclass(frozen=True, slots=True)
class Mark:
    """A figure of the article and what the claims say of it."""

    start: int
    end: int
    verdict: str  # a key of MARK
    notes: tuple[int, ...]  # numbers of the notes about it


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the article, its figures marked, and the notes that belong under it."""

    segments: list[Segment]
    notes: list[tuple[int, Finding]]


def _same_figure(mention: Mention, value: str) -> bool:
    """Is this mention the figure a claim's value states (670亿元 for 突破670亿元)?"""
    a, b = normalise(mention.text), normalise(value)
    if a and (a in b or b in a):
        return True
    da, db = _DIGITS.search(a), _DIGITS.search(b)
    return da is not None and db is not None and da.group() == db.group()


def _worst(findings: list[Finding]) -> str:
    return min((f.severity for f in findings), key=lambda s: SEVERITY_RANK.get(s, 3))


def annotate(result: FileResult) -> tuple[list[Paragraph], list[tuple[int, Finding]]]:
    """The article's paragraphs with marks and notes, and the notes no figure holds."""
    file = result.file
    assert file is not None and file.article_text is not None
    text = file.article_text
    findings = sorted(result.findings, key=lambda f: (f.article_line or 1 << 30, f.article_col))
    numbers = {id(f): i for i, f in enumerate(findings, 1)}
    marks = _marks(file, result, numbers)
    placed = {n for m in marks for n in m.notes}
    paragraphs = []
    offset = 0
    lines = text.split("\n")
    if lines[-1] == "":  # the line break that ends the text opens no paragraph
        lines.pop()
    for line_no, line in enumerate(lines, 1):
        end = offset + len(line)
        here = [m for m in marks if offset <= m.start < end]
        mine = {n for m in here for n in m.notes}
        # a finding whose figure is not marked is noted under the line of its quote
        notes = [
            (numbers[id(f)], f)
            for f in findings
            if numbers[id(f)] in mine
            or (numbers[id(f)] not in placed and f.article_line == line_no)
        ]
        paragraphs.append(Paragraph(_segments(text, offset, end, here), notes))
        offset = end + 1
    listed = {n for p in paragraphs for n, _ in p.notes}
    rest = [(numbers[id(f)], f) for f in findings if numbers[id(f)] not in listed]
    return paragraphs, rest


def _marks(file: ClaimsFile, result: FileResult, numbers: dict[int, int]) -> list[Mark]:
    text = file.article_text or ""
    index = index_for(text)
    spans = {c.id: index.find_all(c.quote) for c in file.claims}
    by_claim: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_claim.setdefault(f.claim, []).append(f)
    passed = {f.claim for f in result.passed}
    uncovered = {(f.article_line, f.article_col): f for f in result.findings if not f.claim}
    marks = []
    for m in find_mentions(text):
        if (found := uncovered.get((m.line, m.col))) is not None:
            marks.append(Mark(m.start, m.end, found.severity, (numbers[id(found)],)))
            continue
        owners = [
            c
            for c in file.claims
            if c.value is not None
            and _same_figure(m, c.value.text)
            and any(s.start <= m.start and m.end <= s.end for s in spans[c.id])
        ]
        if not owners:
            continue  # context inside a quote (a year), or a mention an ignore entry lists
        own = [f for c in owners for f in by_claim.get(c.id, [])]
        if own:
            verdict = _worst(own)
        else:
            verdict = "pass" if any(c.id in passed for c in owners) else "stated"
        notes = tuple(sorted(numbers[id(f)] for f in own))
        marks.append(Mark(m.start, m.end, verdict, notes))
    return marks


def _segments(text: str, start: int, end: int, marks: list[Mark]) -> list[Segment]:
    out: list[Segment] = []
    at = start
    for m in sorted(marks, key=lambda m: m.start):
        if m.start < at:
            continue  # two claims on overlapping figures: the first one marks it
        out.append((text[at : m.start], ""))
        label = MARK[m.verdict] + ",".join(map(str, m.notes))
        style = KEEP + STYLE[m.verdict]
        out += [("[", KEEP + "dim"), (text[m.start : m.end], style), ("]", KEEP + "dim")]
        out.append((label, style))
        at = m.end
    out.append((text[at:end], ""))
    return [(visible(t), s) for t, s in out if t]


def note_lines(number: int, f: Finding, lang: str) -> list[list[Segment]]:
    """A note: its number, mark, code and claim with the claim's place; then what was found."""
    words = WORDS[lang]
    style = STYLE.get(f.severity, "")
    head: list[Segment] = [(f"{number:>3} {MARK.get(f.severity, '?')} {f.code}", style)]
    if f.claim:
        head.append((f" {f.claim}", "bold"))
    head.append((f"  {f.path}:{f.line}", "dim"))
    if f.accepted:
        head.append((f"  [{words['accepted']}: {f.accepted}]", "green"))
    body = [f.message_in(lang)]
    if f.recomputed:
        said = words["implied"] if f.verdict == "derived" else words["recomputed"]
        body.append(f"{words['stated']} {f.stated or '-'}   {said} {f.recomputed} {f.interval}")
    if f.arithmetic:
        body.append(f.arithmetic)
    lines = [[(visible(t), s) for t, s in head]]
    lines += [[(visible(b.rstrip()), "")] for b in body]
    return lines


def render(result: FileResult, stream: IO[str], lang: str = "en", width: int | None = None) -> None:
    """Print the annotated article: on a terminal wrapped to its width, notes indented under
    their number, in colour unless NO_COLOR; elsewhere (a pipe, a file) one line per paragraph
    and per note line, without escape codes."""
    paragraphs, rest = annotate(result)
    words = WORDS[lang]
    legend = "  ".join(f"{MARK[k]} {words[w]}" for k, w in _LEGEND)
    blocks: list[Block] = [
        ([("factcheck show ", "bold"), (visible(result.path), "")], 0, 0, set()),
        ([(f"{words['article']}: {visible(result.article_path)}   {legend}", "dim")], 0, 2, set()),
        ([], 0, 0, set()),
    ]
    for p in paragraphs:
        keep = {i for i, (_, style) in enumerate(p.segments) if style.startswith(KEEP)}
        blocks.append((p.segments, 0, 0, keep))
        blocks += _notes(p.notes, lang)
    if rest:
        blocks += [([], 0, 0, set()), ([(words["elsewhere"], "bold")], 0, 0, set())]
        blocks += _notes(rest, lang)
    write_blocks(blocks, stream, width)


_LEGEND: tuple[tuple[str, str], ...] = (
    ("error", "error_one"),
    ("warning", "warning_one"),
    ("info", "info_one"),
    ("pass", "consistent"),
    ("stated", "stated_only"),
)


def _notes(notes: list[tuple[int, Finding]], lang: str) -> list[Block]:
    out: list[Block] = []
    for n, f in notes:
        first, *more = note_lines(n, f, lang)
        out.append((first, 2, NOTE_INDENT + 2, set()))
        out += [(line, NOTE_INDENT + 2, NOTE_INDENT + 2, set()) for line in more]
    return out
