"""WC830–WC831: the options of [[File:...]] image syntax, as MediaWiki reads them.

MediaWiki splits the link at its top-level pipes, trims each part and tries it against the
image magic words (data/image_options.toml); the last part that is no option is the caption,
and any other part that is no option is silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Span, Wikilink
from ..resources import load_toml
from ._base import RuleContext, rule

_IMAGE_NAMESPACES = frozenset({"File", "Image"})
# MediaWiki's parseWidthParam, applied to what comes before "px"
_WIDTH = re.compile(r"\d*(?:x\d*)?\s*(?:px)?\s*")


@dataclass(frozen=True, slots=True)
class ImagePart:
    text: str
    span: Span
    kind: str | None
    """The option's kind ("size", "horizontal" ...), None when the part is no option."""
    option: str | None
    """Which option: the same for aliases ("thumb", "thumbnail"), the text for values."""


_Option = tuple[str, str]  # kind, option name


@cache
def _words() -> tuple[dict[str, _Option], list[tuple[str, _Option]]]:
    """Option words without a value, and the prefixes of those with one."""
    exact: dict[str, _Option] = {}
    prefixes: list[tuple[str, _Option]] = []
    for name, option in load_toml("image_options.toml")["options"].items():
        for word in option["words"]:
            if word.endswith("$1"):
                prefixes.append((word[:-2], (option["kind"], name)))
            elif word != "$1px":
                exact[word] = (option["kind"], name)
    return exact, prefixes


def option_of(part: str) -> tuple[str | None, str | None]:
    """The kind and identity of an image option, (None, None) for a part that is none."""
    exact, prefixes = _words()
    if part in exact:
        return exact[part]
    if part.endswith("px") and _WIDTH.fullmatch(part[:-2]):
        return ("size", part) if any(char.isdigit() for char in part) else (None, None)
    for prefix, (kind, _name) in prefixes:
        if part.startswith(prefix):
            return kind, part
    return None, None


_NOWIKI = re.compile(r"<nowiki>.*?</nowiki>|<!--.*?-->", re.IGNORECASE | re.DOTALL)


def split_parts(text: str, start: int) -> Iterator[tuple[str, int]]:
    """The top-level parts of ``text`` (pipes inside [[...]], {{...}}, <nowiki> and comments
    do not split)."""
    masked = _NOWIKI.sub(lambda match: " " * len(match.group()), text)
    for raw, offset in _split_masked(masked, start):
        yield text[offset - start : offset - start + len(raw)], offset


_SPLITTERS = re.compile(r"\[\[|\]\]|\{\{|\}\}|\|")


def _split_masked(text: str, start: int) -> Iterator[tuple[str, int]]:
    depth = 0
    begin = 0
    for match in _SPLITTERS.finditer(text):
        token = match.group()
        if token in ("[[", "{{"):
            depth += 1
        elif token != "|":
            depth = max(depth - 1, 0)
        elif not depth:
            yield text[begin : match.start()], start + begin
            begin = match.end()
    yield text[begin:], start + begin


def image_parts(article: Article, link: Wikilink) -> list[ImagePart]:
    """The options and caption of an image link, each trimmed, at its place."""
    if link.text is None or link.text_span is None:
        return []
    parts = []
    for raw, offset in split_parts(link.text, link.text_span.start):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        span = Span(offset + lead, offset + lead + len(stripped))
        parts.append(ImagePart(stripped, span, *option_of(stripped)))
    return parts


def _read_images(article: Article) -> list[list[ImagePart]]:
    return [
        image_parts(article, link)
        for link in article.wikilinks
        if link.namespace in _IMAGE_NAMESPACES and not link.target.startswith(":")
    ]


def _images(article: Article, ctx: RuleContext) -> list[list[ImagePart]]:
    """The parts of every image link, read once per article."""
    return ctx.memo("syntax.images", lambda: _read_images(article))


@rule(code="WC830", name="bogus-image-option", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def bogus_image_option(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a part of an image link that is neither an option nor the caption.

    Why: MediaWiki takes the last part that is no option as the caption (options may come
    after it) and silently drops any other, so a misspelt option ("lright", "thumbnial", "250x") has no effect and text
    meant as a caption may vanish. Linter reports it as bogus-image-options. Options are
    case-sensitive: "Right" is no option.

    Example:
        [[File:Map.png|thumb|lright|The map]]

    Use instead:
        [[File:Map.png|thumb|right|The map]]
    """
    for parts in _images(article, ctx):
        texts = [part for part in parts if part.kind is None and part.text]
        for part in texts[:-1]:  # the last of them is the caption
            yield ctx.finding(
                part.span,
                f'"{part.text}" is no image option: MediaWiki drops it',
                data={"option": part.text},
            )


@rule(
    code="WC831",
    name="conflicting-image-options",
    family=RuleFamily.SYNTAX,
    severity=Severity.WARNING,
)
def conflicting_image_options(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an image link with two options of one kind (two sizes, two alignments, thumb
    and frame).

    Why: MediaWiki uses only one of them, so the image does not look as one of the options
    asks. Linter reports it as bogus-image-options.

    Example:
        [[File:Map.png|thumb|left|220px|right|The map]]

    Use instead:
        [[File:Map.png|thumb|right|220px|The map]]
    """
    for parts in _images(article, ctx):
        seen: dict[str, ImagePart] = {}
        for part in parts:
            if part.kind is None:
                continue
            earlier = seen.get(part.kind)
            if earlier is not None and earlier.option != part.option:
                yield ctx.finding(
                    part.span,
                    f'"{part.text}" conflicts with "{earlier.text}": the image takes one '
                    f"{part.kind} option",
                    data={"kind": part.kind},
                )
            seen[part.kind] = part


RULES = (bogus_image_option, conflicting_image_options)
