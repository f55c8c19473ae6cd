"""Metric labels for drafted claims, and the subjects of 'respectively' (分别) lists.

A label is the noun phrase next to the figure. Before it: the words from the start of the clause
(or the end of the previous figure in it) with time words, scope words (全市, 金昌), adverbs and
the predicate (年均增长, 连续, 突破) stripped: ``2025年地区生产总值突破670亿元`` → 地区生产总值.
When
a verb takes an object (创建, 拥有, 荣获) the label is that object (每万人拥有5G基站37个 → 5G基站),
or the noun after the figure (创建13个绿色工厂 → 绿色工厂). A figure without either borrows the
label of the figure before it in the sentence (同比增长32.7% after 到位资金468.9亿元).
"""

from __future__ import annotations

import re

from factcheck.extract.rules import Figure
from factcheck.extract.text import COMPARED_WORDS, ArticleContext, is_place
from factcheck.zh import ADVERBS_OF_A_CHANGE, BRACKET_PAIRS, PROVINCES, QUOTE_MARKS, RANGE_MARKS
from factcheck.zh import DIRECTION_VERBS as VERBS

_QUOTES = QUOTE_MARKS + "".join(k + v for k, v in BRACKET_PAIRS.items())
_LEADING = (
    *("截至目前", "截至", "目前", "如今", "其中", "同时", "此外", "另外", "随着", "这个", "这些"),
    *("此后", "此前", "其后"),
    *("全年", "全市", "全省", "全县", "全区", "全国", "我市", "本市"),
    *("本港", "全港", "本澳", "全澳"),  # Hong Kong's and Macao's own: 本港零售銷量, 本澳经济
    *("当年", "今年", "去年", "上年"),
    *("已经", "已", "累计", "共", "在", "对", "以", "将", "让", "使", "把", "由", "被", "而"),
    *("并", "从", "自", "的", "这", "该", "与", "和", "及", "是", "随着", "实现"),
    *("我国", "整体", "加上", "最初", "当时", "约", "进一步", "又"),
    *("据初步核算", "经初步核算", "初步核算", "初步统计", "据统计"),
    # conjunctions and causes before a subject: 致實質GDP…, 但因去年…收縮, 推升經濟成長率…
    *("但因", "因为", "由于", "致使", "导致", "致", "推升", "推高", "而且", "并且", "且"),
)
_TRAILING = (
    *("年均", "年平均", "平均每年", "平均", "分别", "依次", "同比", "比上年", "较上年", "累计"),
    *("已经", "已", "均", "仅", "共", "大幅", "持续", "稳步", "每年", "当年", "预计", "连续"),
    *("保持", "实现", "净增", "新增", "迈过", "跨过", "越过", "跃升", "攀升", "升", "降"),
    "达",  # 贡献率达到为33.5% (达到 itself is a qualifier word of the rule pack)
    *("的", "了", "也", "亦", "都", "还", "将", "再", "从", "是", "为"),
    *("至", "到", "于", "在", "共", "由", "控制在", "控制", "稳定在", "保持在", "多增", "少增"),
    *("同期", "上年同期"),
    *("比年初", "较年初", "比上年末", "较上年末", "比去年", "较去年", "比同期"),
    # 我国GDP也只有, 實質GDP成長率則上修為, 淨產值全年實質, 中国GDP已破: how, not what
    *("只有", "仅有", "也只有", "仅为", "才", "约", "约为", "录得", "同样", "则"),
    *("继续", "进一步", "有望", "已破", "破", "首破", "首度", "首次", "一举", "上修", "下修"),
    *("略快", "略", "最初", "实质", "名义", "全年", "全部", "相继", "又", "再度", "大关"),
    # 第三季還要比第二季少35億元: an amount more or less than at another time (zh.MORE_LESS)
    *("还要", "刚好", "多了", "少了", "多出", "多", "少"),
    *VERBS,
)
# Where a label stops being the noun phrase: a comparison (较上年同期, 比预算数, 从去年预测,
# 高于全国平均水平), a way of measuring (按年, 按不变价格计算) or a gloss (宏观税负即…).
_CUT = re.compile(
    r"(?:较|比|与|从|由|相比)(?:上年|去年|上月|上季|同期|预算|年初|原本|原先|预测|概估"
    r"|全国|全省|全市|全区|全县|全球|世界)"
    r"|(?:高于|低于|快于|慢于|超过|超出|领先)(?:全国|全省|全市|全区|全县|全球|世界)"
    r"|按年|按季|按月|按不变价格|按可比价格|扣除价格因素|剔除价格因素|环比|即(?=.)"
)
# Who reports a figure and the verb of reporting, before what is reported (主計總處概估經濟成長率,
# 本港上週公佈GDP, 統計處公佈的零售銷售): the label starts after them (a noun of two characters
# or more must follow: 概估數, 預測數 are nouns).
_REPORTED = re.compile(
    r"(?:公布|发布|宣布|概估|初估|估计|指出|表示|显示)的?(?=[\u4e00-\u9fffA-Za-zＡ-Ｚ]{2})"
)
# Phrases of a headline before the label: 跃升世界第二大经济体 中国GDP, …成绩单——全年为市场主体减负.
_PHRASE_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+|——|—")
# A label that names only the aspect of a rate: 增速比全国高1.8个百分点 is a gap in the growth
# rate of the figure before it.
ASPECTS = ("增长速度", "增长率", "增速", "增幅", "升幅", "涨幅", "降幅", "跌幅")
# Longest first, so that 提升 comes off whole rather than leaving 提.
_TRAILING_FIRST = tuple(sorted(set(_TRAILING), key=len, reverse=True))
_LEADING_FIRST = tuple(sorted(set(_LEADING), key=len, reverse=True))
# Verbs that take the counted thing as their object: 创建13个绿色工厂, 拥有5G基站37个.
_OBJECT_VERBS = re.compile(
    r"(?:创建|建成|建设|拥有|荣获|获得|获评|吸引|落地实施|落地|实施|完成|争取|覆盖|解决"
    r"|引进|新建|培育|出台|让|使|令|带动|开发上线|上线|推出|发布|组建|设立|开通)"
    r"(?![率量数面度])"  # 覆盖率, 拥有量: nouns, not verbs
)
_AFTER_STOP = re.compile(
    r"的|正在|与|和|及|等|让|使|被|均|已|都|也|还|在|为|是|如|实现|完成|迎来|覆盖|扎根|位居|位列|"
    r"排名|多出|" + "|".join(VERBS)
)
# A plan a figure is the fulfilled share of (完成全年目标的95.0%): the figure is of the subject.
_TARGETS = ("目标任务", "目标", "计划", "任务", "预算")
_CONNECTOR = re.compile(r"(?:比|较|相比|从|自|由|到|至|在|于)[“\"‘]?$")
_MONTH = "(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])"  # 11, 十一 (the press writes both)
_MONTHS = re.compile(f"{_MONTH}(?:[{RANGE_MARKS}]{_MONTH})?月(?:份|末|底|初)?")
_COMPOUNDS = {"城乡": ("城镇", "农村"), "进出口": ("进口", "出口"), "中外": ("中方", "外方")}
_LIST_SEP = re.compile(r"[、和与及]")
_PLACE_ENDS = "省市县区镇乡村州"
MAX_LABEL = 24
# A length of time before the label says over what time, not of what: 十年增加近70万亿元,
# 40多年增长了约275倍.
_SPAN_LEAD = re.compile(
    r"^(?:近|过去|最近)?[0-9一二两三四五六七八九十]{1,3}(?:多|余)?(?:年|个月|个季度)"
    r"(?:来|以来|间|内|中)?"
)
# A name's abbreviation in brackets, after it: 国内生产总值（GDP）, 研究与试验发展（R&D）支出 name
# 国内生产总值 and 研究与试验发展支出 (the label without it is the name the rule pack and the
# article's other figures use).
_ABBREVIATION = re.compile(r"(?<=[\u4e00-\u9fff])[（(][A-Za-z&]{2,8}[）)]")
# Words of a figure's vintage (概估数 8.63%: the first estimate of the rate before it): a label
# of only these names the rate before, like an aspect word.
VINTAGES = (
    *("初步核算数", "概估数", "预测数", "预估数", "初估数", "修正数", "修订数", "初值", "预测"),
)
# An aside in brackets that is no part of a name: a note of the figure's vintage
# (经济成长率（去年11月预测）, 民间消费（预测数）) or the long form after an abbreviation
# (实质GDP（国内生产毛额）).
_ASIDE = re.compile(
    r"[（(][^（）()0-9０-９]{0,12}(?:" + "|".join(VINTAGES) + r")[）)]"
    r"|(?<=[A-Za-zＡ-Ｚａ-ｚ])[（(][\u4e00-\u9fff]{2,10}[）)]"
)
_DIGIT = re.compile(r"[0-9０-９]+(?![0-9０-９A-Za-z.．])")  # a number (7批), not a code (5G)


