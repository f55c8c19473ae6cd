"""Periods from context (issue 16, point 5): the reference year of an article that writes only
bases, comparisons named in a clause of their own, the article's lead below a byline, spans
since a year (``2016年以来``, ``十年来``), start values (``从2013年的``), two-year averages of a
run of months, 分别 lists over months, quarters and years, and the month words of the Hong
Kong, Macao and Taiwan press.

The sentences are written for these tests in the way statistical releases and ten-year reviews
write them; each expected period is worked out by hand in a comment, by the conventions of
docs/conventions.md §4 and docs/claims-format.md ("Periods")."""

from __future__ import annotations

import datetime

from factcheck.extract import draft_claims
from factcheck.extract.text import ArticleContext, time_pattern
from factcheck.periods import parse_period
from factcheck.rulepack import load_pack

PACK = load_pack()


def _readings(
    text: str, published: datetime.date | None = None, entity: str = "某市"
) -> dict[str, tuple[str | None, str | None]]:
    """Each drafted figure, as printed → (period, base); a list field gives each value its
    own item."""
    out = {}
    for c in draft_claims(text, PACK, entity, None, published).claims:
        fields = dict(c.fields)
        for i, (start, end) in enumerate(c.spans):
            v = text[start:end]
            period, base = fields.get("period"), fields.get("base")
            if isinstance(period, tuple):
                period = period[i]
            out[v] = (
                period if isinstance(period, str) else None,
                base if isinstance(base, str) else None,
            )
    return out


def _ends(period: str | None, year: int = 2021) -> tuple[str | None, str]:
    """A period's start and end keys (start None for a point)."""
    p = parse_period(period or "", PACK.plans, year)
    return (p.start.key if p.start else None, p.end.key)


def test_an_article_that_writes_only_bases_is_of_its_publication_year() -> None:
    # Published 20 April 2021; 2019 is written only as a base (比2019年一季度). 一季度 is the
    # quarter just ended: 2021Q1, and the two-year average runs from 2019Q1 to 2021Q1.
    text = (
        "一季度，全市地区生产总值520亿元，同比增长6.1%，"
        "比2019年一季度增长9.8%，两年平均增长4.8%。\n"
    )
    got = _readings(text, datetime.date(2021, 4, 20))
    assert got["520亿元"][0] == "2021Q1"
    assert got["6.1%"][0] == "2021Q1"
    assert _ends(got["4.8%"][0]) == ("2019Q1", "2021Q1")


def test_a_comparison_in_a_clause_of_its_own_names_the_base() -> None:
    # 对比…的2019年 is the base of the figure after it, not its period: the figure is of the
    # first quarter the release reports (published April 2021), compared with that of 2019
    text = (
        "今年1-3月，全市实际利用外资12.5亿元。对比疫情之前的2019年，一季度实际利用外资增长15.2%。\n"
    )
    got = _readings(text, datetime.date(2021, 4, 20))
    assert got["15.2%"] == ("2021Q1", "2019Q1")
    assert _ends(got["12.5亿元"][0]) == (None, "2021Q1")  # 1-3月 is the first quarter


def test_the_lead_is_read_below_a_byline() -> None:
    # a byline line (no sentence) and then the dateline naming the quarter: a figure with no
    # time word in its own paragraph is of that quarter, 2021Q1 (published April 2021)
    text = (
        "本报记者 张三\n"
        "4月18日，省统计局发布一季度经济运行情况。\n"
        "分产业看，第一产业增加值120亿元，同比增长5.5%。\n"
    )
    got = _readings(text, datetime.date(2021, 4, 18))
    assert got["120亿元"][0] == "2021Q1"
    assert got["5.5%"][0] == "2021Q1"


