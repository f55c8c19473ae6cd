"""Writing drafted claims as YAML text, and appending them to a claims file without touching it.

The text is written by hand, not by a YAML dumper, so that a merge can add claim items at the end
of the ``claims:`` list and leave every byte of the user's file (comments, order, quoting, line
endings, a byte-order mark) as it was. Each string is written plain when YAML reads it back as
exactly that text, and double-quoted with escapes otherwise; characters YAML may not hold raw
(C1 controls, U+2028, …) are escaped, in comments replaced.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from factcheck.errors import InputError, Loc, Problem
from factcheck.extract.draft import Draft, DraftClaim, Skipped
from factcheck.extract.resync import fingerprint

MODELINE = "# yaml-language-server: $schema=../schema/claims.schema.json"
SCHEMA_NAMES = ("claims.schema.json", "schema/claims.schema.json")
NO_SCHEMA = (
    "# Editors complete and check this file with the JSON Schema: `factcheck schema -o "
    "claims.schema.json`, then put `# yaml-language-server: $schema=claims.schema.json` here."
)


def modeline_for(target: Path) -> str:
    """The modeline of a claims file to be written at ``target``: the schema's path relative to
    it, found in its folder or a folder above (``claims.schema.json`` or
    ``schema/claims.schema.json``, as ``factcheck schema -o`` writes it); a modeline to a file
    that does not exist would point nowhere, so without one the comment says how to make it."""
    try:
        folder = target.resolve().parent
    except (OSError, RuntimeError):
        return NO_SCHEMA
    for above in (folder, *folder.parents):
        for name in SCHEMA_NAMES:
            if (above / name).is_file():
                rel = os.path.relpath(above / name, folder)
                return f"# yaml-language-server: $schema={Path(rel).as_posix()}"
    return NO_SCHEMA


# Characters the YAML reader does not accept in a stream, and the line breaks it would fold:
# C0, DEL and C1, U+2028/U+2029, surrogates, U+FFFE/U+FFFF (written as this small class, not as
# the negation of the wide ranges allowed, which took ~4 ms to compile).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# Text that is a plain scalar for certain (a word character first; no colon, hash, quote,
# backslash or whitespace): written as is without asking the parser, which is the slow part.
_SURELY_PLAIN = re.compile(r"\w[^\s:#'\"`\\,\[\]{}]*")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quoted(value: str) -> str:
    """A double-quoted YAML scalar of ``value``, escaped so that it reads back exactly."""
    body = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNSAFE.sub(lambda m: _escape(m.group()), body) + '"'


def _reads_back(text: str, value: str | list[str]) -> bool:
    try:
        node = yaml.compose("k: " + text, Loader=_LOADER)
    except yaml.YAMLError:
        return False
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return False
    got = node.value[0][1]
    if isinstance(value, str):
        return isinstance(got, yaml.ScalarNode) and not got.style and got.value == value
    return (
        isinstance(got, yaml.SequenceNode)
        and [getattr(v, "value", None) for v in got.value] == value
    )


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back unchanged, else double-quoted."""
    if _UNSAFE.search(value) or not value:
        return quoted(value)
    if _SURELY_PLAIN.fullmatch(value) or _reads_back(value, value):
        return value
    return quoted(value)


def flow(values: Sequence[str]) -> str:
    """A flow list ``[a, b]`` of scalars that reads back as exactly ``values``."""
    items = [
        v if _SURELY_PLAIN.fullmatch(v) and not _UNSAFE.search(v) else quoted(v) for v in values
    ]
    text = "[" + ", ".join(items) + "]"
    if _reads_back(text, list(values)):
        return text
    return "[" + ", ".join(quoted(v) for v in values) + "]"


def comment(text: str) -> str:
    """Text made safe for a comment line: one line, only characters YAML accepts."""
    return _UNSAFE.sub("?", text)


def claim_lines(claim: DraftClaim, dash: int = 2, key: int = 4, draft: bool = True) -> list[str]:
    """The lines of one claim item, its dash at column ``dash`` and keys at column ``key``;
    ``draft``: marked ``draft: true``, with its confidence and doubts in a comment."""
    ids = claim.ids[0] if len(claim.ids) == 1 else list(claim.ids)
    rows: list[tuple[str, str | Sequence[str]]] = [
        ("id", ids),
        ("kind", claim.kind),
        *([("draft", "true")] if draft else []),
        ("quote", claim.quote),
        *claim.fields,
    ]
    lines = []
    at = None
    for i, (name, value) in enumerate(rows):
        text = scalar(value) if isinstance(value, str) else flow(value)
        if name == "draft":
            at, text = i, "true"
        lead = " " * dash + "- " + " " * (key - dash - 2) if i == 0 else " " * key
        lines.append(f"{lead}{name}: {text}")
    if at is not None:  # the comment carries the item's fingerprint, made over the bare lines
        why = f": {'; '.join(claim.doubts)}" if claim.doubts else ""
        mark = f"# confidence {claim.confidence} (drafted {fingerprint(lines)}){why}"
        lines[at] += "  " + comment(mark)
    return lines


