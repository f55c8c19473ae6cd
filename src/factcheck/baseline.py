"""Baselines: the findings a newsroom has reviewed, saved so that CI gates only on new ones.

A finding is identified by its claims file (relative to the baseline's folder, so the way a
path is typed does not matter), claim id and code (not by line or wording), so a baseline
survives edits elsewhere in the file.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from factcheck.errors import InputError, Loc, Problem
from factcheck.fileio import read_bounded
from factcheck.report.model import Report

VERSION = 1


def dump(report: Report, path: Path) -> str:
    """The baseline of a report's findings, to be saved at ``path``, as JSON text."""
    keyed = replace(report, baseline_root=str(path.parent))
    prints = sorted({keyed.baseline_key(f) for f in report.all_findings})
    return json.dumps({"version": VERSION, "findings": prints}, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> frozenset[str]:
    """The fingerprints saved in a baseline file; E304 when it is not one."""
    where = Loc(str(path))
    if not path.exists():
        raise InputError([Problem(where, "E301", "baseline file not found")])
    raw, problem = read_bounded(path, str(path))  # a regular file, bounded: never /dev/zero
    if raw is None:
        assert problem is not None
        raise InputError([problem])
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError([Problem(where, "E304", f"not a baseline file: {exc}")]) from None
    if not (
        isinstance(data, dict)
        and data.get("version") == VERSION
        and isinstance(data.get("findings"), list)
        and all(isinstance(x, str) for x in data["findings"])
    ):
        raise InputError([Problem(where, "E304", "not a factcheck baseline (version 1)")])
    return frozenset(data["findings"])
