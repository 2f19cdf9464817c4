"""Short citations as Module:Footnotes makes their links, and the anchors that templates other
than citations make ({{harvc}}, {{wikicite}}, {{anchor}}).

``{{sfn|Smith|Jones|2001}}`` links to ``anchorEncode("CITEREF" .. P1 .. P5)`` (Module:Footnotes
``core``), or to ``anchorEncode(|ref=)``; ``{{sfnm}}`` makes one link per source (``sfnm``).
The template names are data (``data/short_citations.toml``); the citation side is in
``cs1.citeref``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..model import Span, Template
from ..resources import load_toml
from ..textutil import mediawiki_trim
from .citeref import Anchor, anchor_encode, anchor_id_value, opaque


@dataclass(frozen=True, slots=True)
class ShortCitation:
    """One link to a CITEREF anchor: a {{sfn}}, a {{harv}}, one source of a {{sfnm}}.

    ``label`` is the template as Module:Footnotes names it in its messages ("sfn").
    ``checked`` is false when |ignore-err=yes asks the module not to report a missing target.
    """

    label: str
    anchor: str
    span: Span
    certain: bool
    surname: str
    checked: bool = True


@dataclass(frozen=True, slots=True)
class _Kinds:
    links: dict[str, tuple[str, str]]
    harvc: frozenset[str]
    wikicite: frozenset[str]
    plain: frozenset[str]
    transclusions: frozenset[str]


@cache
def _kinds() -> _Kinds:
    data = load_toml("short_citations.toml")
    table = data["anchors"]
    return _Kinds(
        links={name: (label, kind) for name, (label, kind) in data["links"].items()},
        harvc=frozenset(table["harvc"]),
        wikicite=frozenset(table["wikicite"]),
        plain=frozenset(table["plain_anchors"]),
        transclusions=frozenset(table["transclusions"]),
    )


def links_to_anchors(name: str) -> bool:
    """A short-citation template ({{sfn}}, {{harv}}, {{harvc}} …)."""
    kinds = _kinds()
    return name in kinds.links or name in kinds.harvc


def is_transclusion(name: str) -> bool:
    """A call that brings another page's text (and its citations) into this one."""
    return name in _kinds().transclusions or name.lower().startswith(("#section", "#lst"))


def _value(template: Template, *names: str) -> str:
    for name in names:
        param = template.get(name)
        if param is not None:
            return mediawiki_trim(param.value)
    return ""


def _unnumbered(name: str, index: int) -> tuple[str, ...]:
    return (name,) if index == 1 else ()


def _yes(template: Template, *names: str) -> bool:
    return any(_value(template, name) == "yes" for name in names)


def _link(
    label: str, template: Template, parts: list[str], ref: str, checked: bool
) -> Iterator[ShortCitation]:
    if ref:
        made = anchor_id_value(ref)
        if made is not None:
            yield ShortCitation(label, made[0], template.span, made[1], "", checked)
        return
    if not parts or not parts[0]:
        return
    anchor = anchor_encode("CITEREF" + "".join(parts))
    certain = not any(opaque(part) for part in parts)
    yield ShortCitation(label, anchor, template.span, certain, parts[0], checked)


def _single(label: str, template: Template) -> Iterator[ShortCitation]:
    parts = [_value(template, str(index)) for index in range(1, 6)]
    ref = _value(template, "ref", "Ref")
    checked = not _yes(template, "ignore-err", "ignore-false-positive")
    yield from _link(label, template, parts, ref, checked)


def _multiple(label: str, template: Template) -> Iterator[ShortCitation]:
    """{{sfnm}}: source n is |na1= ... |na5= (stopping at the first missing name, whose place
    the year |ny= takes), or the next positional surname/year pair."""
    positional = 1
    source = 1
    while True:
        if template.get(f"{source}a1") is not None:
            parts: list[str] = []
            for index in range(1, 6):
                name = _value(template, f"{source}a{index}")
                if not name:
                    parts.append(_value(template, f"{source}y"))
                    break
                parts.append(name)
        elif template.get(str(positional)) is not None:
            parts = [_value(template, str(positional)), _value(template, str(positional + 1))]
            positional += 2
        else:
            return
        ref = _value(template, f"{source}ref")
        checked = not _yes(template, f"{source}ignore-err", f"{source}ignore-false-positive")
        yield from _link(label, template, parts, ref, checked)
        source += 1


def short_citations(template: Template) -> list[ShortCitation]:
    """The links this template makes to CITEREF anchors (none for other templates)."""
    kinds = _kinds()
    known = kinds.links.get(template.name)
    if known is not None:
        label, kind = known
        links = _single(label, template) if kind == "single" else _multiple(label, template)
        return list(links)
    if template.name in kinds.harvc:
        parts = [_value(template, f"in{index}") for index in range(1, 5)]
        if parts[0]:
            parts.append(_value(template, "year"))
            ignore = not _yes(template, "ignore-err")
            return list(_link("harvc", template, parts, "", ignore))
    return []


def template_anchors(template: Template) -> list[Anchor]:
    """The anchors a template other than a citation makes: {{harvc}}, {{wikicite}}, {{anchor}}."""
    kinds = _kinds()
    name = template.name
    if name in kinds.harvc:
        ref = _value(template, "ref")
        if ref:
            made = anchor_id_value(ref)
            return [] if made is None else [Anchor(made[0], template.span, made[1])]
        names = [
            _value(template, f"last{index}", *_unnumbered("last", index)) for index in range(1, 5)
        ]
        parts = [part for part in names if part] + [_value(template, "year")]
        if not names[0]:
            return []
        certain = not any(opaque(part) for part in parts)
        return [Anchor(anchor_encode("CITEREF" + "".join(parts)), template.span, certain)]
    if name in kinds.wikicite:
        ref = _value(template, "ref")
        ident = _value(template, "id")
        if ref:
            made = anchor_id_value(ref)
            return [] if made is None else [Anchor(made[0], template.span, made[1])]
        if ident:
            return [Anchor(anchor_encode("Reference-" + ident), template.span, not opaque(ident))]
        return []
    if name in kinds.plain:
        return [
            Anchor(
                anchor_encode(param.value), template.span, not opaque(param.value), counted=False
            )
            for param in template.params
            if param.positional and param.value.strip()
        ]
    return []
