"""Write src/factcheck/data/traditional.txt: every character OpenCC's ``t2s`` changes.

The file lets factcheck tell, without importing OpenCC, whether a text has a traditional
character at all (zh.has_traditional); OpenCC is loaded only when one is met. Run it after
upgrading OpenCC; tests/test_script.py fails until the two agree.

    python scripts/gen_traditional.py
"""

from __future__ import annotations

from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "data" / "traditional.txt"
# The CJK blocks: unified ideographs, extension A, B-F, and the two compatibility blocks.
RANGES = (
    (0x3400, 0x4DC0),
    (0x4E00, 0xA000),
    (0xF900, 0xFB00),
    (0x20000, 0x2A6E0),
    (0x2A700, 0x2EBF0),
    (0x2F800, 0x2FA20),
)


def changed() -> str:
    """The characters of RANGES that OpenCC t2s turns into another character, in code order."""
    import opencc  # noqa: PLC0415 - a build script; OpenCC is its whole point

    t2s = opencc.OpenCC("t2s")
    return "".join(chr(i) for a, b in RANGES for i in range(a, b) if t2s.convert(chr(i)) != chr(i))


def render() -> str:
    """The file's text: a comment line, then the characters, 80 to a line."""
    chars = changed()
    lines = [chars[i : i + 80] for i in range(0, len(chars), 80)]
    head = "# Characters OpenCC t2s changes (scripts/gen_traditional.py); one run, 80 a line.\n"
    return head + "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
