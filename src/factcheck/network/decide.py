"""Deciding the network of one file: components first, then for each a solve; a contradiction is
narrowed to a minimal set of claims (a deletion filter) and explained; quantities no claim states
but several bound are reported once with the interval all of them allow."""

from __future__ import annotations

import math
from collections.abc import Iterator

from factcheck.finding import Finding
from factcheck.interval import Interval
from factcheck.kinds.base import Context, magnitude, show, show_interval
from factcheck.model import Claim
from factcheck.network.build import Network, Relation, build
from factcheck.network.solve import (
    INF,
    Bound,
    Constraint,
    Diff,
    Linear,
    Step,
    Tree,
    diff_bounds,
    exp_hi,
    exp_lo,
    nodes_of,
    solve,
)

CHECK = "network"
_MAX_CONFLICTS = 10  # per component; each one found is sound, stopping early only misses


def components(net: Network) -> list[list[Constraint]]:
    """The constraints of each connected component (union-find over the nodes)."""
    parent = list(range(len(net.keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in net.problem.constraints:
        ns = nodes_of(c)
        for other in ns[1:]:
            ra, rb = find(ns[0]), find(other)
            if ra != rb:
                parent[ra] = rb
    groups: dict[int, list[Constraint]] = {}
    for c in net.problem.constraints:
        groups.setdefault(find(nodes_of(c)[0]), []).append(c)
    return list(groups.values())


def decide(ctx: Context, skip: set[str], max_deflator: float) -> Iterator[Finding]:
    """The network's findings for one file, leaving out claims other checks already flagged."""
    net = build(ctx, skip, max_deflator)
    order = {c.id: i for i, c in enumerate(ctx.file.claims)}
    for group in components(net):
        tags = {c.tag for c in group if c.tag is not None}
        if len(tags) < 2:
            continue
        active = set(tags)
        for _ in range(_MAX_CONFLICTS):
            outcome = solve(net.problem, _on(group, active))
            if not outcome.conflict:
                yield from _implied(ctx, net, group, active, outcome.box)
                break
            found = _minimal(net, group, active, outcome.cycle, order)
            if found is None:
                break
            yield _conflict(ctx, net, group, found, order)
            active.discard(max(found, key=order.__getitem__))


def _on(group: list[Constraint], tags: set[str]) -> list[Constraint]:
    return [c for c in group if c.tag is None or c.tag in tags]


def _minimal(
    net: Network,
    group: list[Constraint],
    active: set[str],
    cycle: tuple[Constraint, ...],
    order: dict[str, int],
) -> set[str] | None:
    """A minimal set of claims that cannot all hold (deletion filter), starting from the
    claims of the negative cycle and the statements of its nodes when those alone conflict."""
    seed = {c.tag for c in cycle if c.tag is not None}
    nodes = {n for c in cycle for n in nodes_of(c)}
    seed |= {c.id for n in nodes for c in net.stated.get(n, []) if c.id in active}
    current = seed if seed and solve(net.problem, _on(group, seed)).conflict else set(active)
    # Later claims first: what is left is the earliest set, so the last claim of it is blamed.
    for tag in sorted(current, key=order.__getitem__, reverse=True):
        trial = current - {tag}
        if solve(net.problem, _on(group, trial)).conflict:
            current = trial
    return current if solve(net.problem, _on(group, current)).conflict else None


def _conflict(
    ctx: Context, net: Network, group: list[Constraint], found: set[str], order: dict[str, int]
) -> Finding:
    """One finding for one contradiction, on the last claim of the set, with the range the
    others give for its figure and the chain of arithmetic through the quantities between."""
    ids = sorted(found, key=order.__getitem__)
    target = net.relations[ids[-1]]
    others = set(ids[:-1])
    rest = _on(group, others)
    box = solve(net.problem, rest).box
    implied, chain = _implied_range(net, target, rest, box)
    claim = target.claim
    assert claim.value is not None
    related = tuple(net.relations[i].claim for i in ids[:-1])
    shown = show_interval(implied, claim.value) if implied else "nothing"
    chain_text = (
        " ".join(chain) if chain else "; ".join(_describe(net, net.relations[i]) for i in ids[:-1])
    )
    arithmetic = f"{chain_text} gives {shown}; stated {claim.value.text}"
    names = ", ".join(f"'{i}'" for i in ids)
    return ctx.finding(
        CHECK,
        "FC119",
        claim,
        "inconsistent",
        f"claims {names} cannot all hold: the others give {shown}, stated {claim.value.text}",
        f"{names} 不能同时成立：其余各项得 {shown}，文中为 {claim.value.text}",
        related,
        stated=claim.value.text,
        interval=shown if implied else "",
        recomputed=show(implied.mid, claim.value) if implied and math.isfinite(implied.mid) else "",
        arithmetic=arithmetic,
        material=True,
    )


def _implied_range(
    net: Network, rel: Relation, rest: list[Constraint], box: list[tuple[float, float]]
) -> tuple[Interval | None, list[str]]:
    """The range the other claims allow for a claim's figure, in the figure's terms, and the
    chain of steps that gives it."""
    first = rel.constraints[0]
    if isinstance(first, Bound):
        lo, hi = box[first.node]
        return Interval(lo, hi), []
    if isinstance(first, Diff):
        (ylo, yhi), lo_path, hi_path = diff_bounds(net.problem, rest, box, first.a, first.b)
        stated = rel.claim.value
        assert stated is not None
        path = hi_path if stated.interval.lo > _from_log(rel, yhi) else lo_path
        steps = [f"{net.name(first.a)} / {net.name(first.b)} =", *_steps(net, path, box)]
        return Interval(_from_log(rel, ylo), _from_log(rel, yhi)), steps
    if isinstance(first, Linear):
        lo = sum(min(k * box[n][0], k * box[n][1]) for k, n in first.terms)
        hi = sum(max(k * box[n][0], k * box[n][1]) for k, n in first.terms)
        if math.isnan(lo) or math.isnan(hi):
            return None, []
        return Interval(lo, hi), []
    return None, []


def _from_log(rel: Relation, y: float) -> float:
    """A log ratio written back as the claim's figure: a rate, an average rate, or a ratio."""
    if rel.view == "rate":
        return (
            (exp_lo(y) if y < 0 else exp_hi(y)) - 1 if math.isfinite(y) else (INF if y > 0 else -1)
        )
    if rel.view == "cagr":
        years = rel.years or 1.0
        return (math.exp(y / years) - 1) if math.isfinite(y) else (INF if y > 0 else -1)
    return math.exp(y) if y < 709 else INF


def _steps(net: Network, path: list[Step], box: list[tuple[float, float]]) -> list[str]:
    """Each edge of a shortest path, as the factor it multiplies by and the claim that makes
    it: ``×3.0倍 ('urban')``, ``÷51234亿元 ('gdp')``."""
    out = []
    for u, v, tag in path:
        if isinstance(tag, Diff):
            rel = net.relations.get(tag.tag) if tag.tag else None
            sign = "×" if (u, v) == (tag.b, tag.a) else "÷"
            if rel is None or rel.claim.value is None:
                out.append(f"{sign}price change")
                continue
            out.append(f"{sign}{rel.claim.value.text} ('{rel.claim.id}')")
        elif isinstance(tag, tuple):  # ("bound", node): a node's current bounds
            n = tag[1]
            sign = "×" if v == n else "÷"
            stated = [c for c in net.stated.get(n, []) if c.value]
            if stated:
                text = " ∩ ".join(c.value.text for c in stated if c.value)
                ids = ", ".join(f"'{c.id}'" for c in stated)
                out.append(f"{sign}{text} ({ids})")
            else:
                out.append(f"{sign}{net.name(n)} {_range(net, n, box)}")
    return out


def _range(net: Network, n: int, box: list[tuple[float, float]]) -> str:
    """A node's interval, in the unit of a statement of the same metric when there is one."""
    lo, hi = box[n]
    metric = net.keys[n][2]
    like = next(
        (
            c.value
            for m, cs in net.stated.items()
            for c in cs
            if net.keys[m][2] == metric and c.value
        ),
        None,
    )
    if like is None:
        return f"[{magnitude(lo)}, {magnitude(hi)}]"
    return show_interval(Interval(lo, hi), like)


def _describe(net: Network, rel: Relation) -> str:
    v = rel.claim.value
    return f"{rel.claim.id} {v.text if v else ''}".strip()


def _implied(
    ctx: Context,
    net: Network,
    group: list[Constraint],
    active: set[str],
    box: list[tuple[float, float]],
) -> Iterator[Finding]:
    """Each unstated quantity that two or more constraints bound on their own, once."""
    on = _on(group, active)
    touching: dict[int, list[Constraint]] = {}
    for c in on:
        for n in set(nodes_of(c)):
            touching.setdefault(n, []).append(c)
    for n, cs in sorted(touching.items()):
        if net.keys[n][0] != "q" or n in net.stated:
            continue
        lo, hi = box[n]
        if not (math.isfinite(lo) and math.isfinite(hi)) or (net.problem.positive[n] and lo <= 0):
            continue
        derivations = [c for c in cs if _bounds_alone(net, c, n, box)]
        if len(derivations) < 2:
            continue
        claims = sorted(
            (c for c in _claims_of(net, derivations) if c.id in active),
            key=lambda c: c.loc.line,
        )
        if not claims:
            continue
        first, *rest = claims
        what = net.name(n)
        iv = _range(net, n, box)
        yield ctx.finding(
            CHECK,
            "FC142",
            first,
            "derived",
            f"{what} is not stated; the claims together allow {iv}",
            f"文中未给出{what}；各项合起来允许 {iv}",
            tuple(rest),
            recomputed=magnitude((lo + hi) / 2),
            interval=iv,
            arithmetic=f"{what} ∈ {iv} from " + ", ".join(f"'{c.id}'" for c in claims),
        )


def _bounds_alone(net: Network, c: Constraint, n: int, box: list[tuple[float, float]]) -> bool:
    """Whether one constraint bounds node n on both sides by itself: every other node it
    touches is stated (or the price-adjusted level of a stated one) and bounded."""
    others = [m for m in nodes_of(c) if m != n]
    if not others or (isinstance(c, Diff) and not (math.isfinite(c.lo) and math.isfinite(c.hi))):
        return False
    return all(
        (m in net.stated or net.keys[m][0] == "R")
        and math.isfinite(box[m][0])
        and math.isfinite(box[m][1])
        for m in others
    )


def _claims_of(net: Network, cs: list[Constraint]) -> list[Claim]:
    """The claims behind constraints: a rule's are the statements of its other nodes."""
    out: dict[str, Claim] = {}
    for c in cs:
        if c.tag is not None:
            out.setdefault(c.tag, net.relations[c.tag].claim)
        elif isinstance(c, Tree):
            for m in nodes_of(c):
                for s in net.stated.get(m, []):
                    out.setdefault(s.id, s)
    return list(out.values())
