"""Units: one pint registry for the whole program, built lazily from ``data/units.txt``.

Rules never see pint. Each distinct unit text is parsed once into a :class:`UnitInfo` (the factor
to the base unit and the dimension), and values are converted to plain floats at load time:
quantity arithmetic costs 10-35 µs per operation against 0.04 µs for floats (docs/stack-notes.md).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.charmap import CharMap
from factcheck.digest import sha256_hex
from factcheck.errors import ValueProblem
from factcheck.pkgfiles import package_file
from factcheck.zh import MAGNITUDE_VALUES, simplified  # 120亿, 3.5万: a number

# pint silently reads a full-width slash or ÷ as multiplication, and chokes on spaces between a
# magnitude and its unit (docs/stack-notes.md): normalise first, then allow only these characters.
_TRANSLATE = CharMap(str.maketrans("÷／×·", "//**", " \u3000"))
_POWER = re.compile(r"(?:\^|\*\*)[+-]?(\d+)")  # the powers of a unit text: 米^2, 米**3
_POWER_OF_POWER = re.compile(r"(?:\^|\*\*)[+-]?\d*(?:\^|\*\*)")
_ALLOWED = re.compile(r"[\w/*^%‰]*")
MAX_LENGTH = 40  # 万千瓦时/平方公里 is 9 characters; longer texts are not units


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """What a unit text means: ``亿元`` is factor 1e8 in dimension ``[currency_cny]``."""

    text: str
    factor: float
    dimension: str  # "" for a pure number or a percentage

    @property
    def is_percent(self) -> bool:
        """True for ``%``: a rate, dimensionless with factor 0.01."""
        return self.dimension == "" and self.factor == 0.01

    @property
    def is_points(self) -> bool:
        """True for ``个百分点``: a difference of two rates."""
        return self.dimension == "[percentage_point]"

    @property
    def is_count(self) -> bool:
        """True for a count of things (户, 家, 个月, …), where a whole number is exact."""
        return self.dimension in count_dimensions()


@cache
def _definitions() -> bytes:
    return package_file("data", "units.txt").read_bytes()


@cache
def definitions_digest() -> str:
    """The SHA-256 of ``data/units.txt``: a cache of parsed units is only valid for these."""
    return sha256_hex(_definitions())


@cache
def count_dimensions() -> frozenset[str]:
    """The dimensions of counts: every base unit of the "Counts" section of ``units.txt``, and
    months (``连续94个月``, ``16个季度``)."""
    text = _definitions().decode("utf-8")
    counts = text.split("# Counts", 1)[-1]
    found = re.findall(r"^\S+ = (\[\w+\])", counts, flags=re.MULTILINE)
    return frozenset([*found, "[month]"])


@cache
def defined_names() -> frozenset[str]:
    """Every unit name, symbol and alias that ``units.txt`` defines (prefixes left out)."""
    return names_in(_definitions().decode("utf-8").splitlines())


def names_in(lines: list[str] | tuple[str, ...]) -> frozenset[str]:
    """Every unit name, symbol and alias that definition lines (units.txt's, or a pack's
    ``units:``) define, prefixes left out."""
    names: set[str] = set()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("=")]
        if parts[0].endswith("-"):
            continue  # a prefix: 万-, 亿-
        names.update([parts[0], *parts[2:]])  # name = definition = symbol = alias ...
    return frozenset(names)


# The definitions a rule pack adds (its ``units:`` section, pint's syntax), as use_definitions
# set them: part of the registry, of every unit parsed and of the cache's key for parsed units.
_EXTRA: list[tuple[str, ...]] = [()]


def use_definitions(lines: tuple[str, ...]) -> None:
    """Make the pack's unit definitions part of the registry (a no-op when they are already)."""
    if lines != _EXTRA[0]:
        _EXTRA[0] = lines
        registry.cache_clear()
        unit_info.cache_clear()
        KNOWN.clear()  # parsed under other definitions
        PARSED.clear()


def pack_definitions() -> tuple[str, ...]:
    """The pack's unit definitions in force (use_definitions): the mention finder reads their
    names as the parser reads their units."""
    return _EXTRA[0]


def registry_digest() -> str:
    """The SHA-256 of units.txt and the pack's definitions: parsed units are valid only for
    these (a unit cache is named by it)."""
    extra = "\n".join(_EXTRA[0]).encode("utf-8")
    return definitions_digest() if not extra else sha256_hex(_definitions() + extra)


@cache
def registry() -> Any:
    """The one pint registry, built from our own small definitions file (~8 ms, not ~300 ms)
    and the pack's ``units:`` lines."""
    ureg = base_registry()
    for line in _EXTRA[0]:
        ureg.define(line)
    return ureg


