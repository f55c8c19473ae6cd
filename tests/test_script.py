"""Traditional characters read like simplified ones (issue 14, point 1): values, periods,
qualifiers, verbs, units and numerals, in claims files and in quote matching, mixed text too.

Every expectation is the simplified reading worked out by hand; the traditional text must give
the same one, and what is shown is what was written.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import opencc
import pytest

from factcheck.coverage import uncovered
from factcheck.engine import check_file
from factcheck.loader import load_claims
from factcheck.mentions import find_mentions
from factcheck.numbers import Lexicon, parse_value
from factcheck.periods import parse_period
from factcheck.quotes import QuoteIndex, figure_missing
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info
from factcheck.zh import fold, has_traditional, simplified

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def test_the_character_list_is_in_step_with_opencc() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_traditional", ROOT / "scripts" / "gen_traditional.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (ROOT / "src" / "factcheck" / "data" / "traditional.txt").read_text("utf-8")
    assert shipped == module.render(), "run python scripts/gen_traditional.py"


def test_opencc_is_loaded_only_for_a_traditional_text() -> None:
    code = (
        "import sys\n"
        "from factcheck.numbers import parse_value\n"
        "from factcheck.rulepack import load_pack\n"
        "from factcheck.mentions import find_mentions\n"
        "from factcheck.quotes import QuoteIndex\n"
        "lex = load_pack().lexicon\n"
        "parse_value('约670亿元', lex); find_mentions('增长12%，达到两千万吨')\n"
        "QuoteIndex('增长12%').find('增长12%')\n"
        "print('opencc' in sys.modules)\n"
        "parse_value('約670億元', lex)\n"
        "print('opencc' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "True"], done.stderr


def test_the_quick_test_and_the_conversions() -> None:
    assert not has_traditional("地区生产总值增长12%，约670亿元")
    assert has_traditional("地區")  # 區 is traditional only
    # Phrase conversion for a field; character folding keeps the length for an article.
    assert simplified("增長1.5倍") == "增长1.5倍"
    assert fold("萬噸個百分點") == "万吨个百分点"
    text = "2025年地區生產總值達到670億元"
    assert len(fold(text)) == len(text)
    assert simplified("增长1.5倍") == "增长1.5倍"  # a simplified text comes back untouched


# (traditional as printed, simplified as printed): the same figure, read the same way.
PAIRS = [
    ("約670億元", "约670亿元"),  # approx, 670, unit 亿元
    ("增長1.5倍", "增长1.5倍"),  # increase reading: ratio 1.5 + 1 = 2.5
    ("超過30萬噸", "超过30万吨"),  # above, 30, 万吨
    ("0.9個百分點", "0.9个百分点"),  # 0.9 percentage points
    ("兩位數", "两位数"),  # [10%, 100%)
    ("翻兩番", "翻两番"),  # ×4
    ("增長超30%", "增长超30%"),  # verb, then the word after it
    ("30餘家", "30余家"),  # more: 30 to the next step
    ("下降近5%", "下降近5%"),
    ("一萬五千億元", "一万五千亿元"),  # 1.5e12 元
    ("減少1.2萬戶", "减少1.2万户"),  # a fall of 1.2万 households
    ("3.5萬千瓦時", "3.5万千瓦时"),
    ("200萬標箱", "200万标箱"),
    ("120輛", "120辆"),
]


@pytest.mark.parametrize(("trad", "simp"), PAIRS)
def test_a_traditional_value_reads_as_the_simplified(pack: RulePack, trad: str, simp: str) -> None:
    t, s = parse_value(trad, pack.lexicon), parse_value(simp, pack.lexicon)
    assert t.text == trad  # what was written is kept
    fields = ("form", "number", "exponent", "unit", "bound", "reading", "lo", "hi", "factor")
    assert [getattr(t, f) for f in fields] == [getattr(s, f) for f in fields]
    assert t.qualifier == (simplified(t.qualifier) if t.qualifier else None)
    if t.form == "number":
        assert unit_info(t.unit) == unit_info(s.unit)


def test_traditional_values_by_hand(pack: RulePack) -> None:
    s = parse_value("約670億元", pack.lexicon)
    assert (s.number, s.bound, unit_info(s.unit).factor) == (Decimal(670), "approx", 1e8)
    s = parse_value("增長1.5倍", pack.lexicon)
    assert (s.form, s.number, s.verb) == ("multiple", Decimal("2.5"), "增长")  # 1.5 + 1
    s = parse_value("減少1.2萬戶", pack.lexicon)
    # -1.2 × 1e4 households
    assert (s.number, unit_info(s.unit).factor, unit_info(s.unit).dimension) == (
        Decimal("-1.2"),
        1e4,
        "[household]",
    )
    # Mixed: a simplified verb, a traditional unit.
    s = parse_value("增长約12萬噸", pack.lexicon)
    assert (s.number, s.bound, unit_info(s.unit).factor) == (Decimal(12), "approx", 1e10)  # 1e4 t


def test_a_pack_word_in_traditional_characters_is_matched() -> None:
    lex = Lexicon({"大約": "approx"}, {})
    assert parse_value("大约5%", lex).bound == "approx"
    assert parse_value("大約5%", lex).bound == "approx"


@pytest.mark.parametrize(
    ("text", "key", "years"),
    [
        ("十四五期間", "2025", 5.0),  # 2020 base to 2025
        ("2025年上半年", "2025M01-06", 0.0),
        ("前三季度", "2025M01-09", 0.0),  # months 1-9 of the reference year, keyed as a run
        ("5年前", "2020", 0.0),
        ("2021—2025年", "2025", 4.0),
    ],
)
def test_traditional_periods(pack: RulePack, text: str, key: str, years: float) -> None:
    trad = opencc.OpenCC("s2t").convert(text)
    for written in (text, trad):
        period = parse_period(written, pack.plans, 2025)
        assert (period.end.key, period.years) == (key, years)
        assert period.text == written


def test_mentions_of_a_traditional_text_keep_their_place() -> None:
    text = "地區生產總值達到兩千億元，增長1.5倍，新增就業1.2萬人，提高3個百分點"
    found = [(m.text, m.start, m.value, m.form) for m in find_mentions(text)]
    # Offsets counted by hand: 地區生產總值達到 is 8 characters, so 兩千億元 is [8, 12); then
    # ，增長 (12-14), 1.5倍 at 15 to 19, ，新增就業 (19-23), 1.2萬人 at 24 to 29, ，提高 (29-31),
    # 3個百分點 at 32.
    assert found == [
        ("兩千億元", 8, 2000.0, "chinese"),  # 两千亿 without 亿: 2000
        ("1.5倍", 15, 1.5, "arabic"),
        ("1.2萬人", 24, 1.2, "arabic"),  # 1.2 without the 万
        ("3個百分點", 32, 3.0, "arabic"),
    ]


def test_quotes_match_across_scripts_and_keep_the_article_span() -> None:
    article = "前言。\n全市地區生產總值\n達到670億元，增長6.5%。"
    index = QuoteIndex(article)
    # The article's span, as it prints it: 地 is at offset 6 (前言。\n全市 is 6 characters).
    for quote in ("地区生产总值达到670亿元", "地區生產總值達到670億元", "地区生產總值達到670亿元"):
        span = index.find(quote)
        assert span is not None
        assert (span.start, span.line, span.col) == (6, 2, 3)
        assert article[span.start : span.end] == "地區生產總值\n達到670億元"
    assert figure_missing("增長6.5%", "增长6.5%") is None
    assert figure_missing("兩千億元", "达到两千亿元") is None
    assert figure_missing("增長7.5%", "增长6.5%") == "7.5"


def test_the_example_in_traditional_characters_checks_like_the_simplified(
    tmp_path: Path, pack: RulePack
) -> None:
    """The bundled example, article and claims turned into traditional characters by OpenCC's
    s2t, gives the same findings and passed checks (by code and claim id) and full coverage."""
    s2t = opencc.OpenCC("s2t")
    for name in ("jinchang-2025.txt", "jinchang-2025.yaml"):
        text = (ROOT / "claims" / name).read_text("utf-8")
        (tmp_path / name).write_text(s2t.convert(text), encoding="utf-8")
    assert "億元" in (tmp_path / "jinchang-2025.txt").read_text("utf-8")
    simp = check_file(load_claims(ROOT / "claims" / "jinchang-2025.yaml", pack), pack)
    trad_file = load_claims(tmp_path / "jinchang-2025.yaml", pack)
    trad = check_file(trad_file, pack)
    assert {(f.code, f.claim) for f in trad.findings} == {(f.code, f.claim) for f in simp.findings}
    assert {(f.code, f.claim) for f in trad.passed} == {(f.code, f.claim) for f in simp.passed}
    assert len(simp.findings) == 13 and len(simp.passed) == 4  # as tests/test_example.py pins
    missing, total = uncovered(trad_file)
    assert missing == [] and total > 150
