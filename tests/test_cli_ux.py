"""The command line a ruff user expects (issue 18): no abbreviated options, repeatable
selection, --exclude/--force-exclude, --exit-zero, -o, -q, --show-fixes, --watch,
--add-suppressions, code frames, readable diffs, scan --fail-on."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from wikicheck.cli import main

from .conftest import FIXTURES

NESTED = str(FIXTURES / "nested_sections.wiki")
SKIP = "== A ==\n==== B ====\nText.\n"  # one WC101 (unsafe fix), nothing else


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_no_option_is_taken_for_a_longer_one(capsys: pytest.CaptureFixture[str]) -> None:
    # argparse's prefix matching took --exclude-u for --exclude-url; now only whole names work
    with pytest.raises(SystemExit) as raised:
        main(["lint", NESTED, "--exclude-u", "x"])
    assert raised.value.code == 2
    assert "unrecognized arguments: --exclude-u" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["links", NESTED, "--verb"])
    assert "unrecognized arguments: --verb" in capsys.readouterr().err


def test_exclude_skips_files_found_in_directories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "archive" / "old.wiki", SKIP)
    write(tmp_path / "new.wiki", SKIP)
    code, out, _ = run(capsys, "lint", ".", "--isolated", "--exclude", "archive/*",
                       "--output-format", "concise")  # fmt: skip
    assert code == 1
    assert "new.wiki:2:1: WC101" in out
    assert "old.wiki" not in out
    assert out.splitlines()[-1].startswith("Found 1 finding (1 warning) in 1 file.")


def test_force_exclude_applies_the_config_to_named_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "wikicheck.toml", 'exclude = ["archive/*"]\n')
    old = write(tmp_path / "archive" / "old.wiki", SKIP)
    code, out, _ = run(capsys, "lint", old)  # named: linted, as ruff does without the flag
    assert code == 1
    assert "WC101" in out
    code, out, err = run(capsys, "lint", old, "--force-exclude")
    assert (code, out) == (0, "")
    assert "nothing to lint" not in err
    code, out, _ = run(capsys, "lint", old, "--extend-exclude", "nothing/*", "--force-exclude")
    assert (code, out) == (0, "")  # --extend-exclude adds to the config's exclude


def test_force_exclude_with_nothing_left_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old = write(tmp_path / "archive" / "old.wiki", SKIP)
    code, _out, _ = run(capsys, "lint", old, "--isolated", "--exclude", "archive/*",
                       "--force-exclude", "--extend-exclude", "other/*")  # fmt: skip
    assert code == 0


def test_pre_commit_hooks_pass_force_exclude() -> None:
    hooks = (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = [line.split(":", 1)[1].strip() for line in hooks.splitlines() if "entry:" in line]
    assert entries == ["wikicheck lint --force-exclude", "wikicheck lint --fix --force-exclude"]


def test_repeated_select_and_ignore_accumulate(capsys: pytest.CaptureFixture[str]) -> None:
    both = "--output-format", "concise", "--isolated"
    _, out, _ = run(capsys, "lint", NESTED, *both, "--select", "WC101", "--select", "WC103")
    assert [line.split()[1] for line in out.splitlines() if ": WC" in line] == ["WC101", "WC103"]
    _, out, _ = run(capsys, "lint", NESTED, *both, "--ignore", "WC101", "--ignore", "WC103",
                       "--extend-ignore", "WC111")  # fmt: skip
    assert [line.split()[1] for line in out.splitlines() if ": WC" in line] == ["WC407"]
    _code, out, _ = run(capsys, "lint", NESTED, *both, "--select", "structure,WC407",
                       "--ignore", "WC1")  # fmt: skip
    assert [line.split()[1] for line in out.splitlines() if ": WC" in line] == ["WC407"]


def test_exit_zero_keeps_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", NESTED, "--isolated", "--exit-zero")
    assert code == 0
    assert "Found 4 findings" in out
    code, _, _ = run(capsys, "lint", "no-such-file.wiki", "--exit-zero")
    assert code == 2  # an input that cannot be read is still an error


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "lint", NESTED, "--isolated", "--output-format", "json",
                       "-o", str(target))  # fmt: skip
    assert (code, out) == (1, "")
    assert '"code": "WC111"' in target.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "lint", NESTED, "--isolated", "--output-file", str(target),
                       "--color", "always")  # fmt: skip
    text = target.read_text(encoding="utf-8")
    assert "\033[" not in text  # no colour codes in a file
    assert text.splitlines()[-1].startswith("Found 4 findings")
    code, _, err = run(capsys, "lint", NESTED, "-o", str(tmp_path / "missing" / "r.txt"))
    assert code == 2
    assert "cannot write the output" in err


def test_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = write(tmp_path / "clean.wiki", "== A ==\nText.\n")
    assert run(capsys, "lint", clean, "--isolated", "-q") == (0, "", "")
    code, out, _ = run(capsys, "lint", NESTED, "--isolated", "-q", "--output-format", "concise")
    assert code == 1
    assert out.count("\n") == 7
    assert run(capsys, "lint", NESTED, "--isolated", "-qq") == (1, "", "")
    code, out, _ = run(capsys, "lint", clean, "--isolated", "-q", "--output-format", "json")
    assert code == 0
    assert '"files"' in out


def test_missing_file_is_an_error_not_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "no-such-file.wiki", "--isolated")
    assert code == 2
    assert (
        out == "no-such-file.wiki: error: no such file or directory\n1 file could not be checked.\n"
    )
    code, out, _ = run(
        capsys, "lint", NESTED, "no-such-file.wiki", "--isolated", "--select", "WC103"
    )
    assert code == 2
    assert (
        out.splitlines()[-1]
        == "Found 1 finding (1 warning) in 1 file. 1 file could not be checked."
    )


def test_code_frame_windows_a_long_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = " ".join(f"a{n}" for n in range(400)) + " "  # 1,890 characters
    after = " " + " ".join(f"b{n}" for n in range(400))
    path = write(tmp_path / "long.wiki", f"Intro.\n{before}the the{after}\n")
    _code, out, _ = run(capsys, "lint", path, "--isolated", "--select", "WC602")
    lines = out.splitlines()
    column = len(before) + len("the ") + 1  # the second "the" is flagged
    assert lines[0] == f'{path}:2:{column}: WC602 "the" is repeated'
    assert lines[1] == "  |"
    source, marks = lines[2], lines[3]
    assert source.startswith("2 | …")
    assert source.endswith("…")
    assert len(source) < 120
    start = marks.index("^")
    assert source[start - 4 : start + 4] == "the the "
    assert marks[start:] == "^^^"
    assert lines[4].startswith("  = help: ")


def test_code_frame_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "ctl.wiki", "A \x1b[31m teh word.\n")
    _code, out, _ = run(capsys, "lint", path, "--isolated", "--select", "WC601")
    source, marks = out.splitlines()[2:4]
    assert "\x1b" not in out
    assert source == "1 | A \\x1b[31m teh word."
    assert source[marks.index("^") : marks.index("^") + 3] == "teh"


def test_concise_and_format_alias_keep_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, concise, _ = run(capsys, "lint", NESTED, "--isolated", "--output-format", "concise")
    assert concise.splitlines()[1] == '  help: Remove the unused "population_total" (safe)'
    _, full, _ = run(capsys, "lint", NESTED, "--isolated", "--format", "full")
    _, text, _ = run(capsys, "lint", NESTED, "--isolated", "--format", "text")
    assert full == text != concise


def test_diff_is_a_word_diff_on_long_lines_and_no_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prose = "word " * 400
    cite = "{{cite web |url=https://example.org |title=T |date=15 Sept 2020}}"
    text = f"== A ==\n{prose}<ref>{cite}</ref> {prose}\n{{{{Reflist}}}}\n"
    path = write(tmp_path / "a.wiki", text)
    code, out, _ = run(capsys, "lint", path, "--isolated", "--diff", "--today", "2026-01-01")
    assert code == 1
    lines = out.splitlines()
    assert lines[:3] == [f"--- a/{path}", f"+++ b/{path}", "@@ -1,3 +1,3 @@"]
    changed = [line for line in lines if line.startswith("~ ")]
    assert changed == [
        "~ …l=https://example.org |title=T |date=15 [-Sept-]{+September+} 2020}}</ref> "
        "word word word word word w…"
    ]
    assert not any(line.startswith(("-", "+")) and len(line) > 200 for line in lines)
    assert ": WC" not in out  # the findings are not listed after the diff
    assert lines[-1] == "Would fix 1 finding in 1 file."
    assert tmp_path.joinpath("a.wiki").read_text(encoding="utf-8") == text


def test_show_fixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.wiki", SKIP)
    code, out, _ = run(capsys, "lint", path, "--isolated", "--fix", "--unsafe-fixes",
                       "--show-fixes")  # fmt: skip
    assert code == 0
    assert out.splitlines() == [
        f"Fixed in {path}:",
        "  1 × WC101 (heading-level-skip): Change to a level-3 heading",
        "No findings in 1 file. Fixed 1 finding.",
    ]
    assert Path(path).read_text(encoding="utf-8") == "== A ==\n=== B ===\nText.\n"


def test_add_suppressions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "== A ==\n==== B ====\nA teh word.<ref>{{cite web\n|url=https://example.org\n"
        "|title=T\n|date=15 Sept 2020\n}}</ref>\n<pre>\nteh\n</pre>\n{{Reflist}}\n"
    )
    path = write(tmp_path / "a.wiki", text)
    args = ("--isolated", "--select", "WC101,WC201,WC601")
    code, out, _ = run(capsys, "lint", path, *args, "--add-suppressions")
    assert code == 0
    assert out == "Added 3 suppression comments for 3 findings in 1 file.\n"
    assert Path(path).read_text(encoding="utf-8") == (  # nothing inside <pre>, which shows it
        "== A ==\n==== B ====<!-- wikicheck: disable-line WC101 -->\n"
        "A teh word.<ref>{{cite web<!-- wikicheck: disable-line WC601 -->\n"
        "|url=https://example.org\n|title=T\n"
        "|date=15 Sept 2020<!-- wikicheck: disable-line WC201 -->\n"
        "}}</ref>\n<pre>\nteh\n</pre>\n{{Reflist}}\n"
    )
    assert run(capsys, "lint", path, *args)[:2] == (0, "No findings in 1 file.\n")


def test_add_suppressions_skips_lines_ending_inside_a_comment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "A teh word. <!-- a note\nthat goes on --> and teh end.\n"
    path = write(tmp_path / "a.wiki", text)
    code, out, _ = run(capsys, "lint", path, "--isolated", "--select", "WC601",
                       "--add-suppressions")  # fmt: skip
    assert code == 1
    assert out.splitlines() == [
        f"{path}:1:3: WC601 not suppressed: the line ends inside a comment or a tag like "
        "<nowiki>, <pre>, <math>",
        "Added 1 suppression comment for 1 finding in 1 file.",
    ]
    assert Path(path).read_text(encoding="utf-8") == text.replace(
        "teh end.\n", "teh end.<!-- wikicheck: disable-line WC601 -->\n"
    )


def test_watch_lints_again_on_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.wiki"
    write(path, "== A ==\nText.\n")

    def change() -> None:
        time.sleep(1.0)
        write(path, SKIP)

    changer = threading.Thread(target=change)
    changer.start()
    code = main(["lint", str(path), "--isolated", "--watch", "--watch-interval", "0.05",
                 "--watch-rounds", "2", "--output-format", "concise", "-j", "1"])  # fmt: skip
    changer.join()
    out, err = capsys.readouterr()
    assert code == 1  # the last run's exit code
    assert out.splitlines() == [
        "No findings in 1 file.",
        f"{path}:2:1: WC101 heading level skips from 2 to 4: ==== B ==== should be level 3",
        "  help: Change to a level-3 heading (unsafe)",
        "Found 1 finding (1 warning) in 1 file.",
    ]
    assert "a file changed; linting again" in err


def test_rules_table_has_a_header_default_and_fix_columns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _code, out, _ = run(capsys, "rules")
    header, *rows = out.splitlines()
    assert header.split()[:6] == ["code", "name", "family", "severity", "default", "fix"]
    wc004 = next(row for row in rows if row.startswith("WC004"))
    assert wc004.split()[:6] == ["WC004", "invalid-suppression", "engine", "warning", "yes", "none"]
    wc211 = next(row for row in rows if row.startswith("WC211"))
    assert wc211.split()[4] == "no"


def test_select_wc211_works_without_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "a.wiki",
        "{{cite web |url=https://example.org/a |title=A |access-date=2004-01-01}}\n",
    )
    code, out, _ = run(capsys, "lint", path, "--isolated", "--select", "WC211",
                       "--today", "2026-11-30", "--output-format", "concise")  # fmt: skip
    assert code == 1
    assert out.splitlines()[0] == (
        f"{path}:1:61: WC211 |access-date=2004-01-01 is more than 10 years old; re-check the URL"
    )


def test_invalid_suppressions_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "a.wiki",
        "A teh word. <!-- wikicheck: disabel-line WC601 -->\n"
        "B. <!-- wikicheck: disable-line WC999 -->\n",
    )
    code, out, _ = run(capsys, "lint", path, "--isolated", "--output-format", "concise")
    assert code == 1
    lines = out.splitlines()
    assert (
        f'{path}:1:13: WC004 unknown suppression directive "disabel-line": '
        "did you mean disable-line?" in lines
    )
    assert (
        f'{path}:2:4: WC004 "WC999" in a suppression names no rule (see wikicheck rules)' in lines
    )


def test_scan_fail_on_and_output_file_alias(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .scan.dumpbuilder import Page, write_dump

    dump = write_dump([Page("A", 1, SKIP)], tmp_path / "enwiki.xml")
    out = tmp_path / "out.jsonl"
    common = ("--isolated", "-j", "1", "-q")
    assert main(["scan", str(dump), "-o", str(out), *common]) == 0  # no --fail-on: never fails
    assert main(["scan", str(dump), "-o", str(out), *common, "--fail-on", "warning"]) == 1
    assert main(["scan", str(dump), "--out", str(out), *common, "--fail-on", "error"]) == 0
    capsys.readouterr()
    assert main(["scan", str(dump), "-o", str(out), *common, "-q"]) == 0
    assert capsys.readouterr().out == ""  # -qq: nothing
    html = tmp_path / "r.html"
    assert main(["report", str(out), "-o", str(html)]) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", str(out), "--html", str(html)]) == 0  # the old name stays
