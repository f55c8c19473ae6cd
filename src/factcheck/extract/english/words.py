"""The words around an English figure: its value words and the noun phrase it is of.

*Value words*: the rule pack's qualifiers before the figure (``about``, ``more than``), a
direction written with it (``up``, ``rose``, ``decreased``, ``an increase of``; ``above`` and
``below`` after it) and the lexicon's words after it (``or more``). Words of equality
(``reached``) are not part of the value.

*Noun phrases*: what is left of the words before a figure once the predicate (``were up``,
``stood at``, ``expanded by an average annual rate of``), time words (``in 2016``, ``for the
January through March period``), leading articles and conjunctions are taken off; ``advance
estimates of X`` is X, ``Gross national income (GNI) per capita`` is ``GNI per capita``, and the
article's own entity (``China's``, ``U.S.``) is dropped from the front.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck import en
from factcheck.extract.english.times import When

_UP = frozenset(en.UP_WORDS)
_DOWN = frozenset(en.DOWN_WORDS)
_PREDICATE = frozenset(
    {
        *("was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will"),
        *("would", "could", "stood", "stands", "stand", "at", "to", "from", "by", "of", "an"),
        *("a", "the", "totaled", "totalled", "totaling", "totalling", "amounted", "hit", "in"),
        *("registered", "recorded", "posted", "came", "averaged", "and", "but", "while"),
        *("also", "further", "respectively", "revised", "estimated", "representing", "with"),
        *("accounted", "accounting", "account", "accounts", "for", "made", "makes", "make"),
        *("as", "compared", "than", "reaching", "remained", "stayed", "edged", "percent"),
        *("change", "changed", "it", "its", "which", "that", "on", "year-on-year"),
        *("shows", "showed", "show", "according", "continued", "saw", "see"),
        *("year-over-year", "sharply", "slightly", "steadily", "modestly", "only", "just"),
        *(w for w in (*en.UP_WORDS, *en.DOWN_WORDS) if w.isalpha() and len(w) > 3),
        "up",
        "down",
    }
)
# Finite verbs: a noun phrase ends before the first of them (its subject's verb).
_VERBS = frozenset(
    {
        *("was", "were", "is", "are", "has", "have", "had", "will", "stood", "stands", "showed"),
        *("shows", "said", "reported", "continued", "contributed", "contributing", "accounted"),
        *("accounting", "registered", "recorded", "posted", "totaled", "totalled", "amounted"),
        *(w for w in (*en.UP_WORDS, *en.DOWN_WORDS) if w.isalpha() and len(w) > 3),
    }
)
_LEADING = frozenset(
    {
        *("the", "a", "an", "and", "but", "while", "whereas", "also", "meanwhile", "overall"),
        *("moreover", "however", "that", "which", "its", "their"),
        *("with", "of", "in", "for", "as", "at", "on", "to", "from", "by", "or", "--", "-", "•"),
        "*",
    }
)
_RATE_OF = re.compile(
    r"(?:\s+(?:by|at))?(?:\s+an?)?(?:\s+(?:average|annual|annualized|compound|seasonally"
    r"|adjusted|yearly|estimated))*\s+(?:rate|growth|increase|rise|gain|surge|jump|expansion"
    r"|decline|decrease|drop|fall|contraction|slump|level)"
    r"(?:\s+rate)?\s+of$",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\([A-Z][A-Za-z&]*[A-Z]\)|[,;:()\[\]]|\s--?\s|^--?\s|\s[–—]\s"
    r"|\b(?:while|whereas|but|that|which|when|after|where)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"^(?:(?!added\b)[a-z]+\s+){0,2}(?:estimates?|figures?|data|value|level|volume|amount)"
    r"\s+(?:of|for)\s+",  # (the added value of X is a quantity of its own: value added)
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\([^()0-9]*\)")  # a bracket without a figure: an aside in a phrase
_WITH = re.compile(r"\s+with\s+an?\s+[^,;]*$", re.IGNORECASE)  # …expansion with a rise of
_DIRECTION_AFTER = re.compile(
    r"\s+(" + "|".join((*en.UP_AFTER, *en.DOWN_AFTER)) + r")\b", re.IGNORECASE
)
_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z&]*[A-Z])\)")
_STOP_AFTER = frozenset(
    {
        *_PREDICATE - {"percent", "change", "growth"},
        *("during", "since", "than", "year", "compared", "last", "or", "versus", "vs"),
        *("after", "before", "when", "until", "through", "between", "against", "this", "per"),
    }
)
MAX_WORDS = 8  # a metric of more words is probably a clause, not a noun phrase


def fold(text: str) -> str:
    """Lower case without spaces, as qualifier and direction words are matched."""
    return re.sub(r"\s+", "", text).lower()


def word_before(text: str, pos: int, words: Sequence[str]) -> int | None:
    """The start of the longest of ``words`` (folded) that ends, spaces aside, at ``pos``."""
    chars, index = [], []
    for i in range(max(0, pos - 48), pos):
        if not text[i].isspace():
            chars.append(text[i].lower())
            index.append(i)
    folded = "".join(chars)
    for w in sorted(words, key=len, reverse=True):
        if w and folded.endswith(w):
            start = index[len(folded) - len(w)]
            if start == 0 or not text[start - 1].isalnum():
                return start
    return None


def value_words(
    text: str, start: int, end: int, bounds: Sequence[str], after: Sequence[str]
) -> tuple[int, int, int, bool]:
    """(value start, value end, direction, written with the figure): the qualifiers in
    ``bounds`` and direction words before the figure at [start, end), and ``after`` words and
    ``above``/``below`` after it."""
    direction, adjacent, at = 0, False, start
    for _ in range(3):  # up more than 3 percentage points: a direction, then a bound
        word = word_before(text, at, [*bounds, *_UP, *_DOWN])
        if word is None:
            break
        w = fold(text[word:at])
        if w in _UP or w in _DOWN:
            if direction:
                break
            direction, adjacent = (1 if w in _UP else -1), True
        at = word
    vend = end
    tail = _DIRECTION_AFTER.match(text, end, end + 12)
    if tail and not direction:
        direction, adjacent = (1 if tail[1].lower() in en.UP_AFTER else -1), True
        vend = tail.end()
    folded_after = fold(text[vend : vend + 16])
    extra = next((w for w in after if folded_after.startswith(w)), None)
    if extra:
        vend = _span_of(text, vend, extra)
    return at, vend, direction, adjacent


def _span_of(text: str, pos: int, folded: str) -> int:
    """Where the folded word that starts at ``pos`` (spaces aside) ends in the text."""
    n = 0
    i = pos
    while i < len(text) and n < len(folded):
        if not text[i].isspace():
            n += 1
        i += 1
    return i


def cut_start(text: str, start: int, end: int) -> int:
    """Where the last clause of [start, end) begins (after a comma, a dash, while, that…)."""
    at = start
    for m in _CUT.finditer(text, start, end):
        if m.group() == "(" and _ASIDE.match(text, m.start()):
            continue  # investment in fixed assets (excluding rural households) was
        opened = text.rfind("(", start, m.start()) if m.group() == ")" else -1
        if opened >= 0 and _ASIDE.fullmatch(text, opened, m.end()):
            continue
        if len(m.group()) < 3 or m.group()[0] != "(":  # (GNI) names what is before it
            at = m.end()
    return at


def phrase(
    text: str, start: int, end: int, times: Sequence[When], strip: Sequence[str], entity: str
) -> str:
    """The noun phrase of [start, end): time words, the predicate, leading articles and the
    article's entity taken off (see the module docstring); '' when nothing is left."""
    parts, at = [], start
    for w in times:  # the time words inside [start, end), in order
        if at <= w.start and w.end <= end:
            lead = re.search(
                r"(?:\b(?:in|for|during|at|of|since|from|over|through|by)\s+)?(?:the\s+)?$",
                text[at : w.start],
                re.IGNORECASE,
            )
            parts.append(text[at : w.start][: lead.start() if lead else None])
            at = w.end
            period = re.match(r"\s+period\b", text[at:end])
            at += period.end() if period else 0
    parts.append(text[at:end])
    words = " ".join(" ".join(parts).split())
    words = _WITH.sub("", _RATE_OF.sub("", words))
    words = _ASIDE.sub(lambda m: m[0] if _ABBREVIATION.fullmatch(" " + m[0]) else "", words)
    tokens = words.split(" ") if words else []
    stripped = {*_PREDICATE, *strip}
    while tokens and (tokens[-1].lower().strip(",.") in stripped or not _wordlike(tokens[-1])):
        tokens.pop()
        joined = " ".join(tokens)
        cut = _RATE_OF.sub("", joined)
        if cut != joined:
            tokens = cut.split(" ") if cut else []
    while tokens and (tokens[0].lower() in _LEADING or not _wordlike(tokens[0])):
        tokens.pop(0)
    verb = next((i for i, w in enumerate(tokens) if i and w.lower() in _VERBS), None)
    if verb is not None:  # Online sales continued to see…: the subject before its verb
        tokens = tokens[:verb]
    out = _GENERIC.sub("", " ".join(tokens))
    out = _abbreviate(out)
    return _drop_entity(out, entity).strip(" ,.;:-")


