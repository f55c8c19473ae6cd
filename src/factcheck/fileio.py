"""Reading and writing files: every input goes through :func:`read_bounded`, every output
through :func:`write_atomic`.

Reading: regular files only, opened without blocking, at most ``MAX_BYTES``, counted while
reading. Articles are read only inside a root folder (:func:`contained`).

Writing files without losing anything: a temporary file in the same folder, flushed and
synced, then renamed over the target. A crash or Ctrl-C mid-write leaves the old file intact, and
an existing file is replaced only when the caller was told to (``--force``). Devices and pipes
are written into, never replaced; a link is followed to the file it points to."""

from __future__ import annotations

import contextlib
import os
import stat
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
        import tempfile  # noqa: PLC0415 - only when a file is written

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


# ---- reading ------------------------------------------------------------------------------------

MAX_BYTES = 64 * 1024 * 1024  # every input file: claims, articles, rule packs, baselines, config
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20


def read_bounded(
    path: Path, shown: str, limit: int = MAX_BYTES, head: bool = False
) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file of at most ``limit`` bytes, or None and an E100 problem
    (``head``: the first ``limit`` bytes of a longer file instead of a problem).

    The file is opened without blocking (a FIFO with no writer opens at once) and its type is
    taken from the open descriptor, so what is checked is what is read: a directory, a device
    (``/dev/zero``), a FIFO or a socket is refused before a byte is read. The bound is counted
    while reading, not taken from the size the file system reports (a file growing under the
    reader, or a ``/proc`` file of size 0, stops at the bound)."""
    where = Loc(shown, 1, 1)
    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        return None, Problem(where, "E100", "file not found")
    except IsADirectoryError:
        return None, Problem(where, "E100", "is a directory, expected a file")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        return None, Problem(where, "E100", f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None, Problem(where, "E100", "is a directory, expected a file")
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(where, "E100", "not a regular file (a device, pipe or socket)")
        if info.st_size > limit and not head:
            message = f"file is {info.st_size} bytes, over the {limit} limit"
            return None, Problem(where, "E100", message)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
        if size > limit:
            if head:
                return data[:limit], None
            return None, Problem(where, "E100", f"file is over the {limit} bytes limit")
        return data, None
    except OSError as exc:
        return None, Problem(where, "E100", f"cannot read: {exc.strerror or exc}")
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """Is ``path`` (links followed) a regular file? Never opens it, so never blocks."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def contained(path: Path, root: Path) -> Path | None:
    """``path`` with every link resolved, if it lies inside ``root`` (resolved too), else None.

    What is read afterwards is the resolved path, so no link met on the way (a link inside
    the tree that points out of it, or ``../``) can lead the reader outside ``root``."""
    try:
        real = Path(os.path.realpath(path, strict=True))
        top = Path(os.path.realpath(root, strict=True))
    except (OSError, RuntimeError, ValueError):  # missing, a loop of links, a NUL in the name
        return None
    return real if real == top or top in real.parents else None
