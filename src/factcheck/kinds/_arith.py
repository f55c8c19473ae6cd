"""Arithmetic over the expression trees of metric identities: interval evaluation (no eval),
dimensions compared before anything is added or divided, and the expression written out with
the stated values."""

from __future__ import annotations

import math

from factcheck import expr as ex
from factcheck.interval import Interval
from factcheck.model import Claim


def ieval(node: ex.Expr, env: dict[str, Interval]) -> Interval:
    """Interval arithmetic over the expression tree (no eval)."""
    if isinstance(node, ex.Num):
        return Interval(node.value, node.value)
    if isinstance(node, ex.Name):
        return env[node.name]
    a, b = ieval(node.left, env), ieval(node.right, env)
    if node.op == "+":
        return Interval(a.lo + b.lo, a.hi + b.hi)
    if node.op == "-":
        return Interval(a.lo - b.hi, a.hi - b.lo)
    if node.op == "/":
        if b.lo <= 0 <= b.hi:
            return Interval(-math.inf, math.inf)
        b = Interval(1 / b.hi, 1 / b.lo)
    ends = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
    ends = [0.0 if math.isnan(x) else x for x in ends]
    return Interval(min(ends), max(ends))


# Dimensions that a per-capita or per-household figure keeps; counts (persons, households) are
# what it is "per", so they drop out of the comparison with the stated figure.
_MEASURES = ("[currency", "[mass]", "[length]", "[power]", "[time]", "[month]", "[percentage")


def dims(node: ex.Expr, known: dict[str, Claim]) -> dict[str, float] | None:
    """The dimension of an expression (base dimension -> power), or None when it adds unlike
    quantities (元 + 吨)."""
    if isinstance(node, ex.Num):
        return {}
    if isinstance(node, ex.Name):
        value = known[node.name].value
        assert value is not None
        out: dict[str, float] = {}
        for part in filter(None, value.unit.dimension.split("*")):  # "[length]^2*[mass]"
            name, _, power = part.partition("^")
            out[name] = float(power or 1)
        return out
    a, b = dims(node.left, known), dims(node.right, known)
    if a is None or b is None:
        return None
    if node.op in "+-":
        return a if measures(a) == measures(b) else None
    sign = 1 if node.op == "*" else -1
    return {k: a.get(k, 0) + sign * b.get(k, 0) for k in a.keys() | b.keys()}


def measures(d: dict[str, float]) -> dict[str, float]:
    """The measured part of a dimension: counts (what a figure is "per") left out."""
    return {k: v for k, v in d.items() if v and k.startswith(_MEASURES)}


def render(node: ex.Expr, known: dict[str, Claim]) -> str:
    """The expression with each metric replaced by its stated value."""
    if isinstance(node, ex.Num):
        return f"{node.value:g}"
    if isinstance(node, ex.Name):
        return known[node.name].value.text  # type: ignore[union-attr]
    return f"({render(node.left, known)} {node.op} {render(node.right, known)})"
