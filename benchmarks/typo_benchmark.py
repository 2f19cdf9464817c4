"""Typo detector benchmark: recall on planted typos, false findings on untouched articles.

    python benchmarks/typo_benchmark.py [--per-article N] [--seed S]

1. Untouched: lint the prose of every English article in ../shared/corpus/articles with
   WC601 and count findings per 10,000 prose words. (Some are real typos in the articles;
   the script prints them all so a person can tell which.)
2. Planted: in each article, replace up to N common prose words (5+ letters, zipf >= 3, not
   in link text, where a change would also change the link target) by a
   realistic misspelling — an adjacent transposition, a dropped letter, a doubled letter, a
   vowel swapped for another, or a common misspelling from the curated list — keeping the
   first letter, as real slips do. A planted word that is itself a real English word
   (wordfreq knows it and the curated list does not call it a misspelling) is replaced by
   another try: no spelling checker can see "form" for "from". Recall counts planted typos
   reported at their exact position with the original word as a suggestion.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import wikicheck
from wikicheck import Settings
from wikicheck.model import TextContext
from wikicheck.typos.lexicon import Lexicon, lexicon
from wikicheck.typos.words import prose_words

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
VOWELS = "aeiou"
SETTINGS = Settings(select=("WC601",))


def english_articles() -> list[Path]:
    paths = []
    for line in (CORPUS / "articles_manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("lang") == "en":
            paths.append(CORPUS / entry["file"])
    return sorted(paths)


def plant(word: str, kind: str, rng: random.Random, reverse: dict[str, list[str]]) -> str | None:
    inner = range(1, len(word) - 1)
    if kind == "transposition":
        index = rng.choice(range(1, len(word) - 1))
        return word[:index] + word[index + 1] + word[index] + word[index + 2 :]
    if kind == "dropped":
        index = rng.choice(inner)
        return word[:index] + word[index + 1 :]
    if kind == "doubled":
        index = rng.choice(inner)
        return word[: index + 1] + word[index] + word[index + 1 :]
    if kind == "vowel":
        spots = [index for index in inner if word[index] in VOWELS]
        if not spots:
            return None
        index = rng.choice(spots)
        return (
            word[:index] + rng.choice([v for v in VOWELS if v != word[index]]) + word[index + 1 :]
        )
    typos = reverse.get(word)
    return rng.choice(typos) if typos else None


def is_detectable(typo: str, lex: Lexicon) -> bool:
    entry = lex.misspellings.get(typo)
    return (entry is not None and entry.certain) or lex.frequency(typo) == 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    lex = lexicon()
    reverse: dict[str, list[str]] = {}
    for entry in lex.misspellings.values():
        if entry.certain and entry.typo.isalpha() and len(entry.typo) >= 5:
            reverse.setdefault(entry.suggestions[0], []).append(entry.typo)
    rng = random.Random(args.seed)
    kinds = ("transposition", "dropped", "doubled", "vowel", "common misspelling")
    words_total = 0
    false_findings: list[str] = []
    planted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    missed: list[str] = []
    started = time.perf_counter()
    for path in english_articles():
        text = path.read_text(encoding="utf-8")
        article = wikicheck.parse(text)
        words = [w for w in prose_words(article) if not w.fragment]
        words_total += len(words)
        for finding in wikicheck.lint(text, settings=SETTINGS):
            false_findings.append(
                f"{path.name}:{finding.start.line}:{finding.start.column} {finding.message}"
            )
        link_text = [run.span for run in article.text_runs if run.context is TextContext.LINK]
        candidates = [
            w for w in words
            if w.text.islower() and w.text.isascii() and len(w.text) >= 5
            and lex.frequency(w.text) >= 3.0
            and not any(span.start <= w.start < span.end for span in link_text)
        ]  # fmt: skip
        rng.shuffle(candidates)
        chosen = sorted(candidates[: args.per_article * 4], key=lambda w: w.start)
        plan: list[tuple[int, int, str, str, str]] = []
        last_end = -100
        for word in chosen:
            if len(plan) >= args.per_article or word.start - last_end < 200:
                continue
            for _ in range(5):
                kind = rng.choice(kinds)
                typo = plant(word.text, kind, rng, reverse)
                if (
                    typo
                    and typo != word.text
                    and typo[0] == word.text[0]
                    and is_detectable(typo, lex)
                ):
                    plan.append((word.start, word.end, word.text, typo, kind))
                    last_end = word.end
                    break
        if not plan:
            continue
        edited = text
        for start, end, _original, typo, _kind in sorted(plan, reverse=True):
            edited = edited[:start] + typo + edited[end:]
        shift = 0
        positions = []
        for start, end, original, typo, kind in plan:
            positions.append((start + shift, original, typo, kind))
            shift += len(typo) - (end - start)
        reported = {
            f.span.start: dict(f.data).get("suggestions", [])
            for f in wikicheck.lint(edited, settings=SETTINGS)
        }
        for start, original, typo, kind in positions:
            planted[kind] += 1
            if original in reported.get(start, []):  # type: ignore[operator]
                found[kind] += 1
            else:
                missed.append(f"{kind}: {typo} (for {original})")
    elapsed = time.perf_counter() - started
    total_planted = sum(planted.values())
    total_found = sum(found.values())
    articles = len(english_articles())
    print(f"articles: {articles} English; prose words: {words_total:,}; {elapsed:.1f} s")
    print(
        f"untouched: {len(false_findings)} findings = "
        f"{len(false_findings) / words_total * 10_000:.2f} per 10,000 prose words (target <= 0.5)"
    )
    for line in false_findings:
        print(f"    {line}")
    print(
        f"planted: {total_planted} typos; recall {total_found / total_planted:.3f} (target >= 0.9)"
    )
    for kind in kinds:
        if planted[kind]:
            share = found[kind] / planted[kind]
            print(f"    {kind:<20} {found[kind]:>4}/{planted[kind]:<4} {share:.3f}")
    print(f"missed ({len(missed)}), first 25:")
    for line in missed[:25]:
        print(f"    {line}")


if __name__ == "__main__":
    main()
