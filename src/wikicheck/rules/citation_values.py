"""WC341–WC345: what citation values hold (titles, invisible characters, punctuation, extra text).

Parameters that need another, and periodical names, are in ``citation_required_params``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.checks import check_data
from ..cs1.params import parameter_table
from ..cs1.rendering import Extra, citation_class, extra_text_params, rendering
from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, Citation, Span
from ..textutil import MEDIAWIKI_WHITESPACE, mediawiki_trim
from ._base import FixAvailability, RuleContext, rule

_TITLES = ("title", "trans-title", "script-title")
# The label a fix removes: the module's labels with what separates them from the number. A
# fix is offered only when something follows that is not glued to the label ("Volumen 3").
_LABELS = {
    Extra.PAGES: re.compile(r"^(?:pages?|pgs?|pp?)\.?(?:&nbsp;|[\s:])*", re.IGNORECASE),
    Extra.VOLUME: re.compile(
        r"^(?:volumes?|vols?|issues?|iss|numbers?|nos?|nr|n°|№|n)(?:[.:=]|&nbsp;|\s)*",
        re.IGNORECASE,
    ),
    Extra.EDITION: re.compile(r"[\s,]+(?:edn?\.?|edition)$", re.IGNORECASE),
}


@rule(code="WC341", name="missing-title", family=RuleFamily.CITATION, severity=Severity.ERROR)
def missing_title(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation with no title ("Missing or empty |title=").

    |trans-title= or |script-title= count as a title; {{cite episode}} needs |series=. In
    {{cite encyclopedia}} (and {{citation}} with |encyclopedia=) the encyclopedia becomes the
    title only beside an |article= (or |entry=, |chapter= ...): the module renders the
    article as part of the encyclopedia. An encyclopedia alone, cited as a whole, has no
    title.

    Why: CS1 shows a red error; a citation must say what it cites.

    Example:
        {{cite web |url=https://example.org/a |website=Example}}

    Use instead:
        {{cite web |url=https://example.org/a |title=Annual report |website=Example}}
    """
    for citation in cs1_citations(article):
        needed: tuple[str, ...] = ("series",) if citation.cs1 == "Cite episode" else _TITLES
        if any(citation.filled(name) for name in needed) or _encyclopedia_titled(citation):
            continue
        what = "|series=" if citation.cs1 == "Cite episode" else "|title="
        hint = ""
        if citation_class(citation) in rendering().classes["encyclopedia"] and any(
            citation.filled(name) for name in rendering().meta["encyclopedia"]
        ):
            hint = " (|encyclopedia= stands in for the title only beside |article=)"
        yield ctx.finding(citation.span, f"Missing or empty {what}{hint}")


def _encyclopedia_titled(citation: Citation) -> bool:
    """The module's remapping: in {{cite encyclopedia}}, or {{citation}} with |encyclopedia=,
    an encyclopedia and an article make the encyclopedia the title."""
    data = rendering()
    cls = citation_class(citation)
    encyclopedia = data.first(citation, "encyclopedia")
    if cls == "citation" and encyclopedia is None:
        return False
    if cls not in data.classes["encyclopedia"]:
        return False
    if encyclopedia is None and data.first(citation, "script_encyclopedia") is None:
        return False
    return (
        data.first(citation, "chapter") is not None
        or data.first(citation, "script_chapter") is not None
    )


