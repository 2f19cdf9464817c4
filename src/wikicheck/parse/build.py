"""One walk over the mwparserfromhell tree that collects everything the article model holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from .. import model
from ..cs1.params import parameter_table
from ..model import LinkOrigin, Span, TextContext
from ..textutil import mediawiki_trim, strip_comments
from .names import (
    citation_templates,
    cs1_class,
    infobox_templates,
    normalize_template_name,
    normalize_title,
    ref_templates,
    reference_list_templates,
    tag_kinds,
)
from .plain import plain_text
from .sections import HeadingInfo
from .spans import SpanTable

_NAMESPACES = frozenset(
    {
        "",
        "talk",
        "user",
        "user talk",
        "wikipedia",
        "wp",
        "project",
        "wikipedia talk",
        "file",
        "image",
        "file talk",
        "mediawiki",
        "template",
        "template talk",
        "help",
        "category",
        "category talk",
        "portal",
        "draft",
        "module",
        "special",
        "media",
        "timedtext",
        "mos",
        "h",
        "cat",
        "t",
    }
)
_INTERWIKI = re.compile(
    r"^[a-z]{2,3}(?:-[a-z]+)*$|^(?:wikt|wiktionary|commons|c|s|q|n|b|v|voy|d|m|meta|species|w|mw|wikisource|wikiquote|wikinews|wikibooks|wikiversity|wikivoyage|wikidata|wikispecies|foundation|phab|gerrit|doi|rfc|google)$"
)
_NO_TEXT_NAMESPACES = frozenset({"file", "image", "media", "interwiki"})


@dataclass(frozen=True, slots=True)
class _Context:
    """Where the walk is: what the text here is to a reader, and what encloses it."""

    text: TextContext | None = TextContext.PROSE
    template_depth: int = 0
    in_ref: bool = False
    sections_allowed: bool = True
    list_group: str | None = None
    citation_url_param: str | None = None


_TOP = _Context()


@cache
def _derive(ctx: _Context, **changes: Any) -> _Context:
    """``dataclasses.replace`` memoised: a page has a handful of distinct contexts, and the
    walk derives one for every node."""
    return replace(ctx, **changes)


class ArticleCollector:
    """Walks a parsed page once and gathers the parts of the article model."""

    def __init__(self, source: str, spans: SpanTable) -> None:
        self.source = source
        self.spans = spans
        self.templates: list[model.Template] = []
        self.citations: list[model.Citation] = []
        self.infoboxes: list[model.Infobox] = []
        self.refs: list[model.Ref] = []
        self.reference_lists: list[model.ReferenceList] = []
        self.wikilinks: list[model.Wikilink] = []
        self.categories: list[model.Category] = []
        self.external_links: list[model.ExternalLink] = []
        self.comments: list[model.Comment] = []
        self.text_runs: list[model.TextRun] = []
        self.headings: list[HeadingInfo] = []

    def collect(self, code: Wikicode) -> None:
        self._code(code, _TOP)

    # -- helpers ---------------------------------------------------------------------------

    def _span(self, obj: object) -> Span:
        return self.spans[id(obj)]

    def _slice(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def _code(self, code: Wikicode | None, ctx: _Context) -> None:
        if code is None:
            return
        for node in code.nodes:
            self._node(node, ctx)

    def _node(self, node: Any, ctx: _Context) -> None:
        if isinstance(node, Text):
            if ctx.text is not None and not node.value.isspace():
                span = self._span(node)
                self.text_runs.append(model.TextRun(self._slice(span), span, ctx.text))
        elif isinstance(node, Template):
            self._template(node, ctx)
        elif isinstance(node, Tag):
            self._tag(node, ctx)
        elif isinstance(node, Wikilink):
            self._wikilink(node, ctx)
        elif isinstance(node, ExternalLink):
            self._external_link(node, ctx)
        elif isinstance(node, Heading):
            self._heading(node, ctx)
        elif isinstance(node, Comment):
            self.comments.append(model.Comment(node.contents, self._span(node)))
        elif isinstance(node, Argument):
            inner = _derive(ctx, text=None)
            self._code(node.name, inner)
            self._code(node.default, inner)

    # -- templates -------------------------------------------------------------------------

    def _param(self, param: Parameter) -> model.Param:
        value_span = self._span(param.value)
        raw_value = strip_comments(self._slice(value_span))
        if param.showkey:
            name_span: Span | None = self._span(param.name)
            assert name_span is not None
            name = mediawiki_trim(strip_comments(self._slice(name_span)))
            value = mediawiki_trim(raw_value)
        else:
            name_span = None
            name = str(param.name)
            value = raw_value
        span = self._span(param)
        return model.Param(
            name=name,
            value=value,
            raw=self._slice(span),
            positional=not param.showkey,
            span=span,
            name_span=name_span,
            value_span=value_span,
        )

    def _template(self, node: Template, ctx: _Context) -> None:
        span = self._span(node)
        name_span = self._span(node.name)
        raw_name = self._slice(name_span)
        name = normalize_template_name(raw_name)
        params = tuple(self._param(param) for param in node.params)
        template = model.Template(name, raw_name, span, name_span, params, ctx.template_depth)
        self.templates.append(template)

        inner = _derive(
            ctx,
            text=None,
            template_depth=ctx.template_depth + 1,
            sections_allowed=False,
            citation_url_param=None,
        )
        self._code(node.name, inner)
        is_citation = name in citation_templates()
        list_group = reference_list_templates().get(name)
        table = parameter_table()
        link_count: dict[str, int] = {}
        for param, parsed in zip(node.params, params, strict=True):
            if param.showkey:
                self._code(param.name, inner)
            param_ctx = inner
            if list_group is not None and parsed.name == "refs":
                param_ctx = _derive(inner, list_group=self._list_group(template, list_group))
            elif is_citation and table.canonical(parsed.name) in table.url_params:
                param_ctx = _derive(inner, citation_url_param=table.canonical(parsed.name))
            before = len(self.external_links)
            self._code(param.value, param_ctx)
            link_count[parsed.name] = len(self.external_links) - before

        if is_citation:
            self._citation(template, ctx, link_count)
        if name in infobox_templates():
            self._infobox(node, template)
        if list_group is not None:
            group = self._list_group(template, list_group)
            self.reference_lists.append(model.ReferenceList(name, group, span))
        self._template_refs(template, ctx)

    def _template_refs(self, template: model.Template, ctx: _Context) -> None:
        """Refs made by {{efn}}/{{refn}} (definitions) and {{r}} (reuses)."""
        kinds = ref_templates()
        default = kinds.define.get(template.name)
        if default is not None:
            content = template.get("1")
            name = template.get("name")
            citation = None
            if content is not None:
                citation = next(
                    (c for c in self.citations if content.value_span.contains(c.span)), None
                )
            self.refs.append(
                model.Ref(
                    name=name.value if name is not None and name.value else None,
                    group=self._list_group(template, default),
                    is_reuse=content is None or not content.value.strip(),
                    content=None if content is None else content.value,
                    span=template.span,
                    content_span=None if content is None else content.value_span,
                    list_defined=ctx.list_group is not None,
                    citation=citation,
                    template=template.name,
                )
            )
        default = kinds.reuse.get(template.name)
        if default is not None:
            group = template.get("group") or template.get("g")
            for param in template.params:
                if param.positional and param.value.strip():
                    self.refs.append(
                        model.Ref(
                            name=param.value.strip(),
                            group=group.value if group is not None else default,
                            is_reuse=True,
                            content=None,
                            span=template.span,
                            content_span=None,
                            list_defined=False,
                            citation=None,
                            template=template.name,
                        )
                    )

    @staticmethod
    def _list_group(template: model.Template, default: str) -> str:
        group = template.get("group")
        return group.value if group is not None and group.value else default

    def _citation(
        self, template: model.Template, ctx: _Context, link_count: dict[str, int]
    ) -> None:
        table = parameter_table()
        cs1 = cs1_class(template.name)
        params: list[model.CitationParam] = []
        for param in template.params:
            canonical = table.canonical(param.name)
            params.append(
                model.CitationParam(
                    name=canonical,
                    raw_name=param.name,
                    value=param.value,
                    span=param.span,
                    value_span=param.value_span,
                    known=cs1 is None or table.is_known(canonical, cs1),
                )
            )
            # A URL the tokenizer did not see as a link (no scheme, "//host", junk) is still
            # the citation's URL: record it so the link checker and the rules see every one.
            if canonical in table.url_params and param.value and not link_count.get(param.name):
                self.external_links.append(
                    model.ExternalLink(
                        url=param.value,
                        title=None,
                        span=param.value_span.trimmed(self.source),
                        origin=LinkOrigin.CITATION,
                        param=canonical,
                    )
                )
        self.citations.append(
            model.Citation(template.name, template.span, tuple(params), in_ref=ctx.in_ref, cs1=cs1)
        )

    def _infobox(self, node: Template, template: model.Template) -> None:
        fields = tuple(
            model.InfoboxField(
                name=parsed.name,
                value=parsed.value,
                text=plain_text(param.value),
                span=parsed.span,
                name_span=parsed.name_span,
                value_span=parsed.value_span,
            )
            for param, parsed in zip(node.params, template.params, strict=True)
        )
        self.infoboxes.append(model.Infobox(template.name, template.span, fields))

    # -- tags ------------------------------------------------------------------------------

    @staticmethod
    def _attributes(node: Tag) -> dict[str, str]:
        values: dict[str, str] = {}
        for attribute in node.attributes:
            key = str(attribute.name).strip().lower()
            value = "" if attribute.value is None else str(attribute.value)
            values[key] = strip_comments(value).strip()
        return values

    def _walk_attributes(self, node: Tag, ctx: _Context) -> None:
        inner = _derive(ctx, text=None, sections_allowed=False)
        for attribute in node.attributes:
            self._code(attribute.name, inner)
            self._code(attribute.value, inner)

    def _tag(self, node: Tag, ctx: _Context) -> None:
        name = str(node.tag).strip().lower()
        if name == "ref" and not node.wiki_markup:
            self._ref(node, ctx)
            return
        if name == "references" and not node.wiki_markup:
            group = self._attributes(node).get("group", "")
            span = self._span(node)
            self.reference_lists.append(model.ReferenceList("references", group, span))
            self._walk_attributes(node, ctx)
            if not node.self_closing:
                inner = _derive(ctx, text=None, sections_allowed=False, list_group=group)
                self._code(node.contents, inner)
            return
        kinds = tag_kinds()
        text = ctx.text
        if text is not None and not node.wiki_markup:
            if name in kinds.quote:
                text = TextContext.QUOTE
            elif name not in kinds.prose:
                text = None
        self._walk_attributes(node, ctx)
        if not node.self_closing:
            inner = _derive(
                ctx, text=text, sections_allowed=ctx.sections_allowed and text is not None
            )
            self._code(node.contents, inner)

    def _ref(self, node: Tag, ctx: _Context) -> None:
        attributes = self._attributes(node)
        name = attributes.get("name") or None
        group = attributes.get("group", ctx.list_group or "")
        if node.self_closing:
            content: str | None = None
            content_span: Span | None = None
        else:
            content_span = self._span(node.contents)
            content = self._slice(content_span)
        is_reuse = name is not None and (content is None or not content.strip())
        self._walk_attributes(node, ctx)
        first_citation = len(self.citations)
        inner = _derive(ctx, text=None, in_ref=True, sections_allowed=False, list_group=None)
        self._code(node.contents if not node.self_closing else None, inner)
        citation = self.citations[first_citation] if len(self.citations) > first_citation else None
        self.refs.append(
            model.Ref(
                name=name,
                group=group,
                is_reuse=is_reuse,
                content=content,
                span=self._span(node),
                content_span=content_span,
                list_defined=ctx.list_group is not None and not is_reuse,
                citation=citation,
            )
        )

    # -- links and headings ----------------------------------------------------------------

    def _wikilink(self, node: Wikilink, ctx: _Context) -> None:
        span = self._span(node)
        target = strip_comments(self._slice(self._span(node.title))).strip()
        escaped = target.startswith(":")
        prefix, colon, rest = target.lstrip(":").partition(":")
        folded = prefix.strip().lower()
        namespace = ""
        if colon:
            if folded in _NAMESPACES:
                namespace = normalize_title(folded)
            elif _INTERWIKI.match(folded):
                namespace = "interwiki"
        text = None if node.text is None else self._slice(self._span(node.text))
        no_text = _derive(ctx, text=None, sections_allowed=False)
        if namespace == "Category" and not escaped:
            self.categories.append(model.Category(normalize_title(rest), text, span))
            self._code(node.title, no_text)
            self._code(node.text, no_text)
            return
        self.wikilinks.append(model.Wikilink(target, text, span, namespace))
        label_ctx = no_text
        if ctx.text is not None and namespace.lower() not in _NO_TEXT_NAMESPACES:
            label_ctx = _derive(no_text, text=TextContext.LINK)
        if node.text is None:
            self._code(node.title, label_ctx)
        else:
            self._code(node.title, no_text)
            self._code(node.text, label_ctx)

    def _external_link(self, node: ExternalLink, ctx: _Context) -> None:
        span = self._span(node)
        url = self._slice(self._span(node.url)).strip()
        title = None if node.title is None else self._slice(self._span(node.title))
        if ctx.citation_url_param is not None:
            origin, param = LinkOrigin.CITATION, ctx.citation_url_param
        else:
            origin = LinkOrigin.BRACKETED if node.brackets else LinkOrigin.BARE
            param = None
        self.external_links.append(model.ExternalLink(url, title, span, origin, param))
        label_ctx = _derive(ctx, text=TextContext.LINK if ctx.text is not None else None)
        self._code(node.url, _derive(ctx, text=None))
        self._code(node.title, label_ctx)

    def _heading(self, node: Heading, ctx: _Context) -> None:
        if ctx.sections_allowed:
            title_span = self._span(node.title)
            self.headings.append(
                HeadingInfo(
                    level=node.level,
                    title=plain_text(node.title),
                    raw_title=self._slice(title_span).strip(),
                    span=self._span(node),
                )
            )
        heading_text = TextContext.HEADING if ctx.text is not None else None
        self._code(node.title, _derive(ctx, text=heading_text))
