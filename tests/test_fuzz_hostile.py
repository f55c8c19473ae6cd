"""Fuzzing the hostile-input families of issue 15: article paths that leave their root, devices
and pipes as inputs, long runs of one character class, many statements of one quantity, and
places to write to. Each ``target_*`` states its contract and returns the exit code the command
would give (0 or 1 for a run, 2 for a coded input problem); anything else escaping is a crash
(exit 3). The long campaign (``bench/fuzz_campaign.py``) runs them with the parser targets of
``tests/test_fuzz.py``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz import pack  # the default pack, built once per process

from factcheck import fileio
from factcheck.codes import INPUT_CODES
from factcheck.coverage import uncovered
from factcheck.engine import check_file
from factcheck.errors import InputError
from factcheck.extract.draft import draft_claims
from factcheck.fileio import read_bounded, write_atomic
from factcheck.loader import load_claims
from factcheck.mentions import find_mentions
from factcheck.numbers import MAX_CN_LENGTH

SECRET = "机密文件2025年地区生产总值突破670亿元"  # a quote that only the file outside holds
QUOTE = "2025年地区生产总值突破670亿元"
CLAIM = (
    f"  - {{id: g, kind: level, quote: {QUOTE}, metric: m, period: '2025', value: 突破670亿元}}\n"
)


@cache
def place() -> Path:
    """A root with a claims folder inside, a secret outside it, a FIFO and links of each kind."""
    top = Path(tempfile.mkdtemp(prefix="factcheck-hostile-"))
    atexit.register(shutil.rmtree, top, ignore_errors=True)
    (top / "claims" / "sub").mkdir(parents=True)
    (top / "outside").mkdir()
    (top / "outside" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (top / "claims" / "a.txt").write_text(QUOTE + "。", encoding="utf-8")
    (top / "claims" / "sub" / "b.txt").write_text(QUOTE + "。", encoding="utf-8")
    os.mkfifo(top / "claims" / "fifo.txt")
    links = {
        "out-link.txt": top / "outside" / "secret.txt",
        "in-link.txt": top / "claims" / "a.txt",
        "dangling.txt": top / "nowhere.txt",
        "zero-link.txt": Path("/dev/zero"),
        "dir-link": top / "outside",
    }
    for name, target in links.items():
        (top / "claims" / name).symlink_to(target)
    return top


ARTICLE_PATHS = st.sampled_from(
    [
        "a.txt",
        "sub/b.txt",
        "in-link.txt",
        "out-link.txt",
        "dangling.txt",
        "zero-link.txt",
        "dir-link/secret.txt",
        "fifo.txt",
        "../outside/secret.txt",
        "sub/../../outside/secret.txt",
        "sub",
        "missing.txt",
        "/dev/zero",
        "/dev/urandom",
        "/proc/self/environ",
        "/etc/passwd",
        "{outside}",
        "",
        ".",
    ]
) | st.text(max_size=30)


def _clean(exc: InputError) -> int:
    assert exc.problems
    for p in exc.problems:
        assert p.code in INPUT_CODES and "\n" not in p.message, p
    return 2


def target_article_path(raw: str) -> int:
    """A claims file naming any article: read only inside the root, refused alike otherwise."""
    top = place()
    raw = raw.replace("{outside}", str(top / "outside" / "secret.txt"))
    path = top / "claims" / f"fuzz-{os.getpid()}.yaml"
    quoted = raw.replace("'", "''")
    path.write_text(
        f"version: 1\narticle: '{quoted}'\nentity: x\nclaims:\n{CLAIM}",
        encoding="utf-8",
        errors="surrogatepass",
    )
    try:
        file = load_claims(path, pack())
    except InputError as exc:
        for p in exc.problems:
            if p.code == "E113":  # the same words for a missing file and one outside
                assert p.message.endswith("not found inside its root"), p
        return _clean(exc)
    assert file.article_text is not None and SECRET not in file.article_text
    return 0


DEVICES = st.sampled_from(
    ["/dev/zero", "/dev/urandom", "/dev/null", "/dev/full", "/proc/self/status", "fifo", "dir"]
).flatmap(lambda name: st.tuples(st.just(name), st.integers(0, 1 << 20)))


def target_device(case: tuple[str, int]) -> int:
    """Any non-regular file as an input: E100 at once, never a block or an unbounded read."""
    name, limit = case
    path = place() / "claims" / "fifo.txt" if name == "fifo" else Path(name)
    if name == "dir":
        path = place()
    data, problem = read_bounded(path, str(path), limit)
    if data is None:
        assert problem is not None and problem.code == "E100"
        return 2
    assert len(data) <= limit
    return 0


_CLASSES = [
    "1", "0", "１", ",", ".", ":", "×", "+", "%", "年", "月", "-", "第", "前", "翻", "番",
    "分之", "成", "倍", "余", "多", "、", "，", "。", "“", "”", "\n", " ", "a", "N", "中", "市",
    "增长", "下降", "亿元", "万吨", "个百分点", "十四五", "期间", "比", "是", "的",
    *"零〇一二两三四五六七八九十百千万亿",
]  # fmt: skip
runs = st.lists(
    st.tuples(st.sampled_from(_CLASSES), st.integers(1, 400)), min_size=1, max_size=12
).map(lambda parts: "".join(c * n for c, n in parts)[:4000])


def target_long_run(text: str) -> int:
    """Runs of character classes through the mention finder, coverage, check and extract."""
    for m in find_mentions(text):
        assert text[m.start : m.end] == m.text
    draft = draft_claims(text, pack())
    assert all(len(c.quote) <= 2 * 300 + 200 for c in draft.claims)
    file = load_claims(_claims_beside(text), pack())
    uncovered(replace(file, article_text=text))
    result = check_file(file, pack())
    return 1 if result.findings else 0


def _claims_beside(article: str) -> Path:
    folder = place() / "claims"
    (folder / f"run-{os.getpid()}.txt").write_text(article + "\n" + QUOTE, encoding="utf-8")
    path = folder / f"run-{os.getpid()}.yaml"
    path.write_text(
        f"version: 1\narticle: run-{os.getpid()}.txt\nentity: x\nclaims:\n{CLAIM}",
        encoding="utf-8",
    )
    return path


statements = st.lists(
    st.sampled_from(["672亿元", "约670亿元", "近680亿元", "681亿元", "突破670亿元", "672.0亿元"]),
    min_size=2,
    max_size=300,
)


def target_duplicates(values: list[str]) -> int:
    """Many statements of one quantity: at most one FC117 and one FC132, never one per pair."""
    article = "".join(f"2025年地区生产总值{v}。" for v in dict.fromkeys(values))
    lines = ["version: 1", f"article: dup-{os.getpid()}.txt", "entity: x", "claims:"]
    lines += [
        f"  - {{id: s-{i}, kind: level, quote: 2025年地区生产总值{v}, metric: 地区生产总值,"
        f" period: '2025', value: {v}}}"
        for i, v in enumerate(values)
    ]
    folder = place() / "claims"
    (folder / f"dup-{os.getpid()}.txt").write_text(article, encoding="utf-8")
    path = folder / f"dup-{os.getpid()}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_file(load_claims(path, pack()), pack())
    every = [*result.findings, *result.passed]
    assert sum(f.code == "FC117" for f in every) == 1, values
    assert sum(f.code == "FC132" for f in every) <= 1, values
    return 1 if result.findings else 0


TARGET_KINDS = st.sampled_from(
    ["new", "old-report", "input", "hard-link", "link", "dangling", "fifo", "dev-full",
     "dev-null", "dir", "no-folder", "linked-folder"]
)  # fmt: skip
writes = st.tuples(TARGET_KINDS, st.booleans(), st.booleans(), st.text(max_size=200))


def target_write(case: tuple[str, bool, bool, str]) -> int:
    """Any place to write to: written, or a coded refusal; an input, or what a link points to,
    never changes."""
    kind, force, replace_old, text = case
    work = Path(tempfile.mkdtemp(prefix="w-", dir=place()))
    try:
        precious = work / "input.txt"
        precious.write_text("input", encoding="utf-8")
        target = {
            "new": work / "r.txt",
            "old-report": work / "r.txt",
            "input": precious,
            "hard-link": work / "hard.txt",
            "link": work / "link.txt",
            "dangling": work / "dangling.txt",
            "fifo": work / "fifo",
            "dev-full": Path("/dev/full"),
            "dev-null": Path("/dev/null"),
            "dir": work,
            "no-folder": work / "no" / "r.txt",
            "linked-folder": Path(os.path.relpath(work / "lf" / "r.txt")),
        }[kind]
        if kind == "old-report":
            target.write_text("old", encoding="utf-8")
        elif kind == "hard-link":
            os.link(precious, target)
        elif kind == "link":
            target.symlink_to(precious)
        elif kind == "dangling":
            target.symlink_to(work / "gone.txt")
        elif kind == "fifo":
            os.mkfifo(target)
        elif kind == "linked-folder":
            (work / "lf").symlink_to(work / "no-such-place", target_is_directory=True)
        old_wait, fileio.PIPE_WAIT = fileio.PIPE_WAIT, 0.0
        try:
            write_atomic(target, text, force, inputs=[precious], replace=replace_old)
        except InputError as exc:
            assert {p.code for p in exc.problems} <= {"E301", "E302", "E305"}, exc.problems
            return _clean(exc)
        finally:
            fileio.PIPE_WAIT = old_wait
            assert precious.read_text(encoding="utf-8") == "input"
            assert not (work / "gone.txt").exists()
            assert [p.name for p in work.iterdir() if p.name.endswith(".tmp")] == []
        assert kind not in ("input", "hard-link", "dir", "no-folder")
        if kind in ("link", "dangling"):
            assert force and not target.is_symlink()
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


TARGETS: dict[str, tuple[st.SearchStrategy[Any], Any]] = {
    "article-path": (ARTICLE_PATHS, target_article_path),
    "device": (DEVICES, target_device),
    "long-run": (runs, target_long_run),
    "duplicates": (statements, target_duplicates),
    "write-target": (writes, target_write),
}
"""The hostile families by name: their input strategy and the function stating the contract."""


_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@_SETTINGS
@given(ARTICLE_PATHS)
def test_article_paths(raw: str) -> None:
    target_article_path(raw)


@_SETTINGS
@given(DEVICES)
def test_devices(case: tuple[str, int]) -> None:
    target_device(case)


@_SETTINGS
@given(runs)
def test_long_runs(text: str) -> None:
    assert MAX_CN_LENGTH == 40
    target_long_run(text)


@_SETTINGS
@given(statements)
def test_duplicates(values: list[str]) -> None:
    target_duplicates(values)


@_SETTINGS
@given(writes)
def test_write_targets(case: tuple[str, bool, bool, str]) -> None:
    target_write(case)
