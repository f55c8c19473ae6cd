"""The second pass of drafting: the kind, period and metric of each figure, and the subjects
of 'respectively' (分别) lists. Functions of the drafter's state, in text order: a figure may use
the figures before it in its sentence (同比增长32.7% takes the metric of 到位资金468.9亿元)."""

from __future__ import annotations

import re
from bisect import bisect_left

import factcheck.extract.metric as em
from factcheck.extract.assemble import DURATIONS
from factcheck.extract.drafter import Drafter
from factcheck.extract.rules import AMONG, Figure, kind_by_metric, propose_kind
from factcheck.extract.text import REACH
from factcheck.extract.timing import resolve_period, respective_periods
from factcheck.zh import DOWN_VERBS, RANK_DOWN_VERBS, RANK_UP_VERBS, RANK_VERBS, RESPECTIVELY

_SCOPE_LEAD = re.compile(r"^(?:跃升至|跃升到|上升至|上升到|升至|升到|至|到|于|在)")
_RANK_VERB = re.compile("|".join(RANK_VERBS))
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n")
BORROWED = "metric borrowed from an earlier figure"
# A part of a sentence that opens with a comparison, without a subject: 比2019年一季度增长10.3%.
_COMPARISON_OPENS = re.compile(r"[ \u3000]*(?:同比|环比|比|较|与)")
_FULL_STOP = re.compile(r"[。！？!?]|\n")
_UNNAMED = "未命名指标"
_NO_SUBJECTS = "the subjects of the 分别 list were not found"
_CHANGES = ("growth", "cagr")
_NOT_COUNTED = ("currency", "mass", "length", "power", "percentage", "*", "^")


def _counted(f: Figure) -> bool:
    """Whether a figure counts things or periods (48个月, 30家), the dimensions that 'count'
    claims nest (money and physical quantities are parts of a sum instead)."""
    dim = f.dimension or ""
    return dim.startswith("[") and not any(w in dim for w in _NOT_COUNTED)


def _before_list_word(prefix: str) -> str:
    """The words before 分别 (依次) of a list: its subjects (三次产业增加值依次为…)."""
    cut = max(prefix.rfind(w) for w in RESPECTIVELY)
    return prefix[:cut] if cut >= 0 else prefix


def describe(d: Drafter, group: list[Figure], prev: list[Figure]) -> None:
    """Fill in kind, period, metric (and ranking, within, metrics) of a group's figures."""
    f, ctx = group[0], d.ctx
    c_start, c_end = d.clause(f.mention.start)
    in_clause = [g for g in prev if g.vend > c_start]
    p_start = max(in_clause[-1].vend if in_clause else c_start, f.vstart - REACH)
    prefix = em.prefix_text(ctx, p_start, f.vstart)
    if len(group) > 1:
        prefix = _before_list_word(prefix)
    label, wants_object = em.label_before(prefix, d.names)
    after = em.noun_after(ctx, f.vend, min(c_end, d.next_start(f.vend)))
    f.kind = {"multiple": "multiple", "ratio": "ratio", "rank": "rank"}.get(
        f.form, propose_kind(f, ctx, label, after)
    )
    bigger = [
        g
        for g in prev
        if g.dimension == f.dimension and (g.mention.value or 0) > (f.mention.value or 0)
    ]
    # 其中48个月 after 连续94个月; 19个行业中，8个行业: a count within a larger one
    within = ctx.text[c_start : f.vstart].lstrip().startswith("其中") or ctx.text[
        max(0, c_start - 2) : c_start
    ] in ("中,", "中，")
    total = _total_before(d, f, prev, c_start) if within and _counted(f) else None
    if total is not None or (within and bigger and _counted(f)):
        f.kind, f.within = "count", (total or bigger[-1]).value
    f.metric = _metric(d, f, label, wants_object, prev, after, em.opens_with_light_verb(prefix))
    if f.metric and "该" + f.metric[:2] in prefix:
        f.metric = _antecedent(d, f) or f.metric
    f.metric = em.contribution(f.metric, prefix, [g.metric for g in prev])
    if f.kind == "level" and _counted(f) and after:
        _part_of_a_breakdown(d, f, after)
    kind_by_metric(f)
    _compared_rate(d, f, prev, c_end)
    _joined_rate(d, f, prev)
    if f.kind == "level" and f.form == "number" and not f.unit and f.metric.endswith("比"):
        f.kind = "ratio"  # 城乡收入比由2.31缩小到2.08: a ratio written without ':1'
        _ratio_metrics(d, f, prev)
    if f.kind == "rank":
        _ranking(d, f, prev, c_start, after)
        _ranking_of_change(f, prev)
    if f.kind == "increment":
        _flow(f, prev)
    if f.kind == "ratio" and not f.metrics:
        _ratio_metrics(d, f, prev)
    resolve_period(f, ctx, d.dating, d.default_plan)
    if len(group) > 1:
        _respectively(d, group, prefix, prev)
        respective_periods(group, ctx, d.dating)  # 7、8、9三个月…分别为: one month each
        if len({g.period for g in group}) == len(group):  # the list is over its periods
            f.doubts[:] = [x for x in f.doubts if x != _NO_SUBJECTS]
    if f.metric in _GENERIC:
        _of_the_topic(d, group)


