"""The claims loader: every kind loads, 'respectively' expands, and every input code the loader
can emit comes with its line and column.

The bad files live in ``tests/data/bad/``; the first line of each says what it must produce, as
``# expect: CODE line:col, …``, worked out by counting lines and columns by hand.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
from inputs import BAD, HEADER, codes_at, problems_of, run_cli, write

from factcheck import yamlsrc
from factcheck.claimfields import READERS
from factcheck.loader import load_claims
from factcheck.model import FIELDS, ClaimsFile, FieldType
from factcheck.quotes import figure_missing
from factcheck.rulepack import RulePack, load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


# ---- every kind loads ----------------------------------------------------------------------

KIND_CLAIMS = {
    "level": """
  - id: gdp-2025
    kind: level
    quote: 2025年地区生产总值突破670亿元
    metric: 地区生产总值
    period: 2025
    value: 突破670亿元
""",
    "growth": """
  - id: gdp-growth-2025
    kind: growth
    quote: 同比增长10%
    metric: 地区生产总值
    period: 2025
    value: 10%
""",
    "cagr": """
  - id: gdp-cagr-14fyp
    kind: cagr
    quote: 地区生产总值年均增长8%
    metric: 地区生产总值
    period: 十四五
    value: 8%
""",
    "multiple": """
  - id: gdp-per-capita-doubling
    kind: multiple
    quote: 人均GDP实现五年翻番
    metric: 人均GDP
    period: 2025
    base: 5年前
    value: 翻番
""",
    "share": """
  - id: nonferrous-share
    kind: share
    quote: 有色金属产值占全市工业产值的41%
    metric: 有色金属产值
    whole: 工业产值
    period: 2025
    value: 41%
""",
    "ratio": """
  - id: income-ratio
    kind: ratio
    quote: 城乡居民收入比缩小至2.29:1
    metrics: [城镇居民人均可支配收入, 农村居民人均可支配收入]
    period: 2025
    value: '2.29:1'
""",
    "sum": """
  - id: industry-parts
    kind: sum
    quote: 其中，有色金属产值突破300亿元，新能源产值超200亿元
    total: 工业产值
    parts: [有色金属产值, 新能源产值]
    period: 2025
""",
    "rank": """
  - id: gdp-growth-rank
    kind: rank
    quote: 全市GDP增速排名全省第二
    metric: GDP增速
    ranking: 全省县区GDP增速
    period: 2025
    value: 第二
""",
    "count": """
  - id: first-months
    kind: count
    quote: 其中48个月位居全省第一
    metric: 位居全省第一的月数
    period: 2025
    value: 48个月
    within: 94个月
""",
}


@pytest.mark.parametrize("kind", sorted(KIND_CLAIMS))
def test_every_kind_loads(tmp_path: Path, pack: RulePack, kind: str) -> None:
    file = load_claims(write(tmp_path, "claims:" + KIND_CLAIMS[kind]), pack)
    assert [c.kind for c in file.claims] == [kind]
    assert file.claims[0].loc.line == 6  # the header has 4 lines, 'claims:' is line 5


def test_all_kinds_in_one_file(tmp_path: Path, pack: RulePack) -> None:
    body = "claims:" + "".join(KIND_CLAIMS.values())
    file = load_claims(write(tmp_path, body), pack)
    assert isinstance(file, ClaimsFile)
    assert sorted(c.kind for c in file.claims) == sorted(KIND_CLAIMS)
    assert (file.entity, file.year) == ("示例市", 2025)
    by_id = {c.id: c for c in file.claims}
    # 突破670亿元: 670 × 1e8 元, a floor
    gdp = by_id["gdp-2025"].value
    assert gdp is not None
    assert gdp.point == pytest.approx(6.7e10)
    assert gdp.interval.lo == pytest.approx(6.7e10)
    assert gdp.interval.hi == float("inf")
    # 十四五 compounds from 2020 to 2025: n = 5
    cagr = by_id["gdp-cagr-14fyp"].period
    assert cagr is not None and cagr.years == 5
    # 5年前 with year 2025 is 2020
    base = by_id["gdp-per-capita-doubling"].base
    assert base is not None and base.end.key == "2020"
    assert by_id["income-ratio"].metrics == ("城镇居民人均可支配收入", "农村居民人均可支配收入")
    within = by_id["first-months"].within
    assert within is not None and within.point == 94


def test_value_positions_are_kept(tmp_path: Path, pack: RulePack) -> None:
    file = load_claims(write(tmp_path, "claims:" + KIND_CLAIMS["level"]), pack)
    claim = file.claims[0]
    # '    value: 突破670亿元' is line 11 (header 4, claims 5, id 6 … value 11), column 12
    assert claim.value is not None
    assert (claim.loc_of("value").line, claim.loc_of("value").col) == (11, 12)
    assert (claim.loc_of("quote").line, claim.loc_of("quote").col) == (8, 12)


def test_power_units_in_base_units(tmp_path: Path, pack: RulePack) -> None:
    body = """claims:
  - id: power
    kind: level
    quote: 2×100万千瓦调峰煤电
    metric: 装机容量
    period: 2025
    value: 2×100万千瓦
