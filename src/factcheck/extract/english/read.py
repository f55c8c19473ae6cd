"""The reading of one English figure: its kind, its metric and its period (the second pass).

Kinds, first rule that applies (conventions of English statistical writing):

* ``doubled``/``tripled`` and ``N times`` are multiples; an ordinal in a ranking is a rank;
* a figure after ``compared with``/``versus`` is read like the figure it is compared with;
* ``from X to Y``, ``up from X``: X and Y are levels (shares when their noun is a share);
* a direction written with the figure (``up``, ``rose``, ``an increase of``, ``+1.8``, ``10.7
  percent above``), a ``rate of``/``growth of`` a change, or ``N percent increase`` is a growth,
  an average annual one (``average annual``, ``annual average``, an ``annual rate`` over a span
  of years) a cagr; an ``annual rate`` of a quarter or a month is annualized (in doubt);
* a rate of a ``share``, ``proportion``, ``ratio of X to Y``, ``contribution``, ``accounted
  for``, or ``N percent of`` is a share;
* everything else is a level.

Periods: the time word right after the figure in its clause (``stood at 15 percent in 2016``),
else the nearest one before it in the sentence, else one later in the sentence, else the
paragraph's, else the release's heading (``March 2000``), else the reference year (in doubt).
A change's base is the ``from``/``compared with``/``than`` time word after it (``from March
1999``, ``from the previous month``, ``from a year earlier``); an average annual rate's span is
its span of years (``during 2013-2016`` compounds from 2012, the year before its first) or the
base and period of its sentence (``up 29 percent from 2012 …, an average annual growth of 6.6
percent``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from factcheck import en
from factcheck.extract.english.text import EnglishText, Number
from factcheck.extract.english.times import When, base_text, point_text
from factcheck.extract.english.times import before as one_before
from factcheck.extract.english.words import (
    MAX_WORDS,
    SHARE_MARKS,
    cut_start,
    noun_after,
    phrase,
    share_parts,
)

_RATES = ("%", "percent", "percentagepoint", "percentagepoints")
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s*$", re.IGNORECASE)
_FROM_TO = re.compile(r"\b(?:from|to)\s*$", re.IGNORECASE)
_RATE_OF = re.compile(
    r"\b(?:rate|growth|increase|rise|gain|surge|jump|expansion"
    r"|(?P<down>decline|decrease|drop|fall|contraction|slump))"
    r"(?:\s+rate)?\s+of\s*$",
    re.IGNORECASE,
)
_UP_VERBS = frozenset(w for w in en.UP_WORDS if w.isalpha() and not w.startswith("a"))
_DOWN_VERBS = frozenset(w for w in en.DOWN_WORDS if w.isalpha() and not w.startswith("a"))
_JOINER = re.compile(r"[\s,]*(?:and|or)?(?:\s+by)?\s*", re.IGNORECASE)
_PLACE_AND = re.compile(r"^\s*(?:in|for|at|on)\s+[^,;]*?\s(?:and|or)(?:\s+by)?\s*$", re.I)
_OR_AMOUNT = re.compile(r"^[\s,]*or\s*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^\s+to\s+(?:the\s+)?([A-Za-z][\w'’&-]*(?:\s+[A-Za-z][\w'’&-]*){0,3})")
_PRONOUN = re.compile(r"^(?:those|that|this|it|they|these|which)\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# A subject that is only a pronoun and its verb (This follows a rise of 0.2%, It rose 3
# percent) names nothing: the metric is the one before. (``those in rural areas`` says more.)
_BARE_PRONOUN = re.compile(r"^(?:this|it|they|these|which)(?:\s+[a-z]+)?$", re.IGNORECASE)
# A sentence opening with what it leaves out qualifies each of its metrics: ``Excluding food and
# energy prices, the PCE price index increased 1.4 percent`` is of the index excluding them.
_EXCLUDING = re.compile(r"\s*(excluding|excluding the|less|ex)\s+([^,;:]{3,60}),", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    r"^[\s-]+(?:increase|rise|gain|growth|jump|decline|decrease|drop|fall|contraction)\b", re.I
)
_AVERAGE = re.compile(
    r"\baverage\s+annual|\bannual\s+average|\bcompound\s+annual|\bCAGR\b|\ba\s+year\s+on\s+average"
    r"|\beach\s+year\s+on\s+average|\baverage\s+(?:yearly|annual)\b",
    re.IGNORECASE,
)
_ANNUAL_RATE = re.compile(r"\bannual(?:ized)?\s+rate\b|\bannually\b|\bper\s+(?:year|annum)\b", re.I)
_OF_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?([A-Za-z][\w'’&-]*(?:\s+[A-Za-z][\w'’&-]*){0,4})")
_GROWTH_NOUN = re.compile(r"^(.+?)\s+growth(?:\s+rate)?$", re.IGNORECASE)
_REAL = re.compile(
    r"\b(?:constant|comparable)\s+prices\b|\badjusting\s+for\s+inflation\b|\binflation[- ]adjusted"
    r"\b|\bin\s+real\s+terms\b",
    re.IGNORECASE,
)
_RECORD = re.compile(
    r"\b(?:highest|lowest|fastest|slowest|strongest|weakest|biggest|largest|smallest|best|worst"
    r"|first\s+time|record)\b[^,;.]*$",
    re.IGNORECASE,
)
_THE_ORDINAL = re.compile(
    r"(?:\s+\((?:revised|unrevised|advance|preliminary)\))?"  # 2.3 percent (revised) in the second
    r"\s+in\s+the\s+(first|second|third|fourth)\b(?![\s-]+(?:quarter|half))",
    re.IGNORECASE,
)
# compared with an increase of 0.9 percent in the second quarter: the comparison's time
_COMPARED = re.compile(r"\bcompared\s+(?:with|to)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:]|\s--?\s|\s[–—]\s")
# a decrease in the goods deficit of $0.8 billion: a change of the goods deficit
_CHANGE_IN = re.compile(
    r"\b(?:an?\s+)?(?:increase|rise|gain|jump|(?P<down>decrease|decline|drop|fall|contraction))"
    r"\s+in\s+(?P<what>[A-Za-z][\w'’&-]*(?:\s+[A-Za-z][\w'’&-]*){0,7}?)\s+of\s*$",
    re.IGNORECASE,
)
# $4.4 billion less than May exports: a change from the time word after "than"
_THAN_AFTER = re.compile(
    r"\s+(?:(?P<down>less|lower|smaller|below)|more|higher|larger|greater|above)\s+than\s+(?:the\s+)?",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"[A-Z][a-z][a-z-]*")
_SENTENCE_HEAD = re.compile(r"[^A-Za-z]*(?:(?:the|a|an)\s+)?", re.IGNORECASE)
BORROWED = "metric borrowed from an earlier sentence"


@dataclass
class Fig:
    """An English figure being drafted (mutable while it is read)."""

    number: Number
    value: str
    vstart: int
    vend: int
    direction: int  # +1 or -1 when a direction is written, else 0
    adjacent: bool  # the direction is written with the figure (up 12%)
    kind: str = "level"
    metric: str = ""
    phrase: str = ""  # the noun phrase as written (a share's whole phrase)
    whole: str | None = None
    period: str = ""
    base: str | None = None
    basis: str | None = None
    tail: int = 0  # where the figure's words end (its value, and a noun phrase after it)
    paired: str = ""  # "from" or "to": one end of "from X to Y"
    listed: bool = False  # after "and" in a list of figures (its subject is not written)
    after_base: bool = False  # 10.7 percent above (last year): what follows is the base
    base_word: When | None = None  # the time word its base came from
    compared: bool = False  # after "compared with"
    notes: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)


@dataclass
class Article:
    """What reading a figure needs of its article."""

    t: EnglishText
    times: list[When]
    entity: str
    year: int
    heading: When | None
    strip: tuple[str, ...]  # the lexicon's words of equality (reached): no part of a metric
    starts: list[int] = field(default_factory=list)  # where each figure's value words start
    done: list[Fig] = field(default_factory=list)  # the figures read so far, in text order
    latest: int | None = None  # the last month of the reference year the article dates
    _time_starts: list[int] = field(default_factory=list)

    def year_of(self, w: When) -> int:
        """The year of a time word; a quarter or a month without one is of the reference
        year, or of the year before when it lies after the latest period the article dates
        (``In the fourth quarter`` in a release on the first quarter of 2023 is 2022Q4)."""
        if w.year:
            return w.year
        month = (w.first or 1) * 3 if w.kind == "quarter" else w.last or 12
        if self.latest is None:
            dated = [
                (v.first or 1) * 3 if v.kind == "quarter" else v.last or 12
                for v in self.times
                if v.year == self.year and v.kind in ("quarter", "month", "months")
            ]
            self.latest = max(dated, default=12)
        return self.year - 1 if month > self.latest else self.year

    def lead_time(self) -> When | None:
        """The first time word that times a figure of the first paragraph with figures."""
        if not self.done:
            return None
        first = self.done[0]
        par = self.t.paragraph_start(first.vstart)
        end = next((p for p in self.t.paragraph_marks if p > first.vstart), len(self.t.text))
        return next((w for w in self.times_in(par, end) if w.point and w.role == "point"), None)

    def times_in(self, start: int, end: int) -> list[When]:
        """The time words wholly inside [start, end)."""
        if len(self._time_starts) != len(self.times):
            self._time_starts = [w.start for w in self.times]
        i, j = bisect_left(self._time_starts, start), bisect_left(self._time_starts, end)
        return [w for w in self.times[i:j] if w.end <= end]


def read(f: Fig, prev: list[Fig], a: Article) -> None:
    """Kind, metric and period of a figure; ``prev``: the figures before it in its sentence."""
    text = a.t.text
    s_start, s_end = a.t.sentence(f.vstart)
    seg = max(s_start, prev[-1].tail if prev else s_start)
    lead = text[seg : f.vstart]
    i = bisect_left(a.starts, f.vend)
    following = a.starts[i] if i < len(a.starts) else len(text)
    mark = _CLAUSE_END.search(text, f.vend, s_end)  # a bracket (±0.7%) ends no clause here
    nxt = min(following, mark.start() if mark else s_end)
    after_text = text[f.vend : nxt]
    last = re.split(r"[,;:]", lead)[-1]
    if prev and (_JOINER.fullmatch(lead) and lead.strip() or _PLACE_AND.match(lead)):
        f.listed = True  # 14.5 percent and 13.7 percent; 0.3% in the euro area and by 0.5%
        if prev[-1].compared:
            lead = text[prev[-1].vstart - 20 : prev[-1].vstart]  # compared with 2.5% X and 4% Y
    cut = cut_start(text, seg, f.vstart)
    own = phrase(text, cut, f.vstart, a.times_in(cut, f.vstart), a.strip, a.entity)
    own = "" if _BARE_PRONOUN.match(own) else own
    change_in = _CHANGE_IN.search(text, seg, f.vstart)
    if change_in:  # a decrease in the goods deficit of $0.8 billion
        w0, w1 = change_in.span("what")
        own = phrase(text, w0, w1, a.times_in(w0, w1), a.strip, a.entity)
        f.direction = f.direction or (-1 if change_in["down"] else 1)
    rate = f.number.unit in _RATES
    than = _THAN_AFTER.match(text, f.vend) if not rate and not f.direction else None
    base = (
        next((w for w in a.times_in(than.end(), s_end) if w.start == than.end()), None)
        if than
        else None
    )
    if than and base is not None and base.role == "base":
        # June exports were $206.3 billion, $4.4 billion less than May exports: down from May
        f.direction = -1 if than["down"] else 1
        c_end = a.t.clause(f.vstart)[1]
        own = noun_after(text, base.end, max(base.end, c_end)) or own
    clause = text[cut : f.vstart]
    f.kind = _kind(f, prev, lead, last, after_text, own or clause, rate, text[s_start : f.vstart])
    if (change_in or (than and base is not None and f.direction)) and f.kind == "level":
        f.kind = "growth"
    _metric(f, prev, a, own, seg, s_start, after_text)
    f.metric = _sentence_case(f.metric, text, s_start)
    left_out = _EXCLUDING.match(text, s_start, f.vstart)
    if left_out and f.metric and "excluding" not in f.metric.lower():
        f.metric = f"{f.metric} excluding {left_out[2].strip()}"
    up_from = re.search(r"\bfrom\s*$", lead, re.IGNORECASE)
    # grew 10.2 percent in November, up from 10 percent in October: the rate before; but down
    # $0.2 billion from $55.3 billion in May: an amount changes from a level
    after_change = prev and prev[-1].kind in ("growth", "cagr", "share")
    if (
        f.paired
        and up_from
        and after_change
        and not own
        and (rate or prev[-1].number.unit in _RATES)
    ):
        f.kind = prev[-1].kind
        f.base_word = prev[-1].base_word
    if _REAL.search(text, s_start, s_end) and f.kind in ("growth", "cagr"):
        f.basis = "real"
    if _RESPECTIVELY.search(text, s_start, s_end):
        f.doubts.append("a 'respectively' list: its subjects are not split")
    if _PRONOUN.match(f.metric):
        f.doubts.append(f"metric '{f.metric}' is a pronoun")
    _period(f, prev, a, s_start, s_end, nxt)


def _kind(
    f: Fig,
    prev: list[Fig],
    lead: str,
    last: str,
    after: str,
    own: str,
    rate: bool,
    sentence: str,
) -> str:
    """The kind of a figure (see the module docstring); ``last``: the lead's last clause."""
    n = f.number
    if n.word or n.unit == "times":
        return "multiple"
    if n.ordinal:
        return "rank"
    if prev and _COMPARED.search(lead):
        f.compared = True
        return prev[-1].kind
    if n.sign in ("+", "-", "−"):
        return "growth"  # revised from +1.1 percent to +1.8 percent: signed changes
    if m := _FROM_TO.search(lead):
        f.paired = m[0].strip().lower()
        share = SHARE_MARKS.search(own) or SHARE_MARKS.search(sentence)
        return "share" if rate and share else "level"
    if prev and f.listed and prev[-1].kind in ("growth", "cagr"):
        f.doubts.append("one of a list of figures: its subject is not written")
        f.direction = f.direction or prev[-1].direction
        return prev[-1].kind
    if prev and _OR_AMOUNT.match(last) and prev[-1].kind == "growth" and prev[-1].direction:
        f.direction = prev[-1].direction  # increased 3.8 percent, or $249.4 billion
        return "growth"
    rate_of = _RATE_OF.search(lead)
    if rate_of and rate_of["down"] and not f.direction:
        f.direction = -1  # an estimated fall of 0.2%
    verb = _verb(lead) if rate and not f.adjacent else 0
    if verb and not f.direction:
        f.direction = verb  # GDP fell by an estimated 0.2%
    f.after_base = f.adjacent and f.vend > n.end  # 10.7 percent above (last year)
    if f.adjacent or rate_of or verb or (rate and _CHANGE_AFTER.match(after)):
        if rate and (_AVERAGE.search(lead) or _AVERAGE.match(after.strip())):
            return "cagr"
        if rate and (_ANNUAL_RATE.search(lead) or _ANNUAL_RATE.search(after)):
            return "cagr?"  # an annual rate: over a span of years a cagr, else annualized
        return "growth"
    if rate and (SHARE_MARKS.search(own) or SHARE_MARKS.search(lead) or _OF_AFTER.match(after)):
        return "share"
    if rate and (_GROWTH_NOUN.match(own) or own.lower() in ("growth", "growth rate")):
        return "growth"  # GDP growth was 6.9 percent
    return "level"


