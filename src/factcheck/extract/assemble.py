"""Assembling drafted claims: every value and period is checked with the real parsers, a
claim the loader would refuse is demoted to a kind its value fits or set aside, and the fields
are laid out in the order a claims file writes them."""

from __future__ import annotations

import re
from collections import Counter

from factcheck.claimfields import form_fits
from factcheck.errors import ValueProblem
from factcheck.extract.drafter import Drafter
from factcheck.extract.model import DraftClaim, Field
from factcheck.extract.rules import Figure
from factcheck.extract.text import quote_span
from factcheck.numbers import Stated, parse_value
from factcheck.periods import parse_period
from factcheck.units import UnitInfo, unit_info
from factcheck.zh import DIRECTION_VERBS, measure_words


def _fits(kind: str, s: Stated, unit: UnitInfo) -> bool:
    """Whether the loader accepts a value of this form for this kind (its E110 rule)."""
    return form_fits(kind, s, unit)


def assemble(d: Drafter, group: list[Figure], ids: Counter[int]) -> DraftClaim | None:
    """The claim of a group, demoted or set aside where the loader would refuse it."""
    kind = group[0].kind
    parsed = []
    for f in group:
        try:
            stated = parse_value(f.value, d.lex)
            unit = unit_info(stated.unit) if stated.form == "number" else UnitInfo("", 1, "")
        except ValueProblem as exc:
            d.skip(f.mention, "other", f"{exc.code} {exc.message}")
            continue
        parsed.append((f, stated, unit))
    if not parsed:
        return None
    if not all(_fits(kind, s, u) for _, s, u in parsed):
        if not all(_fits("level", s, u) for _, s, u in parsed):
            for f, _, _ in parsed:
                d.skip(f.mention, "other", f"E110 '{f.value}' does not fit a {kind} claim")
            return None
        kind = "level"
    group = [f for f, _, _ in parsed]
    lead = group[0]
    period, base = _periods(d, lead, kind)
    if kind in ("cagr", "multiple") and not base and not _is_span(period, d):
        kind = "growth" if kind == "cagr" else "level"
        period, base = _periods(d, lead, kind)
    a, b = d.clause(lead.vstart)[0], d.ctx.clause(group[-1].vend - 1)[1]
    quote, start, end = quote_span(d.ctx, d.with_time_clause(a), b, lead.vstart, group[-1].vend)
    line = lead.mention.line
    names = []
    for _ in group:
        ids[line] += 1
        names.append(f"{kind}-{line}-{ids[line]}")
    fields: list[Field] = []

    def put(name: str, values: list[str | None]) -> None:
        present = [v for v in values if v]
        if not present:
            return
        if len(set(present)) == 1 and len(present) == len(values):
            fields.append((name, present[0]))
        elif len(present) == len(values):
            fields.append((name, tuple(present)))

    put("entity", [f.entity for f in group])
    if kind == "ratio":
        fields.append(("metrics", tuple(lead.metrics)))
    else:
        put("metric", [f.metric for f in group])
    periods = [period] + [_periods(d, f, kind)[0] for f in group[1:]]
    # 7、8、9三个月…分别为: a period for each value (a list field, docs/claims-format.md)
    fields.append(("period", period if len(set(periods)) == 1 else tuple(periods)))
    if base and kind in ("growth", "cagr", "multiple", "increment"):
        fields.append(("base", base))
    if kind == "rank":
        put("ranking", [f.ranking or f.metric for f in group])
    values = [f.value for f in group]
    fields.append(("value", tuple(values) if len(values) > 1 else values[0]))
    if kind == "count":
        fields.append(("within", lead.within or ""))
    if kind == "rank" and lead.among:
        fields.append(("among", lead.among))
    if kind == "increment" and lead.flow:
        fields.append(("flow", "true"))
    if kind == "growth" and base and period != base and _plan_growth(d, lead):
        lead.notes.append(
            f"a change over the whole period from {base} (年均 is not written); "
            "if it is an average annual rate, make the kind cagr"
        )
    if lead.notes:
        fields.append(("note", "extract: " + "; ".join(dict.fromkeys(lead.notes))))
    spans = tuple((f.mention.start, f.mention.end) for f in group)
    doubts = _doubts(group, kind, [u for _, _, u in parsed])
    return DraftClaim(
        tuple(names), kind, quote, tuple(fields), start, end, line, tuple(values), spans, doubts
    )


# A metric is a noun phrase of the article: never a bare unit, a verb, a number or citation
# debris (`[5]`), and at least two characters long.
_NOT_METRIC = re.compile(
    r"(?<![A-Za-z0-9])[0-9０-９]+(?![0-9A-Za-z])|[\[\]［］【】()（）<>《》“”\"]|^.$|未命名指标"
)  # 5G基站 is a noun phrase: digits of a letter code are no number
DURATIONS = ("[time]", "[month]")  # lengths of time: never a figure a claim states


def _doubts(group: list[Figure], kind: str, units: list[UnitInfo]) -> tuple[str, ...]:
    """Why a drafted claim may be wrong; none for a claim ``check ARTICLE.txt`` may check."""
    lead = group[0]
    doubts = list(dict.fromkeys(d for f in group for d in f.doubts))
    if lead.notes:
        doubts.append("a guess noted")
    if kind != lead.kind:
        doubts.append(f"demoted from {lead.kind} to {kind}")
    for f in group:
        metric = f.metric
        if kind != "ratio" and (not metric or _NOT_METRIC.search(metric)):
            doubts.append(f"metric '{metric}' is not a noun phrase")
        elif metric.endswith(DIRECTION_VERBS) or metric in measure_words():
            doubts.append(f"metric '{metric}' is a verb or a unit")
    if any(u.dimension in DURATIONS for u in units):
        doubts.append("a length of time, not a figure")
    return tuple(dict.fromkeys(doubts))


def _periods(d: Drafter, f: Figure, kind: str) -> tuple[str, str | None]:
    """The figure's period and base, checked by the period parser; a point where the kind
    needs one, the reference year where nothing else parses."""
    plans, year = d.pack.plans, d.year
    try:
        period = parse_period(f.period, plans, year)
    except ValueProblem:
        period = parse_period(str(year), plans, year)
    # Only changes compound over a span; every other kind is drafted at a point (its end).
    changes = kind in ("growth", "cagr", "multiple")
    text = period.end.key if period.is_span and not changes else period.text
    base = f.base
    if base is not None:
        try:
            if parse_period(base, plans, year).is_span:
                base = None
        except ValueProblem:
            base = None
    return text, base


def _plan_growth(d: Drafter, f: Figure) -> bool:
    """Whether a growth figure's base came from a plan span (十四五期间增长5.5%)."""
    times = [t for t in d.ctx.times_before(f.vstart) if t.role != "base"]
    return bool(times) and times[-1].kind == "plan"


def _is_span(period: str, d: Drafter) -> bool:
    try:
        return parse_period(period, d.pack.plans, d.year).is_span
    except ValueProblem:
        return False
