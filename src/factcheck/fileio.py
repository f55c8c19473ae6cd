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
import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import InputError, Loc, Problem


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


PIPE_WAIT = 10.0  # seconds a pipe given as output may take to get a reader
_TEMP_SUFFIX = ".tmp"


# As tempfile.mkstemp opens its files (whose import, with shutil's and random's, costs a
# first run about 3 ms): created, never an existing file or a link's target, private until moved.
_CREATE = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_CREATE |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _mkstemp(folder: Path, prefix: str) -> tuple[int, str]:
    """A new file ``PREFIX<random>.tmp`` in ``folder``, opened: its descriptor and path."""
    for _ in range(100):
        tmp = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{_TEMP_SUFFIX}")
        try:
            return os.open(tmp, _CREATE, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _refuse(path: Path, code: str, message: str) -> InputError:
    return InputError([Problem(Loc(str(path)), code, message)])


def _same_file(info: os.stat_result, inputs: Iterable[Path]) -> bool:
    """Is the file of ``info`` one of ``inputs`` (by device and inode: hard links and links
    count, however the path is typed)?"""
    for path in inputs:
        try:
            other = os.stat(path)
        except (OSError, ValueError):
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return True
    return False


def _linked_folder(path: Path) -> Path | None:
    """The first folder of a relative ``path`` that is a symbolic link, if any: a committed
    link would take a report out of the checkout."""
    if path.is_absolute():
        return None  # typed in full by the user
    here = Path()
    for part in path.parent.parts:
        here = here / part
        if part not in (".", "..") and here.is_symlink():
            return here
    return None


def check_target(
    path: Path, force: bool, inputs: Iterable[Path] = (), replace: bool = False
) -> None:
    """Refuse a place to write to (InputError), before the work and again before writing.

    Always refused: a directory, and any file that is an input of the run (``inputs``: the
    claims files, articles, rule packs, baseline, configuration), whatever ``--force`` says.
    Refused without ``force``: a symbolic link (``force`` replaces the link itself; what it
    points to is never written), a relative path through a linked folder, and an existing
    regular file unless ``replace`` (reports are replaced as ruff and pytest replace theirs;
    a draft claims file is not). A missing folder is E301: no folder is ever created.
    Devices and pipes are written into."""
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        message = f"cannot write: {getattr(exc, 'strerror', None) or exc}"
        raise _refuse(path, "E305", message) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _refuse(path, "E302", "is a directory, not a file")
    if info is not None and _same_file(info, inputs):
        raise _refuse(path, "E302", "is an input of this run; it is never replaced")
    if info is not None and stat.S_ISLNK(info.st_mode) and not force:
        raise _refuse(
            path,
            "E302",
            "is a symbolic link; use --force to replace the link (what it points to is never "
            "written)",
        )
    if not force and (folder_link := _linked_folder(path)) is not None:
        raise _refuse(path, "E302", f"folder '{folder_link}' is a symbolic link; use --force")
    if info is not None and stat.S_ISREG(info.st_mode) and not (force or replace):
        raise _refuse(path, "E302", "file exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise _refuse(path, "E301", f"folder '{folder}' not found")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return pid > 0  # another user's process, or not a pid at all
    return True


def remove_stale_temps(folder: Path, name: str | None = None) -> None:
    """Remove the temporary files of writes killed before they finished (``.NAME.PID.X.tmp``
    whose process PID is gone), of one target ``name`` or of any. A write under way in a
    live process is left alone."""
    prefix = f".{name}." if name is not None else "."
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                parts = entry.name.split(".")  # "", NAME..., PID, XXXX, "tmp"
                if not entry.name.startswith(prefix) or len(parts) < 5 or parts[-1] != "tmp":
                    continue
                if parts[-3].isdigit() and not _alive(int(parts[-3])):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
    except OSError:
        pass


def _open_pipe(path: Path) -> int:
    """Open a device or pipe for writing; a pipe without a reader is waited on for at most
    PIPE_WAIT seconds, with a message, then refused (E305)."""
    import time  # noqa: PLC0415

    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    deadline = time.monotonic() + PIPE_WAIT
    said = False
    while True:
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: a FIFO nobody reads yet
                raise
            if time.monotonic() >= deadline:
                raise _refuse(
                    path, "E305", f"no reader on the pipe after {PIPE_WAIT:g} s"
                ) from None
            if not said:
                print(
                    f"factcheck: {path}: waiting up to {PIPE_WAIT:g} s for a reader of the pipe",
                    file=sys.stderr,
                )
                said = True
            time.sleep(0.05)
            continue
        os.set_blocking(fd, True)  # the reader may be slow: writes wait for it
        return fd


def write_atomic(
    path: Path,
    text: str,
    force: bool = False,
    sync: bool = True,
    inputs: Iterable[Path] = (),
    replace: bool = False,
) -> None:
    """Write ``text`` to ``path`` atomically, after :func:`check_target` (``force``,
    ``inputs``, ``replace`` are its own). Any error writing is E305 (a full disk, a file-size
    limit, a permission), never a half-written file.

    The new file keeps the mode of the file it replaces, or gets the mode a plain ``open`` would
    give it (``mkstemp`` alone would leave it readable by its owner only). A device or a pipe
    (/dev/null, /dev/stdout, a FIFO) is written into: replacing it would put a regular file
    where the system had one of those. A symbolic link is never followed: with ``force`` the
    link itself is replaced. ``sync=False`` skips the flush to disk, for files that may be lost
    in a crash (the cache). The temporary file is named ``.NAME.PID.XXXX.tmp``; those of killed
    writes are removed by the next write to the same name.
    """
    check_target(path, force, inputs, replace)
    try:
        info = os.lstat(path)
    except OSError:
        info = None
    if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
        try:
            fd = _open_pipe(path)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as exc:
            raise _refuse(path, "E305", f"cannot write: {exc.strerror or exc}") from None
        return
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temps(folder, path.name)
    mode = (
        stat.S_IMODE(info.st_mode)
        if info is not None and stat.S_ISREG(info.st_mode)
        else 0o666 & ~_umask()
    )
    try:
        fd, tmp = _mkstemp(folder, f".{path.name}.{os.getpid()}.")
    except OSError as exc:
        raise _refuse(path, "E305", f"cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _refuse(path, "E305", f"cannot write: {exc.strerror or exc}") from None
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
