"""What the finding codes that are no rule kind's own code check, in the form of a kind's
``DOC``, for ``factcheck rule CODE``. A kind documents its first code
(``DOC``); these are its other codes, and the codes no kind reports (FC153). Every example is a
case of ``tests/fixtures/kinds/`` (or, FC153, of docs/extract.md), with its arithmetic worked by
hand there. Examples of info codes, which never fail a check, are given as
``Example`` (``fails`` is empty)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CodeDoc:
    """A code's documentation: what and why, and the examples that apply."""

    what: str
    why: str
    passes: str = ""
    fails: str = ""
    example: str = ""  # for a code that reports and never fails a check (info)


DOCS: dict[str, CodeDoc] = {
    "FC104": CodeDoc(
        what="Reads '增长N倍' both ways: the standard ×(N+1) and the common misuse ×N.",
        why="'增长2倍' means three times as much; writers often mean twice. When only ×N fits "
        "the levels, the phrase says more than the figures do.",
        passes="产量2020年100万吨，2025年300万吨，增长2倍  (300/100 = 3 = 2 + 1)",
        fails="产量2020年100万吨，2025年200万吨，增长2倍  (200/100 = 2: only the reading ×2 fits)",
    ),
    "FC105": CodeDoc(
        what="Compares a change between two rates written in % with the change in percentage "
        "points, and the other way round.",
        why="A rate that falls from 1.2% to 0.3% falls 0.9 points, or 75%; '下降0.9%' confuses "
        "the two (docs/conventions.md §3).",
        passes="不良率从1.2%降至0.3%，下降0.9个百分点  (0.3 − 1.2 = −0.9 points)",
        fails="不良率从1.2%降至0.3%，下降0.9%  (in percent 0.3/1.2 − 1 = −75%; −0.9 is in points)",
    ),
    "FC120": CodeDoc(
        what="Recomputes a change of rank (上升N位, 前移N位) from the ranks of both periods.",
        why="上升N位 is the rank before minus the rank now: 第五 to 第二 is 3 places up.",
        passes="2024年居全省第五。2025年居全省第二，比上年上升3位  (5 − 2 = 3)",
        fails="2024年居全省第五。2025年居全省第三，比上年上升3位  (5 − 3 = 2, not 3)",
    ),
    "FC121": CodeDoc(
        what="A growth rate at comparable prices (real) checked against levels at current "
        "prices: undetermined, with the yearly price change that would reconcile them.",
        why="Official growth of value added is real; the levels printed beside it are nominal. "
        "A gap a plausible price change explains is no error, one beyond it is (FC101/FC102).",
        passes="产值从2021年的669亿元增长到2025年的2586亿元，年均增长40.2%  "
        "((2586/669)^(1/4) − 1 = 40.2%)",
        fails="产值从2021年的669亿元增长到2025年的2586亿元，年均增长33.8%  (undetermined: "
        "the levels give the nominal 40.2%; it holds only if prices rose 4.7%–4.9% a year)",
    ),
    "FC131": CodeDoc(
        what="Reports a check that passes only because of the rounding of the written figures: "
        "their face values alone give another figure.",
        why="A reader recomputing from the printed figures gets the face value; when it differs "
        "from the stated one, the editor should know the figure rests on rounding.",
        passes="到位资金从2021年的10亿元增长到2025年的14亿元，年均增长8.8%  "
        "((14/10)^(1/4) − 1 = 8.78%, written 8.8%)",
        example="到位资金从2021年的10亿元增长到2025年的14亿元，年均增长9.0%  (face 8.78%; "
        "the levels' rounding allows [6.48%, 11.15%]: consistent, FC131 at info)",
    ),
    "FC132": CodeDoc(
        what="One quantity stated twice with figures that differ beyond their written precision "
        "but overlap through a qualifier (近, 约, 超).",
        why="近80% and 75% can both be true, yet a reader sees two figures for one quantity; the "
        "editor should pick one.",
        passes="本地配套率近80%。……本地配套率79.6%  (close enough to read as one figure)",
        fails="本地配套率近80%。……本地配套率75%  (近80% = [72%, 80%] meets 75%, but 80 and 75 "
        "differ: FC132, a warning)",
    ),
    "FC142": CodeDoc(
        what="A quantity the article never states but several claims bound together: the range "
        "they allow, with the claims that bound it.",
        why="A base-year level or a total behind several shares is what most inconsistencies "
        "run through; seeing the range it must lie in tells the editor what the figures imply.",
        example="2024年全市粮食产量达到520万吨，比上年增加20万吨，增长4.0%  (2023, not stated: "
        "[499.28, 500.72]万吨 from both changes)",
    ),
    "FC153": CodeDoc(
        what="Lists, in one finding at the end of a drafted article's report, the figures that "
        "could not be drafted with confidence and so were not checked.",
        why="A figure the drafter could not read is never silently lost: the editor sees what "
        "the check did not cover (docs/extract.md).",
        example="factcheck check ARTICLE.txt: 'N figures could not be drafted with confidence "
        "and were not checked: line 11 10.1% (a guess noted), …'",
    ),
    "FC161": CodeDoc(
        what="A recomputation that cannot be made: an input is zero, negative, unbounded, or in "
        "a unit the others cannot be compared with.",
        why="No growth rate starts from zero and no count of months holds firms; saying so is "
        "better than a verdict built on a division by zero.",
        example="新兴产业产值从2021年的0亿元增长到2025年的14亿元，年均增长9.0%  (0亿元 is "
        "[−0.5, 0.5]: no rate from a base that may be zero)",
    ),
}
