"""The result of checking one claims file: what every report format reads.

Kept apart from the engine so that a run served from the cache never imports the engine, the
rule kinds or pint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.errors import Problem
from factcheck.finding import Finding

if TYPE_CHECKING:
    from factcheck.model import ClaimsFile

# Findings that are not a check of their own: they accompany one (FC131), or report a value or
# a mention rather than a relation.
NOT_CHECKS = frozenset({"FC131", "FC141", "FC151", "FC152"})


@dataclass
class FileResult:
    """Everything a run learnt about one claims file."""

    path: str
    claims: int = 0  # number of claims checked
    article_path: str = ""
    sha256: str = ""  # of the claims file
    article_sha256: str = ""
    findings: list[Finding] = field(default_factory=list)  # stamped, sorted
    passed: list[Finding] = field(default_factory=list)  # checks that found nothing wrong
    problems: list[Problem] = field(default_factory=list)  # input errors: nothing was checked
    file: ClaimsFile | None = None  # the loaded claims (not kept in the cache)

    @property
    def checks(self) -> int:
        """Number of relations recomputed (passed or not)."""
        return len(self.passed) + sum(1 for f in self.findings if f.code not in NOT_CHECKS)
