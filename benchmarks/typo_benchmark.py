"""Typo detector benchmark: recall on planted slips, false findings on untouched articles.

    python benchmarks/typo_benchmark.py [--per-article N] [--seed S] [--list]

Both English corpus folders are read: ../shared/corpus/articles (the English entries of its
manifest) and ../shared/corpus/recent/articles (current articles, all English). Each folder
and the total are reported.

1. Untouched: lint the prose of every article with WC601 and count findings per 10,000 prose
   words. A finding is false unless it is one of the real typos judged below (``REAL``: a
   Wikipedia editor would correct the word, and one of the suggestions is the correction).
2. Planted: in each article, replace up to N common prose words (zipf >= 3, 4+ letters, not
   in link text, where a change would also change the link target) by a realistic slip — two
   neighbouring letters swapped, a letter dropped, a letter doubled, or a vowel typed for
   another — keeping the first letter, as real slips do. Words are drawn in proportion to
   their length, as a slip is as likely at every keystroke: short common words ("space",
   "also", "offered") are planted as often as prose holds them, not only the long words a
   frequency model finds easiest. A slip that makes another English word (a standard
   dictionary lists it, or English text uses it and the curated list does not call it a
   misspelling) is replaced by another try: no spelling checker can see "form" for "from".
   Recall counts planted slips reported at their
   exact position with the original word as the first suggestion. Misspellings taken from
   the curated list are planted too but reported apart: the detector reads that list, so
   they say only that it is read.
"""

from __future__ import annotations

import argparse
import gzip
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus_files import OLDER, RECENT, english_articles

import wikicheck
from wikicheck import Settings
from wikicheck.model import TextContext
from wikicheck.typos.lexicon import Lexicon, lexicon
from wikicheck.typos.words import prose_words

REPOSITORY = Path(__file__).resolve().parent.parent
# Read from this checkout, not from the wikicheck imported, so that an older wikicheck (on
# PYTHONPATH) is measured on the same planted slips.
DICTIONARY = REPOSITORY / "src" / "wikicheck" / "data" / "dictionary_en.tsv.gz"
RARE = 2.0  # the zipf below which the dictionary file lists every word it has
VOWELS = "aeiou"
SETTINGS = Settings(select=("WC601",))
SLIPS = ("transposition", "dropped", "doubled", "vowel")
KINDS = (*SLIPS, "common misspelling")
MIN_PLANTED = 4  # letters of the word a slip is planted in

# Findings on the untouched articles that are real typos, judged as a Wikipedia editor would:
# (file name, word). Everything else the detector reports there counts as false.
REAL = frozenset(
    {
        ("Albert_Einstein.wiki", "presecriptions"),
        ("Chemical-biology.wiki", "tupe"),
        ("Demographics_of_Angola.wiki", "practized"),
        ("France.wiki", "differents"),
        ("France.wiki", "equipments"),
        ("INS_Vikrant_2013.wiki", "equipments"),
        ("Joint_Light_Tactical_Vehicle.wiki", "equipments"),
        ("Matter_standard.wiki", "equipments"),
        ("Algeria.wiki", "nationialism"),
        ("Allen-R.-Morris.wiki", "empted"),
        ("Apollo.wiki", "constructred"),
        ("Atlantic_Ocean.wiki", "camapaigns"),
        ("Atomic_number.wiki", "proutons"),
        ("Computer_accessibility.wiki", "assisstive"),
        ("Demographics_of_Angola.wiki", "revison"),
        ("France.wiki", "attendace"),
        ("France.wiki", "awarned"),
        ("United-Kingdom.wiki", "becomin"),
        ("Vehicle_registration_plates_of_China.wiki", "registed"),
        ("Archer_artillery_system.wiki", "serie"),
        ("Digital_Markets_Act.wiki", "approximatively"),
        ("Fehmarn_Belt_fixed_link.wiki", "intregrate"),
        ("Gaganyaan.wiki", "extraterrestial"),
        ("Gaganyaan.wiki", "slighlty"),
        ("Gaganyaan.wiki", "followd"),
        ("K9_Thunder.wiki", "extented"),
        ("Respiratory_syncytial_virus_vaccine.wiki", "approximatively"),
        ("Square_Kilometre_Array.wiki", "extermely"),
        ("Tiangong_space_station.wiki", "modumes"),
    }
)


@dataclass
class Tally:
    articles: int = 0
    words: int = 0
    findings: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    planted: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.articles += other.articles
        self.words += other.words
        self.findings += other.findings
        self.false += other.false
        self.planted.update(other.planted)
        self.found.update(other.found)
        self.missed += other.missed

    def recall(self, kinds: tuple[str, ...] = SLIPS) -> float:
        planted = sum(self.planted[kind] for kind in kinds)
        return sum(self.found[kind] for kind in kinds) / planted if planted else 0.0

    def false_rate(self) -> float:
        return len(self.false) / self.words * 10_000 if self.words else 0.0


def folders() -> dict[str, list[Path]]:
    return {"articles": english_articles(OLDER), "recent/articles": english_articles(RECENT)}


def plant(word: str, kind: str, rng: random.Random, reverse: dict[str, list[str]]) -> str | None:
    after_first = range(1, len(word))
    if kind == "transposition":
        index = rng.choice(range(1, len(word) - 1))
        return word[:index] + word[index + 1] + word[index] + word[index + 2 :]
    if kind == "dropped":
        index = rng.choice(after_first)
        return word[:index] + word[index + 1 :]
    if kind == "doubled":
        index = rng.choice(after_first)
        return word[: index + 1] + word[index] + word[index + 1 :]
    if kind == "vowel":
        spots = [index for index in after_first if word[index] in VOWELS]
        if not spots:
            return None
        index = rng.choice(spots)
        return (
            word[:index] + rng.choice([v for v in VOWELS if v != word[index]]) + word[index + 1 :]
        )
    typos = reverse.get(word)
    return rng.choice(typos) if typos else None


