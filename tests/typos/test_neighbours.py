"""Common words one slip away: the slip table, and the index agreeing with generation."""

from __future__ import annotations

import pytest

from wikicheck.typos.detector import COMMON
from wikicheck.typos.lexicon import lexicon
from wikicheck.typos.neighbours import CommonNeighbours, slip


@pytest.mark.parametrize(
    ("word", "candidate", "expected"),
    [
        ("casaulties", "casualties", "transpose"),
        ("occured", "occurred", "double"),  # a doubled letter dropped
        ("untill", "until", "double"),  # a letter doubled
        ("goverment", "government", "dropped"),  # a letter dropped
        ("governmennt", "government", "double"),
        ("definately", "definitely", "vowel"),
        ("definatly", "definitely", None),  # two slips
        ("seperate", "separate", "vowel"),
        ("wprld", "world", "adjacent"),  # p is next to o on the keyboard
        ("wxrld", "world", "other"),  # x is not
        ("worlld", "world", "double"),
        ("worlkd", "world", "adjacent"),  # an extra k, next to l
        ("backu", "back", "inserted"),  # an extra u, far from k
        ("ofered", "offered", "double"),  # a doubled letter typed once
        ("bicause", "because", "vowel"),
        ("spcae", "space", "transpose"),
        ("abcx", "bcax", None),  # shares a deletion, but a rotation is not one slip
        ("form", "from", "transpose"),
        ("same", "same", None),
        ("a", "abc", None),
    ],
)
def test_slip(word: str, candidate: str, expected: str | None) -> None:
    assert slip(word, candidate) == expected


def test_neighbours_of_a_slip() -> None:
    neighbours = CommonNeighbours(lexicon().zipf, COMMON)
    assert neighbours("casaulties") == {"casualties": "transpose"}
    assert neighbours("governmnet")["government"] == "transpose"
    assert "world" in neighbours("wrold")
    assert neighbours("qqqqqq") == {}
    assert all(value >= COMMON for value in map(lexicon().frequency, neighbours("teh")))
