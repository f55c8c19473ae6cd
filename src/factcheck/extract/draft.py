"""Drafting claims from an article: every numeric mention becomes a draft claim or is set aside
with the reason it asserts nothing checkable.

The steps: find the mentions (:func:`factcheck.mentions.find_mentions`, plus 首位/榜首 ranks),
set aside the ones that are not figures (:func:`factcheck.extract.rules.skip_reason`), read each
figure's value with the rule pack's lexicon and check it with the real parsers, guess the
reference year and entity, then give each figure a kind, a period and a metric, and join the
figures of a 分别 list into one 'respectively' claim. A draft the loader would refuse is demoted
to a kind its value fits, or set aside with the parser's message: nothing is silently lost.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import replace

from factcheck.errors import ValueProblem
from factcheck.extract.assemble import assemble
from factcheck.extract.definitions import draft_definitions
from factcheck.extract.describe import describe
from factcheck.extract.drafter import MAX_PREV, Drafter
from factcheck.extract.english import draft_english, is_english
from factcheck.extract.gaps import link_gaps, name_compared
from factcheck.extract.links import draft_links, frame_of
from factcheck.extract.model import Draft, DraftClaim, Skipped
from factcheck.extract.moves import draft_moves
from factcheck.extract.rules import Figure
from factcheck.extract.structure import draft_structures
from factcheck.extract.sums import draft_sums
from factcheck.extract.text import REACH
from factcheck.numbers import parse_value
from factcheck.periods import parse_period
from factcheck.rulepack import RulePack
from factcheck.zh import fold

__all__ = ["Draft", "DraftClaim", "Skipped", "draft_claims"]


def draft_claims(
    text: str,
    pack: RulePack,
    entity: str | None = None,
    year: int | None = None,
    published: datetime.date | None = None,
) -> Draft:
    """Draft the claims of an article; ``entity`` and ``year`` default to guesses from it, the
    publication date (which dates 一季度 or 去年, and an English ``June``, in a text that writes
    no year: :mod:`factcheck.extract.dating`) to today.

    A text in traditional characters is read in simplified ones (:func:`factcheck.zh.fold`:
    the same length, so every offset holds), and its quotes, values and names are then taken
    from the text as written. An English text is drafted by :mod:`factcheck.extract.english`."""
    if is_english(text):
        english = draft_english(text, pack, entity, year, published)
        return replace(english, claims=tuple(collisions(list(english.claims), pack)))
    work = fold(text)
    draft = _draft(work, pack, entity, year, published)
    if work is text:
        return draft
    claims = tuple(_as_written(text, work, c) for c in draft.claims)
    skipped = tuple(replace(s, quote=_original(text, work, s)) for s in draft.skipped)
    return replace(draft, claims=claims, skipped=skipped)


COLLISION = "another figure with another value read as the same quantity"
# The fields written in the article's script: names, and the figures (value; within, the total
# a count lies in). Kinds, periods and ids are the file's own words.
_WRITTEN = ("metric", "metrics", "entity", "ranking", "within", "value")


def _as_written(text: str, work: str, c: DraftClaim) -> DraftClaim:
    """A claim drafted from the simplified reading ``work`` of a traditional ``text``, with its
    quote, values and names as the article writes them (近2千億美元, not 近2千亿美元), found near
    it; kinds, periods and ids stay the file's words."""
    a, b = max(0, c.start - REACH), c.end + REACH
    chars: dict[str, str] | None = None

    def back(v: str) -> str:
        nonlocal chars
        at = work.find(v, a, b)
        if at >= 0:
            return text[at : at + len(v)]
        # A name put together from words apart (time words taken out), or a value with a sign
        # put before it (-76亿): character by character, as the article writes each one near
        # the claim.
        if chars is None:
            chars = {w: t for w, t in zip(work[a:b], text[a:b], strict=True) if w != t}
        return "".join(chars.get(ch, ch) for ch in v)

    fields = tuple(
        (n, (back(v) if isinstance(v, str) else tuple(map(back, v))) if n in _WRITTEN else v)
        for n, v in c.fields
    )
    values = tuple(map(back, c.values))
    return replace(c, quote=text[c.start : c.end], fields=fields, values=values)


def _original(text: str, work: str, s: Skipped) -> str:
    """The quote of a set-aside mention as the article writes it."""
    at = work.rfind(s.quote, max(0, s.start - len(s.quote)), s.end + len(s.quote))
    return text[at : at + len(s.quote)] if at >= 0 else s.text


def _draft(
    text: str,
    pack: RulePack,
    entity: str | None,
    year: int | None,
    published: datetime.date | None,
) -> Draft:
    d = Drafter(text, pack, entity, year, published)
    claims: list[DraftClaim] = []
    prev: list[Figure] = []
    sentence = (-1, -1)
    ids: Counter[int] = Counter()
    for group in d.groups():
        here = d.ctx.sentence(group[0].mention.start)
        if here != sentence:
            prev, sentence = [], here
        describe(d, group, prev)
        claim = assemble(d, group, ids)
        if claim is not None:
            claims.append(claim)
        prev = (prev + group)[-MAX_PREV:]
    claims = link_gaps(d, draft_links(frame_of(d), collisions(name_compared(d, claims), pack)))
    claims = _rates_of_rates(claims, pack)
    claims += draft_sums(d, claims)
    claims += draft_moves(d, claims)
    claims += draft_definitions(d, claims)
    claims, structures = draft_structures(d, claims)
    claims = _national_apart(claims) + structures
    drafted = [(c.spans[0][0], c.spans[-1][1]) for c in structures if c.spans]
    skipped = sorted(
        (s for s in d.skipped if not any(a <= s.start and s.end <= b for a, b in drafted)),
        key=lambda s: (s.line, s.text),
    )
    return Draft(d.entity, d.year, tuple(claims), tuple(skipped), len(d.mentions))


