"""User text made safe to print: what a claims file or an article says reaches a terminal, an
editor's problem list or a CI log only as visible characters.

A metric holding ``\\x1b[2J`` would clear an editor's screen, ``\\x1b]0;…\\x07`` retitle the
pane, and a line break would split one finding of ``--format text`` into two lines that a
script reads as two (or as a forged one). Every control character (C0, DEL, C1), the Unicode
line and paragraph separators and the bidirectional controls that can reorder what a reader sees
are written as Python-style escapes (``\\x1b``, ``\\n``, ``\\u202e``); everything else, Chinese
and full-width spaces included, is kept as it is.
"""

from __future__ import annotations

from factcheck.charmap import CharMap

# Cc (C0, DEL, C1), U+2028/U+2029, and the bidi embeddings, overrides and isolates.
_UNSAFE = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
    0x061C,
)
_NAMED = {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
# Translation tables, applied only to a text that holds one of their characters (CharMap: its
# class of single characters compiles in 0.2 ms, where ranges written out beyond Latin-1 took
# about a millisecond, and is kept with the other patterns, recache.py).
_VISIBLE = CharMap(
    {c: _NAMED.get(c) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _UNSAFE}
)
# What json.dumps leaves raw (it escapes C0 itself; the JSON's own line breaks must stay).
_IN_JSON = CharMap({c: f"\\u{c:04x}" for c in _UNSAFE if c >= 0x7F})


def json_safe(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the characters that
    :func:`visible` escapes written as ``\\uXXXX``: ``json.dumps`` escapes C0 controls itself,
    but not DEL, C1, the line separators or the bidi controls. They occur only inside strings,
    so the text means the same to a JSON reader and stays inert in a terminal."""
    return _IN_JSON(text)


def visible(text: str) -> str:
    """``text`` with every character that could move the cursor, break a line, recolour or
    reorder the output written as an escape."""
    return _VISIBLE(text)
