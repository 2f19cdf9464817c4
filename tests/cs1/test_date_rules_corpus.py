"""The date-format rules over both corpus folders: never two different fixes for one span,
and a format fix never moves the day it rewrites (29 February included)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from wikicheck import Finding, Settings, lint
from wikicheck.cs1.date_grammar import CitationDate
from wikicheck.cs1.dates import DateKind, parse_date

from ..conftest import CORPUS_ARTICLES, read_text, require_corpus

TODAY = dt.date(2026, 11, 30)
FOLDERS = (CORPUS_ARTICLES, CORPUS_ARTICLES.parent / "recent" / "articles")
DATE_RULES = ("WC201", "WC207", "WC208", "WC209", "WC316")


def _articles() -> list[Path]:
    return sorted(path for folder in FOLDERS for path in folder.glob("*.wiki"))


@pytest.fixture(scope="module")
def date_findings() -> list[tuple[Path, str, list[Finding]]]:
    """Every article with the date rules' findings, linted once for both tests."""
    require_corpus()
    settings = Settings(select=DATE_RULES, today=TODAY)
    linted = []
    for path in _articles():
        text = read_text(path)
        linted.append((path, text, lint(text, settings=settings)))
    return linted


@pytest.mark.corpus
def test_no_span_gets_two_different_date_fixes(
    date_findings: list[tuple[Path, str, list[Finding]]],
) -> None:
    conflicts: list[str] = []
    checked = 0
    for path, text, findings in date_findings:
        fixes: dict[tuple[int, int], set[tuple[str, str]]] = defaultdict(set)
        for finding in findings:
            for edit in finding.fix.edits if finding.fix else ():
                fixes[(edit.span.start, edit.span.end)].add((finding.code, edit.replacement))
        for (start, end), offered in fixes.items():
            checked += 1
            if len({replacement for _code, replacement in offered}) > 1:
                conflicts.append(f"{path.name} {text[start:end]!r}: {sorted(offered)}")
    assert checked > 0
    assert conflicts == []


@pytest.mark.corpus
def test_format_fixes_keep_the_day(date_findings: list[tuple[Path, str, list[Finding]]]) -> None:
    moved: list[str] = []
    for path, text, findings in date_findings:
        for finding in findings:
            if finding.code not in ("WC207", "WC208"):
                continue
            assert finding.fix is not None
            (edit,) = finding.fix.edits
            before = parse_date(text[edit.span.start : edit.span.end], DateKind.DATE, TODAY)
            after = parse_date(edit.replacement, DateKind.DATE, TODAY)
            assert isinstance(before, CitationDate)
            assert isinstance(after, CitationDate)
            if (before.first, before.last) != (after.first, after.last):
                moved.append(f"{path.name}: {before.raw!r} -> {after.raw!r}")
    assert moved == []
