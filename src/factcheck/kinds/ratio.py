"""Ratios: numerator / denominator against the stated ``2.29:1``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds import _change
from factcheck.kinds.base import Context, Doc, Option, emit, ratio_interval, undetermined
from factcheck.model import Value

KIND = "ratio"
CODES = ("FC112", "FC131", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Recomputes a ratio from the levels of its two terms: of one entity or of two "
    "(entities), per one or per 100 (per), a figure per unit of a count (平均每户2.90人) or a "
    "conversion at an exchange rate.",
    why="Ratios such as the urban-rural income ratio are printed beside the incomes they come "
    "from, so readers check them at once.",
    passes="城镇55689元、农村24359元，收入比2.29:1  (55689/24359 = 2.29)",
    fails="城镇55689元、农村24359元，收入比2.19:1  (55689/24359 = 2.29)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every ratio whose two terms are stated."""
    for claim in ctx.of_kind(KIND):
        if claim.period is None or claim.value is None or len(claim.metrics) != 2:
            continue
        at = claim.period.end
        num_entity, den_entity = claim.entities if len(claim.entities) == 2 else (claim.entity,) * 2
        num = ctx.by_id.get(claim.refs.get("refs.0", "")) or ctx.level(
            num_entity, claim.metrics[0], at
        )
        den = ctx.by_id.get(claim.refs.get("refs.1", "")) or ctx.level(
            den_entity, claim.metrics[1], at
        )
        if not (num and den and num.value and den.value):
            continue
        if not comparable(num.value, den.value, claim.value):
            why = "the terms are in units the stated figure cannot compare", "两项单位无法比较"
            yield undetermined(ctx, KIND, claim, *why, (num, den))
            continue
        if den.value.interval.lo <= 0:
            why = "the second term is not above zero", "第二项不大于零"
            yield undetermined(ctx, KIND, claim, *why, (num, den))
            continue
        # 性别比105.07 (以女性为100) is men per 100 women: the ratio of the terms times 'per'.
        iv = ratio_interval(num.value.interval, den.value.interval).scale(claim.per)
        face = num.value.point / den.value.point * claim.per
        a, b = _change.operand(num.value, den.value), _change.operand(den.value, num.value)
        per = f" × {claim.per:g}" if claim.per != 1 else ""
        yield from emit(
            ctx,
            KIND,
            "FC112",
            claim,
            claim.value,
            iv,
            face,
            f"{a}/{b}{per}",
            (num, den),
            "the terms",
            "两项",
        )


def comparable(num: Value, den: Value, stated: Value) -> bool:
    """Whether num / den, in base units, is what the stated figure measures: terms in one unit
    and a plain ratio; a figure per unit of a count (2.90人 per 户: the figure in the
    numerator's unit); or an exchange rate (a plain figure between two currencies)."""
    nd, dd, sd = num.unit.dimension, den.unit.dimension, stated.unit.dimension
    if nd == dd:
        return sd == ""
    if sd == "":
        return nd.startswith("[currency") and dd.startswith("[currency")
    return sd == nd and den.unit.is_count
