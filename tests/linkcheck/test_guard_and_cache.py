"""The address guard (no packet to private addresses, on any hop, whatever the spelling) and
the SQLite cache with its failure history."""

from __future__ import annotations

import datetime as dt
import ipaddress
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from wikicheck.linkcheck import guard
from wikicheck.linkcheck.cache import LinkCache, default_cache_path
from wikicheck.linkcheck.checker import check_links
from wikicheck.linkcheck.results import Outcome
from wikicheck.settings import LinkSettings

from .linkserver import LinkServer, serving

FAST = LinkSettings(timeout=5.0, retries=0, host_interval=0.0, allow_private=True)
GUARDED = replace(FAST, allow_private=False)


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with serving() as running:
        yield running


def test_private_addresses_are_blocked_in_every_spelling(server: LinkServer) -> None:
    port = server.server_address[1]
    urls = [
        f"http://127.0.0.1:{port}/ok/1",
        f"http://localhost:{port}/ok/2",
        f"http://2130706433:{port}/ok/3",
        f"http://0x7f.0.0.1:{port}/ok/4",
        f"http://[::ffff:127.0.0.1]:{port}/ok/5",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
    ]
    started = time.monotonic()
    results = check_links(urls, settings=GUARDED)
    assert [result.outcome for result in results] == [Outcome.BLOCKED] * len(urls)
    assert all("private or reserved" in result.reason for result in results)
    assert sum(server.hits.values()) == 0
    assert time.monotonic() - started < 2.0  # refused before connecting, not timed out


def test_a_redirect_to_a_forbidden_address_is_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    # 127.0.0.2 plays a public site, 127.0.0.3 an intranet host it redirects to.
    def forbidden(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return str(address) == "127.0.0.3"

    monkeypatch.setattr(guard, "is_forbidden", forbidden)
    with serving("127.0.0.2") as public, serving("127.0.0.3") as intranet:
        target = f"127.0.0.3:{intranet.server_address[1]}/ok/secret"
        [result] = check_links([f"{public.base}/redirect/{target}"], settings=GUARDED)
        assert result.outcome is Outcome.BLOCKED
        assert public.requests_to(f"/redirect/{target}") == 1
        assert sum(intranet.hits.values()) == 0


def test_dns_rebinding_has_nothing_to_rebind(
    public: LinkServer, intranet: LinkServer, rebinding: list[str]
) -> None:
    """A name that answers "public" to the first lookup and loopback to the next: the socket
    goes to the address that was checked, never to a second lookup's answer."""
    port = public.server_address[1]
    [result] = check_links([f"http://rebind.test:{port}/ok/r"], settings=GUARDED)
    assert result.outcome is Outcome.OK, result
    assert rebinding == ["rebind.test"]  # one lookup, one connection, to the checked address
    assert public.requests_to("/ok/r") == 1
    assert sum(intranet.hits.values()) == 0


def test_second_run_within_the_ttl_sends_nothing(server: LinkServer, tmp_path: Path) -> None:
    urls = [server.base + "/ok/c1", server.base + "/gone/c2"]
    with LinkCache(tmp_path / "links.sqlite3") as cache:
        first = check_links(urls, settings=FAST, cache=cache)
    sent = sum(server.hits.values())
    with LinkCache(tmp_path / "links.sqlite3") as cache:
        second = check_links(urls, settings=FAST, cache=cache)
    assert sum(server.hits.values()) == sent
    assert [r.outcome for r in second] == [r.outcome for r in first]
    assert all(result.cached for result in second)
    assert not any(result.cached for result in first)


def test_expired_results_are_checked_again(server: LinkServer, tmp_path: Path) -> None:
    with LinkCache(tmp_path / "c.sqlite3", ttl=dt.timedelta(0)) as cache:
        check_links([server.base + "/ok/e"], settings=FAST, cache=cache)
        check_links([server.base + "/ok/e"], settings=FAST, cache=cache)
    assert server.requests_to("/ok/e") == 2


def test_a_link_is_confirmed_dead_only_after_repeated_failures_over_days(
    server: LinkServer, tmp_path: Path
) -> None:
    now = [dt.datetime(2026, 11, 1, tzinfo=dt.UTC)]
    url = server.base + "/gone/history"
    verdicts = []
    with LinkCache(tmp_path / "h.sqlite3", ttl=dt.timedelta(0), clock=lambda: now[0]) as cache:
        for days in (0, 1, 4):
            now[0] = dt.datetime(2026, 11, 1, tzinfo=dt.UTC) + dt.timedelta(days=days)
            [result] = check_links([url], settings=FAST, cache=cache)
            verdicts.append((result.history.failures, result.confirmed_dead))
    assert verdicts == [(1, False), (2, False), (3, True)]
    assert "failed 3 times from 2026-11-01 to 2026-11-05; confirmed dead" in (
        result.history.describe()
    )


def test_a_success_clears_the_failure_history(server: LinkServer, tmp_path: Path) -> None:
    url = server.base + "/flaky/x"
    with LinkCache(tmp_path / "s.sqlite3", ttl=dt.timedelta(0)) as cache:
        [failed] = check_links([url], settings=FAST, cache=cache)
        assert (failed.outcome, failed.history.failures) == (Outcome.BROKEN, 1)
        [recovered] = check_links([url], settings=FAST, cache=cache)
        assert (recovered.outcome, recovered.history.failures) == (Outcome.OK, 0)
        assert cache.history(url).failures == 0


def test_default_cache_respects_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "wikicheck" / "links.sqlite3"