def test_ten_years_to_the_reference_year() -> None:
    # 十年来 in an article published in 2022 that writes no year: from 2012 (10年前) to 2022.
    # A start value after 从 is of 2012, the value it rose to of 2022; a doubling over the ten
    # years is of 2022 against 2012.
    text = (
        "这十年来，全市城镇化率从60.1%提高到70.3%，城乡居民收入翻了一番。"
        "研发投入强度从1.9%提高到2.8%。\n"
    )
    got = _readings(text, datetime.date(2022, 9, 1))
    assert got["60.1%"][0] == "2012"
    assert got["70.3%"][0] == "2022"
    assert got["翻了一番"] == ("2022", "2012")
    # the next sentence of the paragraph is read in its 十年来
    assert got["1.9%"][0] == "2012"
    assert got["2.8%"][0] == "2022"


def test_since_a_year() -> None:
    # 2016年以来 is a span from 2016 to the reference year, here the publication's, 2022 (the
    # only year written starts a span); an average annual rate over it is 2016-2022
    text = "2016年以来，全市数字经济增加值年均增长12.5%。\n"
    got = _readings(text, datetime.date(2022, 9, 1))
    assert _ends(got["12.5%"][0], 2022) == ("2016", "2022")


def test_counts_of_years_that_are_no_span() -> None:
    # 几十年来 and 40多年来 give no count of years; 十年来 does
    ctx = ArticleContext("几十年来，改革开放40多年来，近十年来，", [], PACK.plans)
    assert [(t.kind, t.period) for t in ctx.times] == [("years_since", "10")]


def test_a_start_value_of_a_year_times_that_value_only() -> None:
    # 从2013年的2.12 is of 2013; the value it narrowed to is of the article's year (published
    # 2022, no other year written)
    text = "全市城乡居民收入倍差从2013年的2.12缩小到1.95。\n"
    got = _readings(text, datetime.date(2022, 9, 1))
    assert got["2.12"][0] == "2013"
    assert got["1.95"][0] == "2022"


def test_a_from_value_of_a_month() -> None:
    # 自8月的10.0% is of August, 至9月的4.7% of September (published November 2021: the
    # months of 2021)
    text = "全市零售业销售额按年增长率自8月的10.0%回落至9月的4.7%。\n"
    got = _readings(text, datetime.date(2021, 11, 8))
    assert got["10.0%"][0] == "2021-08"
    assert got["4.7%"][0] == "2021-09"


def test_a_two_year_average_of_a_run_of_months_without_its_year() -> None:
    # 1-2月份 in a release published March 2021: 2021年1-2月; 两年平均 from the same months of
    # 2019 (n = 2)
    text = "1-2月份，全市规模以上工业企业利润总额同比增长40.5%，两年平均增长12.2%。\n"
    got = _readings(text, datetime.date(2021, 3, 27))
    assert _ends(got["12.2%"][0]) == ("2019M01-02", "2021M01-02")


def test_a_list_of_months_gives_each_value_its_month() -> None:
    # 7、8、9三个月 … 分别为: July, August, September of 2021 (the year written before)
    text = (
        "2021年三季度经济运行总体平稳。7、8、9三个月，全市城镇调查失业率分别为5.1%、5.0%和4.8%。\n"
    )
    got = _readings(text)
    assert [got[v][0] for v in ("5.1%", "5.0%", "4.8%")] == ["2021-07", "2021-08", "2021-09"]


def test_a_list_of_quarters_and_a_span_of_years() -> None:
    # 第一、二季度 of 2024: 2024Q1 and 2024Q2; 2016~2019年 … 分别为 four values: one a year
    text = (
        "2024年第一、二季度，全市地区生产总值分别增长5.2%和4.9%。\n\n"
        "2016~2019年，全市研发投入强度分别为2.1%、2.2%、2.4%和2.5%。\n"
    )
    got = _readings(text)
    assert [got[v][0] for v in ("5.2%", "4.9%")] == ["2024Q1", "2024Q2"]
    assert [got[v][0] for v in ("2.1%", "2.2%", "2.4%", "2.5%")] == [
        "2016",
        "2017",
        "2018",
        "2019",
    ]


