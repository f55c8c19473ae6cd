"""A count within the count of the clause before it (``19个行业中，8个行业``, ``…1200所，其中小学
800所``) is drafted as a ``count`` whatever the two sizes, so that a part larger than its total
is flagged end to end (written for the test in the shape of provincial releases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.check import check_article
from factcheck.extract.draft import draft_claims
from factcheck.rulepack import RulePack, load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _within(text: str, pack: RulePack) -> dict[str, object]:
    claims = draft_claims(text, pack, "全省", 2025).claims
    return {c.values[0]: dict(c.fields).get("within") for c in claims if c.kind == "count"}


@pytest.mark.parametrize("part", ["8个", "23个"])
def test_a_count_in_the_clause_after_its_total_is_within_it(pack: RulePack, part: str) -> None:
    text = f"19个重点监测的工业行业中，{part}行业增长速度达到两位数。"
    assert _within(text, pack) == {part: "19个"}


def test_only_the_first_part_after_qizhong_is_within_the_total(pack: RulePack) -> None:
    # 300所 is a sibling of 800所 (both within 1200所): no count of it within 800
    assert _within("全市有各类学校1200所，其中小学800所、初中300所。", pack) == {"800所": "1200所"}


def test_check_article_flags_a_part_larger_than_its_total(tmp_path: Path, pack: RulePack) -> None:
    # exact counts: 8 of 19 holds, 23 of 19 cannot
    article = tmp_path / "a.txt"
    found = {}
    for part in ("8个", "23个"):
        article.write_text(f"19个重点监测的工业行业中，{part}行业增长速度达到两位数。\n", "utf-8")
        result = check_article(article, str(article), pack, tmp_path)
        assert not result.problems
        found[part] = [f.code for f in result.findings if f.verdict == "inconsistent"]
    assert found["8个"] == []
    assert found["23个"] != []
