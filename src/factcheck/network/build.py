"""From claims to a network: one node per quantity (entity, metric, period), stated or not, and
each claim as the constraints it sets on them (docs/rules.md, "The network of quantities")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from factcheck import expr as ex
from factcheck.interval import half_unit
from factcheck.kinds import increment
from factcheck.kinds.base import Context
from factcheck.model import Claim, Value
from factcheck.network.solve import Bound, Constraint, Diff, Linear, Problem, Tree, log_hi, log_lo
from factcheck.periods import Point, label

Key = tuple[str, ...]
# A level whose metric names a share: 城镇人口占总人口比重, 第一产业增加值占地区生产总值的比重.
SHARE_METRIC = re.compile(r"(?P<part>[^占]+)占(?P<whole>[^占]+?)的?(?:比重|比例|份额)")


@dataclass
class Relation:
    """What one claim says in the network: its constraints (the first is the one its figure
    sets) and how the implied range of that figure is written back (``view``)."""

    claim: Claim
    constraints: list[Constraint]
    view: str  # level, rate, cagr, ratio, linear, average
    years: float = 1.0
    scale: float = 1.0  # a ratio per 100 is written as 100 times the ratio


@dataclass
class Network:
    """The problem, its nodes by key, and the relations of the claims."""

    problem: Problem = field(default_factory=Problem)
    keys: list[Key] = field(default_factory=list)
    index: dict[Key, int] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    stated: dict[int, list[Claim]] = field(default_factory=dict)
    rules: list[Constraint] = field(default_factory=list)
    points: dict[int, Point] = field(default_factory=dict)  # the period of each quantity
    dims: dict[tuple[str, str], str] = field(default_factory=dict)  # of the first level stated
    # Relations no pairwise check sees, though every term is stated: shares stated as levels
    unseen: set[str] = field(default_factory=set)

    def node(self, key: Key) -> int:
        if key not in self.index:
            self.index[key] = self.problem.node(False)
            self.keys.append(key)
        return self.index[key]

    def name(self, n: int) -> str:
        """A node as a reader names it: 城镇人口 2020."""
        key = self.keys[n]
        if key[0] == "R":
            return f"{key[2]} {key[4]} at {key[3]} prices"
        point = self.points.get(n)
        return f"{key[2]} {label(point) if point else key[3]}"


def _q(net: Network, entity: str, metric: str | None, point: Point) -> int:
    key = ("q", entity, metric or "", point.key)
    n = net.index.get(key)
    if n is None:
        n = net.node(key)
        net.points[n] = point
    return n


def _log_iv(lo: float, hi: float) -> tuple[float, float] | None:
    """log of a positive factor's interval (None when it may be zero or less)."""
    if hi <= 0:
        return None
    return (log_lo(lo) if lo > 0 else -math.inf, log_hi(hi))


def build(ctx: Context, skip: set[str], max_deflator: float) -> Network:
    """The network of the file's claims, without the claims in ``skip``."""
    net = Network()
    for c in ctx.file.claims:
        if c.kind == "level" and c.value is not None:
            net.dims.setdefault((c.entity, c.metric or ""), c.value.unit.dimension)
    for claim in ctx.file.claims:
        if claim.id in skip or claim.period is None:
            continue
        if claim.value is None and claim.kind != "sum":  # a sum states no figure of its own
            continue
        rel = _relation(ctx, net, claim, max_deflator)
        if rel is not None and rel.constraints:
            net.relations[claim.id] = rel
    _increments_stated(ctx, net)
    _identities(ctx, net)
    _contributions(ctx, net)
    _split_changes(ctx, net)
    _positivity(net)
    return net


