"""``check_links``: every distinct URL checked once, from the cache when it is fresh, the rest
over HTTP on worker threads with per-host politeness."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import requests

from .._version import __version__
from ..errors import ConfigError
from ..settings import LinkSettings
from .archives import archive_copy
from .cache import LinkCache
from .probe import ProbeSettings, probe
from .results import History, LinkResult, Outcome
from .scheduler import run_polite
from .transport import new_session

DEFAULT_USER_AGENT = (
    f"wikicheck/{__version__} (https://pypi.org/project/wikicheck/; link checker for wikitext)"
)


def fetch_url(url: str) -> str:
    """The URL to request: protocol-relative links (``//host/path``) are read as https, as
    Wikipedia serves them."""
    url = url.strip()
    return "https:" + url if url.startswith("//") else url


# An exclude pattern may come from a repository's configuration and a URL from an article:
# together they must not be able to hang the run with catastrophic backtracking.
EXCLUDE_TIMEOUT = 0.1


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> Any:
    """``pattern`` compiled by the ``regex`` module (Python's ``re`` syntax), which can stop a
    search after a time limit; ValueError when it is not a regular expression."""
    import regex

    try:
        return regex.compile(pattern)
    except regex.error as error:
        raise ValueError(str(error)) from None


def exclusion(url: str, pattern: str) -> str | None:
    """Why ``pattern`` excludes ``url``, or None. A search that takes more than
    :data:`EXCLUDE_TIMEOUT` excludes the URL (it is not checked) rather than hang the run."""
    try:
        compiled = compile_pattern(pattern)
    except ValueError as error:
        raise ConfigError(f"{pattern!r} is not a regular expression: {error}") from None
    try:
        found = compiled.search(url, timeout=EXCLUDE_TIMEOUT) is not None
    except TimeoutError:
        return f"the exclude pattern {pattern!r} took more than {EXCLUDE_TIMEOUT:g} s on it"
    return f"excluded by the pattern {pattern!r}" if found else None


def skip_reason(url: str, exclude: Iterable[str] = ()) -> str | None:
    """Why ``url`` is not checked over HTTP, or None when it is."""
    target = fetch_url(url)
    try:
        parts = urlsplit(target)
        host = parts.hostname
    except ValueError as error:
        return f"not a valid URL: {error}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"not an http(s) URL (scheme {parts.scheme or 'missing'!r})"
    if not host:
        return "no host name"
    for pattern in exclude:
        reason = exclusion(target, pattern)
        if reason is not None:
            return reason
    return None


def check_links(
    urls: Iterable[str],
    *,
    settings: LinkSettings | None = None,
    cache: LinkCache | None = None,
    progress: bool = False,
) -> list[LinkResult]:
    """Check each distinct URL once; results in the order the URLs were first given.

    >>> [result.outcome.value for result in check_links(["mailto:a@example.org"])]
    ['skipped']
    """
    settings = settings or LinkSettings()
    distinct = list(dict.fromkeys(url.strip() for url in urls if url.strip()))
    results: dict[str, LinkResult] = {}
    to_fetch: list[str] = []
    for url in distinct:
        reason = skip_reason(url, settings.exclude)
        cached = None if cache is None or reason else cache.fresh(url)
        if reason is not None:
            results[url] = LinkResult(url, Outcome.SKIPPED, reason)
        elif cached is not None:
            results[url] = cached
        else:
            to_fetch.append(url)
    if to_fetch:
        results.update(_fetch_all(to_fetch, settings, cache, progress))
    return [replace(results[url], archive=archive_copy(url)) for url in distinct]


def _this_run_only(result: LinkResult) -> LinkResult:
    """Without a cache the history is this run's single observation."""
    now = dt.datetime.now(dt.UTC)
    history = History(1, now, now) if result.outcome.is_failure else History()
    return replace(result, checked_at=now, history=history)


def _fetch_all(
    urls: list[str], settings: LinkSettings, cache: LinkCache | None, progress: bool
) -> dict[str, LinkResult]:
    from tqdm import tqdm

    probe_settings = ProbeSettings(
        timeout=settings.timeout,
        allow_private=settings.allow_private,
        trust_env=settings.trust_env,
    )
    user_agent = settings.user_agent or DEFAULT_USER_AGENT

    def make_session() -> requests.Session:
        return new_session(
            user_agent,
            retries=settings.retries,
            max_wait=settings.max_retry_wait,
            trust_env=settings.trust_env,
        )

    def work(url: str, session: requests.Session) -> LinkResult:
        return replace(probe(session, fetch_url(url), probe_settings), url=url)

    results: dict[str, LinkResult] = {}
    bar = tqdm(
        total=len(urls), unit="URL", desc="checking links", file=sys.stderr,
        disable=not progress, leave=False,
    )  # fmt: skip

    def collect(url: str, result: LinkResult) -> None:
        results[url] = cache.record(result) if cache is not None else _this_run_only(result)
        bar.update()

    try:
        run_polite(
            urls,
            work,
            make_session,
            workers=settings.workers,
            max_per_host=settings.max_per_host,
            interval=settings.host_interval,
            on_result=collect,
        )
    finally:
        bar.close()
    return results
