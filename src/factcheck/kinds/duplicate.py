"""The same fact stated twice: two level claims of one metric, entity and period (or two rates
over the same span) whose intervals do not meet cannot both be true."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.interval import Interval, half_unit
from factcheck.kinds.base import Context, Doc, Option
from factcheck.model import Claim, Value

KIND = "duplicate"
CODES = ("FC117", "FC132")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Finds the same quantity stated twice (a level, or the change of a metric over one span "
    "stated as a rate, an average rate or a multiple) and checks that all its statements can be "
    "true together (one check, and at most one finding of each code, per quantity however often "
    "it is stated); two "
    "figures that differ beyond their written precision are a warning even where qualifier "
    "words make them overlap.",
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
        if claim.kind in ("growth", "cagr") and not claim.value.unit.is_percent:
            # A change in points, or an amount (增加12.3亿元), compares only with another in
            # the same unit; an average yearly one only with another average.
            unit = claim.value.unit.dimension
            what = "difference" if claim.kind == "growth" else "average difference"
            return (what, claim.entity, claim.metric, ends[0].key, ends[1].key, unit)
        # Growth, average growth and multiples over one span all state end/start: compare them
        # as that ratio, when they are on the same price basis (a real rate and a multiple of
        # current-price levels may differ honestly).
        basis = claim.basis or (
            "nominal" if claim.kind == "multiple" else ctx.pack.basis_of(claim.metric)
        )
        if basis == "unstated":
            return None
        return ("ratio", claim.entity, claim.metric, ends[0].key, ends[1].key, basis)
    return None


def _as_ratio(ctx: Context, claim: Claim) -> Interval:
    """The end/start ratio a change claim states (its value itself for a level or points)."""
    v = claim.value
    assert v is not None
    if claim.kind in ("multiple", "level") or (
        claim.kind in ("growth", "cagr") and not v.unit.is_percent
    ):
        return v.interval  # the ratio itself, a level, points or an amount
    if claim.kind == "growth":
        return Interval(1 + v.interval.lo, 1 + v.interval.hi)
    ends = ctx.endpoints(claim)
    years = ends[1].t - ends[0].t if ends else 1.0
    lo, hi = max(1 + v.interval.lo, 0.0), max(1 + v.interval.hi, 0.0)
    try:
        return Interval(lo**years, hi**years)
    except OverflowError:
        return Interval(lo**years if lo < 1 else math.inf, math.inf)


def _written(ctx: Context, claim: Claim) -> str:
    v = claim.value
    assert v is not None
    if claim.kind in ("growth", "cagr") and v.unit.is_percent:  # a rate, shown as its ratio
        iv = _as_ratio(ctx, claim)
        return f"{v.text} (×{iv.mid:.3g})"
    return v.text


# Words that name a figure (rounded, approximate or close below), not a floor or a ceiling.
_FIGURE_WORDS = ("equal", "approx", "near")


def _two_figures(ctx: Context, a: Claim, b: Claim) -> str:
    """Where two level statements name different figures beyond their written precision
    (约1200万 against 近1300万): their rounding intervals, without the qualifiers' widening, do
    not meet. Empty when they name one figure, or when either is a bound (突破, 不到, 余)."""
    if a.kind != "level" or b.kind != "level" or a.value is None or b.value is None:
        return ""
    if a.value.stated.bound not in _FIGURE_WORDS or b.value.stated.bound not in _FIGURE_WORDS:
        return ""
    ra, rb = _rounded(ctx, a.value), _rounded(ctx, b.value)
    if ra is None or rb is None or ra.meets(rb):
        return ""
    return f"{a.value.stated.number} against {b.value.stated.number} as written"


def _rounded(ctx: Context, v: Value) -> Interval | None:
    """A figure's rounding interval in base units, before any qualifier word widens it."""
    s = v.stated
    if s.exponent is None or s.number == 0 or s.lo is not None:
        return None
    scale = v.point / float(s.number)
    half = float(half_unit(s, ctx.pack.rounding)) * abs(scale)
    return Interval(v.point - half, v.point + half)


