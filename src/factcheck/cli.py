"""The command line: read the options, make one call to :mod:`factcheck.runner`, print what it
returns, and exit with a code of :class:`factcheck.codes.Exit`. Input problems and usage errors
are raised below and reported in one place, :func:`main`. Heavy modules (typer, pint, rich, the
engine) are imported only where they are needed, so a check starts fast: a plain ``check``
command line is read by :func:`factcheck.checkcmd.parse` without typer, and every other one by
the typer app of :mod:`factcheck.commands` (``--help``, the other commands, usage errors).

Exit codes: 0 clean, 1 a finding at or above ``--fail-on``, 2 a usage or input error, 3 an
internal error (a bug: please report it), 130 interrupted.
"""

import contextlib
import gc
import os
import sys
from types import ModuleType
from typing import NoReturn

from factcheck import recache
from factcheck.codes import Exit

recache.load()  # before anything compiles a pattern: the ones earlier runs compiled, ready

DEBUG = False  # --debug: show the traceback of an internal error


def _global_options(args: list[str]) -> list[str]:
    """The arguments with ``--debug`` taken wherever it stands (``factcheck check --debug x``
    as ``factcheck --debug check x``); after ``--`` it is a path like any other."""
    global DEBUG
    end = args.index("--") if "--" in args else len(args)
    if "--debug" in args[:end]:
        DEBUG = True
        return [a for a in args[:end] if a != "--debug"] + args[end:]
    return args


def _run(args: list[str]) -> object:
    """Run the command line ``args``; what typer's app returns (an exit code, or None)."""
    from factcheck import checkcmd  # noqa: PLC0415

    params = checkcmd.parse(args)
    if params is None:
        from factcheck.commands import app  # noqa: PLC0415

        # Without standalone mode click returns the code of typer.Exit instead of exiting.
        return app(args=args, standalone_mode=False)
    # What typer's main does around a command, done the same way (typer/core.py, _main).
    try:
        return checkcmd.run(**params)  # type: ignore[arg-type]
    except EOFError:
        print(file=sys.stderr)
        return Exit.INTERRUPTED
    except KeyboardInterrupt:
        return Exit.INTERRUPTED


def main() -> None:
    """Entry point: run the command line and map every outcome to an exit code."""
    from factcheck.errors import InputError, UsageError  # noqa: PLC0415

    try:
        code = _run(_global_options(sys.argv[1:]))
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
        if "factcheck.commands" in sys.modules:  # typer ran: a usage error of click's, or Abort
            clicks = _click_exceptions()
            if isinstance(exc, clicks.ClickException):
                exc.show()
                sys.exit(Exit.INPUT)
            import typer  # noqa: PLC0415 - imported already, by commands

            if isinstance(exc, typer.Abort | getattr(clicks, "Abort", typer.Abort)):
                sys.exit(Exit.INTERRUPTED)
        if DEBUG:
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
    recache.save()  # the patterns this run compiled, for the next run
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