def _among(f: Figure, before: str) -> str:
    """在全省14个市中居末位: the number ranked is the rank's 'among', and the words before the
    rank read as 居全省 (the verb, then the scope)."""
    found = AMONG.search(before)
    if found is None or before[found.end() :].strip() not in RANK_VERBS:
        return before
    f.among = found[2]
    return before[: found.start()] + before[found.end() :] + found[1]


def _ranking_of_change(f: Figure, prev: list[Figure]) -> None:
    """上升3位 after 居全省第六位: the change is in the ranking of the rank before it."""
    if not f.value.startswith(RANK_UP_VERBS + RANK_DOWN_VERBS):
        return
    same = [g for g in prev if g.kind == "rank" and g.metric == f.metric and g.ranking]
    if same:
        f.ranking = same[-1].ranking


def _flow(f: Figure, prev: list[Figure]) -> None:
    """少增 after a level of the same metric (城镇新增就业1244万人，比上年少增41万人): that
    figure is itself the increment, so the increment claim compares the metric's levels."""
    same = [g for g in prev if g.metric == f.metric]
    f.flow = bool(same) and same[-1].kind == "level"


def _goods(f: Figure) -> bool:
    """Whether a figure is an amount of goods (6.90亿套, 2.56万辆, 4.60万吨): not money, people,
    time or a rate."""
    dim = f.dimension or ""
    return dim.startswith("[") and not any(w in dim for w in ("currency", "person", "*", "^"))


_FULL_STOP = re.compile(r"[。！？!?]|\n[ \t\u3000]*\n")


def _comparable(d: Drafter, f: Figure) -> list[str]:
    """The metrics of the figures before ``f`` up to the full stop before it (a list goes on
    after ；) that a part of a list may leave a word out after: of the same kind, and of the same
    unit or both amounts of goods."""
    i = bisect_left(d.starts, f.mention.start)
    before: list[Figure] = []
    for g in reversed(d.figures[max(0, i - 12) : i]):
        if _FULL_STOP.search(d.ctx.text, g.vend, f.vstart):
            break
        before.insert(0, g)
    return [
        g.metric
        for g in before
        if g.metric
        and g.kind == f.kind
        and (g.unit == f.unit or _goods(g) and _goods(f))
        and g.dimension not in DURATIONS
    ]


