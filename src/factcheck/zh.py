"""The Chinese vocabulary that the parsers, the mention finder and the extractor share.

One source for each word list (docs/conventions.md): the numeral alphabet and the values of its
digits, magnitude words, quote pairs, direction and rank verbs, the "to" words of a new level
(降至, 提高到, 降为), the marks between the two ends of a range, and the grammar of a run of
months of one year (1-9月, 前三季度, 上半年, 前两个月). Measure words are derived from the units
that ``data/units.txt`` defines, with the exceptions named here (tests/test_mentions.py keeps
the two in step).

Traditional characters (``億元``, ``萬噸``, ``增長``, ``個百分點``) read as simplified: every
parser and finder passes its text through :func:`simplified` (a field value, converted as a
phrase) or :func:`fold` (an article or a quote, character by character so that offsets stay
those of the text as written). OpenCC does the conversion; it is imported only when a text has a
character of ``data/traditional.txt`` (the characters OpenCC changes), so a simplified text
never pays for it.

Importing this module costs nothing: the measure words are read from ``units.txt`` and the
traditional characters from ``traditional.txt`` on first use.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from factcheck.pkgfiles import package_file

# ---- numerals

# The old words for twenty, thirty and forty that Taiwan and Hong Kong news still print
# (百分之卅六點八四, 廿一世紀): read as the standard spelling (卅六 is 三十六).
OLD_TENS: dict[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}
# Every character a Chinese numeral is written with (二〇二五, 一万五千亿, 十四, 卅八).
NUMERALS = "零〇一二两三四五六七八九十百千万亿" + "".join(OLD_TENS)
# The characters that make a run of numerals a number by itself (十四, 二〇, 卅); a run of place
# values alone (万千, 亿) needs a leading 百 or 千 (百亿 is one hundred 亿).
DIGIT_WORDS = "零〇一二两三四五六七八九十" + "".join(OLD_TENS)
# Look-alikes of the numeral zero 〇 that texts print inside numerals (○點二九, 二○二五年: the
# white circle U+25CB): read as 〇, one character for one.
ZERO_SIGNS = str.maketrans({"○": "〇"})
# The place-value characters: 十四, 百亿, 一万五千亿. After a figure they are magnitudes (120亿).
PLACE_VALUES = "十百千万亿"
# The provincial-level divisions, as lists of them are written without 省/市/自治区
# (黑龙江、河南粮食产量分别为…): the subjects of a 分别 list.
PROVINCES = (
    *("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江"),
    *("安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆"),
    *("四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港"),
    "澳门",
)
# The value of each digit as written digit by digit (二〇二五) or alone (两 is 二 before a measure).
DIGIT_VALUES: dict[str, int] = {c: i for i, c in enumerate("零一二三四五六七八九")} | {
    "〇": 0,
    "两": 2,
}

# ---- magnitudes

# The value of each magnitude word written after a figure (120亿, 3.5万, 百亿).
MAGNITUDE_VALUES: dict[str, float] = {
    "十": 10.0,
    "百": 1e2,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "十亿": 1e9,
    "百亿": 1e10,
    "千亿": 1e11,
    "万亿": 1e12,
}
# The magnitude words that extend an Arabic mention (670亿元, 2.8万户, 近2千億美元). A rule pack
# may own these. Taiwan's 兆 (a trillion: 1兆美元) is no magnitude, since 兆 before a unit is
# mega (5兆瓦): units.txt defines 兆元 and 兆美元.
MAGNITUDES: frozenset[str] = frozenset(
    {"万亿", "千亿", "百亿", "千万", "百万", "万", "亿", "千", "百"}
)
# The scales a large number is written in, longest first (42.95万, 1.2万亿). 千 and 百 are place
# values inside a Chinese numeral (五千 is 5000), not scales of it.
SCALES: tuple[tuple[str, float], ...] = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))

# ---- quote marks

# Opening mark -> closing mark, for quotes and titles (“十四五”, 《规划》, "2+4+N").
QUOTE_PAIRS: dict[str, str] = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "《": "》",
    '"': '"',
}
# Brackets, which a quoted clause trims like quotes when they are unpaired.
BRACKET_PAIRS: dict[str, str] = {"（": "）", "(": ")"}
# Every quote mark, opening or closing, and the apostrophe that stands for one in plain text.
QUOTE_MARKS = "".join(dict.fromkeys([*QUOTE_PAIRS, *QUOTE_PAIRS.values(), "'"]))

# ---- dates

# A year written digit by digit in Chinese numerals (二零一五年, 二○二五年: ○ for 〇 in some texts).
YEAR_DIGITS = "零〇○一二三四五六七八九"
# Words before a year of the Republic of China calendar (民國114年, 去年114年).
ROC_YEAR_LEADS = ("民国", "民國", "去年", "今年", "明年")
# English month names: a number after one is a day or a year (April 13, 2000; March 1999).
MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
    *("Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."),
)

# ---- signs

# The minus signs a figure is printed with (增长−3.5%, 气温-2.5℃, 由–46.7%升至–4.7%): the
# minus U+2212, the hyphen, the small and the full-width hyphen-minus, and the en dash that
# typeset text (and Hong Kong's press) prints for a minus. After a figure each is a dash between
# two (2021-2025, 2015–2020).
MINUS_SIGNS = "−-﹣－–"

# ---- verbs

# The direction verbs of a change, as parse_value reads them (增长5%, 下降35%). 净增/净减少 (a
# net change of a stock) are directions; 新增 (newly added: 新增就业) is a flow, not one.
# 增产/减产 (output up or down) are the communiqués' verbs for harvests and production.
# Hong Kong, Macao and Taiwan write 成长 (成長5.2%), 下跌/下挫, 衰退 (a fall of output), and
# revisions as 上修/下修/上调/下调 (上修4.17個百分點), and Hong Kong's releases 升/跌 alone
# (按年升13.7%, 則跌3%); a rate's change in points is 加快/放缓 (增速加快0.2个百分点), a gap's
# 扩大/收窄; a contraction of output is 收缩 or 萎缩 (經濟收縮3.6%, 出口萎縮5%).
UP_VERBS = (
    *("净增", "增长", "增加", "提高", "提升", "上升", "上涨", "增产", "成长", "上修", "上调"),
    *("攀升", "上扬", "加快", "扩大", "暴增", "猛增", "激增", "剧增", "大增", "增", "升"),
)
DOWN_VERBS = (
    *("净减少", "下降", "减少", "降低", "下滑", "回落", "缩小", "减产", "下跌", "下挫", "下修"),
    *("下调", "衰退", "收缩", "萎缩", "放缓", "收窄", "减", "跌", "降"),
)
# Adverbs of how much or how a change goes, between a figure and the verb after it (較預測3.54%
# 大幅上修, 5%略为回落): no noun of the figure's.
ADVERBS_OF_A_CHANGE = (
    *("大幅", "小幅", "略为", "略微", "略", "稍", "明显", "显著", "持续", "稳步", "进一步"),
    *("再度", "一举"),
)
# Both, longest first, so that 增长 is found before 增.
DIRECTION_VERBS = tuple(sorted(UP_VERBS + DOWN_VERBS, key=len, reverse=True))
# Verbs that put a figure in a ranking (排名全省第二, 位居西北首位, 跻身前十), longest first.
RANK_VERBS = (
    *("排名", "排在", "位居", "位列", "居于", "名列", "跃居", "跻身", "稳居"),
    *("居", "列", "排"),
)
# Magnitude words after which 多/余 may stand before the rest of the magnitude or the unit
# (2万多亿元, 3亿多人, 5千多万), longest first.
MORE_AFTER_MAGNITUDE = ("万亿", "亿", "万", "千", "百", "十")
# The words of an ordered list (分别增长5.5%、7.7%; 依次为71.5亿元、382.3亿元): one claim per item.
RESPECTIVELY = ("分别", "依次", "顺序")
# A rank counted from the bottom of a ranking (居全省末位, 倒数第二): which place it is depends on
# how many are ranked (a rank claim's 'among'). 倒数 begins one (倒数第二, 倒数前三).
LAST_PLACE = ("末位", "末名", "最末位", "最后一位", "最后一名")
FROM_BOTTOM = "倒数"
# Verbs of a change of rank (上升3位, 前移2个位次): up is a better place (a smaller number).
RANK_UP_VERBS = ("上升", "提升", "提高", "前移", "前进", "跃升", "上移")
RANK_DOWN_VERBS = ("下降", "下滑", "后移", "后退", "回落", "下移")
# The words that count places after such a verb, longest first.
RANK_STEPS = ("个位次", "位次", "位", "名")
# A change of an increment (比上年少增41万人): the increment is more (多增) or less (少增) than
# the one of the period before; 多减/少减 for a decrease. The sign of the change of the increment.
INCREMENT_VERBS: dict[str, int] = {"多增": 1, "少增": -1, "多减": -1, "少减": 1}
# An amount more or less than the same quantity at another time, without a verb (第三季比第二季
# 少35亿元, 按季多41亿): a change whose direction is 多 or 少, as a growth claim writes it
# (少35亿元 is −35亿元). Only at the start of a value: 30多万人 and 多于 are qualifiers. 多出 is
# the verb of an amount more than another figure (较预测数1723亿美元多出158亿美元); before 多.
MORE_LESS: dict[str, int] = {"多出": 1, "多": 1, "少": -1}
# A change of zero (持平: 与上年持平), read as 0 to the unit of a rate.
NO_CHANGE = ("持平", "基本持平")
# The words after a direction verb that make the figure the new level (降至, 提高到, 降为).
TO_WORDS = ("至", "到", "为")
# The marks between the two ends of a range or a span (1-9月, 2021—2025, 2021至2025).
RANGE_MARKS = "-–—~～至到"

# ---- runs of months


def run_of_months(arabic_month: str = r"1[0-2]|0?[1-9]", capture: bool = False) -> str:
    """The regex of a run of months of one year as articles write it: ``1-9月``, ``7-12月份``,
    ``前三季度``, ``前两个季度``, ``首3季`` (Macao), ``前三季`` (Taiwan), ``上半年``, ``前两个月``,
    ``首10个月`` (Hong Kong: the first ten months).

    ``arabic_month`` is how a month is written in digits: the extractor looks for real months
    only, the period parser reads any two digits so that it can say that month 13 does not
    exist. With ``capture`` the parts are groups, in order: the first and last month of a
    range, the number of quarters, 上 or 下 of a half year, the number of months.
    """
    month = rf"(?:{arabic_month}|十[一二]?|[一二两三四五六七八九])"
    g = "(" if capture else "(?:"
    return (
        rf"{g}{month})月?[{RANGE_MARKS}]{g}{month})月份?"
        rf"|[前首]{g}[1-4一二两三四])个?季度?"
        rf"|{g}[上下])半年"
        rf"|[前首]{g}{month})个月"
    )


# ---- measure words

# Measure words that are no unit of units.txt: counters of things without a unit of their own,
# years of age, and words for spans of time. 大 is here because 三大行动 counts items.
EXTRA_MEASURE_WORDS: frozenset[str] = frozenset(
    {
        *("公斤/亩", "千米", "倍", "年度", "周年", "个小时", "岁"),
        *("轮", "期", "级", "代", "组", "路", "层", "步", "大"),
    }
)
# Units of units.txt that are no measure word after a single Chinese numeral, because they make
# words with numerals: 方 (四方, 八方), 头 (三头六臂, 两头), 部 (三部门, 两部委). Deliberately
# absent as well, and no unit: 分 (十分), 周 (四周), 季 (四季), 面, 口.
NOT_MEASURE_WORDS: frozenset[str] = frozenset({"方", "头", "部"})


@cache
def measure_words() -> frozenset[str]:
    """Units and measure words: every Chinese unit name and alias that ``units.txt`` defines
    (prefixes aside) except NOT_MEASURE_WORDS, and EXTRA_MEASURE_WORDS. After an Arabic number
    they extend the mention's span (5兆瓦); after a single Chinese numeral they make it a
    quantity (五兆瓦, 三年) rather than part of a word (三调)."""
    from factcheck.units import defined_names  # noqa: PLC0415 - units.txt only when needed

    return frozenset(chinese_units(defined_names()) - NOT_MEASURE_WORDS | EXTRA_MEASURE_WORDS)


def chinese_units(names: frozenset[str]) -> frozenset[str]:
    """The unit names an article writes in Chinese characters; 百分点_base is a name for pint,
    never written in an article, and Latin symbols (km², GW) follow digits without a table."""
    # A Chinese character: a comparison, not the regex [\u4e00-\u9fff], which costs ~1 ms to
    # compile (the compiler walks every character of a range).
    return frozenset(
        name for name in names if "_" not in name and any("\u4e00" <= ch <= "\u9fff" for ch in name)
    )


# ---- scripts

# The longest text handed to OpenCC as a phrase; a longer one is folded character by character
# (the converter's time grows with its input, and no field of a claim is this long).
MAX_PHRASE = 1000


@cache
def traditional_characters() -> frozenset[str]:
    """Every character OpenCC's t2s changes (``data/traditional.txt``, written by
    ``scripts/gen_traditional.py``; tests/test_script.py keeps it in step with OpenCC)."""
    text = package_file("data", "traditional.txt").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return frozenset("".join(lines))


def has_traditional(text: str) -> bool:
    """True when ``text`` has a character that reads differently in simplified Chinese."""
    return not traditional_characters().isdisjoint(text)


@cache
def _t2s() -> Any:
    """OpenCC's traditional-to-simplified converter (about 8 ms to import, 2 ms to build)."""
    import opencc  # noqa: PLC0415 - only texts with a traditional character need it

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified characters, converted as a phrase (``增長1.5倍`` → ``增长1.5倍``);
    a text without a traditional character is returned as it is, without loading OpenCC."""
    if not has_traditional(text):
        return text
    if len(text) > MAX_PHRASE:
        return fold(text)  # by line
    return str(_t2s().convert(text))


# Character -> its simplified form, by code point, for the characters folded so far: at most
# the few thousand of traditional.txt. A conversion that is not one character is left out.
_FOLDED: dict[int, str] = {}


def fold(text: str) -> str:
    """``text`` in simplified characters with the same length, so that an offset in it is an
    offset in ``text``: each line is converted by OpenCC as phrases (``計畫`` → ``计划``, where
    character by character gives ``计画``), and a line whose conversion changes its length
    (none of the corpus's did; OpenCC's t2s maps every character of ``traditional.txt`` to
    one) is folded character by character instead (``萬`` → ``万``)."""
    chars = traditional_characters()
    if chars.isdisjoint(text):
        return text
    out = []
    for line in text.splitlines(keepends=True):
        if chars.isdisjoint(line):
            out.append(line)
            continue
        phrase = str(_t2s().convert(line))
        out.append(phrase if len(phrase) == len(line) else _fold_chars(line))
    return "".join(out)


def _fold_chars(text: str) -> str:
    """``text`` with each traditional character replaced by its simplified one (one for one)."""
    found = traditional_characters().intersection(text)
    for ch in found:
        if ord(ch) not in _FOLDED:
            out = str(_t2s().convert(ch))
            _FOLDED[ord(ch)] = out if len(out) == 1 else ch
    return text.translate(_FOLDED)


@lru_cache(maxsize=1024)
def as_written(unit: str, text: str) -> str:
    """A unit (simplified, as units.txt names it) in the script of the value ``text`` it was
    read from: ``亿元`` of ``突破670億元`` is ``億元``, so a report on a traditional article
    writes the figures it derives as the article writes its own; ``unit`` itself where ``text``
    has no traditional character or does not spell the unit."""
    if not unit or text.isascii():
        return unit
    folded = fold(text)
    if folded is text or len(folded) != len(text):
        return unit
    at = folded.rfind(unit)
    return text[at : at + len(unit)] if at >= 0 else unit
