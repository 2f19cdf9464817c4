"""The span invariant: the text at every span of the model is exactly the node's source."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import Comment, ExternalLink, Heading, Tag, Template, Text
from mwparserfromhell.nodes import Wikilink as WikilinkNode

import wikicheck
from wikicheck.model import Article, Category, Span, StrayKind, Wikilink
from wikicheck.parse import parser_input
from wikicheck.parse.build import ArticleCollector
from wikicheck.textutil import mediawiki_trim

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
    for wikilink in article.wikilinks:
        if wikilink.text_span is not None:
            assert article.text_at(wikilink.text_span) == wikilink.text
            assert wikilink.span.contains(wikilink.text_span)
    externals = {str(node) for node in nodes if isinstance(node, ExternalLink)}
    for link in article.external_links:
        assert article.text_at(link.span) in externals or link.param is not None
        assert link.span.contains(link.url_span)
        if "<!--" not in article.text_at(link.url_span):
            assert article.text_at(link.url_span) == link.url
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
    for template in article.templates:
        for param in template.params:
            assert_trimmed(article, param.span, param.trimmed_span)
            assert_trimmed(article, param.value_span, param.trimmed_value_span)
    for citation in article.citations:
        for cited in citation.params:
            assert citation.span.contains(cited.span)
            assert cited.span.contains(cited.value_span)
            assert_trimmed(article, cited.value_span, cited.trimmed_value_span)
    for infobox in article.infoboxes:
        for field in infobox.fields:
            assert infobox.span.contains(field.span)
            assert_trimmed(article, field.value_span, field.trimmed_value_span)
    assert_markup_spans(article, nodes)


def assert_trimmed(article: Article, whole: Span, trimmed: Span) -> None:
    """``trimmed`` is ``whole`` without the whitespace MediaWiki trims at either end."""
    assert whole.contains(trimmed)
    text = article.text_at(trimmed)
    assert text == mediawiki_trim(article.text_at(whole))
    if text:
        assert article.text_at(whole).find(text) == trimmed.start - whole.start


_STRAY_TEXT = {
    StrayKind.LINK_OPEN: "[[",
    StrayKind.LINK_CLOSE: "]]",
    StrayKind.TEMPLATE_OPEN: "{{",
    StrayKind.TEMPLATE_CLOSE: "}}",
    StrayKind.COMMENT: "<!--",
    StrayKind.TABLE_OPEN: "{|",
    StrayKind.TABLE_CLOSE: "|}",
}


def assert_markup_spans(article: Article, nodes: list[Any]) -> None:
    """Every HTML tag the tokenizer matched is in ``article.tags`` at its source, its parts
    inside it; every piece of stray markup is at text the tokenizer left as text."""
    tags = Counter(str(node) for node in nodes if isinstance(node, Tag) and not node.wiki_markup)
    html = [tag for tag in article.tags if not tag.wiki_markup]
    assert Counter(article.text_at(tag.span) for tag in html) == tags
    wiki = {str(node) for node in nodes if isinstance(node, Tag) and node.wiki_markup}
    for tag in article.tags:
        assert tag.span.contains(tag.open_span)
        assert tag.open_span.start == tag.span.start
        for attribute in tag.attributes:
            assert tag.open_span.contains(attribute.span)
        if tag.wiki_markup:
            assert article.text_at(tag.span) in wiki
            assert article.text_at(tag.open_span).startswith(tag.wiki_markup)
            continue
        opening = article.text_at(tag.open_span)
        assert opening.startswith("<")
        assert opening.endswith(">")
        assert opening.lstrip("</").lower().startswith(tag.name)
        if tag.close_span is not None:
            assert tag.close_span.end == tag.span.end
            assert article.text_at(tag.close_span).startswith("</")
        for attribute in tag.attributes:
            text = article.text_at(attribute.span)
            assert text.lower().lstrip().startswith(attribute.name)
            if attribute.value is not None:
                assert text.endswith(attribute.value + attribute.quote)
    texts = "".join(node.value for node in nodes if isinstance(node, Text))
    for stray in article.stray_markup:
        text = article.text_at(stray.span)
        assert text
        if stray.kind in _STRAY_TEXT:
            assert text == _STRAY_TEXT[stray.kind]
        elif stray.kind is not StrayKind.FOSTERED:
            assert text.startswith("</" if stray.kind is StrayKind.CLOSE_TAG else "<")
            assert text[1:].lstrip("/").lower().startswith(stray.name)
        assert text in texts


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


def test_tags_and_stray_markup() -> None:
    source = 'A <span>b</div> <ref name="x>c</ref> <b id=q>d</b><br/> [[e {{f\n{| g'
    article = wikicheck.parse(source)
    assert [(tag.name, article.text_at(tag.span)) for tag in article.tags] == [
        ("ref", '<ref name="x>c</ref>'),
        ("b", "<b id=q>d</b>"),
        ("br", "<br/>"),
    ]
    ref, bold, br = article.tags
    assert ref.attributes[0].value == '"x'
    assert ref.attributes[0].quote == ""
    assert bold.attribute("id") is not None
    assert article.text_at(bold.attributes[0].span) == "id=q"
    assert br.self_closing
    assert br.close_span is None
    assert article.text_at(bold.close_span or bold.span) == "</b>"
    assert [(item.kind, article.text_at(item.span)) for item in article.stray_markup] == [
        (StrayKind.OPEN_TAG, "<span>"),
        (StrayKind.CLOSE_TAG, "</div>"),
        (StrayKind.LINK_OPEN, "[["),
        (StrayKind.TEMPLATE_OPEN, "{{"),
        (StrayKind.TABLE_OPEN, "{|"),
    ]


def test_no_stray_markup_in_raw_tags_or_attributes() -> None:
    article = wikicheck.parse('<nowiki>[[ <span></nowiki><math>}}</math><span title="{{">x</span>')
    assert article.stray_markup == ()


def test_table_attributes() -> None:
    article = wikicheck.parse('{| class="a" style="b\n|-\n| c\n|-\n! colspan=2 | d\n|}')
    assert [(tag.wiki_markup, article.text_at(tag.open_span)) for tag in article.tags] == [
        ("{|", '{| class="a" style="b'),
        ("!", "! colspan=2"),
    ]
    assert [article.text_at(item.span) for item in article.tags[0].attributes] == [
        'class="a"',
        'style="b',
    ]


def test_fostered_table_text() -> None:
    article = wikicheck.parse("{| class=x\nloose\n|-\n| cell\n|}")
    assert [(item.kind, article.text_at(item.span)) for item in article.stray_markup] == [
        (StrayKind.FOSTERED, "loose")
    ]


def test_rule_facing_spans() -> None:
    """The spans rules use as they are: parameters and values without the whitespace around
    them, positional parameters marked, a link's URL and label where they are written."""
    source = (
        "{{cite web | url = http://a.example/x  |title= T |  Extra text }} "
        "[http://b.example/y label] https://c.example/z [[Target| shown ]]\n"
        "{{Infobox person\n| name =  Ada \n}}"
    )
    article = wikicheck.parse(source)
    (citation,) = article.citations
    url, title, extra = citation.params
    assert article.text_at(url.trimmed_span) == "url = http://a.example/x"
    assert article.text_at(url.trimmed_value_span) == "http://a.example/x"
    assert article.text_at(url.value_span) == " http://a.example/x  "
    assert article.text_at(title.trimmed_value_span) == "T"
    assert (extra.positional, extra.raw_name) == (True, "1")
    assert article.text_at(extra.trimmed_span) == "Extra text"
    assert [article.text_at(link.url_span) for link in article.external_links] == [
        "http://a.example/x",
        "http://b.example/y",
        "https://c.example/z",
    ]
    (wikilink,) = article.wikilinks
    assert wikilink.text_span is not None
    assert article.text_at(wikilink.text_span) == " shown "
    (infobox,) = article.infoboxes
    assert article.text_at(infobox.fields[0].trimmed_value_span) == "Ada"
    empty = wikicheck.parse("{{cite web|title=   }}").citations[0].params[0]
    assert empty.trimmed_value_span == Span(empty.value_span.start, empty.value_span.start)
