"""Running one fixture case of ``tests/fixtures/kinds/<kind>.yaml`` through the real loader and
engine. Shared by the fixture test and the engine tests.

A case is a mapping: ``name``, ``article`` (the article text), ``claims`` (the claims, written to
a claims file next to the article), optional ``entity``/``year``/``ignore`` for the file, an
optional ``pack`` (a user rule pack merged over the default one), optional ``checks`` (the kinds
to run; default: the kind of the fixture file alone), and ``expect``: the findings and passes as
``[code, claim, verdict]``, or ``[code, claim, verdict, severity]``, or a mapping that may also
give ``severity``, ``material``, ``witness`` and ``accepted``.

Fixtures are read with PyYAML's ``BaseLoader``, so every scalar stays the text as written
(``0.50`` keeps its trailing zero) and is written back to the claims file as that text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from factcheck.engine import check_file
from factcheck.finding import Finding
from factcheck.kinds import REGISTRY
from factcheck.loader import load_claims
from factcheck.result import FileResult
from factcheck.rulepack import load_pack

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"


@dataclass(frozen=True)
class Case:
    """One case of a fixture file."""

    kind: str
    name: str
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.name}"


def load_cases(kind: str | None = None) -> list[Case]:
    """Every case of every fixture file (or of one kind)."""
    out = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        if kind is not None and path.stem != kind:
            continue
        for data in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader):
            out.append(Case(path.stem, data["name"], data))
    return out


def _pack_text(case: Case) -> str:
    """A user pack that runs only the case's kinds, merged with the case's own pack."""
    run = case.data.get("checks") or [case.kind]
    pack: dict[str, Any] = dict(case.data.get("pack") or {})
    checks = dict(pack.get("checks") or {})
    for kind in REGISTRY:
        if kind not in run:
            checks[kind] = {"enabled": "false"}
    pack["checks"] = checks
    return yaml.safe_dump(pack, allow_unicode=True, sort_keys=False)


def run_case(case: Case, tmp: Path, today: date | None = None) -> FileResult:
    """Write the case's article, claims file and pack under ``tmp`` and check the claims."""
    (tmp / "article.txt").write_text(case.data["article"], encoding="utf-8")
    claims = {
        "version": "1",
        "article": "article.txt",
        "entity": case.data.get("entity", "金昌市"),
        **({"year": case.data["year"]} if "year" in case.data else {}),
        "claims": case.data["claims"],
        **({"ignore": case.data["ignore"]} if "ignore" in case.data else {}),
    }
    (tmp / "claims.yaml").write_text(
        yaml.safe_dump(claims, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (tmp / "pack.yaml").write_text(_pack_text(case), encoding="utf-8")
    pack = load_pack(tmp / "pack.yaml")
    return check_file(load_claims(tmp / "claims.yaml", pack), pack, today=today)


def triple(f: Finding) -> tuple[str, str, str]:
    """What a case asserts about every finding: its code, claim and verdict."""
    return (f.code, f.claim, f.verdict)


def expectations(case: Case) -> list[dict[str, Any]]:
    """The case's ``expect`` entries as mappings."""
    out = []
    for item in case.data.get("expect") or []:
        if isinstance(item, list):
            keys = ("code", "claim", "verdict", "severity")
            out.append(dict(zip(keys, item, strict=False)))
        else:
            out.append(dict(item))
    return out


def detail_mismatches(case: Case, found: list[Finding]) -> list[str]:
    """Attributes an expectation gives beyond the triple that the finding does not have."""
    problems = []
    for exp in expectations(case):
        key = (exp["code"], exp["claim"], exp["verdict"])
        matches = [f for f in found if triple(f) == key]
        for attr in ("severity", "material", "witness", "accepted"):
            if attr not in exp:
                continue
            want: object = exp[attr]
            if attr == "material":
                want = str(want).lower() == "true"
            got = [getattr(f, attr) for f in matches]
            if want not in got:
                problems.append(f"{key}: {attr} expected {want!r}, found {got!r}")
    return problems
