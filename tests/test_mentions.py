"""Tests of the numeric-mention finder, against hand-worked expectations and as properties."""

import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.coverage import Cover
from factcheck.mentions import _PATTERN, MEASURE_WORDS, Mention, _cn_number, find_mentions, matches
from factcheck.zh import EXTRA_MEASURE_WORDS, NOT_MEASURE_WORDS

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "claims" / "jinchang-2025.txt"


UNITS = REPO / "src" / "factcheck" / "data" / "units.txt"


def test_measure_words_follow_units_txt() -> None:
    """Every Chinese unit name and alias of units.txt is a measure word, unless it is one of the
    named exceptions; each exception is a real unit, and no extra measure word is a unit (it
    would come from units.txt then). Read here with a parser of its own."""
    defined: set[str] = set()
    for line in UNITS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "=" not in line:
            continue
        name, _definition, *aliases = (p.strip() for p in line.split("="))
        if not name.endswith("-"):  # 万- is a prefix
            defined |= {w for w in (name, *aliases) if re.fullmatch("[\u4e00-\u9fff]+", w)}
    assert (defined - NOT_MEASURE_WORDS) | EXTRA_MEASURE_WORDS == MEASURE_WORDS
    assert defined >= NOT_MEASURE_WORDS
    assert not EXTRA_MEASURE_WORDS & defined
    # Units the hand-kept list lacked: 15 of them, 兆瓦 among them.
    assert {"兆瓦", "吉瓦", "千伏安", "升", "标箱", "架次", "吨标准煤"} <= MEASURE_WORDS


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mentions(article: str) -> list[Mention]:
    return find_mentions(article)


def _find(mentions: list[Mention], text: str) -> Mention:
    return next(m for m in mentions if m.text == text)


def test_line_of_industry_clusters(article: str, mentions: list[Mention]) -> None:
    # Read by hand from the line: 以“2+4+N”现代化产业体系 … 从2021年的669亿元增长到2025年的2586亿元,
    # 年均增长33.8%,… 连续三年获评“优秀”,… 产值贡献超三分之二。
    line = next(i for i, s in enumerate(article.split("\n"), 1) if "相关产业集群产值从2021年" in s)
    found = [m.text for m in mentions if m.line == line]
    assert found == [
        "2+4+N",
        "2021年",
        "669亿元",
        "2025年",
        "2586亿元",
        "33.8%",
        "三年",
        "三分之二",
    ]


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("十五五", 3, 8),  # "# 砥砺奋进“十五五”": '#', ' ', four characters, '“', then 十
        ("10.1%", 11, 11),  # "地区生产总值年均增长" is ten characters
        ("2+4+N", 43, 21),  # "集群化发展,让产业生态释放乘数效应。以“" is twenty characters
    ],
)
def test_line_and_col_counted_by_hand(
    mentions: list[Mention], text: str, line: int, col: int
) -> None:
    m = _find(mentions, text)
    assert (m.line, m.col) == (line, col)


def test_values_in_article(article: str, mentions: list[Mention]) -> None:
    third = _find(mentions, "三分之二")
    assert third.value == pytest.approx(2 / 3) and third.form == "fraction"
    tenths = _find(mentions, "八成")
    assert article[tenths.end : tenths.end + 2] == "左右"
    assert tenths.value == pytest.approx(0.8) and tenths.form == "fraction"
    doubled = _find(mentions, "翻一番")
    assert (doubled.value, doubled.form) == (1.0, "multiple")
    assert (_find(mentions, "两位数").value, _find(mentions, "十四五").form) == (None, "plan")
    assert _find(mentions, "2.29:1").value == pytest.approx(2.29)
    assert _find(mentions, "2×100万千瓦").value == 200
    assert _find(mentions, "670亿元").value == 670


@pytest.mark.parametrize(
    "phrase", ["一组组", "一窗", "一带一路", "五城一区", "千万工程", "万千金昌人"]
)
def test_words_with_numerals_are_not_mentions(
    article: str, mentions: list[Mention], phrase: str
) -> None:
    starts = [i for i in range(len(article)) if article.startswith(phrase, i)]
    assert starts, f"{phrase} should occur in the article"
    for i in starts:
        assert not [m for m in mentions if m.start < i + len(phrase) and i < m.end]


