"""The README shows the report of the example: every line it shows must be what the tool prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_report_excerpt_is_what_the_tool_prints(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = re.search(r"```text\n(factcheck claims/.*?)```", readme, re.S)
    assert excerpt is not None
    env = {**os.environ, "NO_COLOR": "1", "FACTCHECK_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "claims/"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.splitlines()
    for line in excerpt.group(1).splitlines():
        if line.strip() and line.strip() != "…":
            assert line in printed


def test_ci_runs_the_readme_development_commands() -> None:
    """The README's development commands (after the install line) are the last lines .ci/run
    runs, in the same order: lint, format, types, tests."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Development", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    commands = [c for c in block.group(1).splitlines() if c and not c.startswith("python3 -m pip")]
    assert any(c.startswith("ruff check") for c in commands)
    assert "mypy" in commands
    assert commands[-1] == "python3 -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [line for line in ci.splitlines() if line and not line.startswith("#")]
    assert ci_lines[-len(commands) :] == commands