def _sentence_case(metric: str, text: str, s_start: int) -> str:
    """A metric whose first word is capitalized only because it opens its sentence (``Exports
    increased``, ``Durable goods decreased``) in lower case, as the same words read mid-sentence
    (``June exports were``); a place or a possessive (``Beijing's GDP``) keeps its capital."""
    first = metric.split(" ", 1)[0]
    if not _TITLE_WORD.fullmatch(first) or first.lower() in en.PLACES:
        return metric
    head = _SENTENCE_HEAD.match(text, s_start)
    at = head.end() if head else s_start
    if not text.startswith(first, at) or text[at + len(first) : at + len(first) + 1].isalnum():
        return metric
    return metric[:1].lower() + metric[1:]


def _verb(lead: str) -> int:
    """The direction of the last direction verb of the lead's last clause (+1, -1, or 0)."""
    clause = re.split(r"[,;:]", lead)[-1]
    for word in reversed(re.findall(r"[a-z]+", clause.lower())):
        if word in _UP_VERBS:
            return 1
        if word in _DOWN_VERBS:
            return -1
    return 0


def _metric(
    f: Fig, prev: list[Fig], a: Article, own: str, seg: int, s_start: int, after: str
) -> None:
    text = a.t.text
    if f.kind == "growth" and (m := _GROWTH_NOUN.match(own)):
        own = m[1]  # GDP growth was 6.9 percent: a change of GDP
    elif f.kind == "growth" and own.lower() in ("growth", "growth rate"):
        own, seg = "", -1  # the growth rate reached 9 percent: of the metric before
    # a 2.8 per cent increase: no metric after it (4 percent growth of developing economies is)
    change = _CHANGE_AFTER.match(after)
    change_noun = change is not None and not re.match(r"\s*(?:of|in)\b", after[change.end() :])
    noun = noun_after(text, f.vend, f.vend + len(after)) if not own and not change_noun else ""
    f.tail = f.vend + (after.find(noun) + len(noun) if noun and noun in after else 0)
    if not own and f.kind == "share" and (m := _OF_AFTER.match(after)):
        f.whole = m[1]  # accounting for 13.8 percent of all major industrial enterprises
        noun = "" if prev else noun or m[1]
    lead = text[max(seg, s_start) : f.vstart]
    if f.kind == "share" and re.search(r"\bcontribut", lead) and (m := _TO_AFTER.match(after)):
        f.whole = m[1]  # domestic demand contributed 68.8 percent to GDP growth
    if not own and not noun and not prev and seg >= 0:
        # advance estimates of retail sales for March, adjusted …, were $269.2 billion: the
        # subject of the sentence's first clause
        own = _subject(a, s_start, f.vstart)
    words = own or noun
    if words:
        f.phrase = words
    elif prev:
        source = prev[-1]
        f.phrase, f.metric = source.phrase, source.metric
        f.whole = f.whole or source.whole
        if source.kind == "share" and f.kind != "share":
            f.metric, f.whole = source.phrase, None  # up 3 points: the share's own words
        points = f.number.unit.startswith("percentagepoint")
        rated = source.kind in ("growth", "cagr") and source.number.unit in ("%", "percent")
        if points and rated and f.kind == "growth":
            f.doubts.append("a change in points of a growth rate, not of its metric")
        if f.compared and not noun:
            f.doubts.append("a figure compared with another: its subject is not written")
        return
    else:
        earlier = _earlier(f, a)
        if earlier is None:
            f.doubts.append("no metric found")
            f.metric = "unnamed"
            return
        f.phrase, f.metric, f.whole = earlier.phrase, earlier.metric, earlier.whole
        f.doubts.append(BORROWED)
        return
    if f.kind == "share":
        whole = f.whole
        f.metric, f.whole = share_parts(words)
        f.whole = f.whole or whole
        if f.whole is None and (m := _OF_AFTER.match(after)):
            f.whole = m[1]
    else:
        f.metric = words
    if len(f.metric.split()) > MAX_WORDS or re.search(r"[0-9]", f.metric):
        f.doubts.append(f"metric '{f.metric}' is not a noun phrase")


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+,")  # BEIJING, July 17 (Xinhua) --


