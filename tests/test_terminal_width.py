"""The terminal report at any width from 60 to 200 columns (issue 17, point 4): wrapped lines keep
their indentation (a finding's heading continues under its text, its details under theirs),
nothing is lost or reordered by the wrapping, and each finding says where its quote stands in
the article (``article.txt:12:34``)."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest
from screen import cells, tmux_screen

from factcheck import app
from factcheck.report import terminal
from factcheck.report.model import Report
from factcheck.rulepack import load_pack

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report() -> Report:
    targets = [
        app.Target(REPO / "claims" / "jinchang-2025.yaml", "claims/jinchang-2025.yaml"),
        app.Target(REPO / "tests" / "data" / "formats" / "claims.yaml", "formats/claims.yaml"),
    ]
    return Report(app.run(targets, load_pack()), verbose=True)


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


@pytest.mark.parametrize("width", [60, 61, 72, 80, 99, 120, 160, 200])
def test_wrapped_lines_keep_their_indentation(
    report: Report, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    whole = io.StringIO()
    terminal.render(report, whole)  # not a terminal: one line per line, unwrapped
    out = io.StringIO()
    terminal.render(report, out, width=width)
    logical = whole.getvalue().splitlines()
    rows = out.getvalue().splitlines()
    assert all(cells(r) <= width for r in rows), max(rows, key=cells)
    # the FC121 message alone is over 100 cells: at 100 columns and fewer, lines do wrap
    assert width > 100 or any(cells(x) > width for x in logical)
    # Walk the rows: each logical line is its first row and the rows that continue it.
    at = 0
    for line in logical:
        want = "".join(line.split())
        got, first = "", rows[at]
        assert indent(first) == indent(line), (line, first)
        while len(got) < len(want):
            row = rows[at]
            if got:  # a continuation: never left of the line's own indentation
                mark = line.lstrip()[:2] in ("✗ ", "! ", "i ", "✓ ")
                assert indent(row) == indent(line) + (2 if mark else 0), (line, row)
            got += "".join(row.split())
            at += 1
        assert got == want  # nothing lost, nothing reordered
    assert at == len(rows)


def test_each_finding_says_where_its_quote_stands(report: Report) -> None:
    out = io.StringIO()
    terminal.render(report, out)
    lines = out.getvalue().splitlines()
    # the fixture's CAGR quote ““十四五”以来年均增长9.5%” opens at column 25 of line 3:
    # "2025年，" (6) + "示例市" (3) + "一般公共预算收入" (8) + "达到" (2) + "60亿元" (4)
    # + "，" (1) = 24 characters before it
    assert "      ““十四五”以来年均增长9.5%”  formats/article.txt:3:25" in lines
    heads = [i for i, x in enumerate(lines) if re.match(r"  [✗!i] FC\d+", x)]
    assert heads
    for i in heads:  # the line after each heading is its quote, with the article's line:col
        assert re.search(r"”  \S+\.txt:\d+:\d+$", lines[i + 1]), lines[i + 1]


def test_in_a_terminal_60_columns_wide(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(LANG="C.UTF-8", FACTCHECK_CACHE_DIR=str(tmp_path))
    screen, _ = tmux_screen(REPO, 60, f"{sys.executable} -m factcheck check claims/", env)
    rows = screen.split("\n")
    assert all(cells(r) <= 60 for r in rows)
    # The FC121 message is longer than a row: its rows all start at the details' column 6.
    start = next(i for i, r in enumerate(rows) if r.startswith("      undetermined: price basis"))
    end = next(i for i, r in enumerate(rows) if r.startswith("      from cluster-output-2021"))
    assert end - start >= 2
    assert all(r.startswith("      ") and r[6] != " " for r in rows[start:end])
    assert any(r.startswith("      “年均增长33.8%”") for r in rows)
