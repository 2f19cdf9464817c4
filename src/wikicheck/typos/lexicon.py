"""The word data: English word frequencies and the curated misspellings (data/SOURCES.md)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TypeVar, cast

T = TypeVar("T")
_COMMENT_LINES = re.compile(r"^#.*\n?", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A curated entry: ``typo->fix`` (certain), ``typo->a, b,`` or ``typo->fix, reason``."""

    typo: str
    suggestions: tuple[str, ...]
    certain: bool
    reason: str | None = None


def parse_misspelling(line: str) -> Misspelling | None:
    """One line of a codespell-format dictionary; None for comments and blank lines."""
    if not line.strip() or line.startswith("#") or "->" not in line:
        return None
    typo, _, rest = line.partition("->")
    if rest.endswith(","):
        suggestions = tuple(part.strip() for part in rest.split(",") if part.strip())
        return Misspelling(typo, suggestions, certain=False)
    if "," in rest:
        fix, _, reason = rest.partition(",")
        return Misspelling(typo, (fix.strip(),), certain=False, reason=reason.strip())
    return Misspelling(typo, (rest.strip(),), certain=True)


class Misspellings(Mapping[str, Misspelling]):
    """The curated list by typo, each entry parsed when it is asked for.

    Parsing all 65,000 entries up front took longer than linting a typical article, and a
    page asks for a handful.
    """

    def __init__(self, text: str) -> None:
        lines = [line for line in text.splitlines() if "->" in line and not line.startswith("#")]
        self._corrections = dict(line.split("->", 1) for line in lines)

    def __getitem__(self, typo: str) -> Misspelling:
        entry = parse_misspelling(f"{typo}->{self._corrections[typo]}")
        assert entry is not None
        return entry

    def __contains__(self, typo: object) -> bool:
        return typo in self._corrections

    def get(self, typo: str, default: Misspelling | None = None) -> Misspelling | None:  # type: ignore[override]
        # Mapping.get goes through __getitem__ and a KeyError for every word not on the
        # list, which is nearly every word the detector asks about.
        return self[typo] if typo in self._corrections else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._corrections)

    def __len__(self) -> int:
        return len(self._corrections)


@dataclass(frozen=True, slots=True)
class Lexicon:
    zipf: dict[str, float]
    misspellings: Mapping[str, Misspelling]
    learned: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    """Helpers built from the word lists on first use and kept with them (see ``derived``)."""

    def dictionary_size(self, word: str) -> int | None:
        """The SCOWL size of the smallest standard dictionary list that has the lowercase
        ``word`` (50: a core word or spelling; 70: a rarer one), or None.

        Answers for the words the detector asks about (see SOURCES.md): a word English text
        rarely uses (zipf below 2.0) and a word the curated list names; None for the rest.
        The list is read on first use: most pages never ask.
        """
        return self.derived("dictionary", _dictionary).size(word)

    def not_in_dictionary(self, word: str) -> bool:
        """A common word (zipf 3 or more) no dictionary spells in lowercase: a name or an
        abbreviation ("yuri", "isn"), which a slip in prose is not meant to be."""
        return word in self.derived("dictionary", _dictionary).names

    def frequency(self, word: str) -> float:
        """Zipf frequency (log10 per billion words); 0.0 for words wordfreq never saw."""
        return self.zipf.get(word, 0.0)

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` once per lexicon: the detector's word filter and common-word set,
        live as long as the word lists they are built from (the filter learns as it goes)."""
        if key not in self.learned:
            self.learned[key] = build()
        return cast(T, self.learned[key])

    def forget(self) -> None:
        """Drop what the helpers learned, as in a new process (benchmarks use it)."""
        self.learned.clear()


@dataclass(frozen=True, slots=True)
class _Dictionary:
    core: frozenset[str]  # SCOWL size 50
    rarer: frozenset[str]  # SCOWL size 70
    names: frozenset[str]  # size 0: common words no dictionary spells in lowercase

    def size(self, word: str) -> int | None:
        return 50 if word in self.core else 70 if word in self.rarer else None


def _dictionary() -> _Dictionary:
    data = resources.files("wikicheck.data").joinpath("dictionary_en.tsv.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    fields = text[text.index("\n", text.rindex("\n#") + 1) + 1 :].split()
    words, sizes = fields[0::2], fields[1::2]
    # The lines come in order of size ("0" < "50" < "70"): three slices and three sets in C
    # load in a third of the time of a dict over the 72,000 lines.
    core, rarer = sizes.index("50"), sizes.index("70")
    return _Dictionary(
        frozenset(words[core:rarer]), frozenset(words[rarer:]), frozenset(words[:core])
    )


@cache
def lexicon() -> Lexicon:
    data = resources.files("wikicheck.data")
    words = gzip.decompress(data.joinpath("words_en.tsv.gz").read_bytes()).decode("utf-8")
    # One split and one dict() in C: a loop over 300,000 lines took most of a second.
    rows = _COMMENT_LINES.sub("", words).strip("\n")
    fields = iter(rows.replace("\n", "\t").split("\t"))
    zipf = dict(zip(fields, map(float, fields), strict=True))  # word, value, word, value ...
    misspellings = Misspellings(data.joinpath("misspellings.txt").read_text(encoding="utf-8"))
    return Lexicon(zipf, misspellings)
