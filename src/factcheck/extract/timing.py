"""The period and base of one figure, from the time words before it (docs/extract.md, *period*).

The nearest time word before a figure in its sentence (else the paragraph's, else the lead
paragraph's: :meth:`~factcheck.extract.text.ArticleContext.carried`) is its period; a time word
after 比/较 (or 与…相比) is the base of a change. Conventions of the genre, each a rule here:

* ``从2021年…到2025年`` and ``1990~2010年`` are spans: a cagr over it, a change from its start;
  inside a span, a figure right after 从/由 is its start value (``1949~1978年…从10.64%增加到
  17.92%``: 10.64% in 1949).
* A base is named in the figure's clause, or in a clause of its own before it (``与2014年比较，
  …上升2.4%``).
* A comparison's start value is stated at the base's time: ``比1962年的318亿元`` (1962),
  ``由去年同期的52.5%`` (the figure's period a year earlier), ``较2019年同期的``.
* ``两年平均增长`` is the average over the two years ending at the period; ``全年`` is the year of
  the time word before it; ``去年第四季`` a quarter of the year before the publication's.
* A cagr without a span takes the plan the article names most (a note says so), or none: a
  plan is only assumed where the article names one, and a multiple without a base takes the
  plan only in a sentence that writes no year of its own.
* Any other kind stands at a point: a level timed by a plan at the plan's last year (a claims
  file gives a level no span).
"""

from __future__ import annotations

from factcheck.extract.dating import Dating
from factcheck.extract.rules import Figure
from factcheck.extract.text import COMPARED_WORDS, ArticleContext, TimeWord

# 比上年, 比去年同期: the default base of a change; only a base named otherwise is written.
_DEFAULT_BASES = ("relyear", "rel_same")
_NOT_POINTS = ("years_back", "rel_same")
_OF = ("的", "时的", "末的", "底的")
_DATED = ("year", "quarter", "month", "months")
_START_WORDS = ("比", "较", "相比", "由", "从")


def resolve_period(
    f: Figure, ctx: ArticleContext, dating: Dating, default_plan: str | None
) -> None:
    """Set ``period`` and ``base`` from the time words of the figure's sentence before it."""
    ref_year = dating.year
    c_start, _ = ctx.clause(f.mention.start)
    times = ctx.times_before(f.vstart)
    bases = [
        t
        for t in times
        if t.role == "base"
        and t.kind not in _DEFAULT_BASES
        and (t.start >= c_start or ctx.folded[t.end : c_start].rstrip("，, ") in COMPARED_WORDS)
    ]
    points = [t for t in times if t.role != "base" and t.kind not in _NOT_POINTS]
    back = next((t for t in reversed(times) if t.kind == "years_back" and t.role != "base"), None)
    if not points and (carried := ctx.carried(f.vstart)) is not None:
        points = [carried]  # the paragraph's or the heading's time
    nearest = points[-1] if points else None
    span = _span(points) or (nearest.period if nearest and nearest.kind == "span" else None)
    point = _point_of(nearest, points, dating, ctx) if nearest else str(ref_year)
    start = _start_time(ctx.text, times, f)
    if start is not None:
        # 比1962年的318亿元, 由去年同期的52.5%: the start value of a comparison, at its time
        f.period = _base_of(start, point, points, dating, ctx)
        return
    base = _base_of(bases[-1], point, points, dating, ctx) if bases else None
    kind = f.kind
    if back is not None and kind in ("growth", "cagr"):
        # 两年平均增长2.1% in 2021Q1: the average over 2019Q1-2021Q1
        f.kind, f.period = "cagr", _years_back(point, int(back.period))
        return
    if kind == "cagr":
        plan = next((t for t in reversed(points) if t.kind == "plan"), None)
        if span:
            f.period = span
        elif plan:
            f.period = plan.period
        elif base:
            f.period, f.base = point, base
        elif default_plan:
            f.period = default_plan
            f.notes.append(f"period not written; {default_plan} assumed")
        else:
            f.kind, f.period = "growth", point
            f.notes.append("an average annual rate, but its span is not written")
    elif kind in ("growth", "multiple"):
        f.period = point
        if base:
            f.base = base
        elif span:
            first, last = span.split("-")
            f.period, f.base = last, first
        elif nearest is not None and nearest.kind == "plan" and nearest.first:
            f.base = str(nearest.first - 1)  # 十四五期间下降35%: from the end of 2020
        elif kind == "multiple" and "同比" in ctx.text[c_start : f.vstart]:
            f.base = _year_before(point, ref_year)  # 同比增长1.2倍: the same period a year before
        elif kind == "multiple":
            _multiple_base(f, points, nearest, point, default_plan, ref_year)
    elif (
        nearest is not None
        and nearest.kind == "span"
        and ctx.text[f.vstart - 1 : f.vstart]
        in (
            "从",
            "由",
        )
    ):
        f.period = str(nearest.first)  # 1949~1978年…比重从10.64%增加到17.92%: 10.64% in 1949
    else:
        f.period = point


