"""Compiled regular expressions kept from one run to the next, as Python keeps bytecode.

Python compiles every regular expression afresh in each process, in Python code: a check with
no cache compiles about 70 (factcheck's, PyYAML's, the standard library's), some 15 ms, a wide
character class ([零〇一二…], the ranges YAML allows) costing most. What the compiler makes of
a pattern is a list of integers, the same in every run of the same Python; :func:`save` writes
the lists of the patterns a run compiled beside factcheck's bytecode (``__pycache__``, only where
Python itself would write bytecode), and :func:`load` puts them, built by ``_sre.compile`` as
``re`` builds them, into ``re``'s own cache before anything is imported, so that
``re.compile`` finds them there, whoever calls it.

Only on CPython 3.11, whose ``re`` internals this reads (``re._cache``, ``re._parser``,
``re._compiler._code``); elsewhere both do nothing. The file is keyed by the exact Python
version and the regex engine's magic number; any entry that cannot be read or built is left
out, and the pattern is compiled as usual. tests/test_recache.py checks that every pattern
built from the file equals (same flags, same compiled code) what ``re.compile`` makes.
"""

import contextlib
import importlib
import marshal
import os
import sys
from typing import Any

ENABLED = sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)
FILE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "__pycache__",
    f"regex.{sys.implementation.cache_tag}.marshal",
)
LIMIT = 400  # entries kept (re's own cache holds 512): patterns made from inputs churn, not grow
SMALL = 60  # a compiled code shorter than this is not kept (95% of the compile time is in longer)

# (pattern, the flags re.compile was given, the pattern's flags, code, groups, groupindex,
# indexgroup): the arguments of _sre.compile, keyed as re._cache keys its patterns.
Entry = tuple[Any, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]
_loaded: dict[tuple[Any, int], Entry] = {}


def _stamp() -> tuple[str, int, int]:
    _sre: Any = importlib.import_module("_sre")  # loaded with re
    return (sys.version, _sre.MAGIC, _sre.CODESIZE)


def load(path: str | None = None) -> int:
    """Put the patterns of earlier runs into ``re``'s cache; how many were put."""
    if not ENABLED:
        return 0
    _sre: Any = importlib.import_module("_sre")
    import re  # noqa: PLC0415

    try:
        with open(path or FILE, "rb") as f:
            stamp, entries = marshal.loads(f.read())  # load(f) reads in small steps: 10x slower
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or not one of ours
        return 0
    if stamp != _stamp() or not isinstance(entries, list):
        return 0
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    for entry in entries[:LIMIT]:
        try:
            pattern, given, flags, code, groups, groupindex, indexgroup = entry
            if type(pattern) not in (str, bytes) or type(given) is not int:
                continue  # not a key re itself would make (an unhashable one would raise)
            built = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
        except (TypeError, ValueError, RuntimeError, OverflowError):  # damaged: compile anew
            continue
        cache[type(pattern), pattern, given] = built
        _loaded[pattern, given] = entry
    return len(_loaded)


def _entry(pattern: Any, given: int) -> Entry:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern``."""
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")

    parsed = _parser.parse(pattern, given)
    code = [int(op) for op in _compiler._code(parsed, given)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    flags = given | parsed.state.flags
    return (pattern, given, flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def save(path: str | None = None) -> int:
    """Write the patterns in ``re``'s cache, when it holds any the file lacks (where Python
    writes bytecode; atomically; never an error); how many were new."""
    if not ENABLED or sys.dont_write_bytecode:
        return 0
    import re  # noqa: PLC0415

    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    new = [
        (pattern, given)
        for kind, pattern, given in list(cache)
        if kind in (str, bytes) and (pattern, given) not in _loaded
    ]
    if not new:
        return 0
    try:
        entries = [_entry(pattern, given) for pattern, given in new]
    except Exception:  # noqa: BLE001 - re's internals changed: keep compiling as usual
        return 0
    # Small patterns compile in microseconds; some are made from an input (a quote's odd
    # characters) and would have the file rewritten on every run.
    entries = [e for e in entries if len(e[3]) >= SMALL]
    if not entries:
        return 0
    kept = (entries + list(_loaded.values()))[:LIMIT]
    path = path or FILE
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            marshal.dump((_stamp(), kept), f)
        os.replace(tmp, path)
    except (OSError, ValueError):  # a read-only installation: as without bytecode
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return 0
    for e in entries:
        _loaded[e[0], e[1]] = e
    return len(entries)
