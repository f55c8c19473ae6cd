"""Configuration errors are reported where they are (issue 17): a broken pyproject.toml stops the
run (it is never passed over, which would drop its [tool.factcheck] and change a CI gate
without a word), and a bad setting points at its key's line and column."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "formats"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    for name in ("claims.yaml", "article.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def check(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8", "FACTCHECK_CACHE_DIR": str(cwd / ".cache")}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "claims.yaml", "-f", "text"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def problem(done: subprocess.CompletedProcess[str]) -> tuple[str, int, int, str]:
    """The one problem line on stderr: file name, line, column and code."""
    [line] = done.stderr.splitlines()
    path, row, col, rest = line.split(":", 3)
    return Path(path).name, int(row), int(col), rest.split()[0]


def test_a_broken_pyproject_is_an_error_at_its_place(repo: Path) -> None:
    # line 2 opens a string that never closes: tomllib stops at its end, column 10
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x\n\n[tool.factcheck]\nfail_on = "never"\n', encoding="utf-8"
    )
    done = check(repo)
    assert done.returncode == 2, done.stdout  # not 1: the gate was not silently dropped
    assert problem(done) == ("pyproject.toml", 2, 10, "E101")


def test_a_pyproject_that_is_not_utf8(repo: Path) -> None:
    (repo / "pyproject.toml").write_bytes('[tool.factcheck]\nlang = "中"\n'.encode("gb18030"))
    done = check(repo)
    assert done.returncode == 2
    assert problem(done)[3] == "E100"


@pytest.mark.parametrize(
    ("table", "where"),
    [
        # fail_on is on line 6 of the file, indented by two spaces: column 3
        ('[tool.factcheck]\nlang = "en"\n# the gate\n\n\n  fail_on = "warnings"\n', (6, 3, "E203")),
        (
            '[tool.other]\nx = 1\n[tool.factcheck]\nrules = "r.yaml"\nfailon = "warning"\n',
            (5, 1, "E202"),
        ),
        ('[tool]\nfactcheck.lang = "fr"\n', (2, 1, "E203")),
    ],
)
def test_a_bad_setting_points_at_its_key(
    repo: Path, table: str, where: tuple[int, int, str]
) -> None:
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n" + table, encoding="utf-8")
    line, col, code = where
    done = check(repo)
    assert done.returncode == 2
    assert problem(done) == ("pyproject.toml", line + 2, col, code)  # 2 lines of [project]


def test_a_pyproject_without_our_table_is_not_ours(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert check(repo).returncode == 1  # the fixture's error, under the default gate


def test_the_yaml_config_points_at_its_key(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text("lang: en\n\nfail_on: sometimes\n", encoding="utf-8")
    done = check(repo)
    assert done.returncode == 2
    assert problem(done) == (".factcheck.yaml", 3, 1, "E203")
