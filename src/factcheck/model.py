"""The claims model: frozen, format-neutral records, and the table of claim kinds.

:data:`KINDS` is the single description of each claim kind: the fields it takes, the values it
takes and what else it requires of its fields. The loader validates against it (its field
readers are a table by field type, :data:`factcheck.claimfields.READERS`), the extractor drafts
by it, ``factcheck schema`` generates the JSON Schema from it, and the docs list it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from factcheck.errors import Loc
from factcheck.interval import Interval
from factcheck.numbers import Stated
from factcheck.periods import Period
from factcheck.units import UnitInfo
from factcheck.zh import INCREMENT_VERBS

# How a field is read: each type has its reader (factcheck.claimfields.READERS).
FieldType = Literal[
    "text", "texts", "entities", "number", "value", "value-or-id", "period", "point", "id",
    "ids", "bool", "basis", "order", "accept", "claims", "ignores",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a claim: its type, whether it is required, and a one-line meaning.

    Types: ``text``, ``value``, ``period``, ``point``, ``id``, ``ids``, ``texts``,
    ``entities``, ``number``, ``bool``, ``basis``, ``order``, ``accept``, ``value-or-id``.
    """

    type: FieldType
    doc: str
    required: bool = False
    respectively: bool = True  # may be written as a list, one item per expanded claim


COMMON: dict[str, FieldSpec] = {
    "id": FieldSpec("text", "unique id in the article, e.g. gdp-2025", True),
    "kind": FieldSpec("text", "the claim kind", True, respectively=False),
    "quote": FieldSpec("text", "verbatim words of the article", True, respectively=False),
    "entity": FieldSpec("text", "the entity (region, company); default: the file's entity"),
    "basis": FieldSpec("basis", "price basis: real, nominal or unstated"),
    "note": FieldSpec("text", "free text", respectively=False),
    "accept": FieldSpec(
        "accept", "reviewed findings accepted: {code, reason, until}", False, False
    ),
    "draft": FieldSpec("bool", "true for a drafted claim not yet reviewed", respectively=False),
}
_METRIC = FieldSpec("text", "what is measured, e.g. 地区生产总值", True)
_VALUE = FieldSpec("value", "the figure as written, with qualifier and unit", True)
_PERIOD = FieldSpec("period", "the period: 2025, 2025Q3, 2025年1-9月, 2021-2025, 十四五 …", True)
_BASE = FieldSpec("point", "the base period compared with (default: a year before)")
_START = FieldSpec("id", "id of the claim of the start level (found by metric otherwise)")
_END = FieldSpec("id", "id of the claim of the end level (found by metric otherwise)")
_CHANGE = {
    "metric": _METRIC,
    "period": _PERIOD,
    "base": _BASE,
    "value": _VALUE,
    "start": _START,
    "end": _END,
}

# A kind's rule over the fields read for one claim: None, or the problem as (the field to point
# at, code, message). The loader runs them in order, after every field has been read.
Requirement = Callable[[str, Mapping[str, Any]], tuple[str, str, str] | None]


def _span_or_base(kind: str, fields: Mapping[str, Any]) -> tuple[str, str, str] | None:
    period = fields.get("period")
    if fields.get("base") or (isinstance(period, Period) and period.is_span):
        return None
    return "period", "E111", f"a {kind} claim needs a span (2021-2025, 十四五) or a 'base' period"


def _two_metrics(kind: str, fields: Mapping[str, Any]) -> tuple[str, str, str] | None:
    metrics = fields.get("metrics")  # a tuple, or None when it was refused
    if isinstance(metrics, tuple) and len(metrics) == 2:
        return None
    return "metrics", "E115", "'metrics' must be [numerator, denominator]"


def _within_same_unit(kind: str, fields: Mapping[str, Any]) -> tuple[str, str, str] | None:
    value, within = fields.get("value"), fields.get("within")
    if (
        isinstance(value, Value)
        and isinstance(within, Value)
        and value.unit.dimension != within.unit.dimension
    ):
        return (
            "within",
            "E110",
            f"'{within.text}' is not counted in the same unit as '{value.text}'",
        )
    return None


