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

import re
from bisect import bisect_left

from factcheck.extract.dating import Dating
from factcheck.extract.rules import Figure
from factcheck.extract.text import (
    COMPARED_WORDS,
    LIST_JOIN,
    LIST_MONTH,
    REACH,
    ArticleContext,
    TimeWord,
    listed_months,
)
from factcheck.zh import RANGE_MARKS

# 比上年, 比去年同期: the default base of a change; only a base named otherwise is written.
_DEFAULT_BASES = ("relyear", "rel_same", "prevquarter", "relyearend")
_NOT_POINTS = ("years_back", "rel_same")
_OF = ("的", "时的", "末的", "底的")
_DATED = ("year", "quarter", "month", "months")
_START_WORDS = ("比", "较", "較", "相比", "由", "从", "從", "自")


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
        and (
            t.start >= c_start
            or ctx.folded[t.end : c_start].rstrip("，, ") in COMPARED_WORDS
            or not ctx.folded[t.end : c_start].strip("，, ")  # 对比…的2019年，…: its own clause
            or _governs(ctx, t, c_start, f.vstart)
        )
    ]
    spans = [t for t in times if t.role != "base" and t.kind not in _NOT_POINTS]
    # 从2013年的1.76缩小到1.61: the year of a start value times that value only (and the
    # span it starts, 从2021年的669亿元增长到2025年的2586亿元)
    points = [t for t in spans if not (t.role == "from" and ctx.folded.startswith(_OF, t.end))]
    back = next((t for t in reversed(times) if t.kind == "years_back" and t.role != "base"), None)
    if not points and (carried := ctx.carried(f.vstart)) is not None:
        points = [carried]  # the paragraph's or the heading's time
    nearest = points[-1] if points else None
    first = _first_year(nearest, ref_year)
    span = _span(spans) or (f"{first}-{nearest.year or ref_year}" if nearest and first else None)
    point = _point_of(nearest, points, dating, ctx) if nearest else str(ref_year)
    if nearest is not None and (one := _one_of_list(f, nearest, ctx, dating)) is not None:
        point = one  # 第二、三季的消費增長7.2%和7.0%: 7.2% of the second quarter
    start = _start_time(ctx.text, times, f)
    if start is not None:
        # 比1962年的318亿元, 由去年同期的52.5%: the start value of a comparison, at its time
        f.period = _base_of(start, point, points, dating, ctx)
        return
    ends = _run_ends(nearest, point, ctx)
    side = _from_or_to(ctx.text[c_start : f.vstart]) if ends and f.kind != "cagr" else None
    if ends and side:
        # 去年2至11月的數字一路向上（由–46.7%升至–4.7%）: February's and November's
        f.period = ends[0] if side == "from" else ends[1]
        return
    base = _base_of(bases[-1], point, points, dating, ctx) if bases else None
    kind = f.kind
    if back is not None and kind in ("growth", "cagr"):
        # 两年平均增长2.1% in 2021Q1: the average over 2019Q1-2021Q1
        f.kind, f.period = "cagr", _years_back(point, int(back.period), ref_year)
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
        elif (before := _before_last(point, ctx.folded[c_start : f.vstart])) is not None:
            f.base = before  # 比上月下降0.5个百分点, 较上季增长: the month or quarter before
        elif span:
            since, until = span.split("-")
            f.period, f.base = until, since
        elif nearest is not None and nearest.kind == "plan" and nearest.first:
            f.base = str(nearest.first - 1)  # 十四五期间下降35%: from the end of 2020
        elif kind == "multiple" and "同比" in ctx.text[c_start : f.vstart]:
            f.base = _year_before(point, ref_year)  # 同比增长1.2倍: the same period a year before
        elif kind == "multiple":
            _multiple_base(f, spans, nearest, point, default_plan, ref_year)
    elif first is not None and ctx.text[f.vstart - 1 : f.vstart] in ("从", "由", "從"):
        f.period = str(first)  # 1949~1978年…比重从10.64%增加到17.92%: 10.64% in 1949
    else:
        f.period = point


_LAST = re.compile(r"(?:比|较|与|对比)(?:上个?月|上一?季度?)")


def _before_last(point: str, before: str) -> str | None:
    """The month or quarter before ``point`` where the words before the figure compare with the
    last one (比上月, 较上季, 与上一季度): month-on-month, not the year-on-year default."""
    found = _LAST.search(before)
    if found is None:
        return None
    if "月" in found[0] and (m := re.fullmatch(r"(\d{4})-(\d{2})", point)):
        year, month = int(m[1]), int(m[2])
        return f"{year}-{month - 1:02d}" if month > 1 else f"{year - 1}-12"
    if "季" in found[0] and (m := re.fullmatch(r"(\d{4})Q([1-4])", point)):
        year, quarter = int(m[1]), int(m[2])
        return f"{year}Q{quarter - 1}" if quarter > 1 else f"{year - 1}Q4"
    return None


