"""Numbers the README states about the rules are the registry's numbers."""

from __future__ import annotations

import re

from wikicheck.registry import default_registry

from .conftest import ROOT


def test_rule_counts_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rules = default_registry().rules
    total = re.search(r"^(\d+) rules;", readme, re.MULTILINE)
    assert total is not None
    assert int(total.group(1)) == len(rules)
    cs1 = re.search(r"\| (\d+) CS1 error and maintenance conditions", readme)
    assert cs1 is not None
    assert int(cs1.group(1)) == sum(rule.code.startswith("WC3") for rule in rules)
