"""The benchmarks measure the installed factcheck: stop with a message when it is not."""

from __future__ import annotations

import importlib.util
import sys


def require_factcheck() -> None:
    """Exit with a message unless ``import factcheck`` works for this Python."""
    if importlib.util.find_spec("factcheck") is None:
        raise SystemExit(
            f"factcheck is not installed for {sys.executable}: run the benchmark with the Python "
            "of the environment it is installed in (e.g. .venv/bin/python bench/...)"
        )
