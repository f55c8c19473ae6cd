"""Hostile input, second round (issue 15): what factcheck reads. An article is read only inside
its root folder; every input is a regular file read with a counted bound; nothing blocks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from inputs import ARTICLE, HEADER, problems_of, run_cli, write
from test_hostile import LEVEL as LEVEL_OF

from factcheck.fileio import read_bounded
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack, load_pack

LEVEL = LEVEL_OF.format(period=2025, value="突破670亿元")


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _secret(folder: Path) -> Path:
    """A file outside the claims file's folder that holds the quote (so an oracle would say yes)."""
    folder.mkdir()
    secret = folder / "secret.txt"
    secret.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return secret


def _claims(folder: Path, article: str) -> Path:
    folder.mkdir(exist_ok=True)
    header = HEADER.replace("article: article.txt", f"article: '{article}'")
    return write(folder, LEVEL, header=header)


# ---- 1. the article stays inside its root ---------------------------------------------------


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink", "symlinked-folder"])
def test_article_outside_the_claims_folder_is_refused(
    tmp_path: Path, pack: RulePack, how: str
) -> None:
    secret = _secret(tmp_path / "outside")
    home = tmp_path / "claims"
    home.mkdir()
    if how == "absolute":
        raw = str(secret)
    elif how == "dotdot":
        raw = "../outside/secret.txt"
    elif how == "symlink":
        (home / "link.txt").symlink_to(secret)
        raw = "link.txt"
    else:
        (home / "sub").symlink_to(secret.parent, target_is_directory=True)
        raw = "sub/secret.txt"
    path = _claims(home, raw)
    forbidden = problems_of(path, pack)
    assert [p.code for p in forbidden] == ["E113"]
    # The answer for a file that does not exist is the same, word for word: no oracle.
    secret.unlink()
    missing = problems_of(path, pack)
    assert [(p.code, p.message, p.loc) for p in missing] == [
        (p.code, p.message, p.loc) for p in forbidden
    ]


def test_article_inside_the_tree_is_read(tmp_path: Path, pack: RulePack) -> None:
    home = tmp_path / "claims"
    (home / "texts").mkdir(parents=True)
    (home / "texts" / "a.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (home / "link.txt").symlink_to(home / "texts" / "a.txt")  # a link that stays inside
    for raw in ("texts/a.txt", "link.txt", str(home / "texts" / "a.txt")):
        assert len(load_claims(_claims(home, raw), pack).claims) == 1


def test_article_root_option_names_a_wider_root(tmp_path: Path) -> None:
    _secret(tmp_path / "outside")
    path = _claims(tmp_path / "claims", "../outside/secret.txt")
    refused = run_cli("validate", str(path))
    assert refused.returncode == 2 and "E113" in refused.stderr
    allowed = run_cli("validate", "--article-root", str(tmp_path), str(path))
    assert allowed.returncode == 0, allowed.stderr
    checked = run_cli("check", "--no-cache", "--article-root", str(tmp_path), str(path))
    assert checked.returncode in (0, 1), checked.stderr


# ---- 2. bounded reading, regular files only ---------------------------------------------------


def test_read_bounded_counts_what_it_reads(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, "f", 100) == (b"x" * 100, None)
    data, problem = read_bounded(path, "f", 99)
    assert data is None and problem is not None and problem.code == "E100"


def test_a_proc_file_of_size_zero_is_read(tmp_path: Path) -> None:
    # /proc files report size 0 but have content: the bound is counted, not taken from stat.
    data, problem = read_bounded(Path("/proc/self/status"), "status")
    assert problem is None and data is not None and b"Name:" in data


DEVICES = ["/dev/zero", "/dev/urandom"]


@pytest.mark.parametrize("device", DEVICES)
def test_device_as_claims_file(device: str) -> None:
    for args in (("validate",), ("check", "--no-cache"), ("check", "--no-cache", "-f", "text")):
        result = run_cli(*args, device)
        assert result.returncode == 2, result.stderr
        assert f"{device}:1:1: E100 " in result.stdout + result.stderr


@pytest.mark.parametrize("device", DEVICES)
def test_device_as_article(tmp_path: Path, device: str, pack: RulePack) -> None:
    path = _claims(tmp_path, device)
    result = run_cli("validate", "--article-root", "/", str(path))
    assert result.returncode == 2
    assert "E100" in result.stderr or "E113" in result.stderr


def test_device_as_every_other_input(tmp_path: Path) -> None:
    path = write(tmp_path, LEVEL)
    runs = {
        "--rules": run_cli("check", "--no-cache", "--rules", "/dev/zero", str(path)),
        "--baseline": run_cli("check", "--no-cache", "--baseline", "/dev/zero", str(path)),
        "coverage article": run_cli("coverage", "/dev/zero", str(path)),
        "coverage claims": run_cli("coverage", str(tmp_path / "article.txt"), "/dev/zero"),
        "extract": run_cli("extract", "/dev/zero", "-o", str(tmp_path / "d.yaml")),
        "extract --merge": run_cli(
            "extract", str(tmp_path / "article.txt"), "--merge", "/dev/zero"
        ),
    }
    for what, result in runs.items():
        assert result.returncode == 2, (what, result.stderr)
        assert "/dev/zero:1:1: E" in result.stdout + result.stderr, (what, result.stderr)
        assert "internal error" not in result.stderr, what


def test_fifo_inputs_never_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    path = write(tmp_path, LEVEL)
    runs = {
        "claims": run_cli("validate", str(fifo)),
        "rules": run_cli("check", "--no-cache", "--rules", str(fifo), str(path)),
        "baseline": run_cli("check", "--no-cache", "--baseline", str(fifo), str(path)),
        "article": run_cli("validate", str(_claims(tmp_path / "sub", "../pipe.yaml"))),
        "coverage": run_cli("coverage", str(fifo), str(path)),
        "extract": run_cli("extract", str(fifo), "-o", str(tmp_path / "d.yaml")),
    }
    for what, result in runs.items():  # run_cli times out (and fails) after 60 s
        assert result.returncode == 2, (what, result.stderr)
        assert "internal error" not in result.stderr, what


def test_fifo_in_a_walked_folder_never_blocks(tmp_path: Path) -> None:
    write(tmp_path, LEVEL)
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert f"{tmp_path / 'pipe.yaml'}:1:1: E100 " in result.stderr


def test_device_config_file(tmp_path: Path) -> None:
    path = write(tmp_path, LEVEL)
    (tmp_path / ".factcheck.yaml").symlink_to("/dev/zero")
    result = run_cli("check", "--no-cache", str(path))
    assert result.returncode == 2, result.stderr
    assert "E100" in result.stderr


def test_the_root_of_a_folder_walk_is_each_file_s_own(tmp_path: Path) -> None:
    # Two claims files in two folders, each with its article beside it: each is read.
    for name in ("a", "b"):
        (tmp_path / "claims" / name).mkdir(parents=True)
        write(tmp_path / "claims" / name, LEVEL)
    result = run_cli("check", "--no-cache", "-f", "text", str(tmp_path / "claims"))
    assert "E113" not in result.stdout + result.stderr
    assert result.returncode in (0, 1), result.stdout
