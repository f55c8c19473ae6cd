"""``factcheck extract``: draft a claims file from an article, or add the article's figures that
no claim covers yet to an existing claims file.

Drafting itself is :func:`factcheck.extract.draft.draft_claims`; the YAML text is written by
:mod:`factcheck.extract.yamltext`. This module reads and writes files and makes two promises:

* Nothing is lost. An existing file is never replaced without ``--force`` (E302); files are
  written atomically; ``--merge`` only inserts new claim items at the end of the ``claims:``
  list, so the user's claims, order, comments and bytes stay as they were.
* The output loads. Every draft is checked with the real parsers while it is made, and the
  whole text is then loaded by :func:`factcheck.loader.load_claims` before it is written; a
  drafted claim the loader still refuses is moved to the "not drafted" comments.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import replace
from pathlib import Path

from factcheck.coverage import Cover, covered_spans
from factcheck.errors import InputError, Problem
from factcheck.extract.draft import Draft, DraftClaim, Skipped, draft_claims
from factcheck.extract.links import keep_refs, retarget
from factcheck.extract.resync import Item, stale_drafts, without
from factcheck.extract.yamltext import (
    claim_lines,
    file_lines,
    insertion,
    modeline_for,
    quoted,
    skipped_lines,
    splice,
)
from factcheck.fileio import check_target, write_atomic
from factcheck.quotes import index_for
from factcheck.rulepack import RulePack
from factcheck.yamlsrc import read_text

MAX_ROUNDS = 3  # rounds of "load, drop what the loader refuses, load again"


def run_extract(
    article: Path,
    output: Path | None,
    merge: Path | None,
    force: bool,
    pack: RulePack,
    published: datetime.date | None = None,
) -> str:
    """Draft claims for ``article`` and write them; return a one-line summary.

    Without ``merge`` the draft goes to ``output`` (default: the article's name with ``.yaml``),
    which must not exist unless ``force``. With ``merge`` the claims not yet covered are appended
    to that claims file, written back in place (or to ``output``). Raises InputError (exit 2).
    """
    text = _read(article)
    if merge is not None:
        return _merge(article, text, merge, output, force, pack, published)
    target = output or article.with_suffix(".yaml")
    check_target(target, force, [article])
    draft = draft_claims(text, pack, published=published)
    rel = Path(os.path.relpath(article.resolve(), target.resolve().parent)).as_posix()
    claims, skipped = list(draft.claims), list(draft.skipped)
    for _ in range(MAX_ROUNDS):
        items = [claim_lines(c) for c in claims]
        lines = file_lines(draft, rel, items, modeline_for(target))
        first = len(lines) - sum(map(len, items)) + 1
        listed = _uncovered_skips(skipped, claims)
        lines += skipped_lines(listed)
        body = "\n".join(lines) + "\n"
        problems = _problems(body, target, pack, root=_root(article, target))
        if not problems:
            break
        claims, skipped = _drop(problems, claims, skipped, items, first, set())
    else:
        raise InputError(problems)
    write_atomic(target, body, force, inputs=[article])
    return (
        f"{target}: {len(claims)} draft claims ({sum(len(c.ids) for c in claims)} items) from "
        f"{draft.mentions} numeric mentions; {len(listed)} mentions "
        "not drafted are listed as comments at the end"
    )


def _read(path: Path) -> str:
    text, problems = read_text(path, str(path))
    if text is None:
        raise InputError(problems)
    return text


def _uncovered_skips(skipped: list[Skipped], claims: list[DraftClaim]) -> list[Skipped]:
    """The set-aside mentions that no drafted claim quotes (the others are covered anyway)."""
    cover = Cover((c.start, c.end) for c in claims)
    return [s for s in skipped if (s.start, s.end) not in cover]


def _root(article: Path, target: Path) -> Path:
    """The folder a draft's article may be read from: the closest one holding both the article
    named on the command line and the claims file written (``article: ../a.txt``)."""
    try:
        return Path(os.path.commonpath([article.resolve().parent, target.resolve().parent]))
    except (OSError, RuntimeError, ValueError):
        return target.parent


def _problems(
    text: str, target: Path, pack: RulePack, check_quotes: bool = True, root: Path | None = None
) -> list[Problem]:
    """What the loader says about ``text`` as if it were already written at ``target``."""
    from factcheck.loader import load_claims  # noqa: PLC0415 - pint only when a file is written

    try:
        load_claims(target, pack, str(target), check_quotes=check_quotes, text=text, root=root)
    except InputError as exc:
        return exc.problems
    return []


def _drop(
    problems: list[Problem],
    claims: list[DraftClaim],
    skipped: list[Skipped],
    items: list[list[str]],
    first: int,
    known: set[tuple[str, str]],
) -> tuple[list[DraftClaim], list[Skipped]]:
    """Move the claims whose lines the loader refused to the set-aside list. A problem outside
    every drafted item (and not already in the file before) is a bug: raise it."""
    bad: dict[int, Problem] = {}
    line = first
    ranges = []
    for i, item in enumerate(items):
        ranges.append((i, line, line + len(item)))
        line += len(item)
    for p in problems:
        hit = next((i for i, a, b in ranges if a <= p.loc.line < b), None)
        if hit is not None:
            bad.setdefault(hit, p)
        elif (p.code, p.message) not in known:
            raise InputError(problems)
    if not bad:
        raise InputError(problems)
    kept = keep_refs([c for i, c in enumerate(claims) if i not in bad])
    for i, p in bad.items():
        c = claims[i]
        for value, (start, end) in zip(c.values, c.spans, strict=True):
            why = f"{p.code} {p.message}"
            skipped.append(Skipped(value, c.line, c.quote, "other", why, start, end))
    return kept, skipped


def _merge(
    article: Path,
    text: str,
    merge: Path,
    output: Path | None,
    force: bool,
    pack: RulePack,
    published: datetime.date | None,
) -> str:
    """Append draft claims for the mentions ``merge`` does not cover yet; keep every byte."""
    from factcheck.loader import load_claims  # noqa: PLC0415

    target = output or merge
    # The one file written in place is the file merged into, as asked; never the article.
    inputs = [article] if target == merge else [article, merge]
    check_target(target, force or target == merge, inputs)
    existing = _read(merge)
    bom = merge.read_bytes().startswith(b"\xef\xbb\xbf")  # a regular file: _read checked it
    # Quotes are not checked: after an edit of the article some may be stale, and the point of
    # merging is to bring the file back in step. validate reports them afterwards.
    root = _root(article, merge)
    loaded = load_claims(merge, pack, str(merge), check_quotes=False, root=root)
    # Untouched drafts whose quote the article no longer holds are replaced by fresh drafts;
    # every other item stays as written, a stale one named in the summary.
    referenced = {ref for c in loaded.claims for ref in c.refs.values()}
    replaced, stale = stale_drafts(existing, index_for(text), referenced)
    if replaced:
        existing = without(existing, replaced)
        loaded = load_claims(merge, pack, str(merge), False, existing, root)
    file = replace(loaded, article_text=text)
    # The loader checks quotes against the file's own article; drafts quote ARTICLE.
    same_article = Path(file.article_path).resolve() == article.resolve()
    # A mention is new when no quote of the file covers it (as coverage counts it).
    cover = Cover((s.start, s.end) for s in covered_spans(file, index_for(text)))

    def new(span: tuple[int, int]) -> bool:
        return span not in cover

    draft = draft_claims(text, pack, file.entity or None, file.year, published)
    taken = {c.id for c in file.claims}
    claims: list[DraftClaim] = []
    names: dict[str, str] = {}
    for c in draft.claims:
        keep = [i for i, span in enumerate(c.spans) if new(span)]
        if keep:
            claims.append(_rename(c.subset(keep), taken, names))
    # A reference follows its claim's new id; one to a claim not added (covered already) goes.
    claims = keep_refs([retarget(c, names) for c in claims])
    # A mention listed in the "not drafted" comments of an earlier run is not listed again.
    skipped = [
        s
        for s in draft.skipped
        if new((s.start, s.end)) and f"{{quote: {quoted(s.quote)}," not in existing
    ]
    if not claims and not _uncovered_skips(skipped, claims):
        return f"{merge}: every numeric mention is covered already; nothing added" + _stale_note(
            stale
        )
    at, dash, key, flow_empty = insertion(existing, str(merge))
    known = {(p.code, p.message) for p in _problems(existing, target, pack, same_article, root)}
    for _ in range(MAX_ROUNDS):
        items = [claim_lines(c, dash, key) for c in claims]
        lines = [line for item in items for line in item]
        listed = _uncovered_skips(skipped, claims)
        lines += skipped_lines(listed, dash)
        merged, first = splice(existing, lines, at, flow_empty)
        problems = [
            p
            for p in _problems(merged, target, pack, same_article, root)
            if (p.code, p.message) not in known or first <= p.loc.line < first + len(lines)
        ]
        if not problems:
            break
        claims, skipped = _drop(problems, claims, skipped, items, first, known)
    else:
        raise InputError(problems)
    text = ("\ufeff" if bom else "") + merged
    write_atomic(target, text, force=force or target == merge, inputs=inputs)
    gone = f"; replaced {len(replaced)} untouched draft(s) of changed figures" if replaced else ""
    return (
        f"{target}: added {len(claims)} draft claims for mentions not yet covered{gone}; "
        f"{len(listed)} mentions not drafted are listed as comments" + _stale_note(stale)
    )


def _stale_note(stale: list[Item]) -> str:
    """The summary's word on the claims kept although their quote is no longer in the article."""
    if not stale:
        return ""
    where = ", ".join(str(item.first + 1) for item in stale[:10])
    more = f" and {len(stale) - 10} more" if len(stale) > 10 else ""
    claims = (
        "1 claim kept as edited quotes"
        if len(stale) == 1
        else f"{len(stale)} claims kept as edited quote"
    )
    return f"; {claims} text no longer in the article (lines {where}{more}): review them"


def _rename(claim: DraftClaim, taken: set[str], names: dict[str, str]) -> DraftClaim:
    """Give a claim ids that no claim of the file it joins has (``names``: old id → new)."""
    ids = []
    for name in claim.ids:
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name}-{n}"
        taken.add(unique)
        ids.append(unique)
        names[name] = unique
    return replace(claim, ids=tuple(ids))


def draft_text(text: str, pack: RulePack, article: str = "article.txt") -> tuple[str, Draft]:
    """The YAML text of a draft, without checking or writing it (for tests and benchmarks)."""
    draft = draft_claims(text, pack)
    items = [claim_lines(c) for c in draft.claims]
    lines = file_lines(draft, article, items)
    lines += skipped_lines(_uncovered_skips(list(draft.skipped), list(draft.claims)))
    return "\n".join(lines) + "\n", draft
