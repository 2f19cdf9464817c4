"""The command line, run for real: exit codes, formats, errors that name the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wikicheck.cli import main

from .conftest import FIXTURES

SEED = str(FIXTURES / "niafunke_attack.wiki")
NESTED = str(FIXTURES / "nested_sections.wiki")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", SEED, "--select", "WC1")
    assert code == 0
    assert out == "No findings in 1 file.\n"


def test_findings_exit_1_with_path_line_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", NESTED)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{NESTED}:7:3: WC111 [*] infobox field")
    assert lines[1:6] == [  # the code frame: the source line, the flagged range, the fix
        "  |",
        "7 | | population_total = 1,204",
        "  |   ^^^^^^^^^^^^^^^^",
        '  = help: Remove the unused "population_total" (safe)',
        "",
    ]
    assert lines[6].startswith(f"{NESTED}:22:1: WC101 heading level skips from 3 to 5")
    assert lines[-1].startswith("Found 4 findings (4 warnings) in 1 file.")
    assert "WC407 bare URL as the whole reference" in out


def test_json_output_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", NESTED, SEED, "--format", "json", "--today", "2025-01-01")
    assert code == 1
    document = json.loads(out)
    assert document["version"] == 1
    assert [entry["path"] for entry in document["files"]] == [NESTED, SEED]
    finding = document["files"][0]["findings"][0]
    assert set(finding) >= {
        "code",
        "rule",
        "category",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    }
    assert finding["code"] == "WC111"
    assert finding["data"] == {}
    entry = document["files"][0]
    assert entry["fixed"] == 0
    assert set(entry["maintenance"]) == {
        "total",
        "inline",
        "banners",
        "undated",
        "by_kind",
        "oldest",
        "oldest_age_months",
        "by_month",
    }
    assert finding["fix"]["applicability"] == "safe"
    seed = document["files"][1]
    assert seed["error"] is None
    assert [(f["code"], f["line"], f["column"]) for f in seed["findings"]] == [
        ("WC301", 25, 1713),
        ("WC601", 25, 1810),
    ]
    assert seed["findings"][1]["data"] == {
        "word": "casaulties",
        "suggestions": ["casualties"],
        "confidence": 0.65,
        "source": "model",
    }
    assert seed["findings"][0]["message"].startswith("CS1 maint: numeric names: authors list")


def test_unknown_selector_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", SEED, "--select", "WC999"]) == 2
    assert "'WC999' matches no rule" in capsys.readouterr().err


def test_bad_today_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["lint", SEED, "--today", "yesterday"])
    assert raised.value.code == 2


def test_bad_files_are_reported_and_the_rest_still_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invalid = tmp_path / "latin1.wiki"
    invalid.write_bytes("== A ==\nCaf\xe9\n".encode("latin-1"))
    binary = tmp_path / "image.wiki"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    missing = tmp_path / "missing.wiki"
    code, out, _ = run(capsys, "lint", str(invalid), str(binary), str(missing), NESTED)
    assert code == 2
    assert f"{invalid}: error: line 2, column 4: is not valid utf-8: byte 0xe9" in out
    assert f"{binary}: error: looks like a binary file" in out
    assert f"{missing}: error: no such file or directory" in out
    assert "WC101" in out  # the good file was still linted
    assert "3 files could not be checked" in out


def test_encoding_option_reads_legacy_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = tmp_path / "latin1.wiki"
    legacy.write_bytes("Caf\xe9.\n== A ==\n==== B ====\nx\n".encode("latin-1"))
    code, out, _ = run(capsys, "lint", str(legacy), "--encoding", "latin-1")
    assert code == 1
    assert f"{legacy}:3:1: WC101" in out


def test_bom_and_directories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.wiki").write_bytes(b"\xef\xbb\xbf== A ==\n==== B ====\nx\n")
    (tmp_path / "notes.txt").write_text("== A ==\n==== B ====\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, _ = run(capsys, "lint", str(tmp_path), str(empty))
    assert code == 2
    assert f"{tmp_path / 'sub' / 'a.wiki'}:2:1: WC101" in out  # BOM does not shift columns
    assert "notes.txt" not in out
    assert f"{empty}: error: no wikitext files" in out


def test_parse_json_and_outline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", SEED)
    assert code == 0
    model = json.loads(out)
    assert model["version"] == 1
    assert [s["title"] for s in model["sections"]] == [None, "Background", "Attack", "References"]
    code, out, _ = run(capsys, "parse", SEED, "--format", "outline")
    assert "  Background  [21:1]" in out


def test_rules_and_rule_docs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert "WC101  heading-level-skip" in out
    code, out, _ = run(capsys, "rule", "duplicate-infobox-field")
    assert out.startswith("WC111 duplicate-infobox-field\n")
    assert "Use instead:" in out


def test_stdin_with_filename() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wikicheck", "lint", "-", "--stdin-filename", "Page.wiki"],
        input=b"== A ==\n==== B ====\nx\n",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.decode().startswith("Page.wiki:2:1: WC101")


def test_console_script_is_installed() -> None:
    result = subprocess.run(["wikicheck", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("wikicheck ")
