"""Stated values and their intervals, against figures worked out by hand
(docs/conventions.md §1-§3)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from factcheck.errors import ValueProblem
from factcheck.interval import RoundingOptions, stated_interval
from factcheck.numbers import Lexicon, Stated, cn_number, parse_value
from factcheck.rulepack import load_pack


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_pack().lexicon


def parse(text: str, lexicon) -> Stated:
    return parse_value(text, lexicon)


# ---- precision -----------------------------------------------------------------------------


def test_precision_is_kept(lexicon: Lexicon) -> None:
    a, b = parse("33.8%", lexicon), parse("33.80%", lexicon)
    assert (a.number, a.exponent, a.unit) == (Decimal("33.8"), -1, "%")
    assert (b.number, b.exponent) == (Decimal("33.80"), -2)  # the written zero counts
    assert parse("670亿元", lexicon).exponent == 0
    assert parse("1,300亿元", lexicon).number == 1300


def test_1e8_stays_a_number(lexicon: Lexicon) -> None:
    # YAML 1.1 would read 1e8 as a string; we parse it as the number 100,000,000.
    s = parse("1e8", lexicon)
    assert s.form == "number"
    assert s.number == Decimal(100_000_000)
    assert s.unit == ""


def test_full_width_digits(lexicon: Lexicon) -> None:
    s = parse("６７０．５亿元", lexicon)
    assert (s.number, s.exponent, s.unit) == (Decimal("670.5"), -1, "亿元")


def test_direction_words(lexicon: Lexicon) -> None:
    assert parse("下降35%", lexicon).number == -35
    assert parse("减少了3.2%", lexicon).number == Decimal("-3.2")
    assert parse("增长32.7%", lexicon).number == Decimal("32.7")
    assert parse("-0.9个百分点", lexicon).number == Decimal("-0.9")


# ---- qualifiers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "bound", "number"),
    [
        ("突破670亿元", "突破", "above", 670),
        ("超700亿元", "超", "above", 700),
        ("超过700亿元", "超过", "above", 700),  # the longest word wins over 超
        ("近80%", "近", "near", 80),
        ("约80%", "约", "approx", 80),
        ("4500元左右", "左右", "approx", 4500),
        ("达15.6万元", "达", "equal", Decimal("15.6")),
        ("30余家", "余", "more", 30),  # the word stands between figure and unit
        ("30多家", "多", "more", 30),
        ("30%以上", "以上", "above", 30),
        ("不低于10%", "不低于", "above", 10),
        ("670亿元", None, "equal", 670),
    ],
)
def test_qualifiers(
    lexicon: Lexicon, text: str, word: str | None, bound: str, number: object
) -> None:
    s = parse(text, lexicon)
    assert (s.qualifier, s.bound, s.number) == (word, bound, number)


def test_unit_after_inner_qualifier(lexicon: Lexicon) -> None:
    assert parse("30余家", lexicon).unit == "家"


# ---- multiples and ratios ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ratio", "reading"),
    [
        ("3.4倍", Decimal("3.4"), "times"),  # 是…的3.4倍: × 3.4
        ("增长2倍", Decimal(3), "increase"),  # 增长2倍: × (2 + 1) = × 3
        ("增加了1.5倍", Decimal("2.5"), "increase"),
        ("增长三倍", Decimal(4), "increase"),
        ("翻番", Decimal(2), "doubling"),  # × 2
        ("翻一番", Decimal(2), "doubling"),
        ("翻两番", Decimal(4), "doubling"),  # × 2² = 4
        ("翻三番", Decimal(8), "doubling"),  # × 2³ = 8
    ],
)
def test_multiples(lexicon: Lexicon, text: str, ratio: Decimal, reading: str) -> None:
    s = parse(text, lexicon)
    assert (s.form, s.number, s.reading) == ("multiple", ratio, reading)


def test_ratio(lexicon: Lexicon) -> None:
    s = parse("2.29:1", lexicon)
    assert (s.form, s.number, s.exponent) == ("ratio", Decimal("2.29"), -2)
    assert parse("2.29：1", lexicon).number == Decimal("2.29")  # full-width colon


# ---- Chinese numerals ----------------------------------------------------------------------


def test_chinese_numerals(lexicon: Lexicon) -> None:
    two_thirds = parse("三分之二", lexicon)
    assert two_thirds.number == pytest.approx(Decimal(2) / Decimal(3))
    assert two_thirds.exponent is None  # a fraction in words is exact
    five = parse("百分之五", lexicon)
    assert (five.number, five.unit) == (5, "%")
    eighty = parse("八成", lexicon)
    assert (eighty.number, eighty.unit) == (80, "%")  # 八成 = 80%
    double_digit = parse("两位数", lexicon)
    assert (double_digit.lo, double_digit.hi, double_digit.unit) == (10, 100, "%")
    big = parse("一万五千亿元", lexicon)
    # 一万五千亿 = 1.5 × 1e4 × 1e8 = 1.5e12
    assert (big.number, big.unit) == (Decimal("1.5e12"), "元")
    hundred = parse("超百亿元", lexicon)  # 百亿 = 1e10
    assert (hundred.number, hundred.bound) == (Decimal("1e10"), "above")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二", Fraction(2)),
        ("两", Fraction(2)),
        ("十", Fraction(10)),
        ("十五", Fraction(15)),
        ("三分之二", Fraction(2, 3)),
        ("百分之五", Fraction(1, 20)),
        ("千分之五", Fraction(1, 200)),
        ("一万五千亿", Fraction(1_500_000_000_000)),
        ("百亿", Fraction(10_000_000_000)),
    ],
)
def test_cn_number(text: str, value: Fraction) -> None:
    assert cn_number(text) == value


# ---- ranks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rank", "lo", "hi"),
    [
        ("第二", 2, None, None),
        ("第3", 3, None, None),
        ("第11位", 11, None, None),
        ("首位", 1, None, None),
        ("第一", 1, None, None),
        ("前三", 3, 1, 3),  # rank ≤ 3
        ("235位", 235, None, None),
    ],
)
def test_ranks(lexicon: Lexicon, text: str, rank: int, lo: int | None, hi: int | None) -> None:
    s = parse(text, lexicon)
    assert (s.form, s.number, s.lo, s.hi) == ("rank", rank, lo, hi)


# ---- refused -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "NaN",
        "nan%",
        "inf",
        "Infinity",
        "-inf亿元",
        "1e999999",  # would be inf as a float
        "1e-999999",
        "0." + "0" * 60 + "1",  # more decimals than any article prints
        "1" * 5000,  # more digits than int() accepts
        "1:0",  # divides by zero
        "第0",
        "第1.5",
        "第1,000,,",
        "翻一万番",  # 2^10000
        "0×100万千瓦",
        "九" * 50 + "亿元",
        "x" * 1000,
    ],
)
def test_refused_values_are_e108(lexicon: Lexicon, text: str) -> None:
    with pytest.raises(ValueProblem) as info:
        parse(text, lexicon)
    assert info.value.code == "E108"


# ---- intervals -----------------------------------------------------------------------------


def interval(text: str, lexicon, **options: object) -> tuple[float, float]:
    iv = stated_interval(parse(text, lexicon), RoundingOptions(**options))  # type: ignore[arg-type]
    return iv.lo, iv.hi


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("33.8%", 33.75, 33.85),  # ± half of 0.1
        ("33.80%", 33.795, 33.805),  # ± half of 0.01
        ("669亿元", 668.5, 669.5),  # ± half of 1
        ("670亿元", 669.5, 670.5),  # trailing zero read at the unit digit by default
        ("2.29:1", 2.285, 2.295),
        ("3.4倍", 3.35, 3.45),
        ("突破670亿元", 670.0, math.inf),  # a floor, not a rounding
        ("30余家", 30.0, 40.0),  # more than 30, short of the next ten: 31-39
        ("近80%", 72.0, 80.0),  # up to 10% (near = 0.10) below: 80 - 8
        ("两位数", 10.0, 100.0),
        ("翻番", 2.0, 4.0),  # at least doubled, short of 翻两番
        ("前三", 1.0, 3.0),
        ("下降35%", -35.5, -34.5),
    ],
)
def test_intervals(lexicon: Lexicon, text: str, lo: float, hi: float) -> None:
    got = interval(text, lexicon)
    assert got == pytest.approx((lo, hi))


def test_approx_widening_follows_the_pack(lexicon: Lexicon) -> None:
    # 约80%: rounding [79.5, 80.5], widened on each side by approx × 80
    assert interval("约80%", lexicon, approx=0.05) == pytest.approx((79.5 - 4, 80.5 + 4))
    assert interval("约80%", lexicon, approx=0.10) == pytest.approx((79.5 - 8, 80.5 + 8))
    # 4500元左右 with approx 0.05: [4499.5 - 225, 4500.5 + 225]
    assert interval("4500元左右", lexicon, approx=0.05) == pytest.approx((4274.5, 4725.5))


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        # The default width: one unit of the last significant digit (docs/conventions.md §2).
        ("4500元左右", 4400, 4600),  # 4500: the 5 is the last significant digit, ±100
        ("約4500元", 4400, 4600),  # traditional 約
        ("约1.36", 1.35, 1.37),  # ±0.01
        ("约18%", 17, 19),  # ±1
        ("约1.30", 1.29, 1.31),  # a zero written after the point is significant: ±0.01
        ("约80%", 70, 90),  # 80: ±10
        ("八成左右", 70, 90),  # 八成 = 80%, written to the tenth: ±10
        ("约1亿元", 0.5, 1.5),  # one significant digit 1: ±half of it, not ±1 (that reaches 0)
        ("约2亿元", 1, 3),  # ±1, which is within half of 2
        ("下降约5%", -6, -4),  # a fall of about 5: ±1
        ("约670亿元", 660, 680),  # 670: the 7 is the last significant digit, ±10
        ("约三分之二", 2 / 3 * 0.95, 2 / 3 * 1.05),  # no last digit: ±5%
        # A leading word of equality never cancels a trailing qualifier (issue 14, point 6).
        ("达到260亿元左右", 250, 270),  # 260: ±10
        ("达到约260亿元", 250, 270),
        ("達到260億元左右", 250, 270),
        ("为4500元左右", 4400, 4600),
        # 近 keeps its default, up to 10% below: 近80% = [72, 80]; 30余家 = [30, 40).
        ("近80%", 72, 80),
        ("30余家", 30, 40),
    ],
)
def test_approx_width_follows_the_written_precision(
    lexicon: Lexicon, text: str, lo: float, hi: float
) -> None:
    assert interval(text, lexicon) == pytest.approx((lo, hi))


def test_near_may_follow_the_written_precision(lexicon: Lexicon) -> None:
    # rounding.near: digit: one unit of the last significant digit below the figure.
    assert interval("近80%", lexicon, near="digit") == pytest.approx((70, 80))  # 80 - 10
    assert interval("接近5.5%", lexicon, near="digit") == pytest.approx((5.4, 5.5))  # 5.5 - 0.1
    assert interval("下降近5%", lexicon, near="digit") == pytest.approx((-5, -4))  # mirrored


def test_a_leading_verb_keeps_the_trailing_qualifier(lexicon: Lexicon) -> None:
    stated = parse_value("达到260亿元左右", lexicon)
    assert (stated.qualifier, stated.bound, stated.number) == ("左右", "approx", Decimal(260))
    # 超过 sets the bound first; 以上 after it changes nothing.
    assert parse_value("超过30%以上", lexicon).bound == "above"


def test_trailing_zeros_significant(lexicon: Lexicon) -> None:
    # "670" read as rounded to the ten: ± 5
    assert interval("670亿元", lexicon, trailing_zeros="significant") == pytest.approx((665, 675))
    # "700" read as rounded to the hundred: ± 50
    assert interval("700亿元", lexicon, trailing_zeros="significant") == pytest.approx((650, 750))
    # no trailing zero: nothing changes
    assert interval("669亿元", lexicon, trailing_zeros="significant") == pytest.approx(
        (668.5, 669.5)
    )
    # a written decimal zero is significant anyway
    assert interval("33.80%", lexicon, trailing_zeros="significant") == pytest.approx(
        (33.795, 33.805)
    )


def test_rounding_down(lexicon: Lexicon) -> None:
    # truncated figures: 33.8 stands for [33.8, 33.9)
    assert interval("33.8%", lexicon, mode="down") == pytest.approx((33.8, 33.9))


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        # A word after the direction verb bounds the size of the change as written, and the
        # sign of the verb mirrors it (worked by hand, default pack: near = 10%, open_below 0).
        ("增长超30%", 30.0, math.inf),  # more than 30%
        ("下降超30%", -math.inf, -30.0),  # a fall of more than 30%
        ("下降近5%", -5.0, -4.5),  # a fall of a little under 5%: 5 - 10% of 5 = 4.5
        ("下降不到5%", -5.0, 0.0),  # a fall of less than 5%
        ("增长近5%", 4.5, 5.0),
    ],
)
def test_qualifier_after_direction_verb(lexicon: Lexicon, text: str, lo: float, hi: float) -> None:
    interval = stated_interval(parse(text, lexicon), load_pack().rounding)
    assert (interval.lo, interval.hi) == pytest.approx((lo, hi))


def test_unicode_minus_sign(lexicon: Lexicon) -> None:
    # −5.0% with U+2212 is minus five percent, precision kept.
    stated = parse("−5.0%", lexicon)
    assert (stated.number, stated.exponent, stated.unit) == (Decimal("-5.0"), -1, "%")


# ---- the plain reading of an Arabic figure and its tail, against the full one


def _tails() -> list[str]:
    """What follows the figure in every value written in the repository's claims files (and
    some a pack may meet), as parse_value's plain reading sees them."""
    import re  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    repo = Path(__file__).resolve().parents[1]
    tails = {
        "",
        "%",
        "倍",
        "位",
        "名",
        "余家",
        "多万人",
        "以上",
        "左右",
        "个百分点",
        "万多亿元",
        "億元",
    }
    tails |= {"成", "番", "多", "余", "分之", "‰", "℃", "亿元以上", "万亿", "年", "家以上"}
    for path in [*repo.glob("claims/*.yaml"), *repo.glob("tests/data/**/*.yaml")]:
        for value in re.findall(r"value: ['\"]?(.*?)['\"]?$", path.read_text("utf-8"), re.M):
            tails.add(re.sub(r"^-?[0-9]+(?:\.[0-9]+)?", "", value))
    return sorted(tails)


