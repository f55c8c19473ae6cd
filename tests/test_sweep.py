"""The false-alarm sweep (tests/data/sweep, bench/sweep.py): its files agree with each other, and
the sweep keeps what gates and counts judgements as its docstring says. No extractor is run."""

import datetime
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SWEEP = ROOT / "tests" / "data" / "sweep"
CORPUS = ROOT / "tests" / "data" / "corpus"
ARTICLES = sorted(SWEEP.glob("*.txt"))
META_KEYS = ("source", "title", "publisher", "published", "language", "script", "retrieved")


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sweep", ROOT / "bench" / "sweep.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sweep"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


sweep = _load_script()


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_every_text_has_its_meta(article: Path) -> None:
    meta = _yaml(article.with_suffix(".meta.yaml"))
    assert set(META_KEYS) <= meta.keys()
    for key in META_KEYS:
        assert key == "published" or meta[key], key
    if meta["published"] is not None:
        datetime.date.fromisoformat(meta["published"])
    text = article.read_text(encoding="utf-8")
    assert meta["chars"] == len(text)
    assert len(text) >= 600
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_every_meta_has_its_text() -> None:
    metas = {p.name.removesuffix(".meta.yaml") for p in SWEEP.glob("*.meta.yaml")}
    assert metas == {p.stem for p in ARTICLES}


def test_the_sweep_has_the_texts_asked_for() -> None:
    scripts = [_yaml(p.with_suffix(".meta.yaml"))["script"] for p in ARTICLES]
    assert (scripts.count("simplified"), scripts.count("traditional")) >= (6, 5)
    assert scripts.count("latin") >= 4


def test_no_sweep_text_comes_from_the_corpus() -> None:
    corpus = {_yaml(p)["source"] for p in CORPUS.glob("*.meta.yaml")}
    sweep_sources = [_yaml(p.with_suffix(".meta.yaml"))["source"] for p in ARTICLES]
    assert not corpus & set(sweep_sources)
    assert len(set(sweep_sources)) == len(sweep_sources)


def test_the_readme_lists_every_text() -> None:
    readme = (SWEEP / "README.md").read_text(encoding="utf-8")
    for article in ARTICLES:
        assert f"`{article.stem}`" in readme, article.stem


def test_every_judgement_names_a_line_of_an_article() -> None:
    judgements = _yaml(SWEEP / "judged.yaml")["judgements"] or []
    keys = set()
    for j in judgements:
        lines = (SWEEP / j["file"]).read_text(encoding="utf-8").splitlines()
        assert 1 <= j["line"] <= len(lines), j
        assert j["code"].startswith("FC") and j["quote"], j
        assert isinstance(j["real"], bool) and j["why"].strip(), j
        keys.add((j["file"], j["code"], j["line"], j["quote"]))
    assert len(keys) == len(judgements)  # one judgement per finding


def _report(*findings: dict[str, Any]) -> str:
    return json.dumps({"findings": list(findings), "problems": [], "counts": {"claims": 7}})


def _finding(code: str, line: int, quote: str, gating: bool) -> dict[str, Any]:
    return {"code": code, "line": line, "article_line": line, "quote": quote, "message": "m"} | {
        "gating": gating
    }


def test_the_sweep_keeps_only_what_gates() -> None:
    gate = _finding("FC118", 3, "生产总值7065.7亿元", True)
    warning = _finding("FC121", 4, "年均增长33.8%", False)
    outcome = sweep.read_report("a.txt", 1, _report(gate, warning), "")
    assert [g.key for g in outcome.gating] == [("a.txt", "FC118", 3, "生产总值7065.7亿元")]
    assert outcome.claims == 7


def test_a_run_without_a_report_keeps_its_error() -> None:
    outcome = sweep.read_report("b.txt", 2, "", "factcheck: error: E303 no claims were checked\n")
    assert outcome.gating == () and outcome.problems == (
        "factcheck: error: E303 no claims were checked",
    )


def test_judgements_are_counted_by_their_key(tmp_path: Path) -> None:
    judged = tmp_path / "judged.yaml"
    judged.write_text(
        "judgements:\n"
        "- {file: a.txt, code: FC118, line: 3, quote: q1, real: false, why: wrong period}\n"
        "- {file: a.txt, code: FC113, line: 5, quote: q2, real: true, why: 7.4 + 13.7 > 19.3}\n",
        encoding="utf-8",
    )
    findings = [
        _finding("FC118", 3, "q1", True),  # judged false: a false alarm
        _finding("FC113", 5, "q2", True),  # judged true
        _finding("FC113", 6, "q2", True),  # another line: unjudged
    ]
    outcome = sweep.read_report("a.txt", 1, _report(*findings), "")
    counts = sweep.tally([outcome], sweep.load_judged(judged))
    assert counts == {"findings": 3, "false_alarms": 1, "true": 1, "unjudged": 1}
