"""Cold-start benchmark: whole processes, medians, as ratios to ``python -c pass`` measured in the
same run (these machines are noisy: only ratios taken together mean anything).

    python bench/bench_cold.py [--repeat 21] [--claims FOLDER] [--article FILE]
    (default: the example, claims/ and claims/jinchang-2025.txt)

Rows: ``python -c pass`` (the baseline), ``factcheck --help``, ``factcheck check`` on the
example as a fresh clone runs it (an empty cache folder: every claim loaded and checked, the
cache written), with the cache warm (the editor's case: the second run onwards), with
``--no-cache``, and ``factcheck check ARTICLE.txt`` (drafted in memory, no cache).

The commands take turns: each round runs every row once, so a burst of load from other work on
the machine falls on all of them alike. Bytecode is written and read as in an installed package
(``PYTHONDONTWRITEBYTECODE`` is dropped from the environment of the runs): a fresh clone's
first run compiles factcheck's modules once, like any Python project's, not what is measured. So
are compiled regular expressions (factcheck/recache.py, kept beside the bytecode): the warm-up
run writes them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from installed import require_factcheck

ROOT = Path(__file__).resolve().parents[1]


def once(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one run; a command that fails (exit 2 or more: findings give 1) stops the
    benchmark."""
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return elapsed


def main() -> None:
    """Print the table of medians and ratios."""
    require_factcheck()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--claims", default=str(ROOT / "claims"))
    parser.add_argument("--article", default=str(ROOT / "claims" / "jinchang-2025.txt"))
    args = parser.parse_args()
    exe = shutil.which("factcheck") or ""
    factcheck = [exe] if exe else [sys.executable, "-m", "factcheck"]
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm_env = {**base_env, "FACTCHECK_CACHE_DIR": str(tmp / "warm"), "NO_COLOR": "1"}
    check = [*factcheck, "check", args.claims]
    # (name, command, target ratio, fresh cache folder for every run)
    rows: list[tuple[str, list[str], float | None, bool]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], None, False),
        ("factcheck --help", [*factcheck, "--help"], 8, False),
        ("factcheck check claims/ (fresh clone: empty cache folder)", check, 10, True),
        ("factcheck check claims/ (cache warm)", check, 6, False),
        ("factcheck check claims/ --no-cache", [*check, "--no-cache"], None, False),
        (
            f"factcheck check {Path(args.article).name} (drafted in memory, --no-cache)",
            [*factcheck, "check", args.article, "--no-cache"],
            15,
            False,
        ),
    ]
    times: list[list[float]] = [[] for _ in rows]
    try:
        for _, cmd, _, _ in rows:  # warm-up: file-system cache, bytecode, the warm cache
            once(cmd, warm_env)
        for i in range(args.repeat):
            for row, (_, cmd, _, fresh) in enumerate(rows):
                env = {**warm_env, "FACTCHECK_CACHE_DIR": str(tmp / f"fresh{i}")} if fresh else None
                times[row].append(once(cmd, env or warm_env))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    medians = [statistics.median(t) for t in times]
    base = medians[0]
    print(
        f"median of {args.repeat} interleaved runs each; ratio = median / median of "
        "`python -c pass`\n"
    )
    print("| command | median (ms) | ratio | target | met |")
    print("|---|---:|---:|---:|:---:|")
    for (name, _, target, _), seconds in zip(rows, medians, strict=True):
        ratio = seconds / base
        goal = f"≤ {target:g}×" if target else ("baseline" if seconds == base else "—")
        met = ("yes" if ratio <= target else "**no**") if target else ""
        print(f"| `{name}` | {seconds * 1000:.0f} | {ratio:.1f}× | {goal} | {met} |")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"\nPython: {sys.version.split()[0]}, {os.cpu_count()} cores, load average at the end "
        f"{load:.1f}, {Path(exe or 'python')}"
    )


if __name__ == "__main__":
    main()
