"""Loading a claims file into the model, with every problem of the file reported at once.

Each problem carries ``file:line:col`` from the YAML node marks and a stable code. Values, units
and periods are parsed here, once, so the rule engine works on plain floats.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from factcheck.claimfields import ID, READERS, YEAR, ClaimReader, FieldsRead, expand, read_fields
from factcheck.digest import sha256_hex
from factcheck.errors import InputError, Problem
from factcheck.fileio import contained
from factcheck.model import (
    FIELDS,
    FILE_FIELDS,
    IGNORE_REASONS,
    KINDS,
    REQUIRED,
    Claim,
    ClaimsFile,
    FieldSpec,
    Ignore,
    Value,
)
from factcheck.periods import MAX_YEAR, MIN_YEAR
from factcheck.quotes import figure_missing, index_for
from factcheck.rulepack import RulePack
from factcheck.yamlsrc import compose, loc, read_text
from factcheck.zh import simplified


def _claim(
    c: ClaimReader, kind: str, nodes: dict[str, yaml.Node], where: yaml.Node
) -> Claim | None:
    """Build one claim from its field nodes (after 'respectively' expansion): each field read by
    the reader of its type, then the kind's own requirements (:data:`factcheck.model.KINDS`)."""
    before = len(c.problems)
    readers = _READERS[kind]
    read = FieldsRead(kind, {"kind": kind, "entity": c.entity})
    positions: dict[str, tuple[int, int]] = {}
    for name, node in nodes.items():
        mark = node.start_mark
        positions[name] = (mark.line + 1, mark.column + 1)
        readers[name](c, read, name, node)
    args = read.args
    claim_id = args.pop("id", None)
    # A required field missing was reported (E106) when the fields were read; without it there
    # is no claim to build.
    incomplete = not REQUIRED[kind] <= nodes.keys()
    if len(c.problems) > before or incomplete:
        if isinstance(claim_id, str):
            c.failed_ids.add(claim_id)
        return None
    if not isinstance(claim_id, str) or not ID.fullmatch(claim_id):
        c.problem(nodes.get("id", where), "E119", f"'{claim_id}' is not a valid id")
        return None
    for name, problem in read.deferred.items():
        c.deferred[(claim_id, name)] = problem
    for requirement in _REQUIREMENTS[kind]:
        failed = requirement(kind, args)
        if failed is not None:
            name, code, message = failed
            c.problem(nodes.get(name, where), code, message)
            return None
    refs, at = read.refs, loc(where, c.shown)
    return Claim(id=claim_id, loc=at, refs=refs, positions=positions, **args)


