"""The report model: one record of a run that every output format renders.

Formatters read it and never compute; the counts and the gate (which findings fail the run) are
decided here, once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from factcheck import __version__
from factcheck.codes import Exit
from factcheck.errors import Problem
from factcheck.finding import SEVERITY_RANK, Finding
from factcheck.result import FileResult

FAIL_ON = ("error", "warning", "info", "never")


@dataclass
class Report:
    """The results of one run, with what is needed to reproduce it."""

    results: list[FileResult]
    fail_on: str = "error"
    baseline: frozenset[str] = frozenset()  # keys of findings already reviewed
    baseline_root: str = "."  # the folder of the baseline file: keys hold paths relative to it
    pack_sources: tuple[str, ...] = ()
    pack_digests: dict[str, str] = field(default_factory=dict)
    version: str = __version__
    lang: str = "en"
    verbose: bool = False
    # --min-severity: findings below it are not shown (in any format); they still count, and
    # still gate the run under --fail-on: what is displayed and what fails are apart.
    min_severity: str = "info"

    # Gathered (and sorted) once: the counts, the gate and every format read them again and
    # again, and a report never changes after it is made.
    @cached_property
    def all_findings(self) -> list[Finding]:
        """Every finding of every file, in report order, shown or not."""
        return sorted((f for r in self.results for f in r.findings), key=lambda f: f.sort_key)

    @cached_property
    def findings(self) -> list[Finding]:
        """The findings the formats show: those at or above ``min_severity``."""
        if self.min_severity == "info":
            return self.all_findings
        return [f for f in self.all_findings if self.shows(f)]

    def shows(self, finding: Finding) -> bool:
        """Is this finding at or above ``--min-severity``?"""
        return SEVERITY_RANK.get(finding.severity, 3) <= SEVERITY_RANK[self.min_severity]

    @cached_property
    def passed(self) -> list[Finding]:
        """Every check that found nothing wrong."""
        return [f for r in self.results for f in r.passed]

    @cached_property
    def problems(self) -> list[Problem]:
        """Every input problem."""
        return [p for r in self.results for p in r.problems]

    def baseline_key(self, finding: Finding) -> str:
        """A finding's identity in a baseline, SARIF and JSON: its file relative to the
        baseline's folder (so that ``claims/``, ``./claims`` and an absolute path name the same
        file), claim and code; for an uncovered mention (FC151, which has no claim) the mention
        and which occurrence of it in the article it is. Not its line or wording, so that it
        survives edits elsewhere in the file. Two findings of one run never share a key."""
        return self._keys.get(id(finding)) or self._key(finding)

    def _key(self, finding: Finding) -> str:
        path = os.path.relpath(os.path.abspath(finding.path), os.path.abspath(self.baseline_root))
        return f"{Path(path).as_posix()}::{finding.fingerprint}"

    @cached_property
    def _keys(self) -> dict[int, str]:
        """The key of every finding of the report. Keys that would repeat (the same text
        uncovered twice in an article, two findings of one code on one claim) are told apart by
        their occurrence in file order: ``…::FC151::68.5%`` then ``…::FC151::68.5%#2``."""
        keys: dict[int, str] = {}
        seen: dict[str, int] = {}
        for f in sorted(self.all_findings, key=lambda f: (f.path, f.line, f.col, f.code, f.claim)):
            key = self._key(f)
            seen[key] = seen.get(key, 0) + 1
            keys[id(f)] = key if seen[key] == 1 else f"{key}#{seen[key]}"
        return keys

    def in_baseline(self, finding: Finding) -> bool:
        """Was this finding saved in the baseline (reviewed before)?"""
        return bool(self.baseline) and self.baseline_key(finding) in self.baseline

    def gates(self, finding: Finding) -> bool:
        """Does this finding fail the run under --fail-on, the acceptances and the baseline?"""
        if self.fail_on == "never" or finding.accepted or self.in_baseline(finding):
            return False
        return SEVERITY_RANK.get(finding.severity, 3) <= SEVERITY_RANK[self.fail_on]

    def counts(self) -> dict[str, int]:
        """The figures of the summary line."""
        findings = self.all_findings
        verdicts = [f.verdict for f in findings if f.code != "FC131"]
        return {
            "files": len(self.results),
            "claims": sum(r.claims for r in self.results),
            "checks": sum(r.checks for r in self.results),
            "consistent": sum(len(r.passed) for r in self.results),  # counted, not built
            "inconsistent": verdicts.count("inconsistent"),
            "undetermined": verdicts.count("undetermined"),
            "derived": verdicts.count("derived"),
            "uncovered": verdicts.count("uncovered"),
            "errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings),
            "infos": sum(f.severity == "info" for f in findings),
            "accepted": sum(bool(f.accepted) for f in findings),
            "baselined": sum(self.in_baseline(f) for f in findings),
            "gating": sum(self.gates(f) for f in findings),
            "problems": len(self.problems),
        }

    def exit_code(self) -> Exit:
        """Clean (0), a finding at or above --fail-on (1), or an input problem or nothing
        checked (2)."""
        if self.problems or not any(r.claims for r in self.results):
            return Exit.INPUT
        return Exit.FINDINGS if any(self.gates(f) for f in self.all_findings) else Exit.CLEAN
