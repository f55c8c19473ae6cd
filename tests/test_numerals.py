"""The cn2an-free reader of Chinese numerals against cn2an itself: whatever the reader accepts,
cn2an reads to the same value (numerals.read_integer leaves every other form to cn2an)."""

from __future__ import annotations

import contextlib
import io
import itertools
import random
import subprocess
import sys
import warnings

import pytest

from factcheck.numerals import read_integer, spell
from factcheck.zh import NUMERALS


def _cn2an(text: str) -> int | None:
    """cn2an's reading ("normal" mode, as mentions.py asks), or None where it refuses."""
    import cn2an  # noqa: PLC0415 - the oracle

    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        try:
            value = cn2an.cn2an(text, "normal")
        except Exception:  # noqa: BLE001 - cn2an refuses with several types
            return None
    return int(value) if float(value).is_integer() else None


@pytest.mark.parametrize(
    ("text", "value"),
    [  # worked out by hand
        ("十四", 14),
        ("十", 10),
        ("两千", 2000),
        ("一百亿", 100 * 10**8),
        ("一万五千亿", 15000 * 10**8),
        ("一千零五", 1005),
        ("一百一十", 110),
        ("十万零五百", 100500),
        ("一亿零五十万", 10**8 + 50 * 10**4),
        ("二〇二五", 2025),
        ("零", 0),
        ("两", 2),
    ],
)
def test_standard_forms(text: str, value: int) -> None:
    assert read_integer(text) == value


@pytest.mark.parametrize("text", ["一十四", "十百", "万千", "一千五", "两两", "二千〇五", "亿"])
def test_other_forms_are_left_to_cn2an(text: str) -> None:
    # Not the standard spelling (一千五 is spoken for 1500; 一十四 is written 十四): cn2an decides.
    assert read_integer(text) is None


def test_every_short_numeral_agrees_with_cn2an() -> None:
    alphabet = NUMERALS
    for length in range(1, 4):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            value = read_integer(text)
            if value is not None:
                assert value == _cn2an(text), text


def test_random_numerals_agree_with_cn2an() -> None:
    rng = random.Random(18)
    for _ in range(10000):
        text = "".join(rng.choices(NUMERALS, k=rng.randint(4, 9)))
        value = read_integer(text)
        if value is not None:
            assert value == _cn2an(text), text


def test_every_spelling_reads_back() -> None:
    rng = random.Random(5)
    numbers = [*range(0, 20001), *(rng.randrange(10**16) for _ in range(2000))]
    numbers += [10**k for k in range(16)] + [15 * 10**11, 10**8 + 5 * 10**5, 10**12 + 1]
    for n in numbers:
        text = spell(n)
        assert read_integer(text) == n, text
        assert _cn2an(text) == n, text
        two = text.replace("二", "两")  # 两千, 两万: 两 for 二 reads the same
        assert read_integer(two) == n == _cn2an(two), two


def test_the_example_never_imports_cn2an() -> None:
    # The example's numerals (十四五, 三分之二, 翻一番, 百亿 …) are all standard spellings.
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "sys.argv = ['factcheck', 'check', 'claims', '--no-cache', '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('cn2an', 'pint', 'rich', 'opencc') if m in sys.modules), "
        "file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stderr.strip().splitlines()[-1] == "[]"
