"""Recognise web-archive URLs (Wayback Machine, archive.today, ...) from ``data/archives.toml``."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import unquote

from ..resources import load_toml
from .results import ArchiveCopy


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (entry["service"], re.compile(entry["pattern"], re.IGNORECASE))
        for entry in load_toml("archives.toml")["archive"]
    )


def archive_copy(url: str) -> ArchiveCopy | None:
    """The archive service, original URL and snapshot timestamp of ``url``, or None.

    >>> copy = archive_copy("https://web.archive.org/web/20200101000000/http://example.org/a")
    >>> copy.service, copy.original, copy.timestamp
    ('Wayback Machine', 'http://example.org/a', '20200101000000')
    >>> archive_copy("https://example.org/") is None
    True
    """
    for service, pattern in _patterns():
        match = pattern.match(url)
        if match:
            groups = match.groupdict()
            original = groups.get("original")
            if original and service == "Wikiwix":
                original = unquote(original)
            return ArchiveCopy(service, original, groups.get("timestamp"))
    return None
