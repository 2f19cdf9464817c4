"""``import wikicheck`` and ``wikicheck --version`` stay lean: no network, SQLite, dump or
progress-bar module, and (for --version) not the rules either. Checked in a fresh interpreter,
since this test process has imported everything already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

NEVER = (
    "requests",
    "urllib3",
    "http.client",
    "sqlite3",
    "mwxml",
    "tqdm",
    "regex",
    "wikicheck.linkcheck.transport",
    "wikicheck.linkcheck.deadline",
    "wikicheck.linkcheck.responses",
    "wikicheck.linkcheck.cache",
    "wikicheck.scan",
    "wikicheck.scan.dumps",
)


def modules_after(code: str) -> set[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_import_wikicheck_loads_no_network_sqlite_dump_or_progress_module() -> None:
    loaded = modules_after("import wikicheck")
    assert loaded.isdisjoint(NEVER), sorted(loaded & set(NEVER))
    assert "wikicheck" in loaded


def test_version_loads_neither_the_rules_nor_the_network() -> None:
    code = (
        "from wikicheck.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    )
    loaded = modules_after(code)
    assert loaded.isdisjoint(NEVER), sorted(loaded & set(NEVER))
    assert not {name for name in loaded if name.startswith("wikicheck.rules")}
    assert "wikicheck.cli" in loaded


@pytest.mark.parametrize(
    ("name", "module"),
    [("lint", "wikicheck.pipeline"), ("check_links", "wikicheck.linkcheck.checker")],
)
def test_lazy_public_names_still_import(name: str, module: str) -> None:
    loaded = modules_after(f"import wikicheck\nwikicheck.{name}")
    assert module in loaded
