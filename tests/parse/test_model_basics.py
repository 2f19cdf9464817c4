"""Line/column conversion, name normalisation and parameter aliases, as tables."""

from __future__ import annotations

import pytest

import wikicheck
from wikicheck.cs1.params import parameter_table
from wikicheck.model import LineIndex, Position, Span
from wikicheck.parse.names import normalize_template_name


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 3, (1, 4)),
        ("a\nb", 2, (2, 1)),
        ("a\r\nb", 3, (2, 1)),
        ("a\r\nb", 1, (1, 2)),
        ("a\rb", 2, (2, 1)),
        ("\n\n", 2, (3, 1)),
        ("é\U0001f600x", 2, (1, 3)),  # columns count code points
    ],
)
def test_line_index(text: str, offset: int, expected: tuple[int, int]) -> None:
    index = LineIndex(text)
    assert index.position(offset) == Position(*expected)
    assert index.offset(index.position(offset)) == offset


def test_line_index_rejects_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        LineIndex("abc").position(4)


def test_span_rejects_reversed_ranges() -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(3, 2)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("cite web", "Cite web"),
        (" Cite_web ", "Cite web"),
        ("Template:cite  web", "Cite web"),
        ("cite web<!-- x -->", "Cite web"),
        ("subst:reflist", "Reflist"),
        ("infobox military conflict\n", "Infobox military conflict"),
    ],
)
def test_template_names(raw: str, expected: str) -> None:
    assert normalize_template_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("accessdate", "access-date"),
        ("access-date", "access-date"),
        ("archiveurl", "archive-url"),
        ("author", "last"),
        ("author2", "last2"),
        ("authorlink", "author-link"),
        ("author3-link", "author-link3"),
        ("URL", "url"),
        ("deadurl", "deadurl"),
        ("website", "website"),
    ],
)
def test_citation_parameter_aliases(raw: str, canonical: str) -> None:
    assert parameter_table().canonical(raw) == canonical


def test_crlf_positions_are_right() -> None:
    article = wikicheck.parse("Lead.\r\n== A ==\r\nText.\r\n")
    (section,) = article.sections
    assert section.heading_span is not None
    assert article.position(section.heading_span.start) == Position(2, 1)
    assert article.text_at(section.heading_span) == "== A =="


def test_named_parameters_are_trimmed_and_positional_ones_are_not() -> None:
    article = wikicheck.parse("{{Infobox x| name = A <!-- c --> |  b  }}")
    (infobox,) = article.infoboxes
    assert [(field.name, field.value) for field in infobox.fields] == [
        ("name", "A"),
        ("1", "  b  "),
    ]


def test_template_duplicate_params_resolve_to_the_last() -> None:
    article = wikicheck.parse("{{cite web |title=A |title=B |accessdate=2020-01-01}}")
    (citation,) = article.citations
    assert citation.value("title") == "B"
    assert citation.get("access-date") is not None
    assert citation.params[-1].raw_name == "accessdate"


def test_article_is_immutable() -> None:
    article = wikicheck.parse("text")
    with pytest.raises(AttributeError):
        article.source = "other"  # type: ignore[misc]


def test_reuse_with_empty_content_counts_as_reuse() -> None:
    article = wikicheck.parse('<ref name="a">x</ref><ref name="a"></ref><ref name=a />')
    assert [ref.is_reuse for ref in article.refs] == [False, True, True]


def test_named_values_are_trimmed_with_php_trim_semantics() -> None:
    article = wikicheck.parse("{{Infobox x| name =\u00a0A\t\n| b = B }}")
    (infobox,) = article.infoboxes
    assert [field.value for field in infobox.fields] == ["\u00a0A", "B"]
