"""Refuse to connect to loopback, private, link-local, multicast and reserved addresses.

Article text is untrusted: a URL in it must not make wikicheck probe an intranet or a cloud
metadata service (169.254.169.254). The check runs on every address the host name resolves
to, so ``http://0x7f.1/``, ``http://[::ffff:127.0.0.1]/`` and a name that resolves to 10.x
are all refused the same way.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from ..errors import WikicheckError


class BlockedAddress(WikicheckError):
    """The URL's host is, or resolves to, an address wikicheck will not connect to."""


def is_forbidden(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Loopback, private, link-local, CGNAT, multicast, reserved: anything not global."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def forbidden_address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address written in ``text`` (a scope id such as ``%eth0`` ignored) if it is one
    wikicheck will not connect to, else None."""
    address = ipaddress.ip_address(text.split("%")[0])
    return address if is_forbidden(address) else None


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the OS resolver also reads inet_aton forms)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise :class:`BlockedAddress` unless every address of the URL's host is public.

    Resolution failures are left to the HTTP client, which reports them as it connects.
    """
    if allow_private:
        return
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise BlockedAddress(f"{url}: no host name")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise BlockedAddress(f"{url}: invalid port") from None
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError):
        return
    for text in addresses:
        address = forbidden_address(text)
        if address is not None:
            raise BlockedAddress(
                f"{url}: {host} is {address}, a private or reserved address "
                "(use --allow-private to reach it)"
            )
