"""Plain text of a wikitext fragment: roughly what a reader sees, for values and titles."""

from __future__ import annotations

import re
from typing import Any

from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from .names import normalize_template_name, tag_kinds, text_templates

_HIDDEN_LINK_NAMESPACES = ("category:", "file:", "image:", "media:")
_HORIZONTAL_SPACE = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


def plain_text(code: Wikicode) -> str:
    """Render ``code`` to text: links become their label, ``<br>`` a newline, refs and
    unknown templates vanish, and whitespace is collapsed as a browser would."""
    text = "".join(_render(node) for node in code.nodes)
    text = _HORIZONTAL_SPACE.sub(" ", text)
    return _BLANK_LINES.sub("\n", text).strip()


def _render_code(code: Wikicode | None) -> str:
    if code is None:
        return ""
    return "".join(_render(node) for node in code.nodes)


def _render(node: Any) -> str:
    if isinstance(node, Text):
        return str(node.value)
    if isinstance(node, Wikilink):
        target = str(node.title).strip()
        if target.lower().startswith(_HIDDEN_LINK_NAMESPACES):
            return ""
        if node.text is not None:
            return _render_code(node.text)
        return target.lstrip(":")
    if isinstance(node, ExternalLink):
        if node.brackets:
            return _render_code(node.title)
        return str(node.url)
    if isinstance(node, HTMLEntity):
        return str(node.normalize())
    if isinstance(node, Tag):
        return _render_tag(node)
    if isinstance(node, Template):
        return _render_template(node)
    if isinstance(node, Heading):
        return _render_code(node.title)
    if isinstance(node, Comment):
        return ""
    return ""  # parser-function arguments and anything else render to nothing we can know


def _render_tag(node: Tag) -> str:
    name = str(node.tag).strip().lower()
    if name in ("br", "hr"):
        return "\n"
    kinds = tag_kinds()
    if name in kinds.prose or name in kinds.quote:
        return _render_code(node.contents) if not node.self_closing else ""
    if name == "nowiki" and node.contents is not None:
        return str(node.contents)
    return ""


def _render_template(node: Template) -> str:
    name = normalize_template_name(str(node.name))
    known = text_templates()
    if name in known.literal:
        return known.literal[name]
    if name in known.param_1 and node.has("1"):
        return _render_code(node.get("1").value)
    if name in known.param_2 and node.has("2"):
        return _render_code(node.get("2").value)
    return ""
