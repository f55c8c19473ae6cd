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
