"""Network benchmark: one claims file whose claims all run through unstated quantities, in one
connected component, checked in process (load and check, medians of ``--repeat`` runs).

Per metric k: its 2025 level (stated), its 2025 growth rate (the 2024 level is not stated), the
2024 amount of change (nor is the 2023 level), and the ratio of its 2023 level to metric k+1's:
four claims, and the ratios chain every metric into one component. Every written figure is the
rounding of a true value, so the network is consistent and must stay silent.

    python bench/bench_network.py [--sizes 500 1000 2000 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from factcheck.engine import check_file
from factcheck.loader import load_claims
from factcheck.rulepack import load_pack


def write(folder: Path, n_claims: int, seed: int = 1) -> Path:
    """The article and claims file of about n_claims claims; the claims file's path."""
    rng = random.Random(seed)
    k_max = max(2, n_claims // 4)
    x23 = [rng.uniform(100, 900) for _ in range(k_max)]
    sentences, claims = [], []
    for k in range(k_max):
        m = f"指标{k}"
        a23 = x23[k]
        a24 = a23 + rng.uniform(1, 50)
        a25 = a24 * (1 + rng.uniform(0.01, 0.09))
        v25 = f"{a25:.1f}亿元"
        rate = f"{(a25 / a24 - 1) * 100:.2f}%"
        amount = f"增加{a24 - a23:.2f}亿元"
        s = [f"{m}2025年为{v25}", f"{m}增长{rate}", f"{m}上年{amount}"]
        claims += [
            f"  - {{id: l{k}, kind: level, quote: {s[0]}, metric: {m}, period: '2025', "
            f"value: {v25}}}",
            f"  - {{id: g{k}, kind: growth, quote: {s[1]}, metric: {m}, period: '2025', "
            f"value: {rate}, basis: nominal}}",
            f"  - {{id: a{k}, kind: growth, quote: {s[2]}, metric: {m}, period: '2024', "
            f"value: {amount}}}",
        ]
        if k + 1 < k_max:
            ratio = f"{a23 / x23[k + 1]:.4f}"
            s.append(f"{m}与指标{k + 1}之比{ratio}")
            claims.append(
                f"  - {{id: r{k}, kind: ratio, quote: {s[3]}, metrics: [{m}, 指标{k + 1}], "
                f"period: '2023', value: '{ratio}'}}"
            )
        sentences.append("，".join(s) + "。")
    (folder / "a.txt").write_text("\n".join(sentences), encoding="utf-8")
    path = folder / "a.yaml"
    head = "version: 1\narticle: a.txt\nentity: 全市\nclaims:\n"
    path.write_text(head + "\n".join(claims) + "\n", encoding="utf-8")
    return path


def main() -> None:
    """Print a Markdown table of time against size."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pack = load_pack()
    print("| claims | nodes | check (s) | µs per claim | time / (n log n), first = 1 |")
    print("|---:|---:|---:|---:|---:|")
    first = None
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = write(Path(tmp), n)
            file = load_claims(path, pack)
            times, found = [], None
            for _ in range(args.repeat):
                start = time.perf_counter()
                found = check_file(file, pack)
                times.append(time.perf_counter() - start)
            seconds = statistics.median(times)
            assert found is not None
            wrong = [f for f in found.findings if f.code == "FC119"]
            if wrong:
                sys.exit(f"false alarm at {n} claims: {wrong[0].message}")
            claims = len(file.claims)
            per = seconds / (claims * math.log(claims))
            first = first or per
            print(
                f"| {claims} | {claims // 4 * 3} | {seconds:.2f} | {seconds / claims * 1e6:.0f} "
                f"| {per / first:.2f} |"
            )


if __name__ == "__main__":
    main()
