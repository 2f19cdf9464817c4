"""The HTTP plumbing under the link checker: sessions whose connections obey a total deadline
and the address guard.

requests' timeouts bound each socket operation, not the whole exchange: a server that sends
one header line every half second keeps ``timeout=(3, 3)`` busy for as long as it likes.
Every check therefore runs inside a :class:`Deadline`, and a watchdog timer shuts down the
sockets of that check when it expires; the name lookup is bounded by the same deadline.
Every connection, whoever opens it (the link checker, ``--wiki``), goes through the address
guard (see :mod:`wikicheck.linkcheck.guard`): one transport for every outbound request.

Bodies are read only through :func:`read_body`, which caps their size after decoding; the
sessions ask for ``Accept-Encoding: identity``, and a server that compresses anyway gets a
decoder that stops at the cap (a 1 MB gzip does not become 2 GB).
"""

from __future__ import annotations

import socket
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.utils import select_proxy
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    InvalidHeader,
    NameResolutionError,
    NewConnectionError,
)
from urllib3.response import BaseHTTPResponse
from urllib3.util.connection import allowed_gai_family
from urllib3.util.retry import Retry

from ..errors import WikicheckError
from . import guard

# Status codes worth a second try: the server said "not now", not "no".
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class DeadlineExceeded(WikicheckError):
    """The check used up its time budget (possibly while waiting to retry)."""


class ResponseTooLarge(WikicheckError):
    """The answer (after decoding) is larger than the caller accepts."""


