"""Reading one figure of an article: is it a claim, its value words and its kind (its period
and base: :mod:`factcheck.extract.timing`).

Every rule here is a convention of the genre (docs/conventions.md), never a sentence of a
given article:

* *Not a claim*: a year or plan that times other figures (it becomes their ``period``), ``N年前``
  and ``N年翻番`` (a base), a figure inside a short quoted name (“2+4+N”体系, “23条”), a figure
  after 每 (每万人: a denominator), ages (64岁), labels (世界500强, 三年行动, 第三批), letter
  codes (5G, 4N5) and mentions without a value (数千户, 2+4+N).
* *Value*: the mention with the rule pack's qualifier words around it (突破670亿元, 30%以上), a
  falling direction verb (下降35%), and 增长N倍 kept whole because it means ×(N+1).
* *Kind*: 倍/翻番 multiple; ``a:b`` ratio; 第N/前N/首位 in a ranking context rank; a rate after a
  direction verb growth, or cagr after 年均; fractions and rates of a part (占, 比重, 贡献, 覆盖,
  ``70%的停车场``) share; ``其中N…`` below a larger figure of the same unit count; else level.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from factcheck.extract import nonfig
from factcheck.extract.text import REACH, ArticleContext, quoted_name
from factcheck.mentions import Mention
from factcheck.numbers import Lexicon
from factcheck.zh import (
    ADVERBS_OF_A_CHANGE,
    DOWN_VERBS,
    FROM_BOTTOM,
    INCREMENT_VERBS,
    LAST_PLACE,
    MINUS_SIGNS,
    MONTH_NAMES,
    MORE_LESS,
    RANGE_MARKS,
    RANK_VERBS,
    ROC_YEAR_LEADS,
    YEAR_DIGITS,
)
from factcheck.zh import DIRECTION_VERBS as VERBS  # the direction verbs parse_value knows
from factcheck.zh import TO_WORDS as _TO  # 降至, 提高到, 降为: the figure is the new level

_ANNUAL = ("年均", "年平均", "平均每年", "每年平均", "年复合", "复合增长")
# An average of yearly rates: 平均增速, 平均成长, 平均年增率 (Taiwan), 平均增长率.
_AVERAGE_RATE = re.compile(r"平均(?:增速|成长|增长率|年增|每年)|每年[^，。；、]{0,8}平均")
# Words that make a rate the share of a whole. 覆盖率 (coverage rate) is a level; 贡献率 is the
# share of an increase, by its definition in official statistics. Rates that are shares by
# definition: 城镇化率 (of the population), 恩格尔系数 (of consumption), 赤字率 and 负债率 (of
# GDP), 消费率 and 投资率 (of GDP by expenditure), 宏观税负, 占比. (比例 is left a level:
# 优良天数比例, 通硬化路比例 are rates of their own.)
_SHARE_MARKS = re.compile(
    r"占|比重|份额|贡献|覆盖(?!率|面)|城镇化率|城市化率|恩格尔系数|赤字率|负债率|税负"
    r"|消费率|投资率"
)
# What makes the figure before it a change: 两位数增长, 1.0%的实质跌幅 (HK), 61.5%之按年增幅
# (Macao), 2.5%的实质下跌; the falling ones make it negative.
# The verb of the next figure (0.93%下降0.3个百分点: a level, then its change) says nothing of
# the figure before it.
_NEXT_FIGURE = r"(?!了?[ \u3000]?[0-9０-９零〇一二两三四五六七八九十百千]|[近约超逾达])"
_CHANGE_AFTER = re.compile(
    r"^(?:的|之)?(?:实质|名义|按年|同比|按季)?(?:增长|增速|增幅|增量|涨幅|升幅|降幅|跌幅|减幅"
    r"|上升|下跌|下降|成长)(?![至到为])"  # 从45%增长到63.5%: 45% is where the change starts
    + _NEXT_FIGURE
)
# a fall written after the rate (1.0%的实质跌幅, 5%下跌)
_FALL_AFTER = re.compile(
    r"^(?:的|之)?(?:实质|名义|按年|同比|按季)?(?:降幅|跌幅|减幅|下跌|下降)" + _NEXT_FIGURE
)
# The name of a growth rate: a figure it names is a change (经济成长率为8.68%, 第三季的升幅为
# 2.2%, 出口年增率百分之卅六点八四), whatever verb or copula stands between (为, 达, 上修为).
_RATE_NAMES = (
    "增长率|成长率|增速|增幅|升幅|涨幅|降幅|跌幅|减幅|年增率|月增率|增长速度|成长速度"
    "|增长幅度|成长幅度"
)
_GROWTH_RATE = re.compile(f"(?:{_RATE_NAMES})" r"[^，。；、,;0-9]{0,12}$")
# A way of comparing right before a rate, with no verb (經季調GDP按季比較僅0.1%, 同比0.1%): the rate
# is a change, over the year before (按年, 同比) or the period before (按季, 按月, 环比).
_COMPARED_BEFORE = re.compile(
    r"(?:按年|按季|按月|同比|环比)(?:比较|计算|计)?(?:仅|只|亦|也|则|约|均|皆|都|分别|大约|达)?$"
)
# An amount more or less than the same quantity at another time, with no verb (第三季比第二季少
# 35億元, 消費按季少76億, 9月比8月剛好少6億元): a change over that time, written 少35亿元 (zh.
# MORE_LESS). Against a figure the clause states (较预测数1723亿美元多出158亿美元) it is the
# difference of the two, in doubt until gaps.py links it to both (AMOUNT_GAP); against anything
# else (比全国少) it is no change.
_MORE_LESS = re.compile(
    r"(?:按年|按季|按月|同比|环比|[比较]([^，。；、,;比较多少]{1,12}?))"
    r"(?:仅|只|还要|还|要|刚好|也|亦|则|又)*(多出|[多少])了?$"
)
AMOUNT_GAP = "an amount more or less than another figure: a difference, not a change over time"
# The times an amount is compared with that are no time words of their own: the end of last
# year (比上年末少2.1万人), the start of this one, the month or quarter before.
_BEFORE_NOW = re.compile(r"^(?:上年末|去年末|上年底|去年底|年初|上月|上季|上年同期|去年同期|同期)$")
# The growth of a quantity moving from one rate to another (零售銷量按年增長也自8月的10.0%大跌至9月
# 的4.7%, 收入增长由5%提高到6%): 增长 here names the rate, so both ends are growth rates.
_GROWTH_MOVE = re.compile(r"(?:增长|成长)[也则亦还都]?(?:由|自|从)")
# A list of the growth of a quantity (出口增長順序為5.1%、4.2%和3.3%, 收入增长分别为8.2%和
# 9.6%): 增长 names the rates of the list.
_GROWTH_LIST = re.compile(r"(?:增长|成长)(?:分别|依次|顺序)(?:为|是)?$")
# 相当于同期本地生产总值的56.1%: a part of another quantity (but 相当于2019年同期的83.5% compares
# one quantity at two times).
_EQUAL_TO = re.compile(r"(?:相当于|相等于)([^，。；、,;]{1,20})的$")
_TIMES_IN = re.compile(r"[0-9零〇一二三四五六七八九十]年|上年|去年|前年|[0-9一二三四]季|[0-9十]月")
# A gap between two rates in points (比全国高1.8个百分点, 高于全省1.5个百分点): a difference, not
# a change over time, which a draft cannot say; the lower side makes it negative.
_GAP = re.compile(r"(?:[高低快慢]于|高出|低出|比[^，。；、,;]{1,12}?[高低快慢])[^，。；、,;]{0,8}$")
# 拉动GDP增长3.4个百分点: a contribution to a total's growth in points, not a change of its own.
_PULL = re.compile(r"拉动|带动")
_RATE_NOUN = re.compile(r"(?:率|度|数|值|比|指数|水平)$")
_RANK_CONTEXT = re.compile("|".join(RANK_VERBS))
_RANK_WORD = re.compile(
    f"(?:{'|'.join(RANK_VERBS)})"
    r"[^，。；、！？,;!?\n]{0,8}?"
    f"(首位|榜首|{'|'.join(sorted(LAST_PLACE, key=len, reverse=True))})"
)
# Nouns that make a figure part of a name: 世界500强, 三年行动, 第三批, 四届 is a count though.
_LABEL_AFTER = ("强", "行动", "工程", "计划", "规划", "战略", "模式", "机制", "清单")
# 第三批 (an ordinal), 302路 (a route), 二期工程 (a phase); 7批政策 and 三轮 count batches.
_ORDINAL_LIST = re.compile("(?:、[一二三四五六七八九])+(?:产业|类)")
_LABEL_UNITS = ("路", "期", "代")
_RANGE_START = re.compile(f"[{RANGE_MARKS}][0-9一二三四五六七八九十]{{1,2}}月")
_YEAR_MENTION = re.compile(r"^(?:1[89]|2[01])[0-9]{2}年$")
_QUARTER_MENTION = re.compile(r"^[一二三四1-4]季度$")
_SPAN_LEADS = nonfig.SPAN_LEADS
# A date or a time of day written with marks: 2024-11-18, 2024/11/18, 20:43, 20:43:04.
_CLOCK = re.compile(
    r"[^0-9]*(?:(?:1[89]|2[01])[0-9]{2}[-/.][01]?[0-9][-/.][0-3]?[0-9]|[0-2][0-9]:[0-5][0-9]"
    r"|[0-9]:[0-5][0-9]$)"
)


_CN_YEAR = re.compile(f"^[{YEAR_DIGITS}]{{4}}年$")
_ROC_YEAR = re.compile(r"^1[0-4][0-9]年$")
_ROC_AFTER = re.compile(r"^(?:第|度|全年|上半年|下半年|[0-9]{1,2}月|预测|預測|前|以来|以來)")
_QUARTER_WORD = re.compile(r"^第[一二三四1-4]季度?$")
_EN_YEAR = re.compile(r"^(?:1[89]|20)[0-9]{2}$")
_EN_BEFORE = re.compile(
    r"(?:" + "|".join(re.escape(n) for n in MONTH_NAMES) + r"|\b(?:in|of|from|since|through|to"
    r"|until|by|the|and|fiscal|year|early|late|mid)),?\s+$",
    re.IGNORECASE,
)
_EN_MONTH = re.compile(r"(?:" + "|".join(re.escape(n) for n in MONTH_NAMES) + r")\s+$")
_BARE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
# Nouns that end with a qualifier word of the lexicon (超: above): 出超 and 入超 are a trade
# surplus and deficit (Taiwan), 超 no bound there.
_WORDS_ENDING_IN_A_QUALIFIER = ("出超", "入超")
# A verb that opens with a qualifier word of the lexicon (多: more): in 1723亿美元多出158亿美元 the
# 多 after the first figure begins the verb of the second, and sets no bound on the first.
_VERBS_OPENING_WITH_A_QUALIFIER = tuple(w for w in MORE_LESS if len(w) > 1)
_BARE_RATE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]")
_SPACED_UNIT = re.compile(r"[ \u3000\xa0]{1,2}(个百分点|個百分點|百分点|百分點|[%％])")
_ORDINAL = re.compile(r"[0-9]+(?:st|nd|rd|th)")
_CODE = re.compile(r"[A-Za-z]+-[0-9]+(?:-[0-9]+)*")


def _written_date(m: Mention, core: str, text: str) -> bool:
    """A year or a day written otherwise than 2025年: 二零一五年, 114年 of the ROC calendar
    before a period word, 第4季, (13)日, March 1999, April 13."""
    before = text[max(0, m.start - 14) : m.start]
    after = text[m.end : m.end + 4]
    if _CN_YEAR.match(core) or _QUARTER_WORD.match(core):
        return True
    if _ROC_YEAR.match(core) and (before.endswith(ROC_YEAR_LEADS) or _ROC_AFTER.match(after)):
        return True
    if before.endswith(("(", "（")) and after[:2] in (")日", "）日"):
        return True  # 今（13）日: today, the 13th
    if core.isdigit() and _EN_YEAR.match(core) and _EN_BEFORE.search(before):
        return True
    return core.isdigit() and len(core) <= 2 and int(core) <= 31 and bool(_EN_MONTH.search(before))


def _in_code(m: Mention, text: str) -> bool:
    """Whether the mention is part of a letter-and-number code (CB-00-60)."""
    for c in _CODE.finditer(text, max(0, m.start - 12), min(len(text), m.end + 12)):
        if c.start() <= m.start and m.end <= c.end():
            return True
    return False


def _around(folded: str, m: Mention) -> str:
    """The mention with the run of digits and date marks it stands in (for dates and times)."""
    a, b = m.start, m.end
    while a > 0 and a > m.start - 11 and (folded[a - 1].isdigit() or folded[a - 1] in "-/.:"):
        a -= 1
    while b < len(folded) and b < m.end + 11 and (folded[b].isdigit() or folded[b] in "-/.:"):
        b += 1
    return folded[a:b]


@dataclass
class Figure:
    """A figure being drafted into a claim (mutable while the extractor fills it in)."""

    mention: Mention
    value: str
    vstart: int  # the value words' span in the article (qualifiers included)
    vend: int
    verb: str | None  # the direction verb just before, if any
    to: bool  # the verb is followed by 至/到/为: the figure is a level
    kind: str = "level"
    period: str = ""
    base: str | None = None
    metric: str = ""
    entity: str | None = None
    ranking: str | None = None
    within: str | None = None
    metrics: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)  # why the draft may be wrong (confidence)
    unit: str = ""
    form: str = "number"  # the parsed value's form: number, multiple, ratio or rank
    dimension: str | None = None
    flow: bool = False  # an increment claim whose metric is itself the increment (新增就业)
    among: str | None = None  # a rank: how many are ranked (在全省14个市中)


def rank_words(text: str) -> list[Mention]:
    """首位, 榜首 and 末位 after 位居/居/排名…: ranks written without a numeral (居西北首位)."""
    out = []
    line, scanned = 1, 0
    for m in _RANK_WORD.finditer(text):
        start = m.start(1)
        line += text.count("\n", scanned, start)  # incrementally: one pass over the text
        scanned = start
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        out.append(Mention(m[1], start, m.end(1), line, col, 1.0, "chinese"))
    return out


def skip_reason(m: Mention, ctx: ArticleContext) -> str | None:
    """Why a mention is not a figure a claim can state (an ``ignore`` reason), or None."""
    text, folded = ctx.text, ctx.folded
    core = folded[m.start : m.end]
    if m.form == "plan" or _YEAR_MENTION.match(core) or ctx.time_at(m.start, m.end):
        return "date"
    if _QUARTER_MENTION.match(core) and not folded[max(0, m.start - 2) : m.start].endswith(
        _SPAN_LEADS
    ):
        return "date"  # 一季度, 2025年三季度: a quarter named (连续三季度 counts quarters)
    if _is_date(m, core, folded) or _CLOCK.match(_around(folded, m)):
        return "date"
    if _written_date(m, core, text):
        return "date"
    if written := nonfig.written_non_figure(m, core, ctx):
        return written
    if text[max(0, m.start - 1) : m.start] in ("±", "+-"):
        return "other"  # (±0.7%): a margin of error, not a figure
    if _CODE.search(text, max(0, m.start - 12), min(len(text), m.end + 12)) and _in_code(m, text):
        return "name"  # CB-00-60: a release number
    if m.value is None and not core.endswith("位数"):
        return "other"  # 数千户, 三四年, 2+4+N: no single value
    if nonfig.is_duration(m, ctx):
        return "other"  # 经过八年持续努力, 改革开放40多年来: a length of time
    if re.search(r"[A-Za-z]", core) and not _ORDINAL.fullmatch(core):
        return "name"  # 5G, 4N5: codes and grades (112th is a rank)
    if core.endswith("岁"):
        return "age"
    if text[max(0, m.start - 1) : m.start] == "每":
        return "other"  # 每万人: the denominator of a rate
    if quoted_name(text, m.start, m.end):
        return "name"
    after = text[m.end : m.end + 2]
    if after.startswith(_LABEL_AFTER) or core.endswith(_LABEL_UNITS):
        return "name"
    if core.startswith("第") and _ORDINAL_LIST.match(text, m.end):
        return "name"  # 第一、二、三产业: the first of a list of ordinals naming things
    if core.startswith("第") and not _is_rank(m, ctx):
        return "name"  # 第三批, 第一缕阳光: an ordinal, not a place in a ranking
    if AMONG.search(text[max(0, m.start - 12) : m.end + 12]) and _counts_ranked(m, text):
        return "other"  # 在全省14个市中居末位: how many are ranked, the rank claim's 'among'
    return None


# How many are ranked, before the rank: 在全省14个市中居末位 (the scope, the number, the verb).
AMONG = re.compile(
    r"在([^，。；,;\d在]{0,6}?)(\d{1,4})个[^，。；,;\d]{0,4}?中"
    f"(?=(?:{'|'.join(RANK_VERBS)}))"
)


def _counts_ranked(m: Mention, text: str) -> bool:
    """The mention is the number of AMONG."""
    found = AMONG.search(text, max(0, m.start - 12), m.end + 12)
    return found is not None and found.start(2) == m.start


def _is_date(m: Mention, core: str, folded: str) -> bool:
    """A month or a day (3月份, 截至3月末, 3月15日), or the first end of a range of them (1-3月)."""
    if (
        m.value is not None
        and m.value <= 31
        and core.endswith("日")
        and folded[m.start - 1 : m.start] == "月"
    ):
        return True
    if m.value is not None and m.value <= 12 and core.endswith("月") and not core.endswith("个月"):
        return True
    return bool(_RANGE_START.match(folded, m.end)) and core.isdigit()


def _is_rank(m: Mention, ctx: ArticleContext) -> bool:
    """An ordinal is a rank when a ranking verb precedes it in its clause, or when it ends its
    clause (增幅第一。) or stands before 的 (第66位的经开区)."""
    start, end = ctx.clause(m.start)
    if _RANK_CONTEXT.search(ctx.text, max(start, m.start - REACH), m.start):
        return True
    if ctx.folded[m.start : m.end].endswith("大"):
        return True  # 全球第二大经济体: the second largest
    return m.end == end or ctx.text.startswith("的", m.end)


def value_words(m: Mention, ctx: ArticleContext, lexicon: Lexicon) -> Figure:
    """The value as a claims file writes it, with qualifier words and a falling verb."""
    text = ctx.text
    vstart, vend = m.start, m.end
    clause_start, clause_end = ctx.clause(m.start)
    clause_start = max(clause_start, m.start - REACH)
    suffix = next((w for w in lexicon.suffixes if text.startswith(w, vend, clause_end)), "")
    if text.startswith(_VERBS_OPENING_WITH_A_QUALIFIER, vend, clause_end):
        suffix = ""  # 1723亿美元多出158亿美元: 多出 is the verb of the next figure
    vend += len(suffix)
    before = text[clause_start:vstart]
    prefix = next((w for w in lexicon.prefixes if before.endswith(w)), "")
    if before.endswith(_WORDS_ENDING_IN_A_QUALIFIER):
        prefix = ""  # 出超194亿美元: a trade surplus, not "above"
    vstart -= len(prefix)
    rest = text[clause_start:vstart].rstrip(" \u3000\xa0").removesuffix("了")  # 年增 5.4%
    verb, to = None, False
    for tail in _TO:
        if rest.endswith(tail) and rest[: -len(tail)].endswith(VERBS):
            rest, to = rest[: -len(tail)], True
            break
    else:
        if prefix in _TO and rest.endswith(VERBS):
            to = True  # 降为4.32%, 下降为: 为 is the verb's "to", taken as a prefix word above
    verb = next((v for v in VERBS if rest.endswith(v)), None)
    if verb and rest[: -len(verb)].endswith(("多", "少")):
        # 同比多增318亿元: more than last year's increase, not a change of a level
        verb = _increment_verb(rest, verb)
        if verb:  # 少增41万人: the change of an increment, written with its verb
            vstart = text.rfind(verb, clause_start, vstart)
            value = verb + prefix + text[m.start : m.end] + suffix  # as printed: 少增近5亿元
            return Figure(m, value, vstart, vend, verb, False)
    if to and prefix and prefix in _TO:
        prefix, vstart = "", vstart + len(prefix)  # 降为零: 为 belongs to the verb
    core = text[m.start : m.end]
    if core.startswith("第") and core.endswith("大") and len(core) > 2:
        core = core[:-1]  # 第二大经济体: the rank is 第二
    spaced = _SPACED_UNIT.match(text, m.end) if _BARE.fullmatch(core) else None
    if spaced:  # 上升1.87 个百分点: a rate's unit after a space is the figure's unit
        core, vend = core + spaced[1], spaced.end()
    if m.form == "multiple":
        core = core.replace("了", "")  # 翻了两番 is written 翻两番 in a claims file
    if not prefix:
        vstart, core = _from_bottom(text, vstart, core)
    value = prefix + core + suffix
    if not verb and _FALL_AFTER.match(text[vend:clause_end]) and _BARE_RATE.fullmatch(core):
        value = prefix + "-" + core + suffix  # 1.0%的实质跌幅: a fall of 1.0%
    amount = not re.search(r"[%％‰]|百分[点之]|倍", core)  # 增加300亿元: a change, not a rate
    if verb and not to and (verb in DOWN_VERBS or core.endswith("倍") or amount):
        # 下降35%, 增长2倍, 增加300亿元: the verb changes the figure, or makes it a change
        value = prefix + verb + core + suffix
    return Figure(m, value, vstart, vend, verb, to)


def _increment_verb(rest: str, verb: str) -> str | None:
    """多增, 少增, 多减, 少减 ending ``rest`` (the change of an increment), or None."""
    word = rest[-len(verb) - 1 :]
    return word if word in INCREMENT_VERBS else None


def _from_bottom(text: str, vstart: int, value: str) -> tuple[int, str]:
    """倒数 before a rank (倒数第二): the rank counts from the bottom."""
    if value.startswith("第") and text.endswith(FROM_BOTTOM, 0, vstart):
        return vstart - len(FROM_BOTTOM), FROM_BOTTOM + value
    return vstart, value


def propose_kind(f: Figure, ctx: ArticleContext, metric_before: str, noun: str) -> str:
    """The kind of claim a figure most likely makes (see the module docstring); ``noun`` is
    the noun phrase right after the figure."""
    m, text = f.mention, ctx.text
    core = ctx.folded[m.start : m.end]
    start, end = ctx.clause(m.start)
    before, after = text[max(start, f.vstart - REACH) : f.vstart], text[f.vend : end][:REACH]
    if core in ("首位", "榜首", *LAST_PLACE) or core.startswith(("第", "前")):
        return "rank"
    if f.verb in INCREMENT_VERBS:
        return "increment"  # 少增41万人
    if core.endswith(("位", "名")) and _RANK_CONTEXT.search(before):
        return "rank"
    if m.form == "multiple" or core.endswith("倍"):
        return "multiple"
    if ":" in core or "：" in core:
        return "ratio"
    rate = f.unit in ("%", "个百分点", "百分点") or core.endswith(("位数", "%"))
    points = f.unit in ("个百分点", "百分点")
    fraction = m.form == "fraction"
    annual = any(w in before for w in _ANNUAL) or bool(_AVERAGE_RATE.search(before))
    if points and _PULL.search(before):
        return "level"  # 拉动GDP增长3.4个百分点, 带动…1.2个百分点: a contribution in points
    if f.verb and f.to and f.verb in ("增长", "成长") and text.startswith("为", f.vstart - 1):
        f.to = False  # 经济成长为7.71%: the growth is 7.71%, not a level grown to
    move = rate and not points and bool(_GROWTH_MOVE.search(text, start, f.vstart))
    if f.verb and f.to and rate and not points and (move or _names_a_growth_rate(ctx, f)):
        return "growth"  # 经济成长率从预测3.54%一举上修为7.71%: the new level of a growth rate
    if rate and not points and _GROWTH_LIST.search(before):
        return "growth"  # 出口增長順序為5.1%、…
    if move and not f.verb:
        return "growth"  # 零售銷量按年增長也自8月的10.0%…: where the growth rate moves from
    if f.verb and not f.to:
        if rate:
            return "cagr" if annual else "growth"
        return "growth"  # 增加300亿元: an amount of change in the levels' unit
    if rate and _CHANGE_AFTER.match(after):
        return "growth"  # 两位数增长, 不低于10%的增量, 1.0%的实质跌幅
    if rate and _GROWTH_RATE.search(before) and not _SHARE_MARKS.search(before):
        return "cagr" if annual else "growth"  # 经济成长率为8.68%
    if rate and _COMPARED_BEFORE.search(before):
        return "growth"  # 按季比較僅0.1%: a quarter-on-quarter change
    more = _MORE_LESS.search(before) if not rate and f.dimension and not f.verb else None
    if more and (
        more[1] is None
        or _BEFORE_NOW.match(more[1])
        or ctx.times_between(f.vstart - len(more[0]), f.vstart)
    ):
        f.value = more[2] + f.value  # 少35亿元: 35亿元 less than at the other time
        return "growth"
    if more and more[1] is not None and _states_a_figure(ctx, f.vstart - len(more[0]), f.vstart):
        f.value = more[2] + f.value  # 较预测数1723亿美元多出158亿美元: 1881 − 1723
        f.doubts.append(AMOUNT_GAP)
        return "growth"
    if rate and core[:1] in (*MINUS_SIGNS, "+", "＋"):
        return "growth"  # 錄得跌幅:美國(-25.3%), 實質變動修訂為 -21.4%: a signed rate is a change
    if points and (gap := _GAP.search(before)):
        f.doubts.append("a gap between two rates, not a change of one")
        if re.search("[低慢]", gap[0]) and f.value[:1].isdigit():
            f.value = "-" + f.value  # 低于全国0.5个百分点
        return "growth"
    if fraction or (not points and (rate or m.form == "percent") and _SHARE_MARKS.search(before)):
        return "share"
    eq = _EQUAL_TO.search(before) if (rate or m.form == "percent") and not points else None
    if eq and not _TIMES_IN.search(eq[1]):
        return "share"  # 相等于同期本地生产总值的56.1%
    if (
        m.form == "percent"
        and noun
        and not metric_before
        and not _RATE_NOUN.search(noun)
        and not noun.startswith(ADVERBS_OF_A_CHANGE)  # 3.54%大幅上修: no noun after
    ):
        return "share"  # 70%的公共停车场, 近80%原料: the part of a whole
    return "level"


_GROWTH_NAME = re.compile(f"(?:{_RATE_NAMES})$")


def _states_a_figure(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether a figure's mention lies between two offsets."""
    i = bisect_left(ctx.mention_starts, start)
    return i < len(ctx.mention_starts) and ctx.mention_ends[i] <= end


