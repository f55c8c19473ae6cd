"""The extractor's scores (bench/score_extract.py) on two parts of the corpus: the articles
looked at closely while the extractor was developed, and the held-out rest.

Run: ``python bench/score_split.py [--hints] [--held-out NAMES]`` (default: the held-out list
of docs/extract.md, "Scoring on the corpus").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HELD_OUT = (
    "cn-dezhou-2014q1",
    "cn-hlj-work-report-2023",
    "mo-dsec-gdp-2023q3",
    "hk-am730-work-report-2026",
    "tw-udn-gdp-2025q4",
    "en-xinhua-factbox-2017",
    "cn-nbd-century-economy-2021",
    # joined during issue 16 (corpus16), labelled blind, never looked at while developing
    "cn-nbd-2021q1",
    "hk-hkcnews-gdp-2021q3",
    "en-bea-gdp-2017q3",
    "en-ons-gdp-2022q3",
    "cn-sina-gdp-2021q3",
    "cn-sina-zhejiang-decade-2022",
    "hk-hkcnews-trade-retail-2021",
    # joined in this session (corpus), labelled blind, never looked at while developing
    "cn-nbs-industrial-profits-2021-11",
    "cn-sina-jiangsu-trade-2021",
    "hk-hkcnews-unemployment-2020q2",
    "tw-udn-gdp-2025q3",
    "en-census-trade-2019-06",
    "en-cgtn-china-gdp-2019",
)
MEASURES = ("found", "nonfig", "kind", "value", "period", "metric", "links", "links~", "all3")


def main() -> None:
    """Print one row per part of the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hints", action="store_true")
    parser.add_argument("--held-out", default=",".join(HELD_OUT))
    args = parser.parse_args()
    held = set(args.held_out.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        cmd = [sys.executable, str(HERE / "score_extract.py"), "--json", str(out)]
        cmd += ["--hints"] if args.hints else []
        subprocess.run(cmd, check=True, capture_output=True)
        articles = json.loads(out.read_text(encoding="utf-8"))["articles"]
    print("part          " + "".join(f"{m:>9}" for m in MEASURES))
    for title, names in (
        ("developed on", [n for n in articles if n not in held]),
        ("held out", [n for n in articles if n in held]),
        ("all", list(articles)),
    ):
        row = []
        for m in MEASURES:
            right = sum(articles[n]["counts"][m][0] for n in names)
            total = sum(articles[n]["counts"][m][1] for n in names)
            row.append(f"{100 * right / total:8.0f}%" if total else "        -")
        print(f"{title:<14}" + "".join(row))


if __name__ == "__main__":
    main()
