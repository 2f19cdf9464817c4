"""The wikilint comparison's kind table and matching (benchmarks/wikilint_compare.py).

The comparison itself runs wikilint under Node.js and is a benchmark; these tests need
neither node nor the network.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ROOT
from wikicheck.registry import default_registry

# The benchmark scripts are not a package: import this one by its folder.
sys.path.insert(0, str(ROOT / "benchmarks"))
compare: ModuleType = importlib.import_module("wikilint_compare")


def test_every_registered_syntax_rule_maps_to_a_break_kind() -> None:
    kinds = compare.load_kinds()
    codes = [rule.code for rule in default_registry().rules]
    assert compare.unmapped_codes(codes, kinds) == []


def test_a_syntax_rule_without_a_kind_is_caught() -> None:
    kinds = compare.load_kinds()
    assert compare.unmapped_codes(["WC101", "WC899", "WC111"], kinds) == ["WC899"]


def test_codes_outside_the_syntax_family_in_the_table_are_registered() -> None:
    registered = {rule.code for rule in default_registry().rules}
    stale = {c for c in compare.load_kinds().codes() if not c.startswith("WC8")} - registered
    assert stale == set()


def test_an_entry_with_an_unknown_kind_is_rejected(tmp_path: Path) -> None:
    table = tmp_path / "kinds.toml"
    table.write_text(
        '[kinds.unclosed-tag]\ngoal = true\nabout = "x"\n'
        '[[wikicheck]]\ncode = "WC801"\nkind = "unclosed-tags"\n'
    )
    with pytest.raises(ValueError, match="unknown kind 'unclosed-tags'"):
        compare.load_kinds(table)


@pytest.mark.parametrize(
    ("rule", "message", "source", "kind"),
    [
        ("unmatched-tag", "unclosed tag", "<span>", "unclosed-tag"),
        ("unmatched-tag", "unmatched closing tag", "</span>", "stray-closing-tag"),
        ("tag-like", 'lonely "<"', '</ref name"natgeo">', "ref-unclosed-or-junk"),
        ("tag-like", 'lonely "<"', "</a> |first=", "broken-tag"),
        ("no-duplicate", "duplicate HTML id", 'id="K"', "duplicate-id"),
        ("no-duplicate", "duplicate image caption parameter", "lright|", "bogus-image-option"),
        ("no-duplicate", "duplicate template parameter", "|a=1", "duplicate-template-parameter"),
        ("nested-link", "internal link in an external link", "[[X]]", "wikilink-in-extlink"),
        ("some-new-rule", "anything", "", "wikilint:some-new-rule"),
    ],
)
def test_wikilint_findings_map_by_rule_message_and_source(
    rule: str, message: str, source: str, kind: str
) -> None:
    assert compare.load_kinds().classify("wikilint", rule, message, source) == kind


def mark(article: str, tool: str, kind: str, line: int, end_line: int | None = None) -> Any:
    label = "some-rule" if tool == "wikilint" else "WC899"
    end = line if end_line is None else end_line
    return compare.Mark(article, tool, label, kind, "message", line, end, 1, 0)


def judgement(article: str, line: int, kind: str, tool: str, right: bool) -> Any:
    return compare.Judgement(article, line, kind, tool, right, "why")


# A made-up corpus: a.wiki has an unclosed tag both tools see (wikicheck's finding spans
# lines 3-5, wikilint's sits on line 4), a stray tag only wikilint sees, and an obsolete tag
# wikicheck reports under another kind on the same line; b.wiki has a bracket only wikicheck
# sees and the same line number as a.wiki's unclosed tag (articles must not mix).
MARKS = [
    mark("a.wiki", "wikilint", "unclosed-tag", 4),
    mark("a.wiki", "wikicheck", "unclosed-tag", 3, 5),
    mark("a.wiki", "wikilint", "stray-closing-tag", 9),
    mark("a.wiki", "wikilint", "obsolete-tag", 12),
    mark("a.wiki", "wikicheck", "unclosed-tag", 12),
    mark("b.wiki", "wikicheck", "lonely-bracket", 4),
    mark("b.wiki", "wikilint", "unclosed-tag", 7),
]


def test_matching_needs_same_article_kind_and_overlapping_lines() -> None:
    wikilint = [m for m in MARKS if m.tool == "wikilint"]
    wikicheck = [m for m in MARKS if m.tool == "wikicheck"]
    found = compare.matched(wikilint, wikicheck)
    assert [(m.article, m.kind, m.line) for m in found] == [("a.wiki", "unclosed-tag", 4)]
    assert compare.matched(wikicheck, wikilint) == {MARKS[1]}


def test_figures_count_both_sides_precision_and_recall() -> None:
    judgements = [
        judgement("a.wiki", 4, "unclosed-tag", "wikilint", True),  # found by wikicheck
        judgement("b.wiki", 7, "unclosed-tag", "wikilint", True),  # missed by wikicheck
        judgement("a.wiki", 9, "stray-closing-tag", "wikilint", False),
        judgement("a.wiki", 3, "unclosed-tag", "wikicheck", True),
        judgement("a.wiki", 12, "unclosed-tag", "wikicheck", False),
        judgement("a.wiki", 20, "unclosed-tag", "wikilint", True),  # no such finding: gone
    ]
    rows = {r.kind: r for r in compare.figures(MARKS, judgements, compare.load_kinds())}
    unclosed = rows["unclosed-tag"]
    assert unclosed.goal
    assert unclosed.counts == {"wikilint": 2, "wikicheck": 2}
    assert (unclosed.both, unclosed.only_wikicheck, unclosed.gone) == (1, 1, 1)
    assert unclosed.precision("wikilint") == 1.0
    assert unclosed.precision("wikicheck") == 0.5
    assert (unclosed.true_positives, unclosed.recalled, unclosed.recall) == (2, 1, 0.5)
    stray = rows["stray-closing-tag"]
    assert (stray.counts["wikilint"], stray.both, stray.precision("wikilint")) == (1, 0, 0.0)
    assert stray.recall is None  # no true positive to find
    assert rows["lonely-bracket"].only_wikicheck == 1
    assert rows["obsolete-tag"].counts == {"wikilint": 1, "wikicheck": 0}


def test_utf16_columns_become_offsets() -> None:
    source = compare.Source("ab\n😀x<span>\n")
    # wikilint counts the emoji as two UTF-16 units: 1-based column 3 is the "x".
    assert source.text[source.offset(2, 3)] == "x"
    assert source.text[source.offset(2, 4) :].startswith("<span>")
    assert source.offset(1, 1) == 0


def test_the_judged_wikilint_sample_is_well_formed() -> None:
    kinds = compare.load_kinds()
    judgements = compare.load_judgements()
    assert judgements, "benchmarks/judged/wikilint_wikilint.tsv is missing"
    for j in judgements:
        assert j.kind in kinds.goal, j
        assert j.why.strip(), j
