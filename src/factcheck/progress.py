"""A progress bar (rich.progress) on stderr for long runs in a terminal; nothing in CI logs.

Shown only when stderr is a terminal, ``CI`` is not set and there are enough files for a bar to
help; otherwise the callback does nothing and rich is not imported.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

MIN_FILES = 20

Advance = Callable[[], None]


def wanted(files: int) -> bool:
    """Is a bar worth drawing for this many files here?"""
    return files >= MIN_FILES and not os.environ.get("CI") and sys.stderr.isatty()


@contextlib.contextmanager
def bar(files: int, label: str = "checking") -> Iterator[Advance]:
    """A function to call once per file checked; draws a bar only when :func:`wanted`."""
    if not wanted(files):
        yield lambda: None
        return
    from rich.console import Console  # noqa: PLC0415 - only for a bar on a terminal
    from rich.progress import Progress  # noqa: PLC0415

    with Progress(transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task(label, total=files)
        yield lambda: progress.advance(task)
