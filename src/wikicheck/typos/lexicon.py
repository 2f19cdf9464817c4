"""The word data: English word frequencies and the curated misspellings (data/SOURCES.md)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources


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


@dataclass(frozen=True, slots=True)
class Lexicon:
    zipf: dict[str, float]
    misspellings: dict[str, Misspelling]

    def frequency(self, word: str) -> float:
        """Zipf frequency (log10 per billion words); 0.0 for words wordfreq never saw."""
        return self.zipf.get(word, 0.0)


@cache
def lexicon() -> Lexicon:
    data = resources.files("wikicheck.data")
    zipf: dict[str, float] = {}
    with gzip.open(data.joinpath("words_en.tsv.gz").open("rb"), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, _, value = line.rstrip("\n").partition("\t")
            zipf[word] = float(value)
    misspellings: dict[str, Misspelling] = {}
    text = data.joinpath("misspellings.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        entry = parse_misspelling(line)
        if entry is not None:
            misspellings[entry.typo] = entry
    return Lexicon(zipf, misspellings)
