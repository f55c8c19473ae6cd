"""Parsing a stated value as the article writes it: ``突破670亿元``, ``下降35%``, ``3.4倍``,
``增长2倍``, ``翻两番``, ``2.29:1``, ``三分之二``, ``八成左右``, ``两位数``, ``第二``.

The result, :class:`Stated`, keeps the figure exactly as written (a Decimal plus the exponent of
its last written digit), because the rule engine turns that precision into an interval. Qualifier
words come from the rule pack's lexicon, passed in, so that the loader, the engine and the
extractor share one list.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from factcheck import en
from factcheck.charmap import CharMap
from factcheck.errors import ValueProblem
from factcheck.numerals import read_integer
from factcheck.zh import (
    DIGIT_VALUES,
    DIGIT_WORDS,
    DOWN_VERBS,
    FROM_BOTTOM,
    INCREMENT_VERBS,
    LAST_PLACE,
    MORE_AFTER_MAGNITUDE,
    MORE_LESS,
    NO_CHANGE,
    NUMERALS,
    OLD_TENS,
    RANK_DOWN_VERBS,
    RANK_STEPS,
    RANK_UP_VERBS,
    SCALES,
    UP_VERBS,
    ZERO_SIGNS,
    has_traditional,
    simplified,
)

_CN_DIGITS = "零〇一二三四五六七八九"
# Thousands separators only in groups of three: "1,3" is not 13.
_NUMBER = re.compile(r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?")
# Ten thousands, then the rest, in Arabic digits (3万8748美元, 4萬951美元): Taiwan's press.
_WAN = re.compile(r"^(\d{1,4})万(\d{1,4})(?![\d.,])")
_TIMES = re.compile(r"^(\d{1,6})[×xX*]")
# A run of Chinese numerals needs a digit word, or a leading 百/千 (百亿 = one hundred 亿).
# A decimal part follows 点, or a point (．, NFKC: .) in Taiwan's press: 四点七七个百分点,
# 百分之七点九一, 五七八四．九亿美元; a scale may follow it.
_CN_RUN = re.compile(
    f"(?:[{NUMERALS}]*[{DIGIT_WORDS}][{NUMERALS}]*|[百千][{NUMERALS}]*)"
    f"(?:[点.][{_CN_DIGITS}]+(?:万亿|亿|万)?)?"
)
_FRACTION = re.compile(r"^(.+?)分之(.+)$")
_PERCENT_CN = re.compile(r"^百分之(.+)$")
_RATIO = re.compile(r"^([+-]?[\d.]+):([+-]?[\d.]+)$")
_DOUBLING = re.compile(r"^翻(.*)番$")
_RANK = re.compile(r"^(第|前)?(.+?)(位|名)?$")
_FIRST = ("首位", "首", "榜首", "第一")
# A change of rank: 上升3位, 前移两个位次, 下降2名 (the verb, then the number of places).
_RANK_CHANGE = re.compile(
    f"^({'|'.join(RANK_UP_VERBS + RANK_DOWN_VERBS)})了?(.+?)({'|'.join(RANK_STEPS)})$"
)
_CN_SINGLE = DIGIT_VALUES | {"十": 10}
# Written figures beyond these powers of ten are typing accidents or attacks (1e999999): refusing
# them keeps every later float finite and every Decimal power cheap.
MAX_EXPONENT = 30
MAX_CN_LENGTH = 40
MAX_LENGTH = 200  # a value is a few words; anything longer is a paste accident


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Qualifier words and the bound each one sets (``above``, ``below``, ``near``, ``approx``,
    ``equal``), split into words written before the figure and words written after it."""

    prefixes: dict[str, str]
    suffixes: dict[str, str]

    def __post_init__(self) -> None:
        # Longest first, so that 超过 wins over 超; a word a pack writes in traditional
        # characters (約) is matched in simplified, as values are read.
        # English words (more than, about) are matched as values are read: lower case, no spaces.
        for side in ("prefixes", "suffixes"):
            words = {_fold_latin(simplified(w)): b for w, b in getattr(self, side).items()}
            object.__setattr__(self, side, dict(sorted(words.items(), key=lambda kv: -len(kv[0]))))


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure as written.

    ``form`` is ``number`` (a quantity or a rate: see ``unit``), ``multiple`` (a ratio to a base:
    ``number`` is that ratio), ``ratio`` (``a:b``), or ``rank`` (``reading`` ``last`` for a place
    counted from the bottom, 倒数第二 = 2; ``change`` for a change of rank, 上升3位 = 3, 下降2位 =
    -2). ``exponent`` is the power of ten
    of the last written digit (``33.8`` → -1), or None when the figure is exact (``三分之二``,
    ``翻番``). ``lo``/``hi`` replace the rounding interval where the words give the range
    themselves (``两位数`` is [10, 100), ``前三`` is rank 1 to 3).
    """

    text: str
    form: str
    number: Decimal
    exponent: int | None
    unit: str = ""
    qualifier: str | None = None
    bound: str = "equal"
    factor: int = 1
    # multiples: "times" (是…的N倍), "increase" (增长N倍), "doubling"; ranks: "last", "change"
    reading: str | None = None
    lo: Decimal | None = None
    hi: Decimal | None = None
    verb: str | None = None  # the direction verb written before the figure (增加, 下降), if any
    # A new field must be passed on where parse_value rebuilds a Stated with its text.


_LATIN = re.compile(r"[A-Za-z$€£]")


def _fold_latin(text: str) -> str:
    """A text with Latin letters in lower case and without spaces (``More than`` → ``morethan``);
    a text without them as it is."""
    return text.lower().replace(" ", "") if _LATIN.search(text) else text


def cn_number(text: str) -> Fraction:
    """The value of a Chinese numeral (``二``, ``一万五千亿``, ``三分之二``, ``百分之五``)."""
    if m := _PERCENT_CN.match(text):
        return cn_number(m.group(1)) / 100
    if m := _FRACTION.match(text):
        denominator = cn_number(m.group(1))
        if not denominator:
            raise ValueProblem("E108", f"'{text}' divides by zero")
        return cn_number(m.group(2)) / denominator
    if text in _CN_SINGLE:
        return Fraction(_CN_SINGLE[text])
    if len(text) > MAX_CN_LENGTH:
        raise ValueProblem("E108", f"Chinese numeral '{text[:20]}…' is too long")
    if text.startswith(("十", "百", "千")):  # cn2an reads 十亿 but not 百亿 or 千万
        text = "一" + text
    try:
        value = Fraction(str(read_numeral(text, "smart")))
    except Exception as exc:  # cn2an raises ValueError and others on words it does not know
        raise ValueProblem("E108", f"cannot read the Chinese numeral '{text}'") from exc
    _check_range(Decimal(value.numerator), text)
    return value


def read_numeral(text: str, mode: str) -> int | float:
    """cn2an's value of a Chinese numeral (a standard spelling is read by numerals.py, without
    importing cn2an): the one place cn2an is called, and never with more
    than MAX_CN_LENGTH characters (its time grows faster than the length: 40,000 三 took 14 s).
    Raises ValueError for a longer text; cn2an raises its own errors on words it cannot read.
    Silenced: cn2an warns, and may print, on some inputs (docs/stack-notes.md)."""
    if len(text) > MAX_CN_LENGTH:
        raise ValueError(f"a numeral of {len(text)} characters")
    text = _standard(text)
    whole = read_integer(text)  # the standard spellings (十四, 一百亿): no need for cn2an
    if whole is not None:
        return whole
    if m := _DIGIT_RUN_SCALE.fullmatch(text):  # 一八八一亿, 六四〇点五亿: digit by digit
        digits = "".join(str(DIGIT_VALUES[c]) for c in m[1])
        decimals = "".join(str(DIGIT_VALUES[c]) for c in m[2] or "")
        number = float(f"{digits}.{decimals}") if decimals else int(digits)
        return number * dict(SCALES)[m[3]] if m[3] else number
    import contextlib  # noqa: PLC0415
    import io  # noqa: PLC0415
    import warnings  # noqa: PLC0415

    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        import cn2an  # noqa: PLC0415 - 80 ms to import; most texts have no Chinese numerals

        return cn2an.cn2an(text, mode)


# Digits written one by one before a scale word (一八八一亿美元, 一七二三万): Taiwan's press
# writes amounts so; cn2an reads neither.
_DIGIT_RUN_SCALE = re.compile(
    r"([零〇一二三四五六七八九]{2,})(?:点([零〇一二三四五六七八九]+))?(万亿|亿|万)?"
)


def _standard(numeral: str) -> str:
    """A numeral in the standard alphabet: 卅六 → 三十六, ○ → 〇 (zh.OLD_TENS, zh.ZERO_SIGNS),
    a decimal point written ．(五七八四．九亿) → 点."""
    numeral = _ZERO(numeral).replace("．", "点").replace(".", "点")
    if any(c in numeral for c in OLD_TENS):
        for old, tens in OLD_TENS.items():
            numeral = numeral.replace(old, tens)
    return numeral


def _check_range(number: Decimal, text: str) -> Decimal:
    """Refuse figures too large or too finely written to be real (``1e999999``)."""
    if number and not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise ValueProblem("E108", f"'{text[:40]}' is out of range (beyond 1e±{MAX_EXPONENT})")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_EXPONENT:
        raise ValueProblem("E108", f"'{text[:40]}' has more than {MAX_EXPONENT} decimals")
    return number


def _decimal(text: str) -> tuple[Decimal, int]:
    """An Arabic figure and the exponent of its last written digit ('1,300' → 1300, 0)."""
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueProblem("E108", f"'{text}' is not a number") from exc
    if not number.is_finite():
        raise ValueProblem("E108", f"'{text}' is not a finite number")
    _check_range(number, text)
    return number, int(number.as_tuple().exponent)


_MINUS = CharMap(str.maketrans("\u2212\u2013\u2014\ufe63", "----"))
_ZERO = CharMap(ZERO_SIGNS)
_VERBS = (
    tuple((v, 1) for v in UP_VERBS)
    + tuple((v, -1) for v in DOWN_VERBS)
    + tuple(INCREMENT_VERBS.items())  # 少增41万人: the change of an increment, -41万人
    + tuple(MORE_LESS.items())  # 少35亿元 (比第二季少35亿元): a change of -35亿元; last, after 少增
)
_PLAIN_START = frozenset("0123456789+-.")
# A direction verb written alone, as the value of a move with no figure of its own.
_DIRECTIONS = {**dict.fromkeys(UP_VERBS, 1), **dict.fromkeys(DOWN_VERBS, -1)}


def _strip_words(text: str, lexicon: Lexicon) -> tuple[str, str | None, str]:
    """Remove the qualifier words before and after the figure (``超过…以上``); the first word
    found that sets a bound sets it. A word of equality (达到, 为) never cancels another: in
    ``达到260亿元左右`` and ``达到约260亿元`` the figure is approximate."""
    word, bound = None, "equal"
    # No qualifier word starts with a digit or a sign: most figures skip the scan of them.
    while text[:1] not in _PLAIN_START:
        for w, b in lexicon.prefixes.items():
            if text.startswith(w) and len(text) > len(w):
                text = text[len(w) :]
                if word is None or bound == "equal":
                    word, bound = w, b
                break
        else:
            break
        if bound != "equal":
            break  # 超过…: the bound is set; what follows is the figure (or a verb)
    for w, b in lexicon.suffixes.items():
        if text.endswith(w) and len(text) > len(w):
            text = text[: -len(w)]
            if word is None or bound == "equal":
                word, bound = w, b
            break
    return text, word, bound


# A value written as an Arabic figure and a tail without figures, signs or Latin letters (2867.6
# 亿元, 27.1%, -1.2%, 2025): read as any other, its tail decides everything but the number.
_PLAIN = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)([^\d\s.,，．:：;×*+\-−–—﹣－○A-Za-z$€£]*)")
_FIGURE_CHARS = frozenset("0123456789.-")
# By tail: the lexicon it was read with, and what reading "1" + tail gave (None: the tail takes
# another path, or depends on the figure). Bounded, then cleared.
_TAILS: dict[str, tuple[Lexicon, Stated | None]] = {}


def parse_value(raw: str, lexicon: Lexicon) -> Stated:
    """Parse a value; raise :class:`ValueProblem` (E108) when it is not one.

    Most values are an Arabic figure and a unit (2867.6亿元, 27.1%): for those, what follows
    the figure is read once per run, and each value takes only its figure from its own text.
    The reading is the same as the full one's, step by step (tests/test_numbers.py compares
    them): such a figure starts the text, so no qualifier or verb stands before it; the tail
    holds no digit, sign, separator or Latin letter, so the figure is all the figure pattern
    takes, and no word of the lexicon reaches into it; nothing in the tail is normalised away.
    """
    plain = _PLAIN.fullmatch(raw) if len(raw) <= MAX_LENGTH else None
    if plain is not None and unicodedata.is_normalized("NFKC", raw):
        tail = plain[2]
        known = _TAILS.get(tail)
        if known is None or known[0] is not lexicon:
            if len(_TAILS) >= 10_000:
                _TAILS.clear()
            known = _TAILS[tail] = lexicon, _tail_reading(tail, lexicon)
        template = known[1]
        if template is not None:
            number, exponent = _decimal(plain[1])
            return Stated(
                raw,
                "number",
                1 * number,  # as the full reading signs it (the context's precision too)
                exponent,
                template.unit,
                template.qualifier,
                template.bound,
            )
    return _parse_value(raw, lexicon)


def _tail_reading(tail: str, lexicon: Lexicon) -> Stated | None:
    """What the full reading makes of ``"1" + tail``, when every value of that tail is read the
    same way but for its figure: a plain number, no traditional character to convert, and no
    word of the lexicon that could reach into the figure."""
    # A word after the figure that holds a character of a figure could end inside it (the words
    # before the figure are not read: no value here starts with one).
    if has_traditional(tail) or any(_FIGURE_CHARS & set(w) for w in lexicon.suffixes):
        return None
    try:
        probe = _parse_value("1" + tail, lexicon)
    except ValueProblem:
        return None  # the full reading reports it, for every figure
    if (probe.form, probe.number, probe.exponent, probe.factor) != ("number", 1, 0, 1) or any(
        x is not None for x in (probe.reading, probe.lo, probe.hi, probe.verb)
    ):
        return None
    return probe


def _parse_value(raw: str, lexicon: Lexicon) -> Stated:
    """The full reading of a value (:func:`parse_value`)."""
    if len(raw) > MAX_LENGTH:
        raise ValueProblem("E108", f"value longer than {MAX_LENGTH} characters")
    # NFKC leaves the minus sign (U+2212) and dashes alone: a figure written −5.0% is -5.0%.
    # Traditional characters read as simplified (億元, 增長, 約): the text as written stays.
    text = _MINUS(unicodedata.normalize("NFKC", raw).strip().replace(" ", ""))
    text = _ZERO(text)  # ○点二九: a circle for the zero 〇
    text = simplified(text)
    if not text:
        raise ValueProblem("E108", "empty value")
    if _LATIN.search(text):
        if rank := _english_rank(raw):  # ranked last, up three places
            return rank
        if _is_english(text.lower(), lexicon):  # $612B, up 12%, doubled
            return _english(raw, text.lower(), lexicon)
    body, word, bound = _strip_words(text, lexicon)
    if m := _RANK_CHANGE.match(body):
        return _rank_change(raw, m, word, bound)
    if word is None and (direction := _DIRECTIONS.get(body)) is not None:
        return _direction(raw, body, direction)
    sign, verb = 1, None
    for prefix, direction in () if body[:1] in _PLAIN_START else _VERBS:
        if body.startswith(prefix) and len(body) > len(prefix):
            verb, sign, body = prefix, direction, body[len(prefix) :].removeprefix("了")
            break
    if word is None and verb is not None:  # 增长超30%, 下降近5%: the word after the verb
        body, word, bound = _strip_words(body, lexicon)
    s = _parse_body(body, sign, verb, lexicon)
    if s.qualifier is not None:  # 30余家: the word stood between figure and unit
        word, bound = s.qualifier, s.bound
    # The text as written, and the qualifier found around it (dataclasses.replace, spelled out:
    # it costs a third of a parse).
    return Stated(
        raw,
        s.form,
        s.number,
        s.exponent,
        s.unit,
        word,
        bound,
        s.factor,
        s.reading,
        s.lo,
        s.hi,
        verb,
    )


_EN_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_EN_CURRENCIES = tuple(sorted(en.CURRENCIES, key=len, reverse=True))
_EN_SCALES = tuple(sorted(en.SCALES, key=len, reverse=True))
_EN_VERBS = tuple(
    sorted(
        [(w, 1) for w in en.UP_WORDS] + [(w, -1) for w in en.DOWN_WORDS],
        key=lambda v: -len(v[0]),
    )
)


_EN_WORDS = re.compile(
    "|".join(
        re.escape(w)
        for w in sorted(
            {
                *en.UP_WORDS,
                *en.DOWN_WORDS,
                *en.MULTIPLES,
                *en.DIVISIONS,
                *en.FRACTIONS,
                *en.CURRENCY_WORDS,
            }
            | {*en.PERIOD_WORDS}
            | {s for s in en.SCALES if len(s) > 1}
            | {u for u in en.UNIT_WORDS if u.isalpha() and u != "pp"}
            | {*en.CURRENCY_PHRASES, *en.MASS_WORDS, *en.UP_AFTER, *en.DOWN_AFTER}
            | {*en.TIMES_WORDS},
            key=lambda w: (-len(w), w),  # longest first; the same pattern in every run
        )
    )
)


_EN_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_EN_AFTER = tuple((w, 1) for w in en.UP_AFTER) + tuple((w, -1) for w in en.DOWN_AFTER)
_EN_AMOUNTS = {**en.CURRENCY_WORDS, **en.CURRENCY_PHRASES}


def _is_english(lower: str, lexicon: Lexicon) -> bool:
    """True for a value in English words (``$612B``, ``1.2 million``, ``about 5%``, ``96th``);
    a figure with a unit symbol of units.txt (``2.4GW``, ``1e8``, ``0.9pp``) is not."""
    folded = lower.replace(" ", "").replace("-", "")
    if "$" in lower or "€" in lower or "£" in lower or _EN_WORDS.search(folded):
        return True
    if _EN_ORDINAL.fullmatch(lower):
        return True
    words = (*lexicon.prefixes, *lexicon.suffixes)
    return any(w.isascii() and lower.replace(" ", "").startswith(w) for w in words)


def _english(raw: str, text: str, lexicon: Lexicon) -> Stated:
    """A value in English as printed: ``$612B``, ``US$1.2 trillion``, ``€3.4m``, ``1.2 million``,
    ``1.5 percentage points``, ``up 12%``, ``down $3B``, ``doubled``, ``a third``, with the
    lexicon's words (``about``, ``more than``) and a trailing ``year-over-year``."""
    text = text.replace(" ", "")
    for period in en.PERIOD_WORDS:
        if text.endswith(period) and len(text) > len(period):
            text = text[: -len(period)]
            break
    sign, verb = 1, None
    for after, direction in _EN_AFTER:  # 10.7 percent above (last year)
        if text.endswith(after) and len(text) > len(after):
            text, verb, sign = text[: -len(after)], after, direction
            break
    body, word, bound = _strip_words(text, lexicon)
    for prefix, direction in () if verb else _EN_VERBS:
        if body.startswith(prefix) and len(body) > len(prefix):
            verb, sign, body = prefix, direction, body[len(prefix) :]
            break
    if verb is not None and word is None:  # up about 12%
        body, word, bound = _strip_words(body, lexicon)
    if body[:1] in "+-" and len(body) > 1 and verb is None:  # +1.8 percent: a signed change
        sign, body = (-1 if body[0] == "-" else 1), body[1:]
    s = _english_body(body, sign)
    if body in en.DIVISIONS:
        # A division's words bound the ratio from the other side: "more than halved" is at most
        # ×1/2, "less than halved" at least ×1/2, and "nearly halved" short of a halving, at least
        # ×1/2 (never the ratio just below 1/2 that "nearly" puts under a figure).
        bound = {"above": "below", "below": "above", "near": "above"}.get(bound, bound)
    return Stated(
        raw, s.form, s.number, s.exponent, s.unit, word, bound, 1, s.reading, s.lo, s.hi, verb
    )


