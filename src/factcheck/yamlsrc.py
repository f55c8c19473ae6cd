"""Reading YAML safely, with positions.

We *compose* (never construct): the result is PyYAML's node tree, whose marks give every value
its line and column. Scalars stay text, so YAML 1.1's number rules (``1e8`` as a string, ``0755``
as octal, ``NO`` as False) never touch a claim. Tags other than YAML's own core types, and
aliases, are refused: nothing in a claims file needs them and they are how object construction
and "billion laughs" attacks get in.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from factcheck.errors import Loc, Problem
from factcheck.fileio import MAX_BYTES, read_bounded

try:  # the C composer is about 3x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on the build of PyYAML
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

_STR, _SEQ, _MAP = ("tag:yaml.org,2002:" + t for t in ("str", "seq", "map"))


class _Loader(_Base):
    """The safe loader without implicit type resolution: every plain scalar is text (we parse
    values ourselves), which also skips a regex match per scalar. Explicit tags still reach the
    nodes, where :func:`check_tree` refuses foreign ones."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _STR if kind is yaml.ScalarNode else _SEQ if kind is yaml.SequenceNode else _MAP

    # The composer calls these around every node, for path resolvers, which we never register:
    # no-ops save a tenth of a compose.
    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


MAX_DEPTH = 64
MAX_PROBLEMS = 100  # an alias bomb yields one problem per alias: stop counting, the file is bad
_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
)

Node = yaml.Node
_ALIAS = "aliases (*name) are not allowed"

# libyaml 0.2.5 and later refuse more than 1000 levels of nesting themselves. An older libyaml
# would let PyYAML's C composer recurse without bound (a crash, not an exception), so without
# that limit the text is pre-scanned; the pure-Python composer raises RecursionError instead.
PRESCAN_DEPTH = 1000
_BRACKET = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^[ \t?:-]*", re.MULTILINE)


def _composer_limits_depth() -> bool:
    if _Base is not getattr(yaml, "CSafeLoader", None):
        return True  # the pure-Python composer: RecursionError is caught below
    try:
        return yaml._yaml.get_version() >= (0, 2, 5)
    except AttributeError:  # pragma: no cover - a PyYAML without the version function
        return False


_DEPTH_LIMITED = _composer_limits_depth()


def too_deep(text: str, limit: int = PRESCAN_DEPTH) -> int | None:
    """The 1-based line where the text may nest deeper than ``limit``, or None.

    An over-estimate, never an under-estimate: brackets inside quoted text count too, and a
    line's indentation (with its ``- `` and ``? `` markers) bounds its block depth. No real
    claims file comes near 1000 either way.
    """
    depth = 0
    for m in _BRACKET.finditer(text):
        depth += 1 if m.group() in "[{" else -1
        if depth > limit:
            return text.count("\n", 0, m.start()) + 1
    for m in _INDENT.finditer(text):
        if m.end() - m.start() > limit:
            return text.count("\n", 0, m.start()) + 1
    return None


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file (a BOM is dropped, CRLF kept as is for the YAML reader).

    Returns the text, or None with an E100 problem for anything that is not readable text
    (:func:`factcheck.fileio.read_bounded`: regular files only, at most ``MAX_BYTES``).
    """
    loc = Loc(shown, 1, 1)
    data, problem = read_bounded(path, shown, MAX_BYTES)
    if data is None:
        assert problem is not None
        return None, [problem]
    if b"\x00" in data:
        return None, [Problem(loc, "E100", "binary file (contains NUL bytes)")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(Loc(shown, line, 1), "E100", "not UTF-8 text")]
    return text, []


def compose(text: str, shown: str) -> tuple[Node | None, list[Problem]]:
    """Compose one YAML document into nodes, or report why it cannot be."""
    # The collector dominates big composes (docs/stack-notes.md: 2.7-3x); nodes hold no cycles
    # we make. A check already runs with it paused (app.collector_paused); validate, rule packs
    # and configuration files compose outside that pause.
    if not _DEPTH_LIMITED and (line := too_deep(text)) is not None:
        return None, [Problem(Loc(shown, line), "E120", f"nested deeper than {PRESCAN_DEPTH}")]
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(shown, mark.line + 1, mark.column + 1) if mark else Loc(shown)
        what = " ".join(x for x in (exc.context, exc.problem) if x) or "cannot parse"
        # libyaml (0.2.5) stops at 1000 levels of nesting itself: report it as too deep.
        code = "E120" if "maximum nesting depth" in what else "E101"
        return None, [Problem(loc, code, what)]
    except yaml.YAMLError as exc:
        return None, [Problem(Loc(shown), "E101", str(exc).splitlines()[0])]
    except RecursionError:  # the pure-Python composer recurses once per level
        return None, [Problem(Loc(shown), "E120", "document nested too deeply")]
    except UnicodeError:  # lone surrogates, which only a str built in memory can hold
        return None, [Problem(Loc(shown), "E100", "text is not valid Unicode")]
    finally:
        if was_enabled:
            gc.enable()
    if node is None:
        return None, [Problem(Loc(shown), "E104", "empty file: expected a mapping")]
    problems = check_tree(node, shown)
    if "&" in text:
        # An alias needs an anchor. The composed tree shares the anchored node, whose mark is
        # the anchor's, and scalars are not tracked there: the parser's events give every alias
        # at the place it was written. Only files with an '&' pay for this second pass.
        problems = [p for p in problems if p.message != _ALIAS] + _alias_problems(text, shown)
    return node, problems


def _alias_problems(text: str, shown: str) -> list[Problem]:
    """One problem per alias (``*name``), at the alias, from the parser's events."""
    problems = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark  # the parser marks every event; the type allows None
            where = Loc(shown, mark.line + 1, mark.column + 1) if mark else Loc(shown)
            problems.append(Problem(where, "E116", _ALIAS))
            if len(problems) >= MAX_PROBLEMS:
                break
    return problems


