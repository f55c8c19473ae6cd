"""Hostile input, second round (issue 15): the smaller ones. An overflowing unit, a file name
that is not UTF-8, a closed pipe, a killed parent: each a coded problem or a defined exit, never
an internal error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from inputs import run_cli, write
from test_hostile import LEVEL as LEVEL_OF

from factcheck.errors import ValueProblem
from factcheck.units import unit_info

LEVEL = LEVEL_OF.format(period=2025, value="突破670亿元")


@pytest.mark.parametrize(
    "unit",
    ["吨^99", "吨**99", "万元^99", "吨^-99", "吨^999999999", "吨^9^9", "吨**9**9", "吨^9**9"],
)
def test_a_unit_power_that_overflows_is_e109(unit: str) -> None:
    with pytest.raises(ValueProblem) as info:
        unit_info(unit)
    assert info.value.code == "E109"


def test_an_overflowing_value_is_a_coded_input_error(tmp_path: Path) -> None:
    body = LEVEL.replace("value: 突破670亿元", "value: '5吨^99'").replace(
        "quote: 2025年地区生产总值突破670亿元", "quote: 2025年产量5吨^99"
    )
    path = write(tmp_path, body, article="2025年产量5吨^99。\n")
    done = run_cli("validate", str(path))
    assert done.returncode == 2, done.stderr
    # '    value: '5吨^99'': 4 header lines, 'claims:', then the 6th line of the claim (line 11)
    assert f"{path}:11:12: E109 " in done.stderr


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    write(tmp_path, LEVEL)
    name = os.fsdecode(b"bad\xff.yaml")
    (tmp_path / name).write_bytes((tmp_path / "claims.yaml").read_bytes())
    for args in (("validate",), ("check", "--no-cache"), ("check", "--no-cache", "-f", "json")):
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", *args, str(tmp_path / name)],
            capture_output=True,
            timeout=60,
        )
        assert done.returncode in (0, 1), done.stderr
        assert b"internal error" not in done.stderr
    (tmp_path / name).write_bytes(b"claims: [\n")  # and a problem in it is reported
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "validate", str(tmp_path / name)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2 and b"E101" in done.stderr, done.stderr
    assert b"bad\\udcff.yaml" in done.stderr  # the byte shown escaped, never raw


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--no-cache", "{claims}"),
        ("check", "--no-cache", "-f", "json", "{claims}"),
        ("check", "--no-cache", "{bad}"),
        ("validate", "{bad}"),
        ("schema",),
        ("coverage", "{article}", "{claims}"),
        ("explain", "gdp-2025", "{claims}"),
        ("--version",),
    ],
)
def test_a_closed_pipe_exits_120(tmp_path: Path, args: tuple[str, ...]) -> None:
    claims = write(tmp_path, LEVEL * 1)
    bad = write(tmp_path, "claims: [\n", name="bad.yaml")
    names = {"claims": str(claims), "bad": str(bad), "article": str(tmp_path / "article.txt")}
    argv = [a.format(**names) for a in args]
    read, write_end = os.pipe()
    os.close(read)  # nobody reads: the first write meets a broken pipe
    with os.fdopen(write_end, "wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", *argv],
            stdout=out,
            stderr=out,
            timeout=60,
        )
    assert done.returncode == 120


def test_pool_workers_die_with_their_parent(tmp_path: Path) -> None:
    for i in range(400):  # enough work for the pool to be seen running
        write(tmp_path, LEVEL * 1, name=f"c{i}.yaml")
    parent = subprocess.Popen(
        # -j 3: two workers beside the parent, which checks files too
        [sys.executable, "-m", "factcheck", "check", "--no-cache", "-j", "3", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    for _ in range(400):  # wait for the pool to start (at most 40 s)
        workers = _children(parent.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.01)
    assert len(workers) >= 2, "the pool did not start"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    for _ in range(100):  # they notice within 10 s
        if not [pid for pid in workers if _alive(pid)]:
            break
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]


def test_a_worker_whose_parent_died_before_it_started_ends() -> None:
    # The race behind a flaky kill -9 test: the parent died between the fork and the worker's
    # initializer, so os.getppid() in the worker was already the reaper's, and the worker lived
    # on. The parent's pid now comes from the parent; one that is not this process's parent
    # (here a pid no process has) ends the worker at once.
    code = "from factcheck.app import _die_with_parent; _die_with_parent(2**22 + 1); print('alive')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "alive" not in done.stdout


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait is missing
