"""Linear pre-checks for the unclosed markup that makes the tokenizer backtrack.

mwparserfromhell tries every opener ("<ref>", "[[", "{|", "<!--", "<div a=", …) as the start
of its construct and, when no closer comes, scans on to the end of the page before giving up
and reading the opener as text. Each unclosed opener costs a scan of the rest of the page: 100
KB of "<ref name=" took over two minutes. Pages like that are vandalism or breakage, and
MediaWiki shows such openers as text anyway.

Each check here is one pass over the page. When a page holds more unclosed openers of one
kind than :data:`LIMITS` allows, every unclosed opener of that kind is neutralised in the copy
handed to the tokenizer: its first character becomes U+FFFD, one code point for one, so every
offset of the model still points into the original text (the model's text runs are cut from
the original). What was done is recorded as :class:`~wikicheck.model.ParseLimit` on the
article, and WC003 reports it at the first opener. Below the limit nothing changes: a few
stray openers cost a few scans, which is what every page with a typo pays.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from ..model import ParseLimit, Span

REPLACEMENT = "\ufffd"

LIMITS = {
    "unterminated tags": 5,
    "unclosed tags": 20,
    "unclosed wikilinks": 20,
    "unclosed external links": 20,
    "unclosed tables": 20,
    "unclosed comments": 20,
}
"""How many unclosed openers of a kind are parsed as markup. A tag whose attributes never
end ("<div a=" with no ">") costs about 1 µs per character of the rest of the page, the
others about 0.03 µs (measured on mwparserfromhell 0.6): with these limits a 100 KB page
parses in about a second whatever it holds. No page of the 275 in the shared corpus has more
than 3 of any kind."""

# Tags whose contents the tokenizer does not read, and comments: openers inside are text.
_OPAQUE = (
    "categorytree|ce|chem|gallery|graph|hiero|imagemap|inputbox|math|nowiki|pre|score|"
    "section|source|syntaxhighlight|templatedata|timeline"
)
_OPAQUE_START = re.compile(rf"<!--|<({_OPAQUE})(?=[\s/>])[^<>]*>", re.IGNORECASE)
# Tags that need no closing tag (mwparserfromhell's SINGLE).
_SINGLE = frozenset({"br", "wbr", "hr", "meta", "link", "img", "li", "dt", "dd", "th", "td", "tr"})
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)")
_LINK = re.compile(r"\[\[|\]\]")
_EXTERNAL = re.compile(r"\[(?://|[A-Za-z][A-Za-z0-9+.-]*:)")
_TABLE = re.compile(r"^[ \t]*(\{\||\|\})", re.MULTILINE)


def _opaque_regions(text: str) -> list[tuple[int, int]]:
    """Comments and the bodies of tags the tokenizer does not parse, in order. One pass:
    an opener with no closer is remembered, so later ones of its kind are not searched."""
    regions: list[tuple[int, int]] = []
    unclosed: set[str] = set()
    end = 0
    for match in _OPAQUE_START.finditer(text):
        if match.start() < end:
            continue
        name = (match.group(1) or "!--").lower()
        if name in unclosed:
            continue
        if name == "!--":
            close = text.find("-->", match.end())
            close_end = close + 3
        else:
            found = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, match.end())
            close, close_end = (found.start(), found.end()) if found else (-1, -1)
        if close < 0:
            unclosed.add(name)
            continue
        regions.append((match.start(), close_end))
        end = close_end
    return regions


class _Outside:
    """Whether ascending positions fall outside the opaque regions, in amortised O(1)."""

    def __init__(self, regions: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in regions]
        self._regions = regions

    def __call__(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index < 0 or position >= self._regions[index][1]


def _tags(text: str, outside: Callable[[int], bool]) -> tuple[list[int], list[int]]:
    """Openers whose attributes never end (a "<" comes before any ">"), and openers with a
    ">" but no matching closing tag."""
    unterminated: list[int] = []
    open_tags: dict[str, list[int]] = {}
    for match in _TAG.finditer(text):
        start = match.start()
        if not outside(start):
            continue
        next_open = text.find("<", match.end())
        stop = len(text) if next_open < 0 else next_open
        close = text.find(">", match.end(), stop)
        if close < 0:
            unterminated.append(start)
            continue
        name = match.group(2).lower()
        if match.group(1):
            stack = open_tags.get(name)
            if stack:
                stack.pop()
        elif name not in _SINGLE and text[close - 1] != "/":
            open_tags.setdefault(name, []).append(start)
    unclosed = sorted(position for stack in open_tags.values() for position in stack)
    return unterminated, unclosed


def _paired(
    pattern: re.Pattern[str], opener: str, text: str, outside: Callable[[int], bool]
) -> list[int]:
    stack: list[int] = []
    for match in pattern.finditer(text):
        if not outside(match.start()):
            continue
        if match.group().strip() == opener:
            stack.append(match.end() - len(opener))
        elif stack:
            stack.pop()
    return stack


def _external(text: str, outside: Callable[[int], bool]) -> list[int]:
    """ "[scheme:" openers with no "]" after them on their line (where the tokenizer stops)."""
    unclosed: list[int] = []
    bracket = newline = -1
    for match in _EXTERNAL.finditer(text):
        start = match.start()
        if not outside(start):
            continue
        if bracket < start:
            bracket = text.find("]", start)
            bracket = len(text) + 1 if bracket < 0 else bracket
        if newline < start:
            newline = text.find("\n", start)
            newline = len(text) if newline < 0 else newline
        if bracket > newline:
            unclosed.append(start)
    return unclosed


_COMMENT = re.compile("<!--")


def _comments(text: str) -> list[int]:
    """ "<!--" after the last "-->": every earlier one is closed by it."""
    last = text.rfind("-->")
    return [match.start() for match in _COMMENT.finditer(text, last + 3 if last >= 0 else 0)]


def _unclosed(text: str) -> Iterator[tuple[str, list[int], int]]:
    """(kind, opener positions, opener length) for each kind of unclosed markup."""
    outside = _Outside(_opaque_regions(text))
    unterminated, unclosed = _tags(text, outside)
    yield "unterminated tags", unterminated, 1
    yield "unclosed tags", unclosed, 1
    yield "unclosed wikilinks", _paired(_LINK, "[[", text, outside), 2
    yield "unclosed external links", _external(text, outside), 1
    yield "unclosed tables", _paired(_TABLE, "{|", text, outside), 2
    yield "unclosed comments", _comments(text), 4


def bound_markup(text: str) -> tuple[str, tuple[ParseLimit, ...]]:
    """The text for the tokenizer (same length as ``text``) and what was neutralised."""
    if not any(marker in text for marker in "<[{"):
        return text, ()
    limits: list[ParseLimit] = []
    replaced: set[int] = set()
    for kind, positions, length in _unclosed(text):
        limit = LIMITS[kind]
        if len(positions) <= limit:
            continue
        first = positions[0]
        limits.append(ParseLimit(kind, Span(first, first + length), len(positions), limit))
        replaced.update(positions)
    if not replaced:
        return text, ()
    parts: list[str] = []
    previous = 0
    for position in sorted(replaced):
        parts += (text[previous:position], REPLACEMENT)
        previous = position + 1
    parts.append(text[previous:])
    return "".join(parts), tuple(limits)
