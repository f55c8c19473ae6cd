"""What every rule kind shares: its option and doc types, the context it reads claims from, and
the helpers that judge a stated interval against a recomputed one and write the finding."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from factcheck import en
from factcheck.errors import ValueProblem
from factcheck.finding import Finding, Related, Verdict
from factcheck.interval import Interval
from factcheck.model import Claim, ClaimsFile, Value
from factcheck.periods import Point, shift
from factcheck.quotes import QuoteIndex, Span, index_for
from factcheck.rulepack import RulePack
from factcheck.zh import INCREMENT_VERBS, SCALES, as_written


@dataclass(frozen=True, slots=True)
class Option:
    """A typed option of a rule kind: default, one-line meaning, and a parser for pack values."""

    default: Any
    doc: str
    parse: Callable[[Any], Any] = str


@dataclass(frozen=True, slots=True)
class Doc:
    """A rule kind's documentation, in the fixed form the docs are generated from."""

    what: str
    why: str
    passes: str
    fails: str


class Context:
    """The claims of one file, indexed for the rules."""

    def __init__(self, file: ClaimsFile, pack: RulePack) -> None:
        self.file = file
        self.pack = pack
        # Claims the pairwise checks found inconsistent or could not recompute: the network
        # leaves them out, so that a contradiction is reported once.
        self.flagged: set[str] = set()
        self.by_id = {c.id: c for c in file.claims}
        self._spans: dict[str, Span | None] = {}  # a quote's place in the article, found once
        self.levels: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
        kinds: dict[str, list[Claim]] = defaultdict(list)
        for c in file.claims:
            kinds[c.kind].append(c)
            if c.kind == "level" and c.metric and c.period and c.value:
                self.levels[(c.entity, c.metric, c.period.end.key)].append(c)
        # The claims of each kind in file order: the rules ask for them per claim of another.
        self._of_kind = {kind: tuple(claims) for kind, claims in kinds.items()}

    @cached_property
    def quotes(self) -> QuoteIndex | None:
        """The article, for positions of quotes (built only when a finding needs one)."""
        return index_for(self.file.article_text) if self.file.article_text else None

    def of_kind(self, *kinds: str) -> Iterable[Claim]:
        """The claims of the given kinds, in file order."""
        if len(kinds) == 1:
            return self._of_kind.get(kinds[0], ())
        return (c for c in self.file.claims if c.kind in kinds)

    def level(self, entity: str, metric: str | None, point: Point) -> Claim | None:
        """The level claim of a metric at a point; when it is stated twice, the statement that
        says the most (the narrowest interval relative to its size, the first of equals): a
        floor such as 突破5万亿元 never hides the 51234亿元 stated elsewhere."""
        found = self.levels.get((entity, metric or "", point.key))
        if not found:
            return None
        return found[0] if len(found) == 1 else min(found, key=_width)

    def endpoints(self, claim: Claim) -> tuple[Point, Point] | None:
        """Start and end points of a change claim: its span, or base → period (default: the
        same period a year before, 同比). None when they cannot be told, or coincide: a change
        from a time to itself (``base`` equal to ``period``) compares nothing."""
        if claim.period is None:
            return None
        if claim.period.start is not None:
            ends = claim.period.start, claim.period.end
        elif claim.base is not None:
            ends = claim.base.end, claim.period.end
        else:
            try:
                ends = shift(claim.period.end, -1), claim.period.end
            except ValueProblem:  # a year before the calendar periods allows: nothing to compare
                return None
        return None if ends[0].key == ends[1].key else ends

    def start_end(self, claim: Claim) -> tuple[Claim | None, Claim | None, float]:
        """The level claims at both ends of a change claim, and the years between them."""
        ends = self.endpoints(claim)
        if ends is None:
            return None, None, 0.0
        start_pt, end_pt = ends
        start = self.by_id.get(claim.refs.get("start", "")) or self.level(
            claim.entity, claim.metric, start_pt
        )
        end = self.by_id.get(claim.refs.get("end", "")) or self.level(
            claim.entity, claim.metric, end_pt
        )
        if (
            start
            and start.period
            and end
            and end.period
            and ("start" in claim.refs or "end" in claim.refs)
        ):
            return start, end, end.period.end.t - start.period.end.t
        return start, end, end_pt.t - start_pt.t

    def finding(
        self,
        check: str,
        code: str,
        claim: Claim,
        verdict: Verdict,
        en: str,
        zh: str,
        related: Iterable[Claim] = (),
        **payload: Any,
    ) -> Finding:
        """A finding about ``claim``, located at its quote in the claims file and the article."""
        if claim.quote not in self._spans:
            self._spans[claim.quote] = self.quotes.find(claim.quote) if self.quotes else None
        span = self._spans[claim.quote]
        return Finding(
            path=claim.loc.path,
            line=claim.loc.line,
            col=claim.loc.col,
            code=code,
            claim=claim.id,
            verdict=verdict,
            message=en,
            message_zh=zh,
            quote=claim.quote,
            related=tuple(_related(c) for c in related),
            check=check,
            article_path=self.file.article_path if span else "",
            article_line=span.line if span else 0,
            article_col=span.col if span else 0,
            **payload,
        )