def strip_words(label: str, names: tuple[str, ...]) -> str:
    """Strip scope words, entity names and quotes from the front, adverbs and predicates from
    the back, until nothing more comes off."""
    label = label.strip(_QUOTES + " ，,")
    while True:
        before = label
        for w in (*names, *_LEADING_FIRST):
            if w and label.startswith(w):
                label = label[len(w) :].lstrip(_QUOTES)
                break
        for w in _TRAILING_FIRST:
            if label.endswith(w):
                label = label[: -len(w)].rstrip(_QUOTES)
                break
        if label == before:
            return label if len(label) > 1 else ""


def prefix_text(ctx: ArticleContext, start: int, end: int) -> str:
    """The text of [start, end) without its time words (十四五期间, 2025年) and quote marks."""
    parts, at = [], start
    for t in ctx.times_between(start, end):
        # 比2020年, 较“十三五”末, 从2021年的: the connector goes with the time word.
        before = _CONNECTOR.sub("", ctx.text[at : t.start])
        at = t.end
        if ctx.text.startswith("的", at) and at < end:
            at += 1
        # 与上年同期比较, 同2014年相比 (Hong Kong's releases): a comparison, its base a time
        compared = next((w for w in COMPARED_WORDS if ctx.text.startswith(w, at, end)), None)
        if compared:
            before, at = (
                before.removesuffix("与").removesuffix("同").removesuffix("和"),
                at + len(compared),
            )
        parts.append(before)
    parts.append(ctx.text[at:end])
    text = _ASIDE.sub("", _ABBREVIATION.sub("", "".join(parts)))
    return _MONTHS.sub("", text).translate(str.maketrans("", "", _QUOTES))


