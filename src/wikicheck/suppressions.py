"""Inline suppressions written as wikitext comments (they never render).

    <!-- wikicheck: disable-next-line WC301 -->   the next line
    text <!-- wikicheck: disable-line WC6 -->      this line
    <!-- wikicheck: disable WC4 --> ... <!-- wikicheck: enable WC4 -->   a range (to the end
                                                                         without an enable)

Codes match as selectors do everywhere (:mod:`wikicheck.selection`): a code, a prefix (``WC3``
is every WC3xx rule), a name or a family; no code, or ``all``, means every rule. A directive
that suppresses nothing is reported as WC002 when that rule is selected.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .findings import Finding
from .model import Article, Span
from .selection import matches_any

_DIRECTIVE = re.compile(
    r"^\s*wikicheck:\s*(?P<kind>disable-next-line|disable-line|disable|enable)\b(?P<codes>[^>]*)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Directive:
    kind: str
    codes: tuple[str, ...]
    span: Span
    line: int
    end: int | None = None  # for a disable range: where the matching enable starts
    used: bool = field(default=False)

    def covers_code(self, finding: Finding) -> bool:
        return not self.codes or matches_any(self.codes, finding.code, finding.rule)


def parse_directives(article: Article) -> list[Directive]:
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for comment in article.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        kind = match.group("kind").lower()
        codes = tuple(code for code in re.split(r"[\s,]+", match.group("codes").strip()) if code)
        line = article.position(comment.span.end).line
        directive = Directive(kind, codes, comment.span, line)
        if kind == "enable":
            for candidate in reversed(open_ranges):
                if candidate.end is None and (
                    not codes or set(codes) & set(candidate.codes) or not candidate.codes
                ):
                    candidate.end = comment.span.start
                    open_ranges.remove(candidate)
                    break
            continue
        if kind == "disable":
            open_ranges.append(directive)
        directives.append(directive)
    return directives


def apply(
    article: Article, findings: Sequence[Finding], directives: list[Directive]
) -> list[Finding]:
    """The findings no directive suppresses; marks the directives that suppressed something.

    The line directives are looked up by the line they cover, so that a finding meets only
    its own line's (each finding against each directive took seconds on a page of a thousand
    suppressions); the ranges, a few a page, are each tested where they are, then by code.
    """
    by_line: defaultdict[int, list[Directive]] = defaultdict(list)
    ranges: list[Directive] = []
    for directive in directives:
        if directive.kind == "disable-next-line":
            by_line[directive.line + 1].append(directive)
        elif directive.kind == "disable-line":
            by_line[directive.line].append(directive)
        else:
            ranges.append(directive)
    length = len(article.source)
    kept: list[Finding] = []
    for finding in findings:
        suppressed = False
        for directive in by_line.get(finding.start.line, ()):
            if directive.covers_code(finding):
                directive.used = suppressed = True
        for directive in ranges:
            end = directive.end if directive.end is not None else length
            if directive.span.end <= finding.span.start < end and directive.covers_code(finding):
                directive.used = suppressed = True
        if not suppressed:
            kept.append(finding)
    return kept
