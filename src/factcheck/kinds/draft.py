"""Drafts: a claim drafted by ``factcheck extract`` and not yet reviewed is a finding, so that
an unreviewed claims file cannot pass as a checked one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds.base import Context, Doc, Option

KIND = "draft"
CODES = ("FC152",)
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Reports, in one line per file, the claims still marked `draft: true`.",
    why="Drafted claims guess the kind, metric and period; only a reviewed claim is evidence.",
    passes="a file without a claim marked `draft: true`",
    fails="a file with claims marked `draft: true` (one finding, at the first of them)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """One finding per file that holds draft claims: 'N claims are drafts', at the first."""
    drafts = [claim for claim in ctx.file.claims if claim.draft]
    if drafts:
        n = len(drafts)
        yield ctx.finding(
            KIND,
            "FC152",
            drafts[0],
            "draft",
            f"{n} claim{'s are' if n > 1 else ' is a'} draft{'s' if n > 1 else ''}: "
            "review them and remove 'draft: true'",
            f"{n} 条断言为草稿：请复核并删除 draft: true",
            stated=str(n),
        )
