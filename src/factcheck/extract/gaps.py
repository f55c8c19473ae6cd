"""A change in points between two rates the sentence states (or an amount between two amounts),
linked to both.

The genre states a rate, the rate it is compared with, and the difference in points together:
``全年经济成长率8.68%，较1月概估数8.63%上修0.05个百分点`` (a revision), ``今年经济成长为7.71%，
较去年11月预测3.54%大幅上修4.17个百分点`` (a forecast), ``增长8.1%，比上年同期的7.5%提高0.6个
百分点``; or the move itself, ``从去年11月预测3.54%，一举上修为7.71%，上修4.17个百分点``. By
the words printed the points are the later rate minus the compared one (docs/conventions.md §3),
whatever metric, period or vintage each rate is drafted with, so the change names them
(``start``: the compared rate, ``end``: the rate it compares) and the engine recomputes it
(growth in points: end − start).

A link is drafted only where the form is plain:

* *compared*: the figure right before the points, in their clause or in the clause right
  before a clause holding only them (``远高于8月预测的3.21%，上修4.73个百分点``), is a rate after
  较/比/高于/低于 (the compared one); the rate it compares is the nearest rate before that
  clause in the sentence;
* *moved*: the points stand alone in their clause right after a clause ending in a rate after
  为/到/至 (the later rate), whose figure before it is a rate after 从/由 (in its clause, which
  may be the later rate's: 由2.81%上修至3.54%、上修0.73个百分点), and their clause compares
  with nothing else (比上年提高1个百分点 is another change);
* the words right before the points end in a direction verb, whose sign the drafted value
  carries (上修, 增加, 回落 → negative); a gap written 高/低/快/慢 is left alone;
* neither rate is a fall (a falling verb or a minus sign) and the sentence names no size of a
  fall (降幅, 跌幅: ``降幅比一季度的5.3%收窄2.1个百分点`` compares magnitudes), and no average
  (年均, 平均: points a year);
* all three claims are drafted with confidence; otherwise the change keeps no link to either
  rate (a half link would compare a rate with a level of another quantity).

An amount of difference written with 多/少 (多出) is paired the same way, with two amounts for
the rates (compared form only): ``商品出口达1881亿美元，较预测数1723亿美元多出158亿美元`` is
1881 − 1723. Drafted against a stated figure it is in doubt (rules.AMOUNT_GAP: no change over a
year) until it is linked here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from factcheck.extract.describe import BORROWED
from factcheck.extract.drafter import Drafter
from factcheck.extract.model import DraftClaim
from factcheck.extract.rules import AMOUNT_GAP
from factcheck.zh import DIRECTION_VERBS, DOWN_VERBS, MINUS_SIGNS, MORE_LESS

# 较/比, or 高于/低于 (远高于8月预测的3.21%，上修4.73个百分点)
_COMPARED = re.compile(r"[较比較]|[高低][于於]")
_MARK = re.compile(r"[较比較从由從]|[高低][于於]")
_IDENTITY = ("entity", "metric", "period", "base")
_FROM = re.compile(r"[从由從]")
_TO = re.compile(r"[为到至為][^，。；,;]{0,2}$")
# Sizes of falls and averages: the points then are not "later rate − compared rate".
_NOT_PLAIN = re.compile(r"降幅|跌幅|减幅|減幅|年均|平均|每年")
_RATE_MARKS = ("%", "％", "百分之")
# Qualifiers between a verb and its figure (降低近5个百分点, 提高约1个百分点).
_QUALIFIER = re.compile(r"(?:近|约|約|超过|超|逾|不到|不足)$")


def _points(value: str) -> bool:
    return "百分点" in value or "百分點" in value


def _rate(value: str) -> bool:
    return any(m in value for m in _RATE_MARKS) and not _points(value)


def _amount(value: str) -> bool:
    return not any(m in value for m in (*_RATE_MARKS, "‰", "倍")) and not _points(value)


def _more_less(c: DraftClaim) -> str:
    """The word an amount of difference opens with (多出158亿美元, 少35亿元), or ''."""
    return next((w for w in MORE_LESS if c.values[0].startswith(w)), "")


def _gap(c: DraftClaim) -> Callable[[str], bool] | None:
    """What the two figures a change compares must be: rates for points, amounts for an
    amount written with 多/少 (较预测数1723亿美元多出158亿美元); None for any other claim."""
    if c.kind != "growth" or len(c.values) != 1:
        return None
    if _points(c.values[0]):
        return _rate
    return _amount if _more_less(c) and _amount(c.values[0]) else None


def _falls(value: str) -> bool:
    return any(w in value for w in DOWN_VERBS) or any(s in value for s in MINUS_SIGNS)


def _verb_signs(d: Drafter, c: DraftClaim, after: int) -> bool:
    """Whether the words right before the points (after the last rate) end in a direction
    verb, and the drafted value carries a falling one's sign (上修0.05, 回落0.3 → -0.3). 高/低,
    快/慢 (a gap) and other words are not read: the sign is left in doubt."""
    head = _QUALIFIER.sub("", d.ctx.folded[after : c.spans[0][0]])
    word = _more_less(c)
    if word:  # 多出158亿美元: the value carries the word it is printed with, and its sign
        return head.endswith(word)
    verb = next((v for v in DIRECTION_VERBS if head.endswith(v)), "")
    if not verb:
        return False
    return (verb in DOWN_VERBS) == _falls(c.values[0])


def _pairs(d: Drafter, claims: list[DraftClaim]) -> list[tuple[int, int, int]]:
    """(points, compared rate, later rate): the indices of each plain change in points between
    two stated rates (the forms of the module docstring), whatever the claims' doubts."""
    single = [k for k, c in enumerate(claims) if len(c.ids) == 1 and c.spans]
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k in single:
        by_sentence.setdefault(d.ctx.sentence(claims[k].spans[0][0]), []).append(k)
    out = []
    for group in by_sentence.values():
        group.sort(key=lambda k: claims[k].spans[0][0])
        for p, k in enumerate(group):
            c = claims[k]
            measure = _gap(c)
            if measure is None:
                continue
            pair = _compared(d, claims, c, group[:p], measure)
            if pair is None and measure is _rate:
                pair = _moved(d, claims, c, group[:p])
            if pair is None:
                continue
            start, end = (claims[i] for i in pair)
            first = min(start.spans[0][0], end.spans[0][0])
            if _NOT_PLAIN.search(d.ctx.folded[first : c.spans[0][1]]) or any(
                _falls(x.values[0]) for x in (start, end)
            ):
                continue
            if _verb_signs(d, c, max(start.spans[0][1], end.spans[0][1])):
                out.append((k, *pair))
    return out


