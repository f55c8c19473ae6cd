"""Reading the sections of a merged rule pack: one small reader per section, in one table.

:data:`SECTIONS` maps each top-level key of a pack to the shape it must have and its reader. A
reader checks its section, reports every problem it finds (with the file, line and the valid
choices) and returns the :class:`~factcheck.rulepack.RulePack` fields it sets. A section of the
wrong shape (``rounding: 5``) is reported once and read as empty, so one mistake gives one
problem instead of a crash further down. A new section is one reader and one row.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from factcheck import expr as ex
from factcheck.codes import FINDINGS, SEVERITIES, Severity, is_severity
from factcheck.errors import Loc, Problem, ValueProblem
from factcheck.interval import RoundingOptions
from factcheck.numbers import Lexicon
from factcheck.periods import MAX_YEAR, MIN_YEAR

BOUNDS = ("above", "more", "below", "near", "approx", "equal")
KEY = "\0key"  # a path step no key of a pack can be: the reader refuses NUL characters
BASES = ("real", "nominal", "unstated")
BASIS_WORDS = ("real", "both", "nominal")


@dataclass(frozen=True, slots=True)
class Identity:
    """``target = expression`` over metrics of one entity and period."""

    target: str
    expr: ex.Expr
    text: str
    loc: Loc


@dataclass
class PackReading:
    """The merged pack being read: its data, where each key path was written, the problems."""

    data: dict[str, Any]
    locs: dict[tuple[Any, ...], Loc]
    shown: str  # the last pack file, where a problem without a position is reported
    problems: list[Problem] = field(default_factory=list)

    def at(self, *path: Any, of_key: bool = False) -> Loc:
        """The value's position, or with ``of_key`` the key's (an unknown key is pointed at
        itself); the nearest written parent where the path itself was not written."""
        if of_key and (*path, KEY) in self.locs:
            return self.locs[(*path, KEY)]
        while path and path not in self.locs:
            path = path[:-1]
        return self.locs.get(path, Loc(self.shown))

    def bad(self, path: tuple[Any, ...], message: str, code: str = "E203") -> None:
        """A problem at a value."""
        self.problems.append(Problem(self.at(*path), code, message))

    def unknown(
        self, path: tuple[Any, ...], code: str, what: str, name: str, valid: Any, of_key: bool
    ) -> None:
        """An unknown key or value, with the nearest valid one and every choice."""
        where = self.at(*path, of_key=of_key)
        self.problems.append(unknown(where, code, what, name, list(valid)))

    def section(self, key: str, shape: type) -> Any:
        """A section of the expected shape (dict or list), else reported and read as empty."""
        value = self.data.get(key)
        if value is None or value == "":
            return shape()
        if not isinstance(value, shape):
            what = "a mapping" if shape is dict else "a list"
            self.bad((key,), f"'{key}' must be {what}")
            return shape()
        return value


def unknown(where: Loc, code: str, what: str, name: str, valid: list[str]) -> Problem:
    """The problem of an unknown name: the nearest valid one and every choice."""
    hint = difflib.get_close_matches(name, valid, n=1)
    did = f" (did you mean '{hint[0]}'?)" if hint else ""
    return Problem(
        where, code, f"unknown {what} '{name}'{did}; expected one of " + ", ".join(sorted(valid))
    )


def _version(r: PackReading, raw: Any) -> dict[str, Any]:
    if str(r.data.get("version", "1")) != "1":  # written empty, it is None: not 1 either
        r.bad(("version",), "rule-pack 'version' must be 1")
    return {}


def _rounding(r: PackReading, raw: dict[str, Any]) -> dict[str, Any]:
    """Two choices and three fractions from 0 to below 1; ``approx`` and ``near`` may also be
    ``digit`` (one unit of the last significant digit, docs/conventions.md §2)."""
    values: dict[str, Any] = {}
    choices = {"mode": ("nearest", "down"), "trailing_zeros": ("unit", "significant")}
    fractions = ("approx", "near", "open_below")
    for key, value in raw.items():
        if key in choices:
            if value not in choices[key]:
                r.bad(("rounding", key), f"rounding.{key} must be one of {', '.join(choices[key])}")
            else:
                values[key] = value
        elif key in fractions and key != "open_below" and value == "digit":
            values[key] = "digit"
        elif key in fractions:
            try:
                number = float(value)
                if not 0 <= number < 1:  # also refuses nan and inf
                    raise ValueError
                values[key] = number
            except (TypeError, ValueError):
                digit = "" if key == "open_below" else " or 'digit'"
                message = f"rounding.{key} must be a number from 0 to below 1{digit}"
                r.bad(("rounding", key), message)
        else:
            valid = [*choices, *fractions]
            r.unknown(("rounding", key), "E202", "rounding option", key, valid, of_key=True)
    return {"rounding": RoundingOptions(**values)}


def _lexicon(r: PackReading, raw: dict[str, Any]) -> dict[str, Any]:
    """Qualifier words written before and after a figure, each with its bound."""
    sides: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for side, words in raw.items():
        if side not in sides:
            r.unknown(("lexicon", side), "E202", "lexicon side", side, sides, of_key=True)
            continue
        if not isinstance(words, dict):
            r.bad(("lexicon", side), f"lexicon.{side} must be a mapping of word: bound")
            continue
        for word, bound in words.items():
            if not isinstance(bound, str) or bound not in BOUNDS:
                r.unknown(("lexicon", side, word), "E203", "bound", str(bound), BOUNDS, False)
            elif word:
                sides[side][word] = bound
    return {"lexicon": Lexicon(sides["before"], sides["after"])}


def _plans(r: PackReading, raw: dict[str, Any]) -> dict[str, Any]:
    """Plan names (十四五) and their first and last years."""
    plans: dict[str, tuple[int, int]] = {}
    for plan, years in raw.items():
        try:
            if not isinstance(years, list) or len(years) != 2:
                raise ValueError
            first, last = (int(y) for y in years)
            if not MIN_YEAR <= first <= last <= MAX_YEAR:
                raise ValueError
            plans[plan] = (first, last)
        except (TypeError, ValueError):
            message = f"plan '{plan}' needs [first year, last year] within {MIN_YEAR}-{MAX_YEAR}"
            r.bad(("plans", plan), message)
    return {"plans": plans}


def _basis(r: PackReading, raw: dict[str, Any]) -> dict[str, Any]:
    """The default price basis, and the metric words that imply one."""
    default = raw.get("default", "nominal")
    if not isinstance(default, str) or default not in BASES:
        r.unknown(("basis", "default"), "E203", "basis", str(default), BASES, of_key=False)
    words: dict[str, tuple[str, ...]] = {}
    for key, listed in raw.items():
        if key == "default":
            continue
        if key not in BASIS_WORDS:
            valid = ("default", *BASIS_WORDS)
            r.unknown(("basis", key), "E202", "basis key", key, valid, of_key=True)
        elif not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
            r.bad(("basis", key), f"basis.{key} must be a list of words")
        else:
            words[key] = tuple(listed)
    return {
        "basis_default": default,
        "basis_words": {k: words.get(k, ()) for k in BASIS_WORDS},
    }


def _checks(r: PackReading, raw: dict[str, Any]) -> dict[str, Any]:
    """The rule kinds that run, each with its options."""
    from factcheck.kinds import REGISTRY  # noqa: PLC0415 - kinds import the engine's types

    checks: dict[str, dict[str, Any]] = {}
    for kind, options in raw.items():
        if kind not in REGISTRY:
            r.unknown(("checks", kind), "E201", "rule kind", kind, REGISTRY, of_key=True)
            continue
        # The kind's module (and its option table) is imported only when the pack sets options;
        # the engine fills in the defaults of the others.
        spec = REGISTRY[kind].OPTIONS if options else {}
        resolved = _options(r, kind, options or {}, spec)
        if resolved.pop("enabled", True):
            checks[kind] = resolved
    return {"checks": checks}


def _options(r: PackReading, kind: str, raw: Any, spec: dict[str, Any]) -> dict[str, Any]:
    """The options of one rule kind, parsed by the kind's option table."""
    if not isinstance(raw, dict):
        r.bad(("checks", kind), f"checks.{kind} must be a mapping")
        return {"enabled": True}
    out: dict[str, Any] = {name: option.default for name, option in spec.items()}
    out["enabled"] = True
    for name, value in raw.items():
        if name == "enabled":
            out["enabled"] = str(value).lower() not in ("false", "no", "off", "0")
        elif name not in spec:
            valid = ["enabled", *spec]
            r.unknown(("checks", kind, name), "E202", f"'{kind}' option", name, valid, True)
        else:
            try:
                out[name] = spec[name].parse(value)
            except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
                r.bad(("checks", kind, name), f"checks.{kind}.{name}: {exc}")
    return out


