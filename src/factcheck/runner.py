"""The work behind each command, one function per command: the CLI parses options, calls one of
these and prints what it returns.

Problems with the input are raised, never printed here: :class:`~factcheck.errors.InputError`
with every problem found (exit code 2), :class:`~factcheck.errors.UsageError` for a request that
cannot be met (no claims to check, an unknown claim id). :func:`factcheck.cli.main` reports
both, in one place. Heavy modules are imported inside the functions that need them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import app
from factcheck.errors import InputError, Loc, Problem, UsageError

if TYPE_CHECKING:
    import datetime

    from factcheck.mentions import Mention
    from factcheck.report.model import Report


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What ``factcheck check`` was asked to do, its options parsed (``lang`` and ``fail_on``
    None: from the configuration file, else the defaults)."""

    paths: list[Path]
    fmt: str
    rules: Path | None = None
    output: Path | None = None  # None: standard output
    force: bool = False
    fail_on: str | None = None
    baseline: Path | None = None
    save_baseline: Path | None = None
    lang: str | None = None
    verbose: bool = False
    min_severity: str = "info"
    cache: bool = True
    jobs: int | None = None  # None: auto
    article_root: Path | None = None
    published: datetime.date | None = None  # dates an article drafted in memory; None: today


def resolve_lang(lang: str | None) -> str:
    """``--lang`` (or ``lang`` of the configuration file): zh or en; by default from the
    locale."""
    if lang in ("zh", "en"):
        return lang
    if lang is not None:
        raise UsageError(f"--lang must be zh or en, not '{lang}'")
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
    return "zh" if env.lower().startswith("zh") else "en"


def check(req: CheckRequest) -> Report:
    """Check every claims file, save the baseline and write the report to ``req.output`` (if
    given). The report is returned for the CLI to print; input problems of single files are in
    it (they do not stop the others)."""
    from factcheck import baseline as bl  # noqa: PLC0415
    from factcheck.fileio import check_target, write_atomic  # noqa: PLC0415
    from factcheck.packsource import digest  # noqa: PLC0415
    from factcheck.progress import bar  # noqa: PLC0415
    from factcheck.report.model import FAIL_ON, Report  # noqa: PLC0415

    targets, problems = app.collect(
        req.paths, req.article_root, articles=True, published=req.published
    )
    if problems:
        raise InputError(problems, sort=False)
    packs, found = app.resolve_sources(req.rules, req.paths)
    inputs = app.inputs_of(targets, req.rules or found.rules, req.baseline, found.source)
    for out in (req.output, req.save_baseline):  # before the work, and again before writing
        if out is not None:
            check_target(out, req.force, inputs, replace=True)
    gate = req.fail_on or found.fail_on or "error"
    if gate not in FAIL_ON:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not '{gate}'")
    language = resolve_lang(req.lang or found.lang)
    known = bl.load(req.baseline) if req.baseline else frozenset()
    cache = None
    if req.cache:
        from factcheck.cache import Cache, default_dir  # noqa: PLC0415

        cache = Cache(default_dir(), digest(packs))
    # Results are kept to the end and read again by the report: the cyclic collector would only
    # scan them over and over (app.collector_paused). The CLI prints within the same pause.
    with app.collector_paused():
        with bar(len(targets)) as advance:
            results = app.run(targets, app.pack_builder(packs), cache, req.jobs, advance=advance)
        report = Report(
            results,
            fail_on=gate,
            baseline=known,
            baseline_root=str(req.baseline.parent) if req.baseline else ".",
            pack_sources=tuple(p.shown for p in packs),
            pack_digests={p.shown: p.sha256 for p in packs},
            lang=language,
            verbose=req.verbose,
            min_severity=req.min_severity,
        )
        inputs = app.inputs_of(targets, *inputs, results=results)  # with the articles read
        if req.save_baseline:
            text = bl.dump(report, req.save_baseline)
            write_atomic(req.save_baseline, text, req.force, inputs=inputs, replace=True)
        if req.output is not None:
            write_report(report, req.fmt, req.output, req.force, inputs)
    return report


def write_report(report: Report, fmt: str, output: Path, force: bool, inputs: list[Path]) -> None:
    """Render the report in one format atomically to ``output`` (never one of ``inputs``; an
    old report is replaced)."""
    import io  # noqa: PLC0415

    from factcheck.fileio import write_atomic  # noqa: PLC0415
    from factcheck.report import formatter  # noqa: PLC0415

    buffer = io.StringIO()
    formatter(fmt).write(report, buffer, to_file=True)
    write_atomic(output, buffer.getvalue(), force, inputs=inputs, replace=True)


