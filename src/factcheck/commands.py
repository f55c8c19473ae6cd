"""The typer app: every command and option, their help, and click's reading of every command
line that :func:`factcheck.checkcmd.parse` leaves to it (``--help``, the other commands, usage
errors). :func:`factcheck.cli.main` runs it and maps its outcomes to exit codes; the commands
import their heavy modules (pint, rich, the engine) inside, so ``--help`` stays fast.
"""

# No `from __future__ import annotations` here: typer would eval every option's annotation
# string on every run (about 5 ms); evaluated once at import, they cost nothing more.

import gc
import sys
from pathlib import Path
from typing import Annotated

# Importing typer and defining the commands make tens of thousands of objects and no garbage:
# the cyclic collector would only scan them as they age (a few ms of every run). Paused for this
# module's import, switched back on at its end; the console script keeps it off (cli.entry).
_COLLECTING = gc.isenabled()
gc.disable()

import typer  # noqa: E402

from factcheck import __version__, checkcmd, cli  # noqa: E402
from factcheck.codes import Exit  # noqa: E402

app = typer.Typer(
    name="factcheck",
    help="Catch numbers that contradict each other before an article is published.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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
    # cli.main has taken --debug out of the arguments wherever it stood, and set cli.DEBUG.
    cli.DEBUG = cli.DEBUG or debug


_usage = checkcmd.usage  # a bad option value: cli.main prints it and exits 2


Paths = Annotated[
    list[Path],
    typer.Argument(
        help="Claims files, articles (.txt, drafted in memory), or folders to search for them.",
        show_default=False,
    ),
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
    found = checkcmd.changed_claims(paths)
    if found is None:
        raise typer.Exit(Exit.CLEAN)
    return found


PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="The article's publication date (2019-04-20), which dates 一季度, 3月份 and 今年 in "
        "an article written without its year; default: today.",
    ),
]
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
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Also replace a symbolic link at --output (an old report is replaced anyway; what a "
        "link points to is never written).",
    ),
]
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
    published: PublishedOpt = None,
) -> None:
    """Recompute every derived figure of the claims and report what disagrees."""
    # The work is checkcmd.run's, which cli.main also calls without typer (checkcmd.parse);
    # its parameters are this function's, name for name.
    raise typer.Exit(checkcmd.run(**locals()))


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
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Also replace a symbolic link (an old file is replaced anyway)."
        ),
    ] = False,
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
    published: PublishedOpt = None,
) -> None:
    """Draft a claims file from an article: every figure a claim marked draft: true."""
    from factcheck import runner  # noqa: PLC0415

    if output is not None and str(output) == "-":
        _usage("extract writes a claims file beside its article; '-o -' is not one")
    date = checkcmd.published_option(published)
    print(runner.extract(article, output, merge, force, rules, date))


if _COLLECTING:
    gc.enable()
