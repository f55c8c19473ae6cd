"""Drafting the relations that enterprise accounts hold by definition.

The monthly industrial releases of 国家统计局 (规模以上工业企业利润, and the provincial ones
after them) print an account's figures together, and their notes define how they relate
(工业企业财务统计; 国民经济行业分类 GB/T 4754 for the sections):

* ``资产总计 = 负债合计 + 所有者权益合计``, the balance sheet: a complete ``sum``;
* ``营业收入利润率 = 利润总额 / 营业收入`` and ``资产负债率 = 负债合计 / 资产总计``: a
  ``share`` of the numerator in the denominator, with ``part`` and ``total`` naming them;
* industry (工业) is made of three sections, 采矿业, 制造业 and 电力、热力、燃气及水生产和供应业,
  so ``规模以上工业企业利润总额 = 采矿业利润总额 + 制造业利润总额 + 电力、热力、燃气及水生产和
  供应业利润总额``: a complete ``sum``.

A release names the scope once (``规模以上工业企业资产总计141.07万亿元…；负债合计79.57万亿元``),
so a term is read as ``P`` + its name, where a term written without ``P`` borrows it from the
term of the same sentence that carries it. Only confident single-value claims of one entity and
period enter, each term must be found exactly once (two candidates leave the relation out), and
the drafts state what the definitions say, no more: the engine then checks the figures against
them.
"""

from __future__ import annotations

from factcheck.extract.drafter import Drafter
from factcheck.extract.model import DraftClaim, Field

# (total, parts) of a balance; (rate, numerator, denominator) of a rate defined as a ratio.
_BALANCES = (("资产总计", ("负债合计", "所有者权益合计")),)
_RATES = (("营业收入利润率", "利润总额", "营业收入"), ("资产负债率", "负债合计", "资产总计"))
SECTIONS = ("采矿业", "制造业", "电力、热力、燃气及水生产和供应业")
# What the whole's metric may be named before the measure: the industry of the sections.
_INDUSTRY = ("工业企业", "工业")
_STOPS = ("。", "！", "？", "!", "?", "\n")


def draft_definitions(d: Drafter, claims: list[DraftClaim]) -> list[DraftClaim]:
    """The sum and share claims the definitions above make of the article's confident figures."""
    single = [c for c in claims if c.kind in ("level", "share") and len(c.ids) == 1 and c.spans]
    single = [c for c in single if c.confident and isinstance(_f(c, "period"), str)]
    out: list[DraftClaim] = []
    for c in single:
        out += _balance(d, single, c) + _rate(d, single, c)
    out += _sections(d, single)
    return out


def _f(c: DraftClaim, name: str) -> str:
    value = dict(c.fields).get(name, "")
    return value if isinstance(value, str) else ""


def _same(a: DraftClaim, b: DraftClaim) -> bool:
    return all(_f(a, k) == _f(b, k) for k in ("entity", "period"))


def _one(found: list[DraftClaim]) -> DraftClaim | None:
    return found[0] if len(found) == 1 else None


def _term(
    d: Drafter, single: list[DraftClaim], anchor: DraftClaim, prefix: str, name: str
) -> DraftClaim | None:
    """The one claim of ``prefix + name`` at the anchor's entity and period, or of ``name``
    alone in the anchor's sentence (borrowing the scope)."""
    sentence = _full_sentence(d, anchor.start)
    return _one(
        [
            c
            for c in single
            if c.kind == "level"
            and _same(c, anchor)
            and (
                _f(c, "metric") == prefix + name
                or (_f(c, "metric") == name and sentence[0] <= c.start < sentence[1])
            )
        ]
    )


def _full_sentence(d: Drafter, pos: int) -> tuple[int, int]:
    """The sentence around an offset up to its full stops (a ； inside it does not end it:
    ``资产总计141.07万亿元…；负债合计79.57万亿元`` is one statement of one scope)."""
    text = d.ctx.text
    start = max(text.rfind(m, 0, pos) for m in _STOPS) + 1
    ends = [i for m in _STOPS if (i := text.find(m, pos)) >= 0]
    return start, min(ends, default=len(text))


def _head(c: DraftClaim) -> list[Field]:
    return [("entity", e)] if (e := _f(c, "entity")) else []