def _width(c: Claim) -> float:
    """How little a level statement says: its interval's width relative to its size."""
    iv = c.value.interval if c.value else Interval(-math.inf, math.inf)
    if math.isinf(iv.hi - iv.lo):
        return math.inf
    return (iv.hi - iv.lo) / max(abs(iv.lo), abs(iv.hi), 1e-300)


def _related(c: Claim) -> Related:
    return Related(c.id, c.loc.path, c.loc.line, c.quote, c.value.text if c.value else "")


def decimals_of(value: Value, extra: int = 0) -> int:
    """Decimal places to show a recomputed figure in: the stated precision, plus ``extra``."""
    exp = value.stated.exponent
    return max(0, -(exp if exp is not None else -2)) + extra


def show(x: float, value: Value, extra: int = 0) -> str:
    """A base-unit float written like the stated value (``0.4016`` → ``40.2%``)."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    s = value.stated
    if s.form in ("multiple", "ratio", "rank"):
        places = decimals_of(value, extra)
        if s.form == "ratio":  # 1:2.39 takes its precision from the other term: two digits
            places = max(places, 2 + extra)
        return f"{x:.{places}f}"
    scale = value.unit.factor * s.factor
    number = f"{x / scale:.{decimals_of(value, extra)}f}"
    if s.factor == 1 and (english := en.dress(number, s.text)):
        return english  # $546.4B, 1.6 percentage points: as the article prints its figures
    written = as_written(s.unit, s.text)  # 億元 for a value written 670億元
    unit = written if s.factor == 1 else f"×{s.factor} {written}"
    return f"{number}{unit}"


def show_interval(iv: Interval, value: Value) -> str:
    """``[40.15%, 40.25%]``: at least one digit more than the stated figure, and more until the
    two ends differ (``[2.28611, 2.28625]``, not ``[2.286, 2.286]``)."""
    for extra in range(1, 6):
        lo, hi = show(iv.lo, value, extra), show(iv.hi, value, extra)
        if lo != hi:
            break
    return f"[{lo}, {hi}]"


def magnitude(x: float) -> str:
    """A plain number the way Chinese reports write large ones: ``429487`` → ``42.95万``."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    for word, scale in SCALES:
        if abs(x) >= scale:
            return f"{x / scale:.4g}{word}"
    return f"{x:.4g}"


def judge(stated: Value, recomputed: Interval, face: float) -> tuple[Verdict, bool]:
    """The verdict and whether it holds only because of rounding (docs/conventions.md §1)."""
    if recomputed.meets(stated.interval):
        return "consistent", face not in stated.interval
    return "inconsistent", False


def witness(stated: Value, recomputed: Interval) -> str:
    """The stated figure, rounded as written, that the recomputation would support; a multiple
    in the claim's own reading (a ratio of 2.0 is 增长1倍, not 增长2倍)."""
    target = min(max(stated.point, recomputed.lo), recomputed.hi)
    if stated.stated.verb in INCREMENT_VERBS:  # 少增50万人, not -50万人
        up, down = ("多增", "少增") if stated.stated.verb.endswith("增") else ("少减", "多减")
        return (up if target >= 0 else down) + show(abs(target), stated)
    if stated.stated.form != "multiple":
        return show(target, stated)
    if en.is_english(stated.text):  # doubled, halved: an English multiple is so many times
        return f"{show(target, stated)} times"
    if stated.stated.reading == "increase":
        return f"增长{show(target - 1, stated)}倍"
    return f"{show(target, stated)}倍"


