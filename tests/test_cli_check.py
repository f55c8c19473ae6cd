"""End-to-end tests of ``factcheck check`` through the real command line (a subprocess): exit
codes and ``--fail-on``, ``--output``, baselines, accepted findings in every format, and the
terminal report's colour. The claims are the small fixture of tests/data/formats/, copied into a
temporary folder so that each test can edit its copy.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from inputs import run_cli

from factcheck.report import FORMATS

DATA = Path(__file__).resolve().parent / "data" / "formats"
REPO = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>\w+) (?P<code>[A-Z]+\d+) ")


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    """A folder with claims/claims.yaml and claims/article.txt (the fixture)."""
    (tmp_path / "claims").mkdir()
    for name in ("claims.yaml", "article.txt"):
        shutil.copy(DATA / name, tmp_path / "claims" / name)
    return tmp_path


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m factcheck check ARGS`` in ``cwd``, in English, with its cache in ``cwd``."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "LANG", "LC_ALL", "LC_MESSAGES")
    }
    base.update(LANG="C.UTF-8", FACTCHECK_CACHE_DIR=str(cwd / ".cache"), PYTHONIOENCODING="utf-8")
    base.update(env)
    return run_cli("check", *args, cwd=cwd, env=base)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def accept_cagr(work: Path) -> None:
    """Accept the one gating error: what is left is a warning (FC151) and an info (FC131)."""
    edit(
        work / "claims" / "claims.yaml",
        "    value: 9.5%\n",
        "    value: 9.5%\n    accept:\n      - {code: FC102, reason: revised figure pending}\n",
    )


def ignore_mention(work: Path) -> None:
    """Cover the uncovered mention: what is left is the info (FC131)."""
    edit(
        work / "claims" / "claims.yaml",
        "ignore:\n",
        "ignore:\n  - {quote: 全市共有12个乡镇, reason: other}\n",
    )


def codes(out: str) -> list[tuple[str, str]]:
    return [(m["sev"], m["code"]) for m in map(LINE.match, out.splitlines()) if m]


# ---- exit codes and --fail-on


def test_a_gating_error_exits_1(work: Path) -> None:
    done = run(work, "claims", "--format", "text")
    assert done.returncode == 1, done.stderr
    assert codes(done.stdout) == [
        ("error", "FC102"),
        ("error", "FC101"),
        ("warning", "FC151"),
        ("info", "FC131"),
    ]
    assert all(LINE.match(x) for x in done.stdout.splitlines())  # the parsable format
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("fail_on", "error", "warning", "info"),
    [
        # exit codes with: an error, a warning and an info / only the warning and the info /
        # only the info
        ("error", 1, 0, 0),
        ("warning", 1, 1, 0),
        ("info", 1, 1, 1),
        ("never", 0, 0, 0),
    ],
)
def test_fail_on(work: Path, fail_on: str, error: int, warning: int, info: int) -> None:
    assert run(work, "claims", "-f", "text", "--fail-on", fail_on).returncode == error
    accept_cagr(work)
    assert run(work, "claims", "-f", "text", "--fail-on", fail_on).returncode == warning
    ignore_mention(work)
    done = run(work, "claims", "-f", "text", "--fail-on", fail_on)
    assert done.returncode == info
    assert codes(done.stdout) == [("error", "FC102"), ("error", "FC101"), ("info", "FC131")]


def test_clean_run_exits_0(work: Path) -> None:
    accept_cagr(work)
    ignore_mention(work)
    done = run(work, "claims", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["exit_code"] == 0
    assert doc["counts"]["gating"] == 0


def test_bad_fail_on_value_exits_2(work: Path) -> None:
    done = run(work, "claims", "--fail-on", "sometimes")
    assert done.returncode == 2
    assert "--fail-on must be one of error, warning, info, never" in done.stderr


def test_unknown_format_exits_2(work: Path) -> None:
    done = run(work, "claims", "--format", "yaml")
    assert done.returncode == 2
    assert "unknown format 'yaml'" in done.stderr


def test_malformed_yaml_exits_2(work: Path) -> None:
    (work / "claims" / "broken.yaml").write_text("claims: [\n", encoding="utf-8")
    done = run(work, "claims", "--format", "text")
    assert done.returncode == 2
    assert re.search(r"broken\.yaml:\d+:\d+: E101 ", done.stderr)
    # the other file was still checked and reported
    assert ("error", "FC102") in codes(done.stdout)


@pytest.mark.parametrize("fmt", ["terminal", "text", "json"])
def test_zero_claims_checked_exits_2(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "empty").mkdir()
    done = run(tmp_path, "empty", "--format", fmt)
    assert done.returncode == 2
    assert "E303 no claims were checked" in done.stderr


def test_missing_path_exits_2(tmp_path: Path) -> None:
    done = run(tmp_path, "nowhere.yaml")
    assert done.returncode == 2
    assert "E301" in done.stderr


# ---- --output


def test_output_writes_the_file_and_nothing_to_stdout(work: Path) -> None:
    done = run(work, "claims", "-f", "sarif", "-o", "out.sarif")
    assert done.returncode == 1
    assert done.stdout == ""
    assert json.loads((work / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_output_dash_is_standard_output(work: Path) -> None:
    done = run(work, "claims", "-f", "sarif", "-o", "-")
    assert done.returncode == 1
    assert json.loads(done.stdout)["version"] == "2.1.0"
    assert not (work / "-").exists()


def test_output_to_a_folder_says_it_is_a_folder(work: Path) -> None:
    (work / "reports").mkdir()
    done = run(work, "claims", "-f", "json", "-o", "reports")
    assert done.returncode == 2
    assert done.stderr.strip() == "reports:1:1: E302 is a directory, not a file"


@pytest.mark.parametrize("fmt", ["json", "terminal"])
def test_output_replaces_an_old_report(work: Path, fmt: str) -> None:
    # As ruff and pytest replace their report files (issue 17); only inputs are refused.
    target = work / "report.out"
    target.write_text("the old report\n", encoding="utf-8")
    done = run(work, "claims", "-f", fmt, "-o", "report.out")
    assert done.returncode == 1
    assert "revenue-cagr" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".report")) == []


# ---- baselines


def test_baseline_gates_only_on_new_findings(work: Path) -> None:
    done = run(work, "claims", "-f", "text", "--save-baseline", "baseline.json")
    assert done.returncode == 1
    saved = json.loads((work / "baseline.json").read_text(encoding="utf-8"))
    assert saved["version"] == 1
    assert "claims/claims.yaml::revenue-cagr::FC102" in saved["findings"]

    done = run(work, "claims", "-f", "json", "--baseline", "baseline.json")
    assert done.returncode == 0, done.stdout
    doc = json.loads(done.stdout)
    assert doc["counts"]["baselined"] == 4
    assert all(f["in_baseline"] and not f["gating"] for f in doc["findings"])

    # a new inconsistency: the ratio no longer fits its terms
    claims, article = work / "claims" / "claims.yaml", work / "claims" / "article.txt"
    edit(claims, "    value: 2.25:1\n", "    value: 2.5:1\n")
    edit(claims, "quote: 城乡居民收入比为2.25:1", "quote: 城乡居民收入比为2.5:1")
    edit(article, "城乡居民收入比为2.25:1", "城乡居民收入比为2.5:1")
    done = run(work, "claims", "-f", "json", "--baseline", "baseline.json")
    assert done.returncode == 1
    gating = [f["code"] for f in json.loads(done.stdout)["findings"] if f["gating"]]
    assert gating == ["FC112"]


def test_a_bad_baseline_exits_2(work: Path) -> None:
    (work / "baseline.json").write_text("[]", encoding="utf-8")
    done = run(work, "claims", "--baseline", "baseline.json")
    assert done.returncode == 2
    assert "E304" in done.stderr


# ---- every format through the CLI


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_accepted_findings_stay_visible(work: Path, fmt: str) -> None:
    done = run(work, "claims", "--format", fmt)
    assert done.returncode == 1, done.stderr
    assert "trade-growth" in done.stdout
    assert "customs office" in done.stdout


def test_lang_zh(work: Path) -> None:
    done = run(work, "claims", "--lang", "zh")
    assert "错误 (2)" in done.stdout
    assert "文中为 9.5%，按水平值计算为 8.4%" in done.stdout


# ---- the terminal report's colour


@pytest.mark.parametrize(
    ("env", "ansi"),
    [
        ({}, False),  # a pipe is not a terminal
        ({"NO_COLOR": "1"}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "0"}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_terminal_colour(work: Path, env: dict[str, str], ansi: bool) -> None:
    done = run(work, "claims", **env)
    assert done.returncode == 1
    assert ("\x1b[" in done.stdout) is ansi
    assert "Errors (2)" in done.stdout
    assert "✗ FC102 revenue-cagr" in re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="closes a stream with sh")
@pytest.mark.parametrize(
    ("args", "code"),
    [
        ("--version 2>&-", 0),
        ("check claims -f text 2>&-", 1),
        ("check nowhere 2>&-", 2),
        ("check claims -f json >&-", 1),  # the report goes nowhere; the exit code stands
        ("check nowhere >&-", 2),
    ],
)
def test_a_closed_stream_keeps_the_exit_code(work: Path, args: str, code: int) -> None:
    # The console script flushes the streams before its fast exit; a stream the shell closed
    # (2>&-) is None in Python and must not turn into an error. The fixture's claims have an
    # error finding (exit 1); a missing path is an input error (2).
    cmd = f"'{sys.executable}' -m factcheck {args}"
    done = subprocess.run(["sh", "-c", cmd], cwd=work, capture_output=True, text=True)
    assert done.returncode == code
    assert "Traceback" not in done.stdout + done.stderr
    if "2>&-" in args:  # messages meant for stderr are not printed on stdout instead
        assert "E301" not in done.stdout


def test_a_crash_exits_3(work: Path) -> None:
    # A bug in a formatter must not look like "findings" (1): main() maps it to 3.
    code = (
        "import sys\n"
        "import factcheck.report.text as text\n"
        "def broken(report):\n"
        "    raise ZeroDivisionError('boom')\n"
        "text.render = broken\n"
        "from factcheck.cli import main\n"
        "sys.argv = ['factcheck', 'check', 'claims', '--format', 'text']\n"
        "main()\n"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(work / ".cache")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=work, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3
    assert "internal error: ZeroDivisionError: boom" in done.stderr


def test_folder_walk_skips_yaml_that_is_not_claims(tmp_path: Path) -> None:
    # A rule pack, a config file and CI YAML in the folder are not claims files: a walk skips
    # files without a top-level `claims:` key and hidden files; the claims file is checked once
    # even when it is also named on its own.
    shutil.copy(REPO / "claims" / "jinchang-2025.yaml", tmp_path / "a.yaml")
    shutil.copy(REPO / "claims" / "jinchang-2025.txt", tmp_path / "jinchang-2025.txt")
    (tmp_path / "pack.yaml").write_text("rounding: {approx: 0.1}\n", encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text("fail_on: error\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "check",
            ".",
            "a.yaml",
            "--format",
            "json",
            "--no-cache",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["counts"]["files"] == 1
    assert report["counts"]["claims"] == 126


def test_validate_with_no_claims_does_not_pass(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("无数字。\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("article: a.txt\nentity: x\nclaims: []\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "validate", "c.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "E303" in done.stderr


def test_baseline_does_not_depend_on_how_paths_are_typed(tmp_path: Path) -> None:
    # The example's only warning (FC121) is saved in a baseline while checking "claims/"; the
    # same file named absolutely, or from inside the folder, is still in the baseline.
    folder = tmp_path / "claims"
    folder.mkdir()
    for name in ("jinchang-2025.yaml", "jinchang-2025.txt"):
        shutil.copy(REPO / "claims" / name, folder / name)

    def check(*args: str, cwd: Path) -> int:
        cmd = [
            sys.executable,
            "-m",
            "factcheck",
            "check",
            *args,
            "--fail-on",
            "warning",
            "--format",
            "text",
            "--no-cache",
        ]
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True).returncode

    assert check("claims/", cwd=tmp_path) == 1  # FC121 is a warning: it gates
    assert check("claims/", "--save-baseline", "base.json", cwd=tmp_path) == 1
    base = str(tmp_path / "base.json")
    assert check("claims/", "--baseline", base, cwd=tmp_path) == 0
    assert check(str(folder), "--baseline", base, cwd=tmp_path) == 0
    assert check(".", "--baseline", base, cwd=folder) == 0


def test_report_file_never_gets_colour_codes(tmp_path: Path) -> None:
    for name in ("jinchang-2025.yaml", "jinchang-2025.txt"):
        shutil.copy(REPO / "claims" / name, tmp_path / name)
    env = {**os.environ, "FORCE_COLOR": "1", "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", ".", "-o", "r.txt"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in text and "FC121" in text


def test_bad_setting_in_config_file_names_the_file(tmp_path: Path) -> None:
    for name in ("jinchang-2025.yaml", "jinchang-2025.txt"):
        shutil.copy(REPO / "claims" / name, tmp_path / name)
    (tmp_path / ".factcheck.yaml").write_text("lang: zh\nfail_on: errors\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", ".", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert re.search(r"\.factcheck\.yaml:2:1: E203 'fail_on' must be one of", done.stderr)


@pytest.mark.parametrize("pad", [10, 8180, 8190, 50_000])  # 8180: "claims" at byte 8189
def test_a_claims_key_is_found_wherever_it_stands(tmp_path: Path, pad: int) -> None:
    # The walk reads a file's first 8 KiB, then up to 1 MiB: a key after a long ignore list,
    # or one cut by the 8 KiB boundary, is still found.
    from factcheck.app import _looks_like_claims  # noqa: PLC0415 - a private helper, here only

    path = tmp_path / "x.yaml"
    path.write_bytes(b"ignore:\n" + b"#" * pad + b"\nclaims: []\n")
    assert _looks_like_claims(path)
    path.write_bytes(b"rounding: {}\n" * 1000)
    assert not _looks_like_claims(path)


def test_schema_to_dash_is_standard_output(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "factcheck", "schema", "-o", "-"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0
    assert json.loads(done.stdout)["$schema"].startswith("http")
    assert not (tmp_path / "-").exists()