def _relation(ctx: Context, net: Network, claim: Claim, max_deflator: float) -> Relation | None:
    if claim.kind == "sum":
        return _sum(net, claim)
    v = claim.value
    assert v is not None and claim.period is not None
    lo, hi = v.interval.lo, v.interval.hi
    if claim.kind == "level":
        n = _level_node(net, claim)
        net.stated.setdefault(n, []).append(claim)
        constraints: list[Constraint] = [Bound(n, lo, hi, claim.id)]
        named = SHARE_METRIC.fullmatch(claim.metric or "")
        logs = _log_iv(lo, hi)
        if named and logs and v.unit.dimension == "":
            # 城镇人口占总人口比重 20.0% is also the share of 城镇人口 in 总人口.
            part = _q(net, claim.entity, named["part"], claim.period.end)
            whole = _q(net, claim.entity, named["whole"], claim.period.end)
            constraints.append(Diff(part, whole, *logs, claim.id))
        return Relation(claim, constraints, "level")
    if claim.kind in ("growth", "cagr", "multiple"):
        return _change(ctx, net, claim, v, max_deflator)
    if claim.kind == "increment":
        return _increment(ctx, net, claim, v)
    if claim.kind == "share":
        return _share(ctx, net, claim, v)
    if claim.kind == "ratio" and len(claim.metrics) == 2:
        at = claim.period.end
        ents = claim.entities if len(claim.entities) == 2 else (claim.entity, claim.entity)
        num = _ref_node(ctx, net, claim.refs.get("refs.0")) or _q(
            net, ents[0], claim.metrics[0], at
        )
        den = _ref_node(ctx, net, claim.refs.get("refs.1")) or _q(
            net, ents[1], claim.metrics[1], at
        )
        logs = _log_iv(lo / claim.per, hi / claim.per)
        if logs is None or num == den:
            return None
        return Relation(claim, [Diff(num, den, *logs, claim.id)], "ratio", scale=claim.per)
    if claim.kind == "contribution" and claim.total:
        ends = ctx.endpoints(claim)
        if ends is None:
            return None
        n = net.node(_contribution_key(claim.entity, claim.metric or "", claim.total, ends))
        return Relation(claim, [Bound(n, lo, hi, claim.id)], "level")
    return None


def _contribution_key(entity: str, part: str, total: str, ends: tuple[Point, Point]) -> Key:
    """The node of a part's contribution to its total's growth over a span."""
    return ("c", entity, part, total, ends[0].key, ends[1].key)


def _contributions(ctx: Context, net: Network) -> None:
    """Contributions of the parts of a complete sum add up to the growth of the total:
    Σ (pᵢ₁ − pᵢ₀) / T₀ = (T₁ − T₀) / T₀, a linear constraint over the stated points and the
    stated rate (each a node of its own), made by the sum claim."""
    for s in ctx.of_kind("sum"):
        if not s.complete or s.id not in net.relations or s.period is None or not s.total:
            continue
        for g in ctx.of_kind("growth"):
            rel = net.relations.get(g.id)
            ends = ctx.endpoints(g)
            if rel is None or g.metric != s.total or g.entity != s.entity or ends is None:
                continue
            if g.value is None or not g.value.unit.is_percent or ends[1].key != s.period.end.key:
                continue
            keys = [_contribution_key(s.entity, m, s.total, ends) for m in s.metrics]
            if not all(k in net.index for k in keys):
                continue
            rate = net.node(("g", g.entity, s.total, ends[0].key, ends[1].key))
            rel.constraints.append(Bound(rate, g.value.interval.lo, g.value.interval.hi, g.id))
            terms = ((-1.0, rate), *((1.0, net.index[k]) for k in keys))
            net.relations[s.id].constraints.append(Linear(terms, 0.0, 0.0, s.id))


def _ref_node(ctx: Context, net: Network, ref: str | None) -> int | None:
    c = ctx.by_id.get(ref or "")
    if c is None or c.kind != "level" or c.period is None:
        return None
    return _level_node(net, c)


def _level_node(net: Network, c: Claim) -> int:
    """The node a level statement bounds. A statement in another dimension than the metric's
    first (the same income in 元 and in 美元) is a quantity of its own, never the same one."""
    assert c.period is not None and c.value is not None
    n = _q(net, c.entity, c.metric, c.period.end)
    dim = c.value.unit.dimension
    if dim == net.dims.get((c.entity, c.metric or ""), dim):
        return n
    key = ("q", c.entity, c.metric or "", c.period.end.key, dim)
    if key not in net.index:
        net.points[net.node(key)] = c.period.end
    return net.index[key]