def test_every_arabic_digit_is_inside_a_mention(article: str, mentions: list[Mention]) -> None:
    covered = {i for m in mentions for i in range(m.start, m.end)}
    assert all(i in covered for i, c in enumerate(article) if c.isdigit())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人均ＧＤＰ达１５．６万元", [("１５．６万元", 15.6, "fullwidth")]),
        (
            "增长３３．８％，２０２５年",
            [("３３．８％", 33.8, "percent"), ("２０２５年", 2025, "fullwidth")],
        ),
        ("百分之五", [("百分之五", 5, "percent")]),
        ("一万五千亿元", [("一万五千亿元", 15000, "chinese")]),
        ("下降0.9个百分点", [("0.9个百分点", 0.9, "arabic")]),
        ("1,300亿元", [("1,300亿元", 1300, "arabic")]),
        ("纯度4N5", [("4N5", 99.995, "percent")]),
        ("翻两番", [("翻两番", 2, "multiple")]),
        ("提前三年完成", [("三年", 3, "chinese")]),  # 前 + measure word is not the rank 前三
        ("位列全省前三。", [("前三", 3, "chinese")]),
        ("排名第二、第三", [("第二", 2, "chinese"), ("第三", 3, "chinese")]),
        ("十分之一", [("十分之一", 0.1, "fraction")]),  # the idiom 十分 must not swallow it
        ("十分重要", []),
        ("三四年", [("三四年", None, "chinese")]),
        ("数千户", [("数千户", None, "chinese")]),
        ("5G网络覆盖千米井下", [("5G", 5, "arabic"), ("千米", 1000, "chinese")]),
        ("30,2025年", [("30", 30, "arabic"), ("2025年", 2025, "arabic")]),
        ("一座一个一条一件事一体化一站式一锹一土一幕幕一刻钟唯一统一", []),
        ("三大行动", [("三大", 3, "chinese")]),
        ("三酸两碱八改三调对接六融一体", []),
        ("安全事故发生率降为零。", [("零", 0, "chinese")]),  # a zero that is a result
        ("零件零售零距离", []),
        ("连续16个季度", [("16个季度", 16, "arabic")]),
        ("翻了两番", [("翻了两番", 2, "multiple")]),
        ("增加了一倍", [("一倍", 1, "chinese")]),  # 一倍 is a multiple, not an article
        ("18.2:35.6:46.2", [("18.2:35.6:46.2", None, "arabic")]),  # three parts, no value
        ("三次产业结构", []),
        # Units of units.txt are measure words: 五 before 兆瓦 is a quantity (5), and 5兆瓦 keeps
        # its unit in the span.
        ("装机容量达到五兆瓦", [("五兆瓦", 5, "chinese")]),
        ("装机容量达到5兆瓦", [("5兆瓦", 5, "arabic")]),
        ("发生三起事故，收治两例", [("三起", 3, "chinese"), ("两例", 2, "chinese")]),
        ("四面八方，三头六臂", []),  # 方 and 头 are units, but no measure words
    ],
)
def test_small_cases(text: str, expected: list[tuple[str, float | None, str]]) -> None:
    found = [(m.text, m.value, m.form) for m in find_mentions(text)]
    assert found == [(t, v if v is None else pytest.approx(v), form) for t, v, form in expected]


def test_cn2an_stays_silent(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In "normal" mode cn2an rejects the inputs it would warn about, so stand in a noisy converter.
    import cn2an  # noqa: PLC0415 - only this test needs it

    def noisy(numeral: str, mode: str) -> int:
        warnings.warn("注意：小数部分长度", UserWarning, stacklevel=2)
        print("noise")
        return 77

    monkeypatch.setattr(cn2an, "cn2an", noisy)
    _cn_number.cache_clear()  # values cached by earlier tests would skip the converter
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            found = find_mentions("七点七年")  # a decimal: read by cn2an, not numerals.py
    finally:
        _cn_number.cache_clear()  # drop the fake values
    assert [(m.text, m.value) for m in found] == [("七点七年", 77)]
    assert not caught
    assert capsys.readouterr() == ("", "")


def test_cn2an_is_imported_lazily() -> None:
    code = "import sys, factcheck.mentions; print('cn2an' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_ALPHABET = (
    "0123456789０１２３４５６７８９.,:：×+N%％Ge\n "
    "一二两三四五六七八九十百千万亿零〇点第前翻番分之成位数年个大元余多几钟"
    "为至到，。接连上下方计家户第动力"  # the zero's lookbehind and idioms' first characters
)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(_ALPHABET) | st.characters(), max_size=60))
def test_mentions_are_ordered_exact_and_located(text: str) -> None:
    previous_end = 0
    for m in find_mentions(text):
        assert previous_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.line == text.count("\n", 0, m.start) + 1
        assert m.col == m.start - (text.rfind("\n", 0, m.start) + 1) + 1
        assert m.form in {
            "arabic",
            "fullwidth",
            "percent",
            "fraction",
            "chinese",
            "plan",
            "multiple",
        }
        previous_end = m.end


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(_ALPHABET) | st.characters(), max_size=80))
def test_the_fast_scan_finds_what_finditer_finds(text: str) -> None:
    assert [m.span() for m in matches(text)] == [m.span() for m in _PATTERN.finditer(text)]


def test_the_fast_scan_on_the_articles(article: str) -> None:
    files = [*REPO.glob("claims/*.txt"), *REPO.glob("tests/**/*.txt")]
    texts = [article] + [p.read_text(encoding="utf-8") for p in files]
    for text in texts:
        assert [m.span() for m in matches(text)] == [m.span() for m in _PATTERN.finditer(text)]


# The alternatives of the mention pattern, in the order they are tried; a match's alternative is
# the one whose group took part. _classify reads it from Match.lastgroup (the last group to
# close): the alternative's own name, or its optional tail's.
_ALTERNATIVES = (
    "skip",
    "plan",
    "mult",
    "frac",
    "ord",
    "rank",
    "tenth",
    "places",
    "ar",
    "zero",
    "cn",
)
_TAILS = {"ar_tail": "ar", "cn_tail": "cn"}


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(_ALPHABET) | st.characters(), max_size=80))
def test_the_last_group_names_the_alternative(text: str) -> None:
    for m in _PATTERN.finditer(text):
        alternative = next(name for name in _ALTERNATIVES if m[name] is not None)
        assert _TAILS.get(m.lastgroup or "", m.lastgroup) == alternative


_WORDS = ["−", "-", "﹣", "－", " doubled ", " a third of ", " by half", "growth of -3.5%"]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from([*_ALPHABET, *_WORDS]) | st.characters(), max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=6),
)
def test_skipping_covered_spans_leaves_the_uncovered_mentions_as_they_were(
    text: str, spans: list[tuple[int, int]]
) -> None:
    # coverage.missing reads only the mentions no quote covers: filtering the full scan by the
    # same cover must give the same mentions, whatever the spans (a minus sign just outside a
    # span, an English word inside one).
    cover = Cover((start, start + length) for start, length in spans)
    expected = [m for m in find_mentions(text) if not cover.covers(m.start, m.end)]
    found = find_mentions(text, skip=cover.covers)
    assert [m for m in found if not cover.covers(m.start, m.end)] == expected
