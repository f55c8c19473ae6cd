"""Ranks: in the same ranking, a larger value cannot rank lower (docs/conventions.md §6)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Any

from factcheck.finding import Finding, Verdict
from factcheck.kinds.base import Context, Doc, Option, undetermined
from factcheck.model import Claim, Value

KIND = "rank"
CODES = ("FC114", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Compares the ranks given in one ranking with the values they rank.",
    why="'永昌县增长12.5%、金川区增长8.4%，排名全省第二、第三' must put the larger growth first.",
    passes="分别增长12.5%、8.4%，排名全省第二、第三",
    fails="分别增长8.4%、12.5%，排名全省第二、第三  (12.5% > 8.4% but ranks lower)",
)


_RATE_WORDS = ("增速", "增幅", "增长率", "增长")


def _ranked(ctx: Context, claim: Claim) -> Value | None:
    """The value a rank ranks: its ``ref``; for a ranking of growth (增速, 增幅) the growth claim
    of the metric in that period; otherwise the level of the metric."""
    ref = ctx.by_id.get(claim.refs.get("ref", ""))
    if ref is not None:
        return ref.value
    if claim.period is None or not claim.metric:
        return None
    words = f"{claim.ranking or ''}{claim.metric}"
    if any(w in words for w in _RATE_WORDS):
        metric = claim.metric
        for w in _RATE_WORDS:
            metric = metric.removesuffix(w)
        for growth in ctx.of_kind("growth"):
            ends = ctx.endpoints(growth)
            same = growth.entity == claim.entity and growth.metric in (metric, claim.metric)
            rate = growth.value and (growth.value.unit.is_percent or growth.value.unit.is_points)
            if same and ends and ends[1].key == claim.period.end.key and rate:
                return growth.value
        return None  # a ranking of rates is never checked against levels
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


def _places(v: Value) -> tuple[float, float]:
    """The places a rank allows: 第二 is exactly 2, 前三 is 1 to 3 (ranks are counted, never
    rounded, so neither 第二 nor a plain 2 is [1.5, 2.5])."""
    s = v.stated
    if s.lo is not None and s.hi is not None:
        return float(s.lo), float(s.hi)
    return float(s.number), float(s.number)


def _pair(ctx: Context, a: Claim, b: Claim) -> Iterator[Finding]:
    va, vb = _ranked(ctx, a), _ranked(ctx, b)
    assert va and vb and a.value and b.value
    if va.unit.dimension != vb.unit.dimension:
        why = f"{va.text} and {vb.text} are in different units", "被排名的数值单位不同"
        yield undetermined(ctx, KIND, a, *why, (b,))
        return
    # "Ahead" is surely larger (desc) or surely smaller (asc): the intervals do not meet.
    ia, ib = va.interval, vb.interval
    if a.order == "asc":
        ahead_a, ahead_b = ia.hi < ib.lo, ib.hi < ia.lo
    else:
        ahead_a, ahead_b = ia.lo > ib.hi, ib.lo > ia.hi
    if not (ahead_a or ahead_b):
        return
    (a_best, a_worst), (b_best, b_worst) = _places(a.value), _places(b.value)
    # The value surely ahead must take a strictly better place: two different values cannot
    # both be 第一, and 前三 cannot be behind 首位 when it is the larger.
    bad = (ahead_a and a_best >= b_worst) or (ahead_b and b_best >= a_worst)
    arithmetic = f"{va.text} ({a.value.text}) vs {vb.text} ({b.value.text})"
    en = (
        f"{a.entity} {va.text} ranks {a.value.text}, {b.entity} {vb.text} ranks "
        f"{b.value.text}: the {'smaller' if a.order == 'asc' else 'larger'} value ranks lower"
        if bad
        else "ranks follow the values"
    )
    zh = "数值较优者排名反而靠后" if bad else "排名与数值一致"
    verdict: Verdict = "inconsistent" if bad else "consistent"
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
