"""Template and link names as MediaWiki resolves them, and the template families we know."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache

from ..memo import BoundedMemo
from ..resources import load_toml
from ..textutil import mediawiki_trim, strip_comments

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


_ATTRIBUTE_SPACE = re.compile(r"[\t\n\r ]+")
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TAG_FUNCTION_QUOTES = re.compile(r"[\"'](.+)[\"']|\"\"|''", re.DOTALL)


def tag_attribute(raw: str, quoted: bool) -> str:
    """An attribute of a tag written in the page (``<ref name=" a  b ">``) as MediaWiki hands
    it to the extension (Sanitizer::decodeTagAttributes): without its quotes, whitespace runs
    as one space, trimmed, character references decoded. ``raw`` is the value inside the
    quotes, if ``quoted``; an unquoted value that starts with a quote had its closing quote
    missing, and MediaWiki reads it from after the opening one."""
    value = strip_comments(raw)
    if not quoted and value[:1] in {'"', "'"}:
        value = value[1:]
    value = mediawiki_trim(_ATTRIBUTE_SPACE.sub(" ", value))
    return _CHARACTER_REFERENCE.sub(lambda match: html.unescape(match.group()), value)


_SPACE_CHARS = "\t\n\x0c\r "
_ATTRIBUTE_PAIR = re.compile(
    rf"((?:[^{_SPACE_CHARS}/>=]|=)[^{_SPACE_CHARS}/>=]*)"
    rf"([{_SPACE_CHARS}]*=[{_SPACE_CHARS}]*"
    rf"(?:\"([^\"]*)(?:\"|$)|'([^']*)(?:'|$)|((?:(?![{_SPACE_CHARS}]|>).)*)))?",
    re.DOTALL,
)
_ATTRIBUTE_NAME = re.compile(r"^[:_\w][:_.\-\w]*$")


def decode_tag_attributes(text: str) -> tuple[tuple[str, str], ...]:
    """The attributes of a tag's opening text (``name="a" group=b``) as MediaWiki hands them
    to an extension (Sanitizer::decodeTagAttributes): names lower-cased, names with other
    characters than letters, digits and ``:_.-`` dropped (``;`` after a quote is junk), a
    repeated name keeping its last value."""
    values: dict[str, str] = {}
    for match in _ATTRIBUTE_PAIR.finditer(strip_comments(text)):
        name = match.group(1).lower()
        if not _ATTRIBUTE_NAME.match(name):
            continue
        quoted = match.group(3) if match.group(3) is not None else match.group(4)
        if quoted is not None:
            value = tag_attribute(quoted, quoted=True)
        else:
            value = tag_attribute(match.group(5) or "", quoted=False)
        values.pop(name, None)
        values[name] = value
    return tuple(values.items())


def tag_function_attribute(raw: str) -> str:
    """A value that a template passes on as ``{{#tag:ref|…|name=value}}`` ({{efn}}, {{r}}),
    as {{#tag:}} hands it to the extension (CoreParserFunctions::tagObj): trimmed, and one
    pair of surrounding quotes removed; inner whitespace and entities are left as written."""
    value = mediawiki_trim(strip_comments(raw))
    match = _TAG_FUNCTION_QUOTES.fullmatch(value)
    return value if match is None else match.group(1) or ""


@dataclass(frozen=True, slots=True)
class _NameSet:
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    names: frozenset[str]
    exclude: frozenset[str]

    seen: BoundedMemo[str, bool] = field(default_factory=BoundedMemo, compare=False)
    """Answers already given: a page calls the same few dozen templates again and again."""

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return self.seen.get(name, lambda: self._matches(name))

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


def list_defined_params(name: str) -> tuple[str, ...]:
    """The parameters of reference-list template ``name`` that hold list-defined refs."""
    table: dict[str, list[str]] = load_toml("templates.toml")["reference_list_params"]
    return tuple(table.get(name, ("refs",)))


@cache
def fixed_group_templates() -> frozenset[str]:
    """Ref and reference-list templates that ignore the call's |group= ({{efn-lr}} ...)."""
    return frozenset(load_toml("templates.toml")["fixed_group"]["names"])


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


def parser_function_key(name: str) -> str:
    """``#tag: Ref`` -> ``#tag:ref``: a parser function and the tag it makes, as looked up in
    the tables above (tagObj lower-cases and trims the tag name); other names unchanged."""
    if not name.startswith("#"):
        return name
    function, colon, argument = name.partition(":")
    return f"{function.strip().lower()}{colon}{argument.strip().lower()}"


_UNSEEN_FUNCTIONS = ("#invoke", "#section", "#lst")  # a module; another page's sections


@dataclass(frozen=True, slots=True)
class _RefSourceKinds:
    no_refs: _NameSet
    named: dict[str, str]
    known: frozenset[str]  # citation-free families known from other tables


@cache
def _ref_source_kinds() -> _RefSourceKinds:
    data = load_toml("templates.toml")
    table = data["ref_sources"]
    text = data["text"]
    known: set[str] = {
        *data["reference_lists"],
        *data["ref_templates"]["define"],
        *data["ref_templates"]["reuse"],
        *text["keep_param_1"],
        *text["keep_param_2"],
        *text["literal"],
        *(name for names in data["date_formats"].values() for name in names),
    }
    maintenance = load_toml("maintenance_templates.toml")
    for section in ("inline", "banner"):
        for kind, redirects in maintenance[section].items():
            known.update(normalize_title(name) for name in (kind, *redirects))
    known.update(normalize_title(name) for name in maintenance["wrappers"]["names"])
    return _RefSourceKinds(
        no_refs=_NameSet(
            prefixes=tuple(table["no_refs_prefixes"]),
            suffixes=tuple(table["no_refs_suffixes"]),
            names=frozenset(table["no_refs"]),
            exclude=frozenset(),
        ),
        named=dict(table["named"]),
        known=frozenset(known),
    )


def unseen_ref_names(name: str) -> str | None:
    """What a call of template ``name`` may define or reuse as <ref> names that the page does
    not show: None when it makes no <ref> of its own; otherwise the start every such name has
    ("" for any name: an infobox, a module, a transcluded section, an unknown template)."""
    if name.startswith("#"):
        function = name.partition(":")[0].strip().lower()
        return "" if function.startswith(_UNSEEN_FUNCTIONS) else None
    head = name.partition(":")[0]
    if head == head.upper():  # a magic word ({{DEFAULTSORT:…}}) or a flag template ({{USA}})
        return None
    kinds = _ref_source_kinds()
    if name in kinds.named:
        return kinds.named[name]
    if name in kinds.known or name in kinds.no_refs or name in citation_templates():
        return None
    return ""


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
