"""The immutable article model.

Every object carries a :class:`Span`: 0-based code-point offsets into ``Article.source``, end
exclusive. Lines and columns are derived only at the edge, through :class:`LineIndex`.
Nothing here imports mwparserfromhell: rules read this model and never see the parse tree.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from .textutil import MEDIAWIKI_WHITESPACE, mediawiki_trim


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code-point offsets into the article source."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def trimmed(self, text: str) -> Span:
        """This span without the whitespace MediaWiki trims from parameter values at either
        end of ``text[start:end]``, so that it covers exactly a ``Param.value``."""
        inner = text[self.start : self.end]
        stripped = mediawiki_trim(inner)
        if not stripped:
            return Span(self.start, self.start)
        leading = len(inner) - len(inner.lstrip(MEDIAWIKI_WHITESPACE))
        return Span(self.start + leading, self.start + leading + len(stripped))


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and 1-based column counted in code points."""

    line: int
    column: int


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Converts offsets to positions by bisecting a table of line starts.

    ``\\n``, ``\\r\\n`` and a lone ``\\r`` all end a line, so positions agree with what editors
    show for files with any line-ending convention.
    """

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
        self._starts = starts
        self._length = len(text)

    def position(self, offset: int) -> Position:
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        line = bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def offset(self, position: Position) -> int:
        """The offset of a position; the inverse of :meth:`position`."""
        return self._starts[position.line - 1] + position.column - 1


@dataclass(frozen=True, slots=True)
class Param:
    """One ``|name=value`` (or positional ``|value``) of a template call.

    ``name`` is the key as MediaWiki resolves it: trimmed for named parameters, the ordinal
    for positional ones. ``value`` is the raw wikitext with comments removed, trimmed for named
    parameters only, as MediaWiki does. ``raw`` is the exact source of the parameter.

    Spans: ``span`` is the whole parameter after its ``|`` and ``value_span`` the whole value,
    whitespace included (replace them to rewrite the parameter or its value);
    ``trimmed_span`` and ``trimmed_value_span`` are the same without the whitespace at either
    end (what a finding points at, and the text a fix of the value itself replaces).
    """

    name: str
    value: str
    raw: str
    positional: bool
    span: Span
    name_span: Span | None
    value_span: Span
    trimmed_span: Span
    trimmed_value_span: Span


@dataclass(frozen=True, slots=True)
class Template:
    """A template call ``{{name|...}}`` anywhere in the article (nested ones included)."""

    name: str
    raw_name: str
    span: Span
    name_span: Span
    params: tuple[Param, ...]
    depth: int

    def get(self, name: str) -> Param | None:
        """The parameter MediaWiki would use: the last one with that name."""
        for param in reversed(self.params):
            if param.name == name:
                return param
        return None


@dataclass(frozen=True, slots=True)
class CitationParam:
    """A citation parameter under its canonical CS1 name (``accessdate`` -> ``access-date``).

    The spans are those of its :class:`Param`.
    """

    name: str
    raw_name: str
    value: str
    span: Span
    value_span: Span
    trimmed_span: Span
    trimmed_value_span: Span
    known: bool
    positional: bool = False
    """Written without a name (``{{cite web|x}}``): ``raw_name`` is the ordinal."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation template (``{{cite web}}``, ``{{citation}}``, ...) with normalised parameters."""

    template: str
    span: Span
    params: tuple[CitationParam, ...]
    in_ref: bool
    cs1: str | None = None
    """The CS1 template this renders through ("Cite web" for {{cite Web}} or {{cite website}}),
    or None for other citation templates ({{cite IUCN}} ...), to which CS1 rules do not apply."""
    _last: dict[str, CitationParam] = field(init=False, repr=False, compare=False)
    """The last parameter of each name: rules ask a citation for parameters by name ~50 times."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_last", {param.name: param for param in self.params})

    def get(self, name: str) -> CitationParam | None:
        """The last parameter with this canonical name, as MediaWiki resolves duplicates."""
        return self._last.get(name)

    def filled(self, name: str) -> CitationParam | None:
        """The parameter MediaWiki would use, if it is there and not empty (CS1's is_set)."""
        param = self.get(name)
        return param if param is not None and param.value else None

    def value(self, name: str) -> str:
        param = self.get(name)
        return param.value if param is not None else ""

    def as_dict(self) -> dict[str, str]:
        return {param.name: param.value for param in self.params}

    def __repr__(self) -> str:
        # Short: the template, the title if any and the size; the full model is as_dict().
        title = self.value("title")
        shown = f", title={_clip(title)!r}" if title else ""
        where = f"{self.span.start}-{self.span.end}"
        return f"<Citation {{{{{self.template}}}}}{shown}, {len(self.params)} params at {where}>"


@dataclass(frozen=True, slots=True)
class InfoboxField:
    name: str
    value: str
    text: str
    span: Span
    name_span: Span | None
    value_span: Span
    trimmed_value_span: Span


@dataclass(frozen=True, slots=True)
class Infobox:
    name: str
    span: Span
    fields: tuple[InfoboxField, ...]

    def get(self, name: str) -> InfoboxField | None:
        for field_ in reversed(self.fields):
            if field_.name == name:
                return field_
        return None


@dataclass(frozen=True, slots=True)
class Ref:
    """A ``<ref>`` tag: a definition (it has content) or a reuse (``<ref name=x/>``).

    ``list_defined`` is true for definitions placed inside a reference list
    (``<references>...</references>`` or ``{{reflist|refs=...}}``).
    """

    name: str | None
    group: str
    is_reuse: bool
    content: str | None
    span: Span
    content_span: Span | None
    list_defined: bool
    citation: Citation | None
    template: str | None = None
    """The template that generates this ref ({{efn}}, {{refn}}, {{r}}), or None for a tag."""
    attributes: tuple[tuple[str, str], ...] = ()
    """A tag's attributes as MediaWiki hands them to Cite (names lower-cased, the last of a
    repeated name kept); empty for refs made by templates."""


@dataclass(frozen=True, slots=True)
class RefSource:
    """A template call whose output the page does not show and that may make <ref> tags:
    an infobox with refs in its own code, a transcluded section, a module, an unknown template.

    A ref name reused on the page but defined nowhere in it may be defined there (and a
    list-defined ref may be used there), so the page alone cannot tell that it is an error.
    """

    template: str
    span: Span
    name_prefix: str = ""
    """Every name it can make starts with this: "FOOTNOTE" for {{sfn}}, "" for any name."""

    def may_make(self, name: str) -> bool:
        return name.startswith(self.name_prefix)


@dataclass(frozen=True, slots=True)
class ReferenceList:
    """Where a group's references are rendered: ``<references/>`` or ``{{Reflist}}`` and kin."""

    kind: str
    group: str
    span: Span


@dataclass(frozen=True, slots=True)
class Wikilink:
    target: str
    text: str | None
    span: Span
    namespace: str
    target_span: Span | None = None
    """Where the target is written (between ``[[`` and ``|`` or ``]]``), comments included."""
    text_span: Span | None = None
    """Where the label is written (between ``|`` and ``]]``); None without a label."""


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    sort_key: str | None
    span: Span


class LinkOrigin(StrEnum):
    BRACKETED = "bracketed"
    BARE = "bare"
    CITATION = "citation"


@dataclass(frozen=True, slots=True)
class ExternalLink:
    """An external URL: ``[url title]``, a bare URL, or a URL-holding citation parameter."""

    url: str
    title: str | None
    span: Span
    url_span: Span
    """Where ``url`` is written: ``source[url_span] == url``, except for a citation parameter
    with a comment in its value (``url`` is the value without comments)."""
    origin: LinkOrigin
    param: str | None = None


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


@dataclass(frozen=True, slots=True)
class Section:
    """A section: the lead (level 0, no title) or one that starts at a heading.

    ``body_span`` runs from the end of the heading to the next heading of any level;
    ``span`` covers the heading and everything up to the next heading of the same or a
    higher level, so it includes the subsections listed in ``children``.
    """

    title: str | None
    raw_title: str | None
    level: int
    span: Span
    heading_span: Span | None
    body_span: Span
    children: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed page: its source and what it holds, each with its :class:`Span` in the source.

    Made by :func:`wikicheck.parse`; immutable. ``sections`` are the top-level sections (each
    with its ``children``), ``lead`` the text before the first heading; ``all_sections()``
    walks them all. ``templates``, ``citations`` (citation templates with normalised
    parameters), ``infoboxes``, ``refs``, ``reference_lists``, ``wikilinks``, ``categories``,
    ``external_links``, ``comments`` and ``text_runs`` (prose, outside markup) are in source
    order. ``position(offset)`` turns an offset into a 1-based line and column.

    >>> import wikicheck
    >>> wikicheck.parse("== A ==\\nText.", path="a.wiki")
    <Article a.wiki: 13 characters, 1 section, 0 citations, 0 refs, 0 templates>
    """

    source: str
    path: str | None
    title: str | None
    lead: Section
    sections: tuple[Section, ...]
    templates: tuple[Template, ...]
    infoboxes: tuple[Infobox, ...]
    refs: tuple[Ref, ...]
    reference_lists: tuple[ReferenceList, ...]
    citations: tuple[Citation, ...]
    wikilinks: tuple[Wikilink, ...]
    categories: tuple[Category, ...]
    external_links: tuple[ExternalLink, ...]
    comments: tuple[Comment, ...]
    text_runs: tuple[TextRun, ...]
    lines: LineIndex = field(repr=False, compare=False)
    ref_sources: tuple[RefSource, ...] = ()
    """Template calls that may make refs this page does not show, in source order."""
    limits: tuple[ParseLimit, ...] = ()
    """Unclosed markup read as text to keep the parse time bounded (reported by WC003)."""
    tags: tuple[HtmlTag, ...] = ()
    """HTML and extension tags the tokenizer matched (refs included), in source order."""
    stray_markup: tuple[StrayMarkup, ...] = ()
    """Markup the tokenizer left as text (unclosed tags, lone brackets ...), in source order."""

    def all_sections(self) -> Iterator[Section]:
        """The lead, then every section in document order (depth first)."""
        yield self.lead
        for section in self.sections:
            yield from section.walk()

    def position(self, offset: int) -> Position:
        return self.lines.position(offset)

    def text_at(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def __repr__(self) -> str:
        # Short (the dataclass repr was the whole page and its model, 44 KB for an article).
        name = self.title or self.path or "<string>"
        counts = ", ".join(
            _count(len(items), noun)
            for items, noun in (
                (list(self.all_sections())[1:], "section"),
                (self.citations, "citation"),
                (self.refs, "ref"),
                (self.templates, "template"),
            )
        )
        return f"<Article {_clip(name)}: {_count(len(self.source), 'character')}, {counts}>"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
