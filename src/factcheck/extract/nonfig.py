"""Numbers written as no figure, in the forms of Chinese releases and news (issue 16): the
extractor's :func:`~factcheck.extract.rules.skip_reason` asks this module after its own dates.

* lengths of years (经过八年, 40多年来, 创卅八年以来新高: the span of an account or a record);
  连续三年, 提前三年 and 其中两年 are counted and stay figures;
* quarters named by a number (114年第1、2季), a day without its month (14日下午), a clock hour
  (今早9时), an eight-digit date (sp20241118), runs of months named by their length (首十一个月);
* the second of a list of grades (一、二类苗), citation markers ([5]), the first end of an age
  range (0-14岁), the scope of national statistics (31个省（区、市）), size classes
  (年主营业务收入2000万元及以上, 从业人员300人以下的企业), list numbers at the start of a
  line or sentence (1.粮食生产, 第一，), and letter codes run into digits (CX880, PM2.5, 3号风球);
* months listed by number (7、8、9三个月, 7、8月份), spans of years written short (2012至14),
  the bounds of a class of households (20-60万元群体), and the survey scope 31个大城市调查失业率.
"""

from __future__ import annotations

import re

from factcheck.extract.text import ArticleContext
from factcheck.mentions import Mention

# Words before a number of periods that count them (连续三季度, 近3日, 前三个月).
SPAN_LEADS = ("连续", "近", "前")


# A length of years (八年, 40多年, 卅八年, 近10年间): the span of an account or a record
# (经过八年持续努力, 40多年来, 创卅八年以来新高), not a figure; 连续三年, 提前三年 and 其中两年 are
# counted figures (连续三年获评优秀), and 三年前, 五年翻番, 三年内 belong to a base or a target.
# Months and quarters (连续94个月…其中48个月) are left to be drafted: they count more often.
_DURATION = re.compile(r"^(?:[0-9]+|[零〇一二两三四五六七八九十百千廿卅几]+)[多余]?年$")
_COUNTED_SPAN = ("连续", "提前", "提早", "其中")


# Quarters named by a number, alone or in a list (第3季, 114年第1、2季, 首3季): dates. The
# second of a list of classes (一、二类苗) is a name.
_QUARTERS_AFTER = re.compile(r"(?:、[0-9一二三四])*(?:季度|季)")
_LISTED = re.compile(r"[0-9一二三四五六七八九十]{1,2}、$")
_CLASS_WORDS = ("类", "级", "档", "等")
# A date written as eight digits (sp20241118: a page code) and a clock hour (今早9时, 9时许).
_DATE8 = re.compile(r"^(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])$")
_HOUR = re.compile(r"^(?:[01]?[0-9]|2[0-4])$")
_DAY = re.compile(r"^([0-9]{1,2})日$")
# A run of months named by its length (Hong Kong's releases): 首十一个月, 截至11月底的三个月,
# 与先前三个月比较.
_MONTHS = re.compile(r"^[0-9一二两三四五六七八九十]{1,3}个月$")
_MONTHS_LEADS = ("首", "先前", "底的", "末的")
_HOUR_BEFORE = ("早", "晚", "上午", "下午", "中午", "凌晨", "晚上", "傍晚", "早上", "今早", "今晚")


# Months listed by their numbers, then counted or named (7、8、9三个月, 7、8月份): the months of a
# period. Each number of the list is a month, the first as the others.
_MONTH_LIST = re.compile(
    r"(?:[1-9]|1[0-2])(?:、(?:[1-9]|1[0-2])){0,11}"  # twelve months at most
    r"(?:[一二两三四五六七八九十]个月|月份?)"
)
# A span of years with its end year abbreviated (Hong Kong's press): 2012至14, 2017至18年.
_YEAR_SPAN = re.compile(r"(?<![0-9])(?:19|20)([0-9]{2})[至到\-–—~～]([0-9]{2})(?![0-9])年?")
# The ends of a range that names a group of people or households (20-60万元群体, 年收入10万至50
# 万元的家庭): the bounds of a class, not figures.
_GROUP = r"(?:之间)?的?(?:群体|人群|家庭)"
_TO = "[-–—~～至到]"
_GROUP_FIRST = re.compile(f"{_TO}[0-9]+(?:\\.[0-9]+)?[^0-9，。；、,;（(]{{0,4}}?{_GROUP}")
_GROUP_SECOND = re.compile(f"[0-9][^0-9，。；、,;]{{0,3}}{_TO}$")