def test_a_list_over_subjects_keeps_one_period() -> None:
    # 2019-2021年 has three years and the list three values, but they are three industries'
    # average rates over the span, not one a year
    text = "2019-2021年，全市第一产业、第二产业、第三产业增加值分别年均增长2.1%、5.6%和6.3%。\n"
    got = _readings(text)
    assert {got[v][0] for v in ("2.1%", "5.6%", "6.3%")} == {"2019-2021"}


def test_from_and_to_values_inside_a_run_of_months() -> None:
    # 去年2至11月 in an article published June 2021: February to November 2020; the value after
    # 由 is February's, the one it rose to November's
    text = "去年2至11月，全市零售业销售额的按年增长率一路向上，由-46.7%升至-4.7%。\n"
    got = _readings(text, datetime.date(2021, 6, 1))
    assert got["-46.7%"][0] == "2020-02"
    assert got["-4.7%"][0] == "2020-11"


def test_a_share_of_the_whole_year_target_is_of_its_period() -> None:
    # 全年目标 names the target, not the figure's period: the share is of 前三季度 2021
    text = "2021年前三季度，全市城镇新增就业12.5万人，完成全年目标的95.0%。\n"
    got = _readings(text)
    assert _ends(got["95.0%"][0]) == (None, "2021M01-09")


def test_the_last_quarter_and_the_first_two_by_name() -> None:
    # 上季 in a column published 8 November 2021: the quarter before the publication's, 2021Q3;
    # 次季 is the second quarter (of the year the publication dates it in: 2021Q2)
    text = "本港出口次季按年升21%，上季按年升14%。\n"
    got = _readings(text, datetime.date(2021, 11, 8), entity="本港")
    assert got["21%"][0] == "2021Q2"
    assert got["14%"][0] == "2021Q3"


def test_year_end_stocks_are_dated_the_last_day_of_the_year() -> None:
    # 年末 (and 2023年末) stocks stand at 31 December (docs/claims-format.md: a date)
    text = (
        "2023年，全市粮食总产量120万吨。年末生猪存栏43.2万头，比上年末下降4.1%。\n\n"
        "2022年末，全市常住人口520万人。\n"
    )
    got = _readings(text)
    assert got["120万吨"][0] == "2023"
    assert got["43.2万"][0] == "2023-12-31"  # 头 is no unit of the mention finder
    assert got["4.1%"][0] == "2023-12-31"
    assert got["520万人"][0] == "2022-12-31"


def test_a_run_of_months_read_in_order() -> None:
    # 2021年2至5月…順序為 four values: February to May 2021, one each; the same run without a
    # word of order is one period, and a list of two months before a level and its growth
    # (not a bare list of values) gives both the run of the two months
    text = (
        "2021年2至5月，本港零售業銷貨數量的按年增幅數字順序為31.6%、19.9%、11.0%和7.8%。\n\n"
        "2021年7、8月，全市进出口总额120亿元、同比增长5.1%。\n"
    )
    got = _readings(text, entity="本港")
    assert [got[v][0] for v in ("31.6%", "19.9%", "11.0%", "7.8%")] == [
        "2021-02",
        "2021-03",
        "2021-04",
        "2021-05",
    ]
    assert _ends(got["120亿元"][0]) == (None, "2021M07-08")
    assert _ends(got["5.1%"][0]) == (None, "2021M07-08")


def test_a_census_is_dated_at_its_standard_time() -> None:
    # 第七次全国人口普查 stands at 2020-11-01, the sixth at 2010-11-01 (docs/conventions.md §4);
    # the comparing clause 与…相比 is the base of each change after it in its sentence, so the
    # average annual rate runs over those 10 years: 1.0951 ** (1 / 10) - 1 = 0.912% by hand,
    # as printed (0.91%)
    text = (
        "第七次全国人口普查结果显示，全市常住人口为520.3万人，与2010年第六次全国人口普查相比，"
        "增加45.2万人，增长9.51%，年平均增长率为0.91%。\n"
    )
    got = _readings(text)
    assert got["520.3万人"] == ("2020-11-01", None)
    assert got["9.51%"] == ("2020-11-01", "2010-11-01")
    assert got["0.91%"] == ("2020-11-01", "2010-11-01")
    # 六人普 and “七普”, written short
    got = _readings("城镇化率从2010年“六人普”的49.7%提高到2020年“七普”的63.9%。\n")
    assert got["49.7%"][0] == "2010-11-01"
    assert got["63.9%"][0] == "2020-11-01"


