"""Lint every article of ../shared/corpus/articles and count findings per code.

    python scripts/corpus_findings.py [--today YYYY-MM-DD] [--sample N] [SELECTOR ...]

Prints one line per code (count, articles, rule name) and, with --sample, N random findings of
each code with the source text they point at, for reading by a person.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import Counter, defaultdict
from pathlib import Path

import wikicheck
from wikicheck import Finding, Settings
from wikicheck.registry import default_registry

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "articles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("selectors", nargs="*")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 23))
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args()
    settings = Settings(select=tuple(args.selectors) or None, today=args.today)
    counts: Counter[str] = Counter()
    articles: defaultdict[str, set[str]] = defaultdict(set)
    found: defaultdict[str, list[tuple[str, Finding]]] = defaultdict(list)
    paths = sorted(CORPUS.glob("*.wiki"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for finding in wikicheck.lint(text, path=path.name, settings=settings):
            counts[finding.code] += 1
            articles[finding.code].add(path.name)
            found[finding.code].append((text, finding))
    registry = default_registry()
    print(f"{sum(counts.values())} findings in {len(paths)} articles (today = {args.today})")
    for code in sorted(counts):
        name = registry.get(code).name
        print(f"{code}  {counts[code]:>5}  in {len(articles[code]):>3} articles  {name}")
    rng = random.Random(0)
    for code in sorted(counts) if args.sample else ():
        print(f"\n== {code}")
        for text, finding in rng.sample(found[code], min(args.sample, len(found[code]))):
            excerpt = text[finding.span.start : finding.span.end][:80].replace("\n", "⏎")
            print(
                f"  {finding.path}:{finding.start.line}:{finding.start.column} "
                f"[{excerpt}] {finding.message[:120]}"
            )


if __name__ == "__main__":
    main()