def _figure(ctx: Context, claim: Claim) -> Interval | None:
    """The rounding interval of the figure a level statement names, or None for a bound, an
    exact form or another kind (what :func:`_two_figures` compares)."""
    v = claim.value
    if claim.kind != "level" or v is None or v.stated.bound not in _FIGURE_WORDS:
        return None
    return _rounded(ctx, v)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every quantity stated more than once: one check, and at most one finding of each
    code, per quantity however many statements it has (a finding per pair grew with the square
    of the claims: 2,000 statements gave 1,999,000)."""
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in ctx.file.claims:
        key = _key(ctx, claim)
        if key is not None:
            groups[key].append(claim)
    for members in groups.values():
        if len(members) > 1:
            yield from _quantity(ctx, members)


def _apart(members: list[Claim], intervals: list[Interval]) -> tuple[Claim, Claim] | None:
    """Two statements whose intervals do not meet, the earlier first, or None when all of them
    share a value. On a line, intervals that meet pairwise share a value, and the one with the
    highest lower end and the one with the lowest upper end meet whenever every pair does
    (tolerance included): two intervals decide for all."""
    high = max(range(len(members)), key=lambda i: intervals[i].lo)
    low = min(range(len(members)), key=lambda i: intervals[i].hi)
    if intervals[high].meets(intervals[low]):
        return None
    a, b = sorted((high, low))
    return members[a], members[b]


def _quantity(ctx: Context, members: list[Claim]) -> Iterator[Finding]:
    """The finding of one quantity's statements: consistent, with every other statement
    related, or the later of two that cannot both be true against the earlier."""
    conflict = _apart(members, [_as_ratio(ctx, c) for c in members])
    if conflict is not None:
        a, b = conflict
        assert a.value and b.value
        also = f" (one of {len(members)} statements of it)" if len(members) > 2 else ""
        also_zh = f"（共{len(members)}处表述）" if len(members) > 2 else ""
        yield ctx.finding(
            KIND,
            "FC117",
            b,
            "inconsistent",
            f"{b.value.text} contradicts {a.value.text} stated for the same quantity in "
            f"'{a.id}'{also}",
            f"{b.value.text} 与“{a.id}”中同一指标的 {a.value.text} 矛盾{also_zh}",
            (a,),
            stated=b.value.text,
            arithmetic=f"{_written(ctx, a)} vs {_written(ctx, b)}",
            material=True,
        )
        return
    # FC132: the figures the level statements name (no floors, ceilings or exact forms),
    # rounded as written, before any qualifier widens them.
    named = [(c, _figure(ctx, c)) for c in members]
    figures = [(c, iv) for c, iv in named if iv is not None]
    two = _apart([c for c, _ in figures], [iv for _, iv in figures]) if len(figures) > 1 else None
    if two is not None:
        a, b = two
        assert a.value and b.value
        yield ctx.finding(
            KIND,
            "FC132",
            b,
            "consistent",
            f"two figures for one quantity: {b.value.text} here, {a.value.text} in "
            f"'{a.id}' ({_two_figures(ctx, a, b)}); they overlap only through their qualifier "
            "words",
            f"同一指标两个数字：此处 {b.value.text}，“{a.id}”中为 {a.value.text}",
            (a,),
            stated=b.value.text,
            arithmetic=f"{_written(ctx, a)} vs {_written(ctx, b)}",
        )
    b, others = members[-1], members[:-1]
    assert b.value
    written = [_written(ctx, c) for c in members]
    if len(written) > 2:  # each value once: 2,000 copies of one figure are one figure
        written = list(dict.fromkeys(written))
    ids = ", ".join(f"'{c.id}'" for c in others[:3]) + (", …" if len(others) > 3 else "")
    many = len(others) > 1
    yield ctx.finding(
        KIND,
        "FC117",
        b,
        "consistent",
        f"agrees with {len(others)} other statements ({ids})" if many else f"agrees with {ids}",
        f"与其他{len(others)}处表述（{ids}）一致" if many else f"与“{others[0].id}”一致",
        others,
        stated=b.value.text,
        arithmetic=" vs ".join(written),
    )
