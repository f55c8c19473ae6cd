"""Cold-start benchmark: whole processes, medians, as ratios to ``python -c pass`` measured in the
same run (these machines are noisy: only ratios taken together mean anything).

    python bench/bench_cold.py [--repeat 21] [--claims FOLDER]  (default: the example, claims/)

Rows: ``python -c pass`` (the baseline), ``factcheck --help``, ``factcheck check`` on the
example with a warm cache (the editor's case: the second run onwards), and with ``--no-cache``
(every unit parsed by pint, every claim loaded and checked).
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


def timed(cmd: list[str], env: dict[str, str], repeat: int) -> float:
    """Median wall time of ``repeat`` runs, after one unmeasured warm-up (file-system cache);
    a command that fails (exit 2 or more: the example's findings give 1) stops the benchmark."""
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if warm.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {warm.returncode}:\n{warm.stderr}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the table of medians and ratios."""
    require_factcheck()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--claims", default=str(Path(__file__).resolve().parents[1] / "claims"))
    args = parser.parse_args()
    exe = shutil.which("factcheck") or ""
    factcheck = [exe] if exe else [sys.executable, "-m", "factcheck"]
    cache = tempfile.mkdtemp(prefix="factcheck-bench-")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": cache, "NO_COLOR": "1"}
    try:
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("factcheck --help", [*factcheck, "--help"], 8),
            (f"factcheck check {args.claims} (warm cache)", [*factcheck, "check", args.claims], 10),
            (
                f"factcheck check {args.claims} --no-cache",
                [*factcheck, "check", args.claims, "--no-cache"],
                None,
            ),
        ]
        results = [(name, timed(cmd, env, args.repeat), target) for name, cmd, target in rows]
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    base = results[0][1]
    print(f"median of {args.repeat} runs each; ratio = median / median of `python -c pass`\n")
    print("| command | median (ms) | ratio | target |")
    print("|---|---:|---:|---:|")
    for name, seconds, target in results:
        goal = f"≤ {target}×" if target else ("baseline" if seconds == base else "")
        print(f"| `{name}` | {seconds * 1000:.0f} | {seconds / base:.1f}× | {goal} |")
    print(f"\nPython: {sys.version.split()[0]}, {os.cpu_count()} cores, {Path(exe or 'python')}")


if __name__ == "__main__":
    main()
