"""Fuzzing the parsers (issue 8): whatever goes in, the result is either valid or a clean
problem with a code (and, from the loaders, a location); never another exception.

Each ``target_*`` function states that contract for one parser and raises AssertionError when it
is broken; any other exception escaping it is a crash. The tests run each target under hypothesis
with a bounded number of examples, so the file stays within about 20 s; the long campaign
(``bench/fuzz_campaign.py``) imports the same targets and strategies and runs them far longer.
"""

from __future__ import annotations

import atexit
import math
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck import expr as ex
from factcheck.codes import INPUT_CODES
from factcheck.errors import InputError, ValueProblem
from factcheck.interval import stated_interval
from factcheck.loader import load_claims
from factcheck.model import ClaimsFile
from factcheck.numbers import parse_value
from factcheck.periods import parse_period
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info

ARTICLE = Path(__file__).parent / "data" / "bad" / "article.txt"

VALID = """version: 1
article: article.txt
entity: 示例市
year: 2025
claims:
  - id: gdp-2025
    kind: level
    quote: 2025年地区生产总值突破670亿元
    metric: 地区生产总值
    period: 2025
    value: 突破670亿元
  - id: gdp-growth-2025
    kind: growth
    quote: 同比增长10%
    metric: 地区生产总值
    period: 2025
    value: 10%
    end: gdp-2025
  - id: gdp-cagr-14fyp
    kind: cagr
    quote: 地区生产总值年均增长8%
    metric: 地区生产总值
    period: 十四五
    value: 8%
  - id: doubling
    kind: multiple
    quote: 人均GDP实现五年翻番
    metric: 人均GDP
    period: 2025
    base: 5年前
    value: 翻番
  - id: share
    kind: share
    quote: 有色金属产值占全市工业产值的41%
    metric: 有色金属产值
    whole: 工业产值
    period: 2025
    value: 41%
  - id: ratio
    kind: ratio
    quote: 城乡居民收入比缩小至2.29:1
    metrics: [城镇居民人均可支配收入, 农村居民人均可支配收入]
    period: 2025
    value: '2.29:1'
  - id: parts
    kind: sum
    quote: 其中，有色金属产值突破300亿元，新能源产值超200亿元
    total: 工业产值
    parts: [有色金属产值, 新能源产值]
    period: 2025
  - id: rank
    kind: rank
    quote: 全市GDP增速排名全省第二
    metric: GDP增速
    ranking: 全省县区GDP增速
    period: 2025
    value: 第二
  - id: [urban-income-growth, rural-income-growth]
    kind: growth
    quote: 城镇居民和农村居民人均可支配收入分别增长5.5%、7.7%
    metric: [城镇居民人均可支配收入, 农村居民人均可支配收入]
    period: 2025
    value: [5.5%, 7.7%]
  - id: months
    kind: count
    quote: 其中48个月位居全省第一
    metric: 月数
    period: 2025
    value: 48个月
    within: 94个月
    accept:
      - {code: FC161, reason: checked, until: 2030-01-01}
ignore:
  - {quote: 示例市2025年经济运行情况, reason: label}
"""


# ---- the contract -----------------------------------------------------------------------------


@cache
def pack() -> RulePack:
    """The default rule pack, built once per process."""
    return load_pack()


@cache
def workspace() -> Path:
    """A folder with the test article, where each input is written as a claims file."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    shutil.copy(ARTICLE, folder / "article.txt")
    return folder


def _clean(exc: InputError) -> None:
    assert exc.problems, "an InputError without problems"
    for p in exc.problems:
        assert p.code in INPUT_CODES, p
        assert p.loc.line >= 1 and p.loc.col >= 1, p
        assert p.message and "\n" not in p.message, p


def target_claims_bytes(data: bytes) -> None:
    """The loader on any bytes: a loaded file, or problems with codes and positions."""
    path = workspace() / f"fuzz-{os.getpid()}.yaml"
    path.write_bytes(data)
    try:
        file = load_claims(path, pack())
    except InputError as exc:
        _clean(exc)
        return
    assert isinstance(file, ClaimsFile)
    for claim in file.claims:
        if claim.value is not None:
            assert not math.isnan(claim.value.point)
            assert not math.isnan(claim.value.interval.lo)
            assert not math.isnan(claim.value.interval.hi)


def target_claims_text(text: str) -> None:
    """The loader on any text (encoded as UTF-8, lone surrogates replaced)."""
    target_claims_bytes(text.encode("utf-8", "surrogatepass"))


def target_value(text: str) -> None:
    """A value as the loader reads it: parse, unit, interval; E108 or E109 on failure."""
    try:
        stated = parse_value(text, pack().lexicon)
        unit = unit_info(stated.unit) if stated.form == "number" else None
    except ValueProblem as exc:
        assert exc.code in ("E108", "E109"), exc.code
        return
    iv = stated_interval(stated, pack().rounding)
    assert not (math.isnan(iv.lo) or math.isnan(iv.hi)), (text, iv)
    assert iv.lo <= iv.hi, (text, iv)
    scale = stated.factor * (unit.factor if unit else 1.0)
    assert math.isfinite(float(stated.number) * scale), text


def target_unit(text: str) -> None:
    """A unit: a finite positive factor, or E109."""
    try:
        info = unit_info(text)
    except ValueProblem as exc:
        assert exc.code == "E109", exc.code
        return
    assert math.isfinite(info.factor) and info.factor > 0, (text, info)


def target_period(text: str) -> None:
    """A period: a point or a span of positive length, or E111."""
    try:
        period = parse_period(text, pack().plans, 2025)
    except ValueProblem as exc:
        assert exc.code == "E111", exc.code
        return
    assert math.isfinite(period.end.t)
    if period.start is not None:
        assert period.years > 0, (text, period)


def target_expr(text: str) -> None:
    """An identity's expression: a tree of arithmetic on names, or E204."""
    try:
        tree = ex.parse(text)
    except ValueProblem as exc:
        assert exc.code == "E204", exc.code
        return
    names = ex.names(tree)
    ex.render(tree)
    value = ex.evaluate(tree, dict.fromkeys(names, 1.5))
    assert isinstance(value, float)


