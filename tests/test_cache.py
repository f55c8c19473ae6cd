"""The cache folder: identical reports with and without it, invalidation, corruption, units."""

from __future__ import annotations

import hashlib
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

from factcheck import cache as cache_module
from factcheck import result as result_module
from factcheck import units
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


def _findings(done: subprocess.CompletedProcess[str]) -> list[Any]:
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    return [report["findings"], report["passed"], report["counts"]]


def test_cached_and_uncached_runs_give_identical_reports(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    cold = _check(tmp_path)
    warm = _check(tmp_path)
    bare = _check(tmp_path, cache=False)
    assert list((tmp_path / "cache" / "v3").glob("*.json"))  # the first run filled it
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


def _entry(tmp_path: Path) -> Path:
    """The one result entry of the example in the cache folder."""
    [entry] = [p for p in (tmp_path / "cache").rglob("*.json") if not p.name.startswith("units")]
    return entry


def _parts(entry: Path) -> tuple[Any, Any]:
    """An entry's two lines: the header and the result."""
    head, body = entry.read_text(encoding="utf-8").split("\n", 1)
    return json.loads(head), json.loads(body)


def test_an_entry_is_a_header_and_its_result(tmp_path: Path) -> None:
    # The header's digest is the SHA-256 of the result line, computed here with hashlib.
    _copy_example(tmp_path)
    _check(tmp_path)
    head, body = _entry(tmp_path).read_bytes().split(b"\n", 1)
    header = json.loads(head)
    assert header["sha256"] == hashlib.sha256(body).hexdigest()
    assert header["article"].endswith("jinchang-2025.txt")
    assert json.loads(body)["claims"] == 126


def test_corrupt_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    entry = _entry(tmp_path)
    entry.write_text("{not json", encoding="utf-8")
    assert _findings(_check(tmp_path)) == expected
    _parts(entry)  # rebuilt as two lines of JSON


def _damage_first_row(result: Any, field: str, value: Any) -> Any:
    result["passed"][0][list(FIELDS).index(field)] = value
    return result


@pytest.mark.parametrize(
    ("damage_header", "damage_result"),
    [
        (lambda h: [], None),
        (lambda h: None, None),
        (lambda h: "hi", None),
        (lambda h: {**h, "sha256": "0" * 64}, None),
        (None, lambda r: []),
        (None, lambda r: 5),
        (None, lambda r: {**r, "claims": "126"}),
        (None, lambda r: {**r, "passed": r["passed"][:-1]}),  # a row dropped
        (None, lambda r: _damage_first_row(r, "line", "x")),
        (None, lambda r: _damage_first_row(r, "code", "ZZZ")),
        (None, lambda r: _damage_first_row(r, "related", [["id", "p", "7", "q", "v"]])),
    ],
)
def test_an_entry_not_as_written_is_rebuilt(
    tmp_path: Path, damage_header: Any, damage_result: Any
) -> None:
    # Anything but the bytes factcheck wrote (the header's digest no longer matches its result,
    # or the header itself is damaged) is dropped and rebuilt: never served, never an internal
    # error (exit 3) on this run or the next.
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    entry = _entry(tmp_path)
    original = entry.read_text(encoding="utf-8")
    header, result = _parts(entry)
    header = damage_header(header) if damage_header else header
    result = damage_result(result) if damage_result else result
    damaged = json.dumps(header, ensure_ascii=False) + "\n" + json.dumps(result, ensure_ascii=False)
    entry.write_text(damaged, encoding="utf-8")
    sarif = _check(tmp_path, "--format", "sarif")  # the format that crashed on a bad row
    assert sarif.returncode in (0, 1), sarif.stderr
    assert entry.read_text(encoding="utf-8") == original  # rebuilt, byte for byte
    entry.write_text(damaged, encoding="utf-8")
    assert _findings(_check(tmp_path)) == expected


@pytest.mark.parametrize("table", ["[]", "null", '{"公斤/亩": "x"}'])
def test_a_damaged_unit_table_is_parsed_afresh(tmp_path: Path, table: str) -> None:
    write_pint_unit(_copy_example(tmp_path))
    expected = _findings(_check(tmp_path))
    [units_file] = (tmp_path / "cache" / "v3").glob("units-*.json")
    units_file.write_text(table, encoding="utf-8")
    for entry in (tmp_path / "cache" / "v3").glob("*.json"):
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
    write_pint_unit(_copy_example(tmp_path))  # a cold run needs pint for this one unit
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
    # A cache folder an earlier factcheck made (tagged), with its v1 and v2 entries: removed.
    # Folders that only look like layouts stay.
    _copy_example(tmp_path)
    _check(tmp_path)
    cache = tmp_path / "cache"
    for name in ("v1", "v2", "v2-notes", "v10"):
        (cache / name).mkdir()
        (cache / name / "entry.json").write_text("{}", encoding="utf-8")
    _check(tmp_path)
    assert sorted(p.name for p in cache.iterdir() if p.is_dir()) == ["v10", "v2-notes", "v3"]


def test_a_folder_of_the_users_is_never_tagged_nor_cleaned(tmp_path: Path) -> None:
    # $FACTCHECK_CACHE_DIR naming a folder with the user's files in it: factcheck neither
    # writes into it nor touches anything there (issue 15); the run goes without a cache.
    _copy_example(tmp_path)
    cache = tmp_path / "cache"
    (cache / "v1").mkdir(parents=True)
    (cache / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    _check(tmp_path)
    assert (cache / ".gitignore").read_text(encoding="utf-8") == "node_modules/\n"
    assert not (cache / "CACHEDIR.TAG").exists()
    assert (cache / "v1").is_dir() and not (cache / "v3").exists()


def _forge(entry: Path, result: Any) -> None:
    """Rewrite an entry's result with a digest that matches it (as a hand edit could)."""
    header, _ = _parts(entry)
    body = json.dumps(result, ensure_ascii=False)
    header["sha256"] = hashlib.sha256(body.encode()).hexdigest()
    entry.write_text(json.dumps(header, ensure_ascii=False) + "\n" + body, encoding="utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: {**r, "findings": [["x"]]},
        lambda r: {**r, "passed": [["x"]]},
        lambda r: {**r, "passed": None},
        lambda r: {**r, "claims": "3"},
        lambda r: {k: v for k, v in r.items() if k != "path"},
    ],
)
def test_an_entry_with_a_matching_digest_but_the_wrong_form_is_rebuilt(
    tmp_path: Path, damage: Any
) -> None:
    # The digest tells damage, not who wrote an entry: the form of what it holds is checked too.
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    entry = _entry(tmp_path)
    _forge(entry, damage(_parts(entry)[1]))
    for fmt in ("sarif", "json"):
        done = _check(tmp_path, "--format", fmt)
        assert done.returncode in (0, 1), done.stderr
        _forge(entry, damage(_parts(entry)[1]))
    assert _findings(_check(tmp_path)) == expected


def test_a_deeply_nested_header_is_rebuilt(tmp_path: Path) -> None:
    _copy_example(tmp_path)
    expected = _findings(_check(tmp_path))
    entry = _entry(tmp_path)
    entry.write_text("[" * 5000 + "\n{}", encoding="utf-8")
    assert _findings(_check(tmp_path)) == expected
    write_pint_unit(tmp_path / "claims")  # a unit only pint reads: the unit table is written
    expected = _findings(_check(tmp_path))
    [units_file] = (tmp_path / "cache" / "v3").glob("units-*.json")
    units_file.write_text("[" * 5000, encoding="utf-8")
    for other in (tmp_path / "cache" / "v3").glob("*.json"):
        if other != units_file:
            other.unlink()
    assert _findings(_check(tmp_path)) == expected


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links are not available")
def test_the_cache_replaces_a_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    # The unit table's name is predictable: a link planted there must not make factcheck write
    # into the file it points to.
    write_pint_unit(_copy_example(tmp_path))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    folder = tmp_path / "cache" / "v3"
    folder.mkdir(parents=True)
    (folder.parent / "CACHEDIR.TAG").write_text(cache_module.TAG, encoding="utf-8")  # factcheck's
    table = folder / f"units-{units.definitions_digest()[:16]}.json"
    table.symlink_to(victim)
    _check(tmp_path)  # PINT_UNIT is parsed by pint and the table written
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not table.is_symlink() and PINT_UNIT in json.loads(table.read_text(encoding="utf-8"))