def _cut(label: str, names: tuple[str, ...]) -> str:
    """The label up to a comparison, a way of measuring or a gloss, after the headline
    phrases before it (see _CUT and _PHRASE_BREAK); empty when only a word or so is left."""
    label = _PHRASE_BREAK.split(label)[-1]
    reported = list(_REPORTED.finditer(label))
    if reported:  # 主計總處概估經濟成長率: who reports it is no part of what
        label = label[reported[-1].end() :]
    found = _CUT.search(label)
    if found is None:
        return label
    head = strip_words(label[: found.start()], names)
    return head if len(head) > 1 else ""


def label_before(prefix: str, names: tuple[str, ...]) -> tuple[str, bool]:
    """The label before a figure, and whether an object verb left the label to come after it."""
    label = strip_words(_SPAN_LEAD.sub("", strip_words(_cut(prefix, names), names)), names)
    verbs = list(_OBJECT_VERBS.finditer(label))
    if verbs:
        last = verbs[-1]
        obj = strip_words(label[last.end() :], names)
        if obj.removeprefix("年度").removeprefix("全年") in _TARGETS:
            # 城镇新增就业完成全年目标的95.0%: a share of 城镇新增就业's target
            subject = strip_words(label[: last.start()], names)
            return subject[-MAX_LABEL:], not subject
        if obj and not _DIGIT.search(obj):  # 出台7批28项政策: the object is after the figure
            return obj[-MAX_LABEL:], False
        return strip_words(label[: last.start()], names)[-MAX_LABEL:], True
    return label[-MAX_LABEL:], False