TAILS = _tails()
FIGURES = ["0", "1", "7", "-1.2", "2867.6", "0.05", "100.00", "-0.0", "99999999999", "3.14159"]


@pytest.mark.parametrize("tail", TAILS)
def test_the_plain_reading_is_the_full_one(tail: str, lexicon: Lexicon) -> None:
    from factcheck.numbers import _parse_value  # noqa: PLC0415 - the full reading

    for figure in [*FIGURES, "12345678901234567890123456789.5", "1" * 25]:
        text = figure + tail
        try:
            expected: Stated | str = _parse_value(text, lexicon)
        except ValueProblem as exc:
            expected = f"{exc.code} {exc.message}"
        try:
            got: Stated | str = parse_value(text, lexicon)
        except ValueProblem as exc:
            got = f"{exc.code} {exc.message}"
        assert got == expected, text
        if isinstance(got, Stated):
            assert isinstance(expected, Stated)
            assert got.number.as_tuple() == expected.number.as_tuple(), text  # digits, sign


def test_the_plain_reading_serves_the_common_values(lexicon: Lexicon) -> None:
    # Not vacuous: the comparison above goes through the plain reading for the usual tails, and
    # leaves to the full one those whose reading depends on more than the tail.
    from factcheck import numbers  # noqa: PLC0415

    for text in ("2867.6亿元", "27.1%", "-1.2%", "2025", "30余家", "1.5个百分点", "5以上"):
        parse_value(text, lexicon)
    served = {tail for tail, (_, template) in numbers._TAILS.items() if template is not None}
    assert {"亿元", "%", "", "余家", "个百分点", "以上"} <= served
    for text in ("2倍", "3位"):  # a multiple, a rank: not plain numbers
        parse_value(text, lexicon)
        assert numbers._TAILS[text[1:]][1] is None
