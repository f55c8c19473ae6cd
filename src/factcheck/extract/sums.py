"""Drafting the sums an article states with 其中: the levels after 其中 are parts of the level
before it (``粮食产量69541万吨……其中,夏粮产量14615万吨……秋粮产量52092万吨``).

A 其中 list names some parts, not necessarily all, so the claim is an incomplete sum
(``complete: false``: the parts together are at most the total), which is what 其中 says;
unless the parts are all the terms of a plain sum of the rule pack whose target the total's
name holds (``外贸进出口值…其中，出口…；进口…``: 进出口 = 出口 + 进口), which makes them the
whole. The total is the last level before 其中 in its sentence or the sentence before; the
parts are the levels after it in its sentence, of the total's unit dimension (a count of
things, a mass, an amount of money; never a rate), period and entity, each with a metric of its
own. Only claims drafted with confidence enter a sum, so a sum is drafted with confidence too.
"""

from __future__ import annotations

import re

from factcheck import expr as ex
from factcheck.errors import ValueProblem
from factcheck.extract.drafter import Drafter
from factcheck.extract.model import DraftClaim, Field
from factcheck.numbers import parse_value
from factcheck.units import unit_info

_AMONG = re.compile("其中")
_FULL_STOP = re.compile(r"[。！？!?\n]")


def draft_sums(d: Drafter, claims: list[DraftClaim]) -> list[DraftClaim]:
    """One incomplete sum claim per 其中 with a total and at least one part."""
    levels = [c for c in claims if c.kind == "level" and len(c.ids) == 1 and c.confident]
    if not levels:
        return []
    out: list[DraftClaim] = []
    n = 0
    text = d.ctx.text
    for m in _AMONG.finditer(text):
        at = m.start()
        s0, _ = d.ctx.sentence(at)
        stop = _FULL_STOP.search(text, at)
        s1 = stop.start() if stop else len(text)
        # 其中 opening its sentence may refer to the sentence before (。其中,夏粮…); inside a
        # sentence, to a total of that sentence only (其它产品产量稳定增加,其中…: no total).
        opens = not text[s0:at].strip(" \t\u3000,，;；")
        before = d.ctx.sentence(s0 - 1)[0] if s0 > 0 and opens else s0
        total = next((c for c in reversed(levels) if before <= c.start and c.end <= at), None)
        if total is None:
            continue
        key = _key(d, total)
        if key is None:
            continue
        parts = [c for c in levels if at < c.start and c.end <= s1 and _key(d, c) == key]
        metrics = [_field(c, "metric") for c in parts]
        if not parts or len(set(metrics)) < len(metrics) or _field(total, "metric") in metrics:
            continue
        n += 1
        line = d.ctx.text.count("\n", 0, at) + 1
        start, end = at, max(c.end for c in parts)
        fields: list[Field] = [
            *([("entity", e)] if (e := _field(total, "entity")) else []),
            ("total", _field(total, "metric")),
            ("parts", tuple(metrics)),
            ("period", _field(total, "period")),
            ("complete", "true" if _complete(d, _field(total, "metric"), metrics) else "false"),
        ]
        quote = d.ctx.text[start:end]
        out.append(
            DraftClaim((f"sum-{line}-{n}",), "sum", quote, tuple(fields), start, end, line, (), ())
        )
    return out


def _complete(d: Drafter, total: str, parts: list[str]) -> bool:
    """Whether the parts make up the whole total by definition: the rule pack has a plain sum
    whose terms are the parts and whose target the total's name holds (外贸进出口值, 其中出口…，
    进口…: 进出口 = 出口 + 进口)."""
    for identity in d.pack.identities:
        if not _plain_sum(identity.expr) or identity.target not in total:
            continue
        if sorted(ex.names(identity.expr)) == sorted(parts):
            return True
    return False


def _plain_sum(e: ex.Expr) -> bool:
    if isinstance(e, ex.BinOp):
        return e.op == "+" and _plain_sum(e.left) and _plain_sum(e.right)
    return isinstance(e, ex.Name)


def _field(c: DraftClaim, name: str) -> str:
    value = dict(c.fields).get(name, "")
    return value if isinstance(value, str) else ""


def _key(d: Drafter, c: DraftClaim) -> tuple[str, str, str] | None:
    """What a part must share with its total: unit dimension, period and entity (None for a
    value that is not an amount of something, such as a rate)."""
    try:
        stated = parse_value(c.values[0], d.lex)
        unit = unit_info(stated.unit) if stated.form == "number" else None
    except ValueProblem:
        return None
    if unit is None or not unit.dimension or "percent" in unit.dimension:
        return None
    return unit.dimension, _field(c, "period"), _field(c, "entity")
