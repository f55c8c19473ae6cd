"""The modeline ``factcheck extract`` writes points at a schema file that exists (issue 17): the
one the project keeps (``schema/claims.schema.json`` or ``claims.schema.json`` in the draft's
folder or above), else none, with a comment that says how to make one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.extract.run import run_extract
from factcheck.rulepack import RulePack, load_pack
from factcheck.schema import schema_text

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def first_line(folder: Path, pack: RulePack) -> str:
    (folder / "a.txt").write_text("2025年产值达3870亿元，增长8%。\n", encoding="utf-8")
    run_extract(folder / "a.txt", None, None, True, pack)
    return (folder / "a.yaml").read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize(
    ("schema_at", "expected"),
    [
        ("schema/claims.schema.json", "../schema/claims.schema.json"),  # this repository's layout
        ("news/claims.schema.json", "claims.schema.json"),  # beside the draft
        ("claims.schema.json", "../claims.schema.json"),  # at the top
    ],
)
def test_the_modeline_points_at_the_schema_file(
    tmp_path: Path, pack: RulePack, schema_at: str, expected: str
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / schema_at).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / schema_at).write_text(schema_text(), encoding="utf-8")
    line = first_line(tmp_path / "news", pack)
    match = MODELINE.match(line)
    assert match is not None, line
    assert match.group(1) == expected
    assert (tmp_path / "news" / match.group(1)).resolve() == (tmp_path / schema_at).resolve()


def test_without_a_schema_file_there_is_no_modeline(tmp_path: Path, pack: RulePack) -> None:
    line = first_line(tmp_path, pack)
    assert not MODELINE.match(line)
    assert "factcheck schema -o claims.schema.json" in line
