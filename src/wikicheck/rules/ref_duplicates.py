"""WC408: the same source cited again in a separate reference instead of reusing it.

Two references are one source when an editor could merge them into one named reference
without losing anything a reader sees: the same URL (or identical text) and the same place in
it. What keeps them apart: a different page, chapter, section, volume, issue or time (in a
recording); a different URL fragment (``#page=3``); text beside the citation; different
quotations, or a quotation on one side only (merging would drop it or show it where it was
not meant); titles that name different documents at one URL (a press-release landing page);
and two versions of an undated page: two archive snapshots, or access-dates two or more years
apart (a living report revised between readings). Two snapshots of a dated article are one
source, and so are differences of formatting (the date written another way, a publisher
given once).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..cs1.checks import check_data
from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Citation, Ref
from ._base import RuleContext, rule
from .references import _BARE_URL, _content

_URL_KEY = re.compile(r"^(?:https?:)?//(?:www\.)?", re.IGNORECASE)
_PLACE = ("page", "pages", "at", "chapter", "section", "volume", "issue", "time", "minutes")
_WORD = re.compile(r"[^\W_]{3,}")
_SMALL_WORDS = frozenset(
    {
        "and", "are", "but", "for", "from", "has", "have", "into", "its", "not", "that",
        "the", "this", "was", "were", "what", "when", "with",
    }
)  # fmt: skip
_NAMING = ("website", "work", "publisher", "url")
_ARCHIVED_COPY = "archived copy"  # Module:Citation/CS1's "archived copy as title" maintenance
_TAG = re.compile(r"\{\{(?!\s*(?:[Cc]it|[Hh]arv|[Ss]fn))[^{}]*\}\}")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_NEW_VERSION_YEARS = 2
"""Access-dates this many years apart on an undated page are readings of two versions."""
_SAME_TITLE = 0.5
"""Share of the shorter title's words that the other must have: a headline rewritten by its
publisher ("… files for bankruptcy as charges jump" / "… push Toshiba's Westinghouse into
bankruptcy") keeps about half; two press releases behind one landing page share one word."""


def _url(value: str) -> str:
    return _URL_KEY.sub("", value.strip()).rstrip("/")


def _words(value: str) -> frozenset[str]:
    words = _WORD.findall(html.unescape(value).casefold())
    return frozenset(word for word in words if word not in _SMALL_WORDS)


def _title(citation: Citation | None) -> frozenset[str]:
    """The title's words, or none when it only names the site ({{cite web |title=Dropbox}})
    or is a placeholder (CS1's generic titles, a bot's "Archived copy")."""
    if citation is None:
        return frozenset()
    title = citation.value("title")
    if check_data().is_generic_title(title) or title.casefold() == _ARCHIVED_COPY:
        return frozenset()
    words = _words(title)
    naming = _words(" ".join(citation.value(name) for name in _NAMING))
    return frozenset() if words <= naming else words


def _beside(text: str) -> str:
    """Text beside the citation in a reference, without the tags that only comment on it
    ({{dead link}}, {{failed verification}}): another citation or a note stays."""
    while True:
        stripped = _TAG.sub("", text)
        if stripped == text:
            return " ".join(text.split())
        text = stripped


@dataclass(frozen=True, slots=True)
class _Source:
    key: tuple[str, ...]
    """What two references of one source have in common exactly: URL, place, other text."""
    citation: Citation | None
    """Whose title tells two documents at one URL apart: its words are read only when
    another reference has the same key, which few have (most of this rule's time went on
    reading every title)."""
    snapshot: str
    """The archive copy of an undated page ("" for a dated one, or none)."""
    accessed: int | None
    """The year an undated page was read (None for a dated one, or no access-date)."""
    quote: str

    def same_as(self, other: _Source) -> bool:
        if self.quote != other.quote:
            return False  # merging would lose a quotation or show one where it was not meant
        if (
            self.accessed is not None
            and other.accessed is not None
            and abs(self.accessed - other.accessed) >= _NEW_VERSION_YEARS
        ):
            return False  # two readings of a page that changed in between
        if self.snapshot and other.snapshot and self.snapshot != other.snapshot:
            return False
        mine, theirs = _title(self.citation), _title(other.citation)
        shorter = min(len(mine), len(theirs))
        return not shorter or len(mine & theirs) >= _SAME_TITLE * shorter  # else two documents


def _source(article: Article, ref: Ref) -> _Source | None:
    citation = ref.citation
    content = _content(ref)
    if citation is not None and citation.value("url") and ref.content_span is not None:
        inside = ref.content_span
        beside = _beside(
            article.source[inside.start : citation.span.start]
            + " "
            + article.source[citation.span.end : inside.end]
        )
        place = tuple(citation.value(name) for name in _PLACE)
        dated = citation.value("date") or citation.value("year")
        accessed = _YEAR.search(citation.value("access-date"))
        return _Source(
            key=("url", _url(citation.value("url")), *place, beside),
            citation=citation,
            snapshot="" if dated else _url(citation.value("archive-url")),
            accessed=int(accessed.group(1)) if accessed and not dated else None,
            quote=" ".join(citation.value("quote").split()),
        )
    if _BARE_URL.match(content):
        url = _url(content.strip("[] "))
        return _Source(("url", url, *("" for _ in _PLACE), ""), None, "", None, "")
    return _Source(("text", content), None, "", None, "") if content else None


@rule(code="WC408", name="duplicate-reference", family=RuleFamily.REFERENCE, severity=Severity.INFO)
def duplicate_reference(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags the same source cited again in a separate reference instead of reusing it.

    Same URL and place, or identical text. The reader sees two numbers for one source.
    Citations of one URL stay separate when they cite different pages, chapters, sections,
    volumes or issues, a different URL fragment (#page=3), different quotations (or a
    quotation on one side only), different titles (several press releases behind one
    landing-page URL), or two versions of an undated page (different archive snapshots, or
    access-dates two or more years apart); a reference with more than the citation in it (a
    note, a second citation) is compared whole.

    Why: merge them into one named reference (keep the fuller citation) and reuse it with
    <ref name="x" />, so the reference list shows one entry with "a b" back-links (Check
    Wikipedia #81).

    Example:
        A.<ref>{{cite web |url=https://example.org/a |title=T}}</ref> B.<ref>{{cite web |url=https://example.org/a |title=T}}</ref>

    Use instead:
        A.<ref name="t">{{cite web |url=https://example.org/a |title=T}}</ref> B.<ref name="t" />
    """
    earlier: defaultdict[tuple[str, tuple[str, ...]], list[tuple[Ref, _Source]]] = defaultdict(list)
    reused: defaultdict[str, set[str]] = defaultdict(set)
    for ref in article.refs:
        if ref.is_reuse and ref.name:
            reused[ref.group].add(ref.name)
    for ref in article.refs:
        if ref.is_reuse or ref.list_defined:
            continue
        source = _source(article, ref)
        if source is None:
            continue
        seen = earlier[(ref.group, source.key)]
        first = next((old for old, known in seen if known.same_as(source)), None)
        seen.append((ref, source))
        if first is None or (ref.name and ref.name == first.name):
            continue  # a repeated identical definition: Cite treats it as a reuse
        line = article.position(first.span.start).line
        hint = (
            f'reuse <ref name="{first.name}" />, keeping the fuller citation under that name'
            if first.name
            else "merge them into one named reference, keeping the fuller citation"
        )
        if ref.name in reused[ref.group]:
            hint += f', and point the reuses of "{ref.name}" to it'
        yield ctx.finding(ref.span, f"same source as the reference on line {line}; {hint}")


RULES = (duplicate_reference,)