def _severity(r: PackReading, raw: dict[str, Any]) -> dict[str, Any]:
    """The severity of finding codes, over each code's default."""
    severity: dict[str, Severity] = {}
    for code, level in raw.items():
        if code not in FINDINGS:
            r.unknown(("severity", code), "E202", "finding code", code, FINDINGS, of_key=True)
        elif not is_severity(level):
            r.unknown(("severity", code), "E203", "severity", str(level), SEVERITIES, False)
        else:
            severity[code] = level
    return {"severity": severity}


def _identities(r: PackReading, raw: list[Any]) -> dict[str, Any]:
    """Accounting identities ``metric = expression``, none of which may depend on itself."""
    out: list[Identity] = []
    for i, text in enumerate(raw):
        where = r.at("identities", i)
        if not isinstance(text, str):
            r.problems.append(Problem(where, "E204", "an identity is a text 'metric = expression'"))
            continue
        target, eq, rhs = text.partition("=")
        try:
            if not eq or not target.strip():
                raise ValueProblem("E204", f"'{text}' is not of the form 'metric = expression'")
            name = ex.name_of(target.strip())
            if name is None:
                raise ValueProblem("E204", f"'{target.strip()}' is not a metric name")
            out.append(Identity(name, ex.parse(rhs), text, where))
        except ValueProblem as exc:
            r.problems.append(Problem(where, exc.code, exc.message))
    graph = {i.target: ex.names(i.expr) for i in out}
    for identity in out:
        if _reaches(graph, identity.target, identity.target):
            message = f"identity of '{identity.target}' depends on itself"
            r.problems.append(Problem(identity.loc, "E205", message))
    return {"identities": tuple(out)}


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    """True when ``goal`` can be reached from ``start`` (iterative: a pack may chain many)."""
    stack, seen = list(graph.get(start, ())), set()
    while stack:
        name = stack.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            stack.extend(graph.get(name, ()))
    return False


