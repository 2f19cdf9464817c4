"""Settings: what to check and how. Immutable; built by the CLI, a config file, or callers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .findings import Severity

DEFAULT_EXTENSIONS = (".wiki", ".wikitext", ".mediawiki")
DEFAULT_PAGE_TIMEOUT = 30.0
"""Seconds per page: the largest article in the shared corpus (330 KB) takes about a second to
parse and lint, a page at MediaWiki's 2 MiB limit about ten."""


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """How the link checker behaves (used by ``wikicheck links`` and ``--check-links``).

    The politeness defaults (4 requests at a time per host, a new one at most every 0.1 s)
    keep a host at or under 10 requests a second, while 32 workers check many hosts at once.
    """

    timeout: float = 10.0
    """Total seconds for one URL, retries and redirects included."""
    workers: int = 32
    max_per_host: int = 4
    host_interval: float = 0.1
    """Seconds between the starts of two requests to the same host."""
    retries: int = 2
    max_retry_wait: float = 10.0
    """The longest ``Retry-After`` honoured; a server asking for more is reported as such."""
    user_agent: str | None = None
    exclude: tuple[str, ...] = ()
    """Regular expressions; a matching URL is ``skipped``."""
    cache_ttl_hours: float = 24.0
    allow_private: bool = False
    trust_env: bool = False
    """Use proxies (and .netrc) from the environment."""


@dataclass(frozen=True, slots=True)
class Settings:
    """``select=None`` means the default rule set (``data/default_rules.toml``) of the rules
    that need no network; ``extend_select`` adds to whatever ``select`` chose.

    ``today`` pins the date that date rules compare against (UTC); ``None`` means the
    current UTC date, read once per run by the engine. ``per_file_ignores`` pairs a glob
    (relative to ``root``) with selectors ignored for matching files.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    today: dt.date | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    fail_on: Severity = Severity.INFO
    page_timeout: float = DEFAULT_PAGE_TIMEOUT
    """Seconds a page may take to parse and lint before it is given up with WC001 (0: no
    budget). Enforced by the runner's and the scan's worker processes, not by ``lint()``."""
    links: LinkSettings = field(default_factory=LinkSettings)
    root: str | None = None
    source: str | None = None
    """The configuration file these settings came from, if any."""
    warnings: tuple[str, ...] = ()
    """What the configuration asked for and did not get (written to stderr by the CLI)."""


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
