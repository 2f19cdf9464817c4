"""Output formats for CI: SARIF for code scanning, GitHub annotations, statistics, colour."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from sarif_pydantic import Sarif

from wikicheck.cli import main

from .conftest import FIXTURES, ROOT

NESTED = str(FIXTURES / "nested_sections.wiki")
SEED = str(FIXTURES / "niafunke_attack.wiki")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["lint", "--isolated", "--today", "2026-11-23", *args])
    return code, capsys.readouterr().out


def test_sarif_is_what_github_code_scanning_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.wiki")
    code, out = run(capsys, NESTED, SEED, missing, "--format", "sarif")
    assert code == 2
    document = json.loads(out)
    Sarif.model_validate(document)  # the SARIF 2.1.0 object model
    assert document["version"] == "2.1.0"
    assert document["$schema"].endswith("sarif-2.1.0.json")
    (sarif_run,) = document["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "wikicheck"
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids))
    assert "WC301" in ids
    assert all(
        rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        for rule in driver["rules"]
    )
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    results = sarif_run["results"]
    assert {result["ruleId"] for result in results} == {
        "WC101",
        "WC103",
        "WC111",
        "WC301",
        "WC407",
        "WC601",
    }
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["region"]["startLine"] >= 1
        assert location["region"]["startColumn"] >= 1
        assert result["level"] in ("error", "warning", "note")
    seed = next(result for result in results if result["ruleId"] == "WC301")
    assert seed["locations"][0]["physicalLocation"]["region"]["startLine"] == 25
    assert seed["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1713
    fixable = next(result for result in results if result["ruleId"] == "WC111")
    assert fixable["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": ""
    }
    notification = sarif_run["invocations"][0]["toolExecutionNotifications"][0]
    assert "no such file" in notification["message"]["text"]


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, SEED, "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        f"::warning file={SEED},line=25,col=1713,endLine=25,endColumn=1722,"
        "title=WC301 digits-in-name::CS1 maint: numeric names: authors list: "
        "|last=FRANCE 24 mixes digits into a name; if it is an organisation, write "
        "|last=((FRANCE 24))",
        f"::warning file={SEED},line=25,col=1810,endLine=25,endColumn=1820,"
        'title=WC601 misspelling::"casaulties" is probably a misspelling of "casualties" '
        "(confidence 0.65)",
    ]


def test_github_escapes_properties_and_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "a:b,c.wiki"
    odd.write_text("== A ==\n==== 100% ====\nx\n")
    _, out = run(capsys, str(odd), "--format", "github", "--select", "WC101")
    assert f"file={tmp_path!s}/a%3Ab%2Cc.wiki," in out
    assert "==== 100%25 ====" in out


def test_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, NESTED, SEED, "--statistics")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 6
    assert "WC111\t[*] duplicate-infobox-field" in out
    assert all(line.split("\t")[0].strip() == "1" for line in lines)


def test_colour_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    _, plain = run(capsys, NESTED)
    _, coloured = run(capsys, NESTED, "--color", "always")
    assert "\033[" not in plain
    assert "\033[33mWC101\033[0m" in coloured


def test_example_workflow_is_a_valid_github_workflow() -> None:
    workflow = ROOT / "docs" / "examples" / "wikicheck.yml"
    result = subprocess.run(
        ["check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    steps = yaml.safe_load(workflow.read_text())["jobs"]["wikicheck"]["steps"]
    assert any("--format sarif" in step.get("run", "") for step in steps)
    assert any(
        step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps
    )
    assert workflow.read_text().strip() in (ROOT / "docs" / "ci.md").read_text()
