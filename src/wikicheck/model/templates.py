"""Template calls and what the parser reads from them: parameters, citations, infoboxes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..textutil import clip
from .spans import Span


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
        shown = f", title={clip(title)!r}" if title else ""
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
