"""``--published DATE`` of ``check`` and ``extract``: the publication date that dates the periods
an article writes without a year (一季度 in a release of 20 April 2019 is 2019Q1). Without it, the
date is today's: an article is checked before it is published."""

from __future__ import annotations

import json
from pathlib import Path

from inputs import run_cli

# 一季度 105.0, 上年同期 100.0: 105.0 / 100.0 - 1 = 5.0%, so 同比增长9.0% is wrong (needs 109.0).
# Published in April 2019, 一季度 is 2019Q1 and 2018年一季度 the year before it.
ARTICLE = (
    "一季度，全市一般公共预算收入105.0亿元，同比增长9.0%。"
    "2018年一季度全市一般公共预算收入为100.0亿元。\n"
)


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "q.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_dates_a_quarter_by_the_publication_date(tmp_path: Path) -> None:
    article = _article(tmp_path)
    done = run_cli("extract", str(article), "--published", "2019-04-20")
    assert done.returncode == 0, done.stderr
    periods = [
        line.split(":", 1)[1].strip()
        for line in (tmp_path / "q.yaml").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("period:")
    ]
    assert periods[:2] == ["2019Q1", "2019Q1"]  # the level and its growth
    # Published 10 February 2020, the latest first quarter ended is 2020's: 2020Q1 had not.
    done = run_cli(
        "extract", str(article), "-o", str(tmp_path / "r.yaml"), "--published", "2020-02-10"
    )
    assert done.returncode == 0, done.stderr
    assert "period: 2019Q1" in (tmp_path / "r.yaml").read_text(encoding="utf-8")


def test_check_an_article_with_its_publication_date(tmp_path: Path) -> None:
    article = _article(tmp_path)
    dated = run_cli("check", str(article), "--published", "2019-04-20", "-f", "json")
    report = json.loads(dated.stdout)
    codes = [f["code"] for f in report["findings"] if f["verdict"] == "inconsistent"]
    assert codes and dated.returncode == 1
    # Undated, 一季度 takes the year the text writes (2018): two figures of one quantity, both
    # in doubt, so nothing is checked and nothing flagged.
    undated = run_cli("check", str(article), "-f", "json")
    assert not [f for f in json.loads(undated.stdout)["findings"] if f["verdict"] == "inconsistent"]


def test_a_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    article = _article(tmp_path)
    for command in (["check", str(article)], ["extract", str(article)]):
        done = run_cli(*command, "--published", "2019-02-30")
        assert done.returncode == 2
        assert "--published: cannot read the publication date '2019-02-30'" in done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "q.yaml").exists()
