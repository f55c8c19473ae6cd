"""Writing files without losing anything: a temporary file in the same folder, flushed and
synced, then renamed over the target. A crash or Ctrl-C mid-write leaves the old file intact, and
an existing file is replaced only when the caller was told to (``--force``). Devices and pipes
are written into, never replaced; a link is followed to the file it points to."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from factcheck.errors import InputError, Loc, Problem


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_target(path: Path, force: bool) -> None:
    """Refuse a place to write to (InputError): a directory, a file that exists unless
    ``force`` (devices and pipes lose nothing: they are always written into), or a missing
    folder. Commands call it before their work, not only after it."""
    where = Loc(str(path))
    if path.is_dir():
        raise InputError([Problem(where, "E302", "is a directory, not a file")])
    if path.is_file() and not force:
        raise InputError([Problem(where, "E302", "file exists; use --force to replace it")])
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError([Problem(where, "E301", f"folder '{folder}' not found")])


def write_atomic(
    path: Path, text: str, force: bool = False, sync: bool = True, follow_links: bool = True
) -> None:
    """Write ``text`` to ``path`` atomically; refuse to replace a file unless ``force``.

    The new file keeps the mode of the file it replaces, or gets the mode a plain ``open`` would
    give it (``mkstemp`` alone would leave it readable by its owner only). A device or a pipe
    (/dev/null, /dev/stdout, a FIFO) is written into: replacing it would put a regular file
    where the system had one of those. A symbolic link is followed, and what it points to
    replaced atomically, the link kept; with ``follow_links=False`` (the cache, whose file
    names are predictable) the link itself is replaced. ``sync=False`` skips the flush to disk,
    for files that may be lost in a crash (the cache).
    """
    where = Loc(str(path))
    check_target(path, force)
    if follow_links and path.is_symlink():
        try:
            path = path.resolve()
        except (OSError, RuntimeError) as exc:  # a loop of links
            raise InputError([Problem(where, "E301", f"cannot write: {exc}")]) from None
        check_target(path, force)
    if not path.is_symlink() and path.exists() and not path.is_file():
        try:
            with path.open("w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as exc:
            raise InputError([Problem(where, "E301", f"cannot write: {exc.strerror}")]) from None
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError([Problem(where, "E301", f"cannot write here: {exc.strerror}")]) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
