"""Metric identities from the rule pack (``收入比 = 城镇… / 农村…``, ``人均GDP = GDP / 年平均
人口``): checked where every term is stated, and solved for a missing term of a simple
``a = b / c`` or ``a = b * c`` where the others are (a derived value, at info level)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from factcheck import expr as ex
from factcheck.finding import Finding
from factcheck.kinds._arith import dims, ieval, measures, render
from factcheck.kinds.base import Context, Doc, Option, emit, magnitude, undetermined
from factcheck.model import Claim

KIND = "identity"
CODES = ("FC118", "FC131", "FC141", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Evaluates the rule pack's metric identities over the level claims of one entity and "
    "period.",
    why="Per-capita figures, ratios and totals are printed beside the figures they are made of.",
    passes="人均GDP 15.6万元, GDP 670亿元, 年平均人口 43万人  (670e8/43e4 = 15.6万元)",
    fails="人均GDP 18.6万元, GDP 670亿元, 年平均人口 43万人  (670e8/43e4 = 15.6万元)",
)


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check or solve each identity for every entity and period that has its terms."""
    groups = {(entity, key) for (entity, _, key) in ctx.levels}
    for identity in ctx.pack.identities:
        names = sorted(ex.names(identity.expr))
        for entity, key in sorted(groups):
            claims = {
                n: ctx.levels.get((entity, n, key), [None])[0] for n in [identity.target, *names]
            }
            known = {n: c for n, c in claims.items() if c is not None and c.value}
            target = known.get(identity.target)
            if set(names) <= set(known) and target is not None and target.value:
                yield from _check_one(ctx, identity, target, known, names)
            yield from _solve(ctx, identity, known)


def _check_one(
    ctx: Context, identity: Any, target: Claim, known: dict[str, Claim], names: list[str]
) -> Iterator[Finding]:
    """Evaluate the identity over the stated terms and judge the stated target."""
    assert target.value is not None
    related = tuple(known[n] for n in names)
    d = dims(identity.expr, known)
    want = dims(ex.Name(identity.target), known)
    if d is None or want is None or measures(d) != measures(want):
        why = "the terms are in units the identity cannot combine", "各项单位无法按恒等式运算"
        yield undetermined(ctx, KIND, target, *why, related)
        return
    env = {n: known[n].value.interval for n in names}  # type: ignore[union-attr]
    iv = ieval(identity.expr, env)
    face = ex.evaluate(identity.expr, {n: known[n].value.point for n in names})  # type: ignore[union-attr]
    if not math.isfinite(face) or (math.isinf(iv.lo) and math.isinf(iv.hi)):
        why = "a divisor may be zero", "除数可能为零"
        yield undetermined(ctx, KIND, target, *why, related)
        return
    arithmetic = f"{identity.text}: {render(identity.expr, known)}"
    yield from emit(
        ctx,
        KIND,
        "FC118",
        target,
        target.value,
        iv,
        face,
        arithmetic,
        related,
        "the identity",
        "恒等式",
    )


def _solve(ctx: Context, identity: Any, known: dict[str, Claim]) -> Iterator[Finding]:
    """a = b / c or a = b * c with a and one operand stated: the other operand is implied."""
    node = identity.expr
    if not (
        isinstance(node, ex.BinOp)
        and node.op in "*/"
        and isinstance(node.left, ex.Name)
        and isinstance(node.right, ex.Name)
    ):
        return
    a, b, c = identity.target, node.left.name, node.right.name
    if a not in known or (b in known) == (c in known):
        return
    av, other = known[a].value, known[b if b in known else c].value
    assert av is not None and other is not None
    if av.interval.lo <= 0 or other.interval.lo <= 0:  # nothing to solve for: no division by zero
        return
    missing = c if b in known else b
    if node.op == "/" and missing == c:  # a = b / c  →  c = b / a
        iv = ieval(
            ex.BinOp("/", ex.Name("b"), ex.Name("a")), {"a": av.interval, "b": other.interval}
        )
        face, how = other.point / av.point, f"{other.text} / {av.text}"
    elif node.op == "/":  # b = a * c
        iv = ieval(
            ex.BinOp("*", ex.Name("a"), ex.Name("c")), {"a": av.interval, "c": other.interval}
        )
        face, how = av.point * other.point, f"{av.text} × {other.text}"
    else:  # a = b * c  →  missing = a / known
        iv = ieval(
            ex.BinOp("/", ex.Name("a"), ex.Name("k")), {"a": av.interval, "k": other.interval}
        )
        face, how = av.point / other.point, f"{av.text} / {other.text}"
    claim = known[a]
    yield ctx.finding(
        KIND,
        "FC141",
        claim,
        "derived",
        f"implies {missing} of {magnitude(face)}",
        f"推算{missing}约为 {magnitude(face)}",
        (known[b if b in known else c],),
        stated=av.text,
        recomputed=magnitude(face),
        interval=f"[{magnitude(iv.lo)}, {magnitude(iv.hi)}]",
        arithmetic=f"{missing} = {how} = {magnitude(face)}",
    )
