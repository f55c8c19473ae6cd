"""The machinery shared by the change kinds (growth, cagr, multiple): find the levels at both
ends, push their intervals through the formula, judge, and write the arithmetic out.

Each formula is monotone: increasing in the end level, decreasing in the start level (for the
positive levels it accepts), so the ends of the input intervals give the exact output range.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from factcheck import en
from factcheck.finding import Finding
from factcheck.interval import Interval
from factcheck.kinds.base import Context, Option, emit, undetermined
from factcheck.model import Claim, Value
from factcheck.periods import label
from factcheck.zh import as_written


@dataclass(frozen=True, slots=True, eq=False)
class Formula:
    """A change as a function of start level, end level and years, with its inverses. Formulas
    are told apart by identity: POINTS and AMOUNT share their arithmetic."""

    f: Callable[[float, float, float], float]
    start_from: Callable[[float, float, float], float]  # (end, value, years) -> start
    end_from: Callable[[float, float, float], float]  # (start, value, years) -> end
    render: Callable[[str, str, float], str]  # (start text, end text, years) -> expression
    needs_positive: bool = True


def _cagr(s: float, e: float, n: float) -> float:
    return (e / s) ** (1 / n) - 1


RATE = Formula(
    f=lambda s, e, n: e / s - 1,
    start_from=lambda e, v, n: e / (1 + v),
    end_from=lambda s, v, n: s * (1 + v),
    render=lambda a, b, n: f"{b}/{a} - 1",
)
POINTS = Formula(
    f=lambda s, e, n: e - s,
    start_from=lambda e, v, n: e - v,
    end_from=lambda s, v, n: s + v,
    render=lambda a, b, n: f"{b} - {a}",
    needs_positive=False,
)
# A change written as an amount in the levels' unit (比上年增加12.3亿元, 减少5万吨): the
# difference of the levels, as for percentage points, but of quantities. The same arithmetic,
# told apart from POINTS by identity (unfit checks the units of each).
AMOUNT = replace(POINTS)
# An average yearly change in percentage points (平均每年提高1.5个百分点): (end − start) / years.
AVG_POINTS = Formula(
    f=lambda s, e, n: (e - s) / n,
    start_from=lambda e, v, n: e - v * n,
    end_from=lambda s, v, n: s + v * n,
    render=lambda a, b, n: f"({b} - {a})/{n:g}",
    needs_positive=False,
)
CAGR = Formula(
    f=_cagr,
    start_from=lambda e, v, n: e / (1 + v) ** n,
    end_from=lambda s, v, n: s * (1 + v) ** n,
    render=lambda a, b, n: f"({b}/{a})^(1/{n:g}) - 1",
)
MULTIPLE = Formula(
    f=lambda s, e, n: e / s,
    start_from=lambda e, v, n: e / v,
    end_from=lambda s, v, n: s * v,
    render=lambda a, b, n: f"{b}/{a}",
)


def operand(v: Value, other: Value) -> str:
    """A level as it stands in the arithmetic: bare when both share the unit, else with it."""
    s = v.stated
    number = f"{s.factor}×{s.number}" if s.factor != 1 else f"{s.number}"
    if s.unit == other.stated.unit:
        return number
    return (s.factor == 1 and en.dress(number, s.text)) or f"{number}{as_written(s.unit, s.text)}"


def recompute(
    formula: Formula, start: Value, end: Value, years: float
) -> tuple[Interval, float] | None:
    """The range the formula gives over the input intervals, and its face value; None when
    undefined (a level at or below zero, or no time between the two)."""
    if years <= 0 and formula in (CAGR, AVG_POINTS):
        return None
    if formula.needs_positive and (start.interval.lo <= 0 or end.interval.lo < 0):
        return None
    try:
        lo = formula.f(start.interval.hi, end.interval.lo, years)
        hi = (
            formula.f(start.interval.lo, end.interval.hi, years)
            if not math.isinf(end.interval.hi)
            else math.inf
        )
        face = formula.f(start.point, end.point, years)
    except (ZeroDivisionError, OverflowError, ValueError):
        return None
    if any(math.isnan(x) for x in (lo, hi, face)):
        return None
    return Interval(lo, hi), face


def unfit(formula: Formula, start: Value, end: Value, stated: Value) -> tuple[str, str] | None:
    """Why two levels cannot enter the formula at all (compared before dividing), or None."""
    a, b = start.unit, end.unit
    if a.dimension != b.dimension:
        return f"the levels are in different units ({a.text}, {b.text})", "两个水平值单位不同"
    if formula in (POINTS, AVG_POINTS) and a.dimension != "":
        return "a change in percentage points needs two rates", "百分点变化需要两个比率"
    if formula is AMOUNT and a.dimension != stated.unit.dimension:
        return (
            f"the change {stated.text} is not counted in the levels' unit ({a.text})",
            "变化量与水平值单位不同",
        )
    return None


def change_formula(value: Value) -> Formula:
    """How a growth claim's value compares its levels: a rate (%), percentage points, or an
    amount in the levels' unit."""
    if value.unit.is_points:
        return POINTS
    return RATE if value.unit.is_percent else AMOUNT


def fraction(value: object) -> float:
    """A rule-pack option between 0 and 1."""
    number = float(str(value))
    if not 0 <= number <= 1:
        raise ValueError("must be a number from 0 to 1")
    return number


