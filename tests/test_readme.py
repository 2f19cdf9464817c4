"""The README's and the docs' examples must keep telling the truth: the Python ones are doctests,
and every ```console block is a transcript that is replayed command by command."""

from __future__ import annotations

import doctest
import re
import shlex
import shutil
from pathlib import Path

import pytest

from wikicheck.cli import main

from .conftest import FIXTURES, ROOT

CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_readme_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, verbose=False)
    assert result.attempted >= 8
    assert result.failed == 0


def transcript(block: str) -> list[tuple[str, str]]:
    """``$ command`` lines, each with the output printed below it."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"output before any command: {line!r}"
            steps[-1][1].append(line)
    return [(command, "".join(f"{line}\n" for line in output)) for command, output in steps]


def replay(document: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> int:
    """Run a document's console blocks in ``folder``, in order, as one session.

    ``cat FILE`` of a file that does not exist yet creates it with the text shown (that is how
    a document sets up its example files, in plain sight); of one that exists, it checks the
    content (after ``--fix``, say). ``echo $?`` checks the last exit code. ``wikicheck …`` runs
    the CLI in this process; its stdout and stderr together must be the output shown.
    """
    shutil.copytree(FIXTURES, folder / "fixtures")
    status = 0
    steps = 0
    for block in CONSOLE.findall(document.read_text(encoding="utf-8")):
        for command, expected in transcript(block):
            steps += 1
            words = shlex.split(command)
            where = f"{document.name}: $ {command}"
            if words[0] == "cat" and len(words) == 2:
                path = folder / words[1]
                if path.exists():
                    assert path.read_text(encoding="utf-8") == expected, where
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(expected, encoding="utf-8")
            elif words == ["echo", "$?"]:
                assert expected == f"{status}\n", where
            elif words[0] == "wikicheck":
                capsys.readouterr()
                status = main(words[1:])
                captured = capsys.readouterr()
                assert captured.out + captured.err == expected, where
            else:
                raise AssertionError(f"{where}: only cat, echo $? and wikicheck are replayed")
    return steps


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_console_examples(
    document: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    steps = replay(document, tmp_path, capsys)
    if document.name == "README.md":
        assert steps >= 8


def test_the_quick_start_is_the_first_command() -> None:
    """The quick start `.ci/run`'s fresh-machine set-up runs, and what it prints, are shown."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.index("pip install . && wikicheck lint fixtures/niafunke_attack.wiki")
    assert readme.index("```console\n$ wikicheck lint fixtures/niafunke_attack.wiki\n") > quick
    assert quick < readme.index("pip install -e '.[test]' && ruff check . && ruff format --check")


@pytest.mark.parametrize(
    "module",
    [
        "wikicheck",
        "wikicheck.pipeline",
        "wikicheck.model.article",
        "wikicheck.linkcheck.archives",
        "wikicheck.linkcheck.checker",
    ],
)
def test_module_docstring_examples(module: str) -> None:
    imported = __import__(module, fromlist=["_"])
    result = doctest.testmod(imported, verbose=False)
    assert result.attempted >= 1
    assert result.failed == 0
