"""The numeric core of the network: decide whether constraints over unknown quantities can all
hold, soundly, and narrow every quantity to the interval they allow together.

Quantities are numbered nodes. A :class:`Problem` holds four forms of constraint, each tagged
with the claim it comes from (``None`` for a rule of the pack, always on):

- ``Bound``: x ∈ [lo, hi], a stated figure;
- ``Diff``: log x_a − log x_b ∈ [lo, hi], for nodes above zero (growth, multiples, shares,
  ratios): a *difference constraint* in log space;
- ``Linear``: Σ cᵢ·xᵢ ∈ [lo, hi] (amounts, points, sums, contributions);
- ``Tree``: x_target = an expression of other nodes (identities of the rule pack).

:func:`solve` alternates two sound steps until nothing narrows: Bellman–Ford (as SPFA) over the
difference constraints and the current bounds, where a negative cycle is a contradiction and
shortest paths are the tightest bounds; and HC4-revise over the other constraints, where an
empty interval is a contradiction. Every end is rounded outward, so stopping at any point never
invents a contradiction: it can only miss one.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck import expr as ex

INF = math.inf
TOL = 1e-8  # relative: a gap smaller than this is float noise, never a contradiction
_ROUNDS = 40  # outer rounds of Bellman-Ford and HC4; stopping early is sound


def down(x: float) -> float:
    """x rounded outward downwards, by a few ulps and the tolerance's noise floor."""
    return x if math.isinf(x) else x - 4 * math.ulp(x)


def up(x: float) -> float:
    """x rounded outward upwards."""
    return x if math.isinf(x) else x + 4 * math.ulp(x)


def log_lo(x: float) -> float:
    """A lower bound of log x (−∞ at or below zero)."""
    return down(math.log(x)) if x > 0 and not math.isinf(x) else (INF if x == INF else -INF)


def log_hi(x: float) -> float:
    """An upper bound of log x."""
    return up(math.log(x)) if x > 0 and not math.isinf(x) else (INF if x > 0 else -INF)


def exp_lo(y: float) -> float:
    """A lower bound of exp y (never below zero)."""
    if y < -700:
        return 0.0
    return max(down(math.exp(min(y, 709.0))), 0.0)


def exp_hi(y: float) -> float:
    """An upper bound of exp y."""
    if y >= 709:
        return INF
    return up(math.exp(y)) if y > -INF else 0.0


@dataclass(frozen=True, slots=True)
class Bound:
    node: int
    lo: float
    hi: float
    tag: str | None


@dataclass(frozen=True, slots=True)
class Diff:
    a: int
    b: int
    lo: float
    hi: float
    tag: str | None


@dataclass(frozen=True, slots=True)
class Linear:
    terms: tuple[tuple[float, int], ...]
    lo: float
    hi: float
    tag: str | None


@dataclass(frozen=True, slots=True)
class Tree:
    target: int
    expr: ex.Expr  # names are node numbers, as text
    tag: str | None


Constraint = Bound | Diff | Linear | Tree


@dataclass
class Problem:
    """Nodes (``positive`` for those that enter log space) and their constraints."""

    positive: list[bool] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)

    def node(self, positive: bool) -> int:
        self.positive.append(positive)
        return len(self.positive) - 1


@dataclass
class Outcome:
    """The result of one solve: ``conflict`` is False when no contradiction was found, and
    ``box`` the interval of every node."""

    conflict: bool
    box: dict[int, tuple[float, float]]
    cycle: tuple[Constraint, ...] = ()  # the constraints of a negative cycle, when that was it
    where: tuple[int, ...] = ()  # the nodes where the contradiction showed


def nodes_of(c: Constraint) -> tuple[int, ...]:
    """The nodes a constraint touches."""
    if isinstance(c, Bound):
        return (c.node,)
    if isinstance(c, Diff):
        return (c.a, c.b)
    if isinstance(c, Linear):
        return tuple(n for _, n in c.terms)
    return (c.target, *(int(n) for n in ex.names(c.expr)))


Box = dict[int, tuple[float, float]]  # the interval of each node an active constraint touches
Adj = dict[int, list[tuple[int, float, object]]]
SRC = -1  # the source node of the log-space graph: y = 0


def _meet(box: Box, n: int, lo: float, hi: float) -> float:
    """Narrow node n to [lo, hi]; the relative amount it narrowed (INF when it became empty)."""
    a, b = box[n]
    na, nb = max(a, lo), min(b, hi)
    if na > nb + TOL * max(abs(na), abs(nb), 1e-300):
        box[n] = (na, nb)
        return INF
    if na > nb:  # touching within noise: keep a point
        na = nb = (na + nb) / 2 if not math.isinf(na + nb) else na
    box[n] = (na, nb)
    width = b - a
    gained = (na - a) + (b - nb)
    if math.isinf(width):
        return 1.0 if (na != a or nb != b) else 0.0
    return gained / max(width, 1e-300)


# -- Bellman-Ford over the difference constraints ---------------------------------------------


