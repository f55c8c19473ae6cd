"""The finding: one small, immutable, sortable record that every output format renders.

Rules create findings without a severity; the engine stamps the severity from the rule pack and
marks the ones a claim accepts. Formatters only read findings, they never compute.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import Any, Literal

from factcheck.codes import SEVERITIES, Severity

# What a check concluded about a claim. The severity (codes.Severity) is stamped by the engine
# from the rule pack; a finding a rule made and the engine has not stamped yet has severity "".
Verdict = Literal["consistent", "inconsistent", "undetermined", "derived", "uncovered", "draft"]
SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Related:
    """Another claim a finding rests on."""

    id: str
    path: str
    line: int
    quote: str
    value: str

    def __reduce__(self) -> tuple[Any, ...]:
        return Related, related_values(self)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check found about one claim.

    ``stated`` is the figure as written, ``recomputed`` the value recomputed from the other
    claims at face value and ``interval`` the range the rounding of the inputs allows, both
    formatted in the stated unit; ``arithmetic`` writes the computation out. ``verdict`` is one
    of consistent, inconsistent, undetermined, derived, uncovered or draft.
    """

    path: str
    line: int
    col: int
    code: str
    claim: str
    verdict: Verdict
    message: str
    message_zh: str
    severity: Severity | Literal[""] = ""
    quote: str = ""
    stated: str = ""
    recomputed: str = ""
    interval: str = ""
    arithmetic: str = ""
    witness: str = ""
    material: bool = False
    related: tuple[Related, ...] = ()
    article_path: str = ""
    article_line: int = 0
    article_col: int = 0
    accepted: str = ""  # the reason, when the claim accepts this finding
    check: str = ""  # the rule kind that produced it

    @property
    def sort_key(self) -> tuple[object, ...]:
        """Severity first, then position: the order reports use."""
        return (
            SEVERITY_RANK.get(self.severity, 3),
            self.path,
            self.line,
            self.col,
            self.code,
            self.claim,
        )

    @property
    def fingerprint(self) -> str:
        """Identity within its file that survives edits elsewhere in the file (for baselines):
        claim and code; for an uncovered mention (no claim), the code and the mention's text.
        :meth:`Report.baseline_key <factcheck.report.model.Report.baseline_key>` puts the file
        in front and tells repeated identities apart."""
        if self.claim:
            return f"{self.claim}::{self.code}"
        return f"::{self.code}::{self.quote}"

    def stamped(self, severity: Severity, accepted: str = "") -> Finding:
        """A copy with the severity (and acceptance) the engine decided."""
        return replace(self, severity=severity, accepted=accepted)

    def message_in(self, lang: str) -> str:
        """The message in ``zh`` or ``en``."""
        return self.message_zh if lang == "zh" else self.message

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (related claims as a list of dicts), its keys in field order: what
        ``dataclasses.asdict`` gives, without its deep copy of every value (a fifth of the
        JSON report of 100,000 claims), since every value is text, a number or a flag."""
        data = dict(zip(FIELDS, finding_values(self), strict=True))
        data["related"] = [
            dict(zip(RELATED_FIELDS, related_values(r), strict=True)) for r in self.related
        ]
        return data

    def __reduce__(self) -> tuple[Any, ...]:
        # --jobs sends every finding between processes. A frozen slotted dataclass pickles
        # through dataclasses' __setstate__, which looks up its fields() for each object: 40% of
        # the parent's time. Rebuilding from the field values is direct.
        return Finding, finding_values(self)


# The field values of a finding, and of a related claim, in field order (for pickling and the
# cache).
finding_values = attrgetter(*(f.name for f in fields(Finding)))
related_values = attrgetter(*(f.name for f in fields(Related)))

# A finding as a row: the list of its field values, in field order, its related claims as rows
# too. The cache stores rows (a third of the bytes of a dict per finding, and no
# dataclasses.asdict, which copied every finding deeply: 2 s of a 100k-claim run), and --jobs
# workers send their passed checks as rows, which the parent builds only if a report lists them.
FIELDS = tuple(f.name for f in fields(Finding))
RELATED_FIELDS = tuple(f.name for f in fields(Related))
RELATED = FIELDS.index("related")


def to_row(f: Finding) -> list[Any]:
    """The row of a finding."""
    row = list(finding_values(f))
    row[RELATED] = [list(related_values(r)) for r in f.related]
    return row


def from_row(row: list[Any]) -> Finding:
    """The finding of a row."""
    values = list(row)
    values[RELATED] = tuple(Related(*r) for r in row[RELATED])
    return Finding(*values)
