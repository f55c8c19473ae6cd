"""Bringing a claims file back in step with its edited article (``extract --merge``): which
claim items are drafts nobody has touched since ``extract`` wrote them, and which of those quote
text the article no longer holds.

``extract`` writes a fingerprint of each draft item into its ``draft: true`` comment
(``# confidence 0.9 (drafted 1a2b3c4d)``): the first 8 hex digits of the SHA-256 of the item's
lines, each stripped of surrounding whitespace, the ``draft`` line without its comment. An item
whose lines still give that fingerprint is exactly as drafted; any edit (a metric corrected, a
period added, the ``draft`` line deleted on review, even re-indenting) changes it, and the item
counts as the editor's. A merge may then replace an untouched draft whose quote the article no
longer holds (its figure was changed), and keeps every other item byte for byte.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from factcheck.quotes import QuoteIndex

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DRAFT_LINE = re.compile(r"draft:\s*true\s*#.*\(drafted ([0-9a-f]{8})\)")
_DRAFT_BARE = "draft: true"


def fingerprint(lines: Sequence[str]) -> str:
    """The fingerprint of a claim item's lines (see the module docstring)."""
    norm = []
    for line in lines:
        text = line.strip()
        if text.startswith(_DRAFT_BARE) and _DRAFT_LINE.match(text):
            text = _DRAFT_BARE
        norm.append(text)
    return hashlib.sha256("\n".join(norm).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True, slots=True)
class Item:
    """One claim item of a claims file as written: its lines (0-based, end exclusive), ids,
    quote, and whether it is an untouched draft."""

    first: int
    last: int
    ids: tuple[str, ...]
    quote: str | None
    untouched: bool


# The line breaks YAML counts (its marks number lines by them): CR LF, LF, and also CR alone,
# NEL, U+2028 and U+2029, which splitting at LF would not see.
_BREAK = re.compile("(\r\n|[\n\r\x85\u2028\u2029])")


def _lines(text: str) -> tuple[list[str], list[str]]:
    """The text's lines as YAML numbers them, and the break after each (one fewer)."""
    parts = _BREAK.split(text)
    return parts[0::2], parts[1::2]


def items(text: str) -> list[Item]:
    """The block-style claim items of a claims file's text (none for a flow list ``[…]``)."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return []
    claims = next(
        (v for k, v in getattr(node, "value", []) if getattr(k, "value", None) == "claims"), None
    )
    if not isinstance(claims, yaml.SequenceNode) or claims.flow_style:
        return []
    lines = _lines(text)[0]
    out = []
    for item in claims.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        first, last = item.start_mark.line, _end_line(item)
        fields = {getattr(k, "value", None): v for k, v in item.value}
        own = lines[first:last]
        mark = next((m for line in own if (m := _DRAFT_LINE.search(line))), None)
        untouched = mark is not None and fingerprint(own) == mark.group(1)
        out.append(
            Item(first, last, _ids(fields.get("id")), _scalar(fields.get("quote")), untouched)
        )
    return out


def _end_line(node: yaml.Node) -> int:
    """The line after the last line of an item (its last value's end; a block scalar ends at the
    start of the line after it)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        if node.flow_style:
            break
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end = node.end_mark
    return end.line if end.column == 0 else end.line + 1


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _ids(node: yaml.Node | None) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        return (node.value,)
    if isinstance(node, yaml.SequenceNode):
        return tuple(v.value for v in node.value if isinstance(v, yaml.ScalarNode))
    return ()


def stale_drafts(
    text: str, index: QuoteIndex, referenced: set[str]
) -> tuple[list[Item], list[Item]]:
    """The items whose quote the article (``index``) no longer holds: (untouched drafts that may
    be replaced, the others, kept for the editor). An untouched draft another claim refers to by
    id is kept too, and counted with the others: removing it would break that claim."""
    replace, keep = [], []
    for item in items(text):
        if item.quote is None or index.find(item.quote) is not None:
            continue
        if item.untouched and not referenced.intersection(item.ids):
            replace.append(item)
        else:
            keep.append(item)
    return replace, keep


_CLAIMS_KEY = re.compile(r"^claims:(?=[ \t]*(?:#[^\r\n]*)?\r?$)", re.MULTILINE)


def without(text: str, remove: Sequence[Item]) -> str:
    """``text`` without the lines of the items ``remove`` (line endings kept as they were). A
    list left with no item becomes ``claims: []``."""
    if not remove:
        return text
    gone = {n for item in remove for n in range(item.first, item.last)}
    lines, breaks = _lines(text)
    kept = [n for n in range(len(lines)) if n not in gone]
    # each kept line with the break that followed it, the last kept one with none if the text
    # ended there
    out = "".join(lines[n] + (breaks[n] if n < len(breaks) else "") for n in kept)
    if len(lines) - 1 in gone and kept:
        out = out[: -len(breaks[kept[-1]])]
    if not items(out):
        out = _CLAIMS_KEY.sub("claims: []", out, count=1)
    return out