def _wordlike(token: str) -> bool:
    return any(c.isalpha() for c in token)


def _abbreviate(words: str) -> str:
    """``Gross national income (GNI) per capita`` → ``GNI per capita``: an abbreviation stands
    for the words before it whose initials it spells."""
    m = _ABBREVIATION.search(words)
    if m is None:
        return words
    letters = [c for c in m[1] if c.isalpha()]
    head = words[: m.start()].split(" ")
    taken, initials = 0, list[str]()
    while head and len(initials) < len(letters):
        word = head.pop()
        taken += 1
        if word.lower() not in ("and", "of", "&", "the"):
            initials.append(word[:1].upper())
    if initials[::-1] != [c.upper() for c in letters]:
        return (words[: m.start()] + words[m.end() :]).strip()
    return " ".join([*head, m[1]]) + words[m.end() :]


def _drop_entity(words: str, entity: str) -> str:
    """The article's entity taken off the front (China's GDP → GDP; U.S. retail sales; the
    country's GDP)."""
    forms = [k for k, v in en.PLACES.items() if v == entity]
    low = words.lower()
    for form in sorted(forms, key=len, reverse=True):
        for written in (form + "'s ", form + "’s ", form + " "):
            if low.startswith(written) and len(words) > len(written):
                return words[len(written) :]
    # the country's GDP, the nation's exports: the entity the article is about, as China's
    own = re.match(r"(?:the\s+)?(?:country|nation)['’]s\s+(?=\S)", words, re.IGNORECASE)
    return words[own.end() :] if own else words


