"""The command line of the link checker: ``wikicheck links`` and ``lint --check-links``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import link_number_problem
from .errors import InputError, WikicheckError
from .inputs import expand, read
from .links import LinkSource, link_sources
from .net.cache import LinkCache, default_cache_path
from .net.checker import check_links, compile_pattern
from .net.results import LinkResult
from .parse import parse
from .reporters.links import render_json, render_text
from .settings import LinkSettings, Settings

if TYPE_CHECKING:
    from .wiki import Page


def add_link_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("link checking")
    group.add_argument(
        "--timeout", type=float, help="seconds for one URL, retries included (default 10)"
    )
    group.add_argument("--workers", type=int, help="URLs checked at once (default 32)")
    group.add_argument("--max-per-host", type=int, help="requests at once to one host (default 4)")
    group.add_argument(
        "--host-interval", type=float, help="seconds between requests to one host (default 0.1)"
    )
    group.add_argument(
        "--exclude-url", action="append", default=[], metavar="REGEX", help="skip matching URLs"
    )
    group.add_argument(
        "--allow-private",
        action="store_true",
        help="allow loopback, private and link-local addresses (tests, intranet wikis)",
    )
    group.add_argument(
        "--trust-env", action="store_true", help="use proxies and .netrc from the environment"
    )
    group.add_argument("--cache", type=Path, metavar="PATH", help="link cache file (SQLite)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    group.add_argument(
        "--cache-ttl-hours", type=float, help="reuse results younger than this (default 24)"
    )
    group.add_argument("--quiet", action="store_true", help="no progress bar")


def link_settings(args: argparse.Namespace, base: LinkSettings) -> LinkSettings:
    """The configuration's [links] table with the command-line options on top."""
    changes: dict[str, Any] = {}
    for name in ("timeout", "workers", "max_per_host", "host_interval", "cache_ttl_hours"):
        value = getattr(args, name, None)
        if value is not None:
            option = name.replace("_", "-")
            problem = link_number_problem(option, value)
            if problem is not None:
                raise WikicheckError(f"--{option}: {problem}")
            changes[name] = value
    if args.exclude_url:
        for pattern in args.exclude_url:
            try:
                compile_pattern(pattern)
            except ValueError as error:
                raise WikicheckError(
                    f"--exclude-url: {pattern!r} is not a regular expression: {error}"
                ) from None
        changes["exclude"] = (*base.exclude, *args.exclude_url)
    if args.allow_private:
        changes["allow_private"] = True
    if args.trust_env:
        changes["trust_env"] = True
    return replace(base, **changes)


def announce(settings: LinkSettings) -> None:
    """Say on stderr when a setting that weakens the network guard is on (it can come only
    from the command line or the user's own configuration, never from a repository's)."""
    if settings.allow_private:
        sys.stderr.write(
            "wikicheck: warning: --allow-private is on: loopback, private and link-local "
            "addresses may be contacted\n"
        )
    if settings.trust_env:
        sys.stderr.write(
            "wikicheck: warning: --trust-env is on: proxies and .netrc credentials from the "
            "environment are used\n"
        )


def fetch_wiki(args: argparse.Namespace, settings: Settings) -> list[Page]:
    """The pages of ``lint --wiki API_URL --title ...``, with the link options' guard and
    deadline (3 × --timeout for each batch of 50 titles)."""
    from .wiki import fetch_pages  # requests is imported only when a wiki is asked for

    links = link_settings(args, settings.links)
    announce(links)
    return fetch_pages(
        args.wiki,
        args.title,
        allow_private=links.allow_private,
        trust_env=links.trust_env,
        timeout=links.timeout * 3,
    )


def open_cache(args: argparse.Namespace, settings: LinkSettings) -> LinkCache | None:
    if args.no_cache:
        return None
    path = args.cache or default_cache_path()
    try:
        return LinkCache(path, ttl=dt.timedelta(hours=settings.cache_ttl_hours))
    except OSError as error:
        raise WikicheckError(f"{path}: cannot open the link cache: {error}") from None


def check_with_cache(
    urls: Iterable[str], args: argparse.Namespace, settings: LinkSettings
) -> list[LinkResult]:
    announce(settings)
    cache = open_cache(args, settings)
    progress = not args.quiet and sys.stderr.isatty()
    try:
        return check_links(urls, settings=settings, cache=cache, progress=progress)
    finally:
        if cache is not None:
            cache.close()


def run_links(args: argparse.Namespace, settings: Settings, color: bool) -> int:
    """Exit 0 when no URL failed, 1 when one is broken, unreachable or timing out, 2 when an
    input could not be read."""
    sources: dict[str, list[LinkSource]] = defaultdict(list)
    problems = 0
    for path, problem in expand(args.paths, settings.extensions):
        try:
            if problem is not None:
                raise problem
            for url, source in link_sources(parse(read(path, args.encoding).text), path):
                sources[url].append(source)
        except InputError as error:
            problems += 1
            where = "" if error.line is None else f"{error.line}:{error.column}: "
            sys.stderr.write(f"wikicheck: error: {path}: {where}{error.reason}\n")
        except RecursionError:
            problems += 1
            sys.stderr.write(f"wikicheck: error: {path}: nesting too deep to parse\n")
    link_config = link_settings(args, settings.links)
    results = check_with_cache(sources, args, link_config)
    if args.format == "json":
        sys.stdout.write(render_json(results, sources) + "\n")
    else:
        sys.stdout.write(render_text(results, sources, color=color, verbose=args.verbose))
    if problems:
        return 2
    return 1 if any(result.outcome.is_failure for result in results) else 0
