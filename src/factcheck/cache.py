"""The cache folder: results of unchanged claims files, and the units earlier runs parsed.

Like ruff's and mypy's caches it is safe to delete at any time. It lives in ``.factcheck_cache``
in the working folder (or ``$FACTCHECK_CACHE_DIR``), marks itself with ``CACHEDIR.TAG`` and a
``.gitignore`` so that it is never committed, and stores JSON only: a cache file that came in
through a pull request cannot run code. A corrupt entry is ignored and rebuilt.

A result is keyed by the tool version, the rule pack, the claims file's bytes and today's date
(acceptances expire by date); the entry also records the article's hash and is used only while
the article is unchanged.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from factcheck import __version__, units
from factcheck.digest import sha256_hex
from factcheck.errors import InputError
from factcheck.fileio import read_bounded, remove_stale_temps, write_atomic
from factcheck.finding import FIELDS, RELATED, from_row, to_row
from factcheck.result import Deferred, FileResult

LAYOUT = "v3"  # v2: findings as rows; v3: a header line with the SHA-256 of the result
OLD_LAYOUTS = ("v1", "v2")
MAX_HEADER = 1 << 16  # a header holds a path and two digests
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by factcheck.\n"
)
GITIGNORE = "# Created by factcheck.\n*\n"


def default_dir() -> Path:
    """``$FACTCHECK_CACHE_DIR`` or ``.factcheck_cache`` in the working folder."""
    return Path(os.environ.get("FACTCHECK_CACHE_DIR") or ".factcheck_cache")


def _code_stamp() -> str:
    """Size and modification time of every file of the installed package: results made by other
    code (an upgrade, or an edit in an editable install) are never served."""
    lines: list[str] = []
    _stamp_folder(str(Path(__file__).parent), "", lines)
    return sha256_hex("".join(sorted(lines)).encode())


_CODE_SUFFIXES = (".py", ".txt", ".yaml", ".json")


def _stamp_folder(folder: str, relative: str, lines: list[str]) -> None:
    """One line per code file below ``folder``: ``relative/name:size:mtime``. os.scandir, not
    Path.rglob, which cost ~10 ms of every warm run (its pattern matching and Path objects)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    _stamp_folder(entry.path, f"{relative}{entry.name}/", lines)
            elif entry.name.endswith(_CODE_SUFFIXES):
                info = entry.stat()
                lines.append(f"{relative}{entry.name}:{info.st_size}:{info.st_mtime_ns}\n")


def _hash(path: Path) -> str:
    """The SHA-256 of a regular file (never a pipe or device: reading one could block)."""
    data, _ = read_bounded(path, str(path))
    return "missing" if data is None else _digest(data)


