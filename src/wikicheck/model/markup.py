"""Markup and text: comments, prose runs, HTML tags, markup left as text, parse limits."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .spans import Span


@dataclass(frozen=True, slots=True)
class ParseLimit:
    """Unclosed markup of one kind, more than the parser reads as markup: every such opener
    was read as text (``parse.limits``). ``span`` is the first opener."""

    kind: str
    span: Span
    count: int
    limit: int


@dataclass(frozen=True, slots=True)
class Comment:
    text: str
    span: Span


class TextContext(StrEnum):
    PROSE = "prose"
    HEADING = "heading"
    LINK = "link"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class TextRun:
    """Text a reader reads, exactly as in the source: ``source[span] == text``."""

    text: str
    span: Span
    context: TextContext


@dataclass(frozen=True, slots=True)
class TagAttribute:
    """One attribute of an HTML or extension tag, as the tokenizer split it.

    ``name`` is lower-cased and trimmed; ``value`` is the source between the quotes (or the
    bare value; None for a name alone); ``quote`` is the quote character, "" when unquoted.
    ``span`` covers the attribute from its name to its closing quote.
    """

    name: str
    value: str | None
    quote: str
    span: Span


@dataclass(frozen=True, slots=True)
class HtmlTag:
    """A tag the tokenizer matched: ``<name ...>...</name>``, ``<name/>``, or a void ``<br>``.

    ``open_span`` is the opening tag; ``close_span`` the closing tag, None when the tag closes
    itself or has no end (``<br>``, ``<li>``). ``self_closing`` is true when written ``<name/>``;
    ``end_only`` when written ``</name>`` alone (``</br>``, which MediaWiki reads as ``<br>``).
    Tables, rows and cells written in wiki syntax (``{|``, ``|-``, ``|``, ``!``) are here only
    when they have attributes, with ``wiki_markup`` set: then ``open_span`` runs from the
    markup to the end of the attributes, and ``close_span`` is None.
    """

    name: str
    span: Span
    open_span: Span
    close_span: Span | None
    attributes: tuple[TagAttribute, ...]
    self_closing: bool
    end_only: bool = False
    wiki_markup: str = ""

    def attribute(self, name: str) -> TagAttribute | None:
        """The attribute MediaWiki keeps: the last one with that name."""
        for attribute in reversed(self.attributes):
            if attribute.name == name:
                return attribute
        return None


class StrayKind(StrEnum):
    """Markup the tokenizer could not match and left as plain text (what it recovered from)."""

    OPEN_TAG = "open-tag"
    """``<small>`` with no ``</small>`` it could pair (``name`` is the tag name)."""
    CLOSE_TAG = "close-tag"
    """``</div>`` with no opening tag; ``</ref name=x>`` (a closing tag with junk) too."""
    COMMENT = "comment"
    """``<!--`` never closed: MediaWiki hides the rest of the page."""
    LINK_OPEN = "link-open"
    LINK_CLOSE = "link-close"
    TEMPLATE_OPEN = "template-open"
    TEMPLATE_CLOSE = "template-close"
    TABLE_OPEN = "table-open"
    """``{|`` at the start of a line that opens no table."""
    TABLE_CLOSE = "table-close"
    """``|}`` at the start of a line that closes no table."""
    FOSTERED = "fostered"
    """Text directly in a table or row, outside any cell: browsers move it above the table."""


@dataclass(frozen=True, slots=True)
class StrayMarkup:
    """Markup left as text: ``source[span]`` is the markup itself (``<small>``, ``[[``).

    ``name`` is the tag name for tags (lower case), "" otherwise.
    """

    kind: StrayKind
    span: Span
    name: str = ""
