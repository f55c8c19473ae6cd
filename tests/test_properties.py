"""Property tests: the engine's arithmetic against independent implementations
(docs/conventions.md §1).

CAGR is cross-checked with ``numpy_financial.rate``; growth, shares and ratios with exact
``fractions.Fraction``. For any levels (written with their own precision) a stated figure that is
the true value rounded as written is never flagged, and one that lies beyond the whole range the
level intervals allow, by more than the stated figure's own rounding plus a margin, always is.

Every example goes through the real loader and engine, so parsing, units and intervals are
part of what is tested.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy_financial as npf
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck.engine import check_file
from factcheck.kinds import REGISTRY
from factcheck.loader import load_claims
from factcheck.rulepack import RulePack, load_pack

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
KINDS = ("growth", "cagr", "share", "ratio")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> tuple[RulePack, Path]:
    """A pack running only the arithmetic kinds, every metric nominal (no price-basis question)."""
    tmp = tmp_path_factory.mktemp("props")
    pack = {
        "basis": {"default": "nominal", "real": [], "both": [], "nominal": []},
        "checks": {k: {"enabled": "false"} for k in REGISTRY if k not in KINDS},
    }
    (tmp / "pack.yaml").write_text(yaml.safe_dump(pack), encoding="utf-8")
    return load_pack(tmp / "pack.yaml"), tmp


def verdicts(
    env: tuple[RulePack, Path], claims: Sequence[Mapping[str, object]], code: str
) -> set[str]:
    """Write the claims (their quotes make the article), check them, and return the verdicts of
    ``code`` on the last claim."""
    pack, tmp = env
    (tmp / "a.txt").write_text("。".join(str(c["quote"]) for c in claims), encoding="utf-8")
    data = {"article": "a.txt", "entity": "某市", "claims": claims}
    (tmp / "c.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check_file(load_claims(tmp / "c.yaml", pack), pack)
    target = claims[-1]["id"]
    return {
        f.verdict
        for f in [*result.findings, *result.passed]
        if f.code == code and f.claim == target
    }


def level(cid: str, metric: str, period: str, text: str) -> dict[str, str]:
    return {
        "id": cid,
        "kind": "level",
        "quote": f"{metric}{period}年{text}",
        "metric": metric,
        "period": period,
        "value": text,
    }


# A figure as written: a mantissa and its number of decimals (1234, 2 → "12.34").
Figure = tuple[int, int]


@st.composite
def pairs(draw: st.DrawFn, low: float, high: float) -> tuple[Figure, Figure]:
    """Two written figures, the second about ``low`` to ``high`` times the first, each with its
    own precision (drawn together, so that few examples are filtered out)."""
    first = (draw(st.integers(1, 10**6)), draw(st.integers(0, 2)))
    decimals = draw(st.integers(0, 2))
    factor = draw(st.floats(low, high))
    mantissa = max(1, round(first[0] * factor * 10 ** (decimals - first[1])))
    return first, (mantissa, decimals)


def written(fig: Figure) -> tuple[str, Fraction, Fraction]:
    """The text of a figure, its value and half a unit of its last digit, exactly."""
    mantissa, decimals = fig
    text = str(Decimal(mantissa).scaleb(-decimals))
    return text, Fraction(mantissa, 10**decimals), Fraction(1, 2 * 10**decimals)


def rounded_pct(x: Fraction | float, places: int = 1) -> Fraction:
    """A rate written as a percentage with ``places`` decimals (half-even, exactly)."""
    return Fraction(round(Fraction(x) * 100 * 10**places), 10**places)


def pct_text(p: Fraction, places: int = 1) -> str:
    return f"{Decimal(p.numerator) / Decimal(p.denominator):.{places}f}%"


def beyond(lo: Fraction | float, hi: Fraction | float, above: bool, places: int = 1) -> Fraction:
    """A percentage written with ``places`` decimals whose whole rounding interval lies 0.1
    points beyond the range [lo, hi] (rates as fractions)."""
    unit = Fraction(1, 10**places)
    margin = Fraction(1, 10) + unit / 2
    if above:
        return Fraction(math.ceil((Fraction(hi) * 100 + margin) / unit)) * unit
    return Fraction(math.floor((Fraction(lo) * 100 - margin) / unit)) * unit


def cagr(start: float, end: float, n: int) -> float:
    """The independent implementation: numpy-financial's rate for pv = -start, fv = end (its
    Newton step divides by the rate, so a flat series is answered here)."""
    if start == end:
        return 0.0
    with np.errstate(all="ignore"):
        return float(npf.rate(n, 0, -start, end, tol=1e-13, maxiter=200))


@SETTINGS
@given(levels=pairs(0.2, 5.0), n=st.integers(1, 10), above=st.booleans())
def test_cagr_against_numpy_financial(env, levels, n, above) -> None:
    (s_text, s, hs), (e_text, e, he) = map(written, levels)
    assume(Fraction(1, 5) <= e / s <= 5)  # rates from -27% to +400% a year
    true = cagr(float(s), float(e), n)
    assume(not math.isnan(true))
    claims = [
        level("s", "营业收入", "2010", f"{s_text}亿元"),
        level("e", "营业收入", str(2010 + n), f"{e_text}亿元"),
    ]

    def claim(p: Fraction) -> dict[str, str]:
        return {
            "id": "g",
            "kind": "cagr",
            "quote": f"年均增长{pct_text(p)}",
            "metric": "营业收入",
            "period": f"2010-{2010 + n}",
            "value": pct_text(p),
        }

    assert verdicts(env, [*claims, claim(rounded_pct(true))], "FC102") == {"consistent"}
    lo = cagr(float(s + hs), float(e - he), n)
    hi = cagr(float(s - hs), float(e + he), n)
    wrong = beyond(lo, hi, above)
    assume(wrong > -100)
    assert verdicts(env, [*claims, claim(wrong)], "FC102") == {"inconsistent"}


@SETTINGS
@given(levels=pairs(0.05, 20.0), above=st.booleans())
def test_growth_against_fractions(env, levels, above) -> None:
    (s_text, s, hs), (e_text, e, he) = map(written, levels)
    assume(Fraction(1, 20) <= e / s <= 20)
    claims = [
        level("s", "营业收入", "2024", f"{s_text}亿元"),
        level("e", "营业收入", "2025", f"{e_text}亿元"),
    ]

    def claim(p: Fraction) -> dict[str, str]:
        return {
            "id": "g",
            "kind": "growth",
            "quote": f"同比增长{pct_text(p)}",
            "metric": "营业收入",
            "period": "2025",
            "value": pct_text(p),
        }

    assert verdicts(env, [*claims, claim(rounded_pct(e / s - 1))], "FC101") == {"consistent"}
    lo, hi = (e - he) / (s + hs) - 1, (e + he) / (s - hs) - 1
    wrong = beyond(lo, hi, above)
    assume(wrong > -100)
    assert verdicts(env, [*claims, claim(wrong)], "FC101") == {"inconsistent"}


@SETTINGS
@given(levels=pairs(0.0, 1.0), above=st.booleans())
def test_share_against_fractions(env, levels, above) -> None:
    (w_text, w, hw), (p_text, p, hp) = map(written, levels)
    assume(p <= w)
    claims = [
        level("p", "本市出口", "2025", f"{p_text}亿元"),
        level("w", "全省出口", "2025", f"{w_text}亿元"),
    ]

    def claim(x: Fraction) -> dict[str, str]:
        return {
            "id": "sh",
            "kind": "share",
            "quote": f"占比{pct_text(x)}",
            "metric": "本市出口",
            "whole": "全省出口",
            "period": "2025",
            "value": pct_text(x),
        }

    assert verdicts(env, [*claims, claim(rounded_pct(p / w))], "FC111") == {"consistent"}
    lo, hi = (p - hp) / (w + hw), (p + hp) / (w - hw)
    wrong = beyond(lo, hi, above)
    assume(wrong >= 0)
    assert verdicts(env, [*claims, claim(wrong)], "FC111") == {"inconsistent"}


@SETTINGS
@given(levels=pairs(0.1, 100.0), above=st.booleans())
def test_ratio_against_fractions(env, levels, above) -> None:
    (d_text, b, hb), (n_text, a, ha) = map(written, levels)
    assume(Fraction(1, 10) <= a / b <= 100)
    claims = [
        level("n", "城镇收入", "2025", f"{n_text}元"),
        level("d", "农村收入", "2025", f"{d_text}元"),
    ]

    def claim(r: Fraction) -> dict[str, object]:
        text = f"{Decimal(r.numerator) / Decimal(r.denominator):.2f}:1"
        return {
            "id": "r",
            "kind": "ratio",
            "quote": f"收入比{text}",
            "metrics": ["城镇收入", "农村收入"],
            "period": "2025",
            "value": text,
        }

    # Ratios are written to two decimals: "2.29:1". As a "percentage" that is 0 places of r·100.
    true = Fraction(round(a / b * 100), 100)
    assert verdicts(env, [*claims, claim(true)], "FC112") == {"consistent"}
    lo, hi = (a - ha) / (b + hb), (a + ha) / (b - hb)
    wrong = beyond(lo, hi, above, places=0) / 100
    assume(wrong > 0)
    assert verdicts(env, [*claims, claim(wrong)], "FC112") == {"inconsistent"}
