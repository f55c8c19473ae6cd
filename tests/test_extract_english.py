"""Drafting English articles (issue 16): figures with their units, kinds, periods and metrics,
and the numbers that are no figures, on sentences of real releases (each with its source; none
was of the scored corpus when it was taken, but the ONS bulletin of
test_ons_falls_and_levels_below_a_base is the one the later-added en-ons-gdp-2022q3 is an
excerpt of). Every expectation is read off the sentence by hand."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.extract import draft_claims
from factcheck.extract.check import check_article
from factcheck.extract.english import is_english
from factcheck.extract.model import Draft, DraftClaim
from factcheck.numbers import parse_value
from factcheck.rulepack import RulePack, load_pack
from factcheck.units import unit_info


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _claim(draft: Draft, value: str) -> tuple[DraftClaim, dict[str, object]]:
    found = [c for c in draft.claims if c.values[0] == value]
    assert len(found) == 1, [c.values for c in draft.claims]
    return found[0], dict(found[0].fields)


def _metrics_by_value(draft: Draft) -> dict[str, object]:
    return {v: dict(c.fields)["metric"] for c in draft.claims for v in c.values}


def _skipped(draft: Draft) -> set[str]:
    return {s.text for s in draft.skipped}


def test_an_english_text_is_told_from_a_chinese_one() -> None:
    assert is_english("Real gross domestic product increased at an annual rate of 1.1 percent.")
    # A Chinese text quoting GDP and 5G stays Chinese.
    assert not is_english("2025年全市GDP增长5.5%，建成5G基站1200个，数字经济占比超过40%。")


# ---- values as English releases print them (the claims parser's vocabulary, en.py)


@pytest.mark.parametrize(
    ("text", "number", "factor", "dimension"),
    [
        ("an increase of 0.4 percent", Decimal("0.4"), 0.01, ""),
        ("+1.8 percent", Decimal("1.8"), 0.01, ""),  # a signed change
        ("-0.3 percent", Decimal("-0.3"), 0.01, ""),
        ("10.7 percent above", Decimal("10.7"), 0.01, ""),  # above last year: up
        ("0.4% below", Decimal("-0.4"), 0.01, ""),  # below its level of 2019: down
        ("fell by 0.4 percentage point", Decimal("-0.4"), 0.01, "[percentage_point]"),
        ("53,980 yuan", Decimal(53980), 1.0, "[currency_cny]"),
        ("1.55 trillion yuan", Decimal("1.55"), 1e12, "[currency_cny]"),  # trillion = 1e12
        ("7,939 U.S. dollars", Decimal(7939), 1.0, "[currency_usd]"),
        ("more than 8,000 dollars", Decimal(8000), 1.0, "[currency_usd]"),
        ("1.2 million tonnes", Decimal("1.2"), 1e12, "[mass]"),  # 1.2e6 t = 1.2e12 g
        ("surged 30.7 percent", Decimal("30.7"), 0.01, ""),
    ],
)
def test_english_release_values(
    pack: RulePack, text: str, number: Decimal, factor: float, dimension: str
) -> None:
    stated = parse_value(text, pack.lexicon)
    assert stated.form == "number" and stated.number == number
    unit = unit_info(stated.unit)
    assert (unit.factor, unit.dimension) == (factor, dimension)


def test_ordinals_and_times(pack: RulePack) -> None:
    rank = parse_value("96th", pack.lexicon)
    assert (rank.form, rank.number) == ("rank", Decimal(96))
    times = parse_value("2.5 times", pack.lexicon)
    assert (times.form, times.number, times.reading) == ("multiple", Decimal("2.5"), "times")


# ---- BEA: https://defence.pk/pdf/threads/us-gdp-grows-1-1-in-q1-overall-gdp-at-26-5t.766085/
# (the BEA release of 2023-04-27, quoted)

BEA = (
    "Gross Domestic Product, First Quarter 2023 (Advance Estimate)\n\n"
    "Real gross domestic product (GDP) increased at an annual rate of 1.1 percent in the first "
    'quarter of 2023 (table 1), according to the "advance" estimate released by the Bureau of '
    "Economic Analysis. In the fourth quarter, real GDP increased 2.6 percent.\n"
)


def test_bea_quarters_and_annualized_rates(pack: RulePack) -> None:
    draft = draft_claims(BEA, pack)
    assert draft.year == 2023
    first, f1 = _claim(draft, "1.1 percent")
    # An annual rate of one quarter is annualized: no average over years, and not checked.
    assert (first.kind, f1["period"], f1["metric"]) == ("growth", "2023Q1", "real GDP")
    assert not first.confident
    fourth, f4 = _claim(draft, "increased 2.6 percent")
    # "the fourth quarter" in a release on the first quarter of 2023 is the one before it.
    assert (fourth.kind, f4["period"], f4["metric"]) == ("growth", "2022Q4", "real GDP")
    assert "1" in _skipped(draft)  # (table 1): a reference, not a figure


# ---- BLS: https://democraticunderground.com/10142689073 (the Employment Situation of
# January 2021, quoted; its first paragraphs)

BLS = (
    "Economic News Release USDL-21-0158\n\n"
    "Transmission of material in this news release is embargoed until 8:30 a.m. (ET) Friday, "
    "February 5, 2021\n\n"
    "Media contact: (202) 691-5902 * PressOffice@bls.gov\n\n"
    "THE EMPLOYMENT SITUATION -- JANUARY 2021\n\n"
    "The unemployment rate fell by 0.4 percentage point to 6.3 percent in January, while "
    "nonfarm payroll employment changed little (+49,000), the U.S. Bureau of Labor Statistics "
    "reported today. The labor market continued to reflect the impact of the coronavirus "
    "(COVID-19) pandemic and efforts to contain it.\n"
)


def test_bls_points_levels_and_what_is_no_figure(pack: RulePack) -> None:
    draft = draft_claims(BLS, pack)
    assert (draft.entity, draft.year) == ("United States", 2021)
    change, fc = _claim(draft, "fell by 0.4 percentage point")
    assert (change.kind, fc["period"], fc["metric"]) == ("growth", "2021-01", "unemployment rate")
    assert not change.confident  # over which month? The text does not say
    level, fl = _claim(draft, "6.3 percent")  # "to 6.3 percent": the new level
    assert (level.kind, fl["period"], fl["metric"]) == ("level", "2021-01", "unemployment rate")
    assert level.confident
    # The release number, the clock time and date, the phone number and COVID-19.
    assert {"21", "0158", "8", "30", "5", "202", "691", "5902", "19"} <= _skipped(draft)
    assert len(draft.claims) == 2  # +49,000 in brackets is no claim of its own either


# ---- Xinhua: http://www.china.org.cn/china/Off_the_Wire/2019-11/14/content_75407597.htm

XINHUA_2019 = (
    "BEIJING, Nov. 14 (Xinhua) -- China's retail sales of consumer goods rose 8.1 percent year "
    "on year in the January-October period, the National Bureau of Statistics (NBS) said "
    "Thursday.\n\n"
    "Total retail sales amounted to 33.48 trillion yuan (about 4.8 trillion U.S. dollars). "
    "Excluding sales of automobiles, the growth rate reached 9 percent during this period.\n\n"
    "Retail sales in rural areas rose 9 percent, outpacing the 7.9-percent expansion in urban "
    "areas.\n"
)


def test_xinhua_runs_of_months_and_year_on_year(pack: RulePack) -> None:
    draft = draft_claims(XINHUA_2019, pack, year=2019)  # the story writes no year
    assert draft.entity == "China"  # "U.S. dollars" names a currency, not the subject
    growth, fg = _claim(draft, "rose 8.1 percent")
    assert (growth.kind, fg["period"], fg["base"]) == ("growth", "2019年1-10月", "2018年1-10月")
    assert fg["metric"] == "retail sales of consumer goods" and growth.confident
    level, fl = _claim(draft, "33.48 trillion yuan")
    # The lead paragraph's January-October period times the figures after it.
    assert (level.kind, fl["period"]) == ("level", "2019年1-10月")
    assert fl["metric"] == "total retail sales"
    usd, fu = _claim(draft, "about 4.8 trillion U.S. dollars")
    assert (usd.kind, fu["metric"]) == ("level", "total retail sales")
    assert "7.9" in _skipped(draft)  # the 7.9-percent expansion: an adjective, not drafted


# ---- Xinhua: http://www.xinhuanet.com/english/2017-12/14/c_136825397.htm


def test_xinhua_up_from_a_rate_is_the_rate_before(pack: RulePack) -> None:
    text = (
        "BEIJING, Dec. 14 (Xinhua) -- China's retail sales of consumer goods grew 10.2 percent "
        "year on year in November, up from 10 percent registered in October, official data "
        "showed Thursday.\n"
    )
    draft = draft_claims(text, pack, year=2017)
    nov, fn = _claim(draft, "grew 10.2 percent")
    assert (nov.kind, fn["period"], fn["base"]) == ("growth", "2017-11", "2016-11")
    oct_, fo = _claim(draft, "10 percent")
    # October's rate, year on year as November's is.
    assert (oct_.kind, fo["period"], fo["base"]) == ("growth", "2017-10", "2016-10")
    assert fo["metric"] == fn["metric"] == "retail sales of consumer goods"


# ---- Eurostat: https://www.energyexch.com/news/1233453-gdp-up-by-03-in-the-euro-area


def test_eurostat_bases_and_lists(pack: RulePack) -> None:
    text = (
        "In the second quarter of 2023, seasonally adjusted GDP increased by 0.3% in the euro "
        "area and was stable in the EU, compared with the previous quarter, according to a "
        "preliminary flash estimate published by Eurostat. Compared with the same quarter of the "
        "previous year, seasonally adjusted GDP increased by 0.6% in the euro area and by 0.5% "
        "in the EU.\n"
    )
    draft = draft_claims(text, pack)
    q, fq = _claim(draft, "increased by 0.3%")
    assert (fq["period"], fq["base"], q.confident) == ("2023Q2", "2023Q1", True)
    y, fy = _claim(draft, "increased by 0.6%")
    assert (fy["period"], fy["base"], y.confident) == ("2023Q2", "2022Q2", True)
    listed, _ = _claim(draft, "0.5%")
    # "and by 0.5% in the EU": another entity, not written as the claim's subject.
    assert listed.kind == "growth" and not listed.confident


# ---- ONS: https://ons.gov.uk/economy/grossdomesticproductgdp/bulletins/
# gdpfirstquarterlyestimateuk/julytoseptember2022


def test_ons_falls_and_levels_below_a_base(pack: RulePack) -> None:
    text = (
        "The first quarterly estimate of UK gross domestic product (GDP) shows an estimated "
        "fall of 0.2% in Quarter 3 (July to Sept) 2022 (Figure 1). This follows a rise of 0.2% "
        "in the previous quarter. The level of quarterly GDP in Quarter 3 2022 is now 0.4% "
        "below its pre-coronavirus (COVID-19) level (Quarter 4 (Oct to Dec) 2019).\n"
    )
    draft = draft_claims(text, pack)
    assert draft.entity == "United Kingdom"
    fall, ff = _claim(draft, "down 0.2%")  # a fall: written with its direction
    assert parse_value("down 0.2%", load_pack().lexicon).number == Decimal("-0.2")
    assert (fall.kind, ff["period"], ff["metric"]) == ("growth", "2022Q3", "GDP")
    below, fb = _claim(draft, "0.4% below")
    assert (below.kind, fb["period"], fb["base"]) == ("growth", "2022Q3", "2019Q4")
    assert {"1", "19"} <= _skipped(draft)  # (Figure 1), COVID-19


# ---- Xinhua: http://en.people.cn/n3/2025/0715/c90000-20340450.html


def test_contributions_are_shares_and_pronouns_are_doubted(pack: RulePack) -> None:
    text = (
        "Retail sales in the country's urban regions rose 5 percent year on year in the first "
        "half of 2025, while those in rural areas expanded 4.9 percent.\n\n"
        "Domestic demand contributed 68.8 percent to GDP growth, with final consumption "
        "expenditure contributing 52 percent, serving as the main driver of economic growth.\n"
    )
    draft = draft_claims(text, pack)
    urban, fu = _claim(draft, "rose 5 percent")
    assert (fu["period"], fu["base"], urban.confident) == ("2025年1-6月", "2024年1-6月", True)
    rural, _ = _claim(draft, "expanded 4.9 percent")
    assert not rural.confident  # "those in rural areas": a pronoun, not a metric
    share, fs = _claim(draft, "68.8 percent")
    assert (share.kind, fs["metric"], fs["whole"]) == ("share", "domestic demand", "GDP growth")


# ---- non-figures of English releases: https://financedocbox.com/Retirement_Planning/
# 95048546-The-employment-situation-september-2000.html (BLS, September 2000)


def test_ages_and_counts_of_months_are_no_figures(pack: RulePack) -> None:
    text = (
        "The employment-population ratio--the proportion of the population age 16 and older "
        "with jobs--was 64.3 percent, unchanged from August. Over the past 12 months, the rate "
        "has ranged from 3.9 percent to 4.1 percent.\n"
    )
    draft = draft_claims(text, pack, year=2000)
    assert {"16", "12"} <= _skipped(draft)  # an age, a length of time
    assert "64.3 percent" in [c.values[0] for c in draft.claims]


@pytest.mark.parametrize(
    "lead", ["aged from 16 to 64 years", "aged between 16 and 64", "aged over 65", "aged 16 to 64"]
)
def test_an_age_after_from_or_between_is_no_figure(lead: str, pack: RulePack) -> None:
    # written for the test, in the form of the ONS labour market bulletin
    text = f"The employment rate (the proportion of people {lead} who were in work) was 75.5%.\n"
    draft = draft_claims(text, pack, year=2018)
    assert [c.values for c in draft.claims] == [("75.5%",)]


# ---- end to end: the drafts are claims that `check` checks


def test_a_change_against_its_levels_is_checked(tmp_path: Path, pack: RulePack) -> None:
    # In the style of a trade release: 150/100 - 1 = 50%, so "up 40 percent" cannot hold
    # ([149.5/100.5 - 1, 150.5/99.5 - 1] = [48.8%, 51.3%] misses [39.5%, 40.5%]).
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(
        "Exports rose from $100 billion in 2020 to $150 billion in 2022, up 40 percent.\n",
        encoding="utf-8",
    )
    result = check_article(wrong, str(wrong), pack, tmp_path)
    assert [(f.code, f.verdict) for f in result.findings if f.verdict == "inconsistent"] == [
        ("FC101", "inconsistent")
    ]
    right = tmp_path / "right.txt"
    right.write_text(
        "Exports rose from $100 billion in 2020 to $150 billion in 2022, up 50 percent.\n",
        encoding="utf-8",
    )
    result = check_article(right, str(right), pack, tmp_path)
    assert not [f for f in result.findings if f.verdict == "inconsistent"]


def test_annualized_rates_raise_no_alarm(tmp_path: Path, pack: RulePack) -> None:
    # https://mdm.com/news/research/economic-trends/real-gross-domestic-product-up-3-in-2q (BEA):
    # 189.0 / (19,246.7 - 189.0) = 0.99% over the quarter, 4 percent at an annual rate: both
    # true; the annualized rate must not be checked against the levels.
    article = tmp_path / "bea.txt"
    article.write_text(
        "Current-dollar GDP increased 4 percent, or $189.0 billion, in the second quarter to a "
        "level of $19,246.7 billion. In the first quarter, current-dollar GDP increased 3.3 "
        "percent, or $152.2 billion.\n",
        encoding="utf-8",
    )
    result = check_article(article, str(article), pack, tmp_path)
    assert not [f for f in result.findings if f.verdict == "inconsistent"]


# ---- ONS: https://www.ons.gov.uk/employmentandlabourmarket/peopleinwork/
# employmentandemployeetypes/bulletins/employmentintheuk/october2020


def test_ons_bullets_take_the_heading_period_and_two_bases(pack: RulePack) -> None:
    text = (
        "2. Main points for June to August 2020\n\n"
        "  • The UK employment rate was estimated at 75.6%, 0.3 percentage points lower than a "
        "year earlier, and 0.3 percentage points lower than the previous quarter.\n"
    )
    draft = draft_claims(text, pack)
    rate, fr = _claim(draft, "75.6%")
    assert (rate.kind, fr["period"], fr["metric"]) == ("level", "2020年6-8月", "employment rate")
    changes = [c for c in draft.claims if c.values[0] == "0.3 percentage points lower"]
    # June to August 2020 against June to August 2019, and against March to May 2020.
    assert [dict(c.fields)["base"] for c in changes] == ["2019年6-8月", "2020年3-5月"]
    assert all(c.confident and c.kind == "growth" for c in changes)
    assert "2" in _skipped(draft)  # "2." numbers the section


# ---- Xinhua: http://news.xinhuanet.com/english/2017-07/17/c_136449346.htm and
# http://ecns.cn/news/2019-07-15/detail-ifzkzyey4243303.shtml


def test_a_dateline_is_no_subject_and_points_of_a_rate_are_doubted(pack: RulePack) -> None:
    text = (
        "BEIJING, July 17 (Xinhua) -- China's value-added industrial output, an important "
        "economic indicator, expanded 6.9 percent year on year in the first half of this year, "
        "official data showed Monday.\n\n"
        "In June alone, industrial output increased 6.3 percent year on year, 1.3 percentage "
        "points faster than that registered in May.\n"
    )
    draft = draft_claims(text, pack, year=2017)
    half, fh = _claim(draft, "expanded 6.9 percent")
    assert (fh["metric"], fh["period"], fh["base"]) == (
        "value-added industrial output",
        "2017年1-6月",
        "2016年1-6月",
    )
    assert "17" in _skipped(draft)  # July 17: the dateline's day
    june, fj = _claim(draft, "increased 6.3 percent")
    assert (fj["period"], fj["base"], june.confident) == ("2017-06", "2016-06", True)
    faster, _ = _claim(draft, "1.3 percentage points faster")
    assert not faster.confident  # points of the growth rate, not of industrial output


# ---- New Statesman: http://www.newstatesman.com/economics/gdp/2012/07/
# chinas-forward-march-continues-78-cent-rise-gdp


def test_letter_scales_before_a_unit_word_and_asides(pack: RulePack) -> None:
    text = (
        "China's rise continues, with its gross domestic product at 22,709.8bn yuan in the first "
        "half of 2012.\n\n"
        "The total output of summer grain was 129.95 million tons – a 2.8 per cent increase "
        "year-on-year – while the investment in fixed assets (excluding rural households) was "
        "15,071bn yuan, a surge of 20.4 per cent compared to the same period in 2011.\n"
    )
    draft = draft_claims(text, pack)
    gdp, fg = _claim(draft, "22,709.8bn yuan")  # bn before a unit word: 1e9 yuan
    assert unit_info(parse_value("22,709.8bn yuan", pack.lexicon).unit).factor == 1e9
    assert (fg["metric"], fg["period"]) == ("gross domestic product", "2012年1-6月")
    grain, fm = _claim(draft, "2.8 per cent")  # the increase is of the grain, not "increase"
    assert (grain.kind, fm["metric"], fm["base"]) == (
        "growth",
        "total output of summer grain",
        "2011年1-6月",
    )
    invest, fi = _claim(draft, "15,071bn yuan")
    assert fi["metric"] == "investment in fixed assets"  # the aside in brackets is no cut
    surge, fs = _claim(draft, "20.4 per cent")
    assert (surge.kind, fs["metric"], fs["base"]) == (
        "growth",
        "investment in fixed assets",
        "2011年1-6月",
    )


# ---- BEA: https://mdm.com/news/research/economic-trends/real-gross-domestic-product-up-3-in-2q


def test_the_quarter_compared_with_and_records_are_no_bases(pack: RulePack) -> None:
    text = (
        "Real GDP increased 2.9 percent in the second quarter of 2017 compared with an increase "
        "of 2.7 percent in the first.\n\n"
        # In the style of a Xinhua story: the record's year is no base of the change.
        "Exports grew 12.1 percent in 2017 from a year earlier, the fastest pace since 2010.\n"
    )
    draft = draft_claims(text, pack)
    second, fs = _claim(draft, "increased 2.9 percent")
    assert fs["period"] == "2017Q2"
    first, ff = _claim(draft, "an increase of 2.7 percent")
    assert (first.kind, ff["period"]) == ("growth", "2017Q1")  # "in the first" (quarter)
    exports, fe = _claim(draft, "grew 12.1 percent")
    assert (fe["period"], fe["base"]) == ("2017", "2016")  # a year earlier, not 2010


def test_periods_of_comparisons_in_a_quarterly_release() -> None:
    # Written for this test in the way of a quarterly national-accounts release. "(revised) in
    # the second" is the second quarter; a sentence without a time word after "compared with
    # … in the second quarter" is read in the release's quarter for its own figure and in the
    # compared quarter for the one it is compared with; "in the previous quarter" is the one
    # before the paragraph's quarter (2017Q3 → 2017Q2).
    text = (
        "Real income increased 2.5 percent in the third quarter of 2017, compared with an "
        "increase of 2.3 percent (revised) in the second. Prices increased 1.8 percent in the "
        "third quarter, compared with an increase of 0.9 percent in the second quarter. Rents "
        "increased 1.5 percent, compared with an increase of 0.3 percent. Output fell 0.2% in "
        "the third quarter. This follows a rise of 0.4% in the previous quarter.\n"
    )
    got = {}
    for c in draft_claims(text, load_pack(), "United States", 2017).claims:
        fields = dict(c.fields)
        for start, end in c.spans:
            got[text[start:end]] = fields.get("period")
    assert got["2.3 percent"] == "2017Q2"
    assert got["1.5 percent"] == "2017Q3"
    assert got["0.3 percent"] == "2017Q2"
    assert got["0.4%"] == "2017Q2"


def test_what_a_sentence_leaves_out_of_its_metrics(pack: RulePack) -> None:
    # 'Excluding fuel,' qualifies each metric of the sentence; 'This follows' names nothing,
    # so the fall is of the metric before (borrowed: in doubt)
    text = (
        "Excluding fuel, the consumer price index rose 2.1 percent in June 2024, compared with "
        "an increase of 1.9 percent in May.\n\n"
        "Retail sales volumes rose by 0.8% in Quarter 3 2024. This follows a fall of 0.3% in "
        "the previous quarter.\n"
    )
    draft = draft_claims(text, pack)
    metrics = _metrics_by_value(draft)
    assert metrics["rose 2.1 percent"] == metrics["an increase of 1.9 percent"]
    assert metrics["rose 2.1 percent"] == "consumer price index excluding fuel"
    fall, ff = _claim(draft, "a fall of 0.3%")
    assert (ff["metric"], fall.confident) == ("retail sales volumes", False)


def test_months_without_a_year_are_dated_by_the_publication() -> None:
    # Written for this test: a monthly trade release that names no year, published 2 August
    # 2019. June is the June just ended (2019), May the month before it.
    text = (
        "The goods and services deficit was $55.5 billion in June, down $0.3 billion from "
        "$55.3 billion in May, revised.\n"
    )
    draft = draft_claims(text, load_pack(), published=datetime.date(2019, 8, 2))
    got = {text[a:b]: dict(c.fields).get("period") for c in draft.claims for a, b in c.spans}
    assert draft.year == 2019
    assert got["$55.5 billion"] == "2019-06"
    assert got["$55.3 billion"] == "2019-05"
    # published 10 February 2020, a release on December names the December of 2019
    text = "The deficit was $48.9 billion in December.\n"
    draft = draft_claims(text, load_pack(), published=datetime.date(2020, 2, 10))
    assert draft.year == 2019


def test_years_written_only_as_bases_leave_the_year_to_the_publication() -> None:
    # "from June 2018" and "since 2008" are a base and a record's start: in a release published
    # 2 August 2019 the June of the figure is June 2019, compared with June 2018 (before, the
    # base's year was taken for the figure too: 2018-06 against 2018-06)
    text = "Exports rose 3.4 percent in June from June 2018, the highest since 2008.\n"
    draft = draft_claims(text, load_pack(), published=datetime.date(2019, 8, 2))
    (claim,) = draft.claims
    assert (dict(claim.fields)["period"], dict(claim.fields)["base"]) == ("2019-06", "2018-06")


def test_the_country_and_added_value_in_metrics(pack: RulePack) -> None:
    # 'the country's' is the entity the article is about, as "China's"; 'added value of X' is
    # a quantity of its own (value added), not a generic 'value of'
    text = (
        "China's industrial output grew 5.7 percent in 2019. The country's industrial output "
        "totaled 31.7 trillion yuan in 2019.\n\n"
        "The added value of the primary industry rose 3.1 percent in 2019.\n"
    )
    draft = draft_claims(text, pack)
    metrics = _metrics_by_value(draft)
    assert metrics["grew 5.7 percent"] == metrics["31.7 trillion yuan"] == "industrial output"
    assert metrics["rose 3.1 percent"] == "added value of the primary industry"


def test_a_year_closing_a_base_phrase_is_a_base(pack: RulePack) -> None:
    # written for the test: the only years written close phrases naming a base ("from the three
    # months ending in June 2018", "from the same period in 2018"), so the article's year is the
    # one its publication date gives to "June": 2019 for a release of 2 August 2019
    text = (
        "The deficit was $55.2 billion in June, down $0.2 billion from $55.4 billion in May.\n"
        "The average deficit increased $7.2 billion from the three months ending in June 2018.\n"
        "Year-to-date, the deficit increased $23.2 billion from the same period in 2018.\n"
    )
    draft = draft_claims(text, pack, published=datetime.date(2019, 8, 2))
    (level,) = [c for c in draft.claims if c.values[0] == "$55.2 billion"]
    assert dict(level.fields)["period"] == "2019-06"


# ---- the balance of trade (Census and BEA monthly release, written for the test in its form)


def test_a_change_in_a_metric_of_an_amount_to_a_level(pack: RulePack) -> None:
    text = (
        "The June increase in the goods and services deficit reflected an increase in the goods "
        "deficit of $1.2 billion to $70.4 billion and a decrease in the services surplus of "
        "$0.3 billion to $21.1 billion.\n"
    )
    draft = draft_claims(text, pack, year=2018)
    rise, fields = _claim(draft, "up $1.2 billion")
    assert (rise.kind, fields["metric"]) == ("growth", "goods deficit")
    assert _metrics_by_value(draft)["down $0.3 billion"] == "services surplus"
    level, fields = _claim(draft, "$70.4 billion")
    assert (level.kind, fields["metric"], fields["period"]) == ("level", "goods deficit", "2018-06")
    assert _metrics_by_value(draft)["$21.1 billion"] == "services surplus"


def test_a_metric_opening_its_sentence_is_in_lower_case(pack: RulePack) -> None:
    text = (
        "June exports were $211.2 billion. Exports increased $0.5 billion from May. "
        "Beijing's imports were $3.1 billion.\n"
    )
    metrics = _metrics_by_value(draft_claims(text, pack, year=2018))
    assert metrics["$211.2 billion"] == metrics["increased $0.5 billion"] == "exports"
    assert metrics["$3.1 billion"] == "Beijing's imports"  # a possessive keeps its capital


@pytest.mark.parametrize(
    ("surplus", "imports", "inconsistent"),
    # goods deficit − services surplus: 70.4 − 21.1 = 49.3, within [70.35 − 21.15, 70.45 −
    # 21.05] = [49.2, 49.4], which meets the stated [49.25, 49.35]; with 23.1 the difference is
    # [47.2, 47.4], short of 49.25. Imports − exports: 254.6 − 205.3 = 49.3 holds; 256.6 −
    # 205.3 = 51.3, in [51.2, 51.4], does not.
    [("21.1", "254.6", False), ("23.1", "254.6", True), ("21.1", "256.6", True)],
)
def test_the_deficit_is_imports_less_exports_and_goods_less_services(
    surplus: str, imports: str, inconsistent: bool, tmp_path: Path, pack: RulePack
) -> None:
    article = tmp_path / "trade.txt"
    article.write_text(
        "The goods and services deficit was $49.3 billion in June. June exports were $205.3 "
        f"billion. June imports were ${imports} billion. The June decrease in the goods and "
        "services deficit reflected an increase in the goods deficit of $1.2 billion to $70.4 "
        f"billion and an increase in the services surplus of $0.3 billion to ${surplus} billion.\n",
        encoding="utf-8",
    )
    result = check_article(article, str(article), pack, tmp_path, datetime.date(2018, 8, 3))
    found = {f.code for f in result.findings if f.verdict == "inconsistent"}
    assert found == ({"FC118", "FC119"} if inconsistent else set())


def test_less_than_a_month_and_from_a_level_are_changes_from_that_month(pack: RulePack) -> None:
    text = (
        "The goods and services deficit was $50.0 billion in June, up $1.0 billion from $49.0 "
        "billion in May, revised. June exports were $200.0 billion, $3.0 billion less than May "
        "exports.\n"
    )
    draft = draft_claims(text, pack, year=2018)
    change, fc = _claim(draft, "up $1.0 billion")
    assert (change.kind, fc["period"], fc["base"], change.confident) == (
        "growth",
        "2018-06",
        "2018-05",
        True,
    )
    start, fs = _claim(draft, "$49.0 billion")  # the level it changed from, not a change
    assert (start.kind, fs["metric"], fs["period"]) == (
        "level",
        "goods and services deficit",
        "2018-05",
    )
    less, fl = _claim(draft, "down $3.0 billion")
    assert (less.kind, fl["metric"], fl["period"], fl["base"]) == (
        "growth",
        "exports",
        "2018-06",
        "2018-05",
    )


@pytest.mark.parametrize(
    ("less", "inconsistent"),
    # May exports 200.0 + 3.0 = 203.0, May imports 250.0 + 2.0 = 252.0: the May deficit
    # 252.0 - 203.0 = 49.0 as stated. With 5.0 less, May exports are [199.95 + 4.95, 200.05 +
    # 5.05] = [204.9, 205.1], imports [251.9, 252.1], so the May deficit is [46.8, 47.2],
    # never the stated [48.95, 49.05].
    [("3.0", False), ("5.0", True)],
)
def test_the_balance_holds_in_the_month_before_through_the_changes(
    less: str, inconsistent: bool, tmp_path: Path, pack: RulePack
) -> None:
    article = tmp_path / "trade.txt"
    article.write_text(
        "The goods and services deficit was $50.0 billion in June, up $1.0 billion from $49.0 "
        f"billion in May, revised. June exports were $200.0 billion, ${less} billion less than "
        "May exports. June imports were $250.0 billion, $2.0 billion less than May imports.\n",
        encoding="utf-8",
    )
    result = check_article(article, str(article), pack, tmp_path, datetime.date(2018, 8, 3))
    found = {f.code for f in result.findings if f.verdict == "inconsistent"}
    assert found == ({"FC119"} if inconsistent else set())
