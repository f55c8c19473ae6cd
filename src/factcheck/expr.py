"""A restricted arithmetic language for metric identities in rule packs.

``人均地区生产总值 = 地区生产总值 / 年平均人口`` is tokenised and parsed by hand into a tree of
numbers, names and the four operations. Nothing is ever ``eval``-ed: there are no attributes,
calls, imports or powers, so a rule pack from outside the newsroom cannot run code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.errors import ValueProblem

# Names are runs of letters (any script), digits and underscores not starting with a digit:
# no dots, quotes or brackets, so attribute access, calls and strings cannot even be written.
# A name of several words is written between backticks (`goods and services deficit`): words of
# letters, digits, hyphens and apostrophes, one space apart however many are written.
_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)(?![\w])|(?P<op>[-+*/()])|(?P<name>[^\W\d]\w*)"
    r"|`(?P<words>[^\W\d][\w'’-]*(?:[ \t]+[\w'’-]+)*)`|(?P<bad>\S))"
)
MAX_LENGTH = 500
MAX_DEPTH = 32  # brackets and unary minus nest; the parser recurses, so bound it well below
# Python's recursion limit instead of letting "((((…" end in a RecursionError


@dataclass(frozen=True, slots=True)
class Num:
    """A number in an expression."""

    value: float


@dataclass(frozen=True, slots=True)
class Name:
    """A metric name in an expression."""

    name: str


@dataclass(frozen=True, slots=True)
class BinOp:
    """``left op right`` with op one of + - * /."""

    op: str
    left: Expr
    right: Expr


Expr = Num | Name | BinOp


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind is None:
            continue
        if kind == "bad":
            raise ValueProblem("E204", f"'{m.group(kind)}' is not allowed in an expression")
        if kind == "num" and not math.isfinite(float(m.group(kind))):
            raise ValueProblem("E204", "a number in the expression is too large")
        if kind == "words":
            out.append(("name", " ".join(m.group(kind).split())))
            continue
        out.append((kind, m.group(kind)))
    return out


def parse(text: str) -> Expr:
    """Parse an arithmetic expression of names and numbers."""
    if len(text) > MAX_LENGTH:
        raise ValueProblem("E204", f"expression longer than {MAX_LENGTH} characters")
    if "**" in text:  # say why, rather than "unexpected '*'"
        raise ValueProblem("E204", "powers (**) are not allowed in an expression")
    tokens = _tokens(text)
    expr, rest = _sum(tokens, 0)
    if rest:
        raise ValueProblem("E204", f"unexpected '{rest[0][1]}' in '{text}'")
    return expr


def _sum(tokens: list[tuple[str, str]], depth: int) -> tuple[Expr, list[tuple[str, str]]]:
    left, rest = _product(tokens, depth)
    while rest and rest[0] in (("op", "+"), ("op", "-")):
        op = rest[0][1]
        right, rest = _product(rest[1:], depth)
        left = BinOp(op, left, right)
    return left, rest


def _product(tokens: list[tuple[str, str]], depth: int) -> tuple[Expr, list[tuple[str, str]]]:
    left, rest = _atom(tokens, depth)
    while rest and rest[0] in (("op", "*"), ("op", "/")):
        op = rest[0][1]
        right, rest = _atom(rest[1:], depth)
        left = BinOp(op, left, right)
    return left, rest


def _atom(tokens: list[tuple[str, str]], depth: int) -> tuple[Expr, list[tuple[str, str]]]:
    if depth > MAX_DEPTH:
        raise ValueProblem("E204", f"expression nested deeper than {MAX_DEPTH}")
    if not tokens:
        raise ValueProblem("E204", "expression ends too early")
    kind, text = tokens[0]
    if kind == "num":
        return Num(float(text)), tokens[1:]
    if kind == "name":
        return Name(text), tokens[1:]
    if text == "(":
        inner, rest = _sum(tokens[1:], depth + 1)
        if not rest or rest[0] != ("op", ")"):
            raise ValueProblem("E204", "missing ')'")
        return inner, rest[1:]
    if text == "-":
        inner, rest = _atom(tokens[1:], depth + 1)
        return BinOp("-", Num(0.0), inner), rest
    raise ValueProblem("E204", f"unexpected '{text}'")


def names(expr: Expr) -> set[str]:
    """The metric names an expression uses."""
    if isinstance(expr, Name):
        return {expr.name}
    if isinstance(expr, BinOp):
        return names(expr.left) | names(expr.right)
    return set()


def evaluate(expr: Expr, env: dict[str, float]) -> float:
    """Arithmetic on known names only; a zero divisor gives inf (the caller reports it)."""
    if isinstance(expr, Num):
        return expr.value
    if isinstance(expr, Name):
        return env[expr.name]
    left, right = evaluate(expr.left, env), evaluate(expr.right, env)
    if expr.op == "+":
        return left + right
    if expr.op == "-":
        return left - right
    if expr.op == "*":
        return left * right
    return left / right if right else float("inf")


def render(expr: Expr) -> str:
    """The expression as text (for the arithmetic shown in a finding)."""
    if isinstance(expr, Num):
        return f"{expr.value:g}"
    if isinstance(expr, Name):
        return expr.name
    return f"({render(expr.left)} {expr.op} {render(expr.right)})"


def is_name(text: str) -> bool:
    """True when ``text`` is one metric name (the left side of an identity)."""
    return name_of(text) is not None


def name_of(text: str) -> str | None:
    """The metric name ``text`` is (a backticked goods deficit is goods deficit), or None."""
    tokens = _tokens(text) if len(text) <= MAX_LENGTH else []
    return tokens[0][1] if len(tokens) == 1 and tokens[0][0] == "name" else None