def _direction(raw: str, verb: str, sign: int) -> Stated:
    """A direction verb alone (提高, 缩小: 从63.2%提高到72.7%, a move with no figure of its
    own): a relative change of at least zero, or of at most zero and above -100%, which is the
    direction of the move for levels above zero, whatever their unit."""
    lo, hi = (Decimal(0), Decimal("Infinity")) if sign > 0 else (Decimal(-100), Decimal(0))
    return Stated(raw, "number", Decimal(0), None, "%", None, "equal", 1, "direction", lo, hi, verb)


def _english_body(body: str, sign: int) -> Stated:
    if body in en.MULTIPLES:  # doubled: at least ×2, short of tripled
        k = Decimal(en.MULTIPLES[body])
        return Stated(body, "multiple", k, None, reading="times", lo=k, hi=k + 1)
    if body in en.DIVISIONS:  # halved: at most ×1/2, short of a cut to a third
        d = Decimal(en.DIVISIONS[body])
        return Stated(body, "multiple", 1 / d, None, reading="times", lo=1 / (d + 1), hi=1 / d)
    if body.replace("-", "") in en.FRACTIONS:  # a third, two-thirds
        num, den = en.FRACTIONS[body.replace("-", "")]
        return Stated(body, "number", sign * Decimal(num) / Decimal(den), None)
    if ordinal := _EN_ORDINAL.fullmatch(body):  # 96th: a place in a ranking
        return _parse_rank(ordinal[1])
    currency = next((c for c in _EN_CURRENCIES if body.startswith(c)), None)
    if currency:
        body = body[len(currency) :]
    m = _EN_NUMBER.match(body)
    if not m:
        raise ValueProblem("E108", f"no figure in '{body}'")
    number, exponent = _decimal(m.group())
    rest = body[m.end() :]
    # A one-letter scale (B, m, T) only after a currency sign: 5t alone may be tonnes.
    scale = next((s for s in _EN_SCALES if rest.startswith(s) and (currency or len(s) > 1)), None)
    prefix = ""
    if scale:
        prefix, rest = en.MAGNITUDE_PREFIXES[en.SCALES[scale]], rest[len(scale) :]
    if rest in _EN_AMOUNTS and not currency:  # 26 billion yuan: the currency after
        currency, rest = rest, ""
        code = _EN_AMOUNTS[currency]
    else:
        code = en.CURRENCIES.get(currency or "", "")
    if currency:
        if rest:
            raise ValueProblem("E108", f"'{rest}' after the amount '{body}' is not understood")
        unit = prefix + code
    elif rest in en.UNIT_WORDS:
        if prefix:
            raise ValueProblem("E108", f"a scale word before '{rest}' in '{body}'")
        unit = en.UNIT_WORDS[rest]
    elif rest in en.MASS_WORDS:  # 1.2 million tonnes
        unit = prefix + en.MASS_WORDS[rest]
    elif rest in en.TIMES_WORDS and not prefix:  # 2.5 times: a ratio to a base
        return Stated(body, "multiple", number, exponent, reading="times")
    elif not rest:
        unit = prefix
    else:
        raise ValueProblem("E108", f"'{rest}' after the figure in '{body}' is not understood")
    return Stated(body, "number", sign * number, exponent, unit)


