"""Every network test stays on loopback: a connect to any other address fails in the test
process itself, whatever the code under test decides, and is recorded (``outside``); and no
name is sent to a DNS server (``localhost`` resolves, with or without its trailing dot,
address literals resolve as the OS reads them, every other name does not resolve)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wikicheck.linkcheck import guard

from .linkserver import LinkServer, serving


class Connects:
    """Every address a socket in this process tried to connect to during the test."""

    def __init__(self) -> None:
        self.loopback: list[str] = []
        self.outside: list[str] = []


@pytest.fixture(autouse=True)
def connects(monkeypatch: pytest.MonkeyPatch) -> Connects:
    seen = Connects()
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        host = str(address[0]) if isinstance(address, tuple) else ""
        try:
            loopback = ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            loopback = False
        if self.family in (socket.AF_INET, socket.AF_INET6) and not loopback:
            seen.outside.append(host)
            raise ConnectionRefusedError(f"test: no traffic to {host} (not loopback)")
        if loopback:
            seen.loopback.append(host)
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


@pytest.fixture(autouse=True)
def offline_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def resolve(
        host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0
    ) -> Any:
        numeric = flags | socket.AI_NUMERICHOST
        try:
            return real(host, port, family, type, proto, numeric)
        except socket.gaierror:
            pass
        if isinstance(host, str) and host.lower().rstrip(".") == "localhost":
            answers = []
            for address in ("127.0.0.1", "::1"):
                try:
                    answers.extend(real(address, port, family, type, proto, numeric))
                except socket.gaierror:
                    continue  # the family asked for excludes this one
            return answers
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (offline tests)")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)


@pytest.fixture(autouse=True)
def own_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An empty user configuration directory: the developer's own file must not leak in."""
    home = tmp_path_factory.mktemp("xdg-config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return home


@pytest.fixture
def intranet() -> Iterator[LinkServer]:
    """A server on 127.0.0.1 that must receive nothing in the guard tests."""
    with serving("127.0.0.1") as server:
        yield server


@pytest.fixture
def public(monkeypatch: pytest.MonkeyPatch) -> Iterator[LinkServer]:
    """127.0.0.2 plays a public host: the guard forbids every address but that one."""

    def forbidden(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return str(address) != "127.0.0.2"

    monkeypatch.setattr(guard, "is_forbidden", forbidden)
    with serving("127.0.0.2") as server:
        yield server


@pytest.fixture
def rebinding(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``rebind.test`` answers 127.0.0.2 (the ``public`` host) to its first lookup and
    127.0.0.1 to every later one, as a DNS rebinding attacker's name server would. Returns
    the lookups made of it."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.2", *["127.0.0.1"] * 20])
    lookups: list[str] = []

    def resolve(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.test":
            lookups.append(host)
            host = next(answers)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return lookups
