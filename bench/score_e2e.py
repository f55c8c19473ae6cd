"""End to end on the corpus: ``factcheck check ARTICLE.txt`` on each article as published and on
its seeded copy (issue 16, point 4).

* **False alarms**: every inconsistency finding (verdict ``inconsistent``) on an article as
  published is false: by hand arithmetic every relation of the originals holds
  (tests/data/corpus/README.md). Target: at most one per ten articles.
* **Seeded errors flagged**: a change recorded in ``NAME.seeded.yaml`` is flagged when an
  inconsistency finding on ``NAME.seeded.txt`` rests on the changed figure: the figure lies in the
  mention of the finding's claim or of one of its related claims. Target: at least 70%.

The drafts are made in process, as ``check`` makes them (:func:`factcheck.extract.check
.check_article`). ``--held-out A,B`` reports those articles apart (the ones not looked at while
the extractor was developed).

Run: ``python bench/score_e2e.py [--corpus DIR] [--held-out NAMES] [-v]``.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

import yaml

from factcheck.extract.check import check_article
from factcheck.extract.dating import parse_published
from factcheck.extract.draft import draft_claims
from factcheck.finding import Finding
from factcheck.rulepack import RulePack, load_pack

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"


def _published(path: Path) -> datetime.date | None:
    """The publication date of the article (its meta file's ``published``), if any: the
    publication context, as ``score_extract.py`` passes it."""
    meta = path.parent / f"{path.name.split('.')[0]}.meta.yaml"
    value = (
        yaml.safe_load(meta.read_text(encoding="utf-8")).get("published")
        if meta.is_file()
        else None
    )
    return parse_published(value) if value else None


def _inconsistent(path: Path, pack: RulePack) -> list[Finding]:
    result = check_article(path, str(path), pack, path.parent, _published(path))
    assert not result.problems, result.problems
    return [f for f in result.findings if f.verdict == "inconsistent"]


def _spans(path: Path, pack: RulePack) -> dict[str, tuple[int, int]]:
    """Each drafted claim id → its mention's span in the article (a claim without a value of
    its own, a sum, → its quote)."""
    draft = draft_claims(path.read_text(encoding="utf-8"), pack, published=_published(path))
    spans = {i: s for c in draft.claims if c.spans for i, s in zip(c.ids, c.spans, strict=True)}
    spans.update({c.ids[0]: (c.start, c.end) for c in draft.claims if not c.spans})
    return spans


def score(corpus: Path, names: list[str], verbose: bool) -> dict[str, float]:
    """False alarms per article and the share of seeded errors flagged, over ``names``."""
    pack = load_pack(None)
    alarms = seeded = flagged = 0
    for name in names:
        original = corpus / f"{name}.txt"
        false = _inconsistent(original, pack)
        alarms += len(false)
        if verbose:
            for f in false:
                print(f"  false alarm {name}:{f.line} {f.code} {f.message[:100]}")
        record = corpus / f"{name}.seeded.yaml"
        if not record.exists():
            continue
        changes = yaml.safe_load(record.read_text(encoding="utf-8"))["changes"]
        copy = corpus / f"{name}.seeded.txt"
        findings = _inconsistent(copy, pack)
        spans = _spans(copy, pack)
        for change in changes:
            seeded += 1
            at = change["offset"]
            hit = any(
                a <= at < b
                for f in findings
                for cid in (f.claim, *(r.id for r in f.related))
                for a, b in [spans.get(cid, (-1, -1))]
            )
            flagged += hit
            if verbose:
                print(f"  {'flagged' if hit else 'missed '} {name} {change['new']}")
    return {
        "articles": len(names),
        "false_alarms": alarms,
        "per_ten_articles": 10 * alarms / max(len(names), 1),
        "seeded": seeded,
        "flagged": flagged,
        "flagged_share": flagged / max(seeded, 1),
    }


def _show(title: str, s: dict[str, float]) -> None:
    print(
        f"{title}: {s['articles']} articles, {s['false_alarms']} false alarms "
        f"({s['per_ten_articles']:.1f} per ten articles; target <= 1); seeded errors flagged "
        f"{s['flagged']}/{s['seeded']} = {100 * s['flagged_share']:.0f}% (target >= 70%)"
    )


def main() -> None:
    """Score the corpus (and the held-out articles apart)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--held-out", default="", help="comma-separated article names")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    names = sorted(
        p.name.removesuffix(".txt")
        for p in args.corpus.glob("*.txt")
        if not p.name.endswith(".seeded.txt")
    )
    held = [n for n in args.held_out.split(",") if n]
    _show("all", score(args.corpus, names, args.verbose))
    if held:
        _show("developed on", score(args.corpus, [n for n in names if n not in held], False))
        _show("held out", score(args.corpus, [n for n in names if n in held], False))


if __name__ == "__main__":
    main()
