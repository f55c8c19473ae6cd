"""The English vocabulary of figures as business and statistical writing prints them (docs/
conventions.md §9): ``$612B``, ``US$1.2 trillion``, ``€3.4m``, ``1.2 million``, ``1.5 percentage
points``, ``up 12%``, ``down $3B``, ``doubled``, ``a third``, ``year-over-year``.

:func:`factcheck.numbers.parse_value` reads a value in Latin letters with these words, after the
qualifier words of the rule pack's lexicon (its English part: ``about``, ``nearly``, ``more
than``…). Words are matched in lower case with spaces removed, as values are compared.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# Currency signs and codes written before a figure -> the unit of units.txt.
CURRENCIES: dict[str, str] = {
    "us$": "USD",
    "usd": "USD",
    "$": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "rmb": "CNY",
    "cny": "CNY",
    "¥": "CNY",
}
# Currency words written after a figure and its scale (26 billion yuan, 4,500 yuan).
CURRENCY_WORDS: dict[str, str] = {
    "yuan": "CNY",
    "renminbi": "CNY",
    "euros": "EUR",
    "euro": "EUR",
    "dollars": "USD",
    "yen": "JPY",
}
# The same, written in several words (matched as values are: lower case, no spaces).
CURRENCY_PHRASES: dict[str, str] = {
    "u.s.dollars": "USD",
    "usdollars": "USD",
    "hongkongdollars": "HKD",
}
# Mass words after a figure and its scale (1.2 million tonnes) -> the unit of units.txt.
MASS_WORDS: dict[str, str] = {"tonnes": "吨", "tons": "吨", "metrictons": "吨"}
# Scale words and letters after a figure -> the prefix of units.txt they stand for.
SCALES: dict[str, str] = {
    "trillion": "trillion",
    "tn": "trillion",
    "t": "trillion",
    "billion": "billion",
    "bn": "billion",
    "b": "billion",
    "million": "million",
    "mn": "million",
    "m": "million",
    "thousand": "thousand",
    "k": "thousand",
}
# The prefix of units.txt that each scale is written with (十亿美元 is a billion dollars).
MAGNITUDE_PREFIXES: dict[str, str] = {
    "trillion": "万亿",
    "billion": "十亿",
    "million": "百万",
    "thousand": "千",
}
# Direction words before a figure (up 12%, down $3B, an increase of 0.4 percent), as matched:
# lower case, no spaces. Each verb is also read with "by" after it (rose by 5%).
_UP_VERBS = (
    *("increased", "rose", "grew", "gained", "climbed", "jumped", "advanced", "expanded"),
    *("surged", "soared"),
)
_DOWN_VERBS = (
    *("decreased", "declined", "fell", "dropped", "slipped", "contracted", "shrank", "slid"),
    *("plunged", "tumbled", "slumped"),
)
UP_WORDS = (
    *(v + "by" for v in _UP_VERBS),
    *("anincreaseof", "ariseof", "againof", "agrowthof", "edgedup"),
    *_UP_VERBS,
    "up",
)
DOWN_WORDS = (
    *(v + "by" for v in _DOWN_VERBS),
    *("adecreaseof", "adeclineof", "adropof", "afallof", "edgeddown"),
    *_DOWN_VERBS,
    "down",
)
# Direction words after a figure, before what it is compared with (10.7 percent above last
# year, 3 percent below the 2019 level).
UP_AFTER = ("above", "higher", "faster")
DOWN_AFTER = ("below", "lower", "slower")
# A multiple written with a number (2.5 times).
TIMES_WORDS = ("times",)
# Multiples written as words: at least the factor, short of the next one (doubled: [2, 3)).
MULTIPLES: dict[str, int] = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}
# Divisions written as words, the mirror of MULTIPLES: at most the fraction, short of the next
# one (halved: ×[1/3, 1/2]).
DIVISIONS: dict[str, int] = {"halved": 2}
# Fractions written as words.
FRACTIONS: dict[str, tuple[int, int]] = {
    "half": (1, 2),
    "ahalf": (1, 2),
    "onehalf": (1, 2),
    "athird": (1, 3),
    "onethird": (1, 3),
    "twothirds": (2, 3),
    "aquarter": (1, 4),
    "onequarter": (1, 4),
    "threequarters": (3, 4),
    "afifth": (1, 5),
    "onefifth": (1, 5),
    "twofifths": (2, 5),
    "threefifths": (3, 5),
    "fourfifths": (4, 5),
}
# Period words a writer puts after a change; the claim's period and base say them already.
PERIOD_WORDS = ("year-over-year", "yearoveryear", "year-on-year", "yearonyear", "yoy", "y/y")
# Unit words after a figure -> the unit of units.txt.
UNIT_WORDS: dict[str, str] = {
    "percentagepoints": "个百分点",
    "percentagepoint": "个百分点",
    "points": "个百分点",
    "pp": "个百分点",
    "percent": "%",
    "%": "%",
}
# Ranks as English writes them, for a place from the bottom (ranked last, second to last) and a
# change of rank (up three places, fell 2 places): the words for small whole numbers.
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
PLACE_WORDS = ("places", "place", "positions", "position", "spots", "spot", "notches", "notch")
RANK_UP = ("climbed", "moved up", "rose", "up")
RANK_DOWN = ("dropped", "slipped", "fell", "down")
_RANKED = ("ranked", "ranks", "rank", "came", "placed")


def _whole(word: str) -> int | None:
    """A small whole number in digits or words (3, three, 3rd, third)."""
    if word in NUMBER_WORDS or word in ORDINALS:
        return NUMBER_WORDS.get(word) or ORDINALS[word]
    digits = word.removesuffix("st").removesuffix("nd").removesuffix("rd").removesuffix("th")
    return int(digits) if digits.isdigit() and len(digits) <= 4 else None


def rank_form(text: str) -> tuple[str, int] | None:
    """An English rank as a place from the bottom, ``("last", n)`` (``ranked last`` is 1,
    ``second to last`` 2), or a change of rank, ``("change", n)`` (``up three places`` is 3,
    ``fell 2 places`` -2); None for anything else. ``text`` in lower case."""
    words = text.replace("-", " ").split()
    if words and words[0] in _RANKED:
        words = words[1:]
    if words and words[-1] == "place" and len(words) > 1 and words[-2] == "last":
        words = words[:-1]  # last place
    if words == ["last"]:
        return "last", 1
    if len(words) == 3 and words[1] in ("to", "from") and words[2] == "last":
        n = 2 if words[0] == "next" else _whole(words[0])
        return ("last", n) if n and n >= 2 else None
    joined = " ".join(words)
    for verbs, sign in ((RANK_UP, 1), (RANK_DOWN, -1)):
        for verb in verbs:
            rest = joined.removeprefix(verb + " ").split()
            if joined.startswith(verb + " ") and len(rest) == 2 and rest[1] in PLACE_WORDS:
                n = NUMBER_WORDS.get(rest[0]) or (int(rest[0]) if rest[0].isdigit() else 0)
                return ("change", sign * n) if 0 < n < 10_000 else None
    return None


_BY_LENGTH = sorted(CURRENCIES, key=len, reverse=True)  # us$ before $


# A figure as an English text prints it: the currency sign or code before the digits, the scale
# and unit words after them (``US$1.2 trillion``, ``€3.4m``, ``1.5 percentage points``).
@cache
def _figure() -> re.Pattern[str]:
    """The pattern of a figure with its sign and words, compiled when a report first needs it."""
    return re.compile(
        r"(?P<before>(?i:"
        + "|".join(re.escape(c) + ("" if "$" in c or len(c) == 1 else " ?") for c in _BY_LENGTH)
        + "))?"
        r"[-−]?\d[\d,]*(?:\.\d+)?"
        r"(?P<after>(?P<space> ?)(?P<word>(?i:trillion|billion|million|thousand"
        r"|percentage points?|points?|percent|tn|bn|mn|pp)|[TBMmKk%])?"
        r"(?P<currency>(?i: (?:" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + ")))?)"
        r"(?![A-Za-z])"
    )


@lru_cache(maxsize=1024)
def written_form(text: str) -> tuple[str, str] | None:
    """What an English value prints around its digits, as (before, after): ``$612B`` →
    (``$``, ``B``), ``more than $48 billion`` → (``$``, `` billion``), ``down 1.5 percentage
    points`` → ("", `` percentage points``); None for a value that prints neither (``2.4GW``,
    ``670亿元``: their unit is shown as units.txt writes it). A one-letter scale counts only
    after a currency sign, as the parser reads it (``5t`` is not five trillion)."""
    if not text.isascii() and not any(c in text for c in "€£¥−"):
        return None  # a Chinese figure (670亿元, 约18%): no English words around it
    m = _figure().search(text)
    if m is None:
        return None
    before, after, word = m["before"] or "", m["after"], m["word"] or ""
    if len(word) == 1 and word != "%" and not before:
        return None
    if not before and not word and not m["currency"]:
        return None
    return before, after


def dress(number: str, text: str) -> str | None:
    """A number written as the English value ``text`` prints its own: ``546.4`` like ``$612B``
    is ``$546.4B``, ``-3.0`` like ``down $3B`` is ``-$3.0B``; None when ``text`` is no such
    figure (see :func:`written_form`)."""
    form = written_form(text)
    if form is None:
        return None
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    return f"{sign}{form[0]}{digits}{form[1]}"


# Month names and their abbreviations (Jan., Sept.) -> the month's number.
MONTHS: dict[str, int] = {
    **{
        name: i + 1
        for i, name in enumerate(
            (
                *("january", "february", "march", "april", "may", "june", "july"),
                *("august", "september", "october", "november", "december"),
            )
        )
    },
    **{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8},
    **{"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12},
}
# Ordinal words of quarters and halves (the first quarter, third-quarter, 2nd half).
QUARTERS: dict[str, int] = {
    **{"first": 1, "second": 2, "third": 3, "fourth": 4},
    **{"1st": 1, "2nd": 2, "3rd": 3, "4th": 4},
}
# How articles name the economies they are about -> the entity name a claims file gives them.
PLACES: dict[str, str] = {
    **{"u.s.": "United States", "us": "United States", "united states": "United States"},
    **{"america": "United States", "american": "United States"},
    **{"china": "China", "chinese": "China", "prc": "China"},
    **{"u.k.": "United Kingdom", "uk": "United Kingdom", "united kingdom": "United Kingdom"},
    **{"britain": "United Kingdom", "british": "United Kingdom"},
    **{"euro area": "euro area", "eurozone": "euro area", "european union": "European Union"},
    **{"eu": "European Union", "japan": "Japan", "japanese": "Japan", "germany": "Germany"},
    **{"german": "Germany", "france": "France", "french": "France", "india": "India"},
    **{"hong kong": "Hong Kong", "macao": "Macao", "macau": "Macao", "taiwan": "Taiwan"},
    **{"canada": "Canada", "canadian": "Canada", "australia": "Australia"},
    **{"australian": "Australia", "italy": "Italy", "italian": "Italy", "spain": "Spain"},
    **{"spanish": "Spain", "korea": "South Korea", "south korea": "South Korea"},
}


def is_english(text: str) -> bool:
    """Is a value written in English words (``doubled``, ``up 12%``), not in Chinese (``翻番``)?"""
    return text.isascii() and any(c.isalpha() for c in text)