def _change(
    ctx: Context, net: Network, claim: Claim, v: Value, max_deflator: float
) -> Relation | None:
    ends = ctx.endpoints(claim)
    if ends is None:
        return None
    start = _ref_node(ctx, net, claim.refs.get("start")) or _q(
        net, claim.entity, claim.metric, ends[0]
    )
    end = _ref_node(ctx, net, claim.refs.get("end")) or _q(net, claim.entity, claim.metric, ends[1])
    if start == end:
        return None
    years = ends[1].t - ends[0].t
    lo, hi = v.interval.lo, v.interval.hi
    if claim.kind == "growth" and not v.unit.is_percent:  # points or an amount: x1 − x0
        return Relation(claim, [Linear(((1.0, end), (-1.0, start)), lo, hi, claim.id)], "linear")
    if claim.kind == "cagr" and not v.unit.is_percent:  # average yearly points: (x1 − x0) / n
        if years <= 0:
            return None
        terms = ((1.0, end), (-1.0, start))
        return Relation(claim, [Linear(terms, lo * years, hi * years, claim.id)], "average", years)
    if claim.kind == "multiple":
        logs, view = _log_iv(lo, hi), "ratio"
    else:
        per = years if claim.kind == "cagr" else 1.0
        if claim.kind == "cagr" and years <= 0:
            return None
        one = _log_iv(1 + lo, 1 + hi)
        logs = (one[0] * per, one[1] * per) if one else None
        view = "cagr" if claim.kind == "cagr" else "rate"
    if logs is None:
        return None
    basis = claim.basis or ctx.pack.basis_of(claim.metric)
    if claim.kind == "multiple" or basis == "nominal" or not _maybe_priced(net, ctx, claim):
        return Relation(claim, [Diff(end, start, *logs, claim.id)], view, years)
    # A rate at comparable prices: the end level in the start's prices is a node of its own,
    # within max_deflator a year of the end level at current prices (one per metric and span).
    key = ("R", claim.entity, claim.metric or "", label(ends[0]), label(ends[1]))
    if key not in net.index:
        net.node(key)
    real = net.index[key]
    span = max(years, 1.0)
    rule = Diff(
        end,
        real,
        span * math.log1p(-max_deflator) if max_deflator < 1 else -math.inf,
        span * math.log1p(max_deflator),
        None,
    )
    if rule not in net.rules:
        net.rules.append(rule)
    return Relation(claim, [Diff(real, start, *logs, claim.id), rule], view, years)


def _increment(ctx: Context, net: Network, claim: Claim, v: Value) -> Relation | None:
    """少增41万人: the increment now minus the increment of the period before. With ``flow`` the
    increments are the metric's own levels; otherwise each is a node of its own, the change of
    the metric's levels over its span (stated as a growth amount, or left to the levels)."""
    ends = increment.spans(ctx, claim)
    level_dim = net.dims.get((claim.entity, claim.metric or ""), v.unit.dimension)
    if ends is None or level_dim != v.unit.dimension:  # 少增41万人 of a metric in 亿元: no relation
        return None
    tm, t0, t1 = ends
    if claim.flow:
        now, before = (
            _q(net, claim.entity, claim.metric, t1),
            _q(net, claim.entity, claim.metric, t0),
        )
    else:
        now = _change_node(net, claim.entity, claim.metric or "", t0, t1)
        before = _change_node(net, claim.entity, claim.metric or "", tm, t0)
    terms = ((1.0, now), (-1.0, before))
    return Relation(claim, [Linear(terms, v.interval.lo, v.interval.hi, claim.id)], "linear")


def _change_node(net: Network, entity: str, metric: str, a: Point, b: Point) -> int:
    """The node of a metric's change from ``a`` to ``b``, tied to its levels: d = x_b − x_a."""
    key = ("d", entity, metric, a.key, b.key)
    if key not in net.index:
        d = net.node(key)
        x_b, x_a = _q(net, entity, metric, b), _q(net, entity, metric, a)
        net.rules.append(Linear(((1.0, d), (-1.0, x_b), (1.0, x_a)), 0.0, 0.0, None))
    return net.index[key]


def _increments_stated(ctx: Context, net: Network) -> None:
    """A growth amount (or points) over a span whose change is a node (of a change of an
    increment) bounds that node: the network then needs no level to compare two increments."""
    dims = {
        (c.entity, c.metric or ""): c.value.unit.dimension
        for c in ctx.of_kind("increment")
        if c.id in net.relations and c.value is not None
    }
    for g in ctx.of_kind("growth"):
        rel, ends = net.relations.get(g.id), ctx.endpoints(g)
        if rel is None or ends is None or g.value is None or g.value.unit.is_percent:
            continue
        key = ("d", g.entity, g.metric or "", ends[0].key, ends[1].key)
        if key in net.index and dims.get(key[1:3]) == g.value.unit.dimension:
            iv = g.value.interval
            rel.constraints.append(Bound(net.index[key], iv.lo, iv.hi, g.id))


