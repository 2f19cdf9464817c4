"""The link checker against hostile spellings, proxies, resolvers and settings (issue 14,
items 3 and 14): real servers on loopback, request counters for what must never be sent."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import wikicheck
from wikicheck.cli import main
from wikicheck.linkcheck.checker import check_links
from wikicheck.linkcheck.guard import BlockedAddress, check_url
from wikicheck.linkcheck.results import Outcome
from wikicheck.linkcheck.scheduler import HostScheduler
from wikicheck.settings import LinkSettings

from .linkserver import LinkServer, serving

GUARDED = LinkSettings(timeout=3.0, retries=0, host_interval=0.0)
TRUSTING = replace(GUARDED, trust_env=True)
SRC = str(Path(wikicheck.__file__).parent.parent)


# --- item 3: --trust-env keeps the guard ---------------------------------------------------


@pytest.mark.parametrize("settings", [GUARDED, TRUSTING], ids=["default", "trust-env"])
def test_percent_encoded_loopback_is_refused(intranet: LinkServer, settings: LinkSettings) -> None:
    port = intranet.server_address[1]
    [result] = check_links([f"http://127.0.0.%31:{port}/ok/x"], settings=settings)
    assert result.outcome is Outcome.BLOCKED, result
    assert sum(intranet.hits.values()) == 0


def test_trust_env_keeps_the_connected_address_check(
    public: LinkServer, intranet: LinkServer, rebinding: list[str]
) -> None:
    """DNS rebinding under --trust-env with no proxy set: the guard still decides."""
    port = public.server_address[1]
    [result] = check_links([f"http://rebind.test:{port}/ok/t"], settings=TRUSTING)
    assert result.outcome is Outcome.OK
    assert public.requests_to("/ok/t") == 1
    assert sum(intranet.hits.values()) == 0


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[LinkServer]:
    """A proxy named in the environment (a loopback server that counts what it is asked)."""
    with serving("127.0.0.1") as server:
        monkeypatch.setenv("HTTP_PROXY", server.base)
        yield server


def test_an_unresolvable_name_is_not_handed_to_the_proxy(proxy: LinkServer) -> None:
    [result] = check_links(["http://does-not-exist.invalid/page"], settings=TRUSTING)
    assert result.outcome is Outcome.UNREACHABLE
    assert "does not resolve" in result.reason
    assert sum(proxy.hits.values()) == 0


def test_a_private_target_is_not_handed_to_the_proxy(
    proxy: LinkServer, intranet: LinkServer
) -> None:
    port = intranet.server_address[1]
    urls = [f"http://127.0.0.%31:{port}/ok/p", f"http://localhost:{port}/ok/p"]
    results = check_links(urls, settings=TRUSTING)
    assert [result.outcome for result in results] == [Outcome.BLOCKED] * 2
    assert sum(proxy.hits.values()) == 0
    assert sum(intranet.hits.values()) == 0


def test_a_public_target_goes_through_the_named_proxy(
    public: LinkServer, proxy: LinkServer
) -> None:
    """The proxy (on loopback here) was named by the user: it is the peer, and is allowed."""
    target = f"{public.base}/ok/via-proxy"
    [result] = check_links([target], settings=TRUSTING)
    assert proxy.hits[("HEAD", target)] == 1  # a proxy is asked for the absolute URL
    assert sum(public.hits.values()) == 0
    assert result.outcome is Outcome.BROKEN  # our "proxy" answers 404 to everything


def test_a_socks_proxy_is_refused(monkeypatch: pytest.MonkeyPatch, public: LinkServer) -> None:
    monkeypatch.setenv("HTTP_PROXY", "socks5h://127.0.0.1:9")
    [result] = check_links([f"{public.base}/ok/s"], settings=TRUSTING)
    assert result.outcome is Outcome.BLOCKED
    assert "only http(s) proxies" in result.reason
    assert sum(public.hits.values()) == 0


# --- item 14: addresses, DNS time, scheduling, Retry-After, numbers, exclude ---------------


@pytest.mark.parametrize(
    "url",
    [
        "http://[2002:7f00:1::1]/",  # 6to4 for 127.0.0.1
        "http://[2002:a00:1::]/",  # 6to4 for 10.0.0.1
        "http://[fec0::1]/",  # deprecated site-local
        "http://[64:ff9b::7f00:1]/",  # NAT64 for 127.0.0.1
        "http://[::127.0.0.1]/",  # IPv4-compatible
    ],
)
def test_ipv6_ranges_that_reach_private_networks_are_refused(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url)


def test_the_name_lookup_is_inside_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver that takes 3 s: a 1 s check gives up at 1 s, not after the lookup."""
    real = socket.getaddrinfo

    def slow(host: str, *args: object, **kwargs: object) -> object:
        flags = args[4] if len(args) > 4 else kwargs.get("flags", 0)
        if host == "slow-dns.test" and not flags:  # AI_NUMERICHOST never asks a DNS server
            time.sleep(3)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    started = time.monotonic()
    [result] = check_links(["http://slow-dns.test/"], settings=replace(GUARDED, timeout=1.0))
    assert result.outcome is Outcome.TIMEOUT, result
    assert time.monotonic() - started < 2.0


