"""``factcheck check ARTICLE.txt``: draft an article's claims in memory and check them.

Soundness first: only the claims drafted with confidence (:attr:`DraftClaim.confident`, no
doubt about the kind, metric, period or value) are checked, so that every input of a finding
was drafted with confidence; a claim in doubt is not an input of any finding. What could not be
drafted with confidence is listed briefly in one FC153 finding at the end of the article's
findings. Findings point at the article (its line and column), since the claims exist only in
memory. The drafted text is validated once, by :func:`factcheck.loader.load_claims`, as a claims
file would be; a claim it refuses is left out and listed with the others.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import InputError, Problem
from factcheck.extract.draft import COLLISION, collisions, draft_claims
from factcheck.extract.english import is_english
from factcheck.extract.links import keep_refs
from factcheck.extract.model import Draft, DraftClaim
from factcheck.extract.yamltext import claim_lines, file_lines
from factcheck.finding import Finding, Related
from factcheck.result import FileResult
from factcheck.yamlsrc import read_text

if TYPE_CHECKING:
    from factcheck.model import ClaimsFile
    from factcheck.rulepack import RulePack

MAX_ROUNDS = 3  # rounds of "load, leave out what the loader refuses, load again"
# Where a sentence ends, as the drafter reads it (text.py: 。；！？ and blank lines)
_SENTENCE = re.compile(r"[。；！？;!?]|\n")
LISTED = 8  # figures named in the FC153 summary; the rest are counted


def check_article(
    path: Path,
    shown: str,
    pack: RulePack,
    root: Path | None = None,
    published: datetime.date | None = None,
) -> FileResult:
    """Draft ``path`` and check the confident drafts; input problems go into the result.
    ``published`` dates the periods a text writes without a year (default: today)."""
    text, problems = read_text(path, shown)
    if text is None:
        return FileResult(shown, problems=problems)
    draft = draft_claims(text, pack, published=published)
    confident = keep_refs(_apart(text, draft, pack))
    checked = {id(c) for c in draft.claims if c.ids[0] in {x.ids[0] for x in confident}}
    doubted = [c for c in draft.claims if id(c) not in checked]
    file, problems, refused = _load(path, shown, text, draft, confident, pack, root)
    if file is None:
        return FileResult(shown, problems=problems)
    from factcheck.engine import check_file  # noqa: PLC0415 - pint only when checking

    result = check_file(file, pack)
    lines = {i: c.line for c in draft.claims for i in c.ids}
    result.findings = [_at_article(f, shown, lines) for f in result.findings if f.code != "FC151"]
    result.passed = [_at_article(f, shown, lines) for f in result.passed]
    left = [(c.line, c.values[0] if c.values else c.kind, "; ".join(c.doubts)) for c in doubted]
    left += [
        (c.line, c.values[0] if c.values else c.kind, f"{p.code} {p.message}") for c, p in refused
    ]
    left += [(s.line, s.text, s.why) for s in draft.skipped if s.reason == "other"]
    if left:
        result.findings.append(_not_drafted(shown, sorted(left), pack))
    result.path = shown
    return result


def _apart(text: str, draft: Draft, pack: RulePack) -> list[DraftClaim]:
    """The claims to check: the confident ones, and the ones whose only doubt is that another
    figure of another sentence reads as the same quantity with another value, each read in its
    own sentence.

    Such a figure is as sure as any other within its sentence (the links and changes of
    ``GDP…增长18.3%；比2019年一季度增长10.3%，两年平均增长5.6%`` hold whatever the figure of
    another paragraph), but not across sentences: one of the two readings may be wrong. So the
    quantity is named apart in each sentence that holds such a figure (its metric followed by
    the sentence's number, for every claim of the sentence with that entity and metric but a
    level read with confidence, which keeps its name: the changes of the sentence name it by
    id), and the two readings are never compared. Where two such readings share a sentence they stay
    out."""
    claims = list(draft.claims)
    marks = [m.end() for m in _SENTENCE.finditer(text)]
    tag = " (sentence {})" if is_english(text) else "（第{}句）"

    def sentence(c: DraftClaim) -> int:
        return bisect_right(marks, c.spans[0][0] if c.spans else c.start)

    apart = [c for c in claims if c.doubts == (COLLISION,)]
    if not apart:
        return [c for c in claims if c.confident]
    split = {(sentence(c), _field(c, "entity"), m) for c in apart for m in _metrics_of(c)}
    out = []
    for c in claims:
        if not c.confident and c.doubts != (COLLISION,):
            continue
        if c.confident and c.kind == "level":
            out.append(c)  # a level read with confidence keeps its name: its changes link it
            continue
        key = (sentence(c), _field(c, "entity"))
        fields = tuple(
            (name, _renamed(v, key, split, tag)) if name in ("metric", "metrics") else (name, v)
            for name, v in c.fields
        )
        out.append(replace(c, fields=fields, doubts=()))
    # two readings apart in one sentence still collide: those stay out
    again = collisions([replace(c, doubts=()) for c in out], pack)
    return [c for c, d in zip(out, again, strict=True) if not d.doubts]


def _field(c: DraftClaim, name: str) -> str:
    value = dict(c.fields).get(name, "")
    return value if isinstance(value, str) else ""


def _metrics_of(c: DraftClaim) -> tuple[str, ...]:
    value = dict(c.fields).get("metric", "")
    return (value,) if isinstance(value, str) else value


def _renamed(
    value: str | tuple[str, ...], key: tuple[int, str], split: set[tuple[int, str, str]], tag: str
) -> str | tuple[str, ...]:
    """A metric (or each of a list) followed by its sentence's number where it is named apart."""

    def name(m: str) -> str:
        return m + tag.format(key[0]) if (*key, m) in split else m

    return name(value) if isinstance(value, str) else tuple(map(name, value))


