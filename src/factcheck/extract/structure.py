"""Drafting the structure of the three industries: ``三次产业结构为7.7:57.5:34.8``.

Statistical releases give the split of GDP among the primary, secondary and tertiary industries
as three per cent figures joined by colons (国家统计局's 统计公报 and every province's and city's
after it: ``三次产业结构为7.7:57.5:34.8``, ``三次产业比例由9.1:45.5:45.4调整为7.7:57.5:34.8``).
Each is the share of an industry's value added in the whole (``第一产业增加值`` in
``地区生产总值``), and the three make up the whole, since GDP is the sum of the three industries'
value added (the rule pack's identity). The draft is one ``share`` claim of the three shares,
in per cent as the structure means them, and one complete ``sum`` of the three parts: the engine
checks that the shares add up to 100% (FC113) and, through the network, each share against the
industries' stated levels.

Only the structure right after its name and verb is drafted (``结构为``, ``比例调整为``); the
earlier one of ``由A调整为B`` has a period of its own the text seldom names, and is left among
the figures not drafted. Three numbers that do not add up to about 100 (``1:2:7``) are no
split in per cent and are left too. The period and entity are those of the nearest figure of an
industry or of GDP before the structure in its paragraph; without one, the claims are drafted
with a doubt (and so not checked by ``check ARTICLE.txt``).

The structure is drafted with confidence only where nothing in its sentence before it could
give it a time or a scope of its own (``2020年三次产业结构为…``, ``五年前，…``,
``全省三次产业结构``, ``就业人员的三次产业结构``, a split of employment): there the figure
before is no guide, and the claims carry a doubt.

The changes of the three shares in points that follow a confident structure in its
sentence or the next (``与上年同期相比，第一产业下降0.3个百分点，
第二产业下降0.5个百分点，第三产业上升0.8个百分点``) are changes of the shares, which
add up to zero, since the shares add up to 100% in both periods. When all three follow,
each written as the industry (``第一产业``, ``第一产业比重``) and its change with
nothing between (a change of an industry's growth rate names it:
``增速回落0.3个百分点``), their metric becomes the share
(``第一产业增加值占地区生产总值比重``) and a sum with ``shares: true`` over the three
shares ties them together. An author computes such changes from the rounded shares
(8.4 − 8.1 = 0.3 while the share moved 0.38), so the engine lets each miss the true
change by one unit of its last digit (docs/rules.md, "The network of quantities").
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.extract.drafter import Drafter
from factcheck.extract.model import DraftClaim, Field
from factcheck.rulepack import RulePack

SECTORS = ("第一产业增加值", "第二产业增加值", "第三产业增加值")
_NAME = (
    r"(?:三次产业|三大产业|一二三产业|一、二、三产业)(?:增加值)?的?"
    r"(?:结构|比例|构成|之比|比重)(?:之?比)?"
)
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_COLON = "[:：∶]"
_RATIO = f"({_NUMBER}){_COLON}({_NUMBER}){_COLON}({_NUMBER})(?![0-9.:：∶])"
# the name, what may stand between (由 the earlier structure), the verb, then the structure
_STRUCTURE = re.compile(
    f"{_NAME}(?:由{_NUMBER}(?:{_COLON}{_NUMBER}){{2}})?[^，。；,;0-9]{{0,6}}?"
    f"(?:调整为|优化为|变为|转变为|为|是|达到)[ ]?{_RATIO}"
)
_NOT_BORROWED = "period and entity not read from a figure of the industries before it"


# What may open the structure's sentence and still leave it the article's own: nothing, or a
# heading's number (一、, 二是).
_OPENING = re.compile(
    r"[。！？!?；;\s　]*(?:[一二三四五六七八九十]+[是、.．]|（[一二三四五六七八九十]+）)?[\s　]*$"
)
_OWN_TIME_OR_SCOPE = "its sentence gives it a time or a scope of its own"


def draft_structures(
    d: Drafter, claims: list[DraftClaim]
) -> tuple[list[DraftClaim], list[DraftClaim]]:
    """The claims with the changes of the shares renamed, and the share and sum claims of each
    structure of the three industries in the article."""
    whole = _gdp_name(d.pack, claims)
    text = d.ctx.text
    claims = list(claims)
    out: list[DraftClaim] = []
    for n, m in enumerate(_STRUCTURE.finditer(text), 1):
        numbers = [m.group(i) for i in (1, 2, 3)]
        if not 80 <= sum(float(x) for x in numbers) <= 120:
            continue  # not per cent of a whole
        start, end = m.start(1), m.end(3)
        before = _figure_before(d, claims, m.start())
        fields = dict(before.fields) if before else {}
        period = fields.get("period")
        if not isinstance(period, str):
            period = str(d.year)
        entity = fields.get("entity")
        doubts = () if before else (_NOT_BORROWED,)
        if not _OPENING.match(text, d.ctx.sentence(m.start())[0], m.start()):
            doubts = (*doubts, _OWN_TIME_OR_SCOPE)
        line = text.count("\n", 0, start) + 1
        head: list[Field] = [("entity", entity)] if isinstance(entity, str) else []
        spans = tuple((m.start(i), m.end(i)) for i in (1, 2, 3))
        values = tuple(f"{x}%" for x in numbers)
        quote = text[m.start() : end]
        share: list[Field] = [
            *head,
            ("metric", SECTORS),
            ("whole", whole),
            ("period", period),
            ("value", values),
        ]
        ids = tuple(f"share-{line}-s{n}-{i}" for i in (1, 2, 3))
        at = (m.start(), end, line)
        out.append(DraftClaim(ids, "share", quote, tuple(share), *at, values, spans, doubts))
        split: list[Field] = [*head, ("total", whole), ("parts", SECTORS), ("period", period)]
        split.append(("complete", "true"))
        # a 其中 list before may already state this split as a complete sum
        if not any(set(c.fields) >= set(split) for c in claims if c.kind == "sum"):
            out.append(
                DraftClaim((f"sum-{line}-s{n}",), "sum", quote, tuple(split), *at, (), (), doubts)
            )
        changes = _share_changes(d, claims, end)
        if changes and not doubts:
            names = tuple(f"{sector}占{whole}比重" for sector in SECTORS)
            for i, k in enumerate(changes):
                renamed = [(f, names[i] if f == "metric" else v) for f, v in claims[k].fields]
                claims[k] = replace(claims[k], fields=tuple(renamed))
            split = [*head, ("total", whole), ("parts", names), ("period", period)]
            split += [("complete", "true"), ("shares", "true")]
            first, last = claims[changes[0]], claims[changes[-1]]
            quote = text[first.start : last.end]
            at = (first.start, last.end, first.line)
            out.append(DraftClaim((f"sum-{line}-s{n}-d",), "sum", quote, tuple(split), *at, (), ()))
    return claims, out


# an industry, then its change in points with nothing between: 第一产业下降, 第二产业比重上升
_SHARE_CHANGE = re.compile(
    r"(第[一二三])产业(?:增加值)?(?:的?比重|占比|所占比重)?(?:比上年|同比|较上年)?"
    r"(?:下降|上升|提高|降低|增加|减少|回落|回升)?$"
)
_LEVELS = ("一", "二", "三")


def _share_changes(d: Drafter, claims: list[DraftClaim], after: int) -> list[int] | None:
    """The indexes of the three confident changes in points, one per industry in order, that
    follow a structure ending at ``after`` in its sentence or the next; None without all three."""
    text = d.ctx.text
    _, stop = d.ctx.sentence(after)
    if stop + 1 < len(text):
        stop = d.ctx.sentence(stop + 1)[1]
    found: dict[str, int] = {}
    for k, c in enumerate(claims):
        if not (after <= c.start < stop) or c.kind != "growth" or len(c.values) != 1:
            continue
        if not c.confident or not c.spans or "百分" not in c.values[0]:
            continue
        at = c.spans[0][0]
        clause_start = d.ctx.clause(at)[0]
        lead = _SHARE_CHANGE.search(text, clause_start, at)
        opening = text[clause_start : lead.start()] if lead else "x"
        if lead and lead[1][1] not in found and not opening.strip("与同上年期相比较，, "):
            found[lead[1][1]] = k
    if sorted(found) != sorted(_LEVELS):
        return None
    return [found[x] for x in _LEVELS]


def _gdp_names(pack: RulePack) -> list[str]:
    """The names of GDP the pack makes the sum of the three industries (地区生产总值, 生产总值,
    国内生产总值)."""
    sectors = "+".join(SECTORS)
    return [i.target for i in pack.identities if i.text.replace(" ", "").endswith("=" + sectors)]


def _gdp_name(pack: RulePack, claims: list[DraftClaim]) -> str:
    """The name of GDP the article uses, the first of the pack's if it uses none."""
    totals = _gdp_names(pack)
    used = {dict(c.fields).get("metric") for c in claims}
    return next((t for t in totals if t in used), totals[0] if totals else "地区生产总值")


def _figure_before(d: Drafter, claims: list[DraftClaim], at: int) -> DraftClaim | None:
    """The last confident claim of an industry or of GDP before ``at`` in its paragraph."""
    first = d.ctx.paragraph_start(at)
    names = {*SECTORS, *_gdp_names(d.pack)}
    for c in reversed(claims):
        metric = dict(c.fields).get("metric")
        if first <= c.start and c.end <= at and c.confident and metric in names:
            return c
    return None
