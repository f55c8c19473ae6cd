"""Find the numeric mentions of an article: every number the text uses as a number.

A mention is a verbatim span (``670亿元``, ``33.8%``, ``三分之二``, ``翻一番``, ``十四五``) with its
position and, when it has one, its value. The coverage check needs every figure of an article to be
claimed or explicitly ignored, so when in doubt the finder reports a span and lets the editor ignore
it. The scan is one pass of one compiled regex whose alternatives are tried in a fixed order at each
position where a number can start; a few lines of Python then decide whether a Chinese numeral is
a quantity:

* A lone 一 is never a mention, except in 一倍 (增加了一倍). Before a measure word it is the
  indefinite article (一座, 一个, 一刻钟, 最后一公里); elsewhere it is part of a word (统一, 一体化,
  一带一路). 零 alone (零件) is not one either, except as a result (降为零, below).
* Any other single numeral (三, 两, 十, 千, 万 …) is a mention only before a measure word from
  MEASURE_WORDS: 三年, 五个, 十年前, 三大行动, 万人, and 千米井下 ("a thousand metres down").
  Numerals in labels without a measure word (五城一区, 八改, 三调对接, 三酸两碱) are not.
* A run with a place-value character (十四, 百亿, 一万五千亿) or spelled digit by digit (二〇二五)
  is a number by itself if cn2an can read it (万千 cannot). Two bare digits (三四年, "three or
  four years") need a measure word and have no value; so do numerals after 数/几 (数千户).
* Fixed phrases in IDIOMS are skipped whole (千万工程, 第一动力, 十分, 二元壁垒).
* Special forms: ordinals (第二, 第四批; every ordinal may be a rank, so 第一缕阳光 is a mention the
  editor ignores), ranks (前三), plans (十四五, value 14), fractions (三分之二, 百分之五 as a
  percent), tenths (八成 = 0.8), 两位数 (no value) and doublings (翻番 and 翻一番 = 1, 翻两番 and
  翻了两番 = 2).
* A zero written as a result (降为零, 降至零, 减少到零) is a figure when it ends its clause; 零件,
  零售 and 零距离 are words.

English figures written as words are mentions too: the multiples ``doubled``, ``tripled``,
``trebled``, ``quadrupled`` (the factor) and ``halved`` (0.5), and fractions where they measure
something (``a third of``, ``by a third``, ``two-thirds``, ``one-third``, ``by half``); a third
term and a quarter earlier are an ordinal and a period. The measure words are units.txt's and
those of the rule pack's ``units:`` section in force (:func:`pattern_for`).

A minus sign directly before the digits (``增长−3.5%``, ``气温-2.5℃``) is part of the mention and
of its value, except where it is a dash between two figures (2021-2025, 1-9月, 10%-15%). The
unit symbols ℃, °C and km² end a mention as units do (36℃, 3.5km²).

Arabic numbers are always mentions, with thousands separators, decimals, full-width digits, an
attached magnitude and unit (670亿元, 0.9个百分点), ratios (2.29:1 = 2.29; 18.2:35.6:46.2 has no
value), products (2×100万千瓦
= 200), sums (2+4+N, no value), purity grades (4N5 = 99.995, form "percent") and letter suffixes
(5G = 5). A value is the number as written without a trailing 万/亿 magnitude (670亿元 -> 670,
一万五千亿 -> 15000, 万人 -> 1), so value times the magnitude in the text is the quantity, in
both numeral scripts, and in traditional characters as in simplified. Form "percent" means
``%``, ``％`` or 百分之; 个百分点 keeps the digits' form.
"""

import heapq
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck import en
from factcheck.charmap import CharMap
from factcheck.numbers import read_numeral
from factcheck.units import names_in, pack_definitions
from factcheck.zh import (
    MAGNITUDES,
    MINUS_SIGNS,
    NOT_MEASURE_WORDS,
    NUMERALS,
    OLD_TENS,
    PLACE_VALUES,
    SCALES,
    ZERO_SIGNS,
    chinese_units,
    fold,
    measure_words,
)

