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

from collections import Counter

from factcheck.extract.assemble import assemble
from factcheck.extract.describe import describe
from factcheck.extract.drafter import MAX_PREV, Drafter
from factcheck.extract.model import Draft, DraftClaim, Skipped
from factcheck.extract.rules import Figure
from factcheck.rulepack import RulePack

__all__ = ["Draft", "DraftClaim", "Skipped", "draft_claims"]


def draft_claims(
    text: str, pack: RulePack, entity: str | None = None, year: int | None = None
) -> Draft:
    """Draft the claims of an article; ``entity`` and ``year`` default to guesses from it."""
    d = Drafter(text, pack, entity, year)
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
    skipped = sorted(d.skipped, key=lambda s: (s.line, s.text))
    return Draft(d.entity, d.year, tuple(claims), tuple(skipped), len(d.mentions))