def validate(paths: list[Path], rules: Path | None, root: Path | None) -> tuple[int, int]:
    """Load every claims file without running the rules: (files, claims)."""
    from factcheck.loader import load_claims  # noqa: PLC0415

    targets, problems = app.collect(paths, root)
    pack, _ = app.resolve_pack(rules, paths)
    claims = 0
    for target in targets:
        try:
            claims += len(load_claims(target.path, pack, target.shown, root=root).claims)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems, sort=False)
    if not targets or not claims:  # as check: nothing to validate does not pass silently
        what = "no claims files found" if not targets else "the files hold no claims"
        raise UsageError(f"E303 {what}")
    return len(targets), claims


def coverage(
    article: Path, claims: Path, rules: Path | None, root: Path | None
) -> tuple[list[Mention], int]:
    """The numeric mentions of the article that no claim quotes and no entry ignores, and the
    number of mentions."""
    from factcheck.coverage import uncovered  # noqa: PLC0415
    from factcheck.loader import load_claims  # noqa: PLC0415
    from factcheck.yamlsrc import read_text  # noqa: PLC0415

    pack, _ = app.resolve_pack(rules, [claims])
    for path in (article, claims):
        if not path.exists():
            raise InputError([Problem(Loc(str(path)), "E301", "no such file or folder")])
    text, problems = read_text(article, str(article))
    if text is None:
        raise InputError(problems, sort=False)
    file = load_claims(claims, pack, root=root)
    return uncovered(replace(file, article_text=text))


def changed_claims(paths: list[Path]) -> list[Path]:
    """``--changed``: the claims files among the changed files, and those whose article is among
    them."""
    return app.claims_of_changed(paths)


def show(path: Path, rules: Path | None, lang: str | None, root: Path | None) -> tuple[Report, str]:
    """Check the claims file ``path`` for ``factcheck show`` (for an article, the claims files
    naming it, else claims drafted in memory): the report, whose results keep their files, and
    the language to show it in."""
    from factcheck.report.model import Report  # noqa: PLC0415

    if not path.exists():
        raise InputError([Problem(Loc(str(path)), "E301", "no such file or folder")])
    claims = [path]
    if path.is_file() and path.suffix not in app.CLAIM_SUFFIXES:  # an article
        # its claims file (in its folder or above); without one, claims drafted in memory, as
        # `check ARTICLE.txt` does
        claims = app.claims_of_changed([path]) or [path]
    targets, problems = app.collect(claims, root, articles=True)
    if problems:
        raise InputError(problems, sort=False)
    packs, found = app.resolve_sources(rules, claims)
    language = resolve_lang(lang or found.lang)
    results = app.run(targets, app.pack_builder(packs), keep_files=True)
    report = Report(results, fail_on=found.fail_on or "error", lang=language)
    if report.problems:
        raise InputError(list(report.problems), sort=False)
    return report, language


def explain(
    claim_id: str, paths: list[Path], rules: Path | None, lang: str | None, root: Path | None
) -> str:
    """Every check that touches one claim, step by step."""
    from factcheck.explain import explain_claim, suggest  # noqa: PLC0415

    targets, problems = app.collect(paths, root)
    if problems:
        raise InputError(problems, sort=False)
    pack, _ = app.resolve_pack(rules, paths)
    results = app.run(targets, pack, keep_files=True)
    bad = [p for r in results for p in r.problems]
    if bad:
        raise InputError(bad, sort=False)
    text = explain_claim(claim_id, results, resolve_lang(lang))
    if text is None:
        hint = suggest(claim_id, results)
        did = f" (did you mean '{hint}'?)" if hint else ""
        raise UsageError(f"no claim '{claim_id}' in {', '.join(map(str, paths))}{did}")
    return text


def extract(
    article: Path,
    output: Path | None,
    merge: Path | None,
    force: bool,
    rules: Path | None,
    published: datetime.date | None = None,
) -> str:
    """Draft a claims file from an article (or merge drafts into one): the summary to print."""
    from factcheck.extract import run_extract  # noqa: PLC0415

    pack, _ = app.resolve_pack(rules, [merge or output or article])
    return run_extract(article, output, merge, force, pack, published)


def write_schema(output: Path, force: bool) -> None:
    """Write the JSON Schema of the claims format to a file (an old copy is replaced)."""
    from factcheck.fileio import write_atomic  # noqa: PLC0415
    from factcheck.schema import schema_text  # noqa: PLC0415

    write_atomic(output, schema_text(), force, replace=True)
