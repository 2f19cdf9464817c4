"""References: ``<ref>`` tags and ref-making templates, where refs may come from unseen,
and where reference lists are rendered."""

from __future__ import annotations

from dataclasses import dataclass

from .spans import Span
from .templates import Citation


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