"""
    article = "加速推进2×100万千瓦调峰煤电等重大项目建设。"
    value = load_claims(write(tmp_path, body, article=article), pack).claims[0].value
    assert value is not None
    assert value.point == pytest.approx(2e9)  # 2 × 100 × 1e4 × 1000 W
    assert value.interval.lo == pytest.approx(2 * 99.5e7)  # 100 ± 0.5 of the 万千瓦


# ---- 'respectively' -------------------------------------------------------------------------

RESPECTIVELY = """claims:
  - id: {ids}
    kind: growth
    quote: 城镇居民和农村居民人均可支配收入分别增长5.5%、7.7%
    metric: [城镇居民人均可支配收入, 农村居民人均可支配收入]
    period: 2025
    value: [5.5%, 7.7%]
"""


def test_respectively_with_id_list(tmp_path: Path, pack: RulePack) -> None:
    body = RESPECTIVELY.format(ids="[urban-income-growth, rural-income-growth]")
    claims = load_claims(write(tmp_path, body), pack).claims
    assert [c.id for c in claims] == ["urban-income-growth", "rural-income-growth"]
    assert [c.metric for c in claims] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert [c.value.point for c in claims if c.value] == pytest.approx([0.055, 0.077])
    # Each expanded claim points at its own item of the list: '[5.5%, 7.7%]' from column 12
    assert [c.loc_of("value").col for c in claims] == [13, 19]


def test_respectively_auto_numbered(tmp_path: Path, pack: RulePack) -> None:
    claims = load_claims(write(tmp_path, RESPECTIVELY.format(ids="income-growth")), pack).claims
    assert [c.id for c in claims] == ["income-growth.1", "income-growth.2"]
    assert all(c.period is not None and c.period.end.key == "2025" for c in claims)


def test_respectively_shared_error_reported_once(tmp_path: Path, pack: RulePack) -> None:
    body = RESPECTIVELY.format(ids="income-growth").replace("period: 2025", "period: 2025-13")
    problems = problems_of(write(tmp_path, body), pack)
    assert codes_at(problems) == {("E111", 10, 13)}
    assert len(problems) == 1  # not once per expanded claim


def test_respectively_empty_list(tmp_path: Path, pack: RulePack) -> None:
    body = RESPECTIVELY.format(ids="[]").replace("[5.5%, 7.7%]", "[]")
    body = body.replace("[城镇居民人均可支配收入, 农村居民人均可支配收入]", "[]")
    assert {p.code for p in problems_of(write(tmp_path, body), pack)} == {"E117"}


# ---- the bad files --------------------------------------------------------------------------


def _expected(path: Path) -> set[tuple[str, int, int]]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# expect: (.*)", first)
    assert m, f"{path.name} has no '# expect:' line"
    out = set()
    for item in m.group(1).split(","):
        code, at = item.split()
        line, col = at.split(":")
        out.add((code, int(line), int(col)))
    return out


BAD_FILES = sorted(BAD.glob("*.yaml"))


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_bad_file(path: Path, pack: RulePack) -> None:
    problems = problems_of(path, pack)
    assert codes_at(problems) == _expected(path)
    assert all(p.loc.path == str(path) for p in problems)


def test_bad_files_cover_every_loader_code() -> None:
    covered = {code for path in BAD_FILES for code, _, _ in _expected(path)}
    # E100 needs bytes that a text fixture cannot hold: see the tests below.
    assert covered | {"E100"} == {f"E{n}" for n in range(100, 121)}


def test_all_problems_of_a_file_in_one_run(pack: RulePack) -> None:
    problems = problems_of(BAD / "three-errors.yaml", pack)
    assert len(problems) == 3
    assert [p.code for p in problems] == ["E105", "E111", "E109"]  # sorted by position


def test_did_you_mean(pack: RulePack) -> None:
    (unknown,) = [p for p in problems_of(BAD / "e105-unknown-field.yaml", pack) if p.code == "E105"]
    assert "'metric'" in unknown.message
    (kind,) = problems_of(BAD / "e114-unknown-kind.yaml", pack)
    assert "'level'" in kind.message and "count" in kind.message  # the hint and the choices
    (ref,) = problems_of(BAD / "e118-unknown-ref.yaml", pack)
    assert "'gdp-2025'" in ref.message


def test_quote_normalisation_matches(pack: RulePack) -> None:
    # Only the first claim's quote is missing; the full-width and spaced ones match.
    problems = problems_of(BAD / "e112-quote-not-found.yaml", pack)
    assert [p.code for p in problems] == ["E112"]


# ---- E100: unreadable files ------------------------------------------------------------------


def test_binary_file(tmp_path: Path, pack: RulePack) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"version: 1\n\x00\x01\x02")
    assert codes_at(problems_of(path, pack)) == {("E100", 1, 1)}


def test_not_utf8(tmp_path: Path, pack: RulePack) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(HEADER.encode() + "claims: 金昌\n".encode("gb18030"))
    # the undecodable byte is on line 5
    assert codes_at(problems_of(path, pack)) == {("E100", 5, 1)}


def test_directory(tmp_path: Path, pack: RulePack) -> None:
    assert codes_at(problems_of(tmp_path, pack)) == {("E100", 1, 1)}


def test_missing_file(tmp_path: Path, pack: RulePack) -> None:
    assert codes_at(problems_of(tmp_path / "nope.yaml", pack)) == {("E100", 1, 1)}


def test_too_large(tmp_path: Path, pack: RulePack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsrc, "MAX_BYTES", 100)
    path = write(tmp_path, "claims:" + KIND_CLAIMS["level"])
    assert codes_at(problems_of(path, pack)) == {("E100", 1, 1)}


def test_article_is_a_directory(tmp_path: Path, pack: RulePack) -> None:
    (tmp_path / "folder").mkdir()
    header = HEADER.replace("article.txt", "folder")
    path = write(tmp_path, "claims:" + KIND_CLAIMS["level"], header=header)
    assert codes_at(problems_of(path, pack)) == {("E100", 2, 10)}


# ---- more shapes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("claims: 5\n", {("E115", 5, 9)}),
        ("claims:\n  - kind: [level]\n", {("E115", 6, 11)}),
        ("claims:\n  - id: x\n", {("E106", 6, 5)}),  # no kind
        ("claims: []\nextra: 1\n", {("E105", 6, 1)}),
        (
            "claims: []\nignore: [{quote: 2024年地区生产总值600亿元, reason: why}]\n",
            {("E108", 6, 44)},
        ),
        ("claims: []\nignore: 5\n", {("E115", 6, 9)}),
    ],
)
def test_shapes(tmp_path: Path, pack: RulePack, body: str, expected: set[object]) -> None:
    assert codes_at(problems_of(write(tmp_path, body), pack)) == expected


def test_scalar_document(tmp_path: Path, pack: RulePack) -> None:
    path = write(tmp_path, "", header="just text\n")
    assert codes_at(problems_of(path, pack)) == {("E103", 1, 1)}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (HEADER.replace("version: 1", "version: 2"), {("E108", 1, 10)}),
        (HEADER.replace("year: 2025", "year: MMXXV"), {("E111", 4, 7)}),
        (HEADER.replace("year: 2025", "year: 20x5"), {("E111", 4, 7)}),
        (HEADER.replace("year: 2025", "year: 1066"), {("E111", 4, 7)}),
    ],
)
def test_file_fields(tmp_path: Path, pack: RulePack, header: str, expected: set[object]) -> None:
    path = write(tmp_path, "claims: []\n", header=header)
    assert codes_at(problems_of(path, pack)) == expected


def test_full_width_year(tmp_path: Path, pack: RulePack) -> None:
    path = write(tmp_path, "claims: []\n", header=HEADER.replace("2025", "２０２５"))
    assert load_claims(path, pack).year == 2025


def test_within_names_a_claim(tmp_path: Path, pack: RulePack) -> None:
    body = (
        "claims:"
        + KIND_CLAIMS["count"].replace("within: 94个月", "within: streak")
        + """
  - id: streak
    kind: level
    quote: 规上工业增加值连续94个月保持两位数增长
    metric: 两位数增长月数
    period: 2025
    value: 94个月