def _maybe_priced(net: Network, ctx: Context, claim: Claim) -> bool:
    """Whether the levels of a change may be money (at current prices): yes unless a stated
    level of the metric is in another dimension."""
    dim = net.dims.get((claim.entity, claim.metric or ""))
    return dim is None or dim.startswith("[currency")


def _share(ctx: Context, net: Network, claim: Claim, v: Value) -> Relation | None:
    assert claim.period is not None
    at = claim.period.end
    part = _ref_node(ctx, net, claim.refs.get("part")) or _q(net, claim.entity, claim.metric, at)
    whole = _ref_node(ctx, net, claim.refs.get("total")) or _q(
        net, claim.whole_entity or claim.entity, claim.whole or claim.metric, at
    )
    logs = _log_iv(v.interval.lo, v.interval.hi)
    if part == whole or logs is None:
        return None
    return Relation(claim, [Diff(part, whole, *logs, claim.id)], "ratio")


def _sum(net: Network, claim: Claim) -> Relation | None:
    assert claim.period is not None and claim.total
    at = claim.period.end
    total = _q(net, claim.entity, claim.total, at)
    parts = [_q(net, claim.entity, m, at) for m in claim.metrics]
    if len(set(parts)) != len(parts):
        return None
    if claim.shares and not any(net.dims.get((claim.entity, m)) for m in claim.metrics):
        # the parts name the shares themselves (第一产业比重): they add up to 100%. The pairwise
        # sum check reads share claims only, so this one is the network's to decide, unless a
        # part names its whole (第一产业增加值占地区生产总值比重): its level is then also a ratio
        # of amounts, through which the network sees the split already.
        if not any(SHARE_METRIC.fullmatch(m) for m in claim.metrics):
            net.unseen.add(claim.id)
        return Relation(claim, [Linear(tuple((1.0, p) for p in parts), 1.0, 1.0, claim.id)], "sum")
    # Parts stated as amounts (第一产业增加值 41.99亿元) whose shares split the whole: their
    # shares add up to 100% exactly when the parts add up to the whole, a complete sum.
    complete = claim.complete or claim.shares
    if total in parts:
        return None
    terms = ((1.0, total), *((-1.0, p) for p in parts))
    # Parts left out of an incomplete sum are at least zero (docs/conventions.md §6).
    return Relation(claim, [Linear(terms, 0.0, 0.0 if complete else math.inf, claim.id)], "sum")


def _split_changes(ctx: Context, net: Network) -> None:
    """A complete split holds at both ends of a span, so over that span the changes of its parts
    add up to the change of the whole: the shares' changes in points add up to zero, and the
    parts' increments (amounts in the levels' unit) add up to the total's. A linear constraint
    over the stated changes (each a node of its own), made by the sum claim that names the split.
    Only changes over one and the same span are added up."""
    for s in ctx.of_kind("sum"):
        if not s.complete or s.id in ctx.flagged or s.period is None or not s.total:
            continue
        members = list(s.metrics) if s.shares else [*s.metrics, s.total]
        spans: dict[tuple[str, str], dict[str, Claim]] = {}
        for g in ctx.of_kind("growth"):
            ends = ctx.endpoints(g)
            if g.id not in net.relations or g.entity != s.entity or g.metric not in members:
                continue
            if g.value is None or ends is None or ends[1].key != s.period.end.key:
                continue
            unit = g.value.unit
            if unit.is_percent or unit.is_points != bool(s.shares):
                continue
            spans.setdefault((ends[0].key, ends[1].key), {}).setdefault(g.metric or "", g)
        for (t0, t1), changes in spans.items():
            if len(changes) != len(members):
                continue
            terms = []
            for metric, g in changes.items():
                assert g.value is not None
                n = net.node(("d", g.entity, metric, t0, t1))
                iv = g.value.interval
                # An author subtracts the printed shares (8.4 − 8.1 = 0.3 while the share moved
                # 0.38): a change of a share may miss the true one by a unit of its last digit.
                slack = _half_unit(ctx, g.value) if s.shares else 0.0
                net.relations[g.id].constraints.append(Bound(n, iv.lo - slack, iv.hi + slack, g.id))
                terms.append((-1.0 if metric == s.total and not s.shares else 1.0, n))
            rel = net.relations.setdefault(s.id, Relation(s, [], "sum"))
            rel.constraints.append(Linear(tuple(terms), 0.0, 0.0, s.id))


