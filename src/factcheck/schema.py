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
# The loader's rules, in the regular-expression dialect every JSON Schema validator shares
# (ECMA 262 without flags: no \\w beyond ASCII, no case folding). tests/test_schema_agreement.py
# feeds every fixture of the loader to both and fails on any disagreement.
# An id (claimfields.ID: a word character, then word characters, dots and hyphens): no
# whitespace, no ASCII punctuation but _ . -, no CJK or general punctuation; not starting
# with . or -.
_ID_CHAR = (
    "\\s!-,/:-@\\[-^`{-~"  # whitespace and ASCII punctuation
    "\u2000-\u206f\u3000-\u303f"  # general and CJK punctuation
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width punctuation
)
_ID = {"type": ["string", "number"], "pattern": f"^[^{_ID_CHAR}.\\-][^{_ID_CHAR}]*$"}
# true/false as the loader reads them (claimfields.read_bool), in any case.
_BOOL_WORDS = "|".join(
    "".join(f"[{c.upper()}{c}]" for c in word)
    for word in ("true", "yes", "on", "false", "no", "off")
)
_BOOL = {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": f"^({_BOOL_WORDS})$"}]}
# A share is a percentage, a fraction or a bare number: no unit with a dimension.
_SHARE = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": "(%|％|‰|percent|permille|成|分之)"},
        {
            "type": "string",
            "pattern": "^[^0-9０-９]*[0-9０-９][0-9０-９.．,，]*(左右|上下|以上|以下|多)?$",
        },
    ]
}
_DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_YEAR = {
    "anyOf": [
        {"type": "integer", "minimum": 1800, "maximum": 2200},
        {"type": "string", "pattern": "^\\s*([0-9]{4}|[０-９]{4})\\s*$"},
    ]
}


def _field(spec: FieldSpec) -> dict[str, Any]:
    base: dict[str, Any]
    if spec.type in ("texts", "ids"):
        base = {"type": "array", "items": _SCALAR, "minItems": 1}
    elif spec.type == "entities":
        base = {"type": "array", "items": _SCALAR, "minItems": 2, "maxItems": 2}
    elif spec.type == "bool":
        base = dict(_BOOL)
    elif spec.type == "basis":
        base = {"enum": ["real", "nominal", "unstated"]}
    elif spec.type == "order":
        base = {"enum": ["desc", "asc"]}
    elif spec.type == "accept":  # a list of acceptances, or one written alone
        one = {"$ref": "#/definitions/accept"}
        base = {"anyOf": [{"type": "array", "items": one}, one]}
    else:
        base = dict(_SCALAR)
    if spec.respectively and spec.type not in ("bool",):
        base = {"anyOf": [base, {"type": "array", "items": base, "minItems": 1}]}
    return {"description": spec.doc, **base}


def _fields(kind: str) -> dict[str, Any]:
    """The fields of one kind, with the forms the loader asks of them."""
    fields = {name: _field(f) for name, f in FIELDS[kind].items()}
    fields["id"] = _field(FIELDS[kind]["id"]) | _respectively(_ID)
    if kind == "share":
        fields["value"] = {"description": FIELDS[kind]["value"].doc, **_respectively(_SHARE)}
    return fields


def _respectively(base: dict[str, Any]) -> dict[str, Any]:
    """One value, or a "respectively" list of them."""
    return {"anyOf": [base, {"type": "array", "items": base, "minItems": 1}]}


def build() -> dict[str, Any]:
    """The schema as a dict."""
    branches = []
    for kind, spec in FIELDS.items():
        branches.append(
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {
                    "properties": _fields(kind),
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
            "article": {"description": FILE_FIELDS["article"].doc, **_SCALAR},
            "entity": {"description": FILE_FIELDS["entity"].doc, **_SCALAR},
            "year": {"description": FILE_FIELDS["year"].doc, **_YEAR},
            "claims": {
                "description": FILE_FIELDS["claims"].doc,
                "type": "array",
                "minItems": 1,  # a file without claims checks nothing (E303 when none has any)
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
                    "until": {"type": "string", "format": "date", "pattern": _DATE},
                },
            },
        },
    }


def schema_text() -> str:
    """The schema as stable, pretty JSON text (the repo keeps a copy of exactly this)."""
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
