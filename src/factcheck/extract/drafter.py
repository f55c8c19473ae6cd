"""The state of drafting one article, shared by the stages of :mod:`factcheck.extract`.

:class:`Drafter` finds the mentions, sets aside the ones that are not figures, reads each
figure's value with the rule pack's lexicon, and guesses the reference year, the entity and the
default plan (the first pass). The second pass (:mod:`~factcheck.extract.describe`) and the
assembly (:mod:`~factcheck.extract.assemble`) read and fill in its figures.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left
from collections import Counter

from factcheck.errors import ValueProblem
from factcheck.extract.dating import Dating, last_month, latest_ended
from factcheck.extract.metric import prefix_text
from factcheck.extract.model import Skipped
from factcheck.extract.nonfig import is_duration
from factcheck.extract.rules import VERBS, Figure, rank_words, skip_reason, value_words
from factcheck.extract.text import (
    REACH,
    UNKNOWN_ENTITY,
    ArticleContext,
    comparatives,
    guess_entity,
    quote_span,
)
from factcheck.mentions import Mention, find_mentions
from factcheck.numbers import parse_value
from factcheck.rulepack import RulePack
from factcheck.units import unit_info
from factcheck.zh import PLACE_VALUES as _MAGNITUDE
from factcheck.zh import RESPECTIVELY

_JOINERS = ("、", "和", "与", "及", "、和")
_UNDATED = ("quarter", "month", "months")  # period words that may be written without a year
MAX_PREV = 30  # figures of a sentence a figure may refer back to (a bound for marathon sentences)


class Drafter:
    """The state of drafting one article."""

    def __init__(
        self,
        text: str,
        pack: RulePack,
        entity: str | None,
        year: int | None,
        published: datetime.date | None = None,
    ):
        self.pack, self.lex = pack, pack.lexicon
        found = find_mentions(text)
        taken = {i for m in found for i in range(m.start, m.end)}
        extra = [m for m in rank_words(text) if m.start not in taken]
        self.mentions = sorted(found + extra, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        compared = comparatives(pack.lexicon.prefixes)  # 高于2019年同期: a base
        self.ctx = ArticleContext(text, self.mentions, pack.plans, compared)
        self.entity = entity or guess_entity(text)
        # A national article (or one naming no place) writes the nation as 中国 as well as 我国
        # (中国GDP已破百万亿, 中国的R&D支出): a scope word, not part of the metric.
        national = ("中国",) if self.entity in ("全国", "中国", UNKNOWN_ENTITY) else ()
        self.names = tuple(dict.fromkeys((self.entity, self.entity[:2], *national)))
        self.skipped: list[Skipped] = []
        self.figures: list[Figure] = []
        for m in self.mentions:
            if (f := self._figure(m)) is not None:
                self.figures.append(f)
        self.starts = [f.mention.start for f in self.figures]
        self.undated = not any(
            t.year or t.kind == "since" for t in self.ctx.times if t.kind != "plan"
        )
        self.published = published
        day = published or datetime.date.today()
        self.year = year or self._reference_year(day)
        relative = published.year if published else self.year
        self.dating = Dating(self.year, day, self.undated and not year, relative, bool(published))
        self.default_plan = self._default_plan()

    def skip(self, m: Mention, reason: str, why: str) -> None:
        quote, _, _ = quote_span(self.ctx, *self.ctx.clause(m.start), m.start, m.end)
        self.skipped.append(Skipped(m.text, m.line, quote or m.text, reason, why, m.start, m.end))

    def _figure(self, m: Mention) -> Figure | None:
        reason = skip_reason(m, self.ctx)
        if reason is not None:
            why = {"date": "a time word", "age": "an age", "other": "no single value"}
            if reason == "other" and is_duration(m, self.ctx):
                why["other"] = "a length of time"
            self.skip(m, reason, why.get(reason, "part of a name or label"))
            return None
        f = value_words(m, self.ctx, self.lex)
        try:
            stated = parse_value(f.value, self.lex)
            unit = unit_info(stated.unit) if stated.form == "number" else None
        except ValueProblem as exc:
            if not self._borrow_unit(f):
                self.skip(m, "other", f"{exc.code} {exc.message}")
                return None
            return f
        f.unit, f.form = stated.unit, stated.form
        f.dimension = unit.dimension if unit else stated.form
        if unit and not unit.dimension and m.text[-1] in _MAGNITUDE:
            self._borrow_unit(f)  # 迈过百亿门槛 after 超700亿元: 百亿 is 百亿元
        return f

    def _borrow_unit(self, f: Figure) -> bool:
        """A bare magnitude (百亿, 2.8万) takes the unit of the figure before it in its
        sentence (``超700亿元…百亿`` → 百亿元); False when there is none to take."""
        if f.mention.text[-1] not in _MAGNITUDE:
            return False
        start, _ = self.ctx.sentence(f.mention.start)
        for g in reversed(self.figures[-MAX_PREV:]):
            if g.mention.start < start:
                break
            base = g.unit.lstrip(_MAGNITUDE)
            if base and g.unit != base:
                try:
                    stated = parse_value(f.value + base, self.lex)
                    unit = unit_info(stated.unit)
                except ValueProblem:
                    return False
                f.value += base
                f.unit, f.dimension = stated.unit, unit.dimension
                return True
        return False

    def _reference_year(self, published: datetime.date) -> int:
        """The latest year that times a figure (so a target year such as 2028 does not count;
        nor does a start, 从2013年的1.76), else the latest year written, but the publication year
        when every year written is a base or a start (比2019年, 对比…的2019年, 从2013年的: the
        figures are of the time the article reports); in an article that writes no year, the
        year of its first period word (一季度 published in April: this year's; see
        :mod:`.dating`), else the publication year."""
        years = []
        for f in self.figures:
            times = [t for t in self.ctx.times_before(f.vstart) if t.role != "base"]
            last = times[-1] if times else None
            if last and last.year is not None and last.kind != "plan" and last.role != "from":
                years.append(last.year)
        if years:
            return max(years)
        written = [t for t in self.ctx.times if t.kind == "year" and t.year]
        points = [t.year for t in written if t.role in ("point", "to") and t.year]
        if self.published is not None and written and not points:
            # 比2019年…, 从2013年的…: only bases and starts are written; the figures are of
            # the time the article is published in
            return max(self.published.year, *(t.year for t in written if t.year))
        if written:
            return max(t.year for t in written if t.year)
        for t in self.ctx.times:
            if t.kind in _UNDATED and t.year is None and (month := last_month(t.period)):
                return latest_ended(month, published)
        return published.year

    def _default_plan(self) -> str | None:
        """The plan an average annual rate without a written span refers to: the plan the
        article names most often among those begun by the reference year; none when the
        article names no plan (十四五 only where the text says so)."""
        counts = Counter(t.period for t in self.ctx.times if t.kind == "plan")
        plans = self.pack.plans
        named = [p for p in counts if plans[p][0] <= self.year]
        if named:
            return max(named, key=lambda p: (counts[p], plans[p][1]))
        return None

    # ---- second pass: kind, period and metric of each figure, and 'respectively' groups

    def groups(self) -> list[list[Figure]]:
        """Figures in text order, the members of each 分别 (依次) list together."""
        out: list[list[Figure]] = []
        for f in self.figures:
            last = out[-1] if out else None
            if last and len(last) >= 1 and self._joins(last, f):
                last.append(f)
            else:
                out.append([f])
        return out

    def _joins(self, group: list[Figure], f: Figure) -> bool:
        lead = group[0]
        c_start, _ = self.ctx.clause(lead.mention.start)
        lead_words = self.ctx.text[c_start : lead.vstart]  # c_start: REACH back at most
        if not any(w in lead_words for w in RESPECTIVELY):
            return False
        gap = self.ctx.text[group[-1].vend : f.vstart]
        verb = next((v for v in VERBS if gap.endswith(v)), "")
        return gap[: len(gap) - len(verb)] in _JOINERS  # 分别增长4.5%和下降19.7%

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause of a figure, extended back over a list of nouns before it
        (数字经济、化工循环、…4个集群; 永昌县、金川区地区生产总值…)."""
        start, end = self.ctx.clause(pos)
        text = self.ctx.text
        while start > max(0, pos - REACH) and text[start - 1] == "、":  # a list, REACH back at most
            before, _ = self.ctx.clause(start - 1)
            if any(before <= g.mention.start < start for g in self._near(before, start)):
                break
            start = before
        return start, end

    def with_time_clause(self, start: int) -> int:
        """Start a quote at the time clause before it (“十四五”期间, / 2025年,), so that the
        time word the claim's period comes from is covered by the quote too."""
        ctx, text = self.ctx, self.ctx.text
        if start < 2 or text[start - 1] not in "，,":
            return start
        a, b = ctx.clause(start - 2)
        if b - a > 20:  # a time clause is a few characters: “十四五”期间, 2025年底
            return start
        times = ctx.times_between(a, b)
        if not times or ctx.sentence(a) != ctx.sentence(start):
            return start
        rest = prefix_text(ctx, a, b)
        return a if not rest.strip(" \u3000期间以来底末") else start

    def _near(self, start: int, end: int) -> list[Figure]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.figures) and self.figures[i].mention.start < end:
            out.append(self.figures[i])
            i += 1
        return out

    def next_start(self, pos: int) -> int:
        i = bisect_left(self._mention_starts, pos)
        return self._mention_starts[i] if i < len(self._mention_starts) else len(self.ctx.text)
