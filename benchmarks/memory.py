"""Peak memory and time for one huge article and for the largest real one.

    python benchmarks/memory.py [--megabytes 50]

The huge article is the shipped fixture repeated to the given size. Each measurement runs in
a fresh process that reports its own peak resident memory (VmHWM): the interpreter with the
word lists alone, the bare mwparserfromhell parse, wikicheck.parse, and `wikicheck lint` with
all offline rules (which includes the interpreter and the word lists).
"""

from __future__ import annotations

import argparse
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
        "import wikicheck; from wikicheck.typos.lexicon import lexicon; lexicon()"
    ),
    "mwparserfromhell.parse": (
        "import mwparserfromhell; "
        "mwparserfromhell.parse(open(path, encoding='utf-8').read(), skip_style_tags=True)"
    ),
    "wikicheck.parse": "import wikicheck; wikicheck.parse(open(path, encoding='utf-8').read())",
    "wikicheck lint": (
        "import runpy, sys; "
        "sys.argv = ['wikicheck', 'lint', '--isolated', '--today', '2026-11-23', "
        "'--format', 'json', path]; "
        "runpy.run_module('wikicheck', run_name='__main__')"
    ),
}

# The peak is read from /proc in the child itself: ru_maxrss would count the parent's memory,
# which Linux carries into a child across fork and exec.
_PEAK = r"""
import sys
path = sys.argv[1]
try:
    exec(sys.argv[2])
finally:
    status = open("/proc/self/status").read()
    sys.stderr.write("\npeak-kib " + status.split("VmHWM:")[1].split()[0] + "\n")
"""


def measure(code: str, path: Path) -> tuple[float, float]:
    """Seconds and peak RSS in MB of ``code`` run in a fresh process."""
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path), code],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    peak_kib = int(child.stderr.rsplit("peak-kib ", 1)[1])
    return elapsed, peak_kib / 1024


def report(name: str, path: Path) -> None:
    megabytes = path.stat().st_size / 1e6
    print(f"{name}: {megabytes:.1f} MB")
    for step, code in STEPS.items():
        seconds, peak = measure(code, path)
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


if __name__ == "__main__":
    main()