def noun_after(ctx: ArticleContext, start: int, end: int) -> str:
    """The noun phrase right after a figure, up to a verb, a particle or the clause end."""
    text = (
        ctx.text[start : min(end, start + 40)]
        .translate(str.maketrans("", "", _QUOTES))
        .removeprefix("的")
    )
    stop = _AFTER_STOP.search(text)
    noun = text[: stop.start()] if stop else text
    if noun.startswith(ADVERBS_OF_A_CHANGE):
        return ""  # 3.54%大幅上修: an adverb of the verb after, no noun
    return noun[:10] if len(noun) > 1 else ""


def split_subjects(prefix: str, n: int, names: tuple[str, ...]) -> tuple[list[str], list[str], str]:
    """The subjects a 分别 list distributes over: (entities, metrics, shared label).

    ``永昌县、金川区地区生产总值年均`` → entities [永昌县, 金川区], label 地区生产总值;
    ``工业总产值、营业收入`` → metrics; ``城乡居民人均可支配收入`` → metrics [城镇居民…, 农村居民…].
    """
    prefix = _cut(prefix, names) or prefix  # 宏观税负（即…占GDP比重）分别为: 宏观税负
    parts = [p for p in _LIST_SEP.split(strip_words(prefix, ())) if p]
    if len(parts) == n and n > 1:
        last = parts[-1]
        head = _region_head(last)
        if all(is_place(p) or p in PROVINCES for p in parts[:-1]) and head:
            return [*parts[:-1], last[:head]], [], strip_words(last[head:], names)
        if all(_ORDINAL.fullmatch(p) for p in parts[:-1]) and _ORDINAL.match(last):
            # 一、二、三产业增加值 (第一、二、三产业): 第一产业增加值, 第二…, 第三…
            first = _ORDINAL.match(last)
            assert first is not None
            ordinals = [*parts[:-1], first.group()]
            return [], ["第" + p.removeprefix("第") + last[first.end() :] for p in ordinals], ""
        k = len(parts[0])
        whole, quantity = head_split(last)
        # 纺织业和化学纤维制造业增加值: whole nouns of one kind (…业) share only the quantity
        nouns = bool(quantity) and all(p[-1] == whole[-1] for p in parts[:-1])
        if not nouns and all(len(p) == k and k <= 4 for p in parts[:-1]) and len(last) > k + 1:
            # 城镇和农村居民人均可支配收入: parallel modifiers share the head noun after them.
            parts = [p + last[k:] for p in parts[:-1]] + [last]
        labels = [strip_words(p, names) for p in parts]
        if all(labels):
            # 装备制造业和高技术制造业增加值: the parts before the last share its quantity
            shared = head_split(labels[-1])[1]
            labels = [x if names_quantity(x) else x + shared for x in labels[:-1]] + labels[-1:]
            return [], labels, ""
    label = strip_words(prefix, names)
    for word, pair in _COMPOUNDS.items():
        at = label.find(word)
        if n == 2 and at >= 0:
            rest = label[at + len(word) :]
            return [], [label[:at] + half + rest for half in pair], ""
    return [], [], label


_ORDINAL = re.compile("第?[一二三四五六七八九](?=产业|类|$)")


def _region_head(text: str) -> int:
    """The length of the place name that opens ``text`` (金川区地区生产总值 → 3; 河南粮食产量 → 2),
    or 0."""
    cut = next((i for i in range(2, min(6, len(text))) if text[i] in _PLACE_ENDS), -1)
    if cut > 0 and is_place(text[: cut + 1]):
        return cut + 1
    return next((len(p) for p in PROVINCES if text.startswith(p) and len(text) > len(p)), 0)


