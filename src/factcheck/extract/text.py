"""The context the extractor reads around a figure: clauses, sentences, time words and names.

An article is cut twice. *Clauses* end at any of ，。；、！？： (full or half width) and at line
breaks: a draft claim quotes the smallest clause that carries its figure. *Sentences* end at
。；！？ and at blank lines (articles wrap lines inside sentences): a time word (``2025年``,
``“十四五”期间``) sets the period of the figures after it up to the end of its sentence. Marks
inside a numeric mention (``1,300``, ``2.29:1``) cut nothing.

Time words are found once, by one regex built from the rule pack's plan calendar, and each gets a
role from the word before it: ``从2021年`` starts a span, ``到2025年`` ends one, ``较5年前`` and
``是“十三五”末的`` name a base, anything else is the period of what follows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from factcheck.mentions import Mention
from factcheck.zh import BRACKET_PAIRS, QUOTE_PAIRS, TO_WORDS, YEAR_DIGITS, run_of_months

# Full-width digits and point map one to one onto ASCII, so offsets stay valid for every regex.
FOLD = str.maketrans("０１２３４５６７８９．", "0123456789.")
_CLAUSE = re.compile(r"[，。；、！？：,;!?:\n…]")
_SENTENCE = re.compile(r"[。；！？;!?]|\n[ \t\u3000]*\n")
REACH = 300  # characters: how far back a time word, a label or a qualifier is looked for
_CN_SMALL = "一二两三四五六七八九十"
_SENTENCE_END = re.compile(r"[。！？!?]")
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n")
_OPEN = "".join(QUOTE_PAIRS)
_CLOSE = "".join(QUOTE_PAIRS.values())
# The word before a time word says what it does for the figures after it.
_BASE_WORDS = ("相较于", "相比", "相较", "较", "比")
# 遠勝去年上半年, 胜过上年: what a comparative verb is set against is a base; so is what a bound
# word of the rule pack's lexicon written as a comparative (高于, 低于, 超过: ending in 于 or 过)
# is set against when a time word follows it instead of a number (高于2019年同期)
_COMPARATIVES = ("胜过", "勝過", "远胜", "遠勝", "远超", "遠超")


def comparatives(bounds: dict[str, str]) -> tuple[str, ...]:
    """The lexicon's bound words of comparative form: two or more characters ending in 于 or 过
    (高于, 低于, 不低于, 超过, 多于), as the rule pack spells them."""
    return tuple(w for w in bounds if len(w) > 1 and w.endswith(("于", "过", "於", "過")))


_TIMES_WORDS = ("是", "为", "相当于")  # 是“十三五”末的3.4倍: a base only before a multiple
_FROM_WORDS = ("从", "自", "由")
_WITH_WORDS = ("与", "同", "和", "跟")
COMPARED_WORDS = ("相比", "比较", "对比", "相较")  # 与2014年比较: after the base
# 对比没有疫情影响的2019年，…: a clause of its own that opens with one of these and ends with the
# time word names the base of the figures after it
_COMPARING_CLAUSE = ("对比", "對比", "相比", "相比于", "相较于", "相較於", "比起", "较之", "較之")
# Place names: two characters and an administrative suffix. Names are scored by how often their
# two-character stem occurs, so the city an article is about wins over the places it mentions.
_PLACE = re.compile(r"(?=([\u4e00-\u9fff]{2,4})([省市县区]))")
# Characters no place-name stem holds: function words, generic place words (全市, 城市, 社区,
# 县区) and numerals. Real names with common characters (大连, 上海, 新乡) stay possible.
_NOT_STEM = frozenset(
    "全各该本我此每其这那的在了是为对向把被将从到至于以而或都和与及等个级城乡镇村街县区市省州国"
    "地园社辖郊一二两三四五六七八九十"
)


@dataclass(frozen=True, slots=True)
class TimeWord:
    """A time word of the article and what it means for the claims file."""

    start: int
    end: int
    kind: str  # year, quarter, month, months, plan, plan_end, plan_start, ago, same_period,
    # since (2016年来: first is 2016), years_since (十年来: period is 10), relyear (去年: -1),
    # relquarter (去年第四季: -1Q4), relmonths (今年1-3月: 0:1-3月), relmonth (去年十二月:
    # -1:12), prevquarter (上季),
    # relyearend (上年末: -1), year_end (年末), census (第七次全国人口普查: 2020-11-01)
    period: str  # as written in a claims file: 2025, 2025Q3, 2025-06, 十四五, 十三五末, 5年前
    year: int | None  # the calendar year it ends in, when known without the reference year
    first: int | None  # plans: the first year
    role: str  # point, base, from or to


# The standard times of China's national population censuses (人口普查标准时点: zero hour of
# 1 July 1953 … 1 November 2020), by the census's number
CENSUS_DATES = {
    1: "1953-07-01",
    2: "1964-07-01",
    3: "1982-07-01",
    4: "1990-07-01",
    5: "2000-11-01",
    6: "2010-11-01",
    7: "2020-11-01",
}

# The members and joints of a list of months or quarters (7、8、9月; 三、四季度)
LIST_MONTH = r"(?:1[0-2]|[1-9])"
LIST_QUARTER = r"[一二三四1-4]"
LIST_JOIN = r"[、和及与與]"
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def listed_months(text: str) -> list[int]:
    """The months a list time word names, in order: 7、8、9三个月 → [7, 8, 9]; 三、四季度 →
    the quarters' numbers [3, 4] (the caller knows which it holds); [] for anything else."""
    core = re.sub(r"^(?:[0-9]{3,4}年)", "", text)
    if "季" in core:
        return [_QUARTER_NUMBER[q] for q in re.findall(LIST_QUARTER, core)]
    core = re.sub(r"[一二两三四五六七八九十]+个月$", "", core)
    return [int(m) for m in re.findall(LIST_MONTH, core)]


