"""Check one URL: HEAD first, GET when HEAD is refused, redirects followed by hand, all under
one total deadline (name lookups included); then name what happened. Every connection, on
every hop, goes through the address guard in the transport."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import requests

from .archives import archive_copy
from .deadline import DeadlineExceeded, deadline
from .guard import BlockedAddress, LookupTimedOut, NameNotResolved
from .responses import RateLimited
from .results import ArchiveCopy, LinkResult, Outcome

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
# Answers that say "not for you" rather than "not here": a human should look.
_WALLS = frozenset({401, 402, 403, 407, 451, 999})
_GONE = frozenset({404, 410})
_ERROR_PAGE_MARKERS = ("/404", "notfound", "not-found", "page-not-found", "error404")


@dataclass(frozen=True, slots=True)
class ProbeSettings:
    timeout: float = 10.0
    max_redirects: int = 10
    allow_private: bool = False
    trust_env: bool = False


@dataclass(slots=True)
class _Exchange:
    """What was seen so far, kept for the result even when the check ends in an error."""

    url: str
    current: str
    chain: list[str]
    suggested: str | None = None
    permanent_so_far: bool = True


def probe(session: requests.Session, url: str, settings: ProbeSettings) -> LinkResult:
    """Check ``url`` over HTTP(S) and classify the answer. Never raises for network trouble."""
    started = time.monotonic()
    archive = archive_copy(url)  # archives redirect inside themselves: not a "moved" page
    exchange = _Exchange(url, url, [url])
    with deadline(settings.timeout, allow_private=settings.allow_private) as budget:
        try:
            result = _follow(session, exchange, settings, archive)
        except Exception as error:  # every failure becomes an outcome; see _failure
            result = _failure(error, exchange, settings, budget.fired)
        if budget.fired and result.outcome is not Outcome.BLOCKED:
            result = _timed_out(exchange, settings)
    elapsed = round((time.monotonic() - started) * 1000)
    return replace(result, elapsed_ms=elapsed)


def _follow(
    session: requests.Session,
    exchange: _Exchange,
    settings: ProbeSettings,
    archive: ArchiveCopy | None,
) -> LinkResult:
    for _hop in range(settings.max_redirects + 1):
        response = _request(session, exchange.current, settings)
        status = response.status_code
        location = response.headers.get("location")
        if status not in _REDIRECTS or not location:
            return _classify(exchange, status, response.headers, archive)
        target = urljoin(exchange.current, location)
        if target in exchange.chain:
            chain = " → ".join([*exchange.chain, target])
            return _result(exchange, Outcome.BROKEN, f"redirect loop: {chain}", status)
        if status in _PERMANENT and exchange.permanent_so_far:
            exchange.suggested = target
        else:
            exchange.permanent_so_far = False
        exchange.chain.append(target)
        exchange.current = target
    return _result(
        exchange, Outcome.BROKEN, f"too many redirects (more than {settings.max_redirects})"
    )


def _request(session: requests.Session, url: str, settings: ProbeSettings) -> requests.Response:
    """HEAD, then GET when HEAD gets an error status (many servers refuse or mishandle HEAD).

    The GET is streamed and closed unread: the status and headers decide, never the body.
    """
    response = session.head(url, allow_redirects=False, timeout=_timeouts(settings))
    response.close()
    if response.status_code < 400 or response.status_code == 429:
        return response
    response = session.get(url, allow_redirects=False, stream=True, timeout=_timeouts(settings))
    response.close()
    return response


def _timeouts(settings: ProbeSettings) -> tuple[float, float]:
    # The watchdog ends the check at the deadline; these only stop a silent socket sooner.
    return (min(settings.timeout, 10.0), settings.timeout)


def _classify(
    exchange: _Exchange,
    status: int,
    headers: requests.structures.CaseInsensitiveDict[str],
    archive: ArchiveCopy | None,
) -> LinkResult:
    phrase = _phrase(status)
    if 200 <= status < 300:
        return _success(exchange, status, phrase, archive)
    if status in _REDIRECTS:
        return _result(exchange, Outcome.BROKEN, f"{phrase} without a Location header", status)
    if status == 429:
        return _result(exchange, Outcome.INCONCLUSIVE, "rate limited (429) after retries", status)
    if status in _WALLS or "cf-mitigated" in headers:
        wall = " (bot protection)" if "cf-mitigated" in headers or status == 999 else ""
        reason = f"{phrase}{wall}: the server refuses wikicheck, not necessarily a reader"
        return _result(exchange, Outcome.INCONCLUSIVE, reason, status)
    if status in _GONE:
        return _result(exchange, Outcome.BROKEN, phrase, status)
    if 400 <= status < 500:
        return _result(exchange, Outcome.BROKEN, f"client error {phrase}", status)
    if status >= 500:
        return _result(exchange, Outcome.BROKEN, f"server error {phrase}, after retries", status)
    return _result(exchange, Outcome.INCONCLUSIVE, f"unexpected status {phrase}", status)


def _success(
    exchange: _Exchange, status: int, phrase: str, archive: ArchiveCopy | None
) -> LinkResult:
    if archive is not None or len(exchange.chain) == 1:
        return _result(exchange, Outcome.OK, phrase, status)
    final = urlsplit(exchange.current)
    if any(marker in final.path.lower() for marker in _ERROR_PAGE_MARKERS):
        reason = f"redirected to an error page ({exchange.current})"
        return _result(exchange, Outcome.BROKEN, reason, status)
    if final.path in ("", "/") and urlsplit(exchange.url).path not in ("", "/"):
        reason = "redirected to the site's front page (the page was probably removed)"
        return _result(exchange, Outcome.INCONCLUSIVE, reason, status)
    if exchange.suggested and exchange.suggested != exchange.url:
        result = _result(
            exchange, Outcome.REDIRECTED, f"moved permanently to {exchange.suggested}", status
        )
        return replace(result, suggested_url=exchange.suggested)
    return _result(exchange, Outcome.OK, f"{phrase} after a temporary redirect", status)


def _failure(
    error: Exception, exchange: _Exchange, settings: ProbeSettings, fired: bool
) -> LinkResult:
    if isinstance(error, BlockedAddress):
        return _result(exchange, Outcome.BLOCKED, str(error))
    if isinstance(error, RateLimited):
        return _result(exchange, Outcome.INCONCLUSIVE, str(error), 429)
    if isinstance(error, NameNotResolved):
        return _result(exchange, Outcome.UNREACHABLE, "DNS: the host name does not resolve")
    if fired or isinstance(error, DeadlineExceeded | LookupTimedOut | requests.Timeout):
        return _timed_out(exchange, settings)
    cause = _root_cause(error)
    if isinstance(error, requests.exceptions.SSLError):
        return _result(exchange, Outcome.UNREACHABLE, f"TLS error: {cause}")
    if isinstance(error, requests.exceptions.InvalidURL | ValueError):
        return _result(exchange, Outcome.BROKEN, f"invalid URL: {cause}")
    if isinstance(error, requests.ConnectionError):
        return _result(exchange, Outcome.UNREACHABLE, _connection_reason(cause))
    return _result(exchange, Outcome.UNREACHABLE, f"{type(cause).__name__}: {cause}")


def _timed_out(exchange: _Exchange, settings: ProbeSettings) -> LinkResult:
    reason = f"no complete answer within {settings.timeout:g} s"
    return _result(exchange, Outcome.TIMEOUT, reason)


def _root_cause(error: BaseException) -> BaseException:
    seen: set[int] = set()
    while id(error) not in seen:
        seen.add(id(error))
        inner = getattr(error, "reason", None)
        if not isinstance(inner, BaseException):
            inner = (error.args[0] if error.args else None) or error.__cause__
        if not isinstance(inner, BaseException):
            break
        error = inner
    return error


def _connection_reason(cause: BaseException) -> str:
    text = str(cause)
    if "NameResolution" in type(cause).__name__ or "resolve" in text.lower():
        return "DNS: the host name does not resolve"
    if isinstance(cause, ConnectionRefusedError) or "refused" in text.lower():
        return "connection refused"
    if isinstance(cause, ConnectionResetError) or "reset" in text.lower():
        return "connection reset by the server"
    if "RemoteDisconnected" in type(cause).__name__ or "closed" in text.lower():
        return "the server closed the connection without an answer"
    return f"connection failed: {text}"


def _phrase(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _result(
    exchange: _Exchange, outcome: Outcome, reason: str, status: int | None = None
) -> LinkResult:
    return LinkResult(
        url=exchange.url,
        outcome=outcome,
        reason=reason,
        status=status,
        final_url=exchange.current,
        redirects=len(exchange.chain) - 1,
    )