def _multiple_base(
    f: Figure,
    points: list[TimeWord],
    nearest: TimeWord | None,
    point: str,
    default_plan: str | None,
    ref_year: int,
) -> None:
    """A multiple without a written base: over the earlier year of its sentence (1978年…到2020年
    …增长了约275倍), else over the plan the article names (是“十三五”末的3.4倍), else over the
    year before; the base is a guess either way."""
    dated = nearest is not None and nearest.year is not None and nearest.kind != "plan"
    earlier = [
        t for t in points[:-1] if t.year is not None and nearest and t.year < (nearest.year or 0)
    ]
    if dated and earlier:
        f.base = str(earlier[-1].year)
    elif dated:
        f.base = str(ref_year - 1)
    else:
        f.period = default_plan or point
        if not default_plan:
            f.base = str(ref_year - 1)
    f.notes.append("base period not written")


def _start_time(text: str, times: list[TimeWord], f: Figure) -> TimeWord | None:
    """The time of a comparison's start value right before the figure: 比1962年的318亿元,
    由去年同期的52.5% (a plain number, not a multiple or a rank)."""
    if not times or f.form != "number":
        return None
    t = first = times[-1]
    for u in reversed(times[:-1]):  # 比“十二五”末2015年的: the time words of one base
        if first.start - u.end > 1:
            break
        first = u
    lead = text[max(0, first.start - 2) : first.start]
    if text[t.end : f.vstart] in _OF and lead.endswith(_START_WORDS):
        return t
    return None


def _base_of(
    t: TimeWord, point: str, points: list[TimeWord], dating: Dating, ctx: ArticleContext
) -> str:
    """A base (or start) period from its time word; ``point`` is the figure's own period, for
    the same period of another year (2019年同期, 去年同期)."""
    if t.kind == "same_period":
        return _same_period(t.period, point)  # 较2019年同期 in 2023Q3: 2019Q3
    if t.kind == "rel_same":
        year = int(point[:4]) if point[:4].isdigit() else dating.year
        return _same_period(str(year + int(t.period)), point)
    return _point_of(t, points, dating, ctx)


def _same_period(year: str, point: str) -> str:
    """The period ``point`` in another year: 2019 with 2023Q3 → 2019Q3, with 2023年1-9月 or
    前三季度 → 2019年1-9月 or 2019年前三季度."""
    if point[:4].isdigit():
        return year + point[4:]
    return f"{year}年{point}" if point else year


def _year_before(point: str, ref_year: int) -> str:
    """The same period a year earlier: 2025 → 2024, 2025Q3 → 2024Q3, 2025-06 → 2024-06; a period
    written without its year (1-2月份, of the reference year) → 2024年1-2月份."""
    return _same_period(str((int(point[:4]) if point[:4].isdigit() else ref_year) - 1), point)


def _point_of(t: TimeWord, points: list[TimeWord], dating: Dating, ctx: ArticleContext) -> str:
    """A point period from a time word: a plan stands for its last year (十四五期间 → 2025), a
    span for its end, a quarter or a run of months without year for that period of the year
    :class:`~factcheck.extract.dating.Dating` gives it, 全年 for the year of the time word
    before it (``points``: the figure's time words, in text order)."""
    if t.kind in ("plan", "span") and t.year is not None:
        return str(t.year)
    if t.kind == "quarter" and t.year is None:
        return f"{_year_of(t, ctx, dating)}{t.period}"
    if t.kind == "month" and t.year is None:
        return f"{_year_of(t, ctx, dating)}-{t.period[1:]}"  # 3月份: 2021-03
    if t.kind == "months" and t.year is None:
        year = _year_of(t, ctx, dating)
        return t.period if year == dating.year else f"{year}年{t.period}"
    if t.kind == "relyear":
        return str(dating.relative + int(t.period))
    if t.kind == "relquarter":
        shift, quarter = t.period.split("Q")
        return f"{dating.relative + int(shift)}Q{quarter}"
    if t.kind == "whole_year":
        for before in reversed([p for p in points if p.end <= t.start]):
            written = _point_of(before, [], dating, ctx)[:4]
            if written.isdigit():
                return written
        return str(dating.year)
    return t.period


def _year_of(t: TimeWord, ctx: ArticleContext, dating: Dating) -> int:
    """The year of a quarter or a run of months written without one: that of the last time word
    with a year before it in its paragraph (2023年…。一季度), else the one
    :meth:`~factcheck.extract.dating.Dating.year_of` gives."""
    for u in reversed(ctx.times_between(ctx.paragraph_start(t.start), t.start)):
        if u.year is not None and u.role == "point" and u.kind in _DATED:
            return u.year
    return dating.year_of(t.period)


def _years_back(point: str, n: int) -> str:
    """The span of the ``n`` years that end at ``point`` (2021 → 2019-2021 for two years)."""
    year = int(point[:4]) if point[:4].isdigit() else None
    return f"{year - n}{point[4:]}-{point}" if year else point


def _span(points: list[TimeWord]) -> str | None:
    """``从2021年…到2025年`` before the figure: the span ``2021-2025``."""
    for i, t in enumerate(points):
        if t.role == "from" and t.kind == "year":
            for later in points[i + 1 :]:
                if (
                    later.role == "to"
                    and later.kind == "year"
                    and (later.year or 0) > (t.year or 0)
                ):
                    return f"{t.year}-{later.year}"
    return None