def _load(
    path: Path,
    shown: str,
    text: str,
    draft: Draft,
    claims: list[DraftClaim],
    pack: RulePack,
    root: Path | None,
) -> tuple[ClaimsFile | None, list[Problem], list[tuple[DraftClaim, Problem]]]:
    """Load the confident drafts as a reviewed claims file standing beside the article (one
    validation); a claim the loader refuses is left out and the rest loaded again."""
    from factcheck.loader import load_claims  # noqa: PLC0415

    at = path.with_name(path.name + ".claims.yaml")
    refused: list[tuple[DraftClaim, Problem]] = []
    problems: list[Problem] = []
    for _ in range(MAX_ROUNDS):
        items = [claim_lines(c, draft=False) for c in claims]
        lines = file_lines(draft, path.name, items)
        first = len(lines) - sum(map(len, items)) + 1
        try:
            file = load_claims(at, pack, shown, text="\n".join(lines) + "\n", root=root)
        except InputError as exc:
            problems = exc.problems
            bad = _items_of(problems, items, first)
            if bad is None:
                return None, problems, refused
            refused += [(claims[i], p) for i, p in bad.items()]
            claims = keep_refs([c for i, c in enumerate(claims) if i not in bad])
            continue
        return replace(file, article_text=text), [], refused
    return None, problems, refused


def _items_of(
    problems: list[Problem], items: list[list[str]], first: int
) -> dict[int, Problem] | None:
    """The drafted items the problems are on, or None when one is outside every item."""
    bad: dict[int, Problem] = {}
    starts = []
    line = first
    for item in items:
        starts.append(line)
        line += len(item)
    for p in problems:
        hit = next((i for i, a in enumerate(starts) if a <= p.loc.line < a + len(items[i])), None)
        if hit is None:
            return None
        bad.setdefault(hit, p)
    return bad


def _at_article(f: Finding, shown: str, lines: dict[str, int]) -> Finding:
    """A finding located in the article (the drafted claims file exists only in memory)."""
    related = tuple(
        replace(r, path=shown, line=lines.get(r.id, r.line)) if isinstance(r, Related) else r
        for r in f.related
    )
    line = f.article_line or lines.get(f.claim, 0)
    return replace(f, path=shown, line=line, col=f.article_col or 1, related=related)


def _not_drafted(shown: str, left: list[tuple[int, str, str]], pack: RulePack) -> Finding:
    """One finding listing, briefly, the figures that were not checked."""
    named = ", ".join(f"line {line} {text} ({why})" for line, text, why in left[:LISTED])
    more = f" and {len(left) - LISTED} more" if len(left) > LISTED else ""
    n = len(left)
    return Finding(
        path=shown,
        line=left[0][0],
        col=1,
        code="FC153",
        claim="",
        verdict="uncovered",
        message=f"{n} figures could not be drafted with confidence and were not checked: "
        f"{named}{more}; `factcheck extract` writes them for review",
        message_zh=f"{n} 个数字未能可靠起草，未核查：{named}{more}",
        severity=pack.severity_of("FC153"),
        quote=f"{n} figures",
        check="draft",
    )
