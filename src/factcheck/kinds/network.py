"""The network of quantities: the claims of a file decided together, through the quantities the
article never states (docs/rules.md, "The network of quantities").

It runs after every other check and leaves out the claims they already found inconsistent or
could not recompute, so each contradiction is reported once: by the pairwise check when two
stated figures show it, by the network when it runs through more claims or unstated quantities.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.kinds import _change
from factcheck.kinds.base import Context, Doc, Option
from factcheck.network.decide import decide

KIND = "network"
CODES = ("FC119", "FC142")
OPTIONS: dict[str, Option] = {"max_deflator": _change.MAX_DEFLATOR}
DOC = Doc(
    what="Decides all claims of a file together as one network of quantities, stated or not, "
    "and reports the smallest set of claims that cannot all hold, and each unstated quantity "
    "that several claims bound.",
    why="Real articles leave the pivot quantity unstated: the 1990 level behind 增长2.0倍 and a "
    "share of 20.0%, the mean population behind 出生率 and 死亡率. Pair by pair nothing "
    "contradicts; together the claims cannot all hold.",
    passes="总人口增长0.3倍，城镇人口增长2.0倍，城镇人口占比由20.0%提高到46.0%  "
    "(20.0% × 3.0 / 1.3 = 46.2%, [43.6%, 48.9%])",
    fails="总人口增长0.3倍，城镇人口增长2.0倍，城镇人口占比由20.0%提高到58.0%  "
    "(20.0% × 3.0 / 1.3 = 46.2%, [43.6%, 48.9%], not 58.0%)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Decide the file's network, without the claims other checks flagged (``ctx.flagged``)."""
    yield from decide(ctx, ctx.flagged, options["max_deflator"])
