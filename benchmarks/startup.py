"""Start-up time of the command line against a bare parser import (issue 15: within 3×).

    python benchmarks/startup.py [--runs 5]

Best of N wall-clock runs of ``python -c "import mwparserfromhell"`` and of
``python -m wikicheck --version`` (this checkout's sources first on the path); prints both and
their ratio. tests/test_imports.py asserts what --version imports, not the time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def best_of(command: list[str], runs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bare = best_of([sys.executable, "-c", "import mwparserfromhell"], args.runs)
    version = best_of([sys.executable, "-m", "wikicheck", "--version"], args.runs)
    print(f"python -c 'import mwparserfromhell': {bare * 1000:.0f} ms (best of {args.runs})")
    print(f"wikicheck --version:                 {version * 1000:.0f} ms (best of {args.runs})")
    print(f"ratio: {version / bare:.2f}× (bound: 3×)")


if __name__ == "__main__":
    main()
