"""The fast path of ``factcheck check`` (checkcmd.parse, no typer) against typer's own reading
of the same command lines: the same options, the same keyword arguments for every line it
accepts, the same outcome for every way a run can end, and typer never imported by it."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from factcheck import checkcmd
from factcheck.commands import app

ROOT = Path(__file__).resolve().parents[1]


def _check_command() -> Any:
    return typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]


def test_the_options_are_typers() -> None:
    # Every option typer defines for `check` is in OPTIONS with its keyword, kind and default,
    # and no other: an option added to commands.py and not here fails this test.
    seen: set[str] = set()
    for param in _check_command().params:
        if param.name == "paths":
            assert param.nargs == -1 and param.required
            continue
        assert not param.secondary_opts, param.name  # no --x/--no-x pairs to read
        kind = "flag" if param.is_flag else "path" if param.type.name == "path" else "text"
        for opt in param.opts:
            assert checkcmd.OPTIONS[opt] == (param.name, kind), opt
            seen.add(opt)
        assert checkcmd.DEFAULTS[param.name] == param.default, param.name
    assert seen == set(checkcmd.OPTIONS)
    assert set(checkcmd.DEFAULTS) == {name for name, _ in checkcmd.OPTIONS.values()}


def _typer_reading(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, object] | None:
    """The keyword arguments typer's app hands checkcmd.run for ``args``; None when it never
    calls it (a usage error, --help)."""
    got: list[dict[str, object]] = []

    def record(**kwargs: object) -> int:
        got.append(kwargs)
        return 0

    monkeypatch.setattr(checkcmd, "run", record)
    try:
        app(args=args, standalone_mode=False)
    except Exception:  # noqa: BLE001 - click's usage errors: typer did not run the command
        return None
    return got[0] if got else None


# The usual command lines: the fast path must take them (else it would save nothing).
USUAL = [
    ["check", "claims/"],
    ["check", "claims", "--no-cache"],
    ["check", "a.yaml", "b.yaml", "-f", "json", "-o", "out.json", "--force"],
    ["check", "--format=sarif", "--output=r.sarif", "claims"],
    ["check", "claims", "--fail-on", "warning", "--min-severity", "error", "-v"],
    ["check", "claims", "--baseline", "b.json", "--save-baseline", "c.json", "--lang", "en"],
    ["check", "-j", "2", "claims", "--jobs", "1", "--rules", "r.yaml", "--article-root", "."],
    ["check", "--changed", "x.txt", "y.yaml"],
    ["check", "claims", "--", "--verbose", "-f"],
    ["check", "文章.txt", "--format", "text"],
]


@pytest.mark.parametrize("args", USUAL, ids=lambda a: " ".join(a))
def test_usual_lines_are_read_as_typer_reads_them(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = checkcmd.parse(args)
    assert fast is not None
    assert fast == _typer_reading(args, monkeypatch)


def test_the_last_of_a_repeated_option_wins() -> None:
    got = checkcmd.parse(["check", "c", "-f", "json", "--format", "text", "-v", "--verbose"])
    assert got is not None and got["fmt"] == "text" and got["verbose"] is True


# Tokens random command lines are made of: every option, values, and what the fast path must
# leave to typer (help, attached short values, bundled flags, unknown options, '=' on a flag).
TOKENS = [
    *checkcmd.OPTIONS,
    "--help",
    "-h",
    "--version",
    "--debug-x",
    "-fjson",
    "-vf",
    "-f=json",
    "--force=1",
    "--format=",
    "--jobs=2",
    "--output=-",
    "--",
    "-",
    "claims",
    "a.yaml",
    "json",
    "text",
    "auto",
    "0",
    "",
    "x=y",
    "路径",
    "--no-cache",
    "--fmt",
]


def test_random_lines_agree_with_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whenever the fast path reads a line, typer reads it the same way: a line it cannot read
    # like typer it must leave to typer (None). Many lines of both kinds are drawn.
    rng = random.Random(18)
    taken = left = 0
    for _ in range(3000):
        args = ["check", *rng.choices(TOKENS, k=rng.randrange(0, 7))]
        fast = checkcmd.parse(args)
        if fast is None:
            left += 1
            continue
        taken += 1
        assert fast == _typer_reading(args, monkeypatch), args
    assert taken > 300 and left > 300


def test_other_commands_and_completion_are_typers(monkeypatch: pytest.MonkeyPatch) -> None:
    for args in (["validate", "claims"], ["check"], ["check", "--help"], [], ["--version"]):
        assert checkcmd.parse(args) is None, args
    monkeypatch.setenv("_FACTCHECK_COMPLETE", "bash_complete")
    assert checkcmd.parse(["check", "claims"]) is None


def _run(code: str, cache: Path) -> subprocess.CompletedProcess[str]:
    """Python ``code`` run in the repository's folder, with its own cache folder."""
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_plain_check_never_imports_typer(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "sys.argv = ['factcheck', 'check', 'claims', '--no-cache', '-f', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('typer', 'click', 'factcheck.commands') if m in sys.modules), "
        "file=sys.stderr)\n"
    )
    done = _run(code, tmp_path)
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert '"format": "factcheck-report"' in done.stdout


def test_help_is_typers_and_lists_every_option(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom factcheck.cli import entry\nsys.argv = ['factcheck', 'check', '--help']\n"
    )
    done = _run(code + "entry()\n", tmp_path)
    assert done.returncode == 0
    for opt in checkcmd.OPTIONS:
        assert opt in done.stdout, opt


# How a run ends, injected into runner.check: each must end the same way on both paths.
ENDINGS = [
    "None",  # a normal run
    "raise KeyboardInterrupt",
    "raise EOFError",
    "raise BrokenPipeError(32, 'Broken pipe')",
    "raise ZeroDivisionError('boom')",
    "from factcheck.errors import UsageError; raise UsageError('bad')",
]


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("debug", [False, True])
def test_both_paths_end_alike(ending: str, debug: bool, tmp_path: Path) -> None:
    # `-f json` is the fast path's, `-fjson` (the same option to click) is typer's.
    def run(fmt: list[str]) -> tuple[int, str, str]:
        argv = ["factcheck", "check", "claims", *fmt, *(["--debug"] if debug else [])]
        code = (
            "import sys\n"
            "from factcheck import runner\n"
            "real = runner.check\n"
            "def check(request):\n"
            f"    {ending}\n"
            "    return real(request)\n"
            "runner.check = check\n"
            "from factcheck.cli import entry\n"
            f"sys.argv = {argv!r}\n"
            "entry()\n"
        )
        done = _run(code, tmp_path / "-".join(fmt))
        # A traceback's frames differ (typer's own, or none): only the error it ends with counts.
        stderr = re.sub(r"Traceback .*?\n(?=\w)", "Traceback\n", done.stderr, flags=re.S)
        return done.returncode, done.stdout, stderr

    fast, slow = run(["-f", "json"]), run(["-fjson"])
    assert fast == slow
    if "Zero" in ending:  # an internal error: 3, its traceback only with --debug
        assert fast[0] == 3 and ("Traceback" in fast[2]) == debug
