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

from ..errors import WikicheckError
from ..linkcheck.results import LinkResult
from ..settings import LinkSettings, Settings
from .common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    add_output,
    add_quiet,
    color,
    print_error,
    resolve_settings,
    write_output,
)

if TYPE_CHECKING:
    from ..linkcheck.cache import LinkCache
    from ..linkcheck.wiki import Page


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


def link_settings(args: argparse.Namespace, base: LinkSettings) -> LinkSettings:
    """The configuration's [links] table with the command-line options on top."""
    from ..config_schema import link_number_problem
    from ..linkcheck.checker import compile_pattern

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
    from ..linkcheck.wiki import fetch_pages  # requests is imported only when a wiki is asked for

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
    from ..linkcheck.cache import LinkCache, default_cache_path

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
    from ..linkcheck.checker import check_links

    announce(settings)
    cache = open_cache(args, settings)
    progress = not args.quiet and sys.stderr.isatty()
    try:
        return check_links(urls, settings=settings, cache=cache, progress=progress)
    finally:
        if cache is not None:
            cache.close()


def run_links(args: argparse.Namespace) -> int:
    """Exit 0 when no URL failed, 1 when one is broken, unreachable or timing out, 2 when an
    input could not be read."""
    from ..inputs import expand
    from ..linkcheck.urls import LinkSource
    from ..reporters.links import render_json, render_text
    from ..runner import Job, job_links

    settings = resolve_settings(args, args.paths[0])
    sources: dict[str, list[LinkSource]] = defaultdict(list)
    problems = 0
    jobs = []
    for path, problem in expand(args.paths, settings.extensions):
        if problem is not None:
            problems += 1
            print_error(f"{path}: {problem.reason}")
        else:
            jobs.append(Job(path, path))
    for found in job_links(jobs, args.encoding, settings.page_timeout):
        if found.error is not None:
            problems += 1
            print_error(f"{found.shown}: {found.error}")
        for url, source in found.sources:
            sources[url].append(source)
    link_config = link_settings(args, settings.links)
    results = check_with_cache(sources, args, link_config)
    failed = any(result.outcome.is_failure for result in results)
    if args.format == "json":
        output = render_json(results, sources) + "\n"
    else:
        paint = color(args.color) and args.output_file is None
        output = render_text(results, sources, color=paint, verbose=args.verbose)
    if args.quiet < 2 and (args.quiet == 0 or failed or problems or args.format == "json"):
        write_output(output, args.output_file)
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed and not args.exit_zero else EXIT_CLEAN


def add_links_parser(commands: Any) -> None:
    links = commands.add_parser("links", help="check the external URLs of wikitext files")
    links.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    links.add_argument("--format", choices=["text", "json"], default="text")
    links.add_argument("--verbose", action="store_true", help="list the URLs that are ok too")
    links.add_argument("--config", type=Path, help="configuration file")
    links.add_argument("--isolated", action="store_true", help="ignore configuration files")
    links.add_argument("--encoding", default="utf-8", help="encoding of the input files")
    links.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    links.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when a URL failed (2 stays 2)"
    )
    add_output(links)
    add_quiet(links)
    add_link_options(links)