def skipped_lines(skipped: Sequence[Skipped], indent: int = 0) -> list[str]:
    """The mentions that were not drafted, as commented-out ``ignore`` entries."""
    if not skipped:
        return []
    pad = " " * indent
    out = [
        f"{pad}# Not drafted by `factcheck extract`: mentions that assert nothing checkable.",
        f"{pad}# Review them; copy the right ones into an `ignore:` list, or write claims.",
        f"{pad}# ignore:",
    ]
    seen: dict[str, int] = {}
    for s in skipped:
        if s.quote in seen:  # one entry covers every mention of its quote
            out[seen[s.quote]] += comment(f"; {s.text}")
            continue
        seen[s.quote] = len(out)
        entry = f"{{quote: {quoted(s.quote)}, reason: {s.reason}}}"
        out.append(comment(f"{pad}#   - {entry}  # line {s.line}: {s.why}: {s.text}"))
    return out


def file_lines(
    draft: Draft, article: str, items: list[list[str]], modeline: str = MODELINE
) -> list[str]:
    """A whole claims file: modeline, header, the file's keys, then the claim items."""
    head = [
        modeline,
        "#",
        comment(
            f"# Drafted by `factcheck extract` from {article}: {len(draft.claims)} claims from "
            f"{draft.mentions} numeric mentions."
        ),
        "# Every claim is marked `draft: true`: check its kind, metric and period, then delete",
        "# the mark. `entity` and `year` are guesses from the article.",
        "version: 1",
        f"article: {scalar(article)}",
        f"entity: {scalar(draft.entity)}",
        f"year: {draft.year}",
        "claims:" if items else "claims: []",
    ]
    return head + [line for item in items for line in item]


def insertion(text: str, shown: str) -> tuple[int, int, int, bool]:
    """Where new claim items go in an existing claims file: (offset, dash column, key column,
    whether the list is an empty flow list ``[]`` to replace)."""
    node = yaml.compose(text, Loader=_LOADER)
    claims = next(
        (v for k, v in getattr(node, "value", []) if getattr(k, "value", None) == "claims"), None
    )
    if not isinstance(claims, yaml.SequenceNode):
        raise InputError([Problem(Loc(shown), "E115", "'claims' must be a list of claims")])
    if claims.flow_style:
        if claims.value:
            where = Loc(shown, claims.start_mark.line + 1, claims.start_mark.column + 1)
            raise InputError(
                [Problem(where, "E115", "--merge needs 'claims' as a block list, not [a, b]")]
            )
        return claims.start_mark.index, 2, 4, True
    first = claims.value[0]
    line_start = text.rfind("\n", 0, first.start_mark.index) + 1
    dash = text.rfind("-", line_start, first.start_mark.index) - line_start
    key = first.start_mark.column if isinstance(first, yaml.MappingNode) else dash + 2
    end = _last_end(claims.value[-1])
    if end.column == 0:  # a block scalar ends at the start of the line after it
        return end.index, dash, key, False
    newline = text.find("\n", end.index)
    return (newline + 1 if newline >= 0 else len(text)), dash, key, False


def _last_end(node: yaml.Node) -> yaml.Mark:
    """The end of the last scalar of a node: where its last written value ends."""
    # A flow collection ({…}, […]) ends at its closing bracket, which may sit on a later line.
    while (
        isinstance(node, yaml.MappingNode | yaml.SequenceNode)
        and node.value
        and not node.flow_style
    ):
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node.end_mark


def splice(text: str, lines: list[str], at: int, flow_empty: bool) -> tuple[str, int]:
    """Insert ``lines`` at offset ``at`` (replacing a ``[]``), in the file's line endings.
    Returns the new text and the 1-based line where the first inserted line stands."""
    eol = "\r\n" if "\r\n" in text else "\n"
    block = eol.join(lines) + eol
    if flow_empty:
        end = text.index("]", at) + 1
        before = text[:at].rstrip(" ")
        return before + eol + block + text[end:].lstrip(" ").removeprefix(eol), (
            before.count("\n") + 2
        )
    if at > 0 and not text[:at].endswith("\n"):
        block = eol + block
    first_line = text[:at].count("\n") + 1 + (0 if text[:at].endswith("\n") or at == 0 else 1)
    return text[:at] + block + text[at:], first_line