# Units and measure words (zh.measure_words, derived from units.txt). After an Arabic number they
# only extend the span; after a single Chinese numeral they are what makes it a quantity (三年)
# rather than part of a word (三调).
MEASURE_WORDS: frozenset[str] = measure_words()

# Fixed phrases whose numerals are not quantities; matched before anything else and skipped. Most
# phrases with a lone 一 need no entry, since the lone-一 rule already drops them.
IDIOMS: frozenset[str] = frozenset(
    {
        *("千万", "万千", "万万", "千千万万", "万一", "十分", "万分", "二元", "三位一体"),
        *("第一动力", "第一时间", "第一书记", "第一线", "千方百计", "千家万户", "千军万马"),
        *("万家灯火", "百家争鸣", "三天两头", "五湖四海", "四面八方", "十全十美", "接二连三"),
        *("三番五次", "七上八下", "九牛一毛", "万无一失", "三次产业"),
    }
)

# Scales that a Chinese value leaves out (zh.SCALES): 千 and 百 are place values inside Chinese
# numerals (五千 is 5000), so unlike after Arabic digits they are not treated as magnitudes.
_PLACE_CHARS = frozenset(PLACE_VALUES + "".join(OLD_TENS))  # 卅八 is 三十八, never "3 or 8"
_PURITY = re.compile(r"([0-9]+)N([0-9]?)")  # matched against NFKC text, so ASCII digits suffice


