"""A check's total time budget: a watchdog that cuts the check's connections when it expires.

requests' timeouts bound each socket operation, not the whole exchange: a server that sends
one header line every half second keeps ``timeout=(3, 3)`` busy for as long as it likes.
Every check therefore runs inside a :class:`Deadline`, and a watchdog timer shuts down the
sockets of that check when it expires; the guarded connections of
:mod:`wikicheck.linkcheck.transport` bound the name lookup, the connect and the retry waits
by the same deadline.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from urllib3.connection import HTTPConnection

from ..errors import WikicheckError


class DeadlineExceeded(WikicheckError):
    """The check used up its time budget (possibly while waiting to retry)."""


class Deadline:
    """A check's time budget, and the connections to cut when it runs out."""

    def __init__(self, seconds: float, *, allow_private: bool = False) -> None:
        self.seconds = seconds
        self.allow_private = allow_private
        self.expires = time.monotonic() + seconds
        self.fired = False
        self._connections: list[HTTPConnection] = []
        self._lock = threading.Lock()

    def remaining(self) -> float:
        return max(self.expires - time.monotonic(), 0.0)

    def register(self, connection: HTTPConnection) -> None:
        with self._lock:
            if self.fired:
                raise DeadlineExceeded(f"gave up after {self.seconds:g} s")
            self._connections.append(connection)

    def fire(self) -> None:
        with self._lock:
            self.fired = True
            connections, self._connections = self._connections, []
        for connection in connections:
            sock = connection.sock
            if sock is not None:
                with suppress(OSError):  # already closed by the other side
                    sock.shutdown(socket.SHUT_RDWR)


_active = threading.local()


def current_deadline() -> Deadline | None:
    deadline: Deadline | None = getattr(_active, "deadline", None)
    return deadline


@contextmanager
def deadline(seconds: float, *, allow_private: bool = False) -> Iterator[Deadline]:
    """Run the block under a total time budget enforced by a watchdog timer.

    Connections opened in the block refuse private and reserved addresses unless
    ``allow_private`` (``--allow-private``); outside any deadline they always refuse them.
    """
    budget = Deadline(seconds, allow_private=allow_private)
    watchdog = threading.Timer(seconds, budget.fire)
    watchdog.daemon = True
    _active.deadline = budget
    watchdog.start()
    try:
        yield budget
    finally:
        watchdog.cancel()
        _active.deadline = None
