"""Parts and their total: the lower bounds of the parts must not sum past the total, and parts
that make up the whole total must add up to it within rounding (docs/conventions.md §6)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.finding import Finding
from factcheck.interval import INF, Interval
from factcheck.kinds.base import Context, Doc, Option, show, show_interval, undetermined
from factcheck.model import Claim

KIND = "sum"
CODES = ("FC113", "FC161")
OPTIONS: dict[str, Option] = {}
DOC = Doc(
    what="Adds up the stated parts of a total and compares the sum with the total.",
    why="'突破1300亿' and '超700亿' are floors: if the floors alone pass the total, one figure "
    "is wrong. Parts that are said to make up the total must add up to it.",
    passes="集群产值2586亿元，其中有色金属突破1300亿元，新能源超700亿元  (1300 + 700 ≤ 2586)",
    fails="集群产值1800亿元，其中有色金属突破1300亿元，新能源超700亿元  (1300 + 700 > 1800)",
)


def _shares(ctx: Context, claim: Claim) -> Iterator[Finding]:
    """The shares of a complete set of parts in their total must add up to 100% (三次产业占比
    7.5%、60.7%、32.8% is 101.0% ± 0.15%: impossible)."""
    if not claim.complete or claim.period is None:
        return
    found = []
    for metric in claim.metrics:
        share = next(
            (
                s
                for s in ctx.of_kind("share")
                if s.metric == metric
                and s.entity == claim.entity
                and (s.whole or s.metric) == claim.total
                and s.period
                and s.period.end.key == claim.period.end.key
                and s.value
            ),
            None,
        )
        if share is None:
            return
        found.append(share)
    lo = sum(s.value.interval.lo for s in found if s.value)
    hi = sum(s.value.interval.hi for s in found if s.value)
    texts = " + ".join(s.value.text for s in found if s.value)
    ok = lo <= 1 + 1e-9 and hi >= 1 - 1e-9
    arithmetic = f"{texts} = {sum(s.value.point for s in found if s.value):.1%} " + (
        "≈ 100%" if ok else "≠ 100%"
    )
    en = (
        "the shares of the parts make up the whole"
        if ok
        else (
            f"the shares of parts that make up the whole add up to [{lo:.2%}, {hi:.2%}], not 100%"
        )
    )
    zh = (
        "各部分占比合计为100%"
        if ok
        else f"构成整体的各部分占比合计为 [{lo:.2%}, {hi:.2%}]，而非100%"
    )
    yield ctx.finding(
        KIND,
        "FC113",
        claim,
        "consistent" if ok else "inconsistent",
        en,
        zh,
        tuple(found),
        arithmetic=arithmetic,
        material=not ok,
    )


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Finding]:
    """Check every sum whose total and at least one part are stated, and the shares of a
    complete set of parts."""
    for claim in ctx.of_kind(KIND):
        yield from _shares(ctx, claim)
        if claim.period is None:
            continue
        at = claim.period.end
        total = ctx.level(claim.entity, claim.total, at)
        parts = [ctx.level(claim.entity, m, at) for m in claim.metrics]
        found = [p for p in parts if p and p.value]
        if not (total and total.value and found):
            continue
        tv = total.value
        if any(p.value.unit.dimension != tv.unit.dimension for p in found if p.value):
            why = "parts and total in different units", "各部分与总量单位不同"
            yield undetermined(ctx, KIND, claim, *why, (total, *found))
            continue
        lo = sum(p.value.interval.lo for p in found if p.value)
        hi = sum(p.value.interval.hi for p in found if p.value)
        face = sum(p.value.point for p in found if p.value)
        terms = " + ".join(show(p.value.point, tv) for p in found if p.value)
        iv = Interval(lo, hi)
        complete = claim.complete and len(found) == len(parts)
        # Parts left out are at least zero, so the floors of the named parts are a floor of the
        # total; the parts of a complete sum must reach the total's interval exactly.
        ok = (
            iv.meets(tv.interval)
            if complete
            else Interval(lo, lo).meets(Interval(-INF, tv.interval.hi))
        )
        # Parts that make up the total: their sum against it; named parts of a larger total:
        # their floors against its ceiling.
        relation = {(True, True): "≈", (True, False): "≠", (False, True): "≤", (False, False): ">"}[
            (complete, ok)
        ]
        arithmetic = f"{terms} = {show(face, tv)} {relation} {tv.text}"
        related = (total, *found)
        if ok:
            yield ctx.finding(
                KIND,
                "FC113",
                claim,
                "consistent",
                "the parts fit the total",
                "各部分与总量相符",
                related,
                stated=tv.text,
                recomputed=show(face, tv),
                interval=show_interval(iv, tv),
                arithmetic=arithmetic,
            )
            continue
        what = "do not add up to" if complete else "already exceed"
        what_zh = "之和不等于" if complete else "之和已超过"
        yield ctx.finding(
            KIND,
            "FC113",
            claim,
            "inconsistent",
            f"the parts {what} the total {tv.text}: {arithmetic}",
            f"各部分{what_zh}总量 {tv.text}：{arithmetic}",
            related,
            stated=tv.text,
            recomputed=show(face, tv),
            interval=show_interval(iv, tv),
            arithmetic=arithmetic,
            material=True,
        )