def _parse_body(body: str, sign: int, verb: str | None, lexicon: Lexicon) -> Stated:
    """Everything after the qualifier and the direction verb."""
    if m := _DOUBLING.match(body):
        times = cn_number(m.group(1)) if m.group(1) else Fraction(1)
        if times.denominator != 1 or not 1 <= times <= 20:  # 翻N番 = ×2^N: keep N sane
            raise ValueProblem("E108", f"'{body}' is not a doubling (翻一番 … 翻二十番)")
        # 翻N番 reports N doublings reached: at least ×2^N, and short of one more (×2^(N+1)
        # would be 翻N+1番): 翻番 over 15.6/7.5 = ×2.08 is true, over ×4.2 it is not.
        low = Decimal(2) ** int(times)
        return Stated(body, "multiple", low, None, reading="doubling", lo=low, hi=2 * low)
    if body.startswith("百分之"):  # 百分之五 = 5%
        value = cn_number(body) * 100
        number = (Decimal(value.numerator) / Decimal(value.denominator)).normalize()
        exponent = _cn_exponent(body) if "点" in body else int(number.as_tuple().exponent)
        return Stated(body, "number", sign * number, min(exponent, 0), "%")
    if body in NO_CHANGE:  # 持平: a change of zero, to the unit of a rate ([-0.5%, 0.5%])
        return Stated(body, "number", Decimal(0), 0, "%")
    if body == "两位数":
        return Stated(body, "number", Decimal(10), None, "%", lo=Decimal(10), hi=Decimal(100))
    if m := _RATIO.match(body):
        num, exp = _decimal(m.group(1))
        den, _ = _decimal(m.group(2))
        if den == 0:
            raise ValueProblem("E108", f"ratio '{body}' divides by zero")
        if num < 0 or den < 0:  # a ratio of two magnitudes; a sign means a typing slip
            raise ValueProblem("E108", f"ratio '{body}' has a negative term")
        return Stated(body, "ratio", num / den, exp)
    if body.startswith(("第", "前", FROM_BOTTOM)) or body in _FIRST or body in LAST_PLACE:
        return _parse_rank(body)
    factor = 1
    if m := _TIMES.match(body):  # 2×100万千瓦: an exact count of identical items
        factor, body = int(m.group(1)), body[m.end() :]
        if factor == 0:
            raise ValueProblem("E108", "'0×' multiplies the figure by zero")
    if m := _WAN.match(body):  # 3万8748美元 is 38748美元
        number, exponent = Decimal(int(m[1]) * 10_000 + int(m[2])), 0
        rest = body[m.end() :]
    elif m := _NUMBER.match(body):
        number, exponent = _decimal(m.group())
        rest = body[m.end() :]
    elif m := _CN_RUN.match(body):
        return _parse_cn_body(body, m, sign, verb)
    else:
        raise ValueProblem("E108", f"no figure in '{body}'")
    inner, inner_bound = None, "equal"
    for w, b in lexicon.suffixes.items():  # 30余家, 30多家
        if rest.startswith(w) and len(rest) > len(w):
            rest, inner, inner_bound = rest[len(w) :], w, b
            break
    else:  # 2万多亿元, 3亿多人, 5千多万: 多 after a magnitude, before the rest of the unit
        for mag in MORE_AFTER_MAGNITUDE:
            after = rest[len(mag) : len(mag) + 1]
            if rest.startswith(mag) and after in lexicon.suffixes and len(rest) > len(mag) + 1:
                if lexicon.suffixes[after] == "more":
                    rest, inner, inner_bound = mag + rest[len(mag) + 1 :], after, "more"
                break
    if rest == "倍":
        reading = "increase" if verb in UP_VERBS else "times"
        ratio = number + 1 if reading == "increase" else number
        return Stated(body, "multiple", ratio, exponent, reading=reading)
    if rest in ("位", "名") and not inner:
        return _parse_rank(body)
    return Stated(body, "number", sign * number, exponent, rest, inner, inner_bound, factor)


