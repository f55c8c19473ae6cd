"""Rule packs: which checks run, at what severity, with which conventions.

The default pack (``rules/default.yaml``) ships inside the package. A newsroom's pack extends it:
mappings merge key by key, lists replace. Every key and option is validated before anything runs;
an unknown one is an error naming the file, line and the valid choices.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck import expr as ex
from factcheck.codes import FINDINGS, SEVERITIES, Severity, is_severity
from factcheck.errors import InputError, Loc, Problem, ValueProblem
from factcheck.interval import RoundingOptions
from factcheck.numbers import Lexicon
from factcheck.packsource import PackSource, sources
from factcheck.periods import MAX_YEAR, MIN_YEAR
from factcheck.yamlsrc import compose, items, loc
from factcheck.zh import simplified

BOUNDS = ("above", "more", "below", "near", "approx", "equal")
KEY = "\0key"  # a path step no key of a pack can be: the reader refuses NUL characters
BASES = ("real", "nominal", "unstated")
TOP_KEYS = ("version", "rounding", "lexicon", "plans", "basis", "checks", "severity", "identities")


@dataclass(frozen=True, slots=True)
class Identity:
    """``target = expression`` over metrics of one entity and period."""

    target: str
    expr: ex.Expr
    text: str
    loc: Loc


@dataclass(frozen=True)
class RulePack:
    """A resolved rule pack (the default merged with the newsroom's)."""

    rounding: RoundingOptions
    lexicon: Lexicon
    plans: dict[str, tuple[int, int]]
    basis_default: str
    basis_words: dict[str, tuple[str, ...]]
    checks: dict[str, dict[str, Any]]  # enabled kinds -> their options
    severity: dict[str, Severity]
    identities: tuple[Identity, ...]
    sources: tuple[str, ...] = ()
    digests: dict[str, str] = field(default_factory=dict)

    def basis_of(self, metric: str | None) -> str:
        """The default price basis of a metric's growth rates."""
        metric = simplified(metric) if metric else metric  # 地區生產總值 is 地区生产总值
        for basis in ("real", "both", "nominal"):
            if metric and any(w in metric for w in self.basis_words.get(basis, ())):
                return "unstated" if basis == "both" else basis
        return self.basis_default

    def severity_of(self, code: str) -> Severity:
        """The severity of a finding code under this pack."""
        return self.severity.get(code, FINDINGS[code][1])


def _plain(
    node: yaml.Node, shown: str, locs: dict[tuple[Any, ...], Loc], path: tuple[Any, ...] = ()
) -> Any:
    """Nodes to plain Python (scalars stay text), remembering every location by its key path;
    ``(*path, KEY)`` is where the key itself was written, for "unknown key" problems."""
    locs[path] = loc(node, shown)
    if isinstance(node, yaml.MappingNode):
        out = {}
        for k, key, v in items(node):
            locs[(*path, k, KEY)] = loc(key, shown)
            out[k] = _plain(v, shown, locs, (*path, k))
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, shown, locs, (*path, i)) for i, v in enumerate(node.value)]
    return node.value


def _read_pack(text: str, shown: str) -> tuple[dict[str, Any], dict[tuple[Any, ...], Loc]]:
    node, problems = compose(text, shown)
    if problems:
        raise InputError(problems)
    assert node is not None
    if not isinstance(node, yaml.MappingNode):
        raise InputError([Problem(loc(node, shown), "E103", "a rule pack must be a mapping")])
    locs: dict[tuple[Any, ...], Loc] = {}
    return _plain(node, shown, locs), locs


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _unknown(
    where: Loc, code: str, what: str, name: str, valid: tuple[str, ...] | list[str]
) -> Problem:
    hint = difflib.get_close_matches(name, list(valid), n=1)
    did = f" (did you mean '{hint[0]}'?)" if hint else ""
    return Problem(
        where, code, f"unknown {what} '{name}'{did}; expected one of " + ", ".join(sorted(valid))
    )


def load_pack(extra: Path | None = None, shown: str | None = None) -> RulePack:
    """Load the default pack, merged with ``extra`` if given; raise InputError on any problem."""
    return build(sources(extra, shown))


