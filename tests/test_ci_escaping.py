"""User text cannot drive the terminal or break a line (issue 17, point 2): control characters
of claims files and articles are escaped in every format, and ``--format text`` is one line per
finding, always."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck import app
from factcheck.finding import Finding
from factcheck.report import FORMATS, formatter, terminal
from factcheck.report.model import Report
from factcheck.rulepack import load_pack
from factcheck.textsafe import visible

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "formats"
# clear the screen, retitle the pane, ring the bell, a forged finding on a line of its own, a
# carriage return that would overwrite the line, a C1 CSI, a bidi override
EVIL = "\x1b[2J\x1b]0;pwned\x07\nforged.yaml:1:1: error FC999 forged\r\x9b31m\u202eevil"
LINE = re.compile(r"^[^:\n]+:\d+:\d+: (error|warning|info|pass) (E|FC)\d+ ")
# Any C0 control but the line feed that ends a line, DEL, C1, line separators, bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_visible_escapes_controls_and_keeps_chinese() -> None:
    got = visible("a\x1b[2J\nb\r\t\x07\x7f\x9b\u202e")
    assert got == "a\\x1b[2J\\nb\\r\\t\\x07\\x7f\\x9b\\u202e"
    kept = "全市　共有12个，“十四五”"  # a full-width space stays
    assert visible(kept) == kept


@pytest.fixture(scope="module")
def evil_report() -> Report:
    """The formats fixture with every text field of every finding poisoned."""
    [result] = app.run([app.Target(DATA / "claims.yaml", "claims.yaml")], load_pack())
    texts: tuple[str, ...] = ("claim", "message", "message_zh", "quote", "stated", "recomputed")
    texts += ("interval", "arithmetic", "witness", "accepted", "path", "article_path")

    def poison(f: Finding) -> Finding:
        return replace(f, **{name: getattr(f, name) + EVIL for name in texts})

    result = replace(
        result,
        findings=[poison(f) for f in result.findings],
        passed=[poison(f) for f in result.passed],
    )
    return Report([result], verbose=True)


def strings(doc: object) -> list[str]:
    """Every string of a JSON document."""
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict):
        return [s for v in doc.values() for s in strings(v)]
    if isinstance(doc, list):
        return [s for v in doc for s in strings(v)]
    return []


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_format_lets_a_control_character_through(fmt: str, evil_report: Report) -> None:
    if fmt == "terminal":
        out = io.StringIO()
        terminal.render(evil_report, out)
        text = out.getvalue()
    else:
        text = _rendered(fmt, evil_report)
    assert not RAW.findall(text)
    assert "forged.yaml:1:1" not in [line[:15] for line in text.splitlines()]
    if fmt in ("json", "sarif"):  # escaped as JSON: the reader gets the text back exactly
        assert any(x.endswith(EVIL) for x in strings(json.loads(text)))
    if fmt == "junit":
        ET.fromstring(text.encode("utf-8"))


def test_text_is_one_line_per_finding(evil_report: Report) -> None:
    lines = _rendered("text", evil_report).splitlines()
    n = len(evil_report.findings) + len(evil_report.passed)
    assert len(lines) == n == 6  # 4 findings and 2 passed checks (the fixture)
    assert all(LINE.match(x) for x in lines)


def test_terminal_in_colour_escapes_too(
    evil_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = io.StringIO()
    terminal.render(evil_report, out)
    text = out.getvalue()
    assert "\x1b[" in text  # rich's own colours are there
    assert "\x1b[2J" not in text and "\x1b]" not in text and "\x07" not in text
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in text


def test_a_claims_file_cannot_clear_the_screen_through_the_cli(tmp_path: Path) -> None:
    for name in ("claims.yaml", "article.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    claims = tmp_path / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    reason = 'reason: "the customs office\'s rate, in US dollars | reviewed by the *desk*"'
    assert reason in text
    # YAML double quotes spell the escape, the bell, a line break and a carriage return
    claims.write_text(
        text.replace(reason, 'reason: "\\e[2J\\e]0;x\\a\\nforged.yaml:1:1: error FC999 x\\r"'),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    for args in (["-f", "text"], [], ["-f", "github"], ["-f", "markdown"]):
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "check", "claims.yaml", "--no-cache", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert done.returncode == 1, done.stderr
        assert not RAW.findall(done.stdout), args
        assert "x1b" in done.stdout, args  # shown as an escape (Markdown escapes its backslash)
        if args == ["-f", "text"]:
            lines = done.stdout.splitlines()
            assert len(lines) == 4 and all(LINE.match(x) for x in lines)


def test_a_file_name_cannot_break_a_problem_line(tmp_path: Path) -> None:
    # a claims file whose name holds a line break and an escape sequence, found by a folder walk
    name = "bad\n\x1b[2Jforged.yaml:1:1: E999 x.yaml"
    (tmp_path / name).write_text("claims: [\n", encoding="utf-8")
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", ".", "--no-cache", "-f", "text"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 2
    for stream in (done.stdout, done.stderr):
        assert not RAW.findall(stream)
        assert all(x.startswith("bad\\n\\x1b[2Jforged") for x in stream.splitlines()), stream


def _rendered(fmt: str, report: Report) -> str:
    out = io.StringIO()
    formatter(fmt).write(report, out)
    return out.getvalue()


def test_explain_escapes_what_a_claims_file_holds(tmp_path: Path) -> None:
    # issue 15, point 6: `explain` printed a claim's metric raw, so `\e[2J` cleared the screen.
    (tmp_path / "a.txt").write_text("2025年地区生产总值突破670亿元。", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "version: 1\narticle: a.txt\nentity: 金昌市\nclaims:\n"
        "  - id: gdp-2025\n    kind: level\n    quote: 2025年地区生产总值突破670亿元\n"
        '    metric: "地区生产总值\\e[2J\\e]0;pwned\\a\\nforged"\n    period: 2025\n'
        "    value: 突破670亿元\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "explain", "gdp-2025", str(tmp_path / "c.yaml")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert not RAW.search(done.stdout)
    assert "地区生产总值\\x1b[2J\\x1b]0;pwned\\x07\\nforged" in done.stdout
