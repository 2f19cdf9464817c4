"""Link checking: 200 URLs with 0.2 s latency each, over 10 loopback hosts and over one host.

    python benchmarks/links_benchmark.py [--urls 200] [--latency 0.2]

Servers are real threaded HTTP servers on 127.0.0.2 ... 127.0.0.11 (nothing leaves the
machine). For each layout it prints the wall time, the sequential sum (the time one request
after the other would take: the sum of every URL's own elapsed time, measured in the same
run), their ratio, and the peak memory. The checker runs with its default politeness
settings (``LinkSettings()``), with only the address guard relaxed for loopback.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.linkcheck.linkserver import LinkServer, serving

from wikicheck.linkcheck.checker import check_links
from wikicheck.settings import LinkSettings


def _run(label: str, servers: list[LinkServer], count: int) -> None:
    urls = [f"{servers[i % len(servers)].base}/ok/{label}/{i}" for i in range(count)]
    settings = replace(LinkSettings(), allow_private=True)
    tracemalloc.start()
    started = time.perf_counter()
    results = check_links(urls, settings=settings)
    wall = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sequential = sum(result.elapsed_ms for result in results) / 1000
    outcomes = {result.outcome.value for result in results}
    print(
        f"{label:<9} {len(urls)} URLs on {len(servers):>2} host(s): wall {wall:6.2f} s, "
        f"sequential sum {sequential:6.2f} s, speed-up {sequential / wall:5.1f}x, "
        f"Python peak {peak / 1e6:5.1f} MB, outcomes {sorted(outcomes)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    defaults = LinkSettings()
    print(
        f"defaults: workers {defaults.workers}, max-per-host {defaults.max_per_host}, "
        f"host-interval {defaults.host_interval} s; latency {args.latency} s per request"
    )
    with ExitStack() as stack:
        hosts = [stack.enter_context(serving(f"127.0.0.{n}", args.latency)) for n in range(2, 12)]
        _run("10-hosts", hosts, args.urls)
        _run("1-host", hosts[:1], args.urls)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (servers included): {rss:.0f} MB")


if __name__ == "__main__":
    main()
