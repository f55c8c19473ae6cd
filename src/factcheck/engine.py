"""The rule engine: run every enabled kind of the rule pack over one claims file, then stamp each
finding with its severity and with the acceptance its claim carries, in this one place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factcheck.digest import sha256_hex
from factcheck.finding import Finding
from factcheck.kinds import REGISTRY
from factcheck.kinds.base import Context
from factcheck.model import ClaimsFile
from factcheck.result import FileResult
from factcheck.rulepack import RulePack

__all__ = ["FileResult", "check_file"]


def check_file(file: ClaimsFile, pack: RulePack, today: date | None = None) -> FileResult:
    """Run the pack's checks over one file."""
    today = today or date.today()
    ctx = Context(file, pack)
    article = file.article_text or ""
    result = FileResult(
        file.path,
        claims=len(file.claims),
        article_path=file.article_path,
        sha256=file.sha256,
        article_sha256=sha256_hex(article.encode()) if article else "",
        file=file,
    )
    passed = []
    found: list[Finding] = []
    # The network runs last: it leaves out the claims the pairwise checks flagged, so each
    # contradiction is reported once (docs/rules.md, "The network of quantities").
    for kind, options in sorted(pack.checks.items(), key=lambda item: item[0] == "network"):
        module = REGISTRY[kind]
        defaults = {name: option.default for name, option in module.OPTIONS.items()}
        if kind == "network":
            ctx.flagged = {f.claim for f in found if f.verdict in _FLAGGED and f.code not in _KEPT}
        for finding in module.check(ctx, {**defaults, **options}):
            if finding.verdict == "consistent" and finding.code not in _NOTES:
                passed.append(finding)
            else:
                found.append(finding)
    result.findings.extend(_stamp(f, ctx, pack, today) for f in _once(found))
    result.findings.sort(key=lambda f: f.sort_key)
    result.passed = sorted(passed, key=lambda f: f.sort_key)
    return result


_FLAGGED = ("inconsistent", "undetermined")
# Consistent, but reported: only rounding saves it (FC131), two figures for one quantity (FC132).
_NOTES = ("FC131", "FC132")
_KEPT = ("FC121",)  # a rate at comparable prices: the network gives it a deflator


def _once(found: list[Finding]) -> list[Finding]:
    """An unstated quantity the network reports (FC142) replaces what single claims implied of
    it (FC141 on the same claims)."""
    covered = {c for f in found if f.code == "FC142" for c in (f.claim, *(r.id for r in f.related))}
    if not covered:
        return found
    return [f for f in found if not (f.code == "FC141" and f.claim in covered)]


def _stamp(finding: Finding, ctx: Context, pack: RulePack, today: date) -> Finding:
    """Severity from the pack; accepted when the claim accepts this code and it has not
    expired."""
    reason = ""
    claim = ctx.by_id.get(finding.claim)
    for acceptance in claim.accept if claim else ():
        if acceptance.code != finding.code:
            continue
        if acceptance.until is None or acceptance.until >= today:
            reason = acceptance.reason
        elif not reason:  # say why a reviewed finding is back
            finding = replace(
                finding,
                message=f"{finding.message} (its acceptance expired on {acceptance.until})",
                message_zh=f"{finding.message_zh}（接受期限已于 {acceptance.until} 届满）",
            )
    return finding.stamped(pack.severity_of(finding.code), reason)