def build(packs: tuple[PackSource, ...]) -> RulePack:
    """Parse, merge (mappings key by key, lists replace) and validate pack texts in order."""
    data: dict[str, Any] = {}
    locs: dict[tuple[Any, ...], Loc] = {}
    for pack in packs:
        more, more_locs = _read_pack(pack.text, pack.shown)
        data = _merge(data, more)
        locs.update(more_locs)
    return _validate(data, locs, tuple(p.shown for p in packs), {p.shown: p.sha256 for p in packs})


def _validate(
    data: dict[str, Any],
    locs: dict[tuple[Any, ...], Loc],
    sources: tuple[str, ...],
    digests: dict[str, str],
) -> RulePack:
    from factcheck.kinds import REGISTRY  # noqa: PLC0415 - kinds import the engine's types

    problems: list[Problem] = []

    def at(*path: Any, of_key: bool = False) -> Loc:
        # The value's position, or with of_key the key's (an unknown key is pointed at itself).
        if of_key and (*path, KEY) in locs:
            return locs[(*path, KEY)]
        while path and path not in locs:
            path = path[:-1]
        return locs.get(path, Loc(sources[-1]))

    def bad(path: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(at(*path), "E203", message))

    def section(key: str, kind: type = dict) -> Any:
        # A section of the wrong shape (``rounding: 5``) is reported and read as empty, so one
        # mistake gives one problem instead of a crash further down.
        value = data.get(key)
        if value is None or value == "":
            return kind()
        if not isinstance(value, kind):
            shape = "a mapping" if kind is dict else "a list"
            problems.append(Problem(at(key), "E203", f"'{key}' must be {shape}"))
            return kind()
        return value

    for key in data:
        if key not in TOP_KEYS:
            problems.append(_unknown(at(key, of_key=True), "E202", "rule-pack key", key, TOP_KEYS))
    if str(data.get("version", "1")) != "1":
        bad(("version",), "rule-pack 'version' must be 1")
    rounding = _rounding(section("rounding"), bad, problems, at)
    lexicon: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for side, words in section("lexicon").items():
        if side not in lexicon:
            problems.append(
                _unknown(
                    at("lexicon", side, of_key=True),
                    "E202",
                    "lexicon side",
                    side,
                    ("before", "after"),
                )
            )
            continue
        if not isinstance(words, dict):
            bad(("lexicon", side), f"lexicon.{side} must be a mapping of word: bound")
            continue
        for word, bound in words.items():
            if not isinstance(bound, str) or bound not in BOUNDS:
                problems.append(
                    _unknown(at("lexicon", side, word), "E203", "bound", str(bound), BOUNDS)
                )
            elif word:
                lexicon[side][word] = bound
    plans: dict[str, tuple[int, int]] = {}
    for plan, years in section("plans").items():
        try:
            if not isinstance(years, list) or len(years) != 2:
                raise ValueError
            first, last = (int(y) for y in years)
            if not MIN_YEAR <= first <= last <= MAX_YEAR:
                raise ValueError
            plans[plan] = (first, last)
        except (TypeError, ValueError):
            bad(
                ("plans", plan),
                f"plan '{plan}' needs [first year, last year] within {MIN_YEAR}-{MAX_YEAR}",
            )
    basis = section("basis")
    basis_default = basis.get("default", "nominal")
    if not isinstance(basis_default, str) or basis_default not in BASES:
        problems.append(
            _unknown(at("basis", "default"), "E203", "basis", str(basis_default), BASES)
        )
    basis_words: dict[str, tuple[str, ...]] = {}
    for key, words in basis.items():
        if key == "default":
            continue
        if key not in ("real", "both", "nominal"):
            problems.append(
                _unknown(
                    at("basis", key, of_key=True),
                    "E202",
                    "basis key",
                    key,
                    ("default", "real", "both", "nominal"),
                )
            )
        elif not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            bad(("basis", key), f"basis.{key} must be a list of words")
        else:
            basis_words[key] = tuple(words)
    checks: dict[str, dict[str, Any]] = {}
    for kind, options in section("checks").items():
        if kind not in REGISTRY:
            problems.append(
                _unknown(at("checks", kind, of_key=True), "E201", "rule kind", kind, list(REGISTRY))
            )
            continue
        # The kind's module (and its option table) is imported only when the pack sets options;
        # the engine fills in the defaults of the others.
        spec = REGISTRY[kind].OPTIONS if options else {}
        resolved = _options(kind, options or {}, spec, at, problems)
        if resolved.pop("enabled", True):
            checks[kind] = resolved
    severity: dict[str, Severity] = {}
    for code, level in section("severity").items():
        if code not in FINDINGS:
            problems.append(
                _unknown(
                    at("severity", code, of_key=True), "E202", "finding code", code, list(FINDINGS)
                )
            )
        elif not is_severity(level):
            problems.append(
                _unknown(at("severity", code), "E203", "severity", str(level), SEVERITIES)
            )
        else:
            severity[code] = level
    identities = _identities(section("identities", list), at, problems)
    if problems:
        raise InputError(problems)
    return RulePack(
        rounding=rounding,
        lexicon=Lexicon(lexicon["before"], lexicon["after"]),
        plans=plans,
        basis_default=basis_default,
        basis_words={k: basis_words.get(k, ()) for k in ("real", "both", "nominal")},
        checks=checks,
        severity=severity,
        identities=identities,
        sources=sources,
        digests=digests,
    )


