"""A count inside a larger count: ``连续94个月…其中48个月`` (48 ≤ 94)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds.base import Context, Doc, Option

KIND = "count"
CODES = ("FC115",)
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Checks that a count is not larger than the count it is part of.",
    why="A subset cannot exceed its set: '连续94个月…其中48个月' is fine, '其中98个月' is not.",
    passes="连续94个月保持两位数增长，其中48个月位居全省第一  (48 ≤ 94)",
    fails="连续94个月保持两位数增长，其中98个月位居全省第一  (98 > 94)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every count against the count it lies within."""
    for claim in ctx.of_kind(KIND):
        ref = ctx.by_id.get(claim.refs.get("within", ""))
        within = claim.within or (ref.value if ref else None)
        value = claim.value
        if value is None or within is None:
            continue
        related = (ref,) if ref else ()
        arithmetic = f"{value.text} ≤ {within.text}"
        if value.unit.dimension != within.unit.dimension:
            yield ctx.finding(
                KIND,
                "FC115",
                claim,
                "undetermined",
                f"cannot compare {value.text} with {within.text}: different units",
                f"{value.text} 与 {within.text} 单位不同，无法比较",
                related,
                stated=value.text,
                arithmetic=arithmetic,
            )
        elif value.interval.lo <= within.interval.hi * (1 + 1e-9):
            yield ctx.finding(
                KIND,
                "FC115",
                claim,
                "consistent",
                "within the larger count",
                "未超过总数",
                related,
                stated=value.text,
                arithmetic=arithmetic,
            )
        else:
            yield ctx.finding(
                KIND,
                "FC115",
                claim,
                "inconsistent",
                f"{value.text} is more than the {within.text} it is part of",
                f"{value.text} 超过了其所属的 {within.text}",
                related,
                stated=value.text,
                arithmetic=f"{value.text} > {within.text}",
                material=True,
            )