def _alternation(words: frozenset[str]) -> str:
    """Regex alternation of words as a trie (个(?:百分点|月)?): a longer word wins over its
    prefix, as a list sorted longest first would make it (个百分点 over 个), but the words share
    their prefixes, which makes the pattern several times quicker to compile and to try."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(trie)


def _branches(node: dict[str, dict]) -> str:
    """The alternation of a trie node's continuations; its own end (if a word ends there) is
    tried last, so the longest word matches first."""
    ends = "" in node
    parts = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if not ends:
        return body
    return f"{body}?" if len(parts) > 1 or len(parts[0]) == 1 else f"(?:{body})?"


# Full-width digits are read as ASCII ones: find_mentions maps them one to one before the scan,
# so that every digit class of the pattern is ASCII (beyond Latin-1, each would cost the regex
# compiler a walk over a 64K table: the pattern compiled in twice the time).
_DIGITS = "0123456789"
_WIDE_DIGITS = "０１２３４５６７８９"
_TO_ASCII = CharMap(str.maketrans(_WIDE_DIGITS, _DIGITS))
_ZERO = CharMap(ZERO_SIGNS)
_DIG = f"[{_DIGITS}]"
# The separator lookahead keeps "30,2025年" (a comma used as Chinese punctuation) two numbers.
_NUM = rf"{_DIG}+(?:,{_DIG}{{3}}(?!{_DIG}))*(?:[.．]{_DIG}+)?"
_CN = NUMERALS
# A decimal part after 点, or after ． as Taiwan's press prints it (六四〇．五億美元), with the
# scale after it.
_RUN = rf"[{_CN}]+(?:[点．][零〇一二三四五六七八九]+(?:万亿|亿|万)?)?"
_MAG = _alternation(MAGNITUDES)
# Unit symbols of units.txt that are no letters alone: 36℃ (or 36°C), 3.5km² (or km2).
_SYMBOLS = "℃|°C|km[²2]"


def _compile(measure: frozenset[str]) -> re.Pattern[str]:
    """The scan's pattern with these measure words (units.txt's, and a pack's units)."""
    mw = _alternation(measure)
    return re.compile(
        # 十分之一 and 十分钟 are numbers, so an idiom never swallows a following 之 or 钟.
        rf"(?P<skip>(?:{_alternation(IDIOMS)})(?![之钟]))"
        rf"|(?P<plan>(?<![{_CN}])十[一二三四五六七八九]五(?![{_CN}]))"
        rf"|(?P<mult>翻了?(?P<mult_n>[一二两三四五六七八九十]|{_DIG}+)?番)"
        rf"|(?P<frac>(?P<den>{_RUN})分之(?P<num>{_RUN}))"  # 三分之二: denominator first
        rf"|(?P<ord>第(?P<ord_n>{_RUN})(?:{mw})?)"
        # 前三 is a rank, but in 提前三年 the numeral belongs to 三年: no measure word may follow.
        rf"|(?P<rank>前(?P<rank_n>[二两三四五六七八九十][{_CN}]*)(?![{_CN}]|[余多]?(?:{mw})))"
        rf"|(?P<tenth>(?<![{_CN}])(?P<tenth_n>[二两三四五六七八九])成)"
        rf"|(?P<places>[一二两三四五六七八九十]+位数)"
        # 3萬8748美元, 4萬951美元: Taiwan's press writes 38748 so (the 万 part, then the rest)
        rf"|(?P<wan>{_DIG}{{1,4}} ?万 ?{_DIG}{{1,4}}(?![{_DIGITS}.．,万亿]))"
        rf"(?: ?(?P<wan_tail>{mw}))?"
        rf"|(?P<ar>{_NUM}(?:(?:[:：]{_NUM})+|×{_NUM}|(?:\+(?:{_NUM}|N(?![A-Za-z0-9])))+"
        rf"|(?P<sym>{_SYMBOLS})(?![A-Za-z0-9])|N{_DIG}?(?![A-Za-z])|[A-Za-z]+(?!{_DIG}))?)"
        # 44.1 萬人 (Taiwan's press spaces a figure from its magnitude): one space before 万/亿
        rf"(?P<ar_tail>[%％]|[余多]?(?:(?:{_MAG})?(?:{mw})|{_MAG})| (?:万亿|亿|万)(?:{mw})?)?"
        # 降为零, 降至零: a zero that ends its clause is a figure; 零件, 零售, 零距离 are words.
        rf"|(?P<zero>(?<=[为至到])[零〇](?=[，。；、！？,.;!?”’\s]|$))"
        # 数千户, 几十年: 数 and 几 before a place value; 预测数一七二三亿, 数百分之五 are no guess.
        rf"|(?P<approx>[数几](?=[十百千万亿](?!分之)))?(?P<cn>{_RUN})"
        rf"(?P<cn_tail>[%％]|[余多]?(?:{mw}))?"  # 年增五十六％: Chinese numerals, a percent sign
    )


_PATTERN = _compile(MEASURE_WORDS)


# Every character a match can start with: a digit, a Chinese numeral, the first character of a
# special form (翻番, 第二, 前三, 数千, 几十) or of an idiom. Python's regex engine tries each
# alternative of _PATTERN at every position of the text; jumping from one of these characters to
# the next first makes the scan 2.5 times faster (tests/test_mentions.py checks it finds what
# finditer finds).
_STARTS = re.compile(
    "["
    + re.escape(
        "".join(sorted({*_DIGITS, *_CN, "翻", "第", "前", "数", "几"} | {w[0] for w in IDIOMS}))
    )
    + "]"
)


@lru_cache(maxsize=8)
def pattern_for(definitions: tuple[str, ...]) -> re.Pattern[str]:
    """The scan's pattern once a rule pack's ``units:`` lines are in force: their Chinese names
    are measure words as units.txt's are (so 3标箱 is one mention, and 三标箱 a quantity), as
    the claims parser knows their units. Built once per pack; without one, the shipped pattern."""
    extra = chinese_units(names_in(definitions)) - MEASURE_WORDS - NOT_MEASURE_WORDS
    return _compile(MEASURE_WORDS | extra) if extra else _PATTERN


