"""The growth of a total lies between the smallest and the largest growth of its parts
(docs/conventions.md §6). Only for sums marked ``complete``: a total with parts left out can
grow faster or slower than every part that is named."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.interval import Interval
from factcheck.kinds.base import Context, Doc, Option
from factcheck.model import Claim

KIND = "parts_growth"
CODES = ("FC116",)
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Checks that the growth of a total lies between the growth rates of its parts.",
    why="A total made of parts growing 5% and 8% cannot grow 10%.",
    passes="总量增长6%，两部分分别增长5%、8%",
    fails="总量增长10%，两部分分别增长5%、8%",
)


def _rate(ctx: Context, kind: str, entity: str, metric: str | None, ends: object) -> Claim | None:
    for claim in ctx.of_kind(kind):
        same = claim.entity == entity and claim.metric == metric
        if same and ctx.endpoints(claim) == ends and claim.value and claim.value.unit.is_percent:
            return claim
    return None


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check each complete sum whose total and parts all have rates over the same span."""
    for total_claim in ctx.of_kind("sum"):
        if not total_claim.complete:
            continue
        for growth in ctx.of_kind("growth", "cagr"):
            if growth.entity != total_claim.entity or growth.metric != total_claim.total:
                continue
            ends = ctx.endpoints(growth)
            parts = [_rate(ctx, growth.kind, growth.entity, m, ends) for m in total_claim.metrics]
            if not parts or None in parts or not (growth.value and growth.value.unit.is_percent):
                continue
            rates = [p.value.interval for p in parts if p and p.value]
            low, high = min(r.lo for r in rates), max(r.hi for r in rates)
            ok = growth.value.interval.meets(Interval(low, high))
            texts = ", ".join(p.value.text for p in parts if p and p.value)
            arithmetic = f"min({texts}) ≤ {growth.value.text} ≤ max({texts})"
            related = tuple(p for p in parts if p)
            if ok:
                yield ctx.finding(
                    KIND,
                    "FC116",
                    growth,
                    "consistent",
                    "between the growth of its parts",
                    "介于各部分增速之间",
                    related,
                    stated=growth.value.text,
                    arithmetic=arithmetic,
                )
            else:
                yield ctx.finding(
                    KIND,
                    "FC116",
                    growth,
                    "inconsistent",
                    f"the total grows {growth.value.text}, outside its parts' {texts}",
                    f"总量增速 {growth.value.text} 不在各部分增速 {texts} 之间",
                    related,
                    stated=growth.value.text,
                    arithmetic=arithmetic,
                    material=True,
                )
