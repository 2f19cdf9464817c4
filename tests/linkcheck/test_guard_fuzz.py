"""Fuzz the address guard with spellings of private addresses (issue 14, items 1 and 3).

Every generated URL denotes a loopback, private, link-local or otherwise forbidden address,
spelled the ways requests and urllib3 accept: integer, octal and hex IPv4 parts in every
grouping, IPv6 forms that embed an IPv4 address, host names from /etc/hosts, percent-escapes
that requests unquotes, trailing dots, userinfo and ``\\@`` authority tricks. The invariant is
checked where it matters, at the socket: whatever the spelling, no socket in this process
connects to a forbidden address (the conftest refuses and records anything not loopback),
the loopback server receives nothing, and :func:`check_url` refuses the URL too.
"""

from __future__ import annotations

import contextlib
import ipaddress
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wikicheck.linkcheck import guard
from wikicheck.linkcheck.deadline import deadline
from wikicheck.linkcheck.transport import new_session

from .conftest import Connects
from .linkserver import LinkServer, serving

IPV4_TARGETS = ["127.0.0.1", "127.1.2.3", "10.0.0.1", "169.254.169.254", "192.168.0.1",
                "172.16.0.1", "100.64.0.1", "0.0.0.0"]  # fmt: skip
IPV6_TARGETS = ["::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::ffff:7f00:1", "2002:7f00:1::1",
                "fec0::1", "64:ff9b::7f00:1", "::127.0.0.1", "fd00::1", "fe80::1"]  # fmt: skip
NAMES = ["localhost", "LOCALHOST", "localhost.", "LocalHost"]


@pytest.fixture(scope="module")
def server() -> Iterator[LinkServer]:
    with serving("127.0.0.1") as running:
        yield running


def _part(value: int, style: str) -> str:
    if style == "octal":
        return "0" + format(value, "o")
    if style == "hex":
        return "0x" + format(value, "x")
    if style == "HEX":
        return "0X" + format(value, "X")
    return str(value)


@st.composite
def ipv4_spellings(draw: st.DrawFn) -> str:
    """inet_aton's forms: a.b.c.d, a.b.c (16-bit c), a.b (24-bit b), a (32-bit), each part
    decimal, octal or hex."""
    packed = int(ipaddress.IPv4Address(draw(st.sampled_from(IPV4_TARGETS))))
    octets = [(packed >> shift) & 0xFF for shift in (24, 16, 8, 0)]
    grouping = draw(st.sampled_from([4, 3, 2, 1]))
    if grouping == 4:
        values = octets
    elif grouping == 3:
        values = [octets[0], octets[1], (octets[2] << 8) | octets[3]]
    elif grouping == 2:
        values = [octets[0], packed & 0xFFFFFF]
    else:
        values = [packed]
    styles = st.sampled_from(["decimal", "octal", "hex", "HEX"])
    return ".".join(_part(value, draw(styles)) for value in values)


@st.composite
def hosts(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["ipv4", "ipv6", "name"]))
    if kind == "ipv4":
        host = draw(ipv4_spellings())
    elif kind == "name":
        host = draw(st.sampled_from(NAMES))
    else:
        return "[" + draw(st.sampled_from(IPV6_TARGETS)) + "]"
    if draw(st.booleans()):
        host += "."
    # requests unquotes escapes of unreserved characters (digits, letters, '.') in the URL.
    escaped = draw(st.lists(st.booleans(), min_size=len(host), max_size=len(host)))
    upper = draw(st.booleans())
    return "".join(
        (f"%{ord(char):02X}" if upper else f"%{ord(char):02x}") if escape else char
        for char, escape in zip(host, escaped, strict=True)
    )


@st.composite
def urls(draw: st.DrawFn, port: int) -> str:
    host = draw(hosts())
    userinfo = draw(st.sampled_from(["", "user@", "user:pass@", "example.org@"]))
    with_port = draw(st.booleans()) or host.startswith("[")
    authority = f"{userinfo}{host}" + (f":{port}" if with_port else "")
    tail = draw(st.sampled_from(["", "\\@example.org", "#@example.org", "?@example.org"]))
    scheme = draw(st.sampled_from(["http", "HTTP", "https"]))
    return f"{scheme}://{authority}{tail}/ok/fuzz"


def _forbidden(address: str) -> bool:
    try:
        return guard.is_forbidden(ipaddress.ip_address(address.split("%")[0]))
    except ValueError:
        return False


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_spelling_of_a_private_address_is_connected(
    server: LinkServer, connects: Connects, data: st.DataObject
) -> None:
    url = data.draw(urls(server.server_address[1]))
    session = new_session("wikicheck-fuzz", retries=0)
    before = len(connects.loopback)
    # Refused, unresolvable, invalid: any failure is fine; a connect is not.
    with deadline(2.0), contextlib.suppress(Exception):
        session.head(url, timeout=1.0, allow_redirects=False).close()
    session.close()
    reached = [address for address in connects.loopback[before:] if _forbidden(address)]
    assert reached == [], f"{url} connected to {reached}"
    assert not any(_forbidden(address) for address in connects.outside), url
    assert sum(server.hits.values()) == 0, url
    with pytest.raises((guard.BlockedAddress, guard.NameNotResolved)):
        guard.check_url(url)
