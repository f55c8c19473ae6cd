"""Writing files without losing anything: a temporary file in the same folder, flushed and
synced, then renamed over the target. A crash or Ctrl-C mid-write leaves the old file intact, and
an existing file is replaced only when the caller was told to (``--force``)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from factcheck.errors import InputError, Loc, Problem


def write_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; refuse to replace a file unless ``force``."""
    if path.exists() and not force:
        raise InputError(
            [Problem(Loc(str(path)), "E302", "file exists; use --force to replace it")]
        )
    if path.is_dir():
        raise InputError([Problem(Loc(str(path)), "E302", "is a directory")])
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
