"""Finding the newsroom's configuration the way ruff finds ``pyproject.toml``: from the first path
given (or the working folder) upward, the first ``.factcheck.yaml``, or ``pyproject.toml`` with a
``[tool.factcheck]`` table, wins. Its ``rules`` is a rule-pack path relative to the file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

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
            try:
                table = tomllib.loads(raw.decode("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue  # not ours to judge; ruff stops on it, we look further up
            section = table.get("tool", {}).get("factcheck")
            if isinstance(section, dict):
                return _from_mapping(
                    {k: str(v) for k, v in section.items()},
                    pyproject,
                    {k: Loc(str(pyproject)) for k in section},
                )
    return Config()


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
