"""Files shipped inside the package (``data/``, ``_rules/``), found beside this module.

``importlib.resources`` would find them too, but importing it costs a few milliseconds of every
run (it brings zipfile and tempfile), and a wheel installs factcheck as plain files.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent


def package_file(*parts: str) -> Path:
    """The path of a file inside the installed package: ``package_file("data", "units.txt")``."""
    return PACKAGE.joinpath(*parts)
