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

import re

# Cc (C0, DEL, C1), U+2028/U+2029, and the bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# What json.dumps leaves raw (it escapes C0 itself; the JSON's own line breaks must stay).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def json_safe(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the characters that
    :func:`visible` escapes written as ``\\uXXXX``: ``json.dumps`` escapes C0 controls itself,
    but not DEL, C1, the line separators or the bidi controls. They occur only inside strings,
    so the text means the same to a JSON reader and stays inert in a terminal."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible(text: str) -> str:
    """``text`` with every character that could move the cursor, break a line, recolour or
    reorder the output written as an escape."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text