def _subject(a: Article, start: int, end: int) -> str:
    """The noun phrase of the first clause of a sentence that has one, a dateline aside."""
    text = a.t.text
    at = start
    if _DATELINE.match(text, start, end) and (dash := text.find("--", start, start + 80)) >= 0:
        at = dash + 2  # BEIJING, July 17 (Xinhua) -- China's value-added industrial output, …
    while at < end:
        c_start, c_end = a.t.clause(at)
        c_end = min(c_end, end)
        cut = cut_start(text, c_start, c_end)
        words = phrase(text, cut, c_end, a.times_in(cut, c_end), a.strip, a.entity)
        aside = text[max(0, c_start - 1) : c_start] == "("
        words = "" if _BARE_PRONOUN.match(words) else words
        if words and not aside and "(" not in text[c_start:c_end]:
            return words
        at = c_end + 1
    return ""


def _earlier(f: Fig, a: Article) -> Fig | None:
    """The last figure of the paragraph before this sentence that has a metric of its own."""
    par = a.t.paragraph_start(f.vstart)
    for g in reversed(a.done):
        if g.vstart < par:
            break
        if g.metric and g.vend <= f.vstart and BORROWED not in g.doubts:
            return g
    return None


def _period(f: Fig, prev: list[Fig], a: Article, s_start: int, s_end: int, nxt: int) -> None:
    after = [w for w in a.times_in(f.vend, nxt)]
    before = [w for w in a.times_in(s_start, f.vstart)]
    later = [w for w in a.times_in(nxt, s_end)]

    def timing(w: When) -> bool:
        return (w.point or w.kind == "same") and w.role in ("point", "to")

    points = [w for w in after if timing(w)]
    point = points[0] if points else None
    if point is None:
        near = [w for w in before if timing(w)]
        point = near[-1] if near else None
    if point is None:
        point = next((w for w in later if timing(w)), None)
    if f.compared and prev and not points:  # its own time follows it, or it is the other's
        f.period, f.base = prev[-1].period, prev[-1].base
        par = a.t.paragraph_start(f.vstart)
        was = [w for w in a.times_in(par, s_start) if w.point and _compared(a, w)]
        if was and not [w for w in before if timing(w)]:
            # …, compared with an increase of 0.9 percent in the second quarter. The PCE price
            # index increased 1.5 percent, compared with an increase of 0.3 percent: the same
            f.period, f.base = point_text(was[-1], a.year_of(was[-1])), None
        quarter = _THE_ORDINAL.match(a.t.text, f.vend)
        if quarter and re.fullmatch(r"[0-9]{4}Q[1-4]", f.period):
            # an increase of 3.1 percent in the second (quarter), after the third quarter's
            f.period, f.base = f"{f.period[:4]}Q{en.QUARTERS[quarter[1].lower()]}", None
        return
    if f.after_base:  # 0.4% below its level of Quarter 4 2019: what follows is the base
        after, later = [_as_base(w) if w.role == "point" else w for w in after], []
        near = [w for w in before if timing(w)]
        point = near[-1] if near else None
    text = a.t.text

    def based(w: When) -> bool:  # the highest since 2008: a record, not the change's base
        return w.role in ("from", "base") and not _RECORD.search(
            text, max(0, w.start - 40), w.start
        )

    after, before, later = (
        [w for w in after if w.role not in ("from", "base") or based(w)],
        [w for w in before if w.role not in ("from", "base") or based(w)],
        [w for w in later if w.role not in ("from", "base") or based(w)],
    )
    bases = [w for w in after if w.role in ("from", "base") and w.kind != "same"]
    bases += [w for w in before if w.role in ("from", "base") and w.start >= _seg(prev, s_start)]
    if not bases and _following(a, f, s_end) >= s_end:
        bases = [w for w in later if w.role in ("from", "base") and w.kind != "same"]
    if not bases and f.base_word is not None:
        bases = [f.base_word]  # up from 10 percent in October: year on year, as the figure before
    start = next((g for g in prev if g.paired == "from"), None)
    end = next((g for g in prev if g.paired == "to"), None)
    if not bases and f.kind == "growth" and start and end and start.period != end.period:
        f.period, f.base = end.period, start.period  # rose from X in 2020 to Y in 2022, up 50%
        return
    spans = [w for w in (*before, *after) if w.kind == "span"]
    if point is not None and point.kind == "same":
        text = _same(f, prev, a)
    elif point is None and (back := next((w for w in after if w.role == "prev"), None)):
        text = one_before(_carried(f, a), back.shift)  # This follows a rise of 0.2% in the previous
    else:  # quarter: the one before the time the paragraph is read in
        text = point_text(point, a.year_of(point)) if point else _carried(f, a)
    if f.kind in ("cagr", "cagr?"):
        _span_of(f, prev, a, spans, bases, point, text)
        return
    if f.kind in ("growth", "multiple"):
        span = spans[-1] if spans and (point is None or point.kind == "span") else None
        if span is not None:
            f.period, f.base = str(span.last), str(span.first)
            return
        if point is not None and point.kind == "months" and point.change:
            year = point.year or a.year
            f.period = f"{year}-{point.last:02d}"  # the January to February percent change
            f.base = f"{year}-{point.first:02d}"
            return
        f.period = text.split("-")[-1] if point is not None and point.kind == "span" else text
        start_at = _start_level_time(f, a) if not bases else None
        if bases:
            f.base_word = bases[0]
            f.base = base_text(bases[0], f.period, a.year)
        elif start_at is not None:  # down $0.2 billion from $55.3 billion in May
            f.base = point_text(start_at, a.year_of(start_at))
        elif re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}|Q[1-4]|年.*)", f.period):
            f.doubts.append("base not written: the month or quarter before, or a year before?")
        return
    f.period = text


