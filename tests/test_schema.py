"""The JSON Schema of the claims format: in sync with the repo's copy, valid draft-07, and
accepting the example claims files while refusing what the loader refuses by shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from factcheck.codes import FINDINGS, INPUT_CODES
from factcheck.model import KINDS
from factcheck.schema import build, schema_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "claims.schema.json"
EXAMPLES = sorted((ROOT / "claims").glob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_cli_schema_equals_the_repo_copy() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "schema"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == SCHEMA.read_text(encoding="utf-8"), (
        "schema/claims.schema.json is stale: run `factcheck schema > schema/claims.schema.json`"
    )
    assert schema_text() == result.stdout


def test_schema_is_valid_draft_07() -> None:
    schema = build()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def test_kind_enum_matches_the_model() -> None:
    assert build()["definitions"]["claim"]["properties"]["kind"]["enum"] == list(KINDS)


def _claims(*claims: dict[str, Any]) -> dict[str, Any]:
    return {"version": 1, "article": "a.txt", "entity": "示例市", "claims": list(claims)}


LEVEL = {
    "id": "gdp-2025",
    "kind": "level",
    "quote": "2025年地区生产总值突破670亿元",
    "metric": "地区生产总值",
    "period": 2025,  # YAML reads 2025 as a number; the schema takes it
    "value": "突破670亿元",
}


@pytest.mark.parametrize(
    "doc",
    [
        _claims(LEVEL),
        _claims({**LEVEL, "id": ["a", "b"], "value": ["1亿元", "2亿元"]}),  # respectively
        _claims(
            {
                "id": "r",
                "kind": "ratio",
                "quote": "q",
                "metrics": ["a", "b"],
                "period": 2025,
                "value": "2.29:1",
            }
        ),
        _claims(
            {**LEVEL, "accept": [{"code": "FC161", "reason": "checked", "until": "2026-01-01"}]}
        ),
        {**_claims(LEVEL), "ignore": [{"quote": "5G", "reason": "name"}], "year": 2025},
    ],
)
def test_valid_documents(validator: jsonschema.Draft7Validator, doc: dict[str, Any]) -> None:
    assert list(validator.iter_errors(doc)) == []


@pytest.mark.parametrize(
    "doc",
    [
        {"article": "a.txt", "claims": []},  # no entity
        {**_claims(), "extra": 1},
        _claims({**LEVEL, "metirc": "x"}),  # unknown field
        _claims({**LEVEL, "kind": "levle"}),  # unknown kind
        _claims({k: v for k, v in LEVEL.items() if k != "quote"}),  # missing quote
        _claims({**LEVEL, "basis": "sideways"}),
        _claims({**LEVEL, "accept": [{"code": "FC999", "reason": "x"}]}),
        {**_claims(), "ignore": [{"quote": "5G", "reason": "because"}]},
        {**_claims(), "version": 2},
    ],
)
def test_invalid_documents(validator: jsonschema.Draft7Validator, doc: dict[str, Any]) -> None:
    assert list(validator.iter_errors(doc)) != []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_claims_validate(validator: jsonschema.Draft7Validator, path: Path) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


# ---- docs/codes.md ---------------------------------------------------------------------------


def test_every_code_is_documented() -> None:
    text = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| ")}
    missing = [code for code in [*INPUT_CODES, *FINDINGS] if code not in rows]
    assert missing == [], f"add these codes to docs/codes.md: {missing}"
    for code, (_, severity) in FINDINGS.items():
        assert f"| {severity} |" in rows[code], f"{code}: default severity should be {severity}"
    for code in INPUT_CODES:
        assert f" {code} " in rows[code].split("|")[3], f"{code}: give an example message"
    documented = {c for c in rows if c.startswith(("E", "FC")) and c[-1].isdigit()}
    assert documented <= {*INPUT_CODES, *FINDINGS}, "docs/codes.md lists codes codes.py lacks"