def _parse_cn_body(body: str, m: re.Match[str], sign: int, verb: str | None) -> Stated:
    """A figure in Chinese numerals: 三分之二, 百分之五, 八成, 一万五千亿元, 三倍."""
    run = m.group()
    rest = body[m.end() :]
    if rest.startswith("分之"):  # 三分之二: the numerator follows
        tail = _CN_RUN.match(rest[2:])
        if not tail:
            raise ValueProblem("E108", f"cannot read the fraction '{body}'")
        value = cn_number(body[: m.end() + 2 + tail.end()])
        return Stated(body, "number", Decimal(value.numerator) / Decimal(value.denominator), None)
    value = cn_number(run)
    number = Decimal(value.numerator) / Decimal(value.denominator)
    digits = number.normalize().as_tuple()
    exponent = max(int(digits.exponent), 0) if number else 0
    if "点" in run or "." in run:  # 四点七七: to the hundredth, as written (trailing zeros too)
        exponent = _cn_exponent(run)
    if rest == "成":  # 八成 = 80%, written to the tenth
        return Stated(body, "number", sign * number * 10, 1, "%")
    if rest == "倍":
        reading = "increase" if verb in UP_VERBS else "times"
        return Stated(
            body, "multiple", number + 1 if reading == "increase" else number, None, reading=reading
        )
    if run.startswith("百分之"):
        return Stated(body, "number", sign * number * 100, exponent - 2, "%")
    return Stated(body, "number", sign * number, exponent, rest)