_FROM_LEVEL = re.compile(r"\s+from\s+", re.IGNORECASE)


def _start_level_time(f: Fig, a: Article) -> When | None:
    """The time of the level a change starts from, written right after it (``down $0.2 billion
    from $55.3 billion in May``): the first time word of the clause of that level."""
    m = _FROM_LEVEL.match(a.t.text, f.vend)
    i = bisect_left(a.starts, f.vend)
    if m is None or i >= len(a.starts) or a.starts[i] != m.end():
        return None
    _, c_end = a.t.clause(m.end())
    return next((w for w in a.times_in(m.end(), c_end) if w.point and w.role == "point"), None)


def _as_base(w: When) -> When:
    return When(w.start, w.end, w.kind, w.year, w.first, w.last, w.shift, "base")


def _following(a: Article, f: Fig, s_end: int) -> int:
    """Where the next figure after ``f`` starts, or the sentence end when none is in it."""
    i = bisect_left(a.starts, f.vend)
    return min(a.starts[i], s_end) if i < len(a.starts) else s_end


def _seg(prev: list[Fig], s_start: int) -> int:
    return prev[-1].vend if prev else s_start


def _carried(f: Fig, a: Article) -> str:
    """The period of a figure without a time word in its sentence: the paragraph's last one,
    else the heading's, else the reference year (a guess)."""
    par = a.t.paragraph_start(f.vstart)
    s_start, _ = a.t.sentence(f.vstart)
    near = [
        w for w in a.times_in(par, s_start) if w.point and w.role == "point" and not _compared(a, w)
    ]
    if near:
        return point_text(near[-1], a.year_of(near[-1]))
    if a.heading is not None:
        return point_text(a.heading, a.year_of(a.heading))
    lead = a.lead_time()
    if lead is not None and lead.end <= par:  # a news story's first paragraph times it
        return point_text(lead, a.year_of(lead))
    f.notes.append("period not written; the reference year assumed")
    return str(a.year)


