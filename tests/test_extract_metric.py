"""Metric labels of drafted claims (factcheck.extract.metric): a noun phrase of the article,
never a verb, an adverb, a comparison or a headline fragment.

The sentences have the shapes of real releases (statistical communiqués, Hong Kong and Taiwan
government releases, news on them); each expected metric is the noun phrase a reader names."""

from __future__ import annotations

import pytest

from factcheck.extract.draft import draft_claims
from factcheck.rulepack import RulePack, load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _metrics(text: str, pack: RulePack) -> dict[str, object]:
    """Each drafted value → its metric ('respectively' lists expanded)."""
    out: dict[str, object] = {}
    for c in draft_claims(text, pack).claims:
        fields = dict(c.fields)
        for i, value in enumerate(c.values):
            metric = fields.get("metric")
            out[value] = metric[i] if isinstance(metric, tuple) else metric
    return out


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        # adverbs and predicates after the noun: 也只有, 仅有, 已破, 则上修为
        ("2020年我国GDP也只有1015986亿元。", "1015986亿元", "GDP"),
        ("1952年全国粮食产量仅有16392万吨。", "16392万吨", "粮食产量"),
        ("2025年第三季经济成长率则上修为8.42%。", "8.42%", "经济成长率"),
        # a comparison ends the label: 较上年同期, 按年, 从去年预测, 比预算数
        ("2015年第四季整体本地生产总值较上年同期实质上升1.9%。", "1.9%", "本地生产总值"),
        ("2023年第三季本地生产总值按年实质上升116.1%。", "116.1%", "本地生产总值"),
        (
            "三公经费财政拨款支出29.86亿元，比预算数减少25.31亿元。",
            "减少25.31亿元",
            "三公经费财政拨款支出",
        ),
        # a gloss: the label is the term glossed
        ("2019年宏观税负即一般公共预算收入中税收收入占GDP比重为16.02%。", "16.02%", "宏观税负"),
        # a headline phrase before the label
        # (中国, in an article naming no place, is the nation: a scope word, as 我国)
        ("跃升世界第二大经济体 中国GDP已破百万亿。", "百万亿", "GDP"),
        ("成绩单——全年为市场主体减负超过2.6万亿元。", "2.6万亿元", "为市场主体减负"),
        # a length of time before the change says over what time (40多年), not of what
        ("1978年全省粮食产量为820万吨，此后30多年增长了约1.5倍。", "1.5倍", "粮食产量"),
        # a subject written as a clause of its own: the words before its predicate (也实现…)
        ("全省工业产值也迈上新台阶，2023年达到5100亿元。", "5100亿元", "工业产值"),
        # the object of 上线 (开发上线), as of 出台
        ("全省开发上线86个数字化应用。", "86个", "数字化应用"),
        # the object of 出台
        ("2020年又出台7批28项税费优惠政策。", "28项", "税费优惠政策"),
        # 约占: the share is of the figure before
        ("我国总人口达到14.1亿人，约占全球总人口的18%。", "18%", "总人口"),
    ],
)
def test_metric_is_the_noun_phrase(pack: RulePack, text: str, value: str, metric: str) -> None:
    # the figure's value, with whatever qualifier or verb words the drafter writes around it
    got = [m for v, m in _metrics(text, pack).items() if value in v]
    assert got == [metric]


def test_a_gap_in_points_is_of_the_rate_before(pack: RulePack) -> None:
    text = "一季度全省固定资产投资增长8.1%，增速比上月加快0.2个百分点，比全国高1.8个百分点。"
    got = _metrics(text, pack)
    assert got["8.1%"] == "固定资产投资"
    assert got["0.2个百分点"] == "固定资产投资增速"  # the rate's change, in points
    assert got["1.8个百分点"] == "固定资产投资增速"  # the gap to the nation's rate
    # a metric that is a rate already keeps its name
    text = "今年经济成长率从去年11月预测3.54%，一举上修为7.71%，上修4.17个百分点。"
    got = _metrics(text, pack)
    assert {m for v, m in got.items() if v.endswith(("7.71%", "4.17个百分点"))} == {"经济成长率"}
    # the November forecast is the same rate, named apart by the words of the comparison
    assert [m for v, m in got.items() if v.endswith("3.54%")] == ["经济成长率（去年11月预测）"]
    assert len(got) == 3


def test_an_aspect_word_names_the_growth_before(pack: RulePack) -> None:
    got = _metrics("2015年第四季本地生产总值上升1.9%，第三季的升幅为2.2%。", pack)
    assert [m for v, m in got.items() if "2.2%" in v] == ["本地生产总值"]


def test_a_breakdown_paragraph_goes_on_with_the_metric_before(pack: RulePack) -> None:
    text = (
        "2021年国内生产总值1143670亿元，比上年增长8.1%。\n\n"
        "分季度看，一季度同比增长18.3%，二季度增长7.9%。\n\n"
        "城镇新增就业1269万人。\n\n"
        "一季度增长3.0%。\n"
    )
    got = _metrics(text, pack)
    assert got["18.3%"] == got["7.9%"] == "国内生产总值"
    # a paragraph that is no breakdown does not borrow across the break
    assert got["3.0%"] != "城镇新增就业"


