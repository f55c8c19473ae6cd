"""``factcheck rule CODE``: what one code means, from the command line (as ``ruff rule``).

The title and default severity come from :mod:`factcheck.codes`; for a finding code, the rule
kinds that report it come from the registry, and the kind whose own code it is gives what it
checks, why, and an example that passes and one that fails (the same text as docs/rules.md).
"""

from __future__ import annotations

import difflib

from factcheck.codes import FINDINGS, INPUT_CODES, help_uri


def known() -> list[str]:
    """Every code, input problems first."""
    return [*INPUT_CODES, *FINDINGS]


def describe(code: str) -> str | None:
    """The help text of a code (any case), or None when there is no such code."""
    code = code.strip().upper()
    if code in INPUT_CODES:
        return (
            f"{code}: {INPUT_CODES[code]}\n"
            "An input problem: the run stops with exit code 2.\n"
            f"Documentation: {help_uri(code)}\n"
        )
    if code not in FINDINGS:
        return None
    from factcheck import codedocs  # noqa: PLC0415 - only for a finding
    from factcheck.kinds import REGISTRY  # noqa: PLC0415 - the rule kinds, only for a finding

    title, severity = FINDINGS[code]
    kinds = [name for name, module in REGISTRY.items() if code in module.CODES]
    lines = [f"{code}: {title}", f"Default severity: {severity} (a rule pack may change it)"]
    if kinds:
        lines.append(f"Reported by the rule kinds: {', '.join(kinds)}")
    own = next((REGISTRY[k] for k in kinds if REGISTRY[k].CODES[0] == code), None)
    doc = own.DOC if own is not None else codedocs.DOCS.get(code)
    if doc is not None:
        lines += ["", f"What it checks: {doc.what}", f"Why: {doc.why}"]
        lines += [f"{label}: {text}" for label, text in _examples(doc) if text]
    lines += ["", f"Documentation: {help_uri(code)}"]
    return "\n".join(lines) + "\n"


def _examples(doc: object) -> list[tuple[str, str]]:
    """A kind's ``DOC`` or a :class:`~factcheck.codedocs.CodeDoc`: its examples, labelled."""
    labels = (("Passes", "passes"), ("Fails", "fails"), ("Example", "example"))
    return [(label, getattr(doc, name, "")) for label, name in labels]


def suggest(code: str) -> str | None:
    """The closest known code, for a did-you-mean."""
    match = difflib.get_close_matches(code.strip().upper(), known(), n=1, cutoff=0.6)
    return match[0] if match else None


def listing() -> str:
    """``factcheck rule --all``: every code with its title, one per line."""
    titles = {**INPUT_CODES, **{code: title for code, (title, _) in FINDINGS.items()}}
    return "".join(f"{code}  {titles[code]}\n" for code in known())
