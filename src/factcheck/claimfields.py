"""Reading the fields of a claims file: text, periods, values with their units, booleans and
acceptances, each problem recorded with its position and the loading carried on.

The loader (:mod:`factcheck.loader`) assembles claims from these readers.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from factcheck.codes import FINDINGS
from factcheck.errors import Problem, ValueProblem
from factcheck.interval import Interval, stated_interval
from factcheck.model import KINDS, Acceptance, FieldSpec, FieldType, Value
from factcheck.numbers import Stated, parse_value
from factcheck.periods import Period, parse_period
from factcheck.rulepack import RulePack
from factcheck.units import UnitInfo, unit_info, use_definitions
from factcheck.yamlsrc import items, loc
from factcheck.zh import PLACE_VALUES, simplified

ID = re.compile(r"[\w][\w.\-]*")  # used with fullmatch: "$" would let a final newline in
YEAR = re.compile(r"[0-9]{4}")
# How a written figure starts (traditional 兩, a currency sign and an en dash for a minus included).
FIGURE = re.compile(r"\s*[-+−–]?[0-9零〇一二两兩三四五六七八九十百千$€£¥]")
NO_UNIT = UnitInfo("", 1.0, "")

# Parsed values and periods by (rule pack, text): the same figures and periods recur across the
# files of a run ("2025", "十四五", "5.5%"), and a parse depends only on the text and the pack.
# Problems are not memoised (they carry no state but are rare). Bounded, then cleared.
_MEMO_LIMIT = 100_000
_VALUES: dict[tuple[str, str], Value] = {}
_PERIODS: dict[tuple[str, str, int | None], Period] = {}


class ClaimReader:
    """Collects problems while building the claims of one file."""

    def __init__(self, shown: str, pack: RulePack, entity: str, year: int | None) -> None:
        self.shown, self.pack, self.entity, self.year = shown, pack, entity, year
        use_definitions(pack.units)  # a worker process gets the pack, not its building
        self.pack_key = "\0".join(pack.digests.values()) or str(id(pack))
        self.problems: list[Problem] = []
        # Ids of claims that failed to load: a reference to one is not "unknown", and reporting
        # it would bury the real problem under a cascade.
        self.failed_ids: set[str] = set()
        # A 'within' written like a figure that does not parse (94斗): the figure's problem,
        # reported instead of "unknown claim" if no claim has that id.
        self.deferred: dict[tuple[str, str], Problem] = {}

    def problem(self, node: yaml.Node, code: str, message: str) -> None:
        self.problems.append(Problem(loc(node, self.shown), code, message))

    def text(self, node: yaml.Node, name: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "E115", f"'{name}' must be text, not a list or mapping")
            return None
        return node.value

    def texts(self, node: yaml.Node, name: str) -> tuple[str, ...] | None:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, "E115", f"'{name}' must be a non-empty list")
            return None
        out = [self.text(item, name) for item in node.value]
        return None if None in out else tuple(t for t in out if t is not None)

    def period(self, node: yaml.Node, name: str, point: bool) -> Period | None:
        raw = self.text(node, name)
        if raw is None:
            return None
        key = (self.pack_key, raw, self.year)
        period = _PERIODS.get(key)
        if period is None:
            try:
                period = parse_period(raw, self.pack.plans, self.year)
            except ValueProblem as exc:
                self.problem(node, exc.code, exc.message)
                return None
            _remember(_PERIODS, key, period)
        if point and period.is_span:
            self.problem(node, "E111", f"'{name}' must be a single period, not the span '{raw}'")
            return None
        return period

    def value(self, node: yaml.Node, name: str) -> Value | None:
        raw = self.text(node, name)
        if raw is None:
            return None
        key = (self.pack_key, raw)
        value = _VALUES.get(key)
        if value is None:
            try:
                stated = parse_value(raw, self.pack.lexicon)
                unit = unit_info(stated.unit) if stated.form == "number" else NO_UNIT
            except ValueProblem as exc:
                self.problem(node, exc.code, exc.message)
                return None
            scale = stated.factor * unit.factor
            interval = stated_interval(stated, self.pack.rounding).scale(scale)
            point = float(stated.number) * scale
            if _exact_count(stated, unit):
                interval = Interval(point, point)
            value = Value(stated, unit, point, interval)
            _remember(_VALUES, key, value)
        return value


_MAGNITUDES = tuple(PLACE_VALUES)


def _exact_count(stated: Stated, unit: UnitInfo) -> bool:
    """A whole count of things written to the unit (``167家``, ``94个月``) is exact, not
    167 ± 0.5; one written with a magnitude (``3万户``) or decimals (``2.8万户``) is rounded."""
    return (
        unit.is_count
        and stated.form == "number"
        and stated.bound == "equal"
        and stated.exponent == 0
        and not stated.unit.startswith(_MAGNITUDES)
    )


def _remember(memo: dict[Any, Any], key: object, value: object) -> None:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value


def read_fields(
    c: ClaimReader, node: yaml.MappingNode, spec: dict[str, FieldSpec]
) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """Key and value nodes by field name; unknown fields are reported with a suggestion."""
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for name, key, value in items(node):
        if name not in spec:
            hint = difflib.get_close_matches(name, list(spec), n=1)
            did = f"; did you mean '{hint[0]}'?" if hint else f"; expected one of {', '.join(spec)}"
            c.problem(key, "E105", f"unknown field '{name}'{did}")
            continue
        out[name] = (key, value)
    if len(out) < len(spec):  # a required field may be missing
        for name, field in spec.items():
            if field.required and name not in out:
                c.problem(node, "E106", f"missing required field '{name}'")
    return out


def expand(
    c: ClaimReader, fields: dict[str, tuple[yaml.Node, yaml.Node]], spec: dict[str, FieldSpec]
) -> list[dict[str, yaml.Node]]:
    """A claim with 'respectively' lists becomes one mapping of nodes per item."""
    lists, flat = {}, {}
    for name, (_, value) in fields.items():
        if isinstance(value, yaml.SequenceNode) and spec[name].respectively:
            lists[name] = value.value
        else:
            flat[name] = value
    if not lists:
        return [flat]
    lengths = {name: len(v) for name, v in lists.items()}
    n = max(lengths.values())
    if len(set(lengths.values())) > 1 or n == 0:
        # Point at the first list whose length differs from the first list's (or is empty).
        first = next(iter(lengths.values()))
        culprit = next((k for k, v in lengths.items() if v != first or v == 0), None)
        c.problem(
            fields[culprit or next(iter(lists))][0],
            "E117",
            "'respectively' lists have different lengths: "
            + ", ".join(f"{k} {v}" for k, v in lengths.items())
            if n
            else "a 'respectively' list is empty",
        )
        ids = lists.get("id") or ([flat["id"]] if "id" in flat else [])
        c.failed_ids.update(i.value for i in ids if isinstance(i, yaml.ScalarNode))
        return []
    out = []
    for i in range(n):
        one = dict(flat)
        one.update({name: v[i] for name, v in lists.items()})
        if "id" not in lists and "id" in flat and isinstance(flat["id"], yaml.ScalarNode):
            base = flat["id"]
            one["id"] = yaml.ScalarNode(
                base.tag, f"{base.value}.{i + 1}", base.start_mark, base.end_mark
            )
        out.append(one)
    return out


def check_value(c: ClaimReader, kind: str, node: yaml.Node, value: Value) -> Value | None:
    """Refuse a value of the wrong form or dimension for its kind (E110)."""
    s, spec = value.stated, KINDS[kind]
    if not form_fits(kind, s, value.unit):
        c.problem(node, "E110", f"'{s.text}' is not {spec.takes}, as a {kind} claim needs")
        return None
    if s.form == "number" and not s.unit and spec.bare:
        # A bare figure (3.4, 2.29, 2) read as the kind's own form; its interval follows that
        # form (a rank is an exact place, not 2 ± 0.5).
        stated = Stated(
            s.text,
            kind,
            s.number,
            s.exponent,
            reading="times" if kind == "multiple" else None,
            qualifier=s.qualifier,
            bound=s.bound,
        )
        interval = stated_interval(stated, c.pack.rounding)
        return Value(stated, value.unit, float(stated.number), interval)
    return value


def form_fits(kind: str, stated: Stated, unit: UnitInfo) -> bool:
    """Whether a value of this form (and unit) fits a claim of this kind: the E110 rule, which
    the extractor asks too before it drafts a claim."""
    if stated.reading == "direction":  # 提高 alone: only a growth says a direction alone
        return kind == "growth"
    return KINDS[kind].fits(stated, unit)


def try_value(c: ClaimReader, node: yaml.Node, name: str) -> Value | Problem:
    """The value of a node, or the problem it would raise (nothing is recorded)."""
    before = len(c.problems)
    value = c.value(node, name)
    if value is not None:
        return value
    problem = c.problems[before]
    del c.problems[before:]
    return problem


def read_bool(c: ClaimReader, node: yaml.Node, name: str) -> bool:
    raw = c.text(node, name)
    if raw is None:
        return False
    if raw.lower() in ("true", "yes", "on"):
        return True
    if raw.lower() not in ("false", "no", "off"):
        c.problem(node, "E108", f"'{name}' must be true or false")
    return False


def read_accepts(c: ClaimReader, node: yaml.Node) -> tuple[Acceptance, ...]:
    entries = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out = []
    for entry in entries:
        if not isinstance(entry, yaml.MappingNode):
            c.problem(entry, "E115", "an acceptance is a mapping {code, reason, until}")
            continue
        spec = {
            "code": FieldSpec("text", "", True),
            "reason": FieldSpec("text", "", True),
            "until": FieldSpec("text", ""),
        }
        fields = {k: v for k, (_, v) in read_fields(c, entry, spec).items()}
        code = c.text(fields["code"], "code") if "code" in fields else None
        if code is not None and code not in FINDINGS:
            c.problem(fields["code"], "E108", f"'{code}' is not a finding code")
        until = None
        if "until" in fields and (raw := c.text(fields["until"], "until")) is not None:
            try:
                until = date.fromisoformat(raw)
            except ValueError:
                c.problem(fields["until"], "E119", f"'{raw}' is not a date (YYYY-MM-DD)")
        reason = c.text(fields["reason"], "reason") if "reason" in fields else None
        if code and reason:
            out.append(Acceptance(code, reason, until, loc(entry, c.shown)))
    return tuple(out)


# ---- one reader per field type


@dataclass
class FieldsRead:
    """What the readers make of one claim's fields: the Claim's arguments, the ids it refers to
    by role, and the problems of figures written where an id may stand (reported only if no
    claim has that id)."""

    kind: str
    args: dict[str, Any] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    deferred: dict[str, Problem] = field(default_factory=dict)


FieldReader = Callable[[ClaimReader, FieldsRead, str, yaml.Node], None]
_SCALAR = yaml.ScalarNode


# Fields that name a quantity: written in traditional characters (地區生產總值), they are kept in
# simplified ones, so that they meet the same names in other claims and in the rule pack's
# identities and basis lists. Quotes and notes stay as written.
NAMES = frozenset({"entity", "metric", "whole", "whole_entity", "total", "ranking"})


def _text(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    text = node.value if node.__class__ is _SCALAR else c.text(node, name)
    out.args[name] = simplified(text) if name in NAMES and text else text


def _texts(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    found = c.texts(node, name)  # ratio: metrics; sum: parts
    out.args["metrics"] = found and tuple(simplified(m) for m in found)


def _entities(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    found = c.texts(node, name)
    out.args[name] = found and tuple(simplified(m) for m in found)
    if found is not None and len(found) != 2:
        c.problem(node, "E115", f"'{name}' must be [numerator's, denominator's]")


def _number(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    """A number above zero (a ratio's 'per': 100 for 以女性为100)."""
    raw = c.text(node, name)
    try:
        number = float(raw) if raw is not None else None
    except ValueError:
        number = None
    if number is None or not 0 < number < float("inf"):
        c.problem(node, "E108", f"'{name}' must be a number above zero, not '{raw}'")
        return
    out.args[name] = number


def _period(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    out.args[name] = c.period(node, name, point=False)


def _point(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    out.args[name] = c.period(node, name, point=True)


def _value(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    value = c.value(node, name)
    out.args[name] = value and check_value(c, out.kind, node, value)


def _value_or_id(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    raw = c.text(node, name)
    if raw is None:
        return
    value_or_problem = try_value(c, node, name)  # a figure (94个月) or, failing that, an id
    if isinstance(value_or_problem, Value):
        out.args[name] = value_or_problem
        return
    out.refs[name] = raw
    if FIGURE.match(unicodedata.normalize("NFKC", raw)):
        out.deferred[name] = value_or_problem


def _id(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    raw = c.text(node, name)
    if raw is not None:
        out.refs[name] = raw


def _ids(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    for i, ref in enumerate(c.texts(node, name) or ()):
        out.refs[f"{name}.{i}"] = ref


def _bool(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    out.args[name] = read_bool(c, node, name)


def _choice(*choices: str) -> FieldReader:
    def read(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
        raw = c.text(node, name)
        if raw is not None and raw not in choices:
            c.problem(node, "E108", f"'{name}' must be one of {', '.join(choices)}")
        out.args[name] = raw

    return read


def _accept(c: ClaimReader, out: FieldsRead, name: str, node: yaml.Node) -> None:
    out.args[name] = read_accepts(c, node)


# The reader of each field type of a claim (FILE_FIELDS' claims and ignores are read by the
# loader itself). tests/test_loader.py checks that every type a kind uses has one.
READERS: dict[FieldType, FieldReader] = {
    "text": _text,
    "texts": _texts,
    "entities": _entities,
    "number": _number,
    "period": _period,
    "point": _point,
    "value": _value,
    "value-or-id": _value_or_id,
    "id": _id,
    "ids": _ids,
    "bool": _bool,
    "basis": _choice("real", "nominal", "unstated"),
    "order": _choice("desc", "asc"),
    "accept": _accept,
}
