"""Rule packs: which checks run, at what severity, with which conventions.

The default pack (``rules/default.yaml``) ships inside the package. A newsroom's pack extends it:
mappings merge key by key, lists replace. Every key and option is validated before anything runs;
an unknown one is an error naming the file, line and the valid choices.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from factcheck import expr as ex
from factcheck.codes import FINDINGS, SEVERITIES
from factcheck.errors import InputError, Loc, Problem, ValueProblem
from factcheck.interval import RoundingOptions
from factcheck.numbers import Lexicon
from factcheck.yamlsrc import compose, items, loc, read_text

BOUNDS = ("above", "below", "near", "approx", "equal")
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
    severity: dict[str, str]
    identities: tuple[Identity, ...]
    sources: tuple[str, ...] = ()
    digests: dict[str, str] = field(default_factory=dict)

    def basis_of(self, metric: str | None) -> str:
        """The default price basis of a metric's growth rates."""
        for basis in ("real", "both", "nominal"):
            if metric and any(w in metric for w in self.basis_words.get(basis, ())):
                return "unstated" if basis == "both" else basis
        return self.basis_default

    def severity_of(self, code: str) -> str:
        """The severity of a finding code under this pack."""
        return self.severity.get(code, FINDINGS[code][1])


def _plain(
    node: yaml.Node, shown: str, locs: dict[tuple[Any, ...], Loc], path: tuple[Any, ...] = ()
) -> Any:
    """Nodes to plain Python (scalars stay text), remembering every location by its key path."""
    locs[path] = loc(node, shown)
    if isinstance(node, yaml.MappingNode):
        return {k: _plain(v, shown, locs, (*path, k)) for k, _, v in items(node)}
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


def default_pack_text() -> tuple[str, str]:
    """The default pack's text and the name to show for it (installed, or the repo's rules/)."""
    packaged = resources.files("factcheck") / "_rules" / "default.yaml"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8"), "<default>/default.yaml"
    # An editable install: the package data is not copied, the repo's rules/ is next door.
    repo = Path(__file__).resolve().parents[2] / "rules" / "default.yaml"
    return repo.read_text(encoding="utf-8"), "rules/default.yaml"


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
    text, name = default_pack_text()
    data, locs = _read_pack(text, name)
    sources = [name]
    digests = {name: hashlib.sha256(text.encode()).hexdigest()}
    if extra is not None:
        shown = shown or str(extra)
        raw, problems = read_text(extra, shown)
        if problems:
            raise InputError(problems)
        assert raw is not None
        user, user_locs = _read_pack(raw, shown)
        data = _merge(data, user)
        locs.update(user_locs)
        sources.append(shown)
        digests[shown] = hashlib.sha256(raw.encode()).hexdigest()
    return _validate(data, locs, tuple(sources), digests)


def _validate(
    data: dict[str, Any],
    locs: dict[tuple[Any, ...], Loc],
    sources: tuple[str, ...],
    digests: dict[str, str],
) -> RulePack:
    from factcheck.kinds import REGISTRY  # noqa: PLC0415 - kinds import the engine's types

    problems: list[Problem] = []

    def at(*path: Any) -> Loc:
        while path and path not in locs:
            path = path[:-1]
        return locs.get(path, Loc(sources[-1]))

    def bad(path: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(at(*path), "E203", message))

    for key in data:
        if key not in TOP_KEYS:
            problems.append(_unknown(at(key), "E202", "rule-pack key", key, TOP_KEYS))
    rounding = _rounding(data.get("rounding", {}), bad)
    lexicon: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for side in ("before", "after"):
        for word, bound in (data.get("lexicon", {}).get(side) or {}).items():
            if bound not in BOUNDS:
                problems.append(_unknown(at("lexicon", side, word), "E203", "bound", bound, BOUNDS))
            lexicon[side][word] = bound
    plans: dict[str, tuple[int, int]] = {}
    for plan, years in (data.get("plans") or {}).items():
        try:
            first, last = (int(y) for y in years)
            if last < first:
                raise ValueError
            plans[plan] = (first, last)
        except (TypeError, ValueError):
            bad(("plans", plan), f"plan '{plan}' needs [first year, last year]")
    basis = data.get("basis") or {}
    basis_default = basis.get("default", "nominal")
    if basis_default not in BASES:
        problems.append(_unknown(at("basis", "default"), "E203", "basis", basis_default, BASES))
    checks: dict[str, dict[str, Any]] = {}
    for kind, options in (data.get("checks") or {}).items():
        if kind not in REGISTRY:
            problems.append(_unknown(at("checks", kind), "E201", "rule kind", kind, list(REGISTRY)))
            continue
        resolved = _options(kind, options or {}, REGISTRY[kind].OPTIONS, at, problems)
        if resolved.pop("enabled", True):
            checks[kind] = resolved
    severity: dict[str, str] = {}
    for code, level in (data.get("severity") or {}).items():
        if code not in FINDINGS:
            problems.append(
                _unknown(at("severity", code), "E202", "finding code", code, list(FINDINGS))
            )
        elif level not in SEVERITIES:
            problems.append(_unknown(at("severity", code), "E203", "severity", level, SEVERITIES))
        else:
            severity[code] = level
    identities = _identities(data.get("identities") or [], at, problems)
    if problems:
        raise InputError(problems)
    return RulePack(
        rounding=rounding,
        lexicon=Lexicon(lexicon["before"], lexicon["after"]),
        plans=plans,
        basis_default=basis_default,
        basis_words={k: tuple(basis.get(k) or ()) for k in ("real", "both", "nominal")},
        checks=checks,
        severity=severity,
        identities=identities,
        sources=sources,
        digests=digests,
    )