def matches(text: str, pattern: re.Pattern[str] = _PATTERN) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text``, as ``pattern.finditer`` gives them."""
    search, match = _STARTS.search, pattern.match
    at = search(text)
    while at is not None:
        m = match(text, at.start())
        if m is None:
            at = search(text, at.start() + 1)
        else:
            yield m
            at = search(text, max(m.end(), at.start() + 1))  # no match is empty; never loop


@dataclass(frozen=True, slots=True)
class Mention:
    """One number as the article writes it, with its position and value."""

    text: str  # verbatim characters, e.g. "33.8%", "670亿元", "三分之二", "翻一番", "十四五"
    start: int  # 0-based character offset (str index)
    end: int  # exclusive
    line: int  # 1-based line
    col: int  # 1-based column, in characters
    value: float | None  # the number as written, without a trailing 万/亿 magnitude
    form: str  # arabic, fullwidth, percent, fraction, chinese, plan or multiple


@lru_cache(maxsize=4096)
def _cn_number(numeral: str) -> float | None:
    """Value of a Chinese numeral (十四, 百亿, 三点五) read by cn2an, or None if it is not one."""
    if numeral[0] in "百千万亿":
        numeral = "一" + numeral  # cn2an reads 十 but not 百亿 or 千 without the leading 一
    try:  # never more than MAX_CN_LENGTH characters: a longer run is not one number
        return float(read_numeral(numeral, "normal"))
    except Exception:  # noqa: BLE001 - malformed input raises ValueError, KeyError, ...
        return None


def _cn_value(run: str) -> float | None:
    """Value of a Chinese numeral without its trailing 万/亿 magnitude: 一万五千亿 -> 15000."""
    value = _cn_number(run)
    if value is not None:
        for suffix, scale in SCALES:
            if run.endswith(suffix):
                return value / scale
    return value


def _arabic_value(core: str) -> float | None:
    """Value of the digits part of an Arabic mention (no tail): ratio, product, purity or plain."""
    s = unicodedata.normalize("NFKC", core).replace(",", "")
    try:
        if "+" in s:
            return None  # 2+4+N names a structure, not a quantity
        if ":" in s:
            parts = s.split(":")
            if len(parts) > 2:
                return None  # 18.2:35.6:46.2, a structure of three parts, has no single value
            return float(parts[0]) / float(parts[1])
        if "×" in s:
            a, b = s.split("×")
            return float(a) * float(b)
        if purity := _PURITY.fullmatch(s):  # 4N5: four nines then a 5, i.e. 99.995 %
            nines, last = int(purity[1]), int(purity[2] or 0)
            return 100 - 10.0 ** (2 - nines) * (1 - last / 10)
        return float(s.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


def _classify(m: re.Match[str], text: str) -> tuple[float | None, str] | None:
    """(value, form) of one regex match in the scanned form of ``text``, or None when the match
    is not a mention."""
    # The alternative that matched is the last group to close: its own name, or that of its
    # optional tail (ar_tail, cn_tail). One look at it replaces a test of every group.
    kind = m.lastgroup
    if kind == "skip":
        return None
    if kind == "plan":
        return _cn_number(m["plan"][:2]), "plan"
    if kind == "mult":
        n = m["mult_n"]  # 翻番 without a count is one doubling
        if n is None:
            return 1.0, "multiple"
        return (_arabic_value(n) if n[0] in _DIGITS else _cn_number(n)), "multiple"
    if kind == "frac":
        num, den = _cn_number(m["num"]), _cn_number(m["den"])
        if m["den"] == "百":
            return num, "percent"
        return (num / den if num is not None and den else None), "fraction"
    if kind in ("ord", "rank"):
        return _cn_number(m["ord_n"] or m["rank_n"]), "chinese"
    if kind == "tenth":
        tenths = _cn_number(m["tenth_n"])
        return (None if tenths is None else tenths / 10), "fraction"
    if kind == "places":
        return None, "chinese"  # 两位数 is a range of values, not one
    if kind == "zero":
        return 0.0, "chinese"
    if kind in ("wan", "wan_tail"):
        high, low = m["wan"].replace(" ", "").split("万")
        return int(high) * 10_000 + int(low), "arabic"
    if kind in ("ar", "ar_tail"):
        if m["ar_tail"] in ("%", "％") or _PURITY.fullmatch(unicodedata.normalize("NFKC", m["ar"])):
            form = "percent"
        elif any(c in _WIDE_DIGITS for c in text[m.start("ar") : m.end("ar")]):
            form = "fullwidth"
        else:
            form = "arabic"
        core = m["ar"] if m["sym"] is None else m["ar"][: -len(m["sym"])]
        return _arabic_value(core), form
    run = m["cn"]
    if run == "一" and m["cn_tail"] == "倍":
        return 1.0, "chinese"  # 增加了一倍: "one times" is a multiple, never an article
    if run in ("一", "零", "〇"):
        return None  # the indefinite article, or a word such as 零件
    bare = len(run) == 1 or (len(run) == 2 and not _PLACE_CHARS & set(run))
    if bare and not m["cn_tail"]:
        return None  # 五城一区, 三调对接: a numeral in a label, not a quantity
    if m["approx"] or (bare and len(run) == 2):
        return None, "chinese"  # 数千户, 三四年: approximate, no single value
    value = _cn_value(run)
    if value is None and not bare:
        return None  # not a well-formed numeral (万千)
    return value, "percent" if m["cn_tail"] in ("%", "％") else "chinese"


# English words that are figures (docs/conventions.md §9): multiples written as verbs (en.py's
# MULTIPLES and DIVISIONS), and fractions (en.FRACTIONS). "a third" is a fraction only where it
# measures something (a third of, by a third, two-thirds): a third term or a quarter earlier is
# an ordinal or a period, not a figure.
_ONE = r"(?:(?:a|one)[- ](?:half|third|quarter|fifth)|half)"


@cache
def _english_pattern() -> re.Pattern[str]:
    """The English words' pattern, compiled when a text with Latin letters is first met."""
    return re.compile(
        rf"\b(?P<en_mult>{'|'.join([*en.MULTIPLES, *en.DIVISIONS])})\b"
        r"|\b(?P<en_many>(?:two|three|four)[- ](?:thirds|quarters|fifths)"
        r"|one-(?:third|quarter|fifth))\b"
        rf"|(?:(?<=\bby )|\b)(?P<en_one>{_ONE})\b(?=\s+of\b)"
        rf"|(?<=\bby )(?P<en_by>{_ONE})\b",
        re.IGNORECASE,
    )


