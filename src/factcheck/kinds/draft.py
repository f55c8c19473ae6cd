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
    what="Reports every claim still marked `draft: true`.",
    why="Drafted claims guess the kind, metric and period; only a reviewed claim is evidence.",
    passes="a claim without `draft: true`",
    fails="a claim with `draft: true`",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """One finding per draft claim."""
    for claim in ctx.file.claims:
        if claim.draft:
            yield ctx.finding(
                KIND,
                "FC152",
                claim,
                "draft",
                "draft claim: review it and remove 'draft: true'",
                "草稿断言：请复核并删除 draft: true",
                stated=claim.value.text if claim.value else "",
            )
