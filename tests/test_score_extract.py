"""The corpus scorer's readers (bench/score_extract.py) read values, units and metrics as its
docstring says. Expected values worked out by hand; no scoring target is asserted."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "score_extract.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extract", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_extract"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


score = _load()


@pytest.mark.parametrize(
    ("value", "number", "unit"),
    [
        ("1143670亿元", 1143670, "亿元"),
        ("减产0.8%", -0.8, "%"),  # a falling verb makes it negative
        ("-0.8%", -0.8, "%"),
        ("–46.7%", -46.7, "%"),  # an en dash printed for the minus
        ("收縮3.6%", -3.6, "%"),  # a contraction is a fall
        ("少35億元", -35, "億元"),  # 35億元 less
        ("百分之十二點六八", 12.68, "%"),  # 十二 = 12, 點六八 = .68
        ("一八八一億美元", 1881, "億美元"),  # digit by digit
        ("○點二九個百分點", 0.29, "個百分點"),
        ("4萬4181美元", 44181, "美元"),  # 4 * 10000 + 4181
        ("1270多万人", 1270, "万人"),
        ("破百万亿", 100, "万亿"),  # a bare 百 is 100
        ("decreased 0.9 percent", -0.9, "percent"),
        # $ before the number: the label writes the unit 'billion dollars'
        ("$269.2 billion", 269.2, "billion dollars"),
        ("10.7 percent above", 10.7, "percent"),  # above: a direction, not part of the unit
        ("3 percent below", -3, "percent"),  # below: a fall of 3
    ],
)
def test_read_value(value: str, number: float, unit: str) -> None:
    got, got_unit = score.read_value(value)
    assert got == pytest.approx(number)
    assert got_unit == unit


def test_units_are_compared_in_one_spelling() -> None:
    assert score.norm_unit("個百分點") == score.norm_unit("个百分点") == "个百分点"
    assert score.norm_unit("percentage points") == "个百分点"
    assert score.norm_unit("percent") == score.norm_unit("％") == "%"
    assert score.norm_unit("亿元") != score.norm_unit("万亿元")


def test_a_metric_names_the_label_only_when_it_is_most_of_it() -> None:
    assert score.same_metric("全市地区生产总值", "地区生产总值")  # a filler word dropped
    assert score.same_metric("第一产业增加值", "第一产业增加值")
    # 5 characters of 8: less than two thirds, so a verb tail makes the metric wrong
    assert not score.same_metric("經濟成長率上修為", "經濟成長率")
    assert not score.same_metric("高于全国", "地区生产总值")


def test_one_quantity_written_two_ways_is_one_metric() -> None:
    # an abbreviation and its long form, either way round, and the long form glossed by it
    assert score.same_metric("Real GDP", "real gross domestic product")
    assert score.same_metric("R&D spending", "research and development (R&D) spending")
    assert score.same_metric("国内生产总值（GDP）", "国内生产总值")
    assert score.same_metric("GDP", "国内生产总值")
    # 增幅, 增长速度 and 增长率 are the words for the growth rate 增速
    assert score.same_metric("零售额增幅", "零售额增速")
    assert score.same_metric("投资增长速度", "投资增长率")
    assert score.same_metric("我国粮食产量", "粮食产量")  # 我国: a scope word, as 全国
    # still two quantities: a different abbreviation, a rate and its level
    assert not score.same_metric("Real GDI", "real gross domestic product")
    assert not score.same_metric("零售额增速", "零售额")


def test_a_share_named_with_its_whole_is_named_by_its_part() -> None:
    label = {"metric": "服务业增加值占地区生产总值的比重", "whole": "地区生产总值"}
    assert score.same_share("服务业增加值", label)  # the part; the whole is the claim's whole
    assert score.same_share("服务业增加值占地区生产总值的比重", label)
    assert not score.same_share("工业增加值", label)
    # without a whole the label names the share only by its full name
    assert not score.same_share("服务业增加值", {"metric": label["metric"]})
