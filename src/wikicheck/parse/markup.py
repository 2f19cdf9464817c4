"""What the tokenizer recovered from: markup it could not match and left in a text node.

mwparserfromhell never fails: a ``<small>`` it cannot pair with a ``</small>``, a ``[[`` with
no ``]]``, an unclosed ``<!--`` all stay in :class:`~mwparserfromhell.nodes.Text` nodes. The
walk hands each text node's value here, at its offset, and this module names the markup in
it. Only text nodes are read, so markup the tokenizer did match is never seen here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache

from ..model import Span, StrayKind, StrayMarkup
from ..resources import load_toml


@dataclass(frozen=True, slots=True)
class HtmlTags:
    """The tag tables of ``data/html_tags.toml``."""

    html: frozenset[str]
    void: frozenset[str]
    optional_end: frozenset[str]
    extension: frozenset[str]
    raw: frozenset[str]
    formatting: frozenset[str]
    obsolete: frozenset[str]
    disallowed: frozenset[str]

    @property
    def known(self) -> frozenset[str]:
        """Every name the scanner reports: tags MediaWiki reads, and HTML it escapes."""
        return self.html | self.extension | self.disallowed


@cache
def html_tags() -> HtmlTags:
    table = load_toml("html_tags.toml")
    return HtmlTags(**{item.name: frozenset(table[item.name]) for item in fields(HtmlTags)})


@cache
def _known_names() -> frozenset[str]:
    return html_tags().known


# One pass over the text: a tag (its name, then anything up to ">"), or a piece of wiki markup.
_STRAY = re.compile(
    r"<!--|<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]*>|\[\[|\]\]|\{\{|\}\}|\{\||\|\}"
)
has_markup = _STRAY.search
"""Whether a text holds anything :func:`scan_text` looks at (one C call, no Python loop)."""
_SIMPLE = {
    "[[": StrayKind.LINK_OPEN,
    "]]": StrayKind.LINK_CLOSE,
    "{{": StrayKind.TEMPLATE_OPEN,
    "}}": StrayKind.TEMPLATE_CLOSE,
    "<!--": StrayKind.COMMENT,
}
_TABLE = {"{|": StrayKind.TABLE_OPEN, "|}": StrayKind.TABLE_CLOSE}


def _line_start(source: str, offset: int) -> bool:
    """Whether only spaces, tabs and the colons of an indented table (":{|", which the
    tokenizer does not read as a table) come before ``offset`` on its line."""
    line = source.rfind("\n", 0, offset) + 1
    return not source[line:offset].strip(" \t:")


def scan_text(value: str, start: int, source: str, out: list[StrayMarkup]) -> None:
    """Append the markup left in a text node's ``value`` (which starts at ``start``)."""
    for match in _STRAY.finditer(value):
        found = match.group()
        begin = start + match.start()
        span = Span(begin, start + match.end())
        name = match.group(2)
        if name is not None:
            name = name.lower()
            if name not in _known_names() or found.endswith("/>"):
                continue
            kind = StrayKind.CLOSE_TAG if match.group(1) else StrayKind.OPEN_TAG
            out.append(StrayMarkup(kind, span, name))
        elif found in _TABLE:
            if _line_start(source, begin):
                out.append(StrayMarkup(_TABLE[found], span))
        else:
            out.append(StrayMarkup(_SIMPLE[found], span))
