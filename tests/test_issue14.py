"""Every form of issue 14 (points 1-6) as printed, in simplified, traditional and, where the form
exists in English, English characters: each variant reads as the same interval, is found as a
mention at the same place, and (units) is known to the parser and to the mention finder alike.

The relations 少增/多增, 末位/倒数第N, 依次为 and 上升N位 are tested in test_rank_increment.py.
Intervals are in base units (元, grams, metres, a rate as a fraction); each row's comment works
the interval out by hand.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from factcheck import app
from factcheck.errors import ValueProblem
from factcheck.interval import stated_interval
from factcheck.mentions import find_mentions
from factcheck.numbers import parse_value
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info
from factcheck.zh import as_written

INF = math.inf


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


# (form, simplified, traditional, English or None, lo, hi): the same figure in each script.
FORMS = [
    # ---- point 1: traditional characters (values, qualifiers, verbs, units, numerals)
    # 670亿元 = [669.5, 670.5] × 1e8 元.
    ("亿元", "670亿元", "670億元", "67 billion yuan", 669.5e8, 670.5e8),
    # 12万吨 = [11.5, 12.5] × 1e4 t × 1e6 g.
    ("万吨", "12万吨", "12萬噸", None, 11.5e10, 12.5e10),
    # 增长1.5倍 = ×(1.5 + 1) ± 0.05.
    ("增长N倍", "增长1.5倍", "增長1.5倍", None, 2.45, 2.55),
    # 0.9个百分点 = [0.85, 0.95] points of 0.01.
    ("个百分点", "0.9个百分点", "0.9個百分點", "0.9 percentage points", 0.0085, 0.0095),
    # 约18% = 18 ± 1 (one unit of the last significant digit), as a fraction.
    ("约", "约18%", "約18%", "about 18%", 0.17, 0.19),
    # 超过30万吨: at least 30 × 1e4 t = 3e11 g, no ceiling.
    ("超过", "超过30万吨", "超過30萬噸", None, 3e11, INF),
    ("超过 (English: more than)", "超过300", "超過300", "more than 300", 300, INF),
    # 两位数: a rate of ten to a hundred percent, [10%, 100%).
    ("两位数", "两位数", "兩位數", None, 0.10, 1.0),
    # 一万五千亿元 = 15000 × 1e8 元 = 1.5e12, ± 500 × 1e8 (rounded at 千亿: the last digit 五千).
    ("一万五千亿元", "一万五千亿元", "一萬五千億元", "1.5 trillion yuan", 1.45e12, 1.55e12),
    # ---- point 2: English figures (with their Chinese counterparts)
    # $612B = [611.5, 612.5] × 1e9 dollars.
    ("$612B", "6120亿美元", "6120億美元", "$612B", 611.95e9, 612.05e9),
    # US$1.2 trillion = [1.15, 1.25] × 1e12 dollars; 1.2万亿美元 alike.
    ("US$1.2 trillion", "1.2万亿美元", "1.2萬億美元", "US$1.2 trillion", 1.15e12, 1.25e12),
    # $48 billion = [47.5, 48.5] × 1e9; 480亿美元 is [479.5, 480.5] × 1e8, a digit finer.
    ("$48 billion", "480亿美元", "480億美元", None, 479.5e8, 480.5e8),
    ("$48 billion (English)", "$48 billion", "$48 billion", "$48 billion", 47.5e9, 48.5e9),
    # €3.4m = [3.35, 3.45] × 1e6 euros; 340万欧元 = [339.5, 340.5] × 1e4.
    ("€3.4m", "340万欧元", "340萬歐元", None, 3.395e6, 3.405e6),
    ("€3.4m (English)", "€3.4m", "€3.4m", "€3.4m", 3.35e6, 3.45e6),
    # 12% = [11.5%, 12.5%].
    ("12%", "12%", "12%", "12%", 0.115, 0.125),
    # 1.5 percentage points = [1.45, 1.55] × 0.01.
    (
        "1.5 percentage points",
        "1.5个百分点",
        "1.5個百分點",
        "1.5 percentage points",
        0.0145,
        0.0155,
    ),
    # up 12% = 增长12% = +[11.5%, 12.5%].
    ("up 12%", "增长12%", "增長12%", "up 12%", 0.115, 0.125),
    # down $3B = -[2.5, 3.5] × 1e9; 减少30亿美元 = -[29.5, 30.5] × 1e8.
    ("down $3B", "减少30亿美元", "減少30億美元", None, -30.5e8, -29.5e8),
    ("down $3B (English)", "down $3B", "down $3B", "down $3B", -3.5e9, -2.5e9),
    # doubled: at least ×2 and short of ×3; 翻番: at least ×2 and short of ×4 (N doublings).
    ("doubled", "doubled", "doubled", "doubled", 2.0, 3.0),
    ("翻番", "翻番", "翻番", None, 2.0, 4.0),
    ("翻一番", "翻一番", "翻一番", None, 2.0, 4.0),
    ("tripled", "tripled", "tripled", "tripled", 3.0, 4.0),
    # halved: at most ×1/2 and more than ×1/3 (the mirror of doubled).
    ("halved", "halved", "halved", "halved", 1 / 3, 1 / 2),
    # a third = 三分之一 = exactly 1/3.
    ("a third", "三分之一", "三分之一", "a third", 1 / 3, 1 / 3),
    ("two-thirds", "三分之二", "三分之二", "two-thirds", 2 / 3, 2 / 3),
    # 1.2 million = 120万 to its written digit: [1.15, 1.25] × 1e6 and [119.5, 120.5] × 1e4.
    ("1.2 million", "120万", "120萬", None, 1.195e6, 1.205e6),
    ("1.2 million (English)", "1.2 million", "1.2 million", "1.2 million", 1.15e6, 1.25e6),
    # about / roughly / around = 约: ± one unit of the last significant digit: 1.36 ± 0.01.
    ("roughly", "约1.36", "約1.36", "roughly 1.36", 1.35, 1.37),
    ("around", "约1.36", "約1.36", "around 1.36", 1.35, 1.37),
    # nearly = 近 = 接近: up to 10% below, 80% - 8% = 72%, to 80%.
    ("nearly", "近80%", "近80%", "nearly 80%", 0.72, 0.80),
    ("接近", "接近80%", "接近80%", "almost 80%", 0.72, 0.80),
    # at least = 不低于 = 至少: a floor; less than = 不到 = 低于: a ceiling (from zero).
    ("at least", "不低于5%", "不低於5%", "at least 5%", 0.05, INF),
    ("less than", "不到3%", "不到3%", "less than 3%", 0.0, 0.03),
    # over = 超: a floor.
    ("over", "超100", "超100", "over 100", 100, INF),
    # year-over-year: left to the claim's period and base; the figure is up 9% = [8.5%, 9.5%].
    ("year-over-year", "增长9%", "增長9%", "up 9% year-over-year", 0.085, 0.095),
    # ---- point 3: everyday forms (rel14's relations aside)
    # N万多亿: 2万多亿元 = [2, 3] × 1e12 元.
    ("N万多亿", "增加2万多亿元", "增加2萬多億元", None, 2e12, 3e12),
    # N亿多: 3亿多人 = [3, 4] × 1e8 persons.
    ("N亿多", "3亿多人", "3億多人", None, 3e8, 4e8),
    # N多万: 30多万人 = [30, 40] × 1e4.
    ("N多万", "30多万人", "30多萬人", None, 3e5, 4e5),
    # 暴增12.7倍 = ×(12.7 + 1) ± 0.05.
    ("暴增N倍", "暴增12.7倍", "暴增12.7倍", None, 13.65, 13.75),
    # 猛增35% = +[34.5%, 35.5%].
    ("猛增", "猛增35%", "猛增35%", None, 0.345, 0.355),
    # 持平: a change of zero to the unit of a rate, [-0.5%, 0.5%].
    ("持平", "持平", "持平", None, -0.005, 0.005),
    # ‰: 8.00‰ = [7.995, 8.005] × 0.001.
    ("‰", "8.00‰", "8.00‰", None, 0.007995, 0.008005),
    # A space before %: 1.4 % = [1.35%, 1.45%].
    ("space before %", "1.4 %", "1.4 %", "1.4 %", 0.0135, 0.0145),
    # A leading minus, ASCII or U+2212: −3.5% = [-3.55%, -3.45%].
    ("leading −", "−3.5%", "−3.5%", "−3.5%", -0.0355, -0.0345),
    ("leading -", "-3.5%", "-3.5%", "-3.5%", -0.0355, -0.0345),
    # ---- point 5: qualifier widths follow the written precision
    # 4500元左右: trailing zeros are not significant, so ± one hundred: [4400, 4600].
    ("左右", "4500元左右", "4500元左右", "about 4,500 yuan", 4400, 4600),
    ("上下", "4500元上下", "4500元上下", "around 4,500 yuan", 4400, 4600),
    # 约1.36倍 = 1.36 ± 0.01.
    ("约N倍", "约1.36倍", "約1.36倍", None, 1.35, 1.37),
    # 30余家 = 30多家: above 30, short of the next step 40.
    ("余", "30余家", "30餘家", None, 30, 40),
    ("多", "30多家", "30多家", None, 30, 40),
    # ---- point 6: a leading verb never cancels a trailing qualifier
    # 达到260亿元左右 = 260 ± 10 (the last significant digit is the ten) × 1e8.
    (
        "达到…左右",
        "达到260亿元左右",
        "達到260億元左右",
        "reached about 26 billion yuan",
        250e8,
        270e8,
    ),
]
IDS = [f[0] for f in FORMS]


def _interval(text: str, pack: RulePack) -> tuple[float, float]:
    stated = parse_value(text, pack.lexicon)
    factor = unit_info(stated.unit).factor if stated.form == "number" else 1.0
    got = stated_interval(stated, pack.rounding).scale(factor)
    return got.lo, got.hi


@pytest.mark.parametrize(("form", "simp", "trad", "english", "lo", "hi"), FORMS, ids=IDS)
def test_a_form_reads_alike_in_every_script(
    pack: RulePack, form: str, simp: str, trad: str, english: str | None, lo: float, hi: float
) -> None:
    for text in (simp, trad):
        assert _interval(text, pack) == pytest.approx((lo, hi)), text
        assert parse_value(text, pack.lexicon).text == text  # the text as written stays
    if english is not None and english != simp:
        # The English figure may be written to another digit ($48 billion against 480亿美元):
        # its own interval is worked out in its own row; here it must hold the Chinese one's
        # point (or, unbounded, its floor).
        e_lo, e_hi = _interval(english, pack)
        point = lo if math.isinf(hi) else (lo + hi) / 2
        assert e_lo <= point * (1 + 1e-12) + 1e-15 and (math.isinf(hi) == math.isinf(e_hi))
        assert point <= e_hi * (1 + 1e-12) + 1e-15


@pytest.mark.parametrize(("form", "simp", "trad", "english", "lo", "hi"), FORMS, ids=IDS)
def test_a_form_is_a_mention_in_every_script(
    form: str, simp: str, trad: str, english: str | None, lo: float, hi: float
) -> None:
    if simp == "持平":
        return  # a change of zero written in words: no digit or numeral to find
    chinese = not any("a" <= c.lower() <= "z" for c in simp)
    a, b = (f"2025年全市{t}。" if chinese else f"In 2025 it fell by {t}." for t in (simp, trad))
    simp_found = [(m.start, m.end, m.value) for m in find_mentions(a)]
    trad_found = [(m.start, m.end, m.value) for m in find_mentions(b)]
    # Traditional characters fold one for one: the same mentions at the same places.
    assert simp_found == trad_found and len(simp_found) >= 2  # 2025年 and the figure
    # The figure's mention lies inside the figure as written (after "2025年全市", 7 characters;
    # after "In 2025 it fell by ", 19).
    at = 7 if chinese else 19
    assert simp_found[1][0] >= at and simp_found[1][1] <= at + len(simp)
    if english is not None:
        text = f"In 2025 the city's output changed by {english}."
        found = [m for m in find_mentions(text) if m.start >= len("In 2025")]
        assert found, english
        for m in found:
            assert text[m.start : m.end] == m.text


def test_a_leading_minus_is_part_of_the_mention() -> None:
    # −3.5% after 增长: the mention is the signed figure, value -3.5; a dash between two figures
    # is no sign (2021-2025: two years; 1-9月: a run of months).
    found = [(m.text, m.value) for m in find_mentions("比上年增长−3.5%，气温-2.5℃，2021-2025年")]
    assert found == [("−3.5%", -3.5), ("-2.5℃", -2.5), ("2021", 2021.0), ("2025年", 2025.0)]


# ---- point 4: units a newsroom needs, shipped in data/units.txt

# (simplified, traditional, English symbol or None, factor to the base unit, dimension)
UNITS = [
    # 平方千米 = 平方公里 = km² = 1e6 m².
    ("3.5平方千米", "3.5平方千米", "3.5km²", 1e6, "[length]^2"),
    # 万标准箱 = 1e4 TEU.
    ("12.6万标准箱", "12.6萬標準箱", None, 1e4, "[teu]"),
    # 亿吨公里 = 1e8 × 1e6 g × 1e3 m = 1e17 g·m.
    ("3.2亿吨公里", "3.2億噸公里", None, 1e17, "[length]*[mass]"),
    ("5艘", "5艘", None, 1, "[ship]"),
    ("2.1亿欧元", "2.1億歐元", None, 1e8, "[currency_eur]"),
    ("3亿港元", "3億港元", None, 1e8, "[currency_hkd]"),
    ("50亿日元", "50億日元", None, 1e8, "[currency_jpy]"),
    ("750千伏", "750千伏", None, 1e3, "[voltage]"),
    ("12亿元人民币", "12億元人民幣", None, 1e8, "[currency_cny]"),
    ("800床", "800床", None, 1, "[bed]"),
    ("120间", "120間", None, 1, "[room]"),
    ("5本", "5本", None, 1, "[volume]"),
    ("5册", "5冊", None, 1, "[volume]"),
    ("300棵", "300棵", None, 1, "[tree]"),
    # ℃ has its own dimension, compared as written (no offset to kelvin).
    ("36℃", "36℃", "36°C", 1, "[temperature_c]"),
]


@pytest.mark.parametrize(("simp", "trad", "english", "factor", "dimension"), UNITS)
def test_shipped_units_are_known_to_the_parser_and_the_mention_finder(
    pack: RulePack, simp: str, trad: str, english: str | None, factor: float, dimension: str
) -> None:
    for text in (simp, trad, english):
        if text is None:
            continue
        stated = parse_value(text, pack.lexicon)
        unit = unit_info(stated.unit)
        assert (unit.factor, unit.dimension) == (pytest.approx(factor), dimension), text
        # The whole figure with its unit is one mention.
        assert [m.text for m in find_mentions(f"全年{text}。")] == [text]


def test_bu_is_a_unit_but_no_measure_word(pack: RulePack) -> None:
    # 部 counts works (3部电影) but makes words with numerals (三部门): a unit of values only.
    assert unit_info(parse_value("3部", pack.lexicon).unit).dimension == "[work]"
    assert [m.text for m in find_mentions("三部门联合发文")] == []


@pytest.mark.parametrize(
    ("typo", "suggestion"), [("平方公理", "平方公里"), ("萬標準相", "万标准箱")]
)
def test_an_unknown_unit_names_the_closest(pack: RulePack, typo: str, suggestion: str) -> None:
    with pytest.raises(ValueProblem) as info:
        unit_info(parse_value(f"3{typo}", pack.lexicon).unit)
    assert info.value.code == "E109" and f"did you mean '{suggestion}'" in str(info.value)


def test_the_default_width_is_the_digit_not_a_fraction() -> None:
    # The fractional width stays a pack option (test_rulepack.py,
    # test_qualifier_widths_by_digit_or_fraction); by default 约1.36 is ± 0.01, not ± 5% (0.068).
    assert _interval("约1.36", load_pack()) == pytest.approx((1.35, 1.37))


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        # halved: at most ×1/2, more than ×1/3 (short of a cut to a third).
        ("halved", 1 / 3, 1 / 2),
        # "more than halved" fell below half: ×[0, 1/2]; "nearly halved" did not quite reach
        # half: at least ×1/2 (a 47% fall, ×0.53, is nearly halved; ×0.45 is not).
        ("more than halved", 0.0, 0.5),
        ("nearly halved", 0.5, INF),
        # doubled the other way round: "nearly doubled" is a little under ×2 (10%: ×1.8).
        ("nearly doubled", 1.8, 2.0),
        ("more than doubled", 2.0, INF),
    ],
)
def test_words_around_a_multiple_bound_it(pack: RulePack, text: str, lo: float, hi: float) -> None:
    assert _interval(text, pack) == pytest.approx((lo, hi))


TRAD_ARTICLE = "「十四五」期間，全市外貿進出口總額年均增長17.3%，2025年達到291.8億元。\n"
TRAD_CLAIMS = """version: 1
article: a.txt
entity: 金昌市
claims:
  - {id: cagr, kind: cagr, quote: 全市外貿進出口總額年均增長17.3%, metric: 外貿進出口總額,
     period: 十四五期間, value: 17.3%, end: level}
  - {id: level, kind: level, quote: 2025年達到291.8億元, metric: 外貿進出口總額, period: "2025",
     value: 291.8億元}
"""


def test_a_report_writes_derived_figures_in_the_articles_script(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TRAD_ARTICLE, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(TRAD_CLAIMS, encoding="utf-8")
    [result] = app.run([app.Target(tmp_path / "c.yaml", "c.yaml")], load_pack())
    [finding] = [f for f in result.findings if f.code == "FC141"]
    # 1.173^5 = 2.22070, and 291.8 / 2.22070 = 131.40: the 2020 level, in 億元 as the article
    # writes its figures (not 亿元).
    assert finding.recomputed == "131.40億元"
    assert finding.arithmetic == "291.8億元 / (1 + 17.3%)^5 = 131.40億元"


@pytest.mark.parametrize(
    ("unit", "text", "written"),
    [
        ("亿元", "突破670億元", "億元"),
        ("万元", "15.6萬元", "萬元"),
        ("亿元", "670亿元", "亿元"),  # simplified: as it is
        ("万吨", "增長1.2万噸", "万噸"),  # a mixed text: each character as written
        ("公斤/亩", "536.31公斤／畝", "公斤/亩"),  # not spelled alike (／): units.txt's name
    ],
)
def test_a_unit_as_the_value_writes_it(unit: str, text: str, written: str) -> None:
    assert as_written(unit, text) == written
