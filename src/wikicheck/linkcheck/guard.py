"""Refuse to connect to loopback, private, link-local, multicast and reserved addresses.

Article text is untrusted: a URL in it must not make wikicheck probe an intranet or a cloud
metadata service (169.254.169.254). The decisive check runs in the transport
(:mod:`wikicheck.linkcheck.transport`), on the very host name urllib3 is about to connect to: the
name is resolved once here, under the request's deadline, every address is checked, and the
socket is connected to one of the checked addresses, never to a second lookup's answer. So
``http://0x7f.1/``, ``http://127.0.0.%31/`` (requests unquotes ``%31``),
``http://127.0.0.1\\@example.org/`` (urllib3 ends the authority at ``\\``) and a name that
resolves to 10.x are all refused the same way, and DNS rebinding has nothing to rebind.

:func:`check_url` applies the same rules to a URL before a request is handed to a proxy
(which resolves the name itself) and to callers that want an answer without connecting.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from typing import Any

from ..errors import WikicheckError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
AddrInfo = tuple[Any, ...]  # one getaddrinfo() entry: (family, type, proto, canonname, sockaddr)

# Ranges that embed or reach an IPv4 address, or that Python's is_global still calls global
# (3.11 says so for 6to4 and site-local): 6to4 relays (RFC 3056, deprecated by RFC 7526),
# deprecated site-local (RFC 3879), NAT64 (RFC 6052, RFC 8215), Teredo (RFC 4380),
# IPv4-compatible and IPv4-translated addresses (RFC 4291, RFC 2765).
_EXTRA_BLOCKED = tuple(
    ipaddress.ip_network(network)
    for network in (
        "2002::/16", "fec0::/10", "64:ff9b::/96", "64:ff9b:1::/48", "2001::/32", "::/96",
        "::ffff:0:0:0/96",
    )
)  # fmt: skip


class BlockedAddress(WikicheckError):
    """The URL's host is, or resolves to, an address wikicheck will not connect to."""


class NameNotResolved(WikicheckError):
    """The host name does not resolve: nothing is connected, nothing handed to a proxy."""


class LookupTimedOut(WikicheckError):
    """The name lookup did not finish within the request's remaining time."""


def is_forbidden(address: Address) -> bool:
    """Loopback, private, link-local, CGNAT, multicast, reserved: anything not global."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if isinstance(address, ipaddress.IPv6Address) and any(
        address in network for network in _EXTRA_BLOCKED
    ):
        return True
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def forbidden_address(text: str) -> Address | None:
    """The address written in ``text`` (a scope id such as ``%eth0`` ignored) if it is one
    wikicheck will not connect to, else None."""
    address = ipaddress.ip_address(text.split("%")[0])
    return address if is_forbidden(address) else None


def lookup(
    host: str, port: int, *, timeout: float | None = None, family: int = socket.AF_UNSPEC
) -> list[AddrInfo]:
    """``getaddrinfo`` as urllib3 calls it, bounded by ``timeout`` seconds.

    The OS resolver has no timeout of its own, so a name lookup runs on a daemon thread that
    is abandoned when time is up (:class:`LookupTimedOut`). Address literals, including the
    inet_aton spellings the OS accepts (``0x7f.1``, ``2130706433``), are answered at once.
    A name that does not resolve raises :class:`NameNotResolved`.
    """
    host = host.strip("[]")
    try:
        host.encode("idna")
    except UnicodeError:
        raise NameNotResolved(f"{host!r}: not a valid host name") from None
    try:
        return socket.getaddrinfo(host, port, family, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
    except (socket.gaierror, UnicodeError, ValueError):
        pass  # a name, not an address literal
    answer: dict[str, Any] = {}
    finished = threading.Event()

    def run() -> None:
        try:
            answer["infos"] = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
        except (OSError, UnicodeError, ValueError) as error:
            answer["error"] = error
        finally:
            finished.set()

    threading.Thread(target=run, name="wikicheck-dns", daemon=True).start()
    if not finished.wait(timeout):
        raise LookupTimedOut(f"{host}: the name lookup took longer than {timeout:g} s")
    if "error" in answer:
        raise NameNotResolved(f"{host}: the host name does not resolve ({answer['error']})")
    infos: list[AddrInfo] = answer["infos"]
    if not infos:
        raise NameNotResolved(f"{host}: the host name does not resolve")
    return infos


def refuse_forbidden(host: str, infos: list[AddrInfo]) -> None:
    """Raise :class:`BlockedAddress` if any address ``host`` resolved to is forbidden (a name
    with one public and one private address is refused: either may be the one connected)."""
    for info in infos:
        address = forbidden_address(str(info[4][0]))
        if address is not None:
            what = "is" if host.strip("[]") == str(address) else f"resolves to {address},"
            raise BlockedAddress(
                f"{host} {what} a private or reserved address (use --allow-private to reach it)"
            )


def target_host(url: str) -> tuple[str, int]:
    """The host and port urllib3 will connect to for ``url``, found by the same code:
    requests' URL preparation (which unquotes ``%31``, IDNA-encodes names) and urllib3's
    ``parse_url`` (which ends the authority at ``\\``)."""
    from requests.models import PreparedRequest
    from urllib3.util import parse_url

    prepared = PreparedRequest()
    try:
        prepared.prepare_url(url, None)
        parts = parse_url(prepared.url or "")
    except Exception as error:  # requests and urllib3 raise several kinds for a bad URL
        raise BlockedAddress(f"{url}: not a valid URL ({error})") from None
    if not parts.host:
        raise BlockedAddress(f"{url}: no host name")
    return parts.host, parts.port or (443 if parts.scheme == "https" else 80)


def check_url(url: str, *, allow_private: bool = False, timeout: float | None = 10.0) -> None:
    """Raise unless the host of ``url``, as urllib3 will read it, resolves and every one of
    its addresses is public (:class:`BlockedAddress`, :class:`NameNotResolved`,
    :class:`LookupTimedOut`). With ``allow_private`` only the resolution is required."""
    host, port = target_host(url)
    infos = lookup(host, port, timeout=timeout)
    if not allow_private:
        try:
            refuse_forbidden(host, infos)
        except BlockedAddress as error:
            raise BlockedAddress(f"{url}: {error}") from None
