"""Loading a claims file into the model, with every problem of the file reported at once.

Each problem carries ``file:line:col`` from the YAML node marks and a stable code. Values, units
and periods are parsed here, once, so the rule engine works on plain floats.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from datetime import date
from pathlib import Path

import yaml

from factcheck.codes import FINDINGS
from factcheck.errors import InputError, Loc, Problem, ValueProblem
from factcheck.interval import stated_interval
from factcheck.model import (
    COMMON,
    FILE_FIELDS,
    IGNORE_REASONS,
    KINDS,
    Acceptance,
    Claim,
    ClaimsFile,
    FieldSpec,
    Ignore,
    Value,
)
from factcheck.numbers import Stated, parse_value
from factcheck.periods import MAX_YEAR, MIN_YEAR, Period, parse_period
from factcheck.quotes import index_for
from factcheck.rulepack import RulePack
from factcheck.units import UnitInfo, unit_info
from factcheck.yamlsrc import compose, items, loc, read_text

_ID = re.compile(r"[\w][\w.\-]*")  # used with fullmatch: "$" would let a final newline in
_YEAR = re.compile(r"[0-9]{4}")
_FIGURE = re.compile(r"\s*[-+]?[0-9零〇一二两三四五六七八九十百千]")  # how a written figure starts
_NO_UNIT = UnitInfo("", 1.0, "")


class _Claims:
    """Collects problems while building the claims of one file."""

    def __init__(self, shown: str, pack: RulePack, entity: str, year: int | None) -> None:
        self.shown, self.pack, self.entity, self.year = shown, pack, entity, year
        self.problems: list[Problem] = []
        # Ids of claims that failed to load: a reference to one is not "unknown", and reporting
        # it would bury the real problem under a cascade.
        self.failed_ids: set[str] = set()
        # A 'within' written like a figure that does not parse (94斗): the figure's problem,
        # reported instead of "unknown claim" if no claim has that id.
        self.deferred: dict[tuple[str, str], Problem] = {}

    def problem(self, node: yaml.Node, code: str, message: str) -> None:
        self.problems.append(Problem(loc(node, self.shown), code, message))

    def text(self, node: yaml.Node, name: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "E115", f"'{name}' must be text, not a list or mapping")
            return None
        return node.value

    def texts(self, node: yaml.Node, name: str) -> tuple[str, ...] | None:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, "E115", f"'{name}' must be a non-empty list")
            return None
        out = [self.text(item, name) for item in node.value]
        return None if None in out else tuple(t for t in out if t is not None)

    def period(self, node: yaml.Node, name: str, point: bool) -> Period | None:
        raw = self.text(node, name)
        if raw is None:
            return None
        try:
            period = parse_period(raw, self.pack.plans, self.year)
        except ValueProblem as exc:
            self.problem(node, exc.code, exc.message)
            return None
        if point and period.is_span:
            self.problem(node, "E111", f"'{name}' must be a single period, not the span '{raw}'")
            return None
        return period

    def value(self, node: yaml.Node, name: str) -> Value | None:
        raw = self.text(node, name)
        if raw is None:
            return None
        try:
            stated = parse_value(raw, self.pack.lexicon)
            unit = unit_info(stated.unit) if stated.form == "number" else _NO_UNIT
        except ValueProblem as exc:
            self.problem(node, exc.code, exc.message)
            return None
        scale = stated.factor * unit.factor
        interval = stated_interval(stated, self.pack.rounding).scale(scale)
        point = float(stated.number) * scale
        return Value(stated, unit, point, interval, loc(node, self.shown))


def _fields(
    c: _Claims, node: yaml.MappingNode, spec: dict[str, FieldSpec]
) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """Key and value nodes by field name; unknown fields are reported with a suggestion."""
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for name, key, value in items(node):
        if name not in spec:
            hint = difflib.get_close_matches(name, list(spec), n=1)
            did = f"; did you mean '{hint[0]}'?" if hint else f"; expected one of {', '.join(spec)}"
            c.problem(key, "E105", f"unknown field '{name}'{did}")
            continue
        out[name] = (key, value)
    for name, field in spec.items():
        if field.required and name not in out:
            c.problem(node, "E106", f"missing required field '{name}'")
    return out


def _expand(
    c: _Claims, fields: dict[str, tuple[yaml.Node, yaml.Node]], spec: dict[str, FieldSpec]
) -> list[dict[str, yaml.Node]]:
    """A claim with 'respectively' lists becomes one mapping of nodes per item."""
    lists = {
        name: value.value
        for name, (_, value) in fields.items()
        if spec[name].respectively and isinstance(value, yaml.SequenceNode)
    }
    flat = {name: value for name, (_, value) in fields.items() if name not in lists}
    if not lists:
        return [flat]
    lengths = {name: len(v) for name, v in lists.items()}
    n = max(lengths.values())
    if len(set(lengths.values())) > 1 or n == 0:
        # Point at the first list whose length differs from the first list's (or is empty).
        first = next(iter(lengths.values()))
        culprit = next((k for k, v in lengths.items() if v != first or v == 0), None)
        c.problem(
            fields[culprit or next(iter(lists))][0],
            "E117",
            "'respectively' lists have different lengths: "
            + ", ".join(f"{k} {v}" for k, v in lengths.items())
            if n
            else "a 'respectively' list is empty",
        )
        ids = lists.get("id") or ([flat["id"]] if "id" in flat else [])
        c.failed_ids.update(i.value for i in ids if isinstance(i, yaml.ScalarNode))
        return []
    out = []
    for i in range(n):
        one = dict(flat)
        one.update({name: v[i] for name, v in lists.items()})
        if "id" not in lists and "id" in flat and isinstance(flat["id"], yaml.ScalarNode):
            base = flat["id"]
            one["id"] = yaml.ScalarNode(
                base.tag, f"{base.value}.{i + 1}", base.start_mark, base.end_mark
            )
        out.append(one)
    return out


def _check_value(c: _Claims, kind: str, node: yaml.Node, value: Value) -> Value | None:
    """Refuse a value of the wrong form or dimension for its kind (E110)."""
    s, unit = value.stated, value.unit
    rate = s.form == "number" and (unit.is_percent or unit.is_points)
    ok = {
        "level": s.form == "number",
        "growth": rate,
        "cagr": s.form == "number" and unit.is_percent,
        "multiple": s.form == "multiple" or (s.form == "number" and not s.unit),
        "share": s.form == "number" and unit.dimension == "",
        "ratio": s.form == "ratio" or (s.form == "number" and not s.unit),
        "rank": s.form == "rank" or (s.form == "number" and not s.unit),
        "count": s.form == "number",
    }[kind]
    if not ok:
        expected = {
            "growth": "a rate (%) or percentage points (个百分点)",
            "cagr": "a rate (%)",
            "multiple": "a multiple (3.4倍, 增长2倍, 翻番)",
            "share": "a percentage or a fraction",
            "ratio": "a ratio (2.29:1)",
            "rank": "a rank (第二, 3)",
        }.get(kind, "a figure")
        c.problem(node, "E110", f"'{s.text}' is not {expected}, as a {kind} claim needs")
        return None
    if s.form == "number" and not s.unit and kind in ("multiple", "ratio", "rank"):
        # A bare figure (3.4, 2.29, 2) read as the kind's own form; its interval follows that
        # form (a rank is an exact place, not 2 ± 0.5).
        stated = Stated(
            s.text,
            kind,
            s.number,
            s.exponent,
            reading="times" if kind == "multiple" else None,
            qualifier=s.qualifier,
            bound=s.bound,
        )
        interval = stated_interval(stated, c.pack.rounding)
        return Value(stated, unit, float(stated.number), interval, value.loc)
    return value


def _claim(c: _Claims, kind: str, nodes: dict[str, yaml.Node], where: yaml.Node) -> Claim | None:
    """Build one claim from its field nodes (after 'respectively' expansion)."""
    before = len(c.problems)
    spec = {**COMMON, **KINDS[kind]}
    args: dict[str, object] = {"kind": kind, "entity": c.entity}
    refs: dict[str, str] = {}
    deferred: dict[str, Problem] = {}
    field_locs: dict[str, Loc] = {}
    for name, node in nodes.items():
        field_locs[name] = loc(node, c.shown)
        ftype = spec[name].type
        if ftype == "text":
            args[name] = c.text(node, name)
        elif ftype == "texts":
            args["metrics"] = c.texts(node, name)
        elif ftype in ("period", "point"):
            args[name] = c.period(node, name, ftype == "point")
        elif ftype == "value":
            value = c.value(node, name)
            args[name] = value and _check_value(c, kind, node, value)
        elif ftype == "value-or-id":
            raw = c.text(node, name)
            if raw is not None:  # a figure (94个月) or, failing that, the id of a claim
                value_or_problem = _try_value(c, node, name)
                if isinstance(value_or_problem, Value):
                    args[name] = value_or_problem
                else:
                    refs[name] = raw
                    if _FIGURE.match(unicodedata.normalize("NFKC", raw)):
                        deferred[name] = value_or_problem
        elif ftype == "id":
            raw = c.text(node, name)
            if raw is not None:
                refs[name] = raw
        elif ftype == "ids":
            for i, ref in enumerate(c.texts(node, name) or ()):
                refs[f"{name}.{i}"] = ref
        elif ftype == "bool":
            args[name] = _bool(c, node, name)
        elif ftype in ("basis", "order"):
            choices = ("real", "nominal", "unstated") if ftype == "basis" else ("desc", "asc")
            raw = c.text(node, name)
            if raw is not None and raw not in choices:
                c.problem(node, "E108", f"'{name}' must be one of {', '.join(choices)}")
            args[name] = raw
        elif ftype == "accept":
            args[name] = _accepts(c, node)
    claim_id = args.pop("id", None)
    # A required field missing was reported (E106) when the fields were read; without it there
    # is no claim to build.
    incomplete = any(f.required and name not in nodes for name, f in spec.items())
    if len(c.problems) > before or incomplete:
        if isinstance(claim_id, str):
            c.failed_ids.add(claim_id)
        return None
    if not isinstance(claim_id, str) or not _ID.fullmatch(claim_id):
        c.problem(nodes.get("id", where), "E119", f"'{claim_id}' is not a valid id")
        return None
    for name, problem in deferred.items():
        c.deferred[(claim_id, name)] = problem
    if kind in ("cagr", "multiple") and not (args.get("base") or _is_span(args.get("period"))):
        c.problem(
            nodes.get("period", where),
            "E111",
            f"a {kind} claim needs a span (2021-2025, 十四五) or a 'base' period",
        )
        return None
    if kind == "ratio" and len(args.get("metrics") or ()) != 2:
        c.problem(nodes.get("metrics", where), "E115", "'metrics' must be [numerator, denominator]")
        return None
    value, within = args.get("value"), args.get("within")
    if (
        isinstance(value, Value)
        and isinstance(within, Value)
        and value.unit.dimension != within.unit.dimension
    ):
        c.problem(
            nodes["within"],
            "E110",
            f"'{within.text}' is not counted in the same unit as '{value.text}'",
        )
        return None
    if args.get("order") is None:
        args["order"] = "desc"
    return Claim(id=claim_id, loc=loc(where, c.shown), refs=refs, field_locs=field_locs, **args)  # type: ignore[arg-type]


def _try_value(c: _Claims, node: yaml.Node, name: str) -> Value | Problem:
    """The value of a node, or the problem it would raise (nothing is recorded)."""
    before = len(c.problems)
    value = c.value(node, name)
    if value is not None:
        return value
    problem = c.problems[before]
    del c.problems[before:]
    return problem


def _is_span(period: object) -> bool:
    return isinstance(period, Period) and period.is_span


def _bool(c: _Claims, node: yaml.Node, name: str) -> bool:
    raw = c.text(node, name)
    if raw is None:
        return False
    if raw.lower() in ("true", "yes", "on"):
        return True
    if raw.lower() not in ("false", "no", "off"):
        c.problem(node, "E108", f"'{name}' must be true or false")
    return False


def _accepts(c: _Claims, node: yaml.Node) -> tuple[Acceptance, ...]:
    entries = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out = []
    for entry in entries:
        if not isinstance(entry, yaml.MappingNode):
            c.problem(entry, "E115", "an acceptance is a mapping {code, reason, until}")
            continue
        spec = {
            "code": FieldSpec("text", "", True),
            "reason": FieldSpec("text", "", True),
            "until": FieldSpec("text", ""),
        }
        fields = {k: v for k, (_, v) in _fields(c, entry, spec).items()}
        code = c.text(fields["code"], "code") if "code" in fields else None
        if code is not None and code not in FINDINGS:
            c.problem(fields["code"], "E108", f"'{code}' is not a finding code")
        until = None
        if "until" in fields and (raw := c.text(fields["until"], "until")) is not None:
            try:
                until = date.fromisoformat(raw)
            except ValueError:
                c.problem(fields["until"], "E119", f"'{raw}' is not a date (YYYY-MM-DD)")
        reason = c.text(fields["reason"], "reason") if "reason" in fields else None
        if code and reason:
            out.append(Acceptance(code, reason, until, loc(entry, c.shown)))
    return tuple(out)


def load_claims(
    path: Path, pack: RulePack, shown: str | None = None, check_quotes: bool = True
) -> ClaimsFile:
    """Load and validate one claims file; raise InputError with every problem found."""
    shown = shown or str(path)
    text, problems = read_text(path, shown)
    if text is None:
        raise InputError(problems)
    root, problems = compose(text, shown)
    if problems or root is None:
        raise InputError(problems)
    if not isinstance(root, yaml.MappingNode):
        raise InputError([Problem(loc(root, shown), "E103", "a claims file must be a mapping")])
    c = _Claims(shown, pack, "", None)
    top = _fields(c, root, FILE_FIELDS)
    entity = c.text(top["entity"][1], "entity") if "entity" in top else None
    c.entity = entity or ""
    version = c.text(top["version"][1], "version") if "version" in top else None
    if version is not None and (raw := version).strip() != "1":
        c.problem(top["version"][1], "E108", f"version '{raw}' is not supported; expected 1")
    if "year" in top and (raw := c.text(top["year"][1], "year")) is not None:
        norm = unicodedata.normalize("NFKC", raw).strip()
        if _YEAR.fullmatch(norm) and MIN_YEAR <= int(norm) <= MAX_YEAR:
            c.year = int(norm)
        else:
            c.problem(top["year"][1], "E111", f"'{raw}' is not a year ({MIN_YEAR}-{MAX_YEAR})")
    article_text, article_shown = None, ""
    if "article" in top and (raw := c.text(top["article"][1], "article")) is not None:
        article_path = path.parent / raw
        article_shown = str(Path(shown).parent / raw)
        if not raw or not article_path.exists():  # a dangling symlink does not exist either
            c.problem(top["article"][1], "E113", f"article '{raw}' not found")
        else:
            article_text, read_problems = read_text(article_path, article_shown)
            for p in read_problems:  # a folder, binary or not UTF-8: E100 at the 'article' key
                c.problem(top["article"][1], p.code, f"article '{raw}': {p.message}")
    claims = _claims(c, top["claims"][1]) if "claims" in top else []
    ignores = _ignores(c, top["ignore"][1]) if "ignore" in top else []
    _cross_checks(c, claims)
    if check_quotes and article_text is not None:
        index = index_for(article_text)
        for quote, where in [(cl.quote, cl.loc_of("quote")) for cl in claims] + [
            (ig.quote, ig.loc) for ig in ignores
        ]:
            if index.find(quote) is None:
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


def _claims(c: _Claims, node: yaml.Node) -> list[Claim]:
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
        spec = {**COMMON, **KINDS[kind]}
        fields = _fields(c, item, spec)
        for nodes in _expand(c, fields, spec):
            claim = _claim(c, kind, nodes, item)
            if claim is not None:
                out.append(claim)
    return out


def _ignores(c: _Claims, node: yaml.Node) -> list[Ignore]:
    if not isinstance(node, yaml.SequenceNode):
        c.problem(node, "E115", "'ignore' must be a list of {quote, reason}")
        return []
    spec = {"quote": FieldSpec("text", "", True), "reason": FieldSpec("text", "", True)}
    out = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            c.problem(item, "E115", "an ignore entry is a mapping {quote, reason}")
            continue
        fields = {k: v for k, (_, v) in _fields(c, item, spec).items()}
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


def _cross_checks(c: _Claims, claims: list[Claim]) -> None:
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
