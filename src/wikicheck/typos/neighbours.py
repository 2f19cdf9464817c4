"""Common words one typing slip away from a word, and which slip it would be."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Mapping

_LETTERS = string.ascii_lowercase
_VOWELS = frozenset("aeiou")
_ASCII_WORD = re.compile(r"[a-z]+")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard() -> dict[str, frozenset[str]]:
    """The keys next to each letter on a QWERTY keyboard: either side in its row, and the
    two keys below-left and below it (and so above-right and above, the other way)."""
    near: dict[str, set[str]] = {letter: set() for row in _ROWS for letter in row}
    for upper, lower in itertools.pairwise(_ROWS):
        for column, letter in enumerate(upper):
            for other in lower[max(column - 1, 0) : column + 1]:
                near[letter].add(other)
                near[other].add(letter)
    for row in _ROWS:
        for left, right in itertools.pairwise(row):
            near[left].add(right)
            near[right].add(left)
    return {letter: frozenset(keys) for letter, keys in near.items()}


_NEAR = _keyboard()


def slip(word: str, candidate: str) -> str | None:
    """The slip that turns ``candidate`` into ``word``, or None if no single slip does.

    "double": a doubled letter dropped or a letter doubled ("occured", "untill"); "vowel":
    one vowel for another; "transpose": two neighbours swapped; "dropped": a letter left out
    ("goverment"); "adjacent": a key next to the right one typed instead of it or as well
    ("wprld"); "inserted": a letter added far from its neighbours' keys; "other": any other
    wrong letter.
    """
    if len(candidate) == len(word) + 1:  # the typist dropped a letter
        kind = _extra_letter(candidate, word)
        return "dropped" if kind in ("inserted", "adjacent") else kind
    if len(candidate) == len(word) - 1:  # the typist added a letter
        return _extra_letter(word, candidate)
    if len(candidate) != len(word):
        return None
    differ = [i for i in range(len(word)) if word[i] != candidate[i]]
    if len(differ) == 1:
        index = differ[0]
        if word[index] in _VOWELS and candidate[index] in _VOWELS:
            return "vowel"
        return "adjacent" if word[index] in _NEAR.get(candidate[index], ()) else "other"
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        first, second = differ
        if word[first] == candidate[second] and word[second] == candidate[first]:
            return "transpose"
    return None


def _extra_letter(longer: str, shorter: str) -> str | None:
    """ "double", "adjacent" (a key next to a neighbour's) or "inserted" if ``longer`` is
    ``shorter`` with one letter more, else None."""
    index = next((i for i in range(len(longer)) if longer[i] != shorter[i : i + 1]), len(shorter))
    if longer[:index] + longer[index + 1 :] != shorter:
        return None
    letter = longer[index]
    around = longer[index - 1 : index] + longer[index + 1 : index + 2]
    if letter in around:
        return "double"
    return "adjacent" if any(letter in _NEAR.get(key, ()) for key in around) else "inserted"


def _one_slip_strings(word: str) -> set[str]:
    """Every string one slip (of a lowercase ASCII letter) away from ``word``."""
    splits = [(word[:index], word[index:]) for index in range(len(word) + 1)]
    letters = _LETTERS
    strings = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    strings |= {left + right[1:] for left, right in splits if right}
    strings |= {left + letter + right[1:] for left, right in splits if right for letter in letters}
    strings |= {left + letter + right for left, right in splits for letter in letters}
    strings.discard(word)
    return strings


class CommonNeighbours:
    """Finds the common words one slip away from a lowercase ASCII word.

    Every string one slip away (about 54 per letter) is generated and the set intersected,
    in C, with the common words, ~0.1 ms a word. A deletion index (SymSpell's) would answer
    in a few lookups but takes 0.3 s to build, as long as 3,000 words take this way: the
    corpus asks about 3,100, and a 200 MB dump would gain 1.5% of its time.
    """

    def __init__(self, zipf: Mapping[str, float], minimum: float) -> None:
        self._common = frozenset(
            word for word, value in zipf.items() if value >= minimum and _ASCII_WORD.fullmatch(word)
        )

    def __call__(self, word: str) -> dict[str, str]:
        """Common words one slip from ``word`` (lowercase ASCII), each with its slip."""
        slips = {
            candidate: slip(word, candidate) for candidate in _one_slip_strings(word) & self._common
        }
        return {candidate: kind for candidate, kind in slips.items() if kind is not None}
