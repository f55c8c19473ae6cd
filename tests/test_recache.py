"""recache: regular expressions compiled by an earlier run, read back. Each one built from the
file must be the pattern ``re`` compiles (CPython compares two patterns by their flags and
compiled code), a damaged file must only mean compiling as usual, and a check's report must not
change with the file."""

from __future__ import annotations

import importlib
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck import recache

pytestmark = pytest.mark.skipif(not recache.ENABLED, reason="recache works on CPython 3.11 only")
ROOT = Path(__file__).resolve().parents[1]
_compiler: Any = importlib.import_module("re._compiler")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty re cache and recache record, and bytecode writing on (the tests' environment
    may turn it off)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(recache, "_loaded", {})
    re.purge()


# Patterns of the kinds factcheck's modules compile: wide classes, named groups, lookarounds,
# flags, bytes.
PATTERNS: list[tuple[Any, int]] = [
    ("(?P<num>[零〇一二两三四五六七八九十百千万亿]+)(?:点[零〇一二三四五六七八九]+)?(?![之钟])", 0),
    ("[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", 0),
    (r"(?<=[为至到])[零〇](?=[，。；、！？,.;!?”’\s]|$)|(?P<a>x)(?P<b>y)?", 0),
    (r"^\s*(\w+)\s*=\s*(.*?)\s*(?:#.*)?$", re.MULTILINE | re.IGNORECASE),
    (r"percentage points?|year-over-year|(?i:hong kong dollars?)" * 3, re.VERBOSE),
    (rb"^article\s*:\s*['\"]?([^'\"#\r\n]*?)['\"]?\s*(?:#.*)?$" * 2, re.MULTILINE),
]


def test_every_pattern_read_back_is_the_one_re_compiles(tmp_path: Path, fresh: None) -> None:
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)
    path = str(tmp_path / "regex.marshal")
    assert recache.save(path) == len(PATTERNS)  # each compiles to more than SMALL codes
    re.purge()
    recache._loaded.clear()
    assert recache.load(path) == len(PATTERNS)
    for pattern, flags in PATTERNS:
        cached = re.compile(pattern, flags)  # from re's cache: what load put there
        assert cached is re._cache[type(pattern), pattern, flags]  # type: ignore[attr-defined]
        made = _compiler.compile(pattern, flags)  # compiled anew, past the cache
        assert cached == made  # same pattern, flags and code
        assert (cached.groups, cached.groupindex, cached.flags) == (
            made.groups,
            made.groupindex,
            made.flags,
        )
    assert recache.save(path) == 0  # nothing new: the file is not written again


def _check_with(path: str) -> str:
    """Python code: ``check claims -f json`` with the regex file at ``path``, bytecode writing on;
    it first prints how many patterns it read back (on stderr)."""
    return (
        "import sys\n"
        "from factcheck import recache\n"
        f"recache.FILE = {path!r}\n"
        "sys.dont_write_bytecode = False\n"
        "from factcheck.cli import entry\n"
        "print(len(recache._loaded), file=sys.stderr)\n"
        "sys.argv = ['factcheck', 'check', 'claims', '--no-cache', '-f', 'json']\n"
        "entry()\n"
    )


def test_the_patterns_of_a_check_read_back_alike(tmp_path: Path, fresh: None) -> None:
    # Every pattern a check compiled (factcheck's, PyYAML's, the standard library's).
    path = str(tmp_path / "regex.marshal")
    code = _check_with(path)
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False)
    with open(path, "rb") as f:
        _, entries = marshal.loads(f.read())
    assert len(entries) > 30
    assert recache.load(path) == len(entries)
    for pattern, given, *_ in entries:
        assert re.compile(pattern, given) == _compiler.compile(pattern, given), pattern


def test_a_check_reports_the_same_with_the_file(tmp_path: Path) -> None:
    path = str(tmp_path / "regex.marshal")
    code = _check_with(path)
    env = {**os.environ, "NO_COLOR": "1"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    first, second = runs
    assert first.stderr.splitlines()[0] == "0"  # no file yet: every pattern compiled
    assert int(second.stderr.splitlines()[0]) > 30  # read back from the first run's file
    assert first.returncode == second.returncode
    assert '"format": "factcheck-report"' in first.stdout
    assert first.stdout == second.stdout


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not marshal at all",
        "truncated",
        "another python",
        "bad code",
        "unhashable flags",
        "unhashable pattern",
    ],
)
def test_a_damaged_file_means_compiling_as_usual(
    damage: bytes | str, tmp_path: Path, fresh: None
) -> None:
    pattern, flags = PATTERNS[0]
    re.compile(pattern, flags)
    path = tmp_path / "regex.marshal"
    recache.save(str(path))
    good = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "another python":
        stamp, entries = marshal.loads(good)
        path.write_bytes(marshal.dumps((("3.11.0 (other)", *stamp[1:]), entries)))
    elif damage == "bad code":  # codes the regex engine refuses: that entry is left out
        stamp, entries = marshal.loads(good)
        bad: tuple[Any, ...] = (entries[0][0] + "x", 0, 32, [1, 2, 3, 99999], 0, {}, (None,))
        path.write_bytes(marshal.dumps((stamp, [bad, *entries])))
    elif isinstance(damage, str) and damage.startswith("unhashable"):
        # a key re's cache cannot hold (it raised TypeError at import): that entry is left out
        stamp, entries = marshal.loads(good)
        odd = list(entries[0])
        odd[1 if damage == "unhashable flags" else 0] = [0]
        path.write_bytes(marshal.dumps((stamp, [tuple(odd), *entries])))
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    re.purge()
    recache._loaded.clear()
    loaded = recache.load(str(path))
    kept_one = isinstance(damage, str) and (damage == "bad code" or damage.startswith("unhash"))
    assert loaded == (1 if kept_one else 0)
    assert re.compile(pattern, flags) == _compiler.compile(pattern, flags)
