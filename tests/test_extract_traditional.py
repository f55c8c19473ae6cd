"""Kinds and values of figures as Hong Kong, Macao and Taiwan releases and news write them, and
the kinds of simplified texts (issue 16). The traditional-character sentences are taken from
real public pages outside the development corpus (the address in the comment above each); the
simplified ones are sentences of the corpus's development articles (named) or written for the
test (said so). The expected readings are worked out by hand from the sentence and the
conventions of docs/conventions.md."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.extract import draft_claims
from factcheck.mentions import find_mentions
from factcheck.numbers import parse_value
from factcheck.rulepack import load_pack
from factcheck.units import unit_info
from factcheck.zh import simplified

PACK = load_pack()

# https://ec.ltn.com.tw/article/breakingnews/5261348 (主計總處, 2025-11-28)
LTN = (
    "今年經濟成長率由4.45%上修至7.37%、創下15年新高，較8月中預測數大幅上修2.92個百分點，"
    "明年經濟成長率則由2.81%上修至3.54%、上修0.73個百分點。"
)
# https://www.merit-times.com.tw/NewsPage.aspx?unid=328602 (主計總處 forecast)
MERIT = (
    "今年第三季成長率初步統計為百分之一點六六,從十月底概估的百分之一點五八,略為上調。"
    "今年全年部分,從八月預測的百分之二點三一,大幅下修零點五七個百分點,到百分之一點七四,不保百分之二。"
)
# https://ec.ltn.com.tw/article/paper/1735299 (財政部 exports)
LTN_EXPORTS = (
    "財政部昨公布十一月出口六四〇．五億美元、改寫史上新高，年增五十六％；"
    "累計前十一月出口五七八四．九億美元、年增三十四．一％。"
)
# https://news.cnyes.com/news/id/6356562
CNYES = (
    "從需求結構分析，最終消費支出拉動 GDP 成長 2.6 個百分點，為經濟成長的最大動力來源；"
    "分季度觀察，第一季 GDP 年增 5.4%，第二季成長 5.2%。"
)
# http://news.h1.hk/instantnews/news_content/200903/13/20090313a172533.html (政府統計處)
H1HK = (
    "2008年全年,以當時市價計算的香港本地居民生產總值較去年上升6.1%至1.76萬億元。"
    "去年全年的要素收益總流入為9409億元,相等於同期本地生產總值的56.1%。"
    "扣除物價變動的影響,第四季的香港本地居民生產總值較去年同期實質增長0.7%,"
    "比對同期本地生產總值有2.5%的實質下跌。"
)
ANHUI = "全省固定资产投资增长8.1%,增速比1月至2月加快0.2个百分点,比全国高1.8个百分点。"
# http://m.xfyyw.2g.cn/fangchan/2023/0825/275319.html (澳门统计暨普查局, simplified)
MACAO = (
    "2023年第二季度澳门本地生产总值按年实质增长117.5%。"
    "主要由固定资本形成总额增加所带动,其按年录得47.8%的增幅。货物出口则按年下跌32.8%。"
)
# https://www.gcs.gov.mo/news/detail/zh-hans/N23KQGhG7h (澳门统计暨普查局, simplified)
GCS = "整体私人消费支出按年增长29.6%。政府最终消费支出有所回落,按年录得23.6%的跌幅。"


def _items(text: str) -> dict[str, tuple[str, str]]:
    """Each drafted value, read in simplified characters (a draft writes it in the article's
    script), -> (kind, metric)."""
    out = {}
    for c in draft_claims(text, PACK, "全省", 2025).claims:
        fields = dict(c.fields)
        for i, v in enumerate(c.values):
            metric = fields.get("metric", "")
            out[simplified(v)] = (c.kind, metric if isinstance(metric, str) else metric[i])
    return out


def _kind(text: str, value: str) -> str:
    """The kind of the drafted value ending with ``value`` (为百分之一点六六: 百分之一点六六)."""
    items = _items(text)
    found = [v for v in items if v.endswith(value)]
    assert found, f"{value} not drafted: {sorted(items)}"
    return items[found[0]][0]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # a figure the text names a growth rate (經濟成長率…上修至, 成長率…為) is a change
        (LTN, "4.45%", "growth"),
        (LTN, "7.37%", "growth"),
        (LTN, "3.54%", "growth"),
        # 上修 is a rise, 下修 a fall; a revision in points is a change of a rate
        (LTN, "2.92个百分点", "growth"),
        (MERIT, "百分之一点六六", "growth"),
        (MERIT, "下修零点五七个百分点", "growth"),
        # 年增 before a rate in Chinese numerals with a percent sign
        (LTN_EXPORTS, "五十六％", "growth"),
        (LTN_EXPORTS, "三十四．一％", "growth"),
        (LTN_EXPORTS, "五七八四．九亿美元", "level"),
        # a contribution in points (拉動…成長 2.6 個百分點) is no change of its own; 年增 and
        # 成長 with a space before the figure
        (CNYES, "2.6个百分点", "level"),
        (CNYES, "5.4%", "growth"),
        (CNYES, "5.2%", "growth"),
        # Hong Kong: 上升…至 (a rise to a level), 相等於…的 (a part of GDP), 有…的實質下跌
        (H1HK, "6.1%", "growth"),
        (H1HK, "56.1%", "share"),
        (H1HK, "0.7%", "growth"),
        (H1HK, "-2.5%", "growth"),
        # Macao: 按年实质增长, 录得…的增幅, 按年下跌, 录得…的跌幅
        (MACAO, "117.5%", "growth"),
        (MACAO, "47.8%", "growth"),
        (MACAO, "下跌32.8%", "growth"),
        (GCS, "-23.6%", "growth"),
    ],
)
def test_kinds_of_hk_macao_taiwan_figures(text: str, value: str, kind: str) -> None:
    assert _kind(text, value) == kind


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # cn-anhui-2019q1: a change of a rate in points (加快), and a gap to another entity
        (ANHUI, "0.2个百分点", "growth"),
        (ANHUI, "1.8个百分点", "growth"),
        # cn-dezhou-2014q1, shortened: 拉动 in points is a contribution, drafted as a level
        ("第三产业增加值增长10.6%,拉动GDP增长3.4个百分点。", "3.4个百分点", "level"),
        # cn-nbd-century-economy-2021: rates that are shares by definition (城镇化率, 恩格尔系数)
        ("2019年,城乡居民恩格尔系数分别下降至27.6%和30.0%。", "27.6%", "share"),
        ("常住人口城镇化率到2019年首次突破60%关口。", "突破60%", "share"),
        # cn-nbd-century-economy-2021: an average of yearly rates without 年均
        ("1978~2020年中国人均GDP平均增速达到8.3%。", "8.3%", "cagr"),
        # cn-province-2022q1: N个…中，M个 is a count within a count
        ("19个重点监测的工业行业中,8个行业增长速度达到两位数。", "8个", "count"),
    ],
)
def test_kinds_in_simplified_texts(text: str, value: str, kind: str) -> None:
    assert _kind(text, value) == kind


def test_a_gap_in_points_is_not_checked_and_the_lower_side_is_negative() -> None:
    # written for the test. 低于全国0.5个百分点: -0.5 points against another entity, a
    # difference a draft cannot name
    # (no 'versus' in the claims format), so its confidence is lowered
    text = "全省规模以上工业增加值增长5.1%,低于全国0.5个百分点。"
    claims = draft_claims(text, PACK, "全省", 2025).claims
    gap = next(c for c in claims if "0.5个百分点" in c.values[0])
    assert gap.kind == "growth" and gap.values[0] == "-0.5个百分点"
    assert gap.doubts


@pytest.mark.parametrize(
    ("text", "number", "unit", "exponent"),
    [
        # hand-read: 四點七七 is 4.77 to the hundredth (tw-udn-gdp-2025q4); 零點五七 0.57 (the
        # merit-times page above); ○ for 〇 (tw-udn-gdp-2025q4)
        ("四點七七個百分點", "4.77", "个百分点", -2),
        ("下修零點五七個百分點", "-0.57", "个百分点", -2),
        ("增加○點二九個百分點", "0.29", "个百分点", -2),
        # 卅 is thirty: 36.84 (tw-udn-gdp-2025q4 of the corpus prints 年增率百分之卅六點八四)
        ("百分之卅六點八四", "36.84", "%", -2),
        ("百分之七點九零", "7.9", "%", -2),  # written for the test: to the hundredth
        # digits one by one before a scale: 1881亿 = 1.881e11, to the 亿 (tw-udn-gdp-2025q4);
        # 640.5亿 to 0.1亿 (the ltn exports page above)
        ("一八八一億美元", "188100000000", "美元", 8),
        ("六四〇．五億美元", "64050000000", "美元", 7),  # 640.5 × 1e8, last digit 0.1 × 1e8
    ],
)
def test_chinese_numerals_of_the_taiwan_press(
    text: str, number: str, unit: str, exponent: int
) -> None:
    s = parse_value(text, PACK.lexicon)
    assert s.number == Decimal(number)
    assert s.unit == unit
    assert s.exponent == exponent


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        # https://udn.com/news/story/7238/9061161: 連續廿三個月成長 (23 months)
        ("為連續廿三個月成長", "廿三個月", 23.0),
        # tw-udn-gdp-2025q4: 預測數 is "the forecast figure", not 数 "several"
        ("較預測數百分之三點一四增加", "百分之三點一四", 3.14),
        ("較預測數一七二三億美元多出", "一七二三億美元", 1723.0),
        # https://ec.ltn.com.tw/article/paper/1735299: 出超有機會破一五〇〇億美元
        ("出超有機會破一五〇〇億美元", "一五〇〇億美元", 1500.0),
        ("年增三十四．一％", "三十四．一％", 34.1),
        ("創卅八年以來單季最高", "卅八年", 38.0),
    ],
)
def test_mentions_in_chinese_numerals(text: str, mention: str, value: float) -> None:
    found = {m.text: m.value for m in find_mentions(text)}
    assert found.get(mention) == pytest.approx(value), found


def _skipped(text: str) -> dict[str, str]:
    """Each set-aside mention (as written) -> its ignore reason."""
    return {s.text: s.reason for s in draft_claims(text, PACK, "全省", 2025).skipped}


@pytest.mark.parametrize(
    ("text", "mention", "reason"),
    [
        # lengths of time are no figures: the span of a record or of an account
        # (https://ec.ltn.com.tw/article/breakingnews/5261348: 創下15年新高)
        ("今年經濟成長率由4.45%上修至7.37%、創下15年新高。", "15年", "other"),
        # http://newtalk.tw/news/view/2015-08-14/63486: a day of the month and a clock hour
        ("主計總處14日下午4時公布最新經濟預測,今年經濟成長率將下修至1.56%。", "14日", "date"),
        ("主計總處14日下午4時公布最新經濟預測,今年經濟成長率將下修至1.56%。", "4", "date"),
        ("主計總處14日下午4時公布最新經濟預測,創下6年來的新低紀錄。", "6年", "other"),
        # https://ec.ltn.com.tw/article/paper/1735299: 過去三十年, 逾三十六年新高
        ("這是過去三十年不曾見，且對美出口占比為逾三十六年新高。", "三十年", "other"),
        ("這是過去三十年不曾見，且對美出口占比為逾三十六年新高。", "三十六年", "other"),
        # the quarters of a list (the ltn page above): 第1、2季, 第3、4季
        ("2025年第1、2季經濟成長率修正為5.54％及7.71％；", "1", "date"),
        ("2025年第1、2季經濟成長率修正為5.54％及7.71％；", "2", "date"),
        # cn-anhui-2019q1: 一、二类苗 names grades of wheat
        ("目前小麦一、二类苗占86.7%。", "二类", "name"),
        # cn-nbs-2023-agriculture: a page code that is a date, sp20241118
        ("来源: sp20241118 中新网", "20241118", "date"),
    ],
)
def test_non_figures_are_set_aside(text: str, mention: str, reason: str) -> None:
    assert _skipped(text).get(mention) == reason


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # jinchang-2025 (claims/): counted years stay figures
        ("在全省链长制考核中连续三年获评优秀。", "三年"),
        ("提前三年完成2028年压减任务。", "三年"),
        # https://ec.ltn.com.tw/article/paper/1735299: 連續二十五個月成長
        ("十一月出口年增五十六％、連續二十五個月成長。", "二十五个月"),
        # cn-nbd-century-economy-2021: 7批 counts batches (第三批 is an ordinal, a name)
        ("2020年又出台7批28项税费优惠政策。", "7批"),
    ],
)
def test_counted_spans_stay_figures(text: str, value: str) -> None:
    assert value in _items(text)


def test_the_second_largest_is_a_rank() -> None:
    # https://udn.com/news/story/7238/9125560: 美國穩居我國第一大出口市場
    assert _kind("10月單月211.4億美元，美國穩居我國第一大出口市場。", "第一") == "rank"


def test_a_rate_compared_in_points_has_the_kind_of_the_rate() -> None:
    # tw-udn-forecast-2026: 8.63% is the first estimate of the same growth rate, revised up
    # by 0.05 points (8.68 - 8.63 = 0.05)
    text = "全年經濟成長率8.68％，較1月概估數8.63％上修0.05個百分點。"
    assert _kind(text, "8.63％") == "growth"
    assert _kind(text, "0.05个百分点") == "growth"


def test_a_change_in_points_links_the_rate_it_changes() -> None:
    # written for the test: 1.1 points is the change of the 52.7% share (its end), and 0.5
    # points that of the 8.68% growth rate; a rate of any kind is what a change in points ends at
    for text, rate, change in (
        ("全县城镇化率为52.7%，比上年提高1.1个百分点。", "为52.7%", "1.1个百分点"),
        ("全年经济增长率为8.68%，比上年提高0.5个百分点。", "为8.68%", "0.5个百分点"),
    ):
        claims = draft_claims(text, PACK, "全省", 2025).claims
        by_value = {simplified(c.values[0]): c for c in claims}
        assert dict(by_value[change].fields).get("end") == by_value[rate].ids[0]


def test_fold_reads_phrases_and_keeps_every_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import zh  # noqa: PLC0415

    # 計畫 is 计划 as a phrase (character by character it would be 计画); lengths are kept
    assert zh.fold("十五五計畫綱要\n增長") == "十五五计划纲要\n增长"
    every = "".join(sorted(zh.traditional_characters()))
    assert len(zh.fold(every)) == len(every)

    class Longer:  # a converter whose phrases change a line's length
        def convert(self, text: str) -> str:
            return text + "！"

    monkeypatch.setattr(zh, "_t2s", lambda: Longer())
    monkeypatch.setattr(zh, "_FOLDED", {})  # restored after the test, with the real cache
    # that line is folded character by character instead (each character's conversion is
    # not one character either, so each stays): the length holds
    assert zh.fold("萬噸\nabc") == "萬噸\nabc"


# https://www.info.gov.hk/gia/general/201401/02/P201401020415_print.htm (政府統計處)
HK_RETAIL = (
    "與二零一二年同期比較,二零一三年首十一個月的零售業總銷貨價值上升11.6%,而總銷貨數量則上升"
    "11.1%。截至二零一三年十一月底的三個月,與先前三個月比較,經季節性調整的零售業總銷貨數量輕微"
    "上升0.2%。"
)
# https://orientaldaily.on.cc/content/要聞港聞/odn-20230930-0930_00176_222/ (東方日報)
ON_CC = "8月零售業銷貨總額按年升13.7%。不過,超級市場貨品的銷貨價值則跌3%。"
# http://m.6868980.com/news/Html/fangzhidongtai/2012-3-30/xianggang-2-yuelingshouesheng-157-fuzhuangleishangsheng-109
HK_2012 = (
    "期間雜項耐用消費品的銷貨量升幅最大,錄得84.4%的按年升幅;家具及固定裝置的銷貨數量則跌15.6%。"
)
# https://udn.com/news/story/7238/9256204 (財政部 exports)
UDN_TRADE = "去年12月出超194.43億美元，全年出超1,571.4億美元，較上年大增765.61億美元。"
# https://ec.ltn.com.tw/article/breakingnews/5261348
LTN_GDP_PC = "主計總處預測今年每人GDP為3萬8748美元，預測明年每人GDP為4萬951美元。"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # 升 and 跌 alone are Hong Kong's verbs of a change (跌3% is -3%)
        (ON_CC, "13.7%", "growth"),
        (ON_CC, "跌3%", "growth"),
        (HK_2012, "84.4%", "growth"),
        (HK_2012, "跌15.6%", "growth"),
        (HK_RETAIL, "0.2%", "growth"),
    ],
)
def test_hong_kong_single_verbs(text: str, value: str, kind: str) -> None:
    assert _kind(text, value) == kind
    sign = -1 if value.startswith("跌") else 1
    assert parse_value(value, PACK.lexicon).number * sign > 0


def test_runs_of_months_named_by_their_length_are_dates() -> None:
    skipped = _skipped(HK_RETAIL)
    # (set-aside mentions are named in simplified characters, as the drafts read them)
    assert skipped.get("十一个月") == "date"  # 首十一個月: January to November
    assert skipped.get("三个月") == "date"  # the three months to November, and the three before


def test_a_trade_surplus_is_no_bound() -> None:
    # 出超 is a trade surplus: 194.43亿美元 is stated, not "above 194.43亿美元"
    items = _items(UDN_TRADE)
    assert "194.43亿美元" in items and "1,571.4亿美元" in items
    assert parse_value("194.43亿美元", PACK.lexicon).bound == "equal"


def test_ten_thousands_then_the_rest() -> None:
    # 3萬8748美元 = 3 × 10,000 + 8,748 = 38,748 dollars; 4萬951 = 40,951
    found = {m.text: m.value for m in find_mentions(LTN_GDP_PC)}
    assert found == {"3萬8748美元": 38748, "4萬951美元": 40951}
    s = parse_value("3萬8748美元", PACK.lexicon)
    assert (s.number, s.exponent, s.unit) == (Decimal(38748), 0, "美元")


def test_counts_of_the_aspects_of_a_total_are_within_it() -> None:
    # hk-am730-work-report-2026, shortened: 3 + 7 = 10 of the 20 indicators, each within 20
    text = (
        "綱要草案細化提出20項主要指標，經濟發展方面，圍繞增長、結構、效率提出3項指標。"
        "福祉方面，針對性提出就業、收入、教育等7項指標。"
    )
    claims = draft_claims(text, PACK, "全省", 2025).claims
    by_value = {simplified(c.values[0]): c for c in claims}
    for part in ("3项", "7项"):
        assert by_value[part].kind == "count"
        assert dict(by_value[part].fields)["within"] == "20項"
    assert by_value["20项"].kind == "level"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # http://m.cdboyue.com/finance/20221219/122022_473098.html (政府統計處 trade volumes)
        ("輸往所有主要目的地的整體出口貨量均錄得跌幅:美國(-25.3%)、越南(-10.3%)。", "-25.3%"),
        # https://exmoo.com/article/231160.html (統計暨普查局): a revised change, signed
        ("2022年全年本地生產總值實質變動修訂為 -21.4%。", "-21.4%"),
    ],
)
def test_a_signed_rate_is_a_change(text: str, value: str) -> None:
    assert _kind(text, value) == "growth"


# https://cn.chinadaily.com.cn/a/202209/28/WS633452e2a310817f312f0542.html (国家统计局 via 新华社)
CHINADAILY = "2013年至2021年,我国平均消费率为54.2%,比2012年提高3.1个百分点。"
# http://m.chszpnjl.com/listing/newsshow.php?id=17386 (新华社, 国家统计局's report)
XINHUA = "2012年至2019年,服务业对GDP的贡献率从45%增长到63.5%,提高18.5个百分点。"


def test_shares_in_a_communique() -> None:
    assert _kind(CHINADAILY, "54.2%") == "share"  # 消费率: consumption's share of GDP
    # 从45%增长到63.5%: 45% is where the change starts (a share), not a change of 45%
    assert _kind(XINHUA, "45%") == "share"
    assert _kind(XINHUA, "63.5%") == "share"
    assert _kind(XINHUA, "18.5个百分点") == "growth"  # 63.5 - 45 = 18.5


@pytest.mark.parametrize(
    ("text", "mention", "reason"),
    [
        # written for the test, in the forms issue 16 lists as non-figures drafted
        ("城镇化率达到65%[5]，人口增加。", "5", "other"),  # a citation marker
        ("0-14岁人口占17.95%。", "0", "age"),  # the first end of an age range
        ("大陆31个省（区、市）中，有25个省份人口增加。", "31个", "name"),  # the scope
        ("规模以上工业企业（年主营业务收入2000万元及以上）增加值增长5.1%。", "2000万元", "label"),
        ("年营业额5000万元以下的中小企业增加。", "5000万元", "label"),  # a size class
        ("（一）农业生产稳定。1.粮食生产稳定。", "1", "label"),  # a list number
        ("第一，稳定就业。", "第一", "label"),  # an enumeration, not a rank
        ("國泰航空CX880航班延誤。", "880", "name"),  # a flight code
        ("天文台發出3號風球。", "3", "name"),  # a signal's number
        # months listed by number, then counted or named: each is a month of the period
        ("一是。7、8、9三个月，调查失业率均值为5%。", "7", "date"),
        ("一是。7、8、9三个月，调查失业率均值为5%。", "8", "date"),
        ("7、8月份，出口增长5%。", "7", "date"),
        ("1、2、3、4、5、6、7、8、9、10、11、12月份，出口增长5%。", "1", "date"),  # twelve
        ("1、2、3、4、5、6、7、8、9、10、11、12月份，出口增长5%。", "10", "date"),
        # a span of years with its end written short (Hong Kong's press): both ends
        ("按2012至14年的常態，出口增長5%。", "2012", "date"),
        ("按2012至14年的常態，出口增長5%。", "14年", "date"),
        ("按2017-18的常態，出口增長5%。", "18", "date"),
        # the ends of a range naming a class of households
        ("家庭年可支配收入20-60万元群体的比例达到30.6%。", "20", "label"),
        ("家庭年可支配收入20-60万元群体的比例达到30.6%。", "60万元", "label"),
        ("年收入10万至50万元的家庭占比为30%。", "10万", "label"),
        # the National Bureau's survey of the largest cities, named by their number
        ("其中，31个大城市城镇调查失业率为5.3%。", "31个", "name"),
    ],
)
def test_non_figures_issue_16_lists(text: str, mention: str, reason: str) -> None:
    assert _skipped(text).get(mention) == reason


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("投资增长8%，其中3、5、7个项目完工。", "3"),  # counts of projects, not months
        ("2019至2021年平均增长5%，增长12%至15%。", "12%"),  # a range of rates is a figure
        ("全省31个大城市中有5个达标。", "5个"),
        ("20-60万元的贷款增长15%。", "15%"),
    ],
)
def test_near_misses_of_those_non_figures_stay_figures(text: str, mention: str) -> None:
    assert mention not in _skipped(text)


# https://moneydj.com/kmdj/news/newsviewer.aspx?a=39fde45a-32b8-4160-a14f-1f71bea9e30d
MONEYDJ = "另9月失業人數為49.1萬人,失業率由上月4.40%降為4.32%,較上年同月則增0.04個百分點。"
# https://tw.news.yahoo.com/9%E6%9C%88%E5%A4%B1%E6%A5%AD%E7%8E%873-77-%E5%B9%B4%E6%B8%9B0-22-%E5%9C%96-082701237.html
YAHOO_JOBS = (
    "主計總處23日公布,9月失業率為3.77%,較8月下降0.12個百分點,較2016年同月則降0.22個百分點。"
)
# https://nownews.com/news/3135328 (spaces around figures, as the page prints them)
NOWNEWS = "主計總處今 (22) 日公布 11 月失業率為 3.7%,較上月微幅下滑 0.05 百分點。"
# https://ec.ltn.com.tw/article/breakingnews/5188320
LTN_ORDERS = "接單金額600.2億美元，雖月減0.7%，但年增19.5%，成長幅度達兩位數。"


def test_rates_of_taiwan_labour_and_orders() -> None:
    # 降為: the new level of the unemployment rate, not a change; 降 alone is a fall
    assert _kind(MONEYDJ, "4.32%") == "level"
    assert _kind(YAHOO_JOBS, "降0.22个百分点") == "growth"
    assert parse_value("降0.22个百分点", PACK.lexicon).number == Decimal("-0.22")
    # 百分點 after a space is the figure's unit (-0.05 points)
    assert _kind(NOWNEWS, "下滑0.05百分点") == "growth"
    assert _kind(LTN_ORDERS, "两位数") == "growth"  # 成長幅度達兩位數
    skipped = _skipped(NOWNEWS)
    assert skipped.get("22") == "date" and skipped.get("11") == "date"  # 今 (22) 日, 11 月


def test_a_figure_spaced_from_its_magnitude() -> None:
    # https://nownews.com/news/3135328: 失業人數 44.1 萬人; 1147 萬 5000 人 = 11,475,000
    text = "失業人數 44.1 萬人,就業人數為 1147 萬 5000 人。"
    found = {m.text: m.value for m in find_mentions(text)}
    assert found == {"44.1 萬人": 44.1, "1147 萬 5000 人": 11_475_000}
    s = parse_value("1147 萬 5000 人", PACK.lexicon)
    assert (s.number, s.unit) == (Decimal(11_475_000), "人")
    # a year spaced from 年 stays a year, not a figure with a unit
    assert [m.text for m in find_mentions("2021 年")] == ["2021"]


# Written for the test: a contraction (收縮, 萎縮) is a fall, and an en dash before a figure is
# its minus sign (由–12.5%升至–3.0%: from minus 12.5% up to minus 3.0%), but a dash between two
# figures (2015–2020年) is none.
CONTRACTION = "本港第三季出口按年收縮3.6%，進口萎縮2.1%。"
EN_DASH = "2015–2020年間，零售銷量的按年變動由–12.5%升至–3.0%。"


@pytest.mark.parametrize(
    ("text", "value", "number"),
    [
        (CONTRACTION, "收缩3.6%", -3.6),
        (CONTRACTION, "萎缩2.1%", -2.1),
        (EN_DASH, "–12.5%", -12.5),
        (EN_DASH, "–3.0%", -3.0),
    ],
)
def test_contractions_and_en_dash_minus_signs_are_falls(
    text: str, value: str, number: float
) -> None:
    assert _kind(text, value) == "growth"
    assert float(parse_value(value, PACK.lexicon).number) == pytest.approx(number)


def test_an_en_dash_between_two_figures_is_no_sign() -> None:
    found = [(m.text, m.value) for m in find_mentions(EN_DASH)]
    assert ("2015", 2015) in found and ("2020年", 2020) in found


# Written for the test: Taiwan's 兆 before money is a trillion, 兆 before a unit stays mega, and
# 千億 after a digit is one magnitude (2千億 = 2 × 1e11).
TRILLION = "GDP規模首度突破1兆美元，對美出口近2千億美元，新增裝機5兆瓦。"


def test_taiwan_trillions_and_hundreds_of_billions() -> None:
    found = {m.text: m.value for m in find_mentions(TRILLION)}
    assert found == {"1兆美元": 1, "2千億美元": 2, "5兆瓦": 5}
    assert unit_info("兆美元").factor == 1e12 and unit_info("兆美元").dimension == "[currency_usd]"
    assert unit_info("千亿美元").factor == 1e11
    assert unit_info("兆瓦").factor == 1e6 and unit_info("兆瓦").dimension == "[power]"
    s = parse_value("近2千億美元", PACK.lexicon)
    assert (s.number, s.unit, s.qualifier) == (Decimal(2), "千亿美元", "近")


# Written for the test: a rate right after a way of comparing (按季比較, 按年) is a change, and an
# amount 多/少 than at another time (比第二季少35億元, 比去年同期多12億元) is a change written with
# 多/少, as growth claims take it; against another place (比全國少) it is no change.
COMPARED = (
    "本港第三季經季調GDP按季比較僅0.1%。"
    "第三季的零售總值比第二季少35億元，比去年同期多12億元。該區出口比全國少8億元。"
)


@pytest.mark.parametrize(
    ("value", "kind", "number"),
    [
        ("0.1%", "growth", 0.1),
        ("少35亿元", "growth", -35),  # 35亿元 less than in the second quarter
        ("多12亿元", "growth", 12),
        ("8亿元", "level", 8),  # 比全國少: a gap to another place, never a change
    ],
)
def test_changes_written_without_a_verb(value: str, kind: str, number: float) -> None:
    assert _items(COMPARED)[value][0] == kind
    assert float(parse_value(value, PACK.lexicon).number) == pytest.approx(number)


def test_more_and_less_are_directions_only_before_the_figure() -> None:
    s = parse_value("少35億元", PACK.lexicon)
    assert (s.number, s.unit, s.verb) == (Decimal(-35), "亿元", "少")
    more = parse_value("30多万人", PACK.lexicon)  # 多 after a figure: above 30万人, below 40万
    assert (more.number, more.verb, more.bound) == (Decimal(30), None, "more")
    above = parse_value("多于5%", PACK.lexicon)  # 多于: more than 5%, no change
    assert (above.number, above.verb) == (Decimal(5), None)


# Written for the test: a rate joined to a growth rate (增長8.1%和6.5%) is one too, negative
# after a fall; the ends of a move of a growth rate (增長由…12.5%回落至…9.8%) are growth rates,
# those of another rate (失業率由5.2%降至4.8%) levels; an adverb after a rate (2.9%小幅上修) is
# no noun that makes it a share.
ELLIPSES = (
    "今年首兩季的出口增長8.1%和6.5%，進口下降3.2%和2.4%。"
    "本港出口按年增長由6月的12.5%回落至7月的9.8%，失業率由5.2%降至4.8%。"
    "今年經濟成長率為3.1%，較上月預測2.9%小幅上修0.2個百分點。"
)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("8.1%", "growth"),
        ("6.5%", "growth"),
        ("下降3.2%", "growth"),
        ("-2.4%", "growth"),  # 下降3.2%和2.4%: both falls
        ("12.5%", "growth"),
        ("9.8%", "growth"),
        ("5.2%", "level"),
        ("4.8%", "level"),
        ("2.9%", "growth"),  # the same growth rate as first forecast
    ],
)
def test_rates_that_say_nothing_of_their_own(value: str, kind: str) -> None:
    assert _items(ELLIPSES)[value][0] == kind


def test_a_rate_in_words_is_no_amount() -> None:
    # Written for the test: 百分之六 is a rate, so its verb is no part of its value (an amount
    # keeps its verb: 增加300亿元); 百分之三點四三 is 3.43%.
    items = _items("民間投資平均成長超過百分之六，民間消費成長百分之三點四三，存款增加300億元。")
    assert "超过百分之六" in items and "百分之三点四三" in items and "增加300亿元" in items
    assert float(parse_value("百分之三點四三", PACK.lexicon).number) == pytest.approx(3.43)


def test_values_are_written_as_the_article_writes_them() -> None:
    # Written for the test: a draft of a traditional article writes its values in traditional
    # characters, as its quotes and metrics (a sign the drafter puts before a value too: 比全國低
    # 0.5個百分點 is -0.5個百分點).
    text = "本港去年出口近2千億美元，比前年少35億元。消費按年收縮3.6%，比全國低0.5個百分點。"
    values = {v for c in draft_claims(text, PACK, "香港", 2025).claims for v in c.values}
    assert {"近2千億美元", "少35億元", "收縮3.6%", "-0.5個百分點"} <= values


@pytest.mark.parametrize(
    ("value", "kind"),
    [("2.5%", "growth"), ("3.2%", "growth"), ("3.5%", "level"), ("4.2%", "level")],
)
def test_a_percentage_of_gdp_alone_is_its_growth(value: str, kind: str) -> None:
    # Written for the test: GDP is an amount, so 2.5% of it, named alone, is its growth rate;
    # 失業率 is a rate, whose 3.5% is a level.
    text = "本地生產總值從原先預測的2.5%，上調至3.2%。失業率從原先預測的3.5%，上修至4.2%。"
    assert _items(text)[value][0] == kind


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        # Written for the test: the subject as a clause of its own before the figure's, and a
        # comparison with a time (與上年同期比較) no part of the metric
        ("本港製造業的淨產值，在第四季與上年同期比較實質上升2.5%。", "2.5%", "製造業的淨產值"),
        ("換言之，出口、進口合計，第三季比第二季少12億元。", "少12億元", "出口、進口合計"),
    ],
)
def test_a_subject_written_as_a_clause_of_its_own(text: str, value: str, metric: str) -> None:
    claims = draft_claims(text, PACK, "香港", 2025).claims
    assert {c.values[0]: dict(c.fields)["metric"] for c in claims}[value] == metric


def test_a_framing_clause_is_no_subject() -> None:
    # Written for the test: 與此同時 frames what follows; it names no quantity
    claims = draft_claims("與此同時，增長5%。", PACK, "香港", 2025).claims
    assert dict(claims[0].fields)["metric"] != "與此同時"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # Written for the test: a gloss in brackets after an abbreviation (Taiwan's press), a
        # conjunction before the subject, and who reports a figure are no part of its metric
        ("去年第四季實質ＧＤＰ（國內生產毛額）成長3.2%。", "實質ＧＤＰ"),
        ("且出口規模首度突破500億美元。", "出口規模"),
        ("主計總處概估今年經濟成長率為3.1%。", "經濟成長率"),
        ("統計處公佈的零售業銷貨額下跌2.3%。", "零售業銷貨額"),
        ("全年出口預測數為3.0%。", "出口預測數"),  # 預測數 is a noun: nothing is reported
    ],
)
def test_words_around_a_metric_that_name_no_quantity(text: str, metric: str) -> None:
    claims = draft_claims(text, PACK, "香港", 2025).claims
    assert [dict(c.fields)["metric"] for c in claims] == [metric]


def test_a_list_in_order_is_a_respectively_list() -> None:
    # Written for the test: 順序為 (in order) lists the growth of 2至4月 month by month
    (claim,) = draft_claims("2至4月的出口增長順序為5.1%、4.2%和3.3%。", PACK, "香港", 2025).claims
    fields = dict(claim.fields)
    assert claim.kind == "growth" and fields["metric"] == "出口"
    assert fields["period"] == ("2025-02", "2025-03", "2025-04")
    assert [simplified(v).lstrip("为") for v in claim.values] == ["5.1%", "4.2%", "3.3%"]


def test_that_industry_is_the_one_named_before() -> None:
    # Written for the test: 該行業 (that industry) points back to the 製造業 of the sentence
    # before; with nothing named before, the metric stays as written.
    text = "本港製造業的淨產值在第四季上升2.5%。二零一五年全年合計，該行業的淨產值上升3.1%。"
    claims = draft_claims(text, PACK, "香港", 2015).claims
    assert [dict(c.fields)["metric"] for c in claims] == ["製造業的淨產值", "製造業的淨產值"]
    alone = draft_claims("該行業的淨產值上升3.1%。", PACK, "香港", 2015).claims
    assert dict(alone[0].fields)["metric"] == "行業的淨產值"


def test_figures_named_only_figures_are_of_their_topic() -> None:
    # Written for the test: 數字 (the figures) of a sentence opening with 出口增長方面 are the
    # growth rates of 出口, one a month; a topic not of growth leaves the kind alone
    text = "出口增長方面，6至8月數字順序為5.1%、4.2%和3.3%。就業方面，7月數字為3.4%。"
    claims = draft_claims(text, PACK, "香港", 2025).claims
    growth = next(c for c in claims if len(c.values) == 3)
    assert growth.kind == "growth" and dict(growth.fields)["metric"] == "出口"
    jobs = next(c for c in claims if len(c.values) == 1)
    assert jobs.kind == "level" and dict(jobs.fields)["metric"] == "就業"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # written for the test: a level run into the change that follows it, without a comma
        ("全市城镇登记失业率为0.93%下降0.3个百分点。", "为0.93%", "level"),
        ("全市城镇登记失业率为0.93%下降0.3个百分点。", "下降0.3个百分点", "growth"),
        ("利润10%下降。", "-10%", "growth"),  # a fall written after the rate
    ],
)
def test_the_verb_of_the_next_figure_is_not_the_rates_own(text: str, value: str, kind: str) -> None:
    assert _kind(text, value) == kind
