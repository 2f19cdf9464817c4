"""Generated documentation stays in step with the code."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def test_rules_doc_is_current() -> None:
    spec = importlib.util.spec_from_file_location("rules_doc", ROOT / "scripts" / "rules_doc.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "run: python scripts/rules_doc.py > docs/rules.md"
