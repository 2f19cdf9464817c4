"""The whole-article check on the seed: what Wikipedia shows for it, and nothing more."""

from __future__ import annotations

import datetime as dt

import wikicheck
from wikicheck import RuleFamily, Settings

from .conftest import FIXTURES, read_text


def test_seed_citation_findings_are_exactly_the_numeric_names_maintenance() -> None:
    text = read_text(FIXTURES / "niafunke_attack.wiki")
    findings = wikicheck.lint(text, settings=Settings(today=dt.date(2026, 11, 23)))
    citation = [f for f in findings if f.category in (RuleFamily.CITATION, RuleFamily.DATE)]
    assert [(f.code, text[f.span.start : f.span.end]) for f in citation] == [("WC301", "FRANCE 24")]
    assert citation[0].message.startswith("CS1 maint: numeric names: authors list")
    assert citation[0].severity is wikicheck.Severity.WARNING


def test_seed_has_exactly_one_typo_casaulties() -> None:
    text = read_text(FIXTURES / "niafunke_attack.wiki")
    findings = wikicheck.lint(text, settings=Settings(today=dt.date(2026, 11, 23)))
    typos = [f for f in findings if f.category is RuleFamily.TYPO]
    assert [(f.code, text[f.span.start : f.span.end]) for f in typos] == [("WC601", "casaulties")]
    assert typos[0].fix is not None
    assert typos[0].fix.edits[0].replacement == "casualties"
    assert [f.code for f in findings if f.category is RuleFamily.MAINTENANCE] == []