class Cache:
    """Results by content hash, plus the persistent unit table."""

    def __init__(self, root: Path, pack_digest: str) -> None:
        self.root = root / LAYOUT
        # The unit definitions decide every value: results and parsed units are valid only for
        # the units.txt they were made with (it can change without a new version in development).
        self.units_digest = units.registry_digest()  # units.txt and the pack's units
        code = _code_stamp()
        self.salt = "\0".join(
            (__version__, code, pack_digest, self.units_digest, date.today().isoformat())
        )
        self._prepare(root)
        self._load_units()

    def _prepare(self, root: Path) -> None:
        """Make the folder. Only a folder factcheck made (new or empty, then tagged) is used,
        marked as a cache and cleaned: $FACTCHECK_CACHE_DIR may name a folder of the user's,
        whose files, .gitignore and look-alike folders are never touched nor written into. A
        folder is factcheck's when its CACHEDIR.TAG is, byte for byte, the one factcheck
        writes."""
        self.usable = False
        with contextlib.suppress(OSError, InputError):
            ours = not root.exists() or (root.is_dir() and not any(root.iterdir()))
            tag = root / "CACHEDIR.TAG"
            if ours:
                root.mkdir(parents=True, exist_ok=True)
                write_atomic(tag, TAG, force=True, sync=False)
                write_atomic(root / ".gitignore", GITIGNORE, force=True, sync=False)
            data, _ = read_bounded(tag, str(tag), len(TAG))
            if data != TAG.encode() or tag.is_symlink():
                return  # not a folder factcheck made: no cache this run
            self.root.mkdir(exist_ok=True)
            self.usable = True
            for old in OLD_LAYOUTS:  # entries of earlier layouts are never read again
                if (root / old).is_dir() and not (root / old).is_symlink():
                    import shutil  # noqa: PLC0415 - rarely: a stale folder to remove

                    shutil.rmtree(root / old, ignore_errors=True)
            remove_stale_temps(self.root)  # entries of runs killed while writing them
            prune(self.root)

    def key(self, shown: str, data: bytes) -> str:
        """The key of a claims file's result."""
        return sha256_hex(self.salt.encode() + b"\0" + shown.encode() + b"\0" + data)

    # An entry is two lines of JSON: a header (the article, its hash, and the SHA-256 of the
    # second line) and the result. An entry whose result does not hash to its header's digest
    # (torn by a crash, edited, damaged on disk) is dropped and rebuilt, whatever its form; one
    # that does has the form of what it holds checked (_result), not the type of every value
    # of its tens of thousands of finding rows.

    def get(self, key: str) -> FileResult | None:
        """The cached result, or None if absent, stale (the article changed) or corrupt."""
        path = self.root / f"{key}.json"
        if not self.usable:
            return None
        try:
            data, _ = read_bounded(path, str(path))
            if data is None and not os.path.lexists(path):
                return None
            if data is None:  # not a regular file (a pipe planted in the folder), or unreadable
                raise ValueError("not an entry factcheck wrote")
            head, _, body = data.partition(b"\n")
            if len(head) > MAX_HEADER:
                raise ValueError("not an entry factcheck wrote")
            header = json.loads(head)
            if not isinstance(header, dict) or header.get("sha256") != _digest(body):
                raise ValueError("not an entry factcheck wrote")
            if header.get("article_hash") != _hash(Path(str(header["article"]))):
                return None
            return _result(json.loads(body))
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is rebuilt
            with contextlib.suppress(OSError):
                path.unlink()  # corrupt: drop it, the caller recomputes
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Store a result (results with input problems are not cached)."""
        if result.problems or not self.usable:
            return
        body = json.dumps(_plain(result), ensure_ascii=False)
        header = {
            "article": result.article_path,
            "article_hash": _hash(Path(result.article_path)),
            "sha256": _digest(body.encode()),
        }
        # A cache that cannot be written (a read-only folder, a file in its place) only makes
        # the next run slower: never an error. Not synced to disk: an entry torn by a crash
        # fails its digest and is rebuilt.
        with contextlib.suppress(OSError, InputError):
            write_atomic(
                self.root / f"{key}.json",
                json.dumps(header, ensure_ascii=False) + "\n" + body,
                force=True,
                sync=False,
            )

    @property
    def _units_file(self) -> str:
        return f"units-{self.units_digest[:16]}.json"

    def _load_units(self) -> None:
        if not self.usable:
            return
        try:
            data, _ = read_bounded(self.root / self._units_file, self._units_file)
            table = json.loads((data or b"").decode("utf-8"))
            units.KNOWN.update({str(k): (float(f), str(d)) for k, (f, d) in table.items()})
        except Exception:  # noqa: BLE001 - a damaged table: its units are parsed afresh
            pass

    def save_units(self) -> None:
        """Remember the unit texts this run parsed with pint."""
        if not self.usable or not set(units.PARSED) - set(units.KNOWN):
            return
        table = {**units.KNOWN, **units.PARSED}
        with contextlib.suppress(OSError, InputError):
            write_atomic(
                self.root / self._units_file,
                json.dumps(table, ensure_ascii=False),
                force=True,
                sync=False,
            )


def prune(folder: Path, today: date | None = None) -> int:
    """Remove the entries of earlier days: a key holds the date, so they are never read again,
    and without this the folder would grow by a day's results every day. Done once a day (a
    marker file says when), so a run lists the folder at most once a day. The unit tables are
    kept. Returns the number of entries removed."""
    day = (today or date.today()).isoformat()
    marker = folder / f"pruned-{day}"
    if marker.exists():
        return 0
    start = datetime.combine(today or date.today(), time()).timestamp()
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            stale = name.startswith("pruned-") and name != marker.name
            if name.endswith(".json") and not name.startswith("units-"):
                stale = entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < start
            if stale:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += name.endswith(".json")
        marker.touch()
    return removed


def clean(root: Path | None = None) -> str:
    """``factcheck clean``: remove the cache folder if factcheck made it (its CACHEDIR.TAG is
    factcheck's, byte for byte); a folder of anyone else's is left alone (E304)."""
    root = root or default_dir()
    if not root.exists():
        return f"{root}: no cache folder, nothing to remove"
    tag = root / "CACHEDIR.TAG"
    data, _ = read_bounded(tag, str(tag), len(TAG))
    if root.is_symlink() or not root.is_dir() or data != TAG.encode() or tag.is_symlink():
        from factcheck.errors import Loc, Problem  # noqa: PLC0415

        problem = Problem(Loc(str(root)), "E304", "not a cache folder factcheck made: left alone")
        raise InputError([problem])
    entries = sum(1 for _ in root.rglob("*.json"))
    import shutil  # noqa: PLC0415 - only for factcheck clean

    shutil.rmtree(root)
    return f"{root}: removed ({entries} entries)"


def _plain(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "claims": result.claims,
        "article_path": result.article_path,
        "sha256": result.sha256,
        "article_sha256": result.article_sha256,
        "findings": [to_row(f) for f in result.findings],
        "passed": Deferred.of(result.passed).rows(),
    }


def _digest(data: bytes) -> str:
    return sha256_hex(data)


def _rows(rows: Any) -> list[Any]:
    """Rows of findings by their form (a list of lists of the right length), else ValueError."""
    if type(rows) is not list or not all(
        type(row) is list and len(row) == len(FIELDS) and type(row[RELATED]) is list for row in rows
    ):
        raise ValueError("not rows of findings")
    return rows


def _result(d: dict[str, Any]) -> FileResult:
    # The digest shows an entry is as written, not who wrote it: the form of what it holds is
    # checked too (the passed checks are built only when read, so they are checked here, where
    # a failure still means "rebuild").
    texts = ("path", "article_path", "sha256", "article_sha256")
    if not all(type(d.get(k)) is str for k in texts) or type(d.get("claims")) is not int:
        raise ValueError("not a result")
    return FileResult(
        d["path"],
        claims=d["claims"],
        article_path=d["article_path"],
        sha256=d["sha256"],
        article_sha256=d["article_sha256"],
        findings=[from_row(f) for f in _rows(d["findings"])],
        passed=Deferred(_rows(d["passed"])),
    )