# A run of months of one year as articles write it (累计 1-9月, 前三季度, 上半年, 前两个月): a time
# word whose numerals are not figures, and the period of the figures after it.
_RUN_OF_MONTHS = run_of_months()


# 二零一五年, and the first end of 二○二一至二○二五年
_CN_YEAR = re.compile(f"[{YEAR_DIGITS}]{{4}}(?=年|[至到~～—–-][{YEAR_DIGITS}]{{4}}年)")


def _small_number(text: str) -> int:
    """一 to 九十九 written in Chinese numerals (两 for 二), or 0 when it is not one."""
    digits = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2}
    if "十" not in text:
        return digits.get(text, 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _count(text: str) -> int:
    """A count written in Arabic or Chinese numerals (五, 10), 0 when it is not one."""
    return int(text) if text.isdigit() else _small_number(text)


def _quarter(text: str) -> str:
    """A quarter's number from its numeral: 四 → 4."""
    return text if text.isdigit() else str("一二三四".index(text) + 1)


# A month as articles write it: 10, 03, 十月 and 十二月 (the Taiwan press), 元月 (January); a
# numeral in Chinese only where no other numeral or counter stands before it (二十一月 is none)
_MONTH = rf"(?:1[0-2]|0?[1-9]|(?<![{_CN_SMALL}零〇○兩第])(?:十[一二]?|[一二三四五六七八九]|元))"


# After a month: a date (3月15日), or the month of an act (4月宣布, 去年11月预测: when a figure
# was published or forecast, not its period)
_ACT_DATE = (
    r"(?![0-9]|[一二三四五六七八九十]+日|宣布|公布|发布|召开|举行|起|开始|以来"
    r"|预测|预估|预计|估计|修正)"
)


def _month_number(text: str) -> int:
    """A month's number from its numeral: 10, 03, 十二, 元 (January)."""
    return int(text) if text.isdigit() else 1 if text == "元" else _small_number(text)


def _digits(m: re.Match[str]) -> str:
    """A year written in Chinese numerals, digit by digit, as Arabic digits."""
    out = []
    for ch in m.group():
        out.append("0" if ch in "零〇○" else str("一二三四五六七八九".index(ch) + 1))
    return "".join(out)


def time_pattern(plans: dict[str, tuple[int, int]]) -> re.Pattern[str]:
    """The regex of time words, with the plan names of the rule pack (longest first)."""
    names = "|".join(re.escape(p) for p in sorted(plans, key=lambda p: (-len(p), p))) or "(?!)"
    return re.compile(
        # 1990~2010年, 1958年至2018年, 2013—2016年: a span of years
        r"(?<![0-9.])(?P<s1>(?:1[89]|2[01])[0-9]{2})年?[-–—~～至到](?P<s2>(?:1[89]|2[01])[0-9]{2})年"
        r"(?!底|末|[0-9一二三四1-4]+(?:季度|月))"
        # 2021至2025年这五年: the count of years written, so the span starts a year earlier
        rf"(?:这(?P<sn>[0-9]{{1,2}}|[{_CN_SMALL}]{{1,3}})年)?"
        # 7、8、9三个月, 2021年7月、8月和9月, 三、四季度, 114年第1、2季: a list of months or
        # quarters of one year (a 分别 list after it takes them one by one: timing.py)
        # (at most 12 months or 4 quarters, starting where the run of members starts: a run of
        # 20,000 '1、' was tried from each of its positions, quadratic, 46 s)
        r"|(?<![0-9.年月、和及与與第一二三四])(?:(?P<ly>(?:1[89]|2[01])[0-9]{2})年|(?P<lroc>1[0-4][0-9])年)?"
        rf"(?:(?P<mlist>{LIST_MONTH}(?:月份?)?(?:{LIST_JOIN}{LIST_MONTH}(?:月份?)?){{1,11}})"
        r"(?:[一二两三四五六七八九十]+个月|月份?)"
        rf"|(?P<qlist>第?{LIST_QUARTER}(?:季度?)?(?:{LIST_JOIN}第?{LIST_QUARTER}){{1,3}})季度?)"
        # 第七次全国人口普查, 六人普, 七普: a census, at its standard time (docs/conventions.md)
        r"|(?<![0-9.])(?:(?:1[89]|2[01])[0-9]{2}年)?"
        rf"(?:第(?P<census>[一二三四五六七八九])次(?:全国|全國)?人口普查"
        rf"|[{_OPEN}]?(?<![一二三四五六七八九十])(?P<census2>[一二三四五六七八九])人?普"
        rf"(?!查|通|遍|及|惠)[{_CLOSE}]?)"
        # 党的十八大以来: since the year of that party congress, to the reference year
        r"|(?P<congress>十[二三四五六七八九]|二十[一二三]?)大(?:以来|以來)"
        # 2016年来, 2013年以来: since that year, to the reference year
        r"|(?<![0-9.])(?P<since>(?:1[89]|2[01])[0-9]{2})年(?:以来|以來|来|來)"
        # 十年来: the N years to the reference year (not 几十年来, 40多年来: no count; nor a
        # figure, 创下6年来的新低: a length of time)
        rf"|(?<![0-9几数幾數多余餘百千万萬{_CN_SMALL}])(?P<nsince>[{_CN_SMALL}]{{1,3}})年"
        r"(?:以来|以來|来|來)"
        # 十年增加近70万亿元、年均增长6.2%: a change over the N years to the reference year
        rf"|(?<![0-9几数幾數多余餘百千万萬第{_CN_SMALL}])(?P<dur>[{_CN_SMALL}]{{1,3}})年"
        r"(?=(?:累计)?(?:增加|增长|增長|提高|下降|减少|減少))"
        # 截至2025年10月止的三個月 (Hong Kong): the three months that end with that month
        rf"|截至(?:(?P<ty>(?:1[89]|2[01])[0-9]{{2}})年|(?P<trel>今年|去年))?(?P<tmo>{_MONTH})月份?"
        r"止?的?(?:三|3)个月"
        r"|(?<![0-9.])(?P<y>(?:1[89]|2[01])[0-9]{2})年"
        rf"(?:(?P<run>{_RUN_OF_MONTHS})"
        rf"|(?P<q>[一二三四1-4])季度|第(?P<q2>[一二三四1-4])季度?|(?P<mo>{_MONTH})月份?"
        r"|(?P<ye>底|末)|(?P<same>同期))?"
        rf"|(?<![0-9.年])(?P<run0>{_RUN_OF_MONTHS})"
        # 3月份, 3月末: a month of the year the paragraph or the publication gives (not 3月15日,
        # nor 4月宣布: the date of an event)
        rf"|(?<![0-9.年月~～{_CN_SMALL}零〇○兩第个個几幾数數多每同-])(?P<mo0>{_MONTH})月份?"
        rf"{_ACT_DATE}"
        r"|(?<![0-9.年前连续近])(?:第(?P<q0b>[一二三四1-4])季度?|(?P<q0>[一二三四1-4])季度)"
        # 两年平均增长2.1%: an average over the N years that end at the figure's period
        rf"|(?<![0-9.])(?P<avg>[0-9]{{1,2}}|[{_CN_SMALL}]{{1,3}})年(?=平均|年均)"
        # 114年第4季, 民国114年: a year of the Republic of China calendar before a period word
        r"|(?<![0-9.])(?P<roc>1[0-4][0-9])年"
        r"(?:第(?P<rocq>[一二三四1-4])季度?|(?=度|全年|上半年|下半年|[0-9]{1,2}月|预测|前))"
        # 去年, 今年, 上年, 明年: the year before, of, or after the reference year
        # 去年第四季: a quarter of that year; 去年同期: the same period a year before
        # 今年1-3月, 去年前三季度: a run of months of that year
        # 一年前同月, 上一年同期 (Hong Kong, Macao): the same period a year before
        r"|(?P<yago>一年前|一年以前|上一年)的?(?:同月|同期|同季)"
        r"|(?P<rel>去年|今年|上年|明年|前年)(?:(?P<rsame>同期)|第?(?P<rq>[一二三四1-4])季度?"
        rf"|(?P<rrun>{_RUN_OF_MONTHS})|(?P<rmo>{_MONTH})月份?{_ACT_DATE}|(?P<rend>末|底))?"
        r"(?!末|底|[0-9一二三四1-4])"
        # 年末生猪存栏: the last day of the year of the time word before it
        r"|(?<![0-9年上去今明前本])(?P<yend>年末|年底)"
        # 首季, 次季 (Hong Kong and Macao columns): the first and the second quarter; not 次季度
        # (the next quarter) nor 首季度 (a count of quarters follows 首: 首3季)
        r"|(?<![0-9一二三四])(?P<ordq>[首次])季(?!度)"
        # 上季, 上季度, 上一季度: the quarter before the publication's (the latest ended one)
        r"|(?P<prevq>上一?个?個?季度?)"
        # 全年: the year of the time word before it (2025年第4季…全年), else the reference year;
        # not 全年目标 (完成全年目标的95.0%: a share of the target, in the period of its sentence)
        r"|(?P<whole>全年)(?!目标|目標|任务|任務|计划|計劃|预算|預算)"
        rf"|[{_OPEN}]?(?P<p>{names})[{''.join(QUOTE_PAIRS.values())}]?(?P<ps>期间|时期|以来|期末|末|初)?"
        # A count of years starts where its run of numerals starts: without the look-behinds a
        # run of 100,000 digits was tried from each of its positions (quadratic: 38 s).
        rf"|(?P<n>(?<![0-9])[0-9]{{1,4}}|(?<![{_CN_SMALL}])[{_CN_SMALL}]{{1,4}})年"
        r"(?:(?P<ago>前|以前)|(?=内?翻))"
    )


def _role(text: str, start: int, end: int, compared: tuple[str, ...] = ()) -> str:
    """The role of a time word from the characters before it (an opening quote is skipped)."""
    before = text[max(0, start - 4) : start].rstrip(_OPEN)
    if before.endswith(_BASE_WORDS) or before.endswith(_COMPARATIVES + compared):
        return "base"
    if before.endswith(_WITH_WORDS) and text.startswith(COMPARED_WORDS, end):
        return "base"  # 与2014年比较, 同上年相比: the base of a comparison
    if before.endswith(_TIMES_WORDS):
        after = _CLAUSE.search(text, end, end + 20)
        if "倍" in text[end : after.start() if after else end + 20]:
            return "base"
    if _CLAUSE.match(text, end) and _opens_comparison(text, start):
        return "base"
    if before.endswith(_FROM_WORDS):
        return "from"
    if before.endswith(TO_WORDS):
        return "to"
    return "point"


def _opens_comparison(text: str, start: int) -> bool:
    """Whether the clause that a time word at ``start`` ends opens with a comparing word
    (对比…的2019年)."""
    head = text[max(0, start - 24) : start]
    cut = max((m.end() for m in _CLAUSE.finditer(head)), default=0 if start <= 24 else -1)
    return cut >= 0 and head[cut:].lstrip().startswith(_COMPARING_CLAUSE)


def _list_word(m: re.Match[str], role: str) -> TimeWord | None:
    """A list of consecutive months or quarters of one year as the run of months it covers
    (7、8、9三个月: 7-9月; 三、四季度: 7-12月), or None for a list with gaps (3、6、9月)."""
    members = listed_months(m.group())
    if not members or members != list(range(members[0], members[0] + len(members))):
        return None
    if m["qlist"]:
        first, last = 3 * members[0] - 2, 3 * members[-1]
    else:
        first, last = members[0], members[-1]
    year = int(m["ly"]) if m["ly"] else 1911 + int(m["lroc"]) if m["lroc"] else None
    run = f"{first}-{last}月"
    return TimeWord(*m.span(), "months", f"{year}年{run}" if year else run, year, None, role)


def find_times(
    folded: str,
    pattern: re.Pattern[str],
    plans: dict[str, tuple[int, int]],
    compared: tuple[str, ...] = (),
) -> list[TimeWord]:
    """Every time word of the (digit-folded) article, in text order; ``compared``: the
    comparative words (:func:`comparatives`) after which a time word is a base."""
    out: list[TimeWord] = []
    for m in pattern.finditer(folded):
        role = _role(folded, m.start(), m.end(), compared)
        if (
            out
            and out[-1].role == "base"
            and m.start() - out[-1].end <= 1
            and not _CLAUSE.match(folded, out[-1].end)  # 对比…的2019年，一季度…: its own clause
        ):
            role = "base"  # 比“十二五”末2015年的: the year names the same base
        if m["s1"]:
            first, last = int(m["s1"]), int(m["s2"])
            if m["sn"] and _count(m["sn"]) == last - first + 1:
                first -= 1  # 2021至2025年这五年: five years of growth, from the end of 2020
            if first < last:  # from the end of the first year (docs/claims-format.md)
                out.append(TimeWord(*m.span(), "span", f"{first}-{last}", last, first, role))
        elif m["mlist"] or m["qlist"]:
            if (word := _list_word(m, role)) is not None:
                out.append(word)
        elif m["census"] or m["census2"]:
            if (date := CENSUS_DATES.get(_small_number(m["census"] or m["census2"]))) is not None:
                out.append(TimeWord(*m.span(), "census", date, int(date[:4]), None, role))
        elif m["congress"]:  # 十二大 met in 1982, and one every five years since
            year = 1982 + 5 * (_small_number(m["congress"]) - 12)
            out.append(TimeWord(*m.span(), "since", str(year), None, year, role))
        elif m["since"]:  # 2016年来: from the end of 2016 to the reference year
            out.append(TimeWord(*m.span(), "since", m["since"], None, int(m["since"]), role))
        elif m["nsince"] or m["dur"]:  # 十年来: the ten years to the reference year
            if n := _count(m["nsince"] or m["dur"]):
                out.append(TimeWord(*m.span(), "years_since", str(n), None, None, role))
        elif m["run0"]:  # the year is the file's reference year, as the loader reads it
            out.append(TimeWord(*m.span(), "months", m["run0"], None, None, role))
        elif m["mo0"]:
            period = f"M{_month_number(m['mo0']):02d}"
            out.append(TimeWord(*m.span(), "month", period, None, None, role))
        elif m["tmo"]:
            last = _month_number(m["tmo"])
            if last >= 3:  # three months within one year (截至2月止: December to February)
                run = f"{last - 2}-{last}月"
                if m["trel"]:
                    shift = -1 if m["trel"] == "去年" else 0
                    out.append(TimeWord(*m.span(), "relmonths", f"{shift}:{run}", None, None, role))
                else:
                    of = int(m["ty"]) if m["ty"] else None
                    period = f"{of}年{run}" if of else run
                    out.append(TimeWord(*m.span(), "months", period, of, None, role))
        elif m["yago"]:  # the same period a year before: a comparison's (default) base
            out.append(TimeWord(*m.span(), "rel_same", "-1", None, None, role))
        elif m["avg"]:
            n = _count(m["avg"])
            if n:
                out.append(TimeWord(*m.span(), "years_back", str(n), None, None, role))
        elif m["roc"]:
            year = 1911 + int(m["roc"])
            if m["rocq"]:
                q = _quarter(m["rocq"])
                out.append(TimeWord(*m.span(), "quarter", f"{year}Q{q}", year, None, role))
            else:
                out.append(TimeWord(*m.span(), "year", str(year), year, None, role))
        elif m["rel"]:
            shift = {"去年": -1, "上年": -1, "今年": 0, "明年": 1, "前年": -2}[m["rel"]]
            if m["rsame"]:  # 由去年同期的52.5%: a year before the period of the figure
                out.append(TimeWord(*m.span(), "rel_same", str(shift), None, None, role))
            elif m["rend"]:  # 比上年末: the last day of the year before
                out.append(TimeWord(*m.span(), "relyearend", str(shift), None, None, role))
            elif m["rrun"]:  # the year is known once the reference year is
                period = f"{shift}:{m['rrun']}"
                out.append(TimeWord(*m.span(), "relmonths", period, None, None, role))
            elif m["rmo"]:  # 去年十二月, 今年10月份: a month of that year
                period = f"{shift}:{_month_number(m['rmo'])}"
                out.append(TimeWord(*m.span(), "relmonth", period, None, None, role))
            elif m["rq"]:
                period = f"{shift}Q{_quarter(m['rq'])}"
                out.append(TimeWord(*m.span(), "relquarter", period, None, None, role))
            else:
                out.append(TimeWord(*m.span(), "relyear", str(shift), None, None, role))
        elif m["yend"]:
            out.append(TimeWord(*m.span(), "year_end", "年末", None, None, role))
        elif m["ordq"]:
            q = "1" if m["ordq"] == "首" else "2"
            out.append(TimeWord(*m.span(), "quarter", f"Q{q}", None, None, role))
        elif m["prevq"]:
            out.append(TimeWord(*m.span(), "prevquarter", "上季", None, None, role))
        elif m["whole"]:
            out.append(TimeWord(*m.span(), "whole_year", "全年", None, None, role))
        elif m["q0"] or m["q0b"]:  # a quarter of the reference year: Q1 until it is known
            quarter = m["q0"] or m["q0b"]
            q = _quarter(quarter)
            out.append(TimeWord(*m.span(), "quarter", f"Q{q}", None, None, role))
        elif m["y"]:
            year = int(m["y"])
            quarter = m["q"] or m["q2"]
            if m["run"]:
                out.append(TimeWord(*m.span(), "months", f"{year}年{m['run']}", year, None, role))
            elif quarter:
                q = _quarter(quarter)
                out.append(TimeWord(*m.span(), "quarter", f"{year}Q{q}", year, None, role))
            elif m["same"]:  # 2019年同期: the same period of 2019, a comparison's base
                out.append(TimeWord(*m.span(), "same_period", str(year), year, None, "base"))
            elif m["mo"]:
                period = f"{year}-{_month_number(m['mo']):02d}"
                out.append(TimeWord(*m.span(), "month", period, year, None, role))
            else:  # 2023年末: a stock at the year's last day (docs/claims-format.md, a date)
                period = f"{year}-12-31" if m["ye"] else str(year)
                out.append(TimeWord(*m.span(), "year", period, year, None, role))
        elif m["p"]:
            first, last = plans[m["p"]]
            suffix = m["ps"] or ""
            if suffix in ("末", "期末"):
                out.append(TimeWord(*m.span(), "plan_end", m["p"] + "末", last, first, role))
            elif suffix == "初":
                out.append(TimeWord(*m.span(), "plan_start", m["p"] + "初", first, first, role))
            else:
                out.append(TimeWord(*m.span(), "plan", m["p"], last, first, role))
        else:
            # 五年前 is a time word; 五年翻番 names its base the same way.
            role = "base" if not m["ago"] or role == "base" else "point"
            out.append(TimeWord(*m.span(), "ago", f"{m['n']}年前", None, None, role))
    return out


_LINE_END = re.compile(r"[。！？!?.…”’\"」』）)][ \t\u3000]*\n")


def paragraph_marks(text: str) -> list[int]:
    """Where paragraphs start: after a blank line; in a text without one whose lines end with
    sentence marks (two thirds of its line breaks or more), after each line break: such a text
    writes one paragraph a line, and a hard-wrapped one breaks its lines anywhere."""
    marks = [m.end() for m in _PARAGRAPH.finditer(text)]
    if marks:
        return marks
    breaks = text.count("\n")
    if breaks and 3 * len(_LINE_END.findall(text)) >= 2 * breaks:
        return [m.end() for m in re.finditer("\n", text)]
    return marks


class ArticleContext:
    """Clause and sentence boundaries and time words of one article, searched by bisection."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        plans: dict[str, tuple[int, int]],
        compared: tuple[str, ...] = (),
    ):
        self.text = text
        # 二零一五年 reads as 2015年 (the same length: offsets hold)
        self.folded = _CN_YEAR.sub(_digits, text.translate(FOLD))
        starts = [m.start for m in mentions]
        ends = [m.end for m in mentions]

        def inside(pos: int) -> bool:
            i = bisect_right(starts, pos) - 1
            return i >= 0 and pos < ends[i]

        self.clause_marks = [m.start() for m in _CLAUSE.finditer(text) if not inside(m.start())]
        self.sentence_marks = [m.start() for m in _SENTENCE.finditer(text) if not inside(m.start())]
        self.times = find_times(self.folded, time_pattern(plans), plans, compared)
        self.paragraph_marks = paragraph_marks(text)
        self._time_starts = [t.start for t in self.times]
        self.mention_starts, self.mention_ends = starts, ends

    @staticmethod
    def _span(marks: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect_right(marks, pos - 1)  # marks before pos
        start = marks[i - 1] + 1 if i else 0
        j = bisect_left(marks, pos)
        return start, marks[j] if j < len(marks) else length

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around an offset: start (after the mark) and end (at the next mark), at
        most REACH characters on either side of it. A text without marks is one clause; every
        figure slicing it all made the extractor quadratic ('1年' * 50000: 14 s, 752 MB)."""
        start, end = self._span(self.clause_marks, pos, len(self.text))
        return max(start, pos - REACH), min(end, pos + REACH)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around an offset."""
        return self._span(self.sentence_marks, pos, len(self.text))

    def times_before(self, pos: int) -> list[TimeWord]:
        """The time words of the sentence of ``pos`` that end before it, at most ``REACH``
        characters back (a time word further away times nothing, and a text without sentence
        marks must not make every figure scan it all)."""
        start, _ = self.sentence(pos)
        return self.times_between(max(start, pos - REACH), pos)

    def carried(self, pos: int) -> TimeWord | None:
        """The time word a figure without one in its sentence is read in: the last point of
        time before it in its paragraph, else the first of the article's lead (its heading or
        dateline: 一季度全省生产总值… times the release; :meth:`lead_end`)."""
        start, _ = self.sentence(pos)
        i = bisect_left(self._time_starts, start) - 1
        par = self.paragraph_start(pos)
        while i >= 0 and self.times[i].start >= par and start - self.times[i].start <= 4 * REACH:
            if self.times[i].role == "point" and self.times[i].kind not in (
                "years_back",
                "rel_same",
            ):
                return self.times[i]
            i -= 1
        if par == 0:
            return None
        lead_end = self.lead_end()
        for t in self.times:
            if t.start >= lead_end:
                break
            if t.role == "point" and t.kind in ("quarter", "months", "month", "year"):
                return t
        return None

    def lead_end(self) -> int:
        """Where the article's lead ends: its heading, byline and dateline lines up to the end
        of the first paragraph that ends a sentence (每经编辑 孙志成 / 4月16日，…发布一季度…。),
        at most ``REACH`` characters in."""
        end = self.paragraph_end(0)
        while end < min(REACH, len(self.text)) and not _SENTENCE_END.search(self.text, 0, end):
            end = self.paragraph_end(end)
        return end

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph of ``pos`` starts (after a blank line, or the text's start)."""
        i = bisect_right(self.paragraph_marks, pos) - 1
        return self.paragraph_marks[i] if i >= 0 else 0

    def paragraph_end(self, pos: int) -> int:
        """Where the paragraph of ``pos`` ends."""
        i = bisect_right(self.paragraph_marks, pos)
        return self.paragraph_marks[i] if i < len(self.paragraph_marks) else len(self.text)

    def times_between(self, start: int, end: int) -> list[TimeWord]:
        """The time words that lie wholly in [start, end)."""
        i = bisect_left(self._time_starts, start)
        out = []
        while i < len(self.times) and self.times[i].start < end:
            if self.times[i].end <= end:
                out.append(self.times[i])
            i += 1
        return out

    def time_at(self, start: int, end: int) -> TimeWord | None:
        """The time word that contains the span [start, end), if any."""
        i = bisect_right(self._time_starts, start) - 1
        if i >= 0 and self.times[i].start <= start and end <= self.times[i].end:
            return self.times[i]
        return None


