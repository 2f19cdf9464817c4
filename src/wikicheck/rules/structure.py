"""WC1xx: the structure of the article: headings, sections and infoboxes."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, Section, Span
from ..textutil import strip_comments
from ._base import FixAvailability, RuleContext, rule
from ._duplicates import Occurrence, duplicates


@rule(
    code="WC101",
    name="heading-level-skip",
    family=RuleFamily.STRUCTURE,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.ALWAYS,
)
def heading_level_skip(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a heading more than one level deeper than the heading before it.

    The article title counts as level 1, so the first heading should be ``==``.

    Why: screen readers and the table of contents navigate by heading level; a jump from
    ``==`` to ``====`` leaves a hole in the outline (MOS:GOODHEAD, Check Wikipedia #25).

    Example:
        == History ==
        ==== Early years ====

    Use instead:
        == History ==
        === Early years ===

    Fix: unsafe. Raises the heading to the level after the previous one; it changes how the
    heading looks, so review it.
    """
    previous = 1
    for section in article.all_sections():
        if section.heading_span is None:
            continue
        if section.level > previous + 1:
            wanted = previous + 1
            span = section.heading_span
            inner = article.text_at(Span(span.start + section.level, span.end - section.level))
            fix = Fix(
                title=f"Change to a level-{wanted} heading",
                edits=(Edit(span, "=" * wanted + inner + "=" * wanted),),
                applicability=Applicability.UNSAFE,
            )
            yield ctx.finding(
                span,
                f"heading level skips from {previous} to {section.level}: "
                f"{'=' * section.level} {section.title} {'=' * section.level} "
                f"should be level {wanted}",
                fix,
            )
        previous = section.level


@rule(
    code="WC102", name="duplicate-heading", family=RuleFamily.STRUCTURE, severity=Severity.WARNING
)
def duplicate_heading(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a heading whose title repeats a sibling heading in the same section.

    Why: MediaWiki gives both the same anchor; links to ``#Title`` and edit summaries reach
    only the first one (MOS:HEADINGS: headings should be unique within a page).

    Example:
        == Career ==
        == Career ==

    Use instead:
        == Early career ==
        == Later career ==
    """

    yield from _duplicate_siblings(article, ctx, article.sections)


def _duplicate_siblings(
    article: Article, ctx: RuleContext, sections: tuple[Section, ...]
) -> Iterator[Finding]:
    # A module function, not a closure: a nested function that calls itself is a reference
    # cycle, which would keep the whole article alive until the garbage collector runs.
    seen: dict[str, Section] = {}
    for section in sections:
        key = (section.title or "").casefold()
        first = seen.get(key)
        if key and first is not None and section.heading_span is not None:
            line = article.position(first.span.start).line
            yield ctx.finding(
                section.heading_span,
                f'duplicate heading "{section.title}" (also on line {line}); '
                f'links to "#{section.title}" reach only the first',
            )
        seen.setdefault(key, section)
        yield from _duplicate_siblings(article, ctx, section.children)


@rule(code="WC103", name="empty-section", family=RuleFamily.STRUCTURE, severity=Severity.WARNING)
def empty_section(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a section with no content and no subsections.

    Comments do not count as content: readers see an empty heading.

    Why: an empty section is a heading with nothing under it; fill it, tag it with
    ``{{Empty section}}`` or remove it (Check Wikipedia #84).

    Example:
        == Legacy ==
        == References ==
        {{Reflist}}

    Use instead:
        == Legacy ==
        {{Empty section|date=May 2024}}
        == References ==
        {{Reflist}}
    """
    for section in article.all_sections():
        if section.heading_span is None or section.children:
            continue
        if not strip_comments(article.text_at(section.body_span)).strip():
            yield ctx.finding(section.heading_span, f'section "{section.title}" is empty')


@rule(
    code="WC111",
    name="duplicate-infobox-field",
    family=RuleFamily.STRUCTURE,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.SOMETIMES,
)
def duplicate_infobox_field(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an infobox field that is given more than once.

    Why: MediaWiki silently uses the last value and drops the others, and files the page in
    "Pages using duplicate arguments in template calls". An editor who changes the first
    copy sees no effect.

    Example:
        {{Infobox person
        | name = Ada Lovelace
        | name = Augusta Ada King
        }}

    Use instead:
        {{Infobox person
        | name = Augusta Ada King
        }}

    Fix: safe when the earlier copy is empty or identical to the later one: it is removed,
    which changes nothing a reader sees. Otherwise there is no automatic fix.
    """
    for infobox in article.infoboxes:
        occurrences = [
            Occurrence(field.name, field.value, field.span, field.name_span or field.span)
            for field in infobox.fields
        ]
        for duplicate in duplicates(article, occurrences):
            line = article.position(duplicate.used.span.start).line
            yield ctx.finding(
                duplicate.dropped.name_span.trimmed(article.source),
                f'infobox field "{duplicate.dropped.name}" is given again on line {line}; '
                "only the last value is shown",
                duplicate.fix,
            )


RULES = (heading_level_skip, duplicate_heading, empty_section, duplicate_infobox_field)
