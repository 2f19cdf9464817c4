"""The walk's handlers for template calls ``{{name|...}}`` and arguments ``{{{name|default}}}``.

A template call becomes a :class:`~wikicheck.model.Template` with its parameters laid out,
and, by its family, a citation, an infobox, a reference list, a ref source or refs
(``parse.templates`` reads the finished call). Each handler takes the
:class:`~wikicheck.parse.build.ArticleCollector`, the node, the context and the node's start
offset, and returns its end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Argument, Template

from .. import model
from ..cs1.params import parameter_table
from ..model import Span
from ..textutil import mediawiki_trim, strip_comments
from . import templates
from .build_context import Context, derive
from .names import (
    citation_templates,
    infobox_templates,
    list_defined_params,
    normalize_template_name,
    reference_list_templates,
    unseen_ref_names,
)

if TYPE_CHECKING:
    from .build import ArticleCollector


def argument(walk: ArticleCollector, node: Argument, ctx: Context, start: int) -> int:
    inner = derive(ctx, text=None)
    position = walk.code(node.name, inner, start + len("{{{"))
    if node.default is not None:
        position = walk.code(node.default, inner, position + len("|"))
    return position + len("}}}")


def template(walk: ArticleCollector, node: Template, ctx: Context, start: int) -> int:
    source = walk.source
    inner = derive(
        ctx,
        text=None,
        template_depth=ctx.template_depth + 1,
        sections_allowed=False,
        citation_url_param=None,
    )
    name_start = start + len("{{")
    position = walk.code(node.name, inner, name_start)
    name_span = Span(name_start, position)
    raw_name = source[name_start:position]
    name = normalize_template_name(raw_name)
    is_citation = name in citation_templates()
    default_group = reference_list_templates().get(name)
    refs_params = () if default_group is None else list_defined_params(name)
    table = parameter_table()
    first_citation = len(walk.citations)
    params: list[model.Param] = []
    links_in_param: dict[str, int] = {}
    for param in node.params:
        param_start = position = position + len("|")
        if param.showkey:
            position = walk.code(param.name, inner, param_start)
            key_span: Span | None = Span(param_start, position)
            key = mediawiki_trim(strip_comments(source[param_start:position]))
            position += len("=")
        else:
            key_span = None
            key = str(param.name)
        param_ctx = inner
        if default_group is not None and key in refs_params:
            group = templates.pending_list_group(node, name, default_group)
            param_ctx = derive(inner, list_group=group)
        elif is_citation and (canonical := table.canonical(key)) in table.url_params:
            param_ctx = derive(inner, citation_url_param=canonical)
        links_before = len(walk.external_links)
        value_start = position
        position = walk.code(param.value, param_ctx, value_start)
        links_in_param[key] = len(walk.external_links) - links_before
        raw_value = strip_comments(source[value_start:position])
        whole = Span(param_start, position)
        value_span = Span(value_start, position)
        params.append(
            model.Param(
                name=key,
                value=mediawiki_trim(raw_value) if param.showkey else raw_value,
                raw=source[param_start:position],
                positional=not param.showkey,
                span=whole,
                name_span=key_span,
                value_span=value_span,
                trimmed_span=whole.trimmed(source),
                trimmed_value_span=value_span.trimmed(source),
            )
        )
    end = position + len("}}")
    span = Span(start, end)
    depth = ctx.template_depth
    template = model.Template(name, raw_name, span, name_span, tuple(params), depth)
    walk.templates.append(template)

    if is_citation:
        made, unlinked = templates.citation(template, ctx.in_ref, links_in_param)
        walk.citations.append(made)
        walk.external_links.extend(unlinked)
    if name in infobox_templates():
        walk.infoboxes.append(templates.infobox(node, template))
    if default_group is not None:
        group = templates.list_group(template, default_group)
        walk.reference_lists.append(model.ReferenceList(name, group, span))
    unseen = unseen_ref_names(name)
    if unseen is not None:
        walk.ref_sources.append(model.RefSource(name, span, unseen))
    inside = walk.citations[first_citation:]
    walk.refs.extend(templates.template_refs(template, ctx.list_group is not None, inside))
    return end
