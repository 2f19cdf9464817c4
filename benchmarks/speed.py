"""Speed on ../shared/corpus/articles: bare parse, model, full lint, --jobs 1 vs 2, wikilint.

    python benchmarks/speed.py [--repeat N] [--profile] [--no-wikilint]

Everything is measured in this one run, on this machine, so the ratios compare like with like.
The baseline is mwparserfromhell.parse(text, skip_style_tags=True), the parse wikicheck
itself starts from, called as a user would call it; a second baseline pauses Python's cyclic
garbage collector during the parse, as wikicheck's runner and scan workers do around each page
(the library calls leave the collector alone; the model and lint timings here pause it as the
runner does). wikilint (npm) is installed into a
temporary directory from the npm registry when node and npm are present; the script says so
when it cannot.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import mwparserfromhell

import wikicheck
from wikicheck import Settings
from wikicheck.gcpause import cycle_collector_paused
from wikicheck.typos.lexicon import lexicon

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "articles"
SETTINGS = Settings(today=__import__("datetime").date(2026, 11, 23))


def interleaved_best(
    repeat: int, texts: list[str], works: dict[str, Callable[[str], object]]
) -> dict[str, float]:
    """Seconds for each kind of work over all texts: the works take turns on each article
    and each article's best of ``repeat`` counts, so a slow spell of the machine (this one is
    a shared VM) lands on all of them alike instead of skewing one ratio."""
    best = {name: [float("inf")] * len(texts) for name in works}
    for _ in range(repeat):
        # Each pass starts as a fresh process would: the typo filter remembers common words
        # across articles, and a pass must not profit from the one before.
        lexicon().forget()
        gc.collect()
        for index, text in enumerate(texts):
            for name, work in works.items():
                started = time.perf_counter()
                work(text)
                elapsed = time.perf_counter() - started
                best[name][index] = min(best[name][index], elapsed)
    return {name: sum(times) for name, times in best.items()}


BARE = "mwparserfromhell.parse"
BARE_PAUSED = "mwparserfromhell.parse, collector paused"


def bare_parse(text: str) -> object:
    return mwparserfromhell.parse(text, skip_style_tags=True)


def collector_paused(work: Callable[[str], object]) -> Callable[[str], object]:
    """``work`` with the cyclic collector paused, as wikicheck's runner runs each page."""

    def run(text: str) -> object:
        with cycle_collector_paused():
            return work(text)

    return run


def bare_parse_paused(text: str) -> object:
    """The baseline with Python's cyclic collector paused, as the runner pauses it around a
    page: the ratio against it shows wikicheck's own cost without the pause's gain."""
    with cycle_collector_paused():
        return mwparserfromhell.parse(text, skip_style_tags=True)


def cli_seconds(jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "wikicheck", "lint", "--isolated", str(CORPUS), "--jobs", str(jobs),
         "--today", "2026-11-23", "--format", "json"],
        stdout=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    return time.perf_counter() - started


def wikilint_seconds(paths: list[Path]) -> str:
    if not (shutil.which("node") and shutil.which("npm")):
        return "wikilint: not run (node or npm is not installed here)"
    with tempfile.TemporaryDirectory() as folder:
        install = subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "wikilint"],
            cwd=folder, capture_output=True, text=True, check=False, timeout=600,
        )  # fmt: skip
        binary = Path(folder) / "node_modules" / ".bin" / "wikilint"
        if install.returncode != 0 or not binary.exists():
            return f"wikilint: not run (npm install failed: {install.stderr.strip()[:200]})"
        version = subprocess.run(
            [str(binary), "--version"], capture_output=True, text=True, check=False
        )
        started = time.perf_counter()
        subprocess.run(
            [str(binary), "--config", "enwiki", *map(str, paths)],
            capture_output=True, check=False, timeout=1800,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        name = version.stdout.strip() or "wikilint"
        return f"{name} (npm, enwiki config, one process): {elapsed:.2f} s"


STAGES = {
    # (file name ends with, function name): what it is
    ("mwparserfromhell/parser/__init__.py", "parse"): "mwparserfromhell.parse (tokenizer + tree)",
    ("~", "<method 'tokenize' of '_tokenizer.CTokenizer' objects>"): "  of which the C tokenizer",
    ("wikicheck/parse/build.py", "collect"): "the walk (offsets + model)",
    ("wikicheck/engine.py", "_run_rules"): "all rules",
    ("wikicheck/rules/typos.py", "misspelling"): "  WC601 misspelling",
    ("wikicheck/rules/typos.py", "repeated_word"): "  WC602 repeated-word",
}


def print_profile(texts: list[str]) -> None:
    """Where lint's time goes, by stage, under cProfile (which slows Python code more than C)."""
    profile = cProfile.Profile()
    profile.enable()
    for text in texts:
        wikicheck.lint(text, settings=SETTINGS)
    profile.disable()
    stats = pstats.Stats(profile)
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(timing[2] for timing in entries.values())
    print(f"  profile (cProfile, {total:.1f} s in all): share of lint time by stage")
    for (suffix, function), label in STAGES.items():
        cumulative = sum(
            timing[3]
            for (filename, _line, name), timing in entries.items()
            if name == function and filename.endswith(suffix)
        )
        print(f"    {label:<44} {cumulative:6.2f} s  {cumulative / total:6.1%}")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(12)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-wikilint", action="store_true")
    args = parser.parse_args()
    paths = sorted(CORPUS.glob("*.wiki"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    wikicheck.lint("warm up", settings=SETTINGS)  # load the word list once, outside the timings
    print(
        f"{len(texts)} articles, {megabytes:.1f} MB, {os.cpu_count()} cores, best of {args.repeat}"
    )
    seconds = interleaved_best(
        args.repeat,
        texts,
        {
            BARE: bare_parse,
            BARE_PAUSED: bare_parse_paused,
            "wikicheck.parse (the model)": collector_paused(wikicheck.parse),
            "wikicheck.lint (all offline rules)": collector_paused(
                lambda t: wikicheck.lint(t, settings=SETTINGS)
            ),
        },
    )
    bare, paused = seconds[BARE], seconds[BARE_PAUSED]
    print(f"  {'':<38} {'time':>8}  {'MB/s':>5}  {'x bare':>6}  {'x bare, paused':>14}")
    for name, elapsed in seconds.items():
        print(
            f"  {name:<38} {elapsed:6.2f} s  {megabytes / elapsed:5.2f}"
            f"  {elapsed / bare:5.2f}x  {elapsed / paused:13.2f}x"
        )
    one, two = cli_seconds(1), cli_seconds(2)
    print(f"  wikicheck lint --jobs 1 (CLI)        {one:6.2f} s")
    print(f"  wikicheck lint --jobs 2 (CLI)        {two:6.2f} s  speed-up {one / two:.2f}x")
    if not args.no_wikilint:
        print(f"  {wikilint_seconds(paths)}")
    if args.profile:
        print_profile(texts)


if __name__ == "__main__":
    main()
