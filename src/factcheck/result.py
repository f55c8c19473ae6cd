"""The result of checking one claims file: what every report format reads.

Kept apart from the engine so that a run served from the cache never imports the engine, the
rule kinds or pint.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from factcheck.errors import Problem
from factcheck.finding import Finding, from_row, to_row

if TYPE_CHECKING:
    from factcheck.model import ClaimsFile

# Findings that are not a check of their own: they accompany one (FC131), or report a value or
# a mention rather than a relation.
NOT_CHECKS = frozenset({"FC131", "FC132", "FC141", "FC142", "FC151", "FC152"})


@dataclass
class FileResult:
    """Everything a run learnt about one claims file."""

    path: str
    claims: int = 0  # number of claims checked
    article_path: str = ""
    sha256: str = ""  # of the claims file
    article_sha256: str = ""
    findings: list[Finding] = field(default_factory=list)  # stamped, sorted
    passed: Sequence[Finding] = field(default_factory=list)  # checks that found nothing wrong
    problems: list[Problem] = field(default_factory=list)  # input errors: nothing was checked
    file: ClaimsFile | None = None  # the loaded claims (not kept in the cache)

    @property
    def checks(self) -> int:
        """Number of relations recomputed (passed or not)."""
        return len(self.passed) + sum(1 for f in self.findings if f.code not in NOT_CHECKS)


class Deferred(Sequence[Finding]):
    """Findings held as rows (:func:`factcheck.finding.to_row`), built only when first read.

    A 100k-claim archive passes some 40,000 checks, and the default report only counts them: a
    warm run reads them from the cache, and a --jobs run receives them from its workers, without
    building them. Between processes they travel as rows.
    """

    __slots__ = ("_items", "_rows")

    def __init__(self, rows: list[Any]) -> None:
        self._rows: list[Any] | None = rows
        self._items: list[Finding] | None = None

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> Deferred:
        """The rows of built findings, to send to another process."""
        return cls(
            findings.rows() if isinstance(findings, Deferred) else [to_row(f) for f in findings]
        )

    def rows(self) -> list[Any]:
        """The rows (built findings turned back into rows)."""
        return self._rows if self._rows is not None else [to_row(f) for f in self._all()]

    def _all(self) -> list[Finding]:
        if self._items is None:
            assert self._rows is not None
            self._items = [from_row(row) for row in self._rows]
            self._rows = None
        return self._items

    def __len__(self) -> int:
        return len(self._items if self._items is not None else self._rows or ())

    @overload
    def __getitem__(self, i: int) -> Finding: ...
    @overload
    def __getitem__(self, i: slice) -> list[Finding]: ...
    def __getitem__(self, i: int | slice) -> Finding | list[Finding]:
        return self._all()[i]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __reduce__(self) -> tuple[Any, ...]:
        return Deferred, (self.rows(),)

    def __repr__(self) -> str:
        return f"Deferred({len(self)} findings)"
