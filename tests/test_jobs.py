"""--jobs: several processes report what one process does; auto starts them only for big runs."""

from __future__ import annotations

import gc
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from inputs import PINT_UNIT, write_pint_unit

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


def _report(tmp_path: Path, *args: str) -> tuple[int, dict[str, Any]]:
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
    # PINT_UNIT is parsed by pint in a worker: the parent must still record it in the cache's
    # unit table, and the workers' entries must serve a second run whole.
    write_pint_unit(_folder(tmp_path) / "a")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "factcheck", "check", "claims", "-f", "json", "--jobs", "2"]
    first = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)
    [table] = (tmp_path / "cache").rglob("units-*.json")
    assert PINT_UNIT in json.loads(table.read_text(encoding="utf-8"))
    entries = [p for p in (tmp_path / "cache").rglob("*.json") if p != table]
    assert len(entries) == 4  # the four good files; the broken one is not cached
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in entries}
    second = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert json.loads(first.stdout)["passed"] == json.loads(second.stdout)["passed"]
    # served from those entries: a file checked again would have its entry written anew
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in entries} == stamps


# ---- the collector's pause (app.collector_paused)


def test_the_collector_is_back_on_after_a_pause() -> None:
    assert gc.isenabled()
    with app.collector_paused():
        assert not gc.isenabled()
        with app.collector_paused():  # nested: changes nothing
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), app.collector_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with app.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_frozen_by_the_caller_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with app.collector_paused():
            pass
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_pause_hands_what_it_made_to_the_oldest_generation() -> None:
    # Without that, the collector would scan everything the pause made at the next allocation.
    with app.collector_paused():
        made = [[i] for i in range(50_000)]
        before = [g["collections"] for g in gc.get_stats()]
    fresh: list[list[int]] = [
        [] for _ in range(300)
    ]  # fewer allocations than the youngest generation's 700
    assert [g["collections"] for g in gc.get_stats()] == before, "the pause's objects were scanned"
    del fresh
    assert any(o is made for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0  # nothing stays frozen


@pytest.mark.parametrize(
    ("v2", "v1", "expected"),
    [
        ("200000 100000\n", None, 2),  # 2 CPUs
        ("150000 100000\n", None, 2),  # 1.5 CPUs: two processes
        ("max 100000\n", None, None),  # no limit
        (None, ("-1\n", "100000\n"), None),  # v1, no limit
        (None, ("50000\n", "100000\n"), 1),  # v1, half a CPU
        (None, None, None),  # no cgroup files at all
    ],
)
def test_a_container_cpu_quota_caps_the_processes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    v2: str | None,
    v1: tuple[str, str] | None,
    expected: int | None,
) -> None:
    files = {"max": tmp_path / "cpu.max", "q": tmp_path / "quota", "p": tmp_path / "period"}
    if v2 is not None:
        files["max"].write_text(v2)
    if v1 is not None:
        files["q"].write_text(v1[0])
        files["p"].write_text(v1[1])
    monkeypatch.setattr(
        app, "_CGROUP_FILES", ((str(files["max"]), None), (str(files["q"]), str(files["p"])))
    )
    assert app._cgroup_quota() == expected
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    assert app.available_cpus() == (min(cores, expected) if expected else cores)
