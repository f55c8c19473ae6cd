"""Average annual growth (年均增长): ``(end/start)^(1/n) - 1`` against the stated rate.

n is the number of years between the two levels, taken from the periods: ``2021-2025`` is 4, and
``十四五`` compounds from the 2020 base, so it is 5.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds import _change
from factcheck.kinds.base import Context, Doc, Option

KIND = "cagr"
CODES = ("FC102", "FC121", "FC131", "FC161")
OPTIONS: dict[str, Option] = {"max_deflator": _change.MAX_DEFLATOR}
DOC = Doc(
    what="Recomputes an average annual growth rate from the levels at both ends of its span.",
    why="A CAGR is the figure readers recompute most often, and the easiest to get wrong by "
    "miscounting the years (2021→2025 is 4, 十四五 is 5).",
    passes="产值从2021年的669亿元增长到2025年的1000亿元，年均增长10.6%  "
    "((1000/669)^(1/4) - 1 = 10.6%)",
    fails="产值从2021年的669亿元增长到2025年的2586亿元，年均增长33.8%  "
    "((2586/669)^(1/4) - 1 = 40.2%; undetermined if the rate is at comparable prices)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every cagr claim whose start and end levels are stated."""
    for claim in ctx.of_kind(KIND):
        points = claim.value is not None and claim.value.unit.is_points
        formula = _change.AVG_POINTS if points else _change.CAGR
        yield from _change.run(ctx, KIND, "FC102", claim, formula, True, options["max_deflator"])
