"""Control characters from article text never reach a terminal or a CI log raw.

A value like ``x\\n::error file=INJECTED.py,line=1::INJECTED`` must not print a line that a
GitHub Actions runner reads as a workflow command, and ESC/OSC/bidi sequences must not reach
the terminal: every human-facing format shows them escaped; JSON and SARIF escape them by
construction (checked here too).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wikicheck.cli import main
from wikicheck.reporters.escape import visible, visible_lines

HOSTILE_VALUE = (
    "x\n::error file=INJECTED.py,line=1::INJECTED \x1b]0;pwned\x07\x1b[2J\u202e\u2028\x85"
)
ARTICLE = (
    "{{cite web |url=https://example.org/a |title=T |access-date=" + HOSTILE_VALUE + "}}\n"
    "{{cite web |url=https://example.org/b |title=T |date=15 Sept 2020}}\n"
)
# What must never appear in human-facing output: controls other than tab and the line feeds
# the format itself writes.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["lint", "--isolated", "--jobs", "1", "--today", "2026-01-15", *args])
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "a.wiki"
    path.write_text(ARTICLE, newline="")
    return path


@pytest.mark.parametrize(
    "options",
    [["--format", "text"], ["--format", "github"], ["--statistics"], ["--diff"]],
    ids=["text", "github", "statistics", "diff"],
)
def test_human_formats_escape_control_characters(
    hostile: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    out = lint(capsys, str(hostile), *options)
    assert not RAW.search(out), repr(out)
    for line in out.splitlines():
        assert not line.startswith("::") or line.startswith(("::error file=", "::warning file="))
        assert "INJECTED.py,line" not in line.split("::")[1] if line.startswith("::") else True


def test_text_shows_the_escaped_value_on_the_finding_line(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = lint(capsys, str(hostile))
    [line] = [line for line in out.splitlines() if "WC201" in line and "access-date" in line]
    assert '"x\\n::error file=INJECTED.py,line=1::INJECTED \\x1b]0;pwned\\x07' in line
    assert "\\u202e\\u2028\\x85" in line


def test_github_escapes_by_its_own_rules_then_shows_the_rest(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = lint(capsys, str(hostile), "--format", "github")
    [line] = [line for line in out.splitlines() if "access-date" in line]
    assert "x%0A::error file=INJECTED.py,line=1::INJECTED \\x1b]0;pwned\\x07" in line


def test_a_hostile_path_is_escaped_in_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "a\n::error::x\x1b[31m.wiki")
    out = lint(capsys, missing)
    assert not RAW.search(out)
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "a\\n::error::x\\x1b[31m.wiki: error: no such file or directory" in out


def test_diff_keeps_its_own_line_breaks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    out = lint(capsys, str(path), "--diff")
    assert "+{{cite web |url=https://example.org/b |title=T |date=15 September 2020}}\r\n" in out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_formats_escape_by_construction(
    hostile: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = lint(capsys, str(hostile), "--format", fmt)
    # JSON escapes every C0 control inside strings: no line of the output starts with "::",
    # no ESC reaches whoever prints it. (C1 and bidi characters pass as themselves: a JSON
    # consumer reads them as data.)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f]", out)
    assert not any(line.startswith("::") for line in out.splitlines())
    assert any(HOSTILE_VALUE in text for text in _strings(json.loads(out)))  # the value survives


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def test_visible() -> None:
    assert visible("a\tb\r\n\x00\x7f\x9b\u200f\u2066") == "a\tb\\r\\n\\x00\\x7f\\x9b\\u200f\\u2066"
    assert visible("plain — text é") == "plain — text é"
    assert visible_lines("a\x1b\r\nb\rc\n") == "a\\x1b\r\nb\\rc\n"
