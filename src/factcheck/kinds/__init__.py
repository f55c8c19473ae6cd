"""The registry of rule kinds: an explicit, hand-written ``name -> module`` mapping.

Every kind module has the same shape: ``KIND``, ``CODES``, ``OPTIONS``, ``DOC`` and one
``check(ctx, options)`` that yields findings. Adding a kind means adding it here. Modules are
imported on first use, so that validating a rule pack or serving a run from the cache does not
pay for the rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from types import ModuleType

_MODULES: dict[str, str] = {
    "growth": "growth",
    "cagr": "cagr",
    "multiple": "multiple",
    "share": "share",
    "ratio": "ratio",
    "sum": "sum",
    "rank": "rank",
    "count": "count",
    "increment": "increment",
    "parts_growth": "parts_growth",
    "duplicate": "duplicate",
    "identity": "identity",
    "derived": "derived",
    "coverage": "coverage",
    "draft": "draft",
    "network": "network",
}


_LOADED: dict[str, ModuleType] = {}


class _Registry(Mapping[str, ModuleType]):
    """Kind name -> module, imported on first access; an unknown name lists the valid ones."""

    def __getitem__(self, name: str) -> ModuleType:
        if name not in _MODULES:
            raise KeyError(
                f"unknown rule kind '{name}'; expected one of " + ", ".join(sorted(_MODULES))
            )
        module = _LOADED.get(name)
        if module is None:  # the engine asks for every kind of every file: imported once
            module = _LOADED[name] = importlib.import_module(f"factcheck.kinds.{_MODULES[name]}")
        return module

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)

    def __contains__(self, name: object) -> bool:
        return name in _MODULES


REGISTRY: Mapping[str, ModuleType] = _Registry()