Reader = Callable[[PackReading, Any], dict[str, Any]]


# Each top-level key: the shape its section must have (None: any, read as written) and its
# reader. Sections are read in this order, so problems are reported in it.
def _units(r: PackReading, raw: list[Any]) -> dict[str, Any]:
    """Unit definitions in pint's syntax (``艘次 = [ship_trip]``, ``万艘 = 10000 * 艘``),
    each checked (never evaluated as Python) and reported at its own line."""
    from factcheck import units  # noqa: PLC0415 - pint is imported only when a pack has units

    lines = [str(v) for v in raw]
    for i, v in enumerate(raw):
        if not isinstance(v, str):
            r.bad(("units", i), "a unit definition is a text 'name = definition'")
    if not raw or len(lines) != len([v for v in raw if isinstance(v, str)]):
        return {"units": ()}
    problems = units.check_definitions(lines)
    for i, message in problems:
        r.bad(("units", i), message)
    return {"units": () if problems else tuple(lines)}


SECTIONS: dict[str, tuple[type | None, Reader]] = {
    "version": (None, _version),
    "rounding": (dict, _rounding),
    "lexicon": (dict, _lexicon),
    "plans": (dict, _plans),
    "basis": (dict, _basis),
    "checks": (dict, _checks),
    "severity": (dict, _severity),
    "identities": (list, _identities),
    "units": (list, _units),
}


def read_sections(r: PackReading) -> dict[str, Any]:
    """Every section's RulePack fields; unknown top-level keys are reported first."""
    for key in r.data:
        if key not in SECTIONS:
            r.unknown((key,), "E202", "rule-pack key", key, SECTIONS, of_key=True)
    fields: dict[str, Any] = {}
    for key, (shape, reader) in SECTIONS.items():
        raw = r.data.get(key) if shape is None else r.section(key, shape)
        fields.update(reader(r, raw))
    return fields