def _compared(a: Article, w: When) -> bool:
    """Whether a time word stands in a comparison's part of its sentence (``…, compared with
    an increase of 0.9 percent in the second quarter``): it times what is compared with, and a
    sentence after it without a time word is read in the sentence's own time instead."""
    s_start, _ = a.t.sentence(w.start)
    return _COMPARED.search(a.t.text, s_start, w.start) is not None


def _same(f: Fig, prev: list[Fig], a: Article) -> str:
    """``in the same period``: the span the sentence before named; the end of it, or its start
    for the first end of a ``from X to Y``."""
    s_start, _ = a.t.sentence(f.vstart)
    earlier = a.times_in(a.t.sentence(max(0, s_start - 2))[0], s_start)
    years = [w.year for w in earlier if w.year and w.kind in ("year", "span")]
    firsts = [w.first for w in earlier if w.kind == "span" and w.first]
    if not years:
        f.doubts.append("'the same period' not found")
        return str(a.year)
    end, start = max(years), min([*years, *firsts])
    return str(start if f.paired == "from" else end)


def _span_of(
    f: Fig,
    prev: list[Fig],
    a: Article,
    spans: list[When],
    bases: list[When],
    point: When | None,
    text: str,
) -> None:
    """The span of an average annual rate (see the module docstring)."""
    annual_only = f.kind == "cagr?"
    f.kind = "cagr"
    if spans:
        span = spans[-1]
        if span.words:  # from 2013 to 2016: from 2013, or the years 2013 to 2016?
            f.doubts.append("a span in words: the first year may be the base or its first year")
            f.period = f"{span.first}-{span.last}"
        else:  # during 2013-2016: the growth of the years 2013 to 2016, from the end of 2012
            f.period = f"{(span.first or 0) - 1}-{span.last}"
        return
    base = bases[0] if bases else None
    if base is None and prev:
        source = next((g for g in reversed(prev) if g.base and g.kind == "growth"), None)
        if source is not None:
            f.period = f"{source.base}-{source.period}"
            return
    if base is not None and base.year and point is not None and point.year:
        f.period = f"{base.year}-{point.year}"
        return
    f.kind, f.period = "growth", text
    if annual_only:
        f.doubts.append("an annual rate of a period shorter than a year (annualized)")
    else:
        f.doubts.append("an average annual rate, but its span is not written")
