"""Find misspelt words: the curated list first, then the frequency model for unknown words.

The model flags a lowercase word that English text (wordfreq) has never shown, that is not a
regular derivation or compound of known words, and that is one edit (a transposition, a
dropped, doubled or wrong letter) from a common word. Names, foreign words and terms stay
quiet because they are capitalised, italic, in the article's own links and titles, or have
no common neighbour.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..model import Article
from .lexicon import Lexicon
from .neighbours import CommonNeighbours
from .words import Word, prose_words

COMMON = 3.0  # zipf of a word editors write every day (≈ 1 in a million words)
KNOWN = 1.0  # wordfreq keeps words down to this frequency; below it a word is unknown
MIN_LENGTH = 5  # for the model: shorter tokens are abbreviations, glosses and fragments
SHORT_FIX_ZIPF = 6.5  # a 1-3 letter token is reported only as a slip for such a word ("teh")
TERM_REPEATS = 3  # an unknown word used this often in one article is a term, not a slip
AMBIGUOUS_IN_USE = 2.0  # zipf above which a many-correction list entry is too uncertain
MARGIN = 0.3  # the best correction must beat the next by this much (in zipf + slip prior)
_SUFFIXES = (
    "s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ness", "ment", "ments", "ism",
    "isms", "ist", "ists", "ity", "ities", "ation", "ations", "al", "ally", "ful", "less",
    "able", "ible", "ise", "ize", "ised", "ized", "ising", "izing", "ian", "ians", "ic",
    "ical", "ship", "hood", "wise", "like", "ward", "wards",
)  # fmt: skip
_PREFIXES = (
    "un", "re", "non", "pre", "post", "anti", "counter", "over", "under", "co", "sub", "inter",
    "multi", "semi", "self", "mis", "dis", "out", "super", "trans", "ultra", "pro", "mid",
    "neo", "pseudo", "quasi", "bi", "tri", "de", "ex", "mega", "micro", "macro", "mini",
)  # fmt: skip


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
    vocabulary = {word.lower() for text in texts for word in re.findall(r"[^\W\d_]+", text)}
    for word in words:
        if word.text[:1].isupper() and not word.sentence_start:
            vocabulary.add(word.text.lower())
    return vocabulary


# How likely each kind of slip is, as a bonus on the candidate's zipf (a noisy-channel
# prior): swapped neighbours and doubled or undoubled letters are the commonest typing slips.
_EDIT_PRIOR = {"transpose": 0.6, "double": 0.4, "vowel": 0.3, "other": 0.0}


_VOWEL_SUFFIX = (
    "ed", "ing", "er", "ers", "est", "able", "ible", "ist", "ists", "ism", "isms", "al", "ally",
    "ity", "ities", "ation", "ations", "ian", "ians", "ic", "ical", "ise", "ize", "ised", "ized",
    "ising", "izing",
)  # fmt: skip


def _base_known(base: str, lexicon: Lexicon) -> bool:
    """A base word is known when English text uses it: commonly, or rarely if it is long."""
    zipf = lexicon.frequency(base)
    return zipf >= 2.0 or (zipf >= KNOWN and len(base) >= 6)


def _derived(word: str, lexicon: Lexicon) -> bool:
    """A regular inflection, derivation or compound of known words ("requiting", "motorbikes").

    Spelling rules matter: "serveed" is not serve + ed (English drops the e), so it stays a
    candidate typo.
    """
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 4:
            continue
        if suffix == "d" and not stem.endswith("e"):
            continue  # "-d" only follows a silent e (served, loved)
        bases = [stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem + "y"]
        if not (stem.endswith("e") and not stem.endswith("ee") and suffix in _VOWEL_SUFFIX):
            bases.append(stem)  # but not serve + ed: English drops the e
        if any(_base_known(base, lexicon) for base in bases):
            return True
        undoubled = stem[:-1]
        doubling = stem[-1:] == stem[-2:-1] and suffix in _VOWEL_SUFFIX
        if doubling and len(undoubled) <= 5 and lexicon.frequency(undoubled) >= COMMON:
            return True  # stopped, running, admitted (short bases; not result -> resultted)
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 5 and lexicon.frequency(rest) >= COMMON:
            return True
    return any(
        lexicon.frequency(word[:index]) >= COMMON and lexicon.frequency(word[index:]) >= COMMON
        for index in range(5, len(word) - 4)
    )


def _model_candidates(word: str, lexicon: Lexicon) -> list[tuple[float, str]]:
    """Common words one edit away that keep the first letter (or swap the first two), scored
    by frequency plus how likely that slip is. A slip of the first letter is rare, and
    allowing it mostly finds names."""
    neighbours = lexicon.derived("neighbours", lambda: CommonNeighbours(lexicon.zipf, COMMON))
    found = []
    for candidate, kind in neighbours(word).items():
        if candidate[:1] == word[:1] or candidate[:2] == word[1::-1]:
            found.append((lexicon.frequency(candidate) + _EDIT_PRIOR[kind], candidate))
    return sorted(found, reverse=True)


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
            if not entry.certain and lexicon.frequency(lower) >= AMBIGUOUS_IN_USE:
                continue  # several corrections for a form English text often uses ("aways")
            if vocabulary is None:
                vocabulary = article_vocabulary(article, all_words)
            if lower in vocabulary and not text.islower():
                continue
            suggestions = tuple(_match_case(s, text) for s in entry.suggestions)
            yield Typo(
                text,
                word.start,
                word.end,
                suggestions,
                0.95 if entry.certain else 0.7,
                Source.LIST,
                entry.certain,
            )
            continue
        if not text.islower() or not text.isascii() or len(text) < MIN_LENGTH:
            continue
        if uses[lower] >= TERM_REPEATS or lexicon.frequency(lower) >= KNOWN:
            continue
        if _derived(lower, lexicon):
            continue
        if vocabulary is None:
            vocabulary = article_vocabulary(article, all_words)
        if lower in vocabulary:
            continue
        candidates = _model_candidates(lower, lexicon)
        if not candidates:
            continue
        best_zipf, best = candidates[0]
        runner_up = candidates[1][0] if len(candidates) > 1 else 0.0
        if runner_up and best_zipf - runner_up < MARGIN:
            continue  # two plausible corrections: the reader's guess is as good as ours
        confidence = min(0.9, 0.4 + (best_zipf - COMMON) * 0.1 + (0.1 if not runner_up else 0.0))
        yield Typo(text, word.start, word.end, (best,), round(confidence, 2), Source.MODEL, False)


class Interesting:
    """A cheap first look at the distinct words of a stretch of prose: which could be reported?

    A word is kept when its lowercase form is a curated misspelling or a long word English
    text does not know. Its capitalised forms are kept too, because they decide whether the
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
            len(lower) >= MIN_LENGTH and self._zipf.get(lower, 0.0) < KNOWN
        )


def interesting(lexicon: Lexicon) -> Interesting:
    """The word filter for ``lexicon``: one per lexicon, so that what it remembers is reused."""
    return lexicon.derived("interesting", lambda: Interesting(lexicon))


def _match_case(suggestion: str, original: str) -> str:
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
