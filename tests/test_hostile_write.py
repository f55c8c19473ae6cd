"""Hostile input, second round (issue 15): what factcheck writes. No input of the run is ever
replaced, no link is written through, the cache cleans only what it made, and every write error
is a coded problem (exit 2)."""

from __future__ import annotations

import errno
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from inputs import run_cli, write
from test_hostile import LEVEL as LEVEL_OF

from factcheck import fileio
from factcheck.cache import Cache
from factcheck.errors import InputError
from factcheck.fileio import write_atomic

LEVEL = LEVEL_OF.format(period=2025, value="突破670亿元")


def _claims(tmp_path: Path) -> tuple[Path, Path]:
    path = write(tmp_path, LEVEL)
    return path, tmp_path / "article.txt"


def _unchanged(*paths: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in paths}


# ---- inputs of the run are never replaced -----------------------------------------------------


@pytest.mark.parametrize("which", ["claims", "article"])
def test_save_baseline_never_replaces_an_input(tmp_path: Path, which: str) -> None:
    claims, article = _claims(tmp_path)
    before = _unchanged(claims, article)
    target = claims if which == "claims" else article
    for force in ((), ("--force",)):
        done = run_cli("check", "--no-cache", str(claims), "--save-baseline", str(target), *force)
        assert done.returncode == 2, done.stderr
        assert f"{target}:1:1: E302 " in done.stderr
        assert _unchanged(claims, article) == before


def test_output_never_replaces_an_article_of_another_name(tmp_path: Path) -> None:
    # The article is named inside the claims file, not after it: still an input of the run.
    header = "version: 1\narticle: source-text.txt\nentity: 示例市\nyear: 2025\n"
    claims = write(tmp_path, LEVEL, header=header)
    (tmp_path / "article.txt").rename(tmp_path / "source-text.txt")
    article = tmp_path / "source-text.txt"
    before = _unchanged(claims, article)
    done = run_cli("check", "--no-cache", str(claims), "-f", "json", "-o", str(article), "--force")
    assert done.returncode == 2, done.stderr
    assert f"{article}:1:1: E302 " in done.stderr
    assert _unchanged(claims, article) == before