MAX_DEFLATOR = Option(
    0.15,
    "largest yearly price change that can explain a rate at comparable prices differing from "
    "the nominal rate of the levels; beyond it the rate is inconsistent",
    fraction,
)


def deflator(formula: Formula, nominal: Interval, stated: Interval, years: float) -> float:
    """The smallest yearly price change that reconciles a rate at comparable prices with the
    nominal rate of the levels: (1 + nominal) / (1 + real), per year, at the closest ends."""
    if nominal.lo > stated.hi:
        ratio = (1 + nominal.lo) / (1 + stated.hi)
    else:
        ratio = (1 + nominal.hi) / (1 + stated.lo) if stated.lo > -1 else math.inf
    per_year = years if formula is RATE and years > 0 else 1.0
    try:
        return ratio ** (1 / per_year) - 1
    except (OverflowError, ZeroDivisionError, ValueError):
        return math.inf


def run(
    ctx: Context,
    check: str,
    code: str,
    claim: Claim,
    formula: Formula,
    basis_applies: bool = False,
    max_deflator: float = math.inf,
) -> Iterator[Finding]:
    """Check one change claim against its levels; yields nothing when a level is missing
    (the ``derived`` kind then reports what the claim implies)."""
    start, end, years = ctx.start_end(claim)
    if not (start and end and start.value and end.value and claim.value):
        return
    stated = claim.value
    related = (start, end)
    why = unfit(formula, start.value, end.value, claim.value)
    result = None if why else recompute(formula, start.value, end.value, years)
    if result is None:
        why = why or (
            "a level is zero or negative, or no time passes",
            "基数为零或负数，或时间跨度为零",
        )
        yield undetermined(ctx, check, claim, why[0], why[1], related)
        return
    iv, face = result
    arithmetic = formula.render(
        operand(start.value, end.value), operand(end.value, start.value), years
    )
    found = emit(
        ctx, check, code, claim, stated, iv, face, arithmetic, related, "the levels", "水平值"
    )
    basis = claim.basis or ctx.pack.basis_of(claim.metric)
    # Only money has a price basis: tonnes, persons and rates of rates are recomputed directly.
    priced = start.value.unit.dimension.startswith("[currency")
    if (
        found[0].verdict == "consistent"
        or not basis_applies
        or not priced
        or basis == "nominal"
        or not stated.unit.is_percent
    ):
        yield from found
        return
    change = deflator(formula, iv, stated.interval, years)
    if abs(change) > max_deflator:  # no price change explains it: a wrong rate, not a basis
        yield replace(
            found[0],
            message=f"{found[0].message}; even at comparable prices this would take a price "
            f"change of {change:+.1%} a year, beyond the plausible {max_deflator:.0%}",
            message_zh=f"{found[0].message_zh}；即使按可比价，也需每年价格变动 {change:+.1%}，"
            f"超出合理范围 {max_deflator:.0%}",
        )
        return
    why_en = "comparable prices" if basis == "real" else "a basis the article does not state"
    why_zh = "可比价" if basis == "real" else "未说明的价格口径"
    nominal = found[0].recomputed
    lo, hi = reconciling(formula, iv, stated.interval, years)
    span = (
        f"{label(start.period.end)}–{label(end.period.end)}" if start.period and end.period else ""
    )
    rose = _pct_range(lo, hi)
    word, word_zh = (
        ("rose", "上涨") if lo >= 0 else ("fell", "下降") if hi <= 0 else ("changed", "变动")
    )
    yield replace(
        found[0],
        code="FC121",
        verdict="undetermined",
        material=False,
        witness="",
        message=f"undetermined: price basis differs. The rate is presumably at {why_en} (basis "
        f"'{basis}'); the levels, at current prices, give the nominal {nominal}; it holds only if "
        f"prices {word} {rose} a year over {span}",
        message_zh=f"无法判定：价格口径不同。增速应为{why_zh}，按现价水平值计算的"
        f"名义增速为 {nominal}；仅当 {span} 年均价格{word_zh} {rose} 时成立",
    )


def reconciling(
    formula: Formula, nominal: Interval, stated: Interval, years: float
) -> tuple[float, float]:
    """Every yearly price change that reconciles a rate at comparable prices with the nominal
    rate of the levels: (1 + nominal) / (1 + real), per year, over the intervals' ends."""
    per_year = years if formula is RATE and years > 0 else 1.0

    def yearly(ratio: float) -> float:
        try:
            return ratio ** (1 / per_year) - 1
        except (OverflowError, ZeroDivisionError, ValueError):
            return math.inf

    lo = yearly((1 + nominal.lo) / (1 + stated.hi)) if stated.hi > -1 else -1.0
    hi = yearly((1 + nominal.hi) / (1 + stated.lo)) if stated.lo > -1 else math.inf
    return lo, hi


def _pct_range(lo: float, hi: float) -> str:
    """``4.7%–4.9%``, or one figure when both ends read the same; magnitudes, the sign is in
    the verb."""
    a, b = sorted((abs(lo), abs(hi))) if lo * hi >= 0 else (0.0, max(abs(lo), abs(hi)))
    first, second = f"{a:.1%}", f"{b:.1%}"
    return first if first == second else f"{first}–{second}"