# The nouns of the quantity a breakdown measures; its parts after the first leave them out
# (国有控股企业增加值增长21.5%；股份制企业增长16.9%: 股份制企业增加值), longest first.
HEADS = tuple(
    sorted(
        (
            *("增加值", "产量", "总产量", "产值", "总产值", "营业收入", "主营业务收入"),
            *("利润总额", "利润", "可支配收入", "人均可支配收入", "消费支出", "人均消费支出"),
            *("投资", "零售额", "销售额", "出口额", "进口额", "营业额"),
        ),
        key=len,
        reverse=True,
    )
)
# How a label that names a quantity ends (an amount, a rate, a count of people or jobs); a
# label ending otherwise names a thing or a part (股份制企业, 制造业, 汽车).
_QUANTITY_ENDS = (
    *HEADS,
    *("值", "额", "量", "率", "数", "比", "重", "收入", "支出", "出口", "进口", "资"),
    *("费", "价", "价格", "积", "口", "规模", "耗", "税", "负", "金", "款", "资产", "指数"),
    *("就业", "人次", "水平", "次", "年", "位", "存栏", "出栏", "报酬", "工资", "薪酬", "成本"),
    *("补贴", "利息", "余额", "库存", "储备"),
)
# A light verb between a subject and its quantity (第一产业实现增加值, 企业实现利润总额): the
# label is the two together.
_LIGHT = re.compile(r"(?:实现|完成)(?=.)")


def names_quantity(label: str) -> bool:
    """Whether a label ends with a word that names a quantity (or a code such as GDP)."""
    return label.endswith(_QUANTITY_ENDS) or label[-1:].isascii()


def without_light_verb(label: str) -> str:
    """第一产业实现增加值 → 第一产业增加值: the light verb off, when a quantity follows it;
    生产滚动轴承 (6.90亿套) → 滚动轴承产量: what is produced, counted, is its output."""
    made = label.removeprefix("生产")
    if made != label and len(made) > 1 and not names_quantity(made):
        return made + "产量"
    found = _LIGHT.search(label)
    if found and names_quantity(label) and found.start() > 0:
        return label[: found.start()] + label[found.end() :]
    return label


def head_split(metric: str) -> tuple[str, str]:
    """A metric as (the part, the head of HEADS it ends with): 国有控股企业增加值 → (国有控股企业,
    增加值); ("", "") when it ends with none or is only the head."""
    head = next((h for h in HEADS if metric.endswith(h) and len(metric) > len(h)), "")
    return (metric[: -len(head)], head) if head else ("", "")


def carried_head(label: str, opens_with_verb: bool, before: list[str]) -> str:
    """A label that leaves out a word of the figure before it in its sentence, given back.

    ``股份制企业增长16.9%`` after ``国有控股企业增加值增长21.5%``: a part of the breakdown named
    without the quantity takes the head (股份制企业增加值); ``；实现利润总额175.76亿元`` after
    ``规模以上工业企业实现营业收入…``: a quantity whose verb opens the clause takes the subject
    (规模以上工业企业利润总额). ``before`` are the metrics of the comparable figures before it, the
    nearest last; a label naming a place (an entity) is left as it is.
    """
    if not label or is_place(label) or label in PROVINCES:
        return label
    if not before:
        return label
    if (swapped := _other_scope(label, before[-1])) is not None:
        return swapped
    part, head = head_split(before[-1])
    if not head:
        return label
    if not names_quantity(label):
        return label + head
    if opens_with_verb and label in HEADS and label != head:
        return part + label
    return label


_GROWTH_WORDS = ("增长速度", "增速", "增幅")


def rate_of(label: str, names: tuple[str, ...]) -> str:
    """The quantity a growth rate in per cent is of: ``人均GDP平均增速达到8.3%`` is a growth of
    人均GDP (a rate's change in points keeps the word: 地区生产总值增速)."""
    for word in _GROWTH_WORDS:
        if label.endswith(word):
            rest = strip_words(label.removesuffix(word), names)
            return rest if len(rest) > 1 else label
    return label


def contribution(label: str, prefix: str, before: list[str]) -> str:
    """``高新技术产业增加值增长13.3%，对全部规模以上工业增长贡献率…58.1%``: a contribution
    opening with 对 is of the subject of the quantity before it in the sentence (高新技术产业对
    全部规模以上工业增长贡献率)."""
    if not prefix.lstrip(" ，,、；;").startswith("对") or not label.endswith(("贡献率", "贡献")):
        return label
    part = next((p for m in reversed(before) if (p := head_split(m)[0])), "")
    return f"{part}对{label}" if part and not label.startswith(part) else label


