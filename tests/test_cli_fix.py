"""--fix, --unsafe-fixes and --diff: edits land, nothing else changes, a second run is a no-op."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wikicheck import Applicability, Edit, Finding, Fix, Position, RuleFamily, Severity, Span
from wikicheck.cli import main
from wikicheck.edits import apply_edits

BROKEN = (
    "== A ==\r\n"
    "Text.<ref>{{cite web |url=https://example.org/a |title=Caf\u00e9 |date=15 Sept 2020 "
    "|deadurl=no |publisher=Press,}}</ref>\r\n"
    "==== Deep ====\r\n"
    "More.\r\n"
    "{{Reflist}}\r\n"
)
SAFE_FIXED = (
    BROKEN.replace("15 Sept 2020", "15 September 2020")
    .replace(" |deadurl=no", "")
    .replace("|publisher=Press,", "|publisher=Press")
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["lint", "--isolated", "--today", "2026-01-15", *args])
    return code, capsys.readouterr().out


def test_fix_keeps_line_endings_encoding_and_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(b"\xef\xbb\xbf" + BROKEN.encode("utf-8"))
    code, out = run(capsys, str(path), "--fix")
    assert path.read_bytes() == b"\xef\xbb\xbf" + SAFE_FIXED.encode("utf-8")
    assert "Fixed 3 findings." in out
    assert "WC101" in out  # the unsafe fix was not applied
    assert code == 1
    code, out = run(capsys, str(path), "--fix")
    assert path.read_bytes() == b"\xef\xbb\xbf" + SAFE_FIXED.encode("utf-8")  # idempotent
    assert "Fixed" not in out


def test_unsafe_fixes_and_legacy_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(BROKEN.encode("latin-1"))
    code, _ = run(capsys, str(path), "--fix", "--unsafe-fixes", "--encoding", "latin-1")
    expected = SAFE_FIXED.replace("==== Deep ====", "=== Deep ===")
    assert path.read_bytes() == expected.encode("latin-1")
    assert code == 0


def test_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(BROKEN, newline="")
    before = path.read_bytes()
    code, out = run(capsys, str(path), "--diff")
    assert path.read_bytes() == before
    assert code == 1
    assert f"--- a/{path}" in out
    assert "-Text.<ref>{{cite web" in out
    assert "+Text.<ref>{{cite web" in out
    assert "15 September 2020" in out


def test_fix_on_stdin_prints_the_fixed_text() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wikicheck",
            "lint",
            "--isolated",
            "-",
            "--fix",
            "--today",
            "2026-01-15",
        ],
        input=BROKEN.encode(),
        capture_output=True,
        check=False,
    )
    assert result.stdout.decode() == SAFE_FIXED
    assert "Fixed 3 findings." in result.stderr.decode()


def test_parallel_output_matches_serial(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(12):
        (tmp_path / f"{index:02}.wiki").write_text(BROKEN.replace("Deep", f"Deep {index}"))
    (tmp_path / "bad.wiki").write_bytes(b"\xff\xfe broken")
    serial = run(capsys, str(tmp_path), "--jobs", "1", "--format", "json")
    parallel = run(capsys, str(tmp_path), "--jobs", "2", "--format", "json")
    assert serial == parallel
    assert serial[0] == 2  # one file could not be read; the others were linted


def test_a_fix_that_changes_nothing_is_not_counted() -> None:
    noop = Fix("Keep it", (Edit(Span(0, 3), "abc"),), Applicability.SAFE)
    finding = Finding(
        "WC101", "heading-level-skip", RuleFamily.STRUCTURE, Severity.WARNING, "m", "p",
        Span(0, 3), Position(1, 1), Position(1, 4), noop,
    )  # fmt: skip
    assert apply_edits("abcdef", [finding]) == ("abcdef", 0)