def _cn_exponent(numeral: str) -> int:
    """The exponent of the last written digit of a Chinese decimal (七点九一 → -2, 五点九亿 →
    7: a scale after the decimals moves it)."""
    point = max(numeral.rfind("点"), numeral.rfind("."))
    decimals = numeral[point + 1 :]
    rest = decimals.lstrip(_CN_DIGITS)
    scale = next((int(math.log10(v)) for w, v in SCALES if rest.startswith(w)), 0)
    return scale - (len(decimals) - len(rest))


def _parse_rank(body: str) -> Stated:
    """第二, 第3位, 首位, 前三: a rank (1 is first); 末位, 倒数第二, 倒数前三: a rank from the
    bottom (1 is last)."""
    if body in ("首位", "首", "榜首"):
        return Stated(body, "rank", Decimal(1), 0)
    if body in LAST_PLACE:
        return Stated(body, "rank", Decimal(1), 0, reading="last")
    if body.startswith(FROM_BOTTOM) and len(body) > len(FROM_BOTTOM):
        s = _parse_rank(body[len(FROM_BOTTOM) :])
        if s.reading is not None:  # 倒数末位
            raise ValueProblem("E108", f"'{body}' is not a rank")
        return Stated(body, "rank", s.number, 0, lo=s.lo, hi=s.hi, reading="last")
    m = _RANK.match(body)
    assert m is not None  # the pattern accepts any non-empty text
    core = m.group(2)
    if _NUMBER.fullmatch(core):
        number, _ = _decimal(core)
    else:
        value = cn_number(core)
        number = Decimal(value.numerator)
    if number < 1 or number != number.to_integral_value():
        raise ValueProblem("E108", f"rank '{body}' is not a whole number of at least 1")
    if m.group(1) == "前":
        return Stated(body, "rank", number, 0, lo=Decimal(1), hi=number)
    return Stated(body, "rank", number, 0)


