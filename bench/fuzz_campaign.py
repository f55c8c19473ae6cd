"""A long fuzz campaign over every parser that reads user input (issue 8).

It runs the targets and strategies of ``tests/test_fuzz.py`` (the parsers) and
``tests/test_fuzz_hostile.py`` (issue 15's families: article paths, devices, long runs, many
statements of one quantity, places to write to) under hypothesis, without shrinking and without
stopping at the first failure: every input is counted, and every exception other than the clean
``InputError``/``ValueProblem`` contract (or a broken contract) is a crash, grouped by where it
was raised. For each family it prints the inputs tried, the exit codes the inputs would give
(0/1 a run, 2 a coded input problem, 3 a crash; a parser target that keeps its contract counts
as 0), the hangs (an input taking over 10 s) and the slowest input; then the peak memory of the
processes. It exits 1 if it found a crash or a hang.

    python bench/fuzz_campaign.py --examples 100000 [--jobs 2] [--seed 0] [--targets value unit]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
import traceback
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import test_fuzz
import test_fuzz_hostile

TARGETS = {**test_fuzz.TARGETS, **test_fuzz_hostile.TARGETS}
HANG = 10.0  # seconds: an input taking longer is a hang
Crash = tuple[str, str, str]  # target, exception type, where it was raised


def _where(exc: BaseException) -> str:
    """The innermost frame of our own code (or the last frame) that raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "factcheck" in f.filename or "test_fuzz" in f.filename]
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


class Tally:
    """What one target's inputs gave: counts by exit code, hangs, the slowest input."""

    def __init__(self) -> None:
        self.tried = 0
        self.codes: Counter[int] = Counter()
        self.hangs = 0
        self.slowest = 0.0
        self.crashes: dict[Crash, Any] = {}

    def merge(self, other: Tally) -> None:
        self.tried += other.tried
        self.codes.update(other.codes)
        self.hangs += other.hangs
        self.slowest = max(self.slowest, other.slowest)
        for key, sample in other.crashes.items():
            self.crashes.setdefault(key, sample)


def run_target(name: str, examples: int, job_seed: int) -> Tally:
    """Run one target for ``examples`` inputs."""
    strategy, target = TARGETS[name]
    tally = Tally()

    @seed(job_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # no shrinking: a campaign counts, the tests minimise
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def campaign(data: Any) -> None:
        tally.tried += 1
        start = time.perf_counter()
        try:
            code = target(data)
            tally.codes[code if isinstance(code, int) else 0] += 1
        except Exception as exc:  # noqa: BLE001 - every escape is a finding: keep going
            tally.codes[3] += 1
            key = (name, type(exc).__name__, _where(exc))
            tally.crashes.setdefault(key, (repr(data)[:200], str(exc)[:200]))
        took = time.perf_counter() - start
        tally.slowest = max(tally.slowest, took)
        if took > HANG:
            tally.hangs += 1
            tally.crashes.setdefault((name, "hang", f"{took:.0f} s"), (repr(data)[:200], ""))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        campaign()
    return tally


def run_job(
    targets: list[str], per_target: int, job_seed: int
) -> tuple[list[tuple[str, Tally]], int]:
    """One process's share: every target, with its own seed; and the process's peak memory
    (KiB)."""
    try:
        out = [(name, run_target(name, per_target, job_seed)) for name in targets]
        return out, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:  # pool workers end without running atexit handlers
        shutil.rmtree(test_fuzz.workspace(), ignore_errors=True)
        shutil.rmtree(test_fuzz_hostile.place(), ignore_errors=True)


def main() -> int:
    """Parse the arguments, run the campaign, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs in all")
    parser.add_argument("--jobs", type=int, default=1, help="processes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--targets", nargs="*", default=list(TARGETS))
    args = parser.parse_args()
    unknown = set(args.targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; expected {list(TARGETS)}")
    per_target = max(1, args.examples // (len(args.targets) * args.jobs))

    start = time.perf_counter()
    tallies = {name: Tally() for name in args.targets}
    peak = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [
            pool.submit(run_job, args.targets, per_target, args.seed + job)
            for job in range(args.jobs)
        ]
        for future in futures:
            found, rss = future.result()
            peak = max(peak, rss)
            for name, tally in found:
                tallies[name].merge(tally)
    elapsed = time.perf_counter() - start

    crashes: dict[Crash, Any] = {}
    for name in args.targets:
        t = tallies[name]
        codes = " ".join(f"{code}:{t.codes[code]:,}" for code in sorted(t.codes))
        print(
            f"{name:16} {t.tried:>9,} inputs  exit {codes:30} hangs {t.hangs}  "
            f"slowest {t.slowest:.2f} s  {len(t.crashes) - t.hangs} crashes"
        )
        crashes.update(t.crashes)
    for (name, kind, where), (sample, message) in sorted(crashes.items()):
        print(f"CRASH {name}: {kind} at {where}: {message}\n      input: {sample}")
    total = sum(t.tried for t in tallies.values())
    print(
        f"tried {total:,} inputs in {elapsed:.0f} s ({total / elapsed:,.0f}/s): "
        f"{len(crashes)} crashes or hangs; peak memory of a process {peak / 1024:.0f} MiB"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
