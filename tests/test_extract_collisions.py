"""Two figures with two values read as one quantity (kind, entity, metric, period, base) are
both doubted: far more often one reading is wrong than the article contradicts itself. Periods
are compared as the engine compares them, parsed."""

from __future__ import annotations

from factcheck.extract.draft import COLLISION, draft_claims
from factcheck.rulepack import load_pack

PACK = load_pack()


def _doubted(text: str) -> dict[str, bool]:
    """Whether each figure is doubted, by its number (a draft writes 為 as the article does)."""
    draft = draft_claims(text, PACK, year=2020)
    return {v.lstrip("是为為"): COLLISION in c.doubts for c in draft.claims for v in c.values}


def test_one_quarter_written_two_ways_is_one_period() -> None:
    # 第二季 of 2020 is 2020年4至6月 (April to June): the engine reads both as 2020Q2, so the
    # two rates (the second is the retail trade's, its subject in another clause) collide.
    text = "2020年第二季，失業率是6.2%。\n2020年4至6月，零售業持續疲弱，失業率為10.7%。\n"
    assert _doubted(text) == {"6.2%": True, "10.7%": True}


def test_other_periods_do_not_collide() -> None:
    text = "2020年第二季，失業率是6.2%。\n2020年1至3月，零售業持續疲弱，失業率為4.2%。\n"
    assert _doubted(text) == {"6.2%": False, "4.2%": False}


def test_a_base_relative_to_the_period_is_the_default_base() -> None:
    # 较一年前同期 is the year before, the default base of a figure that names none: the two
    # rates of one quantity collide (the first is the clothing category's, read as the index's)
    text = "10月份，綜合消費物價指數下跌4.7%。\n10月份，綜合消費物價指數較一年前同期上升1.5%。\n"
    assert _doubted(text) == {"下跌4.7%": True, "1.5%": True}