"""
    )
    claims = load_claims(write(tmp_path, body), pack).claims
    assert claims[0].refs == {"within": "streak"} and claims[0].within is None


def test_within_unknown(tmp_path: Path, pack: RulePack) -> None:
    body = "claims:" + KIND_CLAIMS["count"].replace("within: 94个月", "within: streak")
    # '    within: streak' is line 12, column 13
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E118", 12, 13)}


def test_within_with_a_bad_unit_is_a_unit_problem(tmp_path: Path, pack: RulePack) -> None:
    body = "claims:" + KIND_CLAIMS["count"].replace("within: 94个月", "within: 94斗")
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E109", 12, 13)}


def test_reference_to_a_broken_claim_does_not_cascade(tmp_path: Path, pack: RulePack) -> None:
    body = (
        "claims:"
        + KIND_CLAIMS["level"].replace("突破670亿元\n", "突破670亿斗\n")
        + KIND_CLAIMS["growth"]
        + "    end: gdp-2025\n"
    )
    # only the unit of gdp-2025 (line 11) is wrong; 'end: gdp-2025' is not unknown
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E109", 11, 12)}


def test_missing_required_field_does_not_crash(tmp_path: Path, pack: RulePack) -> None:
    body = "claims:" + KIND_CLAIMS["level"].replace(
        "    quote: 2025年地区生产总值突破670亿元\n", ""
    )
    assert codes_at(problems_of(write(tmp_path, body), pack)) == {("E106", 6, 5)}


def test_crlf_and_bom(tmp_path: Path, pack: RulePack) -> None:
    path = write(tmp_path, "claims:" + KIND_CLAIMS["level"])
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    claim = load_claims(path, pack).claims[0]
    assert claim.id == "gdp-2025"
    assert claim.loc.line == 6


# ---- the command line ------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>E\d{3}) \S")


def test_cli_validate_bad_file() -> None:
    path = BAD / "three-errors.yaml"
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert {(m["code"], int(m["line"]), int(m["col"])) for m in parsed if m} == _expected(path)
    assert all(m["path"] == str(path) for m in parsed if m)


def test_cli_validate_good_file(tmp_path: Path) -> None:
    path = write(tmp_path, "claims:" + "".join(KIND_CLAIMS.values()))
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_bare_figure_takes_the_form_of_its_kind(tmp_path: Path, pack: RulePack) -> None:
    # A rank written as a bare 2 is exactly the second place (not 2 ± 0.5); a ratio written as
    # a bare 2.29 is 2.29 ± 0.005, as 2.29:1 would be.
    path = write(
        tmp_path,
        """claims:
  - {id: r, kind: rank, quote: 增速排名全省2位, metric: m, ranking: x, period: "2025",
     value: "2"}
  - {id: q, kind: ratio, quote: 城乡居民收入比缩小至2.29:1, metrics: [a, b], period: "2025",
     value: "2.29"}