def _rounding(raw: dict[str, Any], bad: Any) -> RoundingOptions:
    defaults = RoundingOptions()
    values: dict[str, Any] = {}
    choices = {"mode": ("nearest", "down"), "trailing_zeros": ("unit", "significant")}
    for key, value in raw.items():
        if key in choices:
            if value not in choices[key]:
                bad(("rounding", key), f"rounding.{key} must be one of {', '.join(choices[key])}")
            values[key] = value
        elif hasattr(defaults, key):
            try:
                number = float(value)
                if not 0 <= number < 1:
                    raise ValueError
                values[key] = number
            except (TypeError, ValueError):
                bad(("rounding", key), f"rounding.{key} must be a number from 0 to below 1")
        else:
            bad(
                ("rounding", key),
                f"unknown rounding option '{key}'; expected one of "
                "mode, trailing_zeros, approx, near, open_below",
            )
    return RoundingOptions(**values)


def _options(
    kind: str, raw: dict[str, Any], spec: dict[str, Any], at: Any, problems: list[Problem]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        problems.append(Problem(at("checks", kind), "E203", f"checks.{kind} must be a mapping"))
        return {}
    out: dict[str, Any] = {name: option.default for name, option in spec.items()}
    out["enabled"] = True
    for name, value in raw.items():
        if name == "enabled":
            out["enabled"] = str(value).lower() not in ("false", "no", "off", "0")
        elif name not in spec:
            problems.append(
                _unknown(
                    at("checks", kind, name),
                    "E202",
                    f"option of '{kind}'",
                    name,
                    ["enabled", *spec],
                )
            )
        else:
            try:
                out[name] = spec[name].parse(value)
            except (TypeError, ValueError) as exc:
                problems.append(
                    Problem(at("checks", kind, name), "E203", f"checks.{kind}.{name}: {exc}")
                )
    return out


def _identities(raw: list[Any], at: Any, problems: list[Problem]) -> tuple[Identity, ...]:
    out: list[Identity] = []
    for i, text in enumerate(raw):
        where = at("identities", i)
        target, eq, rhs = str(text).partition("=")
        try:
            if not eq or not target.strip():
                raise ValueProblem("E204", f"'{text}' is not of the form 'metric = expression'")
            out.append(Identity(target.strip(), ex.parse(rhs), str(text), where))
        except ValueProblem as exc:
            problems.append(Problem(where, exc.code, exc.message))
    graph = {i.target: ex.names(i.expr) for i in out}
    for identity in out:
        if _reaches(graph, identity.target, identity.target, set()):
            problems.append(
                Problem(identity.loc, "E205", f"identity of '{identity.target}' depends on itself")
            )
    return tuple(out)


def _reaches(graph: dict[str, set[str]], start: str, goal: str, seen: set[str]) -> bool:
    for name in graph.get(start, ()):
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            if _reaches(graph, name, goal, seen):
                return True
    return False
