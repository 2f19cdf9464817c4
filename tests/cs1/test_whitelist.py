"""The per-template parameter whitelists: generated from the module, and read as it reads them."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from wikicheck import Settings, lint
from wikicheck.cs1.params import enum_name, parameter_table, whitelist
from wikicheck.resources import load_toml

from ..conftest import IN_CI, ROOT, SHARED

MODULES = SHARED / "reference" / "wikipedia-modules"
CHECKED_IN = ROOT / "src" / "wikicheck" / "data" / "cs1_whitelist.toml"


def _builder() -> ModuleType:
    path = ROOT / "scripts" / "build_cs1_whitelist.py"
    spec = importlib.util.spec_from_file_location("build_cs1_whitelist", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _require_modules() -> Path:
    """Skip locally when ../shared is absent; in CI its absence is a failure."""
    if MODULES.is_dir():
        return MODULES
    if IN_CI:
        pytest.fail(f"the reference modules are missing at {MODULES}")
    pytest.skip("../shared/reference/wikipedia-modules is not present on this machine")


def test_checked_in_file_is_what_the_generator_writes() -> None:
    modules = _require_modules()
    expected = _builder().render(modules)
    assert CHECKED_IN.read_text(encoding="utf-8") == expected, (
        "run: python scripts/build_cs1_whitelist.py"
    )


def test_generator_reads_every_whitelist_entry() -> None:
    """Every ['name'] = true/false/'tracked'/nil line of the Lua file is in the data."""
    modules = _require_modules()
    source = (modules / "Citation-CS1-Whitelist.lua").read_text(encoding="utf-8")
    entries = len(re.findall(r"^\s*\['[^']+'\]\s*=\s*(?:true|false|nil|'tracked')", source, re.M))
    data = tomllib.loads(_builder().render(modules))
    written = sum(len(names) for table in data["lists"].values() for names in table.values())
    for group in ("preprint", "unique"):
        written += sum(len(names) for t in data[group].values() for names in t.values())
    assert written == entries > 450


def test_lua_table_reader() -> None:
    lua = """
    local x = {
        ['a-b'] = true,    -- comment with { brace
        c = { ['d'] = false, ["e"] = 'tracked', },
        --[[ block { comment ]]
        ['f'] = nil;
    }
    local function after () return 1 + 2 end
    """
    assert _builder().read_local_table(lua, "x") == {
        "a-b": "true",
        "c": {"d": "false", "e": "'tracked'"},
        "f": "nil",
    }


def test_cs1_templates_are_the_modules_classes() -> None:
    """templates.toml says which templates are CS1; the module's class map must agree."""
    cs1 = set(load_toml("templates.toml")["citations"]["cs1"])
    assert cs1 == set(whitelist().classes)


def test_removed_parameters_are_in_no_list() -> None:
    accepted = whitelist()
    for name in parameter_table().removed:
        for template in (*accepted.classes, None):
            assert not accepted.accepts(name, template), (name, template)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("last25", "last#"),
        ("author2-first", "author#-first"),
        ("author2link", "author#link"),
        ("s2cid", "s2cid"),
        ("s2cid-access", "s2cid-access"),
        ("title", "title"),
        ("editor12-last", "editor#-last"),
    ],
)
def test_enum_name(name: str, expected: str) -> None:
    assert enum_name(name) == expected


@pytest.mark.parametrize(
    ("name", "template", "accepted"),
    [
        ("class", "Cite arXiv", True),
        ("class", "Cite web", False),
        ("eprint", "Cite arXiv", True),
        ("publisher", "Cite bioRxiv", False),
        ("publisher", "Cite web", True),
        ("url", "Cite SSRN", False),
        ("ssrn-access", "Cite SSRN", True),
        ("language", "Cite medRxiv", True),
        ("lang", "Cite medRxiv", False),
        ("citeseerx", "Cite CiteSeerX", True),
        ("author30-link", "Cite arXiv", True),
        ("editor1", "Cite arXiv", False),
        ("people", "Cite AV media", True),
        ("people", "Cite AV media notes", False),
        ("season", "Cite episode", True),
        ("episode", "Cite serial", True),
        ("episode", "Cite episode", False),
        ("sheets", "Cite map", True),
        ("degree", "Cite thesis", True),
        ("docket", "Cite report", True),
        ("message-id", "Cite newsgroup", True),
        ("mailing-list", "Cite mailing list", True),
        ("event", "Cite speech", True),
        ("book-title", "Cite conference", True),
        ("book-title", "Citation", False),
        ("publisher", "Cite document", True),
        ("translator3-last", "Cite document", True),
        ("url", "Cite document", False),
        ("people", None, False),  # the shared lists only (the missing-pipe check)
        ("access-date", None, True),
        ("last#", "Cite web", False),  # '#' is reserved
        ("Title", "Cite web", False),  # case-sensitive
    ],
)
def test_accepts(name: str, template: str | None, accepted: bool) -> None:
    assert whitelist().accepts(name, template) is accepted


def test_deprecated_and_tracked_states() -> None:
    """The states the module can give (none is deprecated in the revision read)."""
    base = whitelist()
    changed = type(base)(
        classes=base.classes,
        common={**base.common, "old": "deprecated", "watched": "tracked"},
        limited=base.limited,
        document=base.document,
        preprint=base.preprint,
        unique=base.unique,
    )
    assert changed.state("old", "Cite web") == "deprecated"
    assert changed.state("old", "Cite web", empty=True) is None  # empty deprecated = unknown
    assert changed.state("watched", "Cite web") == "tracked"


def test_messages_follow_the_template() -> None:
    settings = Settings(select=("WC331", "WC332"))
    messages = [
        f.message
        for f in lint(
            "{{cite arXiv |eprint=1 |title=T |deadurl=yes |Class=x}}\n"
            "{{cite web |url=https://example.org/a |title=T |Class=x}}",
            settings=settings,
        )
    ]
    assert messages == [
        "Unknown parameter |deadurl= ignored",
        "Unknown parameter |Class= ignored (|class= suggested)",
        "Unknown parameter |Class= ignored",
    ]