def test_a_paragraph_ending_in_a_comma_goes_on(pack: RulePack) -> None:
    text = "国内生产总值增加到121万亿元，五年年均增长5.2%，\n\n十年增加近70万亿元、年均增长6.2%。\n"
    got = _metrics(text, pack)
    assert [m for v, m in got.items() if "70万亿元" in v or "6.2%" in v] == ["国内生产总值"] * 2


def test_traditional_metrics_keep_their_script(pack: RulePack) -> None:
    # The label is put together from words apart (the quote marks taken out): still as written.
    got = _metrics("2025年第3季實質「國內生產毛額」成長率則上修為8.42％。", pack)
    assert [m for v, m in got.items() if "8.42" in v] == ["實質國內生產毛額成長率"]


def _fields(text: str, pack: RulePack) -> list[dict[str, object]]:
    return [dict(c.fields) for c in draft_claims(text, pack).claims]


def test_a_list_of_ordinals_names_each_industry(pack: RulePack) -> None:
    # 一、二、三产业 is 第一产业, 第二产业, 第三产业: one metric per value, in order.
    want = ("第一产业增加值", "第二产业增加值", "第三产业增加值")
    (growth,) = _fields("2023年，全省一、二、三产业增加值分别增长3.0%、4.5%、5.2%。", pack)
    assert growth["metric"] == want
    assert growth["value"] == ("3.0%", "4.5%", "5.2%")
    # 第一 opening the list is no rank
    (level,) = _fields("第一、二、三产业增加值分别为83086亿元、450904亿元和609680亿元。", pack)
    assert level["metric"] == want


def test_a_list_of_provinces_names_the_entities(pack: RulePack) -> None:
    (level,) = _fields("黑龙江、河南今年粮食产量分别为7763.1万吨和6789.4万吨。", pack)
    assert level["entity"] == ("黑龙江", "河南")
    assert level["metric"] == "粮食产量"
    # places with their suffix, as before; the file's default entity is not theirs
    (growth,) = _fields("永昌县、金川区地区生产总值分别增长6.1%、7.2%。", pack)
    assert growth["entity"] == ("永昌县", "金川区")
    assert growth["metric"] == "地区生产总值"


def test_a_list_of_values_is_named_by_the_term_its_gloss_explains(pack: RulePack) -> None:
    # 即… glosses 宏观税负: the list's values are of the term, not of the gloss
    text = "2017~2019年，全省宏观税负（即税收收入占地区生产总值比重）分别为15.1%、14.8%和14.2%。"
    (share,) = _fields(text, pack)
    assert share["metric"] == "宏观税负"
    assert share["value"] == ("为15.1%", "14.8%", "14.2%")


def test_the_parts_of_a_breakdown_take_the_quantity_the_first_names(pack: RulePack) -> None:
    # after the first part the quantity (增加值, 产量) is left out; a new clause after ；goes on
    text = "分行业看，纺织业增加值增长6.3%；化学原料制品业增长9.1%，汽车制造业增长12.4%。"
    got = _metrics(text, pack)
    assert got["9.1%"] == "化学原料制品业增加值"
    assert got["12.4%"] == "汽车制造业增加值"
    # what is produced, counted, is its output; the next products are outputs as well
    got = _metrics("主要产品中，生产水泥820万吨，增长3.2%；汽车1.2万辆，增长5.0%。", pack)
    assert got["820万吨"] == got["3.2%"] == "水泥产量"
    assert got["1.2万辆"] == got["5.0%"] == "汽车产量"
    # a quantity of its own is not given another's
    got = _metrics("全市粮食产量96万吨，增长1.2%；城镇新增就业5.1万人。", pack)
    assert got["5.1万人"] == "城镇新增就业"


def test_a_light_verb_joins_subject_and_quantity(pack: RulePack) -> None:
    # 实现 between them is no part of the name; a clause opening with 实现 has the same subject
    text = "规模以上服务业企业实现营业收入520.3亿元，增长7.7%；实现利润总额41.6亿元，增长3.5%。"
    got = _metrics(text, pack)
    assert got["520.3亿元"] == got["7.7%"] == "规模以上服务业企业营业收入"
    assert got["41.6亿元"] == got["3.5%"] == "规模以上服务业企业利润总额"


def test_an_abbreviation_in_brackets_is_no_part_of_the_name(pack: RulePack) -> None:
    # 国内生产总值（GDP） is the 国内生产总值 of the rule pack's identity and of the body
    got = _metrics(
        "一季度国内生产总值（GDP）249310亿元。研究与试验发展（R&D）支出2.4万亿元。", pack
    )
    assert got["249310亿元"] == "国内生产总值"
    assert got["2.4万亿元"] == "研究与试验发展支出"