_OWN_BASE = ("同比", "环比", "環比", "比", "较", "較", "按年", "按季")


def _governs(ctx: ArticleContext, t: TimeWord, c_start: int, vstart: int) -> bool:
    """Whether a base named in a comparing clause of its own (与2010年第六次全国人口普查相比，…)
    is the base of a figure in a later clause of its sentence: when the figure's clause names
    no base of its own (同比, 比上年)."""
    after = ctx.folded[t.end : t.end + 4]
    if not (after.startswith(COMPARED_WORDS) or after[:1] in "，,"):
        return False
    if ctx.sentence(t.start) != ctx.sentence(vstart):
        return False
    return not any(w in ctx.folded[c_start:vstart] for w in _OWN_BASE)


def _first_year(t: TimeWord | None, ref_year: int) -> int | None:
    """The year a span of time starts at, for a span (1990~2010年: 1990), a since word
    (2016年来: 2016) and the N years to the reference year (十年来: ``ref_year`` − 10)."""
    if t is None:
        return None
    if t.kind in ("span", "since"):
        return t.first
    if t.kind == "years_since":
        return ref_year - int(t.period)
    return None


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
    if t.kind == "year" and ctx.folded[t.start : t.end] == f"{t.period}年" and point[4:]:
        return _same_period(t.period, point)  # 一季度…比2019年增长: over 2019Q1
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
    if t.kind in ("since", "years_since"):
        return str(dating.year)  # 十年来, 2016年来: to the reference year
    if t.kind == "quarter" and t.year is None:
        return f"{_year_of(t, ctx, dating)}{t.period}"
    if t.kind == "month" and t.year is None:
        return f"{_year_of(t, ctx, dating)}-{t.period[1:]}"  # 3月份: 2021-03
    if t.kind == "months" and t.year is None:
        year = _year_of(t, ctx, dating)
        return t.period if year == dating.year else f"{year}年{t.period}"
    if t.kind == "relyear":
        return str(dating.relative + int(t.period))
    if t.kind == "prevquarter":  # 上季: the quarter before the publication's
        day = dating.published
        q = (day.month - 1) // 3
        return f"{day.year}Q{q}" if q else f"{day.year - 1}Q4"
    if t.kind == "relmonths":
        shift, run = t.period.split(":", 1)
        return f"{dating.relative + int(shift)}年{run}"
    if t.kind == "relmonth":
        shift, month = t.period.split(":")
        return f"{dating.relative + int(shift)}-{int(month):02d}"
    if t.kind == "relquarter":
        shift, quarter = t.period.split("Q")
        return f"{dating.relative + int(shift)}Q{quarter}"
    if t.kind == "relyearend":
        return f"{dating.relative + int(t.period)}-12-31"
    if t.kind in ("whole_year", "year_end"):
        of = str(dating.year)
        for before in reversed([p for p in points if p.end <= t.start]):
            written = _point_of(before, [], dating, ctx)[:4]
            if written.isdigit():
                of = written
                break
        return f"{of}-12-31" if t.kind == "year_end" else of
    return t.period


def _year_of(t: TimeWord, ctx: ArticleContext, dating: Dating) -> int:
    """The year of a quarter or a run of months written without one: that of the last time word
    with a year before it in its paragraph (2023年…。一季度; 今年四月起…。九月: the year 今年
    names), else the one
    :meth:`~factcheck.extract.dating.Dating.year_of` gives."""
    for u in reversed(ctx.times_between(ctx.paragraph_start(t.start), t.start)):
        if u.role != "point":
            continue
        if u.year is not None and u.kind in _DATED:
            return u.year
        if u.kind in _RELATIVE:  # 今年四月起…。九月…: a month of the year 今年 names
            return dating.relative + int(u.period.split(":")[0].split("Q")[0])
    return dating.year_of(t.period)


# 今年, 去年十二月, 今年1-3月, 去年第四季: times relative to the publication's year
_RELATIVE = ("relyear", "relmonth", "relmonths", "relquarter")


def _years_back(point: str, n: int, ref_year: int) -> str:
    """The span of the ``n`` years that end at ``point`` (2021 → 2019-2021 for two years; a
    run of months without its year, 1-2月份, is of the reference year)."""
    if not point[:4].isdigit():
        point = f"{ref_year}年{point}"
    return f"{int(point[:4]) - n}{point[4:]}-{point}"


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


def respective_periods(group: list[Figure], ctx: ArticleContext, dating: Dating) -> None:
    """A 分别 list of one metric after a list of as many periods (``7、8、9三个月，失业率分别为
    5.1%、5.1%和4.9%``, ``2016~2019年…分别为17.47%、…和16.02%``): each value takes its period,
    in order. The list is the last time words before the lead in its paragraph, with no other
    time word between; a list over several subjects (``甲、乙、丙分别增长…``) is left as it is."""
    n, lead = len(group), group[0]
    # subjects split at the list's own marks (114年第1、2季經濟成長率 → 第1 | 2季經濟成長率) name
    # periods, not subjects
    split = len({(g.metric, g.entity) for g in group}) > 1
    if n < 2 or split and not all(_PERIOD_CHARS.search(g.metric) for g in group):
        return
    start = max(ctx.paragraph_start(lead.vstart), lead.vstart - REACH)
    periods = _listed(ctx, start, lead.vstart, n, dating)
    if periods is not None:
        for g, period in zip(group, periods, strict=True):
            g.period = period


