"""Growth over one period (同比) or a span: ``end/start - 1``, or for percentage points and for
an amount in the levels' unit (增加12.3亿元) ``end - start``; and the classic confusion of
percent and points (docs/conventions.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds import _change
from factcheck.kinds.base import Context, Doc, Option, show
from factcheck.model import Claim

KIND = "growth"
CODES = ("FC101", "FC105", "FC121", "FC131", "FC161")
OPTIONS: dict[str, Option] = {"max_deflator": _change.MAX_DEFLATOR}
DOC = Doc(
    what="Recomputes a year-on-year or span growth rate (or a change in percentage points, or "
    "an amount such as 增加12.3亿元) from the two levels it compares, and flags percent written "
    "for percentage points.",
    why="不良率从1.2%降至0.3% is a fall of 0.9 percentage points but of 75 percent; printing "
    "one for the other is a classic error.",
    passes="到位资金2024年353.3亿元、2025年468.9亿元，同比增长32.7%  (468.9/353.3 - 1 = 32.7%)",
    fails="不良率从1.2%降至0.3%，下降0.9%  (0.3/1.2 - 1 = -75.0%; -0.9 is the change in points)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every growth claim whose two levels are stated."""
    for claim in ctx.of_kind(KIND):
        if claim.value is None:
            continue
        confused = _confusion(ctx, claim)
        if confused is not None:
            yield confused
            continue
        formula = _change.change_formula(claim.value)
        yield from _change.run(ctx, KIND, "FC101", claim, formula, True, options["max_deflator"])


def _confusion(ctx: Context, claim: Claim) -> Finding | None:
    """FC105 when the stated figure fits only the other reading (points versus percent)."""
    start, end, _ = ctx.start_end(claim)
    if not (start and end and start.value and end.value and claim.value):
        return None
    if not (start.value.unit.is_percent and end.value.unit.is_percent):
        return None
    stated = claim.value
    if not (stated.unit.is_percent or stated.unit.is_points):  # an amount: no such confusion
        return None
    as_points = stated.unit.is_points
    wrong = _change.POINTS if as_points else _change.RATE
    other = _change.RATE if as_points else _change.POINTS
    fits = []
    for formula in (wrong, other):
        result = _change.recompute(formula, start.value, end.value, 1)
        fits.append(result is not None and result[0].meets(stated.interval))
    if fits[0] or not fits[1]:
        return None
    face = _change.recompute(wrong, start.value, end.value, 1)
    said = "percentage points" if as_points else "percent"
    meant = "percent" if as_points else "percentage points"
    return ctx.finding(
        KIND,
        "FC105",
        claim,
        "inconsistent",
        f"{stated.text} is written in {said} but matches the change in {meant}"
        + (f"; in {said} it is {show(face[1], stated)}" if face else ""),
        f"{stated.text} 写作{'百分点' if as_points else '百分比'}，"
        f"却与{'百分比' if as_points else '百分点'}变化相符",
        (start, end),
        stated=stated.text,
        material=True,
        arithmetic=f"{end.value.text} - {start.value.text} vs "
        f"{end.value.text}/{start.value.text} - 1",
    )
