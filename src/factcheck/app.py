"""What the commands do, apart from parsing their arguments: find the claims files, resolve the
rule pack, load and check each file, and gather the report. The CLI stays thin."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck import config as cfg
from factcheck.engine import FileResult, check_file
from factcheck.errors import InputError, Loc, Problem
from factcheck.rulepack import RulePack, load_pack

CLAIM_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Target:
    """A claims file to load, with the name to show for it."""

    path: Path
    shown: str


def collect(paths: Iterable[Path]) -> tuple[list[Target], list[Problem]]:
    """Claims files named, or found below named folders (sorted, hidden folders skipped,
    symlinked folders not followed, so a link loop cannot trap the walk)."""
    targets: list[Target] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / f for f in files if f.endswith(CLAIM_SUFFIXES)]
            targets += [Target(p, str(p)) for p in sorted(found)]
        elif path.exists():
            targets.append(Target(path, str(path)))
        else:
            problems.append(Problem(Loc(str(path)), "E301", "no such file or folder"))
    return targets, problems


def resolve_pack(rules: Path | None, paths: list[Path]) -> tuple[RulePack, cfg.Config]:
    """The rule pack: ``--rules`` if given, else the config found above the first path."""
    found = cfg.find(paths[0] if paths else Path.cwd())
    extra = rules or found.rules
    if extra is not None and not extra.is_file():
        raise InputError([Problem(Loc(str(extra)), "E301", "rule pack not found")])
    return load_pack(extra), found


def check_one(target: Target, pack: RulePack) -> FileResult:
    """Load and check one file; its input problems end up in the result, not in an exception."""
    from factcheck.loader import load_claims  # noqa: PLC0415 - pint only when checking

    try:
        file = load_claims(target.path, pack, target.shown)
    except InputError as exc:
        return FileResult(target.shown, problems=exc.problems)
    return check_file(file, pack)


def run(targets: list[Target], pack: RulePack) -> list[FileResult]:
    """Check every target in order."""
    return [check_one(t, pack) for t in targets]
