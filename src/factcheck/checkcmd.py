"""The ``check`` command without typer: its options, a reader of its usual command lines, and its
work, shared by both ways in.

typer and its click take about a third of a warm ``factcheck check`` to import. :func:`parse`
reads the command lines an editor, a hook or CI writes (``check PATHS... [--option value]...``)
into the keyword arguments typer would pass; anything else (``--help``, a short option with its
value attached, an unknown option, a missing value, shell completion) is left to typer, so every
message and usage error stays typer's own. tests/test_checkcmd.py checks :data:`OPTIONS`
against typer's definition of the command and :func:`parse` against typer on many command lines.
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from factcheck.codes import Exit

if TYPE_CHECKING:
    import datetime

# Each option of `check`: its names, the keyword it fills, and its kind ("flag": no value,
# "path" or "text": one value). The names, help and defaults typer shows are in commands.py.
OPTIONS: dict[str, tuple[str, str]] = {
    "--rules": ("rules", "path"),
    "--format": ("fmt", "text"),
    "-f": ("fmt", "text"),
    "--output": ("output", "path"),
    "-o": ("output", "path"),
    "--force": ("force", "flag"),
    "--fail-on": ("fail_on", "text"),
    "--baseline": ("baseline", "path"),
    "--save-baseline": ("save_baseline", "path"),
    "--lang": ("lang", "text"),
    "--verbose": ("verbose", "flag"),
    "-v": ("verbose", "flag"),
    "--min-severity": ("min_severity", "text"),
    "--no-cache": ("no_cache", "flag"),
    "--jobs": ("jobs", "text"),
    "-j": ("jobs", "text"),
    "--article-root": ("article_root", "path"),
    "--changed": ("changed", "flag"),
    "--published": ("published", "text"),
}
DEFAULTS: dict[str, object] = {
    "rules": None,
    "fmt": None,
    "output": None,
    "force": False,
    "fail_on": None,
    "baseline": None,
    "save_baseline": None,
    "lang": None,
    "verbose": False,
    "min_severity": "info",
    "no_cache": False,
    "jobs": "auto",
    "article_root": None,
    "changed": False,
    "published": None,
}


def parse(args: list[str]) -> dict[str, object] | None:
    """The keyword arguments of :func:`run` for ``check ...`` (``args`` without the program
    name, ``--debug`` already taken out), as typer would pass them; None for any command line
    that is not a plain one of ``check``, which typer then reads itself."""
    if not args or args[0] != "check" or "_FACTCHECK_COMPLETE" in os.environ:
        return None
    params = dict(DEFAULTS)
    paths: list[Path] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--":  # everything after it is a path
            paths += (Path(a) for a in rest)
            break
        if not arg.startswith("-") or arg == "-":
            paths.append(Path(arg))
            continue
        name, eq, attached = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = OPTIONS.get(name)
        if option is None:  # --help, -vf, -fjson, a typo: typer's to read and to answer
            return None
        key, kind = option
        if kind == "flag":
            if eq:  # --force=1: typer's error
                return None
            params[key] = True
            continue
        value = attached if eq else next(rest, None)
        if value is None or (not eq and value.startswith("-")):
            return None  # no value, or one typer might read otherwise
        params[key] = Path(value) if kind == "path" else value
    if not paths:
        return None  # typer's "Missing argument"
    params["paths"] = paths
    return params


def usage(message: str) -> NoReturn:
    """A bad option value: ``cli.main`` prints it and exits 2."""
    from factcheck.errors import UsageError  # noqa: PLC0415

    raise UsageError(message)


def changed_claims(paths: list[Path]) -> list[Path] | None:
    """``--changed``: the claims files the changed files concern; None (after saying so) when
    there are none, for the command to exit 0."""
    from factcheck import runner  # noqa: PLC0415

    found = runner.changed_claims(paths)
    if not found:
        print("factcheck: no claims file among the changed files, nor one naming them")
        return None
    return found


def jobs_option(value: str) -> int | None:
    """``--jobs``: a number of processes, or None for auto."""
    if value.strip().lower() == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n >= 1:
        return n
    usage(f"--jobs must be auto or a whole number of at least 1, not '{value}'")


def published_option(value: str | None) -> "datetime.date | None":
    """``--published``: the publication date, or None (today)."""
    if value is None:
        return None
    from factcheck.errors import ValueProblem  # noqa: PLC0415
    from factcheck.extract.dating import parse_published  # noqa: PLC0415

    try:
        return parse_published(value)
    except ValueProblem as exc:
        usage(f"--published: {exc.message}")


def run(
    paths: list[Path],
    rules: Path | None,
    fmt: str | None,
    output: Path | None,
    force: bool,
    fail_on: str | None,
    baseline: Path | None,
    save_baseline: Path | None,
    lang: str | None,
    verbose: bool,
    min_severity: str,
    no_cache: bool,
    jobs: str,
    article_root: Path | None,
    changed: bool,
    published: str | None = None,
) -> int:
    """``factcheck check``: check, print the report, and return the exit code."""
    from factcheck import runner  # noqa: PLC0415
    from factcheck.report import FORMATS, formatter  # noqa: PLC0415

    if fmt is None:  # inside GitHub Actions, printed findings are annotations on the run
        actions = os.environ.get("GITHUB_ACTIONS") == "true" and output is None
        fmt = "github" if actions else "terminal"
    if fmt not in FORMATS:
        usage(f"unknown format '{fmt}'; expected one of {', '.join(FORMATS)}")
    if min_severity not in ("error", "warning", "info"):
        usage(f"--min-severity must be error, warning or info, not '{min_severity}'")
    processes = jobs_option(jobs)
    date = published_option(published)
    if changed:
        found = changed_claims(paths)
        if found is None:
            return Exit.CLEAN
        paths = found
    request = runner.CheckRequest(
        paths=paths,
        fmt=fmt,
        rules=rules,
        output=None if output is None or str(output) == "-" else output,  # '-': stdout
        force=force,
        fail_on=fail_on,
        baseline=baseline,
        save_baseline=save_baseline,
        lang=lang,
        verbose=verbose,
        min_severity=min_severity,
        cache=not no_cache,
        jobs=processes,
        article_root=article_root,
        published=date,
    )
    report = runner.check(request)
    if request.output is None:
        formatter(fmt).write(report, sys.stdout)
    # Problems always reach the console: a report written to a file is not looked at.
    if report.problems and (fmt != "terminal" or request.output is not None):
        for p in report.problems:
            print(p, file=sys.stderr)
    if not any(r.claims for r in report.results) and not report.problems:
        print("factcheck: error: E303 no claims were checked", file=sys.stderr)
    return report.exit_code()
