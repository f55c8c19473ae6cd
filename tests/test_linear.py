"""Every scanner is linear in its input (issue 15): long runs of each character class go through
`check`, `coverage` and `extract`, and the work is bounded by counting, never by timing.

Three counters: the function calls the interpreter makes (Python functions and C functions
alike, through ``sys.setprofile``), the characters sliced out of the article by the extractor
(the article is handed over as a ``str`` whose slicing counts: re-slicing a clause per figure
made ``'1年' * 50000`` quadratic), and the characters handed to cn2an (its own time grows faster
than its input: 40,000 三 took 14 s). A run twice as long may cost at most a little over twice
as much; no call to cn2an gets more than ``MAX_CN_LENGTH`` characters. (What a regular
expression does inside one call is not counted: the patterns keep their repeats bounded or
anchored on the left, see ``test_time_words_start_where_their_run_starts``.)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import cn2an
import pytest

from factcheck.coverage import uncovered
from factcheck.engine import check_file
from factcheck.extract.draft import draft_claims
from factcheck.extract.text import time_pattern
from factcheck.loader import load_claims
from factcheck.mentions import _cn_number, find_mentions
from factcheck.numbers import MAX_CN_LENGTH
from factcheck.rulepack import RulePack, load_pack

# Runs of each class of character the scanners treat specially: digits with their separators
# and units, every Chinese numeral, the words around numbers (年, 月, 第, 前, 翻, 分之, 成, 倍),
# quotes and marks, and text with no number at all.
RUNS = {
    "digits": "1",
    "digit-year": "1年",
    "digit-percent": "1%",
    "digit-comma": "1,",
    "digit-point": "1.",
    "digit-colon": "1:",
    "digit-times": "1×",
    "digit-plus": "1+",
    "month-run": "1-1月",
    "years-ago": "1年前",
    **{f"numeral-{c}": c for c in "零〇一二两三四五六七八九十百千万亿"},
    "numeral-year": "三年",
    "numeral-fraction": "三分之",
    "ordinal": "第",
    "rank": "前三",
    "doubling": "翻",
    "tenths": "八成",
    "plan": "十四五",
    "magnitude": "万亿",
    "enumeration": "、",
    "digit-list": "1、",  # a list of numbers, read back to its first as a list of months
    "quote": "“",
    "han": "中",
    "latin": "a",
    "space": " ",
    "newline": "\n",
    # English texts take the English path (extract/english/): figures, dates, ordinals, money
    "en-change": "GDP rose 5 percent and exports ",
    "en-date": "from March 2000 to ",
    "en-ordinal": "the 96th ",
    "en-money": "$1.2 billion, ",
    "en-sentence": "Sales were up 3.1 percent from a year earlier. ",
}
TAIL = "\n2025年地区生产总值672亿元。\n"
CLAIMS = (
    "version: 1\narticle: a.txt\nentity: x\nclaims:\n  - {id: g, kind: level, "
    "quote: 2025年地区生产总值672亿元, metric: 地区生产总值, period: '2025', value: 672亿元}\n"
)


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


class Sliced(str):
    """An article that counts the characters every slice of it copies."""

    copied = 0

    def __getitem__(self, key: object) -> str:
        part = str.__getitem__(self, key)  # type: ignore[index]
        Sliced.copied += len(part)
        return part


class Meter:
    """Counts the calls the interpreter makes, and the characters handed to cn2an."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        self.cn2an_chars = 0
        self.cn2an_longest = 0
        real = cn2an.cn2an

        def counted(text: str, *args: object, **kwargs: object) -> object:
            self.cn2an_chars += len(text)
            self.cn2an_longest = max(self.cn2an_longest, len(text))
            return real(text, *args, **kwargs)

        monkeypatch.setattr(cn2an, "cn2an", counted)

    def run(self, work: Callable[[], object]) -> int:
        """The calls ``work`` makes (its own and those of everything it calls)."""
        _cn_number.cache_clear()  # the same numeral read again must be counted again

        def profile(frame: object, event: str, arg: object) -> None:
            if event in ("call", "c_call"):
                self.calls += 1

        before = self.calls
        sys.setprofile(profile)
        try:
            work()
        finally:
            sys.setprofile(None)
        return self.calls - before


def _work(kind: str, tmp_path: Path, pack: RulePack, text: str) -> Callable[[], object]:
    if kind == "extract":
        return lambda: draft_claims(Sliced(text), pack)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(CLAIMS, encoding="utf-8")
    if kind == "coverage":
        file = load_claims(tmp_path / "a.yaml", pack)
        return lambda: uncovered(replace(file, article_text=text))
    return lambda: check_file(load_claims(tmp_path / "a.yaml", pack), pack)


@pytest.mark.parametrize("kind", ["check", "coverage", "extract"])
@pytest.mark.parametrize("run", list(RUNS))
def test_work_grows_linearly_with_a_run(
    tmp_path: Path, pack: RulePack, monkeypatch: pytest.MonkeyPatch, kind: str, run: str
) -> None:
    meter = Meter(monkeypatch)
    n = 2000 // len(RUNS[run]) + 1  # about 2,000 characters, then twice that
    Sliced.copied = 0
    small = meter.run(_work(kind, tmp_path, pack, RUNS[run] * n + TAIL))
    small_sliced, Sliced.copied = Sliced.copied, 0
    large = meter.run(_work(kind, tmp_path, pack, RUNS[run] * 2 * n + TAIL))
    # Twice the text, at most 2.3 times the work: a quadratic scanner gives about 4 times, and
    # the constant part (loading the pack's lexicon, the tail's claim) makes it less than 2.
    assert large <= 2.3 * small + 500, (run, small, large)
    assert Sliced.copied <= 2.3 * small_sliced + 5000, (run, small_sliced, Sliced.copied)
    assert meter.cn2an_longest <= MAX_CN_LENGTH, run


def test_cn2an_never_gets_a_long_run(monkeypatch: pytest.MonkeyPatch) -> None:
    meter = Meter(monkeypatch)
    assert find_mentions("三" * 40_000) == []  # 40,000 三 in a row are no number
    assert meter.cn2an_chars <= MAX_CN_LENGTH  # not handed over (it took 14 s)


def test_time_words_start_where_their_run_starts(pack: RulePack) -> None:
    # 100,000 digits took 38 s in extract: the count-of-years alternative ([0-9]+年) was tried
    # from every position of the run, each try reading to its end. A time word now starts only
    # where its run of numerals starts, and reads at most 4 of them.
    pattern = time_pattern(pack.plans)
    for run in ("1", "三"):
        text = run * 50 + "年前"
        starts = [m.start() for m in pattern.finditer(text)]
        assert starts == [], starts  # 50 numerals are no count of years
        # (two of them: 111年 before 前 is a year of the ROC calendar, 民国111年)
        assert [m.group() for m in pattern.finditer("较" + run * 2 + "年前")] == [run * 2 + "年前"]
        for i in range(1, 50):  # inside the run, no try gets past the look-behind
            assert pattern.match(text, i) is None
