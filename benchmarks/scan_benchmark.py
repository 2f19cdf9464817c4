"""Whole-dump scans: pages/s and MB/s with 1 and 2 processes and with Dask (2 workers).

    python benchmarks/scan_benchmark.py [--size-mb 200] [--keep DIR]

Builds a multistream dump (with its index) of about --size-mb of wikitext from the shared
corpus articles (copies get distinct titles and ids), then runs ``wikicheck scan`` on it
three ways, each in a fresh process, all offline rules on. Prints throughput, the peak
resident memory of the largest process, and from the measured figures the projected time for
English Wikipedia (about 7 million articles, 25 GB of wikitext) on a 64-core cluster.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.scan.dumpbuilder import Page, write_multistream

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
ENWIKI_BYTES = 25e9
CLUSTER_CORES = 64


def build(folder: Path, size_mb: float) -> Path:
    texts = [
        (path.stem, path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.wiki"))
    ]
    pages: list[Page] = []
    total = 0
    copy = 0
    while total < size_mb * 1e6:
        for stem, text in texts:
            pages.append(Page(f"{stem} {copy}", len(pages) + 1, text))
            total += len(text.encode("utf-8"))
        copy += 1
    dump, _index = write_multistream(pages, folder / "bench-multistream.xml.bz2")
    print(f"dump: {len(pages):,} pages, {total / 1e6:.0f} MB of wikitext, "
          f"{dump.stat().st_size / 1e6:.0f} MB compressed")  # fmt: skip
    return dump


def run(label: str, dump: Path, out: Path, *extra: str) -> dict[str, float]:
    command = [sys.executable, "-m", "wikicheck", "scan", str(dump), "--out", str(out),
               "--isolated", "--today", "2026-11-23", "--quiet", *extra]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    summary = json.loads(Path(str(out) + ".summary.json").read_text(encoding="utf-8"))
    pages_per_s = summary["pages"] / wall
    mb_per_s = summary["bytes"] / 1e6 / wall
    print(f"{label:<16} {summary['pages']:,} pages in {wall:6.1f} s: "
          f"{pages_per_s:7.1f} pages/s, {mb_per_s:5.2f} MB/s, {summary['findings']:,} findings, "
          f"peak RSS {peak:,.0f} MB")  # fmt: skip
    return {"wall": wall, "mb_per_s": mb_per_s, "pages_per_s": pages_per_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=200)
    parser.add_argument("--keep", type=Path, help="build the dump here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        dump = build(folder, args.size_mb)
        one = run("1 process", dump, folder / "one.jsonl", "-j", "1")
        two = run("2 processes", dump, folder / "two.jsonl", "-j", "2")
        dask = run("Dask, 2 workers", dump, folder / "dask.jsonl", "--dask", "local:2")
    print(f"speed-up: 2 processes {two['mb_per_s'] / one['mb_per_s']:.2f}x, "
          f"Dask 2 workers {dask['mb_per_s'] / one['mb_per_s']:.2f}x over 1 process")  # fmt: skip
    per_core = one["mb_per_s"]
    efficiency = dask["mb_per_s"] / (2 * per_core)
    hours = ENWIKI_BYTES / 1e6 / (per_core * CLUSTER_CORES * efficiency) / 3600
    print(f"projection: English Wikipedia ({ENWIKI_BYTES / 1e9:.0f} GB of wikitext) on "
          f"{CLUSTER_CORES} cores at {per_core:.2f} MB/s per core and the measured Dask "
          f"efficiency {efficiency:.0%}: {hours:.1f} hours")  # fmt: skip


if __name__ == "__main__":
    main()