def _rank_among(kind: str, fields: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """'among' is a whole number of places, and no rank (or change of rank) goes beyond it."""
    value, among = fields.get("value"), fields.get("among")
    if among is None or not isinstance(value, Value):
        return None
    if among != int(among) or among > 1e6:
        return "among", "E108", f"'among' must be a whole number of places, not {among:g}"
    s = value.stated
    deepest = abs(s.number) + (1 if s.reading == "change" else 0)
    if s.hi is not None and s.reading != "change":
        deepest = s.hi
    if deepest > among:
        return "value", "E108", f"'{s.text}' goes beyond the {int(among)} ranked ('among')"
    return None


def _any_form(s: Stated, u: UnitInfo) -> bool:
    return True


def _first_order(s: Stated) -> bool:
    """Not a change of an increment (少增41万人 is an increment claim's)."""
    return s.verb not in INCREMENT_VERBS


@dataclass(frozen=True, slots=True)
class KindSpec:
    """A claim kind: its own fields, the values it takes and what else it requires of them.

    ``fits`` is the loader's E110 rule (the extractor asks it too before it drafts a claim) and
    ``takes`` its wording; with ``bare`` a figure without a unit (3.4, 2.29, 2) is read as the
    kind's own form, multiple, ratio or rank; ``requires`` are the kind's rules over its fields.
    A new kind is one entry of :data:`KINDS` (and, to be checked, a rule kind in ``kinds/``).
    """

    fields: dict[str, FieldSpec]
    takes: str = "a figure"
    fits: Callable[[Stated, UnitInfo], bool] = _any_form
    bare: bool = False
    requires: tuple[Requirement, ...] = ()


KINDS: dict[str, KindSpec] = {
    "level": KindSpec(
        {"metric": _METRIC, "period": FieldSpec("point", "the period", True), "value": _VALUE},
        "a level (a change such as 增加300亿元 is a growth claim)",
        # a level says how much there is: 增加300亿元 is a change, for a growth claim
        lambda s, u: s.form == "number" and s.verb is None,
    ),
    "growth": KindSpec(
        _CHANGE,
        "a rate (%), percentage points (个百分点) or an amount with its direction (增加12.3亿元)",
        # a level put in a growth claim by mistake (670亿元) stays an error
        lambda s, u: (
            s.form == "number"
            and _first_order(s)
            and (u.is_percent or u.is_points or (u.dimension != "" and s.verb is not None))
        ),
    ),
    "cagr": KindSpec(
        _CHANGE,
        "a rate (%) or an average yearly change in percentage points",
        # an average yearly rate, or an average yearly change in points (平均每年提高1.5个百分点)
        lambda s, u: s.form == "number" and _first_order(s) and (u.is_percent or u.is_points),
        requires=(_span_or_base,),
    ),
    "multiple": KindSpec(
        _CHANGE,
        "a multiple (3.4倍, 增长2倍, 翻番)",
        lambda s, u: s.form == "multiple" or (s.form == "number" and not s.unit),
        bare=True,
        requires=(_span_or_base,),
    ),
    "share": KindSpec(
        {
            "metric": _METRIC,
            "period": _PERIOD,
            "value": _VALUE,
            "whole": FieldSpec("text", "metric of the whole (default: the same metric)"),
            "whole_entity": FieldSpec("text", "entity of the whole (default: the same entity)"),
            "part": FieldSpec("id", "id of the claim of the part"),
            "total": FieldSpec("id", "id of the claim of the whole"),
        },
        "a percentage or a fraction",
        lambda s, u: s.form == "number" and u.dimension == "",
    ),
    "ratio": KindSpec(
        {
            "metrics": FieldSpec("texts", "[numerator, denominator] metrics", True, False),
            "period": _PERIOD,
            "value": _VALUE,
            "refs": FieldSpec("ids", "ids of the [numerator, denominator] claims", False, False),
            "entities": FieldSpec(
                "entities",
                "[numerator, denominator] entities, for a ratio between two entities "
                "(甲县约为乙县的1.10倍; default: the claim's entity for both)",
                False,
                False,
            ),
            "per": FieldSpec(
                "number",
                "the ratio is per this many of the denominator (性别比105.07, 以女性为100: 100)",
            ),
        },
        "a ratio (2.29:1), a figure per unit (2.90人) or an exchange rate (6.8985)",
        # a ratio, or a figure per unit of the denominator (平均每户2.90人)
        lambda s, u: s.form == "ratio" or s.form == "number",
        bare=True,
        requires=(_two_metrics,),
    ),
    "sum": KindSpec(
        {
            "total": FieldSpec("text", "metric of the total", True),
            "parts": FieldSpec("texts", "metrics of the parts", True, False),
            "period": _PERIOD,
            "complete": FieldSpec("bool", "true when the parts make up the whole total"),
            "shares": FieldSpec(
                "bool",
                "true when the parts are the shares of a complete split (they add up to 100%, "
                "so their changes in points add up to zero)",
            ),
        },
    ),
    "contribution": KindSpec(
        {
            "metric": FieldSpec("text", "the part that contributes, e.g. 最终消费支出", True),
            "total": FieldSpec("text", "metric of the total whose growth it drives", True),
            "period": _PERIOD,
            "base": _BASE,
            "value": _VALUE,
        },
        "percentage points (拉动3.0个百分点)",
        lambda s, u: s.form == "number" and u.is_points,
    ),
    "rank": KindSpec(
        {
            "metric": _METRIC,
            "period": _PERIOD,
            "ranking": FieldSpec("text", "the ranking, e.g. 全省县区GDP增速", True),
            "value": _VALUE,
            "ref": FieldSpec("id", "id of the claim whose value is ranked"),
            "order": FieldSpec("order", "desc (largest first, default) or asc"),
            "among": FieldSpec(
                "number",
                "how many are ranked (在全省14个市中: 14): a rank from the bottom (末位, "
                "倒数第二) counts from it",
            ),
            "base": FieldSpec(
                "point",
                "for a change of rank (上升3位): the period compared with (default: a year before)",
            ),
        },
        "a rank (第二, 3, 末位, 倒数第二) or a change of rank (上升3位, 下降2位)",
        lambda s, u: s.form == "rank" or (s.form == "number" and not s.unit),
        bare=True,
        requires=(_rank_among,),
    ),
    "increment": KindSpec(
        {
            "metric": _METRIC,
            "period": _PERIOD,
            "base": _BASE,
            "value": FieldSpec(
                "value", "how much more (多增) or less (少增) the increment is, with its unit", True
            ),
            "flow": FieldSpec(
                "bool",
                "true when the metric is itself the increment (城镇新增就业, 新增贷款): its levels "
                "of the two periods are compared; default false: the metric's changes are",
            ),
        },
        "a change of an increment (少增41万人, 多增2.5万亿元)",
        lambda s, u: (
            s.form == "number"
            and s.verb in INCREMENT_VERBS
            and (u.is_points or (u.dimension != "" and not u.is_percent))
        ),
    ),
    "count": KindSpec(
        {
            "metric": _METRIC,
            "period": FieldSpec("period", "the period"),
            "value": _VALUE,
            "within": FieldSpec("value-or-id", "the larger count (a value or a claim id)", True),
        },
        fits=lambda s, u: s.form == "number",
        requires=(_within_same_unit,),
    ),
}
# Every field a claim of each kind takes: the common ones and its own.
FIELDS: dict[str, dict[str, FieldSpec]] = {
    k: {**COMMON, **spec.fields} for k, spec in KINDS.items()
}
REQUIRED: dict[str, frozenset[str]] = {
    kind: frozenset(name for name, f in spec.items() if f.required) for kind, spec in FIELDS.items()
}

FILE_FIELDS: dict[str, FieldSpec] = {
    "version": FieldSpec("text", "format version: 1"),
    "article": FieldSpec("text", "the article text, relative to this file", True),
    "entity": FieldSpec("text", "the default entity of every claim", True),
    "year": FieldSpec("text", "reference year of the article, for N年前"),
    "claims": FieldSpec("claims", "the claims", True),
    "ignore": FieldSpec("ignores", "numeric mentions that assert nothing checkable"),
}
IGNORE_REASONS = ("name", "age", "date", "label", "rank-list", "other")


@dataclass(frozen=True, slots=True)
class Value:
    """A stated figure, converted once to base units: ``interval`` is what the words allow."""

    stated: Stated
    unit: UnitInfo
    point: float  # the face value in base units
    interval: Interval

    @property
    def text(self) -> str:
        """The value as written in the claims file."""
        return self.stated.text


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A finding the newsroom has reviewed and accepts for this claim."""

    code: str
    reason: str
    until: date | None
    loc: Loc


@dataclass(frozen=True, slots=True)
class Claim:
    """One typed assertion. Fields a kind does not take are None or empty."""

    id: str
    kind: str
    quote: str
    loc: Loc
    entity: str
    basis: str | None = None
    metric: str | None = None
    period: Period | None = None
    base: Period | None = None
    value: Value | None = None
    refs: dict[str, str] = field(default_factory=dict)  # start, end, part, total, ref, within
    metrics: tuple[str, ...] = ()  # ratio: numerator, denominator; sum: parts
    entities: tuple[str, ...] = ()  # ratio: the numerator's and the denominator's entity
    per: float = 1.0  # ratio: per this many of the denominator (100 for 性别比)
    whole: str | None = None
    whole_entity: str | None = None
    total: str | None = None
    ranking: str | None = None
    order: str = "desc"
    among: float | None = None  # rank: how many are ranked
    flow: bool = False  # increment: the metric is itself the increment
    complete: bool = False
    shares: bool = False  # sum: the parts are shares of a complete split
    within: Value | None = None
    accept: tuple[Acceptance, ...] = ()
    draft: bool = False
    note: str | None = None
    # (line, col) of each field as written; a Loc is made only when a report asks for one.
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def loc_of(self, name: str) -> Loc:
        """Where a field was written (the claim's own location if it was not)."""
        pos = self.positions.get(name)
        return Loc(self.loc.path, *pos) if pos else self.loc


@dataclass(frozen=True, slots=True)
class Ignore:
    """A numeric mention that asserts nothing checkable."""

    quote: str
    reason: str
    loc: Loc


@dataclass(frozen=True, slots=True)
class ClaimsFile:
    """A loaded claims file."""

    path: str
    article_path: str
    article_text: str | None
    entity: str
    year: int | None
    claims: tuple[Claim, ...]
    ignores: tuple[Ignore, ...] = ()
    sha256: str = ""
