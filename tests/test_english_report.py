"""A report on an English article shows its amounts as the article prints them (issue 14, point
1's "a report shows what the article wrote", for English figures): ``$546.4B``, ``$43.70
billion``, ``US$1.14 trillion``, never the internal unit text ``十亿USD``, in every format.

Every expectation is worked out by hand in its comment.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from factcheck import app, en
from factcheck.finding import Finding
from factcheck.report import FORMATS, formatter
from factcheck.report.model import Report
from factcheck.rulepack import load_pack

ARTICLE = (
    "Acme's revenue was $612B in 2025, up 12% year-over-year.\n"
    "Net income fell 8% to $40.2 billion in 2025.\n"
    "Assets reached US$1.2 trillion in 2025, up 5%.\n"
)
CLAIMS = """version: 1
article: article.txt
entity: Acme
claims:
  - {id: rev-2025, kind: level, quote: $612B in 2025, metric: revenue, period: "2025", value: $612B}
  - {id: rev-growth, kind: growth, quote: up 12% year-over-year, metric: revenue, period: "2025",
     value: up 12% year-over-year}
  - {id: ni-2025, kind: level, quote: $40.2 billion in 2025, metric: net income, period: "2025",
     value: $40.2 billion}
  - {id: ni-growth, kind: growth, quote: Net income fell 8%, metric: net income, period: "2025",
     value: fell 8%}
  - {id: as-2025, kind: level, quote: US$1.2 trillion in 2025, metric: assets, period: "2025",
     value: US$1.2 trillion}
  - {id: as-growth, kind: growth, quote: "in 2025, up 5%", metric: assets, period: "2025",
     value: up 5%}
"""


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, Finding]]:
    root = tmp_path_factory.mktemp("english")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    results = app.run([app.Target(root / "claims.yaml", "claims.yaml")], load_pack())
    report = Report(results, lang="en", verbose=True)
    return report, {f.claim: f for r in results for f in r.findings if f.claim}


def test_implied_amounts_are_written_as_the_article_writes_them(
    findings: tuple[Report, dict[str, Finding]],
) -> None:
    _, by_claim = findings
    rev = by_claim["rev-growth"]
    # 612 / 1.12 = 546.43; the ends: 611.5 / 1.125 = 543.56 and 612.5 / 1.115 = 549.33.
    assert rev.recomputed == "$546.4B"
    assert rev.interval == "[$543.6B, $549.3B]"
    # The rate enters the arithmetic as a figure, without its words.
    assert rev.arithmetic == "$612B / (1 + 12%) = $546.4B"
    ni = by_claim["ni-growth"]
    # 40.2 / 0.92 = 43.696; the ends: 40.15 / 0.925 = 43.405 and 40.25 / 0.915 = 43.989.
    assert ni.recomputed == "$43.70 billion"
    assert ni.interval == "[$43.41 billion, $43.99 billion]"
    assert ni.arithmetic == "$40.2 billion / (1 - 8%) = $43.70 billion"
    assets = by_claim["as-growth"]
    # 1.2 / 1.05 = 1.1429; the ends: 1.15 / 1.055 = 1.0900 and 1.25 / 1.045 = 1.1962.
    assert assets.recomputed == "US$1.14 trillion"
    assert assets.interval == "[US$1.09 trillion, US$1.20 trillion]"


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_format_shows_the_internal_unit(
    fmt: str, findings: tuple[Report, dict[str, Finding]]
) -> None:
    report, _ = findings
    out = io.StringIO()
    formatter(fmt).write(report, out)
    text = out.getvalue()
    assert "十亿" not in text and "USD" not in text and "万亿" not in text
    assert "$546.4B" in text  # GitHub's annotations too: their message names the amount


WRITTEN = [
    # (a number, the value whose print it follows, the result)
    ("546.4", "$612B", "$546.4B"),
    ("-3.0", "down $3B", "-$3.0B"),
    ("48.5", "more than $48 billion", "$48.5 billion"),
    ("1.14", "US$1.2 trillion", "US$1.14 trillion"),
    ("3.41", "€3.4m", "€3.41m"),
    ("1.6", "1.5 percentage points", "1.6 percentage points"),
    ("1.25", "1.2 million", "1.25 million"),
    ("12.1", "up 12%", "12.1%"),
    ("25.5", "reached about 26 billion yuan", "25.5 billion yuan"),
]


@pytest.mark.parametrize(("number", "like", "expected"), WRITTEN)
def test_a_number_is_dressed_like_the_english_value(number: str, like: str, expected: str) -> None:
    assert en.dress(number, like) == expected


@pytest.mark.parametrize("like", ["2.4GW", "670亿元", "5t", "over 100", "约18%", "doubled"])
def test_other_values_keep_the_unit_of_units_txt(like: str) -> None:
    # 2.4GW and 670亿元 print their unit as units.txt writes it; 5t is tonnes, not trillions.
    assert en.dress("1.0", like) is None


def test_a_chinese_report_is_unchanged() -> None:
    # The example's derived figures keep the Chinese units (its golden test pins every byte).
    example = Path(__file__).resolve().parents[1] / "claims" / "jinchang-2025.yaml"
    [result] = app.run([app.Target(example, "x.yaml")], load_pack())
    shown = [f.recomputed for f in result.findings if f.code == "FC141"]
    assert shown and all("$" not in s for s in shown)
    assert any(s.endswith("亿元") for s in shown)


def test_an_english_multiple_has_an_english_witness(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Cloud revenue doubled to $23.4B in 2025 from $15.1B in 2024.\n", encoding="utf-8"
    )
    (tmp_path / "c.yaml").write_text(
        "version: 1\narticle: a.txt\nentity: Acme\nclaims:\n"
        "  - {id: c-2024, kind: level, quote: $15.1B in 2024, metric: cloud, period: '2024',"
        " value: $15.1B}\n"
        "  - {id: c-2025, kind: level, quote: $23.4B in 2025, metric: cloud, period: '2025',"
        " value: $23.4B}\n"
        "  - {id: c-x, kind: multiple, quote: Cloud revenue doubled, metric: cloud,"
        " period: '2025', base: '2024', value: doubled}\n",
        encoding="utf-8",
    )
    [result] = app.run([app.Target(tmp_path / "c.yaml", "c.yaml")], load_pack())
    [finding] = [f for f in result.findings if f.claim == "c-x"]
    # 23.4 / 15.1 = 1.550, at most 23.45 / 15.05 = 1.5581: short of doubled's [2, 3); the
    # nearest figure the levels support is 1.56 times, said in English (not 1.56倍).
    assert finding.verdict == "inconsistent" and finding.witness == "1.56 times"
