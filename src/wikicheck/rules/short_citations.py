"""WC420–WC423: short citations ({{sfn}}, {{harv}} …) and the citations they link to.

Module:Footnotes links ``{{sfn|Smith|2001}}`` to ``#CITEREFSmith2001`` and reports (in
Category:Harv and Sfn no-target errors and …multiple-target errors) a link that no citation
on the page answers, or that several answer. The anchors and links are computed in
``cs1.citeref`` and ``cs1.footnotes`` and gathered for the page in ``_short_citation_page``.
A citation the page cannot see — inside an unknown wrapper template, a citation template that
is not CS1, a transcluded section — may make the missing anchor: then the finding goes to a
separate, lower-severity rule, as WC401 hands over to WC411.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1.footnotes import ShortCitation
from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Span
from ._base import RuleContext, rule
from ._short_citation_page import Page, Unseen, short_citation_page


def _missing(page: Page) -> Iterator[tuple[ShortCitation, list[Unseen]]]:
    for link in page.links:
        if link.certain and link.checked and link.anchor not in page.anchors:
            yield link, page.possible_makers(link)


def _lines(article: Article, spans: list[Span]) -> str:
    lines = sorted({article.position(span.start).line for span in spans})
    return ", ".join(str(line) for line in lines)


def _typo_of(page: Page, anchor: str) -> bool:
    """The page has this anchor in another case ("CITEREFlindberg1976" for Lindberg): the link
    is a typo whatever the page's templates make."""
    folded = anchor.casefold()
    return any(other.casefold() == folded for other in page.anchors)


def _hint(article: Article, page: Page, anchor: str) -> str:
    """A near miss among the page's anchors: the same names with another year or letter, or
    the same id in another case; or a citation that would make it but for its |ref=none."""
    withheld = page.withheld.get(anchor)
    if withheld is not None:
        line = article.position(withheld.start).line
        return f" (the citation on line {line} would make it but has |ref=none)"
    folded = anchor.casefold()
    stem = anchor.rstrip("abcdefghijklmnopqrstuvwxyz").rstrip("0123456789–")
    near = [
        other
        for other in sorted(page.anchors)
        if other.casefold() == folded
        or (
            len(stem) > len("CITEREF")
            and other.startswith(stem)
            and other[len(stem) :][:1].isdigit()
        )
    ]
    return "" if not near else f" (the page has {', '.join(near[:3])})"


