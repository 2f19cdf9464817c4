"""The span invariant: the text at every span of the model is exactly the node's source."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import Comment, ExternalLink, Heading, Tag, Template, Text
from mwparserfromhell.nodes import Wikilink as WikilinkNode

import wikicheck
from wikicheck.model import Category, Wikilink
from wikicheck.parse import parser_input
from wikicheck.parse.build import ArticleCollector

from ..conftest import PARSER_TESTS, corpus_paths, fixture_paths, read_text, require_corpus


def assert_walk_covers_source(source: str) -> int:
    """The walk lays out every node: it ends exactly at the end of the source. Returns the
    number of nodes in the tree."""
    tree = mwparserfromhell.parse(parser_input(source), skip_style_tags=True)
    nodes = len(tree.filter(recursive=True))
    assert ArticleCollector(source).collect(tree) == len(source)
    assert not tree.nodes  # the walk consumes the page
    return nodes


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
    # Each run is the source at a text node's computed place: a layout off by one would
    # cut runs apart from the node values.
    values = Counter(node.value for node in nodes if isinstance(node, Text))
    assert not Counter(run.text for run in article.text_runs) - values
    comments = Counter(str(node) for node in nodes if isinstance(node, Comment))
    assert Counter(article.text_at(comment.span) for comment in article.comments) == comments
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
    assert assert_walk_covers_source(text) > 0
    assert_model_spans(text)


@pytest.mark.corpus
def test_corpus_article_spans() -> None:
    require_corpus()
    paths = corpus_paths()
    assert len(paths) >= 200
    checked = 0
    for path in paths:
        text = read_text(path)
        checked += assert_walk_covers_source(text)
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
        assert_walk_covers_source(text)
        assert_model_spans(text)
