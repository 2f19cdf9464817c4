"""Runs every rule case: wikitext in, exact codes and positions out, and fixes that hold."""

from __future__ import annotations

import datetime as dt

import pytest

from wikicheck import Finding, Settings, lint
from wikicheck.edits import fix_until_stable

from .case_loader import Case, load_cases

DEFAULT_TODAY = dt.date(2026, 1, 15)


def _render(finding: Finding) -> str:
    return (
        f"{finding.start.line}:{finding.start.column}-"
        f"{finding.end.line}:{finding.end.column} {finding.code}"
    )


def _settings(case: Case) -> Settings:
    return Settings(
        select=(case.rule, *case.also_select),
        today=case.today or DEFAULT_TODAY,
        rule_options=case.config,
    )


@pytest.mark.parametrize("case", load_cases(), ids=lambda case: case.id)
def test_case(case: Case) -> None:
    findings = lint(case.wikitext, settings=_settings(case), links=case.links)
    assert sorted(_render(finding) for finding in findings) == sorted(case.expect)
    if case.messages is not None:
        assert [finding.message for finding in findings] == list(case.messages)
    for finding in findings:
        assert finding.message
        assert not finding.message.endswith(".")
        assert 0 <= finding.span.start <= finding.span.end <= len(case.wikitext)
    if case.fixed is not None:
        fixed, _ = fix_until_stable(
            case.wikitext,
            lambda text: lint(text, settings=_settings(case), links=case.links),
            unsafe=True,
        )
        assert fixed == case.fixed
        remaining = [
            f for f in lint(fixed, settings=_settings(case), links=case.links) if f.fix is not None
        ]
        assert remaining == [] or fixed == case.wikitext