def _sum(d: Drafter, total: DraftClaim, parts: list[DraftClaim], quoted: bool) -> DraftClaim:
    """The complete sum of the parts in the total; its quote runs over the parts (and the
    total, when ``quoted``: one sentence holds them all)."""
    start = min(c.start for c in (*parts, *([total] if quoted else [])))
    end = max(c.end for c in (*parts, *([total] if quoted else [])))
    line = d.ctx.text.count("\n", 0, start) + 1
    fields: list[Field] = [
        *_head(total),
        ("total", _f(total, "metric")),
        ("parts", tuple(_f(c, "metric") for c in parts)),
        ("period", _f(total, "period")),
        ("complete", "true"),
    ]
    quote = d.ctx.text[start:end]
    ident = (f"{total.ids[0]}-sum",)
    return DraftClaim(ident, "sum", quote, tuple(fields), start, end, line, (), ())


def _balance(d: Drafter, single: list[DraftClaim], c: DraftClaim) -> list[DraftClaim]:
    out = []
    for total, names in _BALANCES:
        metric = _f(c, "metric")
        if c.kind != "level" or not metric.endswith(total):
            continue
        prefix = metric[: -len(total)]
        parts = [_term(d, single, c, prefix, name) for name in names]
        if all(parts):
            out.append(_sum(d, c, [p for p in parts if p], True))
    return out


def _rate(d: Drafter, single: list[DraftClaim], c: DraftClaim) -> list[DraftClaim]:
    """A share claim for a rate defined as a ratio (营业收入利润率为7.38%): its value, the
    numerator as the part, the denominator as the whole."""
    out = []
    for rate, num, den in _RATES:
        metric = _f(c, "metric")
        if not metric.endswith(rate):
            continue
        prefix = metric[: -len(rate)]
        if prefix:
            whole = _term(d, single, c, prefix, den)
        else:  # the scope of the denominator written in the rate's sentence
            sentence = _full_sentence(d, c.start)
            whole = _one(
                [
                    x
                    for x in single
                    if x.kind == "level"
                    and _same(x, c)
                    and _f(x, "metric").endswith(den)
                    and sentence[0] <= x.start < sentence[1]
                ]
            )
            prefix = _f(whole, "metric")[: -len(den)] if whole else ""
        part = _term(d, single, whole, prefix, num) if whole else None
        if whole is None or part is None:
            continue
        fields: list[Field] = [
            *_head(c),
            ("metric", _f(part, "metric")),
            ("whole", _f(whole, "metric")),
            ("period", _f(c, "period")),
            ("value", c.values[0]),
            ("part", part.ids[0]),
            ("total", whole.ids[0]),
        ]
        ident = (f"{c.ids[0]}-ratio",)
        out.append(
            DraftClaim(
                ident, "share", c.quote, tuple(fields), c.start, c.end, c.line, c.values, c.spans
            )
        )
    return out


def _sections(d: Drafter, single: list[DraftClaim]) -> list[DraftClaim]:
    """A complete sum of the three sections of industry and the industry's figure of the same
    measure (采矿业利润总额 + 制造业利润总额 + 电力…业利润总额 = 规模以上工业企业利润总额)."""
    out = []
    levels = [c for c in single if c.kind == "level"]
    for first in levels:
        metric = _f(first, "metric")
        if not metric.startswith(SECTIONS[0]) or metric == SECTIONS[0]:
            continue
        measure = metric[len(SECTIONS[0]) :]
        parts = [
            _one([c for c in levels if _same(c, first) and _f(c, "metric") == s + measure])
            for s in SECTIONS
        ]
        wholes = {
            _f(c, "metric")
            for c in levels
            if _same(c, first)
            and _f(c, "metric").endswith(measure)
            and _f(c, "metric")[: -len(measure)].endswith(_INDUSTRY)
            and not any(s in _f(c, "metric") for s in SECTIONS)
        }
        if not all(parts) or len(wholes) != 1:
            continue
        (name,) = wholes
        total = next(c for c in levels if _same(c, first) and _f(c, "metric") == name)
        out.append(_sum(d, total, [p for p in parts if p], False))
    return out
