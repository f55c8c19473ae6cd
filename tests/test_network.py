"""The network solver on its own: sound on networks built around a true assignment (values that
satisfy every constraint, so no contradiction may be found), and exact on hand-worked ones."""

from __future__ import annotations

import math
import random

import pytest

from factcheck import expr as ex
from factcheck.network.solve import (
    Bound,
    Constraint,
    Diff,
    Linear,
    Problem,
    Tree,
    diff_bounds,
    solve,
)


def _around(x: float, rng: random.Random) -> tuple[float, float]:
    """An interval that holds x, sometimes a point, sometimes half-open."""
    r = rng.random()
    if r < 0.1:
        return x, x
    if r < 0.2:
        return x - abs(x) * rng.random(), math.inf
    w = abs(x) * rng.random() * 0.01 + 1e-12
    return x - w * rng.random(), x + w * rng.random()


@pytest.mark.parametrize("seed", range(60))
def test_a_network_around_true_values_is_never_inconsistent(seed: int) -> None:
    rng = random.Random(seed)
    p = Problem()
    n = rng.randint(2, 12)
    truth = [rng.uniform(0.01, 1e6) for _ in range(n)]
    for _ in range(n):
        p.node(True)
    cs: list[Constraint] = []
    for _ in range(rng.randint(1, 3 * n)):
        a, b = rng.sample(range(n), 2)
        kind = rng.random()
        if kind < 0.4:
            lo, hi = _around(math.log(truth[a]) - math.log(truth[b]), rng)
            cs.append(Diff(a, b, lo, hi, "d"))
        elif kind < 0.6:
            cs.append(Bound(a, *_around(truth[a], rng), "b"))
        elif kind < 0.8:
            c = rng.sample(range(n), min(n, rng.randint(2, 4)))
            k = [rng.choice((1.0, -1.0, 0.5)) for _ in c]
            total = sum(ki * truth[ci] for ki, ci in zip(k, c, strict=True))
            cs.append(Linear(tuple(zip(k, c, strict=True)), *_around(total, rng), "l"))
        elif n >= 3:
            t, x, y = rng.sample(range(n), 3)
            op = rng.choice("*/")
            expr = ex.BinOp(op, ex.Name(str(x)), ex.Name(str(y)))
            value = truth[x] * truth[y] if op == "*" else truth[x] / truth[y]
            truth[t] = value  # the identity defines t; bounds of t set before may now be off
            cs = [c for c in cs if t not in _nodes(c)]
            cs.append(Tree(t, expr, None))
    assert not solve(p, cs).conflict


def _nodes(c: object) -> set[int]:
    if isinstance(c, Bound):
        return {c.node}
    if isinstance(c, Diff):
        return {c.a, c.b}
    if isinstance(c, Linear):
        return {n for _, n in c.terms}
    assert isinstance(c, Tree)
    return {c.target, *(int(x) for x in ex.names(c.expr))}


def _p1() -> tuple[Problem, list[Diff]]:
    # Nodes: 0 urban 1990, 1 total 1990, 2 urban 2020, 3 total 2020.
    p = Problem()
    for _ in range(4):
        p.node(True)
    cs = [
        Diff(3, 1, math.log(1.25), math.log(1.35), "total"),
        Diff(2, 0, math.log(2.95), math.log(3.05), "urban"),
        Diff(0, 1, math.log(0.1995), math.log(0.2005), "s1990"),
    ]
    return p, cs


def test_share_against_multiples_is_a_negative_cycle() -> None:
    p, cs = _p1()
    out = solve(p, [*cs, Diff(2, 3, math.log(0.5795), math.log(0.5805), "s2020")])
    assert out.conflict
    assert {c.tag for c in out.cycle} == {"total", "urban", "s1990", "s2020"}


def test_the_others_give_the_hand_worked_range() -> None:
    # 0.1995 × 2.95 / 1.35 = 0.435944 and 0.2005 × 3.05 / 1.25 = 0.48922.
    p, cs = _p1()
    box = solve(p, cs).box
    (lo, hi), _, path = diff_bounds(p, cs, box, 2, 3)
    assert math.exp(lo) == pytest.approx(0.1995 * 2.95 / 1.35, rel=1e-9)
    assert math.exp(hi) == pytest.approx(0.2005 * 3.05 / 1.25, rel=1e-9)
    assert len(path) == 3


def test_amount_and_rate_meet_through_an_unstated_level() -> None:
    # x24 ∈ [519.5, 520.5], x24 − x23 ∈ [19.5, 20.5] → x23 ∈ [499, 501];
    # x24 / x23 = 1.05 ± 0.0005 → x23 ∈ [519.5/1.0505, 520.5/1.0495] = [494.53, 495.95]: empty.
    p = Problem()
    x23, x24 = p.node(True), p.node(True)
    base: list[Constraint] = [
        Bound(x24, 519.5, 520.5, "level"),
        Linear(((1.0, x24), (-1.0, x23)), 19.5, 20.5, "d"),
    ]
    assert solve(p, [*base, Diff(x24, x23, math.log(1.0495), math.log(1.0505), "r")]).conflict
    ok = solve(p, [*base, Diff(x24, x23, math.log(1.0395), math.log(1.0405), "r")])
    assert not ok.conflict
    # 519.5/1.0405 = 499.28 and 520.5/1.0395 = 500.72, within [499, 501].
    assert ok.box[x23][0] == pytest.approx(519.5 / 1.0405, rel=1e-6)
    assert ok.box[x23][1] == pytest.approx(520.5 / 1.0395, rel=1e-6)


def test_identity_narrows_the_mean_population() -> None:
    # 出生率 = 出生人口 / 年平均人口: [19950, 20050] / [0.007995, 0.008005].
    p = Problem()
    rate, births, pop = p.node(False), p.node(False), p.node(False)
    expr = ex.BinOp("/", ex.Name(str(births)), ex.Name(str(pop)))
    out = solve(
        p,
        [
            Bound(rate, 0.007995, 0.008005, "r"),
            Bound(births, 19950, 20050, "b"),
            Bound(pop, 0.0, math.inf, None),
            Tree(rate, expr, None),
        ],
    )
    assert not out.conflict
    assert out.box[pop][0] == pytest.approx(19950 / 0.008005, rel=1e-9)
    assert out.box[pop][1] == pytest.approx(20050 / 0.007995, rel=1e-9)
