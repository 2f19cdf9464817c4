"""Settings: what to check and how. Immutable; built by the CLI, a config file, or callers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .findings import Severity

DEFAULT_EXTENSIONS = (".wiki", ".wikitext", ".mediawiki")


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """How the link checker behaves (used by ``wikicheck links`` and ``--check-links``)."""

    timeout: float = 10.0
    max_per_host: int = 2
    user_agent: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """``select=None`` means every rule that needs no network.

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
    links: LinkSettings = field(default_factory=LinkSettings)
    root: str | None = None
    source: str | None = None
    """The configuration file these settings came from, if any."""


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
