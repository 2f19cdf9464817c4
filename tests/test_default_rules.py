"""The default rule set: chosen for precision, documented, and measured on today's Wikipedia."""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from types import ModuleType

import pytest

from tests.conftest import ROOT, SHARED
from wikicheck.cli import main
from wikicheck.registry import default_registry


def load_precision_script() -> ModuleType:
    if str(ROOT / "benchmarks") not in sys.path:  # for its sibling module corpus_files
        sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("precision", ROOT / "benchmarks" / "precision.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["precision"] = module  # dataclasses resolve their annotations through it
    spec.loader.exec_module(module)
    return module


def test_every_rule_says_whether_and_why_it_is_default() -> None:
    registry = default_registry()
    for rule in registry.rules:
        assert registry.default_choice(rule).why.strip(), rule.code


@pytest.mark.parametrize(
    ("select", "extend", "expected_in", "expected_out"),
    [
        (None, (), {"WC201", "WC401", "WC601"}, {"WC207", "WC208", "WC501", "WC701"}),
        (None, ("WC207",), {"WC207", "WC201"}, {"WC208"}),
        (("ALL",), (), {"WC207", "WC208", "WC501", "WC211", "WC701"}, set()),
        (("WC2",), (), {"WC207", "WC201"}, {"WC401"}),  # an explicit prefix takes its rules all
    ],
)
def test_selection_starts_from_the_default_set(
    select: tuple[str, ...] | None,
    extend: tuple[str, ...],
    expected_in: set[str],
    expected_out: set[str],
) -> None:
    registry = default_registry()
    codes = {rule.code for rule in registry.select(select, (), extend)}
    assert expected_in <= codes
    assert not expected_out & codes


def test_network_rules_follow_the_default_set_too() -> None:
    codes = {rule.code for rule in default_registry().select(include_network=True)}
    assert {"WC701", "WC702", "WC704"} <= codes
    assert "WC705" not in codes


def test_rules_command_shows_default_and_fix_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:6] == ["code", "name", "family", "severity", "default", "fix"]
    registry = default_registry()
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    for rule in registry.rules:
        assert rows[rule.code][4] == ("yes" if registry.is_default(rule) else "no")
        assert rows[rule.code][5] == rule.fix_availability.value


def test_rule_command_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "WC208"]) == 0
    out = capsys.readouterr().out
    assert "off by default" in out
    assert "MOS:DATEUNIFY" in out


RECENT = SHARED / "corpus" / "recent" / "articles"


@pytest.fixture(scope="module")
def recent_run() -> object:
    if not RECENT.is_dir():
        pytest.skip("../shared/corpus/recent is not present")
    precision = load_precision_script()
    return precision, precision.lint_folder(precision.DEFAULT_TODAY)


@pytest.mark.corpus
def test_default_rules_never_disagree_on_a_span(recent_run: tuple[ModuleType, object]) -> None:
    """No two default findings report the same span with different fixes."""
    _, run = recent_run
    fixes: dict[tuple[str, int, int], set[tuple[object, ...]]] = defaultdict(set)
    for article, finding in run.all_findings():  # type: ignore[attr-defined]
        if finding.fix is not None:
            key = (article, finding.span.start, finding.span.end)
            fixes[key].add(tuple((e.span, e.replacement) for e in finding.fix.edits))
    assert {key: edits for key, edits in fixes.items() if len(edits) > 1} == {}


@pytest.mark.corpus
def test_default_output_is_quiet_and_judged_right(recent_run: tuple[ModuleType, object]) -> None:
    """At most 8 findings per 100 KB; every default rule's judged sample >= 90% right (error
    tier >= 95%), with at least 10 findings (or all of them) judged per rule."""
    precision, run = recent_run
    rows = precision.figures(run, precision.load_judgements())
    assert precision.report(run, rows, "the default rule set") == []