def test_the_nation_is_no_part_of_a_national_metric(pack: RulePack) -> None:
    got = _metrics("2001年，中国的研发经费支出为1042亿元。", pack)
    assert [m for v, m in got.items() if "1042亿元" in v] == ["研发经费支出"]
    # an article about a province keeps 中国 in the metric: the nation's figure is not its own
    got = _metrics("浙江省生产总值7.7万亿元。中国GDP为121万亿元。浙江省增长3.1%。", pack)
    assert [m for v, m in got.items() if "121万亿元" in v] == ["中国GDP"]


def test_a_growth_rate_is_of_the_quantity(pack: RulePack) -> None:
    # 平均增速达到6.1%: a growth of 居民收入 (the rate word is the kind, not the metric)
    got = _metrics("2013~2022年全省居民收入平均增速达到6.1%。", pack)
    assert [m for v, m in got.items() if "6.1%" in v] == ["居民收入"]
    # a change in points of a rate keeps the word: it is the rate that changed
    got = _metrics("地区生产总值增速比上年加快0.4个百分点。", pack)
    assert [m for v, m in got.items() if "0.4个百分点" in v] == ["地区生产总值增速"]


def test_points_after_a_level_in_per_cent_are_its_change(pack: RulePack) -> None:
    # the index is a level in per cent; the points are its change, not of the growth before
    text = "工业增加值增长12.0%，制造业采购经理指数为51.9%，比上月回升1.7个百分点。"
    got = _metrics(text, pack)
    assert got["1.7个百分点"] == "制造业采购经理指数"


def test_a_vintage_names_the_rate_before(pack: RulePack) -> None:
    # 概估数 and 预测数 are the same rate as first estimated or forecast; a bracketed note of
    # the vintage is no part of the name, nor is the long form after an abbreviation
    text = (
        "第三季经济成长率7.64%，较8月概估数7.43%上修0.21个百分点。"
        "出口（预测数）成长百分之五，较十月预测数增加○点五个百分点。"
        "实质GDP（国内生产毛额）成长5.2%。"
    )
    got = _metrics(text, pack)
    assert got["7.64%"] == got["7.43%"] == got["0.21个百分点"] == "经济成长率"
    assert got["百分之五"] == "出口"
    assert got["○点五个百分点"] == "出口增速"  # points of the growth of 出口
    assert [m for v, m in got.items() if "5.2%" in v] == ["实质GDP"]


def test_a_list_before_its_quantity_shares_it(pack: RulePack) -> None:
    # 纺织业和化学纤维制造业增加值: both parts are of 增加值
    (growth,) = _fields("纺织业和化学纤维制造业增加值分别增长4.1%、6.3%。", pack)
    assert growth["metric"] == ("纺织业增加值", "化学纤维制造业增加值")
    # two quantities of their own stay as they are
    (level,) = _fields("工业总产值、营业收入分别为820亿元和910亿元。", pack)
    assert level["metric"] == ("工业总产值", "营业收入")


def test_a_way_of_measuring_is_no_name(pack: RulePack) -> None:
    # 扣除价格因素 (after prices) says how the growth is measured: it is the income's growth
    text = "全省居民人均可支配收入31200元，名义增长8.2%，扣除价格因素实际增长6.9%。"
    got = _metrics(text, pack)
    assert [m for v, m in got.items() if "6.9%" in v] == ["居民人均可支配收入"]


def test_a_share_of_a_target_is_of_its_subject(pack: RulePack) -> None:
    got = _metrics("上半年城镇新增就业6.8万人，完成全年目标的61.2%。", pack)
    assert got["61.2%"] == "城镇新增就业"  # the figure before: the subject of 完成
    got = _metrics("全市招商引资到位资金完成年度计划的78.5%。", pack)
    assert got["78.5%"] == "招商引资到位资金"


def test_a_contribution_is_of_the_subject_before(pack: RulePack) -> None:
    text = "装备制造业增加值增长9.6%，对全部规模以上工业增长的贡献率为41.2%。"
    got = _metrics(text, pack)
    want = "装备制造业对全部规模以上工业增长的贡献率"
    assert [m for v, m in got.items() if "41.2%" in v] == [want]


def test_the_other_half_of_an_urban_rural_breakdown(pack: RulePack) -> None:
    # 其中城市…，农村…: the metric before, in each half; a half named short takes the rest
    got = _metrics("全省居民消费价格同比上涨1.8%，其中城市上涨1.7%，农村上涨2.2%。", pack)
    assert got["1.7%"] == "城市居民消费价格"
    assert got["2.2%"] == "农村居民消费价格"
    text = "城镇居民人均消费支出31000元，增长4.2%；农村居民16000元，增长7.1%。"
    got = _metrics(text, pack)
    assert got["16000元"] == got["7.1%"] == "农村居民人均消费支出"