class RateLimited(WikicheckError):
    """The server asked to wait longer than wikicheck is willing to (``Retry-After``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"rate limited: the server asked to wait {seconds:.0f} s")
        self.seconds = seconds


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


class _GuardedConnectionMixin:
    """urllib3's connection with its ``_new_conn`` replaced: the host urllib3 is about to
    connect to is resolved within the deadline, every address is checked, and the socket is
    connected to a checked address (then its peer is checked once more).

    A connection to a proxy (``self.proxy`` set: urllib3 connects to the proxy, not the
    target) is not refused for a private address: the user named that proxy (``--trust-env``
    is honoured only from the command line or the user's own config). The target of a
    proxied request is checked before the request is sent (:meth:`GuardedAdapter.send`).
    """

    sock: socket.socket | None
    _dns_host: str
    host: str
    port: int
    proxy: Any
    timeout: Any
    source_address: tuple[str, int] | None
    socket_options: Any

    def _new_conn(self) -> socket.socket:
        budget = current_deadline()
        strict = not (budget is not None and budget.allow_private) and self.proxy is None
        try:
            infos = guard.lookup(
                self._dns_host,
                self.port,
                timeout=None if budget is None else budget.remaining(),
                family=allowed_gai_family(),
            )
        except guard.LookupTimedOut:
            raise DeadlineExceeded(
                f"gave up after {budget.seconds:g} s (looking up {self.host})"  # type: ignore[union-attr]
            ) from None
        except guard.NameNotResolved as error:
            raise NameResolutionError(self.host, self, socket.gaierror(str(error))) from None  # type: ignore[arg-type]
        if strict:
            guard.refuse_forbidden(self.host, infos)
        sock = self._connect(infos, budget)
        if strict:
            address = guard.forbidden_address(str(sock.getpeername()[0]))
            if address is not None:  # cannot happen unless the OS rewrote the address
                sock.close()
                raise guard.BlockedAddress(f"connected to {address}, a private or reserved address")
        if budget is not None:
            budget.register(self)  # type: ignore[arg-type]
        sys.audit("http.client.connect", self, self.host, self.port)
        return sock

    def _connect(self, infos: list[guard.AddrInfo], budget: Deadline | None) -> socket.socket:
        """Connect to the first of ``infos`` that answers, as urllib3 would, within the
        connect timeout and the deadline."""
        error: OSError | None = None
        for family, kind, proto, _name, address in infos:
            timeout = self.timeout if isinstance(self.timeout, int | float) else None
            if budget is not None:
                timeout = min(timeout or budget.remaining(), budget.remaining())
                if timeout <= 0:
                    raise DeadlineExceeded(f"gave up after {budget.seconds:g} s")
            sock = socket.socket(family, kind, proto)
            try:
                for option in self.socket_options or ():
                    sock.setsockopt(*option)
                sock.settimeout(timeout)
                if self.source_address:
                    sock.bind(self.source_address)
                sock.connect(address)
            except OSError as failed:
                sock.close()
                error = failed
                continue
            return sock
        if isinstance(error, TimeoutError):
            raise ConnectTimeoutError(
                self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})"
            )
        raise NewConnectionError(
            self,  # type: ignore[arg-type]
            f"Failed to establish a new connection: {error}",
        )

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

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        """The server's ``Retry-After`` in seconds; a value that is neither a number of
        seconds nor an HTTP date counts as absent (the usual back-off applies)."""
        try:
            return super().get_retry_after(response)
        except (InvalidHeader, ValueError, OverflowError):
            return None

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


_GUARDED_POOLS = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}


class GuardedAdapter(HTTPAdapter):
    """requests' adapter with every connection pool, direct or through a proxy, guarded."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_GUARDED_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        if not proxy.lower().startswith(("http://", "https://")):
            # A SOCKS proxy resolves names itself through code wikicheck does not guard.
            raise guard.BlockedAddress(f"{proxy}: only http(s) proxies are supported")
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = dict(_GUARDED_POOLS)
        return manager

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> requests.Response:
        """A request that goes through a proxy is checked here, since the proxy, not
        wikicheck, connects to the target: the target's name must resolve (an unresolvable
        name is never handed to a proxy) to public addresses only."""
        if proxies and select_proxy(request.url or "", proxies):
            budget = current_deadline()
            guard.check_url(
                request.url or "",
                allow_private=budget is not None and budget.allow_private,
                timeout=None if budget is None else budget.remaining(),
            )
        return super().send(request, stream, timeout, verify, cert, proxies)


def new_session(
    user_agent: str,
    *,
    retries: int = 2,
    max_wait: float = 10.0,
    trust_env: bool = False,
    accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
) -> requests.Session:
    """A guarded session for one worker thread (requests sessions are not thread-safe)."""
    session = requests.Session()
    # Environment proxies and .netrc credentials (which would be attached to URLs taken
    # from untrusted text) are used only when the user asks for them with --trust-env.
    session.trust_env = trust_env
    adapter = GuardedAdapter(max_retries=retry_policy(retries, max_wait), pool_maxsize=4)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {"User-Agent": user_agent, "Accept": accept, "Accept-Encoding": "identity"}
    )
    return session


_DECODERS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def read_body(response: requests.Response, limit: int) -> bytes:
    """The body of a streamed response, decoded, refusing more than ``limit`` bytes (raw or
    decoded) with :class:`ResponseTooLarge`. Only identity, gzip and deflate are accepted."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity", *_DECODERS):
        raise ResponseTooLarge(f"the answer uses Content-Encoding {encoding!r}, not identity")
    decoder = zlib.decompressobj(_DECODERS[encoding]) if encoding in _DECODERS else None
    parts: list[bytes] = []
    size = raw_size = 0
    for chunk in response.raw.stream(65536, decode_content=False):
        raw_size += len(chunk)
        if decoder is not None:
            chunk = decoder.decompress(chunk, limit + 1 - size)
            if decoder.unconsumed_tail:
                size = limit + 1  # the decoder stopped at the cap with input left over
        size += len(chunk)
        if size > limit or raw_size > limit:
            response.close()
            raise ResponseTooLarge(f"the answer is larger than {limit:,} bytes")
        parts.append(chunk)
    return b"".join(parts)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` in seconds (a number of seconds or an HTTP date), or None when it is
    absent or malformed (``soon``, ``nan``, ``-1``)."""
    if value is None:
        return None
    try:
        return BoundedRetry().parse_retry_after(value)
    except (InvalidHeader, ValueError, OverflowError):
        return None
