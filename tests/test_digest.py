"""digest.sha256_hex against hashlib, and the periods' own calendar against the calendar module:
replacements made so that a check imports neither (their imports cost start-up time)."""

from __future__ import annotations

import calendar
import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

from factcheck.digest import sha256_hex
from factcheck.periods import _leap, _month_days

ROOT = Path(__file__).resolve().parents[1]


def test_sha256_is_hashlibs() -> None:
    rng = random.Random(18)
    samples = [b"", b"abc", "金昌市".encode(), bytes(range(256)) * 40]
    samples += [rng.randbytes(rng.randrange(0, 5000)) for _ in range(200)]
    for data in samples:
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    # FIPS 180-2's example: SHA-256("abc")
    assert sha256_hex(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_month_days_are_the_calendars() -> None:
    for year in (*range(-400, 2600), 9999, 10000, 123456):
        assert _leap(year) == calendar.isleap(year), year
        for month in range(1, 13):
            assert _month_days(year, month) == calendar.monthrange(year, month)[1], (year, month)
    assert _month_days(2024, 2) == 29 and _month_days(1900, 2) == 28 and _month_days(2000, 2) == 29


def test_a_check_imports_neither_hashlib_calendar_nor_shutil(tmp_path: Path) -> None:
    # Nor the extra modules of the terminal report's wrapping (shutil and its archive modules)
    # when the report goes to a pipe.
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "sys.argv = ['factcheck', 'check', 'claims']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "mods = ('hashlib', '_hashlib', 'calendar', 'locale', 'shutil', 'bz2', 'lzma')\n"
        "print(sorted(m for m in mods if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stderr.strip().splitlines()[-1] == "[]"
