"""Find misspelt words: the curated list first, then the frequency model for unknown words.

The model flags a lowercase word that English text (wordfreq) has never shown, that is not a
regular derivation or compound of known words, and that is one edit (a transposition, a
dropped, doubled or wrong letter) from a common word. Names, foreign words and terms stay
quiet because they are capitalised, italic, in the article's own links and titles, or have
no common neighbour.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..model import Article
from .lexicon import Lexicon
from .words import prose_words

COMMON = 3.0  # zipf of a word editors write every day (≈ 1 in a million words)
KNOWN = 1.0  # wordfreq keeps words down to this frequency; below it a word is unknown
MIN_LENGTH = 5  # for the model: shorter tokens are abbreviations, glosses and fragments
SHORT_FIX_ZIPF = 6.5  # a 1-3 letter token is reported only as a slip for such a word ("teh")
TERM_REPEATS = 3  # an unknown word used this often in one article is a term, not a slip
_LETTERS = string.ascii_lowercase
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


def article_vocabulary(article: Article) -> set[str]:
    """Words the article itself vouches for: link targets, titles, infobox names, and the
    words of capitalised proper-noun runs (lowercased)."""
    texts: list[str] = [article.title or ""]
    texts += [link.target for link in article.wikilinks]
    texts += [link.text or "" for link in article.wikilinks]
    texts += [category.name for category in article.categories]
    for infobox in article.infoboxes:
        texts += [
            field.text for field in infobox.fields if field.name in ("name", "conflict", "title")
        ]
    vocabulary = {word.lower() for text in texts for word in re.findall(r"[^\W\d_]+", text)}
    for word in prose_words(article):
        if word.text[:1].isupper() and not word.sentence_start:
            vocabulary.add(word.text.lower())
    return vocabulary


def _edits(word: str) -> set[str]:
    splits = [(word[:index], word[index:]) for index in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    transposes = {
        left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1
    }
    replaces = {left + letter + right[1:] for left, right in splits if right for letter in _LETTERS}
    inserts = {left + letter + right for left, right in splits for letter in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


def _derived(word: str, lexicon: Lexicon) -> bool:
    """A regular derivation, inflection or two-part compound of known words."""
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        undoubled = stem[:-1] if stem[-1:] == stem[-2:-1] else stem
        bases = (stem, stem + "e", stem + "y", undoubled, stem[:-1] + "y")
        if any(lexicon.frequency(base) >= KNOWN for base in bases):
            return True
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and lexicon.frequency(rest) >= KNOWN:
            return True
    return any(
        lexicon.frequency(word[:index]) >= COMMON and lexicon.frequency(word[index:]) >= COMMON
        for index in range(3, len(word) - 2)
    )


def _model_candidates(word: str, lexicon: Lexicon) -> list[tuple[float, str]]:
    """Common words one edit away that keep the first letter (or swap the first two):
    a slip of the first letter is rare, and allowing it mostly finds names."""
    found = []
    for candidate in _edits(word):
        same_start = candidate[:1] == word[:1] or candidate[:2] == word[1::-1]
        zipf = lexicon.frequency(candidate)
        if same_start and zipf >= COMMON:
            found.append((zipf, candidate))
    return sorted(found, reverse=True)


def find_typos(article: Article, lexicon: Lexicon, allow: Iterable[str] = ()) -> Iterator[Typo]:
    allowed = {word.lower() for word in allow}
    words = [word for word in prose_words(article) if not word.fragment]
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
            if vocabulary is None:
                vocabulary = article_vocabulary(article)
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
            vocabulary = article_vocabulary(article)
        if lower in vocabulary:
            continue
        candidates = _model_candidates(lower, lexicon)
        if not candidates:
            continue
        best_zipf, best = candidates[0]
        runner_up = candidates[1][0] if len(candidates) > 1 else 0.0
        if runner_up and best_zipf - runner_up < 0.5:
            continue  # two plausible corrections: the reader's guess is as good as ours
        confidence = min(0.9, 0.5 + (best_zipf - COMMON) * 0.1 + (0.1 if not runner_up else 0.0))
        yield Typo(text, word.start, word.end, (best,), round(confidence, 2), Source.MODEL, False)


def _match_case(suggestion: str, original: str) -> str:
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