def places(text: str) -> Counter[str]:
    """Place names (金昌市, 永昌县) scored by how often their stem occurs in the text."""
    names = {m[1] + m[2] for m in _PLACE.finditer(text) if not _NOT_STEM & set(m[1])}
    return Counter({name: text.count(name[:-1]) for name in names})


UNKNOWN_ENTITY = "未识别"  # the entity of an article that names no place


def guess_entity(text: str) -> str:
    """The place the article is most about: the most frequent 市/县/区/省 name, by stem."""
    scored = places(text)
    if not scored:
        return UNKNOWN_ENTITY
    # Ties go to the longer name (乌鲁木齐市 over 木齐市, whose stems occur together), then to
    # the larger unit (a city over its district).
    rank = {"省": 0, "市": 1, "县": 2, "区": 3}
    return min(scored, key=lambda n: (-scored[n], -len(n), rank[n[-1]], n))


def is_place(word: str) -> bool:
    """True for a short place name such as 永昌县 or 金川区."""
    return 3 <= len(word) <= 6 and word[-1] in "省市县区镇乡村州" and not _NOT_STEM & set(word[:-1])


def quoted_name(text: str, start: int, end: int, longest: int = 20) -> bool:
    """True when [start, end) stands inside a short quoted or titled phrase with no clause mark:
    a name (“2+4+N”现代化产业体系, “23条”, 《…》), not a figure. Quoted speech has punctuation."""
    left = max(0, start - longest)
    before = text[left:start]
    open_at = max(before.rfind(c) for c in _OPEN)
    if open_at < 0:
        return False
    closer = QUOTE_PAIRS[before[open_at]]
    if closer in before[open_at + 1 :]:
        return False
    after = text[end : end + longest]
    close_at = after.find(closer)
    if close_at < 0:
        return False
    inner = before[open_at + 1 :] + text[start:end] + after[:close_at]
    return not _CLAUSE.search(inner)


