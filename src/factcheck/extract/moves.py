"""Drafting a move with no figure of its own: ``城镇化率从63.2%提高到72.7%``.

The genre writes where a quantity went from and to, and which way, without a change figure
(``城乡居民收入倍差从2.37缩小到1.94``, ``研发投入强度从2%提高到2.9%``): the verb says that the
later value is above the earlier one (提高, 增加, 扩大, 上升) or below it (缩小, 下降, 降低,
回落). The draft is a ``growth`` claim whose value is the verb alone (a relative change of at
least zero, or of at most zero) with ``start`` and ``end`` naming the two values, so the engine
recomputes the move from them: ``从63.2%提高到62.7%`` is a fall of 0.79% where the text says a
rise (docs/claims-format.md, "Values").

A move is drafted only where the form is plain:

* the earlier value ``B`` stands right after 从/由 in its clause (a time between them:
  ``从2013年的1.76``), and the later ``A`` right after the verb and 到/至/为, with nothing else
  between ``B`` and ``A`` (``从…提高到…``, ``由…缩小至…``);
* both are drafted with confidence as single levels (or shares) of one entity and metric at two
  periods, in one unit dimension, and neither is below zero;
* the sentence names no size of a fall (降幅, 跌幅, 减幅: ``降幅从5.3%收窄到2.1%`` moves a
  magnitude, which a draft may sign as the fall) and no change of the pair has been drafted
  already (a change figure that follows, ``年均增长33.8%``, says the direction itself).
"""

from __future__ import annotations

import re

from factcheck.errors import ValueProblem
from factcheck.extract.drafter import Drafter
from factcheck.extract.model import DraftClaim, Field
from factcheck.numbers import parse_value
from factcheck.units import unit_info
from factcheck.zh import DIRECTION_VERBS

_VERBS = "|".join(DIRECTION_VERBS)  # longest first
# What stands between the two values: a manner adverb at most, the verb, then 到/至/为.
_BETWEEN = re.compile(f"(?:逐步|稳步|进一步|大幅|持续)?(?P<verb>{_VERBS})[了]?[到至为為]")
_FROM = re.compile(r"[从由從]")
_SIZE_OF_A_FALL = re.compile(r"降幅|跌幅|减幅|減幅")
_KINDS = ("level", "share")


def draft_moves(d: Drafter, claims: list[DraftClaim]) -> list[DraftClaim]:
    """One growth claim, its value the verb alone, per plain move between two drafted values."""
    text = d.ctx.folded
    single = [c for c in claims if c.kind in _KINDS and len(c.ids) == 1 and c.spans]
    single.sort(key=lambda c: c.spans[0][0])
    linked = {_refs(c) for c in claims if c.kind in ("growth", "cagr", "multiple")}
    out: list[DraftClaim] = []
    for b, a in zip(single, single[1:], strict=False):
        b_end, a_start = b.spans[0][1], a.spans[0][0]
        m = _BETWEEN.fullmatch(text, b_end, a_start)
        if m is None or not (a.confident and b.confident):
            continue
        clause = d.ctx.clause(b.spans[0][0])
        opening = _FROM.search(text, clause[0], b.spans[0][0])
        if opening is None or _figure_between(single, opening.end(), b.spans[0][0]):
            continue
        sentence = d.ctx.sentence(b.spans[0][0])
        if _SIZE_OF_A_FALL.search(text, sentence[0], sentence[1]):
            continue
        fields_a, fields_b = dict(a.fields), dict(b.fields)
        same = all(fields_a.get(k) == fields_b.get(k) for k in ("entity", "metric"))
        period, base = fields_a.get("period"), fields_b.get("period")
        if not same or not isinstance(period, str) or not isinstance(base, str) or period == base:
            continue
        if (b.ids[0], a.ids[0]) in linked or not _comparable(d, b.values[0], a.values[0]):
            continue
        start = opening.start()
        fields: list[Field] = [
            *([("entity", e)] if isinstance(e := fields_a.get("entity"), str) else []),
            ("metric", fields_a.get("metric", "")),
            ("period", period),
            ("base", base),
            ("value", d.ctx.text[m.start("verb") : m.end("verb")]),
            ("start", b.ids[0]),
            ("end", a.ids[0]),
        ]
        line = d.ctx.text.count("\n", 0, start) + 1
        quote = d.ctx.text[start : a.spans[0][1]]
        ident = f"move-{line}-{len(out) + 1}"
        at = (start, a.spans[0][1], line)
        out.append(DraftClaim((ident,), "growth", quote, tuple(fields), *at, (), ()))
    return out


def _refs(c: DraftClaim) -> tuple[object, object]:
    fields = dict(c.fields)
    return fields.get("start"), fields.get("end")


def _figure_between(single: list[DraftClaim], lo: int, hi: int) -> bool:
    return any(lo <= c.spans[0][0] < hi for c in single)


def _comparable(d: Drafter, earlier: str, later: str) -> bool:
    """Both values are plain figures in one unit dimension, neither below zero, and with no
    verb of their own."""
    try:
        stated = [parse_value(v, d.lex) for v in (earlier, later)]
    except ValueProblem:
        return False
    if any(s.form != "number" or s.verb is not None or s.number < 0 for s in stated):
        return False
    return len({unit_info(s.unit).dimension for s in stated}) == 1
