"""Template and link names as MediaWiki resolves them, and the template families we know."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..resources import load_toml
from ..textutil import strip_comments

_SPACES = re.compile(r"[\s_]+")
_TEMPLATE_PREFIX = re.compile(r"^(?:template|msg|subst|safesubst)\s*:\s*", re.IGNORECASE)


def normalize_title(raw: str) -> str:
    """Collapse spaces and underscores and capitalise the first letter, as MediaWiki does."""
    title = _SPACES.sub(" ", strip_comments(raw)).strip()
    return title[:1].upper() + title[1:]


def normalize_template_name(raw: str) -> str:
    """``{{ template:cite_web }}`` -> ``Cite web``."""
    name = strip_comments(raw).strip()
    while True:
        stripped = _TEMPLATE_PREFIX.sub("", name, count=1)
        if stripped == name:
            break
        name = stripped
    return normalize_title(name)


@dataclass(frozen=True, slots=True)
class _NameSet:
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    names: frozenset[str]
    exclude: frozenset[str]

    seen: dict[str, bool] = field(default_factory=dict, compare=False)
    """Answers already given: a page calls the same few dozen templates again and again."""

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        known = self.seen.get(name)
        if known is None:
            if len(self.seen) > 100_000:  # a whole dump names millions of templates
                self.seen.clear()
            known = self.seen[name] = self._matches(name)
        return known

    def _matches(self, name: str) -> bool:
        if name in self.exclude:
            return False
        folded = name.casefold()
        return (
            name in self.names
            or any(folded.startswith(prefix.casefold()) for prefix in self.prefixes)
            or any(folded.endswith(suffix.casefold()) for suffix in self.suffixes)
        )


def _name_set(section: str) -> _NameSet:
    table = load_toml("templates.toml")[section]
    return _NameSet(
        prefixes=tuple(table.get("prefixes", ())),
        suffixes=tuple(table.get("suffixes", ())),
        names=frozenset(table.get("names", ())),
        exclude=frozenset(table.get("exclude", ())),
    )


@cache
def citation_templates() -> _NameSet:
    return _name_set("citations")


@cache
def _cs1_classes() -> dict[str, str]:
    table = load_toml("templates.toml")["citations"]
    classes = {name.casefold(): name for name in table["cs1"]}
    for redirect, target in table["redirects"].items():
        classes[redirect.casefold()] = target
    return classes


def cs1_class(name: str) -> str | None:
    """The CS1 template a citation template name renders through, or None for other templates."""
    return _cs1_classes().get(name.casefold())


@cache
def infobox_templates() -> _NameSet:
    return _name_set("infoboxes")


@cache
def reference_list_templates() -> dict[str, str]:
    """Normalised template name -> the ref group it lists by default."""
    table: dict[str, str] = load_toml("templates.toml")["reference_lists"]
    return table


@dataclass(frozen=True, slots=True)
class TextTemplates:
    """Templates whose rendered text is one of their parameters or a fixed string."""

    param_1: frozenset[str]
    param_2: frozenset[str]
    literal: dict[str, str]


@cache
def text_templates() -> TextTemplates:
    table = load_toml("templates.toml")["text"]
    return TextTemplates(
        param_1=frozenset(table["keep_param_1"]),
        param_2=frozenset(table["keep_param_2"]),
        literal=dict(table["literal"]),
    )


@dataclass(frozen=True, slots=True)
class TagKinds:
    prose: frozenset[str]
    quote: frozenset[str]


@cache
def tag_kinds() -> TagKinds:
    table = load_toml("tags.toml")
    return TagKinds(prose=frozenset(table["prose"]), quote=frozenset(table["quote"]))


@dataclass(frozen=True, slots=True)
class RefTemplates:
    """Templates that make <ref> tags: definitions ({{efn}}, {{refn}}) and reuses ({{r}})."""

    define: dict[str, str]
    reuse: dict[str, str]


@cache
def ref_templates() -> RefTemplates:
    table = load_toml("templates.toml")["ref_templates"]
    return RefTemplates(define=dict(table["define"]), reuse=dict(table["reuse"]))


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z]+)*")


@dataclass(frozen=True, slots=True)
class LinkPrefixes:
    namespaces: frozenset[str]
    interwiki: frozenset[str]
    no_text: frozenset[str]


@cache
def link_prefixes() -> LinkPrefixes:
    table = load_toml("namespaces.toml")
    return LinkPrefixes(
        namespaces=frozenset(table["namespaces"]),
        interwiki=frozenset(table["interwiki"]),
        no_text=frozenset(table["no_text"]),
    )


def link_namespace(prefix: str) -> str:
    """What the part of a link target before its first colon names: a namespace ("Category"),
    "interwiki", or "" when it is part of a main-namespace title ("Star Wars: Andor")."""
    folded = prefix.strip().lower()
    known = link_prefixes()
    if folded in known.namespaces:
        return normalize_title(folded)
    if folded in known.interwiki or _LANGUAGE_CODE.fullmatch(folded):
        return "interwiki"
    return ""
