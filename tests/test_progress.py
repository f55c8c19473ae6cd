"""The progress bar: only for many files on a terminal, never in CI logs."""

from __future__ import annotations

import io
import sys

import pytest

from factcheck import progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not progress.wanted(1000)


def test_no_bar_in_ci_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(sys, "stderr", _Tty())
    assert not progress.wanted(1000)


def test_bar_on_a_terminal_for_many_files_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", _Tty())
    assert progress.wanted(progress.MIN_FILES)
    assert not progress.wanted(progress.MIN_FILES - 1)


def test_disabled_bar_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with progress.bar(5000) as advance:
        advance()  # must not raise, must draw nothing