def _rounding(raw: dict[str, Any], bad: Any, problems: list[Problem], at: Any) -> RoundingOptions:
    """The ``rounding`` section: two choices and three fractions from 0 to below 1."""
    values: dict[str, Any] = {}
    choices = {"mode": ("nearest", "down"), "trailing_zeros": ("unit", "significant")}
    fractions = ("approx", "near", "open_below")
    for key, value in raw.items():
        if key in choices:
            if value not in choices[key]:
                bad(("rounding", key), f"rounding.{key} must be one of {', '.join(choices[key])}")
            else:
                values[key] = value
        elif key in fractions:
            try:
                number = float(value)
                if not 0 <= number < 1:  # also refuses nan and inf
                    raise ValueError
                values[key] = number
            except (TypeError, ValueError):
                bad(("rounding", key), f"rounding.{key} must be a number from 0 to below 1")
        else:
            problems.append(
                _unknown(
                    at("rounding", key, of_key=True),
                    "E202",
                    "rounding option",
                    key,
                    [*choices, *fractions],
                )
            )
    return RoundingOptions(**values)


def _options(
    kind: str, raw: dict[str, Any], spec: dict[str, Any], at: Any, problems: list[Problem]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        problems.append(Problem(at("checks", kind), "E203", f"checks.{kind} must be a mapping"))
        return {"enabled": True}
    out: dict[str, Any] = {name: option.default for name, option in spec.items()}
    out["enabled"] = True
    for name, value in raw.items():
        if name == "enabled":
            out["enabled"] = str(value).lower() not in ("false", "no", "off", "0")
        elif name not in spec:
            problems.append(
                _unknown(
                    at("checks", kind, name, of_key=True),
                    "E202",
                    f"'{kind}' option",
                    name,
                    ["enabled", *spec],
                )
            )
        else:
            try:
                out[name] = spec[name].parse(value)
            except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
                problems.append(
                    Problem(at("checks", kind, name), "E203", f"checks.{kind}.{name}: {exc}")
                )
    return out


def _identities(raw: list[Any], at: Any, problems: list[Problem]) -> tuple[Identity, ...]:
    out: list[Identity] = []
    for i, text in enumerate(raw):
        where = at("identities", i)
        if not isinstance(text, str):
            problems.append(Problem(where, "E204", "an identity is a text 'metric = expression'"))
            continue
        target, eq, rhs = text.partition("=")
        try:
            if not eq or not target.strip():
                raise ValueProblem("E204", f"'{text}' is not of the form 'metric = expression'")
            name = target.strip()
            if not ex.is_name(name):
                raise ValueProblem("E204", f"'{name}' is not a metric name")
            out.append(Identity(name, ex.parse(rhs), text, where))
        except ValueProblem as exc:
            problems.append(Problem(where, exc.code, exc.message))
    graph = {i.target: ex.names(i.expr) for i in out}
    for identity in out:
        if _reaches(graph, identity.target, identity.target):
            problems.append(
                Problem(identity.loc, "E205", f"identity of '{identity.target}' depends on itself")
            )
    return tuple(out)


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
