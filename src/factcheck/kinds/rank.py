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
CODES = ("FC114", "FC120", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Compares the ranks given in one ranking with the values they rank (every pair of "
    "up to 8 ranks; in a longer ranking each rank once, with the first rank it contradicts). "
    "A rank from the bottom (末位, 倒数第二) counts from the number ranked ('among', stated by "
    "any rank of the ranking); without it, "
    "it is compared only with other ranks from the bottom. A change of rank (上升3位, 下降2位) "
    "is checked against the ranks of both periods (FC120).",
    why="'永昌县增长12.5%、金川区增长8.4%，排名全省第二、第三' must put the larger growth first.",
    passes="分别增长12.5%、8.4%，排名全省第二、第三",
    fails="分别增长8.4%、12.5%，排名全省第二、第三  (12.5% > 8.4% but ranks lower); "
    "2024年居全省第五，2025年居全省第三，上升3位  (5 − 3 = 2 places)",
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


# Up to this many ranks of one ranking, every pair is reported; beyond it, each rank at most
# once, so that a report never grows with the square of the claims (issue 15).
PAIRWISE = 8


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every pair of ranks in the same ranking and period."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    n = _numbers_ranked(ctx)
    for claim in ctx.of_kind(KIND):
        if _is_change(claim):
            yield from _change(ctx, claim, n)
        elif claim.ranking and claim.period and claim.value and _ranked(ctx, claim):
            groups[(claim.ranking, claim.period.end.key)].append(claim)
    for members in groups.values():
        if len(members) <= PAIRWISE:
            for a, b in combinations(members, 2):
                yield from _pair(ctx, a, b, n)
            continue
        # A long ranking: each rank is reported once, with the first rank it contradicts, or
        # as consistent with the next rank in the text when it contradicts none.
        values = {c.id: _ranked(ctx, c) for c in members}
        for i, a in enumerate(members[:-1]):
            rest = members[i + 1 :]
            b = next((b for b in rest if _wrong(a, b, values[a.id], values[b.id], n)), rest[0])
            yield from _pair(ctx, a, b, n)


# How many are ranked, by (ranking, period): the 'among' one rank of the ranking states.
Counts = dict[tuple[str, str], float]


def _numbers_ranked(ctx: Context) -> Counts:
    """The number ranked of each ranking and period, where its ranks state one (and only one):
    乙市 在全省14个市中居末位 says it for 甲市's 倒数第二 of the same ranking too."""
    found: dict[tuple[str, str], set[float]] = defaultdict(set)
    for c in ctx.of_kind(KIND):
        if c.among is not None and c.ranking and c.period:
            found[(c.ranking, c.period.end.key)].add(c.among)
    return {key: next(iter(ns)) for key, ns in found.items() if len(ns) == 1}


def _places(c: Claim, n: Counts) -> tuple[str, float, float]:
    """The places a rank allows: 第二 is exactly 2, 前三 is 1 to 3 (ranks are counted, never
    rounded, so neither 第二 nor a plain 2 is [1.5, 2.5]). A rank from the bottom counts from
    the number ranked: 倒数第二 of 14 is 13, 末位 is 14. Without that number it is placed from
    the bottom, as minus its count (倒数第二 is -2: n + 1 - 2 for an unknown n), and compared
    only with other ranks from the bottom: the frame is ``top`` or ``bottom``."""
    assert c.value is not None and c.period is not None
    s = c.value.stated
    lo, hi = (s.lo, s.hi) if s.lo is not None and s.hi is not None else (s.number, s.number)
    if s.reading != "last":
        return "top", float(lo), float(hi)
    among = c.among if c.among is not None else n.get((c.ranking or "", c.period.end.key))
    if among is None:
        return "bottom", -float(hi), -float(lo)
    return "top", among + 1 - float(hi), among + 1 - float(lo)


def _ahead(a: Claim, va: Value, vb: Value) -> bool | None:
    """True when a's value is surely ahead of b's (larger, or smaller for ``asc``), False when
    b's is, None when the intervals meet."""
    ia, ib = va.interval, vb.interval
    if a.order == "asc":
        ahead_a, ahead_b = ia.hi < ib.lo, ib.hi < ia.lo
    else:
        ahead_a, ahead_b = ia.lo > ib.hi, ib.lo > ia.hi
    return True if ahead_a else False if ahead_b else None


def _wrong(a: Claim, b: Claim, va: Value | None, vb: Value | None, n: Counts) -> bool:
    """The value surely ahead does not take a strictly better place: two different values
    cannot both be 第一, and 前三 cannot be behind 首位 when it is the larger."""
    if va is None or vb is None or va.unit.dimension != vb.unit.dimension:
        return False
    assert a.value and b.value
    ahead = _ahead(a, va, vb)
    if ahead is None:
        return False
    (a_frame, a_best, a_worst), (b_frame, b_best, b_worst) = _places(a, n), _places(b, n)
    if a_frame != b_frame:  # 倒数第二 of an unknown number against 第三: no verdict
        return False
    return a_best >= b_worst if ahead else b_best >= a_worst


def _pair(ctx: Context, a: Claim, b: Claim, n: Counts) -> Iterator[Finding]:
    va, vb = _ranked(ctx, a), _ranked(ctx, b)
    assert va and vb and a.value and b.value
    if va.unit.dimension != vb.unit.dimension:
        why = f"{va.text} and {vb.text} are in different units", "被排名的数值单位不同"
        yield undetermined(ctx, KIND, a, *why, (b,))
        return
    ahead = _ahead(a, va, vb)
    if ahead is None or _places(a, n)[0] != _places(b, n)[0]:
        return
    bad = _wrong(a, b, va, vb, n)
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


# ---- a change of rank: 上升3位 is the rank of the period before minus the rank now


def _is_change(c: Claim) -> bool:
    return c.value is not None and c.value.stated.reading == "change"


def _rank_at(ctx: Context, c: Claim, key: str) -> Claim | None:
    """The rank (not a change of rank) of the same entity in the same ranking at a period."""
    for r in ctx.of_kind(KIND):
        same = r.ranking == c.ranking and r.entity == c.entity and r.value is not None
        if same and r.period and r.period.end.key == key and not _is_change(r):
            return r
    return None


def _change(ctx: Context, c: Claim, n: Counts) -> Iterator[Finding]:
    """FC120: a change of rank against the ranks stated at both periods. Places are counted:
    上升3位 from 第五 must end at 第二; 前三 at the start allows a rise of 0 to 2 to 第一."""
    ends = ctx.endpoints(c)
    assert c.value is not None
    if ends is None or c.value.stated.bound != "equal":
        return
    before, after = _rank_at(ctx, c, ends[0].key), _rank_at(ctx, c, ends[1].key)
    if before is None or after is None:
        return
    (b_frame, b_best, b_worst), (a_frame, a_best, a_worst) = _places(before, n), _places(after, n)
    if a_frame != b_frame:
        return
    assert before.value and after.value
    rise = float(c.value.stated.number)
    lo, hi = b_best - a_worst, b_worst - a_best  # the rises the two ranks allow
    bad = not lo <= rise <= hi
    allowed = f"{lo:g}" if lo == hi else f"{lo:g} to {hi:g}"
    arithmetic = f"{before.value.text} − {after.value.text} = {allowed} places"
    en = (
        f"{before.value.text} then {after.value.text} is a rise of {allowed} places, "
        f"not {c.value.text}"
        if bad
        else "the change of rank follows the ranks of both periods"
    )
    zh = "名次变化与两期名次不符" if bad else "名次变化与两期名次一致"
    yield ctx.finding(
        KIND,
        "FC120",
        c,
        "inconsistent" if bad else "consistent",
        en,
        zh,
        (before, after),
        stated=c.value.text,
        arithmetic=arithmetic,
        material=bad,
    )