""",
        article="增速排名全省2位。城乡居民收入比缩小至2.29:1。",
    )
    claims = {c.id: c for c in load_claims(path, pack).claims}
    rank, ratio = claims["r"].value, claims["q"].value
    assert rank is not None and ratio is not None
    assert (rank.stated.form, rank.interval.lo, rank.interval.hi) == ("rank", 2.0, 2.0)
    assert ratio.stated.form == "ratio"
    assert (ratio.interval.lo, ratio.interval.hi) == pytest.approx((2.285, 2.295))


@pytest.mark.parametrize(
    ("value", "quote", "problem"),
    [
        ("15%", "同比增长20%", True),  # the value drifted from the article
        ("12亿元", "达到120亿元", True),  # 12 is not 120: figures compare whole
        ("5亿元", "2025年5亿元", False),
        ("1,300亿元", "突破1300亿元", False),  # thousands separators do not count
        ("超三分之二", "产值贡献超三分之二", False),
        ("八成左右", "将八成左右的财政", False),
        ("翻番", "实现五年翻番", False),  # no figure to compare
    ],
)
def test_value_must_stand_in_its_quote(value: str, quote: str, problem: bool) -> None:
    assert (figure_missing(value, quote) is not None) == problem


def test_drifted_value_is_e121(tmp_path: Path, pack: RulePack) -> None:
    body = """claims:
  - id: g
    kind: growth
    quote: 同比增长10%
    metric: 地区生产总值
    period: 2025
    value: 15%