def dictionary() -> set[str]:
    text = gzip.decompress(DICTIONARY.read_bytes()).decode("utf-8")
    return {line.split("\t", 1)[0] for line in text.splitlines() if not line.startswith("#")}


def is_detectable(typo: str, lex: Lexicon, words: set[str]) -> bool:
    """Not an English word: a standard dictionary does not list it, and it is a curated
    misspelling or a form English text rarely uses (zipf below 2: wordfreq's web text holds
    common misspellings such as "finaly" at 2.1, names and words have more)."""
    if typo in words:
        return False
    return typo in lex.misspellings or lex.frequency(typo) < RARE


@dataclass
class Plan:
    per_article: int
    rng: random.Random
    lex: Lexicon
    reverse: dict[str, list[str]]
    words: set[str]


def measure(path: Path, plan_for: Plan) -> Tally:
    per_article, rng, lex, reverse = (
        plan_for.per_article,
        plan_for.rng,
        plan_for.lex,
        plan_for.reverse,
    )
    tally = Tally(articles=1)
    text = path.read_text(encoding="utf-8")
    article = wikicheck.parse(text)
    words = [w for w in prose_words(article) if not w.fragment]
    tally.words = len(words)
    for finding in wikicheck.lint(text, settings=SETTINGS):
        line = f"{path.name}:{finding.start.line}:{finding.start.column} {finding.message}"
        tally.findings.append(line)
        if (path.name, dict(finding.data).get("word")) not in REAL:
            tally.false.append(line)
    link_text = [run.span for run in article.text_runs if run.context is TextContext.LINK]
    candidates = [
        w for w in words
        if w.text.islower() and w.text.isascii() and len(w.text) >= MIN_PLANTED
        and lex.frequency(w.text) >= 3.0
        and not any(span.start <= w.start < span.end for span in link_text)
    ]  # fmt: skip
    # A draw in proportion to length (Efraimidis–Spirakis keys): a slip per keystroke.
    candidates.sort(key=lambda w: rng.random() ** (1 / len(w.text)), reverse=True)
    chosen = sorted(candidates[: per_article * 4], key=lambda w: w.start)
    plan: list[tuple[int, int, str, str, str]] = []
    last_end = -100
    for word in chosen:
        if len(plan) >= per_article or word.start - last_end < 200:
            continue
        for _ in range(5):
            kind = rng.choice(KINDS)
            typo = plant(word.text, kind, rng, reverse)
            if (
                typo
                and typo != word.text
                and typo[0] == word.text[0]
                and is_detectable(typo, lex, plan_for.words)
            ):
                plan.append((word.start, word.end, word.text, typo, kind))
                last_end = word.end
                break
    if not plan:
        return tally
    edited = text
    for start, end, _original, typo, _kind in sorted(plan, reverse=True):
        edited = edited[:start] + typo + edited[end:]
    shift = 0
    positions = []
    for start, end, original, typo, kind in plan:
        positions.append((start + shift, original, typo, kind))
        shift += len(typo) - (end - start)
    reported = {
        f.span.start: list(dict(f.data).get("suggestions", []))  # type: ignore[call-overload]
        for f in wikicheck.lint(edited, settings=SETTINGS)
    }
    for start, original, typo, kind in positions:
        tally.planted[kind] += 1
        if reported.get(start, [None])[:1] == [original]:
            tally.found[kind] += 1
        else:
            tally.missed.append(f"{kind}: {typo} (for {original}) -> {reported.get(start)}")
    return tally


def report(name: str, tally: Tally, show: bool) -> None:
    slips = sum(tally.planted[kind] for kind in SLIPS)
    print(f"== {name}: {tally.articles} articles, {tally.words:,} prose words")
    print(
        f"   untouched: {len(tally.findings)} findings, {len(tally.false)} false = "
        f"{tally.false_rate():.2f} per 10,000 prose words (target <= 0.5)"
    )
    print(f"   planted slips: {slips}; recall {tally.recall():.3f} (target >= 0.9)")
    for kind in KINDS:
        if tally.planted[kind]:
            share = tally.found[kind] / tally.planted[kind]
            print(f"       {kind:<20} {tally.found[kind]:>4}/{tally.planted[kind]:<4} {share:.3f}")
    if show:
        for line in tally.false:
            print(f"   false: {line}")
        for line in tally.missed:
            print(f"   missed: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--list", action="store_true", help="print false findings and misses")
    args = parser.parse_args()
    lex = lexicon()
    reverse: dict[str, list[str]] = {}
    for entry in lex.misspellings.values():
        if entry.certain and entry.typo.isalpha() and len(entry.typo) >= MIN_PLANTED:
            reverse.setdefault(entry.suggestions[0], []).append(entry.typo)
    plan_for = Plan(args.per_article, random.Random(args.seed), lex, reverse, dictionary())
    started = time.perf_counter()
    total = Tally()
    for name, paths in folders().items():
        tally = Tally()
        for path in paths:
            tally.add(measure(path, plan_for))
        report(name, tally, args.list)
        total.add(tally)
    report("total", total, False)
    print(f"seed {args.seed}; {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
