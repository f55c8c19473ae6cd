"""The rule engine: run every enabled kind of the rule pack over one claims file, then stamp each
finding with its severity and with the acceptance its claim carries, in this one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from factcheck.errors import Problem
from factcheck.finding import Finding
from factcheck.kinds import REGISTRY
from factcheck.kinds.base import Context
from factcheck.model import ClaimsFile
from factcheck.rulepack import RulePack

# Findings that are not a check of their own: they accompany one (FC131), or report a value or
# a mention rather than a relation.
NOT_CHECKS = frozenset({"FC131", "FC141", "FC151", "FC152"})


@dataclass
class FileResult:
    """Everything a run learnt about one claims file."""

    path: str
    file: ClaimsFile | None = None
    findings: list[Finding] = field(default_factory=list)  # stamped, sorted
    passed: list[Finding] = field(default_factory=list)  # checks that found nothing wrong
    problems: list[Problem] = field(default_factory=list)  # input errors: nothing was checked

    @property
    def claims(self) -> int:
        """Number of claims checked."""
        return len(self.file.claims) if self.file else 0

    @property
    def checks(self) -> int:
        """Number of relations recomputed (passed or not)."""
        return len(self.passed) + sum(1 for f in self.findings if f.code not in NOT_CHECKS)


def check_file(file: ClaimsFile, pack: RulePack, today: date | None = None) -> FileResult:
    """Run the pack's checks over one file."""
    today = today or date.today()
    ctx = Context(file, pack)
    result = FileResult(file.path, file)
    for kind, options in pack.checks.items():
        for finding in REGISTRY[kind].check(ctx, options):
            if finding.verdict == "consistent" and finding.code != "FC131":
                result.passed.append(finding)
            else:
                result.findings.append(_stamp(finding, ctx, pack, today))
    result.findings.sort(key=lambda f: f.sort_key)
    result.passed.sort(key=lambda f: f.sort_key)
    return result


def _stamp(finding: Finding, ctx: Context, pack: RulePack, today: date) -> Finding:
    """Severity from the pack; accepted when the claim accepts this code and it has not
    expired."""
    reason = ""
    claim = ctx.by_id.get(finding.claim)
    for acceptance in claim.accept if claim else ():
        if acceptance.code == finding.code and (
            acceptance.until is None or acceptance.until >= today
        ):
            reason = acceptance.reason
    return finding.stamped(pack.severity_of(finding.code), reason)
