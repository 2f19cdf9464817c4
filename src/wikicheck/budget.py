"""A time budget per page: each page is worked on in a worker process, and a page still
running when its budget is spent has its worker killed and replaced.

Parsing is mostly C code inside mwparserfromhell that no Python-level timeout can interrupt,
and a library call must not install process-wide signal handlers. So the budget belongs to
the loops that own their processes (``wikicheck lint``'s runner, ``wikicheck scan``'s local
workers): they hand pages to :func:`run_bounded`, which gives each page a fresh budget, kills
a worker that overruns it, reports the page through ``on_timeout`` and goes on. A worker that
dies (killed for memory, a crash in C code) costs only the page it was on.
"""

from __future__ import annotations

import math
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .findings import Finding
from .model import Position, Span
from .rules.meta import page_over_budget

T = TypeVar("T")
R = TypeVar("R")


def budget_finding(path: str, seconds: float) -> Finding:
    """WC001 for a page that was given up when its budget was spent."""
    return _finding(
        path,
        f"page not checked: parsing and linting it took longer than the page time budget of "
        f"{seconds:g} s (--page-timeout); the run went on without it",
    )


def crash_finding(path: str, detail: str) -> Finding:
    """WC001 for a page whose worker process died under it (killed for memory, …)."""
    return _finding(
        path, f"page not checked: the worker process died on it ({detail}); the run went on"
    )


def _finding(path: str, message: str) -> Finding:
    start = Position(1, 1)
    rule = page_over_budget
    return Finding(
        rule.code, rule.name, rule.family, rule.severity, message, path, Span(0, 0), start, start
    )


def _serve(connection: Connection, work: Callable[[Any], Any]) -> None:
    """A worker: receive batches of (index, task), send back (index, result) for each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which cleans up
    while True:
        try:
            batch = connection.recv()
        except EOFError:
            return
        if batch is None:
            return
        for index, task in batch:
            connection.send((index, work(task)))


@dataclass
class _Worker(Generic[T]):
    process: Any
    connection: Connection
    batch: deque[tuple[int, T]] = field(default_factory=deque)
    deadline: float = math.inf


def _context() -> Any:
    # fork where there is one: the work function and its options need not be pickled, and a
    # replacement worker starts in milliseconds.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class _Pool(Generic[T, R]):
    def __init__(self, work: Callable[[T], R], size: int) -> None:
        self._work = work
        self._size = size
        self._context = _context()
        self.workers: list[_Worker[T]] = []

    def start(self) -> _Worker[T]:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, self._work), daemon=True)
        process.start()
        child.close()
        worker: _Worker[T] = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def idle(self) -> _Worker[T] | None:
        """A worker with nothing to do, started if there is room for one more."""
        for worker in self.workers:
            if not worker.batch:
                return worker
        return self.start() if len(self.workers) < self._size else None

    def replace(self, worker: _Worker[T]) -> None:
        worker.process.kill()
        worker.process.join()
        worker.connection.close()
        self.workers.remove(worker)

    def close(self) -> None:
        for worker in self.workers:
            if worker.batch:
                worker.process.kill()
            else:
                try:
                    worker.connection.send(None)
                except OSError:
                    worker.process.kill()
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []


def run_bounded(
    tasks: Iterable[T],
    work: Callable[[T], R],
    *,
    workers: int,
    budget: float,
    on_timeout: Callable[[T], R],
    on_crash: Callable[[T, str], R],
    batch_size: int = 1,
) -> Iterator[R]:
    """``work(task)`` for every task in worker processes; results in task order.

    A task gets ``budget`` seconds from the moment its worker reaches it; one that overruns
    gets ``on_timeout(task)`` as its result, and the rest of its batch goes to a new worker.
    Tasks are read from ``tasks`` only a few batches ahead of the results, so memory stays
    flat over a dump of millions of pages.
    """
    pool: _Pool[T, R] = _Pool(work, max(1, workers))
    source = enumerate(tasks)
    queue: deque[tuple[int, T]] = deque()
    results: dict[int, R] = {}
    ahead = max(1, workers) * batch_size * 3
    taken = given = 0
    exhausted = False
    try:
        while True:
            while not exhausted and taken - given < ahead:
                try:
                    queue.append(next(source))
                    taken += 1
                except StopIteration:
                    exhausted = True
            while queue and (worker := pool.idle()) is not None:
                while queue and len(worker.batch) < batch_size:
                    worker.batch.append(queue.popleft())
                worker.connection.send(list(worker.batch))
                worker.deadline = time.monotonic() + budget
            while given in results:
                yield results.pop(given)
                given += 1
            busy = [worker for worker in pool.workers if worker.batch]
            if not busy:
                if exhausted and not queue:
                    return
                continue
            _collect(pool, busy, results, on_timeout, on_crash, budget, queue)
    finally:
        pool.close()


def _collect(
    pool: _Pool[T, R],
    busy: list[_Worker[T]],
    results: dict[int, R],
    on_timeout: Callable[[T], R],
    on_crash: Callable[[T, str], R],
    budget: float,
    queue: deque[tuple[int, T]],
) -> None:
    """Wait for the next result or the next deadline, and deal with either."""
    timeout = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
    ready = set(wait([worker.connection for worker in busy], timeout=timeout))
    for worker in busy:
        if worker.connection in ready:
            try:
                index, result = worker.connection.recv()
            except (EOFError, OSError):
                worker.process.join(timeout=1)
                code = worker.process.exitcode
                index, task = worker.batch.popleft()
                results[index] = on_crash(task, f"exit code {code}")
                queue.extendleft(reversed(worker.batch))
                pool.replace(worker)
                continue
            results[index] = result
            worker.batch.popleft()
            worker.deadline = time.monotonic() + budget
        elif time.monotonic() >= worker.deadline:
            index, task = worker.batch.popleft()
            results[index] = on_timeout(task)
            queue.extendleft(reversed(worker.batch))
            pool.replace(worker)