MAX_QUOTE = 150  # characters; a real clause is far shorter
_PAIRS = {k: v for k, v in (QUOTE_PAIRS | BRACKET_PAIRS).items() if k != v}  # not "
_OPENERS = "".join(_PAIRS)
_CLOSERS = "".join(_PAIRS.values())
_CLOSING = {v: k for k, v in _PAIRS.items()}


def quote_span(ctx: ArticleContext, a: int, b: int, start: int, end: int) -> tuple[str, int, int]:
    """The text of [a, b), trimmed of spaces and unpaired quote marks; a clause much longer
    than a sentence (a text without punctuation) is cut to a window around [start, end)."""
    if b - a > MAX_QUOTE:
        a, b = max(a, start - MAX_QUOTE // 3), min(b, end + MAX_QUOTE // 3)
    text = ctx.text
    while a < b and (
        text[a].isspace()
        or text[a] in _CLOSERS
        or (text[a] in _OPENERS and not _closes(text, a, b))
    ):
        a += 1
    while b > a and (
        text[b - 1].isspace()
        or text[b - 1] in _OPENERS
        or (text[b - 1] in _CLOSERS and not _opens(text, a, b))
    ):
        b -= 1
    return text[a:b], a, b


def _closes(text: str, a: int, b: int) -> bool:
    return _PAIRS[text[a]] in text[a + 1 : b]


def _opens(text: str, a: int, b: int) -> bool:
    return _CLOSING[text[b - 1]] in text[a : b - 1]