def base_registry() -> Any:
    """A fresh pint registry of units.txt alone."""
    import pint  # noqa: PLC0415 - pint costs ~120 ms to import; only commands with units pay

    ureg: Any = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    ureg.load_definitions(str(package_file("data", "units.txt")))
    return ureg


# A definition line of a pack: ``name = definition [= alias] ...``; the definition is a base
# dimension ([ship_trip]) or an expression of numbers and units (1000 * 吨, 公里 ** 2).
_DEFINITION = re.compile(
    r"\s*([^\W\d]\w*)\s*=\s*(\[[^\W\d]\w*\]|[\w.\s*/()^+\-]+?)\s*((?:=\s*[^\W\d]\w*\s*)*)"
)


def check_definitions(lines: list[str]) -> list[tuple[int, str]]:
    """Problems of a pack's unit definitions, as (index, message): a line not of pint's form
    ``name = definition [= alias]``, a name units.txt or an earlier line defines, a definition
    pint cannot read or that names an unknown unit. Nothing is evaluated as Python."""
    problems: list[tuple[int, str]] = []
    known = set(defined_names())
    ureg = None
    for i, line in enumerate(lines):
        m = _DEFINITION.fullmatch(line)
        if m is None:
            problems.append((i, f"'{line[:40]}' is not a unit definition 'name = definition'"))
            continue
        names = [m.group(1), *(a.strip() for a in m.group(3).split("=") if a.strip())]
        if clash := [n for n in names if n in known]:
            problems.append((i, f"unit '{clash[0]}' is already defined"))
            continue
        ureg = ureg or base_registry()
        try:
            ureg.define(line)
            base = ureg.Quantity(1, ureg.parse_units(m.group(1))).to_base_units()
            if not math.isfinite(float(base.magnitude)) or float(base.magnitude) <= 0:
                raise ValueError("no usable size")
        except Exception as exc:  # noqa: BLE001 - pint raises many types for a bad definition
            problems.append((i, f"cannot define '{line[:40]}': {str(exc).splitlines()[0]}"))
            continue
        known.update(names)
    return problems


def normalise(text: str) -> str:
    """NFKC plus the mappings pint needs; raises ValueProblem for characters we do not allow."""
    if len(text) > MAX_LENGTH:
        raise ValueProblem("E109", f"unit '{text[:20]}…' is longer than {MAX_LENGTH} characters")
    norm = _TRANSLATE(unicodedata.normalize("NFKC", text)).replace("°C", "摄氏度")
    norm = simplified(norm)  # 萬噸 is 万吨
    if not _ALLOWED.fullmatch(norm):
        raise ValueProblem("E109", f"unit '{text}' has characters not allowed in a unit")
    # 吨^999999999 or 吨^9^9: pint would compute the power (a hang, or an int beyond any float)
    if any(len(p) > 1 for p in _POWER.findall(norm)) or _POWER_OF_POWER.search(norm):
        raise ValueProblem("E109", f"unit '{text}' has a power beyond 9")
    return norm


# Unit texts parsed by earlier runs, loaded from the cache folder: normalised text ->
# (factor, dimension). Importing pint costs ~120 ms; a warm run on known units never pays it.
KNOWN: dict[str, tuple[float, str]] = {}
# Unit texts this process parsed with pint, for the cache to remember.
PARSED: dict[str, tuple[float, str]] = {}


@cache
def unit_info(text: str) -> UnitInfo:
    """Parse a unit text once (cached by the text); raise ValueProblem E109 if unknown."""
    norm = normalise(text)
    if not norm:
        return UnitInfo(text, 1.0, "")
    if norm in MAGNITUDE_VALUES:  # 120亿: a plain number with a magnitude word
        return UnitInfo(text, MAGNITUDE_VALUES[norm], "")
    if norm in shipped_units():  # every unit of units.txt, with every prefix: no need for pint
        return UnitInfo(text, *shipped_units()[norm])
    if (composed := compose(norm)) is not None:  # 公斤/亩, 万元/人: shipped units combined
        return UnitInfo(text, *composed)
    if norm in KNOWN:  # parsed by an earlier run (the on-disk cache): no need for pint
        factor, dimension = KNOWN[norm]
        if math.isfinite(factor) and factor > 0:  # a damaged cache entry is parsed afresh
            return UnitInfo(text, factor, dimension)
    PARSED[norm] = parse(norm, text)
    return UnitInfo(text, *PARSED[norm])


