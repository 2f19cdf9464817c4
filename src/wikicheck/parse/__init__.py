"""``parse(text) -> Article``: build the immutable article model from wikitext."""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

import mwparserfromhell
from mwparserfromhell.parser import ParserError

from ..errors import InputError
from ..model import Article, LineIndex, ParseLimit
from .build import ArticleCollector
from .limits import bound_markup
from .sections import build_sections

__all__ = ["parse", "parser_input"]


MAX_TEMPLATE_NESTING = 500
"""Deeper nesting of "{{" is refused: MediaWiki stops expanding templates at a depth of 40,
and mwparserfromhell's tokenizer backtracks quadratically on unclosed braces (5,000 unclosed
"{{a|" take seconds to tokenize)."""

_BRACES = re.compile(r"\{\{|\}\}")


def check_nesting(text: str, path: str | None, lines: LineIndex) -> None:
    """Raise InputError, with the position, if "{{" nests deeper than MediaWiki could use."""
    if text.count("{{") <= MAX_TEMPLATE_NESTING:
        return
    depth = 0
    for match in _BRACES.finditer(text):
        if match.group() == "{{":
            depth += 1
            if depth > MAX_TEMPLATE_NESTING:
                where = lines.position(match.start())
                raise InputError(
                    f'"{{{{" nested more than {MAX_TEMPLATE_NESTING} deep (unclosed templates); '
                    "MediaWiki stops at 40, so this cannot be a working page",
                    path=path,
                    line=where.line,
                    column=where.column,
                )
        elif depth:
            depth -= 1


def parser_input(text: str) -> str:
    """The text handed to the tokenizer.

    mwparserfromhell's C tokenizer stops at a NUL character and silently drops the rest of
    the page. NUL is replaced by U+FFFD, one code point for one, so every offset still
    points into the original text. Floods of unclosed markup are neutralised the same way
    (:func:`~wikicheck.parse.limits.bound_markup`).
    """
    return bounded_input(text)[0]


def bounded_input(text: str) -> tuple[str, tuple[ParseLimit, ...]]:
    """:func:`parser_input` and the limits it applied."""
    text = text.replace("\x00", "\ufffd") if "\x00" in text else text
    return bound_markup(text)


_START = attrgetter("span.start")


def _by_start(items: list[Any]) -> None:
    items.sort(key=_START)


def parse(text: str, *, path: str | None = None, title: str | None = None) -> Article:
    """Parse wikitext into an :class:`~wikicheck.model.Article`.

    ``path`` and ``title`` are carried through to findings and reports. Raises
    :class:`~wikicheck.errors.InputError` if the text cannot be parsed at all.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes wikitext as str, not {type(text).__name__}")
    lines = LineIndex(text)
    check_nesting(text, path, lines)
    try:
        # Style tags are skipped: unbalanced '' and ''' otherwise swallow templates and
        # headings (mwparserfromhell #40 and its duplicates), and no rule needs them.
        tokenized, limits = bounded_input(text)
        tree = mwparserfromhell.parse(tokenized, skip_style_tags=True)
    except (ParserError, RecursionError) as error:
        raise InputError(f"the parser gave up on this text: {error}", path=path) from error
    collector = ArticleCollector(text)
    collector.collect(tree)  # consumes the tree
    # Text runs and headings are found in source order; the rest may be found inside out.
    for items in (
        collector.templates,
        collector.citations,
        collector.infoboxes,
        collector.refs,
        collector.reference_lists,
        collector.external_links,
        collector.wikilinks,
        collector.categories,
        collector.ref_sources,
        collector.tags,
        collector.stray_markup,
    ):
        _by_start(items)
    lead, sections = build_sections(collector.headings, len(text))
    return Article(
        source=text,
        path=path,
        title=title,
        lead=lead,
        sections=sections,
        templates=tuple(collector.templates),
        infoboxes=tuple(collector.infoboxes),
        refs=tuple(collector.refs),
        reference_lists=tuple(collector.reference_lists),
        citations=tuple(collector.citations),
        wikilinks=tuple(collector.wikilinks),
        categories=tuple(collector.categories),
        external_links=tuple(collector.external_links),
        comments=tuple(collector.comments),
        text_runs=tuple(collector.text_runs),
        lines=lines,
        ref_sources=tuple(collector.ref_sources),
        limits=limits,
        tags=tuple(collector.tags),
        stray_markup=tuple(collector.stray_markup),
    )