def _metric(
    d: Drafter,
    f: Figure,
    label: str,
    wants_object: bool,
    prev: list[Figure],
    after: str,
    opens_with_verb: bool = False,
) -> str:
    if label.endswith("等") or ("、" in label and after):
        # 龙佰、华电等30余家头部企业, 高铁、2×100万千瓦调峰煤电: a list before, the noun after
        label, wants_object = "", True
    if "占" in label:  # 占全省总额的41%: what is a share of the whole is the figure before
        label = label[: label.find("占")]
    if (rate := em.rate_metric(label, f, prev)) is not None:
        return rate
    if label and not wants_object:
        if f.kind in _CHANGES and f.unit == "%":
            label = em.rate_of(label, d.names)
        return em.carried_head(em.without_light_verb(label), opens_with_verb, _comparable(d, f))
    if after and f.kind != "rank":
        return after
    if label:
        return label
    if not prev and (subject := _subject_clause(d, f)):
        return subject
    # A figure without a name of its own (十年, a length of time) lends none.
    prev = [g for g in prev if g.metric != _UNNAMED and g.dimension not in DURATIONS]
    if f.kind in ("growth", "cagr", "multiple"):
        # 实现旅游综合收入182.6亿元，增长18.9%: a change is of the level before it, or of the
        # rate before it (从去年预测3.54%，一举上修为7.71%).
        same = [
            g
            for g in prev
            if g.metric
            and (
                g.kind == "level"
                or (g.kind in ("growth", "cagr") and g.dimension == f.dimension)
                # 比重由17.92%增加到59.58%，平均每年提高1.04个百分点: points change the share
                or (g.kind == "share" and f.unit in ("个百分点", "百分点"))
            )
        ]
    else:
        same = [g for g in prev if g.dimension == f.dimension and g.metric]
    # Borrowed within the clause (从2021年的669亿元增长到2025年的2586亿元), or by a change from
    # a level of its sentence (增加值83086亿元，比上年增长7.1%), a metric is as sure as its source.
    clause_start = d.clause(f.mention.start)[0]
    if same:
        if f.kind not in ("growth", "cagr", "multiple") and same[-1].vend <= clause_start:
            f.doubts.append(BORROWED)
        return same[-1].metric
    if prev:
        if prev[-1].vend <= clause_start:
            f.doubts.append(BORROWED)
        return prev[-1].metric
    # 1-3月累计完成3280亿元 after a sentence on 社会消费品零售总额: the paragraph's last
    # figure of the same dimension.
    i = bisect_left(d.starts, f.mention.start)
    for g in reversed(d.figures[max(0, i - 20) : i]):
        gaps = _PARAGRAPH.finditer(d.ctx.text, g.vend, f.vstart)
        if not all(em.continues(d.ctx.text, gap.start(), gap.end()) for gap in gaps):
            break
        if g.dimension == f.dimension and g.metric:
            if not _subject_carried(d, f, g):
                f.doubts.append("metric borrowed from an earlier sentence")
            return g.metric
    f.doubts.append("metric borrowed from an earlier sentence")
    return after or _UNNAMED


# Clauses that frame what follows rather than name it: 換言之, 总的来看, 消费方面, 与此同时.
_FRAMES = ("看", "而言", "来说", "言之", "方面", "同时", "表示", "指出", "显示", "认为")


def _subject_clause(d: Drafter, f: Figure) -> str:
    """The subject of a figure written as a clause of its own before it, with no figure, as
    releases write it (進出口貿易、批發及零售業的淨產值，繼…與上年同期比較實質下跌0.7%後;
    私人、政府消費合計，第三季還要比第二季少35億元): the clause right before the figure's, in
    its sentence, when the figure names nothing of its own; else empty."""
    c_start = d.clause(f.mention.start)[0]
    s_start = d.ctx.sentence(f.mention.start)[0]
    if c_start - 1 <= s_start:
        return ""
    p_start, p_end = d.clause(c_start - 2)
    if p_start < s_start or p_end > c_start:
        return ""
    label = em.before_predicate(em.label_before(em.prefix_text(d.ctx, p_start, p_end), d.names)[0])
    if len(label) < 2 or label.endswith(_FRAMES) or re.search("[0-9]", label):
        return ""
    return label


def _subject_carried(d: Drafter, f: Figure, g: Figure) -> bool:
    """Whether a change opening a part of its sentence after a semicolon with a comparison and
    no subject (``GDP…同比增长18.3%；比2019年一季度增长10.3%``) is of the subject of the part
    before, where ``g`` is: a part without a subject shares the one before it."""
    start = d.ctx.sentence(f.mention.start)[0]
    text = d.ctx.text
    return (
        f.kind in ("growth", "cagr", "multiple")
        and start > 0
        and text[start - 1] in "；;"
        and _COMPARISON_OPENS.match(text, start) is not None
        and g.vend < start
        and _FULL_STOP.search(text, g.vend, start) is None
    )


def _total_before(d: Drafter, f: Figure, prev: list[Figure], c_start: int) -> Figure | None:
    """The count a ``19个行业中，8个行业`` or ``…94个月，其中48个月`` part is counted within: the
    last figure of the clause right before, in the same unit, whatever its size (a part larger
    than its total is what the check is for)."""
    before = [g for g in prev if g.vend <= c_start and g.unit == f.unit]
    if before and d.clause(before[-1].mention.start)[1] == c_start - 1:
        return before[-1]
    return None


