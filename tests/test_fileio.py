"""Writing reports, baselines and drafts: atomically for files, into devices and pipes, through
links; never a regular file put where the system had something else."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.fileio import write_atomic


def test_a_new_file_is_written(tmp_path: Path) -> None:
    write_atomic(tmp_path / "r.txt", "report")
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]  # no temporary file left


def test_an_existing_file_needs_force_or_replace(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("old", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        write_atomic(tmp_path / "r.txt", "new")
    assert exc.value.problems[0].code == "E302"
    write_atomic(tmp_path / "r.txt", "new", force=True)
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "new"
    write_atomic(tmp_path / "r.txt", "newer", replace=True)  # a report replaces the old one
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "newer"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_is_written_into_and_stays_a_pipe(tmp_path: Path) -> None:
    # factcheck check -o /dev/null --force used to put a regular file in place of /dev/null.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_atomic(fifo, "report", force=True)
    reader.join(timeout=10)
    assert received == ["report"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links are not available")
def test_a_link_is_never_written_through(tmp_path: Path) -> None:
    # Issue 15: a committed link must not take a report out of the checkout.
    target = tmp_path / "reports" / "latest.txt"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    with pytest.raises(InputError):  # refused without force, replace or not
        write_atomic(link, "new", replace=True)
    write_atomic(link, "new", force=True)  # force replaces the link itself
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"
    assert target.read_text(encoding="utf-8") == "old"
