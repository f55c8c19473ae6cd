"""Ratios: numerator / denominator against the stated ``2.29:1``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds import _change
from factcheck.kinds.base import Context, Doc, Option, emit, ratio_interval, undetermined

KIND = "ratio"
CODES = ("FC112", "FC131", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Recomputes a ratio from the levels of its two terms.",
    why="Ratios such as the urban-rural income ratio are printed beside the incomes they come "
    "from, so readers check them at once.",
    passes="城镇55689元、农村24359元，收入比2.29:1  (55689/24359 = 2.29)",
    fails="城镇55689元、农村24359元，收入比2.19:1  (55689/24359 = 2.29)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every ratio whose two terms are stated."""
    for claim in ctx.of_kind(KIND):
        if claim.period is None or claim.value is None or len(claim.metrics) != 2:
            continue
        at = claim.period.end
        num = ctx.by_id.get(claim.refs.get("refs.0", "")) or ctx.level(
            claim.entity, claim.metrics[0], at
        )
        den = ctx.by_id.get(claim.refs.get("refs.1", "")) or ctx.level(
            claim.entity, claim.metrics[1], at
        )
        if not (num and den and num.value and den.value):
            continue
        if num.value.unit.dimension != den.value.unit.dimension:
            why = "the terms are in different units", "两项单位不同"
            yield undetermined(ctx, KIND, claim, *why, (num, den))
            continue
        if den.value.interval.lo <= 0:
            why = "the second term is not above zero", "第二项不大于零"
            yield undetermined(ctx, KIND, claim, *why, (num, den))
            continue
        iv = ratio_interval(num.value.interval, den.value.interval)
        face = num.value.point / den.value.point
        a, b = _change.operand(num.value, den.value), _change.operand(den.value, num.value)
        yield from emit(
            ctx,
            KIND,
            "FC112",
            claim,
            claim.value,
            iv,
            face,
            f"{a}/{b}",
            (num, den),
            "the terms",
            "两项",
        )
