"""Chinese integer numerals in their standard spelling, read without cn2an.

cn2an costs about 90 ms to import (docs/stack-notes.md), and most numerals an article writes are
the plain ones: 十四, 三, 两千, 一百亿, 一万五千亿, 二〇二五. :func:`read_integer` reads exactly
those, the standard spelling of a whole number (``spell``) or digits written one by one, and
returns None for every other form, which the callers hand to cn2an as before. A numeral is
accepted only when spelling its value back gives the same characters, so this reader cannot
disagree with cn2an on anything it accepts: tests/test_numerals.py compares the two on every
numeral of up to three characters, on random longer ones and on the spelling of every number
up to 20,000 and of random ones up to 10^16.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_VALUE: dict[str, int] = {c: i for i, c in enumerate(_DIGITS)} | {"〇": 0, "两": 2}
_PLACES = (("千", 1000), ("百", 100), ("十", 10), ("", 1))
_LARGEST = 10**16  # cn2an reads up to 9999万9999亿…; spell() covers the same range


def _section(n: int, first: bool) -> str:
    """0 < n < 10^4 spelled; ``first``: the numeral starts here, so 十 stands without 一."""
    out: list[str] = []
    gap = False
    for unit, power in _PLACES:
        digit = n // power % 10
        if not digit:
            gap = bool(out)  # a zero after a written digit: 零 if another digit follows
            continue
        if gap:
            out.append("零")
            gap = False
        if not (unit == "十" and digit == 1 and first and not out):
            out.append(_DIGITS[digit])
        out.append(unit)
    return "".join(out)


def _below_1e8(n: int, first: bool) -> str:
    """0 < n < 10^8 spelled: 万 sections, and 零 where a section's thousands are missing."""
    high, low = divmod(n, 10**4)
    if not high:
        return _section(low, first)
    text = _section(high, first) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _section(low, False)
    return text


def spell(n: int) -> str:
    """The standard spelling of a whole number 0 <= n < 10^16 (1005 is 一千零五, 14 is 十四,
    1.5e12 is 一万五千亿)."""
    if not 0 <= n < _LARGEST:
        raise ValueError(f"{n} is outside 0 <= n < 10^16")
    if n == 0:
        return "零"
    high, low = divmod(n, 10**8)
    if not high:
        return _below_1e8(low, True)
    text = _below_1e8(high, True) + "亿"
    if low:
        text += ("零" if low < 10**7 else "") + _below_1e8(low, False)
    return text


def _value(text: str) -> int | None:
    """The value of a numeral read by place: sections of 万 and 亿, each of 千百十 places."""
    total, section, digit = 0, 0, None
    big = 0  # the part already closed by 亿
    for ch in text:
        if ch in _VALUE:
            digit = _VALUE[ch]
        elif ch in "十百千":
            section += (1 if digit is None else digit) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10**4
            section, digit = 0, None
        elif ch == "亿":
            big += (total + section + (digit or 0)) * 10**8
            total, section, digit = 0, 0, None
        else:
            return None
    return big + total + section + (digit or 0)


def read_integer(text: str) -> int | None:
    """The value of a Chinese whole-number numeral in its standard spelling (两 for 二 allowed)
    or written digit by digit (二〇二五), else None: any other form is left to cn2an."""
    if not text or len(text) > 40:
        return None
    if len(text) > 1 and all(c in "零〇一二三四五六七八九" for c in text):
        return int("".join(str(_VALUE[c]) for c in text))  # 二〇二五, digit by digit
    if "〇" in text:  # 〇 in a numeral with places: an unusual form, cn2an's to judge
        return None
    value = _value(text)
    if value is None or value >= _LARGEST:
        return None
    return value if spell(value) == text.replace("两", "二") else None
