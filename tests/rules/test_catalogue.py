"""Meta-tests: every rule is documented, tested by cases, and its docs examples are true."""

from __future__ import annotations

import datetime as dt

import pytest

from wikicheck import Settings, lint
from wikicheck.registry import Registry, default_registry
from wikicheck.rules import ALL_RULES, FixAvailability, Rule

from .case_loader import load_cases
from .test_cases import _settings

ENGINE_RULES = {"WC000", "WC001"}  # emitted by the engine, not by wikitext
RULES = default_registry().rules


def _code_block(text: str) -> str:
    return "\n".join(line for line in text.splitlines()).strip() + "\n"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_has_failing_and_passing_cases(rule: Rule) -> None:
    cases = [case for case in load_cases() if case.rule == rule.code]
    assert any(not case.expect for case in cases), f"{rule.code} has no passing case"
    if rule.code not in ENGINE_RULES:
        assert any(case.expect for case in cases), f"{rule.code} has no failing case"
    if rule.fix_availability is not FixAvailability.NONE:
        assert any(case.fixed is not None for case in cases), f"{rule.code} has no fixed case"


@pytest.mark.parametrize(
    "rule", [rule for rule in RULES if rule.code not in ENGINE_RULES], ids=lambda rule: rule.code
)
def test_docstring_examples_are_true(rule: Rule) -> None:
    example = _code_block(rule.sections["Example"])
    use_instead = _code_block(rule.sections["Use instead"])
    failing = next(case for case in load_cases() if case.rule == rule.code and case.expect)
    settings = Settings(
        select=(rule.code, *failing.also_select),
        today=dt.date(2026, 1, 15),
        rule_options=failing.config,
    )
    links = failing.links
    assert any(f.code == rule.code for f in lint(example, settings=settings, links=links)), example
    assert not lint(use_instead, settings=settings, links=links), use_instead


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_declared_fix_availability_is_what_the_cases_produce(rule: Rule) -> None:
    """NONE: no finding has a fix; ALWAYS: every one has; SOMETIMES: the cases show both."""
    with_fix = without_fix = 0
    for case in load_cases():
        if case.rule != rule.code:
            continue
        for finding in lint(case.wikitext, settings=_settings(case), links=case.links):
            if finding.code == rule.code:
                with_fix += finding.fix is not None
                without_fix += finding.fix is None
    produced = {
        FixAvailability.NONE: with_fix == 0,
        FixAvailability.ALWAYS: without_fix == 0,
        FixAvailability.SOMETIMES: with_fix > 0 and without_fix > 0,
    }
    assert produced[rule.fix_availability], (
        f"{rule.code} declares fix_availability={rule.fix_availability.value}; its cases give "
        f"{with_fix} findings with a fix and {without_fix} without"
    )


def test_registry_rejects_duplicates() -> None:
    with pytest.raises(ValueError, match="duplicate rule code"):
        Registry([*ALL_RULES, ALL_RULES[0]])


def test_selection_longest_match_wins() -> None:
    registry = default_registry()
    codes = [rule.code for rule in registry.select(["WC1"], ignore=["WC10"])]
    assert codes == ["WC111"]
    codes = [rule.code for rule in registry.select(["WC101"], ignore=["WC1"])]
    assert codes == ["WC101"]
    codes = [rule.code for rule in registry.select(["empty-section"])]
    assert codes == ["WC103"]
    assert "WC101" not in [rule.code for rule in registry.select(None, ignore=["WC1"])]