def loc(node: Node, shown: str) -> Loc:
    """The 1-based location of a node."""
    mark = node.start_mark
    return Loc(shown, mark.line + 1, mark.column + 1)


def check_tree(root: Node, shown: str) -> list[Problem]:
    """Refuse foreign tags, aliases (a node reached twice), deep nesting and duplicate keys.

    Scalars are checked where they stand and never pushed on the stack: a claims file is mostly
    scalars, and this walk is on the path of every file. Only collections can be aliased into
    an expansion bomb, so only their identities are remembered.
    """
    problems: list[Problem] = []

    def tag_ok(node: Node) -> bool:
        if node.tag in _CORE_TAGS:
            return True
        problems.append(Problem(loc(node, shown), "E116", f"tag {node.tag!r} is not allowed"))
        return False

    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, 0)]
    scalar = yaml.ScalarNode
    core = _CORE_TAGS  # tested inline on every scalar; tag_ok only reports
    while stack and len(problems) < MAX_PROBLEMS:
        node, depth = stack.pop()
        if node.__class__ is scalar:
            tag_ok(node)
            continue
        if id(node) in seen:
            problems.append(Problem(loc(node, shown), "E116", _ALIAS))
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            problems.append(Problem(loc(node, shown), "E120", f"nested deeper than {MAX_DEPTH}"))
            break
        if not tag_ok(node):
            continue
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, Node] = {}
            for key, value in node.value:
                if key.__class__ is not scalar:
                    problems.append(Problem(loc(key, shown), "E115", "a key must be text"))
                    continue
                if key.tag in core or tag_ok(key):
                    if key.value in keys:
                        first = keys[key.value].start_mark.line + 1
                        problems.append(
                            Problem(
                                loc(key, shown),
                                "E102",
                                f"duplicate key '{key.value}' (first at line {first})",
                            )
                        )
                    keys[key.value] = key
                if value.__class__ is not scalar:
                    stack.append((value, depth + 1))
                elif value.tag not in core:
                    tag_ok(value)
        else:
            for item in node.value:
                if item.__class__ is not scalar:
                    stack.append((item, depth + 1))
                elif item.tag not in core:
                    tag_ok(item)
    return problems


def items(node: yaml.MappingNode) -> Iterator[tuple[str, Node, Node]]:
    """Key text, key node and value node of a mapping (non-scalar keys read as their text)."""
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else str(key.value)
        yield name, key, value