_ANY_RATE_NAME = re.compile(f"(?:{_RATE_NAMES})|[\u4e00-\u9fff]率")


def _names_a_growth_rate(ctx: ArticleContext, f: Figure) -> bool:
    """Whether the last rate named before the figure is a growth rate (经济成长率…上修为7.71%),
    not another rate (失业率由4.40%降为4.32%): in its clause, or in its sentence when the clause
    names no subject of its own (…预测3.54%，一举上修为7.71%; but 关税降至15% has one)."""
    c_start = ctx.clause(f.mention.start)[0]
    head = ctx.text[c_start : f.vstart]
    subject = head[: head.rfind(f.verb or "")].strip()
    start = c_start if len(subject) > 3 else ctx.sentence(f.mention.start)[0]
    start = max(start, f.vstart - REACH)
    names = list(_ANY_RATE_NAME.finditer(ctx.text, start, f.vstart))
    return bool(names) and bool(_GROWTH_NAME.search(names[-1][0]))


# An output aggregate: an amount, so a percentage of it alone is its growth rate (實質GDP從原本
# 預估的百分之七點九一，大幅上修至百分之十二點六八; 本地生产总值3.5%), as releases and news
# print GDP rates.
_OUTPUT = re.compile(r"(?:GDP|ＧＤＰ|生产总值|生产毛额)$")


def kind_by_metric(f: Figure) -> None:
    """A rate read as a level whose metric names a change, a share or an output aggregate
    (GDP) is a change or a share (the metric may come from an earlier clause: 城镇化率分别从…
    35.33%、52.57%提高到2018年的43.37%)."""
    if f.kind != "level" or f.unit != "%" or f.form != "number":
        return
    metric = f.metric.rstrip("则也亦更还均都")
    if _GROWTH_NAME.search(metric):
        f.kind = "growth"  # 经济成长率…预测3.54%
    elif _SHARE_MARKS.search(f.metric):
        f.kind = "share"
    elif _OUTPUT.search(metric):
        f.kind = "growth"  # 实质GDP…上修至12.68%
