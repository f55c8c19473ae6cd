"""The cache folder: identical reports with and without it, invalidation, corruption, units."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck import result as result_module
from factcheck.finding import FIELDS, Finding
from factcheck.result import Deferred

ROOT = Path(__file__).resolve().parents[1]


def _copy_example(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    for name in ("jinchang-2025.yaml", "jinchang-2025.txt"):
        shutil.copy(ROOT / "claims" / name, folder / name)
    return folder


def _check(tmp_path: Path, *args: str, cache: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "factcheck", "check", "claims", "--format", "json", *args]
    if not cache:
        cmd.append("--no-cache")
    return subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)


def _findings(done: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    return [report["findings"], report["passed"], report["counts"]]


def test_cached_and_uncached_runs_give_identical_reports(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    cold = _check(tmp_path)
    warm = _check(tmp_path)
    bare = _check(tmp_path, cache=False)
    assert list((tmp_path / "cache" / "v2").glob("*.json"))  # the first run filled it
    assert _findings(cold) == _findings(warm) == _findings(bare)


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    _check(tmp_path, cache=False)
    assert not (tmp_path / "cache").exists()


def test_cache_folder_marks_itself(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    _check(tmp_path)
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")
    assert (tmp_path / "cache" / ".gitignore").read_text().strip().endswith("*")


def test_corrupt_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    entries = [
        p for p in (tmp_path / "cache" / "v2").glob("*.json") if not p.name.startswith("units")
    ]
    assert entries
    for entry in entries:
        entry.write_text("{not json", encoding="utf-8")
    assert _findings(_check(tmp_path)) == expected
    for entry in entries:
        json.loads(entry.read_text(encoding="utf-8"))  # rebuilt as valid JSON


def test_a_damaged_row_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    # Valid JSON, wrong shape: a finding row cut short must not be filled in with defaults.
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    [entry] = [
        p for p in (tmp_path / "cache" / "v2").glob("*.json") if not p.name.startswith("units")
    ]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["result"]["passed"][0] = data["result"]["passed"][0][:-3]
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert _findings(_check(tmp_path)) == expected
    rebuilt = json.loads(entry.read_text(encoding="utf-8"))
    assert len(rebuilt["result"]["passed"][0]) == len(data["result"]["passed"][1])


def _damage_first_row(data: Any, field: str, value: Any) -> Any:
    row = data["result"]["passed"][0]
    row[list(FIELDS).index(field)] = value
    return data


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: [],
        lambda data: None,
        lambda data: 5,
        lambda data: "hi",
        lambda data: {**data, "result": []},
        lambda data: {**data, "result": {**data["result"], "claims": "126"}},
        lambda data: _damage_first_row(data, "line", "x"),
        lambda data: _damage_first_row(data, "line", None),
        lambda data: _damage_first_row(data, "code", "ZZZ"),
        lambda data: _damage_first_row(data, "severity", "fatal"),
        lambda data: _damage_first_row(data, "related", [["id", "p", "7", "q", "v"]]),
    ],
)
def test_an_entry_of_the_wrong_form_is_rebuilt(tmp_path: Path, damage: Any) -> None:
    # Valid JSON that is not what factcheck writes: dropped and rebuilt, never served, and never
    # an internal error (exit 3) on this run or the next.
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    [entry] = [
        p for p in (tmp_path / "cache" / "v2").glob("*.json") if not p.name.startswith("units")
    ]
    original = entry.read_text(encoding="utf-8")
    damaged = damage(json.loads(original))
    entry.write_text(json.dumps(damaged, ensure_ascii=False), encoding="utf-8")
    sarif = _check(tmp_path, "--format", "sarif")  # the format that crashed on a bad row
    assert sarif.returncode in (0, 1), sarif.stderr
    assert json.loads(entry.read_text(encoding="utf-8")) == json.loads(original)  # rebuilt
    entry.write_text(json.dumps(damaged, ensure_ascii=False), encoding="utf-8")
    assert _findings(_check(tmp_path)) == expected


@pytest.mark.parametrize("table", ["[]", "null", '{"公斤/亩": "x"}'])
def test_a_damaged_unit_table_is_parsed_afresh(tmp_path: Path, table: str) -> None:
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    [units_file] = (tmp_path / "cache" / "v2").glob("units-*.json")
    units_file.write_text(table, encoding="utf-8")
    for entry in (tmp_path / "cache" / "v2").glob("*.json"):
        if entry != units_file:
            entry.unlink()  # so that the units are needed again
    assert _findings(_check(tmp_path)) == expected


def test_a_cache_that_cannot_be_written_never_fails_the_run(tmp_path: Path) -> None:
    # A file where the cache folder should be: every write fails; the run must not.
    _copy_example(tmp_path)
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    done = _check(tmp_path)
    assert _findings(done) == _findings(_check(tmp_path, cache=False))
    assert (tmp_path / "cache").read_text(encoding="utf-8") == "not a folder"


def test_an_edited_article_is_checked_again(tmp_path: Path) -> None:
    folder = _copy_example(tmp_path)
    assert not [f for f in _findings(_check(tmp_path))[0] if f["code"] == "FC151"]
    article = folder / "jinchang-2025.txt"
    article.write_text(
        article.read_text(encoding="utf-8") + "\n全年新增就业8888人。\n", encoding="utf-8"
    )
    uncovered = [f for f in _findings(_check(tmp_path))[0] if f["code"] == "FC151"]
    assert [f["quote"] for f in uncovered] == ["8888人"]


def test_an_edited_claims_file_is_checked_again(tmp_path: Path) -> None:
    folder = _copy_example(tmp_path)
    _check(tmp_path)
    claims = folder / "jinchang-2025.yaml"
    text = claims.read_text(encoding="utf-8")
    # Declare the cluster rate nominal: the 33.8% against 40.2% becomes an error (FC102).
    edited = text.replace(
        "    period: 2021-2025\n    value: 33.8%\n",
        "    period: 2021-2025\n    value: 33.8%\n    basis: nominal\n",
    )
    assert edited != text
    claims.write_text(edited, encoding="utf-8")
    codes = {(f["code"], f["claim"]) for f in _findings(_check(tmp_path))[0]}
    assert ("FC102", "cluster-output-cagr") in codes


@pytest.mark.parametrize("warm", [False, True])
def test_a_warm_run_does_not_import_pint(tmp_path: Path, warm: bool) -> None:
    _copy_example(tmp_path)
    if warm:
        _check(tmp_path)
    probe = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "sys.argv = ['factcheck', 'check', 'claims', '--format', 'text']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('PINT' if 'pint' in sys.modules else 'NOPINT', file=sys.stderr)\n"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.stderr.strip().splitlines()[-1] == ("NOPINT" if warm else "PINT")


def test_passed_checks_from_rows_are_built_only_when_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[int] = []
    real = result_module.from_row

    def counting(row: list[object]) -> Finding:
        built.append(int(row[1]))  # type: ignore[call-overload]
        return real(row)

    monkeypatch.setattr(result_module, "from_row", counting)
    findings = [Finding("p", line, 1, "FC101", "c", "consistent", "m", "m") for line in (3, 1, 2)]
    passed = Deferred.of(findings)
    assert len(passed) == 3 and built == []  # counting builds nothing
    assert list(passed) == findings and passed[0].line == 3
    assert built == [3, 1, 2]  # built once, in order
    assert pickle.loads(pickle.dumps(passed)) == findings  # travels as rows


def test_entries_of_an_earlier_layout_are_removed(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    old = tmp_path / "cache" / "v1"
    old.mkdir(parents=True)
    (old / "entry.json").write_text("{}", encoding="utf-8")
    (tmp_path / "cache" / "notes").mkdir()  # not ours to remove
    _check(tmp_path)
    assert not old.exists()
    assert (tmp_path / "cache" / "v2").is_dir() and (tmp_path / "cache" / "notes").is_dir()