def _whole_places(text: str, body: str) -> int:
    """The number of places of a change of rank (3, 三, 两): a whole number of at least 1."""
    if _NUMBER.fullmatch(text):
        number, _ = _decimal(text)
    else:
        value = cn_number(text)
        number = Decimal(value.numerator) / Decimal(value.denominator)
    if number < 1 or number != number.to_integral_value():
        raise ValueProblem("E108", f"'{body}': a change of rank is a whole number of places")
    return int(number)


def _rank_change(raw: str, m: re.Match[str], word: str | None, bound: str) -> Stated:
    """上升3位, 前移两个位次, 下降2名: a change of rank, positive for a better place."""
    sign = 1 if m.group(1) in RANK_UP_VERBS else -1
    n = _whole_places(m.group(2), m.group())
    return Stated(
        raw, "rank", Decimal(sign * n), 0, qualifier=word, bound=bound, reading="change",
        verb=m.group(1),
    )  # fmt: skip


def _english_rank(raw: str) -> Stated | None:
    """``ranked last``, ``second to last``, ``up three places``, ``fell 2 places``."""
    spaced = " ".join(unicodedata.normalize("NFKC", raw).lower().split())
    found = en.rank_form(spaced)
    if found is None:
        return None
    reading, n = found
    return Stated(raw, "rank", Decimal(n), 0, reading=reading)