def parse(norm: str, text: str) -> tuple[float, str]:
    """The factor to base units and the dimension of a normalised unit text, by pint; raises
    ValueProblem E109 (naming ``text``, as written) when pint cannot read it or it has no
    usable size."""
    ureg = registry()
    try:
        base = ureg.Quantity(1, ureg.parse_units(norm)).to_base_units()
    except Exception as exc:  # pint raises several unrelated types, and bare AssertionError
        raise ValueProblem("E109", f"unknown unit '{text}'{did_you_mean(norm)}") from exc
    try:
        factor = float(base.magnitude)
    except OverflowError:  # 吨^9 of 吨^9 …: an integer beyond any float
        factor = math.inf
    if not math.isfinite(factor) or factor <= 0:  # 万元^99, 元*0: no unit of an article
        raise ValueProblem("E109", f"unit '{text}' has no usable size")
    dims = base.dimensionality
    dimension = "*".join(
        f"{name}^{power:g}" if power != 1 else name for name, power in sorted(dims.items())
    )
    return factor, dimension


def did_you_mean(norm: str) -> str:
    """`` (did you mean '平方公里'?)`` for an unknown unit close to one units.txt defines, or
    ""; only on the error path (difflib over the defined units costs a few milliseconds)."""
    import difflib  # noqa: PLC0415 - only an unknown unit needs it

    known = {normalise(t): t for t in defined_units() if _ALLOWED.fullmatch(t)}
    close = difflib.get_close_matches(norm, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{known[close[0]]}'?)" if close else ""


SHIPPED = "units-table.json"


@cache
def shipped_units() -> dict[str, tuple[float, str]]:
    """The table of :func:`defined_units` parsed by pint, shipped in the package
    (``scripts/gen_units_table.py`` writes it, a test keeps it in step with units.txt, and it is
    used only with the units.txt it was made from): most runs meet only these units and never
    import pint, which costs about 120 ms."""
    data = json.loads(package_file("data", SHIPPED).read_bytes())
    if data.get("units.txt sha256") != definitions_digest():
        return {}  # units.txt was edited since: every unit goes to pint until it is regenerated
    return {k: (float(f), str(d)) for k, (f, d) in data["units"].items()}


# A compound unit: shipped units joined by '/' or '*', each with an optional small whole power.
_TERM = re.compile(r"([/*]?)([^/*^]+)(?:\^([1-9]))?")


def compose(norm: str) -> tuple[float, str] | None:
    """The factor and dimension of a compound of shipped units (``公斤/亩``, ``万元/人``,
    ``元/平方米``), worked out as pint does (a/b*c is (a/b)*c; the dimension's powers added up),
    without importing pint; None when the text is not such a compound (pint decides).
    tests/test_units.py compares this with pint on every pair of shipped unit names."""
    if "/" not in norm and "*" not in norm:
        return None
    table = shipped_units()
    factor, at = 1.0, 0
    powers: dict[str, float] = {}
    for m in _TERM.finditer(norm):
        if m.start() != at or (at == 0) == bool(m[1]):  # an operator between terms, none first
            return None
        at = m.end()
        if m[2] not in table:
            return None
        f, dimension = table[m[2]]
        sign = -1 if m[1] == "/" else 1
        power = sign * int(m[3] or 1)
        factor *= f**power
        for part in filter(None, dimension.split("*")):
            name, _, p = part.partition("^")
            powers[name] = powers.get(name, 0.0) + power * float(p or 1)
    if at != len(norm) or not math.isfinite(factor) or factor <= 0:
        return None
    dims = sorted((name, p) for name, p in powers.items() if p)
    return factor, "*".join(f"{name}^{p:g}" if p != 1 else name for name, p in dims)


def defined_units() -> list[str]:
    """Every unit text ``units.txt`` defines: each name, symbol and alias, alone and after each
    prefix (元, 万元, 亿元, kg, 万千瓦时, 个百分点 …)."""
    names, prefixes = [], []
    for line in _definitions().decode("utf-8").splitlines():
        parts = [p.strip() for p in line.split("#", 1)[0].split(" = ")]
        if len(parts) < 2:
            continue
        if parts[0].endswith("-"):
            prefixes.append(parts[0][:-1])
        else:
            names += [parts[0], *parts[2:]]
    return names + [p + n for p in prefixes for n in names]


def unit_table() -> dict[str, tuple[float, str]]:
    """:func:`defined_units` parsed by pint (those pint cannot join, such as a prefix on ``%``,
    are left to be parsed when met)."""
    table = {}
    for text in defined_units():
        try:
            table[normalise(text)] = parse(normalise(text), text)
        except ValueProblem:
            continue
    return table
