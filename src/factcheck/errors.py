"""Locations and input problems.

A :class:`Problem` is a user error in an input file (exit code 2). Loaders collect every problem
of a file instead of stopping at the first one; :class:`InputError` carries them to the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.codes import INPUT_CODES
from factcheck.textsafe import visible


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    """A 1-based position in a file."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One user error: where, which stable code, and a one-line message."""

    loc: Loc
    code: str
    message: str

    def __post_init__(self) -> None:
        if self.code not in INPUT_CODES:  # a typo here is a bug, not a user error
            raise ValueError(f"unknown problem code {self.code}")
        # Messages quote user text; the output format is one problem per line, so escape what
        # would break a line or a terminal, and keep a pasted novel from flooding it.
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        # a path comes from the disk or the command line: it may hold a line break too
        return f"{visible(str(self.loc))}: {self.code} {self.message}"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "path": self.loc.path,
            "line": self.loc.line,
            "col": self.loc.col,
            "code": self.code,
            "message": self.message,
        }


MAX_MESSAGE = 300


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` with line breaks and other control characters escaped as every format escapes
    them (:func:`factcheck.textsafe.visible`; a full-width space stays), at most ``limit``
    characters long."""
    text = visible(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class InputError(Exception):
    """Raised with every problem found in the input; the CLI prints them and exits 2.

    The problems of one file are sorted by position, each once (a field shared by the claims of
    a 'respectively' list fails once per claim: one line). Problems gathered over many files
    keep the order they were found in (``sort=False``)."""

    def __init__(self, problems: list[Problem], sort: bool = True) -> None:
        found = sorted(set(problems)) if sort else list(problems)
        super().__init__("\n".join(str(p) for p in found))
        self.problems = found


class UsageError(Exception):
    """Raised when a command cannot do what it was asked (a bad option value, nothing to check,
    an unknown claim id); the CLI prints ``factcheck: error: MESSAGE`` and exits 2."""


class ValueProblem(ValueError):
    """Raised by the small parsers (values, periods, units) with a code; the loader adds the
    location it knows."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
