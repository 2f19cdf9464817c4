"""Peak memory and time for one huge article and for the largest real one.

    python benchmarks/memory.py [--megabytes 50]

The huge article is the shipped fixture repeated to the given size. Each measurement runs in
a fresh process (peak RSS is per process): the bare mwparserfromhell parse, wikicheck.parse,
and `wikicheck lint` with all offline rules, so the figures include the interpreter and the
word lists (about 60 MB before any article is read).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "niafunke_attack.wiki"
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"

STEPS = {
    "interpreter + word lists": (
        "import sys, wikicheck; from wikicheck.typos.lexicon import lexicon; lexicon()"
    ),
    "mwparserfromhell.parse": (
        "import sys, mwparserfromhell; "
        "mwparserfromhell.parse(open(sys.argv[1], encoding='utf-8').read(), skip_style_tags=True)"
    ),
    "wikicheck.parse": (
        "import sys, wikicheck; wikicheck.parse(open(sys.argv[1], encoding='utf-8').read())"
    ),
}


def measure(command: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS in MB of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def report(name: str, path: Path) -> None:
    megabytes = path.stat().st_size / 1e6
    print(f"{name}: {megabytes:.1f} MB")
    lint = [sys.executable, "-m", "wikicheck", "lint", "--isolated", "--today", "2026-11-23"]
    commands = {step: [sys.executable, "-c", code, str(path)] for step, code in STEPS.items()}
    commands["wikicheck lint"] = [*lint, "--format", "json", str(path)]
    for step, command in commands.items():
        seconds, peak = measure(command)
        ratio = peak / megabytes
        print(f"  {step:<28} {seconds:7.1f} s  peak {peak:7.0f} MB  {ratio:6.1f}x input")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=50.0)
    args = parser.parse_args()
    seed = FIXTURE.read_text(encoding="utf-8")
    copies = max(1, round(args.megabytes * 1e6 / len(seed.encode("utf-8"))))
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.wiki"
        huge.write_text(seed * copies, encoding="utf-8")
        report(f"the fixture x {copies:,}", huge)
    if CORPUS.is_dir():
        largest = max(CORPUS.glob("*.wiki"), key=lambda path: path.stat().st_size)
        report(f"the largest corpus article ({largest.name})", largest)
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
