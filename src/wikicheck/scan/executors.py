"""Where the pages get linted: a local process pool (the default) or a Dask cluster.

Locally, this process streams the dumps (decompression is cheap next to linting) and hands
bounded batches of pages to worker processes, so memory stays flat whatever the dump size;
each page has a time budget (:mod:`wikicheck.budget`), after which its worker is replaced.
On Dask the budget does not apply: the workers' processes belong to the cluster.
On Dask, each worker reads its own partitions (whole files, or groups of multistream bz2
streams), so nothing but results crosses the network.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial

from ..budget import run_bounded
from ..errors import ConfigError
from ..pipeline import Plan, warm_up
from .dumps import DumpError, Partition
from .pages import (
    Record,
    ScanOptions,
    batches,
    crashed,
    dump_pages,
    lint_page,
    lint_pages,
    over_budget,
    scan_partition,
)

Emit = Callable[[list[Record]], None]
EMIT_EVERY = 64  # records written (and the progress bar moved) in groups of this many
OnError = Callable[[str], None]


def _ignore_interrupts() -> None:
    # Ctrl-C is for the coordinating process, which stops cleanly; workers just get cancelled.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_local(
    parts: Sequence[Partition],
    options: ScanOptions,
    *,
    jobs: int,
    limit: int | None,
    emit: Emit,
    on_error: OnError,
) -> None:
    pages = dump_pages(parts, options, limit, on_error)
    budget = options.settings.page_timeout
    if budget > 0:
        warm_up(Plan.from_codes(options.settings, options.codes, options.today))
        records = run_bounded(
            pages,
            partial(lint_page, options=options),
            workers=jobs,
            budget=budget,
            on_timeout=partial(over_budget, budget=budget),
            on_crash=crashed,
            batch_size=8,
        )
        group: list[Record] = []
        for record in records:
            group.append(record)
            if len(group) >= EMIT_EVERY:
                emit(group)
                group = []
        if group:
            emit(group)
        return
    if jobs <= 1:
        for batch in batches(pages):
            emit(lint_pages(batch, options))
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    pending: deque[Future[list[Record]]] = deque()
    try:
        for batch in batches(pages):
            pending.append(pool.submit(lint_pages, batch, options))
            while len(pending) >= 2 * jobs:  # bounded: the reader never runs far ahead
                emit(pending.popleft().result())
        while pending:
            emit(pending.popleft().result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


DASK_CONNECT_TIMEOUT = 10
"""Seconds to reach a scheduler before the scan gives up with exit 2."""


def run_dask(
    address: str,
    parts: Sequence[Partition],
    options: ScanOptions,
    *,
    limit: int | None,
    emit: Emit,
    on_error: OnError,
) -> None:
    """``address`` is a scheduler address (``tcp://host:8786``) or ``local:N`` for a
    LocalCluster of N single-threaded worker processes. A scheduler that cannot be reached,
    or a cluster that fails, is a :class:`ConfigError` or :class:`DumpError` (exit 2)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DumpError(address, "--dask", "needs dask: pip install 'wikicheck[dask]'") from None
    cluster = None
    try:
        if address.startswith("local:"):
            cluster = LocalCluster(
                n_workers=_local_workers(address), threads_per_worker=1, processes=True,
                dashboard_address=None,
            )  # fmt: skip
            client = Client(cluster)
        else:
            client = Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, ValueError, TypeError) as error:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"--dask {address}: cannot start or reach the cluster: {error}") from None
    try:
        futures = client.map(scan_partition, list(parts), options=options, pure=False)
        taken = 0
        for part, future in zip(parts, futures, strict=True):  # in order: --limit as locally
            try:
                records, problem = future.result()
            except Exception as failure:  # a worker died, the scheduler went away, …
                raise DumpError(part.label, "--dask", f"the cluster failed: {failure!r}") from None
            if problem is not None:
                on_error(problem)
            if limit is not None:
                records = records[: max(limit - taken, 0)]
            taken += len(records)
            emit(records)
            if limit is not None and taken >= limit:
                client.cancel(futures)
                break
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _local_workers(address: str) -> int:
    count = address.split(":", 1)[1] or "1"
    if not count.isdigit() or int(count) < 1:
        raise ConfigError(f"--dask {address}: local:N needs N, the number of workers, 1 or more")
    return int(count)
