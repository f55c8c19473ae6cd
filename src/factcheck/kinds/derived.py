"""Derived values: what the claims imply but do not state, for an editor to check against a
source. A growth rate with only its end level stated implies the start level (and the other way
round): ``55689元`` after five years of 5.5% implies about 42608元 in 2020."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from factcheck import en
from factcheck.finding import Finding
from factcheck.interval import Interval
from factcheck.kinds import _change, share
from factcheck.kinds.base import Context, Doc, Option, show, show_interval
from factcheck.model import Value
from factcheck.periods import label

KIND = "derived"
CODES = ("FC141",)
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Reports the level a change claim implies where only one of its two levels is stated, "
    "and the whole (or part) a share implies where only the part (or whole) is stated.",
    why="An implied base-year value that is far from the published one exposes a wrong rate "
    "that nothing else in the article contradicts.",
    passes="2020年42610元，2025年55689元，年均增长5.5%  (both levels stated: nothing to derive, "
    "the cagr kind checks them)",
    fails="2025年55689元，十四五期间年均增长5.5%  (FC141, info: the implied 2020 level is "
    "55689/1.055^5 = 42610元)",
)
_FORMULAS = {"growth": _change.RATE, "cagr": _change.CAGR, "multiple": _change.MULTIPLE}


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Report the implied level of every change claim that has exactly one level stated."""
    for claim in ctx.of_kind(*_FORMULAS):
        start, end, years = ctx.start_end(claim)
        v = claim.value
        if v is None or (start is None) == (end is None):
            continue
        if claim.kind in ("growth", "cagr") and not v.unit.is_percent:  # points or an amount
            continue
        formula = _FORMULAS[claim.kind]
        # A multiple is the ratio itself; rates enter the inverse formulas as fractions.
        lo, hi = v.interval.lo, v.interval.hi
        known = (start or end).value  # type: ignore[union-attr]
        ends = ctx.endpoints(claim)
        # A level at or below zero has no growth rate, and the inverse formulas are monotone
        # (so the interval ends give the exact range) only for levels above zero.
        if known is None or ends is None or known.interval.lo <= 0:
            continue
        if lo <= (0 if claim.kind == "multiple" else -1):
            continue
        try:
            if end is not None:  # solve for the start: decreasing in the rate
                iv = Interval(
                    formula.start_from(known.interval.lo, hi, years),
                    formula.start_from(known.interval.hi, lo, years),
                )
                face = formula.start_from(known.point, v.point, years)
                at, how = ends[0], _how(claim.kind, known.text, _written(v), years, "start")
            else:  # solve for the end: increasing in the rate
                iv = Interval(
                    formula.end_from(known.interval.lo, lo, years),
                    formula.end_from(known.interval.hi, hi, years),
                )
                face = formula.end_from(known.point, v.point, years)
                at, how = ends[1], _how(claim.kind, known.text, _written(v), years, "end")
        except (ZeroDivisionError, OverflowError):
            continue
        if math.isnan(face):
            continue
        basis = claim.basis or ctx.pack.basis_of(claim.metric)
        real = basis != "nominal" and claim.kind != "multiple"
        caveat = (
            " (the rate may be at comparable prices: the implied level is then only indicative)"
            if real
            else ""
        )
        caveat_zh = "（增速可能为可比价，推算值仅供参考）" if real else ""
        related = tuple(c for c in (start, end) if c)
        yield ctx.finding(
            KIND,
            "FC141",
            claim,
            "derived",
            f"implies {claim.metric} at {label(at)} of {_bound_word(known, v, end is not None)}"
            f"{show(face, known, 1)}{caveat}",
            f"推算 {label(at, zh=True)}{claim.metric}{_bound_word(known, v, end is not None, 'zh')}"
            f"{show(face, known, 1)}{caveat_zh}",
            related,
            stated=v.text,
            recomputed=show(face, known, 1),
            interval=show_interval(iv, known),
            arithmetic=f"{how} = {show(face, known, 1)}",
        )
    yield from _shares(ctx)


def _shares(ctx: Context) -> Iterator[Finding]:
    """A share with its part stated implies the whole (291.8亿元 at 41% implies a whole of about
    711.7亿元), and with its whole stated implies the part."""
    for claim in ctx.of_kind("share"):
        part, whole = share.parts(ctx, claim)
        v = claim.value
        if v is None or (part is None) == (whole is None) or v.interval.lo <= 0:
            continue
        known = (part or whole).value  # type: ignore[union-attr]
        if known is None or known.interval.lo <= 0:
            continue
        if whole is None:  # whole = part / share: decreasing in the share
            iv = Interval(known.interval.lo / v.interval.hi, known.interval.hi / v.interval.lo)
            face, how = known.point / v.point, f"{known.text} / {v.text}"
            what = f"{claim.whole_entity or claim.entity}{claim.whole or claim.metric}"
        else:  # part = whole × share
            iv = Interval(known.interval.lo * v.interval.lo, known.interval.hi * v.interval.hi)
            face, how = known.point * v.point, f"{known.text} × {v.text}"
            what = f"{claim.entity}{claim.metric}"
        if math.isnan(face) or math.isinf(face):
            continue
        yield ctx.finding(
            KIND,
            "FC141",
            claim,
            "derived",
            f"implies {what} of {show(face, known)}",
            f"推算{what}约为 {show(face, known)}",
            tuple(c for c in (part, whole) if c),
            stated=v.text,
            recomputed=show(face, known),
            interval=show_interval(iv, known),
            arithmetic=f"{how} = {show(face, known)}",
        )


def _bound_word(known: Value, v: Value, solving_start: bool, lang: str = "en") -> str:
    """ "at least" or "at most" when an input is a bound (突破670亿元, 翻番 = at least ×2): the
    implied level is then a bound too, in the direction the inverse formula carries it."""
    up = {"above", "more"}
    down = {"below", "near"}
    v_up = v.stated.bound in up or v.stated.reading == "doubling"
    k_up, k_down = known.stated.bound in up, known.stated.bound in down
    # The implied start rises with the known end and falls with the rate; the implied end rises
    # with both.
    least = k_up and not v_up if solving_start else (k_up or v_up) and not k_down
    most = (v_up or k_down) and not k_up if solving_start else k_down and not v_up
    if least:
        return "至少" if lang == "zh" else "at least "
    if most:
        return "至多" if lang == "zh" else "at most "
    return "约为" if lang == "zh" else ""


def _written(v: Value) -> str:
    """A value as it enters the arithmetic: 翻番 is written as the factor it means."""
    if v.stated.reading == "doubling":
        return f"{v.point:g} ({v.text})"
    if v.stated.verb and v.stated.form == "number" and en.written_form(v.text):
        return show(v.point, v)  # up 12% year-over-year enters as 12%, fell 8% as -8%
    return v.text


def _how(kind: str, level: str, value: str, years: float, solve: str) -> str:
    """The inverse formula written out."""
    rate = f"(1 - {value[1:]})" if value.startswith("-") else f"(1 + {value})"
    if kind == "multiple":
        return f"{level} / {value}" if solve == "start" else f"{level} × {value}"
    power = rate if kind == "growth" else f"{rate}^{years:g}"
    return f"{level} / {power}" if solve == "start" else f"{level} × {power}"
