"""Every rule kind, tested through its YAML fixture of passing and failing cases (STYLE.md 14).

One parametrized test runs each case of ``tests/fixtures/kinds/*.yaml`` through the real loader
and engine and compares the set of ``(code, claim, verdict)`` of everything the engine reported
(findings and passes) with the case's expectation, worked out by hand in the fixture's comments.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import fields
from pathlib import Path
from types import ModuleType

import pytest
from kindcases import Case, detail_mismatches, expectations, load_cases, run_case, triple

from factcheck.codes import FINDINGS
from factcheck.finding import from_row, to_row
from factcheck.kinds import REGISTRY
from factcheck.kinds.base import Doc, Option

CASES = load_cases()
GENERATOR = Path(__file__).resolve().parents[1] / "scripts" / "gen_rule_docs.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rule_docs", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_kind_case(case: Case, tmp_path: Path) -> None:
    result = run_case(case, tmp_path)
    found = [*result.findings, *result.passed]
    expected = {(e["code"], e["claim"], e["verdict"]) for e in expectations(case)}
    assert {triple(f) for f in found} == expected
    assert detail_mismatches(case, found) == []
    for f in found:  # every code a kind yields is one it declares (and so is documented)
        assert f.code in REGISTRY[f.check].CODES, (f.check, f.code)
    # Every finding survives the cache: its row, through JSON, reads back as the same finding.
    rows = json.loads(json.dumps([to_row(f) for f in found], ensure_ascii=False))
    assert [from_row(r) for r in rows] == found


def test_every_kind_has_a_fixture_with_passing_and_failing_cases() -> None:
    kinds = {c.kind for c in CASES}
    assert kinds == set(REGISTRY)
    for kind in REGISTRY:
        verdicts = {e["verdict"] for c in CASES if c.kind == kind for e in expectations(c)}
        assert verdicts - {"consistent"}, f"{kind}: no case that reports something"
        # The network reports no passes: each relation it holds is passed by its own kind.
        if kind not in ("derived", "coverage", "draft", "network"):
            assert "consistent" in verdicts, f"{kind}: no passing case"


def test_case_names_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_kind_is_complete(kind: str) -> None:
    module = REGISTRY[kind]
    assert kind == module.KIND
    assert isinstance(module.DOC, Doc)
    for field in fields(Doc):
        text = getattr(module.DOC, field.name)
        assert isinstance(text, str) and text.strip(), f"{kind}: DOC.{field.name} is empty"
    assert module.CODES and set(module.CODES) <= set(FINDINGS)
    for name, option in module.OPTIONS.items():
        assert isinstance(option, Option) and option.doc.strip(), f"{kind}: option {name}"
    assert callable(module.check) and module.check.__doc__


def test_rule_docs_are_in_sync() -> None:
    generator = _generator()
    assert generator.OUT.read_text(encoding="utf-8") == generator.render(), (
        "docs/rules.md is out of date: run python scripts/gen_rule_docs.py"
    )
    text = generator.render()
    for kind, module in REGISTRY.items():
        assert f"## {kind}" in text and module.DOC.passes in text and module.DOC.fails in text
