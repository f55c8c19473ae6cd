"""Tests of ``factcheck extract``: what it drafts from small articles, that its output always
loads, that ``--merge`` keeps every byte of the user's file, and how well it reproduces the
hand-written claims of the example article (measured, with the measured figures pinned)."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.extract import run_extract
from factcheck.extract.draft import Draft, draft_claims
from factcheck.loader import load_claims
from factcheck.model import ClaimsFile
from factcheck.numbers import parse_value
from factcheck.quotes import QuoteIndex
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "claims" / "jinchang-2025.txt"
HAND = ROOT / "claims" / "jinchang-2025.yaml"
SRC = ROOT / "src" / "factcheck"

# Measured on the example article against the hand-written claims file (see docs/extract.md).
# Floors: a change that lowers either figure fails here.
RECALL_FLOOR = 1.0
KIND_FLOOR = 0.984


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _items(draft: Draft) -> list[tuple[str, str, dict[str, object]]]:
    """(value, kind, fields) of every item of every drafted claim, lists expanded."""
    out: list[tuple[str, str, dict[str, object]]] = []
    for c in draft.claims:
        for i, value in enumerate(c.values):
            fields: dict[str, object] = {
                k: (v[i] if isinstance(v, tuple) and k != "metrics" else v) for k, v in c.fields
            }
            out.append((value, c.kind, fields))
    return out


def _find(draft: Draft, value: str) -> tuple[str, dict[str, object]]:
    hits = [(kind, fields) for v, kind, fields in _items(draft) if v == value]
    assert hits, f"{value} not drafted: {[v for v, _, _ in _items(draft)]}"
    return hits[0]


# ---- what a figure becomes: kind, value words, period, base, metric


@pytest.mark.parametrize(
    ("text", "value", "kind", "expected"),
    [
        ("2025年地区生产总值突破670亿元。", "突破670亿元", "level", {"period": "2025"}),
        ("2025年地区生产总值突破670亿元。", "突破670亿元", "level", {"metric": "地区生产总值"}),
        ("人均GDP达15.6万元、实现五年翻番。", "翻番", "multiple", {"base": "五年前"}),
        (
            "集群产值从2021年的669亿元增长到2025年的2586亿元，年均增长33.8%。",
            "33.8%",
            "cagr",
            {"period": "2021-2025", "metric": "集群产值"},
        ),
        ("“十四五”期间，固定资产投资年均增长13.4%。", "13.4%", "cagr", {"period": "十四五"}),
        ("2025年，到位资金468.9亿元，同比增长32.7%。", "32.7%", "growth", {"metric": "到位资金"}),
        ("“十四五”期间单位GDP能耗下降35%。", "下降35%", "growth", {"base": "2020"}),
        ("营业收入4760亿元，是“十三五”末的1.9倍。", "1.9倍", "multiple", {"base": "十三五末"}),
        ("村均收入49.7万元，较5年前实现翻一番。", "翻一番", "multiple", {"base": "5年前"}),
        ("产量同比增长1.2倍。", "增长1.2倍", "multiple", {}),
        ("集群产值贡献超三分之二。", "超三分之二", "share", {}),
        ("将八成左右的财政支出投向民生。", "八成左右", "share", {}),
        ("出口额占全省总额的41%。", "41%", "share", {}),
        ("全市智慧充电桩已覆盖70%的公共停车场。", "70%", "share", {}),
        ("森林覆盖率达到62.3%。", "达到62.3%", "level", {"metric": "森林覆盖率"}),
        ("92%的自动化率让成本降低60%。", "92%", "level", {"metric": "自动化率"}),
        ("92%的自动化率让成本降低60%。", "降低60%", "growth", {"metric": "成本"}),
        ("不良率从1.2%锐减至0.3%。", "0.3%", "level", {}),
        ("规上工业增加值连续94个月保持两位数增长。", "两位数", "growth", {}),
        ("连续94个月保持增长，其中48个月位居全省第一。", "48个月", "count", {"within": "94个月"}),
        ("连续94个月保持增长，其中48个月位居全省第一。", "第一", "rank", {}),
        ("粮食单产536.31公斤/亩，位居全省第三。", "第三", "rank", {"ranking": "全省粮食单产"}),
        ("化肥产能达570万吨、居西北首位。", "首位", "rank", {"metric": "化肥产能"}),
        ("四项指标均位列全省前三。", "前三", "rank", {}),
        ("收入比缩小至2.29:1。", "2.29:1", "ratio", {}),
        ("城乡收入比由2.31缩小到2.08。", "2.08", "ratio", {}),
        # 降 is a direction verb and 为 its "to" (降为零: falls to zero), so the value is the level
        ("安全事故发生率降为零。", "零", "level", {}),
        ("年增效超10亿元。", "超10亿元", "level", {"metric": "年增效"}),
        ("生产效率提升30%以上。", "30%以上", "growth", {"metric": "生产效率"}),
        ("每万人拥有5G基站37个。", "37个", "level", {"metric": "5G基站"}),
        ("金昌已创建13个绿色工厂。", "13个", "level", {"metric": "绿色工厂"}),
        ("高新技术企业数量翻了两番。", "翻两番", "multiple", {}),
        ("有色金属产值超700亿元，4个集群均迈过百亿门槛。", "百亿元", "level", {}),
        ("１５．６万元的人均ＧＤＰ。", "１５．６万元", "level", {}),
        # 兆瓦 is a unit of units.txt, so a measure word: the figure keeps it (it was drafted as
        # the bare 5 while the measure words were a list of their own).
        ("2025年，光伏装机容量达到5兆瓦。", "达到5兆瓦", "level", {"metric": "光伏装机容量"}),
        ("2025年，光伏装机容量达到五兆瓦。", "达到五兆瓦", "level", {"metric": "光伏装机容量"}),
    ],
)
def test_figure(pack: RulePack, text: str, value: str, kind: str, expected: dict) -> None:
    got_kind, fields = _find(draft_claims(text, pack), value)
    assert got_kind == kind
    for key, want in expected.items():
        assert fields.get(key) == want, (key, fields)


@pytest.mark.parametrize(
    "text",
    [
        "2025年，全市经济平稳运行。",  # a year times figures; alone it is no claim
        "既展现了“十四五”以来的坚实步伐。",  # a plan name
        "以“2+4+N”现代化产业体系为牵引，出台“23条”硬核举措。",  # names in quotes
        "64岁的村民李庆秀高兴地说。",  # an age
        "每万人拥有量显著提升。",  # the denominator of a rate
        "世界500强企业来访，实施三年行动，入选第三批试点。",  # labels
        "5G网络覆盖井下，4N5铜材量产。",  # codes
        "将数千户村民绑在产业链上，每年就交几十块钱。",  # no single value
        "3月份，1-3月，截至3月末。",  # months
        "十年前难得一见，她五年前患病。",  # times
        "清晨的第一缕阳光。",  # an ordinal that ranks nothing
    ],
)
def test_not_a_claim(pack: RulePack, text: str) -> None:
    draft = draft_claims(text, pack)
    assert draft.claims == ()
    assert draft.skipped, "the mentions are listed, not lost"


def test_respectively_entities(pack: RulePack) -> None:
    text = (
        "“十四五”期间，永昌县、金川区地区生产总值年均分别增长9.3%、10.8%，"
        "2025年分别增长12.5%、8.4%。"
    )
    first, second = draft_claims(text, pack).claims
    assert (first.kind, second.kind) == ("cagr", "growth")
    for claim in (first, second):
        fields = dict(claim.fields)
        assert fields["entity"] == ("永昌县", "金川区")
        assert fields["metric"] == "地区生产总值"
        assert len(claim.ids) == 2
    assert dict(first.fields)["value"] == ("9.3%", "10.8%")
    assert first.quote == "“十四五”期间，永昌县、金川区地区生产总值年均分别增长9.3%、10.8%"


def test_respectively_metrics(pack: RulePack) -> None:
    text = (
        "城乡居民人均可支配收入分别增长5.5%、7.7%，2025年分别达55689元、24359元，"
        "收入比缩小至2.29:1。金川集团工业总产值达3870亿元，营业收入4760亿元，"
        "分别是“十三五”末的3.4倍、1.9倍。出口、进口分别增长4.5%和下降19.7%。"
    )
    claims = draft_claims(text, pack).claims
    by_value = {c.values: dict(c.fields) for c in claims}
    pair = ("城镇居民人均可支配收入", "农村居民人均可支配收入")
    assert by_value[("5.5%", "7.7%")]["metric"] == pair
    assert by_value[("达55689元", "24359元")]["metric"] == pair  # the subjects of the list before
    assert by_value[("2.29:1",)]["metrics"] == pair  # a ratio of the pair before it
    assert by_value[("3.4倍", "1.9倍")]["metric"] == ("金川集团工业总产值", "营业收入")
    assert by_value[("4.5%", "下降19.7%")]["metric"] == ("出口", "进口")


def test_quotes_are_verbatim_clauses(pack: RulePack) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    draft = draft_claims(text, pack)
    for c in draft.claims:
        assert text[c.start : c.end] == c.quote
        assert "\n" not in c.quote
        assert all(c.start <= a and b <= c.end for a, b in c.spans)
    assert draft.entity == "金昌市" and draft.year == 2025


def test_reference_year_ignores_target_years(pack: RulePack) -> None:
    text = "2024年，粮食产量35万吨，提前完成2028年目标任务。"
    assert draft_claims(text, pack).year == 2024


# ---- one source of truth: the rule pack's lexicon and plans


def test_no_second_copy_of_the_lexicon(pack: RulePack) -> None:
    """No string constant of the extractor is a qualifier word of the pack (words of two or
    more characters; single characters such as 为 also serve as grammar words)."""
    words = {w for w in {**pack.lexicon.prefixes, **pack.lexicon.suffixes} if len(w) > 1}
    paths = sorted((SRC / "extract").rglob("*.py")) + [SRC / "zh.py"]
    assert len(paths) >= 12  # the package's modules, so that a move cannot empty the check
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef)
            and n.body
            and isinstance(n.body[0], ast.Expr)
        }
        constants = {
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
        }
        assert not constants & words, f"{path.name} copies {constants & words}"


def test_lexicon_and_plans_come_from_the_pack(tmp_path: Path) -> None:
    extra = tmp_path / "pack.yaml"
    extra.write_text(
        "lexicon:\n  before:\n    不少于: above\nplans:\n  十六五: [2031, 2035]\n", encoding="utf-8"
    )
    pack = load_pack(extra)
    text = "“十六五”期间，粮食产量不少于35万吨，年均增长5%。"
    draft = draft_claims(text, pack)
    assert _find(draft, "不少于35万吨")[0] == "level"
    assert _find(draft, "5%")[1]["period"] == "十六五"
    assert draft_claims(text, load_pack()).claims[0].values == ("35万吨",)


# ---- files: the output loads, nothing is overwritten, merges keep every byte


def _extract(tmp: Path, article: str, pack: RulePack, name: str = "a.txt") -> Path:
    (tmp / name).write_text(article, encoding="utf-8")
    run_extract(tmp / name, None, None, False, pack)
    return (tmp / name).with_suffix(".yaml")


def test_example_article_validates(tmp_path: Path, pack: RulePack) -> None:
    out = _extract(tmp_path, EXAMPLE.read_text(encoding="utf-8"), pack, EXAMPLE.name)
    text = out.read_text(encoding="utf-8")
    # no schema file in tmp_path or above it: no modeline pointing nowhere, but how to make one
    assert text.startswith("# Editors complete and check this file with the JSON Schema: ")
    loaded = load_claims(out, pack)
    assert len(loaded.claims) > 100 and all(c.draft for c in loaded.claims)
    assert (loaded.entity, loaded.year) == ("金昌市", 2025)
    assert sorted(p.name for p in tmp_path.iterdir()) == [EXAMPLE.name, out.name]  # no temp file


def test_article_path_is_relative_to_the_output(tmp_path: Path, pack: RulePack) -> None:
    (tmp_path / "a.txt").write_text("2025年产值达3870亿元。", encoding="utf-8")
    (tmp_path / "out").mkdir()
    run_extract(tmp_path / "a.txt", tmp_path / "out" / "x.yaml", None, False, pack)
    assert "article: ../a.txt\n" in (tmp_path / "out" / "x.yaml").read_text(encoding="utf-8")
    # The article is outside the draft's folder: read only below a root that holds both
    # (--article-root), never by default (issue 15).
    assert load_claims(tmp_path / "out" / "x.yaml", pack, root=tmp_path).claims
    with pytest.raises(InputError) as err:
        load_claims(tmp_path / "out" / "x.yaml", pack)
    assert [p.code for p in err.value.problems] == ["E113"]


def test_never_overwrites(tmp_path: Path, pack: RulePack) -> None:
    (tmp_path / "a.txt").write_text("2025年产值达3870亿元。", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("keep me\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        run_extract(tmp_path / "a.txt", None, None, False, pack)
    assert [p.code for p in err.value.problems] == ["E302"]
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "keep me\n"
    run_extract(tmp_path / "a.txt", None, None, True, pack)
    assert load_claims(tmp_path / "a.yaml", pack).claims


USER_FILE = """\
# yaml-language-server: $schema=../schema/claims.schema.json
# Hand-written; the comments and the odd layout below must survive a merge.
version: 1
article: a.txt
entity: 金昌市
year: 2025
claims:
    # the lead
    -   id: gdp-2025            # a trailing comment
        kind: level
        quote: "2025年地区生产总值突破670亿元"
        metric: 地区生产总值
        period: 2025
        value: 突破670亿元
    -   kind: cagr              # keys in another order
        id: trade-cagr
        quote: 外贸进出口总额年均增长17.3%
        value: '17.3%'
        metric: 外贸进出口总额
        period: 十四五
        note: >-
          A folded note that ends the list.