_REGIONAL_GDP = ("地区生产总值", "生产总值")
_NATIONAL_GDP = "国内生产总值"


def _national_apart(claims: list[DraftClaim]) -> list[DraftClaim]:
    """In an article that names a region's GDP (地区生产总值, 生产总值) as well as the nation's
    (国内生产总值), the nation's figures are of another entity, 全国: the region's industries
    must not be added up to the nation's GDP through the rule pack's identities."""
    metrics = {dict(c.fields).get("metric") for c in claims}
    if _NATIONAL_GDP not in metrics or not metrics.intersection(_REGIONAL_GDP):
        return claims
    out = []
    for c in claims:
        fields = dict(c.fields)
        if fields.get("metric") == _NATIONAL_GDP and "entity" not in fields:
            c = replace(c, fields=(("entity", "全国"), *c.fields))
        out.append(c)
    return out


def collisions(claims: list[DraftClaim], pack: RulePack) -> list[DraftClaim]:
    """Two figures of an article with two values that got the same kind, entity, metric, period
    and base: far more often one of those readings is wrong (a metric too short, a period not
    written) than the article contradicts itself, so both claims are doubted, and
    ``check ARTICLE.txt`` reports no contradiction between them; a reviewer who confirms the
    readings gets it from ``check`` on the claims file. Values are compared as parsed: ``8.68%``
    and ``8.68％``, ``为4.9%`` and ``4.9%`` are one value, the headline repeated."""
    seen: dict[tuple[object, ...], list[int]] = {}
    for i, c in enumerate(claims):
        for n, key in enumerate(_identities(c, pack)):
            seen.setdefault(key, []).append(i * 1000 + n)
    doubted = {
        code // 1000
        for codes in seen.values()
        if len(codes) > 1
        and len({_value_key(claims[k // 1000].values[k % 1000], pack) for k in codes}) > 1
        for code in codes
    }
    why = COLLISION
    return [
        replace(c, doubts=(*c.doubts, why)) if i in doubted else c for i, c in enumerate(claims)
    ]


RATE_OF_A_RATE = "a change in % of a rate: relative, or points written with %"


def _rates_of_rates(claims: list[DraftClaim], pack: RulePack) -> list[DraftClaim]:
    """A change in % of a metric whose levels are rates (``失業率較第一季的4.2%增加2%``) is
    relative or, as the press often writes it, points with a % sign (6.2% − 4.2% = 2): the
    engine would read it as relative, so it is in doubt. Changes of rates are stated in points
    (docs/conventions.md §3)."""
    rates = {
        (key[1], key[2])
        for c in claims
        if c.kind == "level"  # a share's metric is its part, an amount
        for key in _identities(c, pack)
        if key[5] == "rate"
    }
    out = []
    for c in claims:
        if c.kind in ("growth", "cagr") and any(
            key[5] == "rate" and (key[1], key[2]) in rates for key in _identities(c, pack)
        ):
            c = replace(c, doubts=(*c.doubts, RATE_OF_A_RATE))
        out.append(c)
    return out


def _value_key(value: str, pack: RulePack) -> object:
    """A value as parsed (its text when it does not parse): what two readings must share to be
    one value."""
    try:
        s = parse_value(value, pack.lexicon)
    except ValueProblem:
        return value
    return (s.form, s.number, s.exponent, s.unit, s.bound, s.factor, s.reading, s.lo, s.hi)


def _identities(c: DraftClaim, pack: RulePack) -> list[tuple[str, ...]]:
    """The identity of each item of a claim: kind, entity, metric, period, base, measure. Periods
    are compared as parsed, as the engine compares them: 2020Q2 is 2020年4至6月."""
    fields = dict(c.fields)
    n = len(c.ids)

    def at(name: str, i: int) -> str:
        v = fields.get(name, "")
        return v if isinstance(v, str) else v[i] if len(v) == n else "|".join(v)

    def when(name: str, i: int) -> str:
        text = at(name, i)
        try:
            period = parse_period(text, pack.plans, None) if text else None
        except ValueProblem:
            # a base relative to the period (一年前, 上年同期) is most often the default one,
            # the base of a figure that writes none
            return "" if name == "base" else text
        if period is None:
            return text
        return f"{period.start.key if period.start else ''}|{period.end.key}"

    return [
        (c.kind, at("entity", i), at("metric", i), when("period", i), when("base", i), _measure(v))
        for i, v in enumerate(c.values)
    ]


def _measure(value: str) -> str:
    """What a value measures: a rate, a difference of rates, or an amount. 增加166万吨 and
    增长0.3% are two figures of one change, never two readings of one quantity."""
    if "百分点" in value or "百分點" in value:
        return "points"
    return "rate" if any(m in value for m in ("%", "％", "百分之", "‰")) else "amount"