def test_scheduling_is_linear_in_distinct_hosts() -> None:
    """20,000 hosts took about 3.5 s of scheduling alone (every take scanned every host;
    40,000 took 14 s); now 0.1 s."""
    urls = [f"http://host{number}.test/" for number in range(20_000)]
    scheduler = HostScheduler(urls, max_per_host=4, interval=0.0)
    started = time.monotonic()
    handed = []
    while (url := scheduler.take()) is not None:
        handed.append(url)
        scheduler.done(url)
    assert sorted(handed) == sorted(urls)
    assert time.monotonic() - started < 1.5


def test_politeness_still_holds_per_host() -> None:
    urls = [f"http://a.test/{n}" for n in range(3)] + ["http://b.test/0"]
    scheduler = HostScheduler(urls, max_per_host=1, interval=0.0)
    first, second = scheduler.take(), scheduler.take()
    assert {first, second} == {"http://a.test/0", "http://b.test/0"}
    started = time.monotonic()
    scheduler.stop()  # a third take would wait for a.test's slot; stopped, it returns None
    assert scheduler.take() is None
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "1e999"])
def test_a_malformed_retry_after_is_ignored(intranet: LinkServer, value: str) -> None:
    settings = replace(GUARDED, allow_private=True, retries=1)
    [result] = check_links([f"{intranet.base}/rate-limited-garbage/{value}"], settings=settings)
    assert result.outcome is Outcome.INCONCLUSIVE, result
    assert result.status == 429


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timeout", "nan"], "--timeout: must be a finite number, not nan"),
        (["--timeout", "inf"], "--timeout: must be a finite number, not inf"),
        (["--timeout", "1e300"], "--timeout: must be at most 3600"),
        (["--host-interval", "nan"], "--host-interval: must be a finite number"),
        (["--exclude-url", "("], "--exclude-url: '(' is not a regular expression"),
    ],
)
def test_bad_link_numbers_are_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    page = tmp_path / "a.wiki"
    page.write_text("[http://127.0.0.1:9/x x]\n")
    code = main(["links", "--isolated", "--no-cache", str(page), *args])
    _, err = capsys.readouterr()
    assert code == 2
    assert message in err


def test_an_exclude_pattern_cannot_hang_the_run(tmp_path: Path) -> None:
    """A repository's exclude pattern with catastrophic backtracking, and an article URL made
    for it: the URL is skipped after the search's time limit. Run in a subprocess so that a
    regression fails on the timeout instead of hanging the test session."""
    (tmp_path / "wikicheck.toml").write_text("[links]\nexclude = ['(a|aa)+$']\n")
    page = tmp_path / "a.wiki"
    page.write_text(f"[http://127.0.0.1:9/{'a' * 64}b x]\n")
    command = [sys.executable, "-m", "wikicheck", "links", "--no-cache", "--format", "json"]
    run = subprocess.run(
        [*command, str(page)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": SRC, "XDG_CONFIG_HOME": str(tmp_path / "no-config")},
        cwd=tmp_path,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    [result] = json.loads(run.stdout)["links"]
    assert result["outcome"] == "skipped"
    assert "took more than 0.1 s" in result["reason"]
