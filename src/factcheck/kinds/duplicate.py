"""The same fact stated twice: two level claims of one metric, entity and period (or two rates
over the same span) whose intervals do not meet cannot both be true."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds.base import Context, Doc, Option
from factcheck.model import Claim

KIND = "duplicate"
CODES = ("FC117",)
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Finds the same quantity stated twice and checks that both statements can be true.",
    why="Long reports repeat their headline figures; an update to one copy and not the other "
    "leaves the article contradicting itself.",
    passes="地区生产总值突破670亿元 … 地区生产总值672亿元  ([672±0.5] meets [670, ∞))",
    fails="地区生产总值672亿元 … 地区生产总值681亿元",
)


def _key(ctx: Context, claim: Claim) -> tuple[object, ...] | None:
    if claim.value is None or claim.period is None:
        return None
    if claim.kind == "level":
        return (
            "level",
            claim.entity,
            claim.metric,
            claim.period.end.key,
            claim.value.unit.dimension,
        )
    if claim.kind in ("growth", "cagr", "multiple"):
        ends = ctx.endpoints(claim)
        if ends is None:
            return None
        return (
            claim.kind,
            claim.entity,
            claim.metric,
            ends[0].key,
            ends[1].key,
            claim.value.unit.dimension,
            claim.basis,
        )
    return None


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every pair of claims that state the same quantity."""
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in ctx.file.claims:
        key = _key(ctx, claim)
        if key is not None:
            groups[key].append(claim)
    for members in groups.values():
        for a, b in combinations(members, 2):
            assert a.value and b.value
            ok = a.value.interval.meets(b.value.interval)
            arithmetic = f"{a.value.text} vs {b.value.text}"
            if ok:
                yield ctx.finding(
                    KIND,
                    "FC117",
                    b,
                    "consistent",
                    f"agrees with '{a.id}'",
                    f"与“{a.id}”一致",
                    (a,),
                    stated=b.value.text,
                    arithmetic=arithmetic,
                )
            else:
                yield ctx.finding(
                    KIND,
                    "FC117",
                    b,
                    "inconsistent",
                    f"{b.value.text} contradicts {a.value.text} stated for the same "
                    f"quantity in '{a.id}'",
                    f"{b.value.text} 与“{a.id}”中同一指标的 {a.value.text} 矛盾",
                    (a,),
                    stated=b.value.text,
                    arithmetic=arithmetic,
                    material=True,
                )
