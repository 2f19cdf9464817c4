"""Never crash: the whole corpus, MediaWiki's parser tests, hostile files, generated wikitext."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikicheck
from wikicheck import Finding, Settings
from wikicheck.cli import main
from wikicheck.edits import fix_until_stable
from wikicheck.model import Article

from .conftest import PARSER_TESTS, corpus_paths, read_text, require_corpus
from .parse.test_spans import assert_model_spans, assert_walk_covers_source

ALL = Settings(today=__import__("datetime").date(2026, 11, 23))


def assert_sane(text: str, findings: list[Finding]) -> None:
    article = wikicheck.parse(text)
    for finding in findings:
        assert finding.code != "WC000", finding.message
        assert 0 <= finding.span.start <= finding.span.end <= len(text)
        assert article.position(finding.span.start) == finding.start
        assert article.position(finding.span.end) == finding.end
        assert finding.start.line >= 1
        assert finding.start.column >= 1


@pytest.mark.corpus
def test_every_corpus_article_lints_without_error() -> None:
    require_corpus()
    for path in corpus_paths():
        text = read_text(path)
        assert_sane(text, wikicheck.lint(text, path=path.name, settings=ALL))


@pytest.mark.corpus
def test_every_parser_test_input_lints_without_error() -> None:
    require_corpus()
    for line in filter(None, PARSER_TESTS.read_text(encoding="utf-8").split("\n")):
        text = json.loads(line)["wikitext"]
        assert_sane(text, wikicheck.lint(text, settings=ALL))


FRAGMENTS = st.sampled_from([
    "{{", "}}", "{{cite web|url=https://example.org|title=T|access-date=2024-6-5|deadurl=yes}}",
    "[[", "]]", "[[A|b]]", "[http://x.org y]", "[", "]", "''", "'''", "<ref>", "</ref>",
    '<ref name="a"/>', "<ref name=a>x</ref>", "<!--", "-->", "<!-- wikicheck: disable WC1 -->",
    "{|", "|-", "|}", "|", "!", "==", "== H ==", "\n", "\r\n", " ", "x", "teh", "casaulties",
    "{{Infobox x|a=1|a=1}}", "{{cn}}", "<nowiki>", "</nowiki>", "<math>", "}}}", "{{{1}}}",
    "&nbsp;", "\u00a0", "\x00", "é", "{{reflist|refs=", "<references/>", "{{efn|name=n|x}}",
])  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_generated_wikitext(text: str) -> None:
    assert_walk_covers_source(text)
    assert_model_spans(text)
    findings = wikicheck.lint(text, settings=ALL)
    assert_sane(text, findings)

    def lint(source: str) -> list[Finding]:
        return wikicheck.lint(source, settings=ALL)

    fixed, _ = fix_until_stable(text, lint, unsafe=True)
    again, applied = fix_until_stable(fixed, lint, unsafe=True)
    assert applied == 0 or again == fixed


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    assert isinstance(wikicheck.parse(text), Article)
    assert_sane(text, wikicheck.lint(text, settings=ALL))


def test_deep_template_nesting_is_refused_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.wiki"
    deep.write_text("== A ==\n" + "{{a|" * 5000)
    links = tmp_path / "links.wiki"
    links.write_text("[[" * 20000)
    empty = tmp_path / "empty.wiki"
    empty.write_text("")
    code = main(["lint", "--isolated", str(deep), str(links), str(empty)])
    out = capsys.readouterr().out
    assert code == 2
    assert f"{deep}: error: line 2, column 2001: " in out
    assert "nested more than 500 deep" in out
    assert "Traceback" not in out
    # 20,000 unclosed "[[" parse as text (WC003) instead of backtracking for seconds.
    assert f"{links}:1:1: WC003 20,000 unclosed wikilinks" in out
    assert "Found 1 finding (1 warning) in 2 files. 1 file could not be checked." in out


def test_crlf_positions_match_lf_positions() -> None:
    text = (
        "== A ==\n==== B ====\n"
        "Text.<ref>{{cite web|url=https://x.org|title=T|date=5 Mai 2020}}</ref>\n"
    )
    lf = [(f.code, f.start, f.end) for f in wikicheck.lint(text, settings=ALL)]
    crlf = [
        (f.code, f.start, f.end) for f in wikicheck.lint(text.replace("\n", "\r\n"), settings=ALL)
    ]
    assert lf == crlf
    assert lf
