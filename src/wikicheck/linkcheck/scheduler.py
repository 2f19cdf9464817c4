"""Hand URLs to worker threads: many hosts at once, but politely within each host.

A worker asks for the next URL whose host has a free slot (fewer than ``max_per_host`` in
flight) and whose spacing interval has passed; it waits only when no host is ready. So 200
URLs over 10 hosts take about as long as the slowest host's queue, never the sum, and a busy
host never holds up a worker that could be serving another.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")
R = TypeVar("R")


def host_key(url: str) -> str:
    """Politeness is per host name: ports of one host share its limits (as lychee does)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@dataclass(slots=True)
class _Host:
    pending: deque[str] = field(default_factory=deque)
    in_flight: int = 0
    next_start: float = 0.0
    queued: bool = False
    """In the ready queue or the timer heap (a host is in at most one of them, once)."""


class HostScheduler:
    """Hosts with a URL to hand out and a free slot wait in a ready queue (round robin), or
    in a heap by the time their spacing interval ends; a host at its ``max_per_host`` limit
    waits in neither until one of its URLs is done. Each ``take`` and ``done`` costs
    O(log hosts), so 40,000 distinct hosts schedule in well under a second."""

    def __init__(self, urls: Iterable[str], *, max_per_host: int, interval: float) -> None:
        self._hosts: dict[str, _Host] = {}
        for url in urls:
            self._hosts.setdefault(host_key(url), _Host()).pending.append(url)
        self._max_per_host = max_per_host
        self._interval = interval
        self._ready: deque[str] = deque(self._hosts)
        self._timed: list[tuple[float, int, str]] = []
        self._sequence = 0
        self._pending = sum(len(host.pending) for host in self._hosts.values())
        for host in self._hosts.values():
            host.queued = True
        self._changed = threading.Condition()
        self._stopped = False

    def _requeue(self, key: str, host: _Host, now: float) -> None:
        """Queue ``host`` again if it has URLs left and a free slot."""
        if host.queued or not host.pending or host.in_flight >= self._max_per_host:
            return
        host.queued = True
        if host.next_start <= now:
            self._ready.append(key)
        else:
            self._sequence += 1
            heapq.heappush(self._timed, (host.next_start, self._sequence, key))

    def take(self) -> str | None:
        """The next URL a worker may fetch now; None when all are handed out (or stopped)."""
        with self._changed:
            while not self._stopped:
                now = time.monotonic()
                while self._timed and self._timed[0][0] <= now:
                    self._ready.append(heapq.heappop(self._timed)[2])
                if self._ready:
                    key = self._ready.popleft()
                    host = self._hosts[key]
                    host.queued = False
                    host.in_flight += 1
                    host.next_start = now + self._interval
                    self._pending -= 1
                    url = host.pending.popleft()
                    self._requeue(key, host, now)
                    return url
                if not self._pending:
                    return None
                self._changed.wait(self._timed[0][0] - now if self._timed else None)
            return None

    def done(self, url: str) -> None:
        with self._changed:
            key = host_key(url)
            host = self._hosts[key]
            host.in_flight -= 1
            self._requeue(key, host, time.monotonic())
            self._changed.notify_all()

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify_all()


def run_polite(
    urls: list[str],
    work: Callable[[str, T], R],
    make_state: Callable[[], T],
    *,
    workers: int,
    max_per_host: int,
    interval: float,
    on_result: Callable[[str, R], None],
) -> None:
    """Run ``work(url, state)`` for every URL on ``workers`` threads, each with its own state
    (a requests session); ``on_result`` is called on the calling thread as results arrive."""
    scheduler = HostScheduler(urls, max_per_host=max_per_host, interval=interval)
    finished: deque[tuple[str, R]] = deque()
    arrived = threading.Condition()

    def worker() -> None:
        state = make_state()
        while (url := scheduler.take()) is not None:
            try:
                result = work(url, state)
            finally:
                scheduler.done(url)
            with arrived:
                finished.append((url, result))
                arrived.notify()

    count = max(1, min(workers, len(urls)))
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="wikicheck-link") as pool:
        futures = [pool.submit(worker) for _ in range(count)]
        received = 0
        try:
            while received < len(urls):
                with arrived:
                    while not finished:
                        if all(future.done() for future in futures):
                            for future in futures:
                                future.result()  # a worker died: re-raise its error here
                            return
                        arrived.wait(0.5)
                    url, result = finished.popleft()
                received += 1
                on_result(url, result)
        finally:
            scheduler.stop()
