"""Finding the newsroom's configuration the way ruff finds ``pyproject.toml``: from the first path
given (or the working folder) upward, the first ``.factcheck.yaml``, or ``pyproject.toml`` with a
``[tool.factcheck]`` table, wins. Its ``rules`` is a rule-pack path relative to the file. A
``pyproject.toml`` that cannot be read is an error (E100, E101 at its line and column), never
passed over; every problem of a setting points at the line and column of its key."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError, Loc, Problem
from factcheck.fileio import read_bounded

KEYS = ("rules", "fail_on", "lang")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from a config file; None where the file does not set them."""

    source: str | None = None
    rules: Path | None = None
    fail_on: str | None = None
    lang: str | None = None


def find(start: Path) -> Config:
    """The first configuration at or above ``start``."""
    try:
        here = start.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the loader reports it; look from here
        here = Path.cwd()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        dotfile = folder / ".factcheck.yaml"
        # Anything in their place but a folder is read (a device or pipe is refused, E100):
        # skipping it would silently change the gate.
        if dotfile.exists() and not dotfile.is_dir():
            return _from_yaml(dotfile)
        pyproject = folder / "pyproject.toml"
        if pyproject.exists() and not pyproject.is_dir():
            raw, problem = read_bounded(pyproject, str(pyproject))
            if raw is None:
                assert problem is not None
                raise InputError([problem])  # a device or pipe in its place: never read it
            text = _toml_text(pyproject, raw)
            section = text and _toml(pyproject, text).get("tool", {}).get("factcheck")
            if isinstance(section, dict):
                return _from_mapping(
                    {k: str(v) for k, v in section.items()},
                    pyproject,
                    _toml_locs(text, str(pyproject), section),
                )
            if section is not None:
                where = _toml_locs(text, str(pyproject), {})[""]
                raise InputError([Problem(where, "E203", "[tool.factcheck] must be a table")])
    return Config()


def _toml_text(path: Path, raw: bytes) -> str:
    """The text of a pyproject.toml; E100 when it is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"pyproject.toml is not UTF-8 (byte {exc.start}): its [tool.factcheck] is unread"
        raise InputError([Problem(Loc(str(path)), "E100", message)]) from None


def _toml(path: Path, text: str) -> dict[str, Any]:
    """A pyproject.toml parsed. A broken one is an error, as ruff says: passing over it would
    silently drop its [tool.factcheck] and change a CI gate without a word."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        where = Loc(str(path), line, col)
        raise InputError([Problem(where, "E101", f"TOML syntax error: {message}")]) from None


def _toml_locs(text: str, shown: str, section: dict[str, Any]) -> dict[str, Loc]:
    """Where each key of ``[tool.factcheck]`` is written (tomllib keeps no positions): the
    key's line and column inside the table, or in a dotted ``factcheck.KEY`` form; the
    table's header under the key ``""``."""
    locs: dict[str, Loc] = {}
    inside = False
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = re.fullmatch(r"\[\s*tool\s*\.\s*factcheck\s*\]\s*(#.*)?", stripped) is not None
            if inside:
                locs.setdefault("", Loc(shown, n, line.index("[") + 1))
            continue
        for key in section:
            prefix = r"(?:(?:tool\s*\.\s*)?factcheck\s*\.\s*)?"  # dotted: factcheck.KEY
            pattern = rf"\s*{prefix}[\"']?{re.escape(key)}[\"']?\s*="
            if key not in locs and (inside or "factcheck" in line) and re.match(pattern, line):
                locs[key] = Loc(shown, n, len(line) - len(line.lstrip()) + 1)
    for key in (*section, ""):
        locs.setdefault(key, Loc(shown))
    return locs


def _from_yaml(path: Path) -> Config:
    import yaml  # noqa: PLC0415 - only when there is such a file: a cached run needs no YAML

    from factcheck.yamlsrc import compose, items, loc, read_text  # noqa: PLC0415

    text, problems = read_text(path, str(path))
    node = None
    if text is not None:
        node, problems = compose(text, str(path))
    if problems:
        raise InputError(problems)
    if not isinstance(node, yaml.MappingNode):
        raise InputError([Problem(Loc(str(path)), "E103", "a config file must be a mapping")])
    data = {k: str(v.value) for k, _, v in items(node)}
    return _from_mapping(data, path, {k: loc(key, str(path)) for k, key, _ in items(node)})


def _from_mapping(data: dict[str, str], path: Path, locs: dict[str, Loc]) -> Config:
    for key in data:
        if key not in KEYS:
            raise InputError(
                [
                    Problem(
                        locs[key],
                        "E202",
                        f"unknown config key '{key}'; expected one of {', '.join(KEYS)}",
                    )
                ]
            )
    choices = {"fail_on": ("error", "warning", "info", "never"), "lang": ("zh", "en")}
    for key, allowed in choices.items():
        if key in data and data[key] not in allowed:
            raise InputError(
                [
                    Problem(
                        locs[key],
                        "E203",
                        f"'{key}' must be one of {', '.join(allowed)}, not '{data[key]}'",
                    )
                ]
            )
    rules = path.parent / data["rules"] if "rules" in data else None
    return Config(str(path), rules, data.get("fail_on"), data.get("lang"))
