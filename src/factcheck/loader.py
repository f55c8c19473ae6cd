"""Loading a claims file into the model, with every problem of the file reported at once.

Each problem carries ``file:line:col`` from the YAML node marks and a stable code. Values, units
and periods are parsed here, once, so the rule engine works on plain floats.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from pathlib import Path

import yaml

from factcheck.claimfields import (
    FIGURE,
    ID,
    YEAR,
    ClaimReader,
    check_value,
    expand,
    is_span,
    read_accepts,
    read_bool,
    read_fields,
    try_value,
)
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
from factcheck.yamlsrc import compose, items, loc, read_text
from factcheck.zh import simplified

_SCALAR = yaml.ScalarNode


# Fields that name a quantity: written in traditional characters (地區生產總值), they are kept in
# simplified ones, so that they meet the same names in other claims and in the rule pack's
# identities and basis lists. Quotes and notes stay as written.
NAMES = frozenset({"entity", "metric", "whole", "whole_entity", "total", "ranking"})


def _claim(
    c: ClaimReader, kind: str, nodes: dict[str, yaml.Node], where: yaml.Node
) -> Claim | None:
    """Build one claim from its field nodes (after 'respectively' expansion)."""
    before = len(c.problems)
    spec = FIELDS[kind]
    args: dict[str, object] = {"kind": kind, "entity": c.entity}
    refs: dict[str, str] = {}
    deferred: dict[str, Problem] = {}
    positions: dict[str, tuple[int, int]] = {}
    for name, node in nodes.items():
        mark = node.start_mark
        positions[name] = (mark.line + 1, mark.column + 1)
        ftype = spec[name].type
        if ftype == "text":
            args[name] = node.value if node.__class__ is _SCALAR else c.text(node, name)
            if name in NAMES and args[name]:
                args[name] = simplified(str(args[name]))
        elif ftype == "texts":
            found = c.texts(node, name)
            args["metrics"] = found and tuple(simplified(m) for m in found)
        elif ftype in ("period", "point"):
            args[name] = c.period(node, name, ftype == "point")
        elif ftype == "value":
            value = c.value(node, name)
            args[name] = value and check_value(c, kind, node, value)
        elif ftype == "value-or-id":
            raw = c.text(node, name)
            if raw is not None:  # a figure (94个月) or, failing that, the id of a claim
                value_or_problem = try_value(c, node, name)
                if isinstance(value_or_problem, Value):
                    args[name] = value_or_problem
                else:
                    refs[name] = raw
                    if FIGURE.match(unicodedata.normalize("NFKC", raw)):
                        deferred[name] = value_or_problem
        elif ftype == "id":
            raw = c.text(node, name)
            if raw is not None:
                refs[name] = raw
        elif ftype == "ids":
            for i, ref in enumerate(c.texts(node, name) or ()):
                refs[f"{name}.{i}"] = ref
        elif ftype == "bool":
            args[name] = read_bool(c, node, name)
        elif ftype in ("basis", "order"):
            choices = ("real", "nominal", "unstated") if ftype == "basis" else ("desc", "asc")
            raw = c.text(node, name)
            if raw is not None and raw not in choices:
                c.problem(node, "E108", f"'{name}' must be one of {', '.join(choices)}")
            args[name] = raw
        elif ftype == "accept":
            args[name] = read_accepts(c, node)
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
    for name, problem in deferred.items():
        c.deferred[(claim_id, name)] = problem
    if kind in ("cagr", "multiple") and not (args.get("base") or is_span(args.get("period"))):
        c.problem(
            nodes.get("period", where),
            "E111",
            f"a {kind} claim needs a span (2021-2025, 十四五) or a 'base' period",
        )
        return None
    metrics = args.get("metrics")  # a tuple, or None when it was refused
    if kind == "ratio" and not (isinstance(metrics, tuple) and len(metrics) == 2):
        c.problem(nodes.get("metrics", where), "E115", "'metrics' must be [numerator, denominator]")
        return None
    stated, within = args.get("value"), args.get("within")
    if (
        isinstance(stated, Value)
        and isinstance(within, Value)
        and stated.unit.dimension != within.unit.dimension
    ):
        c.problem(
            nodes["within"],
            "E110",
            f"'{within.text}' is not counted in the same unit as '{stated.text}'",
        )
        return None
    if isinstance(stated, Value) and isinstance(args.get("quote"), str):
        missing = figure_missing(stated.text, str(args["quote"]))
        if missing:
            c.problem(
                nodes["value"],
                "E121",
                f"'{missing}' of the value '{stated.text}' does not "
                f"appear in the quote '{args['quote']}'",
            )
            return None
    if args.get("order") is None:
        args["order"] = "desc"
    return Claim(id=claim_id, loc=loc(where, c.shown), refs=refs, positions=positions, **args)  # type: ignore[arg-type]


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
        sha256=hashlib.sha256(text.encode()).hexdigest(),
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
        kind_node = next((v for k, _, v in items(item) if k == "kind"), None)
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
        fields = read_fields(c, item, spec)
        for nodes in expand(c, fields, spec):
            claim = _claim(c, kind, nodes, item)
            if claim is not None:
                out.append(claim)
    return out


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