def target_pack(text: str) -> None:
    """A newsroom's rule pack: a resolved pack, or problems with codes and positions."""
    path = workspace() / f"pack-{os.getpid()}.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_pack(path)
    except InputError as exc:
        _clean(exc)


# ---- strategies --------------------------------------------------------------------------------

_FIGURE_CHARS = (
    "0123456789.,-+eE%:×*/÷／ 　０１２９．"
    "零〇一二两三四五六七八九十百千万亿分之成倍番翻第前首位名"
    "元吨公斤亩里米瓦千个户人家月年季度百分点斗届"
    "突破超过近约左右达余多以上不低于增长下降"
)
_PERIOD_CHARS = "0123456789-–—~至到年月季度第一二三四五QM底末前十初期间“”"
_EXPR_CHARS = "abc地区人口 0123456789.+-*/()_,'[]=\"!#e"
_UNIT_CHARS = "元吨公斤亩米瓦千万亿百十个户人/÷／*^%‰ 2m0_kg."

_CN_NUMERALS = st.text(alphabet="零〇一二两三四五六七八九十百千万亿", min_size=1, max_size=6)
_ARABIC = st.one_of(
    st.integers(-(10**40), 10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=None).map(str),
    st.floats().map(repr),
    st.from_regex(r"[0-9]{1,4}(,[0-9]{3})*(\.[0-9]{1,4})?([eE][-+]?[0-9]{1,6})?", fullmatch=True),
)
_WORDS = st.sampled_from(
    [
        "",
        "突破",
        "超过",
        "超",
        "近",
        "约",
        "达",
        "不低于",
        "不到",
        "增长",
        "下降",
        "增长了",
        "第",
        "前",
    ]
)
_AFTER = st.sampled_from(["", "余", "多", "以上", "左右", "倍", "番", "成", "分之", "位", "名"])
_UNITS = st.sampled_from(
    [
        "",
        "%",
        "亿元",
        "万元",
        "万吨",
        "公斤/亩",
        "公斤／亩",
        "个百分点",
        "户",
        "人",
        "万千瓦",
        "立方米",
        "个月",
        "年",
        "斗",
        "元/",
        "^2",
        ":1",
        ":0",
        "×100万千瓦",
    ]
)


@st.composite
def _structured_figures(draw: st.DrawFn) -> str:
    """Qualifier, figure, inner word and unit, each drawn from what articles write."""
    figure = draw(_ARABIC | _CN_NUMERALS | st.sampled_from(["翻番", "翻两番", "两位数", "首位"]))
    return draw(_WORDS) + figure + draw(_AFTER) + draw(_UNITS) + draw(_AFTER)


@st.composite
def _structured_periods(draw: st.DrawFn) -> str:
    """Years, quarters, months, dates and plans, alone or as spans."""

    def point() -> str:
        year = str(draw(st.integers(0, 99999)))
        return draw(
            st.sampled_from(
                [
                    year,
                    year + "年",
                    f"{year}Q{draw(st.integers(0, 9))}",
                    f"{year}-{draw(st.integers(0, 99)):02d}",
                    f"{year}-{draw(st.integers(0, 13))}-{draw(st.integers(0, 40))}",
                    f"{year}年{draw(st.integers(0, 13))}月",
                    f"{draw(st.integers(0, 9999))}年前",
                    draw(st.sampled_from(["十三五", "十四五末", "十六五", "五年前", "十十年前"])),
                ]
            )
        )

    sep = draw(st.sampled_from(["", "-", "至", "到", "—", "~"]))
    return point() + (sep + point() if sep else "")


