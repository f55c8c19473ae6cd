"""The registry of rule kinds: an explicit, hand-written ``name -> module`` mapping.

Every kind module has the same shape: ``KIND``, ``CODES``, ``OPTIONS``, ``DOC`` and one
``check(ctx, options)`` that yields findings. Adding a kind means adding it here.
"""

from __future__ import annotations

from types import ModuleType

from factcheck.kinds import (
    cagr,
    count,
    coverage,
    derived,
    draft,
    duplicate,
    growth,
    identity,
    multiple,
    parts_growth,
    rank,
    ratio,
    share,
)
from factcheck.kinds import sum as sum_

REGISTRY: dict[str, ModuleType] = {
    m.KIND: m
    for m in (
        growth,
        cagr,
        multiple,
        share,
        ratio,
        sum_,
        rank,
        count,
        parts_growth,
        duplicate,
        identity,
        derived,
        coverage,
        draft,
    )
}


def get(name: str) -> ModuleType:
    """The module of a kind; an unknown name lists the valid ones."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(
            f"unknown rule kind '{name}'; expected one of " + ", ".join(sorted(REGISTRY))
        ) from None
