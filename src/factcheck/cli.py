"""The command line: parse the options, make one call to :mod:`factcheck.runner`, print what
it returns, and exit with a code of :class:`factcheck.codes.Exit`. Input problems and usage
errors are raised below and reported in one place, :func:`main`. Heavy modules (pint, rich, the
engine) are imported inside the commands that need them, so ``--help`` stays fast.

Exit codes: 0 clean, 1 a finding at or above ``--fail-on``, 2 a usage or input error, 3 an
internal error (a bug: please report it), 130 interrupted.
"""

# No `from __future__ import annotations` here: typer would eval every option's annotation
# string on every run (about 5 ms); evaluated once at import, they cost nothing more.

import contextlib
import gc
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Annotated, NoReturn

# Importing typer and defining the commands make tens of thousands of objects and no garbage:
# the cyclic collector would only scan them as they age (a few ms of every run). Paused for this
# module's import, switched back on at its end; the console script keeps it off (entry).
_COLLECTING = gc.isenabled()
gc.disable()

import typer  # noqa: E402

from factcheck import __version__  # noqa: E402
from factcheck.codes import Exit  # noqa: E402

app = typer.Typer(
    name="factcheck",
    help="Catch numbers that contradict each other before an article is published.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
_debug = False


def _version(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise typer.Exit(Exit.CLEAN)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    """Catch numbers that contradict each other before an article is published."""
    global _debug
    _debug = debug


def _usage(message: str) -> NoReturn:
    """A bad option value: ``main`` prints it and exits 2."""
    from factcheck.errors import UsageError  # noqa: PLC0415

    raise UsageError(message)


Paths = Annotated[
    list[Path],
    typer.Argument(help="Claims files, or folders to search for them.", show_default=False),
]
RulesOpt = Annotated[
    Path | None, typer.Option("--rules", help="A rule pack that extends the default one.")
]
ChangedOpt = Annotated[
    bool,
    typer.Option(
        "--changed",
        help="The paths are changed files (as pre-commit passes them): check the claims files "
        "among them and those whose article is among them; skip other files.",
    ),
]


def _changed(paths: list[Path]) -> list[Path]:
    """``--changed``: the claims files the changed files concern; exit 0 when there are none."""
    from factcheck import runner  # noqa: PLC0415

    found = runner.changed_claims(paths)
    if not found:
        print("factcheck: no claims file among the changed files, nor one naming them")
        raise typer.Exit(Exit.CLEAN)
    return found


RootOpt = Annotated[
    Path | None,
    typer.Option(
        "--article-root",
        help="Articles named in claims files may be read from anywhere below this folder "
        "(default: each claims file's own folder).",
    ),
]


# The options of `check`.
FmtOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="terminal, text, json, sarif, junit, github or markdown (default: terminal; "
        "github inside GitHub Actions).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file (atomically) instead of stdout ('-': stdout).",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]
FailOnOpt = Annotated[
    str | None, typer.Option("--fail-on", help="error (default), warning, info or never.")
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option("--baseline", help="Gate only on findings not in this saved baseline."),
]
SaveBaselineOpt = Annotated[
    Path | None,
    typer.Option("--save-baseline", help="Save the current findings as a baseline."),
]
LangOpt = Annotated[str | None, typer.Option("--lang", help="zh or en (default: from the locale).")]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also list the checks that passed.")
]
MinSeverityOpt = Annotated[
    str,
    typer.Option(
        "--min-severity",
        help="Show only findings at or above this severity (error, warning, info); the "
        "others still count and still gate under --fail-on.",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the cache folder.")
]
JobsOpt = Annotated[
    str,
    typer.Option(
        "--jobs",
        "-j",
        help="Check files on this many processes; auto: one per core when there are over "
        "a megabyte of claims to check.",
    ),
]


@app.command()
def check(
    paths: Paths,
    rules: RulesOpt = None,
    fmt: FmtOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    fail_on: FailOnOpt = None,
    baseline: BaselineOpt = None,
    save_baseline: SaveBaselineOpt = None,
    lang: LangOpt = None,
    verbose: VerboseOpt = False,
    min_severity: MinSeverityOpt = "info",
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = "auto",
    article_root: RootOpt = None,
    changed: ChangedOpt = False,
) -> None:
    """Recompute every derived figure of the claims and report what disagrees."""
    from factcheck import runner  # noqa: PLC0415
    from factcheck.report import FORMATS, formatter  # noqa: PLC0415

    if fmt is None:  # inside GitHub Actions, printed findings are annotations on the run
        actions = os.environ.get("GITHUB_ACTIONS") == "true" and output is None
        fmt = "github" if actions else "terminal"
    if fmt not in FORMATS:
        _usage(f"unknown format '{fmt}'; expected one of {', '.join(FORMATS)}")
    if min_severity not in ("error", "warning", "info"):
        _usage(f"--min-severity must be error, warning or info, not '{min_severity}'")
    processes = _jobs(jobs)
    request = runner.CheckRequest(
        paths=_changed(paths) if changed else paths,
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
    raise typer.Exit(report.exit_code())


def _jobs(value: str) -> int | None:
    """``--jobs``: a number of processes, or None for auto."""
    if value.strip().lower() == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n >= 1:
        return n
    _usage(f"--jobs must be auto or a whole number of at least 1, not '{value}'")


@app.command()
def validate(
    paths: Paths, rules: RulesOpt = None, article_root: RootOpt = None, changed: ChangedOpt = False
) -> None:
    """Check claims files (format, units, periods, quotes) without running the rules."""
    from factcheck import runner  # noqa: PLC0415

    files, claims = runner.validate(_changed(paths) if changed else paths, rules, article_root)
    print(f"{files} file(s), {claims} claims: valid")


@app.command()
def rule(
    code: Annotated[
        str | None, typer.Argument(help="A code: FC102, E112, … (any case).", show_default=False)
    ] = None,
    all_codes: Annotated[bool, typer.Option("--all", help="List every code.")] = False,
) -> None:
    """Explain one code: what it means, its default severity, what it checks, with examples."""
    from factcheck import rulehelp  # noqa: PLC0415

    if all_codes or code is None:
        if code is None and not all_codes:
            _usage("name a code (factcheck rule FC102), or --all for the list")
        sys.stdout.write(rulehelp.listing())
        return
    text = rulehelp.describe(code)
    if text is None:
        hint = rulehelp.suggest(code)
        did = f" (did you mean {hint}?)" if hint else ""
        _usage(f"no code '{code}'{did}; see factcheck rule --all")
    sys.stdout.write(text)


@app.command()
def clean() -> None:
    """Remove the cache folder (.factcheck_cache, or $FACTCHECK_CACHE_DIR), if factcheck made it."""
    from factcheck.cache import clean as remove  # noqa: PLC0415

    print(remove())


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file ('-': stdout).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Print the JSON Schema of the claims format."""
    from factcheck import runner  # noqa: PLC0415
    from factcheck.schema import schema_text  # noqa: PLC0415

    if output and str(output) != "-":  # '-': standard output; an old copy is replaced
        runner.write_schema(output, force)
    else:
        sys.stdout.write(schema_text())


@app.command()
def coverage(
    article: Annotated[Path, typer.Argument(help="The article text.")],
    claims: Annotated[Path, typer.Argument(help="Its claims file.")],
    rules: RulesOpt = None,
    article_root: RootOpt = None,
) -> None:
    """List every numeric mention of the article that no claim quotes and no entry ignores."""
    from factcheck import runner  # noqa: PLC0415

    missing, total = runner.coverage(article, claims, rules, article_root)
    for m in missing:
        print(f"{article}:{m.line}:{m.col}: {m.text}")
    covered = total - len(missing)
    print(f"{covered}/{total} numeric mentions covered ({100 * covered / max(total, 1):.1f}%)")
    raise typer.Exit(Exit.FINDINGS if missing else Exit.CLEAN)


@app.command()
def show(
    path: Annotated[
        Path,
        typer.Argument(
            help="A claims file, or an article (its claims file, or claims drafted in memory)."
        ),
    ],
    rules: RulesOpt = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en.")] = None,
    article_root: RootOpt = None,
) -> None:
    """Print the article with every figure marked by its verdict and a note per finding."""
    from factcheck import runner  # noqa: PLC0415
    from factcheck.report import annotated  # noqa: PLC0415

    report, language = runner.show(path, rules, lang, article_root)
    for result in report.results:
        if result.file is not None and result.file.article_text is not None:
            annotated.render(result, sys.stdout, language)
    raise typer.Exit(report.exit_code())


@app.command()
def explain(
    claim_id: Annotated[str, typer.Argument(help="The id of a claim.")],
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Claims files or folders (default: claims/).")
    ] = None,
    rules: RulesOpt = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en.")] = None,
    article_root: RootOpt = None,
) -> None:
    """Print every check that touches one claim, step by step."""
    from factcheck import runner  # noqa: PLC0415

    sys.stdout.write(runner.explain(claim_id, paths or [Path("claims")], rules, lang, article_root))


@app.command()
def extract(
    article: Annotated[Path, typer.Argument(help="The article text.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the draft here (default: the article's name, .yaml)."
        ),
    ] = None,
    merge: Annotated[
        Path | None,
        typer.Option(
            "--merge",
            help="Append draft claims for the mentions this claims file does not cover yet "
            "(in place, or to --output); its own text is kept byte for byte.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing --output file.")
    ] = False,
    rules: RulesOpt = None,
) -> None:
    """Draft a claims file from an article: every figure a claim marked draft: true."""
    from factcheck import runner  # noqa: PLC0415

    if output is not None and str(output) == "-":
        _usage("extract writes a claims file beside its article; '-o -' is not one")
    print(runner.extract(article, output, merge, force, rules))


def _global_options(args: list[str]) -> list[str]:
    """The arguments with ``--debug`` taken wherever it stands (``factcheck check --debug x``
    as ``factcheck --debug check x``); after ``--`` it is a path like any other."""
    global _debug
    end = args.index("--") if "--" in args else len(args)
    if "--debug" in args[:end]:
        _debug = True
        return [a for a in args[:end] if a != "--debug"] + args[end:]
    return args


def main() -> None:
    """Entry point: run the app and map every outcome to an exit code."""
    from factcheck.errors import InputError, UsageError  # noqa: PLC0415

    try:
        # Without standalone mode click returns the code of typer.Exit instead of exiting.
        code = app(args=_global_options(sys.argv[1:]), standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except InputError as exc:  # every input problem of every command, reported here
        for p in exc.problems:
            print(p, file=sys.stderr)
        sys.exit(Exit.INPUT)
    except UsageError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        sys.exit(Exit.INPUT)
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        sys.exit(Exit.INTERRUPTED)
    except BrokenPipeError:
        raise  # the reader went away: entry() exits 120, whatever the command
    except Exception as exc:  # noqa: BLE001 - click's usage errors and our bugs, told apart below
        clicks = _click_exceptions()
        if isinstance(exc, clicks.ClickException):
            exc.show()
            sys.exit(Exit.INPUT)
        if isinstance(exc, typer.Abort | getattr(clicks, "Abort", typer.Abort)):
            sys.exit(Exit.INTERRUPTED)
        if _debug:
            import traceback  # noqa: PLC0415

            traceback.print_exc()
        print(
            f"factcheck: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in factcheck. Please report it with the command you ran; "
            "'factcheck --debug COMMAND ...' shows the traceback.",
            file=sys.stderr,
        )
        sys.exit(Exit.INTERNAL)
    sys.exit(code if isinstance(code, int) else Exit.CLEAN)


def entry() -> NoReturn:
    """The console script: :func:`main`, then an exit that skips the interpreter's teardown.

    After a big run the teardown releases millions of objects one by one and runs a last
    collection over them, about 0.3 s after 100k claims that change nothing: mypy exits the same
    way. Every file was written and closed by then; standard output and error are flushed here.
    """
    import signal  # noqa: PLC0415

    # A run of the command line makes no reference cycles worth a collection: the checking
    # itself was measured (app.collector_paused), and everything else is short. Off for the
    # whole process, as in a worker; app.run's young-generation passes still run.
    gc.disable()
    if hasattr(signal, "SIGXFSZ"):  # a file-size limit: an error to report (E305), not a kill
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    for name in ("stdout", "stderr"):  # a stream the shell closed (>&-, 2>&-) is None
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    try:
        main()
        code: int = Exit.CLEAN
    except SystemExit as exc:  # sys.exit('message') is 1, as Python itself exits
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if isinstance(exc.code, str):
            with contextlib.suppress(OSError, ValueError):
                print(exc.code, file=sys.stderr)
    except BrokenPipeError:  # standard output or error closed by its reader (| head)
        code = BROKEN_PIPE
    # click meets a broken pipe itself, wraps the streams to silence them and exits 1
    if any(type(s).__name__ == "PacifyFlushWrapper" for s in (sys.stdout, sys.stderr)):
        code = BROKEN_PIPE
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what Python itself reports as 120
            code = BROKEN_PIPE
    os._exit(code)


# A reader that closed standard output or error before everything was written (factcheck check |
# head -1): silently, for every command and whatever the run found, the code Python itself
# gives when it cannot flush them at exit.
BROKEN_PIPE = Exit.CLOSED_OUTPUT


def _click_exceptions() -> ModuleType:
    """Click's exceptions: typer 0.28 vendors click as typer._click, older typer uses click."""
    import importlib  # noqa: PLC0415

    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:  # pragma: no cover - depends on the typer release
        return importlib.import_module("click.exceptions")


if _COLLECTING:
    gc.enable()