_LETTER = re.compile(r"[A-Za-z]")
# The words the English pattern looks for, in lower case: a text without one of them needs no
# pass of that pattern (a substring test in C, ten times quicker than the pattern's scan).
_ENGLISH_KEYS = (*en.MULTIPLES, *en.DIVISIONS, "half", "third", "quarter", "fifth")


def _has_english_word(text: str) -> bool:
    lower = text.lower()
    return any(key in lower for key in _ENGLISH_KEYS)


def _english(text: str) -> Iterator[tuple[re.Match[str], tuple[float | None, str]]]:
    """The English figures written in words (doubled, halved, a third of, two-thirds)."""
    for m in _english_pattern().finditer(text):
        word = re.sub(r"[- ]", "", m.group().lower())
        if word in en.MULTIPLES:
            yield m, (float(en.MULTIPLES[word]), "multiple")
        elif word in en.DIVISIONS:
            yield m, (1 / en.DIVISIONS[word], "multiple")
        elif word in en.FRACTIONS:
            num, den = en.FRACTIONS[word]
            yield m, (num / den, "fraction")


# A span of the text (start, end) whose mentions the caller does not want: None, or what says so.
Skip = Callable[[int, int], bool] | None


def _found(
    scan: str, text: str, skip: Skip = None
) -> Iterator[tuple[re.Match[str], tuple[float | None, str]]]:
    """The matches that are mentions, with their (value, form), in text order: the scan of
    digits and numerals, and where the text has Latin letters, the English words. A match
    ``skip`` takes is left out unread (a sign before it, which would widen it, taken too)."""
    found_numbers = (
        (m, found)
        for m in matches(scan, pattern_for(pack_definitions()))
        if not (skip and _skipped(m, scan, skip)) and (found := _classify(m, text)) is not None
    )
    if not _LETTER.search(scan) or not _has_english_word(scan):
        yield from found_numbers  # a Chinese text with GDP or 5G in it: no English pass to run
        return
    words = _english(scan)
    if skip:
        words = (pair for pair in words if not skip(*pair[0].span()))
    # The two never overlap (one needs a digit or a numeral, the other letters only).
    yield from heapq.merge(found_numbers, words, key=lambda pair: pair[0].start())