def name_compared(d: Drafter, claims: list[DraftClaim]) -> list[DraftClaim]:
    """The compared rate of each plain pair named as the grammar fixes it, before the drafts
    are checked for two readings of one quantity.

    ``较…B%`` and ``从…B%`` compare B with the later rate A, so B is a value of A's metric (a
    metric B borrowed from the figure before it is no doubt here). Where B then reads as A's
    very quantity (kind, entity, metric, period and base: 经济成长率 2026 forecast in November
    and now), the words between 较/从 and B name what B is, the value of another time or
    estimate (去年11月预测, 1月概估数, 预测数), and B's metric carries them:
    ``经济成长率（去年11月预测）``. Without such words B is left as drafted. B's metric is as
    sure as A's: B keeps a doubt about it only when A has one."""
    out = list(claims)
    for _, b, a in _pairs(d, claims):
        start, end = out[b], out[a]
        metric = _field(end, "metric")
        if not metric:
            continue
        if _field(start, "metric") != metric and BORROWED not in start.doubts:
            continue  # B names a metric of its own: the drafts disagree, left as they are
        # B's metric is as sure as A's
        doubts = tuple(x for x in start.doubts if x != BORROWED)
        doubts += (BORROWED,) if BORROWED in end.doubts else ()
        fields = dict(start.fields)
        fields["metric"] = metric
        if start.kind == end.kind and all(
            fields.get(n, "") == dict(end.fields).get(n, "") for n in _IDENTITY
        ):
            words = _compared_words(d, start)
            if not words:
                continue
            fields["metric"] = f"{metric}（{words}）"
        out[b] = replace(start, fields=tuple(fields.items()), doubts=doubts)
    return out


