"""``factcheck explain CLAIM_ID``: every check that touches one claim, step by step."""

from __future__ import annotations

from factcheck.engine import FileResult
from factcheck.finding import Finding
from factcheck.kinds.base import show


def explain_claim(claim_id: str, results: list[FileResult], lang: str) -> str | None:
    """The explanation, or None when no file has the claim."""
    out: list[str] = []
    for r in results:
        claim = next((c for c in r.file.claims if c.id == claim_id), None) if r.file else None
        if claim is None:
            continue
        out.append(f"{claim.id} ({claim.kind}) at {claim.loc}")
        out.append(f"  quote   “{claim.quote}”")
        for name in ("entity", "metric", "basis"):
            if getattr(claim, name):
                out.append(f"  {name:<7} {getattr(claim, name)}")
        if claim.period:
            out.append(
                f"  period  {claim.period.text}"
                + (
                    f" ({claim.period.start.key} → {claim.period.end.key}, "
                    f"{claim.period.years:g} years)"
                    if claim.period.start
                    else ""
                )
            )
        if claim.value:
            v = claim.value
            q = f", qualifier {v.stated.qualifier} ({v.stated.bound})" if v.stated.qualifier else ""
            out.append(
                f"  value   {v.text}{q}: allows [{show(v.interval.lo, v, 1)}, "
                f"{show(v.interval.hi, v, 1)}]"
            )
        touching = [f for f in r.findings + r.passed if _touches(f, claim_id)]
        if not touching:
            out.append(
                "  no check touches this claim" if lang == "en" else "  没有涉及此断言的检查"
            )
        for i, f in enumerate(touching, 1):
            out.append(
                f"\n  {i}. {f.check}: {f.code} {f.verdict}"
                + (f" ({f.severity})" if f.severity else "")
            )
            for rel in f.related:
                out.append(f"     uses {rel.id}: {rel.value} “{rel.quote}” ({rel.path}:{rel.line})")
            if f.arithmetic:
                out.append(f"     {f.arithmetic}")
            if f.interval:
                out.append(f"     range from the rounding of the inputs: {f.interval}")
            out.append(f"     {f.message_in(lang)}")
    return "\n".join(out) + "\n" if out else None


def _touches(f: Finding, claim_id: str) -> bool:
    return f.claim == claim_id or any(r.id == claim_id for r in f.related)