def noun_after(text: str, start: int, end: int, stop: Sequence[str] = ()) -> str:
    """The noun phrase right after a figure (2.5 percent average global growth, 1.2 million
    jobs), up to a preposition, a verb, a mark or the clause end; '' when a stop word follows."""
    m = re.match(r"[ \t]+([A-Za-z][A-Za-z'’&-]*(?:[ \t]+[A-Za-z][A-Za-z'’&-]*)*)", text[start:end])
    if m is None:
        return ""
    out: list[str] = []
    for word in m[1].split():
        low = word.lower()
        if (low in _STOP_AFTER or low in stop) and not (low == "of" and out):
            break
        out.append(word)
    while out and out[-1].lower() in ("of", "and", "the", "a"):
        out.pop()
    return " ".join(out[:MAX_WORDS])


_SHARE_FORMS = (
    re.compile(
        r"^(?:the\s+)?(?:share|proportion|percentage|portion)\s+of\s+(.+?)\s+(?:in|of|to|within)"
        r"\s+(?:the\s+)?(.+)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:the\s+)?ratio\s+of\s+(.+?)\s+to\s+(?:the\s+)?(.+)$", re.IGNORECASE),
    re.compile(r"^(.+?)['’]s\s+share\s+(?:of|in)\s+(?:the\s+)?(.+)$", re.IGNORECASE),
)
_CONTRIBUTION = re.compile(r"\bcontribution\s+(?:of\s+.+?\s+)?to\s+(?:the\s+)?(.+)$", re.I)
SHARE_MARKS = re.compile(
    r"\b(?:share|proportion|percentage(?!\s+points?)|portion)\b|\bcontribut\w*"
    r"|\bratio\s+of\b.+\bto\b"
    r"|\baccount(?:ed|ing|s)?\s+for\b|\bmade\s+up\b|\bmakes?\s+up\b",
    re.IGNORECASE,
)


def share_parts(words: str) -> tuple[str, str | None]:
    """(metric, whole) of a share's noun phrase: ``the share of service output in GDP`` →
    (service output, GDP); ``the contribution of consumption to growth`` keeps its words and
    has the whole growth."""
    for form in _SHARE_FORMS:
        if m := form.match(words):
            return m[1], m[2]
    if m := _CONTRIBUTION.search(words):
        return words, m[1]
    return words, None