def _field(c: DraftClaim, name: str) -> str:
    value = dict(c.fields).get(name, "")
    return value if isinstance(value, str) else ""


def _compared_words(d: Drafter, c: DraftClaim) -> str:
    """The words between 较/比/从/由 and the compared figure in its clause (``较1月概估数8.63%``
    → 1月概估数), without a trailing 的."""
    clause = d.ctx.clause(c.spans[0][0])
    head = d.ctx.folded[clause[0] : c.spans[0][0]]
    marks = [m.end() for m in _MARK.finditer(head)]
    if not marks:
        return ""
    words = d.ctx.text[clause[0] + marks[-1] : c.spans[0][0]]
    return words.strip(' \t\u3000“”"').removesuffix("的").strip()


def link_gaps(d: Drafter, claims: list[DraftClaim]) -> list[DraftClaim]:
    """The claims with each plain change in points between two stated rates linked to them
    (``start``, ``end``), replacing the links the sentence's metrics gave it."""
    out = list(claims)
    for k, b, a in _pairs(d, claims):
        c, start, end = claims[k], claims[b], claims[a]
        fields = tuple((n, v) for n, v in c.fields if n not in ("start", "end"))
        # an amount of difference is in doubt only until it is linked to the two figures
        doubts = tuple(x for x in c.doubts if x != AMOUNT_GAP)
        if not doubts and start.confident and end.confident:
            fields = (*fields, ("start", start.ids[0]), ("end", end.ids[0]))
            c = replace(c, doubts=doubts)
        out[k] = replace(c, fields=fields)
    return out


def _compared(
    d: Drafter,
    claims: list[DraftClaim],
    c: DraftClaim,
    before: list[int],
    measure: Callable[[str], bool],
) -> tuple[int, int] | None:
    """(compared, later) for ``…A%，较…B%上修C个百分点``: B right before the points C in their
    clause, after 较/比; A the nearest rate before B's clause (for an amount C, B and A are
    amounts: ``商品出口达1881亿美元，较预测数1723亿美元多出158亿美元``)."""
    if not before:
        return None
    b = before[-1]
    at = claims[b].spans[0][0]
    clause = d.ctx.clause(at)
    own = d.ctx.clause(c.spans[0][0])
    # the points in B's clause, or alone in the clause right after it (远高于8月预测的3.21%，
    # 上修4.73个百分点), comparing with nothing else there
    after = own[0] == clause[1] + 1 and not _other_comparison(d, c, own)
    if (
        (clause != own and not after)
        or not measure(claims[b].values[0])
        or not _COMPARED.search(d.ctx.folded[clause[0] : at])
    ):
        return None
    earlier = [k for k in before[:-1] if claims[k].spans[0][1] <= clause[0]]
    rates = [k for k in earlier if measure(claims[k].values[0])]
    return (b, rates[-1]) if rates else None


def _moved(
    d: Drafter, claims: list[DraftClaim], c: DraftClaim, before: list[int]
) -> tuple[int, int] | None:
    """(from, to) for ``从B%，…为A%，上修C个百分点``: the points C alone in their clause, right
    after A's clause (A after 为/到/至), B the figure before A, after 从/由 in its clause."""
    if len(before) < 2:
        return None
    a, b = before[-1], before[-2]
    a_at, b_at = claims[a].spans[0][0], claims[b].spans[0][0]
    a_clause, b_clause = d.ctx.clause(a_at), d.ctx.clause(b_at)
    if d.ctx.clause(c.spans[0][0])[0] != a_clause[1] + 1:
        return None
    if not (_rate(claims[a].values[0]) and _rate(claims[b].values[0])):
        return None
    if not _TO.search(d.ctx.folded[a_clause[0] : a_at]):
        return None
    if not _FROM.search(d.ctx.folded[b_clause[0] : b_at]):
        return None
    if _other_comparison(d, c, d.ctx.clause(c.spans[0][0])):
        return None
    return b, a


def _other_comparison(d: Drafter, c: DraftClaim, own: tuple[int, int]) -> bool:
    """Whether the points' own clause compares with something else (比上年提高: another
    change)."""
    head = d.ctx.folded[own[0] : c.spans[0][0]]
    return bool(_COMPARED.search(head)) or "上年" in head or "去年" in head
