"""Archive URLs are recognised with their service, original URL and snapshot time."""

from __future__ import annotations

import pytest

from wikicheck.linkcheck.archives import archive_copy


@pytest.mark.parametrize(
    ("url", "service", "original", "timestamp"),
    [
        ("https://web.archive.org/web/20190102030405/http://example.org/a?b=c",
         "Wayback Machine", "http://example.org/a?b=c", "20190102030405"),
        ("http://archive.org/web/2019id_/https://example.org/",
         "Wayback Machine", "https://example.org/", "2019"),
        ("https://web.archive.org/save/https://example.org/", "Wayback Machine", None, None),
        ("https://archive.ph/2021.05.04-101010/https://example.org/x",
         "archive.today", "https://example.org/x", "2021.05.04-101010"),
        ("https://archive.today/AbCdE", "archive.today", None, None),
        ("https://wayback.archive-it.org/1234/20200101000000/http://example.gov/",
         "Archive-It", "http://example.gov/", "20200101000000"),
        ("https://webarchive.nationalarchives.gov.uk/ukgwa/20200101000000/https://www.gov.uk/x",
         "UK Government Web Archive", "https://www.gov.uk/x", "20200101000000"),
        ("https://archive.wikiwix.com/cache/index2.php?url=http%3A%2F%2Fexample.fr%2Fa",
         "Wikiwix", "http://example.fr/a", None),
        ("https://www.webcitation.org/6ABCDEF", "WebCite", None, None),
    ],
)  # fmt: skip
def test_archive_urls(url: str, service: str, original: str | None, timestamp: str | None) -> None:
    copy = archive_copy(url)
    assert copy is not None
    assert (copy.service, copy.original, copy.timestamp) == (service, original, timestamp)


@pytest.mark.parametrize(
    "url", ["https://example.org/web/2019/x", "https://archive.org.example.com/web/1/x"]
)
def test_other_urls_are_not_archives(url: str) -> None:
    assert archive_copy(url) is None
