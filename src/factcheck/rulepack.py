"""Rule packs: which checks run, at what severity, with which conventions.

The default pack (``rules/default.yaml``) ships inside the package. A newsroom's pack extends it:
mappings merge key by key, lists replace. Every key and option is validated before anything runs;
an unknown one is an error naming the file, line and the valid choices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck import units
from factcheck.codes import FINDINGS, Severity
from factcheck.errors import InputError, Loc, Problem
from factcheck.interval import RoundingOptions
from factcheck.numbers import Lexicon
from factcheck.packsections import KEY, Identity, PackReading, read_sections
from factcheck.packsource import PackSource, sources
from factcheck.yamlsrc import compose, items, loc
from factcheck.zh import simplified


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
    units: tuple[str, ...] = ()  # unit definitions of the pack, pint's syntax
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
    """Every section read by its reader (:data:`factcheck.packsections.SECTIONS`); all the
    problems of all the sections raised at once."""
    reading = PackReading(data, locs, sources[-1])
    fields = read_sections(reading)
    if reading.problems:
        raise InputError(reading.problems)
    pack = RulePack(**fields, sources=sources, digests=digests)
    units.use_definitions(pack.units)  # the pack's units are known from now on
    return pack
