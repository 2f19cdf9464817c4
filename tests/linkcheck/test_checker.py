"""The link checker against a real threaded server on loopback: every outcome class, the
deadline, retries, the body cap, and the address guard. No mock of requests anywhere."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from wikicheck.linkcheck.checker import check_links
from wikicheck.linkcheck.results import Outcome
from wikicheck.settings import LinkSettings

from .linkserver import LinkServer, serving

FAST = LinkSettings(timeout=5.0, retries=1, host_interval=0.0, allow_private=True)


@pytest.fixture(scope="module")
def server() -> Iterator[LinkServer]:
    with serving() as running:
        yield running


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("path", "outcome", "status", "reason"),
    [
        ("/ok/a", Outcome.OK, 200, "200 OK"),
        ("/temporary/", Outcome.OK, 200, "after a temporary redirect"),
        ("/moved/new", Outcome.REDIRECTED, 200, "moved permanently to http://"),
        ("/gone/", Outcome.BROKEN, 410, "410 Gone"),
        ("/missing", Outcome.BROKEN, 404, "404 Not Found"),
        ("/error/", Outcome.BROKEN, 500, "server error 500"),
        ("/loop/", Outcome.BROKEN, 301, "redirect loop"),
        ("/chain/0", Outcome.BROKEN, None, "too many redirects"),
        ("/to-error-page/", Outcome.BROKEN, 200, "redirected to an error page"),
        ("/to-front/deep/page", Outcome.INCONCLUSIVE, 200, "front page"),
        ("/bot-wall/", Outcome.INCONCLUSIVE, 403, "bot protection"),
        ("/rate-limited-long/", Outcome.INCONCLUSIVE, 429, "asked to wait 3600 s"),
        ("/no-head/", Outcome.OK, 200, "200 OK"),
        ("/forbid-head/", Outcome.OK, 200, "200 OK"),
    ],
)
def test_outcome_classes(
    server: LinkServer, path: str, outcome: Outcome, status: int | None, reason: str
) -> None:
    [result] = check_links([server.base + path], settings=FAST)
    assert result.outcome is outcome, result
    assert result.status == status
    assert reason in result.reason
    assert result.elapsed_ms >= 0


def test_permanent_redirect_suggests_the_new_url(server: LinkServer) -> None:
    [result] = check_links([server.base + "/moved/x"], settings=FAST)
    assert result.suggested_url == server.base + "/ok/x"
    assert result.final_url == server.base + "/ok/x"
    assert result.redirects == 1


def test_head_refused_falls_back_to_get(server: LinkServer) -> None:
    check_links([server.base + "/no-head/count"], settings=FAST)
    assert server.hits[("HEAD", "/no-head/count")] == 1
    assert server.hits[("GET", "/no-head/count")] == 1


def test_retry_after_is_honoured(server: LinkServer) -> None:
    started = time.monotonic()
    [result] = check_links([server.base + "/rate-limited/once"], settings=FAST)
    assert result.outcome is Outcome.OK
    assert time.monotonic() - started >= 1.0  # waited the Retry-After: 1
    assert server.requests_to("/rate-limited/once") == 2


def test_server_errors_are_retried(server: LinkServer) -> None:
    check_links([server.base + "/error/retried"], settings=replace(FAST, retries=2))
    # HEAD and the GET fallback are each tried once and retried twice.
    assert server.hits[("HEAD", "/error/retried")] == 3
    assert server.hits[("GET", "/error/retried")] == 3


def test_slow_drip_headers_end_at_the_deadline(server: LinkServer) -> None:
    started = time.monotonic()
    [result] = check_links([server.base + "/drip/"], settings=replace(FAST, timeout=2.0))
    elapsed = time.monotonic() - started
    assert result.outcome is Outcome.TIMEOUT
    assert "within 2 s" in result.reason
    assert elapsed < 4.0, elapsed  # the server would go on for 30 s


def test_huge_body_is_never_downloaded(server: LinkServer) -> None:
    started = time.monotonic()
    [result] = check_links([server.base + "/big/"], settings=FAST)
    assert result.outcome is Outcome.OK
    assert time.monotonic() - started < 3.0
    time.sleep(0.2)
    assert server.body_bytes_sent < 64 * 1024**2  # socket buffers at most, not 4 GiB


def test_closed_port_is_unreachable() -> None:
    [result] = check_links([f"http://127.0.0.1:{_closed_port()}/"], settings=FAST)
    assert result.outcome is Outcome.UNREACHABLE
    assert result.reason == "connection refused"


def test_unknown_host_is_unreachable() -> None:
    [result] = check_links(["http://no-such-host.invalid/page"], settings=FAST)
    assert result.outcome is Outcome.UNREACHABLE
    assert "DNS" in result.reason


def test_skipped_urls_send_nothing(server: LinkServer) -> None:
    settings = replace(FAST, exclude=(r"/excluded/",))
    results = check_links(
        ["ftp://example.org/file", "mailto:someone@example.org", server.base + "/excluded/1"],
        settings=settings,
    )
    assert [result.outcome for result in results] == [Outcome.SKIPPED] * 3
    assert server.requests_to("/excluded/1") == 0


def test_distinct_urls_are_checked_once_in_input_order(server: LinkServer) -> None:
    urls = [server.base + "/ok/d2", server.base + "/ok/d1", server.base + "/ok/d2"]
    results = check_links(urls, settings=FAST)
    assert [result.url for result in results] == urls[:2]
    assert server.requests_to("/ok/d2") == 1


def test_protocol_relative_urls_are_fetched_over_https() -> None:
    [result] = check_links([f"//127.0.0.1:{_closed_port()}/x"], settings=FAST)
    assert result.url.startswith("//")
    assert result.final_url is not None
    assert result.final_url.startswith("https://")
