"""``factcheck explain CLAIM_ID``: every check that touches one claim, step by step."""

from __future__ import annotations

from factcheck.engine import FileResult
from factcheck.finding import Finding
from factcheck.kinds.base import show_interval
from factcheck.report.words import name
from factcheck.textsafe import visible

_LABELS = {
    "en": {
        "at": "at",
        "quote": "quote",
        "entity": "entity",
        "metric": "metric",
        "basis": "basis",
        "period": "period",
        "value": "value",
        "years": "years",
        "qualifier": "qualifier",
        "allows": "allows",
        "none": "no check touches this claim",
        "uses": "uses",
        "range": "range from the rounding of the inputs",
    },
    "zh": {
        "at": "位于",
        "quote": "引文",
        "entity": "主体",
        "metric": "指标",
        "basis": "价格口径",
        "period": "时期",
        "value": "数值",
        "years": "年",
        "qualifier": "限定词",
        "allows": "可取",
        "none": "没有涉及此断言的检查",
        "uses": "依据",
        "range": "由输入的四舍五入得到的范围",
    },
}


def explain_claim(claim_id: str, results: list[FileResult], lang: str) -> str | None:
    """The explanation, or None when no file has the claim."""
    w = _LABELS.get(lang, _LABELS["en"])
    out: list[str] = []
    for r in results:
        claim = next((c for c in r.file.claims if c.id == claim_id), None) if r.file else None
        if claim is None:
            continue
        out.append(f"{claim.id} ({name(claim.kind, lang)}) {w['at']} {claim.loc}")
        out.append(f"  {w['quote']}: “{claim.quote}”")
        for field in ("entity", "metric"):
            if getattr(claim, field):
                out.append(f"  {w[field]}: {getattr(claim, field)}")
        if claim.basis:
            out.append(f"  {w['basis']}: {name(claim.basis, lang)}")
        if claim.period:
            span = claim.period
            extra = (
                f" ({span.start.key} → {span.end.key}, {span.years:g} {w['years']})"
                if span.start
                else ""
            )
            out.append(f"  {w['period']}: {span.text}{extra}")
        if claim.value:
            v = claim.value
            q = (
                f", {w['qualifier']} {v.stated.qualifier} ({v.stated.bound})"
                if v.stated.qualifier
                else ""
            )
            out.append(f"  {w['value']}: {v.text}{q}: {w['allows']} {show_interval(v.interval, v)}")
        touching = [f for f in [*r.findings, *r.passed] if _touches(f, claim_id)]
        if not touching:
            out.append(f"  {w['none']}")
        for i, f in enumerate(touching, 1):
            out.append("")
            out.append(
                f"  {i}. {name(f.check, lang)}: {f.code} {name(f.verdict, lang)}"
                + (f" ({name(f.severity, lang)})" if f.severity else "")
            )
            for rel in f.related:
                out.append(
                    f"     {w['uses']} {rel.id}: {rel.value} “{rel.quote}” ({rel.path}:{rel.line})"
                )
            if f.arithmetic:
                out.append(f"     {f.arithmetic}")
            if f.interval:
                out.append(f"     {w['range']}: {f.interval}")
            out.append(f"     {f.message_in(lang)}")
    # Every line holds user text (quotes, metrics, values): escaped, so that a claims file can
    # neither break a line nor send a control sequence to the terminal.
    return "\n".join(visible(line) for line in out) + "\n" if out else None


def suggest(claim_id: str, results: list[FileResult]) -> str | None:
    """The closest claim id, for a "did you mean" when the one asked for does not exist."""
    import difflib  # noqa: PLC0415

    ids = [c.id for r in results if r.file for c in r.file.claims]
    hint = difflib.get_close_matches(claim_id, ids, n=1)
    return hint[0] if hint else None


def _touches(f: Finding, claim_id: str) -> bool:
    return f.claim == claim_id or any(r.id == claim_id for r in f.related)