# The urban and rural halves a figure is broken down into (其中城市上涨2.0%，农村上涨2.4%).
_SCOPES = ("城镇", "农村", "城市", "乡村")


def _other_scope(label: str, metric: str) -> str | None:
    """The metric before, in the other half a label names: ``农村居民`` after
    城镇居民人均可支配收入 → 农村居民人均可支配收入; ``乡村`` after 城镇消费品零售额 →
    乡村消费品零售额; ``城市`` after 居民消费价格 → 城市居民消费价格. None when the label names no
    half or the metric is not of one."""
    scope = next((w for w in _SCOPES if label.startswith(w)), "")
    if not scope:
        return None
    rest = label[len(scope) :]
    other = next((w for w in _SCOPES if metric.startswith(w)), "")
    if other == scope:
        return None
    tail = metric[len(other) :]
    if other and tail.startswith(rest) and len(tail) > len(rest):
        return scope + tail
    if not other and not rest and not names_quantity(label):
        return scope + metric
    return None


# Adverbs that open a predicate (财政收入也实现连续跨越: the subject is 财政收入).
_PREDICATE_ADVERB = re.compile("也|亦|还|均|都|仍|已经|已")


def before_predicate(label: str) -> str:
    """A clause's subject: the words before the first adverb that opens its predicate, when
    they are a word or more (``财政收入也实现连续跨越`` → 财政收入); else the label."""
    found = _PREDICATE_ADVERB.search(label)
    return label[: found.start()] if found and found.start() >= 2 else label


def opens_with_light_verb(prefix: str) -> bool:
    """Whether the words before a figure open with 实现/完成: the subject is left out."""
    return _LIGHT.match(prefix.lstrip(" ，,;；、")) is not None


_CHANGES = ("growth", "cagr")
# 分季度看, 从产业看: a paragraph that breaks down the figure of the paragraph before.
_BREAKDOWN = re.compile(r"[ \t\u3000]*(?:分|从|按)[^，,。；\n]{1,6}看[，,:：]")


def rate_metric(label: str, f: Figure, prev: list[Figure]) -> str | None:
    """The metric of a figure labelled only by an aspect of a rate, or not at all, after a
    growth rate of its sentence: ``增长8.1%，增速比全国高1.8个百分点`` → 固定资产投资增速 (a gap or
    a change in points of that rate; a metric that is a rate already, 经济成长率, stays as it
    is); ``第三季的升幅为2.2%`` → the metric of the growth before it; a change in points right
    after a level in per cent (``指数为55.2%，比上月回升4.4个百分点``) is of that level; a label
    of a vintage word only (``较1月概估数8.63%``, ``较预测数增加0.29个百分点``) is of the rate
    before it. None when none applies."""
    points = "百分点" in f.unit
    vintage = next((v for v in VINTAGES if label.startswith(v)), "")
    label = label.removeprefix(vintage)
    if vintage and not label and not points:
        label = "增速"  # 较1月概估数8.63%: the rate before, as first estimated
    if label not in ASPECTS and not (points and not label):
        return None
    if points and not label and prev and prev[-1].unit == "%" and prev[-1].kind == "level":
        return prev[-1].metric or None  # 指数为55.2%，比上月回升4.4个百分点: of that level
    rates = (g for g in reversed(prev) if g.metric and g.kind in _CHANGES and g.unit == "%")
    base = next(rates, None)
    if base is None:
        return None
    metric = base.metric
    if not points:
        return metric
    return metric if metric.endswith((*ASPECTS, "率")) else metric + (label or "增速")


def continues(text: str, start: int, end: int) -> bool:
    """Whether the paragraph after the break [start, end) goes on with the one before: that
    one ends with a comma (a list set one item a line), or this one opens with 分季度看."""
    return text[:start].rstrip().endswith(("，", ",", "、")) or bool(_BREAKDOWN.match(text, end))
