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
    Box,
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
_MAX_FILTER = 200  # claims a deletion filter narrows; a larger set is reported as it is
_MAX_BLAME = 12  # claims of a set each tried alone as the one error


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
        if len(tags) < 2 or _covered(net, group):
            continue
        active = set(tags)
        for _ in range(_MAX_CONFLICTS):
            outcome = solve(net.problem, _on(group, active))
            if not outcome.conflict:
                yield from _implied(ctx, net, group, active, outcome.box)
                break
            found = _minimal(net, group, active, outcome.where, order)
            if found is None:
                break
            blamed, alone = _blame(net, group, active, found, order)
            yield _conflict(ctx, net, group, found, order, blamed, alone)
            # Without any one of ``alone`` every other claim holds: leaving one out ends it.
            active.discard(blamed if blamed in alone or not alone else alone[-1])


def _covered(net: Network, group: list[Constraint]) -> bool:
    """Whether the pairwise checks already see every relation of a component with all its
    terms stated: each quantity is stated exactly once (a price-adjusted level aside)."""
    for c in group:
        if c.tag in net.unseen:
            return False
        for n in nodes_of(c):
            kind = net.keys[n][0]
            if kind != "R" and (kind != "q" or len(net.stated.get(n, ())) != 1):
                return False
    return True


def _on(group: list[Constraint], tags: set[str]) -> list[Constraint]:
    return [c for c in group if c.tag is None or c.tag in tags]


def _minimal(
    net: Network,
    group: list[Constraint],
    active: set[str],
    where: tuple[int, ...],
    order: dict[str, int],
) -> set[str] | None:
    """A minimal set of claims that cannot all hold. The claims around the nodes where the
    contradiction showed are taken ring by ring (breadth first over claims and nodes) until
    they conflict on their own; then a deletion filter drops, outermost first, every claim the
    rest conflict without."""
    by_node: dict[int, list[str]] = {}
    for c in group:
        if c.tag is not None and c.tag in active:
            for n in nodes_of(c):
                by_node.setdefault(n, []).append(c.tag)
    ring: dict[str, int] = {}
    frontier, seen = list(where), set(where)
    depth = 0
    current: set[str] = set()
    while frontier:
        nxt: list[int] = []
        for n in frontier:
            for tag in by_node.get(n, []):
                if tag in ring:
                    continue
                ring[tag] = depth
                for m in _tag_nodes(net, tag):
                    if m not in seen:
                        seen.add(m)
                        nxt.append(m)
        current = set(ring)
        if solve(net.problem, _on(group, current)).conflict:
            break
        frontier, depth = nxt, depth + 1
    else:
        current = set(active)
        if not solve(net.problem, _on(group, current)).conflict:
            return None
    if len(current) > _MAX_FILTER:  # a sound contradiction, not narrowed further
        return current
    outer_first = sorted(current, key=lambda t: (-ring.get(t, depth + 1), -order[t]))
    for tag in outer_first:
        trial = current - {tag}
        if solve(net.problem, _on(group, trial)).conflict:
            current = trial
    return current


def _tag_nodes(net: Network, tag: str) -> set[int]:
    return {n for c in net.relations[tag].constraints for n in nodes_of(c)}


def _blame(
    net: Network, group: list[Constraint], active: set[str], found: set[str], order: dict[str, int]
) -> tuple[str, list[str]]:
    """The claim a contradiction is put on, and the claims of the set without any one of which
    every other claim of the component holds. When that is one claim, it is the likely error
    and the finding sits on it; otherwise on the last claim of the set in the file."""
    # A finding sits on a figure: a claim without a value (a sum of parts) is never blamed
    # while the set holds a figure.
    valued = {t for t in found if net.relations[t].claim.value is not None} or found
    last = max(valued, key=order.__getitem__)
    if len(found) > _MAX_BLAME:
        return last, []
    alone = sorted(
        (t for t in found if not solve(net.problem, _on(group, active - {t})).conflict),
        key=order.__getitem__,
    )
    return (alone[0] if len(alone) == 1 and alone[0] in valued else last), alone


def _conflict(
    ctx: Context,
    net: Network,
    group: list[Constraint],
    found: set[str],
    order: dict[str, int],
    blamed: str,
    alone: list[str],
) -> Finding:
    """One finding for one contradiction, on the claim blamed, with the range the others give
    for its figure and the chain of arithmetic through the quantities between."""
    ids = sorted(found - {blamed}, key=order.__getitem__) + [blamed]
    target = net.relations[blamed]
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
        f"claims {names} cannot all hold: the others give {shown}, stated {claim.value.text}"
        + _without(alone, found),
        f"{names} 不能同时成立：其余各项得 {shown}，文中为 {claim.value.text}"
        + _without(alone, found, zh=True),
        related,
        stated=claim.value.text,
        interval=shown if implied else "",
        recomputed=show(implied.mid, claim.value) if implied and math.isfinite(implied.mid) else "",
        arithmetic=arithmetic,
        material=True,
    )


def _without(alone: list[str], found: set[str], zh: bool = False) -> str:
    """What removing one claim would do: "; without 'g50' every other claim holds"."""
    if not alone or len(alone) == len(found):
        return ""
    names = ", ".join(f"'{t}'" for t in alone)
    if zh:
        return f"；去掉{'其中任一' if len(alone) > 1 else ''}（{names}）其余各项均成立"
    one = "any one of " if len(alone) > 1 else ""
    return f"; without {one}{names} every other claim holds"


def _implied_range(
    net: Network, rel: Relation, rest: list[Constraint], box: Box
) -> tuple[Interval | None, list[str]]:
    """The range the other claims allow for a claim's figure, in the figure's terms, and the
    chain of steps that gives it."""
    # A share written as a level is explained as the share: its ratio of part to whole.
    # A change that is also a term of a sum (a contribution, a change of a share) is explained
    # by the node of its figure, which the others bound.
    first = next(
        (c for c in rel.constraints if isinstance(c, Diff)),
        next(
            (c for c in rel.constraints[1:] if isinstance(c, Bound) and c.node in box),
            rel.constraints[0],
        ),
    )
    if isinstance(first, Bound):
        lo, hi = box.get(first.node, (-INF, INF))
        return Interval(lo, hi), []
    if isinstance(first, Diff):
        (ylo, yhi), lo_path, hi_path = diff_bounds(net.problem, rest, box, first.a, first.b)
        stated = rel.claim.value
        assert stated is not None
        path = hi_path if stated.interval.lo > _from_log(rel, yhi) else lo_path
        steps = [f"{net.name(first.a)} / {net.name(first.b)} =", *_steps(net, path, box)]
        return Interval(_from_log(rel, ylo), _from_log(rel, yhi)), steps
    if isinstance(first, Linear):
        if any(n not in box for _, n in first.terms):
            return None, []
        lo = sum(min(k * box[n][0], k * box[n][1]) for k, n in first.terms)
        hi = sum(max(k * box[n][0], k * box[n][1]) for k, n in first.terms)
        if math.isnan(lo) or math.isnan(hi):
            return None, []
        per = rel.years if rel.view == "average" and rel.years > 0 else 1.0
        return Interval(lo / per, hi / per), []
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
    return rel.scale * math.exp(y) if y < 709 else INF


def _steps(net: Network, path: list[Step], box: Box) -> list[str]:
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


def _range(net: Network, n: int, box: Box) -> str:
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
    box: Box,
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


def _bounds_alone(net: Network, c: Constraint, n: int, box: Box) -> bool:
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