def _value_in_quote(kind: str, fields: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """Every kind with a value: its figure stands in its quote (E121)."""
    value, quote = fields.get("value"), fields.get("quote")
    if isinstance(value, Value) and isinstance(quote, str):
        missing = figure_missing(value.text, quote)
        if missing:
            message = (
                f"'{missing}' of the value '{value.text}' does not appear in the quote '{quote}'"
            )
            return "value", "E121", message
    return None


# By kind: the reader of each field (claimfields.READERS by the field's type), and the rules over
# the fields read (the kind's own, then E121).
_READERS = {
    kind: {name: READERS[f.type] for name, f in spec.items()} for kind, spec in FIELDS.items()
}
_REQUIREMENTS = {kind: (*spec.requires, _value_in_quote) for kind, spec in KINDS.items()}


def load_claims(
    path: Path,
    pack: RulePack,
    shown: str | None = None,
    check_quotes: bool = True,
    text: str | None = None,
    root: Path | None = None,
) -> ClaimsFile:
    """Load and validate one claims file; raise InputError with every problem found.

    ``text``, when given, is the file's content not yet written at ``path`` (a draft): it is
    validated as if it stood there, its article found beside ``path``. The article is read only
    from inside ``root`` (default: the claims file's folder), links resolved (E113 otherwise).
    """
    shown = shown or str(path)
    if text is None:
        text, problems = read_text(path, shown)
        if text is None:
            raise InputError(problems)
    doc, problems = compose(text, shown)
    if problems or doc is None:
        raise InputError(problems)
    if not isinstance(doc, yaml.MappingNode):
        raise InputError([Problem(loc(doc, shown), "E103", "a claims file must be a mapping")])
    c = ClaimReader(shown, pack, "", None)
    top = read_fields(c, doc, FILE_FIELDS)
    entity = c.text(top["entity"][1], "entity") if "entity" in top else None
    c.entity = simplified(entity or "")
    version = c.text(top["version"][1], "version") if "version" in top else None
    # 1.0 too: YAML writes the same number, and no JSON Schema can tell 1.0 from 1.
    if version is not None and version.strip() not in ("1", "1.0"):
        c.problem(top["version"][1], "E108", f"version '{version}' is not supported; expected 1")
    if "year" in top and (raw := c.text(top["year"][1], "year")) is not None:
        norm = unicodedata.normalize("NFKC", raw).strip()
        if YEAR.fullmatch(norm) and MIN_YEAR <= int(norm) <= MAX_YEAR:
            c.year = int(norm)
        else:
            c.problem(top["year"][1], "E111", f"'{raw}' is not a year ({MIN_YEAR}-{MAX_YEAR})")
    article_text, article_shown = None, ""
    if "article" in top and (raw := c.text(top["article"][1], "article")) is not None:
        article_shown = str(Path(shown).parent / raw)
        # Only inside the root (the claims file's folder unless the user names another), links
        # resolved: a missing file and one outside get the same answer, so a claims file cannot
        # probe the disk (the quote check would otherwise say yes or no for any text).
        article_path = contained(path.parent / raw, root or path.parent) if raw else None
        if article_path is None:
            c.problem(top["article"][1], "E113", f"article '{raw}' not found inside its root")
        else:
            article_text, read_problems = read_text(article_path, article_shown)
            for p in read_problems:  # a folder, binary or not UTF-8: E100 at the 'article' key
                c.problem(top["article"][1], p.code, f"article '{raw}': {p.message}")
    claims = _claims(c, top["claims"][1]) if "claims" in top else []
    ignores = _ignores(c, top["ignore"][1]) if "ignore" in top else []
    _cross_checks(c, claims)
    if check_quotes and article_text is not None:
        index = index_for(article_text)
        missing = [(cl.quote, cl.loc_of("quote")) for cl in claims if not index.find_all(cl.quote)]
        missing += [(ig.quote, ig.loc) for ig in ignores if not index.find_all(ig.quote)]
        for quote, where in missing:
            c.problems.append(
                Problem(where, "E112", f"quote not found in the article: '{quote[:40]}'")
            )
    if c.problems:
        raise InputError(c.problems)
    return ClaimsFile(
        path=shown,
        article_path=article_shown,
        article_text=article_text,
        entity=c.entity,
        year=c.year,
        claims=tuple(claims),
        ignores=tuple(ignores),
        sha256=sha256_hex(text.encode()),
    )


def _claims(c: ClaimReader, node: yaml.Node) -> list[Claim]:
    if not isinstance(node, yaml.SequenceNode):
        c.problem(node, "E115", "'claims' must be a list of claims")
        return []
    out: list[Claim] = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            c.problem(item, "E115", "a claim must be a mapping")
            continue
        # Keys are text, each once (compose refused the file otherwise, yamlsrc.check_tree).
        flat = {key.value: value for key, value in item.value}
        kind_node = flat.get("kind")
        kind = kind_node.value if isinstance(kind_node, yaml.ScalarNode) else None
        if kind not in KINDS:
            if kind_node is None:
                c.problem(item, "E106", "missing required field 'kind'")
            elif kind is None:
                c.problem(kind_node, "E115", "'kind' must be text, not a list or mapping")
            else:
                hint = difflib.get_close_matches(str(kind), list(KINDS), n=1)
                did = f" (did you mean '{hint[0]}'?)" if hint else ""
                c.problem(
                    kind_node,
                    "E114",
                    f"unknown claim kind '{kind}'{did}; expected one of {', '.join(KINDS)}",
                )
            continue
        spec = FIELDS[kind]
        if flat.keys() <= spec.keys() and REQUIRED[kind] <= flat.keys() and _all_text(flat):
            claims: list[dict[str, yaml.Node]] = [flat]  # nothing to report, nothing to expand
        else:
            claims = expand(c, read_fields(c, item, spec), spec)
        for nodes in claims:
            claim = _claim(c, kind, nodes, item)
            if claim is not None:
                out.append(claim)
    return out


def _all_text(fields: dict[str, yaml.Node]) -> bool:
    """Is every field's value a scalar (no 'respectively' list, no acceptance to expand)?"""
    scalar = yaml.ScalarNode
    return all(node.__class__ is scalar for node in fields.values())


def _ignores(c: ClaimReader, node: yaml.Node) -> list[Ignore]:
    if not isinstance(node, yaml.SequenceNode):
        c.problem(node, "E115", "'ignore' must be a list of {quote, reason}")
        return []
    spec = {"quote": FieldSpec("text", "", True), "reason": FieldSpec("text", "", True)}
    out = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            c.problem(item, "E115", "an ignore entry is a mapping {quote, reason}")
            continue
        fields = {k: v for k, (_, v) in read_fields(c, item, spec).items()}
        quote = c.text(fields["quote"], "quote") if "quote" in fields else None
        reason = c.text(fields["reason"], "reason") if "reason" in fields else None
        if reason is not None and reason not in IGNORE_REASONS:
            c.problem(
                fields["reason"],
                "E108",
                f"reason '{reason}' must be one of " + ", ".join(IGNORE_REASONS),
            )
        elif quote is not None and reason is not None:
            out.append(Ignore(quote, reason, loc(item, c.shown)))
    return out


def _cross_checks(c: ClaimReader, claims: list[Claim]) -> None:
    """Duplicate ids, and references to claims that do not exist."""
    seen: dict[str, Claim] = {}
    for claim in claims:
        if claim.id in seen:
            first = seen[claim.id].loc
            c.problems.append(
                Problem(
                    claim.loc_of("id"),
                    "E107",
                    f"duplicate claim id '{claim.id}' (first at line {first.line})",
                )
            )
        else:
            seen[claim.id] = claim
    for claim in claims:
        for role, ref in claim.refs.items():
            if ref in c.failed_ids:
                continue  # that claim's own problems are reported
            if (claim.id, role) in c.deferred and ref not in seen:
                c.problems.append(c.deferred[(claim.id, role)])  # a figure, written wrong
                continue
            if ref not in seen:
                hint = difflib.get_close_matches(ref, list(seen), n=1)
                did = f"; did you mean '{hint[0]}'?" if hint else ""
                c.problems.append(
                    Problem(
                        claim.loc_of(role.split(".")[0]),
                        "E118",
                        f"'{role}' names an unknown claim '{ref}'{did}",
                    )
                )
