"""Ranks: in the same ranking, a larger value cannot rank lower (DOMAIN.md §6)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds.base import Context, Doc, Option
from factcheck.model import Claim, Value

KIND = "rank"
CODES = ("FC114",)
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Compares the ranks given in one ranking with the values they rank.",
    why="'永昌县增长12.5%、金川区增长8.4%，排名全省第二、第三' must put the larger growth first.",
    passes="分别增长12.5%、8.4%，排名全省第二、第三",
    fails="分别增长8.4%、12.5%，排名全省第二、第三  (12.5% > 8.4% but ranks lower)",
)


def _ranked(ctx: Context, claim: Claim) -> Value | None:
    ref = ctx.by_id.get(claim.refs.get("ref", ""))
    if ref is not None:
        return ref.value
    if claim.period is None:
        return None
    level = ctx.level(claim.entity, claim.metric, claim.period.end)
    return level.value if level else None


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every pair of ranks in the same ranking and period."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in ctx.of_kind(KIND):
        if claim.ranking and claim.period and claim.value and _ranked(ctx, claim):
            groups[(claim.ranking, claim.period.end.key)].append(claim)
    for members in groups.values():
        for a, b in combinations(members, 2):
            yield from _pair(ctx, a, b)


def _pair(ctx: Context, a: Claim, b: Claim) -> Iterator[Finding]:
    va, vb = _ranked(ctx, a), _ranked(ctx, b)
    assert va and vb and a.value and b.value
    if va.unit.dimension != vb.unit.dimension:
        return
    sign = 1 if a.order == "desc" else -1
    ra, rb = a.value.interval, b.value.interval  # rank intervals: 前三 is [1, 3]
    larger_a = sign * va.interval.lo > sign * vb.interval.hi or (
        sign < 0 and va.interval.hi < vb.interval.lo
    )
    larger_b = sign * vb.interval.lo > sign * va.interval.hi or (
        sign < 0 and vb.interval.hi < va.interval.lo
    )
    arithmetic = f"{va.text} ({a.value.text}) vs {vb.text} ({b.value.text})"
    bad = (larger_a and ra.lo > rb.hi) or (larger_b and rb.lo > ra.hi)
    if not (larger_a or larger_b):
        return
    verdict = "inconsistent" if bad else "consistent"
    en = (
        (
            f"{a.entity} {va.text} ranks {a.value.text}, {b.entity} {vb.text} ranks "
            f"{b.value.text}: the larger value ranks lower"
        )
        if bad
        else "ranks follow the values"
    )
    zh = "数值较大者排名反而靠后" if bad else "排名与数值一致"
    yield ctx.finding(
        KIND,
        "FC114",
        a,
        verdict,
        en,
        zh,
        (b,),
        stated=a.value.text,
        arithmetic=arithmetic,
        material=bad,
    )
