"""``factcheck show`` (issue 17, point 5): the article with every figure marked by its verdict and
a numbered note per finding under its paragraph, tested as a person sees it: piped, and in a
real terminal (tmux) 80 columns wide, in colour and under NO_COLOR.

The fixture (tests/data/formats/) says, worked out by hand in its header: 9.5% (FC102) and 12%
(FC101, accepted) are errors, 40.5% is consistent only by rounding (FC131, info; its share check
passes), 2.25:1 passes (FC112), 12个 is covered by no claim (FC151, warning), and the levels
(60亿元, 40亿元, 45000元, …) have no check of their own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from screen import cells, tmux_screen

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "formats"
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for name in ("claims.yaml", "article.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**base, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", **extra}


def show(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "show", *args],
        cwd=cwd,
        env=env(FACTCHECK_CACHE_DIR=str(cwd / ".cache")),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


PARAGRAPHS = [
    "示例市2025年经济运行情况",
    "2025年，示例市一般公共预算收入达到[60亿元]·，“十四五”以来年均增长[9.5%]✗1，2020年为[40亿元]·。",
    "城镇居民人均可支配收入[45000元]·，农村居民人均可支配收入[20000元]·，城乡居民收入比为[2.25:1]✓。",
    "全年进出口总额达到[130亿元]·，比上年增长[12%]✗2，2024年为[110亿元]·。"
    "其中出口额[53亿元]·，占进出口总额的[40.5%]i3。",
    "全市共有[12个]!4乡镇。",
]


def test_piped_one_line_per_paragraph_and_a_note_under_it(folder: Path) -> None:
    done = show(folder, "claims.yaml")
    assert done.returncode == 1, done.stderr  # the run's exit code: FC102 gates
    out = done.stdout
    assert not SGR.search(out)
    lines = out.splitlines()
    at = [lines.index(p) for p in PARAGRAPHS]  # every paragraph, marked, on one line, in order
    assert at == sorted(at)
    # the notes sit under their paragraph, numbered in article order
    assert lines[at[1] + 1].split()[:4] == ["1", "✗", "FC102", "revenue-cagr"]
    assert lines[at[3] + 1].split()[:4] == ["2", "✗", "FC101", "trade-growth"]
    assert any(x.split()[:3] == ["3", "i", "FC131"] for x in lines[at[3] + 1 : at[4]])
    assert lines[at[4] + 1].split()[:3] == ["4", "!", "FC151"]
    assert "(60/40)^(1/5) - 1 = 8.4%" in out


def test_an_article_finds_its_claims_file(folder: Path) -> None:
    done = show(folder, "article.txt", "--lang", "zh")
    assert done.returncode == 1
    assert PARAGRAPHS[4] in done.stdout.splitlines()
    assert "文中为 9.5%，按水平值计算为 8.4%" in done.stdout


UNMARK = re.compile(r"\[([^\]]*)\][✗!i✓·][0-9,]*")


def test_an_article_without_claims_file_is_drafted_in_memory(folder: Path) -> None:
    (folder / "claims.yaml").unlink()
    done = show(folder, "article.txt")
    assert done.returncode in (0, 1), done.stderr
    lines = done.stdout.splitlines()
    article = [x for x in (folder / "article.txt").read_text(encoding="utf-8").splitlines() if x]
    # every paragraph is there, in order, its figures marked and its words untouched
    unmarked = [UNMARK.sub(r"\1", x) for x in lines]
    assert [unmarked.index(p) for p in article] == sorted(unmarked.index(p) for p in article)
    assert "[60亿元]" in done.stdout  # a drafted level


def test_marks_never_change_the_article(folder: Path) -> None:
    lines = [UNMARK.sub(r"\1", x) for x in show(folder, "claims.yaml").stdout.splitlines()]
    for paragraph in (folder / "article.txt").read_text(encoding="utf-8").splitlines():
        assert paragraph in lines


def test_user_text_is_escaped(folder: Path) -> None:
    claims = folder / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("reviewed by the *desk*", "\\e[2J\\a"), encoding="utf-8")
    out = show(folder, "claims.yaml").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J\\x07" in out


@pytest.mark.parametrize("nocolour", [False, True])
def test_in_a_terminal_80_columns_wide(folder: Path, nocolour: bool) -> None:
    extra = {"NO_COLOR": "1"} if nocolour else {}
    command = f"{sys.executable} -m factcheck show claims.yaml"
    plain, coloured = tmux_screen(folder, 80, command, env(FACTCHECK_CACHE_DIR=".c", **extra))
    rows = plain.split("\n")
    assert all(cells(r) <= 80 for r in rows)
    text = "\n".join(rows)
    # every figure's mark is whole on one row, whatever the wrapping: it survives NO_COLOR
    for mark in ("[60亿元]·", "[9.5%]✗1", "[2.25:1]✓", "[12%]✗2", "[53亿元]·", "[40.5%]i3"):
        assert mark in text, mark
    assert "[12个]!4" in text
    # the long paragraphs wrap (they are wider than 80 cells), never before a closing mark
    assert cells(PARAGRAPHS[3]) > 80 and PARAGRAPHS[3] not in rows
    assert not [r for r in rows if r and r[0] in "，。、”）"]
    # a note's wrapped lines stay under its text: the accepted reason is longer than a row
    head = next(i for i, r in enumerate(rows) if "FC101 trade-growth" in r)
    assert rows[head].startswith("    2 ✗ FC101")
    assert rows[head + 1].startswith(" " * 8) and rows[head + 1].strip()
    assert (SGR.search(coloured) is not None) is not nocolour
