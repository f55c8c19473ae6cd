"""--jobs: several processes report what one process does; auto starts them only for big runs."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import app

ROOT = Path(__file__).resolve().parents[1]
BROKEN = "article: a.txt\nentity: x\nclaims:\n  - {id: a, kind: levle, quote: q}\n"


def _folder(tmp_path: Path) -> Path:
    """Three copies of the example, and a file with an input problem, which travels too."""
    root = tmp_path / "claims"
    for name in ("a", "b", "c"):
        (root / name).mkdir(parents=True)
        for suffix in (".yaml", ".txt"):
            shutil.copy(ROOT / "claims" / f"jinchang-2025{suffix}", root / name)
    (root / "d").mkdir()
    (root / "d" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "d" / "a.txt").write_text("q", encoding="utf-8")
    return root


def _report(tmp_path: Path, *args: str) -> tuple[int, dict[str, object]]:
    cmd = [sys.executable, "-m", "factcheck", "check", "claims", "--no-cache", "-f", "json"]
    done = subprocess.run([*cmd, *args], cwd=tmp_path, capture_output=True, text=True)
    return done.returncode, json.loads(done.stdout)


def test_two_processes_report_what_one_does(tmp_path: Path) -> None:
    _folder(tmp_path)
    code1, one = _report(tmp_path, "--jobs", "1")
    code2, two = _report(tmp_path, "--jobs", "2")
    assert code1 == code2 == 2  # the broken file is an input problem
    for key in ("findings", "passed", "problems", "counts", "files"):
        assert one[key] == two[key], key
    assert one["counts"]["files"] == 4
    # Each copy of the example passes its 4 checks (FC112-FC115, tests/test_example.py).
    assert len(one["passed"]) == 3 * 4
    assert [p["code"] for p in one["problems"]] == ["E114"]


def test_auto_starts_processes_only_for_a_big_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    targets, _ = app.collect([_folder(tmp_path)])
    size = sum(t.path.stat().st_size for t in targets)
    assert size < app.PARALLEL_BYTES  # four small files: not worth a process
    assert app.auto_jobs(targets) == 1
    monkeypatch.setattr(app, "PARALLEL_BYTES", size)
    assert app.auto_jobs(targets) == app.available_cpus()
    assert app.auto_jobs(targets[:1]) == 1  # one file is never split


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", ""])
def test_a_bad_jobs_value_is_a_usage_error(tmp_path: Path, value: str) -> None:
    _folder(tmp_path)
    cmd = [sys.executable, "-m", "factcheck", "check", "claims", "--jobs", value]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2
    assert "--jobs must be auto or a whole number" in done.stderr
    assert "Traceback" not in done.stderr


def test_results_cross_processes_unchanged(tmp_path: Path) -> None:
    targets, _ = app.collect([_folder(tmp_path)])
    pack, _ = app.resolve_pack(None, [tmp_path])
    for target in targets:
        result = app.check_one(target, pack, keep_file=False)
        assert pickle.loads(pickle.dumps(result)) == result


def test_workers_fill_the_cache_and_its_unit_table(tmp_path: Path) -> None:
    # The example's 536.31公斤/亩 is a compound unit, parsed by pint in a worker: the parent
    # must still record it in the cache's unit table, and the workers' entries must serve a
    # second run whole.
    _folder(tmp_path)
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "factcheck", "check", "claims", "-f", "json", "--jobs", "2"]
    first = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)
    [table] = (tmp_path / "cache").rglob("units-*.json")
    assert "公斤/亩" in json.loads(table.read_text(encoding="utf-8"))
    entries = [p for p in (tmp_path / "cache").rglob("*.json") if p != table]
    assert len(entries) == 3  # the three good files; the broken one is not cached
    second = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert json.loads(first.stdout)["passed"] == json.loads(second.stdout)["passed"]