def _graph(diffs: list[Diff], box: Box, positive: list[bool], extra: tuple[int, ...] = ()) -> Adj:
    """Edges u → v of weight w meaning y_v − y_u ≤ w; SRC is the source (y = 0)."""
    adj: Adj = {SRC: [], **{v: [] for v in extra if v in box}}
    for d in diffs:
        adj.setdefault(d.a, [])
        adj.setdefault(d.b, [])
        if d.hi < INF:
            adj[d.b].append((d.a, d.hi, d))
        if d.lo > -INF:
            adj[d.a].append((d.b, -d.lo, d))
    for v in list(adj):
        if v == SRC or not positive[v]:
            continue
        lo, hi = box[v]
        if hi < INF:
            adj[SRC].append((v, log_hi(hi), ("bound", v)))
        if lo > 0:
            adj[v].append((SRC, -log_lo(lo), ("bound", v)))
    return adj


def negative_cycle(adj: Adj) -> list[object] | None:
    """The edges of a negative cycle, or None (SPFA from a virtual source joined to every
    node; a relaxation needs a gain beyond float noise)."""
    size = len(adj)
    dist = dict.fromkeys(adj, 0.0)
    count = dict.fromkeys(adj, 0)
    pred: dict[int, tuple[int, object]] = {}
    queue = deque(adj)
    queued = dict.fromkeys(adj, True)
    while queue:
        u = queue.popleft()
        queued[u] = False
        du = dist[u]
        for v, w, tag in adj[u]:
            nd = du + w
            if nd < dist[v] - TOL * (1 + abs(dist[v])):
                dist[v] = nd
                pred[v] = (u, tag)
                count[v] = count[u] + 1
                if count[v] >= size:
                    return _cycle_from(v, pred, size)
                if not queued[v]:
                    queued[v] = True
                    queue.append(v)
    return None


def _cycle_from(v: int, pred: dict[int, tuple[int, object]], size: int) -> list[object] | None:
    for _ in range(size):  # walk back into the cycle
        if v not in pred:
            return None
        v = pred[v][0]
    start, out = v, []
    while True:
        if v not in pred:
            return None
        u, tag = pred[v]
        out.append(tag)
        v = u
        if v == start or len(out) > size:
            return out


def shortest(adj: Adj, src: int) -> tuple[dict[int, float], dict[int, tuple[int, object]]]:
    """Shortest distances from src (no negative cycle), and the edge that reached each node."""
    dist = dict.fromkeys(adj, INF)
    pred: dict[int, tuple[int, object]] = {}
    dist[src] = 0.0
    queue, queued = deque([src]), dict.fromkeys(adj, False)
    queued[src] = True
    guard = len(adj) * (sum(map(len, adj.values())) + 1)
    while queue and guard > 0:
        guard -= 1
        u = queue.popleft()
        queued[u] = False
        for v, w, tag in adj[u]:
            nd = up(dist[u] + w)
            if nd < dist[v] and (dist[v] == INF or nd < dist[v] - TOL * (1 + abs(dist[v]))):
                dist[v], pred[v] = nd, (u, tag)
                if not queued[v]:
                    queued[v] = True
                    queue.append(v)
    if queue:  # gave up: no bound is claimed
        return dict.fromkeys(adj, INF), {}
    return dist, pred


def reverse(adj: Adj) -> Adj:
    out: Adj = {u: [] for u in adj}
    for u, edges in adj.items():
        for v, w, tag in edges:
            out[v].append((u, w, tag))
    return out


# -- HC4-revise over the other constraints ---------------------------------------------------


