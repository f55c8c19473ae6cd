"""A change of an increment (少增, 多增): this period's increment against the one before it.

``城镇新增就业1244万人，比上年少增41万人``: the increment of 2025 is 41万人 less than that of 2024.
An increment is a growth amount of the metric over the period (增加500亿元), or the difference of
its levels at both ends; with ``flow: true`` the metric is itself the increment (城镇新增就业),
and its levels of the two periods are compared. When both increments are stated the rule
recomputes the change here; through unstated levels the network decides it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.interval import Interval
from factcheck.kinds.base import Context, Doc, Option, emit, show, undetermined
from factcheck.model import Claim, Value
from factcheck.periods import Point, shift

KIND = "increment"
CODES = ("FC106", "FC131", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Recomputes a change of an increment (少增, 多增) from the increments of both periods: "
    "growth amounts of the metric (增加500亿元) or its levels; with `flow: true`, the metric's "
    "own levels (城镇新增就业). Through unstated levels the network decides it.",
    why="'新增就业1244万人，比上年少增41万人' says last year's figure was 1285万人; a release "
    "that printed 1295万人 for it cannot be right.",
    passes="2024年城镇新增就业1285万人；2025年1244万人，比上年少增41万人  (1244 − 1285 = −41)",
    fails="2024年城镇新增就业1295万人；2025年1244万人，比上年少增41万人  (1244 − 1295 = −51)",
)


def spans(ctx: Context, claim: Claim) -> tuple[Point, Point, Point] | None:
    """The three ends of a change of an increment: the period before's start, the claim's start
    (its base, default a year before) and end. The period before is as long as the claim's own;
    None when the two ends are not the same kind of period a whole number of years apart."""
    ends = ctx.endpoints(claim)
    if ends is None:
        return None
    t0, t1 = ends
    years = int(t1.key[:4]) - int(t0.key[:4])
    if years < 1 or shift(t1, -years).key != t0.key:
        return None
    return shift(t0, -years), t0, t1


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every change of an increment whose two increments are stated."""
    for claim in ctx.of_kind(KIND):
        ends = spans(ctx, claim) if claim.value else None
        if ends is None or claim.value is None:
            continue
        tm, t0, t1 = ends
        if claim.flow:
            now, before = _level(ctx, claim, t1), _level(ctx, claim, t0)
        else:
            now, before = _increment(ctx, claim, t0, t1), _increment(ctx, claim, tm, t0)
        if now is None or before is None:
            continue
        (now_v, now_c), (before_v, before_c) = now, before
        ids = {c.id: c for c in (*now_c, *before_c)}  # the level both increments share, once
        related = tuple(ids.values())
        stated = claim.value
        if now_v.unit.dimension != stated.unit.dimension:
            why = f"{now_v.text} and {stated.text} are in different units", "增量与其变化单位不同"
            yield undetermined(ctx, KIND, claim, *why, related)
            continue
        iv = _minus(now_v.interval, before_v.interval)
        face = now_v.point - before_v.point
        arithmetic = f"{show(now_v.point, stated)} − {show(before_v.point, stated)}"
        yield from emit(
            ctx, KIND, "FC106", claim, stated, iv, face, arithmetic, related,
            "the increments of both periods", "两期增量",
        )  # fmt: skip


def _level(ctx: Context, claim: Claim, at: Point) -> tuple[Value, tuple[Claim, ...]] | None:
    c = ctx.level(claim.entity, claim.metric, at)
    return (c.value, (c,)) if c and c.value else None


def _increment(
    ctx: Context, claim: Claim, a: Point, b: Point
) -> tuple[Value, tuple[Claim, ...]] | None:
    """The metric's increment from ``a`` to ``b``: a growth amount over that span, or the
    difference of the levels at both ends (as a Value in the levels' unit)."""
    for g in ctx.of_kind("growth"):
        if g.entity != claim.entity or g.metric != claim.metric or g.value is None:
            continue
        ends = ctx.endpoints(g)
        linear = g.value.stated.form == "number" and not g.value.unit.is_percent
        if linear and ends and (ends[0].key, ends[1].key) == (a.key, b.key):
            return g.value, (g,)
    start, end = _level(ctx, claim, a), _level(ctx, claim, b)
    if start is None or end is None:
        return None
    (sv, (sc,)), (ev, (ec,)) = start, end
    return Value(ev.stated, ev.unit, ev.point - sv.point, _minus(ev.interval, sv.interval)), (
        sc,
        ec,
    )


def _minus(a: Interval, b: Interval) -> Interval:
    """a − b over every value of both intervals."""
    return Interval(a.lo - b.hi, a.hi - b.lo)