def material(stated: Value, recomputed: Interval) -> bool:
    """Does the difference change a conclusion: a threshold word, a doubling, or the direction
    (a rise against a fall; for a multiple, more against less than the base)?"""
    if stated.stated.bound in ("above", "more", "below", "near"):
        return True
    if stated.stated.reading == "doubling":
        return True
    pivot = 1.0 if stated.stated.form == "multiple" else 0.0
    return (stated.point > pivot and recomputed.hi < pivot) or (
        stated.point < pivot and recomputed.lo > pivot
    )


def ratio_interval(num: Interval, den: Interval) -> Interval:
    """num / den for a denominator above zero (monotone in each term, so the ends of the terms
    give the exact range whatever the sign of the numerator; an unbounded end stays unbounded)."""

    def div(a: float, b: float) -> float:
        if math.isinf(b):
            return 0.0 if not math.isinf(a) else math.copysign(math.inf, a)
        return a / b if b > 0 else math.copysign(math.inf, a)

    ends = [div(num.lo, den.lo), div(num.lo, den.hi), div(num.hi, den.lo), div(num.hi, den.hi)]
    return Interval(min(ends), max(ends))


def undetermined(
    ctx: Context, check: str, claim: Claim, why: str, why_zh: str, related: Iterable[Claim] = ()
) -> Finding:
    """FC161: the claim cannot be recomputed (a level at or below zero, units of different
    dimensions, no time between the levels). Information, never an error."""
    return ctx.finding(
        check,
        "FC161",
        claim,
        "undetermined",
        f"cannot recompute: {why}",
        f"无法重算：{why_zh}",
        related,
        stated=claim.value.text if claim.value else "",
    )


def emit(
    ctx: Context,
    check: str,
    code: str,
    claim: Claim,
    stated: Value,
    iv: Interval,
    face: float,
    arithmetic: str,
    related: tuple[Claim, ...],
    what: str,
    what_zh: str,
) -> list[Finding]:
    """The findings of one recomputation: a pass (plus FC131 when only rounding saves it) or an
    inconsistency. ``what`` names what was recomputed from ("the levels", "part/whole")."""
    shown = show(face, stated)
    if face not in stated.interval and shown == show(stated.point, stated):
        # Rounded like the stated figure the face value would read the same ("1个百分点" for
        # 0.4): one more digit shows why it is outside.
        shown = show(face, stated, 1)
    payload = dict(
        stated=stated.text,
        recomputed=shown,
        interval=show_interval(iv, stated),
        arithmetic=f"{arithmetic} = {shown}",
    )
    verdict, by_rounding = judge(stated, iv, face)
    if verdict == "inconsistent":
        return [
            ctx.finding(
                check,
                code,
                claim,
                verdict,
                f"stated {stated.text}, {what} give {shown}",
                f"文中为 {stated.text}，按{what_zh}计算为 {shown}",
                related,
                witness=witness(stated, iv),
                material=material(stated, iv),
                **payload,
            )
        ]
    out = [
        ctx.finding(
            check,
            code,
            claim,
            verdict,
            f"consistent with {what}",
            f"与{what_zh}一致",
            related,
            **payload,
        )
    ]
    if by_rounding:
        out.append(
            ctx.finding(
                check,
                "FC131",
                claim,
                verdict,
                f"consistent only because of rounding: face value gives {shown}, "
                f"stated {stated.text}",
                f"仅因四舍五入而一致：按字面值得 {shown}，文中为 {stated.text}",
                related,
                # Material when the face value alone changes the conclusion: it lies beyond a
                # threshold word's bound or misses a doubling (it is outside the stated interval,
                # or there would be no FC131), or it points the other way.
                material=not math.isinf(face) and material(stated, Interval(face, face)),
                **payload,
            )
        )
    return out
