"""Scale benchmark: check N synthetic claims files and compare with PyYAML's C loader.

For each size it prints the wall time of a cold ``factcheck check --no-cache``, as run by default
(``--jobs auto``: one process per core once there is over a megabyte of claims) and on one
process (``--jobs 1``), against the time PyYAML's C loader (``yaml.load(..., Loader=CSafeLoader)``)
takes merely to load the same files, all as whole processes measured in the same run; plus claims
per second and peak memory. At the largest size it also measures ``--jobs 2`` against
``--jobs 1`` and a second, cached run against the first.

    python bench/bench_scale.py [--sizes 10 100 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_claims import generate
from installed import require_factcheck

LOAD = (
    "import sys, yaml\n"
    "for p in sys.argv[1:]:\n"
    "    with open(p, encoding='utf-8') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)
# The naive way (docs/stack-notes.md): every file loaded and kept, with the garbage collector
# on. Shown for reference only; the gate is the strict baseline above, which keeps nothing.
LOAD_ALL = (
    "import sys, yaml\n"
    "kept = []\n"
    "for p in sys.argv[1:]:\n"
    "    with open(p, encoding='utf-8') as f:\n"
    "        kept.append(yaml.load(f, Loader=yaml.CSafeLoader))\n"
)


# CPU seconds (user + system) of each command's runs, by folder and command.
CPU: dict[tuple[str, ...], list[float]] = {}


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one process (its CPU seconds go to CPU).
    factcheck exits 1 on the synthetic files' findings; the C loader must exit 0."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    CPU.setdefault((str(cwd), *cmd), []).append(usage.ru_utime + usage.ru_stime)
    code = os.waitstatus_to_exitcode(status)
    if code not in ((0, 1) if "factcheck" in cmd else (0,)):
        raise SystemExit(f"{' '.join(cmd[:4])} … exited {code}")
    return elapsed, usage.ru_maxrss


def median_run(
    cmd: list[str], cwd: Path, repeat: int, env: dict[str, str] | None = None
) -> tuple[float, int]:
    """Median wall time and the largest peak memory over ``repeat`` runs."""
    runs = [run(cmd, cwd, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    require_factcheck()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck", "check", "."]
    rows = []
    per_claim = {}
    cpu_ratio: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"n{n}"
            paths = generate(folder, n)
            claims = sum(p.read_text(encoding="utf-8").count("\n  - id:") for p in paths)
            names = [p.name for p in paths]
            repeat = args.repeat if n < 1000 else max(1, args.repeat - 1)
            load = [sys.executable, "-c", LOAD, *names]
            base, base_mem = median_run(load, folder, repeat)
            kept, _ = median_run([sys.executable, "-c", LOAD_ALL, *names], folder, repeat)
            auto, auto_mem = median_run(
                [*factcheck, "--no-cache", "--format", "text"], folder, repeat
            )
            single = [*factcheck, "--no-cache", "--jobs", "1", "--format", "text"]
            one, mem = median_run(single, folder, repeat)
            cpu_ratio[n] = statistics.median(CPU[(str(folder), *single)]) / statistics.median(
                CPU[(str(folder), *load)]
            )
            per_claim[n] = one / claims
            rows.append((n, claims, base, kept, auto, one, claims / auto, mem, auto_mem, base_mem))
        print(
            "| files | claims | C loader (s) | C loader, all kept (s) | factcheck (s) | ratio | "
            "factcheck --jobs 1 (s) | ratio | claims/s | peak MiB, --jobs 1 | "
            "peak MiB, largest process of the default | C loader peak MiB |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n, claims, base, kept, auto, one, rate, mem, auto_mem, base_mem in rows:
            print(
                f"| {n} | {claims} | {base:.2f} | {kept:.2f} | {auto:.2f} | {auto / base:.2f}× | "
                f"{one:.2f} | {one / base:.2f}× | {rate:,.0f} | {mem / 1024:.0f} | "
                f"{auto_mem / 1024:.0f} | {base_mem / 1024:.0f} |"
            )
        print(
            "\nratio = factcheck / C loader (each file loaded, nothing kept: the strict floor); "
            "factcheck = the default, --jobs auto"
        )
        print(
            "\nCPU time (user + system) of --jobs 1 / that of the C loader, same runs: "
            + ", ".join(f"{n} files {cpu_ratio[n]:.2f}×" for n in cpu_ratio)
            + " (less sensitive than wall time to other work on the machine)"
        )
        small, large = min(per_claim), max(per_claim)
        print(
            f"\ntime per claim (--jobs 1) at {large} files / at {small} files: "
            f"{per_claim[large] / per_claim[small]:.2f}×"
        )
        folder = Path(tmp) / f"n{large}"
        one, _ = median_run(
            [*factcheck, "--no-cache", "--jobs", "1", "--format", "text"], folder, args.repeat
        )
        two, _ = median_run(
            [*factcheck, "--no-cache", "--jobs", "2", "--format", "text"], folder, args.repeat
        )
        speed = f"{one / two:.2f}× faster" if one >= two else f"{two / one:.2f}× slower"
        print(
            f"--jobs 2 against --jobs 1 at {large} files (medians of {args.repeat}): "
            f"{one:.2f} s / {two:.2f} s = {speed}"
        )
        colds, warms = [], []
        for i in range(args.repeat):  # each pair starts from an empty cache folder
            env = {**os.environ, "FACTCHECK_CACHE_DIR": str(Path(tmp) / f"cache{i}")}
            colds.append(run([*factcheck, "--format", "text"], folder, env)[0])
            warms.append(run([*factcheck, "--format", "text"], folder, env)[0])
        cold, warm = statistics.median(colds), statistics.median(warms)
        print(
            f"cached second run at {large} files (medians of {args.repeat}): {cold:.2f} s / "
            f"{warm:.2f} s = {cold / warm:.1f}× faster"
        )


if __name__ == "__main__":
    main()
