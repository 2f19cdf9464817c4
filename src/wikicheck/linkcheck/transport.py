"""The one HTTP transport under the link checker and ``--wiki``: guarded sessions.

Every connection, whoever opens it (the link checker, ``--wiki``), goes through the address
guard (see :mod:`wikicheck.linkcheck.guard`) on the very host urllib3 connects to, and obeys
the check's total deadline (:mod:`wikicheck.linkcheck.deadline`): one transport for every
outbound request. Retry waits and body reading are :mod:`wikicheck.linkcheck.responses`.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.utils import select_proxy
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
)
from urllib3.util.connection import allowed_gai_family

from . import guard
from .deadline import Deadline, DeadlineExceeded, current_deadline
from .responses import retry_policy


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
