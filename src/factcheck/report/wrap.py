"""Wrapping styled lines to a terminal's width, with a hanging indent, for Chinese and English.

rich folds a run of Chinese text (which has no spaces) at whatever cell the width ends on, and
continues a wrapped line at column 0: the report's indentation is lost and a marked figure
(``[9.5%]✗1``) can be cut in two. Here a line is cut into atoms, each Chinese character, each
run of other non-space characters and each *unbreakable* segment (a marked figure), and atoms
are laid out greedily by their width in cells (a Chinese character takes two). A closing
punctuation mark (，。、”）…) stays with the atom before it, so no line starts with one; an
opening one (“（《) stays with the atom after it. Continuation lines start at ``rest`` columns.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from typing import IO

Segment = tuple[str, str]  # (text, rich style)
Line = list[Segment]
Block = tuple[Line, int, int, set[int]]  # a line, its first and continuation indent, kept segments
KEEP = "mark:"  # a style prefix: the segments so styled are laid out as one, never cut

_CLOSING = set("，。、；：！？）》」』”’〉】…,.;:!?)]%")
_OPENING = set("“‘（《「『〈【([")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"  # CJK and full-width forms


@functools.cache
def _atom() -> re.Pattern[str]:
    """Whitespace, one wide character, or a run of others. Compiled when first needed: its wide
    classes cost the regex compiler about 1.5 ms, and a report to a pipe or a file never wraps."""
    return re.compile(f"\\s+|[{_WIDE}]|[^\\s{_WIDE}]+")


def cells(text: str) -> int:
    """The width of a text in terminal cells: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _atoms(line: Line, keep: set[int]) -> list[list[Segment]]:
    """The line as atoms, each a list of segments laid out together. Consecutive kept segments
    make one atom."""
    atoms: list[list[Segment]] = []
    glue = False  # the previous atom ended with an opening mark: the next one joins it
    for i, (text, style) in enumerate(line):
        if i in keep and i - 1 in keep and atoms:
            atoms[-1].append((text, style))
            continue
        pieces = [text] if i in keep else _atom().findall(text)
        for piece in pieces:
            joins = atoms and (glue or (piece[:1] in _CLOSING and not piece.isspace()))
            if joins:
                atoms[-1].append((piece, style))
            else:
                atoms.append([(piece, style)])
            glue = piece[-1:] in _OPENING
    return atoms


def wrap(
    line: Line, width: int, first: int = 0, rest: int = 0, keep: set[int] | None = None
) -> list[Line]:
    """``line`` as lines of at most ``width`` cells: the first indented by ``first`` columns,
    the others by ``rest``. Segments whose index is in ``keep`` are never cut."""
    out: list[Line] = []
    current: Line = [(" " * first, "")] if first else []
    used = first
    for atom in _atoms(line, keep or set()):
        size = sum(cells(t) for t, _ in atom)
        space = atom[0][0].isspace() and len(atom) == 1
        if used + size > width and used > (first if not out else rest):
            out.append(current)
            current, used = ([(" " * rest, "")] if rest else []), rest
            if space:
                continue  # a line never starts with the space it broke at
        current += atom
        used += size
    out.append(current)
    return [_merge(_trim(x)) for x in out]


def _merge(line: Line) -> Line:
    """Neighbouring segments of one style as one (rich styles each segment on its own)."""
    out: Line = []
    for text, style in line:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        elif text:
            out.append((text, style))
    return out


def _trim(line: Line) -> Line:
    """A line without the spaces it ends with."""
    while line and line[-1][0].isspace() and line[-1][0]:
        line = line[:-1]
    if line:
        text, style = line[-1]
        line = [*line[:-1], (text.rstrip(), style)]
    return line


def write_blocks(blocks: list[Block], stream: IO[str], width: int | None = None) -> None:
    """Write blocks: wrapped with their indents on a terminal (coloured unless NO_COLOR),
    one line each elsewhere."""
    from factcheck.report.terminal import use_colour  # noqa: PLC0415 - terminal imports this module

    colour = use_colour(stream)
    tty = hasattr(stream, "isatty") and stream.isatty()
    if not (colour or tty) and width is None:
        for line, first, _, _ in blocks:
            stream.write(" " * first + "".join(t for t, _ in line) + "\n")
        return
    columns = width or _columns(stream)
    lines = [
        w for line, first, rest, keep in blocks for w in wrap(line, columns, first, rest, keep)
    ]
    if not colour:
        stream.write("".join("".join(t for t, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console  # noqa: PLC0415 - only for a colour terminal
    from rich.text import Text  # noqa: PLC0415

    console = Console(file=stream, force_terminal=True, highlight=False, emoji=False)
    for line in lines:  # already wrapped: rich must not wrap again
        styled = [(t, style.removeprefix(KEEP)) for t, style in line]
        console.print(Text.assemble(*styled), soft_wrap=True)


def _columns(stream: IO[str]) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        import shutil  # noqa: PLC0415 - with its archive modules, only for a terminal

        return shutil.get_terminal_size().columns
