"""Common words one typing slip away from a word, and which slip it would be."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Mapping

from ..memo import BoundedMemo

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


def _common_one_slip(word: str, common: frozenset[str]) -> set[str]:
    """The strings in ``common`` one slip (of a lowercase ASCII letter) away from ``word``.

    Each position's 26 insertions and 26 replacements are intersected with ``common`` in C
    as a list, rather than all ~54 strings a letter gathered in one set first: the same
    answer with less hashing, ~15% faster.
    """
    letters = _LETTERS
    found: set[str] = set()
    for index in range(len(word) + 1):
        left, right = word[:index], word[index:]
        found.update(common.intersection([left + letter + right for letter in letters]))
        if right:
            rest = right[1:]
            found.update(common.intersection([left + letter + rest for letter in letters]))
            for candidate in (left + rest, left + rest[:1] + right[0] + rest[1:]):
                if candidate in common:  # the letter dropped; it and the next swapped
                    found.add(candidate)
    found.discard(word)
    return found


class CommonNeighbours:
    """Finds the common words one slip away from a lowercase ASCII word.

    Every string one slip away (about 54 per letter) is generated and intersected, in C,
    with the common words, ~0.1 ms a word. A deletion index (SymSpell's) would answer
    in a few lookups but takes 0.3 s to build, as long as 3,000 words take this way: the
    corpus asks about 3,100, and a 200 MB dump would gain 1.5% of its time. Answers are
    remembered within a bound: one page in five asks again about a word another page asked
    about (a name's variant, a term of the field).
    """

    def __init__(self, zipf: Mapping[str, float], minimum: float) -> None:
        self._common = frozenset(
            word for word, value in zipf.items() if value >= minimum and _ASCII_WORD.fullmatch(word)
        )
        self._answers: BoundedMemo[str, dict[str, str]] = BoundedMemo(20_000)

    def __call__(self, word: str) -> dict[str, str]:
        """Common words one slip from ``word`` (lowercase ASCII), each with its slip.
        The dictionary is shared by later calls: read it, do not change it."""
        return self._answers.get(word, lambda: self._compute(word))

    def _compute(self, word: str) -> dict[str, str]:
        slips = {
            candidate: slip(word, candidate) for candidate in _common_one_slip(word, self._common)
        }
        return {candidate: kind for candidate, kind in slips.items() if kind is not None}
