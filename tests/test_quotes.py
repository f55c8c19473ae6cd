"""Finding quotes in the article: the index against a plain character-by-character model."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.quotes import _FORMS, QuoteIndex

# Whitespace of several kinds, full-width forms, characters NFKC expands (㎡ → m2, ½ → 1⁄2,
# … → ..., ﬁ → fi) and a combining accent: every way a character's form can differ from itself.
_ALPHABET = "ab增长１２３，。%％ \n\t\u3000\u00a0㎡½…ﬁ\u0301"


def _model(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the offset it came from."""
    chars, origin = [], []
    for i, ch in enumerate(text):
        out = "".join(c for c in unicodedata.normalize("NFKC", ch) if not c.isspace())
        chars.append(out)
        origin += [i] * len(out)
    return "".join(chars), origin


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_ALPHABET), max_size=50))
def test_offsets_map_back_like_the_model(text: str) -> None:
    index = QuoteIndex(text)
    norm, origin = _model(text)
    assert index.norm == norm
    assert [index.origin(i) for i in range(len(norm))] == origin


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_ALPHABET), max_size=50), st.data())
def test_every_span_found_reads_as_the_quote(text: str, data: st.DataObject) -> None:
    norm, _ = _model(text)
    if not norm:
        return
    i = data.draw(st.integers(0, len(norm) - 1))
    j = data.draw(st.integers(i + 1, len(norm)))
    quote = norm[i:j]
    spans = QuoteIndex(text).find_all(quote)
    assert spans  # it was cut from the article itself
    for span in spans:
        assert quote in "".join(_model(text[span.start : span.end])[0])
        assert span.line == text.count("\n", 0, span.start) + 1


def test_a_quote_with_a_separate_accent_is_found_in_a_composed_article() -> None:
    # é printed as one character, the quote typed as e + U+0301: found, as before the index
    # normalised by character.
    index = QuoteIndex("雀巢（Nestl\u00e9）公司")
    (span,) = index.find_all("Nestle\u0301")
    assert (span.start, span.end) == (3, 9)
    # and a decomposed article, with the quote typed the same way
    assert QuoteIndex("Nestle\u0301 公司").find_all("Nestle\u0301") != ()


@settings(max_examples=500, deadline=None, database=None)
@given(
    st.text(
        st.sampled_from("增長长 \u3000\n１2㎡é,，") | st.characters(blacklist_categories=["Cs"])
    )
)
def test_a_quote_of_characters_that_are_their_own_form_is_its_own_form(text: str) -> None:
    # _Forms.of skips the per-character lookup when every character is known to be its own
    # form; the result must be what the lookup gives (str.translate over the same table).
    _FORMS[ord("㎡")]
    assert _FORMS.of(text) == text.translate(_FORMS)
    assert _FORMS.of(text) == text.translate(_FORMS)  # the second time, its characters known
