"""Where rule packs come from: the texts and their digests, without parsing anything.

Kept light on purpose: a run whose every file is served from the cache needs only the digests
(they are part of the cache key), never the parsed pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck.digest import sha256_hex
from factcheck.errors import InputError, Loc, Problem
from factcheck.pkgfiles import package_file


@dataclass(frozen=True, slots=True)
class PackSource:
    """One rule-pack file: the name to show, its text and its sha256."""

    shown: str
    text: str
    sha256: str


def _source(shown: str, text: str) -> PackSource:
    return PackSource(shown, text, sha256_hex(text.encode()))


def default_pack_text() -> tuple[str, str]:
    """The default pack's text and the name to show for it (installed, or the repo's rules/)."""
    packaged = package_file("_rules", "default.yaml")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8"), "<default>/default.yaml"
    # An editable install: the package data is not copied, the repo's rules/ is next door.
    repo = Path(__file__).resolve().parents[2] / "rules" / "default.yaml"
    return repo.read_text(encoding="utf-8"), "rules/default.yaml"


def sources(extra: Path | None = None, shown: str | None = None) -> tuple[PackSource, ...]:
    """The default pack, then the newsroom's pack if any (E100/E301 when it cannot be read)."""
    text, name = default_pack_text()
    out = [_source(name, text)]
    if extra is not None:
        from factcheck.yamlsrc import read_text  # noqa: PLC0415

        shown = shown or str(extra)
        if not extra.exists():
            raise InputError([Problem(Loc(shown), "E301", "rule pack not found")])
        raw, problems = read_text(extra, shown)
        if raw is None:
            raise InputError(problems)
        out.append(_source(shown, raw))
    return tuple(out)


def digest(packs: tuple[PackSource, ...]) -> str:
    """One digest for a resolved pack (for cache keys)."""
    return sha256_hex("\0".join(p.sha256 for p in packs).encode())