def written_non_figure(m: Mention, core: str, ctx: ArticleContext) -> str | None:
    """The ignore reason (``date``, ``name``, ``label``, ``other``) of a number that is written
    as no figure (see the module docstring), or None; ``core`` is the mention, folded."""
    folded, text = ctx.folded, ctx.text
    before = folded[max(0, m.start - 4) : m.start]
    if core.removesuffix("年").isdigit() and len(core) <= 5 and (why := _period_part(m, folded)):
        return why
    if core.isdigit() and not before.endswith("连续"):
        if _QUARTERS_AFTER.match(folded, m.end):
            return "date"  # 114年第1、2季
        if _DATE8.match(core):
            return "date"  # sp20241118
        clock = before.endswith(_HOUR_BEFORE) or folded.startswith(("许", "整", "半"), m.end + 1)
        if _HOUR.match(core) and folded.startswith("时", m.end) and clock:
            return "date"  # 今早9时
    day = _DAY.match(core)
    if day and int(day[1]) <= 31 and not before.endswith(SPAN_LEADS):
        return "date"  # 主计总处14日下午: the 14th (of the month of the news); 近3日 counts days
    if _MONTHS.match(core) and before.endswith(_MONTHS_LEADS):
        return "date"  # 首十一個月, 截至11月底的三個月, 与先前三个月比较: a run of months
    if _LISTED.search(before) and core.endswith(_CLASS_WORDS):
        return "name"  # 一、二类苗
    return _marker_or_class(m, core, folded, text)


def _period_part(m: Mention, folded: str) -> str | None:
    """``date`` for a bare number that is part of a written period: a month of a list of months
    (7、8、9三个月), an end of a span of years written short (2012至14)."""
    start = m.start
    for _ in range(11):  # back to the first of at most twelve months, so never quadratic
        if start < 2 or folded[start - 1] != "、" or not folded[start - 2].isdigit():
            break
        start -= 2 if start < 3 or not folded[start - 3].isdigit() else 3
    line_start = start == 0 or not folded[start - 1].isdigit()
    if line_start and (month := _MONTH_LIST.match(folded, start)) and month.end() > m.end:
        return "date"
    for span in _YEAR_SPAN.finditer(folded, max(0, m.start - 6), m.end + 8):
        if span.start() <= m.start < span.end() and int(span[2]) > int(span[1]):
            return "date"
    return None


# A citation marker: [5], ［12］, 【3】.
_CITED = (("[", "]"), ("［", "］"), ("【", "】"))
# The first end of a range of ages (0-14岁, 15～59岁): an age, as its other end.
_AGE_RANGE = re.compile(r"[-–—~～至到][0-9]{1,3}岁")
# National statistics' scope: 31个省（区、市）, 大陆31个省份.
_SCOPE = re.compile(r"[（(]区、市[）)]|[（(]自治区、直辖市[）)]")
_SCOPE_LEADS = ("全国", "大陆", "内地")
_PROVINCES = re.compile(r"[0-9一二三四五六七八九十]+个省份?")
# The National Bureau's monthly survey of the largest cities names its scope by their number:
# 31个大城市城镇调查失业率, 31个大城市调查失业率.
_CITY_SURVEY = re.compile(r"[0-9]+个大城市(?:城镇)?调查失业率")
# A size class in a definition: (年主营业务收入2000万元及以上), 300人以下的企业.
_CLASS_BOUND = re.compile(
    r"(?:及以上|以上|以下|及以下)(?:的[^，。；]{0,8}?(?:企业|单位|法人)|[）)])"
)
_CLASS_LEADS = ("规模以上", "限额以上", "规上", "限上", "（年", "(年")
# A list number: 1.粮食生产, 2、稳定就业, 第一，, at the start of a line or sentence.
_LIST_START = "\n。；：:!！?？ \u3000（("
_CODE_LETTERS = re.compile(r"[A-Z]{2,}$")


