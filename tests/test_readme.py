"""The README's library examples are doctests: they must keep telling the truth."""

from __future__ import annotations

import doctest

import pytest

from .conftest import ROOT


def test_readme_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, verbose=False)
    assert result.attempted >= 8
    assert result.failed == 0


@pytest.mark.parametrize(
    "module",
    [
        "wikicheck",
        "wikicheck.pipeline",
        "wikicheck.linkcheck.archives",
        "wikicheck.linkcheck.checker",
    ],
)
def test_module_docstring_examples(module: str) -> None:
    imported = __import__(module, fromlist=["_"])
    result = doctest.testmod(imported, verbose=False)
    assert result.attempted >= 1
    assert result.failed == 0