def test_since_a_party_congress() -> None:
    # 党的十八大以来: the 12th congress met in 1982 and one every five years since, so the 18th
    # in 2012; to the publication year 2022, and a start value after 从 is of 2012
    text = "党的十八大以来，全市地区生产总值年均增长6.8%，城镇化率从58.1%提高到67.2%。\n"
    got = _readings(text, datetime.date(2022, 10, 1))
    assert _ends(got["6.8%"][0], 2022) == ("2012", "2022")
    assert got["58.1%"][0] == "2012"
    assert got["67.2%"][0] == "2022"


def test_a_comparing_clause_leaves_a_figure_with_its_own_base() -> None:
    # 与2014年相比 is the base of the rise after it, not of a clause that says 同比 itself
    text = "2016年，与2014年相比，全市工业增加值上升2.4%，服务业增加值同比增长3.1%。\n"
    got = _readings(text)
    assert got["2.4%"] == ("2016", "2014")
    assert got["3.1%"] == ("2016", None)


def test_a_change_over_the_ten_years_to_the_reference_year() -> None:
    # 十年增加…、年均增长…: over the ten years to the report's year 2022 (2012 to 2022), as 十年来
    text = "2022年，全国国内生产总值达到121万亿元，十年增加近70万亿元、年均增长6.2%。\n"
    got = _readings(text, entity="全国")
    assert got["70万亿元"] == ("2022", "2012")
    assert _ends(got["6.2%"][0], 2022) == ("2012", "2022")


def test_lists_of_periods_start_where_their_run_starts() -> None:
    # 20,000 '1、' took 46 s: the list alternative was tried from every position of the run,
    # each try reading to its end. A list now starts only where its run of members starts and
    # has at most 12 months (4 quarters), so no try reads far.
    pattern = time_pattern(PACK.plans)
    for run, end in (("1、", "月"), ("三、", "季度"), ("第1、", "季")):
        text = run * 50 + end
        for i in range(1, len(text) - len(end)):
            m = pattern.match(text, i)
            assert m is None or not (m["mlist"] or m["qlist"]), (run, i)
        lists = [m.group() for m in pattern.finditer(text) if m["mlist"] or m["qlist"]]
        assert all(len(w) <= 12 * len(run) + len(end) for w in lists), lists


def test_what_a_comparative_verb_is_set_against_is_a_base() -> None:
    # 远胜2020年上半年 names what the quarter is compared with, so the rate after it stays of
    # 2021Q3 (before, the first half of 2020 timed it)
    text = "2021年第三季，本港本地生产总值按年升5.4%，虽已远胜2020年上半年，按季仅升0.1%。\n"
    got = _readings(text, entity="本港")
    assert got["5.4%"][0] == "2021Q3"
    assert got["0.1%"][0] == "2021Q3"
    # 高于, a bound word of the lexicon (高于5%), before a time word compares with it
    text = "2021年第三季，全市出口按年升8.2%，增速高于2020年上半年，按季升1.1%。\n"
    assert _readings(text)["1.1%"][0] == "2021Q3"


# Month words of the Hong Kong, Macao and Taiwan press: months in Chinese numerals (十月, 十二月,
# 元月), a month of 今年/去年, the three months that end with a month (截至10月止的三個月), the
# first N months (首10個月), the same month a year before (與一年前同月比較), and a month without
# its year in a paragraph that says 今年.


def _end(period: str | None) -> str:
    """The end key of a period (2025M01-10 for 2025年首10个月)."""
    return parse_period(period or "", PACK.plans, 2025).end.key