def _half_unit(ctx: Context, v: Value) -> float:
    """Half a unit of the last written digit of a value, in base units (0 for an exact form)."""
    return float(half_unit(v.stated, ctx.pack.rounding)) * v.stated.factor * v.unit.factor


def _identities(ctx: Context, net: Network) -> None:
    """Each identity of the pack, for every entity and period where two of its terms are nodes."""
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for n, key in enumerate(net.keys):
        if key[0] == "q" and len(key) == 4:  # not a statement in a second dimension
            groups.setdefault((key[1], key[3]), {})[key[2]] = n
    for identity in ctx.pack.identities:
        names = [identity.target, *sorted(ex.names(identity.expr))]
        for (entity, _), metrics in sorted(groups.items()):
            present = [m for m in names if m in metrics]
            if len(present) < 2 or not _same_money(net, [metrics[m] for m in present]):
                continue
            point = net.points[metrics[present[0]]]
            ids = {m: metrics.get(m) or _q(net, entity, m, point) for m in names}
            net.rules.append(Tree(ids[identity.target], _renamed(identity.expr, ids), None))


def _sum_of_names(e: ex.Expr) -> bool:
    """Whether an identity's expression is a plain sum of terms (a + b + c)."""
    if isinstance(e, ex.BinOp):
        return e.op == "+" and _sum_of_names(e.left) and _sum_of_names(e.right)
    return isinstance(e, ex.Name)


def _names_of(e: ex.Expr) -> list[int]:
    """The nodes of a renamed plain sum, in order."""
    if isinstance(e, ex.BinOp):
        return [*_names_of(e.left), *_names_of(e.right)]
    return [int(e.name)] if isinstance(e, ex.Name) else []


def _same_money(net: Network, nodes: list[int]) -> bool:
    """Stated terms in two currencies cannot enter one identity."""
    currencies = {
        c.value.unit.dimension
        for n in nodes
        for c in net.stated.get(n, [])
        if c.value and c.value.unit.dimension.startswith("[currency")
    }
    return len(currencies) <= 1


def _renamed(e: ex.Expr, ids: dict[str, int]) -> ex.Expr:
    if isinstance(e, ex.Name):
        return ex.Name(str(ids[e.name]))
    if isinstance(e, ex.BinOp):
        return ex.BinOp(e.op, _renamed(e.left, ids), _renamed(e.right, ids))
    return e


def _positivity(net: Network) -> None:
    """Nodes compared by a ratio are taken to be above zero, unless a statement of them allows
    zero or less: then the ratios that touch them are left out (never a guess)."""
    signed = {
        n
        for n, claims in net.stated.items()
        for c in claims
        if c.value and c.value.interval.lo <= 0
    }
    for rel in list(net.relations.values()):
        for c in rel.constraints:
            if isinstance(c, Diff) and (c.a in signed or c.b in signed):
                del net.relations[rel.claim.id]
                break
    net.rules = [
        c for c in net.rules if not (isinstance(c, Diff) and (c.a in signed or c.b in signed))
    ]
    for c in [*net.rules, *(k for r in net.relations.values() for k in r.constraints)]:
        if isinstance(c, Diff):
            net.problem.positive[c.a] = net.problem.positive[c.b] = True
        elif isinstance(c, Tree) and _sum_of_names(c.expr):
            # the parts of a total (出口 + 进口, 第一产业 + …) are amounts above zero: a part
            # stated alone is at most its total, whether the other parts are stated or not
            for n in (c.target, *_names_of(c.expr)):
                if n not in signed:
                    net.problem.positive[n] = True
    net.problem.constraints = [
        *net.rules,
        *(k for r in net.relations.values() for k in r.constraints if k.tag is not None),
    ]
