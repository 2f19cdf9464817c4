"""What a template call adds to the model besides itself: a citation, an infobox, refs.

The walker (``build.py``) lays out the call and its parameters; these functions only read
the finished :class:`~wikicheck.model.Template`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mwparserfromhell.nodes import Template as TemplateNode

from .. import model
from ..cs1.params import parameter_table, whitelist
from ..model import LinkOrigin
from ..textutil import mediawiki_trim, strip_comments
from .names import (
    cs1_class,
    fixed_group_templates,
    parser_function_key,
    ref_templates,
    tag_function_attribute,
)
from .plain import plain_text


def _group(name: str, value: str | None, default: str) -> str:
    """The group a template passes on: its |group= as {{#tag:}} hands it to Cite, or
    ``default`` when the call gives none or the template writes its own ({{efn-lr}})."""
    if value is None or name in fixed_group_templates():
        return default
    return tag_function_attribute(value) or default


def list_group(template: model.Template, default: str) -> str:
    """The group a reference list or a {{efn}}-style ref belongs to."""
    group = template.get("group")
    return _group(template.name, None if group is None else group.value, default)


def pending_list_group(node: TemplateNode, name: str, default: str) -> str:
    """``list_group`` of a call whose parameters are not laid out yet.

    ``{{reflist|refs=…|group=x}}`` may name its group after the refs it holds, so the group
    is read from the parse tree before the walk reaches ``refs=``. Names and values are
    cleaned as :class:`~wikicheck.model.Param` cleans them.
    """
    for param in reversed(node.params):
        if param.showkey and mediawiki_trim(strip_comments(str(param.name))) == "group":
            return _group(name, mediawiki_trim(strip_comments(str(param.value))), default)
    return default


def citation(
    template: model.Template,
    in_ref: bool,
    links_in_param: Mapping[str, int],
) -> tuple[model.Citation, list[model.ExternalLink]]:
    """The citation, with its parameters under their canonical names, and the URLs of its
    URL parameters that the tokenizer did not see as links (``links_in_param`` counts the
    links it did see, by parameter name)."""
    table = parameter_table()
    accepted = whitelist()
    cs1 = cs1_class(template.name)
    params: list[model.CitationParam] = []
    unlinked: list[model.ExternalLink] = []
    for param in template.params:
        canonical = table.canonical(param.name)
        params.append(
            model.CitationParam(
                name=canonical,
                raw_name=param.name,
                value=param.value,
                span=param.span,
                value_span=param.value_span,
                trimmed_span=param.trimmed_span,
                trimmed_value_span=param.trimmed_value_span,
                known=cs1 is None or accepted.accepts(param.name, cs1, empty=not param.value),
                positional=param.positional,
            )
        )
        # A URL the tokenizer did not see as a link (no scheme, "//host", junk) is still
        # the citation's URL: record it so the link checker and the rules see every one.
        if canonical in table.url_params and param.value and not links_in_param.get(param.name):
            unlinked.append(
                model.ExternalLink(
                    url=param.value,
                    title=None,
                    span=param.trimmed_value_span,
                    url_span=param.trimmed_value_span,
                    origin=LinkOrigin.CITATION,
                    param=canonical,
                )
            )
    made = model.Citation(template.name, template.span, tuple(params), in_ref=in_ref, cs1=cs1)
    return made, unlinked


def infobox(node: TemplateNode, template: model.Template) -> model.Infobox:
    fields = tuple(
        model.InfoboxField(
            name=parsed.name,
            value=parsed.value,
            text=plain_text(param.value),
            span=parsed.span,
            name_span=parsed.name_span,
            value_span=parsed.value_span,
            trimmed_value_span=parsed.trimmed_value_span,
        )
        for param, parsed in zip(node.params, template.params, strict=True)
    )
    return model.Infobox(template.name, template.span, fields)


def template_refs(
    template: model.Template, list_defined: bool, citations: Sequence[model.Citation]
) -> list[model.Ref]:
    """Refs made by {{efn}}/{{refn}} (definitions) and {{r}} (reuses).

    ``citations`` are those found inside the call; a definition's citation is the first one
    in its content.
    """
    kinds = ref_templates()
    refs: list[model.Ref] = []
    key = parser_function_key(template.name)
    default = kinds.define.get(key)
    if default is not None:
        content = template.get("1")
        name = template.get("name")
        found = None
        if content is not None:
            found = next((c for c in citations if content.value_span.contains(c.span)), None)
        refs.append(
            model.Ref(
                name=None if name is None else tag_function_attribute(name.value) or None,
                group=list_group(template, default),
                is_reuse=content is None or not content.value.strip(),
                content=None if content is None else content.value,
                span=template.span,
                content_span=None if content is None else content.value_span,
                list_defined=list_defined,
                citation=found,
                template=template.name,
            )
        )
    default = kinds.reuse.get(key)
    if default is not None:
        given = template.get("group") or template.get("g")
        group = _group(template.name, None if given is None else given.value, default)
        for param in template.params:
            name_value = tag_function_attribute(param.value) if param.positional else ""
            if name_value:
                refs.append(
                    model.Ref(
                        name=name_value,
                        group=group,
                        is_reuse=True,
                        content=None,
                        span=template.span,
                        content_span=None,
                        list_defined=False,
                        citation=None,
                        template=template.name,
                    )
                )
    return refs