def _part_of_a_breakdown(d: Drafter, f: Figure, after: str) -> None:
    """A count of one aspect (方面) of a total counted before it in the paragraph is a count
    within it: ``提出20项主要指标。经济发展方面，…提出3项指标``; the total has the same unit and a
    noun that ends with the count's (主要指标, 指标)."""
    sentence = d.ctx.sentence(f.mention.start)[0]
    if "方面" not in d.ctx.text[max(sentence, f.vstart - REACH) : f.vstart]:
        return
    i = bisect_left(d.starts, f.mention.start)
    totals = []
    for g in reversed(d.figures[max(0, i - 20) : i]):
        if _PARAGRAPH.search(d.ctx.text, g.vend, f.vstart):
            break
        if g.unit != f.unit or (g.mention.value or 0) <= (f.mention.value or 0):
            continue
        end = min(d.ctx.clause(g.mention.start)[1], d.next_start(g.vend))
        if em.noun_after(d.ctx, g.vend, end).endswith(after):
            totals.append(g)
    if totals:  # the largest: the other parts are smaller than it as well
        total = max(totals, key=lambda g: g.mention.value or 0)
        f.kind, f.within = "count", total.value


def _compared_rate(d: Drafter, f: Figure, prev: list[Figure], c_end: int) -> None:
    """A rate compared in points takes the kind of the rate before it in its sentence:
    ``经济成长率8.68%，较1月概估数8.63%上修0.05个百分点`` (8.63% is the same growth rate, as
    first estimated), ``较预测数百分之三点一四增加〇点二九个百分点``."""
    if f.kind != "level" or f.unit != "%" or not prev or prev[-1].unit != "%":
        return
    if prev[-1].kind not in ("growth", "share"):
        return
    c_start = d.ctx.clause(f.mention.start)[0]
    if not re.search("[较比]", d.ctx.text[c_start : f.vstart]):
        return
    i = bisect_left(d.starts, f.mention.start) + 1
    nxt = d.figures[i] if i < len(d.figures) else None
    if nxt is not None and nxt.mention.start < c_end and nxt.unit in ("个百分点", "百分点"):
        f.kind = prev[-1].kind


# The marks that join two figures of one predicate: 增长7.2%和7.0%, 升21%、14%.
_JOINERS = ("和", "、", "及", "与", "或")


# Labels that name figures, not a quantity: 2至5月數字順序為…, 有关数据
_GENERIC = ("数字", "数据", "数值")


def _of_the_topic(d: Drafter, group: list[Figure]) -> None:
    """Figures labelled only 数字 (figures) are of the topic their sentence opens with, a clause
    ending in 方面 (零售銷量增長方面，2至5月數字順序為31.6%、…: of 零售銷量, and each a growth
    rate, as the topic is its growth)."""
    f = group[0]
    s_start = d.ctx.sentence(f.mention.start)[0]
    while s_start < f.vstart and d.ctx.text[s_start].isspace():
        s_start += 1
    t_start, t_end = d.clause(s_start)
    head = d.ctx.text[t_start:t_end].strip()
    if not head.endswith("方面") or t_end > f.vstart:
        return
    growth = head.removesuffix("方面").endswith(("增长", "成长"))
    topic = em.strip_words(head.removesuffix("方面"), d.names)
    if len(topic) < 2:
        return
    for g in group:
        g.metric = topic
        g.metrics = [topic] * len(g.metrics) if g.metrics else g.metrics
        if growth and g.kind == "level" and g.unit == "%":
            g.kind = "growth"


def _antecedent(d: Drafter, f: Figure) -> str:
    """The quantity that 该 + a class noun points back to (該行業的淨產值 after 進出口貿易、批發及
    零售業的淨產值): the last figure before it in its paragraph whose metric is a longer name of
    the same kind (…业的净产值 for 行业的净产值), or empty."""
    cls, rest = f.metric[:2], f.metric[2:]
    i = bisect_left(d.starts, f.mention.start)
    for g in reversed(d.figures[max(0, i - 20) : i]):
        if _PARAGRAPH.search(d.ctx.text, g.vend, f.vstart):
            break
        if len(g.metric) > len(f.metric) and g.metric.endswith(cls[-1] + rest):
            return g.metric
    return ""


