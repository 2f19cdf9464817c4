"""Suppression comments for every current finding (``lint --add-suppressions``, as ruff's
``--add-noqa``): a way to adopt wikicheck on pages with many findings and see only new ones.

Each line with findings gets one comment at its end, after any text and before the line
break, with no space before it, naming the codes found on it:
``text<!-- wikicheck: disable-line WC301,WC601 -->``. A comment renders as nothing (with no
space added, an unnamed template parameter's value keeps its exact whitespace), and
MediaWiki's preprocessor removes comments before it reads templates, links, tables or
headings, so a comment at the end of a line changes no markup — with two exceptions, where
a line's end gets no comment (its findings are left as they are and counted as skipped):

* the line ends inside a comment: ``<!--`` would not nest, and its ``-->`` would end the
  open comment early, showing the rest of it on the page;
* the line ends inside a tag whose content is not wikitext (``<nowiki>``, ``<pre>``,
  ``<math>``, ``<syntaxhighlight>``, … :data:`RAW_TAGS`): there the comment would be shown
  (or break the formula, the code) instead of being removed.

Engine findings (WC0xx: a rule that crashed, a page over its time budget, an unused or
invalid suppression) are not suppressed: they say something about the run, not the page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .findings import Finding
from .model import Article

RAW_TAGS = (
    "nowiki", "pre", "math", "chem", "ce", "syntaxhighlight", "source", "score", "graph",
    "templatedata", "timeline", "hiero", "gallery", "imagemap", "inputbox", "categorytree",
    "mapframe", "maplink", "templatestyles", "charinsert",
)  # fmt: skip
"""Extension tags whose content MediaWiki does not read as wikitext (Extension:Cite's
``<ref>`` and Extension:Poem's ``<poem>`` contents are wikitext and take comments)."""
_BLOCKS = re.compile(
    rf"<!--.*?(?P<comment_end>-->)|<!--.*\Z"
    rf"|<(?P<tag>{'|'.join(RAW_TAGS)})\b[^>]*(?<!/)>.*?(?:(?P<tag_end></(?P=tag)\s*>)|\Z)",
    re.IGNORECASE | re.DOTALL,
)
"""A comment or a raw tag's element; an unclosed one runs to the end of the text, as in
MediaWiki."""
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")


@dataclass(frozen=True, slots=True)
class Suppressed:
    text: str
    """The text with the comments added."""
    comments: int
    """How many comments were added."""
    findings: int
    """How many findings they suppress."""
    skipped: tuple[Finding, ...]
    """Findings on lines whose end cannot take a comment (see the module's docstring)."""


def add_suppressions(article: Article, findings: Sequence[Finding]) -> Suppressed:
    """``article``'s source with a ``disable-line`` comment for each line with findings."""
    source = article.source
    blocked = [
        (match.start(), match.end() + (not (match["comment_end"] or match["tag_end"])))
        for match in _BLOCKS.finditer(source)
    ]  # an unclosed block also takes in the text's end: one past it
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        if not finding.code.startswith("WC0"):
            by_line[finding.start.line].append(finding)
    ends = _line_ends(source)
    pieces: list[str] = []
    cursor = comments = suppressed = 0
    skipped: list[Finding] = []
    for line, on_line in sorted(by_line.items()):
        end = ends[line - 1] if line <= len(ends) else len(source)
        if any(start < end < stop for start, stop in blocked):
            skipped.extend(on_line)
            continue
        codes = ",".join(sorted({finding.code for finding in on_line}))
        pieces += (source[cursor:end], f"<!-- wikicheck: disable-line {codes} -->")
        cursor = end
        comments += 1
        suppressed += len(on_line)
    pieces.append(source[cursor:])
    return Suppressed("".join(pieces), comments, suppressed, tuple(skipped))


def _line_ends(source: str) -> list[int]:
    """Where each line's text ends (before its line break)."""
    ends = []
    for match in _LINE.finditer(source):
        text = match.group()
        ends.append(match.end() - (len(text) - len(text.rstrip("\r\n"))))
        if match.end() == len(source):
            break
    return ends
