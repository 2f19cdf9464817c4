"""The walk's context and the small helpers every part of the walk (``build.py``) uses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from mwparserfromhell.nodes import Text
from mwparserfromhell.wikicode import Wikicode

from ..model import TextContext


@dataclass(frozen=True, slots=True)
class Context:
    """Where the walk is: what the text here is to a reader, and what encloses it."""

    text: TextContext | None = TextContext.PROSE
    template_depth: int = 0
    in_ref: bool = False
    sections_allowed: bool = True
    list_group: str | None = None
    citation_url_param: str | None = None
    markup: bool = True
    """Whether text here is wikitext, where markup left unmatched is a break (not inside
    <nowiki>, <math> ... nor in attribute values)."""


TOP = Context()


@lru_cache(maxsize=256)
def derive(ctx: Context, **changes: Any) -> Context:
    """``dataclasses.replace`` memoised: a page has a handful of distinct contexts, and the
    walk derives one for every node. Bounded, because contexts carry names from the page
    (a reference group), which over a whole dump are without number."""
    return replace(ctx, **changes)


def popped(nodes: list[Any]) -> Iterator[Any]:
    """The nodes from last to first, each dropped from the list as it is handed out."""
    while nodes:
        yield nodes.pop()


def source_length(code: Wikicode) -> int:
    """``len(str(code))`` for a part the walk does not enter (a tag's name, a link's title
    before its walk), without serialising the usual plain text."""
    length = 0
    for node in code.nodes:  # iterated, not indexed: SmartList indexing is Python code
        if type(node) is not Text:
            return len(str(code))
        length += len(node.value)
    return length
