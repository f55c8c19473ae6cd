"""Helpers shared by the input-side tests: a claims file beside the small test article, the
problems it raises, and the CLI as a subprocess (the real exit codes, no traceback hidden)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import InputError, Problem
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack

BAD = Path(__file__).parent / "data" / "bad"
ARTICLE = BAD / "article.txt"
HEADER = "version: 1\narticle: article.txt\nentity: 示例市\nyear: 2025\n"


def write(
    folder: Path,
    body: str,
    *,
    header: str = HEADER,
    name: str = "claims.yaml",
    article: str | None = None,
) -> Path:
    """A claims file next to a copy of the test article (or next to ``article``, given as text)."""
    if article is None:
        shutil.copy(ARTICLE, folder / "article.txt")
    else:
        (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / name
    path.write_text(header + body, encoding="utf-8")
    return path


def problems_of(path: Path, pack: RulePack) -> list[Problem]:
    """The problems loading ``path`` raises (the test fails if it loads)."""
    with pytest.raises(InputError) as info:
        load_claims(path, pack)
    return info.value.problems


def codes_at(problems: list[Problem]) -> set[tuple[str, int, int]]:
    """Codes with their line and column."""
    return {(p.code, p.loc.line, p.loc.col) for p in problems}


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``factcheck ARGS`` in a subprocess, its output read as UTF-8 (``env``: the whole
    environment, when given)."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )


# A unit that no entry of units-table.json is, nor a compound of them (units.compose): only pint
# reads it, so a run that meets it imports pint and records it in the cache's unit table.
PINT_UNIT = "米^2"


def write_pint_unit(folder: Path) -> Path:
    """A claims file (area.yaml, beside its article area.txt) whose one value is in PINT_UNIT."""
    (folder / "area.txt").write_text(f"公园面积5000{PINT_UNIT}。\n", encoding="utf-8")
    path = folder / "area.yaml"
    path.write_text(
        HEADER.replace("article.txt", "area.txt")
        + "claims:\n  - id: park-area\n    kind: level\n"
        + f"    quote: 公园面积5000{PINT_UNIT}\n    metric: 公园面积\n    period: 2025\n"
        + f"    value: 5000{PINT_UNIT}\n",
        encoding="utf-8",
    )
    return path
