"""The one table of stable codes.

A code names *what* went wrong; the wording of a message may change, the code never does. Tests
assert codes and positions, not sentences. Input problems (``E…``) always end the run with exit
code 2. Findings (``FC…``) get their severity from the rule pack.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Literal, TypeGuard, get_args


class Exit(IntEnum):
    """The exit codes of every command (docs/output-formats.md)."""

    CLEAN = 0
    FINDINGS = 1  # a finding at or above --fail-on
    INPUT = 2  # a usage or input error, or nothing checked
    INTERNAL = 3  # a bug in factcheck
    CLOSED_OUTPUT = 120  # standard output closed before it was flushed (as Python reports it)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


# The severities a finding code may have, most severe first.
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


def is_severity(word: object) -> TypeGuard[Severity]:
    """Whether a word read from a rule pack or an option is a severity."""
    return word in SEVERITIES


# Problems with the input: claims files, articles, rule packs, the command line.
INPUT_CODES: dict[str, str] = {
    "E100": "file cannot be read (missing, a directory, binary, not UTF-8 or too large)",
    "E101": "YAML syntax error",
    "E102": "duplicate key in a mapping",
    "E103": "document is not a mapping",
    "E104": "empty file",
    "E105": "unknown field",
    "E106": "missing required field",
    "E107": "duplicate claim id",
    "E108": "value cannot be parsed",
    "E109": "unknown unit",
    "E110": "wrong dimension for this field",
    "E111": "impossible or unknown period",
    "E112": "quote not found in the article",
    "E113": "article file missing",
    "E114": "unknown claim kind",
    "E115": "wrong type (expected a string, list or mapping)",
    "E116": "YAML tag or alias not allowed",
    "E117": "'respectively' lists of different lengths",
    "E118": "reference to an unknown claim",
    "E119": "invalid date or id",
    "E120": "document too deep or too large",
    "E121": "the figure of a value does not appear in its quote",
    # Rule packs.
    "E201": "unknown rule kind",
    "E202": "unknown option",
    "E203": "bad option value",
    "E204": "bad expression in a metric identity",
    "E205": "circular metric identities",
    # Command line and files written by the tool.
    "E301": "path not found",
    "E302": "output refused: an input of the run, a link, a folder, or a file that exists",
    "E303": "no claims files found",
    "E304": "bad baseline or cache file",
    "E305": "a file cannot be written (disk full, size limit, permission, pipe without reader)",
}

# Findings of the rule engine: code -> (title, default severity). A rule pack may change the
# severity of any code (`severity: {FC121: error}`).
FINDINGS: dict[str, tuple[str, Severity]] = {
    "FC101": ("year-on-year or span growth disagrees with the levels", "error"),
    "FC102": ("average annual growth (CAGR) disagrees with the levels", "error"),
    "FC103": ("multiple or doubling disagrees with the levels", "error"),
    "FC104": ("'增长N倍' only fits the reading ×N, not the standard ×(N+1)", "warning"),
    "FC105": ("percentage points and percent confused", "error"),
    "FC106": ("a change of an increment (少增, 多增) disagrees with the increments", "error"),
    "FC111": ("share disagrees with part and whole", "error"),
    "FC112": ("ratio disagrees with its terms", "error"),
    "FC113": ("parts exceed (or do not make up) their total", "error"),
    "FC114": ("a larger value ranks lower in the same ranking", "error"),
    "FC115": ("a count exceeds the count it is part of", "error"),
    "FC116": ("growth of a total outside the growth of its parts", "warning"),
    "FC117": ("the same fact stated twice with values that cannot both be true", "error"),
    "FC118": ("metric identity does not hold", "error"),
    "FC119": ("claims that cannot all hold together, through the quantities between them", "error"),
    "FC120": ("a change of rank disagrees with the ranks of both periods", "error"),
    "FC121": (
        "price basis differs: rate at comparable prices, levels at current prices",
        "warning",
    ),
    "FC131": ("consistent only because of rounding", "info"),
    "FC132": (
        "one quantity stated with two different figures that overlap only by their words",
        "warning",
    ),
    "FC141": ("value implied by the claims but not stated", "info"),
    "FC142": ("quantity not stated that several claims bound together", "info"),
    "FC151": ("numeric mention not covered by any claim", "warning"),
    "FC152": ("draft claim not reviewed", "error"),
    "FC153": ("figures of an article that could not be drafted with confidence", "info"),
    "FC161": ("cannot recompute: an input is zero, negative, unbounded or in another unit", "info"),
}

# Where docs/codes.md is published: SARIF gives every rule a ``helpUri`` here (code scanning links
# it from each alert), and ``factcheck rule CODE`` names it. The section of each code is
# :func:`help_uri`'s anchor.
DOCS_URL = "https://factcheck.invalid/docs/codes.md"
_SECTIONS = {
    "E1": "claims-files-e1xx",
    "E2": "rule-packs-e2xx",
    "E3": "command-line-and-files-written-by-the-tool-e3xx",
}


def help_uri(code: str) -> str:
    """The address of a code's section of docs/codes.md."""
    return f"{DOCS_URL}#{_SECTIONS.get(code[:2], 'findings-fc')}"