_FROM_VALUE = re.compile(r"[从由從自][-–−]?$")
_TO_VALUE = re.compile(r"[从由從自][^，,。；;]*?[至到][-–−]?$")


def _from_or_to(before: str) -> str | None:
    """``from`` for a figure right after 从/由/自 (a sign aside), ``to`` for one after the 至/到
    that follows such a figure in its clause, None otherwise."""
    if _FROM_VALUE.search(before):
        return "from"
    return "to" if _TO_VALUE.search(before) else None


def _run_ends(t: TimeWord | None, point: str, ctx: ArticleContext) -> tuple[str, str] | None:
    """The first and last months of a run of months written as a range (2至11月 of 2020 →
    2020-02 and 2020-11); None for anything else (a list, 前三季度, a year)."""
    if t is None or t.kind not in ("months", "relmonths") or not point[:4].isdigit():
        return None
    word = ctx.folded[t.start : t.end]
    run = _RUN.search(word)
    if run is None or re.search(LIST_JOIN, word):
        return None
    return f"{point[:4]}-{int(run[1]):02d}", f"{point[:4]}-{int(run[2]):02d}"


_ORDER_WORDS = ("分别", "分別", "依次", "順序", "顺序", "依序", "次序")
_STRONG_END = re.compile(r"[，。；！？,;!?\n]")
_VALUE_JOINTS = ("、", "和", "及", "与", "與", "以及")


def _one_of_list(f: Figure, t: TimeWord, ctx: ArticleContext, dating: Dating) -> str | None:
    """The member of a list of periods that a figure stands for: the i-th of a bare list of as
    many values after the list (第二、三季的消費增長7.2%和7.0%; 2至5月數字順序為31.6%、19.9%、
    11.0%和7.8%, a run of months read one by one only after a word of order); None otherwise.
    The values' list ends at the first clause mark after the figure other than 、, and its
    values are joined by 、/和/及 alone (not 120亿元、增长5%: a level and its growth)."""
    word = ctx.folded[t.start : t.end]
    listed = re.search(LIST_JOIN, word) is not None
    if t.kind != "months" or not (listed or _RUN.search(word)):
        return None
    s_start, _ = ctx.sentence(f.mention.start)
    end = _STRONG_END.search(ctx.text, f.mention.end)
    stop = end.start() if end else len(ctx.text)
    i = bisect_left(ctx.mention_starts, t.end)
    j = bisect_left(ctx.mention_starts, stop)
    starts, ends = ctx.mention_starts[i:j], ctx.mention_ends[i:j]
    if t.start < s_start or f.mention.start not in starts:
        return None
    if not listed and not any(w in ctx.text[t.end : starts[0]] for w in _ORDER_WORDS):
        return None
    joints = [ctx.text[e:s] for e, s in zip(ends, starts[1:], strict=False)]
    if not all(j in _VALUE_JOINTS for j in joints):
        return None
    periods = _listed(ctx, t.start, t.end, len(starts), dating)
    return periods[starts.index(f.mention.start)] if periods else None


def _listed(ctx: ArticleContext, start: int, end: int, n: int, dating: Dating) -> list[str] | None:
    """The ``n`` periods of the list of periods that is the last time word in [start, end)
    (a list of months or quarters, a run of months, a span of years), or None."""
    times = ctx.times_between(start, end)
    if not times:
        return None
    t = times[-1]
    if t.kind == "span" and t.first is not None and t.year is not None:
        periods = [str(y) for y in range(t.first, t.year + 1)]  # 2016~2019年: four years
    elif t.kind == "months":
        word = ctx.folded[t.start : t.end]
        members = listed_months(word)
        year = t.year or _year_of(t, ctx, dating)
        if "季" in word:
            periods = [f"{year}Q{q}" for q in members]
        elif re.search(LIST_JOIN, word):  # 7、8、9三个月
            periods = [f"{year}-{mo:02d}" for mo in members]
        elif run := _RUN.search(word):  # 2至5月: a run read one month at a time
            periods = [f"{year}-{mo:02d}" for mo in range(int(run[1]), int(run[2]) + 1)]
        else:
            return None
    else:
        return None
    return periods if len(periods) == n else None


_PERIOD_CHARS = re.compile(r"[0-9０-９]|季|月|年")
_RUN = re.compile(rf"({LIST_MONTH})月?[{RANGE_MARKS}]({LIST_MONTH})月")
