"""``extract --merge`` after the article changed: untouched drafts of changed figures are
replaced by fresh drafts, every item an editor touched stays byte for byte (issue 16, point 7)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from factcheck.extract import run_extract
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack, load_pack

OLD = "2025年地区生产总值突破670亿元，同比增长5.1%。\n大口径财政收入突破110亿元，同比增长8.5%。\n"
NEW = OLD.replace("8.5%", "9.5%")


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _drafted(tmp: Path, pack: RulePack, article: str = OLD) -> tuple[Path, Path]:
    (tmp / "a.txt").write_text(article, encoding="utf-8")
    run_extract(tmp / "a.txt", None, None, False, pack)
    return tmp / "a.txt", tmp / "a.yaml"


def _items(text: str) -> list[str]:
    """The claim items of a drafted file, as text (each starts with '  - id:')."""
    body = text.split("claims:\n", 1)[1]
    return ["  - id:" + part for part in body.split("  - id:")[1:]]


def _item_with(text: str, needle: str) -> str:
    (item,) = [i for i in _items(text) if needle in i]
    return item


def test_the_fingerprint_is_the_sha256_of_the_bare_stripped_lines(
    tmp_path: Path, pack: RulePack
) -> None:
    _, claims = _drafted(tmp_path, pack)
    for item in _items(claims.read_text(encoding="utf-8")):
        mark = re.search(r"\(drafted ([0-9a-f]{8})\)", item)
        assert mark
        # Worked out here, independently of the code: strip each line, drop the comment of
        # the draft line, SHA-256 of the lines joined with newlines, first 8 hex digits.
        bare = [
            "draft: true" if line.strip().startswith("draft: true") else line.strip()
            for line in item.rstrip("\n").split("\n")
        ]
        digest = hashlib.sha256("\n".join(bare).encode()).hexdigest()[:8]
        assert mark.group(1) == digest


def test_an_untouched_draft_of_a_changed_figure_is_replaced(tmp_path: Path, pack: RulePack) -> None:
    article, claims = _drafted(tmp_path, pack)
    before = claims.read_text(encoding="utf-8")
    article.write_text(NEW, encoding="utf-8")
    message = run_extract(article, None, claims, False, pack)
    after = claims.read_text(encoding="utf-8")
    assert "replaced 1 untouched draft" in message and "kept as edited" not in message
    assert "8.5%" not in after and "value: 9.5%" in after
    # every other item is still there, byte for byte
    for item in _items(before):
        if "8.5%" not in item:
            assert item in after
    loaded = load_claims(claims, pack)  # quotes checked: the file is in step again
    assert sum(c.quote == "同比增长9.5%" for c in loaded.claims) == 1
    assert len({c.id for c in loaded.claims}) == len(loaded.claims) == 4
    again = run_extract(article, None, claims, False, pack)
    assert "nothing added" in again and claims.read_text(encoding="utf-8") == after


@pytest.mark.parametrize(
    "edit",
    [
        (
            "metric: 大口径财政收入\n    period: 2025\n    value: 8.5%",
            "metric: 一般公共预算收入\n    period: 2025\n    value: 8.5%",
        ),
        ("    draft: true", "    note: 核对过\n    draft: true"),  # an added line
        ("value: 8.5%", "value: '8.5%'"),  # even quoting
    ],
    ids=["metric", "added-line", "quoting"],
)
def test_an_edited_draft_is_kept_and_named(
    tmp_path: Path, pack: RulePack, edit: tuple[str, str]
) -> None:
    article, claims = _drafted(tmp_path, pack)
    text = claims.read_text(encoding="utf-8")
    target = _item_with(text, "8.5%")
    assert edit[0] in target
    edited = target.replace(edit[0], edit[1], 1)
    claims.write_text(text.replace(target, edited), encoding="utf-8")
    line = text.split(target)[0].count("\n") + 1  # the edited item's first line, 1-based
    article.write_text(NEW, encoding="utf-8")
    message = run_extract(article, None, claims, False, pack)
    after = claims.read_text(encoding="utf-8")
    assert edited in after  # kept as the editor left it
    assert f"1 claim kept as edited quotes text no longer in the article (lines {line})" in message
    assert "replaced" not in message and "value: 9.5%" in after  # the new figure is drafted


def test_a_reviewed_claim_is_kept(tmp_path: Path, pack: RulePack) -> None:
    article, claims = _drafted(tmp_path, pack)
    text = claims.read_text(encoding="utf-8")
    target = _item_with(text, "8.5%")
    reviewed = "\n".join(line for line in target.split("\n") if "draft: true" not in line)
    claims.write_text(text.replace(target, reviewed), encoding="utf-8")
    article.write_text(NEW, encoding="utf-8")
    message = run_extract(article, None, claims, False, pack)
    assert reviewed in claims.read_text(encoding="utf-8")
    assert "1 claim kept as edited" in message


def test_a_draft_without_fingerprint_counts_as_edited(tmp_path: Path, pack: RulePack) -> None:
    # Drafts written before fingerprints existed carry only the confidence.
    article, claims = _drafted(tmp_path, pack)
    text = re.sub(r" \(drafted [0-9a-f]{8}\)", "", claims.read_text(encoding="utf-8"))
    claims.write_text(text, encoding="utf-8")
    article.write_text(NEW, encoding="utf-8")
    message = run_extract(article, None, claims, False, pack)
    assert _item_with(text, "8.5%") in claims.read_text(encoding="utf-8")
    assert "1 claim kept as edited" in message and "replaced" not in message


def test_a_draft_another_claim_names_is_kept(tmp_path: Path, pack: RulePack) -> None:
    article, claims = _drafted(tmp_path, pack)
    text = claims.read_text(encoding="utf-8")
    level = _item_with(text, "突破110亿元")
    level_id = re.search(r"id: (\S+)", level).group(1)  # type: ignore[union-attr]
    cagr = (
        "  - id: my-cagr\n    kind: cagr\n    quote: 同比增长5.1%\n    metric: 大口径财政收入\n"
        f"    period: 2024~2025\n    value: 5.1%\n    end: {level_id}\n"
    )
    claims.write_text(text + cagr, encoding="utf-8")
    article.write_text(OLD.replace("110亿元", "120亿元"), encoding="utf-8")
    message = run_extract(article, None, claims, False, pack)
    assert level in claims.read_text(encoding="utf-8")
    assert "1 claim kept as edited" in message and "replaced" not in message


def test_every_item_replaced_leaves_a_loadable_list(tmp_path: Path, pack: RulePack) -> None:
    article, claims = _drafted(tmp_path, pack, "2025年产值达3870亿元。\n")
    article.write_text("2025年产值达3880亿元。\n", encoding="utf-8")
    message = run_extract(article, None, claims, False, pack)
    assert "replaced 1 untouched draft" in message
    (claim,) = load_claims(claims, pack).claims
    assert claim.quote.endswith("3880亿元")


@pytest.mark.parametrize("brk", ["\u2028", "\x85", "\u2029"])
def test_line_breaks_yaml_counts_beyond_lf_keep_the_items_in_place(
    brk: str, tmp_path: Path, pack: RulePack
) -> None:
    """YAML numbers lines also at NEL, U+2028 and U+2029: a break of these inside a quoted value
    before the changed draft must neither shift the item read (its fingerprint would then fail and
    the draft be kept as edited, at the wrong line) nor remove any other line."""
    article, claims = _drafted(tmp_path, pack)
    text = claims.read_text(encoding="utf-8")
    odd = text.replace("entity: 未识别", f"entity: '未{brk}识别'", 1)
    assert odd != text
    claims.write_text(odd, encoding="utf-8", newline="")
    article.write_text(NEW, encoding="utf-8")
    message = run_extract(article, None, claims, False, pack)
    after = claims.read_bytes().decode("utf-8")
    assert "replaced 1 untouched draft" in message and "kept as edited" not in message
    assert f"entity: '未{brk}识别'" in after and "8.5%" not in after and "value: 9.5%" in after
    for item in _items(odd):
        if "8.5%" not in item:
            assert item in after
