"""A count inside a larger count: ``连续94个月…其中48个月`` (48 ≤ 94)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.interval import INF, Interval
from factcheck.kinds.base import Context, Doc, Option, undetermined
from factcheck.model import Value
from factcheck.zh import PLACE_VALUES

_MAGNITUDES = tuple(PLACE_VALUES)
KIND = "count"
CODES = ("FC115", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Checks that a count is not larger than the count it is part of.",
    why="A subset cannot exceed its set: '连续94个月…其中48个月' is fine, '其中98个月' is not.",
    passes="连续94个月保持两位数增长，其中48个月位居全省第一  (48 ≤ 94)",
    fails="连续94个月保持两位数增长，其中98个月位居全省第一  (98 > 94)",
)


def _counted(v: Value) -> Interval:
    """A whole number of units written to the unit (94个月, 167家) is counted, not rounded: 95
    months cannot lie within 94. ``2.8万户``, ``约90个`` and ``30余家`` keep their intervals."""
    s, unit = v.stated, v.unit.factor * v.stated.factor
    whole = s.exponent == 0 and s.bound == "equal" and v.unit.dimension != ""
    if (
        whole
        and v.interval.hi - v.interval.lo <= unit * 1.000001
        and not s.unit.startswith(_MAGNITUDES)
    ):
        return Interval(v.point, v.point)
    return v.interval


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
            why = f"{value.text} and {within.text} are in different units", "单位不同"
            yield undetermined(ctx, KIND, claim, *why, related)
        elif Interval(_counted(value).lo, INF).meets(Interval(-INF, _counted(within).hi)):
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
