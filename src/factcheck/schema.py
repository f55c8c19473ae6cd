"""The JSON Schema of the claims format, generated from :data:`factcheck.model.KINDS`.

Draft-07 only, because yaml-language-server validates no later draft (docs/stack-notes.md).
YAML reads ``2025`` as a number, so every text field accepts numbers too; factcheck itself
reads every value as text.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.codes import FINDINGS
from factcheck.model import COMMON, FIELDS, FILE_FIELDS, IGNORE_REASONS, KINDS, FieldSpec

_SCALAR = {"type": ["string", "number"]}


def _field(spec: FieldSpec) -> dict[str, Any]:
    base: dict[str, Any]
    if spec.type in ("texts", "ids"):
        base = {"type": "array", "items": _SCALAR, "minItems": 1}
    elif spec.type == "bool":
        base = {"type": "boolean"}
    elif spec.type == "basis":
        base = {"enum": ["real", "nominal", "unstated"]}
    elif spec.type == "order":
        base = {"enum": ["desc", "asc"]}
    elif spec.type == "accept":
        base = {"type": "array", "items": {"$ref": "#/definitions/accept"}}
    else:
        base = dict(_SCALAR)
    if spec.respectively and spec.type not in ("bool",):
        base = {"anyOf": [base, {"type": "array", "items": base, "minItems": 1}]}
    return {"description": spec.doc, **base}


def build() -> dict[str, Any]:
    """The schema as a dict."""
    branches = []
    for kind, spec in FIELDS.items():
        branches.append(
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {
                    "properties": {name: _field(f) for name, f in spec.items()},
                    "required": [name for name, f in spec.items() if f.required],
                    "additionalProperties": False,
                },
            }
        )
    all_fields = {name: _field(f) for spec in FIELDS.values() for name, f in spec.items()}
    all_fields["kind"] = {"description": COMMON["kind"].doc, "enum": list(KINDS)}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://factcheck.invalid/schema/claims-v1.json",
        "title": "factcheck claims file",
        "description": "Typed assertions about the figures of one article (docs/claims-format.md)",
        "type": "object",
        "required": [n for n, f in FILE_FIELDS.items() if f.required],
        "additionalProperties": False,
        "properties": {
            "version": {"description": FILE_FIELDS["version"].doc, "enum": [1, "1"]},
            "article": {"description": FILE_FIELDS["article"].doc, "type": "string"},
            "entity": {"description": FILE_FIELDS["entity"].doc, "type": "string"},
            "year": {"description": FILE_FIELDS["year"].doc, "type": ["integer", "string"]},
            "claims": {
                "description": FILE_FIELDS["claims"].doc,
                "type": "array",
                "items": {"$ref": "#/definitions/claim"},
            },
            "ignore": {
                "description": FILE_FIELDS["ignore"].doc,
                "type": "array",
                "items": {"$ref": "#/definitions/ignore"},
            },
        },
        "definitions": {
            "claim": {
                "type": "object",
                "required": ["id", "kind", "quote"],
                "properties": all_fields,
                "allOf": branches,
            },
            "ignore": {
                "type": "object",
                "required": ["quote", "reason"],
                "additionalProperties": False,
                "properties": {
                    "quote": {"type": "string"},
                    "reason": {"enum": list(IGNORE_REASONS)},
                },
            },
            "accept": {
                "type": "object",
                "required": ["code", "reason"],
                "additionalProperties": False,
                "properties": {
                    "code": {"enum": list(FINDINGS)},
                    "reason": {"type": "string"},
                    "until": {"type": "string", "format": "date"},
                },
            },
        },
    }


def schema_text() -> str:
    """The schema as stable, pretty JSON text (the repo keeps a copy of exactly this)."""
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