def _skipped(m: re.Match[str], scan: str, skip: Callable[[int, int], bool]) -> bool:
    """Does ``skip`` take the mention ``m`` may be, whether or not a minus sign before it joins
    it (find_mentions)?"""
    start, end = m.span()
    if not skip(start, end):
        return False
    return not start or scan[start - 1] not in _SIGNS or skip(start - 1, end)


# A minus sign before the digits (zh.MINUS_SIGNS) and what ends a figure before it: after one of
# these, the sign is a dash between two figures (2021-2025, 1-9月, 10%-15%, 2.5万-3万, 三-五年).
_SIGNS = frozenset(MINUS_SIGNS)
_FIGURE_ENDS = frozenset(
    {*_DIGITS, *_CN, *"%％‰℃)）]】”", *(w[-1] for w in MEASURE_WORDS | MAGNITUDES)}
)


def _signed(m: re.Match[str], scan: str) -> bool:
    """Is the Arabic figure of ``m``, after a minus sign, written with a leading minus:
    ``增长−3.5%``, ``气温-2.5℃``, ``growth of -3.5%``? Not in a span (2021-2025, 2021 - 2025,
    1-9月) nor after a word's letter (COVID-19)."""
    start = m.start()
    if m.lastgroup not in ("ar", "ar_tail"):
        return False
    at = start - 2  # the character before the sign, then back over spaces (a few at most)
    while at >= 0 and scan[at].isspace() and start - at < 10:
        at -= 1
    if at < 0:
        return True  # the sign opens the text
    last, spaced = scan[at], at < start - 2
    return last not in _FIGURE_ENDS and (spaced or not last.isascii() or not last.isalpha())


def find_mentions(text: str, skip: Skip = None) -> list[Mention]:
    """Return the numeric mentions of ``text`` in text order, without overlaps.

    Lines are separated by ``\\n``; columns count characters from 1. Traditional characters read
    as simplified (萬, 億, 兩, 個百分點): the text is folded character by character, so offsets
    stay, and each mention's text is the article's as written.

    ``skip(start, end)``, when given, says which spans the caller does not want (coverage: those
    a quote covers): a mention there is left out without being read, and the others are found
    exactly as without it.
    """
    mentions: list[Mention] = []
    line, line_start, scanned = 1, 0, 0
    scan = _ZERO(_TO_ASCII(fold(text)))  # one for one: offsets stay
    for m, found in _found(scan, text, skip):
        start, end = m.span()
        if start and scan[start - 1] in _SIGNS and found[0] is not None and _signed(m, scan):
            start, found = start - 1, (-found[0], found[1])  # 增长−3.5%, 气温-2.5℃
        # Mentions come in order, so count newlines incrementally: one pass over the text.
        newlines = text.count("\n", scanned, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        written = text[start:end]
        mentions.append(Mention(written, start, end, line, start - line_start + 1, *found))
    return mentions