def _joined_rate(d: Drafter, f: Figure, prev: list[Figure]) -> None:
    """A rate joined to the growth rate right before it in its sentence takes its kind,
    whatever noun follows (第二、三季的消費增長7.2%和7.0%「加到」去年同期消費額: two growth
    rates, not a share of the 消費額; after a fall, 下降7.2%和7.0%, the second is −7.0%). (A
    rate alone in its clause after a growth rate, 上季分別14%和17%, was tried too: it took a
    level of a held-out text for a growth.)"""
    if f.kind not in ("level", "share") or f.unit != "%" or f.form != "number" or not prev:
        return
    lead = prev[-1]
    if lead.kind not in ("growth", "cagr") or lead.unit != "%" or lead.form != "number":
        return
    if d.ctx.text[lead.vend : f.vstart].strip() not in _JOINERS:
        return
    f.kind = lead.kind
    falls = lead.verb in DOWN_VERBS and lead.value.startswith(lead.verb)
    if falls and f.value[:1].isdigit():
        f.value = "-" + f.value  # 下降7.2%和7.0%: both falls


def _ranking(d: Drafter, f: Figure, prev: list[Figure], c_start: int, after: str) -> None:
    """What is ranked: the scope after the ranking verb (全省) and the ranked metric, or
    the thing named after the rank (排名全国第66位的金昌经开区)."""
    before = _among(f, d.ctx.text[max(c_start, f.vstart - REACH) : f.vstart])
    verbs = list(_RANK_VERB.finditer(before))
    scope = _SCOPE_LEAD.sub("", before[verbs[-1].end() :]) if verbs else ""
    scope = scope.removesuffix("第").removesuffix("前")
    label = em.strip_words(before[: verbs[-1].start()] if verbs else before, d.names)
    label = label.removesuffix("第").removesuffix("前")
    if after and d.ctx.text.startswith("的", f.vend):
        f.entity, f.metric = after, (scope or label) + "排名"
        f.ranking = f.metric
        return
    f.metric = (prev[-1].metric if prev else "") or label or scope or "排名"
    # 增速居全省第二位 after 地区生产总值: what is ranked is the metric's 增速, in 全省.
    aspect = label if label and len(label) <= 2 and label not in f.metric else ""
    if scope:
        base = f.metric if f.metric.startswith(scope) else scope + f.metric
        f.ranking = base + aspect
    elif label and label not in f.metric:
        f.ranking = label if len(label) > 2 else f.metric + label
    else:
        f.ranking = f.metric


def _ratio_metrics(d: Drafter, f: Figure, prev: list[Figure]) -> None:
    """The two metrics of a ratio: the pair of a 分别 list before it in the sentence
    (城乡居民收入分别达…, 收入比…), the halves of a compound (城乡), or placeholders."""
    pairs = [g.metrics for g in prev if len(g.metrics) == 2]
    _, split, _ = em.split_subjects(f.metric, 2, d.names)
    f.metrics = pairs[-1] if pairs else split or [f.metric + "（分子）", f.metric + "（分母）"]


def _respectively(d: Drafter, group: list[Figure], prefix: str, prev: list[Figure]) -> None:
    """Copy the lead's reading to the list and find the subjects it distributes over."""
    lead, n = group[0], len(group)
    for g in group[1:]:
        g.kind, g.period, g.base, g.within = lead.kind, lead.period, lead.base, lead.within
        g.ranking, g.notes = lead.ranking, lead.notes
        # 分别下降3%、5%: each falls; 分别上升0.50米、0.06米: each is a rise (an amount of
        # change is written with its verb)
        written = lead.verb is not None and (
            lead.verb in DOWN_VERBS or lead.value.startswith(lead.verb)
        )
        if written and not g.verb and lead.kind in ("growth", "cagr"):
            g.value = f"{lead.verb}{g.value}"
    entities, metrics, label = em.split_subjects(prefix, n, d.names)
    before = prev[-n:] if len(prev) >= n else []
    if not entities and not metrics and not label and before:
        if all(g.entity for g in before):
            entities = [g.entity or "" for g in before]
        elif len({g.metric for g in before}) == n:
            metrics = [g.metric for g in before]
    if metrics:  # the list names its own metrics: none is borrowed
        lead.doubts[:] = [x for x in lead.doubts if x != BORROWED]
    elif not entities:
        lead.doubts.append(_NO_SUBJECTS)
    for i, g in enumerate(group):
        g.doubts = lead.doubts
        g.entity = entities[i] if entities else None
        g.metric = metrics[i] if metrics else (label or lead.metric)
        if lead.kind != "ratio" and len(metrics) == 2:
            g.metrics = metrics  # a later ratio in the sentence divides these two
