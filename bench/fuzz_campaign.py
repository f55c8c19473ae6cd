"""A long fuzz campaign over every parser that reads user input (issue 8).

It runs the targets and strategies of ``tests/test_fuzz.py`` under hypothesis, without shrinking
and without stopping at the first failure: every input is counted, and every exception other
than the clean ``InputError``/``ValueProblem`` contract (or a broken contract) is a crash,
grouped by where it was raised. It prints how many inputs it tried and how many crashes it found,
and exits 1 if it found any.

    python bench/fuzz_campaign.py --examples 100000 [--jobs 2] [--seed 0] [--targets value unit]
"""

from __future__ import annotations

import argparse
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

Crash = tuple[str, str, str]  # target, exception type, where it was raised


def _where(exc: BaseException) -> str:
    """The innermost frame of our own code (or the last frame) that raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "factcheck" in f.filename or "test_fuzz" in f.filename]
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


def run_target(name: str, examples: int, job_seed: int) -> tuple[int, dict[Crash, Any]]:
    """Run one target for ``examples`` inputs; the number tried and each crash with a sample."""
    strategy, target = test_fuzz.TARGETS[name]
    tried = 0
    crashes: dict[Crash, Any] = {}

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
        nonlocal tried
        tried += 1
        try:
            target(data)
        except Exception as exc:  # noqa: BLE001 - every escape is a finding of the campaign
            key = (name, type(exc).__name__, _where(exc))
            crashes.setdefault(key, (repr(data)[:200], str(exc)[:200]))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        campaign()
    return tried, crashes


def run_job(targets: list[str], per_target: int, job_seed: int) -> list[tuple[str, int, dict]]:
    """One process's share: every target, with its own seed."""
    try:
        return [(name, *run_target(name, per_target, job_seed)) for name in targets]
    finally:  # pool workers end without running atexit handlers
        shutil.rmtree(test_fuzz.workspace(), ignore_errors=True)


def main() -> int:
    """Parse the arguments, run the campaign, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs in all")
    parser.add_argument("--jobs", type=int, default=1, help="processes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--targets", nargs="*", default=list(test_fuzz.TARGETS))
    args = parser.parse_args()
    unknown = set(args.targets) - set(test_fuzz.TARGETS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; expected {list(test_fuzz.TARGETS)}")
    per_target = max(1, args.examples // (len(args.targets) * args.jobs))

    start = time.perf_counter()
    tried: Counter[str] = Counter()
    crashes: dict[Crash, Any] = {}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [
            pool.submit(run_job, args.targets, per_target, args.seed + job)
            for job in range(args.jobs)
        ]
        for future in futures:
            for name, count, found in future.result():
                tried[name] += count
                for key, sample in found.items():
                    crashes.setdefault(key, sample)
    elapsed = time.perf_counter() - start

    for name in args.targets:
        crashed = sum(1 for key in crashes if key[0] == name)
        print(f"{name:16} {tried[name]:>9,} inputs  {crashed} crashes")
    for (name, kind, where), (sample, message) in sorted(crashes.items()):
        print(f"CRASH {name}: {kind} at {where}: {message}\n      input: {sample}")
    total = sum(tried.values())
    print(
        f"tried {total:,} inputs in {elapsed:.0f} s ({total / elapsed:,.0f}/s): "
        f"{len(crashes)} crashes"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
