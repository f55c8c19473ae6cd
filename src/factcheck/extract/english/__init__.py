"""Drafting the claims of an English article (statistical releases of BEA, Census, BLS, ONS,
Eurostat; Xinhua and China Daily English economic news), stage by stage:

    article text
      │  text.find_numbers        every number with its sign, currency, scale and unit
      │  times.find_times         time words and their roles (from, compared with, to)
      ▼
    skips.skip_reason             what is no figure: years, dates, ranges, ages, codes…
      │  words.value_words        qualifier and direction words around each figure
      ▼
    read.read                     kind, metric (the noun phrase) and period of each figure
      ▼
    build.draft_english           each claim checked with the real parsers → model.Draft

The Chinese path (the rest of :mod:`factcheck.extract`) is not used: an article is English
when it holds letters and hardly any Chinese character (:func:`is_english`). Outside this
package: :func:`is_english` and :func:`draft_english` only.
"""

from __future__ import annotations

import re

from factcheck.extract.english.build import draft_english

__all__ = ["draft_english", "is_english"]

_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_english(text: str) -> bool:
    """Whether a text is English: Latin letters, and Chinese characters fewer than one in fifty
    of them (a Chinese text quoting ``GDP`` or ``5G`` stays Chinese)."""
    letters = len(_LATIN.findall(text))
    return letters >= 20 and len(_HAN.findall(text)) * 50 < letters
