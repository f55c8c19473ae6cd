"""Drafting an English article's claims: the stages of :mod:`factcheck.extract.english` in order,
and each figure's claim checked with the real parsers (value, unit, kind, period) as the Chinese
path checks them, demoted to a level or set aside with the parser's message when it does not
fit: nothing is silently lost."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections import Counter

from factcheck import en
from factcheck.claimfields import form_fits
from factcheck.errors import ValueProblem
from factcheck.extract.dating import latest_ended
from factcheck.extract.english.read import Article, Fig, read
from factcheck.extract.english.skips import skip_reason
from factcheck.extract.english.text import EnglishText, Number, find_numbers
from factcheck.extract.english.times import When, find_times
from factcheck.extract.english.words import value_words
from factcheck.extract.links import Frame, draft_links
from factcheck.extract.model import Draft, DraftClaim, Field, Skipped
from factcheck.numbers import parse_value
from factcheck.periods import parse_period
from factcheck.rulepack import RulePack
from factcheck.units import UnitInfo, unit_info

_MONEY = re.compile(r"\b(?:U\.S\.|US|Hong Kong)\s+dollars?\b|\b(?:US|HK)\$")
_RATES = ("%", "percent")
MAX_PREV = 30  # figures of a sentence a figure may refer back to (a bound for long sentences)
MAX_QUOTE = 200  # characters of a quote; a longer clause is cut around its figure


def draft_english(
    text: str,
    pack: RulePack,
    entity: str | None = None,
    year: int | None = None,
    published: datetime.date | None = None,
) -> Draft:
    """Draft the claims of an English article; ``entity`` and ``year`` default to guesses (the
    year from ``published`` when the text writes none, see :func:`_reference_year`)."""
    numbers = find_numbers(text)
    t = EnglishText(text, numbers)
    times = find_times(text)
    lex = pack.lexicon
    bounds = [w for w, b in lex.prefixes.items() if b != "equal" and w.isascii()]
    equal = tuple(w for w, b in lex.prefixes.items() if b == "equal" and w.isascii())
    after = [w for w in lex.suffixes if w.isascii()]
    skipped: list[Skipped] = []
    figures: list[Fig] = []
    starts = [w.start for w in times]

    def in_time(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < times[i].end

    for n in numbers:
        reason = skip_reason(n, t, in_time)
        if reason is not None:
            skipped.append(_skip(t, n, *reason))
            continue
        vstart, vend, direction, adjacent = value_words(text, n.start, n.end, bounds, after)
        value = " ".join(text[vstart:vend].split())
        figures.append(Fig(n, value, vstart, vend, direction, adjacent))
    heading = _heading(t, times, figures)
    ref = year or _reference_year(t, times, figures, heading, published)
    a = Article(t, times, entity or guess_entity(text), ref, heading, equal)
    a.starts = [f.vstart for f in figures]
    claims: list[DraftClaim] = []
    ids: Counter[int] = Counter()
    sentence, prev = (-1, -1), list[Fig]()
    for f in figures:
        here = t.sentence_of(f.vstart)
        if here != sentence:
            sentence, prev = here, []
        read(f, prev, a)
        a.done.append(f)
        prev = [*prev[-MAX_PREV + 1 :], f]
        claim = _claim(f, a, pack, ids, skipped)
        if claim is not None:
            claims.append(claim)
    # the reference fields its sentences fix, by the rules of the Chinese path (extract/links.py)
    claims = draft_links(Frame(text, t.sentence_of, pack.plans, ref, pack.lexicon), claims)
    skipped.sort(key=lambda s: (s.line, s.start))
    return Draft(a.entity, ref, tuple(claims), tuple(skipped), len(numbers))


def _skip(t: EnglishText, n: Number, reason: str, why: str) -> Skipped:
    a, b = t.clause(n.start)
    quote = t.text[a:b].strip()
    if not quote or len(quote) > MAX_QUOTE:
        quote = n.text
    return Skipped(n.text, n.line, quote, reason, why, n.start, n.end)


def guess_entity(text: str) -> str:
    """The economy the article is most about: the most often named of en.PLACES."""
    low = _MONEY.sub(" ", text).lower()  # U.S. dollars, US$: a currency, not the subject
    counts: Counter[str] = Counter()
    for form, name in en.PLACES.items():
        at = low.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not low[at - 1].isalpha()) and not low[end : end + 1].isalpha():
                counts[name] += 1
            at = low.find(form, end)
    return counts.most_common(1)[0][0] if counts else "unnamed"


def _heading(t: EnglishText, times: list[When], figures: list[Fig]) -> When | None:
    """The period a release is about, written on a heading line of its own before the first
    figure (``March 2000`` under ``ADVANCE MONTHLY RETAIL SALES``)."""
    first = figures[0].vstart if figures else len(t.text)
    for w in times:
        if w.start >= first:
            break
        line_start = t.text.rfind("\n", 0, w.start) + 1
        line_end = t.text.find("\n", w.end)
        line_end = line_end if line_end >= 0 else len(t.text)
        if line_end - line_start > 120:
            continue  # no heading: a line of running text (and never sliced whole)
        line = t.text[line_start:line_end].strip()
        heading = len(line) <= 80 and not line.endswith((".", "!", "?"))
        if heading and w.point and w.role == "point" and w.year and w.kind != "end":
            return w
    return None


def _reference_year(
    t: EnglishText,
    times: list[When],
    figures: list[Fig],
    heading: When | None,
    published: datetime.date | None = None,
) -> int:
    """The heading's year, else the latest year written in a sentence with a figure, else the
    latest year written; in a text that writes no year (or, with a publication date, writes
    years only as bases and starts), the year of its first quarter or month as the publication
    date gives it (``June`` in a release of 2 August 2019: the June just
    ended, 2019; as :mod:`factcheck.extract.dating` dates 一季度), else the publication year,
    else this year."""
    if heading is not None and heading.year:
        return heading.year
    sentences = {t.sentence(f.vstart) for f in figures}
    timed = [w.year for w in times if w.year and w.point and t.sentence(w.start) in sentences]
    written = [w.year for w in times if w.year]
    # up 3.4 percent from 2018, the highest since 2008: with a publication date, years written
    # only as bases and starts leave the year to it, as in Chinese (比2019年, 从2013年的)
    own = [w for w in times if w.year and w.role in ("point", "to")]
    if (timed or written) and (own or published is None):
        return max(timed or written)
    day = published or datetime.date.today()
    for w in times:
        if w.point and w.kind in ("quarter", "month", "months") and not w.shift:
            month = 3 * (w.first or 1) if w.kind == "quarter" else w.last or 12
            return latest_ended(month, day)
    return day.year


def _claim(
    f: Fig, a: Article, pack: RulePack, ids: Counter[int], skipped: list[Skipped]
) -> DraftClaim | None:
    """The claim of a figure, checked with the parsers; None (and set aside) when it fails."""
    n = f.number
    value = f.value
    unwritten = f.direction and not f.adjacent and value[:1] not in "+-"
    if unwritten and f.kind in ("growth", "cagr") and (f.direction < 0 or n.unit not in _RATES):
        # declined at a rate of 2 percent; increased 3.8 percent, or $249.4 billion: the
        # direction is written with the value, as a claims file writes a change
        value = f"{'up' if f.direction > 0 else 'down'} {value}"
    try:
        stated = parse_value(value, pack.lexicon)
        unit = unit_info(stated.unit) if stated.form == "number" else UnitInfo("", 1, "")
    except ValueProblem as exc:
        skipped.append(_skip(a.t, n, "other", f"{exc.code} {exc.message}"))
        return None
    kind = f.kind
    if not form_fits(kind, stated, unit):
        if not form_fits("level", stated, unit):
            why = f"E110 '{value}' does not fit a {kind} claim"
            skipped.append(_skip(a.t, n, "other", why))
            return None
        f.doubts.append(f"demoted from {kind} to level")
        kind = "level"
    period, base = _checked(f, a, pack, kind)
    if kind == "multiple" and not base:
        f.doubts.append("a multiple without its base")
        if not form_fits("level", stated, unit):
            skipped.append(_skip(a.t, n, "other", "a multiple without its base period"))
            return None
        kind = "level"
    ids[n.line] += 1
    fields: list[Field] = []
    if kind == "share" and f.whole:
        fields += [("metric", f.metric), ("whole", f.whole)]
    else:
        fields.append(("metric", f.metric))
    fields.append(("period", period))
    if base and kind in ("growth", "cagr", "multiple"):
        fields.append(("base", base))
    if kind == "rank":
        fields.append(("ranking", f.metric))
    fields.append(("value", value))
    if f.basis and kind in ("growth", "cagr"):
        fields.append(("basis", f.basis))
    if f.notes:
        fields.append(("note", "extract: " + "; ".join(dict.fromkeys(f.notes))))
    doubts = list(dict.fromkeys(f.doubts))
    if f.notes:
        doubts.append("a guess noted")
    quote, start, end = _quote(a, f)
    return DraftClaim(
        (f"{kind}-{n.line}-{ids[n.line]}",),
        kind,
        quote,
        tuple(fields),
        start,
        end,
        n.line,
        (value,),
        ((n.start, n.end),),
        tuple(doubts),
    )


def _checked(f: Fig, a: Article, pack: RulePack, kind: str) -> tuple[str, str | None]:
    """The period and base, read by the period parser: a point where the kind needs one (the
    end of a span), the reference year where nothing parses."""
    try:
        period = parse_period(f.period, pack.plans, a.year)
    except ValueProblem:
        f.doubts.append(f"period '{f.period}' not understood")
        period = parse_period(str(a.year), pack.plans, a.year)
    changes = kind in ("growth", "cagr", "multiple")
    # Only changes compound over a span; every other kind is drafted at its end (2013-2016).
    text = period.text.split("-")[-1] if period.is_span and not changes else period.text
    base = f.base
    if base is not None:
        try:
            if parse_period(base, pack.plans, a.year).is_span:
                base = None
        except ValueProblem:
            base = None
    return text, base


def _quote(a: Article, f: Fig) -> tuple[str, int, int]:
    """The clause of the figure, from its noun phrase when that stands earlier in the sentence."""
    text = a.t.text
    start, end = a.t.clause(f.vstart)
    end = max(end, f.vend)
    s_start, _ = a.t.sentence(f.vstart)
    if f.phrase:
        at = text.find(f.phrase, s_start, f.vstart)
        if at >= 0:
            start = min(start, at)
    if end - start > MAX_QUOTE:
        start = max(start, f.vstart - MAX_QUOTE // 2)
    while start < end and (text[start].isspace() or text[start] in ",;:()-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:(-–—"):
        end -= 1
    return text[start:end], start, end
