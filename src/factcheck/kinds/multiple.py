"""Multiples and doubling: ``是…的N倍`` is end/start = N, ``增长N倍`` is N + 1 (the standard
reading in official statistics), ``翻番`` ×2, ``翻两番`` ×4, ``翻N番`` ×2^N
(docs/conventions.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from factcheck.finding import Finding
from factcheck.interval import Interval
from factcheck.kinds import _change
from factcheck.kinds.base import Context, Doc, Option
from factcheck.model import Claim

KIND = "multiple"
CODES = ("FC103", "FC104", "FC131", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Recomputes a multiple or a doubling from the levels at the two periods it compares.",
    why="'增长2倍' means three times the base, and '翻番' a doubling: both are misread often.",
    passes="2020年1138亿元，2025年3870亿元，是2020年的3.4倍  (3870/1138 = 3.40)",
    fails="2020年1138亿元，2025年3870亿元，增长3.4倍  (standard reading ×4.4; 3870/1138 = 3.40)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every multiple claim whose two levels are stated."""
    for claim in ctx.of_kind(KIND):
        found = list(_change.run(ctx, KIND, "FC103", claim, _change.MULTIPLE))
        if (
            claim.value
            and claim.value.stated.reading == "increase"
            and any(f.verdict == "inconsistent" for f in found)
        ):
            other = _other_reading(ctx, claim)
            if other is not None:
                yield other
                continue
        yield from found


def _other_reading(ctx: Context, claim: Claim) -> Finding | None:
    """FC104 when '增长N倍' fits only ×N (a common misuse), not the standard ×(N+1)."""
    assert claim.value is not None
    v = claim.value
    shifted = replace(v, point=v.point - 1, interval=Interval(v.interval.lo - 1, v.interval.hi - 1))
    found = list(_change.run(ctx, KIND, "FC104", replace(claim, value=shifted), _change.MULTIPLE))
    if not found or found[0].verdict != "consistent":
        return None
    f = found[0]
    return replace(
        f,
        verdict="inconsistent",
        message=f"'{v.text}' fits only the reading ×{v.point - 1:g}; the standard reading of "
        f"增长N倍 is ×{v.point:g}",
        message_zh=f"“{v.text}”只符合×{v.point - 1:g}的读法；统计惯例中“增长N倍”为×{v.point:g}",
        material=True,
    )
