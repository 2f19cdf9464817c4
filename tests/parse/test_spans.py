"""The span invariant: the text at every computed span is exactly the node's source."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import ExternalLink, Heading, Tag, Template
from mwparserfromhell.nodes import Wikilink as WikilinkNode

import wikicheck
from wikicheck.model import Category, Wikilink
from wikicheck.parse import parser_input
from wikicheck.parse.spans import compute_spans

from ..conftest import PARSER_TESTS, corpus_paths, fixture_paths, read_text, require_corpus


def assert_every_node_span(source: str) -> int:
    text = parser_input(source)
    tree = mwparserfromhell.parse(text, skip_style_tags=True)
    spans = compute_spans(tree)
    checked = 0
    for node in tree.filter(recursive=True):
        span = spans[id(node)]
        assert text[span.start : span.end] == str(node), f"{type(node).__name__} at {span}"
        for child in node.__children__():
            child_span = spans[id(child)]
            assert span.contains(child_span)
            assert text[child_span.start : child_span.end] == str(child)
        checked += 1
    assert spans[id(tree)].end == len(source)
    return checked


def assert_model_spans(text: str) -> None:
    """Each model collection covers exactly the nodes of its kind, at their source text."""
    text = parser_input(text)
    article = wikicheck.parse(text)
    tree = mwparserfromhell.parse(text, skip_style_tags=True)
    nodes = tree.filter(recursive=True)
    templates = Counter(str(node) for node in nodes if isinstance(node, Template))
    assert Counter(article.text_at(t.span) for t in article.templates) == templates
    refs = Counter(
        str(node)
        for node in nodes
        if isinstance(node, Tag) and not node.wiki_markup and str(node.tag).strip().lower() == "ref"
    )
    tag_refs = [ref for ref in article.refs if ref.template is None]
    assert Counter(article.text_at(ref.span) for ref in tag_refs) == refs
    for ref in article.refs:
        if ref.template is not None:
            assert article.text_at(ref.span) in templates
    links = Counter(str(node) for node in nodes if isinstance(node, WikilinkNode))
    model_links: list[Wikilink | Category] = [*article.wikilinks, *article.categories]
    assert Counter(article.text_at(link.span) for link in model_links) == links
    externals = {str(node) for node in nodes if isinstance(node, ExternalLink)}
    for link in article.external_links:
        assert article.text_at(link.span) in externals or link.param is not None
    headings = {str(node) for node in nodes if isinstance(node, Heading)}
    for section in article.all_sections():
        if section.heading_span is not None:
            assert article.text_at(section.heading_span) in headings
        assert section.span.contains(section.body_span)
        for child in section.children:
            assert section.span.contains(child.span)
    for run in article.text_runs:
        assert article.text_at(run.span) == run.text
    for citation in article.citations:
        for param in citation.params:
            assert citation.span.contains(param.span)
            assert param.span.contains(param.value_span)
    for infobox in article.infoboxes:
        for field in infobox.fields:
            assert infobox.span.contains(field.span)


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda path: path.name)
def test_fixture_spans(path: Path) -> None:
    text = read_text(path)
    assert assert_every_node_span(text) > 0
    assert_model_spans(text)


@pytest.mark.corpus
def test_corpus_article_spans() -> None:
    require_corpus()
    paths = corpus_paths()
    assert len(paths) >= 200
    checked = 0
    for path in paths:
        text = read_text(path)
        checked += assert_every_node_span(text)
        assert_model_spans(text)
    assert checked > 500_000


def test_nul_does_not_truncate_the_page() -> None:
    source = "[http://www.example.com\x00 test] == after =="
    article = wikicheck.parse(source)
    assert article.source == source
    assert article.lines.position(len(source)).column == len(source) + 1
    assert [run.text for run in article.text_runs][-1].endswith("== after ==")


@pytest.mark.corpus
def test_parser_test_spans() -> None:
    require_corpus()
    # split on "\n" only: inputs contain U+2028 and friends, which splitlines() breaks on
    for line in filter(None, PARSER_TESTS.read_text(encoding="utf-8").split("\n")):
        text = json.loads(line)["wikitext"]
        assert_every_node_span(text)
        assert_model_spans(text)
