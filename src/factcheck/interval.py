"""Intervals: what a stated figure allows (docs/conventions.md §1, §2).

"33.8%" is [33.75%, 33.85%]; "突破670亿元" is [670, ∞)亿元; "约1.36" is 1.36 ± one unit of its
last significant digit, [1.35, 1.37], and "4500元左右" is [4400, 4600] (the trailing zeros of a
round figure are not significant): docs/conventions.md §2. A rule pack may choose a fractional
width instead (``rounding.approx: 0.05``). Ends are closed: a figure exactly on a rounding edge is
given the benefit of the doubt, so a rate rounded from the true value is never flagged.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from factcheck.numbers import Stated

INF = math.inf


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of floats; ``lo`` may be -inf and ``hi`` +inf."""

    lo: float
    hi: float

    def __contains__(self, x: float) -> bool:
        return self.lo - _eps(self.lo) <= x <= self.hi + _eps(self.hi)

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share a value (with a float-noise tolerance)."""
        return self.lo - _eps(self.lo) <= other.hi + _eps(other.hi) and (
            other.lo - _eps(other.lo) <= self.hi + _eps(self.hi)
        )

    def scale(self, k: float) -> Interval:
        """Multiply by a positive constant."""
        return Interval(self.lo * k, self.hi * k)

    @property
    def mid(self) -> float:
        """The middle, or the finite end of a half-open interval."""
        if math.isinf(self.hi):
            return self.lo
        if math.isinf(self.lo):
            return self.hi
        return (self.lo + self.hi) / 2


def _eps(x: float) -> float:
    # Relative float noise only: 1e-9 is far below any written precision we meet.
    return 0.0 if math.isinf(x) else 1e-9 * max(abs(x), 1e-12)


@dataclass(frozen=True, slots=True)
class RoundingOptions:
    """How a written figure turns into an interval; set by the rule pack."""

    mode: str = "nearest"  # "nearest": ±half a unit of the last digit; "down": [x, x + unit)
    trailing_zeros: str = "unit"  # "unit": 670 is ±0.5; "significant": 670 is ±5
    # 约/左右: "digit" (± one unit of the last significant digit) or a fraction of the figure by
    # which the rounding interval widens on each side.
    approx: float | str = "digit"
    # 近/接近: how far below the figure the true value may be, as a fraction of it, or "digit"
    # (one unit of its last significant digit).
    near: float | str = 0.10
    open_below: float = 0.0  # 不到/以下: lower end as a fraction of the figure


def half_unit(stated: Stated, options: RoundingOptions) -> Decimal:
    """Half a unit of the last written digit, by the trailing-zero convention."""
    if stated.exponent is None:
        return Decimal(0)
    exponent = stated.exponent
    if options.trailing_zeros == "significant" and exponent == 0 and stated.number != 0:
        digits = stated.number.normalize().as_tuple()
        exponent = max(int(digits.exponent), 0)
    return Decimal(5) * Decimal(10) ** (exponent - 1)


# The widths of 约 and 近 under "digit" for a figure without a last digit (约三分之二): fractions
# of the figure.
EXACT_APPROX, EXACT_NEAR = 0.05, 0.10


def significant_unit(stated: Stated) -> Decimal | None:
    """One unit of the last significant digit of the figure as written: ``1.36`` → 0.01,
    ``4500`` → 100 (the trailing zeros of a round figure are not significant), ``18`` → 1,
    ``1.30`` → 0.01 (a zero written after the point is); None for an exact form (三分之二)."""
    if stated.exponent is None:
        return None
    exponent = stated.exponent
    if exponent >= 0 and stated.number != 0:
        digits = stated.number.normalize().as_tuple()
        exponent = max(int(digits.exponent), exponent)
    return Decimal(10) ** exponent


def stated_interval(stated: Stated, options: RoundingOptions) -> Interval:
    """The interval of the figure as written (before any unit factor)."""
    x = stated.number
    h = half_unit(stated, options)
    if stated.lo is not None and stated.hi is not None:
        rounded = Interval(float(stated.lo), float(stated.hi))
    elif stated.form == "rank":  # 第二 is exactly the second place, not [1.5, 2.5]
        rounded = Interval(float(x), float(x))
    elif stated.form == "ratio" and (terms := _ratio_terms(stated.text)):
        rounded = _ratio_interval(*terms, options)
    elif options.mode == "down" and h:
        rounded = (
            Interval(float(x), float(x + 2 * h)) if x >= 0 else Interval(float(x - 2 * h), float(x))
        )
    else:
        rounded = Interval(float(x - h), float(x + h))
    bound = stated.bound
    if bound == "more":  # 30余, 30多: more than 30, less than the next step (31-39)
        step = float(Decimal(10) ** max(int(abs(x).normalize().as_tuple().exponent), 0))
        if abs(x) < 1 or x != x.to_integral_value():
            step = float(2 * h) if h else 1.0
        lo, hi = (float(x), float(x) + step) if x >= 0 else (float(x) - step, float(x))
        return Interval(lo, hi)
    if bound in ("above", "below", "near") and x < 0:
        # Words bound the size of a change as written: 下降超30% is a fall of more than 30%
        # (≤ -30%), 下降近5% one of a little under 5% ([-5%, -4.5%]), 下降不到5% one of less
        # than 5% ([-5%, 0]). Bound the magnitude, then mirror.
        mirrored = _bounded(float(-x), bound, rounded, options, significant_unit(stated))
        return Interval(-mirrored.hi, -mirrored.lo)
    return _bounded(float(x), bound, rounded, options, significant_unit(stated))


def _bounded(
    x: float, bound: str, rounded: Interval, options: RoundingOptions, unit: Decimal | None
) -> Interval:
    """The interval a qualifier word sets around a figure (``rounded`` when it sets none);
    ``unit`` is one unit of its last significant digit."""
    mag = abs(x)
    if bound == "above":  # 突破, 超过, 以上: the figure is a floor, not a rounding
        return Interval(x, INF)
    if bound == "below":  # 不到, 不足, 以下: a ceiling
        return Interval(options.open_below * x, x)
    if bound == "near":  # 近, 接近, 将近: close below
        if options.near == "digit" and unit is not None:
            return Interval(x - float(unit), x)
        near = float(options.near) if options.near != "digit" else EXACT_NEAR
        return Interval(x - near * mag, x)
    if bound == "approx":  # 约, 左右: rounded at the last significant digit, a little loosely
        if options.approx == "digit":
            if unit is None:
                return Interval(x - EXACT_APPROX * mag, x + EXACT_APPROX * mag)
            # A figure of one significant digit 1 (约1亿) is rounded at that digit, ±half of it:
            # a width of the whole figure would reach zero.
            width = min(float(unit), mag / 2)
            return Interval(x - width, x + width)
        width = float(options.approx) * mag
        return Interval(rounded.lo - width, rounded.hi + width)
    return rounded


_RATIO = re.compile(r"(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$")


def _ratio_terms(text: str) -> tuple[Decimal, Decimal] | None:
    """The two terms of ``2.29:1`` or ``3:2.5`` as written (None for a ratio given as 2.29)."""
    m = _RATIO.search(unicodedata.normalize("NFKC", text).replace(" ", ""))
    return (Decimal(m.group(1)), Decimal(m.group(2))) if m else None


def _ratio_interval(num: Decimal, den: Decimal, options: RoundingOptions) -> Interval:
    """``a:b`` from the precision of both terms; a bare 1 (``2.29:1``, ``1:2.5``) is the normal
    form, so exact, while ``1.00:1`` is a rounded 1.00."""

    def half(term: Decimal) -> Decimal:
        exponent = int(term.as_tuple().exponent)
        exact = term == 1 and exponent == 0
        return Decimal(0) if exact else half_unit(Stated("", "number", term, exponent), options)

    hn, hd = half(num), half(den)
    if den - hd <= 0:
        return Interval(float((num - hn) / (den + hd)), INF)
    return Interval(float((num - hn) / (den + hd)), float((num + hn) / (den - hd)))
