"""The files for CI (issue 17): the pre-commit hooks check claims wherever they live, and the
GitHub workflow pins its actions and runs when the configuration changes.

The hooks are run as pre-commit runs them: their ``files`` pattern picks the changed files
(``re.search`` on the path relative to the repository), then ``entry`` runs with those files
appended. ``pre-commit try-repo`` itself installs factcheck from PyPI-resolved dependencies into
a new virtualenv, too slow for the suite; docs/output-formats.md says how it was tried."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "formats"
HOOKS = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))}


@pytest.fixture()
def newsroom(tmp_path: Path) -> Path:
    """A newsroom's repository: claims and article in news/, and files that are not claims."""
    (tmp_path / "news").mkdir()
    shutil.copy(DATA / "claims.yaml", tmp_path / "news" / "revenue.yaml")
    shutil.copy(DATA / "article.txt", tmp_path / "news" / "article.txt")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("增长8%\n", encoding="utf-8")
    return tmp_path


def run_hook(repo: Path, hook_id: str, changed: list[str], files: str | None = None) -> int | None:
    """Run a hook as pre-commit would on a commit changing ``changed``; None if it is skipped."""
    hook = HOOKS[hook_id]
    picked = [f for f in changed if re.search(files or hook["files"], f)]
    if not picked:
        return None
    argv = shlex.split(hook["entry"]) + (picked if hook["pass_filenames"] else [])
    argv[0:1] = [sys.executable, "-m", "factcheck"]
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(repo / ".cache"), "LANG": "C.UTF-8"}
    done = subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr
    return done.returncode


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_the_hooks_check_claims_that_live_in_news(newsroom: Path, hook: str) -> None:
    # the fixture has an inconsistent CAGR: check exits 1; validate finds the file valid
    gate = 1 if hook == "factcheck" else 0
    assert run_hook(newsroom, hook, ["news/revenue.yaml"]) == gate
    # an edited article re-checks the claims that quote it
    assert run_hook(newsroom, hook, ["news/article.txt"]) == gate
    # a commit touching only other YAML and text files passes
    assert run_hook(newsroom, hook, [".github/workflows/ci.yml", "notes.txt"]) == 0


def test_a_broken_claims_file_in_news_stops_the_commit(newsroom: Path) -> None:
    (newsroom / "news" / "revenue.yaml").write_text("claims: [\n", encoding="utf-8")
    for hook in HOOKS:
        assert run_hook(newsroom, hook, ["news/revenue.yaml"]) == 2


def test_the_files_pattern_is_the_users_to_narrow(newsroom: Path) -> None:
    for hook in HOOKS.values():
        assert hook["pass_filenames"] is True
        assert not hook["files"].startswith("^claims")  # no folder is hard-coded
        for path in ("news/a.yaml", "claims/b.yml", "x/y/article.txt"):
            assert re.search(hook["files"], path)
        assert not re.search(hook["files"], "src/factcheck/cli.py")
    # `files: ^news/` in the user's config: other folders no longer run the hook
    assert run_hook(newsroom, "factcheck", ["notes.txt"], files=r"^news/") is None
    assert run_hook(newsroom, "factcheck", ["news/article.txt"], files=r"^news/") == 1


def test_the_recipe_in_the_docs_pins_a_tag() -> None:
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"rev: v\d+\.\d+\.\d+", text)
    version = re.search(r'^version = "(.+)"', (REPO / "pyproject.toml").read_text(), re.M)
    assert version is not None
    assert f"rev: v{version.group(1)}" in text  # the tag of the version pyproject.toml says


# ---- the GitHub workflow

FLOW = yaml.safe_load((REPO / ".github" / "workflows" / "factcheck.yml").read_text("utf-8"))


def test_actions_are_pinned_to_commit_shas() -> None:
    [job] = FLOW["jobs"].values()
    text = (REPO / ".github" / "workflows" / "factcheck.yml").read_text(encoding="utf-8")
    uses = [s["uses"] for s in job["steps"] if "uses" in s]
    assert len(uses) == 3
    for use in uses:
        _, ref = use.split("@")
        assert re.fullmatch(r"[0-9a-f]{40}", ref), use
        # the version the SHA is, in a comment on the same line, for a reader and for Dependabot
        assert re.search(re.escape(use) + r" # v\d+\.\d+\.\d+", text), use


def test_the_workflow_runs_when_the_configuration_changes() -> None:
    on = FLOW.get("on", FLOW.get(True))  # YAML 1.1 reads the key `on` as True
    for event in ("pull_request", "push"):
        paths = on[event]["paths"]
        for needed in ("pyproject.toml", ".factcheck.yaml", "claims/**", "rules/**"):
            assert needed in paths, (event, needed)
