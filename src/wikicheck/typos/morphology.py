"""How plausible an unknown word is as a regular English formation of known words.

A word English text has never shown may still be a good word: an inflection ("motorbikes"),
a derivation ("protagonism"), a prefixed word ("reinstall") or a compound ("loadbed"). The
detector weighs the best such reading against the best typo reading, so the spelling rules
here must be the real ones: "listted" is not list + ed (English doubles a final consonant
only after a single vowel), "seeral" is not seer + al, and "mainlly" is not "mainly" + ly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

_VOWELS = frozenset("aeiou")
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est")
_DERIVATIONS = (
    "y", "ness", "ment", "ments", "ism", "isms", "ist", "ists", "ity", "ities", "ation", "ations",
    "al", "ally", "ful", "less", "able", "ible", "ise", "ize", "ised", "ized", "ising",
    "izing", "ian", "ians", "ic", "ical", "ship", "hood", "wise", "like", "ward", "wards",
)  # fmt: skip
_Y_SUFFIXES = frozenset(
    {"ist", "ists", "ism", "isms", "ic", "ical", "ian", "ians", "ise", "ize", "ised", "ized"}
)  # biology -> biologist, economy -> economic, apology -> apologize: the y goes
_PREFIXES = (
    "un", "re", "non", "pre", "post", "anti", "counter", "over", "under", "co", "sub", "inter",
    "multi", "semi", "self", "mis", "dis", "out", "super", "trans", "ultra", "pro", "mid",
    "neo", "pseudo", "quasi", "bi", "tri", "de", "ex", "mega", "micro", "macro", "mini", "up",
)  # fmt: skip
# Penalties, in zipf, on a reading's base: inflections are everyday; a derivation of a rare
# base less so; a prefix ("bi" + "cause") or a compound of two words is a guess about two.
DERIVATION_COST = 1.0
PREFIX_COST = 1.0
COMPOUND_COST = 1.5
MIN_PART = 3  # letters of each word of a compound ("loadbed": load + bed)


def bases(word: str, suffix: str) -> Iterator[str]:
    """The words ``word`` could be ``suffix`` added to, by English spelling rules."""
    stem = word[: -len(suffix)]
    if len(stem) < 2 or not word.endswith(suffix):
        return
    vowel_suffix = suffix[0] in _VOWELS or suffix == "y"  # stony, sunny
    if suffix == "d":
        if stem.endswith("e"):
            yield stem  # served, loved
        return
    if suffix == "es":
        if stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            yield stem  # boxes, heroes
        if stem.endswith("i"):
            yield stem[:-1] + "y"  # studies
        return
    if suffix == "y" and (stem[-1] in _VOWELS or stem[-1] == "y"):
        return  # an adjective's -y follows a consonant (rocky, stony): "companyy" is a slip
    if suffix == "s":
        if not stem.endswith(("s", "i")):
            yield stem
        return
    if suffix == "ly" and stem.endswith(("b", "p", "t")) and len(stem) > 3:
        yield stem + "le"  # possibly, simply, gently
    if not (vowel_suffix and stem.endswith("e")):
        yield stem  # walked, quickly; not "serveed"
    if vowel_suffix and not stem.endswith(("e", "a", "i", "o", "u", "y", "w", "x")):
        yield stem + "e"  # served, making: English drops a base's final e
    if stem.endswith("i") and suffix != "ing":
        yield stem[:-1] + "y"  # studied, happiness, happily
    if suffix in _Y_SUFFIXES and stem[-1:] not in _VOWELS:
        yield stem + "y"
    if vowel_suffix and _doubled_final(stem):
        yield stem[:-1]  # stopped, admitted, controlled


def _doubled_final(stem: str) -> bool:
    """A consonant doubled after a single vowel, as English doubles it: "stopp", "admitt";
    not "listt" or "winnn"."""
    if len(stem) < 4 or stem[-1] != stem[-2] or stem[-1] in _VOWELS or stem[-1] in "hwxy":
        return False
    return stem[-3] in _VOWELS and stem[-4] not in _VOWELS


def best_reading(word: str, zipf: Callable[[str], float], known: float) -> float | None:
    """The plausibility (a zipf, less the reading's cost) of the best reading of ``word`` as
    an inflection, derivation, prefixed word or compound of words English text uses (zipf
    at least ``known``); None when it has no such reading."""
    scores: list[float] = []
    for suffix in _INFLECTIONS + _DERIVATIONS:
        cost = 0.0 if suffix in _INFLECTIONS else DERIVATION_COST
        if suffix == "ally" and word.endswith("ically"):
            cost = 0.0  # an -ic adjective's adverb is as regular as an inflection (ionically)
        for base in bases(word, suffix):
            value = zipf(base)
            if value >= known and len(base) >= 3:
                scores.append(value - cost)
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and zipf(rest) >= known:
            scores.append(zipf(rest) - PREFIX_COST)
    for index in range(MIN_PART, len(word) - MIN_PART + 1):
        first, second = zipf(word[:index]), zipf(word[index:])
        if first >= known and second >= known:
            scores.append(min(first, second) - COMPOUND_COST)
    return max(scores, default=None)
