"""The relations of issue 14, point 3, as values and as claims the loader accepts or refuses:
ranks from the bottom (末位, 倒数第二), changes of rank (上升3位), changes of an increment (少增),
each as printed in simplified, traditional and English. Fixture cases of their checks are in
tests/fixtures/kinds/rank.yaml and increment.yaml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from inputs import codes_at, problems_of, write

from factcheck.loader import load_claims
from factcheck.numbers import Lexicon, parse_value
from factcheck.rulepack import RulePack, load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


@pytest.fixture(scope="module")
def lexicon(pack: RulePack) -> Lexicon:
    return pack.lexicon


# (as written, form, number, reading, lo, hi): the places counted by hand.
RANKS = [
    ("末位", "rank", 1, "last", None, None),  # the last place: 1 from the bottom
    ("倒数第二", "rank", 2, "last", None, None),
    ("倒數第二", "rank", 2, "last", None, None),  # traditional 數
    ("倒数第2位", "rank", 2, "last", None, None),
    ("倒数前三", "rank", 3, "last", 1, 3),  # among the last three: 1 to 3 from the bottom
    ("ranked last", "rank", 1, "last", None, None),
    ("second to last", "rank", 2, "last", None, None),
    ("third from last", "rank", 3, "last", None, None),
    ("上升3位", "rank", 3, "change", None, None),  # 3 places better
    ("上升三位", "rank", 3, "change", None, None),
    ("前移两个位次", "rank", 2, "change", None, None),
    ("下降2名", "rank", -2, "change", None, None),  # 2 places worse
    ("後移2位", "rank", -2, "change", None, None),  # traditional 後
    ("up three places", "rank", 3, "change", None, None),
    ("rose three places", "rank", 3, "change", None, None),
    ("fell 2 places", "rank", -2, "change", None, None),
    ("第三", "rank", 3, None, None, None),  # a plain rank stays one
]


@pytest.mark.parametrize(("text", "form", "number", "reading", "lo", "hi"), RANKS)
def test_rank_forms(
    lexicon: Lexicon,
    text: str,
    form: str,
    number: int,
    reading: str | None,
    lo: int | None,
    hi: int | None,
) -> None:
    s = parse_value(text, lexicon)
    assert (s.text, s.form, s.number, s.reading) == (text, form, Decimal(number), reading)
    assert (s.lo, s.hi) == (None if lo is None else Decimal(lo), None if hi is None else hi)


# 少增41万人 is −41万人 (4.1e5 persons), 多增 +; traditional 萬 and 億 read as 万 and 亿.
INCREMENTS = [
    ("少增41万人", -410_000.0),
    ("少增41萬人", -410_000.0),
    ("多增0.3万亿元", 0.3e12),
    ("多增0.3萬億元", 0.3e12),
    ("多减2万吨", -2e10),  # a decrease larger by 2万吨: 2e4 t = 2e10 g (mass in grams)
    ("少减2万吨", 2e10),
]


@pytest.mark.parametrize(("text", "point"), INCREMENTS)
def test_increment_values_load(tmp_path: Path, pack: RulePack, text: str, point: float) -> None:
    article = f"全市某指标比上年{text}。"
    body = f"""claims:
  - id: inc
    kind: increment
    quote: 比上年{text}
    metric: 某指标
    period: 2025
    value: {text}
"""
    file = load_claims(write(tmp_path, body, article=article), pack)
    value = file.claims[0].value
    assert value is not None and value.point == pytest.approx(point)


@pytest.mark.parametrize(
    ("kind", "value", "code"),
    [
        ("growth", "少增41万人", "E110"),  # a change of an increment is not a growth
        ("cagr", "少增0.5个百分点", "E110"),
        ("level", "少增41万人", "E110"),
        ("increment", "增加41万人", "E110"),  # a plain change is a growth claim's
        ("increment", "少增5%", "E110"),  # a rate is no increment
        ("level", "上升3位", "E110"),  # a change of rank is a rank claim's
    ],
)
def test_forms_refused_by_other_kinds(
    tmp_path: Path, pack: RulePack, kind: str, value: str, code: str
) -> None:
    body = f"""claims:
  - id: c
    kind: {kind}
    quote: 比上年{value}
    metric: 某指标
    period: 2025
    value: {value}
