"""Extraction throughput of ``factcheck extract``, in characters per second, on a large article.

The article is the example article (claims/jinchang-2025.txt) concatenated with variations of
it (digits shifted, full-width digits, other place names, 和 for 、), about a million characters.
Each stage is timed as the best of a few runs, next to baselines measured in the same run on the
same text, so the figures can be compared across machines as ratios:

* ``re.finditer(r"\\d+")``: one plain regex pass, the floor of any scan of the text;
* ``find_mentions``: the numeric-mention finder the extractor builds on;
* ``python -c pass``: the start-up of the interpreter, what every command pays anyway.

Run: ``python bench/bench_extract.py`` (``--copies N`` sets the size).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.extract import draft_text, run_extract
from factcheck.extract.draft import draft_claims
from factcheck.mentions import find_mentions
from factcheck.rulepack import load_pack

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "claims" / "jinchang-2025.txt"
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def variants(text: str, copies: int) -> str:
    """``copies`` variations of ``text``, joined by blank lines."""
    out = []
    for i in range(copies):
        shift = str.maketrans("0123456789", "".join(str((d + i) % 10) for d in range(10)))
        variant = text.translate(shift) if i % 4 == 1 else text
        if i % 4 == 2:
            variant = variant.translate(FULL_WIDTH)
        if i % 4 == 3:
            variant = variant.replace("金昌", "青川").replace("、", "和")
        out.append(variant)
    return "\n\n".join(out)


def best(run: Callable[[], object], repeat: int = 3) -> float:
    """The best wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Build the article, time every stage and baseline, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=128, help="variants of the example article")
    args = parser.parse_args()
    pack = load_pack()
    text = variants(EXAMPLE.read_text(encoding="utf-8"), args.copies)
    draft_text(text[:5000], pack)  # warm: the cn2an import and the parsers' caches
    n = len(text)

    stages = {
        "draft_claims (drafting only)": best(lambda: draft_claims(text, pack)),
        "draft + YAML text": best(lambda: draft_text(text, pack)),
    }
    example = EXAMPLE.read_text(encoding="utf-8")

    def full_run() -> None:
        # The whole command on the example article: draft, load the text back with
        # load_claims (quotes checked against the article), write atomically.
        with tempfile.TemporaryDirectory() as folder:
            article = Path(folder) / EXAMPLE.name
            article.write_text(example, encoding="utf-8")
            run_extract(article, None, None, False, pack)

    whole = best(full_run)
    regex = best(lambda: sum(1 for _ in re.finditer(r"\d+", text)))
    mentions = best(lambda: find_mentions(text))
    startup = best(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    claims = len(draft_claims(text, pack).claims)
    print(
        f"article: {n:,} characters ({args.copies} variants of {EXAMPLE.name}), {claims:,} claims"
    )
    print(f"{'stage':34} {'seconds':>9} {'chars/s':>12} {'÷ regex':>9} {'÷ mentions':>11}")
    for name, seconds in stages.items():
        print(
            f"{name:34} {seconds:9.3f} {n / seconds:12,.0f} "
            f"{seconds / regex:8.0f}x {seconds / mentions:10.1f}x"
        )
    label = 'baseline re.finditer(r"\\d+")'
    print(f"{label:34} {regex:9.4f} {n / regex:12,.0f}")
    print(f"{'baseline find_mentions':34} {mentions:9.4f} {n / mentions:12,.0f}")
    print(f"{'baseline python -c pass':34} {startup:9.4f}")
    print(
        f"\nrun_extract on {EXAMPLE.name} ({len(example):,} characters; draft, validate, write): "
        f"{whole * 1000:.0f} ms, {len(example) / whole:,.0f} characters/s"
    )
    drafting = stages["draft + YAML text"]
    print(
        f"throughput: {n / drafting:,.0f} characters/s (draft + YAML text), "
        f"{drafting / regex:.0f}x a plain regex pass; a 20,000-character article takes "
        f"{20_000 / (n / drafting) * 1000:.0f} ms, {20_000 / (n / drafting) / startup:.1f}x "
        "the interpreter's start-up"
    )


if __name__ == "__main__":
    main()