# A date written with spaces or brackets (Taiwan's press): 11 月, 今 (22) 日, 今(101)年.
_SPACED_DATE = re.compile(r"[ \u3000]*[)）]?[ \u3000]*([年月日])")


def _marker_or_class(m: Mention, core: str, folded: str, text: str) -> str | None:
    prev, nxt = text[m.start - 1 : m.start], text[m.end : m.end + 1]
    # a year, month or day has at most 4 digits (and int() refuses a run of over 4,300)
    spaced = _SPACED_DATE.match(folded, m.end) if core.isdigit() and len(core) <= 4 else None
    if spaced and (spaced.end() - m.end > 1) and _fits_date(int(core), spaced[1]):
        return "date"  # 11 月失業率, 今 (22) 日, 今(101)年
    if (prev, nxt) in _CITED:
        return "other"  # 城镇化率达到65%[5]: a citation marker
    if _GROUP_FIRST.match(folded, m.end) or (
        re.match(_GROUP, folded[m.end : m.end + 5])
        and _GROUP_SECOND.search(folded[max(0, m.start - 5) : m.start])
    ):
        return "label"  # 20-60万元群体: the bounds of a class of households
    if core.isdigit() and _AGE_RANGE.match(folded, m.end):
        return "age"  # 0-14岁
    after = folded[m.end : m.end + 12]
    whole = folded[m.start : m.end + 12]
    province = _PROVINCES.match(whole)
    if province and (
        _SCOPE.match(whole, province.end()) or folded[max(0, m.start - 2) : m.start] in _SCOPE_LEADS
    ):
        return "name"  # 全国31个省（区、市）: the scope of the statistics
    if _CITY_SURVEY.match(whole + folded[m.end + 12 : m.end + 16]):
        return "name"  # 31个大城市调查失业率: the name of a survey's indicator
    if _CLASS_BOUND.match(after) and any(
        w in folded[max(0, m.start - 16) : m.start] for w in _CLASS_LEADS
    ):
        return "label"  # 规模以上工业企业（年主营业务收入2000万元及以上）
    if _CLASS_BOUND.match(after) and "的" in after[:4] and not core.endswith("%"):
        return "label"  # 年营业额5000万元以下的中小企业
    starts = m.start == 0 or text[m.start - 1] in _LIST_START
    if (
        starts
        and core.isdigit()
        and len(core) <= 2
        and nxt in (".", "．", "、")
        and (not text[m.end + 1 : m.end + 2].isdigit())
    ):
        return "label"  # 1.粮食生产: a list number
    if starts and core.startswith("第") and nxt in ("，", ",", "、"):
        return "label"  # 第一，稳定就业: an enumeration, not a rank
    if _CODE_LETTERS.search(text[max(0, m.start - 4) : m.start]) or nxt in ("号", "號"):
        return "name"  # CX880航班, PM2.5, 3号风球
    return None


def is_duration(m: Mention, ctx: ArticleContext) -> bool:
    """Whether a mention is a length of time that states no figure (see _DURATION)."""
    folded = ctx.folded
    if not _DURATION.match(folded[m.start : m.end]):
        return False
    before = folded[max(0, m.start - 3) : m.start].rstrip("，,")
    return not before.endswith(_COUNTED_SPAN) and not folded.startswith(("前", "翻", "内"), m.end)


def _fits_date(n: int, word: str) -> bool:
    """Whether ``n`` can be written before 年 (an ROC or a western year), 月 or 日."""
    return {"年": 1 <= n <= 150 or 1800 <= n <= 2100, "月": 1 <= n <= 12}.get(word, 1 <= n <= 31)