"""
    path = write(tmp_path, body, article=f"全市某指标比上年{value}。")
    assert codes_at(problems_of(path, pack)) == {(code, 11, 12)}


@pytest.mark.parametrize(
    ("value", "among", "line"),
    [
        ("倒数第15", "14", 12),  # the 15th from the bottom of 14 does not exist (at 'value')
        ("第15位", "14", 12),
        ("上升14位", "14", 12),  # a rise of 14 places needs 15 ranked
        ("末位", "2.5", 13),  # a number of places is whole (at 'among')
    ],
)
def test_rank_beyond_among(
    tmp_path: Path, pack: RulePack, value: str, among: str, line: int
) -> None:
    body = f"""claims:
  - id: r
    kind: rank
    quote: 居全省{value}
    metric: 地区生产总值
    ranking: 全省地区生产总值
    period: 2025
    value: {value}
    among: "{among}"
"""
    path = write(tmp_path, body, article=f"全市地区生产总值居全省{value}。")
    problems = problems_of(path, pack)
    assert [(p.code, p.loc.line) for p in problems] == [("E108", line)]


def test_rank_within_among_loads(tmp_path: Path, pack: RulePack) -> None:
    # 倒数第二 of 14 and 上升13位 (from 第十四 to 第一) both fit in 14 places.
    body = """claims:
  - id: r
    kind: rank
    quote: 居全省倒数第二
    metric: 地区生产总值
    ranking: 全省地区生产总值
    period: 2025
    value: 倒数第二
    among: 14
  - id: up
    kind: rank
    quote: 上升13位
    metric: 地区生产总值
    ranking: 全省地区生产总值
    period: 2025
    value: 上升13位
    among: 14
"""
    path = write(tmp_path, body, article="全市地区生产总值居全省倒数第二，上升13位。")
    file = load_claims(path, pack)
    assert [c.among for c in file.claims] == [14.0, 14.0]


# ---- the extractor drafts the forms (each in its own small function of extract/)


def _drafts(text: str, pack: RulePack) -> list[tuple[str, dict[str, object]]]:
    from factcheck.extract.draft import draft_claims  # noqa: PLC0415

    return [(c.kind, dict(c.fields)) for c in draft_claims(text, pack).claims]


def test_extract_drafts_an_increment(pack: RulePack) -> None:
    # 新增就业 stated as a level, then 少增: the level is itself the increment (flow).
    drafts = _drafts("2025年全市城镇新增就业12.4万人，比上年少增0.4万人。", pack)
    assert ("increment", {"metric": "城镇新增就业", "period": "2025", "value": "少增0.4万人",
                          "flow": "true"}) in drafts  # fmt: skip
    # After a growth amount (增加2150亿元) the increments are changes of the stock: no flow.
    drafts = _drafts("2025年末贷款余额4.86万亿元，比上年末增加2150亿元，同比多增318亿元。", pack)
    kinds = {kind: fields for kind, fields in drafts}
    assert kinds["increment"]["value"] == "多增318亿元" and "flow" not in kinds["increment"]


def test_extract_drafts_ranks_from_the_bottom(pack: RulePack) -> None:
    text = (
        "2025年全市地区生产总值增长5.2%，增速在全省14个市中居末位。"
        "规模以上工业增加值增长3.1%，增速居全省倒数第二。"
    )
    ranks = [fields for kind, fields in _drafts(text, pack) if kind == "rank"]
    # 14 is how many are ranked, not a level of its own; 倒数 stays with 第二.
    assert [(r["value"], r.get("among")) for r in ranks] == [("末位", "14"), ("倒数第二", None)]
    assert all(kind != "level" for kind, _ in _drafts(text, pack))


def test_extract_drafts_a_change_of_rank_in_the_ranking_before(pack: RulePack) -> None:
    text = "2025年全市经济总量居全省第六位，比上年上升3位。"
    ranks = [fields for kind, fields in _drafts(text, pack) if kind == "rank"]
    assert [r["value"] for r in ranks] == ["第六位", "上升3位"]
    assert ranks[0]["ranking"] == ranks[1]["ranking"]


def test_extract_groups_an_in_order_list(pack: RulePack) -> None:
    # 依次为 (traditional 依次為) groups its figures like 分别: one claim, a list of values.
    for word in ("依次为", "依次為"):
        text = f"2025年三次产业增加值{word}71.5亿元、382.3亿元、216.6亿元。"
        drafts = _drafts(text, pack)
        assert len(drafts) == 1
        values = drafts[0][1]["value"]
        assert isinstance(values, tuple) and values[1:] == ("382.3亿元", "216.6亿元")
