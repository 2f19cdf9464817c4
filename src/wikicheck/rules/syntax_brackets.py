"""WC867: a single "[" or "]" that makes no link and shows as a break in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Span
from ._base import RuleContext, rule

# Where brackets are code or typed as they are, not link markup: blanked before counting.
_RAW = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(math|pre|syntaxhighlight|source|code|chem|ce|score|timeline|graph|hiero"
    r"|templatedata|mapframe|maplink|kbd|samp|var)\b[^>]*?(?:/>|>.*?(?:</\1\s*>|\Z))",
    re.DOTALL | re.IGNORECASE,
)
# What <nowiki> holds shows as typed: its brackets pair with those around them
# (<nowiki>[</nowiki>...] in a chemical name) but are never reported themselves.
_NOWIKI = re.compile(
    r"<nowiki\s*/>|<nowiki\b[^>]*>(.*?)(?:</nowiki\s*>|\Z)", re.DOTALL | re.IGNORECASE
)
# Brackets written as entities show as brackets: "[hymnal&#93;" reads as "[hymnal]".
_ENTITY = re.compile(r"&#(?:91|x5b);|&lsqb;|&lbrack;|&#(?:93|x5d);|&rsqb;|&rbrack;", re.IGNORECASE)
# Half-open intervals ("[0, 1)", "(a, b]"): mathematics, not an unclosed bracket.
_INTERVAL = re.compile(
    r"\[[^\[\]()\n]{1,40},[^\[\]()\n]{1,40}\)|\([^\[\]()\n]{1,40},[^\[\]()\n]{1,40}\]"
)
# An epigraphic lacuna: "]pe-rjo-[", the text lost on both sides of a fragment of a tablet.
_LACUNA = re.compile(r"(?<![\[\]\w])\][^\s\[\]]+\[(?![\[\]\w])")
# Links and bracket pairs with no bracket inside: a line made only of these needs no count.
_PLAIN_LINK = re.compile(r"\[\[[^\[\]\n]*\]\]")
_PLAIN_PAIR = re.compile(r"\[[^\[\]\n]*\]")
_BRACKET_RUN = re.compile(r"\[+|\]+")
# "[" before a URL that is never closed is WC815's.
_URL_AFTER = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//|(?:mailto|news):", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _blank_all_but_brackets(match: re.Match[str]) -> str:
    return re.sub(r"[^\n\[\]]", " ", match.group())


def _entity(match: re.Match[str]) -> str:
    text = match.group().lower()
    bracket = "[" if "91" in text or "5b" in text or "lsqb" in text or "lbrack" in text else "]"
    return bracket.ljust(len(text))


def _line_breaks(line: str) -> Iterator[tuple[int, str]]:
    """The offsets in ``line`` of single brackets that pair with nothing on it."""
    stack: list[tuple[int, int]] = []  # (offset, 1 for "[" or 2 for "[[")
    for run in _BRACKET_RUN.finditer(line):
        start, size = run.start(), len(run.group())
        if run.group()[0] == "[":
            # MediaWiki reads "[[[" as "[" then "[[".
            if size % 2:
                stack.append((start, 1))
                start, size = start + 1, size - 1
            stack.extend((start + i, 2) for i in range(0, size, 2))
            continue
        at, left = start, size
        while left:
            if stack and stack[-1][1] == 1:
                stack.pop()
                at, left = at + 1, left - 1
            elif stack:  # "[[" open: "]]" closes it; "[[a]" is WC805's
                stack.pop()
                at, left = at + min(left, 2), left - min(left, 2)
            elif left >= 2:  # a lonely "]]" is WC805's
                at, left = at + 2, left - 2
            else:
                yield at, "]"
                at, left = at + 1, 0
    for offset, size in stack:
        if size == 1 and not _URL_AFTER.match(line, offset + 1):
            yield offset, "["


@rule(code="WC867", name="lone-bracket", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def lone_bracket(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a single "]" that closes nothing, or a single "[" never closed on its line.

    Why: the bracket shows in the text as typed: usually an external link given one "]" too
    many, a link whose URL was lost, or a typo. Brackets in comments, <nowiki>, <math>,
    <pre>, <code>, <chem> and the like are not read, and neither are half-open intervals
    such as [0, 1). wikilint reports it as lonely-bracket.

    Example:
        See [https://example.org/report the report]] for details.

    Use instead:
        See [https://example.org/report the report] for details.
    """
    source = article.source
    if "[" not in source and "]" not in source:
        return
    silent: set[int] = set()
    for match in _NOWIKI.finditer(source):
        if match.group(1):
            start = match.start(1)
            silent.update(start + i for i, c in enumerate(match.group(1)) if c in "[]")
    masked = _RAW.sub(_blank, _NOWIKI.sub(_blank_all_but_brackets, source))
    masked = _ENTITY.sub(_entity, masked)
    offset = 0
    for line in masked.split("\n"):
        rest = _PLAIN_PAIR.sub("", _PLAIN_LINK.sub("", line))
        if "[" in rest or "]" in rest:
            line = _LACUNA.sub(_blank, _INTERVAL.sub(_blank, line))
            for column, bracket in _line_breaks(line):
                start = offset + column
                if start in silent:
                    continue
                message = (
                    '"]" closes no link or bracket'
                    if bracket == "]"
                    else '"[" is never closed on its line'
                )
                yield ctx.finding(Span(start, start + 1), message)
        offset += len(line) + 1


RULES = (lone_bracket,)
