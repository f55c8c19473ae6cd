"""The records of a draft: drafted claims, the mentions set aside, and the draft itself."""

from __future__ import annotations

from dataclasses import dataclass, replace

Field = tuple[str, str | tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class DraftClaim:
    """One drafted claim, or a 'respectively' claim when its fields hold lists."""

    ids: tuple[str, ...]
    kind: str
    quote: str
    fields: tuple[Field, ...]  # in the order they are written: entity, metric, period, value…
    start: int  # offsets of the quote in the article
    end: int
    line: int
    values: tuple[str, ...]  # the value of each item, as written in the file
    spans: tuple[tuple[int, int], ...]  # each item's mention in the article
    doubts: tuple[str, ...] = ()  # why the draft may be wrong: the reviewer's first questions

    @property
    def confidence(self) -> float:
        """How far the draft can be trusted as it stands: 0.9 with no doubt, less with each
        (a claim below CONFIDENT is not checked by ``check ARTICLE.txt``)."""
        return round(max(0.1, 0.9 - 0.3 * len(self.doubts)), 1)

    @property
    def confident(self) -> bool:
        """Whether ``check ARTICLE.txt`` checks the claim as drafted (no doubt about it)."""
        return not self.doubts

    def subset(self, keep: list[int]) -> DraftClaim:
        """The claim of some of its items only (a 'respectively' list partly claimed already)."""
        if len(keep) == len(self.ids):
            return self

        def pick(v: str | tuple[str, ...]) -> str | tuple[str, ...]:
            if isinstance(v, str) or len(v) != len(self.ids):
                return v
            chosen = tuple(v[i] for i in keep)
            return chosen[0] if len(chosen) == 1 else chosen

        fields = tuple((n, v if n == "metrics" else pick(v)) for n, v in self.fields)
        ids = tuple(self.ids[i] for i in keep)
        values = tuple(self.values[i] for i in keep)
        spans = tuple(self.spans[i] for i in keep)
        return replace(self, ids=ids, fields=fields, values=values, spans=spans)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A mention that was not drafted: its clause (to quote in ``ignore``) and why."""

    text: str
    line: int
    quote: str
    reason: str  # an ignore reason: name, age, date, label, other
    why: str
    start: int  # the mention in the article
    end: int


@dataclass(frozen=True, slots=True)
class Draft:
    """The draft of one article."""

    entity: str
    year: int
    claims: tuple[DraftClaim, ...]
    skipped: tuple[Skipped, ...]
    mentions: int