@rule(
    code="WC420",
    name="short-citation-without-target",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def short_citation_without_target(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a short citation ({{sfn}}, {{harv}} …) whose full citation is not on the page.

    Why: the link "Smith 2001" goes nowhere, and Module:Footnotes puts the page in
    Category:Harv and Sfn no-target errors ("sfn error: no target: CITEREFSmith2001"). The
    full citation is missing, or its names or year differ from the short one (CS1 takes up
    to four surnames and the year of |date=, with its letter: |date=2001a), or it has
    |ref=none. When a template whose output the page cannot see (a wrapper of a citation
    template, a citation template that is not CS1, a transcluded section) names the author,
    it may make the anchor: WC422 reports that case instead, as a warning.

    Example:
        Text.{{sfn|Smith|2001|p=4}}
        == Sources ==
        * {{cite book |last=Smith |first=J. |date=2002 |title=Rivers}}

    Use instead:
        Text.{{sfn|Smith|2002|p=4}}
        == Sources ==
        * {{cite book |last=Smith |first=J. |date=2002 |title=Rivers}}
    """
    page = short_citation_page(article, ctx)
    for link, makers in _missing(page):
        if not makers or _typo_of(page, link.anchor):
            message = (
                f"{link.label} error: no target: {link.anchor}{_hint(article, page, link.anchor)}"
            )
            yield ctx.finding(link.span, message)


@rule(
    code="WC422",
    name="short-citation-target-maybe-elsewhere",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def short_citation_target_maybe_elsewhere(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a short citation whose target no citation on the page makes, but a template may.

    Why: a wrapper template ({{Cite EB1911}}, a project's own citation template) or a
    transcluded section makes its anchor in code wikicheck cannot see. Module:Footnotes
    cannot see it either and reports "no target" unless its whitelist knows the template,
    though the link may work: check the rendered page once. When no such template names the
    author, WC420 reports the link as an error instead.

    Example:
        Text.{{sfn|Chisholm|1911}}
        == Sources ==
        * {{Cite EB1911 |wstitle=Rivers |last=Chisholm}}

    Use instead:
        Text.{{sfn|Chisholm|1911}}
        == Sources ==
        * {{cite encyclopedia |last=Chisholm |date=1911 |title=Rivers |encyclopedia=Encyclopædia Britannica}}
    """
    page = short_citation_page(article, ctx)
    for link, makers in _missing(page):
        if makers and not _typo_of(page, link.anchor):
            shown = ", ".join(
                f"{{{{{m.name}}}}} (line {article.position(m.span.start).line})" for m in makers[:3]
            )
            more = f" and {len(makers) - 3} more" if len(makers) > 3 else ""
            yield ctx.finding(
                link.span,
                f"{link.label}: no citation on the page makes {link.anchor}; {shown}{more} may",
            )


@rule(
    code="WC421",
    name="short-citation-multiple-targets",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def short_citation_multiple_targets(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a short citation that two or more citations on the page answer.

    Why: the link goes to the first of them only, and Module:Footnotes reports "multiple
    targets" (Category:Harv and Sfn multiple-target errors). Usually the same work is cited
    in full twice (in a footnote and in the bibliography), or one author has two works in a
    year: tell them apart with |date=2001a and |date=2001b, and {{sfn|Smith|2001a}}.

    Example:
        A.{{sfn|Smith|2001}} B.{{sfn|Smith|2001|p=9}}
        * {{cite book |last=Smith |date=2001 |title=Rivers}}
        * {{cite book |last=Smith |date=2001 |title=Lakes}}

    Use instead:
        A.{{sfn|Smith|2001a}} B.{{sfn|Smith|2001b|p=9}}
        * {{cite book |last=Smith |date=2001a |title=Rivers}}
        * {{cite book |last=Smith |date=2001b |title=Lakes}}
    """
    page = short_citation_page(article, ctx)
    for link in page.links:
        if not link.certain:
            continue
        targets = [anchor for anchor in page.anchors.get(link.anchor, ()) if anchor.counted]
        if len(targets) > 1:
            yield ctx.finding(
                link.span,
                f"{link.label} error: multiple targets ({len(targets)}×): {link.anchor} "
                f"(lines {_lines(article, [anchor.span for anchor in targets])})",
            )


@rule(
    code="WC423",
    name="citation-without-short-citation",
    family=RuleFamily.REFERENCE,
    severity=Severity.INFO,
)
def citation_without_short_citation(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a full citation that no short citation links to, on a page that uses them.

    Why: in a page cited with {{sfn}} or {{harv}}, a bibliography entry nothing links to is
    either a source the text no longer uses or one whose short citations have a typo in the
    names or year (the "Harv warning: There is no link pointing to this citation" of the
    HarvErrors script). Citations inside <ref> tags are full footnotes and are not reported;
    so are pages whose short citations hold templates wikicheck cannot expand.

    Example:
        Text.{{sfn|Smith|2001}}
        * {{cite book |last=Smith |date=2001 |title=Rivers}}
        * {{cite book |last=Jones |date=1999 |title=Lakes}}

    Use instead:
        Text.{{sfn|Smith|2001}} More.{{sfn|Jones|1999}}
        * {{cite book |last=Smith |date=2001 |title=Rivers}}
        * {{cite book |last=Jones |date=1999 |title=Lakes}}
    """
    page = short_citation_page(article, ctx)
    if not page.links or any(not link.certain for link in page.links):
        return
    for anchors in page.anchors.values():
        for anchor in anchors:
            citation = anchor.citation
            if citation is None or citation.in_ref or anchor.id in page.linked:
                continue
            yield ctx.finding(
                citation.span,
                f"There is no link pointing to this citation; the anchor is named {anchor.id}",
            )


RULES = (
    short_citation_without_target,
    short_citation_multiple_targets,
    short_citation_target_maybe_elsewhere,
    citation_without_short_citation,
)
