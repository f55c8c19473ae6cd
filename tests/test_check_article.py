"""``factcheck check ARTICLE.txt``: an article without claims file is drafted in memory and its
confident drafts are checked (issue 16, point 1)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
import yaml
from test_cli_check import LINE, run

from factcheck.app import check_one, collect, resolve_pack
from factcheck.extract import draft_claims
from factcheck.extract.check import check_article
from factcheck.rulepack import load_pack

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "claims" / "jinchang-2025.txt"


def _article(tmp_path: Path, text: str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_article_reports_the_clusters_nominal_rate(tmp_path: Path) -> None:
    # The hand-written claims report it; the draft must too: (2586/669)^(1/4) - 1 = 0.4022
    # (2586/669 = 3.8655; its square root 1.9661, again 1.4022), against the stated 33.8%.
    shutil.copy(EXAMPLE, tmp_path / "j.txt")
    out = run(tmp_path, "j.txt", "--format", "text", "--no-cache")
    assert out.returncode == 0, out.stderr  # a warning does not gate
    lines = [line for line in out.stdout.splitlines() if " FC121 " in line]
    assert len(lines) == 1 and "40.2%" in lines[0]
    m = LINE.match(lines[0])
    assert m and m["path"] == "j.txt" and m["line"] == "43"  # the article's line of 年均增长33.8%
    assert " FC153 " in out.stdout  # what was not drafted with confidence is listed


def test_a_stated_sum_that_breaks_is_flagged(tmp_path: Path) -> None:
    # From 300 to 350 is 350/300 - 1 = 16.7% (at most 350.5/299.5 - 1 = 17.0% within the
    # written precision), not the 20% stated (19.95% at the least).
    text = "2020年全市粮食产量300万吨。2021年全市粮食产量350万吨,比上年增长20%。\n"
    pack, _ = resolve_pack(None, [tmp_path])
    path = _article(tmp_path, text)
    targets, problems = collect([path], articles=True)
    assert not problems and targets[0].article
    result = check_one(targets[0], pack)
    flagged = [f for f in result.findings if f.verdict == "inconsistent"]
    assert flagged and all(f.path == str(path) for f in flagged)
    assert {f.line for f in flagged} == {1}


def test_a_doubted_draft_is_no_input_of_a_finding(tmp_path: Path) -> None:
    # The second figure borrows its metric across sentences (two figures, two values, one
    # identity): neither is confident, so the contradiction 5% vs 9% is not reported.
    text = "全市工业增加值增长5%。\n\n其中,增长9%。\n"
    path = _article(tmp_path, text)
    pack, _ = resolve_pack(None, [tmp_path])
    draft = draft_claims(text, pack)
    assert draft.claims and not all(c.confident for c in draft.claims)
    assert all(0 < c.confidence <= 1 for c in draft.claims)
    targets, _ = collect([path], articles=True)
    result = check_one(targets[0], pack)
    assert not [f for f in result.findings if f.verdict == "inconsistent"]
    listed = [f for f in result.findings if f.code == "FC153"]
    assert len(listed) == 1 and "9%" in listed[0].message


def test_a_folder_drafts_only_the_articles_no_claims_file_names(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "jinchang-2025.txt")
    shutil.copy(REPO / "claims" / "jinchang-2025.yaml", tmp_path / "jinchang-2025.yaml")
    _article(tmp_path, "2025年全市粮食产量12万吨,增长3%。\n", "other.txt")
    targets, problems = collect([tmp_path], articles=True)
    assert not problems
    got = sorted((t.path.name, t.article) for t in targets)
    assert got == [("jinchang-2025.yaml", False), ("other.txt", True)]
    # validate and explain never draft: only check asks for articles
    plain, _ = collect([tmp_path])
    assert [t.path.name for t in plain] == ["jinchang-2025.yaml"]


def test_an_article_that_cannot_be_read_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    out = run(tmp_path, "bad.txt", "--no-cache", "--format", "text")
    assert out.returncode == 2  # as for a claims file: an input problem, nothing checked
    assert "bad.txt:1:1: E100 " in out.stderr and "Traceback" not in out.stderr


def test_unreviewed_drafts_gate_as_one_line_per_file(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "j.txt")
    out = run(tmp_path, "j.txt", "--no-cache")  # sanity: the example drafts
    assert out.returncode == 0
    from factcheck.extract import run_extract  # noqa: PLC0415

    pack, _ = resolve_pack(None, [tmp_path])
    run_extract(tmp_path / "j.txt", None, None, False, pack)
    drafted = (tmp_path / "j.yaml").read_text(encoding="utf-8")
    claims = yaml.safe_load(drafted)["claims"]
    assert drafted.count("# confidence ") == len(claims) > 40
    # A 'respectively' claim holds one item per id: each is a claim the engine checks.
    n = sum(len(c["id"]) if isinstance(c["id"], list) else 1 for c in claims)
    out = run(tmp_path, "j.yaml", "--format", "text", "--no-cache")
    assert out.returncode == 1
    lines = [line for line in out.stdout.splitlines() if " FC152 " in line]
    assert len(lines) == 1 and f"{n} claims are drafts" in lines[0]


def test_a_run_of_thousands_of_digits_is_no_internal_error(tmp_path: Path) -> None:
    """Python's int() refuses a run of more than 4,300 digits (ValueError): the readers of dates
    and days must not call it on one, whatever words stand next to the run."""
    big = "9" * 5000
    texts = [
        f"全市{big}，同比增长5%。\n",  # a bare number: could it be the day of an English date?
        f"3月{big} 日，全市同比增长5%。\n",  # a date written with a space (Taiwan's press)
        f"Retail sales rose on March {big}, up 3 percent from a year earlier.\n",
    ]
    pack, _ = resolve_pack(None, [tmp_path])
    for text in texts:
        assert draft_claims(text, pack).claims  # the 5% / 3 percent is still drafted
    _article(tmp_path, texts[0])
    out = run(tmp_path, "a.txt", "--no-cache")
    assert out.returncode != 3 and "internal error" not in out.stderr, out.stderr  # 3: a bug


def _inconsistent_quotes(tmp_path: Path, text: str) -> list[str]:
    path = _article(tmp_path, text)
    result = check_article(path, str(path), load_pack(), tmp_path, datetime.date(2021, 4, 16))
    assert not result.problems
    return [f.quote for f in result.findings if f.verdict == "inconsistent"]


# The two-year average of 2021Q1 printed in a summary sentence and again in the body: the two
# readings of 全市地区生产总值 2019Q1-2021Q1 differ (5.0% and 5.6%), so they are never compared,
# but each is checked within its own sentence.
_SUMMARY = "2021年一季度，全市地区生产总值同比增长18.3%，两年平均增长5.0%。\n\n"


def test_a_figure_read_twice_is_checked_within_its_sentence(tmp_path: Path) -> None:
    # 10.3% over two years: sqrt(1.1025) - 1 = 5.000% to sqrt(1.1035) - 1 = 5.048% a year,
    # outside the 5.6% stated ([5.55%, 5.65%])
    body = (
        "2021年一季度，全市地区生产总值同比增长18.3%；比2019年一季度增长10.3%，两年平均增长5.6%。"
    )
    assert any("5.6%" in q or "10.3%" in q for q in _inconsistent_quotes(tmp_path, _SUMMARY + body))


def test_two_readings_of_a_figure_are_not_compared(tmp_path: Path) -> None:
    # 11.6% over two years: sqrt(1.1155) - 1 = 5.617% to sqrt(1.1165) - 1 = 5.665%, which meets
    # [5.55%, 5.65%]: the body holds; its 5.6% against the summary's 5.0% is not reported
    body = (
        "2021年一季度，全市地区生产总值同比增长18.3%；比2019年一季度增长11.6%，两年平均增长5.6%。"
    )
    assert _inconsistent_quotes(tmp_path, _SUMMARY + body) == []


def test_a_part_after_a_semicolon_opening_with_a_comparison_keeps_the_subject() -> None:
    pack = load_pack()
    # 比2019年一季度增长10.3% has no subject: it is the 地区生产总值 of the part before
    text = "2021年一季度，全市地区生产总值同比增长18.3%；比2019年一季度增长10.3%。"
    claims = {c.values[0]: c for c in draft_claims(text, pack, "全市", 2021).claims}
    assert claims["10.3%"].doubts == ()
    assert dict(claims["10.3%"].fields)["metric"] == dict(claims["18.3%"].fields)["metric"]
    # after a full stop the part is a sentence of its own: the borrowed subject is in doubt
    text = "2021年一季度，全市地区生产总值同比增长18.3%。比2019年一季度增长10.3%。"
    claims = {c.values[0]: c for c in draft_claims(text, pack, "全市", 2021).claims}
    assert claims["10.3%"].doubts != ()


def test_one_period_written_two_ways_is_one_quantity_for_the_doubt(tmp_path: Path) -> None:
    # 2020Q2 and 2020年4至6月 are one quarter: the two unemployment rates (the whole economy's
    # and, by the words, a sector's) read as one quantity with two values, so none is compared
    text = "2020年第二季失业率为6.2%。\n\n按行业划分，2020年4至6月零售业最高，失业率为10.7%。\n"
    assert _inconsistent_quotes(tmp_path, text) == []


def test_a_change_in_percent_of_a_rate_is_in_doubt(tmp_path: Path) -> None:
    # 6.2% against 4.2% is 2 points (the press writes 增加2%), or a rise of 47.6%: in doubt,
    # never checked as the relative change (2% against 47.6% would be a false alarm)
    text = "2020年第二季失业率为6.2%，较第一季的4.2%增加2%。\n"
    assert _inconsistent_quotes(tmp_path, text) == []
    claims = draft_claims(text, load_pack(), "全港", 2020).claims
    (growth,) = [c for c in claims if c.kind == "growth"]
    assert any("points written with %" in d for d in growth.doubts)


def test_a_growth_of_an_amount_with_a_share_is_no_change_of_a_rate() -> None:
    # 占外贸总值的37.5% is the share of the amount 民营企业进出口: the 28.1% is its growth
    text = "1-8月，民营企业进出口12315.2亿元，同比增长28.1%，占外贸总值的37.5%。"
    claims = draft_claims(text, load_pack(), "江苏", 2021).claims
    (growth,) = [c for c in claims if c.kind == "growth"]
    assert not any("points written with %" in d for d in growth.doubts)


@pytest.mark.parametrize(
    ("tertiary", "flagged"),
    [
        ("1100", False),  # 100 + 800 + 1100 = 2000: the parts make the whole
        ("1200", True),  # 100 + 800 + 1200 = 2100 ([2099.5, 2100.5] at most), not 2000
    ],
)
def test_a_level_beside_a_figure_read_twice_keeps_its_name(
    tmp_path: Path, tertiary: str, flagged: bool
) -> None:
    # the body's 5.6% collides with the summary's 5.0%, but 地区生产总值 2000亿元 beside it is
    # read with confidence: it stays the 地区生产总值 of the pack's identity with its parts
    text = (
        _SUMMARY + "2021年一季度，全市地区生产总值2000亿元，同比增长18.3%，两年平均增长5.6%。\n\n"
        f"分产业看，第一产业增加值100亿元，第二产业增加值800亿元，第三产业增加值{tertiary}亿元。\n"
    )
    assert bool(_inconsistent_quotes(tmp_path, text)) is flagged


@pytest.mark.parametrize(
    ("imports", "flagged"),
    [
        ("12568", False),  # 20310.4 + 12568 = 32878.4: the whole
        ("12068", True),  # 20310.4 + 12068 = 32378.4 ([32377.9, 32378.9]), not 32878.4
    ],
)
def test_exports_and_imports_after_qizhong_make_the_whole_trade(
    tmp_path: Path, imports: str, flagged: bool
) -> None:
    # 进出口 = 出口 + 进口 (the rule pack's identity): a 其中 list of exactly those parts under
    # 外贸进出口值 is complete, not merely at most the total
    text = f"1-8月全省外贸进出口值32878.4亿元。其中，出口20310.4亿元；进口{imports}亿元。\n"
    assert bool(_inconsistent_quotes(tmp_path, text)) is flagged


def test_parts_after_qizhong_that_are_not_all_terms_stay_incomplete(tmp_path: Path) -> None:
    # 出口 alone under 进出口: at most the total (20310.4 ≤ 32878.4), never its whole
    text = "1-8月全省外贸进出口值32878.4亿元。其中，出口20310.4亿元。\n"
    assert _inconsistent_quotes(tmp_path, text) == []


@pytest.mark.parametrize(
    ("points", "flagged"),
    [
        ("0.2", False),  # 4.9 - 5.1 = -0.2: September against August
        ("0.5", True),  # -0.5 ([-0.55, -0.45]) against [4.85 - 5.15, 4.95 - 5.05] = [-0.3, -0.1]
    ],
)
def test_bi_shang_yue_is_against_the_month_before(
    tmp_path: Path, points: str, flagged: bool
) -> None:
    # 比上月 compares with August (not September a year before); the list over 7、8、9三个月 is
    # over its months, its subjects found
    text = (
        f"9月份，全国城镇调查失业率为4.9%，比上月下降{points}个百分点。\n\n"
        "7、8、9三个月，全国城镇调查失业率分别为5.1%、5.1%和4.9%。\n"
    )
    assert bool(_inconsistent_quotes(tmp_path, text)) is flagged


def test_jiao_shang_ji_is_against_the_quarter_before() -> None:
    text = "2021年第三季，全港本地生产总值为7000亿元，较上季增长10%。"
    claims = draft_claims(text, load_pack(), "全港", 2021).claims
    (growth,) = [c for c in claims if c.kind == "growth"]
    assert dict(growth.fields)["base"] == "2021Q2"
    text = "2021年1月，全市社会消费品零售总额500亿元，比上月增长3%。"
    claims = draft_claims(text, load_pack(), "全市", 2021).claims
    (growth,) = [c for c in claims if c.kind == "growth"]
    assert dict(growth.fields)["base"] == "2020-12"  # the month before January