def test_output_never_replaces_the_rule_pack_or_the_baseline(tmp_path: Path) -> None:
    claims, _ = _claims(tmp_path)
    pack = tmp_path / "pack.yaml"
    pack.write_text("checks: [growth]\n", encoding="utf-8")
    base = tmp_path / "b.json"
    assert run_cli("check", "--no-cache", str(claims), "--save-baseline", str(base)).returncode < 2
    before = _unchanged(pack, base)
    for target in (pack, base):
        done = run_cli(
            "check", "--no-cache", str(claims), "--rules", str(pack), "--baseline", str(base),
            "-o", str(target), "--force",
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert "E302" in done.stderr
    assert _unchanged(pack, base) == before


def test_extract_never_replaces_its_article(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("2025年产值达3870亿元。", encoding="utf-8")
    before = _unchanged(article)
    done = run_cli("extract", str(article), "-o", str(article), "--force")
    assert done.returncode == 2, done.stderr
    assert "E302" in done.stderr
    assert _unchanged(article) == before


def test_a_hard_link_to_an_input_is_an_input(tmp_path: Path) -> None:
    claims, article = _claims(tmp_path)
    os.link(article, tmp_path / "report.txt")
    before = _unchanged(article)
    done = run_cli("check", "--no-cache", str(claims), "-o", str(tmp_path / "report.txt"))
    assert done.returncode == 2 and "E302" in done.stderr
    assert _unchanged(article) == before


def test_output_onto_an_existing_report_replaces_it(tmp_path: Path) -> None:
    # As ruff and pytest do with their report files (issue 17): only inputs are refused.
    claims, _ = _claims(tmp_path)
    report = tmp_path / "report.json"
    report.write_text("old report", encoding="utf-8")
    done = run_cli("check", "--no-cache", str(claims), "-f", "json", "-o", str(report))
    assert done.returncode in (0, 1), done.stderr
    assert report.read_text(encoding="utf-8").startswith("{")


# ---- links are never written through ----------------------------------------------------------


@pytest.mark.parametrize("dangling", [False, True])
def test_output_through_a_link_is_refused_and_force_replaces_the_link(
    tmp_path: Path, dangling: bool
) -> None:
    claims, _ = _claims(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.txt"
    if not dangling:
        victim.write_text("keep", encoding="utf-8")
    link = tmp_path / "factcheck.sarif"
    link.symlink_to(victim)
    done = run_cli("check", "--no-cache", str(claims), "-f", "sarif", "-o", str(link))
    assert done.returncode == 2 and f"{link}:1:1: E302 " in done.stderr
    # The README's CI recipe passes --force: the link is replaced, what it points to never written.
    done = run_cli("check", "--no-cache", str(claims), "-f", "sarif", "-o", str(link), "--force")
    assert done.returncode in (0, 1), done.stderr
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("{")
    assert (victim.read_text(encoding="utf-8") == "keep") if not dangling else not victim.exists()


def test_save_baseline_through_a_link_is_refused(tmp_path: Path) -> None:
    claims, _ = _claims(tmp_path)
    victim = tmp_path / "victim.json"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / "b.json").symlink_to(victim)
    done = run_cli("check", "--no-cache", str(claims), "--save-baseline", str(tmp_path / "b.json"))
    assert done.returncode == 2 and "E302" in done.stderr
    assert victim.read_text(encoding="utf-8") == "keep"


def test_output_through_a_linked_folder_is_refused(tmp_path: Path) -> None:
    claims, _ = _claims(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "out").symlink_to(outside, target_is_directory=True)
    done = run_cli("check", "--no-cache", str(claims), "-o", "out/r.txt", cwd=tmp_path / "work")
    assert done.returncode == 2 and "E302" in done.stderr, done.stderr
    assert list(outside.iterdir()) == []


# ---- the cache cleans only its own folder -----------------------------------------------------


def test_cache_never_cleans_a_folder_whose_tag_merely_mentions_factcheck(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    (root / "v1").mkdir(parents=True)
    (root / "v2").mkdir()
    (root / "v1" / "thesis.tex").write_text("years of work", encoding="utf-8")
    (root / "CACHEDIR.TAG").write_text("not a cache; notes on factcheck\n", encoding="utf-8")
    Cache(root, "pack").put  # noqa: B018 - the set-up alone
    assert (root / "v1" / "thesis.tex").read_text(encoding="utf-8") == "years of work"
    assert (root / "v2").is_dir()
    assert not (root / "v3").exists()  # nor written into: the tool did not make this folder


def test_cache_cleans_old_layouts_of_its_own_folder(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    Cache(root, "pack")
    (root / "v1").mkdir()
    Cache(root, "pack")
    assert not (root / "v1").exists()


# ---- write errors are input problems ----------------------------------------------------------


def test_a_full_disk_is_exit_2_with_a_code(tmp_path: Path) -> None:
    claims, _ = _claims(tmp_path)
    done = run_cli("check", "--no-cache", str(claims), "-o", "/dev/full")
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("/dev/full:1:1: E305 "), done.stderr
    assert "internal error" not in done.stderr


def test_a_file_size_limit_is_exit_2_with_a_code(tmp_path: Path) -> None:
    claims, _ = _claims(tmp_path)

    def limit() -> None:  # 100 bytes: the report is larger
        resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))

    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--no-cache", str(claims), "-f", "json",
         "-o", str(tmp_path / "r.json")],
        capture_output=True, text=True, preexec_fn=limit, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert f"{tmp_path / 'r.json'}:1:1: E305 " in done.stderr
    assert not (tmp_path / "r.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_permission_denied_is_exit_2_with_a_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(InputError) as info:
        write_atomic(tmp_path / "r.txt", "report")
    assert [p.code for p in info.value.problems] == ["E305"]
    assert [p.name for p in tmp_path.iterdir()] == []  # the temporary file is gone too


def test_a_pipe_without_reader_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    monkeypatch.setattr(fileio, "PIPE_WAIT", 0.3)
    with pytest.raises(InputError) as info:
        write_atomic(fifo, "report")
    assert [p.code for p in info.value.problems] == ["E305"]
    assert "waiting" in capsys.readouterr().err  # said so while it waited
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_temp_files_of_killed_writes_are_removed_by_the_next_write(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    stale = tmp_path / f".r.txt.{dead}.abc123.tmp"
    stale.write_text("half a report", encoding="utf-8")
    live = tmp_path / f".r.txt.{os.getpid()}.def456.tmp"  # a write under way in a live process
    live.write_text("being written", encoding="utf-8")
    write_atomic(tmp_path / "r.txt", "report")
    assert not stale.exists() and live.exists()


def test_temp_files_of_killed_cache_writes_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    cache = Cache(tmp_path / "c", "pack")
    stale = cache.root / f".{'0' * 64}.json.{dead}.abc123.tmp"
    stale.write_text("half an entry", encoding="utf-8")
    Cache(tmp_path / "c", "pack")
    assert not stale.exists()


def test_terminal_report_to_a_file_still_shows_the_problems(tmp_path: Path) -> None:
    path = write(tmp_path, LEVEL.replace("kind: level", "kind: levle"))
    done = run_cli("check", "--no-cache", str(path), "-f", "terminal", "-o", str(tmp_path / "r"))
    assert done.returncode == 2
    # 4 header lines, 'claims:', '  - id: …', then '    kind: levle': line 7, column 11
    assert f"{path}:7:11: E114 " in done.stderr
