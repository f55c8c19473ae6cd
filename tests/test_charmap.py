"""CharMap gives what str.translate gives, with the table's characters in the text or not."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import mentions, numbers, periods, textsafe, units
from factcheck.charmap import CharMap

# The tables the package applies through CharMap, and small ones of every kind of value.
TABLES: list[Mapping[int, str | int | None]] = [
    textsafe._VISIBLE.table,
    textsafe._IN_JSON.table,
    mentions._TO_ASCII.table,
    numbers._MINUS.table,
    periods._QUOTES.table,
    units._TRANSLATE.table,
    str.maketrans("○", "〇"),
    str.maketrans("ab", "xy", "]^-\\"),  # characters a regex class gives meaning to
    str.maketrans({"㎡": "m2", "\u3000": None, "１": ord("1")}),
]
# Texts mostly of ordinary characters, with now and then one the tables map.
MAPPED = sorted({chr(k) for table in TABLES for k in table})
ALPHABET = st.sampled_from([*"增长了3.5%亿元 abc,\n", *MAPPED, *"]^-\\"]) | st.characters(
    blacklist_categories=["Cs"]
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.sampled_from(range(len(TABLES))), st.text(ALPHABET, max_size=40))
def test_charmap_is_translate(table: int, text: str) -> None:
    assert CharMap(TABLES[table])(text) == text.translate(TABLES[table])


def test_a_text_without_the_table_characters_is_returned_as_is() -> None:
    text = "地区生产总值增长5.5%"
    assert CharMap(str.maketrans("１２", "12"))(text) is text
    assert CharMap(str.maketrans("１２", "12"))("第１２位") == "第12位"
    assert CharMap({})("x") == "x"
