"""The claims model: frozen, format-neutral records, and the table of claim kinds.

:data:`KINDS` is the single description of which fields each kind takes. The loader validates
against it, ``factcheck schema`` generates the JSON Schema from it, and the docs list it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from factcheck.errors import Loc
from factcheck.interval import Interval
from factcheck.numbers import Stated
from factcheck.periods import Period
from factcheck.units import UnitInfo


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a claim: its type, whether it is required, and a one-line meaning.

    Types: ``text``, ``value``, ``period``, ``point``, ``id``, ``ids``, ``texts``, ``bool``,
    ``basis``, ``order``, ``accept``, ``value-or-id``.
    """

    type: str
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

KINDS: dict[str, dict[str, FieldSpec]] = {
    "level": {"metric": _METRIC, "period": FieldSpec("point", "the period", True), "value": _VALUE},
    "growth": _CHANGE,
    "cagr": _CHANGE,
    "multiple": _CHANGE,
    "share": {
        "metric": _METRIC,
        "period": _PERIOD,
        "value": _VALUE,
        "whole": FieldSpec("text", "metric of the whole (default: the same metric)"),
        "whole_entity": FieldSpec("text", "entity of the whole (default: the same entity)"),
        "part": FieldSpec("id", "id of the claim of the part"),
        "total": FieldSpec("id", "id of the claim of the whole"),
    },
    "ratio": {
        "metrics": FieldSpec("texts", "[numerator, denominator] metrics", True, False),
        "period": _PERIOD,
        "value": _VALUE,
        "refs": FieldSpec("ids", "ids of the [numerator, denominator] claims", False, False),
    },
    "sum": {
        "total": FieldSpec("text", "metric of the total", True),
        "parts": FieldSpec("texts", "metrics of the parts", True, False),
        "period": _PERIOD,
        "complete": FieldSpec("bool", "true when the parts make up the whole total"),
    },
    "rank": {
        "metric": _METRIC,
        "period": _PERIOD,
        "ranking": FieldSpec("text", "the ranking, e.g. 全省县区GDP增速", True),
        "value": _VALUE,
        "ref": FieldSpec("id", "id of the claim whose value is ranked"),
        "order": FieldSpec("order", "desc (largest first, default) or asc"),
    },
    "count": {
        "metric": _METRIC,
        "period": FieldSpec("period", "the period"),
        "value": _VALUE,
        "within": FieldSpec("value-or-id", "the larger count (a value or a claim id)", True),
    },
}
# Every field a claim of each kind takes: the common ones and its own.
FIELDS: dict[str, dict[str, FieldSpec]] = {kind: {**COMMON, **own} for kind, own in KINDS.items()}
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
    whole: str | None = None
    whole_entity: str | None = None
    total: str | None = None
    ranking: str | None = None
    order: str = "desc"
    complete: bool = False
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