def _mul(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    ends = [x * y for x in a for y in b]
    ends = [0.0 if math.isnan(x) else x for x in ends]
    return down(min(ends)), up(max(ends))


def _div(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    if b[0] <= 0 <= b[1]:
        return -INF, INF
    return _mul(a, (down(1 / b[1]), up(1 / b[0])))


def _linear(c: Linear, box: Box) -> float:
    """Narrow each term of Σ cᵢ·xᵢ ∈ [lo, hi] by the others; the most it narrowed."""
    spans = [_mul((k, k), box[n]) for k, n in c.terms]
    gained = 0.0
    for i, (k, n) in enumerate(c.terms):
        rest_lo = _rest(spans, i, 0)
        rest_hi = _rest(spans, i, 1)
        # k·x ∈ [lo − rest_hi, hi − rest_lo]
        span = (down(c.lo - rest_hi), up(c.hi - rest_lo))
        if math.isnan(span[0]) or math.isnan(span[1]):
            continue
        gained = max(gained, _meet(box, n, *_div(span, (k, k))))
        if gained == INF:
            return INF
        spans[i] = _mul((k, k), box[n])
    return gained


def _rest(spans: list[tuple[float, float]], skip: int, end: int) -> float:
    """The sum of one end of every span but one (infinite when any of them is)."""
    total = 0.0
    for j, s in enumerate(spans):
        if j != skip:
            total += s[end]
    return down(total) if end == 0 else up(total)


def _forward(e: ex.Expr, box: Box, memo: dict[int, tuple[float, float]]):
    if isinstance(e, ex.Num):
        out = (e.value, e.value)
    elif isinstance(e, ex.Name):
        out = box[int(e.name)]
    else:
        a, b = _forward(e.left, box, memo), _forward(e.right, box, memo)
        if e.op == "+":
            out = (down(a[0] + b[0]), up(a[1] + b[1]))
        elif e.op == "-":
            out = (down(a[0] - b[1]), up(a[1] - b[0]))
        elif e.op == "*":
            out = _mul(a, b)
        else:
            out = _div(a, b)
    memo[id(e)] = out
    return out


def _backward(e: ex.Expr, want: tuple[float, float], box: Box, memo: dict) -> float:
    """Project the interval an expression must lie in down to its leaves (HC4-revise)."""
    have = memo[id(e)]
    lo, hi = max(have[0], want[0]), min(have[1], want[1])
    if lo > hi + TOL * max(abs(lo), abs(hi), 1e-300):
        return INF
    if isinstance(e, ex.Num):
        return 0.0
    if isinstance(e, ex.Name):
        return _meet(box, int(e.name), lo, hi)
    a, b = memo[id(e.left)], memo[id(e.right)]
    w = (lo, hi)
    if e.op == "+":
        wa, wb = (down(w[0] - b[1]), up(w[1] - b[0])), (down(w[0] - a[1]), up(w[1] - a[0]))
    elif e.op == "-":
        wa, wb = (down(w[0] + b[0]), up(w[1] + b[1])), (down(a[0] - w[1]), up(a[1] - w[0]))
    elif e.op == "*":
        wa, wb = _div(w, b), _div(w, a)
    else:  # w = a / b: a = w·b, b = a / w
        wa, wb = _mul(w, b), _div(a, w)
    g = _backward(e.left, wa, box, memo)
    if g == INF:
        return INF
    return max(g, _backward(e.right, wb, box, memo))


def _tree(c: Tree, box: Box) -> float:
    memo: dict[int, tuple[float, float]] = {}
    value = _forward(c.expr, box, memo)
    gained = _meet(box, c.target, *value)
    if gained == INF:
        return INF
    return max(gained, _backward(c.expr, box[c.target], box, memo))


# -- The loop ---------------------------------------------------------------------------------


def solve(problem: Problem, active: Iterable[Constraint]) -> Outcome:
    """Decide the active constraints together (see the module's docstring). Only the nodes
    they touch are visited, so a component costs its own size, not the file's."""
    positive = problem.positive
    box: Box = {}
    diffs: list[Diff] = []
    others: list[Linear | Tree] = []
    bounds: list[Bound] = []
    for c in active:
        for v in nodes_of(c):
            if v not in box:
                box[v] = (0.0, INF) if positive[v] else (-INF, INF)
        if isinstance(c, Bound):
            bounds.append(c)
        elif isinstance(c, Diff):
            diffs.append(c)
        else:
            others.append(c)
    for c in bounds:
        if _meet(box, c.node, c.lo, c.hi) == INF:
            return Outcome(True, box, where=(c.node,))
    for _ in range(_ROUNDS):
        if diffs:
            adj = _graph(diffs, box, positive)
            cycle = negative_cycle(adj)
            if cycle is not None:
                edges = tuple(t for t in cycle if isinstance(t, Diff))
                where = tuple({v for t in edges for v in (t.a, t.b)})
                return Outcome(True, box, edges, where)
            hi, _ = shortest(adj, SRC)
            lo, _ = shortest(reverse(adj), SRC)
            for v in adj:
                narrowed = v != SRC and positive[v]
                if narrowed and _meet(box, v, exp_lo(-lo[v]), exp_hi(hi[v])) == INF:
                    return Outcome(True, box, where=(v,))
        gained = 0.0
        for c in others:
            g = _linear(c, box) if isinstance(c, Linear) else _tree(c, box)
            if g == INF:
                return Outcome(True, box, where=nodes_of(c))
            gained = max(gained, g)
        if gained < 1e-9:
            break
    return Outcome(False, box)


def diff_bounds(
    problem: Problem, active: Iterable[Constraint], box: Box, a: int, b: int
) -> tuple[tuple[float, float], list[Step], list[Step]]:
    """The interval of log x_a − log x_b the active difference constraints and the box allow,
    and the edges of the path that gives each end (lower, upper)."""
    diffs = [c for c in active if isinstance(c, Diff)]
    adj = _graph(diffs, box, problem.positive, (a, b))
    for v in (a, b):
        adj.setdefault(v, [])
    up_d, up_p = shortest(adj, b)
    lo_d, lo_p = shortest(adj, a)
    return (-lo_d[b], up_d[a]), _path(lo_p, a, b), _path(up_p, b, a)


Step = tuple[int, int, object]  # an edge u → v of a path, and what made it


def _path(pred: dict[int, tuple[int, object]], src: int, dst: int) -> list[Step]:
    """The edges (u, v, tag) of the shortest path from src to dst."""
    out: list[Step] = []
    v = dst
    while v != src and len(out) <= len(pred):
        if v not in pred:
            return []
        u, tag = pred[v]
        out.append((u, v, tag))
        v = u
    return out[::-1]
