"""Links between the drafted claims of one sentence, written as the claims' reference fields.

A sentence of the genre states a quantity and what happened to it together, and a claims file
says so with ids (docs/claims-format.md): ``增加值83086亿元，比上年增长7.1%`` is a growth whose
``end`` is the level; ``从2021年的669亿元增长到2025年的2586亿元，年均增长33.8%`` a cagr with
``start`` and ``end``; ``是1978年的275倍`` a multiple whose ``start`` is the level of 1978;
``总人口14.1亿人，约占全球总人口的18%`` a share whose ``part`` is the level, ``出口2千亿美元，其中
电子产品占比81.3%`` one whose ``total`` is; ``增速居全省第3位`` a rank whose ``ref`` is the growth
it ranks.

A link is drafted only where the text fixes it: both claims in one sentence, of one entity and
one metric, and the level at the very point the change starts or ends (its period, its base or
the ends of its span); of several such levels, the nearest. These are the claims the engine
relates by entity, metric and period anyway, so a link never makes a check the claims would not
make: it states in the file what an editor reviews. A reference to a claim that is left out of
a file (not confident, refused by the loader) is dropped with :func:`keep_refs`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from factcheck.errors import ValueProblem
from factcheck.extract.assemble import DURATIONS
from factcheck.extract.drafter import MAX_PREV, Drafter
from factcheck.extract.model import DraftClaim, Field
from factcheck.numbers import Lexicon, parse_value
from factcheck.periods import Period, Point, parse_period, shift
from factcheck.units import unit_info

REF_FIELDS = ("start", "end", "part", "total", "ref")
# The fields that name claims, by kind (a sum's `total` is a metric, not a claim).
_REFS = {
    **dict.fromkeys(("growth", "cagr", "multiple"), ("start", "end")),
    "share": ("part", "total"),
    "rank": ("ref",),
}
_CHANGES = ("growth", "cagr", "multiple")
_RATE_WORDS = ("增速", "增幅", "增长率", "增长速度")
# How a value is written in per cent or in points, in both languages (0.4 percent, 3
# percentage points).
_PER_CENT = ("%", "％", "百分点", "百分之", "percent")
_POINTS = ("百分点", "percentage point")


@dataclass(frozen=True)
class Frame:
    """What links need of an article, whichever path drafted it: its text, its sentences, the
    plans and year its periods are read with, and the lexicon its values are read with."""

    text: str
    sentence: Callable[[int], tuple[int, int]]
    plans: dict[str, tuple[int, int]]
    year: int
    lex: Lexicon


def frame_of(d: Drafter) -> Frame:
    """The frame of a Chinese draft."""
    return Frame(d.ctx.text, d.ctx.sentence, d.pack.plans, d.year, d.lex)


@dataclass(frozen=True)
class _Item:
    """One value of a drafted claim with the fields that apply to it."""

    claim: int
    index: int
    id: str
    kind: str
    value: str
    span: tuple[int, int]
    fields: dict[str, str]
    point: str | None = None  # the key of its period when that is a point
    ends: tuple[str, str] | None = None  # a change's start and end points
    dimension: str | None = None  # of its value's unit (None: not a quantity with a unit)


def _dated(d: Frame, it: _Item) -> _Item:
    period = _period(d, it.fields.get("period"))
    point = period.end.key if period is not None and not period.is_span else None
    ends = _endpoints(d, it, period) if it.kind in _CHANGES else None
    try:
        stated = parse_value(it.value, d.lex)
        dim = unit_info(stated.unit).dimension if stated.form == "number" else None
    except ValueProblem:
        dim = None
    return replace(it, point=point, ends=ends and (ends[0].key, ends[1].key), dimension=dim)


def _items(claims: list[DraftClaim]) -> list[_Item]:
    out = []
    for k, c in enumerate(claims):
        n = len(c.ids)
        for i, span in enumerate(c.spans):
            fields = {
                name: v if isinstance(v, str) else v[i]
                for name, v in c.fields
                if isinstance(v, str) or (len(v) == n and name != "metrics")
            }
            out.append(_Item(k, i, c.ids[i], c.kind, c.values[i], span, fields))
    return out


def _rate(value: str) -> bool:
    return any(w in value for w in _PER_CENT)


def _points(value: str) -> bool:
    return any(w in value for w in _POINTS)


def draft_links(d: Frame, claims: list[DraftClaim]) -> list[DraftClaim]:
    """The claims with the reference fields their sentences fix (see the module docstring)."""
    items = [_dated(d, it) for it in _items(claims)]
    by_sentence: dict[tuple[int, int], list[_Item]] = {}
    for it in items:
        by_sentence.setdefault(d.sentence(it.span[0]), []).append(it)
    refs: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        # The candidates of an item: the items of its entity and metric nearest to it in the
        # sentence (MAX_PREV each side: a marathon sentence stays linear).
        buckets: dict[tuple[str, str], list[_Item]] = {}
        for it in group:
            buckets.setdefault(_key(it), []).append(it)
        for bucket in buckets.values():
            for p, it in enumerate(bucket):
                near = bucket[max(0, p - MAX_PREV) : p + MAX_PREV + 1]
                for name, target in _links_of(d, it, near):
                    refs.setdefault((it.claim, it.index), []).append((name, target))
        for p, it in enumerate(group):
            if it.kind == "share" and (whole := _whole(d, it, group[max(0, p - MAX_PREV) : p])):
                refs.setdefault((it.claim, it.index), []).append(("total", whole.id))
    out = []
    for k, c in enumerate(claims):
        per_item = [dict(refs.get((k, i), [])) for i in range(len(c.ids))]
        added: list[Field] = []
        for name in REF_FIELDS:
            got = [r.get(name) for r in per_item]
            if all(got):
                ids = tuple(g for g in got if g)
                added.append((name, ids[0] if len(ids) == 1 else ids))
        out.append(replace(c, fields=(*c.fields, *added)) if added else c)
    return out


def _links_of(d: Frame, it: _Item, group: list[_Item]) -> list[tuple[str, str]]:
    """The (field, id) links of one item to the others of its sentence with its entity and
    metric (``group``)."""
    same = [o for o in group if o.claim != it.claim and it.fields.get("metric")]
    if it.kind in _CHANGES:
        if it.ends is None or it.ends[0] == it.ends[1]:  # a change from a time to itself
            return []
        # A change in points is of a rate, which may itself be a growth rate or a share
        # (经济成长率8.68%，较1月概估数8.63%上修0.05个百分点: 8.68 - 8.63). An amount
        # (增加166万吨) is a difference of levels in its unit; a rate, of any level but a
        # length of time (十年).
        kinds = ("level", "growth", "share") if _points(it.value) else ("level",)
        amount = it.kind == "growth" and not _rate(it.value)
        levels = [
            o
            for o in same
            if o.kind in kinds
            and _rate(o.value) == _points(it.value)
            and not _points(o.value)
            and (o.dimension == it.dimension if amount else o.dimension not in DURATIONS)
        ]
        if levels and not amount:
            # 53,980 yuan (7,939 U.S. dollars), up 29 percent: a rate is of the quantity in the
            # unit it is first stated in (the engine's, docs/rules.md), not of a gloss in another
            first = min(levels, key=lambda o: o.span[0]).dimension
            levels = [o for o in levels if o.dimension == first]
        out = []
        for name, point in zip(("start", "end"), it.ends, strict=True):
            at = [o for o in levels if o.point == point]
            if at:
                out.append((name, _nearest(it, at).id))
        return out
    if it.kind == "share":
        at = [o for o in same if o.kind == "level" and not _rate(o.value) and _same_time(o, it)]
        return [("part", _nearest(it, at).id)] if at else []
    if it.kind == "rank":
        words = it.fields.get("ranking", "") + it.fields.get("metric", "")
        rates = any(w in words for w in _RATE_WORDS)
        ranked = [
            o
            for o in same
            if o.span[0] < it.span[0]
            and _same_time(o, it)
            and (o.kind == "growth" and _rate(o.value) if rates else o.kind == "level")
        ]
        return [("ref", _nearest(it, ranked).id)] if ranked else []
    return []


def _whole(d: Frame, it: _Item, before: list[_Item]) -> _Item | None:
    """The whole of a share after 其中 (进出口总额2千亿美元，其中电子产品占比81.3%): the
    nearest level before 其中, of another metric, the same entity and time."""
    for o in reversed(before):
        if o.kind != "level" or _rate(o.value) or not _same_time(o, it):
            continue
        if o.fields.get("entity", "") != it.fields.get("entity", ""):
            continue
        if "其中" in d.text[o.span[1] : it.span[0]] and o.fields.get("metric") not in (
            None,
            it.fields.get("metric"),
        ):
            return o
    return None


def _key(it: _Item) -> tuple[str, str]:
    return it.fields.get("entity", ""), it.fields.get("metric", "")


def _nearest(it: _Item, others: list[_Item]) -> _Item:
    return min(others, key=lambda o: (abs(o.span[0] - it.span[0]), o.span[0]))


def _period(d: Frame, text: str | None) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text, d.plans, d.year)
    except ValueProblem:
        return None


def _same_time(a: _Item, b: _Item) -> bool:
    return a.point is not None and a.point == b.point


def _endpoints(d: Frame, it: _Item, period: Period | None) -> tuple[Point, Point] | None:
    """Where a change starts and ends, as the engine reads it (base, span, or a year before)."""
    if period is None:
        return None
    if period.start is not None:
        return period.start, period.end
    base = _period(d, it.fields.get("base"))
    if base is not None:
        return base.end, period.end
    return shift(period.end, -1), period.end


def keep_refs(claims: list[DraftClaim]) -> list[DraftClaim]:
    """The claims without the references to ids that are not among them (a reference field of
    a 'respectively' claim goes when any of its ids is missing)."""
    ids = {i for c in claims for i in c.ids}
    out = []
    for c in claims:
        refs = _REFS.get(c.kind, ())
        fields = tuple(
            (n, v)
            for n, v in c.fields
            if n not in refs or all(x in ids for x in ((v,) if isinstance(v, str) else v))
        )
        out.append(c if len(fields) == len(c.fields) else replace(c, fields=fields))
    return out


def retarget(c: DraftClaim, names: dict[str, str]) -> DraftClaim:
    """The claim with its references renamed (``names``: old id → new id)."""
    refs = _REFS.get(c.kind, ())
    fields = tuple(
        (n, (names.get(v, v) if isinstance(v, str) else tuple(names.get(x, x) for x in v)))
        if n in refs
        else (n, v)
        for n, v in c.fields
    )
    return replace(c, fields=fields)
