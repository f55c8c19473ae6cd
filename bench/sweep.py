"""False-alarm sweep: ``factcheck check ARTICLE.txt`` on real articles nobody developed against.

Each ``NAME.txt`` of the sweep folder (tests/data/sweep/) is checked as an editor checks it,
``factcheck check NAME.txt --published DATE --format json`` in a subprocess (``DATE`` from
``NAME.meta.yaml``, left out when the meta gives none). Printed per text: the exit status, the
number of findings that gate (``gating`` in the JSON report: severity at or above ``--fail-on
error``, neither accepted nor baselined; README.md, "Exit codes") and each one's code, line and
message, with the number of claims checked and of checks that held (what the sweep could have
caught). The articles are as published, so a gating finding is a false alarm unless the article
itself is inconsistent: only a hand judgement can tell.

``--judged FILE`` (tests/data/sweep/judged.yaml) holds those judgements, one per finding::

    judgements:
    - file: cn-x.txt          # the article
      code: FC118
      line: 3                 # the finding's line in the article
      quote: 一季度全省生产总值7065.7亿元   # the quote of the finding's claim, as reported
      real: false             # true: the article is inconsistent; false: a false alarm
      why: the cause (false) or the arithmetic (true)

A finding is matched to a judgement by (file, code, line, quote); the counts printed are false
alarms, true findings and unjudged findings, and false alarms per ten articles.

Run: ``python bench/sweep.py [--dir DIR] [--judged FILE] [-v]``; with ``PYTHONPATH`` pointing at
the ``src`` of the tree to measure (the commit of that tree is printed).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SWEEP = ROOT / "tests" / "data" / "sweep"


@dataclass(frozen=True)
class Gating:
    """One gating finding of one article: what a judgement is keyed by, and what is shown."""

    file: str
    code: str
    line: int
    quote: str
    message: str

    @property
    def key(self) -> tuple[str, str, int, str]:
        """The judgement key: article, code, line and quote (stable across claim ids)."""
        return (self.file, self.code, self.line, self.quote)


@dataclass(frozen=True)
class Outcome:
    """The check of one article: its exit status, gating findings and problems."""

    name: str
    exit_code: int
    gating: tuple[Gating, ...]
    problems: tuple[str, ...]
    claims: int = 0  # claims drafted with confidence and checked
    consistent: int = 0  # checks that held


def published(article: Path) -> str | None:
    """The article's publication date from its meta file (``None`` when not given)."""
    meta = yaml.safe_load(article.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
    value = meta.get("published")
    return str(value) if value else None


def check(article: Path) -> Outcome:
    """Run ``factcheck check`` on one article and keep what gates."""
    command = [sys.executable, "-m", "factcheck", "check", str(article), "--format", "json"]
    command += ["--no-cache"]
    date = published(article)
    if date:
        command += ["--published", date]
    run = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    return read_report(article.name, run.returncode, run.stdout, run.stderr)


def read_report(name: str, exit_code: int, stdout: str, stderr: str) -> Outcome:
    """The outcome of one run from its JSON report (a run that wrote none keeps its stderr as a
    problem: ``E303 no claims were checked`` when nothing was drafted with confidence)."""
    try:
        report: dict[str, Any] = json.loads(stdout)
    except json.JSONDecodeError:
        return Outcome(name, exit_code, (), tuple(stderr.strip().splitlines()))
    gating = tuple(
        Gating(name, f["code"], _line(f), f.get("quote", ""), f["message"])
        for f in report["findings"]
        if f.get("gating")
    )
    problems = tuple(p.get("message", str(p)) for p in report.get("problems", []))
    problems += tuple(stderr.strip().splitlines())
    counts = report.get("counts", {})
    return Outcome(
        name, exit_code, gating, problems, counts.get("claims", 0), counts.get("consistent", 0)
    )


def _line(finding: dict[str, Any]) -> int:
    """The finding's line in the article (the drafted claims are the article's own lines)."""
    return int(finding.get("article_line") or finding["line"])


def load_judged(path: Path) -> dict[tuple[str, str, int, str], bool]:
    """The hand judgements: key → ``True`` (the article is inconsistent) or ``False``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        (j["file"], j["code"], int(j["line"]), str(j["quote"])): bool(j["real"])
        for j in data.get("judgements") or []
    }


def tally(outcomes: list[Outcome], judged: dict[tuple[str, str, int, str], bool]) -> dict[str, int]:
    """Counts of gating findings by judgement: false alarms, true findings, unjudged."""
    counts = {"findings": 0, "false_alarms": 0, "true": 0, "unjudged": 0}
    for outcome in outcomes:
        for finding in outcome.gating:
            counts["findings"] += 1
            verdict = judged.get(finding.key)
            key = "unjudged" if verdict is None else "true" if verdict else "false_alarms"
            counts[key] += 1
    return counts


def commit() -> str:
    """The commit of the tree the ``factcheck`` package is imported from, if it is a git tree."""
    spec = importlib.util.find_spec("factcheck")
    if spec is None or spec.origin is None:
        return "factcheck not importable"
    where = Path(spec.origin).resolve().parent
    run = subprocess.run(
        ["git", "-C", str(where), "log", "-1", "--format=%h %cI %s"],
        capture_output=True,
        text=True,
        check=False,
    )
    return f"{where} at {run.stdout.strip()[:100]}" if run.returncode == 0 else str(where)


def _label(finding: Gating, judged: dict[tuple[str, str, int, str], bool]) -> str:
    verdict = judged.get(finding.key)
    return "unjudged" if verdict is None else "true" if verdict else "false alarm"


def main() -> None:
    """Check every article of the sweep and print the findings (and the judged counts)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=SWEEP)
    parser.add_argument("--judged", type=Path, help="YAML of hand judgements")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print each quote")
    args = parser.parse_args()
    judged = load_judged(args.judged) if args.judged else {}
    articles = sorted(args.dir.glob("*.txt"))
    print(f"factcheck from {commit()}")
    outcomes = []
    for article in articles:
        outcome = check(article)
        outcomes.append(outcome)
        print(
            f"{outcome.name}: exit {outcome.exit_code}, {outcome.claims} claims checked, "
            f"{outcome.consistent} consistent, {len(outcome.gating)} gating"
        )
        for finding in outcome.gating:
            mark = f" [{_label(finding, judged)}]" if args.judged else ""
            print(f"  {finding.line}: {finding.code} {finding.message}{mark}")
            if args.verbose:
                print(f"     quote: {finding.quote}")
        for problem in outcome.problems:
            print(f"  problem: {problem}")
    counts = tally(outcomes, judged)
    n = len(outcomes)
    claims = sum(o.claims for o in outcomes)
    consistent = sum(o.consistent for o in outcomes)
    line = f"{n} articles, {claims} claims checked, {consistent} consistent"
    line += f", {counts['findings']} gating findings"
    if args.judged:
        per_ten = 10 * counts["false_alarms"] / max(n, 1)
        line += (
            f": {counts['false_alarms']} false alarms ({per_ten:.1f} per ten articles), "
            f"{counts['true']} true findings, {counts['unjudged']} unjudged"
        )
    print(line)


if __name__ == "__main__":
    main()