@rule(code="WC342", name="generic-title", family=RuleFamily.CITATION, severity=Severity.ERROR)
def generic_title(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a title that a tool copied from an error or placeholder page ("Cite uses generic title").

    "Page not found", "Are you a robot?", "Wayback Machine", "404" and the module's other
    patterns.

    Why: CS1 shows a red error; the title names a web page's state, not the source.

    Example:
        {{cite web |url=https://example.org/a |title=Page not found}}

    Use instead:
        {{cite web |url=https://example.org/a |title=Annual report 2019}}
    """
    data = check_data()
    for citation in cs1_citations(article):
        title = citation.filled("title")
        if title and data.is_generic_title(title.value):
            yield ctx.finding(title.trimmed_value_span, f'Cite uses generic title: "{title.value}"')


@rule(
    code="WC343",
    name="invisible-character",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.SOMETIMES,
)
def invisible_character(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an invisible character in a citation value ("nbsp in |title= at position 5").

    Non-breaking space, zero-width space, soft hyphen, hair space, tab, replacement
    character, zero-width joiner, delete.

    Why: CS1 shows a red error; invisible characters break searches, URLs and metadata, and
    usually come from copying and pasting.

    Example:
        {{cite web |url=https://example.org/a |title=Annual\u00a0report}}

    Use instead:
        {{cite web |url=https://example.org/a |title=Annual report}}

    Fix: safe for characters that become a space or nothing (all but the zero-width joiner,
    which some scripts need, and the replacement character, which marks lost text).
    """
    data = check_data()
    invisible, any_invisible = data.invisible, data.invisible_pattern
    for citation in cs1_citations(article):
        for param in citation.params:
            raw = article.text_at(param.value_span)
            if not any_invisible.search(raw):
                continue
            # What MediaWiki trims off never reaches CS1; a trailing no-break space does.
            trimmed = mediawiki_trim(raw) if not param.raw_name.isdigit() else raw
            leading = len(raw) - len(raw.lstrip(MEDIAWIKI_WHITESPACE)) if trimmed != raw else 0
            for match in any_invisible.finditer(trimmed):
                char, index = match.group(), match.start()
                name, replacement = invisible[char]
                offset = leading + index
                at = param.value_span.start + offset
                fix = None
                if char not in ("\u200d", "\ufffd"):
                    fix = Fix(
                        f"Replace the {name}",
                        (Edit(Span(at, at + 1), replacement),),
                        Applicability.SAFE,
                    )
                yield ctx.finding(
                    Span(at, at + 1),
                    f"{name} character in |{param.raw_name}= at position {index + 1}",
                    fix,
                )


@rule(
    code="WC344",
    name="extra-punctuation",
    family=RuleFamily.CITATION,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.ALWAYS,
)
def extra_punctuation(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation value that ends in "," ";" or ":" ("CS1 maint: extra punctuation").

    Titles, quotes and URLs are exempt, as in the module.

    Why: CS1 adds its own punctuation between parts, so the reader sees ".," or ";." doubled.

    Example:
        {{cite book |title=T |publisher=Example Press,}}

    Use instead:
        {{cite book |title=T |publisher=Example Press}}

    Fix: safe: the trailing punctuation is removed.
    """
    exempt = check_data().extra_punctuation_exempt | parameter_table().url_params
    for citation in cs1_citations(article):
        for param in citation.params:
            value = param.value
            if not value.endswith((",", ";", ":")) or value.endswith("&nbsp;"):
                continue
            base = re.sub(r"\d+$", "", param.name)
            if param.raw_name.isdigit() or base in exempt or param.name in exempt:
                continue
            span = param.trimmed_value_span
            stripped = value.rstrip(",;: ")
            yield ctx.finding(
                span,
                f"CS1 maint: extra punctuation: |{param.raw_name}= ends with {value[-1]!r}",
                Fix("Remove the punctuation", (Edit(span, stripped),), Applicability.SAFE),
            )


@rule(
    code="WC345",
    name="extra-text",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.SOMETIMES,
)
def extra_text(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags "p.", "vol.", "no." or "ed." written into a parameter CS1 labels itself.

    Only where the template shows the parameter, as the module checks it: |volume= and
    |issue= in the templates that show them ({{cite web}} shows neither), |page= (or
    |pages= when there is no |page=), |quote-page= beside a quote, and |edition=. The
    module's own patterns: "p5", "pp 5", "pages 5" (but "P7" may be page 7 of section P),
    "vol 1", "Volume 2", "No. 3", "Issue 4" (in either |volume= or |issue=), "2nd ed".

    Why: CS1 shows "|pages= has extra text"; the reader sees "pp. pp. 5–7".

    Example:
        {{cite book |title=T |pages=pp. 5–7}}

    Use instead:
        {{cite book |title=T |pages=5–7}}

    Fix: safe: the extra label is removed, when a number or a separated word follows it.
    """
    data = rendering()
    for citation in cs1_citations(article):
        for param, kind in extra_text_params(citation):
            if data.has_extra_text(kind, param.value):
                span = param.trimmed_value_span
                stripped = _without_label(kind, param.value)
                fix = None
                if stripped:
                    fix = Fix(f'Write "{stripped}"', (Edit(span, stripped),), Applicability.SAFE)
                yield ctx.finding(span, f"|{param.raw_name}= has extra text: {param.value!r}", fix)


def _without_label(kind: Extra, value: str) -> str:
    """The value without its label, or "" when removing it is not certain."""
    label = _LABELS[Extra.VOLUME if kind is Extra.ISSUE else kind].search(value)
    if label is None or value.startswith("(("):
        return ""
    if kind is Extra.EDITION:
        return value[: label.start()]
    rest = value[label.end() :]
    separated = label.group() != label.group().rstrip(".:= \t") or "&nbsp;" in label.group()
    return rest if rest and (separated or rest[0].isdigit()) else ""


RULES = (missing_title, generic_title, invisible_character, extra_punctuation, extra_text)
