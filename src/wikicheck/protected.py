"""Text no fix may change: link targets, heading titles, comments and text marked [sic].

A typo fix inside ``[[Recieve teh]]`` points the link at another page; inside a heading it
breaks every ``#anchor`` link to the section; inside ``[sic]``-marked or ``{{sic}}`` text it
"corrects" a quotation that was deliberately left as written; a parameter removal that takes
a ``<!-- -->`` comment with it deletes a note an editor left for the next one. No rule is
trusted to know all that: the engine passes every finding through :func:`guard_fixes`, which
keeps the finding and its suggested fix but makes the fix display-only (``--fix`` never
applies it) when any of its edits would change text inside a protected region.

An edit that only carries a region along unchanged is allowed: WC101 rewrites a whole
heading line but its replacement contains the title as it was; a parameter removal that
keeps the comment inside the parameter deletes only the text around it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .edits import display_only
from .findings import Applicability, Edit, Finding
from .model import Article, Span

_SIC_TEMPLATE = "Sic"
_SIC_MARKER = re.compile(r"\[\s*(?:'{2,3})?\s*sic\s*(?:'{2,3})?\s*\]", re.IGNORECASE)
_MARKED_REACH = 200
"""How far before a bare [sic] marker the marked text may start. The marker follows the word
or phrase it marks without saying where that starts, so everything back to the start of the
quotation or sentence (at most this far, never past the line's start) counts as marked: a
fix there is only shown, never applied."""
_PHRASE_START = re.compile(r"[.!?](?=\s)|[\"“‘«]")
_WORD_BEFORE = re.compile(r"\S*[\s'\"”’»]*$")


@dataclass(frozen=True, slots=True)
class Region:
    """Protected text. ``closed``: an insertion at either end joins the region (text put
    right after ``[[`` or before ``]]`` becomes part of the link target)."""

    span: Span
    kind: str
    closed: bool = False


def protected_regions(article: Article) -> list[Region]:
    """Every protected region of the article, sorted by start."""
    regions = [
        Region(link.target_span, "a link target", closed=True)
        for link in article.wikilinks
        if link.target_span is not None
    ]
    regions += [Region(category.span, "a category link") for category in article.categories]
    regions += _heading_text(article)
    regions += [Region(comment.span, "a comment") for comment in article.comments]
    for template in article.templates:
        if template.name != _SIC_TEMPLATE:
            continue
        if any(param.positional and param.value.strip() for param in template.params):
            regions.append(Region(template.span, "text in {{sic}}"))
        else:  # {{sic}} alone marks the text before it, as [sic] does
            regions.append(_marked(article.source, template.span))
    for marker in _SIC_MARKER.finditer(article.source):
        regions.append(_marked(article.source, Span(marker.start(), marker.end())))
    regions.sort(key=lambda region: (region.span.start, region.span.end))
    return regions


def _heading_text(article: Article) -> list[Region]:
    """A heading's anchor is its text as shown: every text run inside a heading (a link's
    label too), not the "=" marks (WC101 changes those) nor a template's parameters
    (``{{cn|date=...}}`` shows the same as ``{{cn}}``)."""
    headings = [s.heading_span for s in article.all_sections() if s.heading_span is not None]
    starts = [span.start for span in headings]
    regions = []
    for run in article.text_runs:
        index = bisect_right(starts, run.span.start) - 1
        if index >= 0 and headings[index].contains(run.span):
            regions.append(Region(run.span, "a heading title", closed=True))
    return regions


def _marked(source: str, marker: Span) -> Region:
    line_start = source.rfind("\n", 0, marker.start) + 1
    start = max(line_start, marker.start - _MARKED_REACH)
    word = _WORD_BEFORE.search(source, start, marker.start)  # always matches
    assert word is not None
    for boundary in _PHRASE_START.finditer(source, start, word.start()):
        start = boundary.end()
    return Region(Span(start, marker.end), "text marked [sic]")


def guard_fixes(article: Article, findings: Sequence[Finding]) -> list[Finding]:
    """The findings, each fix that would change protected text made display-only."""
    if not any(_applicable(finding) for finding in findings):
        return list(findings)
    guard = _Guard(article.source, protected_regions(article))
    guarded = []
    for finding in findings:
        if _applicable(finding):
            assert finding.fix is not None
            kind = guard.changed(finding.fix.edits)
            if kind is not None:
                finding = display_only(finding, f"it would change {kind}")
        guarded.append(finding)
    return guarded


def _applicable(finding: Finding) -> bool:
    return finding.fix is not None and finding.fix.applicability is not Applicability.DISPLAY_ONLY


class _Guard:
    """Answers "does this edit change protected text?" The regions, merged and widened by
    one at each end, answer "no" by bisection for most edits; only an edit near a region is
    compared with each region."""

    def __init__(self, source: str, regions: list[Region]) -> None:
        self._source = source
        self._regions = regions
        self._starts: list[int] = []
        self._ends: list[int] = []
        for region in regions:
            start, end = region.span.start - 1, region.span.end + 1
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def changed(self, edits: Iterable[Edit]) -> str | None:
        """The kind of the first protected region an edit changes, or None."""
        for edit in edits:
            if self._source[edit.span.start : edit.span.end] == edit.replacement:
                continue  # restated, not changed
            if not self._near(edit.span):
                continue
            for region in self._regions:
                if _changes(self._source, edit, region):
                    return region.kind
        return None

    def _near(self, span: Span) -> bool:
        index = bisect_right(self._starts, span.end) - 1
        return index >= 0 and self._ends[index] >= span.start


def _changes(source: str, edit: Edit, region: Region) -> bool:
    (a, b), (p, q) = (edit.span.start, edit.span.end), (region.span.start, region.span.end)
    if p == q:
        return False
    if a == b:  # an insertion
        return p < a < q or (region.closed and p <= a <= q)
    if not (a < q and p < b):
        return False
    piece, replacement = source[max(a, p) : min(b, q)], edit.replacement
    if p < a and b < q:
        return True  # the edit lies inside the region: it changes it
    if p < a:
        return not replacement.startswith(piece)  # the region's end is replaced
    if b < q:
        return not replacement.endswith(piece)  # the region's start is replaced
    return not _carried(source, edit, region)  # the whole region is inside the edit


def _carried(source: str, edit: Edit, region: Region) -> bool:
    """Whether a replacement of text around the whole region holds the region unchanged:
    for a closed region, between the same neighbours (so ``[[Foo]]`` -> ``[[Fooo]]`` does
    not carry the target ``Foo``, and ``==== T ====`` -> ``=== T ===`` carries the title)."""
    (a, b), (p, q) = (edit.span.start, edit.span.end), (region.span.start, region.span.end)
    piece, replacement = source[p:q], edit.replacement
    index = replacement.find(piece)
    while index >= 0:
        end = index + len(piece)
        # At the edit's edge the region's neighbour is outside it, unchanged: nothing may
        # come between; inside, the same character must still be next to it.
        before = index == 0 if p == a else index > 0 and replacement[index - 1] == source[p - 1]
        after = (
            end == len(replacement)
            if q == b
            else end < len(replacement) and replacement[end] == source[q]
        )
        if not region.closed or (before and after):
            return True
        index = replacement.find(piece, index + 1)
    return False
