"""The HTTP plumbing under the link checker: sessions whose connections obey a total deadline
and the address guard.

requests' timeouts bound each socket operation, not the whole exchange: a server that sends
one header line every half second keeps ``timeout=(3, 3)`` busy for as long as it likes.
Every check therefore runs inside a :class:`Deadline`, and a watchdog timer shuts down the
sockets of that check when it expires. The connections also check the address they actually
reached (``getpeername``), which defeats DNS rebinding between the guard's own lookup and the
connect.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from ..errors import WikicheckError
from . import guard

# Status codes worth a second try: the server said "not now", not "no".
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class DeadlineExceeded(WikicheckError):
    """The check used up its time budget (possibly while waiting to retry)."""


class RateLimited(WikicheckError):
    """The server asked to wait longer than wikicheck is willing to (``Retry-After``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"rate limited: the server asked to wait {seconds:.0f} s")
        self.seconds = seconds


class Deadline:
    """A check's time budget, and the connections to cut when it runs out."""

    def __init__(self, seconds: float, *, check_peer: bool = True) -> None:
        self.seconds = seconds
        self.check_peer = check_peer
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
def deadline(seconds: float, *, check_peer: bool = True) -> Iterator[Deadline]:
    """Run the block under a total time budget enforced by a watchdog timer.

    ``check_peer`` refuses connections that reach a private or reserved address; it is off
    with ``--allow-private``, and when a proxy from the environment is the peer.
    """
    budget = Deadline(seconds, check_peer=check_peer)
    watchdog = threading.Timer(seconds, budget.fire)
    watchdog.daemon = True
    _active.deadline = budget
    watchdog.start()
    try:
        yield budget
    finally:
        watchdog.cancel()
        _active.deadline = None


class _GuardedConnectionMixin:
    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        budget = current_deadline()
        if budget is None or budget.check_peer:
            address = guard.forbidden_address(str(sock.getpeername()[0]))
            if address is not None:
                sock.close()
                raise guard.BlockedAddress(
                    f"connected to {address}, a private or reserved address "
                    "(the host name resolved differently for the guard and the connection)"
                )
        if budget is not None:
            budget.register(self)  # type: ignore[arg-type]
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        budget = current_deadline()
        if budget is not None:
            budget.register(self)  # type: ignore[arg-type]
        super().request(*args, **kwargs)  # type: ignore[misc]


class _GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class BoundedRetry(Retry):
    """urllib3's retries, with every wait bounded by the check's deadline and by a cap on
    ``Retry-After``: a server asking for more than the cap gets a :class:`RateLimited`."""

    max_wait: float = 10.0

    def sleep_for_retry(self, response: BaseHTTPResponse) -> bool:
        asked = self.get_retry_after(response)
        if asked is None:
            return False
        if asked > self.max_wait:
            raise RateLimited(asked)
        self._wait(asked)
        return True

    def _sleep_backoff(self) -> None:
        self._wait(self.get_backoff_time())

    @staticmethod
    def _wait(seconds: float) -> None:
        budget = current_deadline()
        if budget is not None and seconds >= budget.remaining():
            raise DeadlineExceeded(f"gave up after {budget.seconds:g} s (waiting to retry)")
        if seconds > 0:
            time.sleep(seconds)


def retry_policy(retries: int, max_wait: float) -> Retry:
    policy_class = type("BoundedRetryPolicy", (BoundedRetry,), {"max_wait": max_wait})
    policy: Retry = policy_class(
        total=retries,
        connect=retries,
        read=0,
        redirect=False,
        status=retries,
        other=0,
        allowed_methods=frozenset({"HEAD", "GET"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=0.5,
        backoff_max=max_wait,
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    return policy


class GuardedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }


def new_session(
    user_agent: str, *, retries: int = 2, max_wait: float = 10.0, trust_env: bool = False
) -> requests.Session:
    """A session for one worker thread (requests sessions are not thread-safe)."""
    session = requests.Session()
    # Environment proxies would make the proxy the peer, and .netrc would attach
    # credentials to URLs taken from untrusted text: both off unless asked for.
    session.trust_env = trust_env
    adapter = GuardedAdapter(max_retries=retry_policy(retries, max_wait), pool_maxsize=4)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "identity",
        }
    )
    return session
