"""The immutable article model.

Every object carries a :class:`Span`: 0-based code-point offsets into ``Article.source``, end
exclusive. Lines and columns are derived only at the edge, through :class:`LineIndex`.
Nothing here imports mwparserfromhell: rules read this model and never see the parse tree.

Import from here (``from wikicheck.model import Article, Span``): the modules below are its
layout by concern — ``spans`` (Span, Position, LineIndex), ``templates`` (Param, Template,
Citation, Infobox ...), ``refs``, ``links``, ``markup`` (tags, comments, text runs, stray
markup, parse limits) and ``article`` (Section, Article).
"""

from .article import Article, Section
from .links import Category, ExternalLink, LinkOrigin, Wikilink
from .markup import (
    Comment,
    HtmlTag,
    ParseLimit,
    StrayKind,
    StrayMarkup,
    TagAttribute,
    TextContext,
    TextRun,
)
from .refs import Ref, ReferenceList, RefSource
from .spans import LineIndex, Position, Span
from .templates import Citation, CitationParam, Infobox, InfoboxField, Param, Template

__all__ = [
    "Article",
    "Category",
    "Citation",
    "CitationParam",
    "Comment",
    "ExternalLink",
    "HtmlTag",
    "Infobox",
    "InfoboxField",
    "LineIndex",
    "LinkOrigin",
    "Param",
    "ParseLimit",
    "Position",
    "Ref",
    "RefSource",
    "ReferenceList",
    "Section",
    "Span",
    "StrayKind",
    "StrayMarkup",
    "TagAttribute",
    "Template",
    "TextContext",
    "TextRun",
    "Wikilink",
]
