"""Shares: part / whole against the stated percentage (``占全省总额的41%``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds import _change
from factcheck.kinds.base import Context, Doc, Option, emit, ratio_interval, undetermined
from factcheck.model import Claim

KIND = "share"
CODES = ("FC111", "FC131", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Recomputes a share from the levels of the part and of the whole.",
    why="A share is a ratio of two figures that are often printed far apart; an edit to one "
    "silently breaks the other.",
    passes="全市外贸291.8亿元，全省711.7亿元，占全省总额的41%  (291.8/711.7 = 41.0%)",
    fails="全市外贸291.8亿元，全省800亿元，占全省总额的41%  (291.8/800 = 36.5%)",
)


def parts(ctx: Context, claim: Claim) -> tuple[Claim | None, Claim | None]:
    """The level claims of the part and of the whole."""
    if claim.period is None:
        return None, None
    at = claim.period.end
    part = ctx.by_id.get(claim.refs.get("part", "")) or ctx.level(claim.entity, claim.metric, at)
    whole = ctx.by_id.get(claim.refs.get("total", "")) or ctx.level(
        claim.whole_entity or claim.entity, claim.whole or claim.metric, at
    )
    return part, (whole if whole is not part else None)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every share whose part and whole are stated."""
    for claim in ctx.of_kind(KIND):
        part, whole = parts(ctx, claim)
        if not (part and whole and part.value and whole.value and claim.value):
            continue
        pv, wv = part.value, whole.value
        why = (
            ("part and whole in different units", "部分与整体单位不同")
            if pv.unit.dimension != wv.unit.dimension
            else ("a whole at or below zero, or a part below zero", "整体不大于零或部分小于零")
            if wv.interval.lo <= 0 or pv.interval.lo < 0
            else None
        )
        if why:
            yield undetermined(ctx, KIND, claim, *why, (part, whole))
            continue
        iv = ratio_interval(pv.interval, wv.interval)
        a, b = _change.operand(pv, wv), _change.operand(wv, pv)
        if iv.lo > 1 + 1e-9:  # whatever the share says, a part cannot outgrow its whole
            yield ctx.finding(
                KIND,
                "FC111",
                claim,
                "inconsistent",
                f"the part {pv.text} is larger than its whole {wv.text}",
                f"部分 {pv.text} 大于整体 {wv.text}",
                (part, whole),
                stated=claim.value.text,
                arithmetic=f"{a}/{b} > 1",
                material=True,
            )
            continue
        yield from emit(
            ctx,
            KIND,
            "FC111",
            claim,
            claim.value,
            iv,
            pv.point / wv.point,
            f"{a}/{b}",
            (part, whole),
            "part/whole",
            "部分/整体",
        )