figures = st.one_of(
    st.text(alphabet=_FIGURE_CHARS, max_size=30), st.text(max_size=30), _structured_figures()
)
periods = st.one_of(
    st.text(alphabet=_PERIOD_CHARS, max_size=30), st.text(max_size=30), _structured_periods()
)
expressions = st.text(alphabet=_EXPR_CHARS, max_size=60) | st.text(max_size=60)
units = st.text(alphabet=_UNIT_CHARS, max_size=15) | st.text(max_size=15)

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    figures,
    st.sampled_from(["level", "growth", "cagr", "ratio", "2025", "十四五", "gdp-2025"]),
)
_keys = st.sampled_from(
    [
        "version",
        "article",
        "entity",
        "year",
        "claims",
        "ignore",
        "id",
        "kind",
        "quote",
        "metric",
        "period",
        "value",
        "base",
        "within",
        "metrics",
        "parts",
        "total",
        "refs",
        "end",
        "accept",
        "code",
        "reason",
        "until",
        "draft",
        "basis",
        "order",
        "ranking",
    ]
) | st.text(max_size=8)
documents = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=6),
    max_leaves=30,
)


@st.composite
def mutations(draw: st.DrawFn, base: str = VALID) -> str:
    """The valid claims file with a few edits: cut, insert, repeat or swap lines, or retype a
    value."""
    text = base
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["cut", "insert", "repeat", "swap", "value", "chars"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "cut":
            j = draw(st.integers(i, min(i + 5, len(lines))))
            del lines[i:j]
        elif op == "insert":
            lines.insert(i, draw(st.text(max_size=20)))
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = (
                key + ": " + draw(figures | periods | st.sampled_from(["[", "{", "&a", "*a"]))
            )
        else:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.text(max_size=5)) + text[at:]
            continue
        text = "\n".join(lines)
    return text


yaml_texts = documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True))
pack_texts = mutations(
    base="rounding:\n  approx: 0.1\n  mode: nearest\nlexicon:\n  before:\n"
    "    大于: above\nchecks:\n  growth: {enabled: false}\nplans:\n"
    "  十六五: [2031, 2035]\nseverity:\n  FC131: warning\nbasis:\n"
    "  real: [产值]\nidentities:\n  - 人均收入 = 总收入 / 人口\n"
)

TARGETS: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None]]] = {
    "claims-bytes": (st.binary(max_size=300), target_claims_bytes),
    "claims-yaml": (yaml_texts, target_claims_text),
    "claims-mutation": (mutations(), target_claims_text),
    "value": (figures, target_value),
    "unit": (units, target_unit),
    "period": (periods, target_period),
    "expression": (expressions, target_expr),
    "rule-pack": (pack_texts, target_pack),
}
"""Every fuzz target by name: its input strategy and the function stating its contract."""


# ---- the bounded tests -------------------------------------------------------------------------

_FAST = settings(max_examples=1000, deadline=None, database=None)
_SLOW = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@_SLOW
@given(st.binary(max_size=300))
def test_claims_random_bytes(data: bytes) -> None:
    target_claims_bytes(data)


@_SLOW
@given(yaml_texts)
@example("? '\n\n  '\n: 1\n")  # a key with line breaks broke the one-line message format
@example("[1]: 2\n")  # a key that is not text
@example("claims:\n  - {kind: [level]}\n")
def test_claims_random_yaml(text: str) -> None:
    target_claims_text(text)


@_SLOW
@given(mutations())
def test_claims_mutations(text: str) -> None:
    target_claims_text(text)


@_FAST
@given(figures)
@example("零分之五")  # divided by zero before cn_number checked its denominator
@example("1e999999")  # overflowed to inf
@example("第1,000,,")
def test_values(text: str) -> None:
    target_value(text)


@_FAST
@given(units)
def test_units(text: str) -> None:
    target_unit(text)


@_FAST
@given(periods)
@example("1990-07-01至2000-11-01")  # split at the first hyphen before
@example("十十十年前")  # a KeyError in the numeral reader
def test_periods(text: str) -> None:
    target_period(text)


@_FAST
@given(expressions)
@example("(" * 200 + "a" + ")" * 200)  # a RecursionError in the parser
@example("9" * 400)  # a number that overflows to inf
def test_expressions(text: str) -> None:
    target_expr(text)


@_SLOW
@given(pack_texts)
def test_rule_packs(text: str) -> None:
    target_pack(text)


def test_the_valid_file_is_valid() -> None:
    # The mutations start from a file that loads: otherwise they would test nothing.
    target_claims_text(VALID)
    path = workspace() / "valid.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert len(load_claims(path, pack()).claims) == 11
