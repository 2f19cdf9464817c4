"""Find misspelt words: the curated list first, then the frequency model for unknown words.

The model flags a lowercase word that English text (wordfreq) has never shown and a
standard dictionary (SCOWL) does not list, that is one slip (a transposition, a dropped,
doubled or wrong letter) from a common word, and that reads far better as that slip than as
a regular derivation or compound of known words. Names, foreign words and terms stay quiet
because they are capitalised, italic, in the article's own links and titles, or have no
common neighbour. A word the dictionary knows is never given a safe fix: the curated list
cannot see that "gage" is a rail term or "despatched" British, so a core dictionary word is
not reported from it, and a rarer one ("equipments") only as a hint.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..model import Article
from .lexicon import Lexicon
from .morphology import best_reading
from .neighbours import CommonNeighbours
from .words import Word, prose_words

COMMON = 3.0  # zipf of a word editors write every day (≈ 1 in a million words)
KNOWN = 1.0  # wordfreq keeps words down to this frequency; below it a word is unknown
RARE = 2.0  # a word used less than this and not in the dictionary is judged by the model
MIN_LENGTH = 4  # for the model: shorter tokens are abbreviations, glosses and fragments
MAX_LENGTH = 45  # for the model: no English word is longer; a longer token is not prose
MAX_JUDGED = 2_000  # unknown words the model weighs in one article (bounds hostile pages)
SHORT_FIX_ZIPF = 6.5  # a 1-3 letter token is reported only as a slip for such a word ("teh")
TERM_REPEATS = 3  # an unknown word used this often in one article is a term, not a slip
AMBIGUOUS_IN_USE = 2.0  # zipf above which a many-correction list entry is too uncertain
PICK_IN_USE = 3.0  # zipf from which a many-correction list entry is a word in its own right
MARGIN = 0.3  # the best correction must beat the next by this much (in zipf + slip prior)
OVER_READING = 1.5  # ... and the best reading as a regular formation of words by this much
OVER_WORD = 3.0  # ... and the word as written: one given slip is ~1,000 times rarer than a word
CORE_DICTIONARY = 50  # SCOWL size of the words every spelling dictionary has
_HYPHENED = re.compile(r"[A-Za-z]+")
_LETTERS = re.compile(r"[^\W\d_]+")


class Source(StrEnum):
    LIST = "list"
    MODEL = "model"


@dataclass(frozen=True, slots=True)
class Typo:
    word: str
    start: int
    end: int
    suggestions: tuple[str, ...]
    confidence: float
    source: Source
    certain: bool
    in_dictionary: bool = False
    """A standard dictionary lists the word, though it is usually a misspelling."""


def article_vocabulary(article: Article, words: Sequence[Word]) -> set[str]:
    """Words the article itself vouches for: link targets, titles, infobox names, and the
    words of capitalised proper-noun runs (lowercased)."""
    texts: list[str] = [article.title or ""]
    texts += [link.target for link in article.wikilinks]
    texts += [category.name for category in article.categories]
    for infobox in article.infoboxes:
        texts += [
            field.text for field in infobox.fields if field.name in ("name", "conflict", "title")
        ]
    # One findall over the texts joined by a line break (no letter: no word crosses it) and
    # the lowercasing in C, rather than a findall and a Python loop for each link.
    vocabulary = set(map(str.lower, _LETTERS.findall("\n".join(texts))))
    for word in words:
        if word.text[:1].isupper() and not word.sentence_start:
            vocabulary.add(word.text.lower())
    return vocabulary


# How likely each kind of slip is, as a bonus on the candidate's zipf (a noisy-channel
# prior): swapped neighbours and doubled or undoubled letters are the commonest typing slips,
# then a vowel for another and a dropped letter; a wrong key far from the right one is rarer,
# and a stray extra letter far from its neighbours' keys rarer still ("backu" is backup).
_EDIT_PRIOR = {
    "transpose": 0.6, "double": 0.4, "vowel": 0.3, "dropped": 0.3, "adjacent": 0.1,
    "other": -0.5, "inserted": -1.0,
}  # fmt: skip


def _hyphen_compound(source: str, word: Word, lexicon: Lexicon) -> bool:
    """Part of a hyphenated word that is a word without its hyphen ("pre-empted",
    "co-opted"), or of a name ("Lee Byung-chull"): the part alone is no misspelling."""
    lower = word.text.lower()
    joined = []
    if source[word.start - 1 : word.start] == "-":
        left = _HYPHENED.findall(source, max(0, word.start - 21), word.start - 1)
        if left and source[word.start - 1 - len(left[-1]) : word.start - 1] == left[-1]:
            if left[-1][:1].isupper():
                return True
            joined.append(left[-1].lower() + lower)
    if source[word.end : word.end + 1] == "-":
        right = _HYPHENED.match(source, word.end + 1, word.end + 21)
        if right:
            joined.append(lower + right.group().lower())
    return any(
        lexicon.frequency(whole) >= KNOWN or lexicon.dictionary_size(whole) for whole in joined
    )


def _abbreviation(source: str, word: Word) -> bool:
    """Followed by a full stop that ends no sentence: "(interr. root)", "approx. 30"."""
    if source[word.end : word.end + 1] != ".":
        return False
    following = source[word.end + 1 : word.end + 40].lstrip(" ")
    return following[:1].islower() or following[:1].isdigit()


def _model_candidates(word: str, lexicon: Lexicon) -> list[tuple[float, str]]:
    """Common words one edit away that keep the first letter (or swap the first two), scored
    by frequency plus how likely that slip is. A slip of the first letter is rare, and
    allowing it mostly finds names."""
    neighbours = lexicon.derived("neighbours", lambda: CommonNeighbours(lexicon.zipf, COMMON))
    found = []
    for candidate, kind in neighbours(word).items():
        same_start = candidate[:1] == word[:1] or kind == "transpose"
        # and a common word, not a name: "yuri" is no slip of "yeri"
        if same_start and not lexicon.not_in_dictionary(candidate):
            found.append((lexicon.frequency(candidate) + _EDIT_PRIOR[kind], candidate))
    return sorted(found, reverse=True)


def _model_pick(word: str, suggestions: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """The list's correction that is clearly the likeliest slip, for an entry with several;
    None when the model is unsure, or an apostrophe or a space is involved ("womens" may be
    "women's", "inspite" "in spite")."""
    if len(suggestions) < 2 or lexicon.frequency(word) >= PICK_IN_USE:
        return None
    if any("'" in suggestion or " " in suggestion for suggestion in suggestions):
        return None
    candidates = _model_candidates(word, lexicon)
    if not candidates or candidates[0][1] not in suggestions:
        return None
    if len(candidates) > 1 and candidates[0][0] - candidates[1][0] < MARGIN:
        return None
    return candidates[0][1]


def find_typos(
    article: Article,
    lexicon: Lexicon,
    words: Sequence[Word] | None = None,
    allow: Iterable[str] = (),
) -> Iterator[Typo]:
    """Typos in ``words`` (the article's prose words; computed when not given)."""
    allowed = {word.lower() for word in allow}
    all_words = list(prose_words(article, interesting(lexicon))) if words is None else words
    words = [word for word in all_words if not word.fragment]
    uses = Counter(word.text.lower() for word in words)
    vocabulary: set[str] | None = None
    judged = 0
    for word in words:
        text = word.text
        lower = text.lower()
        if lower in allowed or "'" in text or "’" in text:
            continue
        entry = lexicon.misspellings.get(lower)
        title_case = text[:1].isupper() and text[1:].islower()
        if entry is not None and (text.islower() or (title_case and word.sentence_start)):
            if len(lower) <= 3 and not (
                entry.certain and lexicon.frequency(entry.suggestions[0]) >= SHORT_FIX_ZIPF
            ):
                continue
            suggestions = entry.suggestions
            pick = None
            if not entry.certain and text.islower():  # "Nealy" may be a name
                pick = _model_pick(lower, suggestions, lexicon)
            if pick is not None:
                suggestions = (pick,)  # "finaly": the slip model prefers finally to finale
            elif not entry.certain and lexicon.frequency(lower) >= AMBIGUOUS_IN_USE:
                continue  # several corrections for a form English text often uses ("aways")
            if vocabulary is None:
                vocabulary = article_vocabulary(article, all_words)
            if lower in vocabulary and not text.islower():
                continue
            if _hyphen_compound(article.source, word, lexicon):
                continue
            size = lexicon.dictionary_size(lower)
            if size is not None and size <= CORE_DICTIONARY:
                continue  # a spelling every dictionary has: a variant or another word
            certain = entry.certain and size is None
            confidence = 0.5 if size is not None else 0.95 if entry.certain else 0.7
            suggestions = tuple(_match_case(s, text) for s in suggestions)
            yield Typo(
                text, word.start, word.end, suggestions, confidence, Source.LIST, certain,
                in_dictionary=size is not None,
            )  # fmt: skip
            continue
        if not text.islower() or not text.isascii():
            continue
        if not MIN_LENGTH <= len(text) <= MAX_LENGTH or judged >= MAX_JUDGED:
            continue
        if uses[lower] >= TERM_REPEATS or lexicon.frequency(lower) >= RARE:
            continue
        if vocabulary is None:
            vocabulary = article_vocabulary(article, all_words)
        if lower in vocabulary:
            continue
        judged += 1
        # The tests that need no candidates first: they drop one word in seven before the
        # costliest step, and the order of tests that each only skip the word is free.
        if _abbreviation(article.source, word):
            continue
        if _hyphen_compound(article.source, word, lexicon) or lexicon.dictionary_size(lower):
            continue
        candidates = _model_candidates(lower, lexicon)
        if not candidates:
            continue
        best_zipf, best = candidates[0]
        runner_up = candidates[1][0] if len(candidates) > 1 else 0.0
        if runner_up and best_zipf - runner_up < MARGIN:
            continue  # two plausible corrections: the reader's guess is as good as ours
        reading = best_reading(lower, lexicon.frequency, KNOWN)
        if reading is not None and best_zipf - reading < OVER_READING:
            continue  # as likely a formation of known words ("loadbed") as a slip
        if best_zipf - lexicon.frequency(lower) < OVER_WORD:
            continue  # English text uses the word itself too often for a one-off slip
        confidence = min(0.9, 0.4 + (best_zipf - COMMON) * 0.1 + (0.1 if not runner_up else 0.0))
        yield Typo(text, word.start, word.end, (best,), round(confidence, 2), Source.MODEL, False)


class Interesting:
    """A cheap first look at the distinct words of a stretch of prose: which could be reported?

    A word is kept when its lowercase form is a curated misspelling or a word of 4+ letters
    English text rarely uses. Its capitalised forms are kept too, because they decide whether the
    article vouches for it (``article_vocabulary``) and how often it is used; any other word
    cannot change what ``find_typos`` reports. Common words, nearly all of the prose, are
    remembered across articles, so a stretch of them costs one set difference in C.
    """

    REMEMBERED = 500_000
    """Words remembered before the memory starts afresh (a dump has millions of distinct ones)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._zipf = lexicon.zipf
        self._misspellings = lexicon.misspellings
        # Dictionaries of strings, not sets: the cyclic garbage collector skips a dict that
        # holds only strings, but would walk a set of half a million words on every full pass.
        # set.difference(dict) runs in C all the same.
        self._boring: dict[str, None] = {}
        self._wanted: dict[str, None] = {}

    def __call__(self, words: set[str]) -> set[str]:
        unseen = words.difference(self._boring)
        if not unseen:
            return unseen
        unjudged = unseen.difference(self._wanted)
        wanted = unseen - unjudged
        if unjudged:
            if len(self._boring) + len(self._wanted) > self.REMEMBERED:
                self._boring.clear()
                self._wanted.clear()
            new = {word for word in unjudged if self._could_be_reported(word)}
            self._wanted.update(dict.fromkeys(new))
            self._boring.update(dict.fromkeys(unjudged - new))
            wanted |= new
        return wanted

    def _could_be_reported(self, text: str) -> bool:
        lower = text.lower()
        return lower in self._misspellings or (
            MIN_LENGTH <= len(lower) <= MAX_LENGTH and self._zipf.get(lower, 0.0) < RARE
        )


def interesting(lexicon: Lexicon) -> Interesting:
    """The word filter for ``lexicon``: one per lexicon, so that what it remembers is reused."""
    return lexicon.derived("interesting", lambda: Interesting(lexicon))


def _match_case(suggestion: str, original: str) -> str:
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