# ---- ignore
ignore:
  - {quote: 砥砺奋进“十五五”, reason: label}
"""
ARTICLE = "# 砥砺奋进“十五五”\n\n2025年地区生产总值突破670亿元，外贸进出口总额年均增长17.3%。\n"
ADDED = "大口径财政收入突破110亿元，同比增长8.5%，连续三年位居全省第二。\n"


def _merge(tmp: Path, pack: RulePack, user: str, eol: str = "\n", bom: bool = False) -> str:
    article, existing = tmp / "a.txt", tmp / "a.yaml"
    article.write_text(ARTICLE + ADDED, encoding="utf-8")
    raw = ("\ufeff" if bom else "") + user.replace("\n", eol)
    existing.write_bytes(raw.encode("utf-8"))
    message = run_extract(article, None, existing, False, pack)
    assert "added" in message
    return raw


def _one_insertion(before: str, after: str) -> str:
    """The text inserted into ``before`` to make ``after``; fails unless it is one insertion."""
    k = 0
    while k < len(before) and before[k] == after[k]:
        k += 1
    inserted = after[k : len(after) - (len(before) - k)]
    assert after == before[:k] + inserted + before[k:]
    return inserted


def test_merge_keeps_every_byte(tmp_path: Path, pack: RulePack) -> None:
    before = _merge(tmp_path, pack, USER_FILE)
    after = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    inserted = _one_insertion(before, after)
    assert "110亿元" in inserted and "670亿元" not in inserted  # only the uncovered figures
    assert after.index(inserted) > after.index("A folded note")  # after the last claim
    assert after.index(inserted) < after.index("# ---- ignore")
    loaded = load_claims(tmp_path / "a.yaml", pack)
    assert [c.id for c in loaded.claims][:2] == ["gdp-2025", "trade-cagr"]
    assert not any(c.draft for c in loaded.claims[:2])
    assert all(c.draft for c in loaded.claims[2:]) and len(loaded.claims) >= 3
    assert "    -   id: " in inserted  # the user's indentation
    again = run_extract(tmp_path / "a.txt", None, tmp_path / "a.yaml", False, pack)
    assert "nothing added" in again
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == after


def test_merge_after_extract_adds_nothing(tmp_path: Path, pack: RulePack) -> None:
    out = _extract(tmp_path, ARTICLE + ADDED + "连续三年获评“优秀”，“23条”举措。", pack)
    before = out.read_bytes()
    message = run_extract(tmp_path / "a.txt", None, out, False, pack)
    assert "nothing added" in message  # the "not drafted" comments are not repeated either
    assert out.read_bytes() == before


def test_merge_keeps_crlf_and_bom(tmp_path: Path, pack: RulePack) -> None:
    before = _merge(tmp_path, pack, USER_FILE, eol="\r\n", bom=True)
    raw = (tmp_path / "a.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    after = raw.decode("utf-8")
    inserted = _one_insertion(before, after)
    assert "\n" not in inserted.replace("\r\n", "")
    assert load_claims(tmp_path / "a.yaml", pack).claims


def test_merge_into_an_empty_list(tmp_path: Path, pack: RulePack) -> None:
    user = "version: 1\narticle: a.txt\nentity: 金昌市\nyear: 2025\nclaims: []\n"
    _merge(tmp_path, pack, user)
    loaded = load_claims(tmp_path / "a.yaml", pack)
    assert loaded.claims and all(c.draft for c in loaded.claims)


def test_merge_to_another_output(tmp_path: Path, pack: RulePack) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE + ADDED, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(USER_FILE, encoding="utf-8")
    run_extract(tmp_path / "a.txt", tmp_path / "b.yaml", tmp_path / "a.yaml", False, pack)
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == USER_FILE
    assert load_claims(tmp_path / "b.yaml", pack).claims
    with pytest.raises(InputError):
        run_extract(tmp_path / "a.txt", tmp_path / "b.yaml", tmp_path / "a.yaml", False, pack)


def test_merge_refuses_a_flow_list(tmp_path: Path, pack: RulePack) -> None:
    user = USER_FILE.split("claims:")[0] + "claims: [{id: x, kind: level}]\n"
    (tmp_path / "a.txt").write_text(ARTICLE + ADDED, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(user, encoding="utf-8")
    with pytest.raises(InputError):
        run_extract(tmp_path / "a.txt", None, tmp_path / "a.yaml", False, pack)
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == user


_PIECES = (
    *(
        "2025年",
        "２０２５年",
        "2021年",
        "“十四五”期间",
        "十三五末",
        "较5年前",
        "同比",
        "从",
        "到",
        "是",
    ),
    *("地区生产总值", "收入", "产值", "城乡居民", "永昌县", "金川区", "其中", "分别", "占", "的"),
    *("突破", "超", "近", "约", "以上", "左右", "余", "不低于", "年均增长", "增长", "下降", "降为"),
    *("670亿元", "33.8%", "35%", "0.9个百分点", "3.4倍", "翻一番", "翻了两番", "三分之二", "八成"),
    *(
        "两位数",
        "第二",
        "前三",
        "首位",
        "48个月",
        "94个月",
        "2.29:1",
        "18.2:35.6:46.2",
        "百亿",
        "零",
    ),
    *("１５．６万元", "5G", "64岁", "每万人", "1-3月", "2×100万千瓦", "30余家", "一倍", "居全省"),
    *("，", "。", "、", "；", "：", "“", "”", "《", "》", "\n", "\n\n", " ", "\r\n", "\t"),
)


# Any text an article file may hold: no NUL (a binary file, E100), no lone surrogates.
_CHARS = st.characters(exclude_characters="\x00", exclude_categories=["Cs"])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(_PIECES) | _CHARS, max_size=40))
def test_output_always_loads(pack: RulePack, pieces: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = _extract(Path(folder), "".join(pieces), pack)
        load_claims(out, pack)  # raises on any problem


# ---- measured: recall and kind accuracy against hand-written claims


def _same_value(a: object, b: object) -> bool:
    va, vb = getattr(a, "value", None), getattr(b, "value", None)
    if va is None or vb is None or va.unit.dimension != vb.unit.dimension:
        return False
    return abs(va.point - vb.point) <= 1e-9 * max(abs(va.point), abs(vb.point), 1.0)


def measure(hand: ClaimsFile, draft: ClaimsFile) -> tuple[int, int, int]:
    """(hand-written claims with a value, of those found by the draft, of those with the same
    kind). Found: a drafted claim with the same parsed value (number and unit, in base units)
    whose quote overlaps the hand-written quote in the article."""
    assert hand.article_text is not None
    index = QuoteIndex(hand.article_text)
    spans = {c.quote: index.find_all(c.quote) for c in (*hand.claims, *draft.claims)}

    def overlap(a: str, b: str) -> bool:
        return any(x.start < y.end and y.start < x.end for x in spans[a] for y in spans[b])

    claims = [c for c in hand.claims if c.value is not None]
    found = kinds = 0
    for h in claims:
        hits = [d for d in draft.claims if _same_value(h, d) and overlap(h.quote, d.quote)]
        found += bool(hits)
        kinds += any(d.kind == h.kind for d in hits)
    return len(claims), found, kinds


def test_recall_and_kinds_on_the_example(tmp_path: Path, pack: RulePack) -> None:
    hand = load_claims(HAND, pack)
    out = _extract(tmp_path, EXAMPLE.read_text(encoding="utf-8"), pack, EXAMPLE.name)
    total, found, kinds = measure(hand, load_claims(out, pack))
    recall, accuracy = found / total, kinds / max(found, 1)
    print(
        f"\nextract on {EXAMPLE.name}: recall {found}/{total} = {recall:.3f}, "
        f"kinds {kinds}/{found} = {accuracy:.3f}"
    )
    assert recall >= RECALL_FLOOR
    assert accuracy >= KIND_FLOOR


# Three short articles of the genre, written for these tests with the claims a hand-writer would
# state (snippet locating the figure, value as a claims file writes it, kind). They were not
# shown to the extractor while its rules were written (first measured: A 33/34 found, 29/33 kinds
# right; B 15/15, 15/15; C 31/33, 31/31); the floors below are the figures after the fixes of
# the general rules they exposed.
GENRE = {
    "county": (
        "“十四五”以来，青川县地区生产总值从2020年的98.6亿元增至2025年的142.3亿元，年均增长7.6%，"
        "总量排名全市第三。2025年，全县一般公共预算收入完成8.7亿元，比上年增长6.2%；规模以上工业"
        "企业达到58家，比2020年净增21家。\n\n产业结构持续优化。三次产业结构由2020年的18.2:35.6:46.2"
        "调整为2025年的14.9:38.1:47.0，第二产业增加值占地区生产总值的比重提高2.5个百分点。战略性新兴"
        "产业产值突破40亿元，是2020年的2.3倍；高新技术企业数量翻了两番，达到32家。\n\n2025年，全县"
        "进出口总额达12.4亿元，同比下降3.1%，其中出口9.6亿元、进口2.8亿元，分别增长4.5%和下降19.7%。"
        "累计引进项目约120个，到位资金超过260亿元。\n\n全县城镇和农村居民人均可支配收入分别达到41286元"
        "和19875元，年均分别增长5.8%和7.4%，城乡收入比由2.31缩小到2.08。每年将七成以上的财政支出用于"
        "民生，城镇新增就业1.2万人左右，城镇登记失业率控制在3.5%以内。\n\n森林覆盖率达到62.3%，较"
        "“十三五”末提高1.8个百分点；空气质量优良天数比例为95.6%，居全省前列；主要河流断面水质优良率100%。",
        [
            *[("98.6亿元", "98.6亿元", "level"), ("142.3亿元", "142.3亿元", "level")],
            *[("7.6%", "7.6%", "cagr"), ("排名全市第三", "第三", "rank")],
            *[("8.7亿元", "8.7亿元", "level"), ("6.2%", "6.2%", "growth")],
            *[("58家", "58家", "level"), ("21家", "净增21家", "growth")],  # 净增: an amount
            *[("2.5个百分点", "2.5个百分点", "growth"), ("40亿元", "突破40亿元", "level")],
            *[("2.3倍", "2.3倍", "multiple"), ("翻了两番", "翻两番", "multiple")],
            *[("32家", "32家", "level"), ("12.4亿元", "12.4亿元", "level")],
            *[("下降3.1%", "下降3.1%", "growth"), ("9.6亿元", "9.6亿元", "level")],
            *[("2.8亿元", "2.8亿元", "level"), ("4.5%", "4.5%", "growth")],
            *[("19.7%", "下降19.7%", "growth"), ("约120个", "约120个", "level")],
            *[("260亿元", "超过260亿元", "level"), ("41286元", "41286元", "level")],
            *[("19875元", "19875元", "level"), ("5.8%", "5.8%", "cagr"), ("7.4%", "7.4%", "cagr")],
            *[("2.31", "2.31", "ratio"), ("2.08", "2.08", "ratio")],
            *[("七成以上", "七成以上", "share"), ("1.2万人", "1.2万人左右", "level")],
            *[("3.5%", "3.5%", "level"), ("62.3%", "62.3%", "level")],
            *[("1.8个百分点", "1.8个百分点", "growth"), ("95.6%", "95.6%", "level")],
            ("100%", "100%", "level"),
        ],
        (34, 34),
    ),
    "monthly": (
        "一季度，全省规模以上工业增加值同比增长8.2%，增速比全国高1.5个百分点，居全国第5位。其中，"
        "高技术制造业增加值增长15.3%，占规模以上工业的比重为18.6%。\n\n3月份，全省社会消费品零售"
        "总额完成1120.5亿元，同比增长6.7%；1-3月累计完成3280亿元，增长5.9%。\n\n截至3月末，全省"
        "金融机构人民币各项贷款余额4.86万亿元，比年初增加2150亿元，同比多增318亿元。\n\n全省新能源"
        "汽车产量达到12.6万辆，同比增长1.2倍；光伏电池产量为860万千瓦，下降4.3%。",
        [
            *[("8.2%", "8.2%", "growth"), ("第5位", "第5位", "rank"), ("15.3%", "15.3%", "growth")],
            *[("18.6%", "18.6%", "share"), ("1120.5亿元", "1120.5亿元", "level")],
            *[("6.7%", "6.7%", "growth"), ("3280亿元", "3280亿元", "level")],
            *[("5.9%", "5.9%", "growth"), ("4.86万亿元", "4.86万亿元", "level")],
            # 比年初增加: an amount of change; 多增: more than last year's increase, the change of
            # an increment (an increment claim: +318亿元)
            *[("2150亿元", "增加2150亿元", "growth"), ("318亿元", "多增318亿元", "increment")],
            *[("12.6万辆", "12.6万辆", "level"), ("1.2倍", "增长1.2倍", "multiple")],
            *[("860万千瓦", "860万千瓦", "level"), ("4.3%", "下降4.3%", "growth")],
        ],
        (15, 15),
    ),
    "tourism": (
        "2024年，云岭县接待游客1860万人次，同比增长21.4%，实现旅游综合收入182.6亿元，增长18.9%。"
        "其中，过夜游客达到620万人次，占游客总数的三分之一。\n\n“十四五”以来，全县累计投入文旅项目"
        "资金逾45亿元，新增国家4A级旅游景区3家，总数达到11家；全县民宿数量由2020年的210家增加到"
        "2024年的580家，床位近1.2万张。乡村旅游接待人次年均增长15%以上，带动2.3万名农民就近就业，"
        "人均年增收约6800元。\n\n高速公路通车里程达到312公里，比2020年增加了一倍；农村公路总里程"
        "4126.5公里，行政村通硬化路比例为100%。机场旅客吞吐量恢复到疫情前水平的1.3倍，航线增至26条。"
        "\n\n粮食总产量稳定在35万吨以上，茶叶种植面积达到48.6万亩，茶产业综合产值突破百亿元，较2020年"
        "增长近六成。全县农村居民人均可支配收入达到18642元，增速连续三年位居全市第一。\n\n全县城镇化率"
        "提高到52.7%，比上年提高1.1个百分点；一般公共预算支出中，教育、卫生健康和社会保障支出分别占"
        "24.1%、11.3%和15.8%。",
        [
            *[("1860万人次", "1860万人次", "level"), ("21.4%", "21.4%", "growth")],
            *[("182.6亿元", "182.6亿元", "level"), ("18.9%", "18.9%", "growth")],
            *[("620万人次", "达到620万人次", "level"), ("三分之一", "三分之一", "share")],
            *[
                ("45亿元", "逾45亿元", "level"),
                ("3家", "3家", "level"),
                ("11家", "达到11家", "level"),
            ],
            *[("210家", "210家", "level"), ("580家", "580家", "level")],
            *[("1.2万张", "近1.2万张", "level"), ("15%以上", "15%以上", "cagr")],
            *[("2.3万名", "2.3万名", "level"), ("6800元", "约6800元", "level")],
            *[("312公里", "312公里", "level"), ("增加了一倍", "增加了一倍", "multiple")],
            *[("4126.5公里", "4126.5公里", "level"), ("100%", "100%", "level")],
            *[("1.3倍", "1.3倍", "multiple"), ("26条", "26条", "level")],
            *[("35万吨", "35万吨以上", "level"), ("48.6万亩", "48.6万亩", "level")],
            *[("百亿元", "突破百亿元", "level"), ("六成", "近六成", "growth")],
            *[("18642元", "18642元", "level"), ("三年", "三年", "level"), ("第一", "第一", "rank")],
            # 城镇化率 is the urban share of the population: a share (the corpus's blind labels
            # read it so, tests/data/corpus/README.md)
            *[("52.7%", "52.7%", "share"), ("1.1个百分点", "1.1个百分点", "growth")],
            *[
                ("24.1%", "24.1%", "share"),
                ("11.3%", "11.3%", "share"),
                ("15.8%", "15.8%", "share"),
            ],
        ],
        (32, 32),  # 近1.2万张: 张 is not a unit of data/units.txt yet, so it is set aside
    ),
}


def _key(pack: RulePack, value: str) -> tuple[str, float]:
    s = parse_value(value, pack.lexicon)
    if s.form != "number":
        return s.form, round(float(s.number), 9)
    unit = unit_info(s.unit)
    return unit.dimension, round(float(s.number) * s.factor * unit.factor, 9)


@pytest.mark.parametrize("name", list(GENRE))
def test_recall_and_kinds_on_genre_fixtures(pack: RulePack, name: str) -> None:
    text, expected, (found_floor, kinds_floor) = GENRE[name]
    draft = draft_claims(text, pack)
    items = [(c, v) for c in draft.claims for v in c.values]
    found = kinds = 0
    for snippet, value, kind in expected:
        at = text.index(snippet)
        hits = [c for c, v in items if c.start <= at < c.end and _key(pack, v) == _key(pack, value)]
        found += bool(hits)
        kinds += any(c.kind == kind for c in hits)
    print(f"\n{name}: recall {found}/{len(expected)}, kinds {kinds}/{found}")
    assert (found, kinds) >= (found_floor, kinds_floor)
    assert found >= found_floor and kinds >= kinds_floor