"""
    problems = problems_of(write(tmp_path, body), pack)
    # Four header lines, then claims (5), id (6), kind (7), quote (8), metric (9), period (10),
    # value (11); the value starts after "    value: " at column 12.
    assert codes_at(problems) == {("E121", 11, 12)}


def test_whole_counts_are_exact_rounded_ones_are_not(tmp_path: Path, pack: RulePack) -> None:
    # 167家 counts firms one by one: exactly 167. 2.8万户 is rounded to the thousand:
    # [2.75, 2.85] × 1e4 = [27500, 28500].
    body = """claims:
  - {id: a, kind: level, quote: 规上工业企业达167家, metric: m, period: "2025", value: 167家}
  - {id: b, kind: level, quote: 2.8万户居民, metric: n, period: "2025", value: 2.8万户}
"""
    article = "规上工业企业达167家，2.8万户居民迎来新生活。"
    claims = {
        c.id: c.value for c in load_claims(write(tmp_path, body, article=article), pack).claims
    }
    a, b = claims["a"], claims["b"]
    assert a is not None and b is not None
    assert (a.interval.lo, a.interval.hi) == (167.0, 167.0)
    assert (b.interval.lo, b.interval.hi) == pytest.approx((27500, 28500))


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("增加70亿元", set()),  # an amount with its direction
        ("减少70亿元", set()),
        ("-0.9个百分点", set()),  # points need no verb
        ("70亿元", {("E110", 11, 12)}),  # a level put in a growth claim ('value:' is line 11)
        ("增加70", {("E110", 11, 12)}),  # a bare figure: a rate without its %?
    ],
)
def test_what_a_growth_value_may_be(tmp_path: Path, pack: RulePack, value: str, codes: set) -> None:
    figure = re.sub(r"[^0-9.]", "", value)
    body = (
        "claims:\n  - id: g\n    kind: growth\n    quote: 比上年变化" + figure + "\n"
        "    metric: 地区生产总值\n    period: 2025\n    value: " + value + "\n"
    )
    path = write(tmp_path, body, article="2025年地区生产总值比上年变化" + figure + "。\n")
    if codes:
        assert codes_at(problems_of(path, pack)) == codes
    else:
        assert load_claims(path, pack).claims[0].value.text == value  # type: ignore[union-attr]


def test_a_change_written_as_a_level_is_e110(tmp_path: Path, pack: RulePack) -> None:
    # 增加300亿元 says how much something changed, not how much there is.
    body = (
        "claims:\n  - id: rev\n    kind: level\n    quote: 营业收入增加300亿元\n"
        "    metric: 营业收入\n    period: 2025\n    value: 增加300亿元\n"
    )
    path = write(tmp_path, body, article="2025年营业收入增加300亿元。\n")
    (problem,) = problems_of(path, pack)
    assert (problem.code, problem.loc.line) == ("E110", 11)
    assert "growth claim" in problem.message


def test_every_field_type_of_a_claim_has_a_reader() -> None:
    """A kind's fields are read by the reader of their type: a new type without one would fail
    on the first claim that uses it, so the table must cover every type a claim may have."""
    used = {f.type for spec in FIELDS.values() for f in spec.values()}
    assert used <= READERS.keys()
    # claims and ignores are the file's lists, read by the loader itself
    assert set(get_args(FieldType)) == READERS.keys() | {"claims", "ignores"}


@pytest.mark.parametrize(
    ("extra", "code"),
    [("per: '0'", "E108"), ("per: 百", "E108"), ("entities: [甲县]", "E115")],
)
def test_ratio_per_and_entities_are_checked(
    tmp_path: Path, pack: RulePack, extra: str, code: str
) -> None:
    # A ratio's 'per' is a number above zero; its 'entities' are two, the numerator's and the
    # denominator's.
    body = (
        "claims:\n  - id: r\n    kind: ratio\n    quote: 收入比\n    metrics: [甲, 乙]\n"
        f"    period: '2025'\n    {extra}\n    value: '2.29'\n"
    )
    problems = problems_of(write(tmp_path, body, article="收入比2.29"), pack)
    assert {p.code for p in problems} == {code}
