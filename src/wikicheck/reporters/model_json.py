"""``wikicheck parse --format json``: the article model as JSON (schema in docs/json-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Article, Citation, Section, Span

SCHEMA_VERSION = 1


def _where(article: Article, span: Span) -> dict[str, int]:
    start, end = article.position(span.start), article.position(span.end)
    return {
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "offset": span.start,
        "end_offset": span.end,
    }


def _citation(article: Article, citation: Citation) -> dict[str, Any]:
    return {
        "template": citation.template,
        **_where(article, citation.span),
        "params": citation.as_dict(),
        "raw_names": {param.name: param.raw_name for param in citation.params},
        "unknown_params": [param.raw_name for param in citation.params if not param.known],
        "in_ref": citation.in_ref,
        "cs1": citation.cs1,
    }


def _sections(article: Article) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(section: Section, parent: int | None) -> None:
        index = len(rows)
        rows.append(
            {
                "index": index,
                "parent": parent,
                "title": section.title,
                "raw_title": section.raw_title,
                "level": section.level,
                **_where(article, section.span),
                "heading": None
                if section.heading_span is None
                else _where(article, section.heading_span),
                "body": _where(article, section.body_span),
            }
        )
        for child in section.children:
            add(child, index)

    add(article.lead, None)
    for section in article.sections:
        add(section, 0)
    return rows


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "path": article.path,
        "title": article.title,
        "sections": _sections(article),
        "infoboxes": [
            {
                "name": infobox.name,
                **_where(article, infobox.span),
                "fields": [
                    {
                        "name": field.name,
                        "value": field.value,
                        "text": field.text,
                        **_where(article, field.span),
                    }
                    for field in infobox.fields
                ],
            }
            for infobox in article.infoboxes
        ],
        "refs": [
            {
                "name": ref.name,
                "group": ref.group,
                "reuse": ref.is_reuse,
                "list_defined": ref.list_defined,
                "template": ref.template,
                **_where(article, ref.span),
                "content": ref.content,
                "citation": None if ref.citation is None else _citation(article, ref.citation),
            }
            for ref in article.refs
        ],
        "reference_lists": [
            {"kind": item.kind, "group": item.group, **_where(article, item.span)}
            for item in article.reference_lists
        ],
        "citations": [_citation(article, citation) for citation in article.citations],
        "templates": [
            {
                "name": template.name,
                "depth": template.depth,
                "params": len(template.params),
                **_where(article, template.span),
            }
            for template in article.templates
        ],
        "wikilinks": [
            {
                "target": link.target,
                "text": link.text,
                "namespace": link.namespace,
                **_where(article, link.span),
            }
            for link in article.wikilinks
        ],
        "categories": [
            {"name": category.name, "sort_key": category.sort_key, **_where(article, category.span)}
            for category in article.categories
        ],
        "external_links": [
            {
                "url": link.url,
                "title": link.title,
                "origin": link.origin.value,
                "param": link.param,
                **_where(article, link.span),
            }
            for link in article.external_links
        ],
    }


def render(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, indent=2) + "\n"