def test_months_in_chinese_numerals() -> None:
    # Published 20 November 2025: 十月 is October 2025 (ended by then), 十一月 is November, not
    # 一月 (January) read inside it; before, both figures took the year 2025.
    text = (
        "經濟部發布十月零售業營業額為三千九百億元，年增百分之二點一。十一月營業額預估再增百分之一。"
    )
    got = _readings(text, datetime.date(2025, 11, 20))
    assert got["三千九百億元"][0] == "2025-10"
    assert got["百分之二點一"][0] == "2025-10"
    # 十一月 is November (which year a month not yet ended is of is dating's rule), not 一月
    assert _end(got["百分之一"][0])[4:] == "M11"


def test_a_month_of_last_year_in_chinese_numerals() -> None:
    # Published 8 January 2013: 去年十二月 is December 2012 (before: the year 2012), 全年 2012.
    text = "財政部統計，去年十二月出口總額二百六十一億美元，比上年同月增加百分之九。"
    got = _readings(text, datetime.date(2013, 1, 8))
    assert got["二百六十一億美元"][0] == "2012-12"
    assert got["百分之九"][0] == "2012-12"


def test_a_month_of_this_year_and_the_same_month_a_year_before() -> None:
    # Published 20 November 2025: 今年10月份 is 2025-10; 與一年前同月比較 names the default base
    # (the same month a year before), so no base is written. Before, 今年10月份 was no time word
    # and 一年前 was taken for the period.
    text = "今年10月份整體消費物價與一年前同月比較，上升1.5%，較9月份的升幅略高。"
    got = _readings(text, datetime.date(2025, 11, 20))
    assert got["1.5%"] == ("2025-10", None)


def test_the_three_months_that_end_with_a_month() -> None:
    # 截至今年10月止的三個月 (published 20 November 2025): August to October 2025, 2025年8-10月;
    # the 三個月 of the time word is no figure.
    text = "經季節性調整的消費物價指數，截至今年10月止的三個月的平均每月升幅為0.2%。"
    got = _readings(text, datetime.date(2025, 11, 20))
    assert _end(got["0.2%"][0]) == "2025M08-10"
    assert "三個月" not in got
    # with its year written, and from a month after March only (截至2月止: December to February
    # crosses a year, and is no run of months of one year)
    text = "截至2025年6月止的三個月，失業率為3.5%。"
    assert _end(_readings(text, datetime.date(2025, 7, 20))["3.5%"][0]) == "2025Q2"


def test_the_first_months_of_a_year() -> None:
    # 首10個月 (Hong Kong): January to October, 2025M01-10 (before: the year 2025)
    text = "以2025年首10個月合併計算，綜合消費物價指數較一年前同期上升1.4%。"
    got = _readings(text, datetime.date(2025, 11, 20))
    assert _end(got["1.4%"][0]) == "2025M01-10"


def test_a_month_without_its_year_after_this_year_in_the_paragraph() -> None:
    # Published 25 September 2025. The paragraph says 今年, so 九月 is September 2025 and 第三季
    # the third quarter of 2025, though neither had ended (before: 2024-09 and 2024Q3, the
    # latest ones that had ended).
    text = (
        "今年受到關稅影響，內需轉弱。經濟部預測，九月零售業營業額負成長百分之三點一，"
        "第三季則負成長百分之一點八。"
    )
    got = _readings(text, datetime.date(2025, 9, 25))
    assert got["百分之三點一"][0] == "2025-09"
    assert got["百分之一點八"][0] == "2025Q3"


def test_the_month_of_a_forecast_or_a_date_is_no_period() -> None:
    # 去年11月預測: when the forecast was made, not what it is of (this year's growth, 2026);
    # 十月一日 is a date. Guards: the old code read neither as a period either.
    text = "主計總處預測，今年經濟成長率為4.1%，去年11月預測為3.2%。"
    got = _readings(text, datetime.date(2026, 2, 13))
    assert got["3.2%"][0] == "2026"
    text = "2025年，全市生產總值達到1200億元，十月一日起施行新規。"
    assert _readings(text, datetime.date(2026, 2, 13))["1200億元"][0] == "2025"
