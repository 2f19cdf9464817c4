"""One meaning for selectors in --select/--ignore, per-file-ignores and suppression comments."""

from __future__ import annotations

from pathlib import Path

import pytest

import wikicheck
from wikicheck import Settings
from wikicheck.config import load_config
from wikicheck.registry import default_registry
from wikicheck.selection import matches, specificity

REPEATED = "The the bridge opened.\n"


def codes(select: list[str] | None, ignore: tuple[str, ...] = ()) -> set[str]:
    return {rule.code for rule in default_registry().select(select, list(ignore))}


def test_ignore_by_code_wins_over_select_by_name() -> None:
    assert codes(["repeated-word"], ("WC602",)) == set()
    assert codes(["WC602"], ("repeated-word",)) == set()


def test_a_family_selects_its_code_prefix() -> None:
    assert codes(["typo"]) == codes(["WC6"]) == {"WC601", "WC602"}
    assert codes(["typo"], ("WC6",)) == set()  # equally specific: ignore wins
    assert codes(["WC602"], ("typo",)) == {"WC602"}  # a full code is more specific


@pytest.mark.parametrize(
    ("selector", "expected"),
    [("ALL", 1), ("WC6", 3), ("wc60", 4), ("typo", 3), ("WC602", 5), ("repeated-word", 5),
     ("WC7", 0), ("link", 0), ("repeated", 0)],
)  # fmt: skip
def test_specificity(selector: str, expected: int) -> None:
    assert specificity(selector, "WC602", "repeated-word") == expected
    assert matches(selector, "WC602", "repeated-word") is (expected > 0)


def test_per_file_ignores_take_families() -> None:
    settings = Settings(select=("WC602",), per_file_ignores=(("*.wiki", ("typo",)),))
    assert wikicheck.lint(REPEATED, path="a.wiki", settings=settings) == []
    assert [f.code for f in wikicheck.lint(REPEATED, path="a.txt", settings=settings)] == ["WC602"]


@pytest.mark.parametrize("selector", ["WC602", "wc6", "repeated-word", "typo", "all"])
def test_suppression_comments_take_every_kind_of_selector(selector: str) -> None:
    text = f"<!-- wikicheck: disable-next-line {selector} -->\n{REPEATED}"
    assert wikicheck.lint(text, select=["WC602", "WC002"]) == []


def test_unknown_family_or_name_is_an_error() -> None:
    with pytest.raises(wikicheck.UnknownRuleError):
        default_registry().select(["typos"])


# Renamed rules (data/rule_redirects.toml): an old name keeps naming its rule everywhere.


def test_old_names_resolve_to_the_renamed_rules() -> None:
    registry = default_registry()
    assert registry.get("numeric-names").name == "digits-in-name"
    assert registry.get("numeric-name").name == "name-without-letters"
    assert codes(["numeric-names"]) == {"WC301"}
    assert codes(["WC3"], ("numeric-name",)) == codes(["WC3"]) - {"WC302"}


NUMERIC = "Text.<ref>{{cite book |title=T |last=1984}}</ref>\n"


def test_old_names_in_select_and_ignore() -> None:
    assert [f.code for f in wikicheck.lint(NUMERIC, select=["numeric-name"])] == ["WC302"]
    assert wikicheck.lint(NUMERIC, select=["WC302"], ignore=["numeric-name"]) == []


def test_old_names_in_per_file_ignores() -> None:
    settings = Settings(select=("WC302",), per_file_ignores=(("*.wiki", ("numeric-name",)),))
    assert wikicheck.lint(NUMERIC, path="a.wiki", settings=settings) == []


def test_old_names_in_suppression_comments() -> None:
    text = f"<!-- wikicheck: disable-next-line numeric-name -->\n{NUMERIC}"
    assert wikicheck.lint(text, select=["WC302", "WC002"]) == []


def test_old_names_in_a_configuration_file(tmp_path: Path) -> None:
    config = tmp_path / "wikicheck.toml"
    config.write_text('select = ["numeric-names"]\nignore = ["numeric-name"]\n', encoding="utf-8")
    settings = load_config(config)
    assert settings.select == ("numeric-names",)
    assert codes(list(settings.select or ()), settings.ignore) == {"WC301"}
